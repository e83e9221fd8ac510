package io.github.fenqi.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
  private final TextNormalizer normalizer = TextNormalizer.standard();

  @ParameterizedTest
  @CsvSource({
      "分十二期, 分12期",
      "二十四至六十期, 24至60期",
      "最多分三十六期, 最多分36期",
      "一百二十期, 120期",
      "两年, 2年",
      "减免百分之三十, 减免30%",
      "每月百分之零点五, 每月0.5%",
      "千分之六的手续费, 6‰的手续费",
      "违约金减免百分之百, 违约金减免100%",
      "逾期超过半年, 逾期超过6个月",
      "减免一半, 减免50%",
      "最多减免半数, 最多减免50%",
      "一次性偿还, 一次性偿还",
      "本金一分不减, 本金一分不减",
      "滞纳金减免五成, 滞纳金减免5成",
      "逾期９０天以上, 逾期90天以上",
      "８０％, 80%",
      "罰息及違約金, 罚息及违约金",
      "二〇二六年, 2026年",
      "最长可分叁拾陆期, 最长可分36期",
      "分贰拾肆至陆拾期, 分24至60期",
      "减免百分之叁拾, 减免30%",
      "壹佰贰拾期, 120期",
      "陆期, 6期",
      "減免參拾%, 减免30%",
      "陆续减免, 陆续减免",
      "大陆地区, 大陆地区",
      "请联系陆先生, 请联系陆先生",
      "伍某的账户, 伍某的账户",
      "可选期数㈠12期㈡24期㈩36期, 可选期数、12期、24期、36期",
      "分拾贰至贰拾肆期, 分12至24期",
      "罚息减免百分之伍, 罚息减免5%",
  })
  void rewritesNumeralsWidthAndScript(String input, String expected) {
    assertEquals(expected, normalizer.normalize(input).text());
  }

  /**
   * A fraction that is a whole number of hundredths or less (二分之一, 四分之三, 八分之一, 十分之三) is a percentage, and the
   * small and Arabic percent signs (﹪, ٪) are %: "罚息最高减免二分之一", "减免50﹪" had been read as nothing. A fraction with
   * no exact decimal is written to a hundredth of a percent rounded down (三分之一 → 33.33%, 三分之二 → 66.66%; it had been
   * left as written, and read as nothing), and 十分 (very) before anything but a numeral stays a word.
   */
  @ParameterizedTest
  @CsvSource({
      "减免二分之一, 减免50%",
      "减免两分之一, 减免50%",
      "减免四分之三, 减免75%",
      "减免八分之一, 减免12.5%",
      "减免十分之三, 减免30%",
      "减免2分之1, 减免50%",
      "减免三分之一, 减免33.33%",
      "减免三分之二, 减免66.66%",
      "十分之重要, 十分之重要",
      "减免50﹪, 减免50%",
      "减免50٪, 减免50%",
  })
  void readsFractionsAndOtherPercentSigns(String input, String expected) {
    assertEquals(expected, normalizer.normalize(input).text());
  }

  @Test
  void mapsNormalisedSpansBackToOriginalCharacters() {
    String original = "最长可分三十六期偿还";
    NormalizedText n = normalizer.normalize(original);
    int at = n.text().indexOf("36期");
    int start = n.originalStart(at);
    int end = n.originalEnd(at + "36期".length());
    assertEquals("三十六期", original.substring(start, end));
  }

  @Property(tries = 300)
  void offsetMapStaysWithinOriginalAndIsMonotone(
      @ForAll @StringLength(max = 40) @Chars({'一', '二', '十', '百', '千', '万', '点', '半', '年', '分', '之', '期', '两',
          '零', '％', '１', 'a', ',', '罰', '叁', '拾', '陆', '续'}) String original) {
    NormalizedText n = normalizer.normalize(original);
    int previous = 0;
    for (int i = 0; i < n.text().length(); i++) {
      int s = n.originalStart(i);
      int e = n.originalEnd(i + 1);
      assertTrue(s >= previous && s < e && e <= original.length(), "char " + i + " of '" + n.text() + "'");
      previous = s;
    }
  }

  /**
   * A number rounded down from a fraction with no exact decimal is marked over its characters, and a span
   * {@code [start, end)} ending where it starts holds none of it.
   */
  @Test
  void aRoundedDownNumberIsMarkedOverItsOwnCharactersOnly() {
    NormalizedText n = normalizer.normalize("首付不低于三分之一");
    assertEquals("首付不低于33.33%", n.text());
    assertTrue(n.roundedDown(5, 11));
    assertTrue(n.roundedDown(10, 11));
    assertEquals(false, n.roundedDown(0, 5), "the span before the number ends where it starts");
    assertEquals(false, n.roundedDown(11, 11));
    assertEquals(false, normalizer.normalize("首付不低于二分之一").roundedDown(0, 9), "an exact fraction");
  }
}
