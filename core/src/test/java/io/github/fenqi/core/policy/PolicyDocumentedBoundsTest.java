package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bounds of a policy's terms and eligibility at their edges: installments of 1..360 months (360 and 1 kept, 0 and
 * 361 refused, each naming its field), minOverdueDays from 0, and a minOutstanding that may not be negative.
 */
class PolicyDocumentedBoundsTest {

  private static Policy.Installments terms(int min, int max) {
    return new Policy.Installments(min, max, 1, RepaymentMethod.EQUAL_PRINCIPAL, Rate.ZERO, Rate.ZERO);
  }

  private static List<Problem> refused(Runnable build) {
    return assertThrows(InvalidInputException.class, build::run).problems();
  }

  @Test
  void installmentsOfOneToThreeHundredSixtyMonthsAreKeptAndNoneBeyond() {
    assertEquals(360, terms(1, 360).allowedTerms().size());
    assertEquals(List.of(360), terms(360, 360).allowedTerms());
    List<Problem> min = refused(() -> terms(361, 361));
    assertEquals("min", min.get(0).location(), min.toString());
    assertTrue(min.get(0).reason().contains("outside 1..360"), min.toString());
    List<Problem> zero = refused(() -> terms(0, 12));
    assertEquals(Problem.of("min", "0 is outside 1..360 months"), zero.get(0), zero.toString());
    List<Problem> max = refused(() -> terms(1, 0));
    assertEquals(Problem.of("max", "0 is outside 1..360 months"), max.get(0), max.toString());
  }

  /**
   * A max of 361 is refused naming max even when min is in range: only min's bound at 361 had been checked (with a min
   * of 361 too), and a max bound loosened to 361 had passed every test.
   */
  @Test
  void aMaxOfThreeHundredSixtyOneIsRefusedWhateverTheMin() {
    assertEquals(List.of(Problem.of("max", "361 is outside 1..360 months")), refused(() -> terms(1, 361)));
    assertEquals(List.of(Problem.of("max", "361 is outside 1..360 months")), refused(() -> terms(12, 361)));
  }

  /**
   * A min out of range is that one problem: no step is judged from it as well ({@code 0..12} by 5 is not also told
   * "no term reaches max 12 from min 0"), as no step is judged against a max that is out of range or below min.
   */
  @Test
  void aMinOutOfRangeIsNotAlsoToldItsStepCannotReachMax() {
    assertEquals(List.of(Problem.of("min", "0 is outside 1..360 months")),
        refused(() -> new Policy.Installments(0, 12, 5, RepaymentMethod.EQUAL_PRINCIPAL, Rate.ZERO, Rate.ZERO)));
  }

  @Test
  void eligibilityRefusesANegativeDayCountOrAmount() {
    assertEquals(0, new Policy.Eligibility(0, false, Money.ZERO).minOverdueDays());
    assertEquals(List.of(Problem.of("minOverdueDays", "-1 is negative")),
        refused(() -> new Policy.Eligibility(-1, false, Money.ZERO)));
    assertEquals("minOutstanding", refused(() -> new Policy.Eligibility(0, false, Money.of("-0.01"))).get(0).location());
  }

  /**
   * A policy covers at least one product type (its Javadoc): one built in code with none is refused naming
   * {@code productTypes}, as a file listing none is; it would cover no debt and every debt's PRODUCT_TYPE check fail.
   */
  @Test
  void aPolicyCoveringNoProductTypeIsRefused() {
    Policy sample = io.github.fenqi.core.testkit.Samples.policies().get(0);
    List<Problem> none = refused(() -> new Policy(sample.schemaVersion(), sample.platformId(), sample.platformName(),
        List.of(), sample.version(), sample.effectiveFrom(), sample.effectiveTo(), sample.eligibility(),
        sample.installments(), sample.waivers(), sample.downPayment(), sample.legalBasis(), sample.source()));
    assertEquals(List.of(Problem.of("productTypes", "must list at least one product type")), none);
  }

  /**
   * A policy of one day ({@code effectiveTo} equal to {@code effectiveFrom}, "the last day it applies") is valid and in
   * effect that day alone; refusing an end not after the start had passed every test here.
   */
  @Test
  void aPolicyOfOneDayIsInEffectThatDayAlone() {
    Policy sample = io.github.fenqi.core.testkit.Samples.policies().get(0);
    java.time.LocalDate day = sample.effectiveFrom();
    Policy oneDay = new Policy(sample.schemaVersion(), sample.platformId(), sample.platformName(),
        sample.productTypes(), sample.version(), day, day, sample.eligibility(), sample.installments(),
        sample.waivers(), sample.downPayment(), sample.legalBasis(), sample.source());
    assertEquals(List.of(false, true, false), List.of(oneDay.isEffectiveOn(day.minusDays(1)), oneDay.isEffectiveOn(day),
        oneDay.isEffectiveOn(day.plusDays(1))));
  }

  /** Each component has its own waiver cap: a file's six caps, all different, are each read back under their name. */
  @Test
  void eachComponentsCapIsItsOwn() {
    String json = new String(io.github.fenqi.core.testkit.Samples.bytes("samples/policies/demo-online-lender.json"),
        java.nio.charset.StandardCharsets.UTF_8).replaceAll("\"waivers\": \\{[^}]*\\}", "\"waivers\": { "
        + "\"principal\": \"0.1\", \"interest\": \"0.2\", \"penaltyInterest\": \"0.3\", \"compoundInterest\": "
        + "\"0.4\", \"lateFees\": \"0.5\", \"otherFees\": \"0.6\" }");
    Policy policy = new PolicyValidator().validate(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "p.json")
        .orElseThrow();
    java.util.Map<String, String> caps = new java.util.LinkedHashMap<>();
    for (io.github.fenqi.core.debt.DebtComponent c : io.github.fenqi.core.debt.DebtComponent.values()) {
      caps.put(c.jsonName(), policy.waiverCap(c).toString());
    }
    assertEquals(java.util.Map.of("principal", "0.1", "interest", "0.2", "penaltyInterest", "0.3", "compoundInterest",
        "0.4", "lateFees", "0.5", "otherFees", "0.6"), caps);
  }

  /** A part built in code without its required amount or ratio is refused naming it, as a file lacking it is. */
  @Test
  void theLeastDownPaymentAndTheLeastOutstandingAreRequired() {
    assertEquals(List.of(Problem.of("minRatio", "is required (use \"0\" for none)")),
        refused(() -> new Policy.DownPayment(null)));
    assertEquals(List.of(Problem.of("minOutstanding", "is required (use \"0.00\" for none)")),
        refused(() -> new Policy.Eligibility(0, false, null)));
  }
}
