package io.github.fenqi.nlp.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.testkit.Samples;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.source.Announcement;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approving a change read against a live value that has moved since: an older announcement's change (max installments
 * 60 → 36) approved after a newer one's (60 → 48) had written 36 over 48 without a word, as {@code approve} did not
 * compare the live value with the one the change recorded as its old one. It is now refused as APPLY_FAILED, saying
 * the value moved, and nothing is applied; an approval whose recorded old values still match applies as before.
 */
class StaleApprovalTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @TempDir
  Path dir;

  private static Announcement notice(String id, String text) {
    return new Announcement("cc-notices", id, "", text, URI.create("https://example.com/" + id), TODAY.instant());
  }

  @Test
  void anOlderChangeApprovedAfterANewerOneIsRefusedAndTheNewerValueStays() throws Exception {
    Path policies = dir.resolve("policies");
    Samples.copyPolicies(policies);
    Path state = AnnouncementWatcher.Builder.stateFileBeside(policies);
    AtomicReference<List<Announcement>> listing = new AtomicReference<>(List.of());
    AnnouncementWatcherTest.Recorder recorder = new AnnouncementWatcherTest.Recorder();
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(policies)) {
      DirectoryPolicyStore store = new DirectoryPolicyStore(repo, TODAY);
      java.util.function.Supplier<AnnouncementWatcher> watcher = () -> AnnouncementWatcher.builder(store)
          .source(AnnouncementWatcherTest.fetching("cc-notices", "demo-credit-card", listing::get),
              AnnouncementWatcher.Mode.REVIEW)
          .listener(recorder).stateFile(state).clock(TODAY).build();
      PolicyChange older;
      PolicyChange newer;
      try (AnnouncementWatcher w = watcher.get()) {
        listing.set(List.of(notice("a", "即日起最长可分36期。")));
        older = w.pollOnce().get(0);
        listing.set(List.of(notice("b", "即日起最长可分48期。"), notice("a", "即日起最长可分36期。")));
        newer = w.pollOnce().get(0);
        assertEquals(List.of(older, newer), w.pendingReview());
        assertEquals(PolicyChange.Status.APPLIED, w.approve(newer.id()).status(), "its recorded 60 is still live");
      }
      assertEquals(48, store.liveValues("demo-credit-card").get(PolicyField.MAX_INSTALLMENTS));
      List<Path> files = policyFiles(policies);

      try (AnnouncementWatcher w = watcher.get()) { // the recorded old value is kept in the state file
        PolicyChange refused = w.approve(older.id());
        assertEquals(PolicyChange.Status.APPLY_FAILED, refused.status());
        assertEquals("maxInstallments: the live value moved from 60 to 48 since the change was read (it proposes 36); "
            + "nothing applied: re-read the announcement against the live policy, then reject this change (or set the "
            + "value by hand)", refused.failure());
        assertEquals(refused, recorder.changes.get(recorder.changes.size() - 1), "told to the audit log");
        assertEquals(List.of(older), w.pendingReview(), "still waiting, to be rejected");
        assertEquals(PolicyChange.Status.REJECTED, w.reject(older.id()).status());
      }
      assertEquals(48, store.liveValues("demo-credit-card").get(PolicyField.MAX_INSTALLMENTS), "the newer value stays");
      assertEquals(48, repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow().installments().max());
      assertEquals(files, policyFiles(policies), "no policy file written");
      assertTrue(Files.exists(state));
    }
  }

  /** A change of two fields, one of which moved since it was read: neither is applied. */
  @Test
  void aChangeWithOneFieldMovedAppliesNoneOfItsFields() throws Exception {
    AnnouncementWatcherTest.MapStore store = new AnnouncementWatcherTest.MapStore();
    store.live.put("hexin", java.util.Map.of(PolicyField.MAX_INSTALLMENTS, 24, PolicyField.MIN_OVERDUE_DAYS, 90));
    AtomicReference<List<Announcement>> listing = new AtomicReference<>(List.of());
    try (AnnouncementWatcher w = AnnouncementWatcher.builder(store)
        .source(AnnouncementWatcherTest.fetching("s", listing::get), AnnouncementWatcher.Mode.REVIEW)
        .stateFile(dir.resolve("state.json")).clock(TODAY).build()) {
      listing.set(List.of(new Announcement("s", "a", "", "逾期超过60天的持卡人最长可分36期。",
          URI.create("https://example.com/a"), TODAY.instant())));
      PolicyChange both = w.pollOnce().get(0);
      assertEquals(2, both.changes().size(), both.changes().toString());
      store.live.put("hexin", java.util.Map.of(PolicyField.MAX_INSTALLMENTS, 24, PolicyField.MIN_OVERDUE_DAYS, 120));
      PolicyChange refused = w.approve(both.id());
      assertEquals(PolicyChange.Status.APPLY_FAILED, refused.status());
      assertTrue(refused.failure().startsWith("minOverdueDays: the live value moved from 90 to 120 since the change "
          + "was read (it proposes 61); nothing applied"), refused.failure());
      assertEquals(java.util.Map.of(PolicyField.MAX_INSTALLMENTS, 24, PolicyField.MIN_OVERDUE_DAYS, 120),
          store.liveValues("hexin"));

      store.live.put("hexin", java.util.Map.of(PolicyField.MAX_INSTALLMENTS, 24, PolicyField.MIN_OVERDUE_DAYS, 90));
      assertEquals(PolicyChange.Status.APPLIED, w.approve(both.id()).status(), "moved back: as read, so it applies");
      assertEquals(java.util.Map.of(PolicyField.MAX_INSTALLMENTS, 36, PolicyField.MIN_OVERDUE_DAYS, 61),
          store.liveValues("hexin"));
    }
  }

  private static List<Path> policyFiles(Path policies) throws java.io.IOException {
    try (Stream<Path> files = Files.list(policies)) {
      return files.sorted().toList();
    }
  }
}
