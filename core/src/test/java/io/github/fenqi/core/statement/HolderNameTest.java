package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolderNameTest {
  @ParameterizedTest
  @CsvSource({
      "周子航, true", "*子航, true", "周*航, true", "周 子航, true", // equal, or agreeing wherever not masked
      "李子航, false", "*子帆, false", "***, false", "周子, false", "'', false"})
  void maskedFormsMatchWhereverTheyAreNotMaskedAndNothingElseDoes(String counterparty, boolean same) {
    assertEquals(same, StatementAnalyzer.sameName(counterparty, "周子航"), counterparty);
  }
}
