package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HolderNameTest {
  @Test
  void maskedFormsMatchWhereverTheyAreNotMasked() {
    assertTrue(StatementAnalyzer.sameName("周子航", "周子航"));
    assertTrue(StatementAnalyzer.sameName("*子航", "周子航"));
    assertTrue(StatementAnalyzer.sameName("周*航", "周子航"));
    assertTrue(StatementAnalyzer.sameName("周 子航", "周子航"));
  }

  @Test
  void otherNamesAllAsterisksAndOtherLengthsDoNotMatch() {
    assertFalse(StatementAnalyzer.sameName("李子航", "周子航"));
    assertFalse(StatementAnalyzer.sameName("*子帆", "周子航"));
    assertFalse(StatementAnalyzer.sameName("***", "周子航"));
    assertFalse(StatementAnalyzer.sameName("周子", "周子航"));
    assertFalse(StatementAnalyzer.sameName("", "周子航"));
  }
}
