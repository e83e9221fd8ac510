package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.json.FenqiJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of {@code fenqi plan}'s output that its other tests did not read (mutation audit): the text report's
 * first lines (the budget and how it was worked out), an infeasible case's reason, the proposals' columns under
 * their headings, and the JSON's final newline. Each is checked against the JSON of the same run, printed in a
 * terminal wide enough that no paragraph wraps.
 */
class PlanTextReportTest {
  private static final String POLICIES = "../../samples/policies";
  private static final String FEASIBLE = "../../samples/cases/shanghai-three-debts-feasible.json";
  private static final String INFEASIBLE = "../../samples/cases/shanghai-three-debts.json";
  /** Wide enough for every paragraph of the samples' reports on one line. */
  private static final int WIDE = 1000;

  /** The result of a JSON run, read back as the record it was written from. */
  private static NegotiationResult result(String kase) throws Exception {
    CliRun run = CliRun.of("plan", kase, "--policies", POLICIES);
    assertEquals(0, run.exit(), run.err());
    return FenqiJson.newMapper().readValue(run.out(), NegotiationResult.class);
  }

  private static List<String> text(NegotiationResult r) {
    StringWriter text = new StringWriter();
    PlanCommand.printText(new PrintWriter(text), r, WIDE);
    return text.toString().lines().toList();
  }

  /** The report opens with the case, its date and the budget, then how the budget was worked out, note by note. */
  @Test
  void theTextOpensWithTheBudgetAndHowItWasWorkedOut() throws Exception {
    for (String kase : List.of(FEASIBLE, INFEASIBLE)) {
      NegotiationResult r = result(kase);
      List<String> lines = text(r);
      List<String> expected = new ArrayList<>();
      expected.add("case " + r.caseId() + " as of " + r.asOf() + ": monthly budget for installments "
          + r.maxAffordableInstallment());
      r.affordability().notes().forEach(n -> expected.add("  " + n));
      assertTrue(r.affordability().notes().size() >= 1, r.affordability().toString());
      assertEquals(expected, lines.subList(0, expected.size()), String.join("\n", lines));
    }
  }

  /** An infeasible case's report ends with the binding constraint, the JSON's reason and its recommendation. */
  @Test
  void anInfeasibleCasesTextEndsWithItsReasonAndRecommendation() throws Exception {
    NegotiationResult r = result(INFEASIBLE);
    List<String> lines = text(r);
    assertEquals(List.of("NO FEASIBLE PROPOSAL (" + r.binding() + "): " + r.reason(),
        "recommendation: " + r.recommendation()), lines.subList(lines.size() - 2, lines.size()),
        String.join("\n", lines));
  }

  /**
   * Each value of a proposal's row starts under its heading when the heading is left-aligned (strategy, stress), and
   * ends under it when right-aligned (the amounts and probabilities).
   */
  @Test
  void theProposalsValuesStandUnderTheirHeadings() throws Exception {
    NegotiationResult r = result(FEASIBLE);
    List<String> lines = text(r);
    String heading = lines.stream().filter(l -> l.startsWith("strategy ")).findFirst().orElseThrow();
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      String row = lines.stream().filter(l -> l.startsWith(p.strategy() + " ")).findFirst().orElseThrow();
      String level = " " + p.stress().level() + " ";
      assertEquals(heading.indexOf(" stress "), row.indexOf(level), heading + "\n" + row);
      String saving = " " + p.saving() + " ";
      assertEquals(heading.indexOf(" saving ") + " saving".length(), row.indexOf(saving) + saving.length() - 1,
          heading + "\n" + row);
    }
  }

  /**
   * A case whose every debt is left out (one day overdue, no proof of hardship): the text names each debt with all its
   * reasons, "; " between them, and says no debt is eligible; the JSON has no proposal and the infeasible fields.
   */
  @Test
  void aCaseOfNoEligibleDebtNamesEachDebtWithAllItsReasons(@TempDir Path dir) throws Exception {
    String kase = Files.readString(Path.of(FEASIBLE));
    String none = kase.replaceAll("\"overdueDays\": \\d+", "\"overdueDays\": 1")
        .replace("\"hasHardshipProof\": true", "\"hasHardshipProof\": false");
    assertTrue(none.contains("\"hasHardshipProof\": false"), none);
    NegotiationResult r = result(Files.writeString(dir.resolve("case.json"), none).toString());
    assertEquals(3, r.ineligible().size(), r.ineligible().toString());
    assertTrue(r.ineligible().stream().anyMatch(i -> i.reasons().size() >= 2), r.ineligible().toString());
    assertEquals(List.of(), r.proposals());
    assertEquals(io.github.fenqi.core.solve.Infeasibility.BindingConstraint.NO_ELIGIBLE_DEBT, r.binding());
    List<String> lines = text(r);
    assertEquals(r.ineligible().stream().map(i -> "not eligible: " + i.debtId() + " — " + String.join("; ",
        i.reasons())).toList(), lines.stream().filter(l -> l.startsWith("not eligible: ")).toList(),
        String.join("\n", lines));
    assertEquals("NO FEASIBLE PROPOSAL (NO_ELIGIBLE_DEBT): " + r.reason(), lines.get(lines.size() - 2));
  }

  /** A case file that is not there: exit 1, one line naming it, nothing on standard output. */
  @Test
  void aMissingCaseFileIsOneLineNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("case.json");
    CliRun run = CliRun.of("plan", missing.toString(), "--policies", POLICIES);
    assertEquals(1, run.exit(), run.err());
    assertEquals("fenqi: " + missing + ": no such file" + System.lineSeparator(), run.err());
    assertEquals("", run.out());
  }

  /** The JSON is one document ending in a newline, as a text file and a shell's next prompt expect. */
  @Test
  void theJsonEndsWithANewline() {
    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", POLICIES);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().endsWith("}" + System.lineSeparator()), run.out().substring(run.out().length() - 20));
  }
}
