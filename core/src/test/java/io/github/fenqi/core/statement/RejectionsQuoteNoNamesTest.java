package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A rejected row quotes its failing field ({@code Problem.excerpt}), which masks identifiers but not names: a row
 * shifted by a column had shown a counterparty's 张三 in clear where its amount, date or time stands. Such a field is
 * described instead; one that is no person's name ({@code 12,34}, {@code 2026/13/01}) is still quoted.
 */
class RejectionsQuoteNoNamesTest {
  private static final String ALIPAY = "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,\n";
  private static final String BANK = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";
  private static final String WECHAT = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n";

  private static String alipayReason(String time, String amount) {
    ParsedStatement s = StatementParser.alipay().parse("a.csv", (ALIPAY + time + ",转账红包,张三,,转账,支出," + amount
        + ",账户余额,交易成功,2026103120007416501000250698,,,\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(1, s.rejected().size(), s.rejected().toString());
    return s.rejected().get(0).reason();
  }

  private static String bankReason(String date, String time, String credit) {
    ParsedStatement s = StatementParser.bank().parse("b.csv", (BANK + date + "," + time + ",转账," + credit
        + ",,1000.00,李秀兰,,网银\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(1, s.rejected().size(), s.rejected().toString());
    return s.rejected().get(0).reason();
  }

  @Test
  void anAmountHoldingANameIsDescribedNotQuoted() {
    assertEquals("金额 holds text of 2 characters, not an amount (not quoted: it may be a person's name, as in a row "
        + "shifted by a column)", alipayReason("2026-05-01 10:00:00", "张三"));
    for (String name : List.of("ZHOU ZIHANG", "Zhou", "¥张三", "买买提·艾力", "김민준", "さくら", "12.00 张三")) {
      String reason = alipayReason("2026-05-01 10:00:00", name);
      assertFalse(reason.contains(name.replace("¥", "")), reason);
      assertTrue(reason.startsWith("金额 holds text of "), reason);
    }
    // one CJK character is enough (a surname, a name cut by the shift), letters or not beside it
    for (String field : List.of("1张", "12.00 李", "ア1")) {
      assertTrue(alipayReason("2026-05-01 10:00:00", field).startsWith("金额 holds text of "), field);
    }
    // counted in characters, a name beyond the BMP too
    assertTrue(alipayReason("2026-05-01 10:00:00", "\uD869\uDEA5三").startsWith("金额 holds text of 2 characters"));
    String credit = bankReason("2026-05-01", "10:00:00", "王五");
    assertFalse(credit.contains("王五"), credit);
    assertTrue(credit.contains("收入金额 holds text"), credit);
  }

  @Test
  void aDateOrTimeHoldingANameIsDescribedNotQuoted() {
    assertEquals("交易时间 holds text of 2 characters, not a date and time (not quoted: it may be a person's name, as "
        + "in a row shifted by a column)", alipayReason("李四", "12.00"));
    for (String date : List.of("2026-05-01 10:00:00 ZHOU", "周子航 2026-05-01", "Li Na")) {
      String reason = alipayReason(date, "12.00");
      assertTrue(reason.startsWith("交易时间 holds text of "), reason);
      assertFalse(reason.contains("ZHOU") || reason.contains("周子航") || reason.contains("Li Na"), reason);
    }
    String date = bankReason("赵六", "10:00:00", "12.00");
    assertTrue(date.startsWith("交易日期 holds text of 2 characters"), date);
    String time = bankReason("2026-05-01", "赵六", "12.00");
    assertTrue(time.startsWith("交易时间 holds text of 2 characters, not a time"), time);
  }

  @Test
  void aFieldThatIsNoNameIsStillQuoted() {
    assertTrue(alipayReason("2026-05-01 10:00:00", "\"12,34\"").contains("'12,34' has commas that do not group"));
    assertTrue(alipayReason("2026-05-01 10:00:00", "12.3.4元").contains("'12.3.4' is not an amount"));
    assertTrue(alipayReason("2026/13/01 10:00:00", "12.00").contains("'2026/13/01 10:00:00' is not a valid date"));
    assertTrue(alipayReason("2026年13月01日", "12.00").contains("'2026年13月01日'"));
    assertTrue(alipayReason("2026-05-01 10:00:00 CST", "12.00").contains("ends in the zone 'CST'"));
    assertTrue(alipayReason("2026-05-01 10:00 PM", "12.00").contains("'2026-05-01 10:00 PM'"));
    assertTrue(bankReason("2026-05-01", "25:00:00", "12.00").contains("'25:00:00'"));
    assertTrue(alipayReason("2026-05-01 10:00:00", "1.2E+3").contains("'1.2E+3'"));
    // amounts and dates that read stay read: 元, ¥, 年月日 are no names
    ParsedStatement s = StatementParser.bank().parse("b.csv", (BANK + "2026年5月1日,10:00:00,工资,¥2800.00,,2800.00元,"
        + "某某科技有限公司,,网银\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), s.rejected());
  }

  /** A WeChat 备注 stating a fee it cannot read had been quoted whole in the rejection, 转账给张三 and all. */
  @Test
  void aFeeThatCannotBeReadIsQuotedWithoutTheNoteAroundIt() {
    ParsedStatement s = StatementParser.wechat().parse("wx.csv", (WECHAT + "2026-05-01 09:00:00,转账,张三,/,支出,¥100.00,"
        + "零钱,已转账,1001,/,转账给张三 服务费¥1.001\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(1, s.rejected().size());
    String reason = s.rejected().get(0).reason();
    assertFalse(reason.contains("张三"), reason);
    assertTrue(reason.contains("备注") && reason.contains("1.001"), reason);
  }

  /** No name of two to four Han characters, nor a pinyin one, in an amount, date or time field is ever quoted. */
  @Property(tries = 200)
  void noNameInAnAmountDateOrTimeIsQuoted(@ForAll("names") String name) {
    for (String reason : List.of(alipayReason("2026-05-01 10:00:00", name), alipayReason(name, "12.00"),
        bankReason("2026-05-01", name, "12.00"), bankReason("2026-05-01", "10:00:00", "¥" + name))) {
      assertFalse(reason.contains(name), reason);
    }
  }

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> han = Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(2).ofMaxLength(4);
    Arbitrary<String> pinyin = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(8)
        .map(n -> Character.toUpperCase(n.charAt(0)) + n.substring(1));
    return Arbitraries.oneOf(han, pinyin).filter(n -> !n.matches("(?i).*(utc|gmt|cst|am|pm).*")
        && !n.matches(".*[元年月日号时分秒点].*"));
  }

  /**
   * An amount with a decimal comma left unquoted, in a row padded with a comma at its end as the exports write them,
   * had been read as 12.00, every column after it shifted by one; it is refused naming the amount.
   */
  @Test
  void anUnquotedDecimalCommaIsRefusedNotReadAsTheYuanBeforeIt() {
    for (String amount : List.of("12,34", "¥12,3", "12,34元")) {
      assertEquals("has 14 fields where the header (line 1) has 13: '" + amount + "' reads as an amount written with a "
          + "decimal comma, which is not quoted, so the columns after it are shifted; write the amount with a decimal "
          + "point (12.34)", alipayReason("2026-05-01 10:00:00", amount));
    }
    ParsedStatement bank = StatementParser.bank().parse("b.csv", (BANK + "2026-05-01,10:00:00,工资,2800,50,,2850.50,"
        + "某某科技有限公司,,网银,\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), bank.transactions());
  }

  @Test
  void problemsOfOtherFieldsAreUnchanged() {
    assertEquals(List.of(), StatementParser.alipay().parse("a.csv", (ALIPAY + "2026-05-01 10:00:00,转账红包,张三,,转账,支出,"
        + "12.00,账户余额,交易成功,1,,,\n").getBytes(StandardCharsets.UTF_8)).rejected().stream().map(Problem::reason)
        .toList());
  }
}
