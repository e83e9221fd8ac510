package io.github.fenqi.nlp.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.PolicyException;
import io.github.fenqi.nlp.Evidence;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.source.Announcement;
import io.github.fenqi.nlp.source.HttpPolicySource;
import io.github.fenqi.nlp.source.LoopbackServer;
import io.github.fenqi.nlp.source.PolicySource;
import io.github.fenqi.nlp.source.PolicySourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnnouncementWatcherTest {
  private static final String NOTICE = "<html><body><p>即日起，逾期满90天的客户最长可分36期偿还，罚息最高减免50%。</p></body></html>";

  /** A store keeping live field values per platform in memory; can be told to refuse changes. */
  static final class MapStore implements PolicyStore {
    final Map<String, Map<PolicyField, Object>> live = new ConcurrentHashMap<>();
    volatile boolean refuse;
    /** How many reads of live values fail (a database that is briefly down). */
    final java.util.concurrent.atomic.AtomicInteger unavailableReads = new java.util.concurrent.atomic.AtomicInteger();
    volatile boolean broken;

    @Override
    public Map<PolicyField, Object> liveValues(String platformId) {
      if (unavailableReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("policy database unavailable");
      }
      return Map.copyOf(live.getOrDefault(platformId, Map.of()));
    }

    @Override
    public synchronized void apply(PolicyChange change) {
      if (refuse) {
        throw new PolicyException(List.of(io.github.fenqi.core.Problem.of(change.platformId(), "failed validation")));
      }
      if (broken) {
        throw new IllegalStateException("disk gone");
      }
      Map<PolicyField, Object> next = new EnumMap<>(PolicyField.class);
      next.putAll(live.getOrDefault(change.platformId(), Map.of()));
      change.changes().forEach(c -> next.put(c.field(), c.proposed().value()));
      live.put(change.platformId(), next);
    }
  }

  /** Records everything the watcher reports, like an audit log would. */
  static final class Recorder implements PolicyChangeListener {
    final List<PolicyChange> changes = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final List<AnnouncementNotes> notes = new CopyOnWriteArrayList<>();

    @Override
    public void onChange(PolicyChange change) {
      changes.add(change);
    }

    @Override
    public void onNotes(AnnouncementNotes announcementNotes) {
      notes.add(announcementNotes);
    }

    @Override
    public void onSourceFailure(String sourceId, PolicySourceException failure) {
      failures.add(sourceId + ": " + failure.getMessage());
    }
  }

  private LoopbackServer server;
  private final MapStore store = new MapStore();
  private final Recorder recorder = new Recorder();

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackServer();
    server.serve("/notice", "text/html; charset=utf-8", NOTICE.getBytes(StandardCharsets.UTF_8));
    store.live.put("hexin", Map.of(PolicyField.MAX_INSTALLMENTS, 24, PolicyField.MIN_OVERDUE_DAYS, 90));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A source of hexin's policy (a mailbox, a file drop) that fetches with {@code fetch}. */
  static PolicySource fetching(String id, java.util.function.Supplier<List<Announcement>> fetch) {
    return fetching(id, "hexin", fetch);
  }

  /** A source of {@code platformId}'s policy that fetches with {@code fetch}. */
  static PolicySource fetching(String id, String platformId, java.util.function.Supplier<List<Announcement>> fetch) {
    return new PolicySource() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String platformId() {
        return platformId;
      }

      @Override
      public List<Announcement> fetch() {
        return fetch.get();
      }
    };
  }

  private HttpPolicySource source(String id, String path) {
    return HttpPolicySource.builder(id, "hexin", server.uri(path)).readTimeout(Duration.ofSeconds(2)).build();
  }

  @Test
  void queuesChangeForReviewAndAppliesItOnlyOnApproval() {
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("notices", "/notice"), AnnouncementWatcher.Mode.REVIEW).listener(recorder).build();
    List<PolicyChange> detected = watcher.pollOnce();
    assertEquals(1, detected.size());
    PolicyChange change = detected.get(0);
    assertEquals(PolicyChange.Status.QUEUED_FOR_REVIEW, change.status());
    assertEquals(List.of(PolicyField.MAX_INSTALLMENTS, PolicyField.MAX_PENALTY_WAIVER),
        change.changes().stream().map(FieldChange::field).toList(), "90 days agrees with the live policy");
    assertEquals(Optional.of(24), change.changes().get(0).liveValue());
    assertEquals(24, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS), "not applied before review");
    assertEquals(List.of(change), watcher.pendingReview());

    PolicyChange applied = watcher.approve(change.id());
    assertEquals(PolicyChange.Status.APPLIED, applied.status());
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    assertEquals(List.of(PolicyChange.Status.QUEUED_FOR_REVIEW, PolicyChange.Status.APPLIED),
        recorder.changes.stream().map(PolicyChange::status).toList());
    assertTrue(watcher.pendingReview().isEmpty());
  }

  @Test
  void appliesDirectlyForAutoApplySource() {
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("feed", "/notice"), AnnouncementWatcher.Mode.AUTO_APPLY).listener(recorder).build();
    assertEquals(PolicyChange.Status.APPLIED, watcher.pollOnce().get(0).status());
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    assertTrue(watcher.pendingReview().isEmpty());
    assertEquals(1, recorder.changes.size());
  }

  /**
   * A listener that throws (an audit log that is down) is logged and passed over: the poll goes on to the next source,
   * the listeners after it are still told, the change is queued or applied as it would be, and an approval returns
   * its result. No test had a listener throw on a change, so the watcher could let it end the poll and the approval.
   */
  @Test
  void aListenerThatThrowsStopsNeitherThePollNorTheOtherListenersNorAnApproval() {
    PolicyChangeListener failing = new PolicyChangeListener() {
      @Override
      public void onChange(PolicyChange change) { // an audit log on a full disk: not an IllegalStateException
        throw new java.io.UncheckedIOException(new IOException("audit log down"));
      }

      @Override
      public void onSourceFailure(String sourceId, PolicySourceException failure) {
        throw new java.io.UncheckedIOException(new IOException("audit log down"));
      }
    };
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("gone", "/missing"), AnnouncementWatcher.Mode.REVIEW)
        .source(source("notices", "/notice"), AnnouncementWatcher.Mode.REVIEW)
        .source(HttpPolicySource.builder("feed", "other", server.uri("/notice")).build(),
            AnnouncementWatcher.Mode.AUTO_APPLY)
        .listener(failing).listener(recorder).build();
    List<PolicyChange> detected = watcher.pollOnce();
    assertEquals(List.of("notices QUEUED_FOR_REVIEW", "feed APPLIED"),
        detected.stream().map(c -> c.sourceId() + " " + c.status()).toList());
    assertEquals(36, store.liveValues("other").get(PolicyField.MAX_INSTALLMENTS));
    assertEquals(1, recorder.failures.size(), "the missing page is told to the listener after the failing one");
    assertTrue(recorder.failures.get(0).startsWith("gone: "), recorder.failures.toString());

    PolicyChange approved = watcher.approve(detected.get(0).id());
    assertEquals(PolicyChange.Status.APPLIED, approved.status());
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    assertEquals(List.of(PolicyChange.Status.QUEUED_FOR_REVIEW, PolicyChange.Status.APPLIED,
        PolicyChange.Status.APPLIED), recorder.changes.stream().map(PolicyChange::status).toList());
    assertEquals(List.of(), watcher.pendingReview());
  }

  /**
   * Feeds list the newest first: the older notice must not be applied over the newer one, nor before it (24 months
   * had been live for a moment, a version of its own, at the first poll and again after every restart).
   */
  @Test
  void theNewestAnnouncementOfAFeedStaysLive() {
    String feed = "{\"items\":[{\"id\":\"n-2\",\"content\":\"自即日起最长可分36期。\"},"
        + "{\"id\":\"n-1\",\"content\":\"最长可分24期。\"}]}";
    server.serve("/feed", "application/json; charset=utf-8", feed.getBytes(StandardCharsets.UTF_8));
    store.live.put("hexin", Map.of(PolicyField.MAX_INSTALLMENTS, 12));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("feed", "/feed"), AnnouncementWatcher.Mode.AUTO_APPLY).listener(recorder).build();
    List<PolicyChange> applied = watcher.pollOnce();
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    assertEquals(List.of("n-2"), applied.stream().map(c -> c.announcement().id()).toList(), "n-1's 24 superseded");
  }

  /** The older announcement's other fields are still read, oldest first; only what the newer one sets is left out. */
  @Test
  void aFieldOnlyTheOlderAnnouncementSetsIsStillApplied() {
    store.live.put("hexin", Map.of(PolicyField.MAX_INSTALLMENTS, 12));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(feed("自即日起最长可分36期。", "最长可分24期，罚息最高减免50%。"), AnnouncementWatcher.Mode.REVIEW).build();
    List<PolicyChange> queued = watcher.pollOnce();
    assertEquals(List.of("n-1 [MAX_PENALTY_WAIVER]", "n-2 [MAX_INSTALLMENTS]"), queued.stream()
        .map(c -> c.announcement().id() + " " + c.changes().stream().map(FieldChange::field).toList()).toList());
    assertEquals(36, queued.get(1).changes().get(0).proposed().value());
  }

  @Test
  void evidenceOfAChangeIsASpanOfTheAnnouncementRead() {
    String feed = "[{\"id\":\"n-9\",\"title\":\"罚息减免调整\",\"content\":\"即日起罚息最高减免50%，最长可分36期。\"}]";
    server.serve("/feed", "application/json", feed.getBytes(StandardCharsets.UTF_8));
    server.serve("/titled", "text/html; charset=utf-8",
        NOTICE.replace("<html>", "<html><head><title>分期公告</title></head>").getBytes(StandardCharsets.UTF_8));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("page", "/titled"), AnnouncementWatcher.Mode.REVIEW)
        .source(source("feed", "/feed"), AnnouncementWatcher.Mode.REVIEW).build();
    List<PolicyChange> changes = watcher.pollOnce();
    assertEquals(2, changes.size());
    assertEquals("分期公告", changes.get(0).announcement().title());
    assertEquals(changes.get(0).announcement().text(), changes.get(0).announcement().readableText(),
        "an HTML page's title is already its first line");
    assertEquals("罚息减免调整\n即日起罚息最高减免50%，最长可分36期。", changes.get(1).announcement().readableText());
    for (PolicyChange change : changes) {
      String read = change.announcement().readableText();
      for (FieldChange f : change.changes()) {
        Evidence e = f.proposed().evidence();
        assertEquals(e.text(), read.substring(e.start(), e.end()), change.sourceId() + " " + f.field());
      }
    }
  }

  /** Serves at {@code path} whatever the returned reference holds at each request: a page its lender edits. */
  private java.util.concurrent.atomic.AtomicReference<String> editable(String path, String contentType) {
    java.util.concurrent.atomic.AtomicReference<String> body = new java.util.concurrent.atomic.AtomicReference<>("");
    server.handle(path, ex -> LoopbackServer.respond(ex, 200, contentType, body.get().getBytes(StandardCharsets.UTF_8)));
    return body;
  }

  /**
   * A page edited from 36 to 60 months and back to 36: the third text has the hash of the first, which had been
   * marked read, so it was skipped and 60 stayed live although the lender's page said 36 again.
   */
  @Test
  void aPageEditedBackToAnEarlierTextIsReadAgain() {
    java.util.concurrent.atomic.AtomicReference<String> page = editable("/edited", "text/html; charset=utf-8");
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("page", "/edited"), AnnouncementWatcher.Mode.AUTO_APPLY).listener(recorder).build();
    String at36 = "<p>即日起最长可分36期。</p>";
    page.set(at36);
    watcher.pollOnce();
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    page.set("<p>即日起最长可分60期。</p>");
    watcher.pollOnce();
    assertEquals(60, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    page.set(at36);
    assertEquals(List.of(PolicyChange.Status.APPLIED),
        watcher.pollOnce().stream().map(PolicyChange::status).toList());
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    assertEquals(List.of(), watcher.pollOnce(), "read again once, not at every poll");
    assertEquals(3, recorder.changes.size());
  }

  /**
   * Items of a feed without ids are named by their place in it, which moves when a newer item is added: an item
   * that moved to a place another text had held is not a revert and is not read again.
   */
  @Test
  void feedItemsWithoutIdsAreNotReadAgainWhenTheyMoveDown() {
    java.util.concurrent.atomic.AtomicReference<String> feed = editable("/feed", "application/json; charset=utf-8");
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("feed", "/feed"), AnnouncementWatcher.Mode.REVIEW).listener(recorder).build();
    feed.set("[{\"content\":\"最长可分36期。\"},{\"content\":\"最长可分48期。\"}]");
    assertEquals(List.of(36), watcher.pollOnce().stream()
        .map(c -> c.changes().get(0).proposed().value()).toList(), "48 is superseded by the newer 36");
    feed.set("[{\"content\":\"最长可分60期。\"},{\"content\":\"最长可分36期。\"},{\"content\":\"最长可分48期。\"}]");
    assertEquals(List.of(60), watcher.pollOnce().stream()
        .map(c -> c.changes().get(0).proposed().value()).toList(), "only the new item");
  }

  /**
   * Two items of one fetch under one id (a feed giving every item the list page's address as its guid): each is
   * the other's "earlier text", but neither is an edit of the other, so neither is read again at later polls.
   */
  @Test
  void itemsSharingAnIdInOneFetchAreNotReadAgain() {
    java.net.URI list = java.net.URI.create("https://example.com/notices");
    List<Announcement> items = List.of(
        new Announcement("feed", list.toString(), "", "最长可分36期。", list, java.time.Instant.EPOCH),
        new Announcement("feed", list.toString(), "", "最长可分48期。", list, java.time.Instant.EPOCH));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(fetching("feed", () -> items), AnnouncementWatcher.Mode.AUTO_APPLY).build();
    assertEquals(1, watcher.pollOnce().size(), "the older item's 48 is superseded by the newer 36");
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    assertEquals(List.of(), watcher.pollOnce());
    assertEquals(List.of(), watcher.pollOnce());
  }

  /**
   * An id that several items of one fetch share supersedes nothing: the change waiting for an earlier text under that
   * id stays waiting for review, though the fetch no longer lists that text.
   */
  @Test
  void anIdSharedByItemsOfOneFetchSupersedesNoWaitingChange() {
    java.net.URI list = java.net.URI.create("https://example.com/notices");
    java.util.concurrent.atomic.AtomicReference<List<Announcement>> items = new java.util.concurrent.atomic.AtomicReference<>(
        List.of(new Announcement("feed", list.toString(), "", "最长可分36期。", list, java.time.Instant.EPOCH)));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store).listener(recorder)
        .source(fetching("feed", items::get), AnnouncementWatcher.Mode.REVIEW).build();
    String waiting = watcher.pollOnce().get(0).id();
    items.set(List.of(new Announcement("feed", list.toString(), "", "逾期满90天。", list, java.time.Instant.EPOCH),
        new Announcement("feed", list.toString(), "", "罚息最高减免50%。", list, java.time.Instant.EPOCH)));
    watcher.pollOnce();
    assertTrue(watcher.pendingReview().stream().anyMatch(c -> c.id().equals(waiting)), "still waiting");
    assertTrue(recorder.changes.stream().noneMatch(c -> c.status() == PolicyChange.Status.SUPERSEDED),
        "nothing superseded");
  }

  /**
   * Which of two items sharing an id is taken is a named problem, reported to the listeners (the audit log) with the
   * id and the items, not a choice made with only an INFO line ("announcement 'X' is superseded by the newer
   * announcement 'X'"); once both are read it is not reported again, and a new item under the id is.
   */
  @Test
  void itemsSharingAnIdInOneFetchAreReportedNamingTheIdAndTheItems() {
    java.net.URI list = java.net.URI.create("https://example.com/notices");
    java.util.concurrent.atomic.AtomicReference<List<Announcement>> items = new java.util.concurrent.atomic.AtomicReference<>(List.of(
        new Announcement("feed", list.toString(), "新政", "最长可分36期。", list, java.time.Instant.EPOCH),
        new Announcement("feed", "n-1", "", "逾期满90天。", list, java.time.Instant.EPOCH),
        new Announcement("feed", list.toString(), "", "最长可分48期。", list, java.time.Instant.EPOCH)));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store).listener(recorder)
        .source(fetching("feed", items::get), AnnouncementWatcher.Mode.AUTO_APPLY).build();
    assertEquals(1, watcher.pollOnce().size());
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    assertEquals(List.of("feed: policy source 'feed': its fetch lists 2 announcements under one id '" + list
        + "': items 1 ('新政'), 3 ('最长可分48期。') of 3 (newest first); an id names one announcement, so they cannot be "
        + "told apart as edits of each other: each text is read once as an announcement of its own and, where they "
        + "set the same field, item 1's value is taken"), recorder.failures);
    assertEquals(List.of(), watcher.pollOnce());
    assertEquals(1, recorder.failures.size(), "all read: not reported again");
    items.set(List.of(new Announcement("feed", list.toString(), "", "最长可分60期。", list, java.time.Instant.EPOCH),
        items.get().get(0), items.get().get(1), items.get().get(2)));
    assertEquals(1, watcher.pollOnce().size());
    assertEquals(2, recorder.failures.size(), "a new item under the id");
    assertTrue(recorder.failures.get(1).contains("lists 3 announcements under one id"), recorder.failures.get(1));
  }

  /**
   * What a fetch gave, the shared id and each item's title or text, is quoted in the report as core quotes text from
   * outside: the id escaped ({@code Problem.escaped}) and the item cut to 40 characters and escaped
   * ({@code Problem.excerpt}). A text's line break in its first 20 characters, or one in a feed's guid, had been quoted
   * raw, beginning a forged line of its own in the audit log the report goes to.
   */
  @Test
  void itemsSharingAnIdAreQuotedEscapedInTheReport() {
    java.net.URI list = java.net.URI.create("https://example.com/notices");
    String id = "n-1\nINFO ok";
    List<Announcement> items = List.of(
        new Announcement("feed", id, "", "最长可分36期。\nINFO 审核通过 " + "x".repeat(100), list, java.time.Instant.EPOCH),
        new Announcement("feed", id, "", "最长可分48期。", list, java.time.Instant.EPOCH));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store).listener(recorder)
        .source(fetching("feed", () -> items), AnnouncementWatcher.Mode.AUTO_APPLY).build();
    watcher.pollOnce();
    assertEquals(1, recorder.failures.size(), recorder.failures.toString());
    String failure = recorder.failures.get(0);
    assertTrue(failure.startsWith("feed: policy source 'feed': its fetch lists 2 announcements under one id "
        + "'n-1\\nINFO ok': items 1 ('最长可分36期。\\nINFO 审核通过 " + "x".repeat(37 - 19) + "...'), 2 ('最长可分48期。') of 2"),
        failure);
    assertTrue(failure.chars().noneMatch(c -> c == '\n'), failure);
  }

  /**
   * A page answering once with an error page and HTTP 200 (a proxy's {@code 502 Bad Gateway}) sets no field: its real
   * text, back at the next poll, is not an edit back and is not applied again over the operator's hand edit (it had
   * been: 36 live again over the 30 the operator had set).
   */
  @Test
  void anErrorPageServedWith200DoesNotMakeTheRealTextAnEditBack() {
    java.util.concurrent.atomic.AtomicReference<String> page = new java.util.concurrent.atomic.AtomicReference<>(NOTICE);
    server.handle("/flapping", ex -> LoopbackServer.respond(ex, 200, "text/html; charset=utf-8",
        page.get().getBytes(StandardCharsets.UTF_8)));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store).listener(recorder)
        .source(source("notices", "/flapping"), AnnouncementWatcher.Mode.AUTO_APPLY).build();
    assertEquals(1, watcher.pollOnce().size());
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    Map<PolicyField, Object> edited = new java.util.EnumMap<>(store.liveValues("hexin"));
    edited.put(PolicyField.MAX_INSTALLMENTS, 30);
    store.live.put("hexin", edited); // the operator's hand edit
    page.set("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>");
    assertEquals(List.of(), watcher.pollOnce());
    page.set(NOTICE);
    assertEquals(List.of(), watcher.pollOnce());
    assertEquals(30, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS), "the hand edit stays");
    page.set(NOTICE.replace("36期", "60期"));
    watcher.pollOnce();
    page.set(NOTICE);
    assertEquals(1, watcher.pollOnce().size(), "36, 60, 36 again is still an edit back");
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
  }

  @Test
  void processesEachAnnouncementOnce() {
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("notices", "/notice"), AnnouncementWatcher.Mode.REVIEW).listener(recorder).build();
    assertEquals(1, watcher.pollOnce().size());
    assertEquals(List.of(), watcher.pollOnce());
    assertEquals(1, recorder.changes.size());
  }

  /**
   * A feed item whose title states the policy and whose text is a pointer the same in every item (详见附件): the
   * title is read with the text ({@link Announcement#readableText()}), but a text was known by the hash of the text
   * alone, so an item whose title was edited (36 months, then 60), and a second item with a new title and the same
   * text, had been taken for texts read before and never read: 60 was never applied.
   */
  @Test
  void anItemWhoseTitleAloneChangedIsReadAgain() {
    List<Announcement> items = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.function.BiFunction<String, String, Announcement> item = (id, title) -> new Announcement("feed", id,
        title, "详见附件。", java.net.URI.create("https://example.com/" + id), java.time.Instant.EPOCH);
    items.add(item.apply("n1", "信用卡最长可分36期"));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(fetching("feed", () -> List.copyOf(items)), AnnouncementWatcher.Mode.AUTO_APPLY).listener(recorder)
        .build();
    assertEquals(List.of("n1 APPLIED"), statuses(watcher.pollOnce()));
    items.set(0, item.apply("n1", "信用卡最长可分60期"));
    assertEquals(List.of("n1 APPLIED"), statuses(watcher.pollOnce()), "the title was edited");
    assertEquals(60, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    items.add(0, item.apply("n2", "信用卡最长可分48期"));
    assertEquals(List.of("n2 APPLIED"), statuses(watcher.pollOnce()), "another item, the same text");
    assertEquals(48, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    assertEquals(List.of(), watcher.pollOnce(), "each read once");
  }

  /**
   * A feed listing the same notice twice (republished under a new id, or in two categories): the older copy's fields
   * are left to the newer one, which sets them too, and the newer copy had then been skipped as a text read before
   * (the older one's), so neither was applied and the notice was lost for good. The older copy, read first, now has
   * the newest value; a third, different text between or after them still has the last word.
   */
  @Test
  void aNoticeListedTwiceInOneFetchIsApplied() {
    for (AnnouncementWatcher.Mode mode : AnnouncementWatcher.Mode.values()) {
      MapStore fresh = new MapStore();
      fresh.live.put("hexin", Map.of(PolicyField.MAX_INSTALLMENTS, 24));
      AnnouncementWatcher watcher = AnnouncementWatcher.builder(fresh)
          .source(feed("最长可分48期。", "最长可分48期。"), mode).build();
      List<PolicyChange> changes = watcher.pollOnce();
      assertEquals(List.of("n-1 " + (mode == AnnouncementWatcher.Mode.AUTO_APPLY ? "APPLIED" : "QUEUED_FOR_REVIEW")),
          statuses(changes), mode.toString());
      assertEquals(List.of(), watcher.pollOnce(), "read once");
    }
    MapStore between = new MapStore();
    between.live.put("hexin", Map.of(PolicyField.MAX_INSTALLMENTS, 24));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(between)
        .source(feed("最长可分36期。", "最长可分48期。", "最长可分36期。"), AnnouncementWatcher.Mode.AUTO_APPLY).build();
    assertEquals(List.of("n-1 APPLIED"), statuses(watcher.pollOnce()), "36, the newest, once; 48 never");
    assertEquals(36, between.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    MapStore after = new MapStore();
    after.live.put("hexin", Map.of(PolicyField.MAX_INSTALLMENTS, 24));
    watcher = AnnouncementWatcher.builder(after)
        .source(feed("最长可分60期。", "最长可分48期。", "最长可分48期。"), AnnouncementWatcher.Mode.AUTO_APPLY).build();
    assertEquals(List.of("n-3 APPLIED"), statuses(watcher.pollOnce()), "60, the newest, alone");
    assertEquals(60, after.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
  }

  @Test
  void announcementAgreeingWithLivePolicyIsNoChange() {
    store.live.put("hexin", Map.of(PolicyField.MAX_INSTALLMENTS, 36, PolicyField.MIN_OVERDUE_DAYS, 90,
        PolicyField.MAX_PENALTY_WAIVER, new java.math.BigDecimal("0.50")));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("notices", "/notice"), AnnouncementWatcher.Mode.REVIEW).listener(recorder).build();
    assertEquals(List.of(), watcher.pollOnce());
    assertTrue(recorder.changes.isEmpty());
  }

  @Test
  void reportsFailingSourceAndStillPollsTheOthers() {
    server.handle("/down", ex -> LoopbackServer.respond(ex, 500, "text/plain", new byte[] {'x'}));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("broken", "/down"), AnnouncementWatcher.Mode.REVIEW)
        .source(source("notices", "/notice"), AnnouncementWatcher.Mode.REVIEW)
        .listener(recorder).build();
    assertEquals(1, watcher.pollOnce().size());
    assertEquals(1, recorder.failures.size());
    assertTrue(recorder.failures.get(0).startsWith("broken: ") && recorder.failures.get(0).contains("HTTP 500"));
  }

  @Test
  void anAnnouncementTheStoreCannotCompareIsReadAgainAtTheNextPoll() {
    store.unavailableReads.set(1);
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("feed", "/notice"), AnnouncementWatcher.Mode.AUTO_APPLY).listener(recorder).build();
    assertEquals(List.of(), watcher.pollOnce());
    assertEquals(1, recorder.failures.size());
    assertTrue(recorder.failures.get(0).startsWith("feed: ") && recorder.failures.get(0).contains("unavailable"),
        recorder.failures.get(0));
    assertEquals(PolicyChange.Status.APPLIED, watcher.pollOnce().get(0).status(), "not lost: read again");
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
  }

  @Test
  void aSourceThatThrowsAnythingDoesNotStopTheOthers() {
    PolicySource buggy = fetching("buggy", () -> {
      throw new java.io.UncheckedIOException(new java.io.IOException("mailbox closed"));
    });
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(buggy, AnnouncementWatcher.Mode.REVIEW)
        .source(source("notices", "/notice"), AnnouncementWatcher.Mode.REVIEW).listener(recorder).build();
    assertEquals(1, watcher.pollOnce().size());
    assertEquals(1, recorder.failures.size());
    assertTrue(recorder.failures.get(0).startsWith("buggy: ") && recorder.failures.get(0).contains("mailbox closed"),
        recorder.failures.get(0));
  }

  @Test
  void aStoreFailingUnexpectedlyOnApplyIsReportedAsApplyFailed() {
    store.broken = true;
    assertAutoApplyFailsAndIsReported();
  }

  @Test
  void rejectedChangeIsReportedAndNeverApplied() {
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("notices", "/notice"), AnnouncementWatcher.Mode.REVIEW).listener(recorder).build();
    PolicyChange change = watcher.pollOnce().get(0);
    assertEquals(PolicyChange.Status.REJECTED, watcher.reject(change.id()).status());
    assertEquals(24, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> watcher.approve(change.id()));
    assertEquals("changeId", e.problems().get(0).location());
  }

  @Test
  void reportsChangeTheStoreRefuses() {
    store.refuse = true;
    assertAutoApplyFailsAndIsReported();
  }

  private void assertAutoApplyFailsAndIsReported() {
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("feed", "/notice"), AnnouncementWatcher.Mode.AUTO_APPLY).listener(recorder).build();
    assertEquals(PolicyChange.Status.APPLY_FAILED, watcher.pollOnce().get(0).status());
    assertEquals(24, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    assertEquals(List.of(PolicyChange.Status.APPLY_FAILED), recorder.changes.stream().map(PolicyChange::status).toList());
  }

  /** A feed of hexin's announcements with these texts, newest first. */
  private static PolicySource feed(String... textsNewestFirst) {
    List<Announcement> items = new java.util.ArrayList<>();
    for (int i = 0; i < textsNewestFirst.length; i++) {
      items.add(new Announcement("feed", "n-" + (textsNewestFirst.length - i), "", textsNewestFirst[i],
          java.net.URI.create("https://example.com/n"), java.time.Instant.EPOCH));
    }
    return fetching("feed", () -> items);
  }

  private static List<String> statuses(List<PolicyChange> changes) {
    return changes.stream().map(c -> c.announcement().id() + " " + c.status()).toList();
  }

  /**
   * Reading n-1 needs what the newer n-2 sets, so a recogniser failing on n-2 stops the source at n-1: the failure
   * names n-2, the announcement that could not be read, and nothing of n-1 is applied meanwhile.
   */
  @Test
  void aNewerAnnouncementThatCannotBeReadIsNamedAndHoldsBackTheOlder() {
    io.github.fenqi.nlp.spi.EntityRecognizer bundled = io.github.fenqi.nlp.spi.EntityRecognizer.lexicon();
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .extractor(io.github.fenqi.nlp.PolicyTextExtractor.withRecognizer(
            text -> text.contains("故障") ? null : bundled.recognize(text)))
        .source(feed("最长可分36期。故障", "最长可分48期。"), AnnouncementWatcher.Mode.AUTO_APPLY).listener(recorder).build();
    assertEquals(List.of(), watcher.pollOnce());
    assertEquals(1, recorder.failures.size());
    assertTrue(recorder.failures.get(0).contains("announcement 'n-1' could not be compared")
        && recorder.failures.get(0).contains("the newer announcement 'n-2' could not be read"),
        recorder.failures.get(0));
    assertEquals(24, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
  }

  /** An older announcement with a change of its own (the waiver) besides the 48 months a newer one supersedes. */
  private static final String OLDER = "最长可分48期，罚息最高减免50%。";

  /** The policy directory could not be written at one poll: the change is applied at the next, not lost. */
  @Test
  void aChangeThatFailedToApplyIsAppliedAtTheNextPoll() {
    store.refuse = true;
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("feed", "/notice"), AnnouncementWatcher.Mode.AUTO_APPLY).listener(recorder).build();
    assertEquals(PolicyChange.Status.APPLY_FAILED, watcher.pollOnce().get(0).status());
    store.refuse = false;
    assertEquals(PolicyChange.Status.APPLIED, watcher.pollOnce().get(0).status(), "tried again");
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    assertEquals(List.of(), watcher.pollOnce(), "applied once");
    assertEquals(List.of(PolicyChange.Status.APPLY_FAILED, PolicyChange.Status.APPLIED),
        recorder.changes.stream().map(PolicyChange::status).toList(), "the failure stays in the audit trail");
  }

  @Test
  void newerAnnouncementsWaitBehindOneThatFailedToApply() {
    store.refuse = true;
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(feed("最长可分36期。", OLDER), AnnouncementWatcher.Mode.AUTO_APPLY).build();
    assertEquals(List.of("n-1 APPLY_FAILED"), statuses(watcher.pollOnce()), "n-2 waits");
    store.refuse = false;
    assertEquals(List.of("n-1 APPLIED", "n-2 APPLIED"), statuses(watcher.pollOnce()));
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS), "the newest has the last word");
    assertEquals(0, new java.math.BigDecimal("0.5")
        .compareTo((java.math.BigDecimal) store.liveValues("hexin").get(PolicyField.MAX_PENALTY_WAIVER)));
  }

  @Test
  void aChangeIsGivenUpAfterTheAttemptsAllowed() {
    store.refuse = true;
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store).applyAttempts(2)
        .source(feed("最长可分36期。", OLDER), AnnouncementWatcher.Mode.AUTO_APPLY).build();
    assertEquals(List.of("n-1 APPLY_FAILED"), statuses(watcher.pollOnce()));
    assertEquals(List.of("n-1 APPLY_FAILED", "n-2 APPLY_FAILED"), statuses(watcher.pollOnce()), "n-1 given up");
    assertEquals(List.of("n-2 APPLY_FAILED"), statuses(watcher.pollOnce()));
    store.refuse = false;
    assertEquals(List.of(), watcher.pollOnce(), "both given up");
    assertEquals(24, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
  }

  @Test
  void aReviewedChangeThatFailsToApplyStaysWaitingForReview() {
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("notices", "/notice"), AnnouncementWatcher.Mode.REVIEW).listener(recorder).build();
    PolicyChange change = watcher.pollOnce().get(0);
    store.refuse = true;
    assertEquals(PolicyChange.Status.APPLY_FAILED, watcher.approve(change.id()).status());
    assertEquals(List.of(change), watcher.pendingReview(), "still waiting");
    store.refuse = false;
    assertEquals(PolicyChange.Status.APPLIED, watcher.approve(change.id()).status());
    assertTrue(watcher.pendingReview().isEmpty());
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
  }

  @Test
  void pollsOnItsSchedulerUntilClosed() throws InterruptedException {
    CountDownLatch seen = new CountDownLatch(1);
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("notices", "/notice"), AnnouncementWatcher.Mode.REVIEW)
        .listener(change -> seen.countDown())
        .interval(Duration.ofSeconds(1)).build();
    try (watcher) {
      watcher.start();
      assertTrue(seen.await(5, TimeUnit.SECONDS), "the scheduled poll reported the change");
    }
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals("fenqi-announcement-watcher") && t.isAlive()), "scheduler thread stopped");
  }

  /**
   * close() while the first of three sources is slow to answer: the interrupt failed that fetch and then each later
   * one at once, and all three were reported to the listeners (the audit log) as source failures, "interrupted while
   * fetching", although none had failed.
   */
  @Test
  void closingDuringAPollStopsItWithoutReportingSourceFailures() throws Exception {
    CountDownLatch inFetch = new CountDownLatch(1);
    server.handle("/slow", ex -> {
      inFetch.countDown();
      try {
        Thread.sleep(1500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LoopbackServer.respond(ex, 200, "text/html; charset=utf-8", NOTICE.getBytes(StandardCharsets.UTF_8));
    });
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(source("slow", "/slow"), AnnouncementWatcher.Mode.AUTO_APPLY)
        .source(source("second", "/notice"), AnnouncementWatcher.Mode.AUTO_APPLY)
        .source(source("third", "/notice"), AnnouncementWatcher.Mode.AUTO_APPLY)
        .listener(recorder).interval(Duration.ofSeconds(60)).build();
    watcher.start();
    assertTrue(inFetch.await(5, TimeUnit.SECONDS));
    watcher.close();
    assertEquals(List.of(), recorder.failures);
    assertEquals(List.of(), recorder.changes);
    assertEquals(List.of("slow APPLIED"), watcher.pollOnce().stream().map(c -> c.sourceId() + " " + c.status()).toList(),
        "nothing was marked read: the next poll reads it all");
  }

  @Test
  void aPollThatOverflowsTheStackDoesNotEndTheSchedule() throws InterruptedException {
    java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
    CountDownLatch secondPoll = new CountDownLatch(1);
    PolicySource recursive = fetching("recursive", () -> {
      if (fetches.incrementAndGet() == 1) {
        throw new StackOverflowError("a pathological page");
      }
      secondPoll.countDown();
      return List.of();
    });
    try (AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(recursive, AnnouncementWatcher.Mode.REVIEW).interval(Duration.ofSeconds(1)).build()) {
      watcher.start();
      assertTrue(secondPoll.await(10, TimeUnit.SECONDS), "polled again after the failed poll");
    }
  }

  @Test
  void builderNamesEveryBadSetting() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> AnnouncementWatcher.builder(store).interval(Duration.ofMillis(10)).applyAttempts(0).build());
    assertEquals(List.of("sources", "interval", "applyAttempts"),
        e.problems().stream().map(p -> p.location()).toList());
  }

  /** An interval at either end of the documented range, 1 s and MAX_INTERVAL (366 days), is taken. */
  @Test
  void builderTakesAnIntervalAtEitherEndOfItsRange() {
    for (Duration d : List.of(Duration.ofSeconds(1), AnnouncementWatcher.MAX_INTERVAL)) {
      org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> AnnouncementWatcher.builder(store)
          .source(source("notices", "/notice"), AnnouncementWatcher.Mode.REVIEW).interval(d).build().close(),
          d.toString());
    }
  }

  /** Duration.ofSeconds(Long.MAX_VALUE) passed build() and then threw ArithmeticException (long overflow) in start(). */
  @Test
  void builderRefusesAnIntervalTooLongToScheduleNamingIt() {
    for (Duration d : List.of(Duration.ofSeconds(Long.MAX_VALUE), AnnouncementWatcher.MAX_INTERVAL.plusSeconds(1))) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> AnnouncementWatcher.builder(store)
          .source(source("notices", "/notice"), AnnouncementWatcher.Mode.REVIEW).interval(d).build());
      assertEquals("interval: " + d + " is longer than the maximum of PT8784H", e.getMessage());
    }
  }

  /**
   * A server hiccup answered the page with an empty 200: it was read as the page's new text, so the real text, back at
   * the next poll, counted as an edit and was applied again over the operator's hand edit of the live policy.
   */
  @Test
  void anEmptyAnswerOfThePageDoesNotUndoAHandEdit() {
    java.util.concurrent.atomic.AtomicBoolean hiccup = new java.util.concurrent.atomic.AtomicBoolean();
    server.handle("/flaky", ex -> LoopbackServer.respond(ex, 200, "text/html; charset=utf-8",
        hiccup.get() ? new byte[0] : NOTICE.getBytes(StandardCharsets.UTF_8)));
    AnnouncementWatcher watcher = AnnouncementWatcher.builder(store).listener(recorder)
        .source(source("flaky", "/flaky"), AnnouncementWatcher.Mode.AUTO_APPLY).build();
    assertEquals(PolicyChange.Status.APPLIED, watcher.pollOnce().get(0).status());
    store.live.put("hexin", Map.of(PolicyField.MAX_INSTALLMENTS, 48, PolicyField.MIN_OVERDUE_DAYS, 90));
    hiccup.set(true);
    assertEquals(List.of(), watcher.pollOnce());
    assertEquals(1, recorder.failures.size(), recorder.failures.toString());
    assertTrue(recorder.failures.get(0).endsWith("has no text: the body is empty; not read as the page's text"),
        recorder.failures.toString());
    hiccup.set(false);
    assertEquals(List.of(), watcher.pollOnce(), "the page's text was read already");
    assertEquals(48, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS), "the hand edit stands");
  }
}
