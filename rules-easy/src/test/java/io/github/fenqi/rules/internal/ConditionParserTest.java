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
    assertEquals("(((overdueDays > 90B) && hasHardshipProof) || ((debt.totalOwed * 2B) <= 1000.5B))", p.mvel());
    assertEquals(List.of("overdueDays", "hasHardshipProof", "debt.totalOwed"), p.reads());
  }

  @Test
  void rewritesFunctionsToTheirInternalNames() {
    assertEquals("(fenqiMin(debt.principal, 100B) > 0B)", ConditionParser.parse("min(debt.principal, 100) > 0").mvel());
    assertEquals("fenqiHasHardship(borrower, 'MEDICAL')", ConditionParser.parse("hasHardship('MEDICAL')").mvel());
    assertEquals("((asOf.epochDay - 20454B) >= 0B)", ConditionParser.parse("daysSince('2026-01-01') >= 0").mvel());
    assertEquals("((0B - debt.interest) < fenqiAbs(1B))",
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
      "daysSince('yesterday') > 1                   | yesterday    | not a date",
      "min(1) > 0                                   | min          | takes 2 arguments",
      "debt > 1                                     | debt         | one of its properties",
      "debt.name == 'x'                             | name         | not a property of debt",
      "borrower.idNumber == 'x'                     | idNumber     | not a property of borrower",
      "(overdueDays > 1                             | <end>        | ')' expected",
      "overdueDays > 1)                             | )            | unexpected after a complete condition",
      "overdueDays > 1 overdueDays                  | overdueDays  | an operator was expected",
      "debt.platformId contains 'x'                 | contains     | an operator was expected",
      "''                                           | ''           | must be true or false",
  })
  void rejectsIllTypedOrMalformedConditionsNamingTheToken(String condition, String token, String reason) {
    RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> ConditionParser.parse(condition.strip()));
    assertEquals(token, e.token(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void rejectsDeepNesting() {
    String deep = "(".repeat(100) + "true" + ")".repeat(100);
    RuleSyntaxException e = assertThrows(RuleSyntaxException.class, () -> ConditionParser.parse(deep));
    assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
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
        case STRING -> entry.getKey() + " != ''";
        case BOOLEAN -> entry.getKey() + " || true";
      };
      assertEquals(List.of(entry.getKey()), ConditionParser.parse(c).reads());
    }
  }
}
