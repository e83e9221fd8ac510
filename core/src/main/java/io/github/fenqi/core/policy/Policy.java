package io.github.fenqi.core.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.fenqi.core.Dates;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.json.WholeRange;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.Amortizer;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One version of one lender's negotiation policy, kept as data. Its JSON form (schemaVersion 1) is the
 * policy file format of {@code samples/policies/}; {@link PolicyValidator} checks a file and reports every
 * problem at once.
 *
 * <p>Thread-safety: immutable.
 *
 * @param schemaVersion the file format, 1
 * @param platformId the lender's platform id, as debts name it: like theirs, one line of visible text of at most
 *     {@link TextFields#MAX_ID_LENGTH} characters
 * @param platformName a display name: one line of visible text, at most {@link TextFields#MAX_ID_LENGTH} characters
 * @param productTypes the products the policy covers, at least one, each once
 * @param version the lender's version label (often the publication date), one line as {@code platformId}
 * @param effectiveFrom first day the policy applies
 * @param effectiveTo last day it applies, or null while current
 * @param eligibility who may negotiate
 * @param installments the terms of an installment plan; at most {@link #MAX_CREDIT_CARD_TERM} months when the policy
 *     covers CREDIT_CARD
 * @param waivers the most of each component that may be waived
 * @param downPayment the least down payment
 * @param legalBasis legal references a script cites, each one line of visible text of at most
 *     {@link #MAX_TEXT_LENGTH} characters (absent: none)
 * @param source where the policy comes from
 */
@JsonPropertyOrder({"schemaVersion", "platformId", "platformName", "productTypes", "version", "effectiveFrom",
    "effectiveTo", "eligibility", "installments", "waivers", "downPayment", "legalBasis", "source"})
public record Policy(
    int schemaVersion,
    String platformId,
    String platformName,
    List<ProductType> productTypes,
    String version,
    LocalDate effectiveFrom,
    @Nullable LocalDate effectiveTo,
    Eligibility eligibility,
    Installments installments,
    Waivers waivers,
    DownPayment downPayment,
    List<String> legalBasis,
    Source source) {

  /** The only file format version this release reads. */
  public static final int SCHEMA_VERSION = 1;
  /**
   * The longest legal reference and source note or URL: a citation with its title and a short summary, or a long
   * link, fits many times over; a page pasted in does not belong in a script read out to a lender.
   */
  public static final int MAX_TEXT_LENGTH = 1000;
  /**
   * The longest term of a policy that covers credit cards, in months: 《商业银行信用卡业务监督管理办法》第七十条 limits a
   * credit card's individual installment agreement (个性化分期还款协议) to five years, and every credit-card script cites it.
   */
  public static final int MAX_CREDIT_CARD_TERM = 60;

  public Policy {
    List<Problem> problems = ownProblems(schemaVersion, platformId, platformName, productTypes, version, effectiveFrom,
        effectiveTo, legalBasis);
    require(problems, "eligibility", eligibility);
    require(problems, "installments", installments);
    require(problems, "waivers", waivers);
    require(problems, "downPayment", downPayment);
    require(problems, "source", source);
    if (productTypes != null && installments != null) {
      creditCardTermProblem(productTypes, installments.max()).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    productTypes = List.copyOf(productTypes);
    legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
  }

  /**
   * The problems of the policy's own fields, apart from its parts (eligibility, installments, ...): what the constructor
   * refuses of them. {@link PolicyValidator} asks for these also when a part is wrong, so a file's every problem is
   * listed at once.
   */
  static List<Problem> ownProblems(int schemaVersion, @Nullable String platformId, @Nullable String platformName,
      @Nullable List<ProductType> productTypes, @Nullable String version, @Nullable LocalDate effectiveFrom,
      @Nullable LocalDate effectiveTo, @Nullable List<String> legalBasis) {
    List<Problem> problems = new ArrayList<>();
    if (schemaVersion != SCHEMA_VERSION) {
      problems.add(Problem.of("schemaVersion", schemaVersion + " is not supported; expected " + SCHEMA_VERSION));
    }
    // the identifiers a debt names and a report prints: one line of visible text, as a debt's platformId must be
    TextFields.check("platformId", platformId, TextFields.MAX_ID_LENGTH).ifPresent(problems::add);
    // printed as the title of every script to the lender and in reports: a line break in it forged a script line
    TextFields.check("platformName", platformName, TextFields.MAX_ID_LENGTH).ifPresent(problems::add);
    if (productTypes == null || productTypes.isEmpty()) {
      problems.add(Problem.of("productTypes", "must list at least one product type"));
    } else {
      // each once: a list of 500 000 repeats had validated, and every eligibility check printed it whole
      for (int i = 0; i < productTypes.size(); i++) {
        int first = productTypes.indexOf(productTypes.get(i));
        if (first < i) {
          problems.add(Problem.of("productTypes[" + i + "]", productTypes.get(i) + " is listed already, at productTypes["
              + first + "]; list each product type once"));
          break;
        }
      }
    }
    TextFields.check("version", version, TextFields.MAX_ID_LENGTH).ifPresent(problems::add);
    Dates.outOfRange("effectiveFrom", effectiveFrom).ifPresent(problems::add);
    Dates.outOfRange("effectiveTo", effectiveTo).ifPresent(problems::add);
    if (effectiveFrom == null) {
      problems.add(Problem.of("effectiveFrom", "is required (YYYY-MM-DD)"));
    } else if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
      problems.add(Problem.of("effectiveTo", effectiveTo + " is before effectiveFrom " + effectiveFrom));
    }
    if (legalBasis != null) {
      problems.addAll(legalReferenceProblems("legalBasis", legalBasis));
    }
    return problems;
  }

  /**
   * The problems of legal references a script cites, each named {@code field[i]}: each is a numbered line of every
   * script's legal basis, printed as given, so it must be one line of visible text of at most {@link
   * #MAX_TEXT_LENGTH} characters (a {@code "\r\n5. 《…》"} in one forged a citation). The rule for a policy's
   * {@code legalBasis} and for references configured on a script generator.
   */
  public static List<Problem> legalReferenceProblems(String field, List<String> references) {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < references.size(); i++) {
      TextFields.check(field + "[" + i + "]", references.get(i), MAX_TEXT_LENGTH).ifPresent(problems::add);
    }
    return problems;
  }

  /**
   * The problem with a policy of {@code productTypes} whose longest term is {@code max} months: one that covers
   * CREDIT_CARD may not go beyond {@link #MAX_CREDIT_CARD_TERM}. A 72-month plan for a card had been proposed, and its
   * script cited the five-year provision to the bank. Split such a lender's policy by product type to offer other
   * products longer terms.
   */
  static Optional<Problem> creditCardTermProblem(List<ProductType> productTypes, int max) {
    if (max <= MAX_CREDIT_CARD_TERM || !productTypes.contains(ProductType.CREDIT_CARD)) {
      return Optional.empty();
    }
    return Optional.of(Problem.of("installments.max", max + " months in a policy covering CREDIT_CARD; "
        + "《商业银行信用卡业务监督管理办法》第七十条 limits a credit card's individual installment agreement to 5 years ("
        + MAX_CREDIT_CARD_TERM + " months): at most " + MAX_CREDIT_CARD_TERM + ", or a policy of its own for the other "
        + "product types"));
  }

  private static void require(List<Problem> problems, String field, @Nullable Object value) {
    if (value == null) {
      problems.add(Problem.of(field, "is required"));
    }
  }

  /** Whether the policy applies on {@code date}. */
  public boolean isEffectiveOn(LocalDate date) {
    return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
  }

  /** Whether the policy covers debts of this product type. */
  public boolean covers(ProductType type) {
    return productTypes.contains(type);
  }

  /** The terms in months a plan may have: min, min + step, ... up to max. */
  @JsonIgnore
  public List<Integer> allowedTerms() {
    return installments.allowedTerms();
  }

  /** The waiver cap of one component. */
  public Ratio waiverCap(DebtComponent component) {
    return waivers.cap(component);
  }

  /**
   * Who may negotiate.
   *
   * <p>Thread-safety: immutable.
   *
   * @param minOverdueDays the fewest days a debt must be overdue, 0..{@link Debt#MAX_OVERDUE_DAYS}: more would admit
   *     no debt at all
   * @param requiresHardshipProof whether the borrower must have given proof of hardship
   * @param minOutstanding the least a debt must owe in all
   */
  public record Eligibility(@WholeRange(min = 0, max = Debt.MAX_OVERDUE_DAYS) int minOverdueDays,
      boolean requiresHardshipProof, Money minOutstanding) {
    public Eligibility {
      List<Problem> problems = new ArrayList<>();
      if (minOverdueDays < 0) {
        problems.add(Problem.of("minOverdueDays", minOverdueDays + " is negative"));
      } else if (minOverdueDays > Debt.MAX_OVERDUE_DAYS) { // a typo (9100 for 91) had shut the lender's debts out
        problems.add(Problem.of("minOverdueDays", minOverdueDays + " is more than " + Debt.MAX_OVERDUE_DAYS
            + ", the most days a debt may be overdue (100 years): no debt could ever be eligible; is it in days?"));
      }
      if (minOutstanding == null) {
        problems.add(Problem.of("minOutstanding", "is required (use \"0.00\" for none)"));
      } else if (minOutstanding.isNegative()) {
        problems.add(Problem.of("minOutstanding", "'" + minOutstanding + "' is negative"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }
  }

  /**
   * Installment terms: {@code min..max} months by {@code step}; {@code max} must be reachable from
   * {@code min} by whole steps so that the longest term a lender advertises is one a plan can have.
   *
   * <p>Thread-safety: immutable.
   */
  public record Installments(@WholeRange(min = 1, max = Amortizer.MAX_TERM) int min,
      @WholeRange(min = 1, max = Amortizer.MAX_TERM) int max, int step, RepaymentMethod method, Rate annualRate,
      Rate monthlyFeeRate) {
    public Installments {
      List<Problem> problems = new ArrayList<>();
      if (min < 1 || min > 360) {
        problems.add(Problem.of("min", min + " is outside 1..360 months"));
      }
      if (max < 1 || max > 360) {
        problems.add(Problem.of("max", max + " is outside 1..360 months"));
      } else if (max < min) {
        problems.add(Problem.of("max", max + " is below min " + min));
      }
      if (step < 1) {
        problems.add(Problem.of("step", step + " must be at least 1"));
      } else if (max >= min && min >= 1 && (max - min) % step != 0) {
        problems.add(Problem.of("step", "no term reaches max " + max + " from min " + min + " in steps of " + step));
      }
      if (method == null) {
        problems.add(Problem.of("method", "is required; one of " + List.of(RepaymentMethod.values())));
      }
      if (annualRate == null) {
        problems.add(Problem.of("annualRate", "is required (use \"0\" for none)"));
      } else {
        Amortizer.checkAnnualRate("annualRate", annualRate).ifPresent(problems::add);
      }
      if (monthlyFeeRate == null) {
        problems.add(Problem.of("monthlyFeeRate", "is required (use \"0\" for none)"));
      }
      if (method == RepaymentMethod.INTEREST_FREE) { // its schedules charge neither, whatever the rates say
        notChargedWhenInterestFree(problems, "annualRate", annualRate);
        notChargedWhenInterestFree(problems, "monthlyFeeRate", monthlyFeeRate);
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }

    /**
     * A rate an INTEREST_FREE policy states but its plans would not charge: a policy of 18 % a year, INTEREST_FREE, had
     * validated, and its plans charged nothing without a word; which of the two the lender meant is theirs to say.
     */
    private static void notChargedWhenInterestFree(List<Problem> problems, String field, @Nullable Rate rate) {
      if (rate != null && !rate.isZero()) {
        problems.add(Problem.of(field, "'" + rate + "' is not charged by method INTEREST_FREE (interest stopped, no "
            + "fee); write \"0\", or the method that charges it"));
      }
    }

    /**
     * min, min + step, ..., max. Counted in {@code long}: a policy of one term may state any step, and a step near
     * {@link Integer#MAX_VALUE} had carried the count past it and round to negative terms ({@code 12..12} by
     * 2147483647 listed 13 terms from 12 down to 0), so every case of the lender failed.
     */
    public List<Integer> allowedTerms() {
      List<Integer> terms = new ArrayList<>();
      for (long t = min; t <= max; t += step) {
        terms.add((int) t);
      }
      return List.copyOf(terms);
    }
  }

  /**
   * The most of each component that may be waived, as a fraction of that component.
   *
   * <p>Thread-safety: immutable.
   */
  public record Waivers(Ratio principal, Ratio interest, Ratio penaltyInterest, Ratio compoundInterest, Ratio lateFees,
      Ratio otherFees) {
    public Waivers {
      Ratio[] caps = {principal, interest, penaltyInterest, compoundInterest, lateFees, otherFees}; // DebtComponent order
      List<Problem> problems = new ArrayList<>();
      for (DebtComponent c : DebtComponent.values()) {
        if (caps[c.ordinal()] == null) {
          problems.add(Problem.of(c.jsonName(), "is required (use \"0\" when nothing may be waived)"));
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }

    public Ratio cap(DebtComponent component) {
      return switch (component) {
        case PRINCIPAL -> principal;
        case INTEREST -> interest;
        case PENALTY_INTEREST -> penaltyInterest;
        case COMPOUND_INTEREST -> compoundInterest;
        case LATE_FEES -> lateFees;
        case OTHER_FEES -> otherFees;
      };
    }
  }

  /**
   * The least down payment, as a fraction of the settled amount.
   *
   * <p>Thread-safety: immutable.
   */
  public record DownPayment(Ratio minRatio) {
    public DownPayment {
      if (minRatio == null) {
        throw new InvalidInputException("minRatio", "is required (use \"0\" for none)");
      }
    }
  }

  /**
   * Where the policy comes from: {@code EXAMPLE}, {@code ANNOUNCEMENT}, {@code CUSTOMER_SERVICE}, {@code CONTRACT}, ...
   * Each field is one line of visible text, as the policy's names are: the kind at most {@link TextFields#MAX_ID_LENGTH}
   * characters, the note and URL, when given, at most {@link #MAX_TEXT_LENGTH}. They are shown wherever a policy is
   * listed or reviewed, and a line break or terminal escape in one would forge or hide lines there.
   *
   * <p>Thread-safety: immutable.
   *
   * @param kind the kind of source
   * @param note what the source says of itself, or null
   * @param url where it was published, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Source(String kind, @Nullable String note, @Nullable String url) {
    public Source {
      List<Problem> problems = new ArrayList<>();
      TextFields.check("kind", kind, TextFields.MAX_ID_LENGTH).ifPresent(problems::add);
      if (note != null) {
        TextFields.check("note", note, MAX_TEXT_LENGTH).ifPresent(problems::add);
      }
      if (url != null) {
        TextFields.check("url", url, MAX_TEXT_LENGTH).ifPresent(problems::add);
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }
  }

  @Override
  public String toString() {
    return "Policy[" + platformId + " " + version + " from " + effectiveFrom + (effectiveTo == null ? "" : " to " + effectiveTo) + "]";
  }

}
