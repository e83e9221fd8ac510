package io.github.fenqi.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class FenqiJsonTest {
  private final ObjectMapper mapper = FenqiJson.newMapper();

  record Holder(List<Debt> debts) {}

  private static String debt(String principal) {
    return "{\"id\":\"d1\",\"platformId\":\"p\",\"productType\":\"CREDIT_CARD\",\"principal\":" + principal
        + ",\"interest\":\"1.00\",\"penaltyInterest\":\"0\",\"compoundInterest\":\"0\",\"lateFees\":\"0\","
        + "\"otherFees\":\"0\",\"annualRate\":\"0.18\",\"overdueDays\":30}";
  }

  private Holder read(String json) {
    return FenqiJson.read(mapper, json.getBytes(StandardCharsets.UTF_8), Holder.class, "case.json");
  }

  @Test
  void readsMoneyFromDecimalStringsAndWritesItBack() {
    Holder h = read("{\"debts\":[" + debt("\"48000.10\"") + "]}");
    Debt d = h.debts().get(0);
    assertEquals(Money.of("48000.10"), d.principal());
    assertEquals(ProductType.CREDIT_CARD, d.productType());
    assertTrue(FenqiJson.write(mapper, d).contains("\"principal\" : \"48000.10\""));
  }

  @Test
  void moneyErrorNamesSourceAndJsonPath() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> read("{\"debts\":[" + debt("\"1\"") + "," + debt("\"12.345\"") + "]}"));
    assertEquals("case.json: debts[1].principal: '12.345' has 3 decimals; money has at most 2", e.getMessage());
  }

  /**
   * An amount, rate or ratio read alone is located at its own place: at the root, the file; in a list, its index. The
   * root's had been named "amount" (or "rate") without the file, and a list's "[1].amount", a field no file holds.
   */
  @Test
  void aLoneAmountIsLocatedAtItsPlaceNotAtAnAmountField() {
    assertEquals(List.of(Problem.of("in.json", "'1.234' has 3 decimals; money has at most 2")),
        refused("\"1.234\"", Money.class));
    assertEquals(List.of(Problem.of("in.json: [1]", "'1.234' has 3 decimals; money has at most 2")),
        refused("[\"1.00\", \"1.234\"]", Money[].class));
    assertEquals(List.of(Problem.of("in.json: [0]", "expected an amount as a decimal string such as \"1234.56\", got "
        + "true")), refused("[true]", Money[].class));
    assertEquals(List.of(Problem.of("in.json", "'abc' is not a decimal number such as \"0.06\"")),
        refused("\"abc\"", io.github.fenqi.core.money.Rate.class));
    assertEquals(List.of(Problem.of("in.json: [0]", "'2' is outside 0..1")),
        refused("[\"2\"]", io.github.fenqi.core.money.Ratio[].class));
    // in a record, as before: the field's path
    assertEquals("case.json: debts[0].principal: '1.234' has 3 decimals; money has at most 2", assertThrows(
        InvalidInputException.class, () -> read("{\"debts\":[" + debt("\"1.234\"") + "]}")).getMessage());
  }

  @Test
  void aLoneValueReadAsNullSaysWhatWasExpectedOfIt() {
    // an amount, rate or ratio is written as a string, not as an object: "expected an object" had misled
    assertEquals(List.of(Problem.of("in.json", "is JSON null; expected a string")), refused("null", Money.class));
    assertEquals(List.of(Problem.of("in.json", "is JSON null; expected a string")), refused("null", Rate.class));
    assertEquals(List.of(Problem.of("in.json", "is JSON null; expected an object")), refused("null", Debt.class));
  }

  private List<Problem> refused(String json, Class<?> type) {
    return assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        json.getBytes(StandardCharsets.UTF_8), type, "in.json")).problems();
  }

  @Test
  void constructorProblemsAreAllListedWithPath() {
    String bad = debt("\"-5\"").replace("\"overdueDays\":30", "\"overdueDays\":-1");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("{\"debts\":[" + bad + "]}"));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertEquals("case.json: debts[0].principal", e.problems().get(0).location());
    assertEquals("case.json: debts[0].overdueDays", e.problems().get(1).location());
  }

  /**
   * Jackson stops at the first bad part; each part is bound again on its own so that every bad one is named, and
   * within a bad element each field (two unreadable amounts of one debt). A field that cannot be read still hides
   * the checks of its element's constructor (a negative overdue count beside it), which need every field.
   */
  @Test
  void everyBadElementIsListedNotOnlyTheFirst() {
    String negative = debt("\"-5\"");
    String notAnAmount = debt("\"abc\"");
    String twoUnreadable = debt("\"1.234\"").replace("\"interest\":\"1.00\"", "\"interest\":\"x\"");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> read("{\"debts\":[" + negative + "," + debt("\"1\"") + "," + notAnAmount + "," + twoUnreadable + "]}"));
    assertEquals(List.of("case.json: debts[0].principal", "case.json: debts[2].principal",
        "case.json: debts[3].principal", "case.json: debts[3].interest"),
        e.problems().stream().map(p -> p.location()).toList(), e.getMessage());
    assertEquals("'-5.00' is negative", e.problems().get(0).reason());
    assertTrue(e.problems().get(1).reason().startsWith("'abc' is not an amount"), e.getMessage());
    assertEquals("'1.234' has 3 decimals; money has at most 2", e.problems().get(2).reason());
  }

  @Test
  void aBadScalarPartIsNamedByItsField() {
    record Dated(java.time.LocalDate asOf, List<Debt> debts) {}
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        ("{\"debts\":[" + debt("\"-1\"") + "], \"asOf\": \"2026-13-01\"}").getBytes(StandardCharsets.UTF_8),
        Dated.class, "case.json"));
    assertEquals(List.of("case.json: debts[0].principal", "case.json: asOf"),
        e.problems().stream().map(p -> p.location()).toList(), e.getMessage());
  }

  /**
   * A part renamed in JSON ({@code @JsonProperty("case")}, as the REST service's submission names its case) is bound
   * on its own under its JSON name: it was looked up by the component's name, found absent, and only the first bad
   * debt of a submission was named.
   */
  @Test
  void aPartRenamedInJsonIsBoundOnItsOwnUnderItsJsonName() {
    record Wrapped(@com.fasterxml.jackson.annotation.JsonProperty("case") Holder negotiationCase, String strategy) {}
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        ("{\"case\": {\"debts\":[" + debt("\"-1\"") + "," + debt("\"abc\"") + "]}, \"strategy\": \"x\"}")
            .getBytes(StandardCharsets.UTF_8), Wrapped.class, "body"));
    assertEquals(List.of("body: case.debts[0].principal", "body: case.debts[1].principal"),
        e.problems().stream().map(p -> p.location()).toList(), e.getMessage());
  }

  /** A rate or ratio read from a string is named by its field alone: the path once ended in {@code .rate}. */
  @Test
  void aBadRateOrRatioIsNamedByItsField() {
    record Terms(io.github.fenqi.core.money.Rate annualRate, io.github.fenqi.core.money.Ratio minRatio) {}
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        "{\"annualRate\": \"18.25%\", \"minRatio\": \"1.5\"}".getBytes(StandardCharsets.UTF_8), Terms.class, "terms.json"));
    assertEquals("terms.json: annualRate", e.problems().get(0).location(), e.getMessage());
    assertEquals("'18.25%' is not a decimal number such as \"0.06\"", e.problems().get(0).reason());
    e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        "{\"annualRate\": \"0.18\", \"minRatio\": \"1.5\"}".getBytes(StandardCharsets.UTF_8), Terms.class, "terms.json"));
    assertEquals(List.of("terms.json: minRatio"), e.problems().stream().map(p -> p.location()).toList(), e.getMessage());
    assertEquals("rate", assertThrows(InvalidInputException.class, () -> io.github.fenqi.core.money.Rate.of("x"))
        .problems().get(0).location(), "called directly, the value names itself");
  }

  @Test
  void unknownFieldIsRejectedByName() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> read("{\"debts\":[], \"debtz\": 1}"));
    assertTrue(e.getMessage().contains("unknown field 'debtz'"), e.getMessage());
  }

  /**
   * A misspelt field is named even when the record's constructor refuses the object for the field it was meant to be:
   * Jackson reports unknown fields only after the constructor, so "princpal" gave "principal: is required" alone, and
   * the writer saw no reason for it. A field unknown to an object that binds is named once, not by both readers.
   */
  @Test
  void aMisspeltFieldIsNamedAlongWithTheRequiredOneItLeftOut() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> read("{\"debts\":[" + debt("\"1.00\"").replace("\"principal\"", "\"princpal\"") + "]}"));
    assertTrue(e.problems().stream().anyMatch(p -> p.location().equals("case.json: debts[0].principal")),
        e.getMessage());
    assertTrue(e.problems().stream().anyMatch(p -> p.location().equals("case.json: debts[0].princpal")
        && p.reason().startsWith("unknown field 'princpal'; known fields: [annualRate, compoundInterest, id,")),
        e.getMessage());
    InvalidInputException once = assertThrows(InvalidInputException.class, () -> read("{\"debts\":[], \"debtz\": 1}"));
    assertEquals(List.of(Problem.of("case.json: debtz", "unknown field 'debtz'; known fields: [debts]")),
        once.problems());
  }

  /**
   * A schedule's totalPayable and annualizedRate are written with it and checked when read back: an unknown field
   * beside them had been named twice, once with the fields Jackson reads and once with those two as well. As a schedule
   * is written, they are no unknown fields when something else is wrong.
   */
  @Test
  void aFieldUnknownToAScheduleIsNamedOnceAndItsWrittenFiguresAreNotUnknown() throws Exception {
    ObjectMapper mapper = FenqiJson.newMapper();
    String written = mapper.writeValueAsString(io.github.fenqi.core.schedule.Amortizer.of(
        io.github.fenqi.core.schedule.RepaymentMethod.EQUAL_PRINCIPAL, io.github.fenqi.core.money.Rate.of("0.12"),
        io.github.fenqi.core.money.Rate.ZERO).schedule(Money.of("100.00"), 2));
    InvalidInputException once = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        written.replaceFirst("\\{", "{\"x\": 1, ").getBytes(StandardCharsets.UTF_8),
        io.github.fenqi.core.schedule.Schedule.class, "s.json"));
    assertEquals(List.of(Problem.of("s.json: x",
        "unknown field 'x'; known fields: [annualizedRate, downPayment, financedAmount, installments, method, term, "
        + "totalPayable]")), once.problems());
    InvalidInputException negative = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        written.replace("\"downPayment\" : \"0.00\"", "\"downPayment\" : \"-1.00\"").getBytes(StandardCharsets.UTF_8),
        io.github.fenqi.core.schedule.Schedule.class, "s.json"));
    assertEquals(List.of(Problem.of("s.json: downPayment", "'-1.00' is negative")), negative.problems());
  }

  private static final List<String> DEBT_FIELDS = List.of("id", "platformId", "productType", "principal", "interest",
      "penaltyInterest", "compoundInterest", "lateFees", "otherFees", "annualRate", "overdueDays");

  /**
   * Every field left out of a debt is named at once, each once: Jackson stops at the first field it refuses to leave
   * out (a whole number, here the overdue days), so an empty debt {@code {}} was told only "overdueDays: is missing",
   * and its id, platform and amounts — which the debt's own checks name — only once that was added.
   */
  @Property(tries = 300)
  void everyFieldLeftOutOfADebtIsNamedAtOnce(@ForAll("debtFieldSubsets") java.util.Set<String> removed) {
    String d = debt("\"1.00\"");
    for (String field : removed) {
      d = d.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*),?", "").replace(",}", "}");
    }
    String json = d;
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("{\"debts\":[" + json + "]}"));
    List<String> named = e.problems().stream().map(Problem::location).sorted().toList();
    assertEquals(removed.stream().map(f -> "case.json: debts[0]." + f).sorted().toList(), named, e.getMessage());
  }

  @Provide
  Arbitrary<java.util.Set<String>> debtFieldSubsets() {
    return Arbitraries.of(DEBT_FIELDS).set().ofMinSize(1);
  }

  /**
   * Fields Jackson refuses to leave out — numbers and true/false, fields marked required — are named together, with
   * the record's own checks of the rest; a check that fails only because a left-out number was taken as 0 (a
   * household of 0 people) is not added to its "is missing".
   */
  @Test
  void fieldsThatMayNotBeLeftOutAreNamedTogetherWithTheRecordsOwnChecks() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        "{\"regionCode\": \"31\", \"liquidSavings\": \"0\"}".getBytes(StandardCharsets.UTF_8),
        io.github.fenqi.core.borrower.Borrower.class, "borrower.json"));
    assertEquals(List.of(Problem.of("borrower.json: householdSize", "is missing or null; expected a whole number"),
        Problem.of("borrower.json: hasHardshipProof", "is missing or null; expected true or false"),
        Problem.of("borrower.json: name", "must not be empty"),
        Problem.of("borrower.json: regionCode", "'31' is not a 6-digit administrative division code such as "
            + "\"310000\"")),
        e.problems());
    InvalidInputException nulls = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        ("{\"name\": \"张三\", \"regionCode\": \"310000\", \"householdSize\": null, \"liquidSavings\": \"0\","
            + " \"hardships\": [], \"hasHardshipProof\": null}").getBytes(StandardCharsets.UTF_8),
        io.github.fenqi.core.borrower.Borrower.class, "borrower.json"));
    assertEquals(List.of(Problem.of("borrower.json: householdSize", "is missing or null; expected a whole number"),
        Problem.of("borrower.json: hasHardshipProof", "is missing or null; expected true or false")),
        nulls.problems(), "null as well as left out: each named, not the first alone");
    record Coefficients(@com.fasterxml.jackson.annotation.JsonProperty(required = true) double a,
        @com.fasterxml.jackson.annotation.JsonProperty(required = true) String b,
        @com.fasterxml.jackson.annotation.JsonProperty(required = true) double c) {}
    InvalidInputException required = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        "{\"c\": null}".getBytes(StandardCharsets.UTF_8), Coefficients.class, "c.json"));
    assertEquals(List.of(Problem.of("c.json: c", "is missing or null; expected a number"), // the one Jackson met
        Problem.of("c.json: a", "is missing or null; expected a number"),
        Problem.of("c.json: b", "is missing or null; expected a string")), required.problems());
  }

  /**
   * A bracket never closed is named with where it was opened, not the parser's "start marker at [Source: REDACTED
   * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 2, column: 10]".
   */
  @Test
  void aBracketNeverClosedNamesWhereItWasOpened() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        "{\n\"rules\": [1, 2".getBytes(StandardCharsets.UTF_8), com.fasterxml.jackson.databind.JsonNode.class,
        "policy.json"));
    assertEquals(List.of(Problem.of("policy.json: line 2", "malformed JSON: Unexpected end-of-input: expected close "
        + "marker for Array (opened at line 2, column 10)")), e.problems());
  }

  @Test
  void malformedJsonNamesTheLine() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("{\n\"debts\": [\n}"));
    assertTrue(e.getMessage().startsWith("case.json: line 3"), e.getMessage());
  }

  /**
   * Content after the document's value is named as such: it was "expected an object" for a record (there was one), and
   * for a tree "Trailing token ... (bound as `com.fasterxml.jackson.databind.JsonNode`): not allowed as per
   * `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`".
   */
  @Test
  void contentAfterTheValueIsNamedNotReadAsAWrongKind() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("{\"debts\":[]}\n{}"));
    assertEquals("case.json: line 2", e.problems().get(0).location(), e.getMessage());
    assertTrue(e.problems().get(0).reason().startsWith("more follows the end of the JSON value"), e.getMessage());
    InvalidInputException tree = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        "{\"a\":1} []".getBytes(StandardCharsets.UTF_8), com.fasterxml.jackson.databind.JsonNode.class, "policy.json"));
    assertTrue(tree.problems().get(0).reason().startsWith("more follows the end of the JSON value"), tree.getMessage());
  }

  /**
   * A document nested deeper than the parser's limit names the limit, not the parser's setting, and no "line 0": it was
   * "line 0: malformed JSON: Document nesting depth (1001) exceeds the maximum allowed (1000, from
   * `StreamReadConstraints.getMaxNestingDepth()`)".
   */
  @Test
  void tooDeepANestingNamesTheLimitWithoutTheParsersSetting() {
    byte[] deep = ("{\"rules\":" + "[".repeat(1100) + "]".repeat(1100) + "}").getBytes(StandardCharsets.UTF_8);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> FenqiJson.read(mapper, deep, com.fasterxml.jackson.databind.JsonNode.class, "policy.json"));
    assertEquals(List.of(Problem.of("policy.json: line 1",
        "malformed JSON: Document nesting depth (1001) exceeds the maximum allowed (1000)")), e.problems());
  }

  /**
   * A document nested too deep names the line of the bracket that went one too deep: the parser checks the depth
   * without a location, and a long file was named by its file alone. A bracket that does not go too deep is not the
   * one named, nor is the line where the nesting ends.
   */
  @Test
  void tooDeepANestingNamesTheLineOfTheBracketThatWentTooDeep() {
    String deep = "{\n  \"rules\": [\n" + "[\n".repeat(997) + "[],\n" + "[[\n]]\n" + "]\n".repeat(997) + "]\n}\n";
    // '{' and '"rules": [' (depth 2), 997 lines of '[' (depth 999); "[]," reaches 1000 and closes; "[[" goes to 1001
    int line = 1 + 1 + 997 + 1 + 1;
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        deep.getBytes(StandardCharsets.UTF_8), com.fasterxml.jackson.databind.JsonNode.class, "policy.json"));
    assertEquals(List.of(Problem.of("policy.json: line " + line,
        "malformed JSON: Document nesting depth (1001) exceeds the maximum allowed (1000)")), e.problems());
    String shallow = deep.replace("[[\n]]", "[\n]"); // at most 1000 deep: read
    assertEquals(1000, FenqiJson.read(mapper, shallow.getBytes(StandardCharsets.UTF_8),
        com.fasterxml.jackson.databind.JsonNode.class, "policy.json").toString().chars().filter(c -> c == '[').count());
  }

  /**
   * A number too long to read, in a part bound on its own, names the limit only: it was "debts[0]: Number value length
   * (1100) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNumberLength()`)".
   */
  @Test
  void aNumberTooLongToReadNamesTheLimitWithoutTheParsersSetting() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> read("{\"debts\":[" + debt("\"1.00\"").replace("\"overdueDays\":30", "\"overdueDays\":" + "3".repeat(1100))
            + "]}"));
    assertEquals(List.of(Problem.of("case.json: debts[0].overdueDays",
        "a number of 1100 digits is too long; a number may have at most 1000")), e.problems());
  }

  /**
   * A number too long to read is named at its own field, in a user's words: a case's 5001-digit monthly income was
   * "case.json: borrower: Number value length (5001) exceeds the maximum allowed (1000)", at the object around it (the
   * parser checks the length before the field's value is bound) and in the parser's words.
   */
  @Test
  void aNumberTooLongToReadIsNamedAtItsFieldInAUsersWords() {
    String sample = new String(io.github.fenqi.core.testkit.Samples.bytes("samples/cases/shanghai-three-debts.json"),
        StandardCharsets.UTF_8);
    String huge = sample.replaceFirst("\"monthlyNetIncome\"\\s*:\\s*\"[^\"]*\"",
        "\"monthlyNetIncome\": 1" + "2".repeat(5000));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        huge.getBytes(StandardCharsets.UTF_8), io.github.fenqi.core.NegotiationRequest.class, "case.json"));
    assertEquals(List.of(Problem.of("case.json: borrower.monthlyNetIncome",
        "a number of 5001 digits is too long; a number may have at most 1000")), e.problems());
    InvalidInputException tree = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        ("{\"rules\": [1, {\"x\": -" + "9".repeat(1001) + "}]}").getBytes(StandardCharsets.UTF_8),
        com.fasterxml.jackson.databind.JsonNode.class, "policy.json"));
    assertEquals(List.of(Problem.of("policy.json: rules[1].x",
        "a number of 1001 digits is too long; a number may have at most 1000")), tree.problems());
  }

  /**
   * A document nested too deep inside a part is malformed JSON as it is at the root: inside the REST submission's
   * case it was "request body: case: Document nesting depth (1001) exceeds the maximum allowed (1000)", without the
   * words every other malformed document gets.
   */
  @Test
  void tooDeepANestingInsideAPartIsMalformedJsonAsAtTheRoot() {
    record Submission(@com.fasterxml.jackson.annotation.JsonProperty("case")
        io.github.fenqi.core.NegotiationRequest negotiationCase, String strategy) {}
    byte[] deep = ("{\"strategy\": \"x\", \"case\": " + "{\"a\":".repeat(1100) + "1" + "}".repeat(1100) + "}")
        .getBytes(StandardCharsets.UTF_8);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> FenqiJson.read(mapper, deep, Submission.class, "request body"));
    assertEquals(List.of(Problem.of("request body: case",
        "malformed JSON: Document nesting depth (1001) exceeds the maximum allowed (1000) (line 1)")), e.problems());
  }

  /**
   * A number whose exponent has hundreds of digits, where a record's parts are read one by one (as exact decimals): the parser threw a NumberFormatException ("value exceeds limits"), which escaped
   * {@link FenqiJson#read} as a stack trace where the document was to be refused naming the file. Found by
   * {@code noProblemNamesTheParsersJavaTypesOrSettings} at random (seed 1316384677676062945).
   */
  @Test
  void aNumberBeyondADecimalsScaleIsRefusedNamingTheFile() {
    String huge = "30" + "1".repeat(400) + "e999999" + "1".repeat(590); // 1000 characters, an exponent of 596 digits
    for (String json : List.of("{\"debts\":[" + debt(huge) + "]}", "{\"debts\":[" + debt("\"1.00\"") + "],\"x\":"
        + huge + "}", "{\"debts\":" + huge + "}")) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> FenqiJson.read(mapper, json.getBytes(StandardCharsets.UTF_8), Holder.class, "case.json"), json);
      assertTrue(e.problems().stream().allMatch(p -> p.location().startsWith("case.json")), e.getMessage());
    }
    JsonNode tree = FenqiJson.exactTree(mapper, ("[" + huge + ", 12345678.90, 7]").getBytes(StandardCharsets.UTF_8));
    assertEquals(Double.POSITIVE_INFINITY, tree.get(0).doubleValue());
    assertEquals(new java.math.BigDecimal("12345678.90"), tree.get(1).decimalValue());
    assertEquals(7, tree.get(2).intValue());
    assertEquals(null, FenqiJson.exactTree(mapper, ("[" + huge + "] 1").getBytes(StandardCharsets.UTF_8)));
    assertEquals(null, FenqiJson.exactTree(mapper, ("{\"a\":" + huge + ",\"a\":1}").getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Every problem of a document holding a number no decimal holds is told, not only the first: its tree had been
   * null, so the other parts were never bound on their own, and a case with that number and a negative principal in
   * another debt was told of one of them alone.
   */
  @Test
  void aNumberNoDecimalHoldsLeavesNoOtherProblemUntold() {
    String json = "{\"debts\":[" + debt("3e99999999999999999999") + "," + debt("\"-1.00\"") + "]}";
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(json));
    assertEquals(List.of("case.json: debts[0].principal", "case.json: debts[1].principal"),
        e.problems().stream().map(Problem::location).toList(), e.getMessage());
  }

  /**
   * Whatever is inserted into a document, each problem is told in JSON's terms: no Java class, no parser setting, no
   * line 0, and nothing but an InvalidInputException.
   */
  @Property(tries = 400)
  void noProblemNamesTheParsersJavaTypesOrSettings(@ForAll("mutations") List<Tuple.Tuple2<Integer, String>> edits,
      @ForAll boolean asTree) {
    StringBuilder json = new StringBuilder("{\"debts\":[" + debt("\"1.00\"") + "]}");
    for (Tuple.Tuple2<Integer, String> edit : edits) {
      json.insert(Math.floorMod(edit.get1(), json.length() + 1), edit.get2());
    }
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    try {
      Class<?> type = asTree ? com.fasterxml.jackson.databind.JsonNode.class : Holder.class;
      FenqiJson.read(mapper, bytes, type, "case.json");
    } catch (InvalidInputException e) {
      for (Problem p : e.problems()) {
        String text = p.location() + ": " + p.reason();
        for (String leak : List.of("`", "com.fasterxml", "java.", "io.github", "Feature '", "line 0", "JsonToken")) {
          assertFalse(text.contains(leak), "'" + leak + "' in " + text + " for " + json);
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<Integer, String>>> mutations() {
    Arbitrary<String> fragment = Arbitraries.of(",", "}", "]", "{", "[", ":", "+1", "01", "1.", ".5", "-", "NaN",
        "Infinity", "'x'", "/* c */", "// c", "#", "\"\\x\"", "\"\\u12\"", "1e999999", "tru", "nul", "\u0001", "\"",
        "\"a\":", "{}", "[]", "null", "true", "\"debts\":1", "1".repeat(1100), "[".repeat(1100), "{\"a\":".repeat(600),
        "\"principal\":\"x\"", "\"overdueDays\":99999999999", "\"productType\":\"X\"", "\"interest\":[]");
    return Combinators.combine(Arbitraries.integers(), fragment).as(Tuple::of).list().ofMinSize(1).ofMaxSize(3);
  }

  /** JSON is UTF-8; a case saved as GBK is told so by name, not only "malformed". */
  @Test
  void aGbkFileIsToldToBeUtf8() {
    byte[] gbk = ("{\n\"debts\": [\n" + debt("\"1.00\"").replace("\"d1\"", "\"上海-1\"") + "]}")
        .getBytes(java.nio.charset.Charset.forName("GBK"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> FenqiJson.read(mapper, gbk, Holder.class, "case.json"));
    assertEquals("case.json: line 3", e.problems().get(0).location(), e.getMessage());
    assertTrue(e.problems().get(0).reason().startsWith("not UTF-8 text"), e.getMessage());
    assertTrue(e.problems().get(0).reason().endsWith("; JSON must be UTF-8 (UTF-16 and UTF-32, known by their first "
        + "bytes, are read too) — a file saved as GBK needs converting, e.g. iconv -f GBK -t UTF-8"), e.getMessage());
  }

  /**
   * The encodings a GBK file's message names as read are read: the same case in UTF-16 or UTF-32, either byte order,
   * is the case read from UTF-8 (the message had said only UTF-8 was, while these loaded).
   */
  @Test
  void utf16AndUtf32AreReadAsTheGbkMessageSays() throws Exception {
    String text = "{\n\"debts\": [\n" + debt("\"1.00\"").replace("\"d1\"", "\"上海-1\"") + "]}";
    Holder utf8 = FenqiJson.read(mapper, text.getBytes(StandardCharsets.UTF_8), Holder.class,
        "case.json");
    for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
      byte[] bytes = text.getBytes(java.nio.charset.Charset.forName(charset));
      assertEquals(utf8, FenqiJson.read(mapper, bytes, Holder.class, "case.json"), charset);
    }
  }

  /**
   * A UTF-8 file that is not JSON where a character of several bytes stands (a bank statement given as a case) was
   * told to be converted from GBK, and one after a value was named as the character of its first byte ('ä').
   */
  @Test
  void aUtf8FileThatIsNotJsonNamesItsCharacterNotAnEncoding() {
    assertEquals(Problem.of("bank_A.csv: line 1", "malformed JSON: unexpected character '交' (column 1)"),
        problemIn("交易时间,金额\n2026-01-05,12.00\n"));
    assertEquals(Problem.of("bank_A.csv: line 3", "malformed JSON: unexpected character 'é' (column 2)"),
        problemIn("{\"a\":\n  [1,\n é]}"));
    assertEquals(Problem.of("bank_A.csv: line 1", "malformed JSON: unexpected character '交' (column 9): was expecting "
        + "comma to separate Object entries"), problemIn("{\"a\": 1 交}"));
    assertEquals(Problem.of("bank_A.csv: line 1", "malformed JSON: unexpected character '\\u202E' (column 11)"),
        problemIn("{\"a\": [1, \u202E]}"));
  }

  private Problem problemIn(String text) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        text.getBytes(StandardCharsets.UTF_8), Holder.class, "bank_A.csv"));
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.problems().get(0);
  }

  @Test
  void floatingPointMoneyUsesTheSourceTextNotADouble() {
    Holder h = read("{\"debts\":[" + debt("0.1") + "]}");
    assertEquals(10, h.debts().get(0).principal().fen());
    assertEquals("'4.8E4' is in exponent notation; write the amount in full, such as \"48000.00\" (a spreadsheet may "
        + "have shortened it)", onlyProblem("{\"debts\":[" + debt("4.8E4") + "]}").reason(), "a JSON number too");
  }

  private Problem onlyProblem(String json) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(json));
    assertEquals(1, e.problems().size(), e.getMessage());
    Problem p = e.problems().get(0);
    for (String javaWords : List.of("`", "JsonToken", "io.github", "java.", "Creator", "CoercionConfig")) {
      assertFalse(p.reason().contains(javaWords), "Jackson's Java words in: " + p.reason());
    }
    return p;
  }

  private Problem debtWith(String field, String value) {
    String d = debt("\"1.00\"");
    String json = d.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*)", "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(value));
    if (value.isEmpty()) { // the field left out
      json = d.replaceFirst(",?\"" + field + "\":(\"[^\"]*\"|[^,}]*)", "");
    }
    assertTrue(!json.equals(d), field);
    return onlyProblem("{\"debts\":[" + json + "]}");
  }

  /**
   * A value of the wrong kind is named in JSON's terms — Jackson's own words name Java types ("Cannot deserialize
   * value of type `java.util.ArrayList<io.github.fenqi.core.debt.Debt>` from Object value") — and a number where a
   * whole number or a string is due is an error, not truncated (1.5 overdue days read as 1) or quoted (an id 5
   * read as "5").
   */
  @Test
  void aValueOfTheWrongKindIsNamedInJsonTerms() {
    assertEquals("expected a whole number, got 1.5", debtWith("overdueDays", "1.5").reason());
    assertEquals("expected a whole number, got the string \"abc\"", debtWith("overdueDays", "\"abc\"").reason());
    assertEquals("expected a whole number, got true", debtWith("overdueDays", "true").reason());
    assertEquals("is missing or null; expected a whole number", debtWith("overdueDays", "").reason());
    assertEquals("is missing or null; expected a whole number", debtWith("overdueDays", "null").reason());
    Problem range = debtWith("overdueDays", "99999999999"); // once, though the debt is read twice
    assertEquals("case.json: debts[0].overdueDays", range.location());
    assertEquals("99999999999 is outside 0..36525", range.reason()); // the field's range (WholeRange), not an int's
    assertEquals("-99999999999 is outside 0..36525", debtWith("overdueDays", "-99999999999").reason());
    // a whole number of a part that states no range is told the range of its Java type
    InvalidInputException lone = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        "99999999999".getBytes(StandardCharsets.UTF_8), Integer.class, "n.json"));
    assertEquals(List.of("n.json: line 1: 99999999999 is out of range; expected a whole number from -2147483648 to "
        + "2147483647"), lone.problems().stream().map(Problem::toString).toList());
    assertEquals("expected a string, got 5", debtWith("id", "5").reason());
    assertEquals("expected a rate as a decimal string such as \"0.06\", got an object",
        debtWith("annualRate", "{}").reason());
    assertEquals("expected an amount as a decimal string such as \"1234.56\", got a list",
        debtWith("principal", "[1]").reason());
    Problem product = debtWith("productType", "\"FOO\"");
    assertEquals("case.json: debts[0].productType", product.location());
    assertTrue(product.reason().startsWith("expected one of [") && product.reason().contains("CREDIT_CARD")
        && product.reason().endsWith("], got \"FOO\""), product.reason());
    Problem list = onlyProblem("{\"debts\": {}}");
    assertEquals("case.json: debts", list.location());
    assertEquals("expected a list, got an object", list.reason());
    assertEquals("expected an object, got a list", onlyProblem("[]").reason());
    assertEquals("expected an object, got the string \"x\"", onlyProblem("{\"debts\": [\"x\"]}").reason());
    assertEquals("expected one of [CREDIT_CARD, CONSUMER_LOAN, ONLINE_LOAN, BANK_LOAN, OTHER], got \"" + "X".repeat(37)
        + "...\"", debtWith("productType", "\"" + "X".repeat(5_000) + "\"").reason(), "a long value is cut, not echoed");
  }

  /**
   * Not only a whole number: any number, or true or false, where a string or a name of a list is due is an error, never
   * read as its text ("5.5", "true") nor a name taken by its position (0 as the first product type); and false where a
   * whole number is due is named as written, false.
   */
  @Test
  void aFractionABooleanOrANumberForANameIsNotReadAsText() {
    assertEquals("expected a string, got 5.5", debtWith("id", "5.5").reason());
    assertEquals("expected a string, got true", debtWith("id", "true").reason());
    assertEquals("expected a string, got false", debtWith("platformId", "false").reason());
    assertEquals("expected a whole number, got false", debtWith("overdueDays", "false").reason());
    Problem product = debtWith("productType", "0");
    assertEquals("case.json: debts[0].productType", product.location());
    assertEquals("expected one of [CREDIT_CARD, CONSUMER_LOAN, ONLINE_LOAN, BANK_LOAN, OTHER], got 0",
        product.reason());
  }

  /**
   * A date or month of the wrong kind is named in JSON's terms, not read from whatever text its token has: a list had
   * been "'[' is not a valid month".
   */
  @Test
  void aDateOrMonthOfTheWrongKindIsNamedInJsonTerms() {
    record Dated(java.time.LocalDate day, java.time.YearMonth month) {}
    for (String[] given : new String[][] {{"20260101", "\"2026-01\"", "day", "a date (YYYY-MM-DD)", "20260101"},
        {"\"2026-01-01\"", "[\"2026-01\"]", "month", "a month (YYYY-MM)", "a list"}}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
          ("{\"day\": " + given[0] + ", \"month\": " + given[1] + "}").getBytes(StandardCharsets.UTF_8), Dated.class,
          "d.json"));
      assertEquals(List.of(Problem.of("d.json: " + given[2], "expected " + given[3] + " string, got " + given[4])),
          e.problems());
    }
  }

  /**
   * A name with spaces around it (a cell copied from a spreadsheet, " CREDIT_CARD") is no name of the list, as a
   * policy's product types are read: Jackson's enum reader trimmed it, so a case took what a policy refused.
   */
  @Test
  void aNameWithSpacesAroundItIsNoneOfTheNames() {
    for (String written : List.of(" CREDIT_CARD", "CREDIT_CARD ", "\\tCREDIT_CARD", "CREDIT_CARD\\n")) {
      Problem product = debtWith("productType", "\"" + written + "\"");
      assertEquals("case.json: debts[0].productType", product.location(), written);
      assertEquals("expected one of [CREDIT_CARD, CONSUMER_LOAN, ONLINE_LOAN, BANK_LOAN, OTHER], got \""
          + written + "\"", product.reason(), written); // a tab or line break shown escaped, as written in JSON
    }
  }

  /**
   * A name is read in its exact case, UPPER_SNAKE as written: "credit_card" or "Credit_Card" is none of the names, as
   * DESIGN.md's JSON contract says, and no mapper setting that reads names in any case may slip in unnoticed (no test
   * had held it: reading them in any case left every test green).
   */
  @Test
  void aNameInAnotherCaseIsNoneOfTheNames() {
    for (String written : List.of("credit_card", "Credit_Card", "CREDIT_card")) {
      Problem product = debtWith("productType", "\"" + written + "\"");
      assertEquals("case.json: debts[0].productType", product.location(), written);
      assertEquals("expected one of [CREDIT_CARD, CONSUMER_LOAN, ONLINE_LOAN, BANK_LOAN, OTHER], got \"" + written
          + "\"", product.reason(), written);
    }
  }

  /** Without strict detection the last of two values for one key won silently. */
  @Test
  void aKeyTwiceInOneObjectIsAnErrorNamingTheObject() {
    Problem inDebt = onlyProblem("{\"debts\":[" + debt("\"1.00\"") + ",\n"
        + debt("\"2.00\"").replace("\"interest\"", "\"principal\":\"3.00\",\"interest\"") + "]}");
    assertEquals("case.json: debts[1]", inDebt.location());
    assertEquals("field 'principal' appears twice (line 2); keep one", inDebt.reason());
    Problem atRoot = onlyProblem("{\"debts\":[],\n\"debts\":[]}");
    assertEquals("case.json", atRoot.location());
    assertEquals("field 'debts' appears twice (line 2); keep one", atRoot.reason());
  }

  /**
   * A key given twice in an object of a JSON tree names that object's path, as a record's field does
   * ({@code case.json: debts[1]}): it had been named by the file alone. The keys on the path are quoted as the key
   * itself is, masked and cut.
   */
  @Test
  void aKeyTwiceInATreeNamesItsObjectsPath() {
    InvalidInputException nested = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        "{\"caps\": {\"interest\": {\"max\": 1,\n\"max\": 2}}, \"after\": 1}".getBytes(StandardCharsets.UTF_8),
        com.fasterxml.jackson.databind.JsonNode.class, "policy.json"));
    assertEquals(List.of(Problem.of("policy.json: caps.interest", "field 'max' appears twice (line 2); keep one")),
        nested.problems());
    InvalidInputException inArray = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        "[0, {\"6222021234567890123\": [{}, {\"a\": 1, \"a\": 2}]}]".getBytes(StandardCharsets.UTF_8),
        com.fasterxml.jackson.databind.JsonNode.class, ""));
    assertEquals(List.of(Problem.of("[1].622202*********0123[1]", "field 'a' appears twice (line 1); keep one")),
        inArray.problems());
  }

  /**
   * A key given twice is quoted as an unknown key is, masked and cut: a card number as a key was quoted in clear into a
   * reason that goes to logs and HTTP responses, and a key of 200 characters whole.
   */
  @Test
  void aKeyTwiceIsQuotedMaskedAndCutAsAnUnknownKeyIs() {
    String card = "6222021234567890123";
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        ("{\"rules\": {\"" + card + "\": 1,\n\"" + card + "\": 2}}").getBytes(StandardCharsets.UTF_8),
        com.fasterxml.jackson.databind.JsonNode.class, "policy.json"));
    assertEquals(List.of(Problem.of("policy.json: rules", "field '622202*********0123' appears twice (line 2); keep "
        + "one")), e.problems());
    String longKey = "k".repeat(200);
    InvalidInputException tree = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        ("{\"" + longKey + "\": 1, \"" + longKey + "\": 2}").getBytes(StandardCharsets.UTF_8),
        com.fasterxml.jackson.databind.JsonNode.class, "policy.json"));
    assertEquals(List.of(Problem.of("policy.json", "field '" + "k".repeat(37) + "...' appears twice (line 1); keep "
        + "one")), tree.problems());
  }

  /**
   * An amount written as a JSON number with eight digits before the point is read exactly; when another field of the
   * record failed, each part was bound again from a tree that held it as a double, and the correct {@code 12345678.90}
   * was told it is "'1.23456789E7' in exponent notation", digits the file does not hold.
   */
  @Test
  void aCorrectNumberAmountIsNotBlamedWhenAnotherFieldFails() {
    record Two(Money amount, Money other) {}
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(FenqiJson.newMapper(),
        "{\"amount\": 12345678.90, \"other\": \"x\"}".getBytes(StandardCharsets.UTF_8), Two.class, "w.json"));
    assertEquals(List.of(Problem.of("w.json: other", "'x' is not an amount; expected a decimal such as \"1234.56\"")),
        e.problems());
    InvalidInputException both = assertThrows(InvalidInputException.class, () -> FenqiJson.read(FenqiJson.newMapper(),
        "{\"amount\": 1000000000000000.01, \"other\": \"x\"}".getBytes(StandardCharsets.UTF_8), Two.class, "w.json"));
    // 16 digits quoted read as a card's and are masked: a problem's reason goes to logs
    assertEquals(List.of(Problem.of("w.json: amount", "'100000******0000.01' is out of range; amounts are limited to "
        + "±10^15 yuan"), Problem.of("w.json: other", "'x' is not an amount; expected a decimal such as \"1234.56\"")),
        both.problems());
  }

  /**
   * An amount, a rate or a ratio with spaces around it (a cell copied from a spreadsheet) is refused naming the field,
   * as a date, a name of a list or an identifier so written is: " 48000.00" had been read as 48000.00, silently.
   */
  @Test
  void anAmountOrRateWithSpacesAroundItIsRefusedNamingTheField() {
    Problem principal = debtWith("principal", "\" 48000.00\"");
    assertEquals("case.json: debts[0].principal", principal.location());
    assertEquals("' 48000.00' has spaces around it; write the value alone, such as \"1234.56\"", principal.reason());
    assertEquals("'48000.00\\t' has spaces around it; write the value alone, such as \"1234.56\"",
        debtWith("interest", "\"48000.00\\t\"").reason());
    Problem rate = debtWith("annualRate", "\"0.18 \"");
    assertEquals("case.json: debts[0].annualRate", rate.location());
    assertEquals("'0.18 ' has spaces around it; write the value alone, such as \"0.06\"", rate.reason());
    assertEquals(4800000, read("{\"debts\":[" + debt("\"48000.00\"") + "]}").debts().get(0).principal().fen());
  }

  /**
   * A rate written as a JSON number is read from its text, as an amount is: it had been refused ("expected a string,
   * got 0.18") while the principal beside it, written the same way, was read — a side effect of refusing an id written
   * 5, which the policy validator's own check of a rate's kind (a string or a number) contradicted.
   */
  @Test
  void aRateWrittenAsANumberIsReadExactlyAsAnAmountIs() {
    String json = "{\"debts\":[" + debt("48000.1").replace("\"annualRate\":\"0.18\"", "\"annualRate\":0.1825") + "]}";
    Debt d = read(json).debts().get(0);
    assertEquals(new java.math.BigDecimal("0.1825"), d.annualRate().value());
    assertEquals(4800010, d.principal().fen());
    Problem exponent = debtWith("annualRate", "1.8e-1");
    assertEquals("case.json: debts[0].annualRate", exponent.location());
    assertEquals("'1.8e-1' is not a decimal number such as \"0.06\"", exponent.reason());
    assertEquals("'12' is outside 0..10", debtWith("annualRate", "12").reason());
  }

  /**
   * An instant read back (a result's or an event's time) is exactly ISO-8601 UTC with four digits of year:
   * {@code "+12026-01-01T00:00:00Z"} had been read as the year 12026, and {@code "…+08:00"} as another instant.
   */
  @Test
  void anInstantWithAnExpandedYearOrAnOffsetIsRefusedNamingItsField() {
    record Stamped(java.time.Instant at) {}
    assertEquals(java.time.Instant.parse("2026-12-04T06:00:00Z"), FenqiJson.read(mapper,
        "{\"at\": \"2026-12-04T06:00:00Z\"}".getBytes(StandardCharsets.UTF_8), Stamped.class, "result.json").at());
    for (String at : List.of("+12026-12-04T06:00:00Z", "2026-12-04T06:00:00+08:00")) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
          ("{\"at\": \"" + at + "\"}").getBytes(StandardCharsets.UTF_8), Stamped.class, "result.json"));
      assertEquals("result.json: at", e.problems().get(0).location(), e.getMessage());
      assertTrue(e.problems().get(0).reason().startsWith("'" + at + "' is not a valid instant YYYY-MM-DDTHH:MM:SSZ"),
          e.getMessage());
    }
  }
}
