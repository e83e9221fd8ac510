package io.github.fenqi.nlp;

import static io.github.fenqi.nlp.ReadBack.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.testkit.LinearTime;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reading conventions that tie a number in the text to the policy field it fills: the extracted value must mean
 * what core means by the field. Core admits a debt when {@code overdueDays >= minOverdueDays} and a plan whose down
 * payment is at least {@code minRatio} of the settled amount, so a strict threshold in the text ("超过90天") is one
 * past its number, as a strict bound on the term already was ("须超过12期" = 13).
 */
class PolicyConventionsTest {
  private final PolicyTextExtractor extractor = PolicyTextExtractor.create();

  private static void assertRatio(String expected, String text, PolicyField field) {
    ReadBack.assertRatio(new BigDecimal(expected), text, field);
  }

  /**
   * "逾期超过90天" admits a debt 91 days overdue, not one of 90; core compares {@code overdueDays >= minOverdueDays},
   * so the field is 91 (it had been 90, admitting the 90-day debt the text refuses). Inclusive words keep the number.
   */
  @Test
  void aStrictOverdueThresholdIsOnePastItsNumber() {
    Map<String, Integer> strict = Map.of("逾期超过90天的客户可申请分期。", 91, "逾期超过3个月的客户可申请。", 91,
        "逾期超过半年的客户可申请。", 181, "逾期大于90天可申请。", 91, "逾期＞90天的客户可申请。", 91,
        "超过90天的逾期客户可申请。", 91, "逾期时间超过了90天的客户可申请。", 91, "逾期天数高于90天的客户可申请。", 91,
        "逾期超过90天以上可申请。", 91, "逾期多于60天可申请。", 61);
    strict.forEach((text, days) -> assertEquals(Optional.of(days), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
    Map<String, Integer> inclusive = Map.of("逾期满90天方可申请。", 90, "逾期90天以上可申请。", 90, "逾期≥90天可申请。", 90,
        "逾期达到90天可申请。", 90, "逾期超过90天(含90天)的客户可申请。", 90, "逾期超过90天(含)的客户可申请。", 90,
        "逾期不足90天的不予办理。", 90, "逾期30-90天可申请。", 30);
    inclusive.forEach((text, days) -> assertEquals(Optional.of(days), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
  }

  /**
   * An inclusion mark decides whether an overdue threshold includes its number, wherever it stands: after a strict word
   * ("超过90天(含)的逾期客户" 90, read as nothing before: the mark between the period and 的逾期 had kept the threshold
   * before 逾期 from matching, and its inclusive check was never reached), before or after 以上 ("逾期90天(含90天)以上" 90,
   * read as nothing; "逾期90天以上(不含)" 91, read as 90), in full-width brackets too, and in a refused short overdue
   * ("逾期不足90天(含)的不予办理" refuses 90 too: 91, read as 90).
   */
  @Test
  void anInclusionMarkDecidesWhetherAnOverdueThresholdIncludesItsNumber() {
    Map<String, Integer> days = Map.ofEntries(Map.entry("超过90天(含)的逾期客户可申请。", 90),
        Map.entry("超过90天（含）的逾期客户可申请。", 90), Map.entry("超过90天(含90天)的逾期客户可申请。", 90),
        Map.entry("超过90天（不含）的逾期客户可申请。", 91), Map.entry("90天（含）以上的逾期客户可申请。", 90),
        Map.entry("90天以上（不含）的逾期客户可申请。", 91), Map.entry("逾期90天(含90天)以上的客户可申请。", 90),
        Map.entry("逾期90天（含）以上的客户可申请。", 90), Map.entry("逾期90天以上(不含)的客户可申请。", 91),
        Map.entry("逾期90天以上（不含90天）的客户可申请。", 91), Map.entry("逾期超过90天（含本数）的客户可申请。", 90),
        Map.entry("逾期超过3个月（含90天）的客户可申请。", 90), Map.entry("逾期不足90天(含)的不予办理。", 91),
        Map.entry("逾期不足90天(不含)的不予办理。", 90));
    days.forEach((text, d) -> assertEquals(Optional.of(d), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
  }

  /**
   * A mark that makes the period an upper bound, or that disagrees with its word or names another period, leaves the
   * least overdue days unread: "逾期在90天(含)以内" had been read as 90 (以内 after the mark was not seen), and so had
   * "逾期满90天(不含)" (满 includes 90, the mark excludes it: which did the lender mean?).
   */
  @Test
  void anInclusionMarkBeforeAnUpperBoundOrAgainstItsWordIsNoMinimum() {
    for (String text : List.of("逾期在90天(含)以内的客户可申请分期。", "逾期在90天（含90天）以内的客户可申请分期。",
        "逾期在90天(含)以下的客户可申请分期。", "逾期满90天（不含）的客户可申请。", "满90天（不含）的逾期客户可申请。",
        "逾期≥90天(不含)的客户可申请。", "逾期超过90天(含60天)的客户可申请。", "逾期90天(含)以上(不含)的客户可申请。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
    }
  }

  /**
   * 以上 before 逾期 is a threshold as after it, including its number ("90天以上的逾期客户" 90, as "逾期90天以上" is 90: it
   * had been read as nothing); "大于等于" is no strict threshold ("逾期天数大于等于90天" 90: it had been 91). A period
   * before an overdue charge or record is no threshold of who may apply ("超过90天的逾期罚息不予减免" had been read as 91).
   */
  @Test
  void yiShangBeforeYuqiIncludesItsNumberAsAfterIt() {
    Map<String, Integer> days = Map.of("90天以上的逾期客户可申请。", 90, "逾期90天以上的客户可申请。", 90,
        "3个月以上的逾期客户可申请。", 90, "90天及以上的逾期客户可申请。", 90, "逾期天数大于等于90天的客户可申请。", 90,
        "大于等于90天的逾期客户可申请。", 90, "逾期不小于90天的客户可申请。", 90);
    days.forEach((text, d) -> assertEquals(Optional.of(d), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
    for (String text : List.of("90天的逾期客户可申请。", "90天以上的逾期利息按日计收。", "超过90天的逾期罚息不予减免。",
        "90天以上的逾期客户不适用本政策。", "190天以下的逾期客户可申请。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
    }
  }

  /**
   * Each word of an inclusion mark is read: 包含 and 包括 as 含, 在内 after the period it includes, and a period in
   * months or years ("逾期超过90天(包括90天在内)" 90, "(包含90天)" 90, "(不包括90天)" 91, "超过3个月(含3个月)" 90).
   */
  @Test
  void everyWordOfAnInclusionMarkIsRead() {
    Map<String, Integer> days = Map.of("逾期超过90天(包括90天在内)的客户可申请。", 90, "逾期超过90天（包含90天）的客户可申请。", 90,
        "逾期超过90天（不包括90天）的客户可申请。", 91, "逾期超过90天（含本数在内）的客户可申请。", 90,
        "逾期超过3个月（含3个月）的客户可申请。", 90, "逾期超过1年（含1年）的客户可申请。", 360);
    days.forEach((text, d) -> assertEquals(Optional.of(d), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
    // the whole mark is the period, or it is not read: "(含90天以内)" says the opposite of 超过
    assertEquals(Optional.empty(), value("逾期超过90天（含90天以内）的客户可申请。", PolicyField.MIN_OVERDUE_DAYS));
  }

  /**
   * Each overdue charge, amount or record after a period before 逾期 keeps the period from being a threshold of who may
   * apply: 费(用), 本金, 金额, 违约金, 滞纳金, 次数 (only 利息, 罚息 and 记录 had been pinned).
   */
  @Test
  void everyOverdueChargeOrRecordAfterAPeriodIsNoThreshold() {
    for (String text : List.of("90天以上的逾期费用可全额减免。", "90天以上的逾期本金可分60期偿还。", "超过90天的逾期次数将影响征信。",
        "90天以上的逾期金额可申请分期。", "90天以上的逾期违约金可全额减免。", "90天以上的逾期滞纳金可全额减免。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
    }
  }

  /**
   * A refused short overdue whose mark names another period is left unread ("逾期不足90天(含60天)的不予办理": which of 60
   * and 90 is refused?).
   */
  @Test
  void aRefusedShortOverdueWithAMarkOfAnotherPeriodIsUnread() {
    assertEquals(Optional.empty(), value("逾期不足90天(含60天)的不予办理。", PolicyField.MIN_OVERDUE_DAYS));
  }

  /**
   * A period before 逾期 that measures something else is no overdue threshold: how long the card has been held
   * ("持卡6个月以上的逾期客户" had been read as 180 since a bare 以上 before 逾期 became a threshold; "持卡满6个月的逾期客户"
   * as 180 before that), the loan's term or the plan's ("贷款期限1年以上的逾期客户" had been 360). A cardholder's overdue
   * debt is still one ("持卡人90天以上的逾期欠款" 90).
   */
  @Test
  void aPeriodOfSomethingElseBeforeYuqiIsNoOverdueThreshold() {
    for (String text : List.of("持卡6个月以上的逾期客户可申请个性化分期。", "持卡满6个月的逾期客户可申请。",
        "贷款期限1年以上的逾期客户可申请。", "分期期数为12个月以上的逾期客户可申请。", "开户时间已满1年的逾期客户可申请。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
    }
    assertEquals(Optional.of(90), value("持卡人90天以上的逾期欠款可申请分期。", PolicyField.MIN_OVERDUE_DAYS));
  }

  /** The overdue forms above stay linear in a long sentence, and in a digit run (a threshold may start at a digit). */
  @Test
  void overdueMarksAreReadInLinearTime() {
    LinearTime.assertLinear("overdue marks in one long sentence", scale -> {
      assertEquals(Optional.of(90), value("90天(含)以上的逾期客户，".repeat(1_000 * scale), PolicyField.MIN_OVERDUE_DAYS));
      assertEquals(Optional.of(91), value("逾期90天以上(不含)，".repeat(1_000 * scale), PolicyField.MIN_OVERDUE_DAYS));
      assertEquals(Optional.empty(), value("9".repeat(5_000 * scale) + "天以上的逾期客户", PolicyField.MIN_OVERDUE_DAYS));
    });
  }

  /**
   * A half after months is half a month of days ("2个月半" 75, as "1年半" is 180), and a rest of days below a month
   * adds its days ("2个月29天" 89); a month's half had only been seen after years and half a year.
   */
  @Test
  void aHalfOrARestOfDaysAfterMonthsAddsItsDays() {
    Map<String, Integer> days = Map.of("逾期满2个月半的客户可申请。", 75, "逾期满三个月半方可申请。", 105,
        "逾期满2个月29天的客户可申请。", 89, "逾期满1年11个月的客户可申请。", 690);
    days.forEach((text, d) -> assertEquals(Optional.of(d), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
  }

  /**
   * Days after years add their days ("1年10天" 370), and a threshold below which the plan is refused reads the rest
   * after its unit as a minimum does ("逾期不足2个月10天的不予办理" 70); both had dropped it (360, 60), admitting debts
   * the text refuses.
   */
  @Test
  void daysAfterYearsAndTheRestOfARefusedThresholdAddTheirDays() {
    Map<String, Integer> days = Map.of("逾期满1年10天的客户可申请。", 370, "逾期超过1年10天的客户可申请。", 371,
        "逾期不足2个月10天的不予办理。", 70, "逾期未满1年6个月的客户不可申请。", 540, "逾期不足2个月半的不予办理。", 75,
        "逾期满1年45天的客户可申请。", 405); // days after years are no month: 45 of them add 45
    days.forEach((text, d) -> assertEquals(Optional.of(d), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
  }

  /**
   * A rest as long as its unit or longer ("2个月30天", "1年12个月") may be a sum (90 days) or the unit glossed
   * ("1个月30天": one month, that is 30 days), and months after months are no period: the overdue field is left unread
   * rather than read wrong. The rest had added nothing ("逾期2个月30天以上" 60, admitting debts of 60 days).
   */
  @Test
  void aRestAsLongAsItsUnitLeavesTheOverduePeriodUnread() {
    for (String text : List.of("逾期2个月30天以上的客户可申请。", "逾期满1个月30天的客户可申请。", "逾期超过2个月30天的客户可申请。",
        "逾期满1年12个月的客户可申请。", "逾期满2个月3个月的客户可申请。", "逾期不足2个月30天的不予办理。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
    }
    assertEquals(Optional.of(89), value("逾期2个月29天以上的客户可申请。", PolicyField.MIN_OVERDUE_DAYS));
  }

  /**
   * A half or any rest after days ("逾期满90天半", "90天10天") leaves the overdue period unread, as months after months
   * do: half a day is no overdue rule, and 90 would admit the debt of 90 days that "满90天半" refuses. The half had been
   * dropped (90, 91 after 超过), where after months and years it is half the unit ("2个月半" 75, "1年半" 540).
   */
  @Test
  void aHalfOrARestAfterDaysLeavesTheOverduePeriodUnread() {
    for (String text : List.of("逾期满90天半的客户可申请。", "逾期超过90天半的客户可申请。", "逾期90天半以上的客户可申请。",
        "逾期满90日半的客户可申请。", "逾期不足90天半的不予办理。", "逾期满90天10天的客户可申请。", "满90天半的逾期客户可申请。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
    }
    assertEquals(Optional.of(540), value("逾期满1年半的客户可申请。", PolicyField.MIN_OVERDUE_DAYS));
  }

  /**
   * A threshold before 逾期 reads the rest after its unit as one after 逾期 does ("满2个月10天的逾期客户" 70, as
   * "逾期满2个月10天" is; "满1年半的逾期客户" 540): they had been read as nothing, the rest between the unit and 的逾期.
   */
  @Test
  void aThresholdBeforeOverdueReadsItsRest() {
    Map<String, Integer> days = Map.of("满2个月10天的逾期客户可申请。", 70, "满1年半的逾期客户可申请。", 540,
        "满2个月半的逾期客户可申请。", 75, "超过2个月10天的逾期客户可申请。", 71, "满1年6个月以上的逾期客户可申请。", 540,
        "逾期满2个月10天的客户可申请。", 70, "满90天的逾期用户可申请。", 90, "逾期天数满90天的客户可申请。", 90);
    days.forEach((text, d) -> assertEquals(Optional.of(d), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
    for (String text : List.of("满2个月30天的逾期客户可申请。", "满1年12个月的逾期客户可申请。", "满2个月10天的逾期客户不适用本政策。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
    }
  }

  /**
   * A threshold before 逾期 takes the words one after 逾期 takes ("大于90天的逾期客户" 91 as "逾期大于90天" is, "不低于90天的逾期客户"
   * 90, "≥90天的逾期客户" 90): only 超过, 满, 达到 and 不少于 had been read there, the others as nothing. Negated, it is
   * still no minimum ("不大于90天的逾期客户").
   */
  @Test
  void aThresholdBeforeOverdueTakesTheWordsOfOneAfterIt() {
    Map<String, Integer> days = Map.of("大于90天的逾期客户可申请。", 91, "高于2个月10天的逾期客户可申请。", 71, "多于60天的逾期客户可申请。", 61,
        "不低于90天的逾期客户可申请。", 90, "≥90天的逾期客户可申请。", 90, ">=90天的逾期客户可申请。", 90, ">90天的逾期客户可申请。", 91,
        "已达90天的逾期客户可申请。", 90, "达3个月的逾期客户可申请。", 90);
    days.forEach((text, d) -> assertEquals(Optional.of(d), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
    for (String text : List.of("不大于90天的逾期客户可申请。", "未高于90天的逾期客户可申请。", "大于90天的逾期客户不适用本政策。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
    }
  }

  /**
   * "逾期在90天以下": 以下 after the period makes it the most overdue, no minimum, as 以内, 之内 and 内 do; with 以上 it
   * is the least. The 在 had made it a threshold, so only the word after it keeps it from being read as the minimum.
   */
  @Test
  void anOverduePeriodFollowedByYiXiaIsNoMinimum() {
    for (String text : List.of("逾期在90天以下的客户可申请。", "逾期在3个月以下的客户可申请。", "逾期在90天以内的客户可申请。",
        "逾期在30天内的客户可申请。", "逾期在90天之内的客户可申请。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
    }
    assertEquals(Optional.of(90), value("逾期在90天以上的客户可申请。", PolicyField.MIN_OVERDUE_DAYS));
  }

  /**
   * Every overdue form reads up to ten years (3650 days) and nothing beyond, at both ends alike: a threshold, a range's
   * upper end, "不足…的不予办理" and a threshold before 逾期.
   */
  @Test
  void everyOverdueFormReadsUpToTenYears() {
    Map<String, Integer> read = Map.of("逾期满3650天的客户可申请。", 3650, "逾期30至3650天的客户可申请。", 30,
        "逾期不足3650天的不予办理。", 3650, "满3650天的逾期客户可申请。", 3650);
    read.forEach((text, d) -> assertEquals(Optional.of(d), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
    for (String text : List.of("逾期满3651天的客户可申请。", "逾期30至3651天的客户可申请。", "逾期不足3651天的不予办理。",
        "满3651天的逾期客户可申请。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
    }
  }

  /**
   * A waiver cap at either end of 0..1 is read: "最高不超过100%" in a clause after a bare waiver is a cap of 1, and a strict
   * bound of one hundredth ("低于1%", "不可减免1%以上") is a cap of 0, the largest hundredth below it, not nothing.
   */
  @Test
  void aWaiverCapAtNothingOrAllIsRead() {
    Map<String, String> caps = Map.of("罚息可酌情减免，最高不超过100%。", "1.0", "罚息可酌情减免，比例低于1%。", "0.0",
        "罚息不可减免1%以上。", "0.0", "罚息减免低于1%。", "0.0", "罚息减免100%。", "1.0");
    caps.forEach((text, r) -> assertRatio(r, text, PolicyField.MAX_PENALTY_WAIVER));
  }

  /**
   * "首付不能超过30%", "首付不得高于30%": the most a down payment may be, no least; only 不超过, 不高于 and 不得超过 were
   * known, so these had been read as a minimum down payment of 0.3, the cap taken for the floor.
   */
  @Test
  void aNegatedExcessWithAModalVerbCapsTheDownPayment() {
    for (String text : List.of("首付不能超过30%。", "首付不可高于30%。", "首付不得高于欠款的30%。", "首付比例不应大于30%。",
        "首付不允许超过三成。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_DOWN_PAYMENT_RATIO), text);
    }
  }

  /**
   * "首付须超过10%": core's least down payment is the ratio itself (DebtTerms: the settled amount times it, rounded
   * up), which the text refuses, so the field is the least ratio above it at the precision written, a hundredth at
   * the least (0.11; "超过10.5%" 0.106): a minimum rounds up, never allowing less than the text. It had been read as
   * 0.1, as a strict cap on a waiver is the largest below it (0.49 for "低于50%").
   */
  @Test
  void aStrictDownPaymentFloorIsJustAboveItsNumber() {
    Map<String, String> strict = Map.of("首付须超过10%。", "0.11", "首付款须高于欠款总额的10%。", "0.11",
        "首付比例需超过一成。", "0.11", "首付需大于10.5%。", "0.106", "首付超过20%的客户可申请。", "0.21",
        "首付>10%。", "0.11");
    strict.forEach((text, r) -> assertRatio(r, text, PolicyField.MIN_DOWN_PAYMENT_RATIO));
    Map<String, String> inclusive = Map.of("首付不低于10%。", "0.1", "首付须达到10%。", "0.1", "首付10%以上。", "0.1",
        "首付低于10%的不予受理。", "0.1", "首付>=10%。", "0.1", "逾期超过90天的客户首付不低于10%。", "0.1");
    inclusive.forEach((text, r) -> assertRatio(r, text, PolicyField.MIN_DOWN_PAYMENT_RATIO));
    assertEquals(Optional.empty(), value("首付须超过100%。", PolicyField.MIN_DOWN_PAYMENT_RATIO));
  }

  /**
   * A label that names the number of installments ("期数", "分期期数", "可选期数") gives a range or list after it its
   * unit: "期数：12～36", "分期期数：12-36" (the second had been masked as a phone number), "可选期数：3、6、9、12" had been
   * read as nothing. A label that does not say what is counted ("期限：12-36": months or years?) or counts something
   * else ("逾期期数：1-3", "展期期数：1-2") is still read as nothing.
   */
  @Test
  void aRangeOrListAfterALabelNamingInstallmentsIsRead() {
    Map<String, List<Integer>> read = Map.of("期数：12～36", List.of(12, 36), "分期期数：12-36", List.of(12, 36),
        "分期期数:12至36。", List.of(12, 36), "还款期数为6-24,手续费每月0.5%。", List.of(6, 24),
        "可选期数：3、6、9、12", List.of(3, 12), "<td>分期期数</td><td>12-36</td>", List.of(12, 36),
        "可分期数：3、6、9、12期。", List.of(3, 12)); // with its unit, not read again without the last item
    read.forEach((text, range) -> {
      ExtractionResult r = extractor.extract(text);
      assertEquals(Optional.of(range.get(0)), r.field(PolicyField.MIN_INSTALLMENTS).map(ExtractedField::value), text);
      assertEquals(Optional.of(range.get(1)), r.field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::value), text);
    });
    for (String text : List.of("期限：12-36", "逾期期数：1-3", "展期期数：1-2", "期数：36-12", "客服电话：0571-87654321",
        "期数：2026-12-01起调整")) {
      ExtractionResult r = extractor.extract(text);
      assertEquals(Optional.empty(), r.field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::value), text);
      assertEquals(Optional.empty(), r.field(PolicyField.MIN_INSTALLMENTS).map(ExtractedField::value), text);
    }
  }

  /**
   * A fraction with no exact decimal (三分之一, 三分之二, 七分之一) had been left as written, so "罚息最高减免三分之一" was read
   * as nothing. It is now read at four decimals, rounded the way that never allows more than the text: a waiver cap
   * down (1/3 = 0.3333, 2/3 = 0.6666), a minimum down payment up (1/3 = 0.3334), so a plan within the field is
   * within the text. Exact fractions are unchanged (二分之一 = 0.5, 八分之一 = 0.125).
   */
  @Test
  void aFractionWithoutAnExactDecimalRoundsTheSafeWay() {
    assertRatio("0.3333", "罚息最高减免三分之一。", PolicyField.MAX_PENALTY_WAIVER);
    assertRatio("0.6666", "违约金最多减免三分之二。", PolicyField.MAX_LATE_FEE_WAIVER);
    assertRatio("0.6666", "利息可减免3分之2。", PolicyField.MAX_INTEREST_WAIVER);
    assertRatio("0.1428", "罚息减免不超过七分之一。", PolicyField.MAX_PENALTY_WAIVER);
    assertRatio("0.3334", "首付不低于欠款总额的三分之一。", PolicyField.MIN_DOWN_PAYMENT_RATIO);
    assertRatio("0.6667", "首付须达到三分之二。", PolicyField.MIN_DOWN_PAYMENT_RATIO);
    assertRatio("0.5", "罚息最高减免二分之一。", PolicyField.MAX_PENALTY_WAIVER);
    assertRatio("0.125", "罚息最高减免八分之一。", PolicyField.MAX_PENALTY_WAIVER);
    assertRatio("0.125", "首付不低于八分之一。", PolicyField.MIN_DOWN_PAYMENT_RATIO);
  }

  /**
   * Options numbered with circled digits ("可选期数①12期②24期③36期", "⑴3期⑵6期") had been read as nothing: a circled
   * digit is an item marker, now read as the 、 between items, so the options are a list (12..36). It is never the
   * digit it shows (①12期 is no 112 installments).
   */
  @Test
  void optionsNumberedWithCircledDigitsAreAList() {
    Map<String, List<Integer>> read = Map.of("可选期数①12期②24期③36期。", List.of(12, 36),
        "分期期数：⑴3期 ⑵6期 ⑶12期", List.of(3, 12), "期数可选❶6期❷12期", List.of(6, 12));
    read.forEach((text, range) -> {
      ExtractionResult r = extractor.extract(text);
      assertEquals(Optional.of(range.get(0)), r.field(PolicyField.MIN_INSTALLMENTS).map(ExtractedField::value), text);
      assertEquals(Optional.of(range.get(1)), r.field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::value), text);
    });
    ExtractionResult r = extractor.extract("①逾期满90天；②最长可分36期；③罚息最高减免50%。");
    assertEquals(Optional.of(90), r.field(PolicyField.MIN_OVERDUE_DAYS).map(ExtractedField::value));
    assertEquals(Optional.of(36), r.field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::value));
    assertRatio("0.5", "①罚息最高减免50%②本金不予减免", PolicyField.MAX_PENALTY_WAIVER);
    assertRatio("0", "①罚息最高减免50%②本金不予减免", PolicyField.PRINCIPAL_WAIVER);
  }

  /**
   * "罚息不可减免50%以上": a waiver of 50% or more is refused (以上 includes its number, as "36期以上的不予受理" is 35 at
   * most), so the cap is the largest ratio below it, 0.49, as for "减免比例低于50%". It had been read as nothing, the
   * refused share taken for no cap at all. "不得减免超过50%" stays 0.5.
   */
  @Test
  void aRefusalOfAShareAndAboveIsACapJustUnderIt() {
    Map<String, String> caps = Map.of("罚息不可减免50%以上。", "0.49", "罚息不得减免百分之五十及以上。", "0.49",
        "违约金不予减免三成以上。", "0.29", "罚息不可减免超过50%。", "0.5");
    caps.forEach((text, r) -> {
      PolicyField f = text.startsWith("违约金") ? PolicyField.MAX_LATE_FEE_WAIVER : PolicyField.MAX_PENALTY_WAIVER;
      assertRatio(r, text, f);
    });
    assertEquals(Optional.empty(), value("罚息不减免50%。", PolicyField.MAX_PENALTY_WAIVER));
  }

  /**
   * A negated refusal is no refusal: "罚息不得不减免" (has to waive), "本金不是不可以减免" (can be waived) had been read as
   * a cap of 0, the opposite of the text. They state no cap; with a share, the share is the waiver
   * ("罚息不得不减免50%" = 0.5, as "罚息减免50%"), where it had been read as a refused share, nothing.
   */
  @Test
  void aNegatedRefusalIsNoRefusal() {
    for (String text : List.of("罚息不得不减免。", "本金不是不可以减免。", "罚息并非不能减免。", "违约金不会不予减免。")) {
      ExtractionResult r = extractor.extract(text);
      for (PolicyField f : List.of(PolicyField.MAX_PENALTY_WAIVER, PolicyField.PRINCIPAL_WAIVER,
          PolicyField.MAX_LATE_FEE_WAIVER)) {
        assertEquals(Optional.empty(), r.field(f).map(ExtractedField::value), text + " " + f);
      }
    }
    assertRatio("0.5", "罚息不得不减免50%。", PolicyField.MAX_PENALTY_WAIVER);
    assertRatio("0", "罚息不予减免。", PolicyField.MAX_PENALTY_WAIVER);
    assertRatio("0", "罚息不得减免。", PolicyField.MAX_PENALTY_WAIVER);
  }

  /**
   * The forms read here stay linear in a very long text with no sentence break: labelled ranges, circled items, double
   * negations, strict floors and inexact fractions, each repeated thousands of times in one sentence.
   */
  @Test
  void theseFormsAreReadInLinearTimeInAVeryLongSentence() {
    LinearTime.assertLinear("conventions in one long sentence", scale -> {
      assertEquals(Optional.of(36), value("分期期数：12～36，".repeat(1_000 * scale), PolicyField.MAX_INSTALLMENTS));
      assertEquals(Optional.of(24), value("①12期②24期".repeat(1_000 * scale), PolicyField.MAX_INSTALLMENTS));
      assertEquals(Optional.empty(), value("罚息不得不减免".repeat(1_000 * scale), PolicyField.MAX_PENALTY_WAIVER));
      assertRatio("0.11", "首付须超过10%，".repeat(1_000 * scale), PolicyField.MIN_DOWN_PAYMENT_RATIO);
      assertRatio("0.3334", "首付不低于三分之一".repeat(1_000 * scale), PolicyField.MIN_DOWN_PAYMENT_RATIO);
      assertEquals(Optional.of(91), value("逾期超过90天，".repeat(1_000 * scale), PolicyField.MIN_OVERDUE_DAYS));
    });
  }
}
