package io.github.fenqi.core.statement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/** Bounds {@link TextDecoding} documents that mutation round 27 found held by no test, each tested on both sides. */
class TextDecodingBoundsTest {

  /**
   * Big5 text is told when its first lines hold "at least two" of the traditional column names: two are enough (a
   * mutant asking three passed every test), one is not (it may be a word of a GBK file's prose read as Big5).
   */
  @Test
  void twoTraditionalColumnNamesTellBig5AndOneDoesNot() {
    Charset big5 = Charset.forName("Big5");
    assertEquals("Big5 (traditional Chinese)", TextDecoding.big5("交易時間,金額,備考\n".getBytes(big5)));
    assertNull(TextDecoding.big5("交易時間,數目,備考\n".getBytes(big5)));
  }
}
