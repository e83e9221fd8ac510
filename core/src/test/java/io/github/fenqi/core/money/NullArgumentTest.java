package io.github.fenqi.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A null argument to money's, a rate's or a ratio's factories is a NullPointerException naming the parameter, as
 * everywhere in core: {@code Money.of((String) null)} had thrown the JVM's own NullPointerException about a local
 * variable of Decimals ("Cannot invoke String.length() because text is null").
 */
class NullArgumentTest {
  @Test
  void aNullArgumentIsNamed() {
    Map<String, Executable> calls = new LinkedHashMap<>();
    calls.put("Money.of(String)", () -> Money.of((String) null));
    calls.put("Money.of(BigDecimal)", () -> Money.of((BigDecimal) null));
    calls.put("Money.parse", () -> Money.parse("income", null));
    calls.put("Rate.of(String)", () -> Rate.of((String) null));
    calls.put("Rate.of(BigDecimal)", () -> Rate.of((BigDecimal) null));
    calls.put("Rate.parse", () -> Rate.parse("annualRate", null));
    calls.put("Ratio.of(String)", () -> Ratio.of((String) null));
    calls.put("Ratio.of(BigDecimal)", () -> Ratio.of((BigDecimal) null));
    calls.put("Ratio.parse", () -> Ratio.parse("minDownPaymentRatio", null));
    calls.put("Money.parse's field", () -> Money.parse(null, "1"));
    calls.put("Rate.parse's field", () -> Rate.parse(null, "0.1"));
    calls.put("Ratio.parse's field", () -> Ratio.parse(null, "0.1"));
    Map<String, String> named = new LinkedHashMap<>();
    calls.forEach((call, executable) -> named.put(call,
        assertThrows(NullPointerException.class, executable, call).getMessage()));
    assertEquals(Map.ofEntries(Map.entry("Money.of(String)", "yuan"), Map.entry("Money.of(BigDecimal)", "yuan"),
        Map.entry("Money.parse", "yuan"), Map.entry("Rate.of(String)", "value"), Map.entry("Rate.of(BigDecimal)",
            "value"), Map.entry("Rate.parse", "text"), Map.entry("Ratio.of(String)", "value"),
        Map.entry("Ratio.of(BigDecimal)", "value"), Map.entry("Ratio.parse", "text"),
        Map.entry("Money.parse's field", "field"), Map.entry("Rate.parse's field", "field"),
        Map.entry("Ratio.parse's field", "field")), named);
  }
}
