package io.github.fenqi.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
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
}
