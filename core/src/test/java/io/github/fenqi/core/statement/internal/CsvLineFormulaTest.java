package io.github.fenqi.core.statement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A field written as a spreadsheet's text formula, {@code ="…"}, is the text it shows, stripped, wherever it stands on
 * the line; a formula holding a quote of its own, and a field that only looks like one, are left as written.
 */
class CsvLineFormulaTest {
  @Test
  void aTextFormulaIsTheTextItShowsStripped() {
    assertEquals(List.of("2026103120007416501000250698", "12.00", "x"),
        CsvLine.split("=\"2026103120007416501000250698\",=\" 12.00 \",x"));
    assertEquals(List.of("a", "12.00", "b"), CsvLine.split("a,\"=\"\"12.00\"\"\",b"));
  }

  @Test
  void anEmptyTextFormulaShowsNothing() {
    assertEquals(List.of("a", "", "b"), CsvLine.split("a,=\"\",b"));
    assertEquals(List.of("a", ""), CsvLine.split("a,=\"\""));
  }

  @Test
  void aFormulaWithAQuoteOfItsOwnOrAFieldThatOnlyLooksLikeOneIsLeftAsWritten() {
    assertEquals(List.of("x", "=\"a\"b\"", "y"), CsvLine.split("x,=\"a\"b\",y"));
    assertEquals(List.of("1", "x\"abc\"", "2"), CsvLine.split("1,x\"abc\",2"));
  }
}
