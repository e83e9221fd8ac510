package io.github.fenqi.benchmarks;

import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.policy.EligibilityDecision;
import io.github.fenqi.core.policy.EligibilityEvaluator;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyValidator;
import io.github.fenqi.rules.EasyRulesEligibilityEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Eligibility per debt: the built-in declarative evaluator against Easy Rules with the sample rule files
 * (samples/rules: three shared rules and one platform rule, on top of the policy's own block), over the three
 * debts of the sample case. Average time per debt.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RulesBenchmark {
  private final EligibilityEvaluator declarative = EligibilityEvaluator.declarative();
  private EasyRulesEligibilityEvaluator easyRules;
  private NegotiationRequest request;
  private final Map<String, Policy> policyOf = new HashMap<>();
  private Path dir;

  @Setup
  public void setUp() throws IOException {
    request = NegotiationRequest.read(FenqiJson.newMapper(), resource("cases/shanghai-three-debts.json"), "case");
    for (String f : List.of("demo-consumer-finance.json", "demo-credit-card.json", "demo-online-lender.json")) {
      Policy p = new PolicyValidator().validate(resource("policies/" + f), f).policy().orElseThrow();
      policyOf.put(p.platformId(), p);
    }
    dir = Files.createTempDirectory("fenqi-rules");
    for (String f : List.of("_shared.yml", "demo-online-lender.yml")) {
      Files.write(dir.resolve(f), resource("rules/" + f));
    }
    easyRules = EasyRulesEligibilityEvaluator.openStrict(dir);
  }

  @TearDown
  public void tearDown() throws IOException {
    easyRules.close();
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  private static byte[] resource(String name) {
    try (InputStream in = RulesBenchmark.class.getClassLoader().getResourceAsStream("samples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource samples/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object all(EligibilityEvaluator evaluator) {
    EligibilityDecision last = null;
    for (Debt d : request.debts()) {
      last = evaluator.evaluate(d, request.borrower(), policyOf.get(d.platformId()), request.asOf());
    }
    return last;
  }

  @Benchmark
  @OperationsPerInvocation(3)
  public Object declarativePerDebt() {
    return all(declarative);
  }

  @Benchmark
  @OperationsPerInvocation(3)
  public Object easyRulesPerDebt() {
    return all(easyRules);
  }
}
