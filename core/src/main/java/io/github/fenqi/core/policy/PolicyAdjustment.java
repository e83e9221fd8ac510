package io.github.fenqi.core.policy;

import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Ratio;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tightenings of a policy for one debt that an eligibility rule may record: lower waiver caps, a shorter
 * maximum term, a higher minimum down payment. Adjustments never loosen a policy: applying one keeps the
 * stricter of the policy's value and the adjustment's.
 *
 * <p>Thread-safety: immutable.
 *
 * @param waiverCaps lower caps per component
 * @param maxInstallments a lower maximum term, if any
 * @param minDownPaymentRatio a higher minimum down-payment ratio, if any
 */
public record PolicyAdjustment(Map<DebtComponent, Ratio> waiverCaps, Optional<Integer> maxInstallments,
    Optional<Ratio> minDownPaymentRatio) {

  /** No adjustment. */
  public static final PolicyAdjustment NONE = new PolicyAdjustment(Map.of(), Optional.empty(), Optional.empty());

  public PolicyAdjustment {
    Map<DebtComponent, Ratio> copy = new EnumMap<>(DebtComponent.class);
    copy.putAll(waiverCaps);
    waiverCaps = Collections.unmodifiableMap(copy); // component order, not Map.copyOf's per-JVM one
  }

  public boolean isNone() {
    return waiverCaps.isEmpty() && maxInstallments.isEmpty() && minDownPaymentRatio.isEmpty();
  }

  /** The stricter of both adjustments, component by component. */
  public PolicyAdjustment and(PolicyAdjustment other) {
    Map<DebtComponent, Ratio> caps = new EnumMap<>(DebtComponent.class);
    caps.putAll(waiverCaps);
    other.waiverCaps.forEach((c, r) -> caps.merge(c, r, (a, b) -> a.compareTo(b) <= 0 ? a : b));
    Optional<Integer> max = maxInstallments.isEmpty() ? other.maxInstallments
        : other.maxInstallments.map(m -> Math.min(m, maxInstallments.get())).or(() -> maxInstallments);
    Optional<Ratio> down = minDownPaymentRatio.isEmpty() ? other.minDownPaymentRatio
        : other.minDownPaymentRatio.map(d -> d.compareTo(minDownPaymentRatio.get()) >= 0 ? d : minDownPaymentRatio.get())
            .or(() -> minDownPaymentRatio);
    return new PolicyAdjustment(caps, max, down);
  }

  /** The cap of one component under {@code policy} with this adjustment: never above the policy's. */
  public Ratio waiverCap(Policy policy, DebtComponent component) {
    Ratio base = policy.waiverCap(component);
    Ratio adjusted = waiverCaps.get(component);
    return adjusted != null && adjusted.compareTo(base) < 0 ? adjusted : base;
  }

  /** The minimum down-payment ratio under {@code policy} with this adjustment: never below the policy's. */
  public Ratio minDownPaymentRatio(Policy policy) {
    Ratio base = policy.downPayment().minRatio();
    return minDownPaymentRatio.filter(r -> r.compareTo(base) > 0).orElse(base);
  }
}
