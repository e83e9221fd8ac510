package io.github.fenqi.core.script;

import io.github.fenqi.core.money.Money;

/**
 * Amounts in Chinese financial capitals (大写金额), as written on cheques, receipts and repayment agreements:
 * {@code 12000.00} is {@code 壹万贰仟元整}, {@code 1409.50} is {@code 壹仟肆佰零玖元伍角},
 * {@code 16409.02} is {@code 壹万陆仟肆佰零玖元零贰分}. fenqi uses capitals rather than ordinary numerals
 * (一万二千元) because they are the form lenders and courts expect for the amounts of an agreement and cannot
 * be altered by adding a stroke.
 *
 * <p>Rules (after 《支付结算办法》 practice): a run of zeros inside the integer part is one {@code 零}; a leading
 * ten is {@code 壹拾}; {@code 整} follows an amount without 角 and 分; when 角 is zero and 分 is not, {@code 零}
 * stands between 元 and 分; no 零 is written between 元 and a non-zero 角; an amount under one yuan has no 元
 * ({@code 伍角}); zero is {@code 零元整}; a negative amount starts with {@code 负}; above 亿 the part before 亿 is
 * written the same way ({@code 壹万亿}, {@code 壹万零伍亿}), and a 亿 group of zeros only between two digits is one
 * {@code 零} ({@code 壹万亿零壹仟万}).
 *
 * <p>Thread-safety: stateless.
 */
public final class ChineseAmountWords {
  private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
  private static final String[] UNITS = {"", "拾", "佰", "仟"};

  private ChineseAmountWords() {}

  /** The amount in capitals. */
  public static String of(Money amount) {
    long fen = amount.fen();
    if (fen == 0) {
      return "零元整";
    }
    StringBuilder out = new StringBuilder();
    if (fen < 0) {
      out.append('负');
    }
    // Digits taken from the signed value and made positive one by one: Long.MIN_VALUE has no positive counterpart.
    long yuan = Math.abs(fen / 100);
    int jiao = (int) Math.abs(fen / 10 % 10);
    int cents = (int) Math.abs(fen % 10);
    if (yuan > 0) {
      out.append(integer(yuan)).append('元');
    }
    if (jiao == 0 && cents == 0) {
      out.append('整');
      return out.toString();
    }
    if (jiao > 0) {
      out.append(DIGITS[jiao]).append('角');
    } else if (yuan > 0) {
      out.append('零');
    }
    if (cents > 0) {
      out.append(DIGITS[cents]).append('分');
    }
    return out.toString();
  }

  /** Positive {@code value}: 亿 groups recursively (so 10^12 is 壹万亿, 10^12 + 5×10^8 is 壹万零伍亿), then 万. */
  private static String integer(long value) {
    if (value < 100_000_000L) {
      return belowYi(value);
    }
    long low = value % 100_000_000L;
    long high = value / 100_000_000L;
    String out = integer(high) + "亿";
    if (low == 0) {
      return out;
    }
    // a 零 where the low part starts with zeros, and where the 亿 group above it is all zeros (high is then at least
    // 万): 10^12 + 10^7 had been 壹万亿壹仟万, no 零 for the four zeros from 仟亿 down to 亿, as 壹亿零壹仟 has one for 万's
    return out + (low < 10_000_000L || high % 10_000 == 0 ? "零" : "") + belowYi(low);
  }

  private static String belowYi(long value) {
    long high = value / 10_000;
    int low = (int) (value % 10_000);
    if (high == 0) {
      return group(low);
    }
    String out = group((int) high) + "万";
    if (low == 0) {
      return out;
    }
    return out + (low < 1000 ? "零" : "") + group(low);
  }

  /** 1..9999: a run of zeros between digits is one 零, trailing zeros are dropped. */
  private static String group(int value) {
    StringBuilder out = new StringBuilder();
    boolean started = false;
    boolean pendingZero = false;
    for (int pos = 3; pos >= 0; pos--) {
      int d = (int) (value / pow10(pos) % 10);
      if (d == 0) {
        pendingZero |= started;
      } else {
        if (pendingZero) {
          out.append('零');
          pendingZero = false;
        }
        out.append(DIGITS[d]).append(UNITS[pos]);
        started = true;
      }
    }
    return out.toString();
  }

  private static long pow10(int n) {
    return switch (n) {
      case 0 -> 1;
      case 1 -> 10;
      case 2 -> 100;
      default -> 1000;
    };
  }
}
