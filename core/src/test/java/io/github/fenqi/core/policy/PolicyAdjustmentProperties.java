package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.testkit.Samples;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link PolicyAdjustment} only tightens (its Javadoc): two adjustments combine component by component to the lower
 * cap, the shorter maximum term and the higher down payment, whichever side holds them, and one applied to a policy
 * keeps the stricter of the policy's value and its own. Ratios are drawn often equal to each other and to the sample
 * policies' own values, where a comparison the wrong way round or strict where it should not be shows.
 */
class PolicyAdjustmentProperties {
  private static final List<Policy> POLICIES = Samples.policies();

  @Property(tries = 400)
  void combiningKeepsTheStricterOfBothWhicheverSideHoldsIt(@ForAll("adjustments") PolicyAdjustment a,
      @ForAll("adjustments") PolicyAdjustment b) {
    PolicyAdjustment both = a.and(b);

    Map<DebtComponent, Ratio> caps = new EnumMap<>(DebtComponent.class);
    for (DebtComponent c : DebtComponent.values()) {
      stricter(a.waiverCaps().get(c), b.waiverCaps().get(c), true).ifPresent(r -> caps.put(c, r));
    }
    assertEquals(caps, both.waiverCaps());
    assertEquals(List.copyOf(caps.keySet()), List.copyOf(both.waiverCaps().keySet()), "component order");
    Optional<Integer> max = a.maxInstallments().isEmpty() ? b.maxInstallments()
        : Optional.of(b.maxInstallments().map(m -> Math.min(m, a.maxInstallments().get())).orElse(a.maxInstallments().get()));
    assertEquals(max, both.maxInstallments());
    assertEquals(stricter(a.minDownPaymentRatio().orElse(null), b.minDownPaymentRatio().orElse(null), false),
        both.minDownPaymentRatio());
    assertEquals(both, b.and(a));
    assertEquals(a, a.and(PolicyAdjustment.NONE));
    assertEquals(a.isNone() && b.isNone(), both.isNone());
  }

  @Property(tries = 400)
  void appliedToAPolicyItNeverLoosensIt(@ForAll("adjustments") PolicyAdjustment a, @ForAll("policy") Policy policy) {
    for (DebtComponent c : DebtComponent.values()) {
      Ratio own = policy.waiverCap(c);
      Ratio expected = stricter(own, a.waiverCaps().get(c), true).orElseThrow();
      assertEquals(expected, a.waiverCap(policy, c), c.jsonName());
    }
    Ratio down = policy.downPayment().minRatio();
    assertEquals(stricter(down, a.minDownPaymentRatio().orElse(null), false).orElseThrow(), a.minDownPaymentRatio(policy));
  }

  @Property(tries = 100)
  void isNoneExactlyWhenItHoldsNothing(@ForAll("adjustments") PolicyAdjustment a) {
    assertEquals(a.waiverCaps().isEmpty() && a.maxInstallments().isEmpty() && a.minDownPaymentRatio().isEmpty(),
        a.isNone());
  }

  /** The lower ({@code lower}) or higher of two optional ratios; the first of them when equal. */
  private static Optional<Ratio> stricter(Ratio x, Ratio y, boolean lower) {
    if (x == null || y == null) {
      return Optional.ofNullable(x == null ? y : x);
    }
    int cmp = x.compareTo(y);
    return Optional.of(cmp == 0 ? x : (cmp < 0) == lower ? x : y);
  }

  @Provide
  Arbitrary<Policy> policy() {
    return Arbitraries.of(POLICIES);
  }

  @Provide
  Arbitrary<PolicyAdjustment> adjustments() {
    List<Ratio> own = new ArrayList<>(List.of(Ratio.ZERO, Ratio.ONE, Ratio.of("0.5")));
    for (Policy p : POLICIES) {
      own.add(p.downPayment().minRatio());
      for (DebtComponent c : DebtComponent.values()) {
        own.add(p.waiverCap(c));
      }
    }
    Arbitrary<Ratio> ratio = Arbitraries.oneOf(Arbitraries.of(own),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(2).map(Ratio::of));
    Arbitrary<Map<DebtComponent, Ratio>> caps = Arbitraries.maps(Arbitraries.of(DebtComponent.class), ratio).ofMaxSize(6);
    Arbitrary<Optional<Integer>> max = Arbitraries.integers().between(1, 360).optional(0.5);
    Arbitrary<Optional<Ratio>> down = ratio.optional(0.5);
    return Combinators.combine(caps, max, down).as(PolicyAdjustment::new);
  }
}
