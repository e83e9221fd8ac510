package io.github.fenqi.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Phrasings of real notices that had been misread, each read on a whole sentence, with the evidence checked as the
 * span of the text that states the value.
 */
class LenderPhrasingTest {
  private final PolicyTextExtractor extractor = PolicyTextExtractor.create();

  private static void assertField(ExtractionResult r, PolicyField field, Object value, String evidence, String text) {
    ExtractedField f = r.field(field).orElseThrow(() -> new AssertionError(field + " not read from " + text));
    if (value instanceof BigDecimal d) {
      assertEquals(0, d.compareTo((BigDecimal) f.value()), field + " of " + text + ": " + f.value());
    } else {
      assertEquals(value, f.value(), field + " of " + text);
    }
    assertEquals(evidence, f.evidence().text(), field + " evidence in " + text);
    assertEquals(evidence, text.substring(f.evidence().start(), f.evidence().end()));
  }

  /** Each case: text, the penalty waiver it states, the evidence. */
  private void assertPenaltyWaivers(String[][] cases) {
    for (String[] c : cases) {
      assertField(extractor.extract(c[0]), PolicyField.MAX_PENALTY_WAIVER, new BigDecimal(c[1]), c[2], c[0]);
    }
  }

  /** Each case: text, the value of {@code field} it states, the evidence. */
  private void assertFields(PolicyField field, Object[][] cases) {
    for (Object[] c : cases) {
      assertField(extractor.extract((String) c[0]), field, c[1], (String) c[2], (String) c[0]);
    }
  }

  /** Each case: text, the field, the value it states, the evidence. */
  private void assertEachField(Object[][] cases) {
    for (Object[] c : cases) {
      String t = (String) c[0];
      assertField(extractor.extract(t), (PolicyField) c[1], c[2], (String) c[3], t);
    }
  }

  private static void assertAbsent(ExtractionResult r, PolicyField field, String text) {
    assertEquals(Optional.empty(), r.field(field).map(ExtractedField::value), field + " of " + text);
  }

  /** "12——36期" (the Chinese dash, doubled) had been read as no range; "～" and 至 already were ranges. */
  @Test
  void rangesWrittenWithAChineseDashTildeOrZhiAreRanges() {
    for (String range : new String[] {"12——36期", "12～36期", "12至36期", "12~36期", "十二——三十六期"}) {
      String text = "符合条件的客户可申请分" + range + "偿还欠款。";
      ExtractionResult r = extractor.extract(text);
      assertField(r, PolicyField.MIN_INSTALLMENTS, 12, range, text);
      assertField(r, PolicyField.MAX_INSTALLMENTS, 36, range, text);
    }
    String text = "逾期30——90天的客户可申请分期，罚息可减免30——50%。";
    ExtractionResult r = extractor.extract(text);
    assertField(r, PolicyField.MIN_OVERDUE_DAYS, 30, "逾期30——90天", text);
    assertField(r, PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.5"), "罚息可减免30——50%", text);
    String years = "最长可分一——三年还清。";
    assertField(extractor.extract(years), PolicyField.MIN_INSTALLMENTS, 12, "一——三年", years);
  }

  /**
   * "逾期不超过3期", "逾期1-3期", "最多可展期2期": counts of overdue or deferred periods, not the plan's installments (they
   * had been read as the most or least installments, or made a conflict with the real term), nor overdue days.
   */
  @Test
  void countsOfOverdueOrDeferredPeriodsAreNoInstallmentTerms() {
    for (String text : new String[] {"逾期不超过3期的客户可申请个性化分期。", "逾期1-3期的客户可申请个性化分期。",
        "逾期期数3期以内的客户可申请分期。", "展期最长2期。", "可申请展期1至2期。", "延期还款最长不超过3期。"}) {
      ExtractionResult r = extractor.extract(text);
      assertAbsent(r, PolicyField.MAX_INSTALLMENTS, text);
      assertAbsent(r, PolicyField.MIN_INSTALLMENTS, text);
      assertAbsent(r, PolicyField.MIN_OVERDUE_DAYS, text);
    }
    String text = "最多可展期2期，最长可分36期。";
    ExtractionResult r = extractor.extract(text);
    assertField(r, PolicyField.MAX_INSTALLMENTS, 36, "最长可分36期", text);
    assertEquals(java.util.List.of(), r.notes(), text);
    text = "逾期1期或2期的客户可分12期、24期或36期。";
    r = extractor.extract(text);
    assertField(r, PolicyField.MIN_INSTALLMENTS, 12, "12期、24期或36期", text);
    // a period word describing the borrower, or followed by the plan's own terms, governs no count
    text = "逾期客户最长可分36期。";
    assertField(extractor.extract(text), PolicyField.MAX_INSTALLMENTS, 36, "最长可分36期", text);
    text = "逾期90天以上最长可分36期。";
    assertField(extractor.extract(text), PolicyField.MAX_INSTALLMENTS, 36, "最长可分36期", text);
  }

  /** 减半 and a discount without 打/按 ("罚息五折") had been read as no waiver at all; 打八折 and 减免50% already were. */
  @Test
  void halvingAndDiscountsGiveTheWaivedShare() {
    String[][] cases = {
        {"罚息可减半收取。", "0.5", "罚息可减半收取"},
        {"减半收取罚息。", "0.5", "减半收取罚息"},
        {"罚息可享受五折优惠。", "0.5", "罚息可享受五折优惠"},
        {"罚息五折。", "0.5", "罚息五折"},
        {"罚息可打八折。", "0.2", "罚息可打八折"},
        {"罚息减免50%。", "0.5", "罚息减免50%"},
    };
    assertPenaltyWaivers(cases);
    String text = "违约金减半，利息打九折，罚息按实际天数折算。";
    ExtractionResult r = extractor.extract(text);
    assertField(r, PolicyField.MAX_LATE_FEE_WAIVER, new BigDecimal("0.5"), "违约金减半", text);
    assertField(r, PolicyField.MAX_INTEREST_WAIVER, new BigDecimal("0.1"), "利息打九折", text);
    assertAbsent(r, PolicyField.MAX_PENALTY_WAIVER, text); // 折算 converts, it is no discount
  }

  /**
   * A refused discount or share ("罚息不打五折", "利息不按八折收取", "罚息不减半") had been read as the waiver it refuses
   * (0.5 for "不打五折") or as none at all (0 for "不减半", though "罚息不减半，最多减免30%" caps it at 30%): the text
   * states no cap. A refusal of any waiver ("利息不减免", "不打折") is still none, a bound after it still a cap.
   */
  @Test
  void aRefusedDiscountOrShareStatesNoCap() {
    for (String text : new String[] {"已产生的罚息不打五折，利息不减免。", "已产生的罚息不按五折收取，利息不减免。",
        "已产生的罚息不享受五折优惠，利息不减免。", "已产生的罚息不减半，利息不减免。", "已产生的罚息不能减免一半，利息不减免。",
        "已产生的罚息不减免百分之三十，利息不减免。", "已产生的罚息不免收50%，利息不减免。",
        "已产生的罚息无减半政策，利息不减免。"}) {
      ExtractionResult r = extractor.extract(text);
      assertAbsent(r, PolicyField.MAX_PENALTY_WAIVER, text);
      assertField(r, PolicyField.MAX_INTEREST_WAIVER, new BigDecimal("0"), "利息不减免", text);
    }
    String text = "罚息不减半，最多减免30%。";
    assertField(extractor.extract(text), PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.3"), "最多减免30%", text);
    text = "利息不打八折，但可打九折。";
    assertField(extractor.extract(text), PolicyField.MAX_INTEREST_WAIVER, new BigDecimal("0.1"), "但可打九折", text);
    text = "罚息不减半只减免30%。";
    assertField(extractor.extract(text), PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.3"), text.substring(0, 11),
        text);
    String[][] still = {
        {"罚息不打折。", "0", "罚息不打折"},
        {"罚息不减半也不减免。", "0", "罚息不减半也不减免"},
        {"罚息不得减免超过50%。", "0.5", "罚息不得减免超过50%"},
        {"罚息最多减免至七折。", "0.3", "罚息最多减免至七折"},
    };
    assertPenaltyWaivers(still);
  }

  /**
   * A refusal under a condition ("如无法提供…证明，罚息不予减免") holds only when the condition does: with the proof a
   * waiver may be granted, so the text states no cap (it had been read as 0). A waiver under a condition is still the
   * most that is waived, and 如下 opens no condition.
   */
  @Test
  void aRefusalUnderAConditionStatesNoCap() {
    String text = "如无法提供收入下降或失业的相关证明，罚息不予减免。";
    assertAbsent(extractor.extract(text), PolicyField.MAX_PENALTY_WAIVER, text);
    text = "若未能提供困难证明，罚息不予减免，本金不予减免。";
    ExtractionResult r = extractor.extract(text);
    assertAbsent(r, PolicyField.MAX_PENALTY_WAIVER, text);
    assertAbsent(r, PolicyField.PRINCIPAL_WAIVER, text);
    String[][] still = {
        {"若提供困难证明，罚息可减免50%。", "0.5", "罚息可减免50%"},
        {"提供证明后罚息最高减免50%，否则不予减免。", "0.5", "提供证明后罚息最高减免50%"},
        {"减免标准如下：罚息不予减免。", "0", "减免标准如下：罚息不予减免"},
        {"罚息不予减免，如有疑问请致电客服。", "0", "罚息不予减免"},
    };
    assertPenaltyWaivers(still);
  }

  /**
   * A negation after 证明 ("困难证明无需提供", with a 提交 before it taken as the cue) had been read as proof required,
   * and a negation of something else before it ("无需上门只需提交困难证明") as none needed; a question is answered by
   * what follows it. The 免 of a waiver before it ("申请减免需提供困难证明") had been read as "not needed".
   */
  @Test
  void negatedProofRequirementsAreNoRequirement() {
    String[][] notNeeded = {
        {"无需提供证明即可申请。", "无需提供证明"},
        {"不需要困难证明。", "不需要困难证明"},
        {"免提供困难证明材料。", "免提供困难证明"},
        {"提交申请时困难证明无需提供。", "提交申请时困难证明无需提供"},
        {"困难证明材料：免提供。", "困难证明材料：免提供"},
        {"是否需要困难证明：否。", "是否需要困难证明：否"},
    };
    for (String[] c : notNeeded) {
      assertField(extractor.extract(c[0]), PolicyField.REQUIRES_HARDSHIP_PROOF, false, c[1], c[0]);
    }
    String[][] needed = {
        {"无需上门只需提交困难证明。", "无需上门只需提交困难证明"},
        {"是否需要困难证明：是。", "是否需要困难证明：是"},
        // the 免 of a waiver is no "not needed": each had been read as false
        {"罚息可减免50%，申请减免需提供困难证明。", "申请减免需提供困难证明"},
        {"罚息减免须提供证明。", "罚息减免须提供证明"},
        {"罚息豁免须出具困难证明。", "罚息豁免须出具困难证明"},
        {"免收罚息需提交困难证明。", "免收罚息需提交困难证明"},
        {"申请免息需提供困难证明。", "申请免息需提供困难证明"},
    };
    for (String[] c : needed) {
      assertField(extractor.extract(c[0]), PolicyField.REQUIRES_HARDSHIP_PROOF, true, c[1], c[0]);
    }
    for (String text : new String[] {"免提供材料。", "是否需要提供困难证明？请咨询客服。"}) {
      assertAbsent(extractor.extract(text), PolicyField.REQUIRES_HARDSHIP_PROOF, text);
    }
  }

  /**
   * "前3个月免手续费" waives the fee of the first months only: it had been read as a monthly fee of 0 for the plan.
   * It is now a {@link ExtractionNote.Kind#FIRST_MONTHS} note, and the rate stated for the rest is the value.
   */
  @Test
  void aFeeWaivedForTheFirstMonthsOnlyIsNoteNotAFeeOfZero() {
    String text = "前3个月免手续费。";
    ExtractionResult r = extractor.extract(text);
    assertAbsent(r, PolicyField.MONTHLY_FEE_RATE, text);
    assertEquals(1, r.notes().size(), r.notes().toString());
    ExtractionNote note = r.notes().get(0);
    assertEquals(PolicyField.MONTHLY_FEE_RATE, note.field());
    assertEquals(ExtractionNote.Kind.FIRST_MONTHS, note.kind());
    assertEquals("前3个月免手续费", note.readings().get(0).evidence().text());
    assertTrue(note.message().contains("first months only"), note.message());

    text = "前三期免收手续费，之后每期手续费0.5%。";
    r = extractor.extract(text);
    assertField(r, PolicyField.MONTHLY_FEE_RATE, new BigDecimal("0.005"), "之后每期手续费0.5%", text);
    assertEquals(ExtractionNote.Kind.FIRST_MONTHS, r.notes(PolicyField.MONTHLY_FEE_RATE).get(0).kind());
    assertEquals("前三期免收手续费", r.notes(PolicyField.MONTHLY_FEE_RATE).get(0).readings().get(0).evidence().text());

    // the months between the fee and its waiver, or after the waiver: these had been read as nothing, without a note
    for (String[] c : new String[][] {{"分期手续费前3个月全免。", "手续费前3个月全免"}, {"手续费首期免收。", "手续费首期免收"},
        {"手续费头三个月免收。", "手续费头三个月免收"}, {"免前3期手续费。", "免前3期手续费"},
        {"手续费：前３个月全免。", "手续费：前３个月全免"}}) {
      r = extractor.extract(c[0]);
      assertAbsent(r, PolicyField.MONTHLY_FEE_RATE, c[0]);
      assertEquals(1, r.notes(PolicyField.MONTHLY_FEE_RATE).size(), c[0] + ": " + r.notes());
      assertEquals(ExtractionNote.Kind.FIRST_MONTHS, r.notes(PolicyField.MONTHLY_FEE_RATE).get(0).kind(), c[0]);
      assertEquals(c[1], r.notes(PolicyField.MONTHLY_FEE_RATE).get(0).readings().get(0).evidence().text(), c[0]);
    }
    text = "服务费前12期全额减免，之后每月服务费0.5%。";
    r = extractor.extract(text);
    assertField(r, PolicyField.MONTHLY_FEE_RATE, new BigDecimal("0.005"), "之后每月服务费0.5%", text);
    assertEquals("服务费前12期全额减免", r.notes(PolicyField.MONTHLY_FEE_RATE).get(0).readings().get(0).evidence().text());
    text = "手续费前3个月不免。"; // refused: neither a fee of 0 nor an offer
    assertEquals(List.of(), extractor.extract(text).notes(), text);

    text = "分期期间免收手续费。"; // the whole plan: a fee of 0 as before
    assertField(extractor.extract(text), PolicyField.MONTHLY_FEE_RATE, new BigDecimal("0"), "免收手续费", text);
  }

  /**
   * A policy given as an HTML table is read row by row, cell by cell: each cell had been a line of its own, so a
   * label and its value ("逾期天数 | 90天以上", "罚息减免 | 最高50%") were two sentences and stated nothing.
   */
  @Test
  void anHtmlTableIsReadCellByCell() {
    String text = "<table><tr><th>项目</th><th>标准</th></tr>"
        + "<tr><td>分期期数</td><td>12-36期</td></tr>"
        + "<tr><td>逾期天数</td><td>90天以上</td></tr>"
        + "<tr><td>罚息减免</td><td>最高50%</td></tr>"
        + "<tr><td>困难证明：</td><td>无需提供</td></tr>"
        + "<tr><td>手续费</td><td>每月0.5%</td><td>按期收取</td></tr></table>";
    ExtractionResult r = extractor.extract(text);
    assertField(r, PolicyField.MIN_INSTALLMENTS, 12, "12-36期", text);
    assertField(r, PolicyField.MAX_INSTALLMENTS, 36, "12-36期", text);
    assertField(r, PolicyField.MIN_OVERDUE_DAYS, 90, "逾期天数</td><td>90天以上", text);
    assertField(r, PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.5"), "罚息减免</td><td>最高50%", text);
    assertField(r, PolicyField.REQUIRES_HARDSHIP_PROOF, false, "困难证明：</td><td>无需提供", text);
    assertField(r, PolicyField.MONTHLY_FEE_RATE, new BigDecimal("0.005"), "手续费</td><td>每月0.5%", text);
  }

  /**
   * "前6个月免收利息" waives the interest of the first months only; it had been read as a full interest waiver
   * (maxInterestWaiver 1). It is a {@link ExtractionNote.Kind#FIRST_MONTHS} note, like a first-months fee waiver.
   */
  @Test
  void aWaiverForTheFirstMonthsOnlyIsNoFullWaiver() {
    String text = "分期后前3期利息全免，罚息最高减免50%。";
    ExtractionResult r = extractor.extract(text);
    assertAbsent(r, PolicyField.MAX_INTEREST_WAIVER, text);
    assertField(r, PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.5"), "罚息最高减免50%", text);
    ExtractionNote note = r.notes(PolicyField.MAX_INTEREST_WAIVER).get(0);
    assertEquals(ExtractionNote.Kind.FIRST_MONTHS, note.kind());
    assertEquals("分期后前3期利息全免", note.readings().get(0).evidence().text());
  }

  /**
   * "分期期数6期起", "6期以上": the least installments written after the number had been read as nothing (a bound word
   * before it, "最少6期", already was read). Not a count of overdue periods, a record of repayments, or the installment
   * from which something holds.
   */
  @Test
  void aLeastTermWrittenAfterTheNumberIsTheMinimum() {
    String text = "分期期数6期起。";
    assertField(extractor.extract(text), PolicyField.MIN_INSTALLMENTS, 6, "6期起", text);
    text = "分期期数6期以上，最长36期。";
    ExtractionResult r = extractor.extract(text);
    assertField(r, PolicyField.MIN_INSTALLMENTS, 6, "6期以上", text);
    assertField(r, PolicyField.MAX_INSTALLMENTS, 36, "最长36期", text);
    text = "分期期数最少6期。";
    assertField(extractor.extract(text), PolicyField.MIN_INSTALLMENTS, 6, "最少6期", text);
    for (String other : new String[] {"逾期3期以上的客户可申请分期。", "需连续按时还款6期以上。", "自第7期起每月手续费0.5%。"}) {
      assertAbsent(extractor.extract(other), PolicyField.MIN_INSTALLMENTS, other);
    }
  }

  /** "若未能提供困难证明": the 能提供 inside a failure to give proof had been taken as "may be given", so nothing. */
  @Test
  void aFailureToGiveProofMakesItARequirement() {
    String[][] needed = {
        {"若未能提供困难证明，罚息不予减免。", "若未能提供困难证明"},
        {"如不能提供证明，不予办理。", "如不能提供证明"},
    };
    for (String[] c : needed) {
      assertField(extractor.extract(c[0]), PolicyField.REQUIRES_HARDSHIP_PROOF, true, c[1], c[0]);
    }
    String text = "若能提供困难证明，可优先办理。";
    assertAbsent(extractor.extract(text), PolicyField.REQUIRES_HARDSHIP_PROOF, text);
  }

  /**
   * A refused share beside another component's waiver in one clause ("罚息不减半和违约金全免") had made the clause state
   * nothing for either, or thrown a NullPointerException ("罚息不减半和违约金减免30%"): the refused share states no cap
   * for its component, and the other component's waiver is read.
   */
  @Test
  void aRefusedShareBesideAnotherWaiverInOneClause() {
    String text = "罚息不减半和违约金全免。";
    ExtractionResult r = extractor.extract(text);
    assertField(r, PolicyField.MAX_LATE_FEE_WAIVER, new BigDecimal("1"), "罚息不减半和违约金全免", text);
    assertAbsent(r, PolicyField.MAX_PENALTY_WAIVER, text);
    text = "罚息不减半和违约金减免30%。";
    r = extractor.extract(text);
    assertField(r, PolicyField.MAX_LATE_FEE_WAIVER, new BigDecimal("0.3"), "罚息不减半和违约金减免30%", text);
    assertAbsent(r, PolicyField.MAX_PENALTY_WAIVER, text);
  }

  /**
   * Each word the README names as warning of fraud or refuting a rumour skips its sentence on its own: such notices
   * quote the promises they deny.
   */
  @Test
  void eachWarningWordSkipsItsSentence() {
    for (String word : new String[] {"谣言", "诈骗", "骗局", "网传", "谨防", "警惕", "请勿相信"}) {
      String text = word + ":可办理停息挂账,最长可分60期。";
      assertEquals(List.of(), List.copyOf(extractor.extract(text).fields().keySet()), text);
    }
    assertEquals(List.of(PolicyField.MAX_INSTALLMENTS, PolicyField.STOPS_INTEREST),
        List.copyOf(extractor.extract("提示:可办理停息挂账,最长可分60期。").fields().keySet()), "no warning");
  }

  /** A fee whose sentence names no month or installment ("手续费为0.6%") is a one-off charge, no monthly rate. */
  @Test
  void aFeeNamingNoMonthIsNoMonthlyRate() {
    for (String text : new String[] {"手续费为0.6%。", "分期手续费0.6%,一次性收取。"}) {
      ExtractionResult r = extractor.extract(text);
      assertAbsent(r, PolicyField.MONTHLY_FEE_RATE, text);
      assertEquals(List.of(), r.notes(), text);
    }
    String monthly = "手续费为0.6%,按月收取。";
    assertField(extractor.extract(monthly), PolicyField.MONTHLY_FEE_RATE, new BigDecimal("0.006"), "手续费为0.6%",
        monthly);
  }

  /**
   * A floor of the waiver, stated after the ratio ("罚息减免30%起"), states no cap, as 不低于 and 至少 before it do; and a
   * capped ratio ("最高减免50%", a cue word beside it) is an explicit statement, to which a ratio stated without one in
   * another sentence ("罚息减免30%", the usual waiver) gives way.
   */
  @Test
  void aFloorAfterTheRatioIsNoCapAndACappedRatioOutranksAPlainOne() {
    for (String floor : new String[] {"罚息减免30%起。", "罚息可减免30%起。"}) {
      assertAbsent(extractor.extract(floor), PolicyField.MAX_PENALTY_WAIVER, floor);
    }
    for (String text : new String[] {"罚息最高减免50%。罚息减免30%。", "罚息减免30%。罚息最高减免50%。"}) {
      ExtractionResult r = extractor.extract(text);
      assertField(r, PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.5"), "罚息最高减免50%", text);
      assertEquals(List.of(), r.notes(PolicyField.MAX_PENALTY_WAIVER), text);
    }
  }

  /**
   * "减免比例低于50%" forbids a waiver of 50%, but had been read as a cap of 0.5, which a plan may reach: the cap is
   * now the largest ratio below the bound at the precision it was written in, a hundredth at the least.
   */
  @Test
  void aStrictBoundOnAWaiverIsACapJustUnderIt() {
    String[][] cases = {
        {"罚息减免比例低于50%。", "0.49", "罚息减免比例低于50%"},
        {"罚息减免比例小于50%。", "0.49", "罚息减免比例小于50%"},
        {"罚息减免比例低于五成。", "0.49", "罚息减免比例低于五成"},
        {"罚息减免比例低于50.5%。", "0.504", "罚息减免比例低于50.5%"},
        {"罚息减免比例不超过50%。", "0.5", "罚息减免比例不超过50%"},
    };
    assertPenaltyWaivers(cases);
    String text = "罚息减免比例不低于30%。"; // a floor, as before
    assertAbsent(extractor.extract(text), PolicyField.MAX_PENALTY_WAIVER, text);
  }

  /**
   * "手续费前3个月全免，之后每月0.6%": the second clause names no fee but goes on about it; its rate had been read as
   * nothing. It is inherited, so an explicit fee elsewhere wins, and a clause after another term inherits no fee.
   */
  @Test
  void aClauseGoingOnAboutTheFeeGivesItsRate() {
    String text = "手续费前3个月全免，之后每月0.6%。";
    ExtractionResult r = extractor.extract(text);
    assertField(r, PolicyField.MONTHLY_FEE_RATE, new BigDecimal("0.006"), "之后每月0.6%", text);
    assertEquals(ExtractionNote.Kind.FIRST_MONTHS, r.notes(PolicyField.MONTHLY_FEE_RATE).get(0).kind());
    text = "手续费前3个月全免，之后每月0.6%。每月手续费0.5%。";
    assertField(extractor.extract(text), PolicyField.MONTHLY_FEE_RATE, new BigDecimal("0.005"), "每月手续费0.5%", text);
    text = "罚息减免50%，之后每月0.6%。";
    assertAbsent(extractor.extract(text), PolicyField.MONTHLY_FEE_RATE, text);
  }

  /**
   * "分期期数需12个月以上", "分期期限1年以上": a least term in months or years after the number had been read as nothing
   * (only "6期以上" was read). It is read where the clause speaks of the term before the number, not of how long the
   * borrower has been a customer or overdue ("入职6个月以上", "逾期3个月以上"); nor is a record of repayments
   * ("分期还款满6期以上", which had been read as minInstallments 6).
   */
  @Test
  void aLeastTermInMonthsOrYearsAfterTheNumberIsTheMinimum() {
    Object[][] cases = {
        {"分期期数需12个月以上。", 12, "12个月以上"},
        {"分期期限1年以上。", 12, "1年以上"},
        {"分期期限12个月起。", 12, "12个月起"},
        {"分期期限一年半以上。", 18, "一年半以上"},
        {"可申请分期，期限在12个月及以上。", 12, "12个月及以上"},
    };
    assertFields(PolicyField.MIN_INSTALLMENTS, cases);
    String text = "逾期3个月以上的客户可申请分期，分期期数需12个月以上，最长36期。";
    ExtractionResult r = extractor.extract(text);
    assertField(r, PolicyField.MIN_INSTALLMENTS, 12, "12个月以上", text);
    assertField(r, PolicyField.MAX_INSTALLMENTS, 36, "最长36期", text);
    assertField(r, PolicyField.MIN_OVERDUE_DAYS, 90, "逾期3个月以上", text);
    for (String none : new String[] {"入职6个月以上的客户可申请分期。", "逾期3个月以上的客户可申请分期。",
        "账户开立满6个月以上，可申请分期。", "连续按时还款6个月以上可申请分期。", "分期还款满6期以上的客户可申请减免罚息。",
        "分期还款满6个月以上的客户可申请减免罚息。"}) {
      assertAbsent(extractor.extract(none), PolicyField.MIN_INSTALLMENTS, none);
    }
  }

  /**
   * A bound in a later clause that names no component and no waiver verb, after a bare waiver ("罚息可酌情减免，比例低于50%")
   * had been read only for 最高/最多/上限/不超过/至多: a strict bound (低于, 小于, 少于, 不到, 不足), 不得超过/不高于, and a
   * ratio with 以内 had been read as nothing, though the same bound in the waiver's own clause was read. A strict bound is
   * a cap just under it, as in the waiver's own clause.
   */
  @Test
  void aBoundInALaterClauseOfABareWaiverIsItsCap() {
    String[][] cases = {
        {"罚息可酌情减免，比例低于50%。", "0.49", "比例低于50%"},
        {"罚息可酌情减免，但低于50%。", "0.49", "但低于50%"},
        {"罚息可酌情减免，少于30%。", "0.29", "少于30%"},
        {"罚息可酌情减免，小于30%。", "0.29", "小于30%"},
        {"罚息可酌情减免，不到三成。", "0.29", "不到三成"},
        {"罚息可酌情减免，不得超过30%。", "0.3", "不得超过30%"},
        {"罚息可酌情减免，不高于30%。", "0.3", "不高于30%"},
        {"罚息可酌情减免，幅度在30%以内。", "0.3", "幅度在30%以内"},
        {"罚息可酌情减免，视情况而定，最高不超过50%。", "0.5", "最高不超过50%"},
    };
    assertPenaltyWaivers(cases);
    String text = "罚息、违约金可酌情减免，比例低于50%。";
    ExtractionResult r = extractor.extract(text);
    assertField(r, PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.49"), "比例低于50%", text);
    assertField(r, PolicyField.MAX_LATE_FEE_WAIVER, new BigDecimal("0.49"), "比例低于50%", text);
    for (String none : new String[] {"罚息可酌情减免，比例不低于30%。", "罚息可酌情减免，最低30%。", "罚息可酌情减免，超过30%。"}) {
      assertAbsent(extractor.extract(none), PolicyField.MAX_PENALTY_WAIVER, none);
    }
  }

  /**
   * "分期期数不得少于十二期，不得多于六十期": a bound on the term with a modal verb between the negation and the comparison
   * (不得少于, 不能低于, 不多于, 不得高于, 不大于) had been read as nothing; only 不少于/不低于 and 不超过/不得超过 were read.
   * 不小于 is the least too.
   */
  @Test
  void aTermBoundWithAModalOrAnotherComparisonIsRead() {
    String text = "分期期数不得少于十二期，不得多于六十期。";
    ExtractionResult r = extractor.extract(text);
    assertField(r, PolicyField.MIN_INSTALLMENTS, 12, "不得少于十二期", text);
    assertField(r, PolicyField.MAX_INSTALLMENTS, 60, "不得多于六十期", text);
    Object[][] cases = {
        {"分期期限不能低于6个月。", PolicyField.MIN_INSTALLMENTS, 6, "不能低于6个月"},
        {"分期期数不小于6期。", PolicyField.MIN_INSTALLMENTS, 6, "不小于6期"},
        {"分期期数不多于36期。", PolicyField.MAX_INSTALLMENTS, 36, "不多于36期"},
        {"分期期限不得高于5年。", PolicyField.MAX_INSTALLMENTS, 60, "不得高于5年"},
        {"分期期数不大于36期。", PolicyField.MAX_INSTALLMENTS, 36, "不大于36期"},
        {"分期期数不可超过36期。", PolicyField.MAX_INSTALLMENTS, 36, "不可超过36期"},
    };
    assertEachField(cases);
    text = "逾期不得少于3期的客户可申请。"; // a count of overdue periods, as before
    assertAbsent(extractor.extract(text), PolicyField.MIN_INSTALLMENTS, text);
  }

  /**
   * A strict bound on the term in its "must" form is a bound one installment inside it ("须少于36期": 35 at most, since
   * 36 is not allowed; "须超过12期": 13 at least), and one in its "not allowed" form is the bound it draws
   * ("超过36期的不予受理": 36 at most; "少于12期的不予办理": 12 at least; "36期以上的不予受理", 以上 including 36 as the
   * law reads it: 35 at most). These had been read as nothing, and "36期以上的不予受理" as the least term, 36; 不允许,
   * 禁止, 不要 and 长于/短于 had not been known as negations or comparisons of a term.
   */
  @Test
  void aStrictOrRefusedBoundOnTheTermIsReadInsideIt() {
    Object[][] cases = {
        {"分期期数须少于36期。", PolicyField.MAX_INSTALLMENTS, 35, "须少于36期"},
        {"分期期数应低于36期。", PolicyField.MAX_INSTALLMENTS, 35, "应低于36期"},
        {"分期期限必须短于3年。", PolicyField.MAX_INSTALLMENTS, 35, "必须短于3年"},
        {"分期期数须超过12期。", PolicyField.MIN_INSTALLMENTS, 13, "须超过12期"},
        {"分期期数必须多于12期。", PolicyField.MIN_INSTALLMENTS, 13, "必须多于12期"},
        {"分期期限需长于1年。", PolicyField.MIN_INSTALLMENTS, 13, "需长于1年"},
        {"分期期数超过36期的不予受理。", PolicyField.MAX_INSTALLMENTS, 36, "超过36期的不予受理"},
        {"分期期数多于36期的,不予办理。", PolicyField.MAX_INSTALLMENTS, 36, "多于36期的,不予办理"},
        {"期数少于12期的不予办理。", PolicyField.MIN_INSTALLMENTS, 12, "少于12期的不予办理"},
        {"分期期数低于6期的申请不予受理。", PolicyField.MIN_INSTALLMENTS, 6, "低于6期的申请不予受理"},
        {"分期期数不足6期的不予办理。", PolicyField.MIN_INSTALLMENTS, 6, "不足6期的不予办理"},
        {"分期期数36期以上的不予受理。", PolicyField.MAX_INSTALLMENTS, 35, "36期以上的不予受理"},
        {"分期期数12期以下的不予办理。", PolicyField.MIN_INSTALLMENTS, 13, "12期以下的不予办理"},
        {"分期期数不允许超过36期。", PolicyField.MAX_INSTALLMENTS, 36, "不允许超过36期"},
        {"分期期数禁止超过36期。", PolicyField.MAX_INSTALLMENTS, 36, "禁止超过36期"},
        {"分期期数不要超过36期。", PolicyField.MAX_INSTALLMENTS, 36, "不要超过36期"},
        {"分期期限不得长于3年。", PolicyField.MAX_INSTALLMENTS, 36, "不得长于3年"},
        {"分期期限不得短于6个月。", PolicyField.MIN_INSTALLMENTS, 6, "不得短于6个月"},
    };
    for (Object[] c : cases) {
      String t = (String) c[0];
      ExtractionResult r = extractor.extract(t);
      assertField(r, (PolicyField) c[1], c[2], (String) c[3], t);
      PolicyField other = c[1] == PolicyField.MAX_INSTALLMENTS ? PolicyField.MIN_INSTALLMENTS
          : PolicyField.MAX_INSTALLMENTS;
      assertAbsent(r, other, t);
    }
    String text = "分期期数不应少于12期,不得超过36期。"; // 不应 is no 应: the least is 12, not a most of 11
    ExtractionResult r = extractor.extract(text);
    assertField(r, PolicyField.MIN_INSTALLMENTS, 12, "不应少于12期", text);
    assertField(r, PolicyField.MAX_INSTALLMENTS, 36, "不得超过36期", text);
    for (String none : new String[] {
        "分期期数超过12期。", // a description, neither "must" nor "not allowed"
        "无需超过12期即可申请。",
        "逾期超过3期的不予受理。", // overdue periods
        "逾期须超过3期。",
        "连续按时还款须超过6期。", // a record of repayments
        "分期超过12期的客户不享受免息。", // beyond 12 installments something else is refused, not the plan
        "入职少于6个月的不予办理分期。", // a time something else has lasted
        "办理分期,注册超过6个月的不予受理。", // so in a clause that does not name the term, after one that does
        "办理分期,入职少于6个月的不予办理。",
        "分期期数须少于1期。", // no plan of 0 installments
    }) {
      ExtractionResult n = extractor.extract(none);
      assertAbsent(n, PolicyField.MIN_INSTALLMENTS, none);
      assertAbsent(n, PolicyField.MAX_INSTALLMENTS, none);
    }
  }

  /**
   * "分期期限36个月以内", "3年以内": a most term in months or years after the number had been read as nothing (only
   * "36期以内" was read); it is read where the clause names the term, not a time of something else ("逾期3个月以内").
   */
  @Test
  void aMostTermInMonthsOrYearsAfterTheNumberIsTheMaximum() {
    Object[][] cases = {
        {"分期期限36个月以内。", 36, "36个月以内"},
        {"分期期限3年以内。", 36, "3年以内"},
        {"分期期数在36个月以下。", 36, "36个月以下"},
        {"可申请分期，还款期限两年半以内。", 30, "两年半以内"},
    };
    assertFields(PolicyField.MAX_INSTALLMENTS, cases);
    for (String none : new String[] {"逾期3个月以内的客户可申请分期。", "申请后3个月以内完成审核，可分期。"}) {
      assertAbsent(extractor.extract(none), PolicyField.MAX_INSTALLMENTS, none);
    }
  }

  /**
   * Text copied from a web page or a chat app carries invisible characters (a zero-width space, a soft hyphen, a word
   * joiner, a byte-order mark) and spaces other than the ASCII one (thin, narrow no-break, en quad); between a number and
   * its unit they had made "最长可分36\u200B期" and "罚息最高减免50\u00AD%" read as nothing. They are dropped, and the
   * spaces read as a space; the evidence is still the span of the original, invisible characters included.
   */
  @Test
  void invisibleCharactersAndUnicodeSpacesDoNotHideAValue() {
    for (String cut : new String[] {"\u200B", "\u200C", "\u200D", "\u2060", "\u00AD", "\uFEFF"}) {
      String text = "最长可分36" + cut + "期，罚息最高减免50" + cut + "%。";
      ExtractionResult r = extractor.extract(text);
      assertField(r, PolicyField.MAX_INSTALLMENTS, 36, "最长可分36" + cut + "期", text);
      assertField(r, PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.5"), "罚息最高减免50" + cut + "%", text);
    }
    for (String space : new String[] {"\u2009", "\u202F", "\u2002", "\u205F", "\u200A"}) {
      String text = "分期期数12" + space + "-" + space + "36" + space + "期。";
      ExtractionResult r = extractor.extract(text);
      String range = "12" + space + "-" + space + "36" + space + "期";
      assertField(r, PolicyField.MIN_INSTALLMENTS, 12, range, text);
      assertField(r, PolicyField.MAX_INSTALLMENTS, 36, range, text);
    }
    String text = "最长可分二十\u200B四期。"; // inside a Chinese numeral too
    assertField(extractor.extract(text), PolicyField.MAX_INSTALLMENTS, 24, text.substring(0, text.length() - 1), text);
  }

  /**
   * The dashes and tildes a range is written with besides "-", "—" and "～": the horizontal bar "――" (how GBK's
   * Chinese dash decodes in Windows' code page 936), the two-em dash "⸺", the non-breaking hyphen, the small hyphen
   * and em dash, the swung dash "⁓" and the tilde operator "∼" had been read as no range at all.
   */
  @Test
  void rangesWrittenWithOtherDashesAndTildesAreRanges() {
    for (String to : new String[] {"\u2015\u2015", "\u2015", "\u2E3A", "\u2E3B", "\u2011", "\uFE58", "\uFE63",
        "\u2053", "\u223C"}) {
      String range = "12" + to + "36期";
      String text = "符合条件的客户可申请分" + range + "偿还欠款。";
      ExtractionResult r = extractor.extract(text);
      assertField(r, PolicyField.MIN_INSTALLMENTS, 12, range, text);
      assertField(r, PolicyField.MAX_INSTALLMENTS, 36, range, text);
      text = "逾期30" + to + "90天的客户可申请分期，罚息可减免30" + to + "50%。";
      r = extractor.extract(text);
      assertField(r, PolicyField.MIN_OVERDUE_DAYS, 30, "逾期30" + to + "90天", text);
      assertField(r, PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.5"), "罚息可减免30" + to + "50%", text);
    }
  }

  /**
   * Named HTML entities beyond the few known ("&permil;", "&middot;", "&ZeroWidthSpace;") had been left as text, and
   * their ';' ended the sentence: "罚息&middot;最高减免50%" cut 罚息 off from its waiver, "6&permil;" lost its unit. The
   * entities a policy page uses are decoded, an unknown one is read as a space, never as a ';'.
   */
  @Test
  void namedEntitiesAreDecodedAndTheirSemicolonEndsNoSentence() {
    String text = "每月手续费6&permil;。";
    assertField(extractor.extract(text), PolicyField.MONTHLY_FEE_RATE, new BigDecimal("0.006"), "每月手续费6&permil;",
        text);
    String[][] cases = {
        {"罚息&middot;最高减免50%。", "0.5", "罚息&middot;最高减免50%"},
        {"罚息最高减免50&percnt;。", "0.5", "罚息最高减免50&percnt;"},
        {"罚息&lsquo;最高&rsquo;减免50%。", "0.5", "罚息&lsquo;最高&rsquo;减免50%"},
        {"罚息&hellip;最高减免50%。", "0.5", "罚息&hellip;最高减免50%"},
        {"罚息最高减免50&ZeroWidthSpace;%。", "0.5", "罚息最高减免50&ZeroWidthSpace;%"},
        {"罚息&frac12;最高减免50%。", "0.5", "罚息&frac12;最高减免50%"},
    };
    assertPenaltyWaivers(cases);
    text = "分期期数12&sim;36期。";
    assertField(extractor.extract(text), PolicyField.MAX_INSTALLMENTS, 36, "12&sim;36期", text);
  }

  /**
   * "罚息可减免百分之三十至五十": the percent is written once, before the range, and governs both ends; the range had been
   * read as its lower end alone, a cap of 0.3 where the lender offers 0.5. A unit written only on the lower end is the
   * upper end's too, unless another unit follows the upper end.
   */
  @Test
  void aRatioRangeWithItsUnitOnTheLowerEndOnlyIsCappedAtTheUpperEnd() {
    String[][] cases = {
        {"罚息可减免百分之三十至五十。", "0.5", "罚息可减免百分之三十至五十"},
        {"罚息可减免30%-50。", "0.5", "罚息可减免30%-50"},
        {"罚息可减免百分之三十至百分之五十。", "0.5", "罚息可减免百分之三十至百分之五十"},
    };
    assertPenaltyWaivers(cases);
    String text = "罚息可减免30%，至50天内还清。"; // no range: the 50 is days
    assertField(extractor.extract(text), PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.3"), "罚息可减免30%", text);
    text = "罚息可减免30%至50天。";
    assertField(extractor.extract(text), PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.3"), "罚息可减免30%至50天", text);
  }

  /**
   * 廿 (twenty), 卅 (thirty) and 卌 (forty), still written in dates and some notices: "最长可分卅六期" had been read as 6
   * (the 卅 a word before "6期"), "廿四期" as 4.
   */
  @Test
  void twentyThirtyAndFortyWrittenInOneCharacterAreRead() {
    Object[][] cases = {{"最长可分卅六期。", 36, "最长可分卅六期"}, {"最长可分廿四期。", 24, "最长可分廿四期"},
        {"最长可分卅期。", 30, "最长可分卅期"}, {"最长可分卌八期。", 48, "最长可分卌八期"}};
    assertFields(PolicyField.MAX_INSTALLMENTS, cases);
    String text = "逾期廿天以上的客户可申请。";
    assertField(extractor.extract(text), PolicyField.MIN_OVERDUE_DAYS, 20, "逾期廿天以上", text);
  }

  /** "罚息最高减免二分之一", "最高减免50﹪": a fraction and the small percent sign had left the cap unread. */
  @Test
  void aWaiverWrittenAsAFractionOrWithTheSmallPercentSignIsRead() {
    String[][] cases = {
        {"罚息最高减免二分之一。", "0.5", "罚息最高减免二分之一"},
        {"罚息最高减免四分之三。", "0.75", "罚息最高减免四分之三"},
        {"罚息最高减免50﹪。", "0.5", "罚息最高减免50﹪"},
    };
    assertPenaltyWaivers(cases);
    // no exact ratio: a cap rounded down, never above the text (it had been read as nothing)
    assertPenaltyWaivers(new String[][] {{"罚息最高减免三分之一。", "0.3333", "罚息最高减免三分之一"}});
  }

  /**
   * Refusals in other words: 不允许/禁止/严禁/拒绝/不可能 before the waiver, 申请 between ("罚息无法申请减免"), "不在减免之列",
   * "非减免范围", and a label answered no ("罚息减免：否", "减免：不支持"): each had been read as nothing. An answer that goes
   * on ("罚息减免：无上限") is no refusal.
   */
  @Test
  void aRefusalInOtherWordsOrAsALabelAnsweredNoWaivesNothing() {
    String[] refusals = {"罚息不允许减免", "罚息禁止减免", "罚息严禁减免", "罚息拒绝减免", "罚息不可能减免",
        "罚息无法申请减免", "罚息不能申请减免", "罚息不接受减免申请", "罚息不在减免之列", "罚息非减免范围",
        "罚息不属于减免之列", "罚息减免:否", "罚息减免：无", "罚息减免：不支持", "罚息是否可减免：否", "罚息減免：不支持"};
    for (String refusal : refusals) {
      assertPenaltyWaivers(new String[][] {{refusal + "。", "0", refusal}});
    }
    for (String none : new String[] {"罚息减免：无上限。", "罚息是否可减免：是。", "罚息减免：否则按原价收取。"}) {
      ExtractionResult r = extractor.extract(none);
      assertEquals(Optional.empty(), r.field(PolicyField.MAX_PENALTY_WAIVER).filter(f -> f.decimalValue().signum() == 0)
          .map(ExtractedField::value), none);
    }
  }

  /**
   * A waiver's range or cap across clauses: "罚息减免30%，最高至50%" (the usual waiver, then the most) had been read as
   * 0.3, and "罚息可减免，比例为30%至50%" (a range after a bare waiver) as nothing. The cap in the clause after is the
   * most waived, the usual ratio within it; a cap below the ratio before it contradicts it ("减免50%，最高30%"), and two
   * caps that differ stay a conflict.
   */
  @Test
  void aWaiverCapOrRangeInTheClauseAfterIsTheCap() {
    String[][] cases = {
        {"罚息减免30%，最高至50%。", "0.5", "罚息减免30%，最高至50%"},
        {"罚息可减免30%，最多可达50%。", "0.5", "罚息可减免30%，最多可达50%"},
        {"罚息减免50%，最高至50%。", "0.5", "罚息减免50%，最高至50%"}, // a cap at the ratio replaces it too
        {"罚息可减免，比例为30%至50%。", "0.5", "比例为30%至50%"},
        {"罚息可减免，幅度在30%-50%之间。", "0.5", "幅度在30%-50%之间"},
        {"罚息可减免五折，最高可达七成。", "0.7", "罚息可减免五折，最高可达七成"},
    };
    assertPenaltyWaivers(cases);
    for (String conflict : new String[] {"罚息减免50%，最高30%。", "罚息减免比例不超过30%，最高可减免50%。"}) {
      ExtractionResult r = extractor.extract(conflict);
      assertAbsent(r, PolicyField.MAX_PENALTY_WAIVER, conflict);
      assertEquals(ExtractionNote.Kind.CONFLICT, r.notes(PolicyField.MAX_PENALTY_WAIVER).get(0).kind(), conflict);
    }
    // a "cap" above the whole is no ratio of a waiver: nothing, and no failure
    String above = "罚息可酌情减免，最高不超过150%。";
    assertAbsent(extractor.extract(above), PolicyField.MAX_PENALTY_WAIVER, above);
    // nor is a down payment's cap in the clause after a bare waiver
    String downPayment = "罚息可酌情减免，首付最高不超过20%。";
    assertAbsent(extractor.extract(downPayment), PolicyField.MAX_PENALTY_WAIVER, downPayment);
    // a cap only inherited from the clause before gives way to an explicit one in another sentence
    String explicit = "罚息可酌情减免，最高不超过40%。罚息最高减免50%。";
    ExtractionResult r = extractor.extract(explicit);
    assertField(r, PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.5"), "罚息最高减免50%", explicit);
    assertEquals(List.of(), r.notes(PolicyField.MAX_PENALTY_WAIVER), explicit);
    // and so does a waiver whose component is only inherited from the clause before
    String inherited = "对于罚息，最高可减免50%。罚息最高减免30%。";
    r = extractor.extract(inherited);
    assertField(r, PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.3"), "罚息最高减免30%", inherited);
    assertEquals(List.of(), r.notes(PolicyField.MAX_PENALTY_WAIVER), inherited);
  }

  /**
   * A bound on the term written as a sign or with 等于 ("分期期数≥12期", "≤36期", "大于等于12期"; strict: "<36期" is 35 at
   * most, ">12期" 13 at least), and a least overdue time below which the plan is refused ("逾期不足90天的不予办理",
   * "逾期未满90天的客户不可申请", "逾期不满90天的客户不能申请"): each had been read as nothing.
   */
  @Test
  void aTermBoundAsASignAndARefusedShortOverdueAreRead() {
    Object[][] cases = {
        {"分期期数≥12期。", PolicyField.MIN_INSTALLMENTS, 12, "≥12期"},
        {"分期期数>=12期。", PolicyField.MIN_INSTALLMENTS, 12, ">=12期"},
        {"分期期数需大于等于12期。", PolicyField.MIN_INSTALLMENTS, 12, "大于等于12期"},
        {"分期期数≤36期。", PolicyField.MAX_INSTALLMENTS, 36, "≤36期"},
        {"分期期数小于等于36期。", PolicyField.MAX_INSTALLMENTS, 36, "小于等于36期"},
        {"分期期数<36期。", PolicyField.MAX_INSTALLMENTS, 35, "<36期"},
        {"分期期数＞12期。", PolicyField.MIN_INSTALLMENTS, 13, "＞12期"},
        {"逾期少于90天的不予受理。", PolicyField.MIN_OVERDUE_DAYS, 90, "逾期少于90天"},
        {"逾期不足90天的不予办理。", PolicyField.MIN_OVERDUE_DAYS, 90, "逾期不足90天"},
        {"逾期未满3个月的客户不可申请。", PolicyField.MIN_OVERDUE_DAYS, 90, "逾期未满3个月"},
        {"逾期不满90天的客户不能申请。", PolicyField.MIN_OVERDUE_DAYS, 90, "逾期不满90天"},
        {"逾期天数不满3个月的,不予受理。", PolicyField.MIN_OVERDUE_DAYS, 90, "逾期天数不满3个月"},
        {"逾期天数低于30天的,不予受理。", PolicyField.MIN_OVERDUE_DAYS, 30, "逾期天数低于30天"},
    };
    assertEachField(cases);
    for (String none : new String[] {"逾期少于90天的客户可申请。", "逾期<90天。", "罚息<本金的部分可分12期。",
        "逾期不满90天的客户可申请延期。", "逾期不足满3个月的客户可申请延期。"}) { // not yet 90 days: no threshold, 满 or not
      ExtractionResult r = extractor.extract(none);
      assertAbsent(r, PolicyField.MIN_OVERDUE_DAYS, none);
      assertAbsent(r, PolicyField.MAX_INSTALLMENTS, none);
    }
  }
  /**
   * 停息挂账, which banks warn is no product of theirs, is read as an interest stop only where it is offered: denied as a
   * product ("停息挂账并非本行产品", "我行从未推出停息挂账业务", "停息挂账并非国家政策,本平台不提供") or refused in a later clause
   * ("很多客户询问停息挂账,本行不提供此类服务") it is false; defined ("停息挂账是指…"), set apart from the plan
   * ("个性化分期不等于停息挂账") or called a false claim ("停息挂账系不实宣传") it states nothing. Each had been read as true.
   */
  @Test
  void tingxiGuazhangDeniedDefinedOrSetApartIsNoInterestStop() {
    for (String denied : new String[] {"停息挂账并非本行产品。", "我行从未推出停息挂账业务。", "我行从未推出所谓“停息挂账”业务。",
        "停息挂账并非国家政策，本平台不提供。", "很多客户询问停息挂账，本行不提供此类服务。"}) {
      assertField(extractor.extract(denied), PolicyField.STOPS_INTEREST, false, evidenceOf(denied), denied);
    }
    for (String none : new String[] {"停息挂账是指银行停止计息，将欠款本金挂账，分期偿还。", "停息挂账并不是法律概念，而是民间说法。",
        "个性化分期不等于停息挂账，分期期间仍需支付手续费。", "停息挂账系不实宣传，本行不存在该业务。"}) {
      assertAbsent(extractor.extract(none), PolicyField.STOPS_INTEREST, none);
    }
    // still offered: an interest stop, and a refusal of something else in a later clause changes nothing
    for (String offered : new String[] {"停息挂账期间，不支持此前已办理的分期提前还款。", "本行可办理停息挂账。"}) {
      assertEquals(Optional.of(true), extractor.extract(offered).field(PolicyField.STOPS_INTEREST)
          .map(ExtractedField::value), offered);
    }
  }

  /**
   * A refusal in a later clause refuses 停息挂账 only when what it refuses is "it": a service of that kind, or nothing
   * named ("…,本行不提供此类服务", "…,本平台不提供"). "不存在此类收费" and "不提供此类客户新的贷款" refuse a fee and a loan while
   * the stop is offered (both had been read as no interest stop).
   */
  @Test
  void aLaterRefusalOfSomethingElseLeavesTingxiGuazhangOffered() {
    for (String offered : new String[] {"客户可申请停息挂账，不存在此类收费。", "申请停息挂账后，本行不提供此类客户新的贷款。",
        "经审核可停息挂账，暂不支持此类客户线上申请。"}) {
      assertEquals(Optional.of(true), extractor.extract(offered).field(PolicyField.STOPS_INTEREST)
          .map(ExtractedField::value), offered);
    }
    for (String denied : new String[] {"很多客户询问停息挂账，本行不提供此类停息挂账服务。", "很多客户询问停息挂账，本行不提供，请知悉。",
        "有人询问停息挂账，本行未开办此项业务。"}) {
      assertField(extractor.extract(denied), PolicyField.STOPS_INTEREST, false, evidenceOf(denied), denied);
    }
  }

  /**
   * 停息挂账 denied for "not every" product or business is offered for some: "停息挂账并非所有业务都可办理",
   * "停息挂账不是所有产品都适用" had been read as not offered (as "停息挂账并非本行产品" rightly is).
   */
  @Test
  void tingxiGuazhangNotForEveryProductIsStillOffered() {
    for (String offered : new String[] {"停息挂账并非所有业务都可办理。", "停息挂账不是所有产品都适用，详询客服。",
        "停息挂账非全部产品适用。"}) {
      assertEquals(Optional.of(true), extractor.extract(offered).field(PolicyField.STOPS_INTEREST)
          .map(ExtractedField::value), offered);
    }
    String denied = "停息挂账并非本行业务。";
    assertField(extractor.extract(denied), PolicyField.STOPS_INTEREST, false, evidenceOf(denied), denied);
  }

  /**
   * Every word of the round-44 denials is read: never launched, opened or run (开办, 开通, 推行, as 推出), set apart from
   * a "so-called" or quoted 停息挂账 ("不等于所谓的停息挂账", "并非“停息挂账”"), and defined a few words after 挂账
   * ("停息挂账在法律上的概念"). Only 推出, 不等于 without 所谓, and a definition right after 挂账 had been pinned.
   */
  @Test
  void everyWordOfATingxiGuazhangDenialIsRead() {
    for (String denied : new String[] {"本行未开办停息挂账业务。", "本行从未开通停息挂账服务。", "本行从未推行停息挂账。"}) {
      assertField(extractor.extract(denied), PolicyField.STOPS_INTEREST, false, evidenceOf(denied), denied);
    }
    for (String none : new String[] {"个性化分期不等于所谓的停息挂账。", "个性化分期并非“停息挂账”。", "分期不同于停息挂账。",
        "停息挂账在法律上的概念并不明确。"}) {
      assertAbsent(extractor.extract(none), PolicyField.STOPS_INTEREST, none);
    }
  }

  /**
   * Where the round-44 denials apply: a refusal counts only from the next clause on ("停息挂账期间客户新申请的贷款本行不受理,…"
   * refuses a loan in the stop's own clause), only after 停息 (after "停止计息" a later "本行不支持" refuses something
   * else), and a definition only of 停息 ("不计息是一种让利" offers the stop). Denials by 非, as a 政策, and refusals of
   * "该业务" or by 从未推出 in a later clause are read.
   */
  @Test
  void theTingxiGuazhangDenialsApplyOnlyWhereTheyStand() {
    for (String offered : new String[] {"停息挂账期间客户新申请的贷款本行不受理，敬请谅解。", "分期后将停止计息，提前还款本行不支持。",
        "分期期间不计息是一种让利，客户可申请。"}) {
      assertEquals(Optional.of(true), extractor.extract(offered).field(PolicyField.STOPS_INTEREST)
          .map(ExtractedField::value), offered);
    }
    for (String denied : new String[] {"停息挂账非本行产品。", "停息挂账并非国家政策。", "很多客户询问停息挂账，本行从未推出此类业务。",
        "有客户询问停息挂账，本行不办理该业务。", "很多客户询问停息挂账，本行不提供。"}) {
      assertField(extractor.extract(denied), PolicyField.STOPS_INTEREST, false, evidenceOf(denied), denied);
    }
  }

  /** The evidence the extractor gives for the interest stop of {@code text}, checked by {@link #assertField}. */
  private String evidenceOf(String text) {
    ExtractedField f = extractor.extract(text).field(PolicyField.STOPS_INTEREST)
        .orElseThrow(() -> new AssertionError("stopsInterest not read from " + text));
    return f.evidence().text();
  }

  /**
   * Round 71: a denial of a full waiver by 并非 or 非 ("罚息并非全部减免", "非全额减免") states no cap; it had been read as
   * the full waiver it denies (1.0), and beside a stated cap made the field undetermined. 不全免 and 不能全免 deny it
   * too.
   */
  @Test
  void aFullWaiverDeniedByBingfeiIsNoFullWaiver() {
    for (String denied : new String[] {"罚息并非全部减免。", "罚息非全额减免。", "罚息不全免。", "罚息不能全免。"}) {
      assertAbsent(extractor.extract(denied), PolicyField.MAX_PENALTY_WAIVER, denied);
    }
    assertPenaltyWaivers(new String[][] {{"罚息并非全部减免，最高减免50%。", "0.5", "最高减免50%"}});
  }

  /**
   * Round 71: no obligation to exceed a down payment ("首付无需超过10%", "首付不必超过10%", "首付款不需要高于10%") is no
   * strict floor; these had been read as a least down payment of 11%, which the text says need not be asked.
   */
  @Test
  void aDownPaymentThatNeedNotExceedARatioHasNoFloor() {
    for (String text : new String[] {"首付无需超过10%。", "首付不必超过10%。", "首付款不需要高于10%。"}) {
      assertAbsent(extractor.extract(text), PolicyField.MIN_DOWN_PAYMENT_RATIO, text);
    }
    assertFields(PolicyField.MIN_DOWN_PAYMENT_RATIO,
        new Object[][] {{"首付须超过10%。", new BigDecimal("0.11"), "首付须超过10%"},
            // a strict floor in tenths is a hundredth above it, not a tenth: 0.11, not 0.2
            {"首付须超过一成。", new BigDecimal("0.11"), "首付须超过一成"}});
  }

  /**
   * Round 71: a refusal just before a bound on the term ("不支持36期以上的分期", "暂不受理36期以上的申请", "不支持12期以下的
   * 分期") refuses the plans the bound describes; these had been read as the opposite bound (the least installments 36,
   * the most 12). They are left unread; a refusal after the term is still read ("36期以上的不予受理": at most 35).
   */
  @Test
  void aTermBoundRefusedBeforeItIsNotReadAsItsOpposite() {
    for (String text : new String[] {"不支持36期以上的分期。", "暂不受理36期以上的申请。"}) {
      assertAbsent(extractor.extract(text), PolicyField.MIN_INSTALLMENTS, text);
    }
    String below = "不支持12期以下的分期。";
    assertAbsent(extractor.extract(below), PolicyField.MAX_INSTALLMENTS, below);
    assertFields(PolicyField.MAX_INSTALLMENTS, new Object[][] {{"分期期数36期以上的不予受理。", 35, "36期以上的不予受理"}});
  }

  /**
   * Round 71: an overdue period bounded by 内 ("逾期在90天内", "逾期满90天内") is the most overdue, no least: it is not
   * read as the least overdue days, as 以内, 以下 and 之内 are not.
   */
  @Test
  void anOverduePeriodWithinIsNoMinimum() {
    for (String text : new String[] {"逾期在90天内的客户可申请分期。", "逾期满90天内的客户可申请。"}) {
      assertAbsent(extractor.extract(text), PolicyField.MIN_OVERDUE_DAYS, text);
    }
  }
}
