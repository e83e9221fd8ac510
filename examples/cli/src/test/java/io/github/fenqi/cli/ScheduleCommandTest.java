package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fenqi.core.json.FenqiJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleCommandTest {

  @Test
  void printsTheFeeInstallmentScheduleAsJson() throws Exception {
    CliRun run = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "FEE_INSTALLMENT",
        "--monthly-fee-rate", "0.006");
    assertEquals(0, run.exit(), run.err());
    JsonNode json = FenqiJson.newMapper().readTree(run.out());
    assertEquals(12, json.get("installments").size());
    JsonNode first = json.get("installments").get(0);
    assertEquals(1, first.get("period").asInt());
    assertEquals("1072.00", first.get("payment").asText());
    assertEquals("1000.00", first.get("principal").asText());
    assertEquals("0.00", first.get("interest").asText());
    assertEquals("72.00", first.get("fee").asText());
    assertEquals("11000.00", first.get("remaining").asText());
    assertEquals("12864.00", json.get("totalPayable").asText());
    assertEquals("0.130342", json.get("annualizedRate").asText());
  }

  @Test
  void printsATextTableWithTotalsAndTheAnnualisedRate() {
    CliRun run = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "FEE_INSTALLMENT",
        "--monthly-fee-rate", "0.006", "--format", "text");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("total payable 12864.00"), run.out());
    assertTrue(run.out().contains("annualised rate (IRR) 13.03%"), run.out());
  }

  /**
   * Every column of the text table ends where its heading ends, up to the largest amount a schedule takes: amounts of
   * a hundred billion ran past their fixed widths and pushed the rest of their row to the right. A usual amount keeps
   * the table as the README shows it.
   */
  @Test
  void textTableColumnsLineUpUpToTheLargestAmount() {
    CliRun usual = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "FEE_INSTALLMENT",
        "--monthly-fee-rate", "0.006", "--format", "text");
    assertEquals(List.of("period      payment    principal   interest        fee      remaining",
        "     1      1072.00      1000.00       0.00      72.00       11000.00"),
        usual.out().lines().skip(1).limit(2).toList());
    CliRun largest = CliRun.of("schedule", "--amount", "1000000000000", "--term", "2", "--method",
        "EQUAL_INSTALLMENT", "--annual-rate", "0.2", "--format", "text");
    assertEquals(0, largest.exit(), largest.err());
    List<String> table = largest.out().lines().skip(1).limit(3).toList();
    assertTrue(table.get(1).contains("512534435261.71"), largest.out());
    List<Integer> headingEnds = WordEnds.of(table.get(0));
    assertEquals(6, headingEnds.size(), largest.out());
    for (String row : table) {
      assertEquals(headingEnds, WordEnds.of(row), "columns of\n" + largest.out());
    }
  }

  /** `--method fee_installment --format TEXT` was refused while `statement ingest --format ALIPAY` was taken. */
  @Test
  void enumeratedValuesAreTakenInAnyCase() {
    CliRun upper = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "FEE_INSTALLMENT",
        "--monthly-fee-rate", "0.006", "--format", "text");
    CliRun lower = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "fee_installment",
        "--monthly-fee-rate", "0.006", "--format", "TEXT");
    assertEquals(0, lower.exit(), lower.err());
    assertEquals(upper.out(), lower.out());
  }

  /**
   * A format schedule has not is refused listing the ones it has: picocli's enum conversion had said "expected one of
   * [json, text, html]" and then refused html, which it had just offered.
   */
  @Test
  void aFormatScheduleHasNotIsRefusedListingOnlyTheOnesItHas() {
    for (String format : List.of("xml", "html", "HTML")) {
      CliRun run = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--format", format);
      assertEquals(1, run.exit(), run.err());
      assertTrue(run.err().contains("--format") && run.err().contains("json or text"), run.err());
      assertFalse(run.err().contains("[json, text, html]"), run.err());
      assertEquals("", run.out());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--amount|12.345|--amount: '12.345' has 3 decimals; money has at most 2",
      "--amount|1000000000000.01|--amount: '1000000000000.01' is above the largest amount a schedule handles (1000000000000.00)",
      "--amount|0|--amount: '0' is zero; a schedule needs an amount to repay (more than 0)",
      "--amount|-0.00|--amount: '-0.00' is zero",
      "--term|0|--term: 0 is outside 1..360 months",
      "--term|12.5|Invalid value for option '--term': '12.5' is not a whole number",
      "--term|99999999999|Invalid value for option '--term': '99999999999' is too large a number",
      "--annual-rate|abc|--annual-rate: 'abc' is not a decimal number such as \"0.06\"",
      "--annual-rate|0.0600000000000001|--annual-rate: '0.0600000000000001' has 16 decimals; at most 12",
      "--method|BALLOON|Invalid value for option '--method'"})
  void badInputIsOneLineOnStderrAndExitOne(String option, String value, String expected) {
    String[] args = {"schedule", "--amount", "12000", "--term", "12", "--method", "EQUAL_INSTALLMENT", "--annual-rate", "0.06"};
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(option)) {
        args[i + 1] = value;
      }
    }
    CliRun run = CliRun.of(args);
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("fenqi: "), run.err());
    assertTrue(run.err().contains(expected), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  /**
   * INTEREST_FREE charges no interest and no fee: a rate given with it is refused naming the option, not printed as a
   * schedule without it (exit 0, '--annual-rate 0.12' applied nowhere); a rate of 0, what it charges, is taken.
   */
  @Test
  void aRateThatInterestFreeDoesNotChargeIsRefused() {
    CliRun both = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "interest_free",
        "--annual-rate", "0.12", "--monthly-fee-rate", "0.006");
    assertEquals(1, both.exit(), both.out());
    assertEquals("", both.out());
    assertEquals(List.of("fenqi: 2 problems:",
        "  --annual-rate: '0.12' is not charged by --method INTEREST_FREE (interest stopped, no fee); leave it out, or "
            + "choose a method that charges interest",
        "  --monthly-fee-rate: '0.006' is not charged by --method INTEREST_FREE (interest stopped, no fee); leave it "
            + "out, or choose FEE_INSTALLMENT"), both.err().strip().lines().toList());
    CliRun zero = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "INTEREST_FREE",
        "--annual-rate", "0.00", "--format", "text");
    assertEquals(0, zero.exit(), zero.err());
    assertTrue(zero.out().contains("total payable 12000.00 (interest 0.00, fees 0.00)"), zero.out());
  }

  /** A term with blanks around it is taken, as an amount with blanks is: '--term " 12"' was "not an int". */
  @Test
  void aTermWithBlanksAroundItIsTaken() {
    CliRun spaced = CliRun.of("schedule", "--amount", " 12000 ", "--term", " 12 ", "--method", "EQUAL_INSTALLMENT");
    assertEquals(0, spaced.exit(), spaced.err());
    assertEquals(CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "EQUAL_INSTALLMENT").out(),
        spaced.out());
  }

  /**
   * Case as the user likes is ASCII's case: a method or a format spelt with a letter only Java's full Unicode rules fold
   * to an ASCII one (a dotless ı, U+0131; a long ſ, U+017F) is no method or format; "j\u017Fon" had been json.
   */
  @Test
  void aMethodOrFormatWithALetterOnlyUnicodeFoldsIsRefused() {
    CliRun format = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "EQUAL_INSTALLMENT",
        "--format", "j\u017Fon");
    assertEquals(1, format.exit(), format.out());
    assertTrue(format.err().contains("expected json or text but was 'j\u017Fon'"), format.err());
    CliRun method = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "equal_\u0131nstallment");
    assertEquals(1, method.exit(), method.out());
    assertTrue(method.err().contains("--method") && method.err().contains("equal_\u0131nstallment"), method.err());
    assertEquals(0, CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "Equal_Installment",
        "--format", "JSON").exit());
  }

  /** The ends of --term's range, 1..360 months: 360 is a schedule of 360 installments, 361 is refused. */
  @Test
  void aTermOf360MonthsIsTakenAnd361Refused() throws Exception {
    CliRun longest = CliRun.of("schedule", "--amount", "12000", "--term", "360", "--method", "EQUAL_INSTALLMENT",
        "--annual-rate", "0.06");
    assertEquals(0, longest.exit(), longest.err());
    assertEquals(360, FenqiJson.newMapper().readTree(longest.out()).get("installments").size());
    CliRun over = CliRun.of("schedule", "--amount", "12000", "--term", "361", "--method", "EQUAL_INSTALLMENT");
    assertEquals(1, over.exit(), over.out());
    assertEquals("fenqi: --term: 361 is outside 1..360 months", over.err().strip());
  }

  /** A negative amount or down payment is refused naming the option given, not the library's field. */
  @Test
  void aNegativeAmountOrDownPaymentIsRefusedNamingTheOption() {
    CliRun amount = CliRun.of("schedule", "--amount", "-100", "--term", "12", "--method", "EQUAL_INSTALLMENT");
    assertEquals(1, amount.exit(), amount.out());
    assertEquals("fenqi: --amount: '-100' is negative", amount.err().strip());
    CliRun down = CliRun.of("schedule", "--amount", "100", "--term", "12", "--method", "EQUAL_INSTALLMENT",
        "--down-payment", "-5");
    assertEquals(1, down.exit(), down.out());
    assertEquals("fenqi: --down-payment: '-5' is negative", down.err().strip());
  }

  /** The text's last line as the README shows it: the total, then the interest and the fees, each in its place. */
  @Test
  void theTextsTotalLineSaysTheInterestAndTheFeesEachInItsPlace() {
    CliRun fee = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "FEE_INSTALLMENT",
        "--monthly-fee-rate", "0.006", "--format", "text");
    assertEquals("total payable 12864.00 (interest 0.00, fees 864.00); annualised rate (IRR) 13.03%",
        fee.out().strip().lines().reduce((a, b) -> b).orElseThrow());
    CliRun interest = CliRun.of("schedule", "--amount", "12000", "--term", "12", "--method", "EQUAL_INSTALLMENT",
        "--annual-rate", "0.12", "--format", "text");
    assertEquals("total payable 12794.23 (interest 794.23, fees 0.00); annualised rate (IRR) 12.00%",
        interest.out().strip().lines().reduce((a, b) -> b).orElseThrow());
  }

  /**
   * A rate is shown as percentage points with two decimals, the figure whose interval holds the exact rate, half up:
   * 800.00 repaid by 808.23 a month later costs exactly 12.345 % a year and shows 12.35.
   */
  @Test
  void aRateHalfwayBetweenTwoFiguresShowsTheUpperOne() {
    assertEquals("annualised rate (IRR) 12.35%", lastLineAfterTotal("--amount", "800", "--term", "1", "--method",
        "EQUAL_INSTALLMENT", "--annual-rate", "0.12345"));
  }

  /**
   * The two-decimal figure is the exact rate's, not its six-decimal figure rounded again: 2476.32 over 12 months at a
   * 0.5 % monthly fee costs 10.8949…% (0.108950 to six decimals) and had been shown as 10.90 %, a figure the exact
   * rate rounds away from. Rounded twice, about one rate in two hundred was shown 0.01 points high.
   */
  @Test
  void theTextsRateIsTheExactRatesTwoDecimalsNotItsSixDecimalFigureRoundedAgain() {
    assertEquals("annualised rate (IRR) 10.89%", lastLineAfterTotal("--amount", "2476.32", "--term", "12",
        "--method", "FEE_INSTALLMENT", "--monthly-fee-rate", "0.005"));
    assertEquals("annualised rate (IRR) 16.42%", lastLineAfterTotal("--amount", "3515.96", "--term", "24",
        "--method", "FEE_INSTALLMENT", "--monthly-fee-rate", "0.0075"));
  }

  /** The text's total line from "annualised" on, of {@code schedule ARGS --format text}. */
  private static String lastLineAfterTotal(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("schedule"));
    all.addAll(List.of(args));
    all.addAll(List.of("--format", "text"));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    String last = run.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    return last.substring(last.indexOf("annualised"));
  }
}
