package io.github.fenqi.nlp.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.nlp.ExtractedField;
import io.github.fenqi.nlp.ExtractionNote;
import io.github.fenqi.nlp.ExtractionResult;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.PolicyTextExtractor;
import io.github.fenqi.nlp.source.Announcement;
import io.github.fenqi.nlp.source.PolicySource;
import io.github.fenqi.nlp.source.PolicySourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls {@link PolicySource}s, extracts each new announcement, compares it with the live policy in a
 * {@link PolicyStore}, and for every difference either queues a {@link PolicyChange} for review or — for sources
 * configured with {@link Mode#AUTO_APPLY} — applies it as a new version. Every change and every status change is
 * reported to the listeners (the audit trail); every source failure too. A field an announcement states in
 * incompatible ways is left undetermined, so it proposes no change; that the notice is ambiguous is told with the
 * change ({@link PolicyChange#notes()}), or, when the announcement proposes no change, to
 * {@link PolicyChangeListener#onNotes} (it had been passed over in silence).
 *
 * <pre>{@code
 * try (AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
 *     .source(HttpPolicySource.builder("hexin", "hexin", uri).build(), AnnouncementWatcher.Mode.REVIEW)
 *     .listener(auditListener)
 *     .interval(Duration.ofMinutes(30))
 *     .build()) {
 *   watcher.start();
 *   ...
 *   watcher.approve(watcher.pendingReview().get(0).id());
 * }
 * }</pre>
 *
 * <p>An announcement (by content hash) is processed once per source, unless it is edited back to a text read
 * before under its id after another one (36 months, then 60, then 36 again), which is read again; a text that
 * agrees with the live policy on every field it determines is not a change. Fields a text does not determine are
 * never treated as removed. A source lists its announcements newest first ({@link PolicySource#fetch()}); they are
 * processed oldest first, and a field that a newer announcement of the same fetch also sets is left out of an older
 * one's change (logged as superseded): the newest has the last word without the older values being applied or
 * queued for review first. Fields only an older announcement sets are compared and changed as usual.
 *
 * <p>What was read, the changes waiting for review and the reviewers' decisions are kept in the
 * {@linkplain Builder#stateFile state file} when one is configured, rewritten whole, atomically and synced after each
 * announcement read that changes something (applied, queued, failed or superseded: a listener is told of a queued or
 * superseded change once it is written), each decision, and at the end of each source's part of a poll that read or
 * forgot anything else (a poll that changed nothing does not write it; one write per text read had made a first poll
 * of a big feed write bytes growing with the square of the feed). A crash leaves the texts read since the last write
 * unread, to be compared with the live policy again after the restart: nothing is applied twice;
 * so a restart reads only what is new (an operator's hand edit of the live
 * policy is not undone by the feed's value being applied again), the review queue is the same, and a change decided
 * before it is not asked again ({@link #approve}/{@link #reject} of it say when it was decided). A state file that
 * cannot be read is refused by {@link Builder#build()} naming the file and the field or line, never taken as empty;
 * one that cannot be written makes the poll, or the decision, throw a {@link FenqiException} naming it. Without a state
 * file all this is kept in memory only and a restart reads every feed from the start: a feed listing 36 months
 * (newest) over 24 then applies one version at 36, or nothing if 36 is live already. What was read is kept while the
 * source's feed lists it, and forgotten once the source's last {@link Builder#forgetAfter} fetches that listed anything
 * have not listed it, with the decision on its change: the state stays bounded (a page whose text changes at every
 * fetch had added one text per poll for ever), and a forgotten text that comes back is read as new. At most one change
 * waits for review per announcement (source and id): a newer text of it that is read replaces the waiting change of an
 * older text the fetch no longer lists, which is reported as {@link PolicyChange.Status#SUPERSEDED} and named in the
 * newer change's {@link PolicyChange#supersedes()} (such a page had queued a change per poll, kept until decided).
 *
 * <p>A change that cannot be applied (the store throws: a policy directory that cannot be written, a repository
 * that refuses the version) is reported as {@link PolicyChange.Status#APPLY_FAILED} every time, and is not lost:
 * an auto-applied one is read again, compared anew with the live policy and applied at the next poll, up to
 * {@link Builder#applyAttempts} polls in all, the newer announcements of its source waiting behind it so that the
 * newest still has the last word; after the last attempt it is given up (logged as an error) and the newer ones are
 * read. A reviewed one that fails on {@link #approve} stays waiting for review, to be approved again or rejected; so
 * does one {@code approve} refuses because a live value it would change has moved since it was read.
 *
 * <p>Thread-safety: thread-safe. Polls run one at a time (on the watcher's single scheduler thread, or on the
 * caller's with {@link #pollOnce()}); {@link #approve}, {@link #reject} and {@link #pendingReview} may be called
 * from any thread, during a poll too (the state file is written by one thread at a time, each write holding the state
 * as it was then). One watcher per state file (two sharing one would overwrite each other's state): it is locked from
 * {@link Builder#build()} to {@link #close()} ({@code NAME.lock} beside it), and a second watcher on it, of this
 * process or another, is refused by {@code build()}; a closed watcher no longer writes it.
 * {@link #close()} stops the scheduler and interrupts a running poll, which stops before its next source or
 * announcement (an interrupted fetch is not reported as a source failure; what was not read is read at the next
 * poll), and waits for it.
 */
public final class AnnouncementWatcher implements AutoCloseable {
  /** The longest interval between polls: a policy watched less than yearly is not being watched. */
  public static final Duration MAX_INTERVAL = Duration.ofDays(366);
  private static final Logger LOG = LoggerFactory.getLogger(AnnouncementWatcher.class);

  /** What to do with a change from a source. Thread-safety: immutable (an enum). */
  public enum Mode {
    /** Queue every change for a reviewer. */
    REVIEW,
    /** Apply every change as a new version immediately (for trusted, machine-readable sources). */
    AUTO_APPLY
  }

  private record Configured(PolicySource source, Mode mode) {}

  private final PolicyStore store;
  private final PolicyTextExtractor extractor;
  private final List<Configured> sources;
  private final List<PolicyChangeListener> listeners;
  private final Duration interval;
  private final Clock clock;
  private final Object pollLock = new Object();
  /** Guards the read state, the review queue and the decisions below; taken last (after pollLock, saveLock). */
  private final Object stateLock = new Object();
  /** Serialises writes of the state file, so the last one written holds the newest state. */
  private final Object saveLock = new Object();
  /** Serialises the watcher's applies, so approve's check of the live values and its apply are one step. */
  private final Object applyLock = new Object();
  private final int applyAttempts;
  /** Where the state below is kept across restarts; null: in memory only. */
  private final @Nullable Path stateFile;
  /** Held from build() to close() when there is a state file. */
  private @Nullable StateFileLock stateFileLock;
  private final ObjectMapper mapper = FenqiJson.newMapper();
  /** {@code sourceId:contentHash} of every text read. */
  private final Set<String> seen = new HashSet<>();
  /** {@code sourceId, announcement id, contentHash} of every text read, by the id read under. */
  private final Set<List<String>> readUnderId = new LinkedHashSet<>();
  /** Per {@code sourceId, announcement id}, the hash of the text read last under that id. */
  private final Map<List<String>, String> lastUnderId = new LinkedHashMap<>();
  /** Failed attempts so far of the auto-applied announcements ({@code sourceId:contentHash}) to be tried again. */
  private final Map<String, Integer> failedAttempts = new LinkedHashMap<>();
  /** Changes being applied by {@link #approve}, still listed as pending. */
  private final Set<String> approving = new HashSet<>();
  private final Map<String, PolicyChange> pending = new LinkedHashMap<>();
  /** The reviewers' decisions (approved or rejected), by change id. */
  private final Map<String, WatchState.Decision> decided = new LinkedHashMap<>();
  /** Per source, its fetches so far that listed anything (since the start; the state file keeps only ages). */
  private final Map<String, Long> listingFetches = new HashMap<>();
  /** Per text read ({@code sourceId:contentHash}), the listing fetch of its source that listed it last. */
  private final Map<String, Long> lastListed = new HashMap<>();
  private final int forgetAfter;
  private @Nullable ScheduledExecutorService scheduler;
  private volatile @Nullable Thread worker;

  private AnnouncementWatcher(Builder b) {
    this.store = b.store;
    this.extractor = b.extractor;
    this.sources = List.copyOf(b.sources);
    this.listeners = List.copyOf(b.listeners);
    this.interval = b.interval;
    this.clock = b.clock;
    this.applyAttempts = b.applyAttempts;
    this.forgetAfter = b.forgetAfter;
    this.stateFile = b.stateFile == null ? null : followLinks(b.stateFile);
  }

  /**
   * {@code file} absolute, with its symbolic links followed (up to 40, a target that does not exist yet too): the
   * state file is replaced by a rename, which had replaced a link with a regular file, leaving the file linked to
   * stale. A link is followed once, at {@link Builder#build()}; a loop is left a link, which build() refuses.
   */
  private static Path followLinks(Path file) {
    Path path = file.toAbsolutePath().normalize();
    for (int hop = 0; hop < 40 && Files.isSymbolicLink(path); hop++) {
      try {
        path = path.resolveSibling(Files.readSymbolicLink(path)).normalize();
      } catch (java.io.IOException e) {
        return path; // unreadable link: left as it is, named by build() or by the first read or write
      }
    }
    return path;
  }

  /** Takes over the state read from the state file; called once, before the watcher is shared. */
  private AnnouncementWatcher restore(WatchState.Content state) {
    synchronized (stateLock) {
      Map<String, Long> unlisted = new HashMap<>();
      for (WatchState.Unlisted u : Objects.requireNonNull(state.unlisted())) {
        unlisted.put(u.source() + ":" + u.hash(), u.fetches());
      }
      for (WatchState.Read r : state.read()) {
        String key = r.source() + ":" + r.hash();
        seen.add(key);
        readUnderId.add(List.of(r.source(), r.id(), r.hash()));
        lastListed.put(key, -unlisted.getOrDefault(key, 0L)); // the listing fetches start at 0
      }
      for (WatchState.Read r : state.lastUnderId()) {
        lastUnderId.put(List.of(r.source(), r.id()), r.hash());
      }
      for (WatchState.Attempts a : state.failedAttempts()) {
        failedAttempts.put(a.source() + ":" + a.hash(), a.failed());
      }
      for (WatchState.Queued q : state.pending()) {
        pending.put(q.id(), q.change());
      }
      for (WatchState.Decision d : state.decided()) {
        decided.put(d.changeId(), d);
      }
    }
    return this;
  }

  /**
   * Writes the state to the state file (if there is one), whole and atomically.
   *
   * @throws FenqiException naming the file when it cannot be written
   */
  private void save() {
    if (stateFile == null) {
      return;
    }
    synchronized (saveLock) {
      if (stateFileLock != null && !stateFileLock.held()) {
        throw new FenqiException("cannot write the announcement watcher state " + stateFile + ": the watcher is "
            + "closed and no longer holds it (another watcher may)");
      }
      WatchState.Content content;
      synchronized (stateLock) {
        content = new WatchState.Content(WatchState.FORMAT_VERSION,
            readUnderId.stream().map(r -> new WatchState.Read(r.get(0), r.get(1), r.get(2))).toList(),
            lastUnderId.entrySet().stream()
                .map(e -> new WatchState.Read(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList(),
            failedAttempts.entrySet().stream().map(e -> {
              String[] key = sourceAndHash(e.getKey());
              return new WatchState.Attempts(key[0], key[1], e.getValue());
            }).toList(),
            pending.values().stream().map(WatchState.Queued::of).toList(),
            List.copyOf(decided.values()),
            lastListed.entrySet().stream().flatMap(e -> {
              String[] key = sourceAndHash(e.getKey());
              long age = listingFetches.getOrDefault(key[0], 0L) - e.getValue();
              return age > 0 ? java.util.stream.Stream.of(new WatchState.Unlisted(key[0], key[1], age))
                  : java.util.stream.Stream.empty();
            }).toList());
      }
      // an interrupted thread (close() during a poll) cannot write a file: a channel it opens is closed at once, and
      // a change applied just before close() had been left unrecorded, the poll failing with "cannot write"
      boolean interrupted = Thread.interrupted();
      try {
        WatchState.write(mapper, stateFile, content);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt(); // kept for the poll, which stops before its next announcement
        }
      }
    }
  }

  /** The source id and the content hash of a key {@code sourceId:contentHash} (a hash is hex digits, no ':'). */
  private static String[] sourceAndHash(String key) {
    int colon = key.lastIndexOf(':');
    return new String[] {key.substring(0, colon), key.substring(colon + 1)};
  }

  /**
   * Counts a fetch of {@code sourceId} that listed {@code announcements}, marks the texts read among them as listed
   * by it, and forgets the texts read that the source has not listed in its last {@link #forgetAfter} such fetches:
   * they are no longer told apart from new ones, so their id, hash and the decision on their change (a reviewer's
   * approval or rejection, asked again if the text comes back: then it is new) are dropped. A fetch listing nothing
   * counts for nothing: a feed emptied by an outage does not make the watcher forget what it listed. Returns whether
   * anything was forgotten. The caller holds pollLock.
   */
  private boolean forgetUnlisted(String sourceId, List<Announcement> announcements) {
    if (announcements.isEmpty()) {
      return false;
    }
    synchronized (stateLock) {
      long fetch = listingFetches.merge(sourceId, 1L, Long::sum);
      for (Announcement a : announcements) {
        lastListed.computeIfPresent(sourceId + ":" + a.contentHash(), (k, before) -> fetch);
      }
      Set<String> forgotten = new HashSet<>();
      lastListed.entrySet().removeIf(e -> {
        String[] key = sourceAndHash(e.getKey());
        // listed last forgetAfter fetches ago: this fetch and the forgetAfter - 1 before it have not listed it (">" had
        // kept it one fetch longer, forgetAfter + 1 fetches' texts in all)
        if (key[0].equals(sourceId) && fetch - e.getValue() >= forgetAfter) {
          forgotten.add(key[1]);
          return true;
        }
        return false;
      });
      if (forgotten.isEmpty()) {
        return false;
      }
      for (String hash : forgotten) {
        seen.remove(sourceId + ":" + hash);
        decided.remove(sourceId + ":" + hash.substring(0, Math.min(16, hash.length()))); // the change's id
      }
      readUnderId.removeIf(r -> r.get(0).equals(sourceId) && forgotten.contains(r.get(2)));
      lastUnderId.entrySet().removeIf(e -> e.getKey().get(0).equals(sourceId) && forgotten.contains(e.getValue()));
      LOG.info("announcement watcher forgot {} text(s) of source '{}' that it has not listed in its last {} fetches",
          forgotten.size(), sourceId, forgetAfter);
      return true;
    }
  }

  /**
   * {@link #save()} after a reviewer's decision, which has been taken (and reported) already: a failure says so, so
   * the reviewer does not decide again on a change that was applied.
   */
  private void saveDecision(PolicyChange decision) {
    try {
      save();
    } catch (FenqiException e) {
      throw new FenqiException("change " + decision.id() + " is " + decision.status() + ", but " + e.getMessage()
          + "; until a later poll or decision writes it, a restart would queue the change for review again", e);
    }
  }

  /** A builder for a watcher applying to {@code store}. */
  public static Builder builder(PolicyStore store) {
    return new Builder(store);
  }

  /** Starts polling every interval on a daemon thread (first poll now). Idempotent. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fenqi-announcement-watcher");
      t.setDaemon(true);
      worker = t;
      return t;
    });
    s.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    scheduler = s;
  }

  /**
   * A scheduled poll. Anything it throws is logged and the next poll still runs: a scheduled executor silently
   * cancels a task that throws, which would end all polling. A stack overflow (a pathological text in a custom
   * source or recogniser) is survived too; other Errors are left to stop the JVM's work as they would anyway.
   */
  private void pollSafely() {
    try {
      pollOnce();
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error("announcement watcher poll failed; will retry at the next interval", e);
    }
  }

  /**
   * Polls every source once, now, on the calling thread; returns the changes detected in this poll. A source that
   * cannot be read, or an announcement that cannot be compared with the live policy (the store failing), is
   * reported to the listeners as a source failure and does not stop the other sources; that announcement and the
   * newer ones of its source are read again at the next poll, in order. So is an auto-applied announcement whose
   * change could not be applied (APPLY_FAILED), until it has been tried {@link Builder#applyAttempts} times.
   *
   * @throws FenqiException naming the state file when it cannot be written; the poll stops there. The announcement
   *     whose write failed is unread again, as after a crash just before the write: its queued change no longer
   *     waits, the changes it withdrew wait again, and the listeners are told of neither until a later poll reads it
   *     again and writes it (a change applied was told when applied; read again, its values are live). The texts read
   *     before it that changed nothing stay read in memory, written with the next state the watcher writes.
   */
  public List<PolicyChange> pollOnce() {
    synchronized (pollLock) {
      List<PolicyChange> detected = new ArrayList<>();
      sources:
      for (Configured c : sources) {
        String sourceId = c.source().id();
        if (stopped()) {
          break;
        }
        List<Announcement> announcements;
        try {
          announcements = List.copyOf(c.source().fetch());
        } catch (PolicySourceException e) {
          if (stopped()) { // the fetch was interrupted, the source did not fail
            break;
          }
          sourceFailed(e);
          continue;
        } catch (RuntimeException e) { // a source breaking its contract must not starve the others
          if (stopped()) {
            break;
          }
          sourceFailed(new PolicySourceException(sourceId, "fetch failed: " + e, e));
          continue;
        }
        // texts forgotten, and texts read that changed nothing, are written with the next change or at the end
        boolean unsaved = forgetUnlisted(sourceId, announcements);
        Set<String> sharedIds = sharedIds(announcements);
        reportSharedIds(sourceId, announcements, sharedIds);
        Set<String> listed = new HashSet<>();
        announcements.forEach(a -> listed.add(a.contentHash()));
        NewerValues newer = new NewerValues(announcements);
        // a source lists the newest first: read the oldest first, so the newest announcement has the last word
        for (int i = announcements.size() - 1; i >= 0; i--) {
          if (stopped()) { // the rest is read at the next poll, as after a failure
            if (unsaved) {
              save(); // what was read: not read again after a restart
            }
            break sources;
          }
          Announcement a = announcements.get(i);
          String key = sourceId + ":" + a.contentHash();
          if (!unread(sourceId, a, key, sharedIds)) {
            continue;
          }
          Optional<PolicyChange> change;
          @Nullable PolicyChange handled = null;
          @Nullable PolicyChange queued = null;
          try {
            change = diff(c, a, newer, i);
          } catch (RuntimeException e) {
            sourceFailed(new PolicySourceException(sourceId, "announcement '" + a.id()
                + "' could not be compared with the live policy of '" + c.source().platformId() + "' (" + e
                + "); it and the newer ones are read again at the next poll", e));
            break;
          }
          if (change.isPresent()) {
            handled = c.mode() == Mode.AUTO_APPLY ? applyAndReport(change.get(), false) : change.get();
            if (handled.status() == PolicyChange.Status.APPLY_FAILED && !givenUp(key, handled)) {
              detected.add(handled);
              unsaved = false;
              save(); // the attempt is counted across a restart too
              break; // tried again at the next poll; the newer ones wait behind it
            }
          }
          List<PolicyChange> superseded;
          ReadUndo undo;
          synchronized (stateLock) {
            undo = new ReadUndo(sourceId, a, key, handled != null && c.mode() == Mode.REVIEW ? handled.id() : null);
            superseded = sharedIds.contains(a.id()) ? List.of() : withdrawOlder(sourceId, a, listed);
            if (handled != null && c.mode() == Mode.REVIEW) {
              handled = queue(handled.superseding(superseded.stream().map(PolicyChange::id).toList()));
              queued = handled;
            }
            failedAttempts.remove(key);
            seen.add(key);
            readUnderId.add(List.of(sourceId, a.id(), a.contentHash()));
            if (!newer.extraction(i).fields().isEmpty()) { // see unread(): a text setting nothing is no edit of a page
              lastUnderId.put(List.of(sourceId, a.id()), a.contentHash());
            }
            lastListed.put(key, listingFetches.getOrDefault(sourceId, 0L));
          }
          List<ExtractionNote> notes = newer.extraction(i).notes();
          @Nullable AnnouncementNotes noted = handled != null || notes.isEmpty() ? null
              : new AnnouncementNotes(sourceId, c.source().platformId(), a, notes, clock.instant());
          if (handled != null) {
            detected.add(handled);
          } else if (superseded.isEmpty()) {
            // nothing applied, queued or withdrawn: read again after a crash, it changes nothing then either, so it
            // is written with the next change or at the end (a write per text read made a first poll of a feed of
            // n texts write n whole files, bytes growing with the square of n)
            unsaved = true;
            if (noted != null) {
              notifyNotes(noted);
            }
            continue;
          }
          try {
            unsaved = false;
            save(); // before the next one is read: a restart does not read it again
          } catch (RuntimeException e) {
            // as a crash just before the write: read again at the next poll, told then (told anyway, a change was told
            // again when read again after a restart, and a change told SUPERSEDED still waited in the file)
            if (undo.undo(superseded, queued)) {
              throw e;
            }
            notifyRead(superseded, queued, noted); // a reviewer has taken up the queued change: it stays
            throw e;
          }
          notifyRead(superseded, queued, noted);
        }
        if (unsaved) { // texts read that changed nothing, or only texts forgotten (the file shrinks)
          save();
        }
      }
      return List.copyOf(detected);
    }
  }

  /** Tells the listeners what reading an announcement withdrew, queued and noted, once the state file holds it. */
  private void notifyRead(List<PolicyChange> superseded, @Nullable PolicyChange queued,
      @Nullable AnnouncementNotes noted) {
    superseded.forEach(this::notifyChange);
    if (queued != null) {
      notifyChange(queued);
    }
    if (noted != null) {
      notifyNotes(noted);
    }
  }

  /**
   * What reading one announcement changes in memory, taken just before (the caller holds stateLock), so that a write
   * of the state file that fails can undo it, as a crash just before the write would: the announcement is unread
   * again, read again at the next poll of this watcher or the next, and the listeners are told of its queued or
   * superseded change once the file holds it. Told anyway, they had been told twice after a restart, and told
   * SUPERSEDED of a change the file still kept waiting (approvable after the restart).
   */
  private final class ReadUndo {
    private final String key;
    private final List<String> read;
    private final List<String> underId;
    private final boolean wasSeen;
    private final boolean wasRead;
    private final @Nullable String lastHash;
    private final @Nullable Long lastListing;
    private final @Nullable Integer attempts;
    private final WatchState.@Nullable Decision decidedBefore;
    /** The review queue before, when a change of this announcement waits in it (it may be withdrawn); else empty. */
    private final Map<String, PolicyChange> pendingBefore;

    ReadUndo(String sourceId, Announcement a, String key, @Nullable String queuedId) {
      this.key = key;
      this.read = List.of(sourceId, a.id(), a.contentHash());
      this.underId = List.of(sourceId, a.id());
      this.wasSeen = seen.contains(key);
      this.wasRead = readUnderId.contains(read);
      this.lastHash = lastUnderId.get(underId);
      this.lastListing = lastListed.get(key);
      this.attempts = failedAttempts.get(key);
      this.decidedBefore = queuedId == null ? null : decided.get(queuedId);
      this.pendingBefore = pending.values().stream()
          .anyMatch(p -> p.sourceId().equals(sourceId) && p.announcement().id().equals(a.id()))
          ? new LinkedHashMap<>(pending) : Map.of();
    }

    /**
     * Undoes the read: the changes it withdrew wait again in their places, the one it queued no longer waits. False,
     * and nothing undone, when a reviewer has meanwhile decided or is approving the queued change: it then stays read.
     */
    boolean undo(List<PolicyChange> withdrawn, @Nullable PolicyChange queued) {
      synchronized (stateLock) {
        if (queued != null) {
          if (pending.get(queued.id()) != queued || approving.contains(queued.id())) {
            return false;
          }
          pending.remove(queued.id());
          if (decidedBefore != null) {
            decided.put(queued.id(), decidedBefore);
          }
        }
        if (!withdrawn.isEmpty()) {
          Map<String, PolicyChange> now = new LinkedHashMap<>(pending);
          pending.clear();
          pendingBefore.forEach((id, change) -> {
            if (withdrawn.stream().anyMatch(w -> w.id().equals(id))) {
              decided.remove(id);
              pending.put(id, change);
            } else if (now.containsKey(id)) {
              pending.put(id, now.remove(id));
            }
          });
          pending.putAll(now);
        }
        if (!wasSeen) {
          seen.remove(key);
        }
        if (!wasRead) {
          readUnderId.remove(read);
        }
        restore(lastUnderId, underId, lastHash);
        restore(lastListed, key, lastListing);
        restore(failedAttempts, key, attempts);
        return true;
      }
    }

    private static <K, V> void restore(Map<K, V> map, K key, @Nullable V before) {
      if (before == null) {
        map.remove(key);
      } else {
        map.put(key, before);
      }
    }
  }

  /**
   * Whether the announcement is to be read: a text not read before, or one edited back to a text read before under
   * the same id after another one (a page at 36 months, then 60, then 36 again: skipping the third text by its hash
   * left 60 live). Only a text that determines a policy field counts as the text under its id: an error page served
   * with HTTP 200 ({@code 502 Bad Gateway}, {@code 系统维护中}) between two fetches of the real page had made the real
   * text, back at the next poll, an edit back, read again and applied over an operator's hand edit of the live policy.
   * A text read before under another id (a feed item without an id, named by its place, that moved
   * down when a newer one was added) is not read again, and neither is an id that several announcements of one fetch
   * share (a feed giving every item the list page's address as its guid): those texts are not edits of each other,
   * and each poll had read them all again, the older one undoing the newer. The caller holds pollLock.
   */
  private boolean unread(String sourceId, Announcement a, String key, Set<String> sharedIds) {
    synchronized (stateLock) {
      if (!seen.contains(key)) {
        return !recordedByItsTextHash(sourceId, a, key);
      }
      if (sharedIds.contains(a.id())) {
        return false;
      }
      String last = lastUnderId.get(List.of(sourceId, a.id()));
      return last != null && !last.equals(a.contentHash())
          && readUnderId.contains(List.of(sourceId, a.id(), a.contentHash()));
    }
  }

  /**
   * Whether {@code a}, which has a title of its own, is the text last read under its id as recorded by the hash of its
   * text alone: a state written before the title counted in {@link Announcement#contentHash()} (or the item before it
   * had a title). Its record is then taken over under {@code key}, so it is not read again: read as new after the
   * upgrade, a feed's values had been applied again over an operator's hand edit. A text read since is recorded by
   * {@code contentHash()}, so an item whose title alone was edited is read. The caller holds stateLock.
   */
  private boolean recordedByItsTextHash(String sourceId, Announcement a, String key) {
    if (a.readableText().equals(a.text())) {
      return false; // no title of its own: its content hash is its text's
    }
    String textHash = a.textHash();
    String textKey = sourceId + ":" + textHash;
    Integer attempts = failedAttempts.remove(textKey);
    if (attempts != null) {
      failedAttempts.put(key, attempts); // to be tried again: counted on under its new key
    }
    List<String> under = List.of(sourceId, a.id());
    if (!seen.contains(textKey) || !textHash.equals(lastUnderId.get(under))) {
      return false;
    }
    seen.add(key);
    readUnderId.add(List.of(sourceId, a.id(), a.contentHash()));
    lastUnderId.put(under, a.contentHash());
    // listed by this fetch; the old record is forgotten once its fetches are past, since no fetch lists it again
    lastListed.put(key, listingFetches.getOrDefault(sourceId, 0L));
    return true;
  }

  /**
   * Takes out of the review queue the changes of older texts of {@code a}'s announcement (same source and id) that its
   * fetch no longer lists ({@code listed}: the content hashes of the fetch), and records them as superseded: the
   * reviewer reviews the newest text of a page (its change is queued in their place, if it proposes one). A page whose
   * text changes at every fetch (a timestamp, a counter) had queued a change per poll, kept until decided, so the
   * queue and the state file grew without bound. An older text still listed is another announcement that happens to
   * have the id (a feed item named by its place, which moved down), and is left waiting; so is a change being
   * approved right now. The caller holds stateLock; returns the withdrawn changes, to be reported once saved.
   */
  private List<PolicyChange> withdrawOlder(String sourceId, Announcement a, Set<String> listed) {
    List<PolicyChange> withdrawn = new ArrayList<>();
    String hash = a.contentHash();
    for (var it = pending.values().iterator(); it.hasNext(); ) {
      PolicyChange older = it.next();
      Announcement o = older.announcement();
      if (older.sourceId().equals(sourceId) && o.id().equals(a.id()) && !approving.contains(older.id())) {
        String olderHash = o.contentHash();
        if (!olderHash.equals(hash) && !listed.contains(olderHash)) {
          it.remove();
          PolicyChange w = older.withStatus(PolicyChange.Status.SUPERSEDED, clock.instant());
          decided.put(w.id(), new WatchState.Decision(w.id(), w.status(), w.at()));
          LOG.info("policy change {} is superseded by a newer text of announcement '{}' of source '{}'", w.id(),
              a.id(), sourceId);
          withdrawn.add(w);
        }
      }
    }
    return withdrawn;
  }

  /**
   * Reports to the listeners, as a failure of the source, each id that several announcements of one fetch share, when
   * any of them is to be read at this poll: the message names the id and the items (their places in the fetch, newest
   * first, and titles or first words), and says which one's values are taken. An id names one announcement, so such
   * items cannot be told apart as edits of each other; each text is read once as an announcement of its own and, where
   * they set the same field, the newest one's value is taken. That choice had been made with only an INFO line saying
   * that announcement 'X' was superseded by the newer announcement 'X'. Not reported again once all are read. The
   * caller holds pollLock.
   */
  private void reportSharedIds(String sourceId, List<Announcement> announcements, Set<String> sharedIds) {
    for (String sharedId : new java.util.TreeSet<>(sharedIds)) {
      List<String> items = new ArrayList<>();
      boolean toRead = false;
      int newest = -1;
      for (int i = 0; i < announcements.size(); i++) {
        Announcement a = announcements.get(i);
        if (a.id().equals(sharedId)) {
          newest = newest < 0 ? i + 1 : newest;
          String name = a.title().isBlank() ? a.text().strip() : a.title().strip();
          // quoted as text from outside is, escaped and cut: a line break in a text's first 20 characters had been
          // quoted raw, beginning a forged line of its own in the audit log
          items.add((i + 1) + " ('" + Problem.excerpt(name) + "')");
          toRead |= unread(sourceId, a, sourceId + ":" + a.contentHash(), sharedIds);
        }
      }
      if (toRead) {
        sourceFailed(new PolicySourceException(sourceId, "its fetch lists " + items.size()
            + " announcements under one id '" + Problem.escaped(sharedId) + "': items " + String.join(", ", items)
            + " of " + announcements.size() + " (newest first); an id names one announcement, so they cannot be told apart as "
            + "edits of each other: each text is read once as an announcement of its own and, where they set the same "
            + "field, item " + newest + "'s value is taken"));
      }
    }
  }

  /** The ids that more than one of {@code announcements} has. */
  private static Set<String> sharedIds(List<Announcement> announcements) {
    Set<String> ids = new HashSet<>();
    Set<String> shared = new HashSet<>();
    for (Announcement a : announcements) {
      if (!ids.add(a.id())) {
        shared.add(a.id());
      }
    }
    return shared;
  }

  /**
   * Whether the polling thread has been interrupted ({@link #close()} during a poll, or the caller of
   * {@link #pollOnce()}): the poll then stops before the next source or announcement. Each fetch after the interrupt
   * failed at once, and every source had been reported to the listeners (the audit log) as failing "interrupted while
   * fetching" at each shutdown. The interrupt flag is kept.
   */
  private static boolean stopped() {
    if (!Thread.currentThread().isInterrupted()) {
      return false;
    }
    LOG.info("announcement poll stopped: its thread was interrupted (the watcher is closing); the rest is read at the "
        + "next poll");
    return true;
  }

  /** Counts a failed attempt to apply; whether that was the last one allowed (the change is then given up). */
  private boolean givenUp(String key, PolicyChange failed) {
    int attempts;
    synchronized (stateLock) {
      attempts = failedAttempts.merge(key, 1, Integer::sum);
    }
    if (attempts < applyAttempts) {
      LOG.warn("policy change {} failed to apply (attempt {} of {}); tried again at the next poll", failed.id(),
          attempts, applyAttempts);
      return false;
    }
    LOG.error("policy change {} failed to apply {} times; given up, the announcement '{}' of source '{}' is not "
        + "read again", failed.id(), attempts, failed.announcement().id(), failed.sourceId());
    return true;
  }

  private void sourceFailed(PolicySourceException e) {
    LOG.warn("{}", e.getMessage());
    notifyFailure(e.sourceId(), e);
  }

  /**
   * The change the {@code index}-th announcement of a fetch proposes: its fields that differ from the live policy,
   * without those a newer announcement of the same fetch also sets. Such a value is superseded before it could be
   * live: applied, it had been live for a moment and a version in the history, and queued, a reviewer could approve
   * an outdated term; and without a state file, what was read is remembered in memory only: that happened again at
   * every restart.
   * A superseded value is logged, not dropped silently; the newer announcement's value is compared when it is read.
   */
  private Optional<PolicyChange> diff(Configured c, Announcement a, NewerValues newer, int index) {
    ExtractionResult extraction = newer.extraction(index);
    String platformId = c.source().platformId();
    @Nullable Map<PolicyField, Object> live = null; // read once a field is to be compared (a store may rescan files)
    List<FieldChange> changes = new ArrayList<>();
    for (ExtractedField f : extraction.fields().values()) {
      // a newer copy of this very text (a notice listed twice) is skipped as a text read once this one is: this copy's
      // value is the newest, and leaving it to the copy had applied neither
      Optional<Announcement> supersededBy = newer.newestSetting(f.field(), index)
          .filter(n -> !n.contentHash().equals(a.contentHash()));
      if (supersededBy.isPresent()) {
        LOG.info("announcement '{}' of source '{}': {} = {} is superseded by the newer announcement '{}' of the same "
            + "fetch, which sets it too; not applied or queued", a.id(), c.source().id(), f.field(), f.value(),
            supersededBy.get().id());
        continue;
      }
      if (live == null) {
        live = store.liveValues(platformId);
      }
      Object liveValue = live.get(f.field());
      if (!f.sameValueAs(liveValue)) {
        changes.add(FieldChange.of(f.field(), liveValue, f));
      }
    }
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    String id = c.source().id() + ":" + a.contentHash().substring(0, 16);
    return Optional.of(new PolicyChange(id, c.source().id(), platformId, a, extraction, changes,
        PolicyChange.Status.QUEUED_FOR_REVIEW, clock.instant()));
  }

  /**
   * The extractions of one fetch's announcements (newest first), made on demand and each once, and for each field
   * the newest announcement that sets it among those extracted. The watcher reads the oldest first and asks, for
   * announcement {@code i}, about the newer ones {@code 0..i-1}: the first question extracts them all, the later
   * ones (smaller {@code i}) need nothing more. A poll that finds nothing unread extracts nothing.
   */
  private final class NewerValues {
    private final List<Announcement> announcements;
    private final List<@Nullable ExtractionResult> extractions;
    /** Per field, the index of the newest announcement setting it among indices {@code 0..scanned-1}. */
    private final Map<PolicyField, Integer> newestSetter = new HashMap<>();
    private int scanned;

    NewerValues(List<Announcement> announcements) {
      this.announcements = announcements;
      this.extractions = new ArrayList<>(Collections.nCopies(announcements.size(), null));
    }

    ExtractionResult extraction(int index) {
      ExtractionResult e = extractions.get(index);
      if (e == null) {
        e = extractor.extract(announcements.get(index).readableText());
        extractions.set(index, e);
      }
      return e;
    }

    /** The newest announcement newer than the {@code index}-th that sets {@code field}, if any. */
    Optional<Announcement> newestSetting(PolicyField field, int index) {
      for (; scanned < index; scanned++) {
        ExtractionResult e;
        try {
          e = extraction(scanned);
        } catch (RuntimeException ex) {
          throw new IllegalStateException("the newer announcement '" + announcements.get(scanned).id()
              + "' could not be read: " + ex, ex);
        }
        for (PolicyField f : e.fields().keySet()) {
          newestSetter.putIfAbsent(f, scanned);
        }
      }
      Integer setter = newestSetter.get(field);
      return setter != null && setter < index ? Optional.of(announcements.get(setter)) : Optional.empty();
    }
  }

  /** Queues a change for review; the caller reports it once the state is saved. */
  private PolicyChange queue(PolicyChange change) {
    synchronized (stateLock) {
      pending.put(change.id(), change);
      decided.remove(change.id()); // the same text read again (edited back): a new question for the reviewer
    }
    return change;
  }

  /**
   * Applies {@code change} and reports it (APPLIED, or APPLY_FAILED with the reason). With {@code asRead}, only if
   * the live values of its fields are still the ones it recorded as old ({@link FieldChange#liveValue()}), checked
   * and applied as one step among the watcher's applies: a change read against a value that has moved since (a newer
   * announcement's change approved first) had been applied over the newer value without a word.
   */
  private PolicyChange applyAndReport(PolicyChange change, boolean asRead) {
    PolicyChange result;
    try {
      synchronized (applyLock) {
        @Nullable String moved = asRead ? moved(change) : null;
        if (moved == null) {
          store.apply(change);
          result = change.withStatus(PolicyChange.Status.APPLIED, clock.instant());
        } else {
          LOG.warn("policy change {} is not applied: {}", change.id(), moved);
          result = change.failed(moved, clock.instant());
        }
      }
    } catch (RuntimeException e) {
      String reason;
      if (e instanceof FenqiException) {
        LOG.warn("policy change {} could not be applied: {}", change.id(), e.getMessage());
        reason = e.getMessage();
      } else { // a store breaking its contract: still failed, still reported
        LOG.error("policy change {} could not be applied", change.id(), e);
        reason = e.toString();
      }
      // the reason goes with the change: logged only, the audit log and the reviewer saw APPLY_FAILED and no why
      result = change.failed(reason == null || reason.isBlank() ? e.getClass().getName() : reason, clock.instant());
    }
    notifyChange(result);
    return result;
  }

  /**
   * Why {@code change} is stale: each of its fields whose live value is no longer the one it recorded as old, with
   * both values; null when none moved. The caller holds applyLock.
   */
  private @Nullable String moved(PolicyChange change) {
    Map<PolicyField, Object> live = store.liveValues(change.platformId());
    List<String> moved = new ArrayList<>();
    for (FieldChange f : change.changes()) {
      @Nullable Object then = f.liveValue().orElse(null);
      @Nullable Object now = live.get(f.field());
      boolean same = then instanceof java.math.BigDecimal d && now instanceof java.math.BigDecimal n
          ? d.compareTo(n) == 0 : Objects.equals(then, now);
      if (!same) {
        moved.add(f.field().jsonName() + ": the live value moved from " + shown(then) + " to " + shown(now)
            + " since the change was read (it proposes " + shown(f.proposed().value()) + ")");
      }
    }
    return moved.isEmpty() ? null : String.join("; ", moved) + "; nothing applied: re-read the announcement "
        + "against the live policy, then reject this change (or set the value by hand)";
  }

  private static String shown(@Nullable Object value) {
    return value == null ? "none" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
  }

  /** Changes waiting for review, oldest first; at most one per announcement (source and id). */
  public List<PolicyChange> pendingReview() {
    synchronized (stateLock) {
      return List.copyOf(pending.values());
    }
  }

  /**
   * Applies a queued change as a new version; returns it with its new status (APPLIED, or APPLY_FAILED with the
   * reason in {@link PolicyChange#failure()}). A change
   * that fails to apply stays waiting for review, so it can be approved again once the cause is fixed, or rejected.
   *
   * <p>A change is applied only while the live policy still has, on each of its fields, the value it recorded as the
   * old one ({@link FieldChange#liveValue()}, kept across a restart); the check and the apply are one step among the
   * watcher's own applies. If one has moved since the change was read (a newer announcement's change approved first,
   * a hand edit), nothing is applied and the change is APPLY_FAILED, its {@link PolicyChange#failure()} naming each
   * field moved, from what to what, and what the change proposes: the reviewer re-reads the announcement against the
   * live policy and rejects the change. An older announcement's 24 → 36 approved after a newer one's 24 → 48 had
   * written 36 over 48 without a word. A field moved back to the recorded value applies again.
   *
   * @throws InvalidInputException when the change is not waiting for review (saying when it was decided, if it was)
   * @throws FenqiException when the change was applied but the state file could not be written (it says so)
   */
  public PolicyChange approve(String changeId) {
    PolicyChange change;
    synchronized (stateLock) {
      change = waiting(changeId);
      approving.add(changeId);
    }
    PolicyChange result = null;
    try {
      result = applyAndReport(change, true);
    } finally {
      synchronized (stateLock) {
        approving.remove(changeId);
        if (result != null && result.status() == PolicyChange.Status.APPLIED) {
          pending.remove(changeId);
          decided.put(changeId, new WatchState.Decision(changeId, result.status(), result.at()));
        }
      }
    }
    if (result.status() == PolicyChange.Status.APPLIED) {
      saveDecision(result);
    }
    return result;
  }

  /**
   * Rejects a queued change; it is reported to listeners and never applied, and kept rejected across restarts when
   * there is a state file.
   *
   * @throws InvalidInputException when the change is not waiting for review (saying when it was decided, if it was)
   * @throws FenqiException when the change was rejected but the state file could not be written (it says so)
   */
  public PolicyChange reject(String changeId) {
    PolicyChange rejected;
    synchronized (stateLock) {
      rejected = waiting(changeId).withStatus(PolicyChange.Status.REJECTED, clock.instant());
      pending.remove(changeId);
      decided.put(changeId, new WatchState.Decision(changeId, rejected.status(), rejected.at()));
    }
    notifyChange(rejected);
    saveDecision(rejected);
    return rejected;
  }

  /** The change waiting for review and not being approved right now; the caller holds {@code stateLock}. */
  private PolicyChange waiting(String changeId) {
    PolicyChange c = pending.get(changeId);
    if (c == null) {
      WatchState.Decision d = decided.get(changeId);
      throw new InvalidInputException("changeId", "'" + changeId + "' is not waiting for review" + (d == null ? ""
          : ": it was " + switch (d.status()) {
            case APPLIED -> "approved";
            case SUPERSEDED -> "superseded by a newer text of its announcement";
            default -> "rejected";
          } + " at " + d.at()));
    }
    if (approving.contains(changeId)) {
      throw new InvalidInputException("changeId", "'" + changeId + "' is being approved");
    }
    return c;
  }

  private void notifyChange(PolicyChange change) {
    for (PolicyChangeListener l : listeners) {
      try {
        l.onChange(change);
      } catch (RuntimeException e) {
        LOG.error("policy change listener {} failed on {}", l, change.id(), e);
      }
    }
  }

  /**
   * Tells the listeners the notes of an announcement that proposes no change: a field it states two ways is left
   * undetermined and had been passed over in silence.
   */
  private void notifyNotes(AnnouncementNotes notes) {
    LOG.info("{}", notes.message());
    for (PolicyChangeListener l : listeners) {
      try {
        l.onNotes(notes);
      } catch (RuntimeException e) {
        LOG.error("policy change listener {} failed on the notes of announcement '{}'", l, notes.announcement().id(),
            e);
      }
    }
  }

  private void notifyFailure(String sourceId, PolicySourceException failure) {
    for (PolicyChangeListener l : listeners) {
      try {
        l.onSourceFailure(sourceId, failure);
      } catch (RuntimeException e) {
        LOG.error("policy change listener {} failed on a source failure", l, e);
      }
    }
  }

  /**
   * Stops the scheduler (if started) and waits up to 10 s for a running poll to finish and its thread to end (an
   * executor counts as terminated a moment before its thread has ended); then releases the state file, if any, for
   * another watcher (after a poll running on a caller's thread, too). A closed watcher no longer writes it.
   */
  @Override
  public void close() {
    ScheduledExecutorService s;
    synchronized (this) {
      s = scheduler;
      scheduler = null;
    }
    try {
      stop(s);
    } finally {
      if (stateFileLock != null) {
        synchronized (pollLock) { // after a poll on a caller's thread too: no write of the file after the release
          stateFileLock.close();
        }
      }
    }
  }

  private void stop(@Nullable ScheduledExecutorService s) {
    if (s == null) {
      return;
    }
    s.shutdownNow();
    try {
      if (!s.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("announcement watcher did not stop within 10 s");
      }
      Thread w = worker;
      if (w != null && w != Thread.currentThread()) {
        w.join(TimeUnit.SECONDS.toMillis(10));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Configures an {@link AnnouncementWatcher}; {@link #build()} checks every setting.
   *
   * <p>Thread-safety: not thread-safe; the built watcher holds copies.
   */
  public static final class Builder {
    private final PolicyStore store;
    private PolicyTextExtractor extractor = PolicyTextExtractor.create();
    private final List<Configured> sources = new ArrayList<>();
    private final List<PolicyChangeListener> listeners = new ArrayList<>();
    private Duration interval = Duration.ofMinutes(30);
    private Clock clock = Clock.systemUTC();
    private int applyAttempts = 3;
    private int forgetAfter = 1000;
    private @Nullable Path stateFile;
    private boolean withoutStateFile;

    private Builder(PolicyStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /** Adds a source; {@code mode} says whether its changes are reviewed or applied directly. */
    public Builder source(PolicySource source, Mode mode) {
      sources.add(new Configured(Objects.requireNonNull(source, "source"), Objects.requireNonNull(mode, "mode")));
      return this;
    }

    /** Adds a listener (for example the audit log). */
    public Builder listener(PolicyChangeListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The extractor (default {@link PolicyTextExtractor#create()}). */
    public Builder extractor(PolicyTextExtractor extractor) {
      this.extractor = Objects.requireNonNull(extractor, "extractor");
      return this;
    }

    /**
     * Time between the end of one poll and the start of the next (default 30 min; 1 s..
     * {@link AnnouncementWatcher#MAX_INTERVAL}).
     */
    public Builder interval(Duration interval) {
      this.interval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * How many polls try to apply an auto-applied announcement's change before it is given up (default 3, 1..100; 1
     * gives up at the first failure). Bounded, so a change the store refuses for good (an invalid draft) does not hold
     * back its source's newer announcements for ever; each failed attempt is reported as APPLY_FAILED.
     */
    public Builder applyAttempts(int attempts) {
      this.applyAttempts = attempts;
      return this;
    }

    /**
     * After how many fetches of a source not listing a text read from it the watcher forgets that text (default
     * 1000, 1..1,000,000; only fetches that list something count). A forgotten text that comes back is read as new:
     * compared with the live policy and applied (or queued) if it differs. Bounded, so a page whose text changes at
     * every fetch (a timestamp, a counter) does not grow the state file, and each poll's rewrite of it, for ever:
     * it holds at most this many fetches' texts. A text the feed still lists is never forgotten.
     */
    public Builder forgetAfter(int fetches) {
      this.forgetAfter = fetches;
      return this;
    }

    /**
     * The file in which the watcher keeps what it has read and its review queue, with the reviewers' decisions, so a
     * restart neither applies the feeds' values again (undoing an operator's hand edit of the live policy) nor asks
     * again about a change decided before it. Required over a {@link DirectoryPolicyStore} (or say
     * {@link #withoutStateFile()}); otherwise default: none, kept in memory only, and every feed is read from the
     * start after a restart. A file beside the policies, not in their directory: {@link #stateFileBeside}. Read by
     * {@link #build()} (no file yet: a first start); rewritten whole, atomically and synced after every announcement
     * read that changes something, every decision, and at the end of a poll that read anything else. A symbolic link
     * is followed at {@code build()} (to a target that does not exist yet, too): the file it points to is replaced and
     * the link kept. One watcher per file: {@code build()} locks it ({@code NAME.lock} beside it, left in place) until
     * {@link AnnouncementWatcher#close()}, and refuses it when another watcher, of this process or another, holds it.
     * A crash between applying a change and writing the file leaves that announcement unread, and the ones read since
     * the last write: after the restart they are compared with the live policy again (nothing, as their values are
     * live).
     */
    public Builder stateFile(Path file) {
      this.stateFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Keeps what the watcher reads, its review queue and the decisions in memory only, on purpose: after a restart it
     * reads every feed from the start, applies (or queues) their newest values again where they differ from the live
     * policy, and asks again about changes decided before. The default for a store that is itself in memory; a
     * watcher over a {@link DirectoryPolicyStore}, whose policies outlive a restart, is refused by {@link #build()}
     * without a {@link #stateFile} or this (it had only logged a warning, and a restart undid an operator's hand edit
     * of the live policy with the feed's value).
     */
    public Builder withoutStateFile() {
      this.withoutStateFile = true;
      return this;
    }

    /**
     * The conventional state file for a watcher over the policy directory {@code policyDirectory}: beside it, named
     * after it ({@code /etc/fenqi/policies} → {@code /etc/fenqi/policies.watcher-state.json}). Not inside it: a
     * {@code .json} file there would be read as a policy.
     */
    public static Path stateFileBeside(Path policyDirectory) {
      Path absolute = policyDirectory.toAbsolutePath().normalize();
      Path name = absolute.getFileName();
      if (name == null) {
        throw new InvalidInputException("policyDirectory", "the root directory has no directory beside it");
      }
      return absolute.resolveSibling(name + ".watcher-state.json");
    }

    /**
     * Clock stamping changes, notes and decisions with its instant (default UTC system clock). The watcher dates
     * nothing itself: the {@link PolicyStore} dates the versions it applies, and fenqi's stores take today as the date
     * in {@link io.github.fenqi.core.NegotiationEngine#CASE_ZONE} at their clock's instant, whatever its zone.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The watcher (not started); throws {@link InvalidInputException} naming every bad setting. */
    public AnnouncementWatcher build() {
      List<Problem> problems = new ArrayList<>();
      if (sources.isEmpty()) {
        problems.add(Problem.of("sources", "at least one source is required"));
      }
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < sources.size(); i++) {
        if (!ids.add(sources.get(i).source().id())) {
          problems.add(Problem.of("sources[" + i + "]", "duplicate source id '" + sources.get(i).source().id() + "'"));
        }
      }
      if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
        problems.add(Problem.of("interval", interval + " is shorter than the minimum of 1 s"));
      } else if (interval.compareTo(MAX_INTERVAL) > 0) { // a huge one overflowed in start(), after build() accepted it
        problems.add(Problem.of("interval", interval + " is longer than the maximum of " + MAX_INTERVAL));
      }
      if (applyAttempts < 1 || applyAttempts > 100) {
        problems.add(Problem.of("applyAttempts", applyAttempts + " must be in 1..100"));
      }
      if (forgetAfter < 1 || forgetAfter > 1_000_000) {
        problems.add(Problem.of("forgetAfter", forgetAfter + " must be in 1..1000000"));
      }
      if (stateFile != null && withoutStateFile) {
        problems.add(Problem.of("stateFile", stateFile + " is set together with withoutStateFile(); choose one"));
      } else if (stateFile == null && !withoutStateFile && store instanceof DirectoryPolicyStore d) {
        problems.add(Problem.of("stateFile", "required for a watcher over the policy directory " + d.directory()
            + ": without one, a restart reads every feed from the start and applies its newest values again over the "
            + "live policy (undoing hand edits) and asks again about decided changes; use .stateFile("
            + "AnnouncementWatcher.Builder.stateFileBeside(directory)) (" + stateFileBeside(d.directory())
            + "), or .withoutStateFile() to keep it in memory only on purpose"));
      }
      if (stateFile != null) {
        Path file = followLinks(stateFile);
        Path directory = file.getParent();
        if (Files.isSymbolicLink(file)) {
          problems.add(Problem.of("stateFile", stateFile + " is a symbolic link that does not end at a file (a loop)"));
        } else if (Files.isDirectory(file)) {
          problems.add(Problem.of("stateFile", stateFile + " is a directory"));
        } else if (directory == null || !Files.isDirectory(directory)) {
          problems.add(Problem.of("stateFile", "the directory of " + file + " does not exist"));
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      if (stateFile == null) {
        return new AnnouncementWatcher(this);
      }
      AnnouncementWatcher watcher = new AnnouncementWatcher(this);
      Path file = Objects.requireNonNull(watcher.stateFile);
      StateFileLock lock = StateFileLock.acquire(file);
      try {
        watcher.stateFileLock = lock;
        return watcher.restore(WatchState.read(FenqiJson.newMapper(), file));
      } catch (RuntimeException e) {
        lock.close();
        throw e;
      }
    }
  }
}
