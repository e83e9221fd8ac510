package io.github.fenqi.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A probe of sentences as Chinese banks and lenders publish them (credit-card 个性化分期 under 《商业银行信用卡业务监督管理办法》
 * 第七十条, online-loan 协商还款, waivers with caps, down payments, terms up to 60 installments, deferrals, 停息挂账 and
 * the warnings about it, overdue windows), each with its whole reading: every field it settles and, by omission, every
 * field it leaves unread. A field read with a wrong value is worse than one left unread, so a sentence whose right
 * reading is ambiguous expects nothing for that field. Kept as a regression: a rule change that alters any of these
 * readings fails here, naming the sentence.
 */
class LenderProbeTest {
  private static final PolicyTextExtractor EXTRACTOR = PolicyTextExtractor.create();

  /** Each case: the sentence, and its reading as "FIELD=value" in {@link PolicyField} order ("" for none). */
  static Stream<Arguments> sentences() {
    return Stream.of(
        // 欠款时间 is not read as overdue days
        Arguments.of("根据《商业银行信用卡业务监督管理办法》第七十条，持卡人欠款时间超过90天，且有还款意愿但确实无力偿还的，可申请个性化分期，最长不超过5年。", "MAX_INSTALLMENTS=60"),
        Arguments.of("个性化分期还款协议的期限原则上不超过5年。", "MAX_INSTALLMENTS=60"),
        Arguments.of("持卡人逾期超过3个月的，经协商可以与发卡银行达成个性化分期还款协议，最长期限为60期。", "MAX_INSTALLMENTS=60 MIN_OVERDUE_DAYS=91"),
        Arguments.of("个性化分期业务仅限逾期90天以上的客户申请，分期期数为12至60期。",
            "MAX_INSTALLMENTS=60 MIN_INSTALLMENTS=12 MIN_OVERDUE_DAYS=90"),
        Arguments.of("申请个性化分期需提供收入证明或困难证明材料。", "REQUIRES_HARDSHIP_PROOF=true"),
        Arguments.of("办理个性化分期后，将停止计收利息及违约金，仅按月收取分期手续费，月手续费率为0.5%。", "STOPS_INTEREST=true MONTHLY_FEE_RATE=0.005"),
        Arguments.of("个性化分期期间不再收取违约金，罚息全免。", "MAX_PENALTY_WAIVER=1"),
        // M3 is a collection bucket (61..90 days) to some lenders, over 90 to others: unread
        Arguments.of("逾期M3+的客户可申请协商还款。", ""),
        // 3 overdue billing periods are no number of days: no minOverdueDays
        Arguments.of("逾期3期以上的客户可申请协商还款，最长可分36期。", "MAX_INSTALLMENTS=36"),
        Arguments.of("逾期超过3个月的客户可申请协商还款，最长可分36期。", "MAX_INSTALLMENTS=36 MIN_OVERDUE_DAYS=91"),
        Arguments.of("协商还款须首付欠款总额的10%，剩余部分最长分24期。", "MAX_INSTALLMENTS=24 MIN_DOWN_PAYMENT_RATIO=0.1"),
        Arguments.of("首期还款比例不得低于欠款总额的5%。", "MIN_DOWN_PAYMENT_RATIO=0.05"),
        Arguments.of("首付比例不低于20%，余款可分12-36期偿还。", "MAX_INSTALLMENTS=36 MIN_INSTALLMENTS=12 MIN_DOWN_PAYMENT_RATIO=0.2"),
        Arguments.of("罚息和违约金可全额减免，利息最高减免50%，本金不予减免。",
            "MAX_INTEREST_WAIVER=0.5 MAX_PENALTY_WAIVER=1 MAX_LATE_FEE_WAIVER=1 PRINCIPAL_WAIVER=0"),
        Arguments.of("减免罚息需一次性结清剩余欠款。", ""),
        Arguments.of("违约金最高可减免70%。", "MAX_LATE_FEE_WAIVER=0.7"),
        Arguments.of("利息减免比例最高不超过30%。", "MAX_INTEREST_WAIVER=0.3"),
        // a sentence refuting a rumour states no policy, as before
        Arguments.of("本公司不提供停息挂账服务，网传\"停息挂账\"均为不实信息。", ""),
        // not offered: false (had been true)
        Arguments.of("停息挂账并非本行产品，请勿轻信代理机构。", "STOPS_INTEREST=false"),
        // never launched: false (had been true)
        Arguments.of("我行从未推出所谓\"停息挂账\"业务。", "STOPS_INTEREST=false"),
        Arguments.of("申请延期还款的，延期期限最长不超过6个月。", ""),
        Arguments.of("可申请延期还款，最长延期3个月，延期期间正常计息。", "STOPS_INTEREST=false"),
        Arguments.of("逾期超过180天的客户不适用本方案。", ""),
        // the upper end is an AT_MOST note
        Arguments.of("逾期30天至180天的客户可申请。", "MIN_OVERDUE_DAYS=30"),
        // an upper bound (had been read as the minimum, 90)
        Arguments.of("逾期在90天(含)以内的客户可申请分期。", ""),
        // had been 90
        Arguments.of("逾期在90天（含90天）以内的客户可申请分期。", ""),
        // had been read as nothing
        Arguments.of("逾期90天(含90天)以上的客户可申请。", "MIN_OVERDUE_DAYS=90"),
        // had been read as nothing
        Arguments.of("超过90天(含)的逾期客户可申请个性化分期。", "MIN_OVERDUE_DAYS=90"),
        // 以上 includes its number, as 逾期90天以上 (had been read as nothing)
        Arguments.of("90天以上的逾期客户可申请个性化分期。", "MIN_OVERDUE_DAYS=90"),
        Arguments.of("连续逾期超过3个月的客户可申请分期，最长60期。", "MAX_INSTALLMENTS=60 MIN_OVERDUE_DAYS=91"),
        Arguments.of("逾期满6个月的客户，违约金可减免50%。", "MIN_OVERDUE_DAYS=180 MAX_LATE_FEE_WAIVER=0.5"),
        Arguments.of("分期手续费按月收取，月费率0.6%。", "MONTHLY_FEE_RATE=0.006"),
        Arguments.of("分期期间每期手续费率为0.75%。", "MONTHLY_FEE_RATE=0.0075"),
        Arguments.of("分期后按年化利率7.2%计息。", ""),
        Arguments.of("个性化分期不收取手续费。", "MONTHLY_FEE_RATE=0"),
        Arguments.of("协商分期无需提供困难证明。", "REQUIRES_HARDSHIP_PROOF=false"),
        Arguments.of("需提交失业证明、医疗证明等困难证明材料。", "REQUIRES_HARDSHIP_PROOF=true"),
        // the amount is no term
        Arguments.of("欠款总额5万元以下的客户可申请最长36期分期。", "MAX_INSTALLMENTS=36"),
        Arguments.of("协商还款期限最长可达60个月。", "MAX_INSTALLMENTS=60"),
        Arguments.of("最长可分5年，首付不低于10%。", "MAX_INSTALLMENTS=60 MIN_DOWN_PAYMENT_RATIO=0.1"),
        Arguments.of("分期期数可选3、6、12、24、36期。", "MAX_INSTALLMENTS=36 MIN_INSTALLMENTS=3"),
        Arguments.of("逾期天数≥90天的客户可申请个性化分期。", "MIN_OVERDUE_DAYS=90"),
        Arguments.of("逾期超过90天（不含90天）的客户可申请。", "MIN_OVERDUE_DAYS=91"),
        Arguments.of("逾期超过3个月（含）的客户可申请。", "MIN_OVERDUE_DAYS=90"),
        Arguments.of("逾期1-3个月的客户可申请，罚息可减免30%。", "MIN_OVERDUE_DAYS=30 MAX_PENALTY_WAIVER=0.3"),
        Arguments.of("罚息最高可减免至零。", ""),
        Arguments.of("停息挂账：不支持。", "STOPS_INTEREST=false"),
        Arguments.of("本行信用卡可办理停息分期，停息后不再计收利息。", "STOPS_INTEREST=true"),
        Arguments.of("逾期不超过90天的客户可申请延期还款。", ""),
        Arguments.of("延期还款最长可延期3期，逾期罚息可全部减免。", "MAX_PENALTY_WAIVER=1"),
        Arguments.of("本公司不提供停息挂账服务。", "STOPS_INTEREST=false"),
        Arguments.of("网传\"停息挂账\"均为不实信息。", ""),
        // had been true
        Arguments.of("停息挂账并非本行产品。", "STOPS_INTEREST=false"),
        // had been true
        Arguments.of("我行从未推出停息挂账业务。", "STOPS_INTEREST=false"),
        Arguments.of("我行没有停息挂账业务。", "STOPS_INTEREST=false"),
        Arguments.of("所谓\"停息挂账\"是不法中介的虚假宣传。", ""),
        // a rumour refuted: no policy (had been true)
        Arguments.of("停息挂账系不实宣传，本行不存在该业务。", ""),
        Arguments.of("谨防\"停息挂账\"诈骗。", ""),
        Arguments.of("警惕所谓停息挂账、债务优化等骗局。", ""),
        Arguments.of("本行不存在所谓停息挂账。", "STOPS_INTEREST=false"),
        Arguments.of("停息挂账属于虚假宣传。", ""),
        Arguments.of("逾期3个月及以上的客户可申请个性化分期。", "MIN_OVERDUE_DAYS=90"),
        Arguments.of("逾期90天或以上的客户可申请。", "MIN_OVERDUE_DAYS=90"),
        Arguments.of("逾期达90天及以上的客户可申请。", "MIN_OVERDUE_DAYS=90"),
        Arguments.of("逾期超过三个月（含三个月）的持卡人可申请。", "MIN_OVERDUE_DAYS=90"),
        // 大于等于 is no strict threshold (had been 91)
        Arguments.of("逾期天数大于等于90天的客户可申请。", "MIN_OVERDUE_DAYS=90"),
        Arguments.of("逾期时间在3个月以上的客户可申请分期还款。", "MIN_OVERDUE_DAYS=90"),
        Arguments.of("逾期90天+的客户可申请。", "MIN_OVERDUE_DAYS=90"),
        Arguments.of("逾期60天以上不满90天的客户可申请。", "MIN_OVERDUE_DAYS=60"),
        // a bucket, not a number of days: unread
        Arguments.of("逾期M2及以上的客户可申请。", ""),
        Arguments.of("逾期半年以上的客户可申请停息分期。", "MIN_OVERDUE_DAYS=180 STOPS_INTEREST=true"),
        Arguments.of("逾期超过一年的客户不予办理。", ""),
        Arguments.of("罚息、违约金最高减免50%，利息不减免。", "MAX_INTEREST_WAIVER=0 MAX_PENALTY_WAIVER=0.5 MAX_LATE_FEE_WAIVER=0.5"),
        Arguments.of("利息可享受八折优惠。", "MAX_INTEREST_WAIVER=0.2"),
        Arguments.of("违约金最高可减免至欠款本金的5%。", ""),
        Arguments.of("罚息减免上限为50%。", "MAX_PENALTY_WAIVER=0.5"),
        Arguments.of("滞纳金减免不超过已收取金额的50%。", ""),
        Arguments.of("首付比例为欠款总额的10%至30%。", "MIN_DOWN_PAYMENT_RATIO=0.1"),
        Arguments.of("首付款不低于总欠款的一成。", "MIN_DOWN_PAYMENT_RATIO=0.1"),
        Arguments.of("首期需还款欠款总额的20%。", "MIN_DOWN_PAYMENT_RATIO=0.2"),
        Arguments.of("最长可分60期偿还。", "MAX_INSTALLMENTS=60"),
        Arguments.of("还款期限最长可延长至5年。", "MAX_INSTALLMENTS=60"),
        Arguments.of("分期期数最多60期。", "MAX_INSTALLMENTS=60"),
        Arguments.of("每期手续费为分期本金的0.6%。", "MONTHLY_FEE_RATE=0.006"),
        Arguments.of("个性化分期月利率0.5%。", ""),
        Arguments.of("分期手续费年化费率不超过15%。", ""),
        Arguments.of("月均手续费率0.6%。", "MONTHLY_FEE_RATE=0.006"),
        Arguments.of("需持卡人本人提供相关困难证明（如失业证明、病历等）。", "REQUIRES_HARDSHIP_PROOF=true"),
        // income proof is the hardship evidence asked for
        Arguments.of("申请时需提交本人身份证明及收入证明。", "REQUIRES_HARDSHIP_PROOF=true"),
        Arguments.of("无需提供任何材料。", ""),
        Arguments.of("协商期间暂停计息。", "STOPS_INTEREST=true"),
        Arguments.of("协商成功后停止计收罚息和违约金。", ""),
        Arguments.of("停息不挂账。", "STOPS_INTEREST=true"),
        Arguments.of("停息挂账期间不计利息。", "STOPS_INTEREST=true"),
        Arguments.of("逾期超过3个月（90天）的客户可申请。", "MIN_OVERDUE_DAYS=91"),
        // a gloss between the period and 以上 is not read
        Arguments.of("逾期90天（3个月）以上的客户可申请。", ""),
        Arguments.of("逾期超过90天（含本数）的客户可申请。", "MIN_OVERDUE_DAYS=90"),
        Arguments.of("逾期90天以上（含本数）的客户可申请。", "MIN_OVERDUE_DAYS=90"),
        // had been 90
        Arguments.of("逾期在90天(含)以下的客户可申请分期。", ""),
        // had been read as nothing
        Arguments.of("超过90天（不含）的逾期客户可申请。", "MIN_OVERDUE_DAYS=91"),
        // had been read as nothing
        Arguments.of("90天（含）以上的逾期客户可申请。", "MIN_OVERDUE_DAYS=90"),
        // had been read as nothing
        Arguments.of("90天以上（不含）的逾期客户可申请。", "MIN_OVERDUE_DAYS=91"),
        // an inclusive word and an excluding mark disagree: unread
        Arguments.of("满90天（不含）的逾期客户可申请。", ""),
        // had been 90
        Arguments.of("逾期满90天（不含）的客户可申请。", ""),
        Arguments.of("90天以上的逾期利息按日计收。", ""),
        // an overdue charge, not overdue customers (had been minOverdueDays 91)
        Arguments.of("超过90天的逾期罚息不予减免。", "MAX_PENALTY_WAIVER=0"),
        Arguments.of("有90天以上的逾期记录的客户不予受理。", ""),
        // a definition, no offer (had been true)
        Arguments.of("停息挂账是指银行停止计息，将欠款本金挂账，分期偿还。", ""),
        // had been true
        Arguments.of("停息挂账并不是法律概念，而是民间说法。", ""),
        Arguments.of("本行目前没有停息挂账政策，可申请个性化分期。", "STOPS_INTEREST=false"),
        Arguments.of("停息挂账需要逾期90天以上才能申请。", "MIN_OVERDUE_DAYS=90 STOPS_INTEREST=true"),
        // refused in the next clause (had been true)
        Arguments.of("很多客户询问停息挂账，本行不提供此类服务。", "STOPS_INTEREST=false"),
        Arguments.of("如您收到声称可办理停息挂账的电话，请勿相信。", ""),
        // set apart from it, no statement of this plan's interest (had been true)
        Arguments.of("个性化分期不等于停息挂账，分期期间仍需支付手续费。", ""),
        Arguments.of("个性化分期期间，罚息停止计收，利息照常计算。", "STOPS_INTEREST=false"),
        Arguments.of("停息挂账期间暂停计收罚息。", "STOPS_INTEREST=true"),
        Arguments.of("协商分期后，停止计收罚息、违约金，本金分60期偿还。", ""),
        // 90 is refused too (had been 90)
        Arguments.of("逾期不足90天(含)的不予办理。", "MIN_OVERDUE_DAYS=91"),
        Arguments.of("逾期不足90天(不含)的不予办理。", "MIN_OVERDUE_DAYS=90"),
        // a mark naming another period: unread
        Arguments.of("逾期超过90天(含60天)的客户可申请。", ""),
        // 此前 is no 'this service': the refusal is of something else
        Arguments.of("停息挂账期间，不支持此前已办理的分期提前还款。", "STOPS_INTEREST=true"),
        Arguments.of("罚息、违约金可申请减免，减免金额最高不超过应还罚息的50%。", ""),
        Arguments.of("利息按七折收取。", "MAX_INTEREST_WAIVER=0.3"),
        Arguments.of("个性化分期最长可分60期，每月手续费率0.6%，无需首付。",
            "MAX_INSTALLMENTS=60 MIN_DOWN_PAYMENT_RATIO=0 MONTHLY_FEE_RATE=0.006"),
        Arguments.of("协商还款首付不低于欠款本金的一成，最长可分48期，每月手续费千分之五。",
            "MAX_INSTALLMENTS=48 MIN_DOWN_PAYMENT_RATIO=0.1 MONTHLY_FEE_RATE=0.005"),
        Arguments.of("罚息可全额减免，违约金最高减免30%，利息不予减免，本金一分不少。",
            "MAX_INTEREST_WAIVER=0 MAX_PENALTY_WAIVER=1 MAX_LATE_FEE_WAIVER=0.3 PRINCIPAL_WAIVER=0"),
        Arguments.of("对于逾期超过90天(含)的持卡人，罚息及违约金可予以减免，最高不超过50%。",
            "MIN_OVERDUE_DAYS=90 MAX_PENALTY_WAIVER=0.5 MAX_LATE_FEE_WAIVER=0.5"),
        Arguments.of("网贷平台协商还款：逾期超过3个月的借款人，可申请延期还款或分期还款，最长24期。", "MAX_INSTALLMENTS=24 MIN_OVERDUE_DAYS=91"),
        Arguments.of("借款人逾期90天（含）以上，且能够提供失业、疾病等困难证明的，可申请协商还款。", "MIN_OVERDUE_DAYS=90 REQUIRES_HARDSHIP_PROOF=true"),
        // had been true
        Arguments.of("停息挂账并非国家政策，本平台不提供。", "STOPS_INTEREST=false"),
        // a capped fee is an AT_MOST note, not the rate
        Arguments.of("个性化分期的月手续费率不超过0.5%。", ""),
        Arguments.of("分期期数为6、12、18、24、36、48、60期。", "MAX_INSTALLMENTS=60 MIN_INSTALLMENTS=6"),
        Arguments.of("逾期超过60天、未满180天的客户可申请分期还款。", "MIN_OVERDUE_DAYS=61"),
        Arguments.of("持卡人可申请将欠款分期偿还，分期期数最长不超过60期，首期还款金额不低于欠款总额的5%。", "MAX_INSTALLMENTS=60 MIN_DOWN_PAYMENT_RATIO=0.05"),
        Arguments.of("对于符合条件的持卡人，我行可对其减免部分利息、违约金和分期手续费。", ""),
        Arguments.of("减免金额不超过违约金和利息总额的50%。", ""),
        Arguments.of("违约金、超限费可全部减免。", "MAX_LATE_FEE_WAIVER=1"),
        // 按50%减免 and 须全额偿还 are not read: unread, not wrong
        Arguments.of("利息可按50%减免，违约金全免，本金须全额偿还。", "MAX_LATE_FEE_WAIVER=1"),
        Arguments.of("分期手续费按月收取，每期费率0.55%，共收取60期。", "MONTHLY_FEE_RATE=0.0055"),
        Arguments.of("个性化分期每月手续费率最高0.8%。", ""),
        Arguments.of("个性化分期后不再计收利息、违约金和分期手续费。", "STOPS_INTEREST=true"),
        // 免收利息 is a full interest waiver
        Arguments.of("还款期限最长可达5年，分期期间免收利息。", "MAX_INSTALLMENTS=60 MAX_INTEREST_WAIVER=1"),
        Arguments.of("延期还款期限最长不超过3个月，延期期间不收取罚息。", ""),
        Arguments.of("借款人可申请延期还款，延期期限最长12个月，延期期间利息照常计收。", "STOPS_INTEREST=false"),
        // a basis before the verb (had been read as nothing)
        Arguments.of("分期期间利息按原合同约定正常计收。", "STOPS_INTEREST=false"),
        Arguments.of("分期后利息按合同规定照常计算，罚息停止计收。", "STOPS_INTEREST=false"),
        Arguments.of("分期期间利息按约定停止计收。", "STOPS_INTEREST=true"),
        Arguments.of("本平台可为逾期用户提供协商还款服务，最长可分24期，罚息可减免至0。", "MAX_INSTALLMENTS=24"),
        Arguments.of("逾期未超过90天的用户可申请展期。", ""),
        Arguments.of("首付款比例最低为应还总额的10%。", "MIN_DOWN_PAYMENT_RATIO=0.1"),
        Arguments.of("需先偿还不低于欠款总额10%的首付款。", "MIN_DOWN_PAYMENT_RATIO=0.1"),
        Arguments.of("首期还款比例原则上不低于20%。", "MIN_DOWN_PAYMENT_RATIO=0.2"),
        Arguments.of("逾期90天以上、且能提供失业证明或重大疾病证明的客户，可申请最长60期个性化分期。", "MAX_INSTALLMENTS=60 MIN_OVERDUE_DAYS=90"),
        Arguments.of("对逾期1年以上的客户，可减免全部罚息和违约金。", "MIN_OVERDUE_DAYS=360 MAX_PENALTY_WAIVER=1 MAX_LATE_FEE_WAIVER=1"),
        Arguments.of("罚息按日万分之五计收，最高可减免50%。", "MAX_PENALTY_WAIVER=0.5"),
        // the cap before the component is not read: unread, not wrong
        Arguments.of("可享受最高70%的罚息减免。", ""),
        Arguments.of("一次性结清可减免50%的利息。", "MAX_INTEREST_WAIVER=0.5"),
        Arguments.of("分期期间如再次逾期，将恢复计收罚息。", ""),
        // speaks of 停息挂账 as offered
        Arguments.of("停息挂账期间，若再次逾期，将取消优惠。", "STOPS_INTEREST=true"),
        Arguments.of("本行不存在\"停息挂账\"业务，个性化分期需逾期90天以上。", "MIN_OVERDUE_DAYS=90 STOPS_INTEREST=false"),
        Arguments.of("请注意，停息挂账并非官方说法。", ""),
        Arguments.of("协商还款成功后，逾期罚息停止计收，本金和利息分期偿还。", ""),
        Arguments.of("我司协商还款无需支付任何手续费。", "MONTHLY_FEE_RATE=0"),
        Arguments.of("客户需提供近6个月银行流水及困难证明。", "REQUIRES_HARDSHIP_PROOF=true"),
        // an overdue record is no threshold of who may apply
        Arguments.of("近3个月以上的逾期记录将影响审批。", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sentences")
  void eachSentenceReadsAsExpected(String text, String expected) {
    assertEquals(expected, reading(EXTRACTOR.extract(text)), text);
  }

  /** The fields {@code r} settles, in {@link PolicyField} order, a ratio without trailing zeros (0.5, 1). */
  private static String reading(ExtractionResult r) {
    StringJoiner all = new StringJoiner(" ");
    for (PolicyField f : PolicyField.values()) {
      r.field(f).map(ExtractedField::value).ifPresent(v -> all.add(f.name() + "="
          + (v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v)));
    }
    return all.toString();
  }
}
