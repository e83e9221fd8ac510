package io.github.fenqi.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.TextFields;
import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.affordability.LivingCostFloor;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.borrower.Hardship;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyValidator;
import io.github.fenqi.core.schedule.Amortizer;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.core.schedule.Schedule;
import io.github.fenqi.core.solve.AcceptanceCoefficients;
import io.github.fenqi.core.solve.Infeasibility;
import io.github.fenqi.core.testkit.Samples;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What fenqi writes as JSON it reads back as an equal value, over generated values rather than samples: a case (as
 * the CLI and the REST API read it), a policy (by the policy validator, as a directory and the REST API read it, and
 * by the mapper, as a REST client does), a schedule, the acceptance coefficients. Text is drawn from characters a
 * JSON writer must escape or encode (quotes, backslashes, ideographs, characters beyond the Basic Multilingual
 * Plane); amounts span the whole input range; dates reach 9999-12-31, the last day {@code YYYY-MM-DD} writes. Results are held to this in
 * {@code NegotiationResultConsistencyProperties}, over the engine's own answers.
 */
class JsonRoundTripProperties {
  private static final ObjectMapper MAPPER = FenqiJson.newMapper();
  private static final String ID_NUMBER = "110105198506150030";
  private static final NegotiationEngine ENGINE = ReadBack.ENGINE;
  /** The sample case with an income that pays no plan's first installments: the monthly budget binds. */
  private static final NegotiationRequest SHORT_OF_BUDGET = Samples.sampleCaseWithIncome(Money.ofYuan(3_000));

  @Property(tries = 300)
  void aCaseReadsBackEqual(@ForAll("cases") NegotiationRequest request) {
    byte[] json = FenqiJson.write(MAPPER, request).getBytes(StandardCharsets.UTF_8);
    assertEquals(request, NegotiationRequest.read(MAPPER, json, "case.json"));
  }

  @Property(tries = 300)
  void aPolicyReadsBackEqual(@ForAll("policies") Policy policy) {
    byte[] json = FenqiJson.write(MAPPER, policy).getBytes(StandardCharsets.UTF_8);
    assertEquals(policy, new PolicyValidator().validate(json, "policy.json").orElseThrow());
    assertEquals(policy, FenqiJson.read(MAPPER, json, Policy.class, "policy.json"));
  }

  @Property(tries = 200)
  void aScheduleReadsBackEqual(@ForAll("schedules") Schedule schedule) {
    byte[] json = FenqiJson.write(MAPPER, schedule).getBytes(StandardCharsets.UTF_8);
    assertEquals(schedule, FenqiJson.read(MAPPER, json, Schedule.class, "schedule.json"));
  }

  @Property(tries = 200)
  void acceptanceCoefficientsReadBackEqual(@ForAll("coefficients") AcceptanceCoefficients c) {
    byte[] json = FenqiJson.write(MAPPER, c).getBytes(StandardCharsets.UTF_8);
    assertEquals(c, FenqiJson.read(MAPPER, json, AcceptanceCoefficients.class, "coefficients.json"));
  }

  /**
   * The engine's result reads back equal, feasible or not, for cases of every scale up to the largest debt a schedule
   * handles (10^12 yuan, {@code ProposalProblem.tooLargeToSolve}), with income and savings from none to plenty.
   */
  @Property(tries = 60)
  void anEnginesResultReadsBackEqualAtAnyScale(@ForAll("largeRequests") NegotiationRequest request) {
    NegotiationResult result;
    try {
      result = ENGINE.calculate(request);
    } catch (InvalidInputException tooLarge) { // a debt above what a schedule handles: no result to read back
      Assume.that(false);
      return;
    }
    byte[] json = FenqiJson.write(MAPPER, result).getBytes(StandardCharsets.UTF_8);
    assertEquals(result, FenqiJson.read(MAPPER, json, NegotiationResult.class, "response"));
  }

  /**
   * A result of amounts beyond the input limit, up to the largest a {@code long} of fen holds, reads back equal: its
   * shortfall, its budget and the assessment's income, score and essentials (built here, as a custom model or solver
   * may, from an infeasible result of the engine's). They had been written, then refused as out of range.
   */
  @Property(tries = 200)
  void aResultOfAmountsBeyondTheInputLimitReadsBackEqual(@ForAll("beyondTheInputLimit") long income,
      @ForAll("beyondTheInputLimit") long shortfall, @ForAll("beyondTheInputLimit") long essentials) {
    NegotiationResult base = ENGINE.calculate(SHORT_OF_BUDGET);
    AffordabilityAssessment a = base.affordability();
    Money budget = Money.ofFen(income / 4);
    AffordabilityAssessment large = new AffordabilityAssessment(Money.ofFen(income), a.incomeSource(),
        a.incomeMonthsUsed(), Money.ofFen(essentials), a.livingCostFloor(), Money.ofFen(essentials), Money.ofFen(income
        / 2), budget, true, a.incomeVolatility(), a.notes());
    NegotiationResult result = new NegotiationResult(base.caseId(), base.asOf(), base.policySnapshotVersion(), false,
        base.reason(), base.recommendation(), Infeasibility.BindingConstraint.MONTHLY_BUDGET, Money.ofFen(shortfall),
        budget, large, base.eligibility(), base.ineligible(), base.proposals(), base.notes(), base.screening(),
        base.hardshipNoteFindings());
    byte[] json = FenqiJson.write(MAPPER, result).getBytes(StandardCharsets.UTF_8);
    assertEquals(result, FenqiJson.read(MAPPER, json, NegotiationResult.class, "response"));
  }

  /** Fen above {@link Money#LARGEST_INPUT}, up to {@link Long#MAX_VALUE}, its edges most often. */
  @Provide
  Arbitrary<Long> beyondTheInputLimit() {
    return Arbitraries.oneOf(Arbitraries.longs().between(Money.LARGEST_INPUT.fen() + 1, Long.MAX_VALUE),
        Arbitraries.longs().between(Long.MAX_VALUE - 1_000, Long.MAX_VALUE),
        Arbitraries.of(Money.LARGEST_INPUT.fen() + 1));
  }

  /** One line of visible text, up to {@code max} characters, of characters JSON writers treat each their own way. */
  private static Arbitrary<String> text(int max) {
    return Arbitraries.strings()
        .withChars("aZ09-_. \"\\/<>&'é李张伟，¥")
        .withChars("\uD83D\uDE00".toCharArray()) // 😀's two halves: filtered below to whole characters
        .ofMinLength(1).ofMaxLength(max)
        .filter(s -> TextFields.check("text", s, max).isEmpty());
  }

  private static Arbitrary<Money> money() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, 100_000_000_000_000_000L),
        Arbitraries.longs().between(0, 1_000_000)).map(Money::ofFen);
  }

  private static Arbitrary<Rate> rate(int maxScale) {
    return Combinators.combine(Arbitraries.longs().between(0, 1_000_000_000L), Arbitraries.integers().between(0,
        maxScale)).as((unscaled, scale) -> BigDecimal.valueOf(unscaled, scale))
        .filter(v -> v.compareTo(BigDecimal.TEN) <= 0).map(Rate::of);
  }

  private static Arbitrary<Ratio> ratio() {
    return Combinators.combine(Arbitraries.longs().between(0, 10_000), Arbitraries.integers().between(4, 8))
        .as((unscaled, scale) -> Ratio.of(BigDecimal.valueOf(unscaled, scale)));
  }

  /** {@code day}, or the last day a date YYYY-MM-DD writes if it is after it. */
  private static LocalDate lastWritten(LocalDate day) {
    LocalDate last = LocalDate.of(9999, 12, 31);
    return day.isAfter(last) ? last : day;
  }

  private static Arbitrary<LocalDate> date() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, 40_000),
        Arbitraries.longs().between(2_900_000, 2_932_896)).map(d -> LocalDate.of(1970, 1, 1).plusDays(d));
  }

  /** Six digits whose first two are a province-level region, as a Borrower takes them (990000 is refused). */
  private static Arbitrary<String> regionCode() {
    return Arbitraries.strings().numeric().ofLength(6).filter(c -> LivingCostFloor.whyNoRegion(c).isEmpty());
  }

  @Provide
  Arbitrary<NegotiationRequest> cases() {
    Arbitrary<Borrower> borrower = Combinators.combine(text(TextFields.MAX_NAME_LENGTH),
        Arbitraries.of(ID_NUMBER).injectNull(0.3), Arbitraries.of("13912345678").injectNull(0.3),
        regionCode(), Arbitraries.integers().between(1, Borrower.MAX_HOUSEHOLD_SIZE),
        money().injectNull(0.3), money().injectNull(0.3), money()).as((name, id, mobile, region, size, income,
            essentials, savings) -> new Object[] {name, id, mobile, region, size, income, essentials, savings})
        .flatMap(b -> Combinators.combine(Arbitraries.of(Hardship.class).list().uniqueElements().ofMaxSize(4),
            Arbitraries.of(true, false)).as((hardships, proof) -> new Borrower((String) b[0], (String) b[1],
                (String) b[2], (String) b[3], (Integer) b[4], (Money) b[5], (Money) b[6], (Money) b[7], hardships,
                proof)));
    Arbitrary<Debt> debt = Combinators.combine(text(TextFields.MAX_ID_LENGTH), text(TextFields.MAX_ID_LENGTH),
        Arbitraries.of(ProductType.class), money().list().ofSize(6), rate(12),
        Arbitraries.integers().between(0, Debt.MAX_OVERDUE_DAYS)).as((id, platform, type, m, rate, days) ->
            new Debt(id, platform, type, m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5), rate, days));
    Arbitrary<String> note = Arbitraries.strings().ofMaxLength(200).injectNull(0.5); // free text: any character
    return Combinators.combine(text(TextFields.MAX_ID_LENGTH), date(), borrower,
        // ids unique without the spaces around them, as a request compares them (the only space text() writes is
        // ASCII's, which strip() removes): ids "a" and "a " are one debt twice
        debt.list().ofMinSize(1).ofMaxSize(4).uniqueElements(d -> d.id().strip()), note).as(NegotiationRequest::new);
  }

  /**
   * Cases on the sample policies with one to four debts of up to about 10^12 yuan each, income and savings in proportion
   * to what is owed (from none to more than enough), so that results are feasible, short, and of every scale.
   */
  @Provide
  Arbitrary<NegotiationRequest> largeRequests() {
    String[] platforms = {"demo-credit-card", "demo-consumer-finance", "demo-online-lender"};
    ProductType[] products = {ProductType.CREDIT_CARD, ProductType.CONSUMER_LOAN, ProductType.ONLINE_LOAN};
    Arbitrary<Long> scale = Arbitraries.of(1L, 1_000L, 1_000_000L, 3_000_000L);
    Arbitrary<Debt> debt = Combinators.combine(Arbitraries.integers().between(0, 2),
        Arbitraries.longs().between(600_000, 30_000_000), Arbitraries.longs().between(0, 1_000_000),
        Arbitraries.integers().between(91, 400)).as((p, principal, part, days) -> new Debt("d", platforms[p],
            products[p], Money.ofFen(principal), Money.ofFen(part), Money.ofFen(part / 2), Money.ofFen(part / 3),
            Money.ofFen(part / 5), Money.ofFen(part / 7), Rate.of("0.18"), days));
    NegotiationRequest sample = Samples.sampleCase();
    return Combinators.combine(debt.list().ofMinSize(1).ofMaxSize(4), scale, Arbitraries.integers().between(0, 120),
        Arbitraries.integers().between(0, 40)).as((debts, k, in, sv) -> {
          List<Debt> scaled = new java.util.ArrayList<>();
          long owed = 0;
          for (int i = 0; i < debts.size(); i++) {
            Debt d = debts.get(i);
            Debt big = new Debt("d" + i, d.platformId(), d.productType(), d.principal().times(k),
                d.interest().times(k), d.penaltyInterest().times(k), d.compoundInterest().times(k),
                d.lateFees().times(k), d.otherFees().times(k), d.annualRate(), d.overdueDays());
            scaled.add(big);
            owed += big.totalOwed().fen();
          }
          Borrower b = sample.borrower();
          Money income = Money.ofFen(Math.min(owed / 1000 * in + 1_000_000, Money.LARGEST_INPUT.fen()));
          Money savings = Money.ofFen(Math.min(owed / 100 * sv, Money.LARGEST_INPUT.fen()));
          return new NegotiationRequest("large", sample.asOf(), new Borrower(b.name(), b.idNumber(), b.mobile(),
              b.regionCode(), b.householdSize(), income, b.essentialExpenses(), savings, b.hardships(),
              b.hasHardshipProof()), scaled);
        });
  }

  @Provide
  Arbitrary<Policy> policies() {
    Arbitrary<Policy.Installments> installments = Combinators.combine(Arbitraries.integers().between(1, 60),
        Arbitraries.integers().between(0, 10), Arbitraries.integers().between(1, 6),
        Arbitraries.of(RepaymentMethod.class), rate(12), rate(12)).as((min, steps, step, method, annual, fee) ->
            method == RepaymentMethod.INTEREST_FREE
                ? new Policy.Installments(min, Math.min(60, min + steps * step) - (Math.min(60, min + steps * step)
                    - min) % step, step, method, Rate.ZERO, Rate.ZERO)
                : new Policy.Installments(min, Math.min(60, min + steps * step) - (Math.min(60, min + steps * step)
                    - min) % step, step, method, annual.compareTo(Rate.of("1")) > 0 ? Rate.of("1") : annual,
                    fee.compareTo(Rate.of("0.1")) > 0 ? Rate.of("0.1") : fee));
    Arbitrary<Policy.Waivers> waivers = ratio().list().ofSize(6).map(r -> new Policy.Waivers(r.get(0), r.get(1),
        r.get(2), r.get(3), r.get(4), r.get(5)));
    Arbitrary<Policy.Eligibility> eligibility = Combinators.combine(Arbitraries.integers().between(0, 3650),
        Arbitraries.of(true, false), money()).as(Policy.Eligibility::new);
    Arbitrary<Policy.Source> source = Combinators.combine(text(TextFields.MAX_ID_LENGTH),
        text(Policy.MAX_TEXT_LENGTH).injectNull(0.5), text(200).injectNull(0.5)).as(Policy.Source::new);
    Arbitrary<Object[]> head = Combinators.combine(text(TextFields.MAX_ID_LENGTH), text(TextFields.MAX_ID_LENGTH),
        Arbitraries.of(ProductType.class).set().ofMinSize(1).map(List::copyOf), text(TextFields.MAX_ID_LENGTH),
        date(), Arbitraries.integers().between(0, 5000).injectNull(0.5)).as((id, name, types, version, from, days) ->
            new Object[] {id, name, types, version, from, days == null ? null : lastWritten(from.plusDays(days))});
    return Combinators.combine(head, eligibility, installments, waivers, ratio(),
        text(Policy.MAX_TEXT_LENGTH).list().ofMaxSize(3), source).as((h, e, i, w, down, legal, s) -> {
          @SuppressWarnings("unchecked")
          List<ProductType> types = (List<ProductType>) h[2];
          return new Policy(1, (String) h[0], (String) h[1], types, (String) h[3], (LocalDate) h[4],
              (LocalDate) h[5], e, i, w, new Policy.DownPayment(down), legal, s);
        });
  }

  @Provide
  Arbitrary<Schedule> schedules() {
    return Combinators.combine(Arbitraries.of(RepaymentMethod.class), rate(6).filter(r -> r.compareTo(Rate.of("1"))
        <= 0), rate(6).filter(r -> r.compareTo(Rate.of("0.1")) <= 0), Arbitraries.longs().between(1,
        10_000_000_000L), Arbitraries.integers().between(1, 120), Arbitraries.longs().between(0, 1_000_000))
        .as((method, annual, fee, financed, term, down) -> method == RepaymentMethod.INTEREST_FREE
            ? Amortizer.of(method, Rate.ZERO, Rate.ZERO).schedule(Money.ofFen(financed), term, Money.ofFen(down))
            : Amortizer.of(method, annual, fee).schedule(Money.ofFen(financed), term, Money.ofFen(down)));
  }

  @Provide
  Arbitrary<AcceptanceCoefficients> coefficients() {
    Arbitrary<Double> d = Arbitraries.doubles().between(-100, 100); // any double in range: written shortest, read exactly
    return d.list().ofSize(7).map(c -> new AcceptanceCoefficients(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4),
        c.get(5), c.get(6)));
  }
}
