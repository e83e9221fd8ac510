package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fenqi.core.json.FenqiJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every figure of the text table and of the HTML page is the JSON's figure of the same name, in the column of its
 * heading: the tests of both read the strategies, ids and a few totals, and the layout (column ends, a width), so a
 * waiver printed under "1st", a fee under "interest" or a default probability under "p(accept)" went unseen.
 */
class PlanFiguresTest {
  private static final String POLICIES = "../../samples/policies";
  private static final String FEASIBLE = "../../samples/cases/shanghai-three-debts-feasible.json";

  @Test
  void theTextTablesRowsHoldTheJsonsFiguresInTheirHeadingsOrder() throws Exception {
    JsonNode json = json();
    CliRun text = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--format", "text");
    assertEquals(0, text.exit(), text.err());
    List<String> lines = text.out().lines().toList();
    int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("strategy ")).findFirst().orElseThrow());
    assertEquals(List.of("strategy", "1st", "month", "down", "total", "pay", "saving", "p(accept)", "stress",
        "p(deflt)", "recommended"), words(lines.get(at)));
    assertEquals(List.of("debt", "platform", "term", "down", "waived", "1st", "total", "IRR", "accept"),
        words(lines.get(++at)));
    for (JsonNode p : json.get("proposals")) {
      assertEquals(List.of(p.get("strategy").asText(), p.get("totalFirstMonthInstallment").asText(),
          p.get("totalDownPayment").asText(), p.get("totalPayable").asText(), p.get("saving").asText(),
          probability(p.get("acceptanceProbability")), p.get("stress").get("level").asText(),
          probability(p.get("stress").get("defaultProbability")), "yes"), words(lines.get(++at)), text.out());
      for (JsonNode d : p.get("plans")) {
        assertEquals(List.of(d.get("debtId").asText(), d.get("platformId").asText(), d.get("term").asText(),
            d.get("downPayment").asText(), d.get("waivedTotal").asText(), d.get("firstInstallment").asText(),
            d.get("totalPayable").asText(), rate(d.get("annualizedRate")) + "%",
            probability(d.get("acceptanceProbability"))), words(lines.get(++at)), text.out());
      }
    }
  }

  @Test
  void theHtmlTablesHoldTheJsonsFiguresInTheirHeadingsColumns() throws Exception {
    JsonNode json = json();
    CliRun html = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--format", "html");
    assertEquals(0, html.exit(), html.err());
    List<List<List<String>>> expected = new ArrayList<>();
    List<List<String>> proposals = table("strategy", "1st month", "down payment", "total payable", "saving",
        "p(accept)", "stress", "p(default)", "recommended");
    for (JsonNode p : json.get("proposals")) {
      proposals.add(List.of(p.get("strategy").asText(), p.get("totalFirstMonthInstallment").asText(),
          p.get("totalDownPayment").asText(), p.get("totalPayable").asText(), p.get("saving").asText(),
          probability(p.get("acceptanceProbability")), p.get("stress").get("level").asText(),
          probability(p.get("stress").get("defaultProbability")), "yes"));
    }
    expected.add(proposals);
    for (JsonNode p : json.get("proposals")) {
      List<List<String>> plans = table("debt", "platform", "months", "down payment", "waived", "1st installment",
          "total payable", "annualised rate", "p(accept)");
      List<List<List<String>>> schedules = new ArrayList<>();
      for (JsonNode d : p.get("plans")) {
        plans.add(List.of(d.get("debtId").asText(), d.get("platformId").asText(), d.get("term").asText(),
            d.get("downPayment").asText(), d.get("waivedTotal").asText(), d.get("firstInstallment").asText(),
            d.get("totalPayable").asText(), rate(d.get("annualizedRate")) + " %",
            probability(d.get("acceptanceProbability"))));
        List<List<String>> schedule = table("month", "payment", "principal", "interest", "fee", "remaining");
        for (JsonNode i : d.get("schedule").get("installments")) {
          schedule.add(List.of(i.get("period").asText(), i.get("payment").asText(), i.get("principal").asText(),
              i.get("interest").asText(), i.get("fee").asText(), i.get("remaining").asText()));
        }
        schedules.add(schedule);
      }
      expected.add(plans);
      expected.addAll(schedules);
    }
    assertEquals(expected, tables(html.out()), html.out());
  }

  /** Each debt left out is named in the text report with the JSON's reasons for it, as on the page. */
  @Test
  void theTextReportNamesEachDebtNotEligibleWithItsReasons(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String kase = java.nio.file.Files.readString(java.nio.file.Path.of(FEASIBLE));
    String oneDayOverdue = kase.replace("\"overdueDays\": 120", "\"overdueDays\": 1");
    assertEquals(false, oneDayOverdue.equals(kase), "the sample's cf-1 debt is 120 days overdue");
    String file = java.nio.file.Files.writeString(dir.resolve("case.json"), oneDayOverdue).toString();
    JsonNode ineligible = json(file).get("ineligible");
    assertEquals(1, ineligible.size(), ineligible.toString());
    CliRun text = CliRun.of("plan", file, "--policies", POLICIES, "--format", "text");
    assertEquals(0, text.exit(), text.err());
    List<String> reasons = new ArrayList<>();
    ineligible.get(0).get("reasons").forEach(r -> reasons.add(r.asText()));
    assertEquals(List.of("not eligible: " + ineligible.get(0).get("debtId").asText() + " — "
        + String.join("; ", reasons)), text.out().lines().filter(l -> l.startsWith("not eligible: ")).toList(),
        text.out());
  }

  private static JsonNode json() throws Exception {
    return json(FEASIBLE);
  }

  private static JsonNode json(String kase) throws Exception {
    CliRun run = CliRun.of("plan", kase, "--policies", POLICIES);
    assertEquals(0, run.exit(), run.err());
    return FenqiJson.newMapper().readTree(run.out());
  }

  /** A probability as the text and the page show it: three decimals. */
  private static String probability(JsonNode p) {
    return String.format(Locale.ROOT, "%.3f", p.asDouble());
  }

  /** A rate as percentage points with two decimals. */
  private static String rate(JsonNode r) {
    return new java.math.BigDecimal(r.asText()).movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP)
        .toPlainString();
  }

  private static List<String> words(String line) {
    return Arrays.asList(line.strip().split(" +"));
  }

  private static List<List<String>> table(String... headings) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(headings));
    return rows;
  }

  /** Every table of the page (read as XML), each as its rows of cells' text, the heading row first. */
  private static List<List<List<String>>> tables(String page) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    org.w3c.dom.Document doc = f.newDocumentBuilder().parse(
        new org.xml.sax.InputSource(new java.io.StringReader(page)));
    org.w3c.dom.NodeList found = doc.getElementsByTagName("table");
    List<List<List<String>>> tables = new ArrayList<>();
    for (int t = 0; t < found.getLength(); t++) {
      org.w3c.dom.NodeList trs = ((org.w3c.dom.Element) found.item(t)).getElementsByTagName("tr");
      List<List<String>> rows = new ArrayList<>();
      for (int r = 0; r < trs.getLength(); r++) {
        org.w3c.dom.NodeList cells = trs.item(r).getChildNodes();
        List<String> row = new ArrayList<>();
        for (int c = 0; c < cells.getLength(); c++) {
          row.add(cells.item(c).getTextContent());
        }
        rows.add(row);
      }
      tables.add(rows);
    }
    return tables;
  }
}
