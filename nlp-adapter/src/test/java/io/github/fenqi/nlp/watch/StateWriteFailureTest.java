package io.github.fenqi.nlp.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.testkit.Samples;
import io.github.fenqi.nlp.source.HttpPolicySource;
import io.github.fenqi.nlp.source.LoopbackServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write of the state file that fails (a directory standing in the file's place, which makes the rename fail for
 * root too) is taken as a crash just before it: what the announcement's reading did in memory is undone and the
 * listeners are not told of a queued or superseded change the file does not hold, so the announcement is read again
 * at the next poll, of this watcher or of the next one after a restart, and each change reaches the audit log once.
 * They had been told anyway, and told again when the announcement was read again after the restart.
 */
class StateWriteFailureTest {
  @TempDir
  Path dir;
  private Path policies;
  private Path state;
  private LoopbackServer server;
  private final AtomicReference<String> feed = new AtomicReference<>(WatcherRestartTest.FEED);
  private final AnnouncementWatcherTest.Recorder audit = new AnnouncementWatcherTest.Recorder();

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

  /** One life of the watcher in REVIEW mode over the same policy directory and state file, told to {@link #audit}. */
  private <T> T life(Function<AnnouncementWatcher, T> body) {
    return life(AnnouncementWatcher.Mode.REVIEW, body);
  }

  private <T> T life(AnnouncementWatcher.Mode mode, Function<AnnouncementWatcher, T> body) {
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(policies);
        AnnouncementWatcher watcher = AnnouncementWatcher.builder(new DirectoryPolicyStore(repo,
                WatcherRestartTest.TODAY))
            .source(HttpPolicySource.builder("cc-feed", WatcherRestartTest.PLATFORM, server.uri("/feed")).build(),
                mode)
            .listener(audit).stateFile(state).clock(WatcherRestartTest.TODAY).build()) {
      return body.apply(watcher);
    }
  }

  /** Puts a directory, not empty, in the state file's place (its content moved aside), so writing it fails. */
  private void block() throws java.io.IOException {
    if (Files.exists(state)) {
      Files.move(state, dir.resolve("state.aside"));
    }
    Files.createDirectory(state);
    Files.writeString(state.resolve("in-the-way"), "x");
  }

  private void unblock() throws java.io.IOException {
    Files.delete(state.resolve("in-the-way"));
    Files.delete(state);
    if (Files.exists(dir.resolve("state.aside"))) {
      Files.move(dir.resolve("state.aside"), state);
    }
  }

  private List<String> told() {
    return audit.changes.stream().map(c -> c.announcement().id() + " " + c.status()).toList();
  }

  /**
   * A poll of {@code w} with the state file blocked, which fails naming it; unblocked after it if {@code thenUnblock}.
   */
  private void pollFailingToWrite(AnnouncementWatcher w, boolean thenUnblock) {
    try {
      block();
      FenqiException e = assertThrows(FenqiException.class, w::pollOnce);
      assertTrue(e.getMessage().startsWith("cannot write the announcement watcher state " + state), e.getMessage());
      if (thenUnblock) {
        unblock();
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void assertBothToldOnceAndWaitingAfterARestart() {
    assertEquals(List.of("n-1 QUEUED_FOR_REVIEW", "n-2 QUEUED_FOR_REVIEW"), told());
    assertEquals(List.of("n-1", "n-2"), life(w -> w.pendingReview().stream().map(c -> c.announcement().id()).toList()));
  }

  @Test
  void aQueuedChangeWhoseWriteFailedIsToldOnceAcrossARestart() throws Exception {
    life(w -> {
      pollFailingToWrite(w, false);
      assertEquals(List.of(), w.pendingReview(), "nothing waits that the file does not hold");
      return null;
    });
    assertEquals(List.of(), told(), "told of a change the state file does not hold");
    unblock();
    life(AnnouncementWatcher::pollOnce);
    assertBothToldOnceAndWaitingAfterARestart();
  }

  @Test
  void theSameWatcherReadsItAgainOnceTheFileCanBeWritten() throws Exception {
    life(w -> {
      pollFailingToWrite(w, true);
      assertEquals(2, w.pollOnce().size());
      return null;
    });
    assertBothToldOnceAndWaitingAfterARestart();
  }

  /**
   * A newer text of a page whose older text's change waits: the write recording the withdrawal fails, so the older
   * change still waits (in memory as in the file) and is told SUPERSEDED once, at the poll whose write succeeds. It had
   * been told SUPERSEDED while the file kept it waiting: after a restart it could be approved, and was told again.
   */
  @Test
  void aWithdrawalWhoseWriteFailedIsToldOnce() throws Exception {
    feed.set("{\"items\":[{\"id\":\"page\",\"content\":\"最长可分24期。\"}]}");
    life(AnnouncementWatcher::pollOnce);
    feed.set("{\"items\":[{\"id\":\"page\",\"content\":\"最长可分36期。\"}]}");
    String older = life(w -> {
      String waiting = w.pendingReview().get(0).id();
      pollFailingToWrite(w, false);
      assertEquals(List.of(waiting), w.pendingReview().stream().map(PolicyChange::id).toList());
      return waiting;
    });
    assertEquals(List.of("page QUEUED_FOR_REVIEW"), told());
    unblock();
    life(w -> {
      assertEquals(List.of(older), w.pendingReview().stream().map(PolicyChange::id).toList());
      return w.pollOnce();
    });
    assertEquals(List.of("page QUEUED_FOR_REVIEW", "page SUPERSEDED", "page QUEUED_FOR_REVIEW"), told());
    assertEquals(List.of(older), audit.changes.stream().filter(c -> c.status() == PolicyChange.Status.SUPERSEDED)
        .map(PolicyChange::id).toList());
  }

  /**
   * An applied change is told when applied; its write failing, the announcement is read again after the restart and
   * its values are live: applied once, told once, and the newer announcement is then applied.
   */
  @Test
  void anAppliedChangeWhoseWriteFailedIsAppliedAndToldOnce() throws Exception {
    life(AnnouncementWatcher.Mode.AUTO_APPLY, w -> {
      pollFailingToWrite(w, false);
      return null;
    });
    assertEquals(List.of("n-1 APPLIED"), told());
    unblock();
    life(AnnouncementWatcher.Mode.AUTO_APPLY, AnnouncementWatcher::pollOnce);
    assertEquals(List.of("n-1 APPLIED", "n-2 APPLIED"), told());
    assertEquals(36, WatcherRestartTest.live(policies).installments().max());
  }

  /**
   * After a withdrawal whose write failed, the next write of the file (here a reviewer's decision on another change)
   * holds the older change as waiting only, not also as decided SUPERSEDED.
   */
  @Test
  void theNextWriteHoldsTheWithdrawnChangeAsWaitingOnly() throws Exception {
    feed.set("{\"items\":[{\"id\":\"other\",\"content\":\"最长可分24期。\"},"
        + "{\"id\":\"page\",\"content\":\"无需提供证明材料。\"}]}");
    life(AnnouncementWatcher::pollOnce);
    feed.set("{\"items\":[{\"id\":\"other\",\"content\":\"最长可分24期。\"},"
        + "{\"id\":\"page\",\"content\":\"最长可分36期。\"}]}");
    life(w -> {
      pollFailingToWrite(w, true);
      w.reject(w.pendingReview().stream().filter(c -> c.announcement().id().equals("other")).findFirst()
          .orElseThrow().id());
      return null;
    });
    com.fasterxml.jackson.databind.JsonNode file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        state.toFile());
    assertEquals(1, file.get("pending").size(), file.toString());
    assertEquals(List.of("REJECTED"), java.util.stream.StreamSupport.stream(file.get("decided").spliterator(), false)
        .map(d -> d.get("status").asText()).toList());
  }
}
