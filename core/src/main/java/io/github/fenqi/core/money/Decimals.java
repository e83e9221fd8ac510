package io.github.fenqi.core.money;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.math.BigDecimal;

/** Strict decimal parsing shared by {@link Rate} and {@link Ratio}: no NaN, no infinity, no exponents. */
final class Decimals {
  private Decimals() {}

  static BigDecimal parse(String field, String text) {
    String s = text.strip();
    if (s.isEmpty() || s.length() > 40 || !s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      throw new InvalidInputException(field, "'" + Problem.excerpt(s)
          + "' is not a decimal number such as \"0.06\"");
    }
    return new BigDecimal(s);
  }
}
