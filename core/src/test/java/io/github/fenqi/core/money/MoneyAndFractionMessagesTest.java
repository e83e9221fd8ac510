package io.github.fenqi.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.json.FenqiJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a refusal of an amount, a rate or a ratio says when the value is missing or of the wrong kind, which mutation
 * round 27 found no test holding: each names the field and what it expected.
 */
class MoneyAndFractionMessagesTest {
  private final ObjectMapper mapper = FenqiJson.newMapper();

  private List<String> refused(String json, Class<?> type) {
    return refused(mapper, json, type);
  }

  private static List<String> refused(ObjectMapper mapper, String json, Class<?> type) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> FenqiJson.read(mapper, json.getBytes(StandardCharsets.UTF_8), type, "in.json"));
    return e.problems().stream().map(p -> p.location() + ": " + p.reason()).toList();
  }

  /**
   * A ratio of the wrong kind is told a ratio, with a ratio's example, as a rate is told a rate: alone at the root of
   * the file, where no field names it, and in a record.
   */
  @Test
  void aValueOfTheWrongKindIsToldWhichOfRateOrRatioIsExpected() {
    record Terms(Rate annualRate, Ratio minRatio) {}
    assertEquals(List.of("in.json: expected a ratio as a decimal string such as \"0.5\", got true"),
        refused("true", Ratio.class));
    assertEquals(List.of("in.json: expected a rate as a decimal string such as \"0.06\", got true"),
        refused("true", Rate.class));
    assertEquals(List.of("in.json: minRatio: expected a ratio as a decimal string such as \"0.5\", got an object"),
        refused("{\"annualRate\": \"0.18\", \"minRatio\": {}}", Terms.class));
  }

  /** An amount of nothing, or of spaces only (no part of it), is refused as empty, naming the field. */
  @Test
  void anEmptyOrBlankAmountIsRefusedAsEmptyNamingTheField() {
    for (String text : new String[] {"", " ", "\u00A0\t"}) {
      assertEquals("principal: empty amount; expected a decimal such as \"1234.56\"",
          assertThrows(InvalidInputException.class, () -> Money.parse("principal", text)).getMessage());
    }
  }

  /**
   * NaN and infinity, which a parser allowing them reads as JSON numbers, are refused naming the field in the words a
   * string of them gets, with an example of what to write: an amount's had been "'NaN' is not a finite amount", the
   * one refusal of an amount without it. A rate or ratio so written was already told as a string is.
   */
  @Test
  void nanOrInfinityAsANumberIsRefusedNamingTheFieldAsTheStringIs() {
    record Terms(Money principal, Rate annualRate, Ratio minRatio) {}
    ObjectMapper lax = ((JsonMapper) FenqiJson.newMapper()).rebuild()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    for (String amount : new String[] {"NaN", "Infinity", "-Infinity", "+Infinity"}) {
      String said = "'" + amount + "' is not an amount; expected a decimal such as \"1234.56\"";
      assertEquals("principal: " + said,
          assertThrows(InvalidInputException.class, () -> Money.parse("principal", amount)).getMessage());
      assertEquals(List.of("in.json: principal: " + said), refused(lax,
          "{\"principal\": " + amount + ", \"annualRate\": \"0.18\", \"minRatio\": \"0.5\"}", Terms.class));
      assertEquals(List.of("in.json: " + said), refused(lax, amount, Money.class));
      assertEquals(List.of("in.json: [1]: " + said), refused(lax, "[\"1.00\", " + amount + "]", Money[].class));
    }
    assertEquals(List.of("in.json: annualRate: 'Infinity' is not a decimal number such as \"0.06\""),
        refused(lax, "{\"principal\": \"1.00\", \"annualRate\": Infinity, \"minRatio\": \"0.5\"}", Terms.class));
    // fenqi's own mapper refuses them as JSON, which has neither, at their line
    assertEquals(List.of("in.json: line 1: malformed JSON: Non-standard token 'NaN' (not allowed in JSON)"),
        refused("{\"principal\": NaN, \"annualRate\": \"0.18\", \"minRatio\": \"0.5\"}", Terms.class));
  }
}
