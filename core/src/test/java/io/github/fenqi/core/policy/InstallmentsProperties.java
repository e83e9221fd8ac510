package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The terms of a valid {@link Policy.Installments} are {@code min, min + step, ..., max}: ascending, each in 1..360,
 * from min to max by whole steps — whatever the step, up to {@link Integer#MAX_VALUE}. A policy of one term (min equal
 * to max) may state any step, as none is ever taken; the loop that listed the terms stepped past
 * {@code Integer.MAX_VALUE} for a step that large and came round negative, so {@code "min": 12, "max": 12, "step":
 * 2147483647} validated and listed 13 terms from 12 down to 0 by way of -2147483637, and every case of the lender then
 * failed with {@code allowedTerms: must be ascending months in 1..360}, naming no policy file.
 */
class InstallmentsProperties {

  @Property(tries = 400)
  void theTermsRunFromMinToMaxByWholeSteps(@ForAll("installments") Policy.Installments i) {
    List<Integer> expected = new ArrayList<>();
    for (long t = i.min(); t <= i.max(); t += i.step()) {
      expected.add((int) t);
    }
    assertEquals(expected, i.allowedTerms(), i.toString());
    assertEquals(i.min(), i.allowedTerms().get(0));
    assertEquals(i.max(), i.allowedTerms().get(i.allowedTerms().size() - 1));
  }

  @Property(tries = 100)
  void aPolicyOfOneTermHasThatTermWhateverItsStep(@ForAll @IntRange(min = 1, max = 360) int term,
      @ForAll("anyStep") int step) {
    assertEquals(List.of(term), installments(term, term, step).allowedTerms());
  }

  @Test
  void aStepOfTheLargestIntLeavesAPolicyOfTwelveMonthsItsOneTerm() {
    assertEquals(List.of(12), installments(12, 12, Integer.MAX_VALUE).allowedTerms());
    assertEquals(List.of(360), installments(360, 360, Integer.MAX_VALUE - 359).allowedTerms());
  }

  /**
   * A step that does not reach max from min by whole steps is refused naming {@code step}, whatever it leaves over:
   * {@code 12..24} by 11 leaves 1, and its longest advertised term, 24, is one no plan could have. Only remainders of
   * 2 and more had been tried, so a rule that let a remainder of 1 through had passed every test.
   */
  @Property(tries = 300)
  void aStepThatDoesNotReachMaxIsRefusedNamingTheStep(@ForAll @IntRange(min = 1, max = 359) int min,
      @ForAll @IntRange(min = 1, max = 359) int span, @ForAll @IntRange(min = 2, max = 359) int step) {
    Assume.that(min + span <= 360 && span % step != 0);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> installments(min, min + span, step));
    assertEquals(List.of(Problem.of("step", "no term reaches max " + (min + span) + " from min " + min + " in steps of "
        + step)), e.problems());
  }

  @Test
  void aStepLeavingOneMonthOverIsRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> installments(12, 24, 11));
    assertEquals(List.of(Problem.of("step", "no term reaches max 24 from min 12 in steps of 11")), e.problems());
    assertEquals(List.of(12, 23), installments(12, 23, 11).allowedTerms());
  }

  private static Policy.Installments installments(int min, int max, int step) {
    return new Policy.Installments(min, max, step, RepaymentMethod.EQUAL_PRINCIPAL, Rate.ZERO, Rate.ZERO);
  }

  @Provide
  Arbitrary<Integer> anyStep() {
    return Arbitraries.oneOf(Arbitraries.integers().between(1, 400),
        Arbitraries.integers().between(Integer.MAX_VALUE - 400, Integer.MAX_VALUE),
        Arbitraries.integers().between(1, Integer.MAX_VALUE));
  }

  /** Valid installments: min..max in 1..360 and a step dividing max - min (any step at all when they are equal). */
  @Provide
  Arbitrary<Policy.Installments> installments() {
    return Arbitraries.integers().between(1, 360).flatMap(min -> Arbitraries.integers().between(min, 360)
        .flatMap(max -> (max.equals(min) ? anyStep() : Arbitraries.integers().between(1, max - min)
            .filter(s -> (max - min) % s == 0))
            .map(step -> installments(min, max, step))));
  }
}
