package io.github.fenqi.nlp.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.nlp.ExtractedField;
import io.github.fenqi.nlp.ExtractionNote;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.source.HttpPolicySource;
import io.github.fenqi.nlp.source.LoopbackServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lender's notice that states a field two incompatible ways leaves it undetermined, so it proposes no change for
 * it; the watcher had passed that over in silence, and a reviewer or the audit log never learnt that the notice was
 * ambiguous. The notes now come with the change, kept across a restart, or on their own when the notice proposes no
 * change. Read from a real page on a loopback HTTP server.
 */
class WatcherNotesTest {
  /** States the proof requirement both ways, and a fee only as a cap; the 24 months agree with the live policy. */
  private static final String AMBIGUOUS = "<html><body><p>逾期客户最长可分24期。</p><p>需提供困难证明。</p>"
      + "<p>无需提供困难证明。</p><p>每月手续费不超过0.6%。</p></body></html>";

  @TempDir
  Path dir;
  private LoopbackServer server;
  private final AnnouncementWatcherTest.MapStore store = new AnnouncementWatcherTest.MapStore();
  private final AnnouncementWatcherTest.Recorder recorder = new AnnouncementWatcherTest.Recorder();

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    store.live.put("hexin", Map.of(PolicyField.MAX_INSTALLMENTS, 24));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void page(String html) {
    server.serve("/notice", "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  private AnnouncementWatcher watcher(AnnouncementWatcher.Mode mode, Path stateFile) {
    return AnnouncementWatcher.builder(store)
        .source(HttpPolicySource.builder("notices", "hexin", server.uri("/notice"))
            .readTimeout(Duration.ofSeconds(2)).build(), mode)
        .listener(recorder).stateFile(stateFile).build();
  }

  private static void assertAmbiguityNoted(List<ExtractionNote> notes, String readText) {
    assertEquals(List.of(PolicyField.REQUIRES_HARDSHIP_PROOF, PolicyField.MONTHLY_FEE_RATE),
        notes.stream().map(ExtractionNote::field).toList(), notes.toString());
    ExtractionNote conflict = notes.get(0);
    assertEquals(ExtractionNote.Kind.CONFLICT, conflict.kind());
    assertEquals(List.of(true, false), conflict.readings().stream().map(ExtractedField::value).toList());
    for (ExtractedField r : conflict.readings()) { // evidence is a span of the text that was read
      assertEquals(r.evidence().text(), readText.substring(r.evidence().start(), r.evidence().end()));
    }
    assertEquals(ExtractionNote.Kind.AT_MOST, notes.get(1).kind());
    assertEquals(0, new java.math.BigDecimal("0.006").compareTo((java.math.BigDecimal) notes.get(1).readings().get(0)
        .value()));
  }

  @Test
  void aNoticeThatProposesNoChangeButContradictsItselfIsToldToTheListeners() {
    page(AMBIGUOUS);
    try (AnnouncementWatcher watcher = watcher(AnnouncementWatcher.Mode.REVIEW, dir.resolve("state.json"))) {
      assertEquals(List.of(), watcher.pollOnce(), "24 months is live; the proof and the fee are not settled");
      assertEquals(List.of(), watcher.pendingReview());
      assertEquals(List.of(), recorder.changes);
      assertEquals(1, recorder.notes.size(), "the ambiguity had been passed over in silence");
      AnnouncementNotes told = recorder.notes.get(0);
      assertEquals("notices", told.sourceId());
      assertEquals("hexin", told.platformId());
      assertAmbiguityNoted(told.notes(), told.announcement().readableText());
      assertTrue(told.message().contains("requiresHardshipProof: the text states true (需提供困难证明) and false "
          + "(无需提供困难证明); left undetermined"), told.message());
      assertTrue(told.message().startsWith("announcement '" + told.announcement().id()
          + "' of source 'notices' (hexin) proposes no change, but:\n  "), "names the platform too: " + told.message());

      watcher.pollOnce();
      assertEquals(1, recorder.notes.size(), "a text is read, and its notes told, once");
    }
    try (AnnouncementWatcher watcher = watcher(AnnouncementWatcher.Mode.REVIEW, dir.resolve("state.json"))) {
      watcher.pollOnce();
      assertEquals(1, recorder.notes.size(), "the state file holds the text: not told again after a restart");
    }
  }

  @Test
  void aChangeCarriesItsNotesToTheReviewerAcrossARestartAndAnOlderStateFileStillLoads() throws Exception {
    page(AMBIGUOUS.replace("24期", "36期"));
    Path state = dir.resolve("state.json");
    PolicyChange queued;
    try (AnnouncementWatcher watcher = watcher(AnnouncementWatcher.Mode.REVIEW, state)) {
      queued = watcher.pollOnce().get(0);
      assertEquals(List.of(PolicyField.MAX_INSTALLMENTS),
          queued.changes().stream().map(FieldChange::field).toList());
      assertAmbiguityNoted(queued.notes(), queued.announcement().readableText());
      assertEquals(List.of(queued), recorder.changes, "the listener gets the notes with the change");
      assertEquals(List.of(), recorder.notes, "not told twice");
    }
    try (AnnouncementWatcher watcher = watcher(AnnouncementWatcher.Mode.REVIEW, state)) {
      assertEquals(List.of(queued), watcher.pendingReview(), "the notes are kept in the state file");
    }

    String written = Files.readString(state);
    assertTrue(written.contains("\"formatVersion\" : 4") && written.contains("\"kind\" : \"CONFLICT\""), written);
    // as format 3 wrote it: no notes
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(written);
    tree.put("formatVersion", 3);
    tree.withArray("pending").forEach(q -> ((com.fasterxml.jackson.databind.node.ObjectNode) q).remove("notes"));
    Files.writeString(state, mapper.writeValueAsString(tree));
    try (AnnouncementWatcher watcher = watcher(AnnouncementWatcher.Mode.REVIEW, state)) {
      PolicyChange restored = watcher.pendingReview().get(0);
      assertEquals(queued.changes(), restored.changes(), "a file of format 3 is read as before");
      assertEquals(List.of(), restored.notes(), "it kept no notes");
      assertEquals(36, watcher.approve(restored.id()).changes().get(0).proposed().value());
    }
  }

  @Test
  void anAutoAppliedChangeIsReportedWithItsNotes() {
    page(AMBIGUOUS.replace("24期", "36期"));
    try (AnnouncementWatcher watcher = watcher(AnnouncementWatcher.Mode.AUTO_APPLY, dir.resolve("state.json"))) {
      watcher.pollOnce();
    }
    assertEquals(List.of(PolicyChange.Status.APPLIED),
        recorder.changes.stream().map(PolicyChange::status).toList());
    assertAmbiguityNoted(recorder.changes.get(0).notes(), recorder.changes.get(0).announcement().readableText());
    assertEquals(36, store.liveValues("hexin").get(PolicyField.MAX_INSTALLMENTS));
    assertEquals(List.of(), recorder.notes);
  }

  @Test
  void aListenerWrittenBeforeNotesStillWorksAndAFailingOneDoesNotStopThePoll() {
    page(AMBIGUOUS);
    List<PolicyChange> seen = new CopyOnWriteArrayList<>();
    PolicyChangeListener old = seen::add; // only onChange: onNotes is a default method
    PolicyChangeListener failing = new PolicyChangeListener() {
      @Override
      public void onChange(PolicyChange change) {}

      @Override
      public void onNotes(AnnouncementNotes notes) { // an audit log on a full disk: not an IllegalStateException
        throw new java.io.UncheckedIOException(new java.io.IOException("audit log down"));
      }
    };
    try (AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(HttpPolicySource.builder("notices", "hexin", server.uri("/notice")).build(),
            AnnouncementWatcher.Mode.REVIEW)
        .listener(old).listener(failing).listener(recorder).withoutStateFile().build()) {
      assertEquals(List.of(), watcher.pollOnce());
    }
    assertEquals(List.of(), seen);
    assertEquals(1, recorder.notes.size(), "told after a listener before it failed");
  }

  /**
   * close() during a poll (its thread interrupted, here by a listener as the notes of the older item are told) stops
   * it before the newer item and still writes what it read: after the restart the older item is not read again and
   * its notes are not told again; the newer one is read then.
   */
  @Test
  void aPollStoppedByCloseWritesWhatItReadSoItsNotesAreNotToldAgain() {
    server.serve("/feed", "application/json; charset=utf-8", ("{\"items\":["
        + "{\"id\":\"n-2\",\"content\":\"最长可分36期。\"},"
        + "{\"id\":\"n-1\",\"content\":\"逾期客户最长可分24期。需提供困难证明。无需提供困难证明。\"}]}")
        .getBytes(StandardCharsets.UTF_8));
    PolicyChangeListener closing = new PolicyChangeListener() {
      @Override
      public void onChange(PolicyChange change) {}

      @Override
      public void onNotes(AnnouncementNotes notes) {
        Thread.currentThread().interrupt(); // what close() does to a running poll
      }
    };
    Path state = dir.resolve("state.json");
    try (AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
        .source(HttpPolicySource.builder("notices", "hexin", server.uri("/feed")).build(),
            AnnouncementWatcher.Mode.REVIEW)
        .listener(recorder).listener(closing).stateFile(state).build()) {
      assertEquals(List.of(), watcher.pollOnce());
      assertTrue(Thread.interrupted(), "stopped by the interrupt");
    }
    assertEquals(List.of("n-1"), recorder.notes.stream().map(n -> n.announcement().id()).toList());
    try (AnnouncementWatcher restarted = AnnouncementWatcher.builder(store)
        .source(HttpPolicySource.builder("notices", "hexin", server.uri("/feed")).build(),
            AnnouncementWatcher.Mode.REVIEW)
        .listener(recorder).stateFile(state).build()) {
      assertEquals(List.of("n-2"), restarted.pollOnce().stream().map(c -> c.announcement().id()).toList());
    }
    assertEquals(List.of("n-1"), recorder.notes.stream().map(n -> n.announcement().id()).toList());
  }
}
