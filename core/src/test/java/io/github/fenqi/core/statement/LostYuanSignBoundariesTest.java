package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code ?} is told to stand for a lost yuan sign only before an amount's digits: a {@code ?} alone or before no
 * digit is an amount refused as any other text, the row named.
 */
class LostYuanSignBoundariesTest {
  @ParameterizedTest
  @ValueSource(strings = {"?", "?x", "?.50", "\uFFFD"})
  void aQuestionMarkBeforeNoDigitIsNoLostYuanSign(String field) {
    String text = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n"
        + "2026-05-01,10:00:00,POS消费,," + field + ",,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,12.00,,超市,,POS\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, s.transactions().size());
    List<Problem> rejected = s.rejected();
    assertEquals(1, rejected.size(), rejected.toString());
    assertEquals("b.csv:2", rejected.get(0).location());
    assertTrue(rejected.get(0).reason().startsWith("支出金额 '" + field + "'")
        && !rejected.get(0).reason().contains("yuan sign (¥) was"), rejected.toString());
  }
}
