package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A line above the header is read as its fields joined by commas, so a quoted line of two fields states what the same
 * line unquoted does; a line whose quotes do not pair is read as written.
 */
class QuotedPreambleTest {
  private static final String HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道";
  private static final String ROW = "2026-05-01,20:15:03,POS消费,,80.00,1000.00,家家福超市,,POS";

  private static ParsedStatement bank(String preamble) {
    return StatementParser.bank().parse("b.csv", (preamble + HEADER + "\n" + ROW + "\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aQuotedLineOfTwoFieldsStatesWhatItStatesUnquoted() {
    ParsedStatement plain = bank("户名：周子航,账号：6228****5512\n");
    ParsedStatement quoted = bank("\"户名：周子航\",\"账号：6228****5512\"\n");
    assertEquals("周子航", plain.holderName());
    assertEquals(plain.holderName(), quoted.holderName());
  }

  @Test
  void aLineWhoseQuotesDoNotPairIsReadAsWritten() {
    Charset gbk = Charset.forName("GBK");
    String alipay = new String(Samples.bytes("samples/statements/alipay_A.csv"), gbk);
    ParsedStatement plain = StatementParser.alipay().parse("a.csv", alipay.getBytes(gbk));
    String unpaired = alipay.replaceFirst("共(\\d+)笔记录", "共$1笔记录,\"备注");
    assertEquals(false, unpaired.equals(alipay));
    ParsedStatement read = StatementParser.alipay().parse("a.csv", unpaired.getBytes(gbk));
    assertEquals(List.of(), read.rejected());
    assertEquals(plain.statedTotals(), read.statedTotals());
  }
}
