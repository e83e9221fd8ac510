package io.github.fenqi.nlp.watch;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicySnapshot;
import io.github.fenqi.core.schedule.RepaymentMethod;
import io.github.fenqi.nlp.PolicyField;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link PolicyStore} over fenqi-core's {@link InMemoryPolicyRepository}: live values are read from the
 * policy in force today, and an applied change becomes a new policy version (effective today, version
 * {@code <date>-nlp-<change id>}) put into the repository, which validates it and reports it to its listeners (and
 * so to the engine's audit log). {@link #draft(Policy, Map, String, LocalDate)} is the same conversion for callers
 * who review a draft policy before anything is applied. For policies kept as files, {@link DirectoryPolicyStore}
 * applies the same draft by writing it into the directory.
 *
 * <p>{@code stopsInterest = true} becomes the {@link RepaymentMethod#INTEREST_FREE} method, with the base policy's
 * annual rate and monthly fee rate both set to zero (an interest-free policy charges neither, and core refuses one that
 * states either; a fee rate the same text states is kept, and so refused); {@code false} cannot be applied to an
 * interest-free policy (the text does not say which method replaces it) and is refused.
 *
 * <p>Dates: "today" is the date in {@link NegotiationEngine#CASE_ZONE} (China's) at the clock's instant, whatever zone
 * the clock carries, because the engine reads a policy's dates in that zone. With the clock's own zone, a change applied
 * before 08:00 in Beijing by a store on a UTC clock ({@code Clock.systemUTC()}, the watcher's default) had become a
 * version effective the previous Beijing day.
 *
 * <p>Thread-safety: thread-safe; {@link #apply} is serialised (use one store per repository: applies through two
 * stores over the same repository are not serialised with each other).
 */
public final class RepositoryPolicyStore implements PolicyStore {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RepositoryPolicyStore.class);
  private final InMemoryPolicyRepository repository;
  private final Clock clock;
  private final String actor;

  /**
   * @param clock only its instant counts: today is that instant's date in {@link NegotiationEngine#CASE_ZONE}
   * @param actor who the repository records as having made the change (e.g. {@code nlp-watcher})
   */
  public RepositoryPolicyStore(InMemoryPolicyRepository repository, Clock clock, String actor) {
    this.repository = repository;
    this.clock = clock;
    this.actor = actor;
  }

  @Override
  public Map<PolicyField, Object> liveValues(String platformId) {
    PolicySnapshot snapshot = repository.snapshot();
    return liveValues(snapshot, platformId, today(snapshot, platformId, clock));
  }

  /**
   * The day a store reads the live policy on and applies a change as of: the clock's date in
   * {@link NegotiationEngine#CASE_ZONE} (whatever zone the clock carries), unless a version this
   * watcher applied ({@code <date>-nlp-…}, effective on that date) is effective later, when the clock has stepped back
   * (an NTP correction across midnight, a host restored from a snapshot) and that date is kept. With the clock's date,
   * a change was drawn from the older version live that day and applied as a version effective before the newer one,
   * so once the clock caught up the newer one was live again: a change reported APPLIED was silently gone.
   */
  static LocalDate today(PolicySnapshot snapshot, String platformId, Clock clock) {
    LocalDate clockDate = LocalDate.ofInstant(clock.instant(), NegotiationEngine.CASE_ZONE);
    LocalDate today = clockDate;
    for (Policy p : snapshot.history(platformId)) {
      if (p.effectiveFrom().isAfter(today) && p.version().startsWith(p.effectiveFrom() + "-nlp-")) {
        today = p.effectiveFrom();
      }
    }
    if (!today.equals(clockDate)) {
      LOG.warn("the clock reads {}, before {}, the date of the newest version of {} applied from announcements; {} is "
          + "taken as today (has the clock stepped back?)", clockDate, today, platformId, today);
    }
    return today;
  }

  /** The extractable fields of the platform's policy live on {@code today}; empty when it has none. */
  static Map<PolicyField, Object> liveValues(PolicySnapshot snapshot, String platformId, LocalDate today) {
    Optional<Policy> live = snapshot.find(platformId, today);
    return live.map(RepositoryPolicyStore::values).orElse(Map.of());
  }

  /**
   * Applies the change as a new version effective today. A second change of the same day supersedes the first (it was
   * drawn from it, as the live policy): two versions from one day would leave which applies to their labels' order.
   * Serialised, so that a change is always drawn from the version the previous one made (two approvals at once
   * would otherwise both be drawn from the same policy, and the second would undo the first).
   */
  @Override
  public synchronized void apply(PolicyChange change) {
    PolicySnapshot snapshot = repository.snapshot();
    repository.supersede(draftFor(snapshot, change, today(snapshot, change.platformId(), clock)), actor);
  }

  /**
   * The new version a reviewed change makes of the platform's policy live on {@code today}: version
   * {@code <today>-nlp-<change id>}, effective today.
   *
   * @throws FenqiException when the platform has no live policy
   */
  static Policy draftFor(PolicySnapshot snapshot, PolicyChange change, LocalDate today) {
    Policy live = snapshot.find(change.platformId(), today)
        .orElseThrow(() -> new FenqiException("no live policy of " + change.platformId() + " to change"));
    Map<PolicyField, Object> values = new EnumMap<>(PolicyField.class);
    for (FieldChange f : change.changes()) {
      values.put(f.field(), f.proposed().value());
    }
    return draft(live, values, today + "-nlp-" + change.id(), today);
  }

  /** The extractable fields {@code policy} defines, with its values. */
  public static Map<PolicyField, Object> values(Policy p) {
    Map<PolicyField, Object> v = new EnumMap<>(PolicyField.class);
    v.put(PolicyField.MAX_INSTALLMENTS, p.installments().max());
    v.put(PolicyField.MIN_INSTALLMENTS, p.installments().min());
    v.put(PolicyField.MIN_OVERDUE_DAYS, p.eligibility().minOverdueDays());
    v.put(PolicyField.MAX_INTEREST_WAIVER, p.waivers().interest().value());
    v.put(PolicyField.MAX_PENALTY_WAIVER, p.waivers().penaltyInterest().value());
    v.put(PolicyField.MAX_LATE_FEE_WAIVER, p.waivers().lateFees().value());
    v.put(PolicyField.PRINCIPAL_WAIVER, p.waivers().principal().value());
    v.put(PolicyField.MIN_DOWN_PAYMENT_RATIO, p.downPayment().minRatio().value());
    v.put(PolicyField.REQUIRES_HARDSHIP_PROOF, p.eligibility().requiresHardshipProof());
    v.put(PolicyField.STOPS_INTEREST, p.installments().method() == RepaymentMethod.INTEREST_FREE);
    v.put(PolicyField.MONTHLY_FEE_RATE, p.installments().monthlyFeeRate().value());
    return v;
  }

  /**
   * A draft: {@code base} with {@code values} replacing its fields, as version {@code version} effective from
   * {@code from} to the base's last day ({@code effectiveTo}, kept unless it is before {@code from}). Every record's
   * validation runs, so an inconsistent draft (max below min, a ratio above 1) is an {@link InvalidInputException}
   * naming the field, a policy part's at its path in the policy's JSON ({@code installments.max}); so is a value of
   * the wrong type for its field's {@link PolicyField.Kind} (a {@code Long} or {@code Double} where an
   * {@code Integer} or {@code BigDecimal} is expected) or a null one.
   */
  public static Policy draft(Policy base, Map<PolicyField, Object> values, String version, LocalDate from) {
    checkTypes(values);
    Policy.Eligibility e = base.eligibility();
    Policy.Installments i = base.installments();
    Policy.Waivers w = base.waivers();
    int min = (Integer) values.getOrDefault(PolicyField.MIN_INSTALLMENTS, i.min());
    int max = (Integer) values.getOrDefault(PolicyField.MAX_INSTALLMENTS, i.max());
    Object stops = values.get(PolicyField.STOPS_INTEREST);
    if (Boolean.FALSE.equals(stops) && i.method() == RepaymentMethod.INTEREST_FREE) {
      throw new InvalidInputException("stopsInterest", "the text says interest is charged but not which repayment "
          + "method replaces INTEREST_FREE; edit the policy by hand");
    }
    RepaymentMethod method = Boolean.TRUE.equals(stops) ? RepaymentMethod.INTEREST_FREE : i.method();
    Rate annualRate = Boolean.TRUE.equals(stops) ? Rate.ZERO : i.annualRate();
    // stopping interest drops the base's fee with its rate: an INTEREST_FREE policy charges neither (core refuses one
    // stating either); a fee the text itself states beside the stop is refused by that check, naming monthlyFeeRate
    Rate fee = values.containsKey(PolicyField.MONTHLY_FEE_RATE)
        ? named(PolicyField.MONTHLY_FEE_RATE, () -> Rate.of((BigDecimal) values.get(PolicyField.MONTHLY_FEE_RATE)))
        : Boolean.TRUE.equals(stops) ? Rate.ZERO : i.monthlyFeeRate();
    // the base's last day stays, like every field the text does not mention: an open-ended draft of a programme that
    // ends had made it run on for good (none when the draft starts after it: the base is not in force then)
    LocalDate to = base.effectiveTo() != null && !base.effectiveTo().isBefore(from) ? base.effectiveTo() : null;
    int minOverdueDays = (Integer) values.getOrDefault(PolicyField.MIN_OVERDUE_DAYS, e.minOverdueDays());
    boolean proof = (Boolean) values.getOrDefault(PolicyField.REQUIRES_HARDSHIP_PROOF, e.requiresHardshipProof());
    Ratio principal = ratio(values, PolicyField.PRINCIPAL_WAIVER, w.principal());
    Ratio interest = ratio(values, PolicyField.MAX_INTEREST_WAIVER, w.interest());
    Ratio penalty = ratio(values, PolicyField.MAX_PENALTY_WAIVER, w.penaltyInterest());
    Ratio lateFees = ratio(values, PolicyField.MAX_LATE_FEE_WAIVER, w.lateFees());
    Ratio minDown = ratio(values, PolicyField.MIN_DOWN_PAYMENT_RATIO, base.downPayment().minRatio());
    return new Policy(base.schemaVersion(), base.platformId(), base.platformName(), base.productTypes(), version, from, to,
        under("eligibility", () -> new Policy.Eligibility(minOverdueDays, proof, e.minOutstanding())),
        under("installments", () -> new Policy.Installments(min, max, i.step(), method, annualRate, fee)),
        under("waivers", () -> new Policy.Waivers(principal, interest, penalty, w.compoundInterest(), lateFees,
            w.otherFees())),
        under("downPayment", () -> new Policy.DownPayment(minDown)),
        base.legalBasis(), base.source());
  }

  /**
   * {@code make}'s part of the policy; its refusals are located at their path in the policy's JSON, as the policy
   * validator names them ({@code installments.max: 60 is below min 72}): the part's own constructor names only the
   * field, and a bare {@code max} had not said of what.
   */
  private static <T> T under(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.problems().stream()
          .map(p -> Problem.of(path + "." + p.location(), p.reason())).toList());
    }
  }

  private static Ratio ratio(Map<PolicyField, Object> values, PolicyField field, Ratio current) {
    Object v = values.get(field);
    return v == null ? current : named(field, () -> Ratio.of((BigDecimal) v));
  }

  /** {@code make}'s value; its refusal ("ratio: '1.5' is outside 0..1") is located at the field it is for. */
  private static <T> T named(PolicyField field, Supplier<T> make) {
    try {
      return make.get();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(field.jsonName(), e.problems().get(0).reason());
    }
  }

  /** Each value is of its field's type: a wrong one is named, not a ClassCastException from deep inside. */
  private static void checkTypes(Map<PolicyField, Object> values) {
    List<Problem> problems = new ArrayList<>();
    values.forEach((field, v) -> {
      if (field == null) {
        problems.add(Problem.of("values", "a value without a field"));
        return;
      }
      Class<?> type = field.kind().type();
      if (v == null) {
        problems.add(Problem.of(field.jsonName(), "has no value; expected " + type.getSimpleName()));
      } else if (!type.isInstance(v)) {
        problems.add(Problem.of(field.jsonName(), "'" + v + "' is a " + v.getClass().getSimpleName() + "; expected "
            + type.getSimpleName()));
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
