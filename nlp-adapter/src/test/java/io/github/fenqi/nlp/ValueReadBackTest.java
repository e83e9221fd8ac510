package io.github.fenqi.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A value stated in any of the sentence shapes lenders use, in ASCII, full-width or Chinese digits, is read back
 * exactly; and the words next to a number, a negation or a "none" word (a modal verb between 不 and 超过, a 无 that
 * begins 无法, a 免 that 不 negates) do not turn it into another value.
 */
class ValueReadBackTest {
  private final PolicyTextExtractor extractor = PolicyTextExtractor.create();

  private Optional<Object> value(String text, PolicyField field) {
    return extractor.extract(text).field(field).map(ExtractedField::value);
  }

  private void assertRatio(BigDecimal expected, String text, PolicyField field) {
    Optional<Object> got = value(text, field);
    assertTrue(got.isPresent(), "nothing read from " + text);
    assertEquals(0, expected.compareTo((BigDecimal) got.get()), text + " gave " + got.get());
  }

  /** How a number is written: ASCII, full-width, or Chinese numerals (1..999). */
  enum Digits { ASCII, FULL_WIDTH, CHINESE }

  private static final String[] CN = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

  private static String written(int n, Digits digits) {
    return switch (digits) {
      case ASCII -> Integer.toString(n);
      case FULL_WIDTH -> Integer.toString(n).chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
          .reduce("", String::concat);
      case CHINESE -> n > 999 ? Integer.toString(n) : chinese(n);
    };
  }

  private static String chinese(int n) {
    if (n < 10) {
      return CN[n];
    }
    if (n < 100) {
      return (n < 20 ? "" : CN[n / 10]) + "十" + (n % 10 == 0 ? "" : CN[n % 10]);
    }
    int rest = n % 100;
    String tail = rest == 0 ? "" : rest < 10 ? "零" + CN[rest] : (rest < 20 ? "一" : "") + chinese(rest);
    return CN[n / 100] + "百" + tail;
  }

  /** A whole number stated in one shape of sentence: the field it sets and its value. */
  record Stated(PolicyField field, String shape, int value) {}

  /** Overdue days, the most and the least installments, each in every shape a lender writes them. */
  @Property(tries = 800)
  void wholeNumbersAreReadBack(@ForAll("wholeNumbers") Stated stated, @ForAll Digits digits) {
    String text = stated.shape().formatted(written(stated.value(), digits));
    assertEquals(Optional.of(stated.value()), value(text, stated.field()), text);
  }

  @Provide
  Arbitrary<Stated> wholeNumbers() {
    Arbitrary<Stated> overdue = shapes(PolicyField.MIN_OVERDUE_DAYS, 1, 3650, "逾期超过%s天的客户可申请分期。",
        "逾期满%s天的客户可申请。", "逾期%s天以上的客户,可申请。", "逾期天数在%s天以上的用户。", "逾期≥%s天。",
        "对于逾期已达%s天的客户,可申请。", "逾期时间超过%s天,可申请。", "逾期%s天(含)以上。", "逾期达到%s日的客户。");
    Arbitrary<Stated> most = shapes(PolicyField.MAX_INSTALLMENTS, 2, 360, "最长可分%s期。", "分期期数最多%s期。",
        "最多不超过%s期。", "分期最高%s期。", "可分%s期以内。", "还款期限最长%s个月。", "分期上限为%s期。", "最长可分%s期偿还。",
        "期数不得超过%s期。");
    Arbitrary<Stated> least = shapes(PolicyField.MIN_INSTALLMENTS, 1, 360, "最短%s期。", "分期期数不少于%s期。",
        "最少可分%s期。", "分期期数不低于%s期。");
    return Arbitraries.oneOf(overdue, most, least);
  }

  private static Arbitrary<Stated> shapes(PolicyField field, int min, int max, String... shapes) {
    return Arbitraries.of(shapes).flatMap(
        shape -> Arbitraries.integers().between(min, max).map(v -> new Stated(field, shape, v)));
  }

  /** A waiver cap of 0.1 %..100 % (tenths of a percent) for each component, in each shape of a cap. */
  @Property(tries = 400)
  void waiverCapsAreReadBackPerComponent(@ForAll @IntRange(min = 1, max = 1000) int tenthsOfPercent,
      @ForAll("components") String component, @ForAll("capShapes") String shape) {
    BigDecimal percent = BigDecimal.valueOf(tenthsOfPercent, 1).stripTrailingZeros();
    String text = shape.formatted(component, percent.toPlainString());
    assertRatio(percent.movePointLeft(2), text, componentField(component));
  }

  @Provide
  Arbitrary<String> components() {
    return Arbitraries.of("罚息", "逾期利息", "利息", "违约金", "滞纳金", "本金");
  }

  private static PolicyField componentField(String component) {
    return switch (component) {
      case "罚息", "逾期利息" -> PolicyField.MAX_PENALTY_WAIVER;
      case "利息" -> PolicyField.MAX_INTEREST_WAIVER;
      case "违约金", "滞纳金" -> PolicyField.MAX_LATE_FEE_WAIVER;
      case "本金" -> PolicyField.PRINCIPAL_WAIVER;
      default -> throw new IllegalArgumentException(component);
    };
  }

  @Provide
  Arbitrary<String> capShapes() {
    return Arbitraries.of("%s最高减免%s%%。", "%s最高可减免%s%%。", "%s减免比例最高为%s%%。", "%s可减免%s%%。",
        "%s减免上限%s%%。", "%s减免不超过%s%%。", "%s最多减免%s%%。", "%s减免最多不超过%s%%。", "%s减免不得超过%s%%。");
  }

  @Property(tries = 200)
  void downPaymentRatiosAreReadBack(@ForAll @IntRange(min = 1, max = 1000) int tenthsOfPercent,
      @ForAll("downPaymentShapes") String shape) {
    BigDecimal percent = BigDecimal.valueOf(tenthsOfPercent, 1).stripTrailingZeros();
    String text = shape.formatted(percent.toPlainString());
    assertRatio(percent.movePointLeft(2), text, PolicyField.MIN_DOWN_PAYMENT_RATIO);
  }

  @Provide
  Arbitrary<String> downPaymentShapes() {
    return Arbitraries.of("首付不低于%s%%。", "首付比例不低于欠款总额的%s%%。", "首付款不得低于%s%%。", "需首付%s%%。",
        "首付比例为%s%%。", "首期还款不少于%s%%。");
  }

  @Property(tries = 200)
  void monthlyFeeRatesAreReadBackInEveryShape(@ForAll @IntRange(min = 1, max = 999) int hundredthsOfPercent,
      @ForAll("feeShapes") String shape) {
    BigDecimal percent = BigDecimal.valueOf(hundredthsOfPercent, 2);
    String text = shape.formatted(percent.toPlainString());
    assertRatio(percent.movePointLeft(2), text, PolicyField.MONTHLY_FEE_RATE);
  }

  @Provide
  Arbitrary<String> feeShapes() {
    return Arbitraries.of("每月分期手续费为%s%%。", "每月收取%s%%的手续费。", "每期手续费%s%%。", "分期手续费每月%s%%。",
        "月费率%s%%。", "手续费按月收取,费率%s%%。", "每月服务费%s%%。");
  }

  /** Every field stated once in one announcement, in any order: each is read back, none borrows another's number. */
  @Property(tries = 200)
  void everyFieldOfOneAnnouncementIsReadBack(@ForAll @IntRange(min = 1, max = 365) int days,
      @ForAll @IntRange(min = 2, max = 120) int periods, @ForAll @IntRange(min = 1, max = 100) int penalty,
      @ForAll @IntRange(min = 1, max = 100) int lateFee, @ForAll @IntRange(min = 1, max = 50) int down,
      @ForAll @IntRange(min = 1, max = 200) int feeHundredths, @ForAll boolean proof, @ForAll boolean stops,
      @ForAll Digits digits, @ForAll("orders") List<Integer> order) {
    String[] parts = {
        "逾期超过" + written(days, digits) + "天的客户可申请分期",
        "最长可分" + written(periods, digits) + "期",
        "罚息最高减免" + written(penalty, digits) + "%",
        "违约金最多可减免" + lateFee + "%",
        "首付不低于" + down + "%",
        "每月手续费" + BigDecimal.valueOf(feeHundredths, 2).toPlainString() + "%",
        proof ? "需提供困难证明" : "无需提供证明材料",
        stops ? "分期期间停息挂账" : "分期期间利息照常计算"};
    List<String> sentences = new ArrayList<>();
    order.forEach(i -> sentences.add(parts[i]));
    String text = String.join("。", sentences) + "。";
    ExtractionResult r = extractor.extract(text);
    assertEquals(Optional.of(days), r.field(PolicyField.MIN_OVERDUE_DAYS).map(ExtractedField::value), text);
    assertEquals(Optional.of(periods), r.field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::value), text);
    assertRatio(BigDecimal.valueOf(penalty, 2), text, PolicyField.MAX_PENALTY_WAIVER);
    assertRatio(BigDecimal.valueOf(lateFee, 2), text, PolicyField.MAX_LATE_FEE_WAIVER);
    assertRatio(BigDecimal.valueOf(down, 2), text, PolicyField.MIN_DOWN_PAYMENT_RATIO);
    assertRatio(BigDecimal.valueOf(feeHundredths, 4), text, PolicyField.MONTHLY_FEE_RATE);
    assertEquals(Optional.of(proof), r.field(PolicyField.REQUIRES_HARDSHIP_PROOF).map(ExtractedField::value), text);
    assertEquals(Optional.of(stops), r.field(PolicyField.STOPS_INTEREST).map(ExtractedField::value), text);
  }

  @Provide
  Arbitrary<List<Integer>> orders() {
    return Arbitraries.shuffle(0, 1, 2, 3, 4, 5, 6, 7);
  }

  /**
   * An overdue limit negated at a distance is an upper bound, not the minimum: "逾期不得超过90天" had been read as
   * "overdue at least 90 days", because only a 不 or 未 right before 超过 was seen.
   */
  @Property(tries = 200)
  void aNegatedOverdueLimitIsNoMinimum(@ForAll @IntRange(min = 1, max = 3650) int days, @ForAll Digits digits,
      @ForAll("negatedLimits") String negated, @ForAll("overdueMeasures") String measure) {
    String text = "逾期" + measure + negated + written(days, digits) + "天的客户可申请延期还款。";
    assertEquals(Optional.empty(), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
  }

  @Provide
  Arbitrary<String> negatedLimits() {
    return Arbitraries.of("不超过", "不得超过", "不能超过", "不可超过", "不应超过", "没有超过", "没超过", "未超过", "尚未超过",
        "最多不超过", "不可以超过", "不应当超过", "未满", "不满", "不足");
  }

  @Provide
  Arbitrary<String> overdueMeasures() {
    return Arbitraries.of("", "时间", "天数");
  }

  @Test
  void aNegatedOverdueLimitBeforeTheWordOverdueIsNoMinimum() {
    assertEquals(Optional.empty(), value("对不得超过90天的逾期客户可申请延期。", PolicyField.MIN_OVERDUE_DAYS));
    assertEquals(Optional.of(90), value("对超过90天的逾期客户可申请分期。", PolicyField.MIN_OVERDUE_DAYS));
  }

  /**
   * A 无 or 免 that begins another word, a negated 免, and a refusal of charges beyond the fee state no fee of 0;
   * each had been read as "no fee" (and "手续费无优惠,费率为0.6%" as a fee of 0, over the stated rate).
   */
  @Test
  void noneWordsNextToTheFeeThatDoNotSayNoFee() {
    for (String text : List.of("分期手续费无法减免。", "手续费无折扣。", "手续费无优惠。", "手续费免不了。", "分期不免收手续费。",
        "不免手续费。", "本公司不收取手续费以外的任何费用。", "不收取手续费之外的费用。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MONTHLY_FEE_RATE), text);
    }
    assertRatio(new BigDecimal("0.006"), "每月手续费无优惠,费率为0.6%。", PolicyField.MONTHLY_FEE_RATE);
    for (String text : List.of("不收取任何手续费。", "手续费为0。", "免手续费。", "无手续费。", "零手续费。", "手续费全免。",
        "手续费:无。", "手续费：无", "0手续费。", "分期免收手续费。", "手续费免收。", "手续费无需支付。", "手续费免。")) {
      assertRatio(BigDecimal.ZERO, text, PolicyField.MONTHLY_FEE_RATE);
    }
  }

  /** "无停息挂账业务" offers no interest stop; it had been read as one (无 was not among the negations before 停息). */
  @Test
  void aStopThatIsNotThereIsNoStop() {
    for (String text : List.of("本产品无停息挂账业务。", "暂无停息挂账政策。", "本行并无停息挂账。")) {
      assertEquals(Optional.of(false), value(text, PolicyField.STOPS_INTEREST), text);
    }
    assertEquals(Optional.of(true), value("符合条件的客户可申请停息挂账。", PolicyField.STOPS_INTEREST));
  }

  /**
   * A "no down payment" form that is refused states no down payment of 0: "本产品不免首付" had been read as 0, and
   * "不提供零首付,首付不低于20%" as undetermined (0 against the 20 % stated).
   */
  @Test
  void aRefusedZeroDownPaymentIsNoZero() {
    for (String text : List.of("本产品不免首付。", "并非零首付。", "不是零首付。", "不支持零首付。", "不支持无需首付。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_DOWN_PAYMENT_RATIO), text);
    }
    assertRatio(new BigDecimal("0.2"), "本产品不提供零首付,首付不低于20%。", PolicyField.MIN_DOWN_PAYMENT_RATIO);
    assertRatio(new BigDecimal("0.1"), "本产品不免首付,首付不低于10%。", PolicyField.MIN_DOWN_PAYMENT_RATIO);
    for (String text : List.of("无需首付。", "不需要首付。", "零首付。", "免首付。", "本产品无首付要求。", "首付为0。")) {
      assertRatio(BigDecimal.ZERO, text, PolicyField.MIN_DOWN_PAYMENT_RATIO);
    }
  }
}
