package io.github.fenqi.benchmarks;

import io.github.fenqi.nlp.ExtractionResult;
import io.github.fenqi.nlp.PolicyTextExtractor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@link PolicyTextExtractor#extract(String)} on Chinese policy texts (announcements, FAQ answers,
 * narratives, traditional script), one thread. One operation extracts every text of {@link #TEXTS} once;
 * MB/s = ops/s × {@link #batchBytes} / 10^6 (printed at setup). Target (DESIGN.md): at least 2 MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PolicyExtractionBenchmark {
  static final List<String> TEXTS = List.of(
      "【诚意分期】自2026年3月起，逾期满两个月的借款人可在线申请协商还款。分期期数为6个月至24个月，每月按剩余本金的千分之五收取服务费。对已产生的逾期利息，最多可减免七成；违约金一律免除；正常利息打八折。请拨打400-123-4567咨询。",
      "客户经理答复：您好，您目前欠款本息合计35000元，逾期已有120天。按照我行规定，逾期90天（含）以上即可申请个性化分期，分期期限最长5年，最短1年；需首付不低于欠款总额的15%。分期期间每月手续费率为0.45%。罚息和复利可以申请全部减免，但本金和利息不能减免。需提交医院诊断书或失业证明。",
      "【公告】本行信用卡逾期持卡人協商方案：逾期滿１８０日者，可申請分３６期至６０期償還；罰息全額減免，違約金減免百分之八十，利息不予減免。分期期間停止計息。本公告自２０２６年７月１日起施行。",
      "Q：我在贵平台借款5万元，目前逾期2个月，可以分期吗？\nA：逾期超过30天即可申请。可分期数：3、6、9、12期。手续费：无。首付：需先还10%。如有困难可提供证明材料，但非必须。客服电话：021-66668888。",
      "为落实监管要求，我司对符合条件的逾期用户实行停息挂账。具体为：逾期满九十日，可将剩余债务分二十四至四十八期偿还，分期期间不收取利息和手续费。已产生罚息减免比例不超过百分之五十，滞纳金减免比例不超过百分之三十，本金不在减免范围内。首付比例为零。",
      "网友经验：去年12月我逾期了一百多天，跟客服谈了三次，最终同意分18期，每期还2300元。客服说标准是：逾期满三个月可以申请，最长36期，违约金可以减免一半，利息照收，本金一分不少。",
      "XX银行关于信用卡个性化分期业务的说明：一、适用对象：连续逾期三期及以上、且逾期天数超过60天的持卡人。二、分期期数：最低12期，最高60期。三、费用：分期期间按月收取本金的0.6%作为分期手续费，不另收利息。四、减免：罚息、复利可酌情减免，最高不超过已产生金额的40%。五、材料：须提供收入证明及困难说明。",
      "温馨提示：本公司从未委托任何第三方机构办理协商业务，谨防上当受骗。如需协商还款，请通过官方APP提交申请，我们将根据您的实际情况提供方案。举报电话：12378。",
      "关于开展逾期贷款纾困帮扶的通告：借款逾期九十天及以上的个人客户，可申请延长还款期限，最长不超过三十六个月。对困难客户，违约金减免比例最高可达百分之百，罚息最高减免六成。分期手续费按月收取，费率0.35%。申请时应当提交收入证明或其他困难证明材料。咨询热线：400-888-9999（工作日9:00-18:00）。",
      "您好！根据您反馈的情况，我们可以为您办理分期：可选择10期、20期、30期，首期还款比例不低于欠款的20%。分期期间不再计收罚息，正常利息继续计收。罚息和违约金均不作减免。谢谢！",
      "某金融平台协商规则（2026版）：逾期不足30天的用户暂不受理；逾期30天以上可申请。期数：最少6期，最多24期。本金、利息不减免，罚息可减免一半，复利全免。办理时无需提供任何证明。",
      "我上个月跟平台协商成功了，借了8000块，逾期5个月，客服给我减了2000块罚息，分了12期，每月还600多。听说他们规定最长可以分两年，手续费每月千分之八。"
  );

  private PolicyTextExtractor extractor;
  /** UTF-8 bytes of one batch. */
  public long batchBytes;

  @Setup
  public void setUp() {
    extractor = PolicyTextExtractor.create();
    batchBytes = TEXTS.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    System.out.println("PolicyExtractionBenchmark: one op = " + TEXTS.size() + " texts, " + batchBytes
        + " UTF-8 bytes");
  }

  @Benchmark
  public void extractBatch(Blackhole bh) {
    for (String text : TEXTS) {
      ExtractionResult r = extractor.extract(text);
      bh.consume(r);
    }
  }
}
