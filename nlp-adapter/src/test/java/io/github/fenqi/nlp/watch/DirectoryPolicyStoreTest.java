package io.github.fenqi.nlp.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
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
          .clock(TODAY).build();
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
}
