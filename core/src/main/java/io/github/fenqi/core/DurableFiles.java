package io.github.fenqi.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
   * Syncs {@code directory}, so that the entries made in it (a new file's name, a rename, a removal) survive a crash.
   *
   * <p>Benign, and ignored: a platform that cannot open a directory to sync it (Windows refuses the open with an
   * {@link AccessDeniedException}; NTFS makes its entries durable itself), and a file system that cannot sync a
   * directory ({@code fsync} fails with {@code EINVAL}, "Invalid argument", as some network and FUSE file systems
   * do): the change is made there, and its durability is the file system's. Every other failure is thrown, because
   * the change may then not survive a crash, which the caller promised: the directory is missing or is not a
   * directory ({@link NoSuchFileException}, {@link NotDirectoryException} — the entry was not made where the caller
   * thinks), it cannot be opened on a POSIX system (permissions), or the sync fails ({@code EIO}, {@code ENOSPC},
   * {@code EDQUOT}: after a failed sync the file system may have dropped the change). All of these had been ignored.
   *
   * @throws IOException naming the directory when it cannot be synced for a reason that is not benign
   */
  public static void syncDirectory(Path directory) throws IOException {
    syncDirectory(directory, WINDOWS);
  }

  private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

  /** The C library's message for {@code EINVAL}, which the JDK passes on for a failed {@code fsync}. */
  private static final String EINVAL = "Invalid argument";

  static void syncDirectory(Path directory, boolean windows) throws IOException {
    if (!Files.isDirectory(directory)) {
      if (Files.exists(directory)) {
        throw new NotDirectoryException(directory.toString());
      }
      throw new NoSuchFileException(directory.toString(), null, "the directory to sync does not exist");
    }
    FileChannel dir;
    try {
      dir = FileChannel.open(directory, StandardOpenOption.READ);
    } catch (AccessDeniedException e) {
      if (windows) {
        return; // a directory cannot be opened as a channel there: its entries are the file system's to keep
      }
      throw e;
    }
    try (dir) {
      dir.force(true);
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      if (!message.equals(EINVAL) && !message.endsWith(": " + EINVAL)) {
        throw new IOException(directory + ": cannot sync the directory, so its latest change may not survive a "
            + "crash: " + e.getMessage(), e);
      }
      // the file system does not sync directories: the change is made, its durability is the file system's
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
   * @throws IOException when it cannot be written; {@code target} is then as it was and the temporary file removed;
   *     or, naming the directory, when the rename is made but cannot be synced ({@link #syncDirectory}): {@code target}
   *     then holds {@code content}, and a crash may bring back the old file
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
