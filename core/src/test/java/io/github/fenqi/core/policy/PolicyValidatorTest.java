package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyValidatorTest {
  private final PolicyValidator validator = new PolicyValidator();

  private static String sample() {
    return new String(Samples.bytes("samples/policies/demo-consumer-finance.json"), StandardCharsets.UTF_8);
  }

  private List<Problem> problems(String json) {
    PolicyValidator.Result r = validator.validate(json.getBytes(StandardCharsets.UTF_8), "p.json");
    assertFalse(r.valid());
    assertTrue(r.policy().isEmpty());
    return r.problems();
  }

  /**
   * A number whose exponent has hundreds of digits is a problem of the file, as a case's is: the parser throws a
   * NumberFormatException for it, not an IOException, and {@code fenqi policy validate} had ended in "internal error".
   */
  @Test
  void aNumberWhoseExponentNoDecimalHoldsIsAProblemOfTheFile() {
    String huge = "30" + "1".repeat(400) + "e999999" + "1".repeat(590);
    assertEquals(List.of(Problem.of("p.json", FenqiJson.NO_DECIMAL_HOLDS)),
        problems(sample().replace("\"minOverdueDays\": 91", "\"minOverdueDays\": " + huge)));
  }

  /**
   * A key given twice inside a part of a policy names that part from the root, as every other problem of a field does:
   * read as a JSON tree, it had been reported against the file alone ("p.json: field 'interest' appears twice"), then
   * as "p.json: waivers" beside the validator's "p.json: $.waivers.interest".
   */
  @Test
  void aKeyTwiceInsideAPartNamesThePart() {
    assertEquals(List.of(Problem.of("p.json: $.waivers", "field 'interest' appears twice (line 15); keep one")),
        problems(sample().replace("\"interest\": \"0.5\",", "\"interest\": \"0.5\", \"interest\": \"1\",")));
    assertEquals(List.of(Problem.of("p.json: $.source.kind", "field 'a' appears twice (line 18); keep one")),
        problems(sample().replace("\"kind\": \"EXAMPLE\"", "\"kind\": {\"a\": 1, \"a\": 2}")));
    assertEquals(List.of(Problem.of("p.json: $.legalBasis[1]", "field 'a' appears twice (line 17); keep one")),
        problems(sample().replace("第六百八十条\"]", "第六百八十条\", {\"a\": 1, \"a\": 2}]")));
    assertEquals(List.of(Problem.of("p.json", "field 'version' appears twice (line 6); keep one")),
        problems(sample().replace("\"version\": \"2026-01-15\",", "\"version\": \"2026-01-15\", \"version\": \"x\",")));
  }

  /** A policy announcement's text given where a policy file belongs was told to be converted from GBK. */
  /**
   * A rate written as a JSON number is read, as the validator's own check of its kind (a string or a number) says: it
   * had passed that check and then been refused by the binding, "expected a string, got 0.06".
   */
  @Test
  void aRateWrittenAsANumberIsRead() {
    PolicyValidator.Result r = validator.validate(sample().replace("\"annualRate\": \"0.06\"", "\"annualRate\": 0.06")
        .getBytes(StandardCharsets.UTF_8), "p.json");
    assertEquals(List.of(), r.problems());
    assertEquals(new java.math.BigDecimal("0.06"), r.orElseThrow().installments().annualRate().value());
    // its text, never a double: digits a double would drop are refused as in a string
    assertEquals(List.of(Problem.of("p.json: $.installments.annualRate", "'0.0600000000000001' has 16 decimals; at most "
        + "12 (line 14)")), problems(sample().replace("\"annualRate\": \"0.06\"", "\"annualRate\": 0.0600000000000001")));
  }

  @Test
  void aTextThatIsNotJsonIsNamedByItsCharacterNotAsGbk() {
    assertEquals(List.of(Problem.of("p.json: line 1", "malformed JSON: unexpected character '逾' (column 1)")),
        problems("逾期超过3个月的客户最长可分五年偿还。"));
  }

  /**
   * A whole number written with an exponent ({@code 9.1e1}) is kept as the decimal 91, and was refused as "expected a
   * whole number, got 91", a reason that contradicted itself. It is shown with its point, as a case's reader shows it.
   */
  @Test
  void aWholeNumberWithAnExponentIsShownAsTheDecimalItIs() {
    for (String written : List.of("9.1e1", "91E0", "0.91e2", "91.0")) {
      assertEquals(List.of(Problem.of("p.json: $.eligibility.minOverdueDays", "expected a whole number, got 91.0 (line 10)")),
          problems(sample().replace("\"minOverdueDays\": 91", "\"minOverdueDays\": " + written)), written);
    }
    assertEquals(List.of(Problem.of("p.json: $.schemaVersion", "expected a whole number, got 1E+400 (line 2)")),
        problems(sample().replace("\"schemaVersion\": 1", "\"schemaVersion\": 1e400")));
  }

  /**
   * A whole number beyond an int's range had been refused as "expected a whole number, got 99999999999", which it is;
   * a case's reader says it is out of range, and so does a policy's now: told the range of its part where the part
   * states one ({@code WholeRange}: minOverdueDays 0..36525, as a debt's overdue days; a term 1..360), where it had
   * been told an int's range, -2147483648 to 2147483647, which no policy may use; an int's where none is stated.
   */
  @Test
  void aWholeNumberOutOfRangeIsSaidToBeOutOfRangeNotNoWholeNumber() {
    for (String written : List.of("2147483648", "99999999999999999999999", "-2147483649")) {
      assertEquals(List.of(Problem.of("p.json: $.eligibility.minOverdueDays", written + " is outside 0..36525 (line 10)")),
          problems(sample().replace("\"minOverdueDays\": 91", "\"minOverdueDays\": " + written)), written);
      assertEquals(List.of(Problem.of("p.json: $.installments.max", written + " is outside 1..360 (line 14)")),
          problems(sample().replace("\"max\": 36", "\"max\": " + written)), written);
      assertEquals(List.of(Problem.of("p.json: $.installments.min", written + " is outside 1..360 (line 14)")),
          problems(sample().replace("\"min\": 12", "\"min\": " + written)), written);
      assertEquals(List.of(Problem.of("p.json: $.installments.step", written + " is out of range; expected a whole "
          + "number from -2147483648 to 2147483647 (line 14)")),
          problems(sample().replace("\"step\": 6", "\"step\": " + written)), written);
    }
  }

  /**
   * A product type listed twice had validated — a list of 500 000 repeats too, which every eligibility check of the
   * platform then printed whole. The repeat is named with the place of the first; built in code, the same.
   */
  @Test
  void aProductTypeListedTwiceIsNamed() {
    assertEquals(List.of(Problem.of("p.json: $.productTypes[2]", "CONSUMER_LOAN is listed already, at productTypes[0]; "
        + "list each product type once (line 5)")), problems(sample().replace("[\"CONSUMER_LOAN\"]",
            "[\"CONSUMER_LOAN\", \"ONLINE_LOAN\", \"CONSUMER_LOAN\", \"CONSUMER_LOAN\"]")));
    Policy p = Samples.policies().get(0);
    io.github.fenqi.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.InvalidInputException.class, () -> new Policy(p.schemaVersion(), p.platformId(),
            p.platformName(), List.of(p.productTypes().get(0), p.productTypes().get(0)), p.version(), p.effectiveFrom(),
            p.effectiveTo(), p.eligibility(), p.installments(), p.waivers(), p.downPayment(), p.legalBasis(),
            p.source()));
    assertEquals("productTypes[1]", e.problems().get(0).location());
  }

  @Test
  void everySamplePolicyIsValidAndRoundTripsThroughJson() {
    for (Policy p : Samples.policies()) {
      String json = FenqiJson.write(FenqiJson.newMapper(), p);
      Policy back = validator.validate(json.getBytes(StandardCharsets.UTF_8), "roundtrip").orElseThrow();
      assertEquals(p, back);
    }
  }

  @Test
  void reportsEveryProblemAtOnceWithItsJsonPath() {
    String bad = sample()
        .replace("\"max\": 36", "\"max\": 6")
        .replace("\"interest\": \"0.5\"", "\"interest\": \"1.5\"")
        .replace("\"minOutstanding\": \"1000.00\"", "\"minOutstanding\": \"1000.001\"")
        .replace("\"method\": \"EQUAL_INSTALLMENT\"", "\"method\": \"BALLOON\"")
        .replace("\"effectiveTo\": null", "\"effectiveTo\": \"2020-01-01\", \"colour\": \"red\"");
    List<Problem> problems = problems(bad);
    List<String> where = problems.stream().map(Problem::location).toList();
    assertTrue(where.contains("p.json: $.colour"), where.toString());
    assertTrue(where.contains("p.json: $.waivers.interest"), where.toString());
    assertTrue(where.contains("p.json: $.eligibility.minOutstanding"), where.toString());
    assertTrue(where.contains("p.json: $.installments.method"), where.toString());
    // the dates read, and their rule is told too: it had been left until the others were mended
    assertTrue(where.contains("p.json: $.effectiveTo"), where.toString());
    assertEquals(5, problems.size(), problems.toString());
  }

  @Test
  void reportsRuleViolationsOfSeveralPartsTogether() {
    String bad = sample().replace("\"max\": 36", "\"max\": 6")
        .replace("\"effectiveTo\": null", "\"effectiveTo\": \"2020-01-01\"")
        .replace("\"step\": 6", "\"step\": 6");
    List<Problem> problems = problems(bad);
    // the policy's own fields are checked with its parts: effectiveTo was told only once max had been mended
    assertEquals(List.of(Problem.of("p.json: $.effectiveTo", "2020-01-01 is before effectiveFrom 2026-01-15 (line 8)"),
        Problem.of("p.json: $.installments.max", "6 is below min 12 (line 14)")), problems);
    List<Problem> dates = problems(sample().replace("\"effectiveTo\": null", "\"effectiveTo\": \"2020-01-01\""));
    assertEquals("p.json: $.effectiveTo", dates.get(0).location());
    assertTrue(dates.get(0).reason().contains("before effectiveFrom"));
  }

  @Test
  void anIdentifierProblemIsListedWithThoseOfTheParts() {
    List<Problem> problems = problems(sample().replace("\"platformId\": \"demo-consumer-finance\"", "\"platformId\": \"\"")
        .replace("\"version\": \"2026-01-15\"", "\"version\": \"2026-01-15\\t\"")
        .replace("\"schemaVersion\": 1", "\"schemaVersion\": 2")
        .replace("\"step\": 6", "\"step\": 0"));
    assertEquals(List.of("p.json: $.schemaVersion", "p.json: $.platformId", "p.json: $.version", "p.json: $.installments.step"),
        problems.stream().map(Problem::location).toList());
  }

  @Test
  void stepThatCannotReachMaxIsReported() {
    List<Problem> problems = problems(sample().replace("\"step\": 6", "\"step\": 5"));
    assertEquals("p.json: $.installments.step", problems.get(0).location());
    assertEquals("no term reaches max 36 from min 12 in steps of 5 (line 14)", problems.get(0).reason());
  }

  @Test
  void missingFieldsAndWrongTypesAreNamed() {
    List<Problem> problems = problems(sample().replace("\"minOverdueDays\": 91,", "")
        .replace("\"schemaVersion\": 1", "\"schemaVersion\": \"one\""));
    List<String> where = problems.stream().map(Problem::location).toList();
    assertTrue(where.contains("p.json: $.eligibility.minOverdueDays"), where.toString());
    assertTrue(where.contains("p.json: $.schemaVersion"), where.toString());
  }

  @Test
  void anAnnualRateNoScheduleCanUseIsRefusedInTheFileNotWhenACaseIsCalculated() {
    // 0.0600000000000001 validated, and every case with a debt of the platform then failed with
    // "annualRate: ... has more than 12 decimals", naming neither the file nor the platform
    List<Problem> problems = problems(sample().replace("\"annualRate\": \"0.06\"", "\"annualRate\": \"0.0600000000000001\""));
    assertEquals(List.of(Problem.of("p.json: $.installments.annualRate", "'0.0600000000000001' has 16 decimals; at most 12 (line 14)")),
        problems);
    assertTrue(validator.validate(sample().replace("\"annualRate\": \"0.06\"", "\"annualRate\": \"0.060000000001000\"")
        .getBytes(StandardCharsets.UTF_8), "p.json").valid(), "12 decimals and trailing zeros are fine");
  }

  @Test
  void platformIdAndVersionAreOneLineOfVisibleTextAsADebtsPlatformIdIs() {
    // a zero-width space pasted from a web page: the file validated, and no debt could ever name its platform
    // (a debt's platformId refuses the character), so every debt of the lender was "unknown platform"
    List<Problem> invisible = problems(sample().replace("\"platformId\": \"demo-consumer-finance\"",
        "\"platformId\": \"demo-consumer-finance\u200b\""));
    assertEquals(List.of("p.json: $.platformId"), invisible.stream().map(Problem::location).toList());
    assertTrue(invisible.get(0).reason().contains("U+200B at position 22"), invisible.toString());
    // a line break in the label forged a line of 'policy validate' and of the plan report
    List<Problem> twoLines = problems(sample().replace("\"version\": \"2026-01-15\"", "\"version\": \"2026-01-15\\nOK  forged\""));
    assertEquals(List.of("p.json: $.version"), twoLines.stream().map(Problem::location).toList());
    List<Problem> tooLong = problems(sample().replace("\"platformId\": \"demo-consumer-finance\"",
        "\"platformId\": \"" + "p".repeat(129) + "\""));
    assertEquals(List.of(Problem.of("p.json: $.platformId", "is 129 characters; at most 128 (line 3)")), tooLong);
  }

  @Test
  void legalReferencesAndTheSourceAreOneLineOfVisibleTextToo() {
    // each reference is a numbered line of every script's legal basis: "\r\n5. 《伪造》第九十九条" printed a forged fifth
    // citation, and an ESC reached a counsellor's terminal
    List<Problem> problems = problems(sample()
        .replace("\"legalBasis\": [\"《中华人民共和国民法典》第六百八十条\"]",
            "\"legalBasis\": [\"《民法典》第一条\\r\\n5. 《伪造》第九十九条\", \"第二条\\u001b[2J\", \" \"]")
        .replace("\"kind\": \"EXAMPLE\"", "\"kind\": \"EXAMPLE\\n\", \"url\": \"https://x.example/\\u202e\"")
        .replace("\"note\": \"Illustrative", "\"note\": \"\\u001b[31mIllustrative"));
    assertEquals(List.of("p.json: $.legalBasis[0]", "p.json: $.legalBasis[1]", "p.json: $.legalBasis[2]",
        "p.json: $.source.kind", "p.json: $.source.note", "p.json: $.source.url"),
        problems.stream().map(Problem::location).toList());
    assertTrue(problems.get(0).reason().contains("U+000D at position 9"), problems.toString());
    assertEquals("must not be empty (line 17)", problems.get(2).reason());
    List<Problem> tooLong = problems(sample().replace("\"legalBasis\": [\"", "\"legalBasis\": [\"" + "条".repeat(1000)));
    assertEquals(List.of(Problem.of("p.json: $.legalBasis[0]", "is 1018 characters; at most 1000 (line 17)")), tooLong);
  }

  /**
   * Every credit-card script cites 《商业银行信用卡业务监督管理办法》第七十条 (individual installment agreements of at most five
   * years): a card policy with "max": 84 validated, the solver proposed 75 and 78 months, and each script cited the
   * five-year provision to the bank.
   */
  @Test
  void aPolicyCoveringCreditCardsMayNotGoBeyondSixtyMonths() {
    String card = new String(Samples.bytes("samples/policies/demo-credit-card.json"), StandardCharsets.UTF_8);
    assertTrue(card.contains("\"max\": 60,"), card);
    List<Problem> problems = problems(card.replace("\"max\": 60,", "\"max\": 84,"));
    assertEquals(List.of("p.json: $.installments.max"), problems.stream().map(Problem::location).toList());
    assertTrue(problems.get(0).reason().startsWith("84 months in a policy covering CREDIT_CARD; 《商业银行信用卡业务监督管理办法》第七十条"
        + " limits a credit card's individual installment agreement to 5 years (60 months)"), problems.toString());
    // with another product type too, and told with the other problems of the file
    List<Problem> mixed = problems(sample().replace("\"max\": 36", "\"max\": 72")
        .replace("\"productTypes\": [\"CONSUMER_LOAN\"]", "\"productTypes\": [\"CONSUMER_LOAN\", \"CREDIT_CARD\"]")
        .replace("\"version\": \"2026-01-15\"", "\"version\": \"\""));
    assertEquals(List.of("p.json: $.version", "p.json: $.installments.max"), mixed.stream().map(Problem::location).toList());
    // other product types keep their long terms
    assertTrue(validator.validate(sample().replace("\"max\": 36", "\"max\": 72").getBytes(StandardCharsets.UTF_8), "p.json")
        .valid());
    // and a policy built in code is held to it as well
    Policy cards = validator.validate(card.getBytes(StandardCharsets.UTF_8), "p.json").orElseThrow();
    Policy.Installments i = cards.installments();
    io.github.fenqi.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.InvalidInputException.class, () -> new Policy(cards.schemaVersion(), cards.platformId(),
            cards.platformName(), cards.productTypes(), cards.version(), cards.effectiveFrom(), cards.effectiveTo(),
            cards.eligibility(), new Policy.Installments(i.min(), 61, i.step(), i.method(), i.annualRate(), i.monthlyFeeRate()),
            cards.waivers(), cards.downPayment(), cards.legalBasis(), cards.source()));
    assertEquals("installments.max", e.problems().get(0).location());
    // terms wrong on their own are told as such, not also as a card's: 400 is no term at all, and a step that misses
    // max says so alone (the five-year rule is asked of terms that hold together)
    assertEquals(List.of(Problem.of("p.json: $.installments.max", "400 is outside 1..360 months (line 14)")),
        problems(card.replace("\"max\": 60,", "\"max\": 400,")));
    assertEquals(List.of("p.json: $.installments.step"),
        problems(card.replace("\"max\": 60, \"step\": 1,", "\"max\": 72, \"step\": 7,")).stream()
            .map(Problem::location).toList());
  }

  /**
   * An amount may be a JSON number with at most two decimals, as in a case: read through a double, 12345678.90 had
   * been refused as "'1.23456789E7' is in exponent notation" (digits the file did not hold), and 99999999999999.99 as
   * '9.999999999999998E13'.
   */
  @Test
  void anAmountWrittenAsAJsonNumberIsReadAsWrittenNotThroughADouble() {
    for (String amount : List.of("12345678.90", "99999999999999.99", "0.10")) {
      Policy p = validator.validate(sample().replace("\"minOutstanding\": \"1000.00\"", "\"minOutstanding\": " + amount)
          .getBytes(StandardCharsets.UTF_8), "p.json").orElseThrow();
      assertEquals(io.github.fenqi.core.money.Money.of(amount), p.eligibility().minOutstanding());
    }
    List<Problem> shortened = problems(sample().replace("\"minOutstanding\": \"1000.00\"", "\"minOutstanding\": 1.23E+7"));
    assertEquals(List.of("p.json: $.eligibility.minOutstanding"), shortened.stream().map(Problem::location).toList());
    assertTrue(shortened.get(0).reason().startsWith("'1.23E+7' is in exponent notation"), shortened.toString());
  }

  /**
   * An amount, rate or ratio written with an exponent is refused as written, as in a case: the tree holds {@code 1.5e1}
   * as 15 and {@code 5e-1} as 0.5, and such a policy had loaded, while {@code 1e1} (held as 1E+1) was refused.
   */
  @Test
  void anAmountRateOrRatioWithAnExponentIsRefusedAsWrittenWhateverTheTreeHolds() {
    for (String amount : List.of("1.5e1", "1E3", "1.00e+3", "100000e-2")) {
      assertEquals(List.of(Problem.of("p.json: $.eligibility.minOutstanding", "'" + amount + "' is in exponent "
          + "notation; write the amount in full, such as \"48000.00\" (a spreadsheet may have shortened it) (line 12)")),
          problems(sample().replace("\"minOutstanding\": \"1000.00\"", "\"minOutstanding\": " + amount)), amount);
    }
    for (String rate : List.of("6e-2", "6E-2", "0.6e-1")) {
      assertEquals(List.of(Problem.of("p.json: $.installments.annualRate", "'" + rate + "' is not a decimal number "
          + "such as \"0.06\" (line 14)")),
          problems(sample().replace("\"annualRate\": \"0.06\"", "\"annualRate\": " + rate)), rate);
    }
    assertEquals(List.of(Problem.of("p.json: $.downPayment.minRatio", "'5e-2' is not a decimal number such as \"0.5\" "
        + "(line 16)")), problems(sample().replace("\"minRatio\": \"0.05\"", "\"minRatio\": 5e-2")));
    // the same values written in full load
    Policy p = validator.validate(sample().replace("\"minOutstanding\": \"1000.00\"", "\"minOutstanding\": 15")
        .replace("\"annualRate\": \"0.06\"", "\"annualRate\": 0.06").replace("\"minRatio\": \"0.05\"",
        "\"minRatio\": 0.05").getBytes(StandardCharsets.UTF_8), "p.json").orElseThrow();
    assertEquals(io.github.fenqi.core.money.Money.of("15"), p.eligibility().minOutstanding());
  }

  /**
   * A policy's dates are exactly YYYY-MM-DD: "+12026-01-01" had been a policy in force from the year 12026 and
   * "-0001-01-01" one in force since 2 BC, both valid without a word.
   */
  @Test
  void aDateWithASignedOrLongerYearIsRefusedWithItsFieldAndLine() {
    assertEquals(List.of(Problem.of("p.json: $.effectiveFrom", "'+12026-01-01' is not a valid date YYYY-MM-DD: the "
        + "year is four digits without a sign (line 7)")),
        problems(sample().replace("\"effectiveFrom\": \"2026-01-15\"", "\"effectiveFrom\": \"+12026-01-01\"")));
    assertEquals(List.of(Problem.of("p.json: $.effectiveFrom", "'-0001-01-01' is not a valid date YYYY-MM-DD: the "
        + "year is four digits without a sign (line 7)")),
        problems(sample().replace("\"effectiveFrom\": \"2026-01-15\"", "\"effectiveFrom\": \"-0001-01-01\"")));
    assertEquals(List.of(Problem.of("p.json: $.effectiveTo", "'2027-02-29' is not a valid date YYYY-MM-DD: February "
        + "2027 has days 01 to 28 (line 8)")),
        problems(sample().replace("\"effectiveTo\": null", "\"effectiveTo\": \"2027-02-29\"")));
  }

  /** A quoted value never begins a line of its own: 'fenqi policy validate' printed these as forged "OK" lines. */
  @Test
  void aValueWithALineBreakIsQuotedOnOneLine() {
    List<Problem> problems = problems(sample().replace("\"effectiveTo\": null", "\"effectiveTo\": \"x\\nOK  b.json\"")
        .replace("\"minOutstanding\": \"1000.00\"", "\"minOutstanding\": \"1\\r\\nOK\\u2028c.json\""));
    assertEquals(List.of(Problem.of("p.json: $.effectiveTo", "'x\\nOK  b.json' is not a valid date YYYY-MM-DD (line 8)"),
        Problem.of("p.json: $.eligibility.minOutstanding",
            "'1\\r\\nOK\\u2028c.json' is not an amount; expected a decimal such as \"1234.56\" (line 12)")), problems);
  }

  /**
   * A problem of a value named only its field, so in a file laid out one value a line (or with "interest" both in the
   * rates and the waivers) the operator searched for it. A value's problem names its line; a missing field's the line
   * of the object that lacks it; an item of a list, its own line. Read from a real file with a byte-order mark, which
   * takes no line.
   */
  @Test
  void eachProblemOfAFileNamesTheLineOfItsValue(@TempDir Path dir) throws Exception {
    String laidOut = sample()
        .replace("{ \"principal\": \"0\", \"interest\": \"0.5\",", "{\n    \"principal\": \"0\",\n    \"interest\": \"1.5\",")
        .replace("\"minOverdueDays\": 91,", "");
    assertTrue(laidOut.contains("\"interest\": \"1.5\""), laidOut);
    Path file = dir.resolve("laid-out.json");
    byte[] text = laidOut.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[text.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bom, 3, text.length);
    Files.write(file, bom);
    List<String> lines = laidOut.lines().toList();
    assertEquals(List.of(
        Problem.of(file + ": $.eligibility.minOverdueDays", "is required (in the object at line 9)"),
        Problem.of(file + ": $.waivers.interest", "'1.5' is outside 0..1 (line 17)")), validator.validate(file).problems());
    assertTrue(lines.get(8).contains("\"eligibility\""), lines.get(8));
    assertTrue(lines.get(16).contains("\"interest\": \"1.5\""), lines.get(16));
    // an item of a list names its own line
    String listed = sample().replace("\"legalBasis\": [\"", "\"legalBasis\": [\n    \"ok\",\n    \"\",\n    \"");
    assertEquals(List.of(Problem.of("p.json: $.legalBasis[1]", "must not be empty (line 19)")), problems(listed));
    assertEquals("\"\",", listed.lines().toList().get(18).trim());
    // an unknown field, and a misspelt one, name theirs
    assertEquals(List.of(Problem.of("p.json: $.eligibility.minOverdueDay", "unknown field; known fields: "
        + "[minOverdueDays, requiresHardshipProof, minOutstanding] (line 10)"),
        Problem.of("p.json: $.eligibility.minOverdueDays", "is required (in the object at line 9)")),
        problems(sample().replace("\"minOverdueDays\"", "\"minOverdueDay\"")));
    // a field missing from the file's own object is named by its path alone: that object is the whole file, and an
    // "(in the object at line 1)" would point at the first line whatever the field
    String noVersion = sample().replace("  \"version\": \"2026-01-15\",\n", "");
    assertEquals(List.of(Problem.of("p.json: $.version", "is required")), problems(noVersion));
  }

  /**
   * A 0-byte file, or one of white space only, was "$: must be a JSON object", as if it held some other value: it is
   * said to be empty, with its size.
   */
  @Test
  void anEmptyFileIsSaidToBeEmpty(@TempDir Path dir) throws Exception {
    Path empty = Files.write(dir.resolve("empty.json"), new byte[0]);
    assertEquals(List.of(Problem.of(empty + ": $", "is empty (0 bytes, no JSON value); a policy is one JSON object")),
        validator.validate(empty).problems());
    assertEquals(List.of(Problem.of("p.json: $", "is empty (3 bytes, no JSON value); a policy is one JSON object")),
        problems(" \n\t"));
    assertEquals(List.of(Problem.of("p.json: $", "must be a JSON object")), problems("[]"));
  }

  @Test
  void malformedJsonNamesTheLine() {
    List<Problem> problems = problems("{\n  \"platformId\": \"x\",\n  \"version\" \"1\"\n}");
    assertEquals(1, problems.size());
    assertEquals("p.json: line 3", problems.get(0).location());
  }

  @Test
  void unsupportedSchemaVersionIsRejected() {
    List<Problem> problems = problems(sample().replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
    assertEquals("p.json: $.schemaVersion", problems.get(0).location());
  }

  /**
   * A policy of method INTEREST_FREE with an annual rate of 18 % and a monthly fee of 0.6 % validated, and its plans
   * charged neither without a word (INTEREST_FREE schedules charge nothing, whatever the rates): each rate is named.
   */
  @Test
  void anInterestFreePolicyThatStatesARateIsRefusedNamingIt() {
    String free = sample().replace("\"method\": \"EQUAL_INSTALLMENT\"", "\"method\": \"INTEREST_FREE\"");
    assertTrue(validator.validate(free.replace("\"annualRate\": \"0.06\"", "\"annualRate\": \"0\"")
        .getBytes(StandardCharsets.UTF_8), "p.json").valid());
    List<Problem> problems = problems(free.replace("\"annualRate\": \"0.06\"", "\"annualRate\": \"0.18\"")
        .replace("\"monthlyFeeRate\": \"0\"", "\"monthlyFeeRate\": \"0.006\""));
    assertEquals(List.of(
        Problem.of("p.json: $.installments.annualRate", "'0.18' is not charged by method INTEREST_FREE (interest "
            + "stopped, no fee); write \"0\", or the method that charges it (line 14)"),
        Problem.of("p.json: $.installments.monthlyFeeRate", "'0.006' is not charged by method INTEREST_FREE (interest "
            + "stopped, no fee); write \"0\", or the method that charges it (line 14)")), problems);
  }

  /**
   * A minOverdueDays no debt can reach — beyond {@link io.github.fenqi.core.debt.Debt#MAX_OVERDUE_DAYS}, the most a
   * debt may be overdue — had validated ({@code 9100} for 91, {@code 2147483647}), and every debt of the lender was then
   * ineligible, each for a reason that pointed at the debt, not at the policy's typo. The file is refused naming the
   * field, its line and the bound; the bound itself is a policy that admits the oldest debts.
   */
  @Test
  void aMinimumOfOverdueDaysNoDebtCanReachIsRefusedNamingItsLine() {
    for (String written : List.of("36526", "2147483647")) {
      assertEquals(List.of(Problem.of("p.json: $.eligibility.minOverdueDays", written + " is more than 36525, the most "
          + "days a debt may be overdue (100 years): no debt could ever be eligible; is it in days? (line 10)")),
          problems(sample().replace("\"minOverdueDays\": 91", "\"minOverdueDays\": " + written)), written);
    }
    assertTrue(validator.validate(sample().replace("\"minOverdueDays\": 91", "\"minOverdueDays\": 36525")
        .getBytes(StandardCharsets.UTF_8), "p.json").valid());
  }

  /**
   * A max one below min is refused, where a max equal to min is a policy of that one term: refusing only a max further
   * below (the mutant {@code max + 1 < min}) would let a policy of 12..11 months validate with no term at all.
   */
  @Test
  void aMaxOneBelowMinIsRefusedAndAMaxEqualToMinIsOneTerm() {
    assertEquals(List.of(Problem.of("p.json: $.installments.max", "11 is below min 12 (line 14)")),
        problems(sample().replace("\"max\": 36", "\"max\": 11")));
    PolicyValidator.Result one = validator.validate(sample().replace("\"max\": 36", "\"max\": 12")
        .getBytes(StandardCharsets.UTF_8), "p.json");
    assertEquals(List.of(), one.problems());
    assertEquals(List.of(12), one.orElseThrow().allowedTerms());
  }

  /**
   * The optional fields may be left out, not only given as null: a policy without {@code effectiveTo} applies while
   * current, one without {@code legalBasis} cites nothing, and a source need give no note or URL.
   */
  @Test
  void theOptionalFieldsMayBeLeftOut() {
    String without = sample().replace("  \"effectiveTo\": null,\n", "")
        .replace("  \"legalBasis\": [\"《中华人民共和国民法典》第六百八十条\"],\n", "")
        .replaceAll(", \"note\": \"[^\"]*\"", "");
    assertFalse(without.contains("effectiveTo") || without.contains("legalBasis") || without.contains("note"), without);
    PolicyValidator.Result r = validator.validate(without.getBytes(StandardCharsets.UTF_8), "p.json");
    assertEquals(List.of(), r.problems());
    Policy p = r.policy().orElseThrow();
    assertEquals(null, p.effectiveTo());
    assertEquals(List.of(), p.legalBasis());
  }

  /**
   * Every problem at once (the class's Javadoc): a rule violation of the eligibility block is listed with the
   * installments', each with its line, not only once the terms are mended; and a flag written as text is a wrong type,
   * refused as such, not read as the flag.
   */
  @Test
  void anEligibilityViolationIsListedWithTheTermsAndAFlagIsTrueOrFalse() {
    assertEquals(List.of(Problem.of("p.json: $.eligibility.minOverdueDays", "-1 is negative (line 10)"),
        Problem.of("p.json: $.installments.max", "6 is below min 12 (line 14)")),
        problems(sample().replace("\"minOverdueDays\": 91", "\"minOverdueDays\": -1").replace("\"max\": 36", "\"max\": 6")));
    assertEquals(List.of(Problem.of("p.json: $.eligibility.requiresHardshipProof", "expected true or false, got \"true\" "
        + "(line 11)")), problems(sample().replace("\"requiresHardshipProof\": true", "\"requiresHardshipProof\": \"true\"")));
  }

  /**
   * Every problem at once, also beside a value that does not read or a field the format does not know: the rules of
   * every field and part that read are checked too. A waiver cap of 1.5 or a misspelt key had been the file's only
   * problems, and an effectiveTo before effectiveFrom or a max below min was told only once they were mended.
   */
  @Test
  void aValueThatDoesNotReadOrAnUnknownFieldHidesNoOtherProblem() {
    String known = "[minOverdueDays, requiresHardshipProof, minOutstanding]";
    assertEquals(List.of(
        Problem.of("p.json: $.eligibility.colour", "unknown field; known fields: " + known + " (line 10)"),
        Problem.of("p.json: $.waivers.interest", "'1.5' is outside 0..1 (line 15)"),
        Problem.of("p.json: $.effectiveTo", "2026-01-01 is before effectiveFrom 2026-01-15 (line 8)"),
        Problem.of("p.json: $.eligibility.minOverdueDays", "-1 is negative (line 10)"),
        Problem.of("p.json: $.installments.max", "6 is below min 12 (line 14)")),
        problems(sample().replace("\"effectiveTo\": null", "\"effectiveTo\": \"2026-01-01\"")
            .replace("\"minOverdueDays\": 91", "\"colour\": \"red\", \"minOverdueDays\": -1")
            .replace("\"max\": 36", "\"max\": 6").replace("\"interest\": \"0.5\"", "\"interest\": \"1.5\"")));
    // a part whose one fault is a key the format does not know is told so once: its binding leaves the key out
    assertEquals(List.of(Problem.of("p.json: $.installments.colour", "unknown field; known fields: [min, max, step, "
        + "method, annualRate, monthlyFeeRate] (line 14)")),
        problems(sample().replace("\"max\": 36", "\"max\": 36, \"colour\": 1")));
    // a field that does not read is told once, by what is wrong with it, and the rules it takes part in are left out
    assertEquals(List.of(
        Problem.of("p.json: $.platformName", "expected a string, got 5 (line 4)"),
        Problem.of("p.json: $.productTypes[0]", "unknown product type \"CARD\"; expected one of "
            + java.util.Arrays.toString(io.github.fenqi.core.debt.ProductType.values()) + " (line 5)"),
        Problem.of("p.json: $.effectiveFrom", "'2026-1-15' is not a valid date YYYY-MM-DD: the month and the day take "
            + "two digits each (line 7)"),
        Problem.of("p.json: $.downPayment.minRatio", "'-0.05' is outside 0..1 (line 16)"),
        Problem.of("p.json: $.schemaVersion", "2 is not supported; expected 1 (line 2)")),
        problems(sample().replace("\"2026-01-15\",\n  \"effectiveTo\": null", "\"2026-1-15\",\n  \"effectiveTo\": null")
            .replace("[\"CONSUMER_LOAN\"]", "[\"CARD\"]").replace("\"示例消费金融公司\"", "5")
            .replace("\"schemaVersion\": 1", "\"schemaVersion\": 2").replace("\"0.05\"", "\"-0.05\"")));
  }

  /**
   * An unknown product type is named with the known ones, its place in the list and its line (the class's "unknown
   * enum values"); each one is. The list had been named for its first wrong item alone, with the list's first line.
   */
  @Test
  void anUnknownProductTypeIsNamed() {
    String types = java.util.Arrays.toString(io.github.fenqi.core.debt.ProductType.values());
    assertEquals(List.of(Problem.of("p.json: $.productTypes[1]", "unknown product type \"MORTGAGE\"; expected one of "
        + types + " (line 5)")),
        problems(sample().replace("[\"CONSUMER_LOAN\"]", "[\"CONSUMER_LOAN\", \"MORTGAGE\"]")));
    assertEquals(List.of(
        Problem.of("p.json: $.productTypes[0]", "unknown product type \"CAR_LOAN\"; expected one of " + types
            + " (line 6)"),
        Problem.of("p.json: $.productTypes[2]", "unknown product type 7; expected one of " + types + " (line 8)")),
        problems(sample().replace("[\"CONSUMER_LOAN\"]", "[\n    \"CAR_LOAN\",\n    \"CONSUMER_LOAN\",\n    7\n  ]")));
  }

  /** A legal basis that is no string is named by its place, as an empty one is; the list had been named. */
  @Test
  void aLegalBasisThatIsNoStringIsNamedByItsPlace() {
    assertEquals(List.of(Problem.of("p.json: $.legalBasis[1]", "expected a string, found 680 (line 17)")),
        problems(sample().replace("第六百八十条\"]", "第六百八十条\", 680]")));
  }
}
