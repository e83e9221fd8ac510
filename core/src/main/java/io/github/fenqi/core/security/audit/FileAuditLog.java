package io.github.fenqi.core.security.audit;

import io.github.fenqi.core.AuditIntegrityException;
import io.github.fenqi.core.AuditLogBusyException;
import io.github.fenqi.core.DurableFiles;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as a file of JSON lines, one {@link AuditEntry} per line (format in {@link AuditEntry}).
 *
 * <p>Durability: an append returns only after its line is written and {@link FileChannel#force forced} to disk.
 * Group commit: appends from all threads are queued to one writer thread, which takes everything waiting, seals
 * it into the chain, writes it with one {@code write} and one {@code force}, then acknowledges every appender of
 * the batch; so N concurrent appenders share one fsync. When a write or force fails, or the clock or a sink throws
 * where an exception is not expected (see {@link AuditSink}), or the file's size is no longer where the log's last
 * entry ends (another program truncated or wrote it: a rotation by copy and truncate), or its path no longer names
 * the file (renamed, replaced or removed under the writer: one stat per batch), the appenders waiting are told, and the
 * log refuses further appends until it is reopened (which verifies the file and repairs a torn tail). Rotate the log
 * by closing it, renaming it and opening it again (appends between the rename and the reopening are refused), not by
 * copying and truncating it under the writer. Before, a log removed under its writer (a rotation that renamed it and
 * later deleted the old copies) went on acknowledging entries as durable into a file no name led to.
 *
 * <p>One writer: within the JVM the single writer thread serialises the chain; across processes an exclusive
 * {@link FileLock} is held while the log is open, and a second {@code open} of the same file fails (or waits, see
 * {@link #open(Path, AuditKey, Duration)}). The lock is a POSIX record lock, which belongs to the process and is
 * released when the process closes <em>any</em> handle on the file. So this class never closes a handle on a log that
 * is open in this JVM: the logs open here are registered by file identity (device and inode), a second {@code open} of
 * one is refused before any handle is opened, and {@link #verify(Path, AuditKey, Optional)} and
 * {@link #read(Path, AuditKey, Consumer)} read it through the open log's handles; while one of them reads a file that
 * is not open here by a handle of its own, {@code open} refuses that file. Other code in the process must not
 * open and close the file by path (a {@code Files.readAllLines} of it releases the lock). (Before, {@code open}
 * verified the file through a second handle and closing it dropped the lock at once: two CLI runs on one log both
 * wrote, from the same offset, and one run's entries were lost; later a refused second {@code open} in the same JVM
 * did the same.)
 *
 * <p>Reading the open log goes through its own locked channel (on Windows, where locks are per handle and mandatory,
 * another handle would be refused the locked bytes), but each read runs on a thread of the log's own: a channel is
 * closed when a thread using it is interrupted, which would close the writer's handle and release the lock. The
 * caller waits for the read without being interruptible and keeps its interrupt status.
 *
 * <p>Crash recovery: a crash can leave a torn last line (the bytes after the last newline). {@link #open} detects
 * it, truncates the file to the end of the last complete line and forces that, so every acknowledged entry (all
 * of which ended with a forced newline) is kept. A last line that lost its newline alone, a whole entry that verifies
 * as the chain's next, is kept and its newline written and forced (it had been cut off, an entry all on disk lost);
 * one that is a whole JSON object but does not verify is no torn write and is refused as tampering. Complete lines
 * are fully verified on open; a complete line that does not verify is tampering, not a crash, and {@code open}
 * refuses the log with {@link AuditIntegrityException}.
 * Cutting whole entries off the tail is only detectable with an {@link AuditCheckpoint} kept elsewhere.
 *
 * <p>Every {@link AuditIntegrityException} this class throws names the log's file ({@link
 * AuditIntegrityException#file()}, and its message starts with the file as it was given here).
 *
 * <p>Thread-safety: thread-safe.
 */
public final class FileAuditLog implements AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(FileAuditLog.class);
  private static final int MAX_BATCH = 4096;
  /**
   * The logs open in this JVM by {@link #identity file identity}. Guarded by itself, which is held for a whole
   * {@code open}: opening and closing a handle on a file whose lock this process holds would release that lock.
   */
  private static final Map<Object, FileAuditLog> OPEN_HERE = new HashMap<>();
  /**
   * How many by-path {@link #verify(Path, AuditKey, Optional)} and {@link #read(Path, AuditKey, Consumer)} calls of
   * this JVM have a handle open on each file (by identity); guarded by {@link #OPEN_HERE}. {@code open} refuses a file
   * while one does: the reader closes its handle when it is done, and that would release the lock of a log opened
   * meanwhile (an {@code open} from the reader's own callback, or from another thread between the reader's look-up
   * in {@link #OPEN_HERE} and its scan, let a second process write beside it).
   */
  private static final Map<Object, Integer> READ_BY_PATH = new HashMap<>();

  private final Path file;
  private final AuditKey key;
  private final Clock clock;
  private final List<AuditSink> sinks;
  private final FileChannel channel;
  private final FileLock lock;
  /** Runs the channel reads of {@link #verify(Optional)} and {@link #read(Consumer)}; never interrupted. */
  private final ThreadPoolExecutor reads;
  private final Object identity;
  private final AuditChain chain;
  private final long repairedBytes;
  private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final Object enqueueLock = new Object();
  private boolean closed;
  private volatile Head durable;
  /**
   * Where the file ends once the batch being written is (where {@link #durable} ends while none is), set before each
   * write: {@link #refusal()} takes a file longer than the log for that batch up to here, and for another program's
   * bytes past it.
   */
  private volatile long writingTo;
  private volatile @Nullable FenqiException failure;

  private record Head(long sequence, String hash, long size) {}

  private record Request(List<AuditEvent> events, CompletableFuture<List<AuditEntry>> done) {}

  private static final Request STOP = new Request(List.of(), new CompletableFuture<>());

  private FileAuditLog(Path file, AuditKey key, Clock clock, List<AuditSink> sinks, FileChannel channel, FileLock lock,
      Object identity, AuditChain chain, long size, long repairedBytes) {
    this.file = file;
    this.key = key;
    this.clock = clock;
    this.sinks = List.copyOf(sinks);
    this.channel = channel;
    this.lock = lock;
    this.reads = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
      Thread t = new Thread(task, "fenqi-audit-reader-" + file.getFileName());
      t.setDaemon(true);
      return t;
    });
    this.identity = identity;
    this.chain = chain;
    this.repairedBytes = repairedBytes;
    this.durable = new Head(chain.lastSequence(), chain.headHash(), size);
    this.writingTo = size;
    this.writer = new Thread(this::writeLoop, "fenqi-audit-writer-" + file.getFileName());
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /** Opens (creating if absent) the log at {@code file} with the system UTC clock and no sinks. */
  public static FileAuditLog open(Path file, AuditKey key) {
    return open(file, key, Clock.systemUTC(), List.of());
  }

  /**
   * Opens the log at {@code file} as {@link #open(Path, AuditKey)}, waiting up to {@code waitForWriter} while another
   * writer (another process, or another open log in this one) holds it: short-lived writers such as CLI runs that
   * share one log take turns instead of failing.
   *
   * @throws AuditLogBusyException when the other writer still holds the log after the wait, naming the wait
   */
  public static FileAuditLog open(Path file, AuditKey key, Duration waitForWriter) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(waitForWriter, "waitForWriter");
    long deadline = System.nanoTime() + waitForWriter.toNanos();
    while (true) {
      try {
        return open(file, key);
      } catch (AuditLogBusyException busy) {
        if (System.nanoTime() - deadline >= 0) {
          // what to do: a writer that holds the log this long is a long-lived one (a service), not a run taking turns
          throw new AuditLogBusyException(file + ": the audit log is still open by another writer after waiting "
              + waitForWriter.toMillis() + " ms; a writer that keeps it open (a service) does not let go: give each "
              + "such writer its own log file, or try again once it closes");
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new FenqiException(file + ": interrupted while waiting for another writer of the audit log", e);
        }
      }
    }
  }

  /**
   * Opens (creating if absent) the log at {@code file}: locks it, syncs its directory (so that its name survives a
   * crash as its forced entries do, whoever created the file), verifies every complete entry, repairs a torn last
   * line, and starts the writer thread.
   *
   * @throws AuditIntegrityException when a complete entry does not verify (the log was tampered with)
   * @throws AuditLogBusyException when another writer holds the log
   * @throws FenqiException when the file cannot be read or written
   */
  public static FileAuditLog open(Path file, AuditKey key, Clock clock, List<AuditSink> sinks) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sinks, "sinks");
    synchronized (OPEN_HERE) {
      Object before = identity(file);
      if (before != null && OPEN_HERE.containsKey(before)) { // refused without a handle: closing one drops the lock
        throw new AuditLogBusyException(file + ": the audit log is already open by another writer");
      }
      if (before != null && READ_BY_PATH.containsKey(before)) {
        throw new AuditLogBusyException(file + ": the audit log is being read by path in this process (verify or "
            + "read); its handle, closed when the read ends, would release the writer's lock");
      }
      FileAuditLog log = named(file, () -> openUnregistered(file, key, clock, sinks));
      OPEN_HERE.put(log.identity, log);
      return log;
    }
  }

  /**
   * What identifies {@code file} however it is named (hard links, symbolic links, relative paths): its device and inode
   * where the platform has them, else its real path; null when it does not exist. Read by path, without opening it.
   */
  private static @Nullable Object identity(Path file) {
    try {
      Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      return inode != null ? inode : file.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  private static FileAuditLog openUnregistered(Path file, AuditKey key, Clock clock, List<AuditSink> sinks) {
    FileChannel channel;
    try {
      try {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException exists) {
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      }
    } catch (IOException e) {
      Path parent = file.toAbsolutePath().getParent();
      String why = e instanceof NoSuchFileException && parent != null && !Files.isDirectory(parent)
          ? "its directory " + parent + " does not exist" : InputFiles.reason(e);
      throw new FenqiException(file + ": cannot open the audit log: " + why, e);
    }
    Path directory = file.toAbsolutePath().getParent();
    FileLock lock = null;
    try {
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new AuditLogBusyException(file + ": the audit log is already open by another writer");
      }
      // The file's name must survive a crash as its forced entries do. Synced by the writer that holds the lock,
      // whoever made the file: only an open that created it had synced, so a file made by an open whose sync failed
      // or that was killed first, by a rival that lost the lock to this writer, or by touch, went unsynced.
      if (directory != null) {
        try {
          DurableFiles.syncDirectory(directory);
        } catch (IOException e) {
          throw new FenqiException(file + ": cannot open the audit log: its name cannot be made durable, so its "
              + "entries could vanish with it in a crash: " + InputFiles.reason(e), e);
        }
      }
      AuditChain chain = new AuditChain(key);
      // through the locked channel: opening the file again and closing it would drop this process's lock (POSIX)
      long complete = scan(source(channel), Long.MAX_VALUE, (line, n) -> chain.accept(line, n));
      long size = channel.size();
      long repaired = size - complete;
      if (repaired > 0 && lostItsNewline(channel, complete, size, chain)) {
        LOG.warn("{}: entry {} had lost its final newline alone (a crash during a write); the entry is whole and "
            + "verifies, so it is kept and the newline restored", file, chain.lastSequence());
        for (ByteBuffer newline = ByteBuffer.wrap(new byte[] {'\n'}); newline.hasRemaining(); ) {
          channel.write(newline, size);
        }
        channel.force(true);
        complete = size + 1;
        repaired = 0;
      } else if (repaired > 0) {
        LOG.warn("{}: removing a torn last line of {} bytes after entry {} (crash during a write)", file, repaired,
            chain.lastSequence());
        channel.truncate(complete);
        channel.force(true);
      }
      channel.position(complete);
      Object identity = identity(file);
      return new FileAuditLog(file, key, clock, sinks, channel, lock,
          identity != null ? identity : file.toAbsolutePath().normalize(), chain, complete, repaired);
    } catch (IOException | RuntimeException e) {
      try {
        if (lock != null) {
          lock.release();
        }
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw unreadable(file, e);
    }
  }

  /**
   * Whether the bytes after the last newline, from {@code start} to {@code end}, are the chain's next entry whole,
   * only its newline lost (a crash after the entry's bytes reached the disk and before its newline did); the chain
   * then holds it. A torn write is a line cut short, never a whole JSON object: such a tail is not one (false), and is
   * cut off as before. A whole object that does not verify is no crash's doing: refused, not kept nor cut off unseen.
   * (Before, every tail was cut off: an entry whose bytes were all on disk was lost.)
   *
   * @throws AuditIntegrityException when the tail is a whole JSON object but not the chain's next entry
   */
  private static boolean lostItsNewline(FileChannel channel, long start, long end, AuditChain chain)
      throws IOException {
    return wholeNextEntry(tailOf(channel, start, end), chain.lastSequence() + 1, chain::accept);
  }

  /** The bytes of {@code channel} from {@code start} to {@code end}: a last line, which scan bounds in length. */
  private static ByteArrayOutputStream tailOf(FileChannel channel, long start, long end) throws IOException {
    ByteBuffer into = ByteBuffer.allocate((int) (end - start)); // scan refused a line longer than an entry
    while (into.hasRemaining()) {
      if (channel.read(into, start + into.position()) < 0) { // positional: open sets the position after the repair
        break;
      }
    }
    ByteArrayOutputStream tail = new ByteArrayOutputStream(into.position());
    tail.write(into.array(), 0, into.position());
    return tail;
  }

  /**
   * Whether {@code tail}, a last line without its newline, is entry {@code n} whole, verified by {@code accept}; false
   * when it is no whole JSON object (a line cut short: a torn write).
   *
   * @throws AuditIntegrityException when it is a whole JSON object that does not verify as entry {@code n}
   */
  private static boolean wholeNextEntry(ByteArrayOutputStream tail, long n, ObjLongConsumer<String> accept) {
    if (!AuditChain.isWholeJsonObject(tail.toString(StandardCharsets.UTF_8))) {
      return false;
    }
    try {
      accept.accept(utf8(tail, n), n);
    } catch (AuditIntegrityException e) {
      throw new AuditIntegrityException(n, e.getMessage() + "; it is the last line, without its final newline, but "
          + "whole: a crash cuts a line short, it leaves no whole line that does not verify, so it is not removed "
          + "as a torn write");
    }
    return true;
  }

  /**
   * Verifies the log file without opening it for writing (no lock; read-only), e.g. from the CLI's
   * {@code audit verify} beside a service writing it. When the log is open in this JVM, its durable part is verified
   * through the open log's own handle, with {@code key}: opening and closing the file again would release this
   * process's lock on it (POSIX record locks belong to the process, not the handle) and let a second writer in.
   *
   * @throws AuditIntegrityException naming the first bad entry (sequence = line number), a torn last line (unless a
   *     writer has the log open: then it is an entry being written, and the complete entries are what is verified), or
   *     a checkpoint the log does not reach or match
   * @throws InvalidInputException when the file does not exist
   */
  public static AuditVerification verify(Path file, AuditKey key, Optional<AuditCheckpoint> checkpoint) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Verifier verifier = new Verifier(key, checkpoint);
    ByPath byPath = byPath(file);
    if (byPath.here() != null) { // its durable part, through its own handle
      return byPath.here().readDurable(verifier, entry -> { });
    }
    try {
      return named(file, () -> verifyUnopened(file, verifier));
    } finally {
      byPath.done();
    }
  }

  /**
   * What {@code work} returns, its integrity failures naming {@code file} ({@link AuditIntegrityException#in}): the
   * chain checks lines and knows no file, and callers had to add it themselves, which one calling the SDK did not.
   */
  private static <T> T named(Path file, Supplier<T> work) {
    try {
      return work.get();
    } catch (AuditIntegrityException e) {
      throw e.in(file);
    }
  }

  private static AuditVerification verifyUnopened(Path file, Verifier verifier) {
    if (!Files.exists(file)) {
      throw new InvalidInputException(file.toString(), "no such audit log");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long complete = scan(source(channel), Long.MAX_VALUE, verifier::accept);
      long size = channel.size();
      if (size > complete && !heldByAWriter(file)) { // with a writer at work, the tail is a write in progress
        throw incomplete(verifier, channel, complete, size);
      }
      return verifier.finish();
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file.toString(), "no such audit log");
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * The bytes of {@code channel} after the last newline, from {@code complete} to {@code size}, with no writer at
   * work: the next entry whole but for its newline, which {@link #open} restores, or else a torn write, which it
   * removes. (Verify had called both a torn write that opening "repairs", which read as a loss where open keeps the
   * entry.)
   *
   * @throws AuditIntegrityException when the tail is a whole JSON object that does not verify
   */
  private static AuditIntegrityException incomplete(Verifier verifier, FileChannel channel, long complete, long size)
      throws IOException {
    long n = verifier.lastSequence() + 1;
    if (wholeNextEntry(tailOf(channel, complete, size), n, verifier::accept)) {
      return new AuditIntegrityException(n, "entry " + n + " (line " + n + ") is whole and verifies but lacks its "
          + "final newline (a crash between its bytes and its newline); opening the log for appending restores the "
          + "newline");
    }
    return new AuditIntegrityException(n, "entry " + n + " (line " + n + ") is incomplete: " + (size - complete)
        + " bytes without a final newline (a torn write; opening the log for appending repairs it)");
  }

  /**
   * Verifies the log at {@code file} and signs, with {@code key}, a checkpoint of its entries, all of them on disk: for
   * {@code fenqi audit checkpoint}. A writer forces its lines to disk after it writes them, so lines read beside it
   * may not be there after a crash, and a checkpoint naming them makes the log, as it comes back, read as cut short.
   * So: when the log is open in this JVM, the checkpoint is of its durable part (read through its own handle, as
   * {@link #verify(Path, AuditKey, Optional)} reads it); else the file is read under a shared lock, which no writer
   * holds beside (one that opens meanwhile waits or is refused), and the checkpoint is refused while a writer of
   * another process holds the log. (Before, it was signed beside a live writer, over lines not yet forced.)
   *
   * @throws AuditLogBusyException when a writer of another process holds the log (or another checkpoint of it runs in
   *     this JVM): ask the writer for its checkpoint ({@link #checkpoint()}), or make it once the writer is done
   * @throws AuditIntegrityException naming the first bad entry, or a torn last line
   * @throws InvalidInputException when the file does not exist
   */
  public static AuditCheckpoint checkpoint(Path file, AuditKey key) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    Verifier verifier = new Verifier(key, Optional.empty());
    ByPath byPath = byPath(file);
    AuditVerification verified;
    if (byPath.here() != null) {
      verified = byPath.here().readDurable(verifier, entry -> { });
    } else {
      try {
        verified = named(file, () -> verifyLocked(file, verifier));
      } finally {
        byPath.done();
      }
    }
    return AuditCheckpoint.sign(verified.lastSequence(), verified.headHash(), key);
  }

  /** Verifies {@code file}, not open in this JVM, under a shared lock: refused while a writer holds the log. */
  private static AuditVerification verifyLocked(Path file, Verifier verifier) {
    if (!Files.exists(file)) {
      throw new InvalidInputException(file.toString(), "no such audit log");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      FileLock shared;
      try {
        shared = channel.tryLock(0, Long.MAX_VALUE, true);
      } catch (OverlappingFileLockException thisJvm) { // not a log open here (byPath): another checkpoint of it
        throw new AuditLogBusyException(file + ": a checkpoint of the audit log is being made in this process; try "
            + "again once it is done");
      }
      if (shared == null) {
        throw new AuditLogBusyException(file + ": the audit log is open by a writer in another process, whose newest "
            + "lines may not be on disk yet: no checkpoint is made beside it; take the writer's own checkpoint (the "
            + "service's GET /api/admin/audit/checkpoint, FileAuditLog.checkpoint()), or make it once the writer is "
            + "done");
      }
      long complete = scan(source(channel), Long.MAX_VALUE, verifier::accept);
      long size = channel.size();
      if (size > complete) { // no writer at work
        throw incomplete(verifier, channel, complete, size);
      }
      return verifier.finish(); // the lock goes with the handle
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file.toString(), "no such audit log");
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Whether a writer has the log open (its exclusive lock refuses a shared one): then bytes after the last newline
   * are an entry being written, not a torn one, and verifying a live log — {@code fenqi audit verify} beside the
   * service — must not report tampering for them.
   */
  private static boolean heldByAWriter(Path file) {
    try (FileChannel probe = FileChannel.open(file, StandardOpenOption.READ)) {
      FileLock shared = probe.tryLock(0, Long.MAX_VALUE, true);
      if (shared == null) {
        return true;
      }
      shared.release();
      return false;
    } catch (OverlappingFileLockException thisJvm) {
      return true;
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Reads the log at {@code file} without opening it for writing (no lock; a writer may be appending), verifying
   * each complete entry with {@code key} and then handing it, in order, to {@code onEntry}: for rebuilding state
   * that the log already records, such as an outcome monitor's windows after a restart. An incomplete last line —
   * a write in progress, or a torn one the next {@link #open} repairs — is not read.
   *
   * <p>When an entry does not verify, the entries before it have already been handed over; a caller that must
   * not act on part of a log collects them and acts only once this returns.
   *
   * <p>When the log is open in this JVM, its durable part is read through the open log's own handle, as
   * {@link #read(Consumer)} does (see {@link #verify(Path, AuditKey, Optional)}).
   *
   * @return how far the log verified
   * @throws AuditIntegrityException naming the first entry that does not verify
   * @throws InvalidInputException when the file does not exist
   */
  public static AuditVerification read(Path file, AuditKey key, Consumer<AuditEntry> onEntry) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(onEntry, "onEntry");
    Verifier verifier = new Verifier(key, Optional.empty());
    ByPath byPath = byPath(file);
    if (byPath.here() != null) {
      return byPath.here().readDurable(verifier, onEntry);
    }
    try {
      return named(file, () -> {
        scanExisting(file, (line, n) -> onEntry.accept(verifier.accept(line, n)));
        return verifier.finish();
      });
    } finally {
      byPath.done();
    }
  }

  /**
   * A by-path read of {@code file}: through the log open on it in this JVM ({@code here}), or else registered in
   * {@link #READ_BY_PATH} until {@link #done()}, in one step with the look-up, so that no {@code open} slips between.
   */
  private record ByPath(@Nullable FileAuditLog here, @Nullable Object identity) {
    void done() {
      if (identity != null) {
        synchronized (OPEN_HERE) {
          READ_BY_PATH.computeIfPresent(identity, (k, n) -> n == 1 ? null : n - 1);
        }
      }
    }
  }

  private static ByPath byPath(Path file) {
    synchronized (OPEN_HERE) {
      Object identity = identity(file);
      FileAuditLog here = identity == null ? null : OPEN_HERE.get(identity);
      if (here != null || identity == null) {
        return new ByPath(here, null);
      }
      READ_BY_PATH.merge(identity, 1, Integer::sum);
      return new ByPath(null, identity);
    }
  }

  /** {@link #scan} of a file that must exist: verify's and read's common part. */
  private static long scanExisting(Path file, ObjLongConsumer<String> onLine) {
    if (!Files.exists(file)) {
      throw new InvalidInputException(file.toString(), "no such audit log");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return scan(source(channel), Long.MAX_VALUE, onLine);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file.toString(), "no such audit log");
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static FenqiException unreadable(Path file, Exception e) {
    return new FenqiException(file + ": cannot read the audit log: "
        + (e instanceof IOException io ? InputFiles.reason(io) : e.getMessage()), e);
  }


  /** Reads from a position of a file, leaving any position the writer keeps alone. */
  @FunctionalInterface
  private interface Source {
    /** Up to {@code length} bytes at {@code position} into {@code into}; the count read, or -1 at the end. */
    int read(byte[] into, int length, long position) throws IOException;
  }

  /** Positional reads of {@code channel}, on the calling thread. */
  private static Source source(FileChannel channel) {
    return (into, length, position) -> channel.read(ByteBuffer.wrap(into, 0, length), position);
  }

  /**
   * A positional read of this log's channel on its reader thread, waited for without being interruptible (the
   * caller's interrupt status is kept): an interrupt on the thread doing the read would close the channel.
   */
  private int readUninterruptibly(byte[] into, int length, long position) throws IOException {
    Future<Integer> read;
    try {
      read = reads.submit(() -> channel.read(ByteBuffer.wrap(into, 0, length), position));
    } catch (RejectedExecutionException closedMeanwhile) {
      throw new FenqiException(file + ": the audit log is closed");
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return read.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new FenqiException(file + ": cannot read the audit log: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Reads complete lines from {@code source} (up to {@code limit} bytes) and hands each, with its 1-based number, to
   * {@code onLine}; returns the byte offset just after the last complete line.
   *
   * @throws AuditIntegrityException when a line, complete or not, is longer than {@link AuditEntry#MAX_LINE_BYTES}:
   *     no entry of this log is, so it is neither an entry nor a torn write of one
   */
  private static long scan(Source source, long limit, ObjLongConsumer<String> onLine) throws IOException {
    long complete = 0;
    long offset = 0;
    long lineNumber = 0;
    ByteArrayOutputStream current = new ByteArrayOutputStream(512);
    byte[] bytes = new byte[1 << 16];
    int read;
    while (offset < limit) {
      read = source.read(bytes, (int) Math.min(bytes.length, limit - offset), offset);
      if (read <= 0) {
        break;
      }
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (bytes[i] == '\n') {
          current.write(bytes, start, i - start);
          if (current.size() > AuditEntry.MAX_LINE_BYTES) {
            throw tooLong(lineNumber + 1);
          }
          lineNumber++;
          onLine.accept(utf8(current, lineNumber), lineNumber);
          current.reset();
          start = i + 1;
          complete = offset + i + 1;
        }
      }
      current.write(bytes, start, read - start);
      offset += read;
      if (current.size() > AuditEntry.MAX_LINE_BYTES) {
        throw tooLong(lineNumber + 1);
      }
    }
    return complete;
  }

  /**
   * The text of a line's bytes, which must be UTF-8: decoded leniently, a byte that is not UTF-8 became U+FFFD, so
   * an entry holding that character verified with one of its bytes replaced by any such byte. Only a line that decodes
   * to a U+FFFD is decoded again, strictly, so a clean line costs what it did.
   *
   * @throws AuditIntegrityException when the line is not UTF-8, naming the first byte that is not
   */
  private static String utf8(ByteArrayOutputStream line, long lineNumber) {
    String text = line.toString(StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    ByteBuffer bytes = ByteBuffer.wrap(line.toByteArray());
    try {
      StandardCharsets.UTF_8.newDecoder().decode(bytes); // reports malformed input by default
      return text;
    } catch (CharacterCodingException e) {
      throw AuditChain.bad(lineNumber, "is not UTF-8 text (byte " + (bytes.position() + 1) + " of the line is not "
          + "UTF-8), where the log writes UTF-8 alone: the line was edited or damaged");
    }
  }

  private static AuditIntegrityException tooLong(long lineNumber) {
    return AuditChain.bad(lineNumber, "is longer than " + AuditEntry.MAX_LINE_BYTES + " bytes, the most an entry "
        + "takes: not an entry of this log, nor a torn write of one");
  }

  /** The file this log writes. */
  public Path file() {
    return file;
  }

  /** Bytes of a torn last line removed when this log was opened; 0 when the file was clean. */
  public long repairedBytes() {
    return repairedBytes;
  }

  /** Sequence of the last durable entry (0 when empty). */
  public long lastSequence() {
    return durable.sequence();
  }

  @Override
  public CompletableFuture<List<AuditEntry>> appendAllAsync(List<AuditEvent> events) {
    List<AuditEvent> copy = List.copyOf(events);
    CompletableFuture<List<AuditEntry>> done = new CompletableFuture<>();
    if (copy.isEmpty()) {
      done.complete(List.of());
      return done;
    }
    FenqiException failed = failure;
    if (failed != null) {
      done.completeExceptionally(failed);
      return done;
    }
    synchronized (enqueueLock) {
      if (closed) {
        done.completeExceptionally(new FenqiException(file + ": the audit log is closed"));
        return done;
      }
      queue.add(new Request(copy, done));
    }
    return done;
  }

  /**
   * {@inheritDoc}
   *
   * @throws FenqiException when called from an {@link AuditSink} of this log: a sink runs on the writer thread, which
   *     would wait for itself to write the entries (the sink, and every appender of the log, waited for ever); a sink
   *     may {@link #appendAllAsync} without waiting
   */
  @Override
  public List<AuditEntry> appendAll(List<AuditEvent> events) {
    refuseOnWriterThread("append to it and wait (appendAllAsync does not wait)");
    return AuditLog.super.appendAll(events);
  }

  /** Refuses, saying to do {@code what} another way, a call that waits for the writer made on the writer itself. */
  private void refuseOnWriterThread(String what) {
    if (Thread.currentThread() == writer) {
      throw new FenqiException(file + ": called from an AuditSink of this audit log, which runs on the log's writer "
          + "thread: it cannot " + what + ", as the writer would wait for itself");
    }
  }

  @Override
  public AuditCheckpoint checkpoint() {
    Head head = durable;
    return AuditCheckpoint.sign(head.sequence(), head.hash(), key);
  }

  /** Verifies the durable part of this log (entries being written concurrently are not yet included). */
  @Override
  public AuditVerification verify(Optional<AuditCheckpoint> checkpoint) {
    return readDurable(new Verifier(key, checkpoint), entry -> { });
  }

  /**
   * Reads the durable part of this log (entries being written concurrently are not yet included), verifying each
   * entry and handing it, in order, to {@code onEntry}: {@link #read(Path, AuditKey, Consumer)} for the process that
   * has the log open, through the log's own locked file handle.
   *
   * @throws AuditIntegrityException naming the first entry that does not verify
   */
  public AuditVerification read(Consumer<AuditEntry> onEntry) {
    return readDurable(new Verifier(key, Optional.empty()), onEntry);
  }

  /** The durable part through the read handle, each line checked by {@code verifier} and handed to {@code onEntry}. */
  private AuditVerification readDurable(Verifier verifier, Consumer<AuditEntry> onEntry) {
    Head head = durable;
    return named(file, () -> {
      try {
        scan(this::readUninterruptibly, head.size(), (line, n) -> onEntry.accept(verifier.accept(line, n)));
      } catch (IOException e) {
        throw unreadable(file, e);
      }
      return verifier.finish();
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws FenqiException when called from an {@link AuditSink} of this log, which runs on the writer thread that
   *     close waits for: it had waited for ever
   */
  @Override
  public void close() {
    refuseOnWriterThread("close the log");
    synchronized (enqueueLock) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    }
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    synchronized (OPEN_HERE) { // handles and registration go together: no open sees one without the other
      try {
        reads.shutdown(); // after the writer: reads still queued finish first
        awaitReads();
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new FenqiException(file + ": cannot close the audit log: " + InputFiles.reason(e), e);
      } finally {
        OPEN_HERE.remove(identity, this);
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Waits, without being interruptible, for the reads already queued. */
  private void awaitReads() {
    boolean interrupted = false;
    while (!reads.isTerminated()) {
      try {
        reads.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeLoop() {
    List<Request> batch = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      batch.clear();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      stop = batch.remove(STOP);
      if (!batch.isEmpty()) {
        try {
          commit(batch);
        } catch (Throwable t) { // a custom clock or sink: a dead writer would leave every appender waiting forever
          FenqiException f = new FenqiException(file + ": the audit writer failed (" + t + "); entries up to "
              + durable.sequence() + " are durable; the log refuses further appends until reopened", t);
          refuse(batch, f);
        }
      }
    }
  }

  /** Seals, writes and forces one batch, then acknowledges it. Runs on the writer thread only. */
  private void commit(List<Request> batch) {
    FenqiException failed = failure;
    if (failed != null) {
      batch.forEach(r -> r.done().completeExceptionally(failed));
      return;
    }
    Head before = durable;
    long found = sizeOrMinusOne();
    if (found != before.size()) { // nothing written: the offset no longer ends the log's last entry
      refuse(batch, new FenqiException(resized(before, found)));
      return;
    }
    if (!identity.equals(identity(file))) { // nothing written: an entry acknowledged now could be in no file at all
      refuse(batch, new FenqiException(displaced(before)));
      return;
    }
    List<List<AuditEntry>> results = new ArrayList<>(batch.size());
    List<AuditEntry> all = new ArrayList<>();
    StringBuilder text = new StringBuilder(256 * batch.size());
    for (Request r : batch) {
      List<AuditEntry> entries = new ArrayList<>(r.events().size());
      for (AuditEvent event : r.events()) {
        AuditEntry entry = chain.seal(event, clock.instant());
        entries.add(entry);
        text.append(entry.toJsonLine()).append('\n');
      }
      results.add(List.copyOf(entries));
      all.addAll(entries);
    }
    ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    writingTo = before.size() + bytes.capacity();
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      FenqiException f = new FenqiException(file + ": audit write failed after entry " + before.sequence()
          + "; the log refuses further appends until reopened: " + InputFiles.reason(e), e);
      failure = f;
      try {
        channel.truncate(before.size());
      } catch (IOException ignored) {
        // reopening repairs or reports whatever is left
      }
      batch.forEach(r -> r.done().completeExceptionally(f));
      return;
    }
    AuditEntry last = all.get(all.size() - 1);
    durable = new Head(last.sequence(), last.hash(), before.size() + bytes.capacity());
    InMemoryAuditLog.publish(sinks, List.copyOf(all), LOG);
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(results.get(i));
    }
  }

  /** Why the next batch is refused when the file holds {@code found} bytes (-1: unknown), not where the log ends. */
  private String resized(Head before, long found) {
    return file + ": the file holds " + (found < 0 ? "an unknown number of" : found) + " bytes where this log ends at "
        + "byte " + before.size() + " (after entry " + before.sequence() + "): it was truncated or written by another "
        + "program (a log rotation by copy and truncate?); the log refuses further appends until reopened";
  }

  /** Why the next batch is refused when the path names another file than the one this log writes, or none. */
  private String displaced(Head before) {
    return file + ": the path no longer names this audit log's file: it was renamed, replaced or removed under the "
        + "writer (a log rotation?); entries up to " + before.sequence() + " are in the file that had this name, or "
        + "were removed with it; the log refuses further appends until it is reopened at " + file;
  }

  /**
   * Why this log refuses appends, or would refuse the next one, if it does: it is closed, a write failed, or the file
   * under its path was truncated, written by another program, renamed, replaced or removed — checked now, as the next
   * append checks it (a file longer than the log by more than the batch being written had been let pass), writing
   * nothing. Empty while appends are taken. For a health check: a service whose audit log refuses appends fails every
   * audited action, and had looked healthy all the same (a log rotated under it went unnoticed until requests failed).
   */
  public Optional<String> refusal() {
    FenqiException failed = failure;
    if (failed != null) {
      return Optional.of(failed.getMessage());
    }
    synchronized (enqueueLock) {
      if (closed) {
        return Optional.of(file + ": the audit log is closed");
      }
    }
    Head head = durable;
    long found = sizeOrMinusOne();
    long writing = writingTo; // read after the size: a batch that made the file this long had set it before
    if (found < head.size() || found > writing) { // between: a batch being written now, before durable moves past it
      return Optional.of(resized(head, found));
    }
    if (!identity.equals(identity(file))) {
      return Optional.of(displaced(head));
    }
    return Optional.empty();
  }

  /** Fails {@code batch} with {@code f}, and every later append: the writer does not go on after it. */
  private void refuse(List<Request> batch, FenqiException f) {
    failure = f;
    batch.forEach(r -> r.done().completeExceptionally(f));
  }

  /**
   * The file's size now, or -1 when it cannot be read. Checked before each batch: the writer writes at its own
   * offset, and after a rotation by copy and truncate (logrotate's {@code copytruncate}) it wrote the next entry
   * past the end of the emptied file, leaving a run of NUL bytes before it; the file then neither verified nor
   * opened again.
   */
  private long sizeOrMinusOne() {
    try {
      return channel.size();
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public String toString() {
    return "FileAuditLog[" + file + ", lastSequence=" + durable.sequence() + "]";
  }
}
