package io.github.fenqi.nlp.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.source.Announcement;
import io.github.fenqi.nlp.source.HttpPolicySource;
import io.github.fenqi.nlp.source.LoopbackServer;
import io.github.fenqi.nlp.source.PolicySource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In REVIEW mode a newer text of the same announcement replaces its older waiting change: a page whose text changes
 * at every fetch (a counter) had queued one change per poll, never forgotten, so the review queue and the state file
 * grew without bound, and a reviewer could approve an outdated text.
 */
class SupersededReviewTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @TempDir
  Path dir;
  private Path state;
  private LoopbackServer server;
  private final AtomicInteger visits = new AtomicInteger();
  private final AtomicReference<String> page = new AtomicReference<>("最长可分60期。");
  private final AtomicReference<String> feed = new AtomicReference<>("[]");
  private final AnnouncementWatcherTest.MapStore store = new AnnouncementWatcherTest.MapStore();
  private final AnnouncementWatcherTest.Recorder recorder = new AnnouncementWatcherTest.Recorder();

  @BeforeEach
  void start() throws Exception {
    state = dir.resolve("state.json");
    store.live.put("hexin", Map.of(PolicyField.MAX_INSTALLMENTS, 24));
    server = new LoopbackServer();
    server.handle("/page", ex -> LoopbackServer.respond(ex, 200, "text/html; charset=utf-8",
        ("<p>" + page.get() + "本页第" + visits.incrementAndGet() + "次访问。</p>").getBytes(StandardCharsets.UTF_8)));
    server.handle("/feed", ex -> LoopbackServer.respond(ex, 200, "application/json; charset=utf-8",
        feed.get().getBytes(StandardCharsets.UTF_8)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AnnouncementWatcher watcher(String path) {
    return AnnouncementWatcher.builder(store).stateFile(state).clock(TODAY).listener(recorder)
        .source(HttpPolicySource.builder("notices", "hexin", server.uri(path)).build(),
            AnnouncementWatcher.Mode.REVIEW).build();
  }

  private List<String> events() {
    return recorder.changes.stream().map(c -> c.status() + " " + c.announcement().text()).toList();
  }

  @Test
  void aPageChangingAtEveryFetchKeepsOneWaitingChangeTheLatest() throws Exception {
    List<PolicyChange> queue;
    try (AnnouncementWatcher w = watcher("/page")) {
      for (int poll = 1; poll <= 30; poll++) {
        w.pollOnce();
      }
      queue = w.pendingReview();
    }
    assertEquals(1, queue.size(), queue.toString());
    PolicyChange latest = queue.get(0);
    assertEquals("最长可分60期。本页第30次访问。", latest.announcement().text());
    assertEquals(1, new ObjectMapper().readTree(state.toFile()).get("pending").size(), "the state file too");
    PolicyChange first = recorder.changes.get(0);
    assertEquals(List.of("QUEUED_FOR_REVIEW 最长可分60期。本页第1次访问。", "SUPERSEDED 最长可分60期。本页第1次访问。",
        "QUEUED_FOR_REVIEW 最长可分60期。本页第2次访问。"), events().subList(0, 3));
    assertEquals(List.of(first.id()), recorder.changes.get(2).supersedes(), "the new change names the one it replaced");
    assertEquals(List.of(recorder.changes.get(recorder.changes.size() - 3).id()), latest.supersedes());

    try (AnnouncementWatcher w = watcher("/page")) {
      assertEquals(queue, w.pendingReview(), "the same queue after a restart, down to what it superseded");
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> w.approve(first.id()));
      assertEquals("changeId: '" + first.id() + "' is not waiting for review: it was superseded by a newer text of "
          + "its announcement at 2026-11-25T02:00:00Z", e.getMessage());
      assertEquals(PolicyChange.Status.APPLIED, w.approve(latest.id()).status());
      assertEquals(60, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    }
  }

  /**
   * The page now agrees with the live policy: the outdated waiting change is withdrawn; edited back, it is asked
   * again.
   */
  @Test
  void aNewerTextAgreeingWithTheLivePolicyWithdrawsTheWaitingOne() {
    List<PolicyChange> edited;
    try (AnnouncementWatcher w = watcher("/feed")) {
      feed.set("[{\"id\":\"n\",\"content\":\"最长可分60期。\"}]");
      w.pollOnce();
      feed.set("[{\"id\":\"n\",\"content\":\"最长可分24期。\"}]");
      assertEquals(List.of(), w.pollOnce());
      assertEquals(List.of(), w.pendingReview());
      feed.set("[{\"id\":\"n\",\"content\":\"最长可分60期。\"}]");
      edited = w.pollOnce();
      assertEquals(edited, w.pendingReview());
    }
    assertEquals(List.of("QUEUED_FOR_REVIEW 最长可分60期。", "SUPERSEDED 最长可分60期。", "QUEUED_FOR_REVIEW 最长可分60期。"),
        events());
    assertEquals(List.of(), edited.get(0).supersedes());
  }

  /**
   * A feed item without an id is named by its place; when a newer item takes that place, the older one moves down
   * and is still listed: another announcement, not a newer text of it, so its change stays waiting.
   */
  @Test
  void anOlderTextStillListedUnderAnotherPlaceIsNotSuperseded() {
    try (AnnouncementWatcher w = watcher("/feed")) {
      feed.set("[{\"content\":\"最长可分60期。\"}]");
      w.pollOnce();
      feed.set("[{\"content\":\"最长可分48期。\"},{\"content\":\"最长可分60期。\"}]");
      w.pollOnce();
      assertEquals(List.of("最长可分60期。", "最长可分48期。"),
          w.pendingReview().stream().map(c -> c.announcement().text()).toList());
    }
  }

  /**
   * A newer text of a page read while the reviewer's approval of the older text's change is being applied (the store
   * still writing it) does not withdraw that change: it is applied, and told APPLIED only, never also SUPERSEDED; the
   * newer text's change waits, superseding nothing.
   */
  @Test
  void aChangeBeingApprovedIsNotSupersededByANewerTextReadMeanwhile() throws Exception {
    java.util.concurrent.CountDownLatch applying = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    PolicyStore slow = new PolicyStore() { // the live policy's store, slow to write
      @Override
      public Map<PolicyField, Object> liveValues(String platformId) {
        return store.liveValues(platformId);
      }

      @Override
      public void apply(PolicyChange change) {
        applying.countDown();
        try {
          assertTrue(release.await(10, java.util.concurrent.TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        store.apply(change);
      }
    };
    feed.set("[{\"id\":\"p\",\"content\":\"最长可分60期。\"}]");
    try (AnnouncementWatcher w = AnnouncementWatcher.builder(slow).stateFile(state).clock(TODAY).listener(recorder)
        .source(HttpPolicySource.builder("notices", "hexin", server.uri("/feed")).build(),
            AnnouncementWatcher.Mode.REVIEW).build()) {
      w.pollOnce();
      String older = w.pendingReview().get(0).id();
      // the approval on a thread of its own. CompletableFuture's default executor, on two cores (common pool
      // parallelism 1), is a thread per task on JDK 17 but the common pool itself on JDK 25, where java.net.http also
      // completes the poll's fetch: the approval, blocked in the slow store, held the pool's one worker, and the poll
      // waited 10 s for the approval it was to overtake
      java.util.concurrent.ExecutorService approver = java.util.concurrent.Executors.newSingleThreadExecutor();
      try {
        java.util.concurrent.Future<PolicyChange> approval = approver.submit(() -> w.approve(older));
        assertTrue(applying.await(10, java.util.concurrent.TimeUnit.SECONDS));
        feed.set("[{\"id\":\"p\",\"content\":\"最长可分48期。\"}]");
        w.pollOnce();
        release.countDown();
        assertEquals(PolicyChange.Status.APPLIED, approval.get(10, java.util.concurrent.TimeUnit.SECONDS).status());
        assertEquals(List.of(List.of()), w.pendingReview().stream().map(PolicyChange::supersedes).toList());
      } finally {
        release.countDown();
        approver.shutdownNow();
      }
    }
    assertEquals(List.of("QUEUED_FOR_REVIEW 最长可分60期。", "QUEUED_FOR_REVIEW 最长可分48期。", "APPLIED 最长可分60期。"),
        events());
  }

  /**
   * A feed item without an id, named by its place, that moves down to a place whose last text was another one is not
   * an edit back of that place: its text, read and applied before, is not read again, so an operator's hand edit of
   * the live value since stays.
   */
  @Test
  void aTextReadBeforeThatMovesToAnotherPlaceIsNotAppliedAgain() {
    feed.set("[{\"content\":\"最长可分36期。\"},{\"content\":\"罚息最高减免百分之五十。\"}]");
    try (AnnouncementWatcher w = AnnouncementWatcher.builder(store).stateFile(state).clock(TODAY).listener(recorder)
        .source(HttpPolicySource.builder("notices", "hexin", server.uri("/feed")).build(),
            AnnouncementWatcher.Mode.AUTO_APPLY).build()) {
      assertEquals(2, w.pollOnce().size());
      Map<PolicyField, Object> edited = new HashMap<>(store.live.get("hexin"));
      edited.put(PolicyField.MAX_INSTALLMENTS, 48); // by hand
      store.live.put("hexin", edited);
      feed.set("[{\"content\":\"系统维护公告。\"},{\"content\":\"最长可分36期。\"}]");
      assertEquals(List.of(), w.pollOnce());
    }
    assertEquals(48, store.live.get("hexin").get(PolicyField.MAX_INSTALLMENTS));
  }

  /** A file of format 2 (before changes could be superseded) is still read, its changes superseding none. */
  @Test
  void aFormat2FileIsStillRead() throws Exception {
    List<PolicyChange> queue;
    try (AnnouncementWatcher w = watcher("/page")) {
      w.pollOnce();
      w.pollOnce();
      queue = w.pendingReview();
    }
    String written = Files.readString(state);
    assertTrue(written.contains("\"formatVersion\" : 4") && written.contains("\"supersedes\" : [ \""), written);
    Files.writeString(state, written.replaceAll(",\\s*\"notes\" : \\[[^]]*]", "") // format 4
        .replace("\"formatVersion\" : 4", "\"formatVersion\" : 2")
        .replaceAll(",\\s*\"supersedes\" : \\[[^]]*]", "").replace("\"SUPERSEDED\"", "\"REJECTED\""));
    try (AnnouncementWatcher w = watcher("/page")) {
      assertEquals(List.of(queue.get(0).superseding(List.of())), w.pendingReview());
    }
  }

  /**
   * Over any sequence of fetches of a REVIEW source (items a, b, c, each stating one of a few terms, some with a
   * counter that changes the text; a text is listed under one id only), decisions and restarts: at most one change
   * per announcement waits, and it is of that announcement's text as last listed; every change queued is still
   * waiting, or was reported superseded (and every change named as superseded was), or decided: never dropped
   * silently; a restart gives back the same queue; the queue stays within the three announcements.
   */
  @Property(tries = 60)
  void atMostOneWaitingChangePerAnnouncementItsLatestText(@ForAll("steps") List<Step> steps) throws Exception {
    Path dir = Files.createTempDirectory("superseded");
    Path file = dir.resolve("state.json");
    AnnouncementWatcherTest.MapStore live = new AnnouncementWatcherTest.MapStore();
    live.live.put("hexin", Map.of(PolicyField.MAX_INSTALLMENTS, 24));
    AnnouncementWatcherTest.Recorder events = new AnnouncementWatcherTest.Recorder();
    AtomicReference<List<Announcement>> listing = new AtomicReference<>(List.of());
    PolicySource source = AnnouncementWatcherTest.fetching("s", listing::get);
    java.util.function.Supplier<AnnouncementWatcher> build = () -> AnnouncementWatcher.builder(live)
        .source(source, AnnouncementWatcher.Mode.REVIEW).listener(events).stateFile(file).clock(TODAY).build();
    Map<String, String> lastListed = new HashMap<>();
    Set<String> decided = new HashSet<>();
    AnnouncementWatcher w = build.get();
    try {
      for (Step step : steps) {
        if (step instanceof Fetch f) {
          listing.set(f.items().stream().map(i -> new Announcement("s", i.id(), "", i.text(),
              URI.create("https://example.com/" + i.id()), TODAY.instant())).toList());
          f.items().forEach(i -> lastListed.put(i.id(), i.text()));
          w.pollOnce();
        } else if (step instanceof Decide d) {
          List<PolicyChange> queue = w.pendingReview();
          if (!queue.isEmpty()) {
            PolicyChange c = queue.get(d.index() % queue.size());
            decided.add(c.id());
            if (d.approve()) {
              w.approve(c.id());
            } else {
              w.reject(c.id());
            }
          }
        } else {
          List<PolicyChange> before = w.pendingReview();
          w.close();
          w = build.get();
          assertEquals(before, w.pendingReview(), "the same queue after a restart");
        }
        List<PolicyChange> queue = w.pendingReview();
        Set<String> ids = new HashSet<>();
        for (PolicyChange c : queue) {
          assertTrue(ids.add(c.announcement().id()), "two changes of " + c.announcement().id() + " wait: " + queue);
          assertEquals(lastListed.get(c.announcement().id()), c.announcement().text(), "not the latest text");
        }
        Map<String, PolicyChange.Status> lastStatus = new HashMap<>();
        Set<String> namedAsSuperseded = new HashSet<>();
        for (PolicyChange c : events.changes) {
          lastStatus.put(c.id(), c.status());
          namedAsSuperseded.addAll(c.supersedes());
        }
        for (String older : namedAsSuperseded) {
          assertTrue(events.changes.stream().anyMatch(c -> c.id().equals(older)
              && c.status() == PolicyChange.Status.SUPERSEDED), older + " named as superseded, not reported so");
        }
        for (Map.Entry<String, PolicyChange.Status> e : lastStatus.entrySet()) {
          boolean waiting = queue.stream().anyMatch(c -> c.id().equals(e.getKey()));
          switch (e.getValue()) {
            case QUEUED_FOR_REVIEW -> assertTrue(waiting, e.getKey() + " queued, then dropped silently");
            case SUPERSEDED -> assertTrue(!waiting, e.getKey() + " superseded but still waiting");
            default -> assertTrue(decided.contains(e.getKey()), e.getKey() + " " + e.getValue());
          }
        }
      }
      long queued = events.changes.stream().filter(c -> c.status() == PolicyChange.Status.QUEUED_FOR_REVIEW).count();
      assertTrue(w.pendingReview().size() <= 3, "bounded by the announcements, after " + queued + " queued");
    } finally {
      w.close();
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  sealed interface Step permits Fetch, Decide, Restart {}

  record Item(String id, String text) {}

  record Fetch(List<Item> items) implements Step {}

  record Decide(int index, boolean approve) implements Step {}

  record Restart() implements Step {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Item> item = Arbitraries.of("a", "b", "c").flatMap(id -> net.jqwik.api.Combinators.combine(
        Arbitraries.of(24, 36, 60), Arbitraries.integers().between(0, 3))
        .as((months, counter) -> new Item(id, "公告" + id + "：最长可分" + months + "期。" + (counter == 0 ? "" : "本页第" + counter
            + "次访问。"))));
    Arbitrary<Step> fetch = item.list().ofMaxSize(3).uniqueElements(Item::id).map(items -> new Fetch(items));
    Arbitrary<Step> decide = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 5),
        Arbitraries.of(true, false)).as(Decide::new);
    Arbitrary<Step> restart = Arbitraries.just(new Restart());
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, fetch), net.jqwik.api.Tuple.of(2, decide), net.jqwik.api.Tuple.of(1, restart))
        .list().ofMinSize(1).ofMaxSize(25);
  }
}
