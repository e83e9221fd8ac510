package io.github.fenqi.rules;

import static io.github.fenqi.rules.RuleFixtures.CASE;
import static io.github.fenqi.rules.RuleFixtures.debt;
import static io.github.fenqi.rules.RuleFixtures.policyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.policy.EligibilityDecision;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotReloadTest {
  @TempDir Path dir;

  private static boolean tooSmall(EligibilityDecision d) {
    return d.checks().stream().anyMatch(c -> c.code().equals("BALANCE_TOO_SMALL") && !c.passed());
  }

  private static EligibilityDecision evaluateOl(EasyRulesEligibilityEvaluator e) {
    Debt ol = debt("ol-1");
    return e.evaluate(ol, CASE.borrower(), policyOf(ol), CASE.asOf());
  }

  private static String raisedThreshold(Path shared) throws IOException {
    return Files.readString(shared).replace("totalOwed < 500\"", "totalOwed < 20000\"");
  }

  @Test
  void editedFileTakesEffectWithinTwoSecondsAndIsReported() throws Exception {
    RuleFixtures.copyExample(dir);
    Path shared = dir.resolve("_shared.yml");
    BlockingQueue<RuleSetEvent> events = new LinkedBlockingQueue<>();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      e.addListener(events::add);
      e.watch(Duration.ofMillis(200));
      assertEquals(1, e.version());
      assertFalse(tooSmall(evaluateOl(e)));

      Files.writeString(shared, raisedThreshold(shared));
      long start = System.nanoTime();
      while (!tooSmall(evaluateOl(e)) && System.nanoTime() - start < 3_000_000_000L) {
        Thread.sleep(20);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(tooSmall(evaluateOl(e)), "the edit never took effect");
      assertTrue(millis < 2000, "took " + millis + " ms");

      RuleSetEvent event = events.poll(2, TimeUnit.SECONDS);
      RuleSetEvent.Reloaded reloaded = assertInstanceOf(RuleSetEvent.Reloaded.class, event);
      assertEquals(2, reloaded.version());
      assertEquals(2, e.version());
      RuleSetEvent.FileChange change = reloaded.changes().get(0);
      assertEquals(RuleSetEvent.Change.UPDATED, change.change());
      assertEquals("_shared.yml", change.file());
      assertFalse(change.owner().isBlank());
      assertNotNull(change.sha256());
      assertEquals(64, change.sha256().length());
      assertEquals(List.of("long-overdue-with-hardship-proof", "small-balance", "no-proof-tighter-terms"), change.rules());
    }
  }

  @Test
  void invalidEditNeverReplacesTheLastGoodRules() throws Exception {
    RuleFixtures.copyExample(dir);
    Path shared = dir.resolve("_shared.yml");
    List<RuleSetEvent> events = new ArrayList<>();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      e.addListener(events::add);
      EligibilityDecision before = evaluateOl(e);
      Files.writeString(shared, raisedThreshold(shared).replace("totalOwed < 20000", "totalOwed < 20000; x = 1"));
      e.reload();
      e.reload(); // the file unchanged: not re-read, so not rejected again on every scan (nor audited again)
      assertEquals(before, evaluateOl(e));
      assertEquals(1, e.version());
      assertEquals(1, events.size(), events.toString());
      RuleSetEvent.Rejected rejected = assertInstanceOf(RuleSetEvent.Rejected.class, events.get(0));
      assertEquals("_shared.yml", rejected.file());
      assertEquals(1, rejected.liveVersion());
      assertTrue(rejected.problems().get(0).toString().startsWith(
          "_shared.yml: rule 'small-balance': condition: offending token ';'"), rejected.problems().toString());
      assertEquals(rejected.problems(), e.loadProblems());

      Files.writeString(shared, raisedThreshold(shared).replace("totalOwed < 20000; x = 1", "totalOwed < 20000"));
      e.reload();
      assertTrue(tooSmall(evaluateOl(e)));
      assertEquals(List.of(), e.loadProblems());
      assertEquals(2, e.version());
    }
  }

  /** The first load is version 1, of a directory with no rule files too, and it is told (an audit records it). */
  @Test
  void theFirstLoadOfAnEmptyDirectoryIsVersionOne() throws Exception {
    List<RuleSetEvent> events = new ArrayList<>();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir, events::add)) {
      assertEquals(1, e.version());
      RuleSetEvent.Reloaded first = assertInstanceOf(RuleSetEvent.Reloaded.class, events.get(0));
      assertEquals(1, first.version());
      assertEquals(List.of(), first.changes());
      assertEquals(1, events.size(), events.toString());
    }
  }

  @Test
  void deletedFileTakesItsRulesAway() throws Exception {
    RuleFixtures.copyExample(dir);
    List<RuleSetEvent> events = new ArrayList<>();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      e.addListener(events::add);
      assertFalse(evaluateOl(e).adjustment().isNone());
      Files.delete(dir.resolve("demo-online-lender.yml"));
      e.reload();
      assertTrue(evaluateOl(e).adjustment().isNone());
      RuleSetEvent.Reloaded r = assertInstanceOf(RuleSetEvent.Reloaded.class, events.get(0));
      assertEquals(RuleSetEvent.Change.REMOVED, r.changes().get(0).change());
      assertEquals("demo-online-lender.yml", r.changes().get(0).file());
    }
  }

  /**
   * A file none of whose contents has loaded yet (never live) changes no rules until it loads: its fix is ADDED, as a
   * new file is, and its removal is no change (no reload, no version; its problems go), since no rules of it were live.
   */
  @Test
  void aFileThatNeverLoadedIsAddedWhenFixedAndItsRemovalIsNoChange() throws Exception {
    RuleFixtures.copyExample(dir);
    String rule = Files.readString(dir.resolve("demo-online-lender.yml"));
    String broken = rule.replace("debt.totalOwed > 10000", "debt.totalOwed > 10000; x = 1");
    Path other = dir.resolve("other-lender.yml");
    Path third = dir.resolve("third-lender.yml");
    List<RuleSetEvent> events = new ArrayList<>();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      e.addListener(events::add);
      Files.writeString(other, broken);
      e.reload();
      Files.writeString(other, rule);
      e.reload();
      assertEquals(List.of(RuleSetEvent.Rejected.class, RuleSetEvent.Reloaded.class),
          events.stream().map(Object::getClass).toList(), events.toString());
      RuleSetEvent.Reloaded fixed = (RuleSetEvent.Reloaded) events.get(1);
      assertEquals(List.of("ADDED other-lender.yml [recent-large-online-loan] v2"), fixed.changes().stream()
          .map(c -> c.change() + " " + c.file() + " " + c.rules() + " v" + fixed.version()).toList());

      Files.writeString(third, broken);
      e.reload();
      assertEquals(1, e.loadProblems().size(), e.loadProblems().toString());
      Files.delete(third);
      e.reload();
      assertEquals(List.of(), e.loadProblems());
      assertEquals(2, e.version());
      assertEquals(List.of(RuleSetEvent.Rejected.class, RuleSetEvent.Reloaded.class, RuleSetEvent.Rejected.class),
          events.stream().map(Object::getClass).toList(), events.toString());
    }
  }

  @Test
  void evaluationsDuringReloadsSeeOneWholeRuleSet() throws Exception {
    RuleFixtures.copyExample(dir);
    Path shared = dir.resolve("_shared.yml");
    String versionA = Files.readString(shared);
    String versionB = raisedThreshold(shared);
    EligibilityDecision expectedA;
    EligibilityDecision expectedB;
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      expectedA = evaluateOl(e);
      Files.writeString(shared, versionB);
      e.reload();
      expectedB = evaluateOl(e);
    }
    assertFalse(expectedA.equals(expectedB));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    AtomicBoolean stop = new AtomicBoolean();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        readers.add(pool.submit(() -> {
          int n = 0;
          while (!stop.get()) {
            EligibilityDecision d = evaluateOl(e);
            if (!d.equals(expectedA) && !d.equals(expectedB)) {
              throw new AssertionError("mixed rule sets: " + d);
            }
            n++;
          }
          return n;
        }));
      }
      for (int i = 0; i < 20; i++) {
        Files.writeString(shared, i % 2 == 0 ? versionA : versionB);
        e.reload();
        Thread.sleep(10);
      }
      stop.set(true);
      for (Future<Integer> f : readers) {
        assertTrue(f.get(10, TimeUnit.SECONDS) > 0);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A rule file over the size limit was left out with a log line only: {@code openStrict} accepted the directory,
   * no listener heard of it and its rules silently did not apply. It is rejected like an invalid file now.
   */
  @Test
  void fileThatCannotBeReadIsRejectedNotSilentlyLeftOut() throws Exception {
    RuleFixtures.copyExample(dir);
    Path lender = dir.resolve("demo-online-lender.yml");
    String good = Files.readString(lender);
    List<RuleSetEvent> events = new ArrayList<>();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir, events::add)) {
      EligibilityDecision before = evaluateOl(e);
      oversize(lender);
      e.reload();
      e.reload(); // reported once, not on every scan
      assertEquals(before, evaluateOl(e), "the last good rules of the file stay live");
      assertEquals(1, e.version());
      String problem = "demo-online-lender.yml: cannot be read: is larger than " + InputFiles.DEFAULT_MAX_BYTES + " bytes";
      assertEquals(List.of(problem), e.loadProblems().stream().map(Object::toString).toList());
      assertEquals(2, events.size(), events.toString());
      RuleSetEvent.Rejected rejected = assertInstanceOf(RuleSetEvent.Rejected.class, events.get(1));
      assertEquals("demo-online-lender.yml", rejected.file());
      assertEquals("", rejected.sha256());
      assertEquals(1, rejected.liveVersion());

      PolicyException refused = assertThrows(PolicyException.class, () -> EasyRulesEligibilityEvaluator.openStrict(dir));
      assertTrue(refused.getMessage().contains(problem), refused.getMessage());
      assertEquals(List.of(problem), EasyRulesEligibilityEvaluator.check(dir).get(1).problems().stream()
          .map(Object::toString).toList());

      Files.writeString(lender, good);
      e.reload();
      assertEquals(List.of(), e.loadProblems());
      assertEquals(before, evaluateOl(e));
    }
  }

  /**
   * The watcher applied whatever a poll read: a file caught while being rewritten in place (truncated, then filled,
   * as Files.writeString, cp or a shell redirect do) was read empty — a valid file of no rules — and its rules were
   * gone until the next poll; with 200 rules rewritten in a loop and a 5 ms poll, rule sets alternated between 200
   * rules and none. A poll now applies changed content only when the previous poll read the same.
   */
  @Test
  void watcherNeverAppliesAFileCaughtHalfWritten() throws Exception {
    RuleFixtures.copyExample(dir);
    Path shared = dir.resolve("_shared.yml");
    String edited = raisedThreshold(shared);
    List<RuleSetEvent> events = new ArrayList<>();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      e.addListener(events::add);
      EligibilityDecision before = evaluateOl(e);
      Files.write(shared, new byte[0]); // truncated, not yet written
      e.poll();
      Files.writeString(shared, edited.substring(0, edited.indexOf("---", edited.indexOf("small-balance")))); // half
      e.poll();
      assertEquals(before, evaluateOl(e));
      assertEquals(List.of(), events);

      Files.writeString(shared, edited);
      e.poll();
      assertEquals(before, evaluateOl(e), "applied when the next poll reads the same content");
      e.poll();
      assertTrue(tooSmall(evaluateOl(e)));
      assertEquals(2, e.version());
      RuleSetEvent.Reloaded reloaded = assertInstanceOf(RuleSetEvent.Reloaded.class, events.get(0));
      assertEquals(List.of("long-overdue-with-hardship-proof", "small-balance", "no-proof-tighter-terms"),
          reloaded.changes().get(0).rules());

      Files.write(shared, new byte[0]); // emptied for good: applied once it stays so
      e.poll();
      e.poll();
      assertEquals(3, e.version());
      assertEquals(List.of("demo-online-lender.yml:recent-large-online-loan"), e.ruleNames("demo-online-lender"));
      assertEquals(2, events.size(), events.toString());
    }
  }

  /**
   * Content a poll read and did not apply is forgotten when the next poll reads the live content again: a file
   * rewritten in place over and over with the same rules (a deployment copying it every minute) is caught truncated
   * at one poll and whole at the next, and caught truncated again later that is a first read, not a second. A mutant
   * that remembered the truncated content across the whole read applied the empty file at its second catch, taking
   * the rules away, and passed every test (mutation round 102, M45).
   */
  @Test
  void aChangeReadOnceIsForgottenWhenTheLiveContentIsReadAgain() throws Exception {
    RuleFixtures.copyExample(dir);
    Path shared = dir.resolve("_shared.yml");
    byte[] live = Files.readAllBytes(shared);
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      List<String> names = e.ruleNames("demo-online-lender");
      Files.write(shared, new byte[0]); // caught truncated
      e.poll();
      Files.write(shared, live); // whole again
      e.poll();
      Files.write(shared, new byte[0]); // the next copy, caught truncated again
      e.poll();
      assertEquals(names, e.ruleNames("demo-online-lender"));
      assertEquals(1, e.version());
    }
  }

  /**
   * A rule file put back as it is live after a rejected edit (or readable again after it could not be read) was
   * reloaded as {@code UPDATED} with the live SHA-256 and bumped the version, so anything keyed by version saw a change
   * that was none. The rules live are the same: no new version, no event; only the file's problems go. Rewriting a
   * file byte for byte the same changes nothing either, for {@code reload()} and for the watcher.
   */
  @Test
  void fileRestoredToItsLiveContentIsNoNewVersion() throws Exception {
    RuleFixtures.copyExample(dir);
    Path shared = dir.resolve("_shared.yml");
    Path lender = dir.resolve("demo-online-lender.yml");
    String good = Files.readString(shared);
    String goodLender = Files.readString(lender);
    List<RuleSetEvent> events = new ArrayList<>();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(dir)) {
      e.addListener(events::add);
      EligibilityDecision before = evaluateOl(e);
      Files.writeString(shared, good);
      e.reload();
      e.poll();
      e.poll();
      Files.writeString(shared, good.replace("totalOwed < 500", "totalOwed < 500; x = 1"));
      e.reload();
      assertEquals(1, e.loadProblems().size(), e.loadProblems().toString());
      Files.writeString(shared, good);
      e.reload();
      assertEquals(List.of(), e.loadProblems());

      oversize(lender);
      e.poll();
      e.poll();
      assertEquals(1, e.loadProblems().size(), e.loadProblems().toString());
      Files.writeString(lender, goodLender);
      e.poll();
      e.poll();
      assertEquals(List.of(), e.loadProblems());

      assertEquals(1, e.version());
      assertEquals(before, evaluateOl(e));
      assertEquals(List.of(RuleSetEvent.Rejected.class, RuleSetEvent.Rejected.class),
          events.stream().map(Object::getClass).toList(), events.toString());

      Files.writeString(shared, raisedThreshold(shared)); // a real edit is still a new version
      e.reload();
      assertEquals(2, e.version());
    }
  }

  /** Makes {@code file} one byte longer than the rule-file size limit, without writing the bytes (sparse). */
  private static void oversize(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(InputFiles.DEFAULT_MAX_BYTES + 1);
    }
  }
}
