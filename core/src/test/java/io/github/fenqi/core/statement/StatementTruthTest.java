package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped sample statements against their truth files: encoding, header, row counts, every row's category or
 * removal, and the monthly salary and essential expenses (within 1 %, the bar; in fact exact).
 */
class StatementTruthTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode truth(String name) throws IOException {
    return JSON.readTree(Samples.bytes("samples/statements/" + name + ".truth.json"));
  }

  private static StatementAnalysis analyse(String name, JsonNode truth) {
    ParsedStatement parsed = StatementParser.parseDetected(name + ".csv", Samples.bytes("samples/statements/" + name + ".csv"));
    return StatementAnalyzer.builder().holderNames(truth.get("holder").asText()).build().analyze(List.of(parsed));
  }

  @ParameterizedTest
  @ValueSource(strings = {"alipay_A", "wechat_A", "bank_A"})
  void readsEncodingHeaderAndEveryRow(String name) throws IOException {
    JsonNode truth = truth(name);
    ParsedStatement parsed = StatementParser.parseDetected(name + ".csv", Samples.bytes("samples/statements/" + name + ".csv"));
    assertEquals(StatementFormat.parse("format", truth.get("format").asText()), parsed.format());
    assertEquals(truth.get("encoding").asText(), parsed.encoding());
    assertEquals(truth.get("headerLine").asInt(), parsed.headerLine());
    assertEquals(truth.get("dataRowCount").asInt(), parsed.rowsRead());
    assertEquals(List.of(), parsed.rejected());
  }

  @ParameterizedTest
  @ValueSource(strings = {"alipay_A", "wechat_A", "bank_A", "bank_A_forged"})
  void labelsEveryRowAsTheTruthDoes(String name) throws IOException {
    JsonNode truth = truth(name);
    StatementAnalysis a = analyse(name, truth);
    Map<Integer, String> mine = new HashMap<>();
    a.transactions().forEach(c -> mine.put(c.transaction().dataRow(), c.category().name()));
    a.removals().forEach(r -> mine.put(r.transaction().dataRow(), r.kind().name()));
    List<String> wrong = new ArrayList<>();
    for (JsonNode row : truth.get("rows")) {
      int n = row.get("dataRow").asInt();
      if (!row.get("category").asText().equals(mine.get(n))) {
        wrong.add("row " + n + ": truth " + row.get("category").asText() + ", ours " + mine.get(n));
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(truth.get("rowsKeptAfterCleaning").asInt(), a.rowsKept());
    assertEquals(truth.get("internalTransferRowCount").asInt(), a.removed(RemovalKind.INTERNAL_TRANSFER));
    assertEquals(truth.get("reversalRowCount").asInt(),
        a.removed(RemovalKind.REVERSAL, RemovalKind.REVERSED, RemovalKind.REFUND, RemovalKind.REFUNDED));
    assertEquals(truth.get("duplicateRowCount").asInt(), a.removed(RemovalKind.DUPLICATE));
    assertEquals(truth.get("closedRowCount").asInt(), a.removed(RemovalKind.CLOSED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"alipay_A", "wechat_A", "bank_A", "bank_A_forged"})
  void monthlySalaryAndEssentialsWithinOnePercent(String name) throws IOException {
    JsonNode truth = truth(name);
    StatementAnalysis a = analyse(name, truth);
    Map<YearMonth, MonthlySummary> months = new HashMap<>();
    a.months().forEach(m -> months.put(m.month(), m));
    for (JsonNode m : truth.get("months")) {
      YearMonth month = YearMonth.parse(m.get("month").asText());
      MonthlySummary ours = months.get(month);
      assertWithinOnePercent(name + " " + month + " salary", Money.of(m.get("salaryIncome").asText()), ours.salaryIncome());
      assertWithinOnePercent(name + " " + month + " essentials", Money.of(m.get("essentialExpenses").asText()), ours.essentialExpenses());
      assertEquals(Money.of(m.get("income").asText()), ours.income(), name + " " + month + " income");
      assertEquals(Money.of(m.get("loanRepayments").asText()), ours.loanRepayments(), name + " " + month + " loan repayments");
      Map<String, Money> platforms = new HashMap<>();
      m.get("loanRepaymentsByPlatform").fields().forEachRemaining(e -> platforms.put(e.getKey(), Money.of(e.getValue().asText())));
      assertEquals(platforms, ours.loanRepaymentsByPlatform(), name + " " + month + " repayments by platform");
    }
  }

  private static void assertWithinOnePercent(String what, Money expected, Money actual) {
    long tolerance = expected.fen() / 100;
    assertTrue(Math.abs(expected.fen() - actual.fen()) <= tolerance, what + ": expected " + expected + ", got " + actual);
  }
}
