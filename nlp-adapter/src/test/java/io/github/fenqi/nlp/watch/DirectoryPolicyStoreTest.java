package io.github.fenqi.nlp.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyEvent;
import io.github.fenqi.core.testkit.Samples;
import io.github.fenqi.nlp.source.HttpPolicySource;
import io.github.fenqi.nlp.source.LoopbackServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher over policies kept as files: an announcement becomes a policy file, live at once, kept on restart. */
class DirectoryPolicyStoreTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final String NOTICE = "<html><body><p>关于信用卡个性化分期的公告：即日起，逾期超过90天的持卡人最长可分48期偿还，"
      + "罚息最高减免百分之五十，本金不予减免。</p></body></html>";

  @TempDir
  Path dir;

  /**
   * A watcher over a policy directory without a state file had only logged a warning; after a restart it applied the
   * feeds' newest values again over an operator's hand edit. build() now asks for a state file, naming the
   * conventional one, or an explicit withoutStateFile().
   */
  @Test
  void aWatcherOverAPolicyDirectoryNeedsAStateFileOrAnExplicitWithoutOne() throws Exception {
    Samples.copyPolicies(dir);
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir)) {
      java.util.function.Supplier<AnnouncementWatcher.Builder> builder = () -> AnnouncementWatcher.builder(
          new DirectoryPolicyStore(repo, TODAY)).source(HttpPolicySource.builder("cc-notices", "demo-credit-card",
              java.net.URI.create("http://127.0.0.1:9/notice")).build(), AnnouncementWatcher.Mode.REVIEW);
      io.github.fenqi.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
          io.github.fenqi.core.InvalidInputException.class, () -> builder.get().build());
      Path beside = AnnouncementWatcher.Builder.stateFileBeside(dir);
      assertEquals("stateFile: required for a watcher over the policy directory " + dir.toAbsolutePath()
          + ": without one, a restart reads every feed from the start and applies its newest values again over the "
          + "live policy (undoing hand edits) and asks again about decided changes; use .stateFile(AnnouncementWatcher"
          + ".Builder.stateFileBeside(directory)) (" + beside + "), or .withoutStateFile() to keep it in memory only "
          + "on purpose", e.getMessage());
      builder.get().withoutStateFile().build().close();
      builder.get().stateFile(beside).build().close();
      io.github.fenqi.core.InvalidInputException both = org.junit.jupiter.api.Assertions.assertThrows(
          io.github.fenqi.core.InvalidInputException.class,
          () -> builder.get().stateFile(beside).withoutStateFile().build());
      assertEquals("stateFile: " + beside + " is set together with withoutStateFile(); choose one", both.getMessage());
      assertEquals("repository", org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
          () -> new DirectoryPolicyStore(null, TODAY)).getMessage());
    }
  }

  @Test
  void anAutoAppliedAnnouncementBecomesAPolicyFileThatIsLiveAndSurvivesARestart() throws Exception {
    Samples.copyPolicies(dir);
    List<String> before;
    try (Stream<Path> files = Files.list(dir)) {
      before = files.map(f -> f.getFileName().toString()).toList();
    }
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir)) {
      Policy was = repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow();
      RepositoryPolicyStoreTest.autoApplyOnce(new DirectoryPolicyStore(repo, TODAY), NOTICE, TODAY);

      Policy now = repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow();
      assertEquals(48, now.installments().max());
      assertEquals(0, new BigDecimal("0.5").compareTo(now.waivers().penaltyInterest().value()));
      assertEquals(was.installments().min(), now.installments().min(), "fields the text does not mention stay");
      // one new file and nothing else (the change id's ':' is not kept in the name)
      Path file = dir.resolve("demo-credit-card--" + now.version().replace(':', '_') + ".json");
      assertTrue(Files.isRegularFile(file), "new file " + file);
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(before.size() + 1, files.count());
      }
    }
    try (JsonDirectoryPolicyRepository restarted = JsonDirectoryPolicyRepository.openStrict(dir)) {
      assertEquals(48, restarted.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow()
          .installments().max());
    }
  }

  /**
   * Two watchers on one policy directory (two services, or two deployments of one, each with its own repository and
   * state file), one reading the installment notices and one the waiver notices. The second applied its change as a
   * version drawn from the policy its repository had last scanned, written over the first one's file of the day: the
   * first watcher's change, reported APPLIED, was gone. Each store now rescans before it reads and applies, so both
   * changes stay live, and a watcher of the same notices finds the first one's change live and proposes nothing.
   */
  @Test
  void twoWatchersOnOneDirectoryKeepEachOthersChanges() throws Exception {
    Samples.copyPolicies(dir);
    try (JsonDirectoryPolicyRepository first = JsonDirectoryPolicyRepository.openStrict(dir);
        JsonDirectoryPolicyRepository second = JsonDirectoryPolicyRepository.openStrict(dir)) {
      AnnouncementWatcher installments = watcher(first, "installments", "最长可分48期。", "a.watcher-state.json");
      AnnouncementWatcher waivers = watcher(second, "waivers", "罚息最高减免百分之五十。", "b.watcher-state.json");
      AnnouncementWatcher sameNotices = watcher(second, "installments-too", "最长可分48期。", "c.watcher-state.json");
      try (installments; waivers; sameNotices) {
        assertEquals(PolicyChange.Status.APPLIED, installments.pollOnce().get(0).status());
        assertEquals(List.of(), sameNotices.pollOnce(), "48 is live: nothing to propose");
        assertEquals(PolicyChange.Status.APPLIED, waivers.pollOnce().get(0).status());
      }
    }
    try (JsonDirectoryPolicyRepository restarted = JsonDirectoryPolicyRepository.openStrict(dir)) {
      Policy live = restarted.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow();
      assertEquals(48, live.installments().max(), "the first watcher's change was lost");
      assertEquals(0, new BigDecimal("0.5").compareTo(live.waivers().penaltyInterest().value()));
    }
  }

  /**
   * A change applied straight after another writer's, with no read of the live values in between (a reviewer's
   * approval): the store rescans before it drafts, so the change is drawn from the other writer's version of the day
   * and supersedes it keeping its field, not from the version this repository last scanned.
   */
  @Test
  void anApplyRightAfterAnotherWritersDrawsFromItsVersion() throws Exception {
    Samples.copyPolicies(dir);
    try (JsonDirectoryPolicyRepository first = JsonDirectoryPolicyRepository.openStrict(dir);
        JsonDirectoryPolicyRepository second = JsonDirectoryPolicyRepository.openStrict(dir)) {
      new DirectoryPolicyStore(first, TODAY).apply(RepositoryPolicyStoreTest.change("a", "最长可分48期。",
          io.github.fenqi.nlp.PolicyField.MAX_INSTALLMENTS));
      new DirectoryPolicyStore(second, TODAY).apply(RepositoryPolicyStoreTest.change("b", "罚息最高减免百分之五十。",
          io.github.fenqi.nlp.PolicyField.MAX_PENALTY_WAIVER));
      Policy live = second.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow();
      assertEquals(48, live.installments().max(), "the first writer's change was lost");
      assertEquals(0, new BigDecimal("0.5").compareTo(live.waivers().penaltyInterest().value()));
      assertEquals(List.of(), second.loadProblems());
    }
  }

  /**
   * A second change of the day whose file the repository does not keep (another writer takes it away the moment the
   * rescan sees it): apply throws saying so, and the day's first version is put back into its file, byte for byte,
   * and live again — the directory as it was, not left without a version of the day.
   */
  @Test
  void aChangeTheRepositoryDoesNotKeepIsUndoneAndTheDaysVersionPutBack() throws Exception {
    Samples.copyPolicies(dir);
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir)) {
      DirectoryPolicyStore store = new DirectoryPolicyStore(repo, TODAY);
      store.apply(RepositoryPolicyStoreTest.change("a", "最长可分48期。", io.github.fenqi.nlp.PolicyField.MAX_INSTALLMENTS));
      Path dayFile = io.github.fenqi.core.policy.PolicyFiles.find(dir, "demo-credit-card", "2026-11-25-nlp-a")
          .orElseThrow();
      byte[] dayBytes = Files.readAllBytes(dayFile);
      java.util.concurrent.atomic.AtomicBoolean taken = new java.util.concurrent.atomic.AtomicBoolean();
      repo.addListener(event -> {
        if (event instanceof PolicyEvent.PolicyChanged c && "2026-11-25-nlp-b".equals(c.newVersion())
            && !taken.getAndSet(true)) {
          try {
            Files.delete(dayFile); // the new version was written into the day's file
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          repo.reload();
        }
      });
      io.github.fenqi.core.FenqiException e = org.junit.jupiter.api.Assertions.assertThrows(
          io.github.fenqi.core.FenqiException.class, () -> store.apply(RepositoryPolicyStoreTest.change("b",
              "罚息最高减免百分之五十。", io.github.fenqi.nlp.PolicyField.MAX_PENALTY_WAIVER)));
      assertTrue(taken.get(), "the new version was seen and taken away");
      assertTrue(e.getMessage().startsWith("policy file " + dayFile + " was written but the repository did not load "
          + "it (") && e.getMessage().endsWith("); its previous content was put back"), e.getMessage());
      org.junit.jupiter.api.Assertions.assertArrayEquals(dayBytes, Files.readAllBytes(dayFile));
      Policy live = repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow();
      assertEquals("2026-11-25-nlp-a", live.version());
      assertEquals(48, live.installments().max());
      assertEquals(List.of(), repo.loadProblems());
    }
  }

  /**
   * The first change of the day, whose new file the repository does not load (another writer puts a copy of an older
   * version in it the moment the rescan sees it): apply throws saying the file was removed again, and it is — the
   * directory holds the files it held before, and loads without problems.
   */
  @Test
  void aNewFileTheRepositoryDoesNotLoadIsRemovedAgain() throws Exception {
    Samples.copyPolicies(dir);
    List<Path> before;
    try (Stream<Path> files = Files.list(dir)) {
      before = files.sorted().toList();
    }
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir)) {
      Path base = io.github.fenqi.core.policy.PolicyFiles.find(dir, "demo-credit-card",
          repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow().version()).orElseThrow();
      java.util.concurrent.atomic.AtomicReference<Path> written = new java.util.concurrent.atomic.AtomicReference<>();
      repo.addListener(event -> {
        if (event instanceof PolicyEvent.PolicyChanged c && "2026-11-25-nlp-a".equals(c.newVersion())
            && written.get() == null) {
          try {
            written.set(io.github.fenqi.core.policy.PolicyFiles.find(dir, "demo-credit-card", "2026-11-25-nlp-a")
                .orElseThrow());
            Files.copy(base, written.get(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          repo.reload();
        }
      });
      io.github.fenqi.core.FenqiException e = org.junit.jupiter.api.Assertions.assertThrows(
          io.github.fenqi.core.FenqiException.class, () -> new DirectoryPolicyStore(repo, TODAY).apply(
              RepositoryPolicyStoreTest.change("a", "最长可分48期。", io.github.fenqi.nlp.PolicyField.MAX_INSTALLMENTS)));
      assertTrue(e.getMessage().startsWith("policy file " + written.get() + " was written but the repository did not "
          + "load it (") && e.getMessage().endsWith("); it was removed again"), e.getMessage());
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(before, files.sorted().toList());
      }
      repo.reload();
      assertEquals(List.of(), repo.loadProblems());
    }
  }

  private AnnouncementWatcher watcher(JsonDirectoryPolicyRepository repo, String sourceId, String text,
      String stateFile) {
    io.github.fenqi.nlp.source.Announcement a = new io.github.fenqi.nlp.source.Announcement(sourceId, "n1", "", text,
        java.net.URI.create("https://example.com/" + sourceId), TODAY.instant());
    return AnnouncementWatcher.builder(new DirectoryPolicyStore(repo, TODAY))
        .source(AnnouncementWatcherTest.fetching(sourceId, "demo-credit-card", () -> List.of(a)),
            AnnouncementWatcher.Mode.AUTO_APPLY)
        .stateFile(dir.resolveSibling(dir.getFileName() + "-" + stateFile)).clock(TODAY).build();
  }

  /**
   * The repository refused the change (the platform's policy file was not there yet): once the file is in place,
   * the next poll applies the change instead of the announcement being dropped for good.
   */
  @Test
  void aChangeTheRepositoryRefusedIsAppliedAtTheNextPollOnceTheCauseIsGone() throws Exception {
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir);
        LoopbackServer server = new LoopbackServer()) {
      server.serve("/notice", "text/html; charset=utf-8", NOTICE.getBytes(StandardCharsets.UTF_8));
      AnnouncementWatcher watcher = AnnouncementWatcher.builder(new DirectoryPolicyStore(repo, TODAY))
          .source(HttpPolicySource.builder("cc-notices", "demo-credit-card", server.uri("/notice")).build(),
              AnnouncementWatcher.Mode.AUTO_APPLY)
          .withoutStateFile().clock(TODAY).build();
      assertEquals(PolicyChange.Status.APPLY_FAILED, watcher.pollOnce().get(0).status(), "no policy to change");
      Samples.copyPolicies(dir);
      repo.reload();
      assertEquals(PolicyChange.Status.APPLIED, watcher.pollOnce().get(0).status());
      assertEquals(48, repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow()
          .installments().max());
    }
  }

  /**
   * A second announcement of the day supersedes the first, as with {@link RepositoryPolicyStore}: its file replaces
   * the first one's, so one version is effective today, it is live at once, and a restart loads it without problems.
   * Run for several change ids, since the directory ranks two same-day files by name.
   */
  @Test
  void aSecondAnnouncementOfTheDayReplacesTheFirstFile() throws Exception {
    for (String second : List.of("最长可分60期", "最长可分36期", "最长可分12期", "最长可分24期")) {
      Path policies = Files.createTempDirectory(dir, "policies");
      Samples.copyPolicies(policies);
      try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(policies)) {
        DirectoryPolicyStore store = new DirectoryPolicyStore(repo, TODAY);
        RepositoryPolicyStoreTest.autoApplyOnce(store, NOTICE, TODAY);
        RepositoryPolicyStoreTest.autoApplyOnce(store, NOTICE.replace("最长可分48期", second), TODAY);
        Policy live = repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow();
        int expected = Integer.parseInt(second.replaceAll("\\D", ""));
        assertEquals(expected, live.installments().max(), second);
        assertEquals(List.of(), repo.loadProblems(), second);
      }
      try (JsonDirectoryPolicyRepository restarted = JsonDirectoryPolicyRepository.openStrict(policies)) {
        assertEquals(List.of(), restarted.loadProblems(), second);
        assertEquals(1, restarted.history("demo-credit-card").stream()
            .filter(p -> p.effectiveFrom().equals(LocalDate.now(TODAY))).count(), second);
      }
    }
  }

  /**
   * A version of today that an operator put in the directory after the repository's last scan (so the store did not
   * know it): the change was written as a second file of the day, and whichever sorted second by name was ignored
   * and flagged at every load from then on — or the change itself, refused as not loaded. Now the change takes that
   * file's place, and the directory loads clean.
   */
  @Test
  void aSameDayFileTheRepositoryHadNotScannedYetIsSuperseded() throws Exception {
    for (String name : List.of("a-manual.json", "z-manual.json")) {
      Path policies = Files.createTempDirectory(dir, "policies");
      Samples.copyPolicies(policies);
      try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(policies)) {
        Files.writeString(policies.resolve(name), new String(Samples.bytes("samples/policies/demo-credit-card.json"),
            StandardCharsets.UTF_8).replace("\"2026-03-01\"", "\"" + LocalDate.now(TODAY) + "\"")
            .replace("\"version\": \"" + LocalDate.now(TODAY), "\"version\": \"manual"));
        RepositoryPolicyStoreTest.autoApplyOnce(new DirectoryPolicyStore(repo, TODAY), NOTICE, TODAY);
        assertEquals(48, repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow()
            .installments().max(), name);
        assertEquals(List.of(), repo.loadProblems(), name);
      }
      try (JsonDirectoryPolicyRepository restarted = JsonDirectoryPolicyRepository.openStrict(policies)) {
        assertEquals(48, restarted.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow()
            .installments().max(), name);
      }
    }
  }

  /** demo-credit-card's feed, newest first: 36 months now, 24 before. */
  private static final String FEED = "{\"items\":[{\"id\":\"n-2\",\"content\":\"自即日起最长可分36期。\"},"
      + "{\"id\":\"n-1\",\"content\":\"最长可分24期。\"}]}";

  /** The policy versions the watcher makes (repository events) and what it reported, over one watcher's life. */
  private record Run(List<PolicyChange> detected, List<PolicyEvent> versions, int files) {}

  /**
   * Starts a watcher (a fresh deployment, or one after a restart: nothing read yet) over the policy directory, polls
   * {@code feed} once in {@code mode}, approves what it queued, and closes it all.
   */
  private Run pollFresh(String feed, AnnouncementWatcher.Mode mode) throws Exception {
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir);
        LoopbackServer server = new LoopbackServer()) {
      List<PolicyEvent> versions = new ArrayList<>();
      repo.addListener(versions::add);
      server.serve("/feed", "application/json; charset=utf-8", feed.getBytes(StandardCharsets.UTF_8));
      AnnouncementWatcher watcher = AnnouncementWatcher.builder(new DirectoryPolicyStore(repo, TODAY))
          .source(HttpPolicySource.builder("cc-feed", "demo-credit-card", server.uri("/feed")).build(), mode)
          .withoutStateFile().clock(TODAY).build();
      List<PolicyChange> detected = watcher.pollOnce();
      for (PolicyChange queued : watcher.pendingReview()) {
        assertEquals(PolicyChange.Status.APPLIED, watcher.approve(queued.id()).status());
      }
      try (Stream<Path> files = Files.list(dir)) {
        return new Run(detected, versions, (int) files.count());
      }
    }
  }

  /** A watcher started anew over the same directory reads {@code feed} again: nothing is detected or written. */
  private void assertARestartChangesNothing(String feed, AnnouncementWatcher.Mode mode, Run first) throws Exception {
    int live = liveMaxInstallments();
    Run restarted = pollFresh(feed, mode);
    assertEquals(List.of(), restarted.detected(), "after a restart");
    assertEquals(List.of(), restarted.versions(), "after a restart");
    assertEquals(first.files(), restarted.files(), "after a restart");
    assertEquals(live, liveMaxInstallments(), "after a restart");
  }

  private int liveMaxInstallments() {
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir)) {
      return repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow().installments().max();
    }
  }

  private static List<String> proposals(List<PolicyChange> changes) {
    return changes.stream().map(c -> c.announcement().id() + " " + c.status() + " " + c.changes().stream()
        .map(f -> f.field() + "=" + f.proposed().value()).toList()).toList();
  }

  /**
   * A feed of 36 months (newest) over 24 read by a fresh deployment, and again after a restart (what was read is
   * remembered in memory only): the superseded 24 was applied first each time — live for a moment, a version of its
   * own — and then 36 again, two versions per restart. Now: one version at 36, and nothing after the restart.
   */
  @Test
  void aFeedReadAgainAfterARestartAppliesOneVersionWithTheNewestValuesAndThenNothing() throws Exception {
    Samples.copyPolicies(dir);
    Run first = pollFresh(FEED, AnnouncementWatcher.Mode.AUTO_APPLY);
    assertEquals(List.of("n-2 APPLIED [MAX_INSTALLMENTS=36]"), proposals(first.detected()));
    assertEquals(1, first.versions().size(), first.versions().toString());
    assertEquals(36, liveMaxInstallments());
    assertARestartChangesNothing(FEED, AnnouncementWatcher.Mode.AUTO_APPLY, first);
  }

  /**
   * In REVIEW mode the superseded n-1 (24 months) was queued at the first poll and after every restart, for a
   * reviewer to approve an outdated term into the live policy. Only n-2 is queued, and after a restart nothing.
   */
  @Test
  void aReviewedFeedQueuesNothingSupersededAtTheFirstPollOrAfterARestart() throws Exception {
    Samples.copyPolicies(dir);
    Run first = pollFresh(FEED, AnnouncementWatcher.Mode.REVIEW);
    assertEquals(List.of("n-2 QUEUED_FOR_REVIEW [MAX_INSTALLMENTS=36]"), proposals(first.detected()));
    assertEquals(1, first.versions().size(), "approved");
    assertARestartChangesNothing(FEED, AnnouncementWatcher.Mode.REVIEW, first);
  }

  /** A field only the older announcement sets (the waiver) is still applied; its superseded 24 months is not. */
  @Test
  void aFieldOnlyTheOlderAnnouncementSetsIsStillAppliedAndKeptAfterARestart() throws Exception {
    Samples.copyPolicies(dir);
    String feed = FEED.replace("最长可分24期。", "最长可分24期，罚息最高减免百分之五十。");
    Run first = pollFresh(feed, AnnouncementWatcher.Mode.AUTO_APPLY);
    assertEquals(List.of("n-1 APPLIED [MAX_PENALTY_WAIVER=0.5]", "n-2 APPLIED [MAX_INSTALLMENTS=36]"),
        proposals(first.detected()));
    assertARestartChangesNothing(feed, AnnouncementWatcher.Mode.AUTO_APPLY, first);
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir)) {
      Policy live = repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow();
      assertEquals(36, live.installments().max());
      assertEquals(0, new BigDecimal("0.5").compareTo(live.waivers().penaltyInterest().value()));
    }
  }
}
