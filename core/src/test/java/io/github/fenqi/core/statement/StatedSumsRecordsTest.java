package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link FooterTotals} and {@link PageTotals} hold what their Javadoc states, as a caller building them in code (or a
 * parser for another bank) meets them: a sum stated on a line of the file (≥ 1), never negative, the footer's first line
 * the first stating a sum, a later line's sum taken only where the earlier states none, and a page's first line at
 * most its totals line.
 */
class StatedSumsRecordsTest {
  private static final Money SUM = Money.of("57694.90");

  @Test
  void aFooterSumStatedOnNoLineOfTheFileOrNegativeIsRefusedNamingTheField() {
    InvalidInputException noLine = assertThrows(InvalidInputException.class, () -> new FooterTotals(0, SUM, 0, null));
    assertEquals(List.of(Problem.of("creditLine", "0 is not a line of a file (≥ 1)")), noLine.problems());
    InvalidInputException negative = assertThrows(InvalidInputException.class,
        () -> new FooterTotals(0, null, 88, Money.of("-1.00")));
    assertEquals(List.of(Problem.of("debit", "-1.00 is negative")), negative.problems());
  }

  @Test
  void aFootersLineIsTheFirstStatingASumAndAnEarlierLinesSumIsKept() {
    assertEquals(88, new FooterTotals(90, SUM, 88, Money.of("1.00")).line());
    assertEquals(88, new FooterTotals(88, SUM, 90, Money.of("1.00")).line());
    FooterTotals first = new FooterTotals(88, SUM, 0, null);
    FooterTotals later = new FooterTotals(89, SUM.plus(Money.ofFen(1)), 90, Money.of("1.00"));
    assertEquals(new FooterTotals(88, SUM, 90, Money.of("1.00")), first.and(later));
  }

  @Test
  void aPageMayEndOnItsFirstLineAndItsSumsAreNeverNegative() {
    assertEquals(5, new PageTotals(5, 5, Money.ZERO, null).firstLine());
    InvalidInputException negative = assertThrows(InvalidInputException.class,
        () -> new PageTotals(42, 2, null, Money.of("-0.01")));
    assertEquals(List.of(Problem.of("debit", "-0.01 is negative")), negative.problems());
  }
}
