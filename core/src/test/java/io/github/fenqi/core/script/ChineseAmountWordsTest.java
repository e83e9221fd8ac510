package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts in 大写 capitals: the documented examples, and a round trip through an independent reader. */
class ChineseAmountWordsTest {

  @ParameterizedTest
  @CsvSource({
      "0.00, 零元整",
      "0.50, 伍角",
      "0.05, 伍分",
      "0.55, 伍角伍分",
      "1.00, 壹元整",
      "10.00, 壹拾元整",
      "10.10, 壹拾元壹角",
      "10.01, 壹拾元零壹分",
      // one yuan and some fen takes its 零 as ten yuan does: a mutant writing it only above one yuan (1.05 as 壹元伍分)
      // had passed, as every other amount here with no 角 has more than one yuan or none
      "1.05, 壹元零伍分",
      "105.00, 壹佰零伍元整",
      "1005.00, 壹仟零伍元整",
      "1409.50, 壹仟肆佰零玖元伍角",
      "12000.00, 壹万贰仟元整",
      "16409.02, 壹万陆仟肆佰零玖元零贰分",
      "100005.00, 壹拾万零伍元整",
      "10050.00, 壹万零伍拾元整",
      "1000000.00, 壹佰万元整",
      "100000000.00, 壹亿元整",
      "100050000.00, 壹亿零伍万元整",
      "120003000.00, 壹亿贰仟万叁仟元整",
      "1000000000005.00, 壹万亿零伍元整",
      "1000500000000.00, 壹万零伍亿元整",
      "-1315.00, 负壹仟叁佰壹拾伍元整",
  })
  void writesTheDocumentedForms(String amount, String words) {
    assertEquals(words, ChineseAmountWords.of(Money.of(amount)));
  }

  /**
   * A 零 exactly where a run of zeros lies between two written digits, and nowhere else — next to each of the group
   * boundaries, where the zeros may fall at the end of one group or the start of the next. The reader above skips every
   * 零, so only these pin where one is written: 壹万零壹仟 for 11 000 or 壹亿伍佰万 for 105 000 000 had read back right.
   */
  @ParameterizedTest
  @CsvSource({
      "1011.00, 壹仟零壹拾壹元整",
      "11000.00, 壹万壹仟元整",
      "10100.00, 壹万零壹佰元整",
      "110000000.00, 壹亿壹仟万元整",
      "105000000.00, 壹亿零伍佰万元整",
      // a 亿 group ending in zeros but not all zeros takes no 零 before the next group's 仟万 (only an all-zero one
      // does): a mutant testing high % 1000 for high % 10000 had written 壹仟亿零壹仟万 unnoticed
      "100010000000.00, 壹仟亿壹仟万元整",
      "300020000000.00, 叁仟亿贰仟万元整",
      "10100010000000.00, 壹拾万壹仟亿壹仟万元整",
  })
  void writesOneZeroForEachRunOfZerosBetweenDigits(String amount, String words) {
    assertEquals(words, ChineseAmountWords.of(Money.of(amount)));
  }

  /**
   * Above 万亿 the 亿 group may be all zeros between two written digits, and takes its 零 as the 万 group does below
   * 亿 (壹亿零壹仟元整): 10^12 + 10^7 yuan had been written 壹万亿壹仟万元整, no 零 for the four zeros from 仟亿 down to 亿.
   * Amounts in fen, as {@code Money.of} reads at most 10^15 yuan and a debt's total may be six times that.
   */
  @ParameterizedTest
  @CsvSource({
      "100001000000000, 壹万亿零壹仟万元整",
      "100000000000100, 壹万亿零壹元整",
      "100000001000000, 壹万亿零壹万元整",
      "500009900000000, 伍万亿零玖仟玖佰万元整",
      "100010000000000, 壹万零壹亿元整",
      "100011000000000, 壹万零壹亿壹仟万元整",
      "1000000001000000000, 壹亿亿零壹仟万元整",
      "110000000000000, 壹万壹仟亿元整",
  })
  void writesAZeroForAWholeYiGroupOfZerosBetweenDigits(long fen, String words) {
    assertEquals(words, ChineseAmountWords.of(Money.ofFen(fen)));
    assertEquals(fen, read(words));
  }

  /** The extremes of a long: the least has no positive counterpart, and once made negateExact fail on it. */
  @Test
  void writesTheExtremesOfALong() {
    String largest = ChineseAmountWords.of(Money.ofFen(Long.MAX_VALUE));
    assertEquals(Long.MAX_VALUE, read(largest));
    assertTrue(largest.endsWith("元零柒分"), largest);
    assertEquals("负" + largest.substring(0, largest.length() - 2) + "捌分", ChineseAmountWords.of(Money.ofFen(Long.MIN_VALUE)));
  }

  @Property(tries = 1000)
  void readingTheWordsBackGivesTheAmount(@ForAll @LongRange(min = -9_000_000_000_000_000L, max = 9_000_000_000_000_000L) long fen) {
    assertEquals(fen, read(ChineseAmountWords.of(Money.ofFen(fen))), () -> ChineseAmountWords.of(Money.ofFen(fen)));
  }

  @Property(tries = 500)
  void smallAmountsReadBack(@ForAll @LongRange(min = 0, max = 10_000_000) long fen) {
    assertEquals(fen, read(ChineseAmountWords.of(Money.ofFen(fen))));
  }

  /** An independent reader of capitals, in fen. */
  static long read(String words) {
    String w = words;
    long sign = 1;
    if (w.startsWith("负")) {
      sign = -1;
      w = w.substring(1);
    }
    if (w.endsWith("整")) {
      w = w.substring(0, w.length() - 1);
    }
    long fen = 0;
    int yuanAt = w.indexOf('元');
    if (yuanAt >= 0) {
      fen = integer(w.substring(0, yuanAt)) * 100;
      w = w.substring(yuanAt + 1);
    }
    w = w.replace("零", "");
    int jiaoAt = w.indexOf('角');
    if (jiaoAt >= 0) {
      fen += 10L * digit(w.charAt(jiaoAt - 1));
      w = w.substring(jiaoAt + 1);
    }
    if (w.endsWith("分")) {
      fen += digit(w.charAt(0));
    }
    return sign * fen;
  }

  private static long integer(String s) {
    int yi = s.lastIndexOf('亿');
    if (yi >= 0) {
      return integer(s.substring(0, yi)) * 100_000_000L + integer(s.substring(yi + 1));
    }
    int wan = s.indexOf('万');
    if (wan >= 0) {
      return group(s.substring(0, wan)) * 10_000 + group(s.substring(wan + 1));
    }
    return group(s);
  }

  private static long group(String s) {
    long value = 0;
    String t = s.replace("零", "");
    for (int i = 0; i < t.length(); i++) {
      int d = digit(t.charAt(i));
      int unit = 1;
      if (i + 1 < t.length() && "拾佰仟".indexOf(t.charAt(i + 1)) >= 0) {
        unit = switch (t.charAt(++i)) {
          case '拾' -> 10;
          case '佰' -> 100;
          default -> 1000;
        };
      }
      value += (long) d * unit;
    }
    return value;
  }

  private static int digit(char c) {
    int d = "零壹贰叁肆伍陆柒捌玖".indexOf(c);
    if (d < 0) {
      throw new AssertionError("'" + c + "' is not a capital digit");
    }
    return d;
  }
}
