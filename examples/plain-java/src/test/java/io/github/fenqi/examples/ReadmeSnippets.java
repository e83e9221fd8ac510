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
import io.github.fenqi.core.security.audit.AuditLog;
import io.github.fenqi.core.statement.ParsedStatement;
import io.github.fenqi.core.statement.StatementFormat;
import io.github.fenqi.core.statement.StatementParser;
import io.github.fenqi.nlp.ExtractionResult;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.PolicyTextExtractor;
import io.github.fenqi.rules.EasyRulesEligibilityEvaluator;
import io.github.fenqi.rules.RuleSetAudit;
import java.nio.file.Path;
import java.util.List;

/**
 * The Java snippets of the READMEs, each between a {@code // snippet NAME} line and {@code // end}, so that they
 * compile: {@link ReadmeSnippetsTest} checks that each README shows exactly this text — the root README's, core's,
 * rules-easy's and nlp-adapter's. Left out: nlp-adapter's ONNX example (it needs onnxruntime, which no module depends
 * on) and optimizer-optaplanner's, whose constraint classes are that module's test classes
 * ({@code AtMostTwoWithoutDownPayment}) and would be a second copy here: that module's {@code ReadmeExamplesTest}
 * checks them. A snippet had called
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
      System.out.println(result.affordability().notes());          // income 8642.17 is the median of 5 statement months
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

  /** rules-easy/README.md, the evaluator: its rule directory relative to the working directory, as there. */
  static void rulesEasy(PolicyRepository repo, AuditLog auditLog) {
    // snippet rules-easy/README.md evaluator
    // the listener is registered before the first scan, so the first load (version 1) is audited too
    EasyRulesEligibilityEvaluator rules =                                        // watch() polls every 500 ms
        EasyRulesEligibilityEvaluator.openStrict(Path.of("rules"), RuleSetAudit.listener(auditLog)).watch();
    // or, later: RuleSetAudit.attach(rules, auditLog);   // every reload / rejected file → RULE_RELOAD entry
    NegotiationEngine engine = NegotiationEngine.builder().policies(repo).eligibility(rules).build();
    // end
  }

  /** nlp-adapter/README.md, the extractor; answers the values its comments state. */
  static List<Object> extractor() {
    // snippet nlp-adapter/README.md extractor
    PolicyTextExtractor extractor = PolicyTextExtractor.create();       // immutable, thread-safe: share it
    ExtractionResult r = extractor.extract("逾期超过3个月的客户最长可分五年偿还，罚息最高减免百分之五十，本金不予减免。");
    r.field(PolicyField.MAX_INSTALLMENTS).orElseThrow().intValue();     // 60
    r.field(PolicyField.MIN_OVERDUE_DAYS).orElseThrow().intValue();     // 91 (more than 90 days)
    r.field(PolicyField.MAX_PENALTY_WAIVER).orElseThrow().decimalValue(); // 0.5
    r.field(PolicyField.PRINCIPAL_WAIVER).orElseThrow().evidence();     // Evidence[start=.., end=.., text=本金不予减免]
    r.terms();                                                          // [PENALTY_INTEREST, PRINCIPAL]
    r.undetermined();                                                   // fields the text does not settle
    r.notes();                                                          // fields stated two ways, or only bounded
    // end
    return List.of(r.field(PolicyField.MAX_INSTALLMENTS).orElseThrow().intValue(),
        r.field(PolicyField.MIN_OVERDUE_DAYS).orElseThrow().intValue(),
        r.field(PolicyField.MAX_PENALTY_WAIVER).orElseThrow().decimalValue(),
        r.field(PolicyField.PRINCIPAL_WAIVER).orElseThrow().evidence().text(), r.terms());
  }
}
