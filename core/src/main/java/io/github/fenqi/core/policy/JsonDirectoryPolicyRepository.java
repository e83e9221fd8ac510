package io.github.fenqi.core.policy;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.policy.PolicyEvent.Change;
import io.github.fenqi.core.policy.PolicyEvent.PolicyChanged;
import io.github.fenqi.core.policy.PolicyEvent.PolicyLoadFailed;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Policies loaded from the {@code *.json} files of a directory, one policy per file (a file named {@code *.JSON} is
 * a load problem, not read), optionally
 * hot-reloaded: {@link #watch(Duration)} polls the files' contents (default every 500 ms, so an edit is live
 * within a second), without a restart.
 *
 * <p>Guarantees: a broken, half-written or unreadable file never replaces the last good version of that file —
 * the error is logged and reported to listeners as {@link PolicyLoadFailed} (an unreadable file once per reason,
 * not on every scan), and the file is retried on the next scan; readers always see one consistent {@link PolicySnapshot} of all files, swapped atomically after a
 * scan; a deleted file's policy is removed, but a symbolic link whose target is gone is a file that cannot be read
 * (its last good version stays, as for any unreadable file, and it is a load problem). Two files with the same platform and version: the first by
 * file name wins and the other is reported.
 *
 * <p>What is live is what a fresh {@link #open} of the directory loads, plus the last good versions of files that do
 * not load now (invalid or unreadable), which a restart would not load: such a version is kept only while no file
 * that loads holds its platform and version label, or another version of its platform effective the same day. So a
 * version written again ({@link PolicyFiles#write} does not see a broken file and writes a new one) is live at the
 * next scan, as after a restart — the broken file's old version had won as the first by name and the fix was
 * ignored as a duplicate until a restart loaded it. {@link #loadProblems} are those a fresh open reports.
 *
 * <p>Thread-safety: thread-safe. Scans are serialised and listeners get their events in version order; reads never
 * block.
 */
public final class JsonDirectoryPolicyRepository implements PolicyRepository, Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(JsonDirectoryPolicyRepository.class);

  private final Path directory;
  private final PolicyValidator validator = new PolicyValidator();
  private final Listeners listeners = new Listeners();
  private final Map<Path, FileState> files = new HashMap<>(); // guarded by this
  private final Map<Path, String> unreadable = new HashMap<>(); // last read error per file, guarded by this
  private volatile PolicySnapshot snapshot = new PolicySnapshot(0, List.of());
  private volatile List<Problem> problems = List.of();
  private @Nullable PeriodicReload watcher; // guarded by this

  /** Per file: the content last seen and the last good policy from it. */
  private record FileState(byte[] hash, @Nullable Policy good, List<Problem> problems) {}

  /**
   * Whether the first scan's problems are worded for {@link #openStrict}, which refuses the directory: a file it
   * names is not "ignored" there, nor do another file's terms "apply". Later scans keep the live repository's words.
   */
  private final boolean refusesOnOpen;

  /**
   * Whether a scan has run: the next is no longer the first. The snapshot's version had told it, but a first scan that
   * loads nothing (an empty directory) leaves that at 0, and every later scan of a strictly opened empty directory
   * worded its problems as a refusal while the files they named were ignored.
   */
  private boolean scanned; // guarded by this

  /**
   * Why the directory could not be listed at the last scan, or null: told to listeners once, not on every rescan, as
   * an unreadable file's reason is.
   */
  private @Nullable List<Problem> unlisted; // guarded by this

  private JsonDirectoryPolicyRepository(Path directory, boolean refusesOnOpen) {
    this.directory = directory;
    this.refusesOnOpen = refusesOnOpen;
  }

  /**
   * Loads every policy file of {@code directory}. Files that fail validation are left out, logged and
   * listed by {@link #loadProblems()}; use {@link #openStrict} to refuse them instead.
   *
   * @throws InvalidInputException when the directory does not exist or cannot be read
   */
  public static JsonDirectoryPolicyRepository open(Path directory) {
    return open(directory, false);
  }

  private static JsonDirectoryPolicyRepository open(Path directory, boolean refusesOnOpen) {
    if (!Files.isDirectory(directory)) {
      throw new InvalidInputException(directory.toString(), "is not a directory of policy files");
    }
    JsonDirectoryPolicyRepository repo = new JsonDirectoryPolicyRepository(directory, refusesOnOpen);
    repo.reload();
    return repo;
  }

  /**
   * Like {@link #open} but any invalid or unreadable file is a {@link PolicyException} listing every problem of every
   * file: a policy file that cannot be read (no permission, over the size limit) was left out silently, and a plan
   * used the platform's older version, or none.
   */
  public static JsonDirectoryPolicyRepository openStrict(Path directory) {
    JsonDirectoryPolicyRepository repo = open(directory, true);
    List<Problem> all = repo.loadProblems();
    if (!all.isEmpty()) {
      repo.close();
      throw new PolicyException(all);
    }
    return repo;
  }

  public Path directory() {
    return directory;
  }

  /**
   * Problems of the files whose latest content failed to load (their last good version, if any, stays live while no
   * file that loads holds it or another version of its day), as a fresh {@link #open} reports them — or, while the
   * directory itself cannot be listed (unmounted, moved away), that alone, the last good snapshot staying live: invalid
   * files, files that cannot be read (no permission, over {@link InputFiles#DEFAULT_MAX_BYTES}, a symbolic link whose
   * target is missing), and files left out
   * for a duplicate platform and version or a second version of the same day. An unreadable file had been only a log
   * line: a service that showed these problems showed none while a platform ran on an older version.
   */
  public List<Problem> loadProblems() {
    return problems;
  }

  @Override
  public PolicySnapshot snapshot() {
    return snapshot;
  }

  @Override
  public Subscription addListener(PolicyListener listener) {
    return listeners.add(listener);
  }

  /**
   * Starts polling the directory every {@code interval} on a daemon thread; {@link #close()} stops it.
   * Calling it again changes nothing.
   *
   * @throws InvalidInputException naming {@code interval} when it is under 1 ms
   */
  public synchronized JsonDirectoryPolicyRepository watch(Duration interval) {
    if (watcher == null) {
      watcher = PeriodicReload.start("fenqi-policy-watch " + directory.getFileName(), interval, this::reload,
          e -> LOG.error("reloading policies from {} failed; keeping the last good snapshot", directory, e));
    }
    return this;
  }

  /** {@link #watch(Duration)} every 500 ms. */
  public JsonDirectoryPolicyRepository watch() {
    return watch(Duration.ofMillis(500));
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
  }

  /**
   * Scans the directory once and publishes a new snapshot if anything changed; listeners get the events of scans at
   * once (the watch's and a caller's) in version order.
   *
   * @throws InvalidInputException naming the directory when it cannot be listed: the last good snapshot stays live,
   *     {@link #loadProblems} names the directory, and listeners are told as {@link PolicyLoadFailed} (once, not on
   *     every rescan). It had been a log line of the watch alone: listeners and load problems said nothing while every
   *     platform ran on the versions of before and no edit was seen.
   */
  public void reload() {
    InvalidInputException unlistable = listeners.inOrder(this::scan);
    if (unlistable != null) {
      throw unlistable;
    }
  }

  /** One scan, adding the events to tell to {@code events}; what listing the directory threw, when it could not be. */
  private synchronized @Nullable InvalidInputException scan(List<PolicyEvent> events) {
    List<Path> paths;
    try {
      paths = listPolicyFiles();
    } catch (InvalidInputException e) {
      if (!e.problems().equals(unlisted)) {
        events.add(new PolicyLoadFailed(directory.toString(), e.problems()));
      }
      unlisted = e.problems();
      problems = e.problems();
      return e;
    }
    unlisted = null;
    boolean changed = files.keySet().retainAll(paths);
    unreadable.keySet().retainAll(paths);
    for (Path path : paths) {
      Optional<String> misnamed = PolicyFiles.whyNotRead(path);
      if (misnamed.isPresent()) { // never read: PolicyFiles, which lists *.json, would not see its version either
        changed |= notLoaded(path, misnamed.get(), events);
        continue;
      }
      byte[] bytes;
      try {
        // never opened when it is no regular file: a FIFO named x.json kept the scan waiting for a writer for ever
        Optional<String> notAFile = InputFiles.notRegularFile(path, "a policy file");
        if (notAFile.isPresent()) {
          throw new NotAPolicyFile(notAFile.get());
        }
        bytes = InputFiles.readBounded(path, InputFiles.DEFAULT_MAX_BYTES);
      } catch (IOException e) {
        boolean dangling = e instanceof NoSuchFileException && Files.isSymbolicLink(path);
        if (e instanceof NoSuchFileException && !dangling) { // deleted since the listing
          unreadable.remove(path);
          changed |= files.remove(path) != null;
          continue;
        }
        String reason = "cannot be read: " + (e instanceof NotAPolicyFile ? e.getMessage()
            : dangling ? danglingLink(path) : InputFiles.reason(e));
        changed |= notLoaded(path, reason, events);
        continue; // keep whatever we had for it
      }
      changed |= unreadable.remove(path) != null; // readable again, even unchanged: it loads again
      byte[] hash = sha256(bytes);
      FileState old = files.get(path);
      if (old != null && Arrays.equals(old.hash(), hash)) {
        continue;
      }
      PolicyValidator.Result result = validator.validate(bytes, path.toString());
      if (result.valid()) {
        files.put(path, new FileState(hash, result.policy().orElseThrow(), List.of()));
        changed = true;
      } else {
        Policy keep = old == null ? null : old.good();
        files.put(path, new FileState(hash, keep, result.problems()));
        changed |= old != null && old.problems().isEmpty(); // its version now yields to a file that loads
        LOG.warn("policy file {} is invalid{}: {}", path, keep == null ? "" : ", keeping its last good version ("
            + keep.version() + ") while no valid file holds it or another version of its day", result.problems());
        events.add(new PolicyLoadFailed(path.toString(), result.problems()));
      }
    }
    // Assemble what a fresh open loads: first file by name wins a duplicate platform + version, or a second
    // version from the same day. Then the last good versions of files that do not load now, where they do not
    // meet one of those: a restart would not load them.
    Map<String, Policy> byKey = new LinkedHashMap<>();
    Map<Policy, Path> loadedFrom = new HashMap<>(); // the file each loaded version is from, for the problems' words
    List<Problem> currentProblems = new ArrayList<>();
    List<Policy> lastGood = new ArrayList<>();
    boolean refusing = refusesOnOpen && !scanned; // the first scan of openStrict
    scanned = true;
    for (Path path : paths) {
      String unread = unreadable.get(path);
      FileState state = files.get(path);
      // an unreadable file is told by its read error (its last good version, if any, stays live)
      if (unread != null) {
        currentProblems.add(Problem.of(path.toString(), unread));
      } else if (state != null) {
        currentProblems.addAll(state.problems());
      }
      Policy p = state == null ? null : state.good();
      if (p == null) {
        continue;
      }
      if (unread != null || !state.problems().isEmpty()) {
        lastGood.add(p);
        continue;
      }
      String key = key(p);
      Policy loaded = byKey.get(key);
      if (loaded != null) {
        Problem dup = Problem.of(path.toString(), duplicateReason(loaded, loadedFrom.get(loaded), p, refusing));
        currentProblems.add(dup);
        if (changed) {
          events.add(new PolicyLoadFailed(path.toString(), List.of(dup)));
        }
        continue;
      }
      Optional<Policy> rival = PolicySnapshot.sameDayVersion(byKey.values(), p);
      if (rival.isPresent()) {
        Problem sameDay = Problem.of(path.toString(), PolicySnapshot.sameDayReason(rival.get(), p)
            + (refusing ? " (" : "; this file is ignored (") + "version '" + rival.get().version() + "' is file "
            + loadedFrom.get(rival.get()).getFileName() + ")");
        currentProblems.add(sameDay);
        if (changed) {
          events.add(new PolicyLoadFailed(path.toString(), List.of(sameDay)));
        }
        continue;
      }
      byKey.put(key, p);
      loadedFrom.put(p, path);
    }
    for (Policy p : lastGood) {
      if (!byKey.containsKey(key(p)) && PolicySnapshot.sameDayVersion(byKey.values(), p).isEmpty()) {
        byKey.put(key(p), p);
      }
    }
    problems = List.copyOf(currentProblems);
    if (changed) {
      PolicySnapshot before = snapshot;
      long version = before.version() + 1;
      List<PolicyChanged> diff = diff(before, byKey, version);
      // a new version only when what is loaded changed: an unreadable file alone had published an empty snapshot as
      // version 1, where an empty directory or one of broken files stays at 0
      if (!diff.isEmpty()) {
        snapshot = new PolicySnapshot(version, new ArrayList<>(byKey.values()));
        events.addAll(diff);
      }
    }
    return null;
  }

  /**
   * Records that the file at {@code path} is not loaded now for {@code reason} (its last good version, if any, stays
   * live while no file that loads holds it), telling listeners once per reason, not on every rescan; returns whether
   * the snapshot must be assembled again.
   */
  private boolean notLoaded(Path path, String reason, List<PolicyEvent> events) {
    String before = unreadable.put(path, reason);
    if (!reason.equals(before)) {
      LOG.warn("policy file {} {}", path, reason);
      events.add(new PolicyLoadFailed(path.toString(), List.of(Problem.of(path.toString(), reason))));
    }
    return before == null; // its last good version, if any, now yields to a file that loads
  }

  /**
   * Why {@code duplicate} is ignored: {@code loaded}, of the same platform and version label, is loaded from {@code
   * file}. It names that file, and whether the two say the same: a copy that differs is terms the lender may mean,
   * which a plan never uses. It had said "of an earlier file", and which of the directory's files, and whether its
   * terms were the ones live, was left to the reader to find out. {@code refusing}: worded for a directory refused,
   * where nothing is ignored and no terms apply.
   */
  private static String duplicateReason(Policy loaded, Path file, Policy duplicate, boolean refusing) {
    String what = "duplicates platform '" + duplicate.platformId() + "' version '" + duplicate.version() + "' of file "
        + file.getFileName();
    if (loaded.equals(duplicate)) {
      return what + (refusing ? ", with the same terms: remove one of them" : ", with the same terms; ignored");
    }
    return what + (refusing ? ", with other terms: " : ", with other terms; ignored, and the terms of "
        + file.getFileName() + " apply: ") + "give this file another version label and effectiveFrom, or remove the "
        + "one not meant";
  }

  private static String key(Policy p) {
    return p.platformId() + "\u0000" + p.version();
  }

  private List<PolicyChanged> diff(PolicySnapshot before, Map<String, Policy> after, long version) {
    Map<String, Policy> old = new HashMap<>();
    for (Policy p : before.policies()) {
      old.put(key(p), p);
    }
    List<PolicyChanged> out = new ArrayList<>();
    String origin = directory.toString();
    for (Map.Entry<String, Policy> e : after.entrySet()) {
      Policy was = old.get(e.getKey());
      Policy now = e.getValue();
      if (was == null) {
        out.add(new PolicyChanged(Change.ADDED, now.platformId(), null, now.version(), origin, version));
      } else if (!Objects.equals(was, now)) {
        out.add(new PolicyChanged(Change.UPDATED, now.platformId(), was.version(), now.version(), origin, version));
      }
    }
    for (Map.Entry<String, Policy> e : old.entrySet()) {
      if (!after.containsKey(e.getKey())) {
        Policy was = e.getValue();
        out.add(new PolicyChanged(Change.REMOVED, was.platformId(), was.version(), null, origin, version));
      }
    }
    return out;
  }

  /**
   * The entries named {@code *.json}, the extension in any case ({@link PolicyFiles#whyNotRead}), whatever they are: one that is
   * no regular file — a link left dangling (its target moved or deleted), a directory, a pipe, a device — is a file
   * that cannot be read, named in {@link #loadProblems} and never opened (reading a pipe would block the scan). They
   * had been skipped without a word, so a platform was gone, no load problem said why, and {@link #openStrict}
   * accepted the directory.
   */
  private List<Path> listPolicyFiles() {
    try (Stream<Path> s = Files.list(directory)) {
      return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      // the reason in words: a NoSuchFileException's message is the directory's name again
      throw new InvalidInputException(directory.toString(), "cannot be listed: " + InputFiles.reason(e));
    }
  }

  /** A link whose target vanished between the look and the read, in the words {@link InputFiles} uses. */
  private static String danglingLink(Path link) {
    return "is a link to " + InputFiles.linkTarget(link) + ", which does not exist";
  }

  /** What {@link InputFiles#notRegularFile} says of an entry that is no file to read. */
  private static final class NotAPolicyFile extends IOException {
    NotAPolicyFile(String why) {
      super(why);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
