package io.github.fenqi.core.statement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Big5 is told only of text that is Big5: GBK or UTF-8 text, whatever its characters (the column names of a header in
 * traditional characters among them), is never refused as Big5, and a header in traditional characters saved as Big5
 * always is.
 */
class Big5Properties {
  private static final List<String> NAMES = List.of("交易時間", "交易日期", "金額", "對方戶名", "賬戶餘額", "摘要",
      "收/支", "備註", "交易时间", "金额", "对方户名", "账户余额", "收入金额", "支出金额", "超市", "臺北", "工资");

  /** Lines of column names, common Han characters and ASCII, as statement text holds. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> han = Arbitraries.chars().range('\u4E00', '\u9FA5').list().ofMinSize(1).ofMaxSize(8)
        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(NAMES), han, Arbitraries.of(",", "\n", "12.00", "/"));
    return piece.list().ofMinSize(1).ofMaxSize(60).map(l -> String.join("", l));
  }

  @Property(tries = 1000)
  void gbkOrUtf8TextIsNeverToldBig5(@ForAll("texts") String text) {
    Charset gb18030 = Charset.forName("GB18030");
    assertNull(TextDecoding.big5(text.getBytes(gb18030)), text);
    assertNull(TextDecoding.big5(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), text);
  }

  @Property(tries = 200)
  void aTraditionalHeaderSavedAsBig5IsToldBig5(@ForAll("texts") String rows) {
    Charset big5 = Charset.forName("Big5");
    String text = "交易日期,交易時間,摘要,收入金額,支出金額,賬戶餘額,對方戶名\n" + rows;
    String canBig5 = big5.newEncoder().canEncode(text) ? text : "交易日期,交易時間,摘要,收入金額,支出金額,賬戶餘額,對方戶名\n";
    assertEquals("Big5 (traditional Chinese)", TextDecoding.big5(canBig5.getBytes(big5)));
  }
}
