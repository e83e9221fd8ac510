package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.policy.PolicyRepository;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.testkit.ReadmeBlocks;
import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * This module's README shows code that compiles and does what it says: its solver snippet is {@link #readmeEngine}
 * here, and its two example constraints are this module's test classes of those names. The README is outside every
 * compiled source, so without this check a renamed builder method or an edited example would leave it behind
 * (examples/plain-java's {@code ReadmeSnippetsTest} checks the other modules' snippets, which need no test classes).
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("README.md");
  private static final Path TESTS = Path.of("src/test/java/io/github/fenqi/optaplanner");

  @Test
  void theReadmeShowsTheSolverSnippetAsCompiledHere() throws IOException {
    List<String> source = Files.readAllLines(TESTS.resolve("ReadmeExamplesTest.java"));
    int start = source.indexOf("    // snippet optimizer-optaplanner/README.md solver") + 1;
    int end = source.indexOf("    // end");
    StringBuilder snippet = new StringBuilder();
    for (String line : source.subList(start, end)) {
      snippet.append(line.substring(4)).append('\n');
    }
    assertTrue(ReadmeBlocks.java(README).get(0).equals(snippet.toString()),
        "README.md's first Java block is not the snippet of ReadmeExamplesTest:\n" + snippet);
  }

  @Test
  void theReadmeShowsTheExampleConstraintsAsTheyAreHere() throws IOException {
    String examples = ReadmeBlocks.java(README).get(1);
    for (String name : List.of("AtMostTwoWithoutDownPayment", "NoPlanAboveFortyPercentOfBudget")) {
      String code = Files.readString(TESTS.resolve(name + ".java"));
      // from the class declaration to the end, as the README shows it (without @Override, which it leaves out)
      String shown = code.substring(code.indexOf("public final class " + name)).replace("  @Override\n", "");
      assertTrue(examples.contains(shown), "README.md does not show " + name + " as it is:\n" + shown);
    }
  }

  @Test
  void theSolverSnippetPlansTheSampleCaseWithinItsConstraint() {
    PolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    NegotiationRequest request = NegotiationRequest.read(FenqiJson.newMapper(),
        Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"), "shanghai-three-debts-feasible.json");

    NegotiationResult result = readmeEngine(repo).calculate(request);

    assertEquals(List.of(Strategy.AGGRESSIVE, Strategy.CONSERVATIVE, Strategy.BALANCED),
        result.proposals().stream().map(NegotiationResult.ProposalReport::strategy).toList(),
        result.notes().toString());
    for (NegotiationResult.ProposalReport p : result.proposals()) {
      long withoutDownPayment = p.plans().stream().filter(plan -> plan.downPayment().fen() == 0).count();
      assertTrue(withoutDownPayment <= 2, p.strategy() + ": " + withoutDownPayment + " lenders without down payment");
    }
  }

  /** The README's snippet; {@code repo} is named as there. */
  private static NegotiationEngine readmeEngine(PolicyRepository repo) {
    // snippet optimizer-optaplanner/README.md solver
    ProposalSolver solver = OptaPlannerProposalSolver.builder()
        .timeLimit(Duration.ofSeconds(1))                 // per strategy; also .unimprovedTimeLimit(...)
        .constraint(AtMostTwoWithoutDownPayment.class)    // your own constraints
        .build();
    NegotiationEngine engine = NegotiationEngine.builder().policies(repo).solver(solver).build();
    // end
    return engine;
  }
}
