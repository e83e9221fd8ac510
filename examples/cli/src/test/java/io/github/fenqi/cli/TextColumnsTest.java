package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wrapping text within terminal columns, as the text report's wrapped lines are. */
class TextColumnsTest {

  /**
   * Two columns for each East Asian wide or fullwidth character the Javadoc names — an ideograph (the first of the
   * block, 一, and one beyond the basic plane), kana, hangul, fullwidth forms and CJK punctuation — none for a combining
   * mark, one for anything else; padding counts columns, not characters.
   */
  @Test
  void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
    // and the first and last of the ranges the Javadoc names, where an off-by-one would show (㏿ ends the CJK squares)
    for (String wide : List.of("一", "个", "\uD840\uDC00", "カ", "한", "（", "：", "。", "、", "\u3041", "\u33FF",
        "\u4E00", "\u9FFF", "\uAC00", "\uD7A3", "\uFF00", "\uFF60")) {
      assertEquals(2, TextColumns.width(wide), wide);
    }
    assertEquals(1, TextColumns.width("e\u0301"), "e and a combining acute accent");
    assertEquals(3, TextColumns.width("a-1"));
    // a control or format character is printed as its six-character escape, and takes those six columns
    for (String shown : List.of("\u202E", "\u200B", "\u001B", "\u0007", "\u0085")) {
      StringWriter printed = new StringWriter();
      try (PrintWriter out = new PrintWriter(new TerminalSafeWriter(printed))) {
        out.print("a" + shown + "b");
      }
      assertEquals(printed.toString().length(), TextColumns.width("a" + shown + "b"), printed.toString());
      assertEquals(8, TextColumns.width("a" + shown + "b"), printed.toString());
    }
    assertEquals(1, TextColumns.width("\t"), "a tab is written as it is");
    assertEquals("信用卡1  |", TextColumns.left("信用卡1", 9) + "|");
    assertEquals("  信用卡1|", TextColumns.right("信用卡1", 9) + "|");
  }

  /** Words are kept whole; a Chinese sentence, which has no spaces, is broken by its characters' two columns each. */
  @Test
  void wrapsAtSpacesAndInsideARunOfIdeographsByTerminalColumns() {
    assertEquals(List.of("NO: Do not", "negotiate", "this plan."), TextColumns.wrap("NO: Do not negotiate this plan.", 10));
    assertEquals(List.of("请勿按此方", "案协商。"), TextColumns.wrap("请勿按此方案协商。", 10));
    assertEquals(List.of("yes"), TextColumns.wrap("yes", 10));
    assertEquals(List.of(""), TextColumns.wrap("", 10));
  }

  /**
   * A number, an amount or an identifier is never cut, not even inside a Chinese sentence (the wrap broke after the
   * last character that fit, so {@code 54,860.00} became {@code 54,8} and {@code 60.00}); one longer than a line
   * stands on a line of its own.
   */
  @Test
  void keepsNumbersAmountsAndIdentifiersWhole() {
    assertEquals(List.of("欠款合", "计54,860.00元。"), TextColumns.wrap("欠款合计54,860.00元。", 14));
    assertEquals(List.of("手机", "号139****5678。"), TextColumns.wrap("手机号139****5678。", 10));
    assertEquals(List.of("id", "abcdefghijklm", "x"), TextColumns.wrap("id abcdefghijklm x", 10));
  }

  /** No line begins with closing punctuation nor ends with opening punctuation; indented lines stay indented. */
  @Test
  void keepsPunctuationWithItsWordsAndTheIndentation() {
    assertEquals(List.of("依据《民", "法典》。"), TextColumns.wrap("依据《民法典》。", 8));
    assertEquals(List.of("依据", "《民法", "典》。"), TextColumns.wrap("依据《民法典》。", 6));
    assertEquals(List.of("  one two", "  three", "", "four"), TextColumns.wrap("  one two three\n\nfour", 9));
    assertEquals(List.of("note: one", "      two"), TextColumns.wrap("note: ", "one two", 10));
  }

  /**
   * A text whose words do not fit beside what comes first (a long file name in a narrow terminal) is wrapped under it,
   * not one word a line beside it with every line wider than the terminal.
   */
  @Test
  void aTextThatDoesNotFitBesideItsStartIsWrappedUnderIt() {
    assertEquals(List.of("a-long-file.csv", "  alipay GBK", "  read 141"),
        TextColumns.wrap("a-long-file.csv  ", "alipay GBK read 141", 14));
    assertEquals(List.of("ab: cdefgh"), TextColumns.wrap("ab: ", "cdefgh", 10), "exactly as wide as the terminal fits");
    assertEquals(List.of("  note: x.csv", "    one two"), TextColumns.wrap("  note: x.csv ", "one two", 12));
  }

  /**
   * What comes first takes its terminal columns, two for each Chinese character (a statement named {@code 账单.csv}),
   * both beside the text and in the indent under it: measured in characters, the text beside it ran past the width.
   */
  @Test
  void aChineseStartTakesTwoColumnsACharacter() {
    assertEquals(List.of("备注：one", "      two"), TextColumns.wrap("备注：", "one two", 10));
    assertEquals(List.of("账单.csv one", "         two"), TextColumns.wrap("账单.csv ", "one two", 14));
  }

  /** A table's row in a narrow terminal: its labelled values, as many to a line as fit, none broken. */
  @Test
  void fieldsArePackedWithinTheWidthAndNeverBroken() {
    assertEquals(List.of("  term 32  down 0.00", "  total 51600.00", "  a-field-wider-than-the-line"),
        TextColumns.fields("  ", List.of("term 32", "down 0.00", "total 51600.00", "a-field-wider-than-the-line"), 20));
  }

  /** COLUMNS sets the width when it is a sane number; another value is named in a warning, not used. */
  @Test
  void theWidthIsColumnsWhenSaneAndOtherwiseAHundredWithAWarning() {
    for (Map.Entry<String, Integer> c : Map.of("80", 80, " 132 ", 132, "40", 40, "1000", 1000).entrySet()) {
      StringWriter err = new StringWriter();
      assertEquals(c.getValue(), TextColumns.terminalWidth(n -> n.equals("COLUMNS") ? c.getKey() : null,
          new PrintWriter(err, true)));
      assertEquals("", err.toString());
    }
    assertEquals(100, TextColumns.terminalWidth(n -> null, new PrintWriter(new StringWriter())));
    for (String bad : List.of("abc", "0", "39", "1001", "-80", "80x")) {
      StringWriter err = new StringWriter();
      assertEquals(100, TextColumns.terminalWidth(n -> bad, new PrintWriter(err, true)));
      assertEquals("fenqi: warning: COLUMNS: '" + bad + "' is not a width from 40 to 1000; the text is wrapped at 100 "
          + "columns", err.toString().strip());
    }
  }
}
