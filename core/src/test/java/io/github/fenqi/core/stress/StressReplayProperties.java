package io.github.fenqi.core.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The replay of a default without its events ({@code failsWithoutEvents}) gives the figures it gave when every
 * path-month's income noise was kept: each result of {@link MonteCarloStressTester} equals, bit for bit (a record's
 * doubles compare by their bits), that of the frozen {@link ReferenceStressTester}. The cases lean to where the replay
 * decides something: plans most paths default on, configs heavy in job losses, drops and shocks, events that cost
 * nothing, and incomes of no volatility.
 */
class StressReplayProperties {

  record Case(FinancialProfile profile, List<PlanCashflow> plans, StressConfig config) {}

  @Property(tries = 300)
  void theResultsAreTheReferencesBitForBit(@ForAll("cases") Case c) {
    List<StressResult> expected = new ReferenceStressTester(c.config()).compare(c.profile(), c.plans());
    List<StressResult> actual = StressTester.monteCarlo(c.config()).compare(c.profile(), c.plans());
    assertEquals(expected, actual, c.toString());
    boolean onThePlan = false;
    boolean onAnEvent = false;
    for (StressResult r : actual) {
      onThePlan |= r.defaultsByDriver().get(StressDriver.PLAN_TOO_HEAVY) > 0;
      onAnEvent |= r.defaultProbability() > r.defaultsByDriver().get(StressDriver.PLAN_TOO_HEAVY);
    }
    // the replay must have judged both ways in many cases, or the property proves little. Each is drawn in ~35 % of
    // the cases (33-37 % in three runs); at 30 % the check failed in one run of ~15 (28 % drawn, a helper's verify),
    // at 20 % it is 5 standard deviations of 300 tries below the mean and still asks for 60 cases each way
    Statistics.label("defaults put on the plan").collect(onThePlan);
    Statistics.label("defaults put on an event").collect(onAnEvent);
    Statistics.label("defaults put on the plan").coverage(k -> k.check(true).percentage(p -> p >= 20));
    Statistics.label("defaults put on an event").coverage(k -> k.check(true).percentage(p -> p >= 20));
  }

  /**
   * Path k's seed is the seed plus golden·(k + 1) through SplittableRandom's finaliser, as {@code pathSeed} documents:
   * the (k + 1)-th long a SplittableRandom seeded with the configured seed draws.
   */
  @Property(tries = 100)
  void pathKsSeedIsTheKPlusFirstLongOfTheSeedsSplittableRandom(@ForAll long seed, @ForAll @IntRange(max = 300) int k) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < k; i++) {
      random.nextLong();
    }
    assertEquals(random.nextLong(), MonteCarloStressTester.pathSeed(seed, k), "path " + k);
  }

  /**
   * The walker draws, long for long, what a SplittableRandom seeded with the path's seed draws, and starting another
   * path over (one walker serves every path) leaves nothing of the one before.
   */
  @Property(tries = 200)
  void aPathsDrawsAreSplittableRandomsOwn(@ForAll long seed, @ForAll @IntRange(max = 1_000_000) int k,
      @ForAll @IntRange(max = 1_000_000) int next) {
    MonteCarloStressTester.PathDraws draws = new MonteCarloStressTester.PathDraws(StressConfig.builder().seed(seed)
        .build());
    for (int path : new int[] {k, next}) {
      draws.startPath(path);
      SplittableRandom expected = new SplittableRandom(MonteCarloStressTester.pathSeed(seed, path));
      for (int i = 0; i < 30; i++) {
        assertEquals(expected.nextLong(), draws.nextLong(), "path " + path + ", draw " + i);
      }
    }
  }

  /**
   * The 95th percentile from the defaulting paths' shortfalls alone is the one every path's shortfall, sorted, gave:
   * the others' are 0. The counts of defaults lean to the 5 % where the index first reaches a positive shortfall.
   */
  @Property(tries = 500)
  void thePercentileOfTheDefaultsIsThatOfEveryPath(@ForAll @IntRange(min = 100, max = 2_000) int paths,
      @ForAll @IntRange(min = -3, max = 3) int offFivePercent, @ForAll @IntRange(max = 2_000) int anyCount,
      @ForAll long seed) {
    int defaults = Math.min(paths, Math.max(0, anyCount % 3 == 0 ? anyCount : paths / 20 + offFivePercent));
    SplittableRandom random = new SplittableRandom(seed);
    long[] everyPath = new long[paths];
    long[] positive = new long[defaults + random.nextInt(4)]; // room to spare, as the evaluation leaves it
    for (int j = 0; j < defaults; j++) {
      positive[j] = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 1 + random.nextLong(Long.MAX_VALUE);
    }
    int[] pathOf = random.ints(0, paths).distinct().limit(defaults).toArray();
    for (int j = 0; j < defaults; j++) {
      everyPath[pathOf[j]] = positive[j];
    }
    Arrays.sort(everyPath);
    long expected = everyPath[(int) Math.min(paths - 1, Math.ceil(0.95 * paths) - 1)];
    assertEquals(expected, MonteCarloStressTester.percentile95(positive, defaults, paths));
  }

  /** The benchmark's cases at the default 10 000 paths: a plan few paths default on, and one nearly all do. */
  @Example
  void theBenchmarksResultsAreTheReferences() {
    FinancialProfile p = new FinancialProfile(Money.ofYuan(16_000), OptionalDouble.of(0.12), Money.ofYuan(4_000),
        Money.ofYuan(12_000));
    List<PlanCashflow> plans = new ArrayList<>();
    for (long perDebt : new long[] {20_000, 70_000}) {
      List<List<Money>> debts = new ArrayList<>();
      for (int d = 0; d < 20; d++) {
        debts.add(Collections.nCopies(36, Money.ofFen(perDebt + (perDebt == 20_000 ? 1_000L * d : 0))));
      }
      plans.add(PlanCashflow.ofDebts(debts, Money.ofYuan(2_000)));
    }
    List<StressResult> actual = StressTester.monteCarlo(StressConfig.DEFAULTS).compare(p, plans);
    assertEquals(new ReferenceStressTester(StressConfig.DEFAULTS).compare(p, plans), actual);
    assertTrue(actual.get(1).defaultProbability() > 0.9, actual.get(1).toString());
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<StressConfig> configs = Combinators.combine(
        Combinators.combine(Arbitraries.integers().between(6, 12), Arbitraries.integers().between(100, 1_500),
            Arbitraries.longs()).as((h, n, seed) -> StressConfig.builder().horizonMonths(h).paths(n).seed(seed)),
        Combinators.combine(Arbitraries.of(0.0, 0.0001, 0.01, 0.05, 0.3, 1.0), Arbitraries.of(1.0, 3.0, 12.0),
            Arbitraries.of(0.0, 0.3, 0.7, 1.0)).as(List::of),
        Combinators.combine(Arbitraries.of(0.0, 0.02, 0.2, 0.5, 1.0), Arbitraries.of(0L, 1L, 300_000L, 5_000_000L),
            Arbitraries.of(0.0, 1.0, 3.0)).as(List::of),
        Combinators.combine(Arbitraries.of(0.0, 0.02, 0.3, 1.0), Arbitraries.of(0.0, 0.3, 0.9, 1.0),
            Arbitraries.of(1.0, 4.0, 36.0)).as(List::of),
        Arbitraries.of(0.0, 0.15, 0.5, 3.0))
        .as((b, job, shock, drop, vol) -> b.jobLoss((double) job.get(0), (double) job.get(1), (double) job.get(2))
            .shockExpense((double) shock.get(0), Money.ofFen((long) shock.get(1)), (double) shock.get(2))
            .incomeDrop((double) drop.get(0), (double) drop.get(1), (double) drop.get(2))
            .defaultIncomeVolatility(vol).build());
    Arbitrary<OptionalDouble> volatility = Arbitraries.of(OptionalDouble.empty(), OptionalDouble.of(0),
        OptionalDouble.of(0.1), OptionalDouble.of(1), OptionalDouble.of(3));
    Arbitrary<FinancialProfile> profiles = Combinators.combine(Arbitraries.longs().between(0, 30_000),
        Arbitraries.integers().between(0, 100), volatility, Arbitraries.longs().between(0, 60_000))
        .as((income, essentialPercent, vol, savings) -> new FinancialProfile(Money.ofYuan(income), vol,
            Money.ofYuan(income * essentialPercent / 100), Money.ofYuan(savings)));
    return Combinators.combine(profiles, configs, plans().list().ofMinSize(1).ofMaxSize(3))
        .as((p, config, plans) -> new Case(p, plans.stream().map(f -> f.apply(p)).toList(), config));
  }

  /**
   * A plan as a share of what the profile leaves after essentials (from nothing to twice it: heavy plans most paths
   * default on), over 1 to 14 months, uneven or flat, with down payments of up to a fifth more than the savings.
   */
  private static Arbitrary<java.util.function.Function<FinancialProfile, PlanCashflow>> plans() {
    return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.integers().between(1, 14),
        Arbitraries.of(true, false), Arbitraries.integers().between(0, 120))
        .as((percent, months, flat, downPercent) -> p -> {
          long left = Math.max(p.monthlyIncome().fen() - p.essentialExpenses().fen(), 100);
          List<Money> monthly = new ArrayList<>();
          for (int t = 0; t < months; t++) {
            long due = left * percent / 100;
            monthly.add(Money.ofFen(flat ? due : due * (t % 3) / 2 + t));
          }
          return PlanCashflow.ofMonthlyTotals(Collections.unmodifiableList(monthly),
              Money.ofFen(p.liquidSavings().fen() * downPercent / 100));
        });
  }
}
