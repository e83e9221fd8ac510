package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrapping text within terminal columns, as the text report's wrapped lines are. */
class TextColumnsTest {

  /** Words are kept whole; a Chinese sentence, which has no spaces, is broken by its characters' two columns each. */
  @Test
  void wrapsAtSpacesAndInsideARunOfIdeographsByTerminalColumns() {
    assertEquals(List.of("NO: Do not", "negotiate", "this plan."), TextColumns.wrap("NO: Do not negotiate this plan.", 10));
    assertEquals(List.of("请勿按此方", "案协商。"), TextColumns.wrap("请勿按此方案协商。", 10));
    assertEquals(List.of("abcdefghij", "klm"), TextColumns.wrap("abcdefghijklm", 10));
    assertEquals(List.of("yes"), TextColumns.wrap("yes", 10));
    assertEquals(List.of(""), TextColumns.wrap("", 10));
  }
}
