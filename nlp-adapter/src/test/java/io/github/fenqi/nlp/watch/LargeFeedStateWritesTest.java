package io.github.fenqi.nlp.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.testkit.Samples;
import io.github.fenqi.nlp.source.HttpPolicySource;
import io.github.fenqi.nlp.source.LoopbackServer;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh deployment's first poll of a big feed (2 000 announcements, served on loopback) with a state file over a
 * real policy directory: the state file is written a number of times bounded by what the poll changes, not once per
 * announcement read (it had been rewritten whole and synced after each of them: bytes written growing with the
 * square of the feed, 2 000 items taking about a minute). The writes are counted as the kernel reports them (each is
 * a temporary file renamed over the state file). The state stays right across a restart, and across a crash
 * simulated between the steps of a poll.
 */
class LargeFeedStateWritesTest {
  private static final Clock TODAY = WatcherRestartTest.TODAY;
  private static final String PLATFORM = WatcherRestartTest.PLATFORM;
  private static final int ITEMS = 2000;

  @TempDir
  Path dir;
  private Path policies;
  private Path state;
  private LoopbackServer server;
  private final AtomicReference<String> feed = new AtomicReference<>(feed(ITEMS, ""));

  @BeforeEach
  void start() throws Exception {
    policies = dir.resolve("policies");
    Samples.copyPolicies(policies);
    state = AnnouncementWatcher.Builder.stateFileBeside(policies);
    server = WatcherRestartTest.serving(feed);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * A JSON feed of {@code n} announcements, newest first, each with its own date (so its own text) and setting one
   * of three fields; the newest three are, newest first, a waiver of 10+ (n-1)%40 percent, a maximum of 24+ (n-2)%13
   * months and a hardship proof requirement. {@code extra}, if not empty, is put first (newest).
   */
  private static String feed(int n, String extra) {
    StringBuilder json = new StringBuilder("{\"items\":[").append(extra);
    for (int i = n - 1; i >= 0; i--) {
      String date = (2000 + i / 300) + "年" + (1 + (i / 25) % 12) + "月" + (1 + i % 25) + "日起，";
      String text = switch (i % 3) {
        case 0 -> date + "最长可分" + (24 + i % 13) + "期。";
        case 1 -> date + "罚息最高减免百分之" + (10 + i % 40) + "。";
        default -> date + ((i / 3) % 2 == 0 ? "需提供困难证明。" : "无需提供证明材料。");
      };
      json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
          .append("{\"id\":\"n-").append(i).append("\",\"content\":\"").append(text).append("\"}");
    }
    return json.append("]}").toString();
  }

  /** One life of the watcher (a process between two restarts): a fresh repository and watcher over the same files. */
  private <T> T run(AnnouncementWatcher.Mode mode, PolicyChangeListener listener,
      Function<AnnouncementWatcher, T> life) {
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(policies)) {
      AnnouncementWatcher watcher = AnnouncementWatcher.builder(new DirectoryPolicyStore(repo, TODAY))
          .source(HttpPolicySource.builder("big-feed", PLATFORM, server.uri("/feed")).build(), mode)
          .listener(listener).stateFile(state).clock(TODAY).build();
      try (watcher) {
        return life.apply(watcher);
      }
    }
  }

  private <T> T run(AnnouncementWatcher.Mode mode, Function<AnnouncementWatcher, T> life) {
    return run(mode, new AnnouncementWatcherTest.Recorder(), life);
  }

  private Policy live() {
    return WatcherRestartTest.live(policies);
  }

  private static List<String> statuses(List<PolicyChange> changes) {
    return WatcherRestartTest.statuses(changes);
  }

  @Test
  void aLargeFirstPollWritesTheStateOncePerAppliedChangeAndARestartReadsNothingAgain() throws Exception {
    int newestMax = 24 + (ITEMS - 2) % 13;
    try (Replacements writes = new Replacements(state)) {
      long started = System.nanoTime();
      List<PolicyChange> applied = run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce());
      long millis = (System.nanoTime() - started) / 1_000_000;
      // only the newest setter of each field is applied: the three newest announcements, oldest first
      assertEquals(List.of("n-" + (ITEMS - 3) + " APPLIED", "n-" + (ITEMS - 2) + " APPLIED",
          "n-" + (ITEMS - 1) + " APPLIED"), statuses(applied));
      int count = writes.count();
      long size = Files.size(state);
      System.out.printf("first poll of %d announcements (AUTO_APPLY): %d ms, %d state file writes of %d bytes%n",
          ITEMS, millis, count, size);
      assertTrue(count >= 1 && count <= applied.size() + 1, count + " writes of the state file for a poll that read "
          + ITEMS + " announcements and applied " + applied.size() + " changes (one write per applied change and "
          + "one at the end of the poll at most)" + (writes.overflowed() ? "; more than the watch service reported" : ""));
      assertEquals(newestMax, live().installments().max());
      assertEquals(ITEMS, WatchState.read(FenqiJson.newMapper(), state).read().size(), "every text read is kept");
    }

    WatcherRestartTest.handEdit(policies, 48);
    try (Replacements writes = new Replacements(state)) {
      assertEquals(List.of(), run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce()), "nothing new after a restart");
      assertEquals(0, writes.count(), "a poll that reads nothing new does not write the state file");
    }
    assertEquals(48, live().installments().max(), "the hand edit stands");

    feed.set(feed(ITEMS, "{\"id\":\"n-new\",\"content\":\"自即日起最长可分60期。\"}"));
    assertEquals(List.of("n-new APPLIED"), statuses(run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce())),
        "a new announcement is still read, and only it");
    assertEquals(60, live().installments().max());
  }

  @Test
  void aLargeFirstPollForReviewWritesTheStateOncePerQueuedChangeAndTheQueueIsKeptAcrossARestart() throws Exception {
    List<PolicyChange> queued;
    try (Replacements writes = new Replacements(state)) {
      queued = run(AnnouncementWatcher.Mode.REVIEW, w -> {
        List<PolicyChange> changes = w.pollOnce();
        assertEquals(changes, w.pendingReview());
        return changes;
      });
      assertEquals(List.of("n-" + (ITEMS - 3) + " QUEUED_FOR_REVIEW", "n-" + (ITEMS - 2) + " QUEUED_FOR_REVIEW",
          "n-" + (ITEMS - 1) + " QUEUED_FOR_REVIEW"), statuses(queued));
      int count = writes.count();
      assertTrue(count >= 1 && count <= queued.size() + 1, count + " writes of the state file for a poll that read "
          + ITEMS + " announcements and queued " + queued.size() + " changes"
          + (writes.overflowed() ? "; more than the watch service reported" : ""));
    }
    run(AnnouncementWatcher.Mode.REVIEW, w -> {
      assertEquals(queued, w.pendingReview(), "the same queue, down to the evidence");
      assertEquals(List.of(), w.pollOnce(), "nothing read again, nothing queued twice");
      return null;
    });
  }

  /** Thrown by a listener to stop a poll dead, as a crash would: nothing after it runs. */
  private static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash", null, false, false);
    }
  }

  /**
   * A crash right after a change is applied (before the state file records the texts read since its last write):
   * after the restart those texts are read again, compared with the live policy, and nothing is applied twice.
   */
  @Test
  void aCrashAfterAnApplyAppliesNothingTwiceAfterTheRestart() {
    AtomicBoolean crashed = new AtomicBoolean();
    PolicyChangeListener crashAtSecondApply = new PolicyChangeListener() {
      private int applied;

      @Override
      public void onChange(PolicyChange change) {
        if (change.status() == PolicyChange.Status.APPLIED && ++applied == 2 && crashed.compareAndSet(false, true)) {
          throw new Crash();
        }
      }

      @Override
      public void onSourceFailure(String sourceId, io.github.fenqi.nlp.source.PolicySourceException failure) {}
    };
    assertThrows(Crash.class, () -> run(AnnouncementWatcher.Mode.AUTO_APPLY, crashAtSecondApply, w -> w.pollOnce()));
    int newestMax = 24 + (ITEMS - 2) % 13;
    assertEquals(newestMax, live().installments().max(), "the second change was applied before the crash");
    assertEquals(List.of("n-" + (ITEMS - 1) + " APPLIED"),
        statuses(run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce())),
        "after the restart only the change the crash kept from being applied is applied");
    assertEquals(newestMax, live().installments().max());
    assertEquals(List.of(), run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce()), "and then nothing");
  }

  /**
   * A listener is told of a change queued for review only once the state file holds it: a crash right after it is
   * told loses nothing, and the restart neither queues nor reports it again.
   */
  @Test
  void aQueuedChangeIsInTheStateFileBeforeAListenerIsToldOfIt() {
    Set<String> onDisk = ConcurrentHashMap.newKeySet();
    List<String> told = new ArrayList<>();
    PolicyChangeListener crashAtFirstQueued = new PolicyChangeListener() {
      @Override
      public void onChange(PolicyChange change) {
        told.add(change.id());
        WatchState.read(FenqiJson.newMapper(), state).pending().forEach(q -> onDisk.add(q.id()));
        throw new Crash();
      }

      @Override
      public void onSourceFailure(String sourceId, io.github.fenqi.nlp.source.PolicySourceException failure) {}
    };
    assertThrows(Crash.class, () -> run(AnnouncementWatcher.Mode.REVIEW, crashAtFirstQueued, w -> w.pollOnce()));
    assertEquals(1, told.size());
    assertTrue(onDisk.contains(told.get(0)), told + " told before it was in the state file " + onDisk);
    AnnouncementWatcherTest.Recorder after = new AnnouncementWatcherTest.Recorder();
    List<String> waiting = run(AnnouncementWatcher.Mode.REVIEW, after, w -> {
      w.pollOnce();
      assertEquals(List.of(), w.pollOnce(), "nothing read twice");
      return w.pendingReview().stream().map(PolicyChange::id).toList();
    });
    List<String> reportedAfter = after.changes.stream().map(PolicyChange::id).toList();
    assertEquals(3, waiting.size(), "every change waits for review: " + waiting);
    assertTrue(!reportedAfter.contains(told.get(0)), "reported twice: " + told.get(0));
    List<String> reported = new ArrayList<>(told);
    reported.addAll(reportedAfter);
    assertEquals(Set.copyOf(waiting), Set.copyOf(reported), "each change reported once");
    assertEquals(waiting.size(), reported.size(), "each change reported once: " + reported);
  }

  /**
   * close() right after a change is applied (the poll's thread interrupted then): the change is still recorded and the
   * poll stops before the next announcement. An interrupted thread could not write the file, so the poll failed with
   * "cannot write the announcement watcher state" and the applied change was left unrecorded.
   */
  @Test
  void aCloseRightAfterAnApplyStillRecordsIt() {
    feed.set(feed(3, ""));
    PolicyChangeListener closing = new PolicyChangeListener() {
      @Override
      public void onChange(PolicyChange change) {
        Thread.currentThread().interrupt(); // what close() does to a running poll
      }

      @Override
      public void onSourceFailure(String sourceId, io.github.fenqi.nlp.source.PolicySourceException failure) {}
    };
    List<PolicyChange> first = run(AnnouncementWatcher.Mode.AUTO_APPLY, closing, w -> {
      try {
        return w.pollOnce();
      } finally {
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
      }
    });
    assertEquals(List.of("n-0 APPLIED"), statuses(first), "stopped before the next announcement");
    // n-2 requires hardship proof, as the live policy does already
    assertEquals(List.of("n-1 APPLIED"), statuses(run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce())),
        "the rest, and only the rest");
  }

  /**
   * Counts the replacements of a file, as the kernel reports them: each write of the state file is a temporary file,
   * written and synced, renamed over it (reported as the file's creation).
   */
  private static final class Replacements implements AutoCloseable {
    private final Path directory;
    private final String name;
    private final WatchService service;
    private final AtomicInteger count = new AtomicInteger();
    private final Set<String> markers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean overflow = new AtomicBoolean();
    private final Thread drain;

    Replacements(Path file) throws IOException {
      directory = file.getParent();
      name = file.getFileName().toString();
      service = directory.getFileSystem().newWatchService();
      directory.register(service, ENTRY_CREATE);
      drain = new Thread(this::drain, "state-file-replacements");
      drain.setDaemon(true);
      drain.start();
    }

    private void drain() {
      try {
        while (true) {
          WatchKey key = service.take();
          for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == OVERFLOW) {
              overflow.set(true);
            } else if (name.equals(e.context().toString())) {
              count.incrementAndGet();
            } else if (e.context().toString().startsWith("marker-")) {
              markers.add(e.context().toString());
            }
          }
          key.reset();
        }
      } catch (InterruptedException | ClosedWatchServiceException e) {
        // closed
      }
    }

    /** The replacements so far: events come in order, so once a marker made now is reported, all earlier ones are. */
    int count() throws Exception {
      String marker = "marker-" + UUID.randomUUID();
      Files.createFile(directory.resolve(marker));
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!markers.contains(marker)) {
        assertFalse(System.nanoTime() > deadline, "the watch service did not report " + marker);
        Thread.sleep(10);
      }
      return count.get();
    }

    boolean overflowed() {
      return overflow.get();
    }

    @Override
    public void close() throws IOException {
      service.close();
    }
  }
}
