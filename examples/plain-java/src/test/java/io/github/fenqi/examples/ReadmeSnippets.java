package io.github.fenqi.examples;

import io.github.fenqi.core.NegotiationBlockedException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.policy.PolicyRepository;
import io.github.fenqi.core.schedule.Amortizer;
import io.github.fenqi.core.schedule.AnnualizedRate;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.core.schedule.Schedule;
import io.github.fenqi.core.statement.ParsedStatement;
import io.github.fenqi.core.statement.StatementFormat;
import io.github.fenqi.core.statement.StatementParser;
import java.nio.file.Path;
import java.util.List;

/**
 * The Java snippets of the READMEs, each between a {@code // snippet NAME} line and {@code // end}, so that they
 * compile: {@link ReadmeSnippetsTest} checks that each README shows exactly this text. A snippet had called
 * {@code JsonDirectoryPolicyRepository.open}, which leaves a broken policy file out, where the quick start program it
 * names as its full version refuses one, and quoted a screening reason in a form the engine never writes.
 *
 * <p>Thread-safety: static snippets, run by one test at a time.
 */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /** README.md, "Quick start". */
  static void quickStart() {
    // snippet README.md quick start
    PolicyRepository policies = JsonDirectoryPolicyRepository.openStrict(Path.of("samples/policies")).watch();
    NegotiationEngine engine = NegotiationEngine.builder().policies(policies).build();

    NegotiationResult result = engine.calculate(
        NegotiationRequest.read(Path.of("samples/cases/shanghai-three-debts-feasible.json")));

    for (NegotiationResult.ProposalReport p : result.proposals()) {   // AGGRESSIVE, CONSERVATIVE, BALANCED
      System.out.printf("%s: %s in the first month, %s in all, p(accept) %.2f, stress %s%n",
          p.strategy(), p.totalFirstMonthInstallment(), p.totalPayable(),
          p.acceptanceProbability(), p.stress().level());
    }
    if (!result.feasible()) {                                          // an answer, not an exception
      System.out.println(result.reason() + " " + result.recommendation());
    }
    // end
  }

  /** README.md, "With the borrower's statements": files named as in the README, relative to the working directory. */
  static void withStatements(NegotiationEngine engine, NegotiationRequest request) {
    // snippet README.md with the borrower's statements
    List<ParsedStatement> statements = List.of(
        StatementParser.read(Path.of("alipay.csv"), null),          // null: detect the format
        StatementParser.read(Path.of("bank.csv"), StatementFormat.BANK));
    try {
      NegotiationResult result = engine.calculate(request, statements);
      System.out.println(result.affordability().notes());          // income = median of 6 statement months ...
      System.out.println(result.screening().verdict());            // PASS or REVIEW
    } catch (NegotiationBlockedException e) {                       // BLOCK: forged statements or a risk-service denial
      System.out.println(e.screening().reasons());                  // e.g. statements: BALANCE_BREAK: 4 row(s) where ...
    }
    // end
  }

  /** core/README.md, the amortizer example; answers the values its comments state. */
  static List<Object> amortizer() {
    // snippet core/README.md amortizer
    Amortizer fee = Amortizer.of(RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO, Rate.of("0.006"));
    Schedule s = fee.schedule(Money.of("12000"), 12);
    s.firstPayment();            // 1072.00
    s.totalPayable();            // 12864.00: a nominal 7.2 %
    AnnualizedRate.of(s);        // 0.130342: 13.03 % by IRR
    // end
    return List.of(s.firstPayment(), s.totalPayable(), AnnualizedRate.of(s));
  }
}
