package io.github.fenqi.nlp;

/**
 * The policy fields the extractor can read from text, with their JSON names and the kind of value each holds.
 *
 * <p>Thread-safety: immutable.
 */
public enum PolicyField {
  MAX_INSTALLMENTS("maxInstallments", Kind.MONTHS),
  MIN_INSTALLMENTS("minInstallments", Kind.MONTHS),
  MIN_OVERDUE_DAYS("minOverdueDays", Kind.DAYS),
  MAX_INTEREST_WAIVER("maxInterestWaiver", Kind.RATIO),
  MAX_PENALTY_WAIVER("maxPenaltyWaiver", Kind.RATIO),
  MAX_LATE_FEE_WAIVER("maxLateFeeWaiver", Kind.RATIO),
  PRINCIPAL_WAIVER("principalWaiver", Kind.RATIO),
  MIN_DOWN_PAYMENT_RATIO("minDownPaymentRatio", Kind.RATIO),
  REQUIRES_HARDSHIP_PROOF("requiresHardshipProof", Kind.FLAG),
  STOPS_INTEREST("stopsInterest", Kind.FLAG),
  MONTHLY_FEE_RATE("monthlyFeeRate", Kind.RATE);

  /** What a field's value is and which Java type carries it. Thread-safety: immutable (an enum). */
  public enum Kind {
    /** A number of monthly installments ({@link Integer}). */
    MONTHS(Integer.class),
    /** A number of days ({@link Integer}). */
    DAYS(Integer.class),
    /** A ratio in 0..1 ({@link java.math.BigDecimal}). */
    RATIO(java.math.BigDecimal.class),
    /** A non-negative rate per month ({@link java.math.BigDecimal}). */
    RATE(java.math.BigDecimal.class),
    /** Yes or no ({@link Boolean}). */
    FLAG(Boolean.class);

    private final Class<?> type;

    Kind(Class<?> type) {
      this.type = type;
    }

    /** The Java type of values of this kind. */
    public Class<?> type() {
      return type;
    }
  }

  private final String jsonName;
  private final Kind kind;

  PolicyField(String jsonName, Kind kind) {
    this.jsonName = jsonName;
    this.kind = kind;
  }

  /** The camelCase name used in JSON and in the development corpus ({@code maxInstallments}). */
  public String jsonName() {
    return jsonName;
  }

  /** The kind of value this field holds. */
  public Kind kind() {
    return kind;
  }

  /** The field with this JSON name. */
  public static java.util.Optional<PolicyField> ofJsonName(String name) {
    for (PolicyField f : values()) {
      if (f.jsonName.equals(name)) {
        return java.util.Optional.of(f);
      }
    }
    return java.util.Optional.empty();
  }
}
