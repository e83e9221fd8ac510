package io.github.fenqi.nlp.watch;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Holds a watcher's state file for it alone: two watchers on one state file overwrite each other's state (each writes
 * the whole file from its own memory), so what one read the other forgot and applied again. The lock is a
 * {@link FileLock} on {@code NAME.lock} beside the state file (the state file itself is replaced by a rename, so a
 * lock on it would stay on the old file), held from {@link AnnouncementWatcher.Builder#build()} to
 * {@link AnnouncementWatcher#close()}; the empty lock file is left in place. A POSIX lock belongs to the process and
 * closing any handle on the file drops it, so watchers of this process are told apart by a registry first, and a
 * second one never opens the file. The registry knows the lock file by its identity on disk (device and inode), not
 * by its path: a state file reached through a linked directory ({@code /srv/fenqi/state.json} and
 * {@code /srv/current/state.json}, {@code current} a link to {@code fenqi}) had been two entries, so the second
 * watcher opened the lock file, was refused by the JVM as overlapping and closed it again, which dropped the first
 * watcher's lock (another process could then take the file), and was told the file was another process's.
 *
 * <p>Thread-safety: thread-safe.
 */
record StateFileLock(Object lockFileKey, FileChannel channel, FileLock lock, AtomicBoolean released)
    implements AutoCloseable {
  /** The lock files (their {@link BasicFileAttributes#fileKey()}, else real path) held by watchers of this process. */
  private static final Set<Object> HELD_HERE = ConcurrentHashMap.newKeySet();

  /**
   * Locks {@code stateFile} (absolute, links followed) for one watcher.
   *
   * @throws InvalidInputException at {@code stateFile} when another watcher of this process or of another one holds
   *     it, or the lock file cannot be created
   */
  static StateFileLock acquire(Path stateFile) {
    Path lockFile = stateFile.resolveSibling(stateFile.getFileName() + ".lock");
    Object key;
    try {
      key = identity(lockFile);
    } catch (IOException e) {
      throw new InvalidInputException("stateFile", "cannot lock " + lockFile + " (" + InputFiles.reason(e) + ")");
    }
    if (!HELD_HERE.add(key)) {
      throw new InvalidInputException("stateFile", stateFile + " is used by another watcher of this process (one "
          + "watcher per state file; close() the other first)");
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      @Nullable FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new InvalidInputException("stateFile", stateFile + " is used by another process's watcher (it holds "
            + lockFile + "; one watcher per state file)");
      }
      return new StateFileLock(key, channel, lock, new AtomicBoolean());
    } catch (IOException | RuntimeException e) {
      HELD_HERE.remove(key);
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // the lock was not taken; nothing to release
        }
      }
      if (e instanceof IOException io) {
        throw new InvalidInputException("stateFile", "cannot lock " + lockFile + " (" + InputFiles.reason(io) + ")");
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * The lock file's identity, the same whatever path names it: its file key (device and inode), once it exists, else
   * its real path. It is created if need be without a handle being left open or closed on a file someone locks (a new
   * file has no lock; an existing one is only looked at).
   */
  private static Object identity(Path lockFile) throws IOException {
    try {
      Files.createFile(lockFile);
    } catch (FileAlreadyExistsException e) {
      // there already (left in place by an earlier watcher), or something else stands there: opened below, and named
    }
    BasicFileAttributes attributes = Files.readAttributes(lockFile, BasicFileAttributes.class);
    return attributes.fileKey() != null ? attributes.fileKey() : lockFile.toRealPath();
  }

  /** Whether the lock is still held: not yet {@link #close() closed}. */
  boolean held() {
    return !released.get();
  }

  /** Releases the state file for another watcher. Idempotent. */
  @Override
  public void close() {
    if (released.getAndSet(true)) {
      return;
    }
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException ignored) {
      // closing the channel releases the lock in any case
    } finally {
      HELD_HERE.remove(lockFileKey);
    }
  }
}
