package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cleaned text is immutable, as its Javadoc says: its findings are its own copy. */
class CleanedTextTest {
  @Test
  void theFindingsAreACopyThatCannotBeChanged() {
    SensitiveMatch m = new SensitiveMatch("投诉", "complaint", 0, 2, "投诉");
    List<SensitiveMatch> given = new ArrayList<>(List.of(m));
    CleanedText cleaned = new CleanedText("", given);
    given.clear();
    assertEquals(List.of(m), cleaned.findings());
    assertThrows(UnsupportedOperationException.class, () -> cleaned.findings().add(m));
  }
}
