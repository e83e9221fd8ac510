package io.github.fenqi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.testkit.Fifos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule-file name that is no regular file — a link whose target was moved away, a directory or a FIFO named like a
 * rule file — was passed over in silence: the directory was listed for regular files only, so a watched platform's
 * rules vanished as if the file had been deleted, {@code loadProblems()} was empty and {@code openStrict} accepted
 * the directory. Each is a load problem now, the file's last good rules stay live, and the entry is never opened (a
 * FIFO would make the scan wait for a writer for ever).
 */
class NotARuleFileTest {
  private static final String LENDER = "demo-online-lender";

  @TempDir Path dir;
  @TempDir Path elsewhere;

  @Test
  void aLinkWhoseTargetIsGoneIsALoadProblemAndItsLastGoodRulesStayLive() throws IOException {
    RuleFixtures.copyExample(elsewhere);
    Files.copy(elsewhere.resolve("_shared.yml"), dir.resolve("_shared.yml"));
    Path target = elsewhere.resolve(LENDER + ".yml");
    Files.createSymbolicLink(dir.resolve(LENDER + ".yml"), target);
    List<RuleSetEvent> events = new ArrayList<>();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir, events::add)) {
      List<String> rules = e.ruleNames(LENDER);
      Files.move(target, elsewhere.resolve("moved.yml")); // the checkout moved away from under the link
      e.reload();
      e.reload(); // told once, not on every scan
      String problem = LENDER + ".yml: is a link to " + target + ", which does not exist";
      assertEquals(List.of(problem), e.loadProblems().stream().map(Object::toString).toList());
      assertEquals(rules, e.ruleNames(LENDER), "the last good rules stay live");
      assertEquals(1, e.version());
      assertEquals(2, events.size(), events.toString());
      RuleSetEvent.Rejected rejected = assertInstanceOf(RuleSetEvent.Rejected.class, events.get(1));
      assertEquals(List.of(problem), rejected.problems().stream().map(Object::toString).toList());

      PolicyException refused =
          assertThrows(PolicyException.class, () -> EasyRulesEligibilityEvaluator.openStrict(dir));
      assertEquals(List.of(problem), refused.problems().stream().map(Object::toString).toList());
      assertEquals(List.of(problem), problemsOf(LENDER + ".yml"));

      Files.move(elsewhere.resolve("moved.yml"), target); // back: the link reads again
      e.reload();
      assertEquals(List.of(), e.loadProblems());
      assertEquals(rules, e.ruleNames(LENDER));
    }
  }

  @Test
  void aDirectoryNamedLikeARuleFileIsALoadProblem() throws IOException {
    RuleFixtures.copyExample(dir);
    Files.createDirectory(dir.resolve("old.json"));
    Files.createDirectory(dir.resolve("notes.yaml"));
    List<String> problems = List.of("notes.yaml: is a directory, not a rule file",
        "old.json: is a directory, not a rule file");
    PolicyException refused = assertThrows(PolicyException.class, () -> EasyRulesEligibilityEvaluator.openStrict(dir));
    assertEquals(problems, refused.problems().stream().map(Object::toString).toList());
    assertEquals(List.of(problems.get(1)), problemsOf("old.json"));
    assertEquals(List.of(problems.get(0)), problemsOf("notes.yaml"));
  }

  @Test
  void aFifoNamedLikeARuleFileIsALoadProblemAndNeverOpened() throws Exception {
    RuleFixtures.copyExample(dir);
    List<String> rules;
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      rules = e.ruleNames(LENDER);
      Path lender = dir.resolve(LENDER + ".yml");
      Files.delete(lender);
      Fifos.make(lender);
      String problem = LENDER + ".yml: is a pipe (FIFO), not a rule file";
      // opened, the pipe waits for a writer that never comes
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        e.reload();
        e.poll();
        assertEquals(List.of(problem), e.loadProblems().stream().map(Object::toString).toList());
        assertEquals(rules, e.ruleNames(LENDER), "the last good rules stay live");
        assertEquals(List.of(problem), problemsOf(LENDER + ".yml"));
        var fresh = EasyRulesEligibilityEvaluator.open(dir);
        assertEquals(List.of(problem), fresh.loadProblems().stream().map(Object::toString).toList());
        assertEquals(List.of(), fresh.ruleNames(LENDER).stream().filter(r -> r.startsWith(LENDER)).toList());
      });
    }
  }

  /** The real watch: a link left dangling, then a FIFO in its place, are named within a few polls, rules kept. */
  @Test
  void theWatchNamesALinkLeftDanglingAndAFifoWithoutStopping() throws Exception {
    RuleFixtures.copyExample(elsewhere);
    RuleFixtures.copyExample(dir);
    Path link = dir.resolve(LENDER + ".yml");
    Files.delete(link);
    Path target = elsewhere.resolve(LENDER + ".yml");
    Files.createSymbolicLink(link, target);
    BlockingQueue<RuleSetEvent> events = new LinkedBlockingQueue<>();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir).watch(Duration.ofMillis(20))) {
      e.addListener(events::add);
      List<String> rules = e.ruleNames(LENDER);
      Files.delete(target);
      RuleSetEvent.Rejected dangling = assertInstanceOf(RuleSetEvent.Rejected.class, events.poll(5, TimeUnit.SECONDS));
      assertEquals(List.of(LENDER + ".yml: is a link to " + target + ", which does not exist"),
          dangling.problems().stream().map(Object::toString).toList());
      assertEquals(rules, e.ruleNames(LENDER));

      Path pipe = dir.resolve("pipe.tmp");
      Fifos.make(pipe);
      Files.move(pipe, link, StandardCopyOption.ATOMIC_MOVE); // in one step: a poll never sees the name gone
      RuleSetEvent.Rejected fifo = assertInstanceOf(RuleSetEvent.Rejected.class, events.poll(5, TimeUnit.SECONDS));
      assertEquals(List.of(LENDER + ".yml: is a pipe (FIFO), not a rule file"),
          fifo.problems().stream().map(Object::toString).toList());
      Files.delete(link);
      RuleFixtures.copyExample(dir); // the watch still runs: the file back, as it is live, clears its problem
      long start = System.nanoTime();
      // until both hold: a poll between the delete and the copy sees no file (no problem, no rules) and one during
      // the copy may see part of it, so an empty problem list alone does not yet mean the rules are back
      while ((!e.loadProblems().isEmpty() || !rules.equals(e.ruleNames(LENDER)))
          && System.nanoTime() - start < 5_000_000_000L) {
        Thread.sleep(20);
      }
      assertEquals(List.of(), e.loadProblems());
      assertEquals(rules, e.ruleNames(LENDER));
    }
  }

  private List<String> problemsOf(String file) {
    return EasyRulesEligibilityEvaluator.check(dir).stream().filter(r -> r.file().equals(file)).findFirst()
        .orElseThrow(() -> new AssertionError(file + " not checked")).problems().stream().map(Object::toString)
        .toList();
  }
}
