package io.github.fenqi.benchmarks;

import io.github.fenqi.core.statement.ParsedStatement;
import io.github.fenqi.core.statement.StatementAnalysis;
import io.github.fenqi.core.statement.StatementAnalyzer;
import io.github.fenqi.core.statement.StatementParser;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Statement ingestion throughput in transactions per second, one thread: parse (encoding detection, CSV, fields)
 * and the whole pipeline (parse + clean + categorise + monthly sums) over a generated statement of
 * {@value #ROWS} rows of the sample's mix (salary, rent, utilities, groceries, transfers, repayments, own-account
 * moves, a reversal now and then) in UTF-8 (bank) and GBK (Alipay).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class StatementBenchmark {
  static final int ROWS = 20_000;
  private byte[] bank;
  private byte[] alipay;
  private final StatementAnalyzer analyzer = StatementAnalyzer.builder().holderNames("周子航").build();

  @Setup
  public void setUp() {
    bank = bankCsv(ROWS, 1).getBytes(StandardCharsets.UTF_8);
    alipay = alipayCsv(ROWS, 2).getBytes(Charset.forName("GB18030"));
    // the generated files must parse completely, or the benchmark would time error paths
    for (ParsedStatement s : List.of(StatementParser.bank().parse("bank.csv", bank), StatementParser.alipay().parse("alipay.csv", alipay))) {
      if (!s.rejected().isEmpty() || s.transactions().size() != ROWS) {
        throw new IllegalStateException("generated statement has rejected rows: " + s.rejected().subList(0, Math.min(3, s.rejected().size())));
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public ParsedStatement parseBank() {
    return StatementParser.bank().parse("bank.csv", bank);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public StatementAnalysis pipelineBank() {
    return analyzer.analyze(List.of(StatementParser.bank().parse("bank.csv", bank)));
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public StatementAnalysis pipelineAlipayGbk() {
    return analyzer.analyze(List.of(StatementParser.alipay().parse("alipay.csv", alipay)));
  }

  static String bankCsv(int rows, long seed) {
    String[][] kinds = {
        {"POS消费", "", "家家福超市(文三路店)", "POS****7781", "POS"}, {"代扣水费", "", "杭州市城西供水缴费中心", "3301****7720", "代扣"},
        {"代发工资", "in", "杭州澄星数码科技有限公司", "3301****0188", "批量代发"}, {"转账-房租", "", "钱文斌", "6228****5512", "手机银行"},
        {"转账-本人账户", "", "周子航", "6214********3821", "手机银行"}, {"借呗还款", "", "重庆蚂蚁消费金融有限公司", "5000****8866", "快捷支付"},
        {"快捷支付", "", "京东支付-京东商城", "1100****2233", "快捷支付"}, {"跨行转入", "in", "赵一帆", "6222****8306", "手机银行"},
        {"ATM取款", "", "", "", "ATM"}, {"代扣话费", "", "中国移动通信集团浙江有限公司", "3301****1000", "代扣"}};
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder("交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n");
    long balance = 1_000_000_000_00L; // stays positive over every generated row
    long minute = 0;
    for (int i = 0; i < rows; i++) {
      String[] k = kinds[rnd.nextInt(kinds.length)];
      long fen = 100 + rnd.nextInt(500_000);
      boolean in = k[1].equals("in");
      balance += in ? fen : -fen;
      minute += 1 + rnd.nextInt(30);
      java.time.LocalDateTime t = java.time.LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(minute);
      String amount = fen / 100 + "." + String.format("%02d", fen % 100);
      sb.append(t.toLocalDate()).append(',').append(t.toLocalTime()).append(":00,").append(k[0]).append(',')
          .append(in ? amount : "").append(',').append(in ? "" : amount).append(',')
          .append(balance / 100).append('.').append(String.format("%02d", balance % 100)).append(',')
          .append(k[2]).append(',').append(k[3]).append(',').append(k[4]).append('\n');
    }
    return sb.toString();
  }

  static String alipayCsv(int rows, long seed) {
    String[][] kinds = {
        {"餐饮美食", "美团外卖", "美团外卖订单", "支出"}, {"日用百货", "盒马鲜生", "盒马鲜生-生鲜蔬果订单", "支出"},
        {"交通出行", "滴滴出行", "滴滴快车-行程费", "支出"}, {"投资理财", "天弘基金管理有限公司", "余额宝-自动转入", "不计收支"},
        {"服饰装扮", "潮衫工作室", "男士纯棉短袖T恤", "支出"}, {"充值缴费", "国网浙江省电力有限公司杭州供电公司", "电费-户号33010****2287", "支出"},
        {"转账红包", "赵一帆", "转账-还你上次的钱", "收入"}};
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder("导出信息：\n姓名：周子航\n"
        + "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,\n");
    long minute = 0;
    for (int i = 0; i < rows; i++) {
      String[] k = kinds[rnd.nextInt(kinds.length)];
      long fen = 100 + rnd.nextInt(50_000);
      minute += 1 + rnd.nextInt(30);
      java.time.LocalDateTime t = java.time.LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(minute);
      sb.append(t.toLocalDate()).append(' ').append(t.toLocalTime()).append(":00,").append(k[0]).append(',').append(k[1])
          .append(",/,").append(k[2]).append(',').append(k[3]).append(',').append(fen / 100).append('.')
          .append(String.format("%02d", fen % 100)).append(",花呗,交易成功,").append(20240000000000L + i).append("\t,,,\n");
    }
    return sb.toString();
  }
}
