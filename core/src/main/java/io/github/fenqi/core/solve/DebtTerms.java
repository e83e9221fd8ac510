package io.github.fenqi.core.solve;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyAdjustment;
import io.github.fenqi.core.schedule.Amortizer;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One eligible debt and the terms its lender's policy (after any eligibility adjustments) allows: the
 * input the option grid is drawn from.
 *
 * <p>Thread-safety: immutable.
 *
 * @param debt the debt
 * @param policyVersion the version of the policy these terms come from, for the record
 * @param allowedTerms terms in months the policy allows, ascending, at least one
 * @param method how installments repay the financed amount
 * @param annualRate interest rate during the installments
 * @param monthlyFeeRate fee per month on the financed amount
 * @param waiverCaps the most of each component that may be waived; a missing component may not be waived
 * @param minDownPaymentRatio the least down payment, as a fraction of the settled amount
 * @param hardshipProof whether the borrower can prove hardship (an acceptance feature)
 */
public record DebtTerms(
    Debt debt,
    String policyVersion,
    List<Integer> allowedTerms,
    RepaymentMethod method,
    Rate annualRate,
    Rate monthlyFeeRate,
    Map<DebtComponent, Ratio> waiverCaps,
    Ratio minDownPaymentRatio,
    boolean hardshipProof) {

  public DebtTerms {
    List<Problem> problems = new ArrayList<>();
    // a missing part had surfaced as a NullPointerException in the grid, naming no field
    ProposalProblem.required(problems, new String[] {"debt", "policyVersion", "method", "annualRate", "monthlyFeeRate",
        "waiverCaps", "minDownPaymentRatio"}, debt, policyVersion, method, annualRate, monthlyFeeRate, waiverCaps,
        minDownPaymentRatio);
    // values(), not containsValue(null), which Map.of's maps refuse with a NullPointerException
    if (waiverCaps != null && waiverCaps.values().stream().anyMatch(java.util.Objects::isNull)) {
      problems.add(Problem.of("waiverCaps", "has a component without a cap; leave out a component that may not be waived"));
    }
    // entrySet(), not containsKey(null), for the same reason; a null key had been a NullPointerException from EnumMap
    if (waiverCaps != null) {
      waiverCaps.entrySet().stream().filter(e -> e.getKey() == null).findFirst().ifPresent(e -> problems.add(
          Problem.of("waiverCaps", "has a cap of " + e.getValue() + " for no component; each cap is for one of "
              + List.of(DebtComponent.values()))));
    }
    if (allowedTerms == null || allowedTerms.isEmpty()) {
      problems.add(Problem.of("allowedTerms", "must list at least one term"));
    } else {
      int previous = 0;
      for (Integer t : allowedTerms) {
        if (t == null || t < 1 || t > 360 || t <= previous) {
          problems.add(Problem.of("allowedTerms", "must be ascending months in 1..360, got " + allowedTerms));
          break;
        }
        previous = t;
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    allowedTerms = List.copyOf(allowedTerms);
    Map<DebtComponent, Ratio> caps = new EnumMap<>(DebtComponent.class);
    caps.putAll(waiverCaps);
    waiverCaps = Collections.unmodifiableMap(caps); // component order, not Map.copyOf's per-JVM one
  }

  /**
   * The terms a policy gives one debt, tightened by the eligibility decision's adjustment.
   *
   * @throws InvalidInputException when the adjustment leaves no term ({@link #whyNoTerm})
   */
  public static DebtTerms of(Debt debt, Policy policy, PolicyAdjustment adjustment, boolean hardshipProof) {
    Optional<String> noTerm = whyNoTerm(policy, adjustment);
    if (noTerm.isPresent()) {
      throw new InvalidInputException("adjustment.maxInstallments", noTerm.get());
    }
    Map<DebtComponent, Ratio> caps = new EnumMap<>(DebtComponent.class);
    for (DebtComponent c : DebtComponent.values()) {
      caps.put(c, adjustment.waiverCap(policy, c));
    }
    List<Integer> terms = policy.allowedTerms();
    if (adjustment.maxInstallments().isPresent()) {
      int max = adjustment.maxInstallments().get();
      terms = terms.stream().filter(t -> t <= max).toList();
    }
    Policy.Installments i = policy.installments();
    return new DebtTerms(debt, policy.version(), terms, i.method(), i.annualRate(), i.monthlyFeeRate(), caps,
        adjustment.minDownPaymentRatio(policy), hardshipProof);
  }

  /**
   * What is left to repay in installments with nothing waived and the least down payment (the policy's ratio of the
   * amount owed, rounded up to the fen, as the option grid draws it). Zero or less means there is no installment plan
   * to offer: the debt owes nothing, or the least down payment already settles all of it.
   */
  public Money leastFinanced() {
    Money owed = debt.totalOwed();
    return owed.minus(leastDownPayment(owed));
  }

  /** The least down payment on {@code settled}: the policy's ratio of it, rounded up to the fen, at most all of it. */
  public Money leastDownPayment(Money settled) {
    return settled.multiply(minDownPaymentRatio.value(), RoundingMode.CEILING).min(settled);
  }

  /**
   * Why this debt has no installment plan to offer, in words for the ineligible list and errors; empty when it has: its
   * {@link #leastFinanced()} leaves nothing to pay in installments, or too little to pay anything the first month.
   */
  public Optional<String> whyNoPlan() {
    Money financed = leastFinanced();
    if (financed.isPositive()) {
      return nothingDueFirstMonth(financed);
    }
    Money owed = debt.totalOwed();
    return Optional.of(owed.isZero() ? "owes nothing: there is nothing to negotiate"
        : "the least down payment (" + minDownPaymentRatio.value().movePointRight(2).stripTrailingZeros().toPlainString()
            + " % of " + owed + ", rounded up to the fen) settles the whole debt: a settlement in full, not an "
            + "installment plan");
  }

  /**
   * Why even the most this debt's options finance ({@code financed}, its {@link #leastFinanced()}) over its shortest
   * term pays nothing the first month, if it does: a schedule of fewer fen than months does (0.01 over three months
   * pays 0.00, 0.00, 0.01), and no option of the debt then pays more (a first installment grows with the amount
   * financed and shrinks with the term). The option grid leaves such options out, as the script refuses to write one
   * up; a debt of 0.01 under a policy without a least down payment had failed the whole case that way.
   */
  private Optional<String> nothingDueFirstMonth(Money financed) {
    if (financed.isGreaterThan(Amortizer.MAX_FINANCED)) { // whyTooLargeToSchedule names it
      return Optional.empty();
    }
    int shortest = allowedTerms.get(0);
    if (Amortizer.of(method, annualRate, monthlyFeeRate).summarize(financed.fen(), shortest).firstPayment() > 0) {
      return Optional.empty();
    }
    return Optional.of("its installments, " + financed + " over " + shortest + " months or more, pay 0.00 the first "
        + "month: not an installment plan; a balance to pay in full");
  }

  /**
   * Why this debt's option grid cannot be drawn, in words for errors: its {@link #leastFinanced()}, the most any of its
   * options finances (nothing waived, the least down payment), is above {@link Amortizer#MAX_FINANCED}, the largest
   * amount a schedule handles, though a {@code Debt} accepts up to 10^15 yuan a component; empty when it can be.
   */
  public Optional<String> whyTooLargeToSchedule() {
    Money leastFinanced = leastFinanced();
    return leastFinanced.isGreaterThan(Amortizer.MAX_FINANCED) ? Optional.of("'" + debt.id() + "' leaves "
        + leastFinanced + " to repay in installments with nothing waived and the least down payment, above the "
        + "largest amount a schedule handles (" + Amortizer.MAX_FINANCED + ")") : Optional.empty();
  }

  /**
   * Why an eligibility adjustment leaves the policy no term to offer, if it does: a rule's maximum below the policy's
   * shortest term. Such a debt has no plan; the terms were once kept at the policy's shortest, silently above what
   * the rule allows.
   */
  public static Optional<String> whyNoTerm(Policy policy, PolicyAdjustment adjustment) {
    int shortest = policy.allowedTerms().get(0);
    return adjustment.maxInstallments().filter(max -> max < shortest).map(max -> "the eligibility rules allow at most "
        + max + " installments, fewer than the shortest term the policy allows (" + shortest
        + "): no installment plan meets both");
  }

  /** The most of one component that may be waived, in money: its cap times what is owed of it, rounded down. */
  public Money waivableAmount(DebtComponent component) {
    return debt.amount(component).multiply(waiverCap(component).value(), RoundingMode.DOWN);
  }

  /** The cap for one component, zero when the policy allows none. */
  public Ratio waiverCap(DebtComponent component) {
    return waiverCaps.getOrDefault(component, Ratio.ZERO);
  }

  public int maxTerm() {
    return allowedTerms.get(allowedTerms.size() - 1);
  }
}
