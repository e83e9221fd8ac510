package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the pipeline on random bank statements with malformed rows mixed in. */
class StatementProperties {
  private static final String HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";
  private static final List<String> DESCRIPTIONS =
      List.of("POS消费", "代发工资", "转账", "转账-本人账户", "消费冲正", "代扣水费", "借呗还款", "快捷支付", "结息", "ATM取款");
  private static final List<String> COUNTERPARTIES = List.of("家家福超市", "李秀兰", "周子航", "某某科技有限公司", "重庆蚂蚁消费金融有限公司", "");

  @Provide
  Arbitrary<String> rows() {
    Arbitrary<String> good = Combinators.combine(
        Arbitraries.integers().between(1, 28), Arbitraries.integers().between(1, 12),
        Arbitraries.of(DESCRIPTIONS), Arbitraries.longs().between(1, 2_000_000), Arbitraries.of(true, false),
        Arbitraries.of(COUNTERPARTIES)).as((day, month, d, fen, credit, cp) -> {
          String amount = Money.ofFen(fen).toString();
          return String.format("2026-%02d-%02d,10:%02d:00,%s,%s,%s,,%s,,POS", month, day, day, d, credit ? amount : "",
              credit ? "" : amount, cp);
        });
    Arbitrary<String> bad = Arbitraries.of("2026-02-30,10:00:00,POS消费,,1.00,,超市,,POS", "2026-05-01,10:00:00,POS消费,-1.00,,,超市,,POS",
        "2026-05-01,10:00:00,POS消费,,1.001,,超市,,POS", "2026-05-01,ten,POS消费,,1.00,,超市,,POS", "2026-05-01,10:00:00,\"POS消费,,1.00,,超市,,POS");
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, good), net.jqwik.api.Tuple.of(1, bad));
  }

  @Property(tries = 200)
  void everyRowIsRejectedRemovedOrKeptExactlyOnce(@ForAll("rowLists") List<String> rows) {
    String csv = HEADER + String.join("\n", rows) + "\n";
    ParsedStatement s = StatementParser.bank().parse("p.csv", csv.getBytes(StandardCharsets.UTF_8));
    StatementAnalysis a = StatementAnalyzer.builder().holderNames("周子航").build().analyze(List.of(s));
    assertEquals(rows.size(), s.rowsRead());
    assertEquals(s.rowsRead(), s.rejected().size() + a.removals().size() + a.rowsKept());
    assertEquals(a.rowsRead(), a.statements().get(0).rowsRejected() + a.statements().get(0).rowsRemoved() + a.statements().get(0).rowsKept());
  }

  @Property(tries = 200)
  void monthsAddUpToTheKeptRowsAndDoNotDependOnTheEncoding(@ForAll("rowLists") List<String> rows) {
    String csv = HEADER + String.join("\n", rows) + "\n";
    StatementAnalysis utf8 = StatementAnalyzer.defaults().analyze(
        List.of(StatementParser.bank().parse("p.csv", csv.getBytes(StandardCharsets.UTF_8))));
    StatementAnalysis gbk = StatementAnalyzer.defaults().analyze(
        List.of(StatementParser.bank().parse("p.csv", csv.getBytes(Charset.forName("GB18030")))));
    assertEquals(utf8.months(), gbk.months());
    long credits = utf8.transactions().stream().filter(c -> c.category().kind() == TransactionCategory.Kind.INCOME)
        .mapToLong(c -> c.transaction().amount().fen()).sum();
    long essentials = utf8.transactions().stream().filter(c -> c.category().kind() == TransactionCategory.Kind.ESSENTIAL)
        .mapToLong(c -> c.transaction().amount().fen()).sum();
    assertEquals(credits, utf8.months().stream().mapToLong(m -> m.income().fen()).sum());
    assertEquals(essentials, utf8.months().stream().mapToLong(m -> m.essentialExpenses().fen()).sum());
  }

  @Provide
  Arbitrary<List<String>> rowLists() {
    return rows().list().ofMinSize(1).ofMaxSize(60);
  }

  /**
   * Any description written as RFC 4180 quotes it (commas, doubled quotes, CR, LF or CRLF breaks inside) reads back as
   * itself, each line break a space, on the row's first line — and the rows around it are read as they are.
   */
  @Property(tries = 300)
  void quotedDescriptionsReadBackWhateverTheyHold(@ForAll("descriptions") List<String> descriptions) {
    StringBuilder csv = new StringBuilder(HEADER);
    List<Integer> firstLines = new java.util.ArrayList<>();
    int line = 2;
    for (int i = 0; i < descriptions.size(); i++) {
      String d = descriptions.get(i);
      firstLines.add(line);
      csv.append(String.format("2026-05-%02d,10:00:00,\"%s\",,%d.00,,超市,,POS\n", i % 28 + 1, d.replace("\"", "\"\""), i + 1));
      line += 1 + (int) java.util.regex.Pattern.compile("\r\n|\r|\n").matcher(d).results().count();
    }
    ParsedStatement s = StatementParser.bank().parse("q.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), s.rejected());
    assertEquals(descriptions.stream().map(d -> d.replaceAll("\r\n|\r|\n", " ").strip()).toList(),
        s.transactions().stream().map(Transaction::description).toList());
    assertEquals(firstLines, s.transactions().stream().map(Transaction::fileLine).toList());
    for (int i = 0; i < descriptions.size(); i++) {
      assertEquals(Money.ofFen((i + 1) * 100L), s.transactions().get(i).amount());
    }
  }

  @Provide
  Arbitrary<List<String>> descriptions() {
    // at most 7 commas, so no line of a description has a whole row's 9 fields
    return Arbitraries.strings().withChars('a', '房', ',', '"', '\n', '\r', ' ').ofMinLength(1).ofMaxLength(7)
        .list().ofMinSize(1).ofMaxSize(8);
  }

  /**
   * A WeChat 零钱 withdrawal of {@code w} fen and a bank credit {@code gap} fen short of it pair (both leave income)
   * exactly when the gap is within the fee: 0.1 % of {@code w} rounded up to the fen, at least 10 fen. The gap of a
   * pair is the fee, spent: the month's spending is what left the holder's accounts.
   */
  @Property(tries = 300)
  void aWithdrawalPairsWithItsCreditExactlyWhenTheGapIsWithinTheFee(
      @ForAll("withdrawals") long withdrawn, @ForAll("gaps") long gap) {
    long fee = Math.max(10, (withdrawn + 999) / 1000);
    long credit = withdrawn - Math.min(gap, withdrawn - 1);
    String wx = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n"
        + "2026-05-01 09:00:00,零钱提现,招商银行(3821),/,/,¥" + Money.ofFen(withdrawn) + ",零钱,提现已到账,1001,/,/\n";
    String bank = HEADER + "2026-05-02,10:00:00,转账," + Money.ofFen(credit) + ",,,财付通支付科技有限公司,,网上银行\n";
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(
        StatementParser.wechat().parse("wx.csv", wx.getBytes(StandardCharsets.UTF_8)),
        StatementParser.bank().parse("bank.csv", bank.getBytes(StandardCharsets.UTF_8))));
    assertEquals(withdrawn - credit <= fee ? 0 : credit, a.months().get(0).income().fen());
    assertEquals(withdrawn - credit <= fee ? withdrawn - credit : 0, a.months().get(0).otherSpending().fen());
  }

  /**
   * A purchase of {@code paid} fen in an older Alipay export, {@code refunded} of it refunded on its row (成功退款（元）)
   * and a fee of {@code fee} (服务费（元）), with or without a separate refund row of the same order: the month spends
   * {@code paid - refunded + fee}, nothing is income, and every row is removed or kept exactly once.
   */
  @Property(tries = 300)
  void aRowIsCountedNetOfItsStatedRefundAndWithItsFeeOnce(@ForAll("withdrawals") long paid, @ForAll("gaps") long refund,
      @ForAll("gaps") long fee, @ForAll boolean refundRow) {
    long refunded = Math.min(refund, paid);
    String row = "%s,T1,2019-01-%02d 10:00:00,,,其他,即时到账交易,某某数码店,%s,%s,%s,交易成功,%s,%s,,已支出,\n";
    String csv = "交易号,商户订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,金额（元）,收/支,交易状态,"
        + "服务费（元）,成功退款（元）,备注,资金状态,\n"
        + String.format(row, "101", 1, "耳机", Money.ofFen(paid), "支出", Money.ofFen(fee), Money.ofFen(refunded))
        + (refundRow && refunded > 0
            ? String.format(row, "102", 2, "退款-耳机", Money.ofFen(refunded), "收入", "0.00", "0.00") : "");
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(
        List.of(StatementParser.alipay().parse("old.csv", csv.getBytes(StandardCharsets.UTF_8))));
    assertEquals(List.of(), a.rejected());
    assertEquals(a.rowsRead(), a.removals().size() + a.rowsKept());
    assertEquals(paid - refunded + fee, a.months().get(0).otherSpending().fen());
    assertEquals(0, a.months().get(0).income().fen());
  }

  @Provide
  Arbitrary<Long> withdrawals() {
    return Arbitraries.longs().between(2, 500_000_000L);
  }

  @Provide
  Arbitrary<Long> gaps() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, 30), Arbitraries.longs().between(0, 600_000L));
  }

  /**
   * A month's {@code daysCovered} is the number of its days that some statement's period (here its first row's day to
   * its last's) holds, counted once where statements overlap: what a day-by-day count gives, now that the periods are
   * cut to the month instead (a statement spanning decades had taken seconds to count day by day).
   */
  @Property(tries = 100)
  void daysCoveredCountsEachDayAnyStatementHoldsOnce(@ForAll("periods") List<java.time.LocalDate[]> periods) {
    List<ParsedStatement> statements = new java.util.ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      java.time.LocalDate[] p = periods.get(i);
      String csv = HEADER + String.format("%s,10:00:00,POS消费,,%d.01,,超市,,POS%n%s,11:00:00,POS消费,,%d.02,,超市,,POS%n",
          p[0], i + 1, p[1], i + 1);
      statements.add(StatementParser.bank().parse("s" + i + ".csv", csv.getBytes(StandardCharsets.UTF_8)));
    }
    for (MonthlySummary m : StatementAnalyzer.defaults().analyze(statements).months()) {
      int expected = 0;
      for (java.time.LocalDate d = m.month().atDay(1); !d.isAfter(m.month().atEndOfMonth()); d = d.plusDays(1)) {
        java.time.LocalDate day = d;
        expected += periods.stream().anyMatch(p -> !day.isBefore(p[0]) && !day.isAfter(p[1])) ? 1 : 0;
      }
      assertEquals(expected, m.daysCovered(), m.month() + " of " + periods.stream().map(java.util.Arrays::toString).toList());
    }
  }

  @Provide
  Arbitrary<List<java.time.LocalDate[]>> periods() {
    java.time.LocalDate start = java.time.LocalDate.of(2026, 1, 1);
    Arbitrary<java.time.LocalDate[]> period = Combinators.combine(Arbitraries.integers().between(0, 150),
        Arbitraries.integers().between(0, 70)).as((from, length) ->
            new java.time.LocalDate[] {start.plusDays(from), start.plusDays(from + length)});
    return period.list().ofMinSize(1).ofMaxSize(4);
  }
}
