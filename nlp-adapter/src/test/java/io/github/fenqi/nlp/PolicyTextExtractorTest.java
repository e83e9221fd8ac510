package io.github.fenqi.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.testkit.LinearTime;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PolicyTextExtractorTest {
  private final PolicyTextExtractor extractor = PolicyTextExtractor.create();

  private Optional<Object> value(String text, PolicyField field) {
    return extractor.extract(text).field(field).map(ExtractedField::value);
  }

  /** {@code text} gives the installment range {@code min}..{@code max}. */
  private void assertInstallments(String text, int min, int max) {
    ExtractionResult r = extractor.extract(text);
    assertEquals(Optional.of(min), r.field(PolicyField.MIN_INSTALLMENTS).map(ExtractedField::value), text);
    assertEquals(Optional.of(max), r.field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::value), text);
  }

  private static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  private static void assertDecimal(String expected, Optional<Object> actual) {
    assertDecimal(expected, actual, "");
  }

  private static void assertDecimal(String expected, Optional<Object> actual, String why) {
    assertTrue(actual.isPresent(), "expected " + expected + ", got nothing " + why);
    assertEquals(0, dec(expected).compareTo((BigDecimal) actual.get()),
        "expected " + expected + ", got " + actual.get() + " " + why);
  }

  @Test
  void readmeExampleHolds() {
    ExtractionResult r = extractor.extract("逾期超过3个月的客户最长可分五年偿还，罚息最高减免百分之五十，本金不予减免。");
    assertEquals(60, r.field(PolicyField.MAX_INSTALLMENTS).orElseThrow().intValue());
    assertEquals(91, r.field(PolicyField.MIN_OVERDUE_DAYS).orElseThrow().intValue()); // more than 90 days
    assertDecimal("0.5", r.field(PolicyField.MAX_PENALTY_WAIVER).map(ExtractedField::value));
    assertEquals("本金不予减免", r.field(PolicyField.PRINCIPAL_WAIVER).orElseThrow().evidence().text());
    assertEquals(java.util.Set.of(FinancialTerm.PENALTY_INTEREST, FinancialTerm.PRINCIPAL), r.terms());
  }

  @Test
  void anExtractedValueIsTheSameAsALiveOneOfEqualAmount() {
    ExtractedField half = extractor.extract("罚息最高减免百分之五十。").field(PolicyField.MAX_PENALTY_WAIVER).orElseThrow();
    assertTrue(half.sameValueAs(new BigDecimal("0.50")), "0.5 and 0.50 are the same ratio");
    assertFalse(half.sameValueAs(new BigDecimal("0.3")));
    assertFalse(half.sameValueAs(null), "no live value is never the same");
    ExtractedField term = extractor.extract("最长可分36期偿还。").field(PolicyField.MAX_INSTALLMENTS).orElseThrow();
    assertTrue(term.sameValueAs(36));
    assertFalse(term.sameValueAs(24));
  }

  @Test
  void readsYearsAsMonths() {
    assertEquals(Optional.of(60), value("最长可分五年偿还。", PolicyField.MAX_INSTALLMENTS));
  }

  @Test
  void readsOverdueMonthsAndHalfYearAsDays() {
    assertEquals(Optional.of(91), value("逾期超过3个月的客户可申请。", PolicyField.MIN_OVERDUE_DAYS)); // more than 90
    assertEquals(Optional.of(90), value("逾期满3个月的客户可申请。", PolicyField.MIN_OVERDUE_DAYS));
    assertEquals(Optional.of(180), value("逾期满半年方可申请。", PolicyField.MIN_OVERDUE_DAYS));
  }

  /** "一年半" was read as 12 months and "八成五" as 0.8: the half after the unit was dropped. */
  @Test
  void readsTheHalfOrMonthsAfterYearsAndTheHalfAfterTenths() {
    Map<String, Integer> terms = Map.of("最长可分一年半偿还。", 18, "最长可分两年零六个月。", 30, "最长可分2年6个月。", 30,
        "最长可分3年。", 36);
    terms.forEach((text, months) -> assertEquals(Optional.of(months), value(text, PolicyField.MAX_INSTALLMENTS), text));
    Map<String, String> waivers = Map.of("罚息最高减免八成五。", "0.85", "罚息减免八成半。", "0.85", "罚息减免7成5。", "0.75",
        "罚息减免五成。", "0.5");
    waivers.forEach((text, ratio) -> assertDecimal(ratio, value(text, PolicyField.MAX_PENALTY_WAIVER), text));
  }

  /**
   * Months after years that make a year or more ("1年12个月") may be a sum (24) or the year glossed (one year, that is
   * 12 months): the term is left unread in every bound that reads months after years, not read as the 12 months
   * before it (the months had added nothing). Eleven months still add (23).
   */
  @Test
  void monthsAfterYearsMakingAYearLeaveTheTermUnread() {
    Map<String, PolicyField> unread = Map.of("最长可分1年12个月。", PolicyField.MAX_INSTALLMENTS, "分期期限1年12个月以内。",
        PolicyField.MAX_INSTALLMENTS, "分期期限1年12个月以上。", PolicyField.MIN_INSTALLMENTS, "最短可分1年12个月。",
        PolicyField.MIN_INSTALLMENTS, "分期期限最长2年零15个月。", PolicyField.MAX_INSTALLMENTS);
    unread.forEach((text, field) -> assertEquals(Optional.empty(), value(text, field), text));
    assertEquals(Optional.of(23), value("最长可分1年11个月。", PolicyField.MAX_INSTALLMENTS));
    assertEquals(Optional.of(24), value("分期期限须超过1年11个月。", PolicyField.MIN_INSTALLMENTS));
  }

  /** "逾期超过一年半" was 360 days: the half year or the months and days after the first unit were dropped. */
  @Test
  void readsOverduePeriodsInTwoUnits() {
    Map<String, Integer> days = Map.of("逾期超过一年半的客户可申请。", 541, "逾期满1年6个月的客户可申请。", 540,
        "逾期超过两个月零十天的客户可申请。", 71, "逾期满三个月以上的客户可申请。", 90); // 超过 is strict: one day more
    days.forEach((text, d) -> assertEquals(Optional.of(d), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
  }

  @Test
  void readsRangesInMonthsAndPeriods() {
    ExtractionResult r = extractor.extract("可分12至36个月偿还。");
    assertEquals(12, r.field(PolicyField.MIN_INSTALLMENTS).orElseThrow().intValue());
    assertEquals(36, r.field(PolicyField.MAX_INSTALLMENTS).orElseThrow().intValue());
    ExtractionResult r2 = extractor.extract("分期期数3-60期。");
    assertEquals(3, r2.field(PolicyField.MIN_INSTALLMENTS).orElseThrow().intValue());
    assertEquals(60, r2.field(PolicyField.MAX_INSTALLMENTS).orElseThrow().intValue());
  }

  /**
   * A range whose ends are in different units reads each end in its own unit: "可分6个月至2年" is 6..24 months, and
   * "可分1年至36个月" 12..36 (kills the mutants that read the end in the start's unit, or the start in the end's, at
   * PolicyRules.java:816/817: each read the range as nothing).
   */
  @Test
  void eachEndOfARangeIsReadInItsOwnUnit() {
    assertInstallments("可分6个月至2年还清。", 6, 24);
    assertInstallments("可分1年至36个月还清。", 12, 36);
  }

  /**
   * A range's end in years reads the half or the months after it ("可分1年6个月至3年" 18..36, "可分1年至2年半" 12..30): the
   * first had been read as 6..36 (its range found in "6个月至3年"), the second as 12..24. Months making a year or more
   * leave the range unread, and months are read after 年 only ("16个月" is no year and six months).
   */
  @Test
  void aRangeEndInYearsReadsTheMonthsAfterIt() {
    assertInstallments("可分1年6个月至3年还清。", 18, 36);
    assertInstallments("可分1年至2年半还清。", 12, 30);
    assertInstallments("分期期限1年至2年零6个月。", 12, 30);
    assertInstallments("可分16个月至3年还清。", 16, 36);
    for (String text : List.of("可分1年12个月至3年还清。", "可分1年至2年12个月还清。")) {
      assertEquals(List.of(), List.copyOf(extractor.extract(text).fields().keySet()), text);
    }
  }

  /** "可分一至三年": a lone numeral starting a range is a number (it had stayed a word, and the range was missed). */
  @Test
  void aRangeFromALoneChineseNumeralIsRead() {
    Map<String, List<Integer>> ranges = Map.of("可分一至三年。", List.of(12, 36), "可分两到五年还清。", List.of(24, 60),
        "可分三~十二期。", List.of(3, 12));
    ranges.forEach((text, minMax) -> assertInstallments(text, minMax.get(0), minMax.get(1)));
    assertEquals(List.of(), List.copyOf(extractor.extract("一到期即需还款。").fields().keySet()), "一到期 is a word");
  }

  /** A space before the unit ("12-36 期", "12－36　期") had made the range look like a phone number, masked away. */
  @Test
  void aRangeWithASpaceBeforeItsUnitIsNoPhoneNumber() {
    for (String text : List.of("分期期数12-36 期。", "可分12-36 个月偿还。", "可分12－36　期。")) {
      assertInstallments(text, 12, 36);
    }
    assertDecimal("0.5", value("罚息减免30-50 %。", PolicyField.MAX_PENALTY_WAIVER));
    assertEquals(List.of(), List.copyOf(extractor.extract("客服热线400-820-8820 期待您的来电。").fields().keySet()));
  }

  /** "最长可分12期至36期": the bound word stands before a range, whose upper end is the most (12 had been read). */
  /** A least equal to the most is one term, not a contradiction: only a least above the most is dropped. */
  @Test
  void aLeastEqualToTheMostIsKept() {
    assertInstallments("分期期数不少于12期。最长可分12期。", 12, 12);
  }

  /**
   * A least above the most, each stated as surely as the other ("最短可分36期，最长可分12期", a text contradicting
   * itself), leaves both undetermined: the least had been kept, 36 installments read from a text that also says 12
   * at most. A least or most only inferred (the ends of a list of options) still gives way to an explicit statement.
   */
  @Test
  void aLeastAboveAnEquallySureMostLeavesBothUndetermined() {
    for (String text : List.of("最短可分36期，最长可分12期。", "最长可分12期。最短可分36期。", "分期期数不少于36期，不超过12期。")) {
      ExtractionResult r = extractor.extract(text);
      assertEquals(Optional.empty(), r.field(PolicyField.MIN_INSTALLMENTS).map(ExtractedField::value), text);
      assertEquals(Optional.empty(), r.field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::value), text);
      assertTrue(r.undetermined().containsAll(List.of(PolicyField.MIN_INSTALLMENTS, PolicyField.MAX_INSTALLMENTS)),
          text);
    }
    ExtractionResult inferred = extractor.extract("可选期数：3、6、9、12期。最短可分24期。");
    assertEquals(Optional.of(24), inferred.field(PolicyField.MIN_INSTALLMENTS).map(ExtractedField::value));
    assertEquals(Optional.empty(), inferred.field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::value));
  }

  @Test
  void aBoundBeforeARangeIsTheRangesUpperEnd() {
    for (String text : List.of("最长可分12期至36期。", "最长可分12期-36期。", "分期期限最长1年至3年。")) {
      assertInstallments(text, 12, 36);
    }
    assertEquals(Optional.of(36), value("最长可分36期，最短3期。", PolicyField.MAX_INSTALLMENTS));
  }

  /**
   * "最长可分12期、24期或36期": a bound word before a list of options is the list's, as it is before a range, so the most
   * is the largest option; the first, 12, had been read as the most (and the list's least beside it, 12..12). So
   * before options in years, read as a list now ({@link #readsListsOfOptionsInMonthsAndYears}).
   */
  @Test
  void aBoundBeforeAListIsTheLists() {
    for (String text : List.of("最长可分12期、24期或36期。", "最多可选12期或36期。", "最长可分12期/24期/36期。",
        "分期期数最长为12期、24期、36期。")) {
      assertInstallments(text, 12, 36);
    }
    assertInstallments("最长可分一年、两年或三年。", 12, 36);
    // a bound followed by something else than another option is still the bound
    assertEquals(Optional.of(36), value("最长可分36期、需提供困难证明。", PolicyField.MAX_INSTALLMENTS));
    assertEquals(Optional.of(36), value("最长可分36期或按月还款。", PolicyField.MAX_INSTALLMENTS));
    // months and 期 make no list of options: the bound before them stays the most
    assertEquals(Optional.of(36), value("最长可分36期及6个月宽限期。", PolicyField.MAX_INSTALLMENTS));
    assertEquals(Optional.of(36), value("最长可分36个月及3期免息。", PolicyField.MAX_INSTALLMENTS));
  }

  /**
   * Options in months or years are read as the list of periods is, from the least to the most, a bare option in the
   * unit of the next written ("可分1、2、3年"), where the clause names the term before them: they had been read as
   * nothing, and after a bound as its first option ("最长可分6个月、1年或2年" as 6). A list with months after years in an
   * option ("1年6个月、3年") is read as nothing, not from its second option; nor is a time something else has lasted
   * ("入职满1年或2年").
   */
  @Test
  void readsListsOfOptionsInMonthsAndYears() {
    Map<String, List<Integer>> lists = Map.of("可分1年、2年或3年。", List.of(12, 36), "分期期限3年/5年。", List.of(36, 60),
        "可分12、24、36个月。", List.of(12, 36), "可分1、2、3年。", List.of(12, 36), "最长可分6个月、1年或2年。",
        List.of(6, 24), "贷款期限可选12个月/24个月/36个月。", List.of(12, 36), "可分2年或者1年。", List.of(12, 24));
    lists.forEach((text, minMax) -> assertInstallments(text, minMax.get(0), minMax.get(1)));
    for (String text : List.of("可分1年6个月、3年。", "可分1年零6个月、3年。", "可分1年、2年6个月。",
        "入职满1年或2年的员工可分期。", "逾期1年或2年的客户可分期。", "可分1年或2期。")) {
      assertEquals(List.of(), List.copyOf(extractor.extract(text).fields().keySet()), text);
    }
  }

  /**
   * Half a year after an option's years is read as a range's end reads it ("可分1年半、2年或3年" 18..36, as "可分1年至2年半"
   * is 12..30): the list had been read as nothing, and "1年、2年或3年半" as nothing too. Not a bare option before a half
   * ("可分1、2年半": one year, or one and a half?), nor a half after months ("6个月半、1年"), which stay unread.
   */
  @Test
  void readsHalfYearsInAListOfOptions() {
    Map<String, List<Integer>> lists = Map.of("可分1年半、2年或3年。", List.of(18, 36), "可分1年、2年或3年半。", List.of(12, 42),
        "分期期限可选1年半、2年或3年。", List.of(18, 36), "最长可分一年半、两年或三年。", List.of(18, 36),
        "可分2年或1年半。", List.of(18, 24), "可分6个月、1年半。", List.of(6, 18), "可分1年半、2、3年。", List.of(18, 36));
    lists.forEach((text, minMax) -> assertInstallments(text, minMax.get(0), minMax.get(1)));
    for (String text : List.of("可分1、2年半。", "可分1、1年半或2年。", "可分6个月半、1年。", "可分1年、6个月半。",
        "可分1年半半、2年。", "可分1年半 2年或3年。")) {
      assertEquals(List.of(), List.copyOf(extractor.extract(text).fields().keySet()), text);
    }
  }

  @Test
  void readsWaiverRatiosInEveryForm() {
    assertDecimal("1", value("违约金可全额减免。", PolicyField.MAX_LATE_FEE_WAIVER));
    assertDecimal("0.5", value("罚息减免五成。", PolicyField.MAX_PENALTY_WAIVER));
    assertDecimal("0.3", value("利息打七折。", PolicyField.MAX_INTEREST_WAIVER));
    assertDecimal("0", value("不减免本金。", PolicyField.PRINCIPAL_WAIVER));
    assertDecimal("0.3", value("罚息最高减免百分之三十。", PolicyField.MAX_PENALTY_WAIVER));
    assertDecimal("0.3", value("罚息最高减免30%。", PolicyField.MAX_PENALTY_WAIVER));
  }

  /** 十折 is the full price: nothing waived (it was read as 10 hundredths paid, a 90 % waiver). */
  @Test
  void aDiscountIsReadInTenthsUpToTheFullPrice() {
    Map<String, String> waived = Map.of("按十折收取", "0", "打10折", "0", "打8.5折", "0.15", "打九五折", "0.05", "打一折", "0.9");
    waived.forEach((discount, expected) ->
        assertDecimal(expected, value("利息" + discount + "。", PolicyField.MAX_INTEREST_WAIVER), discount));
  }

  /** A floor on the waiver says nothing of its cap; 免收 with a ratio waives that ratio, not all. */
  @Test
  void aWaiverFloorIsNoCapAndAWaivedRatioIsNoFullWaiver() {
    for (String text : List.of("罚息减免比例不低于30%。", "罚息至少减免30%。", "罚息最低减免30%。", "罚息减免一半以上。")) {
      assertFalse(extractor.extract(text).field(PolicyField.MAX_PENALTY_WAIVER).isPresent(), text);
    }
    assertDecimal("0.5", value("罚息减免比例不低于30%，最高不超过50%。", PolicyField.MAX_PENALTY_WAIVER));
    assertDecimal("0.5", value("罚息免收50%。", PolicyField.MAX_PENALTY_WAIVER));
    assertDecimal("1", value("罚息免收。", PolicyField.MAX_PENALTY_WAIVER));
  }

  /** "本金的10%" is a ratio of the principal: no principal waiver, and no fraction of the penalty interest either. */
  @Test
  void aRatioOfAnotherAmountIsNoWaiverOfIt() {
    for (String text : List.of("罚息减免最高可达本金的10%。", "罚息和违约金减免总额不超过本金的5%。", "罚息可减免，最高不超过本金的10%。")) {
      ExtractionResult r = extractor.extract(text);
      assertEquals(List.of(), List.copyOf(r.fields().keySet()), text);
    }
    assertDecimal("0.5", value("罚息减免不超过罚息的50%。", PolicyField.MAX_PENALTY_WAIVER));
  }

  /**
   * The amount a waiver verb takes as its object is waived, though a ratio of it follows ("可减免罚息的50%", "最高可减免本金的
   * 20%"): each had been read as nothing, the term taken for the base of a ratio of something else. A total waiver
   * measured against an amount ("减免不超过本金的20%", "减免金额不超过本金的20%") still states no cap of it.
   */
  @Test
  void aRatioOfTheAmountAVerbWaivesIsAWaiverOfIt() {
    assertDecimal("0.5", value("可减免罚息的50%。", PolicyField.MAX_PENALTY_WAIVER));
    assertDecimal("0.5", value("最高可减免利息的50%。", PolicyField.MAX_INTEREST_WAIVER));
    assertDecimal("0.3", value("违约金可免除违约金总额的30%。", PolicyField.MAX_LATE_FEE_WAIVER));
    assertDecimal("0.2", value("最高可减免本金的20%。", PolicyField.PRINCIPAL_WAIVER));
    for (String text : List.of("减免不超过本金的20%。", "减免金额不超过本金的20%。", "罚息减免最高可达本金的10%。")) {
      assertEquals(List.of(), List.copyOf(extractor.extract(text).fields().keySet()), text);
    }
  }

  @Test
  void readsNegations() {
    assertEquals(Optional.of(false), value("办理无需提供困难证明。", PolicyField.REQUIRES_HARDSHIP_PROOF));
    assertEquals(Optional.of(true), value("办理须提供困难证明。", PolicyField.REQUIRES_HARDSHIP_PROOF));
    assertDecimal("0", value("利息不予减免。", PolicyField.MAX_INTEREST_WAIVER));
    assertDecimal("0", value("本金不得减免。", PolicyField.PRINCIPAL_WAIVER));
  }

  /**
   * A refusal worded with 不支持/不享受/不会/不可以/没有/无/不做任何, or with 免收/免除 as its verb, waives nothing: such
   * texts had given no value, and "本金不免收", "不支持免除罚息" a full waiver (免收 and 免除 read as "waived in full").
   */
  @Test
  void aRefusalInAnyWordingWaivesNothing() {
    Map<String, PolicyField> refusals = Map.of(
        "罚息不支持减免。", PolicyField.MAX_PENALTY_WAIVER,
        "违约金不享受减免。", PolicyField.MAX_LATE_FEE_WAIVER,
        "利息不会减免。", PolicyField.MAX_INTEREST_WAIVER,
        "罚息不可以减免。", PolicyField.MAX_PENALTY_WAIVER,
        "本金没有减免。", PolicyField.PRINCIPAL_WAIVER,
        "罚息无减免。", PolicyField.MAX_PENALTY_WAIVER,
        "罚息不做任何减免。", PolicyField.MAX_PENALTY_WAIVER,
        "罚息免收，本金不免收。", PolicyField.PRINCIPAL_WAIVER,
        "不支持免除罚息。", PolicyField.MAX_PENALTY_WAIVER);
    refusals.forEach((text, field) -> assertDecimal("0", value(text, field), text));
    assertDecimal("1", value("罚息免收，本金不免收。", PolicyField.MAX_PENALTY_WAIVER), "the clause before");
  }

  /** "不支持全额减免": not all of it, so some part may be; the cap is not stated (it had been read as 1, a full waiver). */
  @Test
  void aRefusedFullWaiverStatesNoCap() {
    for (String text : List.of("罚息不支持全额减免。", "罚息无法全额减免。", "本金不予全额减免。", "违约金不能全部减免。")) {
      ExtractionResult r = extractor.extract(text);
      assertEquals(List.of(), List.copyOf(r.fields().keySet()), text);
    }
    assertDecimal("0.5", value("罚息不支持全额减免，最高减免50%。", PolicyField.MAX_PENALTY_WAIVER));
  }

  @Test
  void aNegatedWaiverWithABoundIsACapNotAZero() {
    assertDecimal("0.5", value("罚息不得减免超过50%。", PolicyField.MAX_PENALTY_WAIVER));
    assertDecimal("0.5", value("罚息不能减免超过五成。", PolicyField.MAX_PENALTY_WAIVER));
  }

  /** "一般不…/原则上不…" states the rule; a maximum stated as its exception in the same sentence is the cap. */
  @Test
  void theMaximumStatedAfterAGeneralRefusalIsTheCap() {
    ExtractedField cap = extractor.extract("罚息一般不减免，特殊情况最高可减免50%").field(PolicyField.MAX_PENALTY_WAIVER)
        .orElseThrow();
    assertDecimal("0.5", Optional.of(cap.value()));
    assertEquals("罚息一般不减免，特殊情况最高可减免50%", cap.evidence().text(), "the rule and its exception");
    // each: text, the penalty-interest waiver it states
    String[][] penalty = {
        {"罚息原则上不予减免，但特殊情况下可减免五成。", "0.5"},
        {"罚息原则上不予减免但最高可减免30%。", "0.3"},
        {"罚息不予减免，但确有困难的最高可减免30%。", "0.3"},
        {"罚息和违约金原则上不予减免，确有困难的可全额减免。", "1"},
        {"本金原则上不予减免，但罚息最高可减免50%。", "0.5"},
        // a refusal without an exception stays a refusal
        {"罚息一般不减免。", "0"},
        {"罚息原则上不予减免，本金不予减免。", "0"}};
    for (String[] c : penalty) {
      assertDecimal(c[1], value(c[0], PolicyField.MAX_PENALTY_WAIVER), c[0]);
    }
    assertDecimal("1", value(penalty[3][0], PolicyField.MAX_LATE_FEE_WAIVER));
    assertDecimal("0", value(penalty[4][0], PolicyField.PRINCIPAL_WAIVER), "the exception is to its own component");
    // the exception takes the refusal's confidence where higher: an explicit statement, so another sentence's
    // different cap is a conflict, not a silent pick of the other
    String twice = "罚息原则上不予减免，但确有困难的可减免五成。罚息最高减免30%。";
    ExtractionResult r = extractor.extract(twice);
    assertFalse(r.field(PolicyField.MAX_PENALTY_WAIVER).isPresent(), twice);
    assertEquals(List.of(ExtractionNote.Kind.CONFLICT),
        r.notes(PolicyField.MAX_PENALTY_WAIVER).stream().map(ExtractionNote::kind).toList(), twice);
  }

  @Test
  void thePartNotWaivedIsNoRefusalToWaive() {
    assertFalse(extractor.extract("罚息可申请减免，未减免的部分需一次性结清。")
        .field(PolicyField.MAX_PENALTY_WAIVER).isPresent());
    assertFalse(extractor.extract("未减免的罚息需一次性结清。").field(PolicyField.MAX_PENALTY_WAIVER).isPresent());
    assertDecimal("0", value("本金是不予减免的。", PolicyField.PRINCIPAL_WAIVER));
  }

  @Test
  void aWaiverRangeIsCappedAtItsUpperEnd() {
    assertDecimal("0.5", value("罚息减免比例为30%至50%。", PolicyField.MAX_PENALTY_WAIVER));
    assertDecimal("0.5", value("罚息减免30-50%。", PolicyField.MAX_PENALTY_WAIVER));
    assertDecimal("0.5", value("罚息减免三成到五成。", PolicyField.MAX_PENALTY_WAIVER));
    assertFalse(extractor.extract("罚息减免30%到150%。").field(PolicyField.MAX_PENALTY_WAIVER).isPresent(),
        "a cap above 100 % is no value");
  }

  @Test
  void twoEquallySureValuesLeaveTheFieldUndetermined() {
    ExtractionResult products = extractor.extract("信用卡最长可分60期，消费贷最长可分36期；逾期90天以上可申请。");
    assertFalse(products.field(PolicyField.MAX_INSTALLMENTS).isPresent(), "which product's 60 or 36?");
    assertTrue(products.undetermined().contains(PolicyField.MAX_INSTALLMENTS));
    assertEquals(90, products.field(PolicyField.MIN_OVERDUE_DAYS).orElseThrow().intValue());
    assertFalse(extractor.extract("罚息最高减免30%。罚息最高减免50%。").field(PolicyField.MAX_PENALTY_WAIVER).isPresent());
    assertEquals(Optional.of(36), value("最长可分36期。最长不超过36期。", PolicyField.MAX_INSTALLMENTS), "agreeing");
    assertEquals(List.of(), extractor.extract("最长可分36期。最长不超过36期。").notes());
  }

  /**
   * A text stating a field two incompatible ways says so: "需提供困难证明。无需提供困难证明。" had read as proof required,
   * the more confident statement taken silently. Now the field is undetermined and a note lists both readings.
   */
  @Test
  void aContradictionIsANoteNotAPick() {
    String text = "需提供困难证明。无需提供困难证明。";
    ExtractionResult r = extractor.extract(text);
    assertFalse(r.field(PolicyField.REQUIRES_HARDSHIP_PROOF).isPresent());
    assertTrue(r.undetermined().contains(PolicyField.REQUIRES_HARDSHIP_PROOF));
    ExtractionNote note = r.notes().get(0);
    assertEquals(ExtractionNote.Kind.CONFLICT, note.kind());
    assertEquals(List.of(new Evidence(0, 7, "需提供困难证明"), new Evidence(8, 16, "无需提供困难证明")),
        note.readings().stream().map(ExtractedField::evidence).toList());
    assertEquals("requiresHardshipProof: the text states true (需提供困难证明) and false (无需提供困难证明); left undetermined",
        note.message());
    // the two products of one sentence, equally sure, are listed too
    ExtractionResult products = extractor.extract("信用卡最长可分60期，消费贷最长可分36期。");
    assertEquals(List.of(60, 36), products.notes(PolicyField.MAX_INSTALLMENTS).get(0).readings().stream()
        .map(ExtractedField::value).toList());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> json = (List<Map<String, Object>>) r.toJsonMap().get("notes");
    assertEquals("CONFLICT", json.get(0).get("kind"));
    assertEquals("requiresHardshipProof", json.get(0).get("field"));
  }

  /**
   * The JSON view carries, per found field, its evidence's start, end and text in the original text and its
   * confidence, and per note its readings' values (as values, not text) with their evidence, as documented.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theJsonViewCarriesEvidenceOffsetsAndTheNotesValues() {
    String text = "逾期超过三个月的客户最长可分五年偿还。每月手续费不超过百分之零点六。";
    ExtractionResult r = extractor.extract(text);
    Map<String, Object> json = r.toJsonMap();
    Map<String, Map<String, Object>> evidence = (Map<String, Map<String, Object>>) json.get("evidence");
    assertEquals(List.of("maxInstallments", "minOverdueDays"), List.copyOf(evidence.keySet()));
    for (ExtractedField f : r.fields().values()) {
      Map<String, Object> e = evidence.get(f.field().jsonName());
      assertEquals(List.of(f.evidence().start(), f.evidence().end(), f.evidence().text(), f.confidence()),
          List.of(e.get("start"), e.get("end"), e.get("text"), e.get("confidence")), f.field().jsonName());
      assertEquals(text.substring((Integer) e.get("start"), (Integer) e.get("end")), e.get("text"));
    }
    assertEquals(60, json.get("maxInstallments"));
    List<Map<String, Object>> notes = (List<Map<String, Object>>) json.get("notes");
    assertEquals(1, notes.size());
    assertEquals("monthlyFeeRate: at most 0.006 (每月手续费不超过百分之零点六): a bound the policy does not carry, not read as"
        + " its value", notes.get(0).get("message"));
    Map<String, Object> reading = ((List<Map<String, Object>>) notes.get(0).get("readings")).get(0);
    assertEquals(0, new BigDecimal("0.006").compareTo((BigDecimal) reading.get("value")));
    assertEquals(text.substring((Integer) reading.get("start"), (Integer) reading.get("end")), reading.get("text"));
  }

  /**
   * Values that contradict each other in one sentence are as much a conflict as across sentences: "罚息减免比例不超过30%，
   * 最高可减免50%" had been read as 0.3, "需提供困难证明，无需提供困难证明" as true and "可分3-60期，最长36期" as 36, the more
   * confident clause taken silently where two sentences gave a CONFLICT note. Two readings of the same words still rank
   * by confidence ("最长可分12期至36期" is a range, not a most of 12), and agreeing clauses are no conflict.
   */
  @Test
  void clausesOfOneSentenceStatingTwoValuesAreAConflict() {
    Object[][] cases = {
        {"罚息减免比例不超过30%，最高可减免50%。", PolicyField.MAX_PENALTY_WAIVER, List.of("0.3", "0.5")},
        {"罚息最高减免50%，罚息不予减免。", PolicyField.MAX_PENALTY_WAIVER, List.of("0.5", "0.0")},
        {"需提供困难证明，无需提供困难证明。", PolicyField.REQUIRES_HARDSHIP_PROOF, List.of("true", "false")},
        {"可分3-60期，最长36期。", PolicyField.MAX_INSTALLMENTS, List.of("60", "36")},
    };
    for (Object[] c : cases) {
      String text = (String) c[0];
      PolicyField field = (PolicyField) c[1];
      ExtractionResult oneSentence = extractor.extract(text);
      assertFalse(oneSentence.field(field).isPresent(), text + ": " + oneSentence.field(field));
      List<ExtractionNote> notes = oneSentence.notes(field);
      assertEquals(1, notes.size(), text + ": " + notes);
      assertEquals(ExtractionNote.Kind.CONFLICT, notes.get(0).kind());
      assertEquals(c[2], notes.get(0).readings().stream()
          .map(f -> f.value() instanceof BigDecimal d ? d.toPlainString() : String.valueOf(f.value())).toList(), text);
    }
    // the same statements in two sentences: the same note
    ExtractionResult two = extractor.extract("罚息减免比例不超过30%。罚息最高可减免50%。");
    assertEquals(ExtractionNote.Kind.CONFLICT, two.notes(PolicyField.MAX_PENALTY_WAIVER).get(0).kind());
    assertInstallments("最长可分12期至36期。", 12, 36);
    assertEquals(List.of(), extractor.extract("罚息最高减免50%，罚息减免比例不超过50%。").notes());
    assertDecimal("0.5", value("罚息一般不减免，特殊情况最高可减免50%。", PolicyField.MAX_PENALTY_WAIVER));
  }

  /**
   * What is left to pay after a waiver is no waiver of that ratio, but it states the waiver: 1 − X ("减免至70%" waives
   * 0.3, "减免后按10%收取" 0.9, "减免后最低收取20%" at most 0.8). These had been read as nothing, with no note, so a
   * notice stating its cap this way set none. A remainder bounded from above ("剩余罚息不超过10%") is a floor on the
   * waiver, no cap; a reduced rate ("罚息利率减至0.05%") is no share of the amount; and "最高可减免至70%", which reads as
   * a waiver of up to 70% as well as a remainder of 70%, is a CONFLICT note listing both rather than a guess.
   */
  @Test
  void whatRemainsToPayAfterAWaiverIsNotTheWaiver() {
    Object[][] remainders = {
        {"罚息减免至70%。", PolicyField.MAX_PENALTY_WAIVER, "0.3"},
        {"罚息可减免到50%。", PolicyField.MAX_PENALTY_WAIVER, "0.5"},
        {"罚息减至30%。", PolicyField.MAX_PENALTY_WAIVER, "0.7"},
        {"罚息减免至七成。", PolicyField.MAX_PENALTY_WAIVER, "0.3"},
        {"利息减免至原利息的30%。", PolicyField.MAX_INTEREST_WAIVER, "0.7"},
        {"罚息减免后按10%收取。", PolicyField.MAX_PENALTY_WAIVER, "0.9"},
        {"罚息减免后仍需支付40%。", PolicyField.MAX_PENALTY_WAIVER, "0.6"},
        {"罚息减免后最低收取20%。", PolicyField.MAX_PENALTY_WAIVER, "0.8"},
    };
    for (Object[] c : remainders) {
      String text = (String) c[0];
      ExtractionResult r = extractor.extract(text);
      assertDecimal((String) c[2], r.field((PolicyField) c[1]).map(ExtractedField::value), text);
      assertEquals(List.of(), r.notes(), text);
    }
    for (String text : List.of("减免后剩余罚息不超过10%。", "罚息减免后最多收取20%。", "罚息利率减至0.05%。",
        "罚息减免至每日0.05%。", "罚息减至日万分之五。", "罚息减至万分之五。")) { // ‱ is a rate's unit, with or without 日
      ExtractionResult r = extractor.extract(text);
      assertFalse(r.field(PolicyField.MAX_PENALTY_WAIVER).isPresent(), text);
      assertEquals(List.of(), r.notes(PolicyField.MAX_PENALTY_WAIVER), text);
    }
    String text = "罚息最高可减免至70%。";
    ExtractionResult r = extractor.extract(text);
    assertFalse(r.field(PolicyField.MAX_PENALTY_WAIVER).isPresent(), text);
    ExtractionNote note = r.notes(PolicyField.MAX_PENALTY_WAIVER).get(0);
    assertEquals(ExtractionNote.Kind.CONFLICT, note.kind());
    assertEquals(List.of("0.3", "0.7"), note.readings().stream()
        .map(f -> ((BigDecimal) f.value()).toPlainString()).sorted().toList());
    assertDecimal("0.8", value("罚息减免比例最高可达80%。", PolicyField.MAX_PENALTY_WAIVER));
  }

  @Test
  void aDownPaymentCapIsNotTheMinimum() {
    for (String text : List.of("首付不超过30%。", "首付最高30%。", "首付比例30%以下即可。", "首付比例在30%以内。")) {
      assertFalse(extractor.extract(text).field(PolicyField.MIN_DOWN_PAYMENT_RATIO).isPresent(), text);
    }
    assertDecimal("0.1", value("首付不低于欠款的10%，最高不超过30%。", PolicyField.MIN_DOWN_PAYMENT_RATIO));
  }

  @Test
  void aDeferralOrGracePeriodIsNoInstallmentTerm() {
    for (String text : List.of("延期还款最长6个月。", "展期最长12个月。")) {
      assertFalse(extractor.extract(text).field(PolicyField.MAX_INSTALLMENTS).isPresent(), text);
    }
    assertEquals(Optional.of(36), value("最长可延期6个月，分期最长36期。", PolicyField.MAX_INSTALLMENTS));
    assertEquals(Optional.of(60), value("宽限期最长3个月，还款期限最长5年。", PolicyField.MAX_INSTALLMENTS));
  }

  /**
   * A term after a deferral in its clause is the deferral's, however far after it ("延期还款业务的期限最长12个月",
   * "可延期还款业务的期限为6至12个月", "延期还款业务期数:6-12"): they had been read as the plan's term, only a deferral in
   * the eight characters before a bound or a range having been seen. A plan named after the deferral ("延期还款最长可分
   * 12期", "延期分期最长可分36期") and a term in the clause after it ("可延期6个月，最长分24期还款") are the plan's.
   */
  @Test
  void aTermAfterADeferralInItsClauseIsNoInstallmentTerm() {
    for (String text : List.of("延期还款业务的期限最长12个月。", "延期还款业务办理后最长不超过12个月。", "可延期还款业务的期限为6至12个月。",
        "申请延期还款的客户期限最长12个月。", "延期还款业务期数:6-12。", "延期还款业务的期数为6至12期。", "延期还款业务办理后期限不少于6个月。",
        "展期业务办理后的期限最长12个月。", "延期还款业务的部分期限最长12个月。",
        "分期客户申请延期还款业务的期限最长12个月。")) { // a plan named before the deferral: the term is still the deferral's
      ExtractionResult r = extractor.extract(text);
      assertFalse(r.field(PolicyField.MAX_INSTALLMENTS).isPresent(), text);
      assertFalse(r.field(PolicyField.MIN_INSTALLMENTS).isPresent(), text);
    }
    Map<String, Integer> most = Map.of("延期还款最长可分12期。", 12, "延期分期最长可分36期。", 36, "可延期6个月，最长分24期还款。", 24,
        "延期还款申请通过后，最长可分60期。", 60, "可延期6个月并分期还款，期限最长60个月。", 60, "逾期客户的还款期限最长60个月。", 60);
    most.forEach((text, term) -> assertEquals(Optional.of(term), value(text, PolicyField.MAX_INSTALLMENTS), text));
    assertInstallments("逾期满六十天的用户可申请延期分期，期数可选十二期、二十四期或三十六期。", 12, 36);
  }

  @Test
  void aFraudWarningIsNotThePolicyItRefutes() {
    ExtractionResult r = extractor.extract("【风险提示】网传“停息挂账”系谣言。所谓“可减免全部罚息、最长分60期”均为诈骗，"
        + "请勿相信。本行个性化分期最长36期，罚息最高减免30%。");
    assertFalse(r.field(PolicyField.STOPS_INTEREST).isPresent());
    assertEquals(Optional.of(36), r.field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::value));
    assertDecimal("0.3", r.field(PolicyField.MAX_PENALTY_WAIVER).map(ExtractedField::value));
  }

  @Test
  void anInterestStopTheLenderDoesNotOfferIsNoStop() {
    ExtractedField f = extractor.extract("本公司不提供停息挂账服务。").field(PolicyField.STOPS_INTEREST).orElseThrow();
    assertFalse(f.booleanValue());
    assertEquals("不提供停息", f.evidence().text());
    assertEquals(Optional.of(false), value("本行从未承诺停息挂账。", PolicyField.STOPS_INTEREST));
    assertEquals(Optional.of(true), value("符合条件的可办理停息挂账。", PolicyField.STOPS_INTEREST));
  }

  /** "不停息" was read as an interest stop: the negation right before (or inside) it was not seen. */
  @Test
  void aNegatedOrWithdrawnInterestStopIsNoStop() {
    for (String text : List.of("本行不停息不挂账。", "分期后不会停止计息。", "分期后利息不停止计算。", "无法停息挂账。",
        "停息挂账已暂停办理。", "停息挂账暂不支持。", "停息挂账业务不予支持。", "停息挂账政策已取消。")) {
      assertEquals(Optional.of(false), value(text, PolicyField.STOPS_INTEREST), text);
    }
    for (String text : List.of("分期期间不计息。", "分期期间不再计收利息。", "分期期间利息暂停计收。", "停息挂账期间暂停计收罚息。")) {
      assertEquals(Optional.of(true), value(text, PolicyField.STOPS_INTEREST), text);
    }
  }

  /**
   * A negation right before an interest stop that does not start with 停 is no stop either: "本行不免收分期期间的利息"
   * (the plan's interest is not waived) and "分期后不会不计息" had been read as an interest stop, the opposite of what
   * they say, since only a negated 停/暂停 form was seen; a stop whose own 不 follows a word that is no negation stays
   * one.
   */
  @Test
  void aNegationBeforeAnyInterestStopIsNoStop() {
    for (String text : List.of("本行不免收分期期间的利息。", "分期后不会不计息。", "分期期间并未不再计收利息。")) {
      assertEquals(Optional.of(false), value(text, PolicyField.STOPS_INTEREST), text);
    }
    for (String text : List.of("分期期间绝不另收利息。", "分期期间从不计息。", "免收分期期间的利息。")) {
      assertEquals(Optional.of(true), value(text, PolicyField.STOPS_INTEREST), text);
    }
  }

  /**
   * "逾期≥90天", "逾期＞90天" (a form's notation, full-width or not) are thresholds, the strict one a day past its
   * number (91); "逾期<90天" is none.
   */
  @Test
  void anOverdueThresholdWrittenAsASignIsAMinimum() {
    for (String text : List.of("逾期≥90天的客户可申请。", "逾期>=90天可申请。")) {
      assertEquals(Optional.of(90), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
    }
    for (String text : List.of("逾期＞90天的客户可申请。", "逾期&gt;90天可申请。")) {
      assertEquals(Optional.of(91), value(text, PolicyField.MIN_OVERDUE_DAYS), text);
    }
    assertFalse(extractor.extract("逾期<90天的客户可申请。").field(PolicyField.MIN_OVERDUE_DAYS).isPresent());
  }

  /**
   * Two readings of the same words rank by confidence, the less sure one dropped rather than made a conflict:
   * "逾期超过30天至90天" is read as a threshold (超过30天: 31) and as a range from 30; the threshold, the surer,
   * is the value, and the range's upper end is still its note.
   */
  @Test
  void theSurerOfTwoReadingsOfTheSameWordsIsTheValue() {
    ExtractionResult r = extractor.extract("逾期超过30天至90天的客户可申请。");
    assertEquals(31, r.field(PolicyField.MIN_OVERDUE_DAYS).orElseThrow().intValue());
    assertEquals(List.of(ExtractionNote.Kind.AT_MOST),
        r.notes(PolicyField.MIN_OVERDUE_DAYS).stream().map(ExtractionNote::kind).toList());
  }

  /**
   * A value stated explicitly in one sentence and only inferred in another (the largest of a list) is an explicit
   * statement of it, its surer reading standing for it: so an explicit statement of another value elsewhere is a
   * conflict, not given way to.
   */
  @Test
  void aValueStatedBothWaysIsAnExplicitStatementOfIt() {
    ExtractionResult r = extractor.extract("可分3、6、9、12期。最长可分12期。最长可分24期。");
    assertFalse(r.field(PolicyField.MAX_INSTALLMENTS).isPresent());
    assertEquals(List.of(List.of("最长可分12期", "最长可分24期")), r.notes(PolicyField.MAX_INSTALLMENTS).stream()
        .map(n -> n.readings().stream().map(f -> f.evidence().text()).toList()).toList());
  }

  @Test
  void anOverdueThresholdThatExcludesIsNoMinimum() {
    for (String text : List.of("逾期超过180天的客户暂不支持分期。", "逾期90天以上的客户不适用本政策。",
        "逾期超过90天的客户不能申请。", "逾期超过90天的客户不在本次活动范围。")) {
      assertFalse(extractor.extract(text).field(PolicyField.MIN_OVERDUE_DAYS).isPresent(), text);
    }
    ExtractionResult r = extractor.extract("逾期超过90天的客户分期不得超过36期。");
    assertEquals(91, r.field(PolicyField.MIN_OVERDUE_DAYS).orElseThrow().intValue());
    assertEquals(36, r.field(PolicyField.MAX_INSTALLMENTS).orElseThrow().intValue());
  }

  /** Proof asked for in some cases, or rewarded with priority, is no requirement (both were read as required). */
  @Test
  void conditionalOrPriorityProofIsNoRequirement() {
    for (String text : List.of("提供困难证明者优先办理。", "如需提供证明，请联系客服。", "必要时需提交收入证明。")) {
      assertFalse(extractor.extract(text).field(PolicyField.REQUIRES_HARDSHIP_PROOF).isPresent(), text);
    }
    assertEquals(Optional.of(true), value("需提供困难证明，材料齐全者优先办理。", PolicyField.REQUIRES_HARDSHIP_PROOF));
    assertEquals(Optional.of(true), value("如需办理需提供困难证明。", PolicyField.REQUIRES_HARDSHIP_PROOF));
  }

  @Test
  void anIdentityDocumentOrAFalseProofIsNoHardshipProof() {
    assertEquals(Optional.of(false), value("需提供身份证明，无需提供困难证明。", PolicyField.REQUIRES_HARDSHIP_PROOF));
    assertFalse(extractor.extract("须提供本人身份证明。").field(PolicyField.REQUIRES_HARDSHIP_PROOF).isPresent());
    assertFalse(extractor.extract("提供虚假证明的，取消减免资格。").field(PolicyField.REQUIRES_HARDSHIP_PROOF).isPresent());
    assertEquals(Optional.of(true), value("需提供失业、疾病等困难证明。", PolicyField.REQUIRES_HARDSHIP_PROOF));
  }

  @Test
  void ignoresHotlinesDatesAndLoanExamples() {
    ExtractionResult r = extractor.extract(
        "以借款10000元、分12期为例，每月还款约900元。本公告自2026年12月31日起施行，咨询400-820-8820，9:00-17:00。");
    assertTrue(r.fields().isEmpty(), "found " + r.fields());
  }

  @Test
  void ignoresNarratedOverdueWithoutThreshold() {
    assertFalse(extractor.extract("我已经逾期了45天。").field(PolicyField.MIN_OVERDUE_DAYS).isPresent());
  }

  @Test
  void pairsEachComponentWithItsOwnWaiverInOneClause() {
    ExtractionResult r = extractor.extract("逾期达到六个月及以上的，可减免全部违约金和50%的罚息。");
    assertDecimal("1", r.field(PolicyField.MAX_LATE_FEE_WAIVER).map(ExtractedField::value));
    assertDecimal("0.5", r.field(PolicyField.MAX_PENALTY_WAIVER).map(ExtractedField::value));
    assertEquals(180, r.field(PolicyField.MIN_OVERDUE_DAYS).orElseThrow().intValue());
    // 逾期利息 is penalty interest, not interest: the interest's own segment is the one naming 利息 alone
    r = extractor.extract("逾期利息减免50%和利息全免。");
    assertDecimal("1", r.field(PolicyField.MAX_INTEREST_WAIVER).map(ExtractedField::value));
    assertDecimal("0.5", r.field(PolicyField.MAX_PENALTY_WAIVER).map(ExtractedField::value));
  }

  @Test
  void respectiveWaiversGoToTheComponentsInTheOrderNamed() {
    ExtractionResult r = extractor.extract("罚息与违约金分别减免30%和50%。");
    assertDecimal("0.3", r.field(PolicyField.MAX_PENALTY_WAIVER).map(ExtractedField::value));
    assertDecimal("0.5", r.field(PolicyField.MAX_LATE_FEE_WAIVER).map(ExtractedField::value));
    ExtractionResult reversed = extractor.extract("违约金和罚息分别减免五成和三成。");
    assertDecimal("0.5", reversed.field(PolicyField.MAX_LATE_FEE_WAIVER).map(ExtractedField::value));
    assertDecimal("0.3", reversed.field(PolicyField.MAX_PENALTY_WAIVER).map(ExtractedField::value));
    ExtractionResult same = extractor.extract("罚息和违约金分别减免30%。");
    assertDecimal("0.3", same.field(PolicyField.MAX_PENALTY_WAIVER).map(ExtractedField::value));
    assertDecimal("0.3", same.field(PolicyField.MAX_LATE_FEE_WAIVER).map(ExtractedField::value));
    // a count of ratios that does not pair up with the components settles none of them
    ExtractionResult extra = extractor.extract("罚息与违约金分别减免30%、50%和20%。");
    assertEquals(List.of(), List.copyOf(extra.fields().keySet()));
  }

  @Test
  void interestFreeInstallmentPeriodStopsInterestRatherThanWaivingIt() {
    ExtractionResult r = extractor.extract("符合条件的客户可申请最长不超过3年的分期，免收分期期间的利息。");
    assertEquals(Optional.of(true), r.field(PolicyField.STOPS_INTEREST).map(ExtractedField::value));
    assertFalse(r.field(PolicyField.MAX_INTEREST_WAIVER).isPresent());
  }

  @Test
  void conditionalProofIsNotARequirement() {
    assertFalse(extractor.extract("如客户能提供失业、重病等困难证明，可适当延长分期期限。")
        .field(PolicyField.REQUIRES_HARDSHIP_PROOF).isPresent());
  }

  @Test
  void perInstallmentFeeIsMonthly() {
    assertDecimal("0.005", value("期限：6~36个月。费用：每期手续费0.5%。", PolicyField.MONTHLY_FEE_RATE));
  }

  /**
   * A rate that begins with 0 is that rate, not a fee of 0: "手续费为0.6%" had matched the no-fee form "手续费为0", and a
   * lender's 0.6 % a month was extracted as no fee at all (AUTO_APPLY would have made its plans look cheaper).
   */
  @Test
  void aRateBeginningWithZeroIsNotAFeeOfZero() {
    assertDecimal("0.006", value("每月分期手续费为0.6%。", PolicyField.MONTHLY_FEE_RATE));
    assertDecimal("0.006", value("月手续费为百分之零点六。", PolicyField.MONTHLY_FEE_RATE));
    assertDecimal("0.0075", value("服务费为0.75%每月。", PolicyField.MONTHLY_FEE_RATE));
    assertFalse(extractor.extract("每月收取100手续费。").field(PolicyField.MONTHLY_FEE_RATE).isPresent(),
        "100 ends in 0 but is no fee of 0");
    assertDecimal("0", value("手续费为0%。", PolicyField.MONTHLY_FEE_RATE));
    assertDecimal("0", value("手续费为0。", PolicyField.MONTHLY_FEE_RATE));
    assertDecimal("0", value("0手续费。", PolicyField.MONTHLY_FEE_RATE));
  }

  /** The 0 that ends an amount is no "零首付": "1000首付款" had been read as no down payment required. */
  @Test
  void anAmountEndingInZeroIsNotAZeroDownPayment() {
    assertFalse(extractor.extract("客户需先支付1000首付款，剩余部分可分12期。").field(PolicyField.MIN_DOWN_PAYMENT_RATIO)
        .isPresent());
    assertDecimal("0", value("0首付，最长可分12期。", PolicyField.MIN_DOWN_PAYMENT_RATIO));
    assertDecimal("0", value("零首付。", PolicyField.MIN_DOWN_PAYMENT_RATIO));
  }

  /** Any monthly rate of 0.01 %..9.99 % stated as "每月手续费为R%" is read as R / 100, whatever its digits. */
  @Property
  void aMonthlyFeeRateIsReadAsStated(@ForAll("feePercents") BigDecimal percent) {
    String text = "每月分期手续费为" + percent.toPlainString() + "%。";
    assertDecimal(percent.movePointLeft(2).toPlainString(), value(text, PolicyField.MONTHLY_FEE_RATE), text);
  }

  /**
   * A monthly fee over 10 % is implausible (an annual figure, a penalty rate or an overdue charge read in its place):
   * no rate, the field left to what else the text says; 10 % itself is read.
   */
  @Test
  void aMonthlyFeeOverTenPercentIsNoRate() {
    assertDecimal("0.1", value("每月分期手续费为10%。", PolicyField.MONTHLY_FEE_RATE));
    for (String text : List.of("每月分期手续费为10.01%。", "每月分期手续费为12%。", "每期手续费18%。")) {
      assertFalse(extractor.extract(text).field(PolicyField.MONTHLY_FEE_RATE).isPresent(), text);
    }
    assertDecimal("0.006", value("每月手续费为0.6%。逾期后每月手续费为15%。", PolicyField.MONTHLY_FEE_RATE));
  }

  @Provide
  Arbitrary<BigDecimal> feePercents() {
    return Arbitraries.integers().between(1, 999).map(hundredths -> BigDecimal.valueOf(hundredths, 2));
  }

  /**
   * A range of monthly fee rates ("每期手续费率0.5%~0.8%", by term or by customer) is no one rate: it had been read as its
   * lower end, a fee the lender may not charge. Its ends are an AT_LEAST and an AT_MOST note, the field left to what
   * else the text says.
   */
  @Test
  void aRangeOfFeeRatesIsNoRateButItsBounds() {
    for (String text : List.of("每期手续费率0.5%~0.8%。", "每月手续费0.5%-0.8%。", "每月手续费0.5-0.8%。")) {
      ExtractionResult r = extractor.extract(text);
      assertFalse(r.field(PolicyField.MONTHLY_FEE_RATE).isPresent(), text + ": " + r.field(PolicyField.MONTHLY_FEE_RATE));
      assertEquals(List.of(ExtractionNote.Kind.AT_LEAST, ExtractionNote.Kind.AT_MOST),
          r.notes(PolicyField.MONTHLY_FEE_RATE).stream().map(ExtractionNote::kind).toList(), text);
      assertEquals(List.of("0.005", "0.008"), r.notes(PolicyField.MONTHLY_FEE_RATE).stream()
          .map(n -> ((BigDecimal) n.readings().get(0).value()).toPlainString()).toList(), text);
    }
    // a range up to 10 % is bounded as a rate of 10 % is read; one beyond it is no fee's, neither rate nor bounds
    ExtractionResult ten = extractor.extract("每月手续费0.5%~10%。");
    assertEquals(List.of("0.005", "0.1"), ten.notes(PolicyField.MONTHLY_FEE_RATE).stream()
        .map(n -> ((BigDecimal) n.readings().get(0).value()).toPlainString()).toList());
    ExtractionResult beyond = extractor.extract("每月手续费0.5%~12%。");
    assertFalse(beyond.field(PolicyField.MONTHLY_FEE_RATE).isPresent());
    assertEquals(List.of(), beyond.notes(PolicyField.MONTHLY_FEE_RATE));
  }

  /**
   * Statements that agree are one, whatever their scale (50% and 五成 are 0.5 both) and wherever the more confident
   * stands: the field is the explicit statement, not a list's largest option that agrees with it; and a bound stated
   * twice is one note.
   */
  @Test
  void agreeingStatementsAreOneAndABoundStatedTwiceIsOneNote() {
    ExtractionResult waiver = extractor.extract("罚息最高减免50%。罚息最高减免五成。");
    assertDecimal("0.5", waiver.field(PolicyField.MAX_PENALTY_WAIVER).map(ExtractedField::value));
    assertEquals(List.of(), waiver.notes());
    ExtractedField most = extractor.extract("最长可分12期。可选期数：3、6、9、12期。").field(PolicyField.MAX_INSTALLMENTS)
        .orElseThrow();
    assertEquals("最长可分12期", most.evidence().text());
    assertTrue(most.confidence() >= 0.8, "the explicit statement's confidence: " + most.confidence());
    ExtractionResult cap = extractor.extract("每月手续费不超过0.6%。每月手续费不超过0.6%。");
    assertEquals(List.of(ExtractionNote.Kind.AT_MOST),
        cap.notes(PolicyField.MONTHLY_FEE_RATE).stream().map(ExtractionNote::kind).toList());
  }

  @Test
  void upperBoundOnOverdueIsNotTheMinimum() {
    assertFalse(extractor.extract("逾期不超过30天的用户可申请延期。").field(PolicyField.MIN_OVERDUE_DAYS).isPresent());
    assertFalse(extractor.extract("逾期满30天以内的用户。").field(PolicyField.MIN_OVERDUE_DAYS).isPresent());
  }

  @Test
  void evidenceSpanPointsIntoOriginalText() {
    String text = "尊敬的客户：最长可分三十六期偿还。";
    ExtractedField f = extractor.extract(text).field(PolicyField.MAX_INSTALLMENTS).orElseThrow();
    Evidence e = f.evidence();
    assertEquals(text.substring(e.start(), e.end()), e.text());
    assertTrue(e.text().contains("三十六期"), e.text());
    assertTrue(f.confidence() > 0 && f.confidence() <= 1);
  }

  @Test
  void termMentionsAreSpansOfOriginalText() {
    String text = "罰息及違約金最高減免百分之五十。";
    ExtractionResult r = extractor.extract(text);
    assertEquals(java.util.Set.of(FinancialTerm.PENALTY_INTEREST, FinancialTerm.LATE_FEE), r.terms());
    r.termMentions().forEach(m -> assertEquals(text.substring(m.start(), m.end()), m.text()));
    assertEquals("罰息", r.termMentions().get(0).text());
  }

  /**
   * A recogniser's empty mention (allowed by {@code TermMention}) where markup was dropped ("罚息<b>减免": after 罚息,
   * before 减免) is an empty span of the original, not a span ending before it starts (a
   * StringIndexOutOfBoundsException).
   */
  @Test
  void anEmptyMentionBetweenMarkupIsAnEmptySpan() {
    PolicyTextExtractor empty = PolicyTextExtractor.withRecognizer(
        n -> List.of(new io.github.fenqi.nlp.spi.TermMention(FinancialTerm.PENALTY_INTEREST, 2, 2, "", 1.0)));
    String text = "罚息<b>减免50%";
    ExtractionResult r = empty.extract(text);
    assertEquals(1, r.termMentions().size());
    var m = r.termMentions().get(0);
    assertEquals(m.start(), m.end(), "empty");
    assertEquals(text.substring(m.start(), m.end()), m.text());
    // and at the end of the text, after the markup: an empty span at the end of the original
    PolicyTextExtractor atEnd = PolicyTextExtractor.withRecognizer(n -> List.of(
        new io.github.fenqi.nlp.spi.TermMention(FinancialTerm.PENALTY_INTEREST, n.length(), n.length(), "", 1.0)));
    var last = atEnd.extract(text + "</b>").termMentions().get(0);
    assertEquals(List.of(text.length() + 4, text.length() + 4, ""), List.of(last.start(), last.end(), last.text()));
  }

  /**
   * The cue words of the rules in traditional script: 分別 had stayed 分別 (both components got the first ratio),
   * 網傳…謠言 was no warning (the rumour's 停息 was read as the lender's), 掛 and 暫不 were not their simplified forms.
   */
  @Test
  void cueWordsInTraditionalScriptAreRead() {
    ExtractionResult r = extractor.extract("罰息與違約金分別減免30%和50%。");
    assertDecimal("0.3", r.field(PolicyField.MAX_PENALTY_WAIVER).map(ExtractedField::value));
    assertDecimal("0.5", r.field(PolicyField.MAX_LATE_FEE_WAIVER).map(ExtractedField::value));
    assertEquals(List.of(), List.copyOf(extractor.extract("網傳「停息掛賬」係謠言。").fields().keySet()));
    assertEquals(List.of(), List.copyOf(extractor.extract("謹防詐騙：所謂罰息全免均為騙局。").fields().keySet()));
    assertEquals(Optional.of(false), value("停息掛賬暫不支持。", PolicyField.STOPS_INTEREST));
  }

  @Test
  void reportsUndeterminedFields() {
    ExtractionResult r = extractor.extract("最长可分36期。");
    assertEquals(PolicyField.values().length - 1, r.undetermined().size());
    assertFalse(r.undetermined().contains(PolicyField.MAX_INSTALLMENTS));
  }

  @Test
  void aVeryLongListDoesNotOverflowTheStack() {
    ExtractionResult r = extractor.extract("可选期数：" + "3、".repeat(5_000) + "6、9、12期。最长可分36期。");
    assertEquals(36, r.field(PolicyField.MAX_INSTALLMENTS).orElseThrow().intValue());
    assertEquals(Optional.of(3), value("可选期数：3、6、9、12、18、24、36、48、60期。", PolicyField.MIN_INSTALLMENTS));
  }

  /**
   * A text copied from a page keeps its HTML: a block tag ends a sentence, an inline tag or an entity is no text,
   * and the evidence is still a span of what was given. "<p>罚息减免50%</p><p>本金不减免</p>" had been one clause,
   * whose refusal gave the penalty interest 0 too; "最长可分<b>36</b>期" and "&nbsp;" had hidden their values.
   */
  @Test
  void htmlRemnantsAreMarkupNotText() {
    ExtractionResult r = extractor.extract("<p>罚息减免50%</p><p>本金不减免</p>");
    assertDecimal("0.5", r.field(PolicyField.MAX_PENALTY_WAIVER).map(ExtractedField::value));
    assertEquals(new Evidence(3, 10, "罚息减免50%"), r.field(PolicyField.MAX_PENALTY_WAIVER).orElseThrow().evidence());
    assertDecimal("0", r.field(PolicyField.PRINCIPAL_WAIVER).map(ExtractedField::value));
    assertDecimal("0.5", value("罚息减免50%<br/>利息不减免", PolicyField.MAX_PENALTY_WAIVER));
    ExtractedField term = extractor.extract("最长可分<b>36</b>期").field(PolicyField.MAX_INSTALLMENTS).orElseThrow();
    assertEquals(new Evidence(0, 14, "最长可分<b>36</b>期"), term.evidence());
    // an element of a longer name is markup too ("<strong>", "<blockquote>")
    assertEquals(Optional.of(36), value("最长可分<strong>36</strong>期", PolicyField.MAX_INSTALLMENTS));
    assertDecimal("0.5", value("罚息减免50%<blockquote>本金不减免</blockquote>", PolicyField.MAX_PENALTY_WAIVER),
        "a block element ends the clause of the refusal before it");
    assertDecimal("0.5", value("罚息&nbsp;减免&nbsp;五成", PolicyField.MAX_PENALTY_WAIVER));
    assertDecimal("0.5", value("罚息减免50&#37;", PolicyField.MAX_PENALTY_WAIVER));
    // a '<' that opens no tag is text: what follows it is read
    assertDecimal("0.5", value("当罚息<本金时，罚息减免50%", PolicyField.MAX_PENALTY_WAIVER));
    assertEquals(Optional.of(12), value("逾期<90天的客户，最长可分12期", PolicyField.MAX_INSTALLMENTS));
    // nor does a '<' before a word that is no HTML element, even with a '>' later ("<M3", "M3" an overdue bucket)
    assertEquals(Optional.of(12), value("逾期<M3客户最长可分12期，罚息减免50%，逾期>M3客户另议", PolicyField.MAX_INSTALLMENTS));
  }

  /**
   * Linear in the text: a long page without full stops (200 000 characters in one clause) took over a minute. Checked
   * as growth ({@link LinearTime}): a 10 s limit on the longest texts was hit at load 15 with a linear reading.
   */
  @Test
  void aVeryLongTextIsReadInLinearTime() {
    LinearTime.assertLinear("five long policy texts", scale -> {
      assertDecimal("0.5", value("罚息减免50%和违约金".repeat(2_000 * scale), PolicyField.MAX_PENALTY_WAIVER));
      assertEquals(Optional.of(36), value("逾期超过90天的客户最长可分36期，罚息最高减免50%，本金不予减免。"
          .repeat(2_500 * scale), PolicyField.MAX_INSTALLMENTS));
      assertEquals(List.of(FinancialTerm.PENALTY_INTEREST),
          List.copyOf(extractor.extract("罚息&".repeat(12_500 * scale) + ";").terms()));
      assertEquals(List.of(), List.copyOf(extractor.extract("<a 罚息".repeat(12_500 * scale) + ">").terms()),
          "one tag to the last '>'");
      assertEquals(List.of(FinancialTerm.PENALTY_INTEREST),
          List.copyOf(extractor.extract("<M3罚息".repeat(12_500 * scale) + ">").terms()));
    });
  }

  /**
   * One sentence of many clauses (no full stop): each reading was compared with every other of its sentence to find
   * those read from the same words, and each cap after a waiver searched every earlier candidate for the one it
   * replaces; both grew with the square of the clauses.
   */
  @Test
  void aSentenceOfManyClausesIsReadInLinearTime() {
    LinearTime.assertLinear("a sentence of many clauses", scale -> {
      assertDecimal("0.3", value("罚息减免30%，".repeat(1_000 * scale), PolicyField.MAX_PENALTY_WAIVER));
      assertDecimal("0.5", value("罚息减免30%，最高50%，".repeat(500 * scale), PolicyField.MAX_PENALTY_WAIVER));
    });
  }

  /** Pieces of real announcements: numerals of every script, units, cues, distractors, emoji, full-width forms. */
  @Provide
  Arbitrary<String> announcementLike() {
    Arbitrary<String> piece = Arbitraries.of("逾期", "超过", "满", "90", "九十", "玖拾", "天", "个月", "年", "半年",
        "以上", "以内", "最长", "不超过", "可分", "期", "36", "叁拾陆", "三十六", "至", "~", "～", "—", "——", "３６",
        "罚息", "罰息", "违约金", "本金", "利息", "减免", "減免", "不予", "未", "全额", "百分之", "五十", "50", "%",
        "％", "成", "打", "八五", "折", "首付", "无需", "证明", "需提供", "身份", "手续费", "每月", "千分之", "点",
        "停息", "不提供", "照常", "分别", "和", "、", "，", "。", "；", "\n", "\r\n", "😀", "𠀀", "2026年1月1日",
        "400-820-8820", "10000元", "第七十条", "7个工作日", " ", "　", "陆", "大陆", "一", "两", "万", "亿", "谣言",
        "<p>", "</p>", "<br/>", "<b>", "<", ">", "&nbsp;", "&#37;", "&", ";");
    return piece.list().ofMaxSize(40).map(ps -> String.join("", ps));
  }

  @Property(tries = 500)
  void evidenceIsASpanOfGeneratedAnnouncements(@ForAll("announcementLike") String text) {
    ExtractionResult r = extractor.extract(text);
    r.fields().values().forEach(f -> assertEquals(
        text.substring(f.evidence().start(), f.evidence().end()), f.evidence().text(), f.field().jsonName()));
    r.termMentions().forEach(m -> assertEquals(text.substring(m.start(), m.end()), m.text()));
  }

  @Property(tries = 200)
  void neverThrowsAndEvidenceIsAlwaysASpanOfTheInput(@ForAll @StringLength(max = 120) String text) {
    ExtractionResult r = extractor.extract(text);
    r.fields().values().forEach(f -> assertEquals(
        text.substring(f.evidence().start(), f.evidence().end()), f.evidence().text()));
  }
}
