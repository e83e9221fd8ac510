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

  /**
   * One '*' masks one character, also one beyond the BMP (𠮷, U+20BB7, two chars in UTF-16): 周* had been refused as
   * 周𠮷 for its length, so the holder's own transfers counted as income or spending.
   */
  @ParameterizedTest
  @CsvSource({"周*, true", "*𠮷, true", "周𠮷, true", "**, false", "周**, false", "周*航, false", "李*, false", "*吉, false"})
  void aMaskHidesOneCharacterEvenBeyondTheBasicPlane(String counterparty, boolean same) {
    assertEquals(same, StatementAnalyzer.sameName(counterparty, "周𠮷"), counterparty);
  }
}
