package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.Problem;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two WeChat exports joined into one file ({@code cat may.csv jun.csv}, or pasted one under the other): the second
 * export's lines, from its title line on, are rejected as another export joined on, naming the line it starts at, and
 * none of them is quoted — each of its preamble lines had been rejected as a row whose 交易时间 is no date, quoting
 * the line (微信昵称：[子航], the holder's nickname, in clear), each of its rows as a row after a closing line.
 */
class JoinedExportsTest {
  @Test
  void aSecondExportJoinedOnIsRejectedFromItsTitleLineNamingIt() {
    String wechat = new String(Samples.bytes("samples/statements/wechat_A.csv"), StandardCharsets.UTF_8);
    String second = wechat.replace("2026-10-31 23:59:59", "2026-12-31 23:59:59");
    byte[] joined = (wechat + second).getBytes(StandardCharsets.UTF_8);
    ParsedStatement alone = StatementParser.wechat().parse("w.csv", wechat.getBytes(StandardCharsets.UTF_8));
    ParsedStatement both = StatementParser.wechat().parse("w.csv", joined);

    int joinedAt = (int) wechat.lines().count() + 1;
    assertEquals(alone.transactions(), both.transactions());
    assertEquals(alone.statedTotals(), both.statedTotals());
    assertTrue(both.rejected().size() > 60, both.rejected().toString());
    for (Problem p : both.rejected()) {
      assertTrue(Integer.parseInt(p.location().substring("w.csv:".length())) >= joinedAt, p.toString());
      assertTrue(p.reason().contains("another export joined on at line " + joinedAt), p.toString());
      assertTrue(!p.reason().contains("子航") && !p.reason().contains("微信"), p.toString());
    }
    assertEquals("w.csv:" + joinedAt, both.rejected().get(0).location());
  }

  /**
   * Two Alipay exports joined: the second's ruler line ends the first's rows, and each row after it is rejected as a
   * row of another export joined on at its first line of text (导出信息：), where each had been told to be a row after
   * a closing line, to be read by removing that line — which would have read its preamble lines as rows.
   */
  @Test
  void theRowsOfASecondAlipayExportJoinedOnAreToldToBeAnotherExports() {
    java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
    String alipay = new String(Samples.bytes("samples/statements/alipay_A.csv"), gbk);
    ParsedStatement alone = StatementParser.alipay().parse("a.csv", alipay.getBytes(gbk));
    ParsedStatement both = StatementParser.alipay().parse("a.csv", (alipay + alipay).getBytes(gbk));

    int lines = (int) alipay.lines().count();
    assertEquals(alone.transactions(), both.transactions());
    assertEquals(alone.rowsRead() + 1, both.rejected().size()); // its rows and its header line
    for (Problem p : both.rejected()) {
      assertTrue(p.reason().startsWith("a row of another export joined on at line " + (lines + 2) + ", after the "
          + "closing '---' line " + (lines + 1)), p.toString());
    }
  }
}
