package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.Problem;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where another export joined on is found, and where it is not: its first line is compared without the commas after
 * it (a copy saved again by a spreadsheet writes 微信支付账单明细 without them), blank lines after it are no lines to
 * reject, and a bank's title repeated above each page's header (an export saved page by page) starts no other export.
 */
class JoinedExportBoundariesTest {
  private static String wechat() {
    return new String(Samples.bytes("samples/statements/wechat_A.csv"), StandardCharsets.UTF_8);
  }

  @Test
  void aJoinedExportWhoseFirstLineLostItsCommasIsFoundAndItsBlankLinesAreNotRejected() {
    String wechat = wechat();
    String title = wechat.lines().findFirst().orElseThrow();
    assertTrue(title.endsWith(",,,"), title);
    String second = wechat.replace(title, "微信支付账单明细").replaceFirst("\n", "\n\n");
    ParsedStatement alone = StatementParser.wechat().parse("w.csv", wechat.getBytes(StandardCharsets.UTF_8));
    ParsedStatement both = StatementParser.wechat().parse("w.csv", (wechat + second).getBytes(StandardCharsets.UTF_8));

    int joinedAt = (int) wechat.lines().count() + 1;
    assertEquals(alone.transactions(), both.transactions());
    assertEquals("w.csv:" + joinedAt, both.rejected().get(0).location());
    assertTrue(both.rejected().get(0).reason().startsWith("the export's first line again: another export joined on at "
        + "line " + joinedAt), both.rejected().get(0).toString());
    for (Problem p : both.rejected()) {
      assertTrue(p.reason().contains("another export joined on at line " + joinedAt), p.toString());
      assertTrue(!p.location().equals("w.csv:" + (joinedAt + 1)), "the blank line is rejected: " + p);
    }
    assertEquals(second.lines().filter(l -> !l.isBlank()).count(), both.rejected().size());
  }

  @Test
  void aBankTitleRepeatedAboveEachPageStartsNoOtherExport() {
    String header = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道";
    String page1 = "账户交易明细\n" + header + "\n2026-05-01,20:15:03,POS消费,,80.00,1000.00,家家福超市,,POS\n";
    String page2 = "账户交易明细\n" + header + "\n2026-05-02,09:00:00,POS消费,,20.00,980.00,家家福超市,,POS\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv", (page1 + page2).getBytes(StandardCharsets.UTF_8));
    assertEquals(2, s.transactions().size(), s.rejected().toString());
    assertTrue(s.rejected().stream().noneMatch(p -> p.reason().contains("joined")), s.rejected().toString());
  }

  /** A line among the rows that only begins with the export's first line is no other export: the rows after it are read. */
  @Test
  void aLineThatOnlyBeginsWithTheFirstLineStartsNoOtherExport() {
    String wechat = wechat();
    String firstRow = wechat.lines().filter(l -> l.startsWith("2026-")).findFirst().orElseThrow();
    String inserted = wechat.replace(firstRow + "\n", firstRow + "\n微信支付账单明细（续）,,,,,,,,,,\n");
    assertTrue(!inserted.equals(wechat));
    ParsedStatement alone = StatementParser.wechat().parse("w.csv", wechat.getBytes(StandardCharsets.UTF_8));
    ParsedStatement s = StatementParser.wechat().parse("w.csv", inserted.getBytes(StandardCharsets.UTF_8));
    assertEquals(alone.transactions().size(), s.transactions().size());
    assertEquals(1, s.rejected().size(), s.rejected().toString());
    assertTrue(!s.rejected().get(0).reason().contains("joined"), s.rejected().toString());
  }
}
