package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.script.ScriptOptions;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A case file with several things wrong gets them all listed at once — each debt's, the borrower's and those across
 * the debts — not only the first one Jackson met.
 */
class NegotiationRequestReadTest {
  private final ObjectMapper mapper = FenqiJson.newMapper();

  private ObjectNode sample() throws Exception {
    return (ObjectNode) mapper.readTree(Samples.bytes("samples/cases/" + Samples.CASE));
  }

  private InvalidInputException rejected(ObjectNode tree) throws Exception {
    byte[] json = mapper.writeValueAsBytes(tree);
    return assertThrows(InvalidInputException.class, () -> NegotiationRequest.read(mapper, json, "case.json"));
  }

  private static List<String> locations(InvalidInputException e) {
    return e.problems().stream().map(Problem::location).toList();
  }

  @Test
  void theSampleReads() throws Exception {
    NegotiationRequest r = NegotiationRequest.read(mapper, mapper.writeValueAsBytes(sample()), "case.json");
    assertEquals(3, r.debts().size());
  }

  @Test
  void badDebtsTheBorrowerAndADuplicateIdAreAllListed() throws Exception {
    ObjectNode tree = sample();
    ArrayNode debts = (ArrayNode) tree.get("debts");
    ((ObjectNode) debts.get(0)).put("principal", "-5.00");
    ((ObjectNode) debts.get(1)).put("id", debts.get(0).get("id").asText());
    ((ObjectNode) debts.get(2)).put("interest", "abc");
    ((ObjectNode) tree.get("borrower")).put("householdSize", 0);
    InvalidInputException e = rejected(tree);
    assertEquals(List.of("case.json: borrower.householdSize", "case.json: debts[0].principal",
        "case.json: debts[2].interest", "case.json: debts[1].id"), locations(e), e.getMessage());
    assertEquals("'" + debts.get(0).get("id").asText() + "' appears more than once", e.problems().get(3).reason());
  }

  /**
   * Ids are compared as written but for spaces around them: {@code "cc-1"} and {@code "CC-1"} are two debts (a lender's
   * own ids may differ in case alone, and a reader of the result tells them apart), read from a case file and built
   * in code alike.
   */
  @Test
  void debtIdsThatDifferOnlyInCaseAreTwoDebts() throws Exception {
    ObjectNode tree = sample();
    ((ObjectNode) tree.get("debts").get(2)).put("id", "CC-1");
    NegotiationRequest read = NegotiationRequest.read(mapper, mapper.writeValueAsBytes(tree), "case.json");
    assertEquals(List.of("cc-1", "cf-1", "CC-1"), read.debts().stream().map(io.github.fenqi.core.debt.Debt::id).toList());
    assertEquals(read, new NegotiationRequest(read.caseId(), read.asOf(), read.borrower(), read.debts()));
  }

  /**
   * Two debts whose ids differ only in spaces around them ({@code "cc-1"} and {@code "cc-1 "}, a cell copied from a
   * spreadsheet) are one id to whoever reads the result: they had been taken as two debts, each planned and scripted,
   * shown under the same id. The second is refused as a duplicate, saying so, as the case is read and when built.
   */
  @Test
  void debtIdsThatDifferOnlyInSpacesAroundThemAreDuplicates() throws Exception {
    for (String padded : List.of("cc-1 ", " cc-1", "cc-1\u00A0", "\u3000cc-1")) {
      ObjectNode tree = sample();
      ((ObjectNode) tree.get("debts").get(2)).put("id", padded);
      InvalidInputException e = rejected(tree);
      assertEquals(List.of(Problem.of("case.json: debts[2].id", "'" + padded + "' appears more than once ("
          + "as debts[0]'s 'cc-1', with spaces around it)")), e.problems(), padded);
      NegotiationRequest sample = Samples.sampleCase();
      List<io.github.fenqi.core.debt.Debt> debts = new java.util.ArrayList<>(sample.debts());
      var d = debts.get(2);
      debts.set(2, new io.github.fenqi.core.debt.Debt(padded, d.platformId(), d.productType(), d.principal(),
          d.interest(), d.penaltyInterest(), d.compoundInterest(), d.lateFees(), d.otherFees(), d.annualRate(),
          d.overdueDays()));
      assertEquals(List.of("debts[2].id"), locations(assertThrows(InvalidInputException.class,
          () -> new NegotiationRequest(sample.caseId(), sample.asOf(), sample.borrower(), debts))));
    }
  }

  /**
   * A null debt is named beside another debt's problem: the case does not bind as a whole, so the checks across its
   * parts are what name the null (a reading that took it for a debt without an id had named the principal alone).
   */
  @Test
  void aNullDebtIsNamedBesideAnotherDebtsProblem() throws Exception {
    ObjectNode tree = sample();
    ArrayNode debts = (ArrayNode) tree.get("debts");
    ((ObjectNode) debts.get(0)).put("principal", "-5.00");
    debts.insertNull(1);
    InvalidInputException e = rejected(tree);
    assertEquals(List.of("case.json: debts[0].principal", "case.json: debts[1]"), locations(e), e.getMessage());
    assertEquals("is null", e.problems().get(1).reason());
  }

  /**
   * A duplicate id is quoted in its problem as core quotes a value from outside ({@link Problem#excerpt}): two debts
   * both refused for a line break in their id had been quoted raw in the duplicate's problem, the id's second half a
   * forged line of its own in a log, and two ids of 10 000 characters quoted whole.
   */
  @Test
  void aDuplicateIdIsQuotedAsAValueFromOutside() throws Exception {
    String longId = "c".repeat(10_000);
    for (String id : List.of("cc-1\nOK  case.json", "cc-1\u2028OK", longId)) {
      ObjectNode tree = sample();
      ((ObjectNode) tree.get("debts").get(0)).put("id", id);
      ((ObjectNode) tree.get("debts").get(2)).put("id", id);
      InvalidInputException e = rejected(tree);
      Problem duplicate = e.problems().stream().filter(p -> p.location().equals("case.json: debts[2].id")
          && p.reason().contains("appears more than once")).findFirst().orElseThrow(() -> new AssertionError(e));
      assertEquals("'" + Problem.excerpt(id) + "' appears more than once", duplicate.reason());
      assertTrue(e.getMessage().lines().noneMatch(l -> l.startsWith("OK")), e.getMessage());
    }
    ObjectNode tree = sample();
    ((ObjectNode) tree.get("debts").get(2)).put("id", longId + " ");
    ((ObjectNode) tree.get("debts").get(0)).put("id", longId);
    Problem padded = rejected(tree).problems().stream().filter(p -> p.reason().contains("spaces around it"))
        .findFirst().orElseThrow();
    assertEquals("'" + Problem.excerpt(longId + " ") + "' appears more than once (as debts[0]'s '"
        + Problem.excerpt(longId) + "', with spaces around it)", padded.reason());
  }

  /**
   * A case whose borrower lives in a region of no province ({@code 990000}) is refused as it is read, naming
   * {@code borrower.regionCode} with the case's other problems: it had been read, and refused by the engine's
   * affordability step after the screening (risk services included) had run, naming a bare {@code regionCode}.
   */
  @Test
  void aRegionCodeOfNoProvinceIsNamedUnderTheBorrowerAsTheCaseIsRead() throws Exception {
    ObjectNode tree = sample();
    ((ObjectNode) tree.get("borrower")).put("regionCode", "990000");
    ((ObjectNode) tree.get("debts").get(0)).put("principal", "-5.00");
    InvalidInputException e = rejected(tree);
    assertEquals(List.of("case.json: borrower.regionCode", "case.json: debts[0].principal"), locations(e),
        e.getMessage());
  }

  /** A case inside another body, as the REST API's submission holds it under {@code case}. */
  record Submission(@com.fasterxml.jackson.annotation.JsonProperty("case") NegotiationRequest negotiationCase,
      io.github.fenqi.core.solve.Strategy strategy) {}

  /**
   * A case read as part of another body is told what lies across its debts too: a submission whose case had a bad
   * debt, a duplicate id and no date was told only of the debt, where the same case sent alone was told all three.
   */
  @Test
  void aCaseInsideAnotherBodyIsToldOfItsDuplicateIdsAndMissingDateWithItsBadDebt() throws Exception {
    ObjectNode tree = sample();
    tree.remove("asOf");
    ArrayNode debts = (ArrayNode) tree.get("debts");
    ((ObjectNode) debts.get(0)).put("principal", "abc");
    ((ObjectNode) debts.get(2)).put("id", debts.get(1).get("id").asText());
    ObjectNode submission = mapper.createObjectNode().put("strategy", "BALANCED");
    submission.set("case", tree);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(mapper,
        mapper.writeValueAsBytes(submission), Submission.class, "request body"));
    assertEquals(List.of("request body: case.debts[0].principal", "request body: case.asOf",
        "request body: case.debts[2].id"), locations(e), e.getMessage());
    assertEquals(List.of("case.json: debts[0].principal", "case.json: asOf", "case.json: debts[2].id"),
        locations(rejected(tree)), "the same case alone");
  }

  /** A null among the hardships is named in the file's terms; it was "Cannot construct instance of `...Borrower`,
   * problem: `java.lang.NullPointerException`". */
  @Test
  void aNullHardshipIsNamedByItsIndex() throws Exception {
    ObjectNode tree = sample();
    ((ArrayNode) tree.get("borrower").get("hardships")).addNull();
    InvalidInputException e = rejected(tree);
    assertEquals(List.of("case.json: borrower.hardships[2]"), locations(e), e.getMessage());
    assertEquals("is null; expected one of [JOB_LOSS, JOB_CHANGE, INCOME_DROP, MEDICAL, BUSINESS_FAILURE, "
        + "FAMILY_EMERGENCY, DISASTER, OTHER]", e.problems().get(0).reason());
  }

  @Test
  void structuralProblemsAloneAreListedTogetherAsBefore() throws Exception {
    ObjectNode tree = sample();
    tree.put("caseId", " ");
    tree.remove("asOf");
    ArrayNode debts = (ArrayNode) tree.get("debts");
    ((ObjectNode) debts.get(2)).put("id", debts.get(1).get("id").asText());
    InvalidInputException e = rejected(tree);
    assertEquals(List.of("case.json: caseId", "case.json: asOf", "case.json: debts[2].id"), locations(e),
        e.getMessage());
  }

  @Test
  void malformedJsonIsOneProblemAtItsLine() {
    byte[] json = "{\n\"caseId\": \"c\",\n\"debts\": [\n".getBytes(StandardCharsets.UTF_8);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> NegotiationRequest.read(mapper, json, "case.json"));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals("case.json: line 4", e.problems().get(0).location(), e.getMessage());
  }

  /** A case id with a newline forged a line of the CLI's report; it is refused with the case's other problems. */
  @Test
  void aCaseIdWithALineBreakIsListedWithTheOtherProblems() throws Exception {
    ObjectNode tree = sample();
    tree.put("caseId", "c-1\nINJECTED");
    ((ObjectNode) tree.get("debts").get(0)).put("id", "x".repeat(200));
    ((ObjectNode) tree.get("debts").get(1)).put("principal", "-1");
    InvalidInputException e = rejected(tree);
    assertEquals(List.of("case.json: debts[0].id", "case.json: debts[1].principal", "case.json: caseId"), locations(e),
        e.getMessage());
  }

  /**
   * The hardship note's limit is 2 000 characters, counted as characters: 1 500 ideographs outside the Basic
   * Multilingual Plane (3 000 UTF-16 units) are within it, and 2 001 are named with their count.
   */
  @Test
  void theHardshipNoteIsLimitedInCharactersNotUtf16Units() throws Exception {
    ObjectNode within = sample();
    within.put("hardshipNote", "\uD840\uDC00".repeat(1500));
    assertEquals(1500, NegotiationRequest.read(mapper, mapper.writeValueAsBytes(within), "case.json").hardshipNote()
        .codePointCount(0, 3000));
    ObjectNode beyond = sample();
    beyond.put("hardshipNote", "\uD840\uDC00".repeat(2001));
    assertEquals("case.json: hardshipNote: is 2001 characters; at most 2000", rejected(beyond).problems().get(0)
        .toString());
    // the limit itself is within it: only 1 500 and 2 001 had been tried, so a limit refusing 2 000 passed
    NegotiationRequest r = NegotiationRequest.read(mapper, mapper.writeValueAsBytes(sample()), "case.json");
    String longest = "\uD840\uDC00".repeat(ScriptOptions.MAX_NOTE_LENGTH);
    assertEquals(longest, new NegotiationRequest(r.caseId(), r.asOf(), r.borrower(), r.debts(), longest).hardshipNote());
  }

  /**
   * A case's date is exactly YYYY-MM-DD: "+12026-01-01" had been read as the year 12026 and "-0001-01-01" as 2 BC,
   * where a user had slipped a key; a date with a line break was quoted with the break in it, a forged line of a
   * report.
   */
  @Test
  void aDateOutsideTheDocumentedFormIsRefusedNamingItsField() throws Exception {
    for (String asOf : List.of("+12026-01-01", "-0001-01-01")) {
      ObjectNode tree = sample();
      tree.put("asOf", asOf);
      InvalidInputException e = rejected(tree);
      assertEquals(List.of(Problem.of("case.json: asOf", "'" + asOf + "' is not a valid date YYYY-MM-DD: the year is "
          + "four digits without a sign")), e.problems());
    }
    ObjectNode tree = sample();
    tree.put("asOf", "x\nOK  case.json");
    assertEquals(List.of(Problem.of("case.json: asOf", "'x\\nOK  case.json' is not a valid date YYYY-MM-DD")),
        rejected(tree).problems());
  }

  /**
   * A case with no debt is refused, with its other problems, as it is read and when it is built in code: the engine
   * would otherwise answer "no eligible debt" for a case that listed none, as if each had been screened out.
   */
  @Test
  void aCaseWithoutDebtsIsRefusedWithItsOtherProblems() throws Exception {
    ObjectNode tree = sample();
    tree.put("caseId", " ");
    tree.putArray("debts");
    InvalidInputException e = rejected(tree);
    assertEquals(List.of("case.json: caseId", "case.json: debts"), locations(e), e.getMessage());
    assertEquals("must list at least one debt", e.problems().get(1).reason());
    NegotiationRequest r = NegotiationRequest.read(mapper, mapper.writeValueAsBytes(sample()), "case.json");
    InvalidInputException built = assertThrows(InvalidInputException.class,
        () -> new NegotiationRequest(r.caseId(), r.asOf(), r.borrower(), List.of()));
    assertEquals(List.of(Problem.of("debts", "must list at least one debt")), built.problems());
  }

  /**
   * A case missing every part is told of each, in the order of its fields ({@link InvalidInputException#problems} are
   * in input order): the case id, the date, the borrower, the debts. Each had been checked alone or beside one other,
   * so the date and the borrower could be listed in either order, or one of them dropped, unseen.
   */
  @Test
  void aCaseMissingEveryPartIsToldOfEachInTheOrderOfItsFields() throws Exception {
    InvalidInputException built = assertThrows(InvalidInputException.class,
        () -> new NegotiationRequest(null, null, null, List.of()));
    assertEquals(List.of(Problem.of("caseId", "must not be empty"), Problem.of("asOf", "is required (YYYY-MM-DD)"),
        Problem.of("borrower", "is required"), Problem.of("debts", "must list at least one debt")), built.problems());
    ObjectNode tree = sample();
    tree.remove("asOf");
    tree.remove("borrower");
    assertEquals(List.of("case.json: asOf", "case.json: borrower"), locations(rejected(tree)));
  }

  /**
   * A case built in code keeps to the dates its JSON can write: an {@code asOf} beyond the year 9999 is refused naming
   * the field, with the case's other problems, as one read from a file is.
   */
  @Test
  void aCaseBuiltInCodeWithADateNoCaseFileCanWriteIsRefusedNamingTheField() throws Exception {
    NegotiationRequest r = NegotiationRequest.read(mapper, mapper.writeValueAsBytes(sample()), "case.json");
    java.time.LocalDate far = java.time.LocalDate.of(10_000, 1, 1);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new NegotiationRequest(" ", far, r.borrower(), r.debts()));
    assertEquals(List.of("caseId", "asOf"), locations(e), e.getMessage());
    assertEquals("+10000-01-01 is outside the years 0000 to 9999, which a date YYYY-MM-DD can write",
        e.problems().get(1).reason());
  }
}
