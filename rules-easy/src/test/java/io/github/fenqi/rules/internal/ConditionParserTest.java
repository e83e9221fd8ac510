package io.github.fenqi.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionParserTest {

  @Test
  void rendersCanonicalFullyParenthesisedMvel() {
    ConditionParser.Parsed p = ConditionParser.parse("overdueDays > 90 && hasHardshipProof || debt.totalOwed * 2 <= 1000.5");
    assertEquals("(((overdueDays > 90B) && hasHardshipProof) || (fenqiMultiply(debt.totalOwed, 2B) <= 1000.5B))",
        p.mvel());
    assertEquals(List.of("overdueDays", "hasHardshipProof", "debt.totalOwed"), p.reads());
  }

  @Test
  void rewritesFunctionsToTheirInternalNames() {
    assertEquals("(fenqiMin(debt.principal, 100B) > 0B)", ConditionParser.parse("min(debt.principal, 100) > 0").mvel());
    assertEquals("fenqiHasHardship(borrower, 'MEDICAL')", ConditionParser.parse("hasHardship('MEDICAL')").mvel());
    assertEquals("((asOf.epochDay - 20454B) >= 0B)", ConditionParser.parse("daysSince('2026-01-01') >= 0").mvel());
    assertEquals("(fenqiNegate(debt.interest) < fenqiAbs(1B))",
        ConditionParser.parse("-debt.interest < abs(1)").mvel());
  }

  @Test
  void stringsComparedWithEquals() {
    assertEquals("(productType == 'CREDIT_CARD')", ConditionParser.parse("productType == \"CREDIT_CARD\"").mvel());
  }

  @ParameterizedTest(name = "{0} rejected at {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "overdueDays > 90 && platformId               | &&           | needs true/false",
      "debt.                                        | <end>        | not a property of debt",
      "debt.platformId > 3                          | >            | needs numbers",
      "productType == 3                             | ==           | compares a string with a number",
      "overdueDays                                  | overdueDays  | must be true or false",
      "1 < overdueDays < 5                          | <            | do not chain",
      "hasHardship('RICH')                          | RICH         | not a hardship",
      "productType == 'credit_card'                 | credit_card  | not a product type; one of [CREDIT_CARD",
      "'MORTGAGE' != debt.productType               | MORTGAGE     | not a product type",
      "daysSince('yesterday') > 1                   | yesterday    | not a valid date YYYY-MM-DD",
      "daysSince('+12026-01-01') > 1                | +12026-01-01 | the year is four digits without a sign",
      "daysSince('-0001-01-01') > 1                 | -0001-01-01  | the year is four digits without a sign",
      "min(1) > 0                                   | min          | takes 2 arguments",
      "debt > 1                                     | debt         | one of its properties",
      "debt.name == 'x'                             | name         | not a property of debt",
      "borrower.idNumber == 'x'                     | idNumber     | not a property of borrower",
      "(overdueDays > 1                             | <end>        | ')' expected",
      "overdueDays > 1)                             | )            | unexpected after a complete condition",
      "overdueDays > 1 overdueDays                  | overdueDays  | an operator was expected",
      "debt.platformId contains 'x'                 | contains     | an operator was expected",
      "''                                           | ''           | must be true or false",
      "!overdueDays                                 | !            | needs true/false operands, got a number",
      // an operator as another language or a slip of the keyboard writes it is refused with the operator meant: '=>'
      // had been told "assignments are not allowed (compare with ==)" of its '=', pointing at == when >= was meant,
      // '<>' "a value, name or '(' was expected here" of its '>', and 'and' only "an operator was expected here"
      "overdueDays => 90                            | =>           | '=>' is not an operator; write >=",
      "overdueDays =< 90                            | =<           | '=<' is not an operator; write <=",
      "overdueDays <> 90                            | <>           | '<>' is not an operator; write !=",
      "overdueDays > 90 and totalOwed > 1           | and          | write && for 'and'",
      "overdueDays > 90 OR totalOwed > 1            | OR           | write || for 'OR'",
  })
  void rejectsIllTypedOrMalformedConditionsNamingTheToken(String condition, String token, String reason) {
    assertRefused(() -> ConditionParser.parse(condition.strip()), token, reason);
  }

  /** Asserts that {@code parse} is refused naming {@code token}, its message saying {@code reason}. */
  static void assertRefused(org.junit.jupiter.api.function.Executable parse, String token, String reason) {
    RuleSyntaxException e = assertThrows(RuleSyntaxException.class, parse);
    assertEquals(token, e.token(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void rejectsDeepNesting() {
    String deep = "(".repeat(100) + "true" + ")".repeat(100);
    RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> ConditionParser.parse(deep));
    assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
  }

  /**
   * The nesting limit held for parentheses and unary operators only: {@code overdueDays+1+1+...} (600 operators, within
   * the length limit) rendered 600 nested levels, which MVEL compiles and evaluates recursively; on a thread with a
   * 256 KiB stack evaluating it threw StackOverflowError out of the evaluator, and with 990 operators whether it
   * compiled at all depended on the stack size. Every operator of a chain counts now.
   */
  @Test
  void arithmeticChainsCountTowardsTheNestingLimit() {
    String limit = "overdueDays" + "+1".repeat(ConditionParser.MAX_NESTING - 1) + " > 0";
    assertTrue(ConditionParser.parse(limit).mvel().startsWith("(" + "fenqiAdd(".repeat(ConditionParser.MAX_NESTING - 1)
        + "overdueDays, 1B), 1B)"));
    String over = "overdueDays" + "+1".repeat(ConditionParser.MAX_NESTING + 1) + " > 0";
    RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> ConditionParser.parse(over));
    assertEquals("+", e.token());
    assertEquals(12 + 2 * ConditionParser.MAX_NESTING, e.column(), e.getMessage()); // the one past the limit
    assertTrue(e.getMessage().contains("more than " + ConditionParser.MAX_NESTING + " operations nested"), e.getMessage());
    String product = "overdueDays" + "*2".repeat(300) + " > 0";
    assertThrows(RuleSyntaxException.class, () -> ConditionParser.parse(product));
  }

  /** A long list of alternatives, as a lender may write for product types or regions, stays well inside the limit. */
  @Test
  void longAndOrChainsNestByTheLogarithmOfTheirLength() {
    String alternatives = String.join(" || ", java.util.Collections.nCopies(80, "platformId == 'A'"));
    String mvel = ConditionParser.parse(alternatives).mvel();
    int deepest = 0;
    int open = 0;
    for (char c : mvel.toCharArray()) {
      open += c == '(' ? 1 : c == ')' ? -1 : 0;
      deepest = Math.max(deepest, open);
    }
    assertEquals(8, deepest, mvel); // 7 levels of || for 80 terms, 1 of ==
  }

  /** The README's bound: a condition of 2000 characters is taken, one of 2001 refused. */
  @Test
  void aConditionIsAtMostTwoThousandCharacters() {
    String longest = "overdueDays > 0" + " ".repeat(2000 - 15);
    assertEquals("(overdueDays > 0B)", ConditionParser.parse(longest).mvel());
    RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> ConditionParser.parse(longest + " "));
    assertTrue(e.getMessage().contains("longer than 2000 characters"), e.getMessage());
  }

  @Test
  void rejectsOverlongConditions() {
    String longOne = "true && ".repeat(300) + "true";
    RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> ConditionParser.parse(longOne));
    assertTrue(e.getMessage().contains("longer than"), e.getMessage());
  }

  @Test
  void everyCatalogNameIsReadableAndTyped() {
    for (var entry : FactCatalog.properties().entrySet()) {
      String c = switch (entry.getValue()) {
        case NUMBER -> entry.getKey() + " >= 0";
        case STRING -> entry.getKey() + " != 'CREDIT_CARD'";
        case BOOLEAN -> entry.getKey() + " || true";
      };
      assertEquals(List.of(entry.getKey()), ConditionParser.parse(c).reads());
    }
  }

  /**
   * The README's bound: a condition nests at most 48 parentheses and {@code !}/{@code -} signs. The condition itself
   * had counted as a level, so 48 parentheses were refused as "nested deeper than 48 levels".
   */
  @Test
  void nestsAtMostFortyEightParenthesesAndSigns() {
    for (String[] deepest : new String[][] {
        {"(".repeat(48) + "true" + ")".repeat(48), "(".repeat(49) + "true" + ")".repeat(49)},
        {"!".repeat(48) + "true", "!".repeat(49) + "true"},
        {"- ".repeat(48) + "overdueDays > 0", "- ".repeat(49) + "overdueDays > 0"},
        {"(".repeat(24) + "!".repeat(24) + "true" + ")".repeat(24), "(".repeat(24) + "!".repeat(25) + "true" + ")".repeat(24)},
        {"min(".repeat(48) + "1, 1" + "), 1".repeat(47) + ") > 0", "min(".repeat(49) + "1, 1" + "), 1".repeat(48) + ") > 0"}}) {
      ConditionParser.parse(deepest[0]);
      RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> ConditionParser.parse(deepest[1]));
      assertTrue(e.getMessage().contains("nested deeper than 48 levels"), e.getMessage());
    }
  }
}
