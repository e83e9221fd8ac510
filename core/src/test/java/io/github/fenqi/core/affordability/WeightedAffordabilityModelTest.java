package io.github.fenqi.core.affordability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.testkit.Samples;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class WeightedAffordabilityModelTest {
  private final AffordabilityModel model = AffordabilityModel.defaults();

  private static Borrower borrower(String income, String essentials, String region, int household) {
    return new Borrower("王五", null, null, region, household, income == null ? null : Money.of(income),
        essentials == null ? null : Money.of(essentials), Money.ZERO, List.of(), false);
  }

  @Test
  void sampleBorrowerFromDeclaredFigures() {
    AffordabilityAssessment a = model.assess(AffordabilityInput.declared(Samples.sampleCase().borrower()));
    // Shanghai 1510 × 1.2 × 2 people = 3624 < declared 3800, so essentials stay 3800
    assertEquals(Money.of("3624.00"), a.livingCostFloor().floor());
    assertEquals(Money.of("3800.00"), a.essentialExpenses());
    assertEquals(Money.of("1140.00"), a.abilityScore(), "9500 × 0.6 − 3800 × 1.2");
    assertEquals(Money.of("1140.00"), a.maxAffordableInstallment());
    assertTrue(a.canSupportPlan());
    assertEquals(AffordabilityAssessment.IncomeSource.DECLARED, a.incomeSource());
  }

  @Test
  void essentialsNeverFallBelowTheRegionalFloorAndTheRowIsNamed() {
    AffordabilityAssessment a = model.assess(AffordabilityInput.declared(borrower("20000", "500", "440106", 3)));
    assertEquals("440100", a.livingCostFloor().row().code(), "a Guangzhou district falls back to the city row");
    assertEquals(Money.of("4431.60"), a.essentialExpenses(), "1231 × 1.2 × 3");
    assertTrue(a.notes().contains("essentials 4431.60 = max(observed 500.00, floor 4431.60 = 1231.00 (广州市 2024 低保) × "
        + "uplift 1.2 × household of 3)"), a.notes().toString());
    AffordabilityAssessment unknown = model.assess(AffordabilityInput.declared(borrower("20000", "500", "650100", 1)));
    assertTrue(unknown.livingCostFloor().fallback());
    assertEquals(Money.of("960.00"), unknown.essentialExpenses(), "national default 800 × 1.2");
  }

  @Test
  void scoreAtOrBelowZeroMeansNoPlanIsAffordable() {
    AffordabilityAssessment a = model.assess(AffordabilityInput.declared(borrower("3000", "2000", "310000", 1)));
    assertFalse(a.canSupportPlan());
    assertEquals(Money.ZERO, a.maxAffordableInstallment());
    assertTrue(a.abilityScore().isNegative());
  }

  @Test
  void statementIncomeIsTheMedianOfRecentMonthsAndDiscrepanciesAreReported() {
    List<MonthlyFigures> months = new ArrayList<>();
    long[] incomes = {9000, 9100, 30000, 9200, 9300, 9400, 9500};
    for (int i = 0; i < incomes.length; i++) {
      months.add(new MonthlyFigures(YearMonth.of(2026, 4 + i), Money.ofYuan(incomes[i]), Money.ofYuan(incomes[i]),
          Money.ofYuan(3000), Money.ZERO));
    }
    AffordabilityAssessment a = model.assess(new AffordabilityInput(borrower("15000", null, "310000", 1), months));
    assertEquals(6, a.incomeMonthsUsed(), "the last six months");
    assertEquals(Money.of("9350.00"), a.monthlyNetIncome(), "median of 9100, 30000, 9200, 9300, 9400, 9500");
    assertTrue(a.incomeVolatility().isPresent());
    assertTrue(a.notes().stream().anyMatch(n -> n.startsWith("declared income 15000.00 differs")), a.notes().toString());
  }

  @Test
  void noIncomeAtAllIsRejectedNamingTheField() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> model.assess(AffordabilityInput.declared(borrower(null, null, "310000", 1))));
    assertEquals("borrower.monthlyNetIncome", e.problems().get(0).location());
  }

  @Property(tries = 300)
  void budgetIsNeverNegativeNorAboveHalfOfIncome(@ForAll @LongRange(min = 0, max = 100_000_000) long income,
      @ForAll @LongRange(min = 0, max = 100_000_000) long essentials) {
    AffordabilityAssessment a = model.assess(AffordabilityInput.declared(
        borrower(Money.ofFen(income).toString(), Money.ofFen(essentials).toString(), "310000", 1)));
    assertFalse(a.maxAffordableInstallment().isNegative());
    assertTrue(a.maxAffordableInstallment().fen() * 2 <= income);
    assertTrue(a.essentialExpenses().fen() >= essentials);
  }

  /**
   * Months of two statements given separately (2026-05 twice at 9000, 2026-06 at 0) had counted May twice: a median of
   * 9000 where the two months give 4500, and a budget to match. A month given twice is named.
   */
  @Test
  void aMonthGivenTwiceIsRejectedNotCountedTwice() {
    MonthlyFigures may = new MonthlyFigures(YearMonth.of(2026, 5), Money.ofYuan(9000), Money.ofYuan(9000), Money.ZERO, Money.ZERO);
    MonthlyFigures june = new MonthlyFigures(YearMonth.of(2026, 6), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new AffordabilityInput(borrower(null, null, "310000", 1), List.of(may, june, may)));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("statementMonths[2].month", "2026-05 is also statementMonths[0]: "
        + "one figure per month (sum the statements' months, as StatementAnalysis.monthlyFigures does)")), e.problems());
    assertEquals(Money.of("4500.00"), model.assess(new AffordabilityInput(borrower(null, null, "310000", 1), List.of(june, may)))
        .monthlyNetIncome());
  }

  /**
   * A statement month sums many rows of up to 10^15 yuan each; two months of 5 × 10^16 yuan had made the median overflow
   * with an ArithmeticException. A month's figure above 10^15 yuan is an input error naming the month.
   */
  @Test
  void aMonthlyFigureAboveTheAmountBoundIsNamedNotOverflowed() {
    Money huge = Money.ofFen(5_000_000_000_000_000_000L);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new MonthlyFigures(YearMonth.of(2026, 5), huge, Money.ZERO, Money.ZERO, Money.ZERO));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("2026-05 income", "50000000000000000.00 is above "
        + "1000000000000000.00, more than any borrower's month")), e.problems());
    MonthlyFigures most = new MonthlyFigures(YearMonth.of(2026, 5), MonthlyFigures.MAX, MonthlyFigures.MAX,
        MonthlyFigures.MAX, MonthlyFigures.MAX);
    MonthlyFigures next = new MonthlyFigures(YearMonth.of(2026, 6), MonthlyFigures.MAX, Money.ZERO, MonthlyFigures.MAX, Money.ZERO);
    AffordabilityAssessment a = model.assess(new AffordabilityInput(borrower(null, null, "310000", 20), List.of(most, next)));
    assertEquals(MonthlyFigures.MAX, a.monthlyNetIncome());
    assertFalse(a.canSupportPlan());
  }

  /**
   * A month without its month had been accepted and broke AffordabilityInput's sort with a bare NullPointerException;
   * a missing figure was one here; a negative figure did not say which; a salary above the month's income (of which it
   * is a part) was accepted. Each is named with the month and the figure, all at once.
   */
  @Test
  void aMonthsProblemsAreEachNamedWithTheFigure() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new MonthlyFigures(null, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("month", "is missing")), e.problems());
    e = assertThrows(InvalidInputException.class,
        () -> new MonthlyFigures(YearMonth.of(2026, 5), null, Money.ZERO, Money.ofYuan(-1), Money.ZERO));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("2026-05 income", "is missing"),
        io.github.fenqi.core.Problem.of("2026-05 essentialExpenses", "-1.00 is negative")), e.problems());
    e = assertThrows(InvalidInputException.class,
        () -> new MonthlyFigures(YearMonth.of(2026, 5), Money.ofYuan(3000), Money.ofYuan(9000), Money.ZERO, Money.ZERO));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("2026-05 salaryIncome", "9000.00 is more than the month's income "
        + "3000.00, of which it is a part")), e.problems());
    assertEquals(Money.ofYuan(9000), new MonthlyFigures(YearMonth.of(2026, 5), Money.ofYuan(9000), Money.ofYuan(9000),
        Money.ZERO, Money.ZERO).salaryIncome(), "a month of salary only");
  }

  /** A missing borrower had passed and failed inside the model with a bare NullPointerException; a missing list or month too. */
  @Test
  void aMissingBorrowerListOrMonthIsNamed() {
    MonthlyFigures may = new MonthlyFigures(YearMonth.of(2026, 5), Money.ofYuan(9000), Money.ZERO, Money.ZERO, Money.ZERO);
    List<MonthlyFigures> withGap = new ArrayList<>(List.of(may));
    withGap.add(null);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new AffordabilityInput(null, withGap));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("borrower", "is missing"),
        io.github.fenqi.core.Problem.of("statementMonths[1]", "is missing")), e.problems());
    e = assertThrows(InvalidInputException.class, () -> new AffordabilityInput(borrower("9000", null, "310000", 1), null));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("statementMonths",
        "is missing (an empty list when there are no statements)")), e.problems());
  }
  /** A missing part of the model is named when it is built, not by a NullPointerException at the first assessment. */
  @Test
  void aMissingCoefficientsOrFloorIsNamedWhenTheModelIsBuilt() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> AffordabilityModel.weighted(null, null));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("coefficients", "is required"),
        io.github.fenqi.core.Problem.of("floor", "is required")), e.problems());
  }

  /**
   * Only part months: they are used rather than none, and the notes say their figures may be understated; a part
   * month among whole ones is left out. A month's days covered lie within its length, named otherwise.
   */
  @Test
  void partMonthsAreUsedOnlyWhenNoMonthIsWholeAndSaidSo() {
    MonthlyFigures mayPart = new MonthlyFigures(YearMonth.of(2026, 5), Money.ofYuan(9000), Money.ofYuan(9000),
        Money.ZERO, Money.ZERO, 12);
    MonthlyFigures junePart = new MonthlyFigures(YearMonth.of(2026, 6), Money.ofYuan(1000), Money.ZERO, Money.ZERO,
        Money.ZERO, 9);
    AffordabilityAssessment parts = model.assess(new AffordabilityInput(borrower(null, null, "310000", 1),
        List.of(mayPart, junePart)));
    assertEquals(Money.ofYuan(5000), parts.monthlyNetIncome());
    assertEquals(2, parts.incomeMonthsUsed());
    assertEquals("no month is covered by the statements from its first day to its last: the part months 2026-05 (12 "
        + "of 31 days), 2026-06 (9 of 30 days) are used, and their income and spending may be understated; statements "
        + "of a whole month give a truer budget", parts.notes().get(0));
    MonthlyFigures april = new MonthlyFigures(YearMonth.of(2026, 4), Money.ofYuan(8000), Money.ofYuan(8000),
        Money.ZERO, Money.ZERO);
    AffordabilityAssessment mixed = model.assess(new AffordabilityInput(borrower(null, null, "310000", 1),
        List.of(april, mayPart, junePart)));
    assertEquals(Money.ofYuan(8000), mixed.monthlyNetIncome());
    assertEquals(1, mixed.incomeMonthsUsed());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new MonthlyFigures(YearMonth.of(2026, 2),
        Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, 29));
    assertEquals("2026-02 daysCovered", e.problems().get(0).location());
  }

  /**
   * A score of exactly 0 supports no plan: {@code canSupportPlan} holds exactly when the score is above 0. Shanghai's
   * floor for one, 1510 × 1.2 = 1812.00, × 1.2 is 2174.40, which is 3624.00 × 0.6.
   */
  @Test
  void aScoreOfExactlyZeroSupportsNoPlan() {
    AffordabilityAssessment a = model.assess(AffordabilityInput.declared(borrower("3624", "1000", "310000", 1)));
    assertEquals(Money.ZERO, a.abilityScore());
    assertFalse(a.canSupportPlan());
    assertEquals(Money.ZERO, a.maxAffordableInstallment());
  }

  /**
   * A month is whole only when the statements cover every one of its days: June's 29 of 30 days are a part month, left
   * out beside a whole May. A month is covered 1 to its length of days: 0 is named.
   */
  @Test
  void aMonthShortOfOneDayIsAPartMonthAndOneOfNoDayIsRefused() {
    MonthlyFigures may = new MonthlyFigures(YearMonth.of(2026, 5), Money.ofYuan(8000), Money.ofYuan(8000), Money.ZERO,
        Money.ZERO);
    MonthlyFigures june = new MonthlyFigures(YearMonth.of(2026, 6), Money.ofYuan(2000), Money.ZERO, Money.ZERO,
        Money.ZERO, 29);
    assertFalse(june.wholeMonth());
    AffordabilityAssessment a = model.assess(new AffordabilityInput(borrower(null, null, "310000", 1), List.of(may, june)));
    assertEquals(Money.ofYuan(8000), a.monthlyNetIncome());
    assertEquals(1, a.incomeMonthsUsed());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new MonthlyFigures(YearMonth.of(2026, 6),
        Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, 0));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("2026-06 daysCovered", "0 is not within 1..30, the days of the "
        + "month")), e.problems());
  }

  /**
   * Months are given in any order and sorted on construction, so the last six are the latest six: given newest first,
   * seven months still leave out the oldest (counted, its 1 000.00 would make the median 7 000.00).
   */
  @Test
  void monthsGivenInAnyOrderAreSortedAndTheLatestSixUsed() {
    List<MonthlyFigures> newestFirst = new ArrayList<>();
    for (int m = 7; m >= 1; m--) {
      long income = m == 1 ? 1000 : 7000 + 1000L * (m % 2);
      newestFirst.add(new MonthlyFigures(YearMonth.of(2026, m), Money.ofYuan(income), Money.ZERO, Money.ZERO, Money.ZERO));
    }
    AffordabilityInput input = new AffordabilityInput(borrower(null, null, "310000", 1), newestFirst);
    assertEquals(YearMonth.of(2026, 1), input.statementMonths().get(0).month());
    assertEquals(YearMonth.of(2026, 7), input.statementMonths().get(6).month());
    AffordabilityAssessment a = model.assess(input);
    assertEquals(Money.ofYuan(7500), a.monthlyNetIncome(), a.notes().toString());
    assertTrue(a.notes().contains("income 7500.00 is the median of 6 statement months (2026-02, 2026-03, 2026-04, "
        + "2026-05, 2026-06, 2026-07)"), a.notes().toString());
  }
}
