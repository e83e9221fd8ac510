package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ends of the search for the card's row of a payment made in a wallet with the card
 * ({@link StatementAnalyzer}): the bank row is a kept debit within the transfer window (3 days by default) either side
 * of the wallet row, ends included, naming a wallet operator in its counterparty or its description; the closest in
 * time is taken.
 */
class CardCopyOfAWalletPaymentTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";
  private static final String WECHAT_HEADER = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n";
  private static final String PAID_WITH_THE_CARD =
      "2026-05-10 12:00:00,商户消费,肯德基,肯德基宅急送订单,支出,¥59.56,招商银行(3821),支付成功,W1,M1,/\n";

  /** The bank rows (after the header) the WeChat payment of 59.56 at 2026-05-10 12:00:00 removed as its duplicate. */
  private static List<String> duplicates(String bankRows) {
    ParsedStatement wx = StatementParser.wechat().parse("wx.csv",
        (WECHAT_HEADER + PAID_WITH_THE_CARD).getBytes(StandardCharsets.UTF_8));
    ParsedStatement bank = StatementParser.bank().parse("bank.csv",
        (BANK_HEADER + bankRows).getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), bank.rejected());
    return StatementAnalyzer.defaults().analyze(List.of(bank, wx)).removals().stream()
        .filter(r -> r.kind() == RemovalKind.DUPLICATE)
        .map(r -> r.transaction().location() + " " + r.paired().orElseThrow()).toList();
  }

  private static String cardRow(String day, String time) {
    return day + "," + time + ",消费,,59.56,,深圳市财付通支付科技有限公司,,财付通-肯德基\n";
  }

  /** Exactly the window before or after the wallet row is within it; a second further is not. */
  @Test
  void theCardsRowIsFoundUpToExactlyTheTransferWindowEitherSideAndNoFurther() {
    assertEquals(List.of("bank.csv:2 wx.csv:2"), duplicates(cardRow("2026-05-07", "12:00:00")));
    assertEquals(List.of(), duplicates(cardRow("2026-05-07", "11:59:59")));
    assertEquals(List.of("bank.csv:2 wx.csv:2"), duplicates(cardRow("2026-05-13", "12:00:00")));
    assertEquals(List.of(), duplicates(cardRow("2026-05-13", "12:00:01")));
  }

  /** Of two candidate card rows the one closest in time to the wallet row is the copy, whichever comes first. */
  @Test
  void theClosestCardRowInTimeIsTheCopy() {
    assertEquals(List.of("bank.csv:3 wx.csv:2"),
        duplicates(cardRow("2026-05-08", "12:00:00") + cardRow("2026-05-10", "12:00:05")));
    assertEquals(List.of("bank.csv:2 wx.csv:2"),
        duplicates(cardRow("2026-05-10", "11:59:55") + cardRow("2026-05-12", "12:00:00")));
  }

  /** A credit of the amount from the wallet operator is no copy of a payment; a row naming it only in 摘要 is one. */
  @Test
  void onlyADebitIsTheCopyAndTheOperatorMayBeNamedInTheDescriptionAlone() {
    assertEquals(List.of(), duplicates("2026-05-10,12:00:05,转账,59.56,,,深圳市财付通支付科技有限公司,,网银\n"));
    assertEquals(List.of("bank.csv:2 wx.csv:2"), duplicates("2026-05-10,12:00:05,财付通-肯德基,,59.56,,,,快捷支付\n"));
  }

  /**
   * A card row naming the other wallet's operator (支付宝-肯德基, an Alipay payment with the same card) is no copy of a
   * WeChat payment, however close in time: the copy is the row naming 财付通, WeChat's operator, further off. The
   * closest had been taken, and the Alipay payment counted nowhere.
   */
  @Test
  void aCardRowNamingTheOtherWalletsOperatorIsNoCopy() {
    assertEquals(List.of("bank.csv:3 wx.csv:2"), duplicates("2026-05-10,12:00:01,支付宝-肯德基,,59.56,,,,快捷支付\n"
        + cardRow("2026-05-10", "12:30:00")));
    assertEquals(List.of(), duplicates("2026-05-10,12:00:01,消费,,59.56,,支付宝（中国）网络技术有限公司,,快捷支付\n"));
  }
}
