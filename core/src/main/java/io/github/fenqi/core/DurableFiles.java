package io.github.fenqi.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What makes a change to a directory survive a crash: a new file's name, a rename, are entries of the directory,
 * which POSIX syncs only when the directory itself is synced (policy files' atomic replacement, a new audit log).
 *
 * <p>Thread-safety: stateless.
 */
public final class DurableFiles {
  private DurableFiles() {}

  /**
   * Syncs {@code directory} where a directory can be synced (Linux, macOS); elsewhere (Windows) the entry is written
   * and its durability is the operating system's call.
   */
  public static void syncDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // not supported on this platform: the change itself is done, only its durability is deferred
    }
  }
}
