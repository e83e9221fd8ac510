package io.github.fenqi.rules;

import static io.github.fenqi.rules.RuleFixtures.CASE;
import static io.github.fenqi.rules.RuleFixtures.policyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.debt.Debt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator is documented thread-safe: decisions made by many threads at once on a freshly loaded rule set are the
 * decisions one thread makes. MVEL turns an accessor into bytecode once it has run often enough, on whichever thread
 * is evaluating; a call nested in another ({@code fenqiAdd(..., fenqiMultiply(x, 3))}, what {@code a + x * 3} reads as)
 * that failed that way on one thread while another was evaluating the outer call reached the rule as "cannot invoke
 * method: fenqiAdd", and held the debt ineligible with a RULE_ERROR of no fault of its own.
 */
class ConcurrentEvaluationTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 20;
  private static final int EVALUATIONS = 150;
  private static final String RULES = """
      name: "nested-calls-with-numbers"
      description: "arithmetic with number literals, nested: calls within calls"
      priority: 10
      condition: "debt.totalOwed / 2 + borrower.liquidSavings * 3 > policy.minOutstanding && asOf.year > 2000"
      actions:
        - "maxInstallments(300)"
      ---
      name: "functions-with-numbers"
      description: "whitelisted functions given number literals"
      priority: 11
      condition: "min(debt.principal, 100) > 50 && abs(debt.totalOwed - 1000) > 1 && max(debt.interest, 3) >= 0"
      actions:
        - 'capWaiver("interest", 0.9)'
      """;

  @TempDir Path dir;

  @Test
  void decisionsMadeConcurrentlyOnAFreshRuleSetAreThoseOfOneThread() throws Exception {
    List<String> expected = new ArrayList<>();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(rules("single"))) {
      for (Debt d : CASE.debts()) {
        expected.add(e.evaluate(d, CASE.borrower(), policyOf(d), CASE.asOf()).toString());
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        try (var e = EasyRulesEligibilityEvaluator.openStrict(rules("round-" + round))) { // compiled anew
          CountDownLatch start = new CountDownLatch(1);
          List<Future<List<String>>> results = new ArrayList<>();
          for (int t = 0; t < THREADS; t++) {
            results.add(pool.submit(() -> {
              start.await();
              List<String> differing = new ArrayList<>();
              for (int i = 0; i < EVALUATIONS; i++) {
                for (int k = 0; k < CASE.debts().size(); k++) {
                  Debt d = CASE.debts().get(k);
                  String decision = e.evaluate(d, CASE.borrower(), policyOf(d), CASE.asOf()).toString();
                  if (!decision.equals(expected.get(k))) {
                    differing.add(decision);
                  }
                }
              }
              return differing;
            }));
          }
          start.countDown();
          for (Future<List<String>> result : results) {
            assertEquals(List.of(), result.get().stream().limit(1).toList(), "round " + round);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Path rules(String name) throws java.io.IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.writeString(d.resolve("_shared.yml"), RULES);
    return d;
  }
}
