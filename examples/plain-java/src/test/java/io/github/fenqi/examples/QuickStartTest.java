package io.github.fenqi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start's table (the README's main-job command) against the engine's result: each row's figures are the
 * sums of the proposal's per-debt plans, and each value stays under its heading. Runs in the repository's root.
 */
class QuickStartTest {
  private static final Path FEASIBLE = Path.of("samples/cases/shanghai-three-debts-feasible.json");

  @Test
  void eachRowShowsTheSumsOfItsPlans() throws Exception {
    NegotiationResult result = calculate(FEASIBLE);
    List<String> rows = rows(printed(result));
    assertEquals(3, rows.size());
    for (int i = 0; i < 3; i++) {
      NegotiationResult.ProposalReport p = result.proposals().get(i);
      List<String> words = List.of(rows.get(i).strip().split(" +"));
      assertEquals(p.strategy().name(), words.get(0));
      assertEquals(sum(p, NegotiationResult.DebtPlan::firstInstallment).toString(), words.get(1), rows.get(i));
      assertEquals(sum(p, NegotiationResult.DebtPlan::downPayment).toString(), words.get(2), rows.get(i));
      Money total = sum(p, NegotiationResult.DebtPlan::totalPayable);
      assertEquals(total.toString(), words.get(3), rows.get(i));
      assertEquals(p.totalOwed().minus(total).toString(), words.get(4), rows.get(i));
    }
  }

  /**
   * A case of billions keeps its figures under their headings: the columns had fixed widths (11 for the total), and
   * each larger amount pushed the rest of its row to the right.
   */
  @Test
  void amountsStayUnderTheirHeadingsForLargeDebts(@TempDir Path dir) throws Exception {
    String json = Files.readString(FEASIBLE);
    String large = json.replace("\"monthlyNetIncome\": \"16000.00\"", "\"monthlyNetIncome\": \"900000000.00\"")
        .replace("\"liquidSavings\": \"12000.00\"", "\"liquidSavings\": \"900000000.00\"")
        .replaceAll("\"principal\": \"\\d+\\.00\"", "\"principal\": \"4800000000.00\"");
    assertFalse(large.equals(json));
    String out = printed(calculate(Files.writeString(dir.resolve("large.json"), large)));
    List<String> lines = out.lines().toList();
    List<Integer> heading = ends(lines.stream().filter(l -> l.strip().startsWith("strategy ")).findFirst().orElseThrow());
    // '1st month', 'down', 'total', 'saving' and 'p(accept)' end where the rows' values end
    List<Integer> headingEnds = heading.subList(2, 7);
    List<String> rows = rows(out);
    assertEquals(3, rows.size(), out);
    assertTrue(rows.get(0).matches(".* \\d{11,}\\.\\d\\d .*"), out);
    for (String row : rows) {
      assertEquals(headingEnds, ends(row).subList(1, 6), "columns of\n" + out);
    }
  }

  private static NegotiationResult calculate(Path caseFile) {
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(Path.of("samples/policies"));
        NegotiationEngine engine = NegotiationEngine.builder().policies(repo).build()) {
      return engine.calculate(NegotiationRequest.read(caseFile));
    }
  }

  private static String printed(NegotiationResult result) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickStart.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), result);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static List<String> rows(String out) {
    return out.lines().filter(l -> l.matches(" +(AGGRESSIVE|CONSERVATIVE|BALANCED) .*")).toList();
  }

  private static Money sum(NegotiationResult.ProposalReport p, Function<NegotiationResult.DebtPlan, Money> amount) {
    Money sum = Money.ZERO;
    for (NegotiationResult.DebtPlan d : p.plans()) {
      sum = sum.plus(amount.apply(d));
    }
    return sum;
  }

  /** Where each blank-separated word of {@code line} ends: right-aligned values of one column end at one index. */
  private static List<Integer> ends(String line) {
    Matcher m = Pattern.compile("\\S+").matcher(line);
    List<Integer> ends = new ArrayList<>();
    while (m.find()) {
      ends.add(m.end());
    }
    return ends;
  }
}
