package io.github.fenqi.rules.internal;

import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.borrower.Hardship;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.Policy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The allow-list of what a condition may read — the facts {@code debt}, {@code borrower}, {@code policy},
 * {@code asOf}, their whitelisted properties and a few derived top-level names — and the per-evaluation views
 * handed to MVEL. The views are plain maps holding exactly the whitelisted values (numbers as
 * {@link BigDecimal}, money in yuan), never the domain objects, so even a property lookup cannot reach a Java
 * method. Personal identifiers (name, ID number, mobile) are not facts.
 *
 * <p>Thread-safety: stateless.
 */
public final class FactCatalog {

  /** The type of a value in a condition. Thread-safety: immutable (an enum). */
  public enum Type { NUMBER, STRING, BOOLEAN }

  /** The fact objects; each is usable only through its properties. */
  public static final List<String> FACTS = List.of("debt", "borrower", "policy", "asOf");

  private static final Map<String, Type> PROPERTIES = buildProperties();

  private FactCatalog() {}

  private static Map<String, Type> buildProperties() {
    Map<String, Type> m = new LinkedHashMap<>();
    m.put("debt.id", Type.STRING);
    m.put("debt.platformId", Type.STRING);
    m.put("debt.productType", Type.STRING);
    for (DebtComponent c : DebtComponent.values()) {
      m.put("debt." + c.jsonName(), Type.NUMBER);
    }
    m.put("debt.totalOwed", Type.NUMBER);
    m.put("debt.annualRate", Type.NUMBER);
    m.put("debt.overdueDays", Type.NUMBER);
    m.put("borrower.regionCode", Type.STRING);
    m.put("borrower.householdSize", Type.NUMBER);
    m.put("borrower.liquidSavings", Type.NUMBER);
    m.put("borrower.hasHardshipProof", Type.BOOLEAN);
    m.put("borrower.hardshipCount", Type.NUMBER);
    m.put("policy.platformId", Type.STRING);
    m.put("policy.version", Type.STRING);
    m.put("policy.minOverdueDays", Type.NUMBER);
    m.put("policy.requiresHardshipProof", Type.BOOLEAN);
    m.put("policy.minOutstanding", Type.NUMBER);
    m.put("policy.minInstallments", Type.NUMBER);
    m.put("policy.maxInstallments", Type.NUMBER);
    m.put("policy.installmentStep", Type.NUMBER);
    m.put("policy.annualRate", Type.NUMBER);
    m.put("policy.monthlyFeeRate", Type.NUMBER);
    m.put("policy.minDownPaymentRatio", Type.NUMBER);
    for (DebtComponent c : DebtComponent.values()) {
      m.put("policy." + c.jsonName() + "WaiverCap", Type.NUMBER);
    }
    m.put("asOf.year", Type.NUMBER);
    m.put("asOf.month", Type.NUMBER);
    m.put("asOf.dayOfMonth", Type.NUMBER);
    m.put("asOf.epochDay", Type.NUMBER);
    m.put("overdueDays", Type.NUMBER);
    m.put("totalOwed", Type.NUMBER);
    m.put("hasHardshipProof", Type.BOOLEAN);
    m.put("productType", Type.STRING);
    m.put("platformId", Type.STRING);
    return Collections.unmodifiableMap(m);
  }

  /** Every readable name ({@code debt.overdueDays}, {@code totalOwed} ...) with its type, in documentation order. */
  public static Map<String, Type> properties() {
    return PROPERTIES;
  }

  /** The type of a whitelisted name, or null when it is not on the allow-list. */
  static Type typeOf(String path) {
    return PROPERTIES.get(path);
  }

  /** The whitelisted properties of one fact, for error messages. */
  static Set<String> propertiesOf(String fact) {
    Set<String> out = new TreeSet<>();
    for (String p : PROPERTIES.keySet()) {
      if (p.startsWith(fact + ".")) {
        out.add(p.substring(fact.length() + 1));
      }
    }
    return out;
  }

  /** The top-level derived names. */
  static Set<String> topLevel() {
    Set<String> out = new TreeSet<>();
    for (String p : PROPERTIES.keySet()) {
      if (p.indexOf('.') < 0) {
        out.add(p);
      }
    }
    return out;
  }

  /** The MVEL variables of one evaluation: the fact views under their documented names. */
  public static Map<String, Object> variables(Debt debt, Borrower borrower, Policy policy, LocalDate asOf) {
    Map<String, Object> d = new HashMap<>(16);
    d.put("id", debt.id());
    d.put("platformId", debt.platformId());
    d.put("productType", debt.productType().name());
    for (DebtComponent c : DebtComponent.values()) {
      d.put(c.jsonName(), yuan(debt.amount(c)));
    }
    BigDecimal owed = yuan(debt.totalOwed());
    d.put("totalOwed", owed);
    d.put("annualRate", debt.annualRate().value());
    BigDecimal overdue = BigDecimal.valueOf(debt.overdueDays());
    d.put("overdueDays", overdue);

    Map<String, Object> b = new HashMap<>(8);
    b.put("regionCode", borrower.regionCode());
    b.put("householdSize", BigDecimal.valueOf(borrower.householdSize()));
    b.put("liquidSavings", yuan(borrower.liquidSavings()));
    b.put("hasHardshipProof", borrower.hasHardshipProof());
    b.put("hardshipCount", BigDecimal.valueOf(borrower.hardships().size()));
    List<String> hardships = new ArrayList<>();
    for (Hardship h : borrower.hardships()) {
      hardships.add(h.name());
    }
    b.put(Functions.HARDSHIPS_KEY, List.copyOf(hardships));

    Map<String, Object> p = new HashMap<>(32);
    p.put("platformId", policy.platformId());
    p.put("version", policy.version());
    p.put("minOverdueDays", BigDecimal.valueOf(policy.eligibility().minOverdueDays()));
    p.put("requiresHardshipProof", policy.eligibility().requiresHardshipProof());
    p.put("minOutstanding", yuan(policy.eligibility().minOutstanding()));
    p.put("minInstallments", BigDecimal.valueOf(policy.installments().min()));
    p.put("maxInstallments", BigDecimal.valueOf(policy.installments().max()));
    p.put("installmentStep", BigDecimal.valueOf(policy.installments().step()));
    p.put("annualRate", policy.installments().annualRate().value());
    p.put("monthlyFeeRate", policy.installments().monthlyFeeRate().value());
    p.put("minDownPaymentRatio", policy.downPayment().minRatio().value());
    for (DebtComponent c : DebtComponent.values()) {
      p.put(c.jsonName() + "WaiverCap", policy.waiverCap(c).value());
    }

    Map<String, Object> a = new HashMap<>(8);
    a.put("year", BigDecimal.valueOf(asOf.getYear()));
    a.put("month", BigDecimal.valueOf(asOf.getMonthValue()));
    a.put("dayOfMonth", BigDecimal.valueOf(asOf.getDayOfMonth()));
    a.put("epochDay", BigDecimal.valueOf(asOf.toEpochDay()));

    Map<String, Object> v = new HashMap<>(16);
    v.put("debt", d);
    v.put("borrower", b);
    v.put("policy", p);
    v.put("asOf", a);
    v.put("overdueDays", overdue);
    v.put("totalOwed", owed);
    v.put("hasHardshipProof", borrower.hasHardshipProof());
    v.put("productType", debt.productType().name());
    v.put("platformId", debt.platformId());
    return v;
  }

  /** The value of a name read by a condition, from {@link #variables}; null if absent. */
  static Object read(Map<String, Object> variables, String path) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      return variables.get(path);
    }
    Object fact = variables.get(path.substring(0, dot));
    return fact instanceof Map<?, ?> m ? m.get(path.substring(dot + 1)) : null;
  }

  private static BigDecimal yuan(Money m) {
    return BigDecimal.valueOf(m.fen(), 2);
  }
}
