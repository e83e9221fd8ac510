package io.github.fenqi.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

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

  /**
   * Replaces {@code target} with {@code content} so that a crash leaves either the old file or the new one, whole:
   * the bytes go to a temporary file beside it ({@code .NAME.UUID.tmp}, the name made ASCII and cut to
   * {@value #MAX_TEMPORARY_BASE} characters, so at most 242 bytes: with the whole name a file named with more than 213
   * bytes, 71 Chinese characters, could not be replaced), are forced to disk, renamed over
   * {@code target} atomically where the file system can, and the rename is synced ({@link #syncDirectory}). A state
   * file rewritten in place was left empty or cut short by a crash mid-write.
   *
   * @throws IOException when it cannot be written; {@code target} is then as it was and the temporary file removed
   */
  public static void replace(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Path temporary = absolute.resolveSibling(temporaryName(absolute.getFileName().toString()));
    try {
      try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        for (ByteBuffer buffer = ByteBuffer.wrap(content); buffer.hasRemaining(); ) {
          out.write(buffer);
        }
        out.force(true);
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // a leftover temporary file is hidden and named .tmp: nothing reads it
      }
      throw e;
    }
    if (directory != null) {
      syncDirectory(directory); // the rename, durable
    }
  }

  /** Longest part of a temporary name taken from its target's: with "." and ".<uuid>.tmp", 242 bytes at most. */
  static final int MAX_TEMPORARY_BASE = 200;

  private static String temporaryName(String target) {
    String ascii = target.replaceAll("[^A-Za-z0-9._-]", "_");
    return "." + (ascii.length() <= MAX_TEMPORARY_BASE ? ascii : ascii.substring(0, MAX_TEMPORARY_BASE)) + "."
        + UUID.randomUUID() + ".tmp";
  }
}
