package io.github.fenqi.nlp;

import static io.github.fenqi.nlp.ReadBack.assertRatio;
import static io.github.fenqi.nlp.ReadBack.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

  /**
   * A whole number stated in one shape of sentence: the field it sets, the number written and the value read, which
   * is one past the number for a strict bound ("逾期超过90天" = 91, since core admits {@code overdueDays >= min}).
   */
  record Stated(PolicyField field, String shape, int value, int read) {}

  /** Overdue days, the most and the least installments, each in every shape a lender writes them. */
  @Property(tries = 800)
  void wholeNumbersAreReadBack(@ForAll("wholeNumbers") Stated stated, @ForAll Digits digits) {
    String text = stated.shape().formatted(written(stated.value(), digits));
    assertEquals(Optional.of(stated.read()), value(text, stated.field()), text);
  }

  @Provide
  Arbitrary<Stated> wholeNumbers() {
    return Arbitraries.oneOf(shapesOf(PolicyField.MIN_OVERDUE_DAYS), shapesOf(PolicyField.MAX_INSTALLMENTS),
        shapesOf(PolicyField.MIN_INSTALLMENTS));
  }

  private static Arbitrary<Stated> shapesOf(PolicyField field) {
    return switch (field) {
      case MIN_OVERDUE_DAYS -> Arbitraries.oneOf(shapes(field, 1, 3650, 0,
          "逾期满%s天的客户可申请。", "逾期%s天以上的客户,可申请。", "逾期天数在%s天以上的用户。", "逾期≥%s天。",
          "对于逾期已达%s天的客户,可申请。", "逾期%s天(含)以上。", "逾期达到%s日的客户。"),
          shapes(field, 1, 3649, 1, "逾期超过%s天的客户可申请分期。", "逾期时间超过%s天,可申请。", "逾期大于%s天。"));
      case MAX_INSTALLMENTS -> shapes(field, 2, 360, 0, "最长可分%s期。", "分期期数最多%s期。",
          "最多不超过%s期。", "分期最高%s期。", "可分%s期以内。", "还款期限最长%s个月。", "分期上限为%s期。", "最长可分%s期偿还。",
          "期数不得超过%s期。");
      case MIN_INSTALLMENTS -> shapes(field, 1, 360, 0, "最短%s期。", "分期期数不少于%s期。",
          "最少可分%s期。", "分期期数不低于%s期。");
      default -> throw new IllegalArgumentException(field.toString());
    };
  }

  /**
   * Two sentences stating one field with different values: read alone, each is a statement; together, the field
   * is left undetermined with a conflict note naming both values when both are explicit (a cue word next to the
   * value), and the explicit one is the value when the other is only inferred ("可分36期以内"). The more confident
   * of two explicit statements had been taken silently.
   */
  @Property(tries = 300)
  void twoExplicitStatementsOfDifferentValuesConflict(@ForAll("differentStatements") List<Stated> pair,
      @ForAll Digits digits) {
    Stated a = pair.get(0);
    Stated b = pair.get(1);
    String first = a.shape().formatted(written(a.value(), digits));
    String second = b.shape().formatted(written(b.value(), digits));
    ExtractedField alone1 = extractor.extract(first).field(a.field()).orElseThrow();
    ExtractedField alone2 = extractor.extract(second).field(b.field()).orElseThrow();
    ExtractionResult both = extractor.extract(first + second);
    if (alone1.confidence() >= 0.8 && alone2.confidence() >= 0.8) {
      assertEquals(Optional.empty(), both.field(a.field()).map(ExtractedField::value), first + second);
      List<ExtractionNote> notes = both.notes(a.field());
      assertEquals(1, notes.size(), first + second + ": " + notes);
      assertEquals(ExtractionNote.Kind.CONFLICT, notes.get(0).kind());
      assertEquals(List.of(a.read(), b.read()), notes.get(0).readings().stream().map(ExtractedField::value).toList());
    } else if (alone1.confidence() != alone2.confidence()) {
      Stated sure = alone1.confidence() > alone2.confidence() ? a : b;
      assertEquals(Optional.of(sure.read()), both.field(a.field()).map(ExtractedField::value), first + second);
    }
  }

  @Provide
  Arbitrary<List<Stated>> differentStatements() {
    return Arbitraries.of(PolicyField.MIN_OVERDUE_DAYS, PolicyField.MAX_INSTALLMENTS, PolicyField.MIN_INSTALLMENTS)
        .flatMap(f -> shapesOf(f).list().ofSize(2))
        .filter(p -> p.get(0).read() != p.get(1).read());
  }

  /**
   * How long a borrower must have repaid before applying is a precondition, not the plan's number of installments:
   * "需至少正常还款3个月后" had been read as at least 3 installments. A term stated beside it is still read.
   */
  @Property(tries = 200)
  void aRepaymentRecordRequiredFirstIsNoInstallmentCount(@ForAll @IntRange(min = 1, max = 360) int n,
      @ForAll Digits digits, @ForAll("repaidFirst") String shape, @ForAll @IntRange(min = 2, max = 60) int term) {
    String precondition = shape.formatted(written(n, digits));
    ExtractionResult alone = extractor.extract(precondition + "。");
    assertEquals(Optional.empty(), alone.field(PolicyField.MIN_INSTALLMENTS).map(ExtractedField::value), precondition);
    assertEquals(Optional.empty(), alone.field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::value), precondition);
    String text = precondition + ",最短可分" + term + "期。";
    assertEquals(Optional.of(term), value(text, PolicyField.MIN_INSTALLMENTS), text);
  }

  @Provide
  Arbitrary<String> repaidFirst() {
    return Arbitraries.of("需至少正常还款%s个月后方可申请", "至少按时还款%s期后可申请减免", "连续正常还款不少于%s个月的客户可申请",
        "已还款最少%s期", "需按期还款满%s个月以后", "至少正常还款%s期后", "累计还款不低于%s期");
  }

  /** "需提供困难证明。无需提供困难证明。" had read as proof required; a flag stated both ways is now a conflict. */
  @Property(tries = 100)
  void aFlagStatedBothWaysIsAConflict(@ForAll("proofRequired") String yes, @ForAll("proofNotRequired") String no,
      @ForAll boolean yesFirst) {
    String text = yesFirst ? yes + no : no + yes;
    ExtractionResult r = extractor.extract(text);
    assertEquals(Optional.empty(), r.field(PolicyField.REQUIRES_HARDSHIP_PROOF).map(ExtractedField::value), text);
    ExtractionNote note = r.notes(PolicyField.REQUIRES_HARDSHIP_PROOF).get(0);
    assertEquals(ExtractionNote.Kind.CONFLICT, note.kind());
    assertEquals(yesFirst ? List.of(true, false) : List.of(false, true),
        note.readings().stream().map(ExtractedField::value).toList(), text);
  }

  @Provide
  Arbitrary<String> proofRequired() {
    return Arbitraries.of("需提供困难证明。", "申请时须提交收入证明。", "客户需上传相关困难证明材料。", "要求出具失业证明。");
  }

  @Provide
  Arbitrary<String> proofNotRequired() {
    return Arbitraries.of("无需提供困难证明。", "不需要提交证明材料。", "可提供证明,但非必须。", "免于提供困难证明。");
  }

  /** Numbers in {@code min..max} written in each of {@code shapes}, read as the number plus {@code shift}. */
  private static Arbitrary<Stated> shapes(PolicyField field, int min, int max, int shift, String... shapes) {
    return Arbitraries.of(shapes).flatMap(
        shape -> Arbitraries.integers().between(min, max).map(v -> new Stated(field, shape, v, v + shift)));
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

  /**
   * A cap or a floor on the monthly fee is not the fee: "每月手续费不超过0.6%" had been read as a fee of 0.6 %. The field
   * stays undetermined and a note carries the bound; a rate stated elsewhere in the text is still read.
   */
  @Property(tries = 300)
  void aBoundedFeeIsANoteNotTheRate(@ForAll @IntRange(min = 1, max = 999) int hundredthsOfPercent,
      @ForAll("feeBoundShapes") String shape, @ForAll @IntRange(min = 1, max = 999) int statedHundredths) {
    BigDecimal percent = BigDecimal.valueOf(hundredthsOfPercent, 2);
    String text = shape.formatted(percent.toPlainString());
    ExtractionResult r = extractor.extract(text);
    assertEquals(Optional.empty(), r.field(PolicyField.MONTHLY_FEE_RATE).map(ExtractedField::value), text);
    boolean floor = shape.contains("低") || shape.contains("起");
    ExtractionNote note = onlyNote(r, PolicyField.MONTHLY_FEE_RATE,
        floor ? ExtractionNote.Kind.AT_LEAST : ExtractionNote.Kind.AT_MOST, text);
    assertEquals(0, percent.movePointLeft(2).compareTo(note.readings().get(0).decimalValue()), text);
    BigDecimal stated = BigDecimal.valueOf(statedHundredths, 2);
    String both = text + "本产品每月手续费为" + stated.toPlainString() + "%。";
    assertRatio(stated.movePointLeft(2), both, PolicyField.MONTHLY_FEE_RATE);
  }

  @Provide
  Arbitrary<String> feeBoundShapes() {
    return Arbitraries.of("每月手续费不超过%s%%。", "每月分期手续费最高%s%%。", "每期手续费不得高于%s%%。", "月费率上限为%s%%。",
        "每月手续费%s%%以内。", "每月服务费最多%s%%。", "每月手续费不低于%s%%。", "月费率最低%s%%。", "每期手续费%s%%起。");
  }

  /** A down payment in tenths ("首付一成", "首付两成半") is read as the ratio; it had not been read at all. */
  @Property(tries = 200)
  void aDownPaymentInTenthsIsRead(@ForAll @IntRange(min = 1, max = 9) int tenths, @ForAll boolean half,
      @ForAll Digits digits, @ForAll("tenthsShapes") String shape) {
    String text = shape.formatted(written(tenths, digits) + "成" + (half ? "半" : ""));
    BigDecimal expected = BigDecimal.valueOf(tenths, 1).add(half ? new BigDecimal("0.05") : BigDecimal.ZERO);
    assertRatio(expected, text, PolicyField.MIN_DOWN_PAYMENT_RATIO);
  }

  @Provide
  Arbitrary<String> tenthsShapes() {
    return Arbitraries.of("首付%s。", "需首付%s。", "首付比例为%s。", "首付款不低于%s。", "首付%s,最长可分36期。");
  }

  /** An amount of nothing as the down payment ("首付款0元") is none; the money mask had hidden its 0. */
  @Test
  void aDownPaymentOfNoMoneyIsNone() {
    for (String text : List.of("首付款0元。", "0元首付。", "首付0元。", "首付金额为0元。", "零元首付。", "首付款0.00元。")) {
      assertRatio(BigDecimal.ZERO, text, PolicyField.MIN_DOWN_PAYMENT_RATIO);
    }
    for (String text : List.of("首付款1000元。", "首付款10元。", "首付款0.5万元。", "首付款100元起。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_DOWN_PAYMENT_RATIO), text);
    }
  }

  /**
   * An overdue range ("逾期30-90天", "逾期30至90天", "逾期1到3个月") gives its lower end as the least overdue days and a
   * note with its upper end, which the policy has no field for; neither end had been read.
   */
  @Property(tries = 300)
  void anOverdueRangeGivesTheLeastAndNotesTheMost(@ForAll @IntRange(min = 1, max = 119) int lo,
      @ForAll @IntRange(min = 1, max = 120) int span, @ForAll Digits digits,
      @ForAll("overdueRangeShapes") String shape) {
    int hi = Math.min(lo + span, 120);
    boolean months = shape.contains("个月");
    String text = shape.formatted(written(lo, digits), written(hi, digits));
    ExtractionResult r = extractor.extract(text);
    assertEquals(Optional.of(months ? lo * 30 : lo), r.field(PolicyField.MIN_OVERDUE_DAYS).map(ExtractedField::value),
        text);
    ExtractionNote note = onlyNote(r, PolicyField.MIN_OVERDUE_DAYS, ExtractionNote.Kind.AT_MOST, text);
    assertEquals(months ? hi * 30 : hi, note.readings().get(0).intValue(), text);
  }

  /** The one note {@code r} holds on {@code field}, asserted to be of {@code kind}. */
  private static ExtractionNote onlyNote(ExtractionResult r, PolicyField field, ExtractionNote.Kind kind, String text) {
    List<ExtractionNote> notes = r.notes(field);
    assertEquals(1, notes.size(), text + ": " + notes);
    assertEquals(kind, notes.get(0).kind(), text);
    return notes.get(0);
  }

  @Provide
  Arbitrary<String> overdueRangeShapes() {
    return Arbitraries.of("逾期%s-%s天的客户可申请。", "逾期%s至%s天的客户可申请分期。", "逾期%s天至%s天的客户。", "逾期%s到%s天。",
        "逾期天数在%s~%s天之间的客户可申请。", "逾期%s至%s个月的客户可申请。", "对逾期%s—%s天的客户,最长可分36期。");
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
    // "逾期超过N天": more than N, so N + 1 in core's overdueDays >= minOverdueDays
    assertEquals(Optional.of(days + 1), r.field(PolicyField.MIN_OVERDUE_DAYS).map(ExtractedField::value), text);
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
    assertEquals(Optional.of(91), value("对超过90天的逾期客户可申请分期。", PolicyField.MIN_OVERDUE_DAYS)); // strict
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
