package io.github.fenqi.core.statement;

import io.github.fenqi.core.AsciiCase;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.util.Arrays;
import java.util.Locale;

/**
 * The statement exports fenqi reads.
 *
 * <p>Thread-safety: immutable.
 */
public enum StatementFormat {
  /** 支付宝交易明细 CSV export. */
  ALIPAY,
  /** 微信支付账单明细 CSV export. */
  WECHAT,
  /** A bank's CSV export, columns named by a {@link BankColumnMapping}. */
  BANK;

  /** Lower-case name as used on the command line and in JSON ({@code alipay}, {@code wechat}, {@code bank}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code alipay|wechat|bank} in any case of their ASCII letters ({@code alıpay}, with a dotless ı, is
   * none), and {@code csv} for {@link #BANK}: the design card's CLI contract
   * names the bank format {@code csv} ({@code statement ingest FILE --format alipay|wechat|csv}), so tools written to
   * it are understood; {@link #id()} stays {@code bank}. The error names {@code field}, the text (quoted as
   * {@link Problem#excerpt} quotes a value: masked, escaped, cut to 40 characters) and the accepted values.
   */
  public static StatementFormat parse(String field, String text) {
    String name = text.strip();
    for (StatementFormat f : values()) {
      if (AsciiCase.equalsIgnoreCase(f.id(), name)) {
        return f;
      }
    }
    if (AsciiCase.equalsIgnoreCase("csv", name)) {
      return BANK;
    }
    // quoted as a value from outside is: raw and whole, "paypal\nINFO ..." began a line of its own in a log
    throw new InvalidInputException(field, "'" + Problem.excerpt(text) + "' is not a statement format; expected one of "
        + Arrays.stream(values()).map(StatementFormat::id).toList() + " (or csv for bank)");
  }
}
