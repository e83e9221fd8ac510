package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ends of what cleaning matches ({@link StatementAnalyzer}): which row a refund or a reversal cancels, and what it
 * never cancels. Each case pins a choice the analyzer makes among rows that all look alike in part (mutation audit 80).
 */
class CleaningBoundariesTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";

  private static final String WECHAT_HEADER = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n";

  private static ParsedStatement bank(String name, String rows) {
    ParsedStatement s = StatementParser.bank().parse(name, (BANK_HEADER + rows).getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), s.rejected());
    return s;
  }

  /** A WeChat export of {@code rows} under its header, read (its rejections are the caller's to check). */
  private static ParsedStatement wechat(String name, String rows) {
    return StatementParser.wechat().parse(name, (WECHAT_HEADER + rows).getBytes(StandardCharsets.UTF_8));
  }

  private static StatementAnalysis analyze(String rows) {
    return StatementAnalyzer.defaults().analyze(List.of(bank("b.csv", rows)));
  }

  /** An older Alipay export (支付宝交易记录明细查询) of {@code row} alone, read without a rejection and analysed. */
  private static StatementAnalysis analyzeOlderAlipay(String row) {
    String header = "交易号,商户订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,"
        + "金额（元）,收/支,交易状态,服务费（元）,成功退款（元）,备注,资金状态,\n";
    ParsedStatement old = StatementParser.alipay().parse("old.csv", (header + row).getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), old.rejected());
    return StatementAnalyzer.defaults().analyze(List.of(old));
  }

  private static List<String> removals(StatementAnalysis r) {
    return r.removals().stream().map(x -> x.transaction().location() + " " + x.kind() + " " + x.paired().orElse("-"))
        .toList();
  }

  /**
   * A refund's purchase is money out: a merchant's earlier credit of the same amount (a 返利 of 80.00) is income the
   * return does not take back, and the return, finding no purchase, is removed alone.
   */
  @Test
  void aRefundNeverCancelsAnEarlierCreditFromItsCounterparty() {
    StatementAnalysis r = analyze("2026-05-12,10:00:00,返利,80.00,,,惠邻生鲜超市,,POS\n"
        + "2026-05-13,10:00:00,消费退货,80.00,,,惠邻生鲜超市,,POS\n");
    assertEquals(List.of("b.csv:3 REFUND -"), removals(r));
    assertEquals(Money.of("80.00"), r.months().get(0).income());
  }

  /**
   * A return naming no goods cancels a purchase of its amount from its own counterparty only: another merchant's
   * purchase of the same amount stays spent.
   */
  @Test
  void aRefundNamingNoGoodsCancelsNoOtherMerchantsPurchase() {
    StatementAnalysis r = analyze("2026-05-14,10:00:00,POS消费,,60.00,,家家福超市,,POS\n"
        + "2026-05-15,10:00:00,退货,60.00,,,惠邻生鲜超市,,POS\n");
    assertEquals(List.of("b.csv:3 REFUND -"), removals(r));
    assertEquals(Money.of("60.00"), r.months().get(0).food());
  }

  /** A 冲正 cancels the closest earlier row it can, not the first in its 90 days: the earlier purchase stays spent. */
  @Test
  void aReversalCancelsTheClosestEarlierRowOfItsAmount() {
    StatementAnalysis r = analyze("2026-05-01,10:00:00,POS消费,,100.00,,电器城商店,,POS\n"
        + "2026-05-10,10:00:00,POS消费,,100.00,,电器城商店,,POS\n"
        + "2026-05-11,10:00:00,冲正,100.00,,,电器城商店,,POS\n");
    assertEquals(List.of("b.csv:3 REVERSED b.csv:4", "b.csv:4 REVERSAL b.csv:3"), removals(r));
    assertEquals(List.of("b.csv:2"), r.transactions().stream().map(c -> c.transaction().location()).toList());
  }

  /**
   * A WeChat 零钱提现 of 1000.00 stating 服务费¥1.00 whose bank credit arrived 0.50 short: the fee counted is the larger of
   * the two, the 1.00 the row states, once — not the 0.50 the credit lacks.
   */
  @Test
  void aShortWithdrawalCountsTheStatedFeeWhenItIsTheLarger() {
    ParsedStatement wx = wechat("wx.csv",
        "2026-05-01 09:00:00,零钱提现,招商银行(3821),/,/,¥1000.00,零钱,提现已到账,1001,/,服务费¥1.00\n");
    ParsedStatement b = bank("bank.csv", "2026-05-01,09:30:00,财付通提现,999.50,,,财付通支付科技有限公司,,网上银行\n");
    StatementAnalysis r = StatementAnalyzer.defaults().analyze(List.of(b, wx));
    assertEquals(List.of("wx.csv:2 FEE 1.00"), r.transactions().stream().map(c -> c.transaction().location() + " "
        + c.category() + " " + c.transaction().amount()).toList());
    assertEquals(Money.of("1.00"), r.months().get(0).otherSpending());
    assertEquals(Money.ZERO, r.months().get(0).income());
    String reason = r.transactions().get(0).reason();
    assertEquals(true, reason.contains("0.50 less") && reason.endsWith("; the row states a fee of 1.00"), reason);
  }

  /**
   * Two wallets' withdrawals of one amount in one window — WeChat's 零钱提现 and Alipay's 提现, each a neutral row — are
   * not the two sides of one move: no money goes from one wallet's balance into the other's. The WeChat withdrawal
   * pairs with its bank credit, 1.00 short, and that 1.00 is spent. They had been paired with each other, as two
   * neutral rows were taken as opposite, and the fee was lost.
   */
  @Test
  void twoWalletsWithdrawalsOfOneAmountAreNotTheSidesOfOneMove() {
    ParsedStatement wx = wechat("wx.csv",
        "2026-05-01 09:00:00,零钱提现,招商银行(3821),/,/,¥1000.00,零钱,提现已到账,1001,/,/\n");
    ParsedStatement ali = StatementParser.alipay().parse("ali.csv", ("姓名：周子航\n"
        + "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,\n"
        + "2026-05-01 09:05:00,转账提现,周子航,/,提现-实时提现,不计收支,1000.00,账户余额,交易成功,A1,,,\n")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), ali.rejected());
    ParsedStatement b = bank("bank.csv", "2026-05-01,09:10:00,财付通提现,999.00,,,财付通支付科技有限公司,,网上银行\n");
    StatementAnalysis r = StatementAnalyzer.defaults().analyze(List.of(wx, ali, b));
    assertEquals(List.of("wx.csv:2 FEE 1.00"), r.transactions().stream().map(c -> c.transaction().location() + " "
        + c.category() + " " + c.transaction().amount()).toList());
    assertEquals(Money.of("1.00"), r.months().get(0).otherSpending());
    assertEquals(List.of("ali.csv:3 INTERNAL_TRANSFER -", "bank.csv:2 INTERNAL_TRANSFER wx.csv:2"), removals(r).stream()
        .sorted().toList());
  }

  /**
   * A WeChat 零钱提现 pairs with the bank credit naming WeChat's operator (财付通提现, 1.00 short), not with an Alipay
   * withdrawal's credit of its very amount in the window (支付宝提现): the lexicon's {@code operatorsByWallet} says which
   * wallet each operator runs. The equal credit had been taken, and the 1.00 WeChat kept was lost; the Alipay credit is
   * now removed alone, as any withdrawal from a wallet's balance is.
   */
  @Test
  void aWalletWithdrawalPairsWithTheCreditNamingItsOwnOperator() {
    ParsedStatement wx = wechat("wx.csv",
        "2026-05-01 09:00:00,零钱提现,招商银行(3821),/,/,¥1000.00,零钱,提现已到账,1001,/,/\n");
    ParsedStatement b = bank("bank.csv", "2026-05-01,09:05:00,支付宝提现,1000.00,,,支付宝（中国）网络技术有限公司,,网上银行\n"
        + "2026-05-01,09:10:00,财付通提现,999.00,,,财付通支付科技有限公司,,网上银行\n");
    StatementAnalysis r = StatementAnalyzer.defaults().analyze(List.of(wx, b));
    assertEquals(List.of("wx.csv:2 FEE 1.00"), r.transactions().stream().map(c -> c.transaction().location() + " "
        + c.category() + " " + c.transaction().amount()).toList());
    assertEquals(List.of("bank.csv:2 INTERNAL_TRANSFER -", "bank.csv:3 INTERNAL_TRANSFER wx.csv:2"),
        removals(r).stream().sorted().toList());
  }

  /**
   * Two statements a year apart, of January 2026 and January 2027, with no row between: each January keeps its own
   * rows (months are told apart by their year too), and the eleven months between are uncovered.
   */
  @Test
  void theSameMonthOfTwoYearsKeepsItsOwnRows() {
    ParsedStatement y1 = bank("2026.csv", "2026-01-31,23:59:59,POS消费,,10.00,,家家福超市,,POS\n");
    ParsedStatement y2 = bank("2027.csv", "2027-01-01,00:00:00,POS消费,,20.00,,家家福超市,,POS\n");
    StatementAnalysis r = StatementAnalyzer.defaults().analyze(List.of(y1, y2));
    assertEquals(List.of("2026-01 10.00 1", "2027-01 20.00 1"), r.months().stream()
        .map(m -> m.month() + " " + m.food() + " " + m.daysCovered()).toList());
    assertEquals(11, r.uncovered().size());
  }

  /**
   * A bank's 支付宝-充值 that a spending rule claims (a user's rule calling every debit to 支付宝 shopping) is that rule's
   * spending, not a move to the holder's own wallet: the top-up test yields to the rules, as the README says.
   */
  @Test
  void aWalletTopUpASpendingRuleClaimsStaysSpending() {
    LexiconRule mine = new LexiconRule("my-alipay", TransactionCategory.SHOPPING, Set.of(Direction.DEBIT),
        List.of(LexiconRule.Field.COUNTERPARTY), List.of("支付宝"), null);
    StatementAnalyzer analyzer = StatementAnalyzer.builder()
        .lexicon(CategoryLexicon.defaults().withRulesFirst(List.of(mine))).build();
    ParsedStatement b = bank("b.csv", "2026-05-11,12:00:00,支付宝-充值,,1000.00,8000.00,支付宝（中国）网络技术有限公司,,快捷支付\n");
    StatementAnalysis r = analyzer.analyze(List.of(b));
    assertEquals(List.of(), r.removals());
    assertEquals(List.of(TransactionCategory.SHOPPING), r.transactions().stream().map(CategorisedTransaction::category)
        .toList());
    assertEquals(Money.of("1000.00"), r.months().get(0).otherSpending());
  }

  /**
   * A 冲正 cancels a row of its own statement only: another card's debit of the same amount and merchant stays spent,
   * and the reversal, finding no row of its statement, is removed alone.
   */
  @Test
  void aReversalNeverCancelsARowOfAnotherStatement() {
    ParsedStatement card1 = bank("card1.csv", "2026-05-10,10:00:00,POS消费,,100.00,,电器城商店,,POS\n");
    ParsedStatement card2 = bank("card2.csv", "2026-05-11,10:00:00,冲正,100.00,,,电器城商店,,POS\n");
    StatementAnalysis r = StatementAnalyzer.defaults().analyze(List.of(card1, card2));
    assertEquals(List.of("card2.csv:2 REVERSAL -"), removals(r));
    assertEquals(List.of("card1.csv:2"), r.transactions().stream().map(c -> c.transaction().location()).toList());
  }

  /** A debit to a named employer (an advance paid back) is no salary: only the employer's credits are. */
  @Test
  void aDebitToAnEmployerIsNoSalary() {
    ParsedStatement b = bank("b.csv", "2026-05-10,09:00:00,转账,7000.00,,,星河劳务派遣,,网银\n"
        + "2026-05-20,09:00:00,转账,,500.00,,星河劳务派遣,,网银\n");
    StatementAnalysis r = StatementAnalyzer.builder().employers("星河劳务").build().analyze(List.of(b));
    assertEquals(List.of(TransactionCategory.SALARY, TransactionCategory.TRANSFER_OUT), r.transactions().stream()
        .map(CategorisedTransaction::category).toList());
    assertEquals(Money.of("7000.00"), r.months().get(0).salaryIncome());
  }

  /**
   * Steady monthly credits from a person (2000.00 from 李秀兰 in each of three months) are transfers in, not wages:
   * only an organisation's regular credits are promoted to salary.
   */
  @Test
  void aPersonsRegularCreditsAreNoSalary() {
    ParsedStatement b = bank("b.csv", "2026-05-10,09:00:00,跨行汇款,2000.00,,,李秀兰,,网银\n"
        + "2026-06-10,09:00:00,跨行汇款,2000.00,,,李秀兰,,网银\n"
        + "2026-07-10,09:00:00,跨行汇款,2000.00,,,李秀兰,,网银\n");
    StatementAnalysis r = StatementAnalyzer.defaults().analyze(List.of(b));
    assertEquals(List.of(TransactionCategory.TRANSFER_IN), r.transactions().stream()
        .map(CategorisedTransaction::category).distinct().toList());
    assertEquals(List.of(Money.ZERO), r.months().stream().map(MonthlySummary::salaryIncome).distinct().toList());
  }

  /** Analysed through a case's date, a row of that very day is known (the day ends the cut, included); the next is not. */
  @Test
  void aRowOnTheCasesDateIsKnownAndOneTheDayAfterIsNot() {
    ParsedStatement b = bank("b.csv", "2026-08-31,23:59:59,POS消费,,10.00,,家家福超市,,POS\n"
        + "2026-09-01,00:00:00,POS消费,,20.00,,家家福超市,,POS\n");
    StatementAnalysis r = StatementAnalyzer.defaults().analyzeThrough(List.of(b), java.time.LocalDate.of(2026, 8, 31));
    assertEquals(List.of("b.csv:2"), r.transactions().stream().map(c -> c.transaction().location()).toList());
    assertEquals(List.of("2026-08 10.00 1"), r.months().stream()
        .map(m -> m.month() + " " + m.food() + " " + m.daysCovered()).toList());
  }

  /**
   * An older Alipay purchase refunded in full on its own row (成功退款 80.00 of 80.00) that states a 服务费 of 1.50 is kept
   * as that fee: the refund returns the amount, not the fee.
   */
  @Test
  void aPurchaseRefundedInFullOnItsRowKeepsTheFeeItStates() {
    String row = "201901032201,T3,2019-01-03 10:00:00,2019-01-03 10:00:01,,其他,即时到账交易,某某服饰店,外套,80.00,支出,"
        + "交易成功,1.50,80.00,,已支出,\n";
    StatementAnalysis r = analyzeOlderAlipay(row);
    assertEquals(List.of("old.csv:2 FEE 1.50"), r.transactions().stream().map(c -> c.transaction().location() + " "
        + c.category() + " " + c.transaction().amount()).toList());
    assertEquals(Money.of("1.50"), r.months().get(0).otherSpending());
  }

  /**
   * A wallet's 信用卡还款 is a neutral row that the repayment rule counts; returned in full (the bank refused it, a
   * 信用卡还款-退款 of its amount from the same bank), it is no repayment: the refund cancels it, though it is no debit
   * (round 99: refunds finding debits only passed every test, and left 5000.00 repaid that came back).
   */
  @Test
  void aWalletRepaymentReturnedInFullIsNoRepayment() {
    ParsedStatement wx = wechat("wx.csv",
        "2026-05-20 10:00:00,信用卡还款,招商银行(3821),/,/,¥5000.00,零钱,支付成功,1002,/,/\n"
        + "2026-05-20 10:30:00,信用卡还款-退款,招商银行(3821),/,收入,¥5000.00,零钱,已到账,1003,/,/\n");
    assertEquals(List.of(), wx.rejected());
    StatementAnalysis r = StatementAnalyzer.defaults().analyze(List.of(wx));
    assertEquals(List.of("wx.csv:2 REFUNDED wx.csv:3", "wx.csv:3 REFUND wx.csv:2"), removals(r));
    assertEquals(Money.ZERO, r.months().get(0).loanRepayments());
    assertEquals(Money.ZERO, r.months().get(0).income());
  }

  /**
   * A neutral row no rule claims that states a fee (an older Alipay 不计收支 fund redemption with a 服务费 of 5.00) stays
   * neutral, and its fee is spent in its month: a fee is spending whatever its row is (round 99: fees of neutral rows
   * left out of the month passed every test).
   */
  @Test
  void aNeutralRowsStatedFeeIsSpent() {
    String row = "201901032202,T4,2019-01-03 11:00:00,2019-01-03 11:00:01,,其他,即时到账交易,某某基金销售有限公司,基金赎回,"
        + "1000.00,不计收支,交易成功,5.00,,,资金转移,\n";
    StatementAnalysis r = analyzeOlderAlipay(row);
    assertEquals(List.of("old.csv:2 NEUTRAL 1000.00 5.00"), r.transactions().stream().map(c -> c.transaction()
        .location() + " " + c.category() + " " + c.transaction().amount() + " " + c.transaction().fee()).toList());
    assertEquals(Money.of("5.00"), r.months().get(0).otherSpending());
    assertEquals(Money.ZERO, r.months().get(0).income());
  }

  /**
   * A friend's return under a transfer's 交易单号 cancels that transfer, not a later one of the same amount to the same
   * friend: the serial names the row, where the amount and counterparty fit both.
   */
  @Test
  void aRefundUnderASerialCancelsThatRowNotALaterAlike() {
    ParsedStatement w = wechat("w.csv",
        "2026-10-01 10:00:00,转账,赵一帆,转账备注:还钱,支出,¥500.00,零钱,朋友已退还,1000050001\t,/,/\n"
        + "2026-10-01 11:00:00,转账,赵一帆,转账备注:还钱,支出,¥500.00,零钱,朋友已收钱,1000050002\t,/,/\n"
        + "2026-10-02 10:00:00,转账-退款,赵一帆,/,收入,¥500.00,零钱,已退款,1000050001\t,/,/\n");
    StatementAnalysis r = StatementAnalyzer.defaults().analyze(List.of(w));
    assertEquals(List.of("w.csv:2 REFUNDED w.csv:4", "w.csv:4 REFUND w.csv:2"), removals(r));
  }

  /**
   * A 冲正 naming its counterparty cancels that counterparty's row, though another merchant's row of its amount lies
   * closer before it.
   */
  @Test
  void aReversalNamingItsCounterpartyPassesOverAnotherMerchantsCloserRow() {
    StatementAnalysis r = analyze("2026-05-10,10:00:00,POS消费,,100.00,,电器城商店,,POS\n"
        + "2026-05-10,11:00:00,POS消费,,100.00,,家家福超市,,POS\n"
        + "2026-05-11,10:00:00,冲正,100.00,,,电器城商店,,POS\n");
    assertEquals(List.of("b.csv:2 REVERSED b.csv:4", "b.csv:4 REVERSAL b.csv:2"), removals(r));
    assertEquals(Money.of("100.00"), r.months().get(0).food());
  }

  /**
   * A WeChat refund row whose status repeats the refund (已退款(￥20.00)) is the refund of the purchase stating it,
   * counted there: removed as that purchase's refund, not as a row refunded itself.
   */
  @Test
  void aRefundRowStatingItsOwnRefundIsCountedOnItsPurchase() {
    ParsedStatement w = wechat("wx.csv",
        "2026-05-03 12:00:00,商户消费,美团平台商户,美团外卖订单,支出,¥50.00,零钱,已退款(￥20.00),4200001,M1,/\n"
        + "2026-05-04 12:00:00,美团平台商户-退款,美团平台商户,/,收入,¥20.00,零钱,已退款(￥20.00),4200002,R1,/\n");
    StatementAnalysis r = StatementAnalyzer.defaults().analyze(List.of(w));
    assertEquals(List.of("wx.csv:3 REFUND wx.csv:2"), removals(r));
    assertEquals(Money.of("30.00"), r.months().get(0).food());
  }

  /** A month summary covering none of its days is refused naming the month: every month summed holds a day. */
  @Test
  void aMonthCoveringNoDayIsRefused() {
    Money zero = Money.ZERO;
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new MonthlySummary(YearMonth.of(2026, 2),
        zero, zero, zero, Map.of(), zero, zero, zero, zero, zero, zero, Map.of(), 0));
    assertEquals("2026-02 daysCovered", e.problems().get(0).location());
  }

  /**
   * A wallet operator's credit saying 提现 that an earnings rule claims (工资提现 from 财付通, the salary rule's 工资) is
   * that income, not the holder's own wallet balance withdrawn.
   */
  @Test
  void aWithdrawalAnEarningsRuleClaimsStaysIncome() {
    StatementAnalysis r = analyze("2026-05-10,09:00:00,工资提现,6000.00,,,财付通支付科技有限公司,,网银\n");
    assertEquals(List.of(), removals(r));
    assertEquals(Money.of("6000.00"), r.months().get(0).salaryIncome());
  }
}
