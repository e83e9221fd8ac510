package io.github.fenqi.core.affordability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.money.Money;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The figures the affordability documentation states, each at the edge where a slip of one (a fen, a boundary, a
 * constant) shows: half of income rounded down, the default share of one half, the weights' open lower bounds, the
 * 10 % discrepancy note, volatility from two months, and a floor of exactly the largest amount.
 */
class AffordabilityDocumentedFiguresTest {
  private static final AffordabilityModel MODEL = AffordabilityModel.defaults();

  private static Borrower declared(Money income, Money essentials) {
    return new Borrower("王五", null, null, "310000", 1, income, essentials, Money.ZERO, List.of(), false);
  }

  private static MonthlyFigures month(int m, String income) {
    return new MonthlyFigures(YearMonth.of(2026, m), Money.of(income), Money.of(income), Money.of("3000"), Money.ZERO);
  }

  @Test
  void aHighIncomeIsCappedAtHalfRoundedDownNeverAFenAbove() {
    // 100 000.01 × 0.6 − 1812 × 1.2 is far above the cap: the budget is half the income, 50 000.005, down to the fen
    AffordabilityAssessment a = MODEL.assess(AffordabilityInput.declared(declared(Money.of("100000.01"), Money.ZERO)));
    assertEquals(Money.of("50000.00"), a.maxAffordableInstallment(), a.notes().toString());
    assertEquals(List.of(), a.outsideBounds());
  }

  /**
   * {@link AffordabilityCalibration} counts "the plans the model would have allowed": an installment of exactly the
   * model's budget is one of them and a fen more is not, so the two compute the score and the cap to the same fen.
   */
  @Property(tries = 300)
  void theCalibrationAllowsExactlyWhatTheModelBudgets(@ForAll @LongRange(min = 0, max = 10_000_000_00L) long income,
      @ForAll @LongRange(min = 2000_00, max = 10_000_000_00L) long essentials) { // above Shanghai's floor of 1 812.00
    AffordabilityAssessment a = MODEL.assess(AffordabilityInput.declared(declared(Money.ofFen(income),
        Money.ofFen(essentials))));
    Money budget = a.maxAffordableInstallment();
    if (!a.canSupportPlan()) {
      return;
    }
    AffordabilityCalibration one = new AffordabilityCalibration(List.of(new BigDecimal("0.6")),
        List.of(new BigDecimal("1.2")), new BigDecimal("0.5"));
    AffordabilityCalibration.Result r = one.calibrate(List.of(
        new RepaymentOutcome(Money.ofFen(income), Money.ofFen(essentials), budget, false),
        new RepaymentOutcome(Money.ofFen(income), Money.ofFen(essentials), budget.plus(Money.ofFen(1)), false)), 0.0, 1);
    assertEquals(1, r.plansAllowed(), "budget " + budget + " of income " + income + ", essentials " + essentials);
  }

  @Test
  void aWeightOrShareOfZeroIsOutsideItsOpenBound() {
    InvalidInputException w = assertThrows(InvalidInputException.class,
        () -> new AffordabilityCoefficients(BigDecimal.ZERO, new BigDecimal("1.2"), new BigDecimal("0.5")));
    assertEquals("incomeWeight", w.problems().get(0).location());
    InvalidInputException s = assertThrows(InvalidInputException.class,
        () -> new AffordabilityCoefficients(new BigDecimal("0.6"), new BigDecimal("1.2"), BigDecimal.ZERO));
    assertEquals("maxIncomeShare", s.problems().get(0).location());
  }

  @Test
  void aDeclaredIncomeIsNotedOnlyWhenItDiffersByMoreThanTenPercent() {
    // the statements' figure is the larger one here, so "10 %" is of the same 100.00 however it is read
    assertFalse(differs("90.00", "100.00"), "exactly 10 % is not more than 10 %");
    assertTrue(differs("89.50", "100.00"), "10.5 %");
  }

  @Test
  void theDiscrepancyNoteSaysItsTenPercentAreOfTheLargerFigure() {
    // 111.00 declared is 11 % above the statements' 100.00 but 9.9 % of itself: not noted, and the note says why
    assertFalse(differs("111.00", "100.00"), "11.00 is 9.9 % of the larger 111.00");
    assertTrue(differs("111.20", "100.00"), "11.20 is 10.07 % of the larger 111.20");
    AffordabilityAssessment a = MODEL.assess(new AffordabilityInput(declared(Money.of("111.20"), null),
        List.of(month(4, "100.00"))));
    assertTrue(a.notes().contains("declared income 111.20 differs from the statements' 100.00 by more than 10 % of the "
        + "larger figure"), a.notes().toString());
  }

  private static boolean differs(String declaredIncome, String statementIncome) {
    AffordabilityAssessment a = MODEL.assess(new AffordabilityInput(declared(Money.of(declaredIncome), null),
        List.of(month(4, statementIncome))));
    return a.notes().stream().anyMatch(n -> n.startsWith("declared income " + declaredIncome + " differs"));
  }

  @Test
  void twoStatementMonthsGiveAVolatilityAndOneDoesNot() {
    AffordabilityInput two = new AffordabilityInput(declared(null, null), List.of(month(4, "1000"), month(5, "3000")));
    assertTrue(MODEL.assess(two).incomeVolatility().isPresent());
    AffordabilityInput one = new AffordabilityInput(declared(null, null), List.of(month(4, "1000")));
    assertTrue(MODEL.assess(one).incomeVolatility().isEmpty());
  }

  /**
   * The volatility is the coefficient of variation with the sample standard deviation (n − 1), the figure the stress
   * test draws income shocks from: 1 000 and 3 000 deviate √((1 000² + 1 000²) / 1) = 1 414.21 from their mean of
   * 2 000, 0.7071 of it (the population deviation, 1 000, would have said 0.5).
   */
  @Test
  void theVolatilityOfTwoMonthsIsTheirSampleCoefficientOfVariation() {
    AffordabilityInput two = new AffordabilityInput(declared(null, null), List.of(month(4, "1000"), month(5, "3000")));
    assertEquals(Math.sqrt(2) / 2, MODEL.assess(two).incomeVolatility().orElseThrow(), 1e-12);
  }

  @Test
  void aStandardWhoseLargestFloorIsExactlyTheLargestAmountIsKept() {
    // 50 000 000 000 000 × 1 × 20 = 10^15 yuan, the largest amount itself: not above it
    LivingCostFloor table = LivingCostFloor.fromCsv(new ByteArrayInputStream(("code,name,monthlyYuan,year,verified,source\n"
        + "310000,上海市,50000000000000,2024,false,x\n").getBytes(StandardCharsets.UTF_8)), "floor.csv", BigDecimal.ONE,
        Money.ofYuan(800));
    assertEquals(Money.LARGEST_INPUT, table.floor("310000", Borrower.MAX_HOUSEHOLD_SIZE).floor());
  }

  /**
   * Declared essentials are held to the statements' as declared income is: more than 10 % of the larger figure apart is
   * noted, exactly 10 % is not.
   */
  @Test
  void declaredEssentialsAreNotedOnlyWhenTheyDifferByMoreThanTenPercent() {
    assertTrue(essentialsDiffer("2699.99"), "10.0003 % of the statements' 3000.00");
    assertFalse(essentialsDiffer("2700.00"), "exactly 10 % is not more than 10 %");
  }

  private static boolean essentialsDiffer(String declaredEssentials) {
    AffordabilityAssessment a = MODEL.assess(new AffordabilityInput(declared(null, Money.of(declaredEssentials)),
        List.of(month(4, "9000.00"))));
    return a.notes().contains("declared essential expenses " + declaredEssentials + " differs from the statements' "
        + "3000.00 by more than 10 % of the larger figure");
  }

  /**
   * The median of an even number of months is the mean of the middle two, rounded down to the fen: the README's May of
   * 8 642.17 and a month of 1 000.00 give 4 821.08 (4 821.085).
   */
  @Test
  void theMedianOfTwoMonthsIsTheirMeanRoundedDownToTheFen() {
    AffordabilityAssessment a = MODEL.assess(new AffordabilityInput(declared(null, null),
        List.of(month(5, "8642.17"), month(6, "1000.00"))));
    assertEquals(Money.of("4821.08"), a.monthlyNetIncome(), a.notes().toString());
  }

  /**
   * Months of no income have no coefficient of variation (it divides by the mean income): none is given, where one of
   * NaN is no volatility the stress test can run on.
   */
  @Test
  void monthsOfNoIncomeGiveNoVolatility() {
    AffordabilityAssessment a = MODEL.assess(new AffordabilityInput(declared(null, null),
        List.of(month(4, "0.00"), month(5, "0.00"))));
    assertTrue(a.incomeVolatility().isEmpty(), a.incomeVolatility().toString());
    assertEquals(List.of(), a.outsideBounds());
  }

  /**
   * The volatility is of the months the income is measured from, the last six whole months, as the median is: an older
   * month and a part month beside six whole months of 7 000.00 change neither figure (counted, January's 1 000.00 and
   * August's 10 days of 500.00 had made a steady income volatile for the stress test).
   */
  @Test
  void theVolatilityIsOfTheMonthsTheIncomeIsMeasuredFrom() {
    List<MonthlyFigures> months = new java.util.ArrayList<>(List.of(month(1, "1000")));
    for (int m = 2; m <= 7; m++) {
      months.add(month(m, "7000"));
    }
    months.add(new MonthlyFigures(YearMonth.of(2026, 8), Money.of("500"), Money.ZERO, Money.ZERO, Money.ZERO, 10));
    AffordabilityAssessment a = MODEL.assess(new AffordabilityInput(declared(null, null), months));
    assertEquals(Money.of("7000"), a.monthlyNetIncome(), a.notes().toString());
    assertEquals(0.0, a.incomeVolatility().orElseThrow());
  }

  /**
   * The median of an even number of months' essentials is their mean rounded up to the fen, as income's is rounded
   * down: 2 000.00 and 2 000.01 are 2 000.005, so 2 000.01, and the score of 10 000.00 a month is 6 000.00 − 2 400.02
   * (2 400.012 up) = 3 599.98, worked from the figures the notes show. Rounded down to 2 000.00 the essentials lost half
   * a fen and the budget was 3 600.00, above the 3 599.99 even the unrounded 2 000.005 allows (2 400.006 up).
   */
  @Test
  void theMedianOfTwoMonthsEssentialsIsTheirMeanRoundedUpToTheFen() {
    List<MonthlyFigures> months = List.of(
        new MonthlyFigures(YearMonth.of(2026, 4), Money.of("10000"), Money.ZERO, Money.of("2000.00"), Money.ZERO),
        new MonthlyFigures(YearMonth.of(2026, 5), Money.of("10000"), Money.ZERO, Money.of("2000.01"), Money.ZERO));
    AffordabilityAssessment a = MODEL.assess(new AffordabilityInput(declared(null, null), months));
    assertEquals(Money.of("2000.01"), a.observedEssentials(), a.notes().toString());
    assertEquals(Money.of("3599.98"), a.maxAffordableInstallment(), a.notes().toString());
  }

  /**
   * The median of an odd number of months is the middle one once sorted by amount, for income and essentials alike:
   * months of 9 000.00, 1 000.00 and 5 000.00 (spent 1 000.00, 4 000.00, 2 500.00) give 5 000.00 and 2 500.00, not
   * the month below the middle (1 000.00) nor the last (5 000.00 by month, 2 500.00 spent).
   */
  @Test
  void theMedianOfThreeMonthsIsTheMiddleAmount() {
    List<MonthlyFigures> months = List.of(
        new MonthlyFigures(YearMonth.of(2026, 4), Money.of("9000"), Money.ZERO, Money.of("1000"), Money.ZERO),
        new MonthlyFigures(YearMonth.of(2026, 5), Money.of("1000"), Money.ZERO, Money.of("4000"), Money.ZERO),
        new MonthlyFigures(YearMonth.of(2026, 6), Money.of("5000"), Money.ZERO, Money.of("2500"), Money.ZERO),
        new MonthlyFigures(YearMonth.of(2026, 7), Money.of("7000"), Money.ZERO, Money.of("2000"), Money.ZERO),
        new MonthlyFigures(YearMonth.of(2026, 8), Money.of("3000"), Money.ZERO, Money.of("3000"), Money.ZERO));
    AffordabilityAssessment three = MODEL.assess(new AffordabilityInput(declared(null, null), months.subList(0, 3)));
    assertEquals(Money.of("5000.00"), three.monthlyNetIncome(), three.notes().toString());
    assertEquals(Money.of("2500.00"), three.observedEssentials(), three.notes().toString());
    AffordabilityAssessment five = MODEL.assess(new AffordabilityInput(declared(null, null), months));
    assertEquals(Money.of("5000.00"), five.monthlyNetIncome(), five.notes().toString());
    assertEquals(Money.of("2500.00"), five.observedEssentials(), five.notes().toString());
  }

  /**
   * The notes state every figure the budget is worked from, so that it can be checked by hand: the cap's amount beside
   * its share (10 000.00 × 0.5 = 5 000.00), and, for a region the table lacks, that the national default stood in for
   * its row; a score not above 0 is said to support no plan, with no budget stated. Without them the note read
   * "min(score, 0.5 × income)" and a fallback row looked like one for the region.
   */
  @Test
  void theNotesNameTheCapsAmountAndARegionTheTableLacks() {
    Borrower xinjiang = new Borrower("王五", null, null, "650100", 2, Money.of("10000"), Money.of("500"), Money.ZERO,
        List.of(), false);
    AffordabilityAssessment a = MODEL.assess(AffordabilityInput.declared(xinjiang));
    assertEquals(List.of("income 10000.00 as declared (no statement months)",
        "essentials 1920.00 = max(observed 500.00, floor 1920.00 = 800.00 (national default 低保) × uplift 1.2 × "
            + "household of 2, region not in the table)",
        "ability score 3696.00 = income × 0.6 − essentials × 1.2",
        "maximum affordable installment 3696.00 = min(score, 0.5 × income = 5000.00)"), a.notes());
    AffordabilityAssessment shanghai = MODEL.assess(AffordabilityInput.declared(declared(Money.of("10000"),
        Money.of("500"))));
    assertTrue(shanghai.notes().contains("essentials 1812.00 = max(observed 500.00, floor 1812.00 = 1510.00 (上海市 "
        + "2024 低保) × uplift 1.2 × household of 1)"), shanghai.notes().toString());
    AffordabilityAssessment none = MODEL.assess(AffordabilityInput.declared(declared(Money.of("3000"),
        Money.of("2000"))));
    assertEquals(List.of("ability score -600.00 = income × 0.6 − essentials × 1.2",
        "the score is not positive: this income cannot support any installment plan"),
        none.notes().subList(none.notes().size() - 2, none.notes().size()),
        "no budget is stated where none is allowed");
  }

  /**
   * A month's figure of exactly {@link MonthlyFigures#MAX} is a month's, and a fen more is refused naming the month and
   * the figure: the bound under which the model's arithmetic cannot overflow is the documented 10^15 yuan, not a fen
   * beyond it.
   */
  @Test
  void aMonthsFigureOfExactlyTheBoundIsKeptAndAFenMoreRefused() {
    Money most = MonthlyFigures.MAX;
    Money above = most.plus(Money.ofFen(1));
    assertEquals(most, new MonthlyFigures(YearMonth.of(2026, 5), most, most, most, most).income());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new MonthlyFigures(YearMonth.of(2026, 5), above, Money.ZERO, above, Money.ZERO));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("2026-05 income", "1000000000000000.01 is above "
            + "1000000000000000.00, more than any borrower's month"),
        io.github.fenqi.core.Problem.of("2026-05 essentialExpenses", "1000000000000000.01 is above "
            + "1000000000000000.00, more than any borrower's month")), e.problems());
  }
}
