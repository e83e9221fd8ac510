package io.github.fenqi.core.solve;

import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.schedule.Amortizer;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@link Amortizer} per pricing (method, rate, fee) for the debts of one problem: an amortizer caches the annuity
 * factor of each term, whose 34-digit computation would otherwise be repeated for every debt of the same lender (in
 * the grids) or every plan (in {@link ProposalProblem#violations}). Not thread-safe: one per use.
 */
final class Amortizers {
  private record Pricing(RepaymentMethod method, Rate annualRate, Rate monthlyFeeRate) {}

  private final Map<Pricing, Amortizer> byPricing = new HashMap<>();

  Amortizer of(DebtTerms terms) {
    return byPricing.computeIfAbsent(new Pricing(terms.method(), terms.annualRate(), terms.monthlyFeeRate()),
        p -> Amortizer.of(p.method(), p.annualRate(), p.monthlyFeeRate()));
  }
}
