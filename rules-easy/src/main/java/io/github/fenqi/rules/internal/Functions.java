package io.github.fenqi.rules.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The whitelisted functions, as the static methods MVEL calls (imported under {@code fenqi*} names a rule
 * cannot spell, since the parser only lets a rule write {@code min}, {@code max}, {@code abs},
 * {@code hasHardship} and {@code daysSince}, and rewrites them).
 *
 * <p>Thread-safety: stateless.
 */
public final class Functions {
  /** Key of the borrower's hardship names in the borrower view; not a property a rule may read. */
  static final String HARDSHIPS_KEY = "hardships";

  private Functions() {}

  public static BigDecimal fenqiMin(BigDecimal a, BigDecimal b) {
    return a.min(b);
  }

  public static BigDecimal fenqiMax(BigDecimal a, BigDecimal b) {
    return a.max(b);
  }

  public static BigDecimal fenqiAbs(BigDecimal a) {
    return a.abs();
  }

  /** {@code a + b}, exactly: MVEL's own {@code +} rounds to 34 significant digits. */
  public static BigDecimal fenqiAdd(BigDecimal a, BigDecimal b) {
    return a.add(b);
  }

  /** {@code a - b}, exactly. */
  public static BigDecimal fenqiSubtract(BigDecimal a, BigDecimal b) {
    return a.subtract(b);
  }

  /** {@code a * b}, exactly. */
  public static BigDecimal fenqiMultiply(BigDecimal a, BigDecimal b) {
    return a.multiply(b);
  }

  /** {@code -a}, exactly. */
  public static BigDecimal fenqiNegate(BigDecimal a) {
    return a.negate();
  }

  public static boolean fenqiHasHardship(Map<String, Object> borrower, String hardship) {
    return borrower.get(HARDSHIPS_KEY) instanceof List<?> l && l.contains(hardship);
  }
}
