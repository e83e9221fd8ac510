package io.github.fenqi.core;

import io.github.fenqi.core.json.SdkOutput;
import io.github.fenqi.core.security.risk.RiskAssessment;
import io.github.fenqi.core.security.risk.RiskDecision;
import io.github.fenqi.core.statement.ForensicReport;
import io.github.fenqi.core.statement.ForensicVerdict;
import io.github.fenqi.core.statement.StatementAnalysis;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The checks a case passed before any proposal was made: the forensic examination of its statements and the
 * answers of the configured risk services. The verdict is the worst of them (a risk service's DENY counts as
 * BLOCK). A BLOCK stops the negotiation ({@link NegotiationBlockedException}); a REVIEW marks the result for a
 * person to look at.
 *
 * <p>Thread-safety: immutable.
 *
 * @param verdict PASS, REVIEW or BLOCK: the worst of the forensic report's and the risk answers' (refused otherwise)
 * @param reasons why, in words, one line each (line breaks and invisible characters escaped, as
 *     {@link Problem#escaped} shows them: one holding either, or blank, is refused; empty exactly on PASS)
 * @param statements the statements read, per file (empty when the case came with declared figures only)
 * @param forensics the forensic report, or null when there were no statements
 * @param riskChecks each risk service's answer
 */
@SdkOutput
public record Screening(ForensicVerdict verdict, List<String> reasons, List<StatementAnalysis.StatementSummary> statements,
    @Nullable ForensicReport forensics, List<RiskAssessment> riskChecks) implements java.io.Serializable {

  public Screening {
    RequiredParts.check(new String[] {"verdict", "reasons", "statements", "riskChecks"}, verdict, reasons, statements,
        riskChecks);
    reasons = List.copyOf(reasons);
    statements = List.copyOf(statements);
    riskChecks = List.copyOf(riskChecks);
    List<Problem> problems = new ArrayList<>();
    // one line each, as the engine writes them (Problem.escaped) and reports print them: read back from JSON, a reason
    // with a line break had printed a line of its own (a forged "OK" beneath it), and a blank one said nothing
    for (int i = 0; i < reasons.size(); i++) {
      String reason = reasons.get(i);
      if (reason.isBlank()) {
        problems.add(Problem.of("reasons[" + i + "]", "is blank; a reason says why in words"));
      } else if (!reason.equals(Problem.escaped(reason))) {
        problems.add(Problem.of("reasons[" + i + "]", "'" + Problem.excerpt(reason) + "' holds a line break or an "
            + "invisible character; a reason is one line, with them escaped"));
      }
    }
    ForensicVerdict worst = worst(forensics, riskChecks);
    // a screening read from JSON had been taken as it stated: PASS beside a risk service's DENY, or beside a BLOCKed
    // forensic report, read back as a case that passed, and the reasons a person looks at could be missing
    if (verdict != worst) {
      problems.add(Problem.of("verdict", verdict + " differs from " + worst + ", the worst of the forensic "
          + "report's verdict and the risk services' answers (DENY is BLOCK, REVIEW is REVIEW)"));
    } else if (reasons.isEmpty() != (verdict == ForensicVerdict.PASS)) {
      problems.add(Problem.of("reasons", verdict == ForensicVerdict.PASS
          ? "holds " + reasons.size() + " reason(s) though the verdict is PASS" : "is empty though the verdict is " + verdict));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** The worst of the forensic report's verdict (PASS without one) and the risk answers, a DENY counting as BLOCK. */
  private static ForensicVerdict worst(@Nullable ForensicReport forensics, List<RiskAssessment> risk) {
    ForensicVerdict verdict = forensics == null ? ForensicVerdict.PASS : forensics.verdict();
    for (RiskAssessment a : risk) {
      ForensicVerdict v = a.decision() == RiskDecision.DENY ? ForensicVerdict.BLOCK
          : a.decision() == RiskDecision.REVIEW ? ForensicVerdict.REVIEW : ForensicVerdict.PASS;
      if (v.compareTo(verdict) > 0) {
        verdict = v;
      }
    }
    return verdict;
  }

  /** At most this many of a signal's rows are named in its reason, then how many more (the report holds them all). */
  private static final int ROWS_NAMED = 10;

  /**
   * {@code " [row, row …]"} for the rows ({@code file:line}, or a file) that {@code detail} does not already name, the
   * first {@value #ROWS_NAMED} and then how many more; empty when it names them all.
   */
  static String rowsNotNamed(List<String> rows, String detail) {
    List<String> left = rows.stream().filter(r -> !names(detail, r)).toList();
    if (left.isEmpty()) {
      return "";
    }
    String shown = String.join(", ", left.subList(0, Math.min(ROWS_NAMED, left.size())));
    return " [" + shown + (left.size() > ROWS_NAMED ? " and " + (left.size() - ROWS_NAMED) + " more" : "") + "]";
  }

  /** Whether {@code text} holds {@code row} not followed by a digit ({@code f.csv:1} is not named by {@code f.csv:18}). */
  private static boolean names(String text, String row) {
    for (int at = text.indexOf(row); at >= 0; at = text.indexOf(row, at + 1)) {
      int end = at + row.length();
      if (end == text.length() || !Character.isDigit(text.charAt(end))) {
        return true;
      }
    }
    return false;
  }

  /** Combines a forensic report (may be null) and risk answers into one screening. */
  static Screening of(@Nullable StatementAnalysis analysis, @Nullable ForensicReport forensics, List<RiskAssessment> risk) {
    // one line each, as reports print them: a risk service's reason (another party's text) or a statement's name in a
    // signal holding a line break had printed a line of its own in the CLI's report, such as a forged verdict
    List<String> reasons = new ArrayList<>();
    if (forensics != null && forensics.verdict() != ForensicVerdict.PASS) {
      // the rows, as statement ingest names them: "4 row(s) … in bank_A_forged.csv" had stopped a case naming no row
      forensics.signals().forEach(s -> reasons.add(Problem.escaped("statements: " + s.kind() + ": " + s.detail()
          + rowsNotNamed(s.rows(), s.detail()))));
    }
    for (RiskAssessment a : risk) {
      if (a.decision() != RiskDecision.ALLOW) {
        reasons.add(Problem.escaped("risk service " + a.service() + ": " + a.decision()
            + (a.degraded() ? " (service failed)" : "") + ": " + a.reason()));
      }
    }
    return new Screening(worst(forensics, risk), reasons, analysis == null ? List.of() : analysis.statements(), forensics, risk);
  }
}
