package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.security.Masking;
import io.github.fenqi.core.solve.AcceptanceFeatures;
import io.github.fenqi.core.solve.PlanOption;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.testkit.Samples;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The proposal section states exactly the option's numbers — term, down payment, financed amount, first
 * (monthly) installment, total payable and every waived amount — in figures and, in zh-CN, in capitals.
 */
class ScriptProposalProperties {
  private static final ScriptGenerator GENERATOR = ScriptGenerator.defaults();
  private static final AffordabilityAssessment AFFORDABILITY =
      ScriptGeneratorTest.calculate(ScriptLanguage.ZH_CN, null).affordability();
  private static final Debt DEBT = ScriptGeneratorTest.CASE.debts().get(0);
  private static final Policy POLICY = Samples.policies().stream()
      .filter(p -> p.platformId().equals(DEBT.platformId())).findFirst().orElseThrow();
  static final Map<DebtComponent, String> ZH = Map.of(DebtComponent.PRINCIPAL, "本金", DebtComponent.INTEREST,
      "利息", DebtComponent.PENALTY_INTEREST, "罚息", DebtComponent.COMPOUND_INTEREST, "复利", DebtComponent.LATE_FEES,
      "违约金", DebtComponent.OTHER_FEES, "其他费用");
  static final Map<DebtComponent, String> EN = Map.of(DebtComponent.PRINCIPAL, "principal",
      DebtComponent.INTEREST, "interest", DebtComponent.PENALTY_INTEREST, "penalty interest",
      DebtComponent.COMPOUND_INTEREST, "compound interest", DebtComponent.LATE_FEES, "late fees",
      DebtComponent.OTHER_FEES, "other fees");

  @Provide
  Arbitrary<PlanOption> options() {
    Arbitrary<Map<DebtComponent, Money>> waivers = Arbitraries.longs().between(0, 3).list().ofSize(6).flatMap(kinds ->
        Arbitraries.longs().between(1, 500_000).list().ofSize(6).map(fen -> {
          Map<DebtComponent, Money> m = new EnumMap<>(DebtComponent.class);
          for (int i = 0; i < 6; i++) {
            if (kinds.get(i) == 0 && DEBT.amount(DebtComponent.values()[i]).isPositive()) {
              m.put(DebtComponent.values()[i], Money.ofFen(Math.min(fen.get(i), DEBT.amount(DebtComponent.values()[i]).fen())));
            }
          }
          return m;
        }));
    Arbitrary<Long> fen = Arbitraries.longs().between(1, 10_000_000);
    // at most 3 000 000 fen is waived of the 5 486 000 owed: the down payment is within what is left, and something is
    // left to finance; the installments repay the financed amount and up to 10 000 000 fen of interest and fees, the
    // first of them within their sum
    return Combinators.combine(Arbitraries.integers().between(1, 60), waivers, Arbitraries.longs().between(0, 2_000_000)
        .injectDuplicates(0.3).map(l -> l % 3 == 0 ? 0L : l), fen, fen.map(f -> f - 1)).as((term, waived, down, first,
            charges) -> {
          Money waivedTotal = waived.values().stream().reduce(Money.ZERO, Money::plus);
          Money settled = DEBT.totalOwed().minus(waivedTotal);
          Money financed = settled.minus(Money.ofFen(down));
          long installments = financed.fen() + charges;
          return new PlanOption(DEBT.id(), term, waived, waivedTotal, settled, Money.ofFen(down), financed,
              Money.ofFen(term == 1 ? installments : 1 + first % installments), Money.ofFen(down + installments), 0.9,
              new AcceptanceFeatures(0.5, 0.5, 0.1, DEBT.overdueDays(), true, 0.9), 0.7);
        });
  }

  private static NegotiationScript script(ScriptLanguage language, PlanOption o) {
    List<NegotiationScript> scripts = GENERATOR.generate(new ScriptRequest(ScriptGeneratorTest.CASE.borrower(), AFFORDABILITY,
        Strategy.BALANCED, List.of(new ScriptRequest.LenderPlan(DEBT, POLICY, o)), ScriptOptions.of(language)));
    assertEquals(1, scripts.size());
    NegotiationScript s = scripts.get(0);
    assertEquals(List.of(ScriptSection.Kind.values()), s.sections().stream().map(ScriptSection::kind).toList());
    s.sections().forEach(sec -> assertFalse(sec.text().isBlank(), sec.kind().name()));
    assertFalse(SensitiveWordFilter.defaults().containsAny(s.text()), s.text());
    assertTrue(s.findings().isEmpty(), s.findings().toString());
    var borrower = ScriptGeneratorTest.CASE.borrower();
    Masking masking = Masking.defaults();
    String hardship = s.section(ScriptSection.Kind.HARDSHIP).text();
    assertTrue(hardship.contains(masking.idNumber(borrower.idNumber())) && hardship.contains(masking.mobile(borrower.mobile())), hardship);
    assertFalse(s.text().contains(borrower.idNumber()) || s.text().contains(borrower.mobile()), s.text());
    return s;
  }

  private static String zh(Money m) {
    return TemplateScriptGenerator.figures(m) + "元（" + ChineseAmountWords.of(m) + "）";
  }

  private static String en(Money m) {
    return "CNY " + TemplateScriptGenerator.figures(m);
  }

  @Property(tries = 200)
  void chineseProposalStatesTheOptionsNumbersInFiguresAndCapitals(@ForAll("options") PlanOption o) {
    String p = script(ScriptLanguage.ZH_CN, o).section(ScriptSection.Kind.PROPOSAL).text();
    assertTrue(p.contains("其余" + zh(o.financedAmount()) + "分" + o.term() + "期偿还"), p);
    assertTrue(p.contains("首期还款" + zh(o.firstInstallment())), p);
    assertTrue(p.contains("合计还款" + zh(o.totalPayable())), p);
    assertTrue(p.contains(o.downPayment().isPositive() ? "首付" + zh(o.downPayment()) : "无需首付"), p);
    if (o.waived().isEmpty()) {
      assertTrue(p.contains("本方案不申请减免任何款项"), p);
    } else {
      o.waived().forEach((c, w) -> assertTrue(p.contains(ZH.get(c) + zh(w)), p + " lacks " + c + " " + w));
      assertTrue(p.contains("减免合计" + zh(o.waivedTotal())), p);
      assertTrue(p.contains("减免后应还" + zh(o.settledAmount())), p);
    }
  }

  @Property(tries = 200)
  void englishProposalStatesTheOptionsNumbers(@ForAll("options") PlanOption o) {
    String p = script(ScriptLanguage.EN, o).section(ScriptSection.Kind.PROPOSAL).text();
    assertTrue(p.contains("the remaining " + en(o.financedAmount()) + " over " + o.term()
        + (o.term() == 1 ? " monthly installment (" : " monthly installments (")), p);
    assertTrue(p.contains("the first installment is " + en(o.firstInstallment())), p);
    assertTrue(p.contains("and " + en(o.totalPayable()) + " is paid in total"), p);
    assertTrue(p.contains(o.downPayment().isPositive() ? "a down payment of " + en(o.downPayment()) : "no down payment"), p);
    if (o.waived().isEmpty()) {
      assertTrue(p.contains("asks for no waiver"), p);
    } else {
      o.waived().forEach((c, w) -> assertTrue(p.contains(EN.get(c) + " " + en(w)), p + " lacks " + c + " " + w));
      assertTrue(p.contains(en(o.waivedTotal()) + " in total"), p);
      assertTrue(p.contains("After the waiver, " + en(o.settledAmount()) + " is to be repaid"), p);
    }
  }

  /**
   * A plan is written up only when its option's figures add up as the script states them side by side: an option
   * with one figure off by any amount — a waiver beyond its component, a total that is not the waivers' sum, a settled
   * amount that is not the total owed less it, a down payment beyond it, a financed amount that is not the rest, no
   * installment — had been written up with sums that do not add up. Each is refused naming the figure.
   */
  @Property(tries = 200)
  void aPlanWhoseFiguresDoNotAddUpIsNotWrittenUp(@ForAll("options") PlanOption o,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 5) int figure,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 100_000_000) long off) {
    assertEquals(o, new ScriptRequest.LenderPlan(DEBT, POLICY, o).option());
    Money d = Money.ofFen(off);
    Map<DebtComponent, Money> waived = new EnumMap<>(DebtComponent.class);
    waived.putAll(o.waived());
    PlanOption broken;
    String field;
    switch (figure) {
      case 0 -> {
        waived.put(DebtComponent.INTEREST, DEBT.interest().plus(d));
        broken = with(o, o.term(), waived, o.waivedTotal(), o.settledAmount(), o.downPayment(), o.financedAmount());
        field = "option.waived.interest";
      }
      case 1 -> {
        broken = with(o, o.term(), waived, o.waivedTotal().plus(d), o.settledAmount(), o.downPayment(), o.financedAmount());
        field = "option.waivedTotal";
      }
      case 2 -> {
        broken = with(o, o.term(), waived, o.waivedTotal(), o.settledAmount().minus(d), o.downPayment(), o.financedAmount());
        field = "option.settledAmount";
      }
      case 3 -> {
        Money down = o.settledAmount().plus(d);
        broken = with(o, o.term(), waived, o.waivedTotal(), o.settledAmount(), down, o.settledAmount().minus(down));
        field = "option.downPayment";
      }
      case 4 -> {
        broken = with(o, o.term(), waived, o.waivedTotal(), o.settledAmount(), o.downPayment(), o.financedAmount().plus(d));
        field = "option.financedAmount";
      }
      default -> {
        broken = with(o, (int) -(off % 3), waived, o.waivedTotal(), o.settledAmount(), o.downPayment(), o.financedAmount());
        field = "option.term";
      }
    }
    PlanOption refused = broken;
    var e = org.junit.jupiter.api.Assertions.assertThrows(io.github.fenqi.core.InvalidInputException.class,
        () -> new ScriptRequest.LenderPlan(DEBT, POLICY, refused));
    assertTrue(e.problems().stream().anyMatch(p -> p.location().equals(field)), field + ": " + e.problems());
  }

  /**
   * A plan is written up only when its installments add up as the script states them: something left to pay in
   * installments, a first installment that is positive and within what the installments pay, a total payable of at
   * least the settled amount (the installments repay what is financed). An option built by hand had been written up as
   * "the remaining CNY 0.00 over 12 monthly installments: the first installment is CNY 0.00" under the provision for
   * installment agreements, with a first installment of -5.00元（负伍元整）, or with CNY 1.00 paid in total of 54,860.00
   * settled. Each is refused naming the figure.
   */
  @Property(tries = 200)
  void aPlanWhoseInstallmentsDoNotAddUpIsNotWrittenUp(@ForAll("options") PlanOption o,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int figure,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 100_000_000) long off) {
    assertEquals(o, new ScriptRequest.LenderPlan(DEBT, POLICY, o).option());
    Money d = Money.ofFen(off);
    Money first = o.firstInstallment();
    Money payable = o.totalPayable();
    Money down = o.downPayment();
    String field;
    switch (figure) {
      case 0 -> { // everything paid up front: a settlement, no installment plan
        down = o.settledAmount();
        payable = down;
        first = Money.ZERO;
        field = "option.financedAmount";
      }
      case 1 -> {
        first = Money.ofFen(-(off % 3));
        field = "option.firstInstallment";
      }
      case 2 -> {
        first = payable.minus(down).plus(d);
        field = "option.firstInstallment";
      }
      default -> {
        payable = o.settledAmount().minus(d);
        first = Money.ofFen(1);
        field = "option.totalPayable";
      }
    }
    PlanOption refused = new PlanOption(o.debtId(), o.term(), o.waived(), o.waivedTotal(), o.settledAmount(), down,
        o.settledAmount().minus(down), first, payable, o.recoveryRatio(), o.features(), o.acceptanceProbability());
    var e = org.junit.jupiter.api.Assertions.assertThrows(io.github.fenqi.core.InvalidInputException.class,
        () -> new ScriptRequest.LenderPlan(DEBT, POLICY, refused));
    assertTrue(e.problems().stream().anyMatch(p -> p.location().equals(field)), field + ": " + e.problems());
  }

  /** A request has at least one lender plan, as {@link ScriptRequest} documents: no plan at all is refused naming plans. */
  @net.jqwik.api.Example
  void aRequestWithoutAPlanIsRefusedNamingPlans() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(io.github.fenqi.core.InvalidInputException.class,
        () -> new ScriptRequest(ScriptGeneratorTest.CASE.borrower(), AFFORDABILITY, Strategy.BALANCED, List.of(),
            ScriptOptions.DEFAULTS));
    assertEquals("plans: a script request needs at least one lender plan", e.problems().get(0).toString());
  }

  /**
   * A negative waiver is not within its component (0..the amount owed), even in an option whose every other figure adds
   * up with it: it is refused naming the waiver, where the script would have said the plan asks for no waiver and then
   * settled more than the debt's total owed.
   */
  @Property(tries = 50)
  void aNegativeWaiverIsNotWrittenUpThoughTheFiguresAddUpWithIt(@ForAll("options") PlanOption o,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 100_000_000) long off) {
    Money d = Money.ofFen(off);
    Map<DebtComponent, Money> waived = new EnumMap<>(DebtComponent.class);
    waived.putAll(o.waived());
    Money before = waived.getOrDefault(DebtComponent.INTEREST, Money.ZERO);
    waived.put(DebtComponent.INTEREST, Money.ZERO.minus(d));
    Money total = o.waivedTotal().minus(before).minus(d);
    Money settled = DEBT.totalOwed().minus(total);
    Money more = settled.minus(o.settledAmount());
    PlanOption negative = new PlanOption(o.debtId(), o.term(), waived, total, settled, o.downPayment(),
        settled.minus(o.downPayment()), o.firstInstallment(), o.totalPayable().plus(more), o.recoveryRatio(),
        o.features(), o.acceptanceProbability());
    var e = org.junit.jupiter.api.Assertions.assertThrows(io.github.fenqi.core.InvalidInputException.class,
        () -> new ScriptRequest.LenderPlan(DEBT, POLICY, negative));
    assertEquals(List.of("option.waived.interest"), e.problems().stream().map(p -> p.location()).toList(),
        e.getMessage());
  }

  /**
   * A component the option lists with nothing waived (an option built by hand may) is not among the waivers the proposal
   * names: "利息0.00元（零元整）" asks the lender for nothing. A mutant listing every waiver that is not negative had passed, as
   * the generated options waive a positive amount of each component they list.
   */
  @net.jqwik.api.Example
  void aComponentWithNothingWaivedIsNotNamedAmongTheWaivers() {
    Map<DebtComponent, Money> waived = new EnumMap<>(DebtComponent.class);
    waived.put(DebtComponent.INTEREST, Money.ZERO);
    waived.put(DebtComponent.PENALTY_INTEREST, Money.of("2100.00"));
    Money settled = DEBT.totalOwed().minus(Money.of("2100.00"));
    PlanOption o = new PlanOption(DEBT.id(), 12, waived, Money.of("2100.00"), settled, Money.ZERO, settled,
        Money.ofYuan(100), settled, 0.9, new AcceptanceFeatures(0.5, 0.5, 0.1, DEBT.overdueDays(), true, 0.9), 0.7);
    String zh = script(ScriptLanguage.ZH_CN, o).section(ScriptSection.Kind.PROPOSAL).text();
    assertTrue(zh.contains("罚息" + zh(Money.of("2100.00"))), zh);
    assertFalse(zh.contains("利息0.00") || zh.contains("零元整"), zh);
    String en = script(ScriptLanguage.EN, o).section(ScriptSection.Kind.PROPOSAL).text();
    assertTrue(en.contains("penalty interest " + en(Money.of("2100.00"))), en);
    assertFalse(en.contains("CNY 0.00"), en);
  }

  private static PlanOption with(PlanOption o, int term, Map<DebtComponent, Money> waived, Money waivedTotal,
      Money settled, Money down, Money financed) {
    return new PlanOption(o.debtId(), term, waived, waivedTotal, settled, down, financed, o.firstInstallment(),
        o.totalPayable(), o.recoveryRatio(), o.features(), o.acceptanceProbability());
  }

  /** An English script said "is 1 days overdue" and "over 1 monthly installments". */
  @net.jqwik.api.Example
  void englishCountsOfOneAreSingular() {
    Debt oneDay = new Debt(DEBT.id(), DEBT.platformId(), DEBT.productType(), DEBT.principal(), DEBT.interest(),
        DEBT.penaltyInterest(), DEBT.compoundInterest(), DEBT.lateFees(), DEBT.otherFees(), DEBT.annualRate(), 1);
    PlanOption oneMonth = new PlanOption(DEBT.id(), 1, Map.of(), Money.ZERO, DEBT.totalOwed(), Money.ZERO, DEBT.totalOwed(),
        DEBT.totalOwed(), DEBT.totalOwed(), 0.9, new AcceptanceFeatures(0.5, 0.5, 0.1, 1, true, 0.9), 0.7);
    for (ScriptLanguage language : ScriptLanguage.values()) {
      String text = GENERATOR.generate(new ScriptRequest(ScriptGeneratorTest.CASE.borrower(), AFFORDABILITY, Strategy.BALANCED,
          List.of(new ScriptRequest.LenderPlan(oneDay, POLICY, oneMonth)), ScriptOptions.of(language))).get(0).text();
      if (language == ScriptLanguage.EN) {
        assertTrue(text.contains("is 1 day overdue") && text.contains("over 1 monthly installment ("), text);
      } else {
        assertTrue(text.contains("目前已逾期1天") && text.contains("分1期偿还"), text);
      }
    }
  }

  /**
   * Every credit-card script cites 《商业银行信用卡业务监督管理办法》第七十条, which caps the agreement at five years: a plan
   * of 61 months or more for a card, built by hand, is refused rather than written up as that provision's.
   */
  @net.jqwik.api.Example
  void aCreditCardPlanBeyondFiveYearsIsNotWrittenUp() {
    for (int term : new int[] {61, 360}) {
      PlanOption longer = new PlanOption(DEBT.id(), term, Map.of(), Money.ZERO, DEBT.totalOwed(), Money.ZERO,
          DEBT.totalOwed(), Money.ofYuan(100), DEBT.totalOwed(), 0.9, new AcceptanceFeatures(0.5, 1, 0.1, 1, true, 0.9), 0.7);
      var e = org.junit.jupiter.api.Assertions.assertThrows(io.github.fenqi.core.InvalidInputException.class,
          () -> new ScriptRequest.LenderPlan(DEBT, POLICY, longer));
      assertEquals("option.term", e.problems().get(0).location());
      assertTrue(e.problems().get(0).reason().startsWith(term + " months for a credit card; 《商业银行信用卡业务监督管理办法》第七十条"),
          e.problems().toString());
    }
  }

  /**
   * A script cites its policy's legal basis for the debt, so the policy must govern the debt's product: the sample
   * credit-card policy, whose basis is the card provision 《商业银行信用卡业务监督管理办法》第七十条, had been written up for an
   * online loan of the same platform. A plan is accepted exactly when the policy covers the debt's product type.
   */
  @Property(tries = 100)
  void aPlanIsWrittenOnlyUnderAPolicyThatCoversTheDebtsProduct(@ForAll ProductType product,
      @ForAll @net.jqwik.api.constraints.Size(min = 1) java.util.Set<ProductType> covered) {
    Debt debt = new Debt(DEBT.id(), DEBT.platformId(), product, DEBT.principal(), DEBT.interest(), DEBT.penaltyInterest(),
        DEBT.compoundInterest(), DEBT.lateFees(), DEBT.otherFees(), DEBT.annualRate(), DEBT.overdueDays());
    Policy policy = new Policy(POLICY.schemaVersion(), POLICY.platformId(), POLICY.platformName(), List.copyOf(covered),
        POLICY.version(), POLICY.effectiveFrom(), POLICY.effectiveTo(), POLICY.eligibility(), POLICY.installments(),
        POLICY.waivers(), POLICY.downPayment(), POLICY.legalBasis(), POLICY.source());
    PlanOption o = new PlanOption(DEBT.id(), 12, Map.of(), Money.ZERO, DEBT.totalOwed(), Money.ZERO, DEBT.totalOwed(),
        Money.ofYuan(100), DEBT.totalOwed(), 0.9, new AcceptanceFeatures(0.5, 1, 0.1, 1, true, 0.9), 0.7);
    if (covered.contains(product)) {
      assertEquals(debt, new ScriptRequest.LenderPlan(debt, policy, o).debt());
    } else {
      var e = org.junit.jupiter.api.Assertions.assertThrows(io.github.fenqi.core.InvalidInputException.class,
          () -> new ScriptRequest.LenderPlan(debt, policy, o));
      assertEquals(List.of("policy.productTypes"), e.problems().stream().map(p -> p.location()).toList());
      String reason = e.problems().get(0).reason();
      assertTrue(reason.contains("debt '" + DEBT.id() + "'") && reason.contains(POLICY.platformId() + " " + POLICY.version())
          && reason.contains(product.name()), reason);
    }
  }

  @Provide
  Arbitrary<String> latinNames() {
    Arbitrary<String> part = Combinators.combine(Arbitraries.strings().withChars("BCDGLMSTZ").ofLength(1),
        Arbitraries.strings().withChars("aeiouéëíñ").ofMinLength(1).ofMaxLength(2),
        Arbitraries.strings().withChars("nrslz").ofMaxLength(1)).as((a, b, c) -> a + b + c);
    return Combinators.combine(part, part).as((given, family) -> given + " " + family)
        .filter(n -> !SensitiveWordFilter.defaults().containsAny(n));
  }

  /**
   * The borrower's name in the note is masked however it is typed: "I am LI SI." for Li Si, in full-width letters, or
   * with its accents as combining marks (José as Jose + U+0301) had gone to the lender as written. A name found in any
   * case is still only a whole word: "Al" is not masked inside "also".
   */
  @Property(tries = 200)
  void theBorrowersNameInTheNoteIsMaskedHoweverItIsTyped(@ForAll("latinNames") String name,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int form) {
    String typed = switch (form) {
      case 0 -> name.toUpperCase(java.util.Locale.ROOT);
      case 1 -> name.toLowerCase(java.util.Locale.ROOT);
      case 2 -> name.chars().mapToObj(c -> c >= 'A' && c <= 'z' ? Character.toString(c + 0xFEE0) : Character.toString(c))
          .collect(java.util.stream.Collectors.joining());
      default -> java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
    };
    String hardship = englishHardship(name, generatedNote("I am " + typed + ", also known as Al."));
    assertTrue(hardship.contains("I am " + Masking.defaults().name(name) + ", also known as Al."), typed + " → " + hardship);
  }

  /**
   * A name given with its accents as combining marks (José as Jose + U+0301) is masked in a note that types them
   * composed, as the note is matched composed (NFC): the name is composed too.
   */
  @Property(tries = 100)
  void aNameGivenWithCombiningAccentsIsMaskedInANoteThatComposesThem(@ForAll("latinNames") String name) {
    String decomposed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
    String composed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
    String hardship = englishHardship(decomposed, generatedNote("I am " + composed + ", also known as Al."));
    assertTrue(hardship.contains("I am " + Masking.defaults().name(decomposed) + ", also known as Al."),
        decomposed + " → " + hardship);
  }

  /**
   * A name given in full-width letters (ＬＩ ＳＩ, as a Chinese input method in full-width mode types it) is masked in the
   * note in ASCII letters too: only a name given in ASCII had been matched in either width, and "I am Li Si" went to
   * the lender in clear.
   */
  @Property(tries = 100)
  void aNameGivenInFullWidthLettersIsMaskedInTheNoteInEitherWidth(@ForAll("latinNames") String name) {
    String fullWidth = name.chars().mapToObj(c -> c >= 'A' && c <= 'z' ? Character.toString(c + 0xFEE0)
        : Character.toString(c)).collect(java.util.stream.Collectors.joining());
    String masked = Masking.defaults().name(fullWidth);
    String hardship = englishHardship(fullWidth, generatedNote("I am " + name + ", "
        + name.toUpperCase(java.util.Locale.ROOT) + ", " + fullWidth + "."));
    assertTrue(hardship.contains("I am " + masked + ", " + masked + ", " + masked + "."), fullWidth + " → " + hardship);
  }

  /**
   * A name whose parts are joined by a hyphen (Jean-Luc Li) is masked however the hyphen is typed, or left out or
   * typed as a space, as a dot between a name's parts is: "Jean Luc Li" and "JeanLuc Li" had gone out in clear.
   */
  @net.jqwik.api.Example
  void aNameWithAHyphenBetweenItsPartsIsMaskedWhicheverWayItIsJoined() {
    String name = "Jean-Luc Li";
    String masked = Masking.defaults().name(name);
    List<String> typed = List.of("Jean-Luc Li", "Jean Luc Li", "JeanLuc Li", "Jean\u2010Luc Li", "Ｊｅａｎ－Ｌｕｃ Ｌｉ");
    String hardship = englishHardship(name, "I am " + String.join("; ", typed) + ". Jean and Luc are my sons.");
    assertTrue(hardship.contains("I am " + String.join("; ", java.util.Collections.nCopies(typed.size(), masked))
        + ". Jean and Luc are my sons."), hardship);
  }

  @net.jqwik.api.Example
  void aLatinNameFoundInAnyCaseIsMaskedOnlyAsAWholeWord() {
    String hardship = englishHardship("Al", "AL here, also Al and ａｌ; Alice is my sister, Neal and 2al my friends.");
    assertTrue(hardship.contains("A* here, also A* and A*; Alice is my sister, Neal and 2al my friends."), hardship);
  }

  /**
   * A name of a Chinese surname and a Latin given name is held to a word's end only at its Latin end: found right after
   * the ideographs before it (我是张Li), not inside a longer Latin word after it (张Lily).
   */
  @net.jqwik.api.Example
  void aNameEndingInALatinLetterIsAWholeWordOnlyAtThatEnd() {
    String hardship = englishHardship("张Li", "我是张Li，张Lily是我妹妹。");
    assertTrue(hardship.contains("我是" + Masking.defaults().name("张Li") + "，张Lily是我妹妹。"), hardship);
  }

  @Provide
  Arbitrary<List<Integer>> chineseNames() {
    // surnames and given-name characters with a traditional form (张/張, 陈/陳, 伟/偉, 华/華, …) and a few without
    return Arbitraries.of("张陈刘杨黄赵吴郑冯邓许韩钟卢王李".codePoints().boxed().toList())
        .flatMap(surname -> Arbitraries.of("伟丽军华东龙凤国庆红刚杰强文".codePoints().boxed().toList()).list()
            .ofMinSize(1).ofMaxSize(2).map(given -> {
              List<Integer> name = new java.util.ArrayList<>(List.of(surname));
              name.addAll(given);
              return name;
            }))
        .filter(n -> !SensitiveWordFilter.defaults().containsAny(text(n)));
  }

  private static String text(List<Integer> codePoints) {
    StringBuilder b = new StringBuilder();
    codePoints.forEach(b::appendCodePoint);
    return b.toString();
  }

  /**
   * The borrower's Chinese name is masked in the note in simplified characters, traditional ones or any mix of the two,
   * whichever the name itself is given in: 张伟 written 張偉 (or 張伟) had gone to the lender as written. The same name
   * with one character changed into another (not a form of it) is another name and stays.
   */
  @Property(tries = 200)
  void theBorrowersChineseNameInTheNoteIsMaskedInEitherScript(@ForAll("chineseNames") List<Integer> simplified,
      @ForAll java.util.Random random) {
    List<Integer> given = simplified.stream().map(c -> pick(HanVariants.forms(c), random)).toList();
    List<Integer> typed = simplified.stream().map(c -> pick(HanVariants.forms(c), random)).toList();
    List<Integer> other = new java.util.ArrayList<>(typed);
    other.set(other.size() - 1, (int) '明');
    String name = text(given);
    String hardship = englishHardship(name, generatedNote("我是" + text(typed) + "，" + text(other) + "是我弟弟。"));
    assertTrue(hardship.contains("我是" + Masking.defaults().name(name) + "，" + text(other) + "是我弟弟。"),
        name + " / " + text(typed) + " → " + hardship);
  }

  private static int pick(List<Integer> forms, java.util.Random random) {
    return forms.get(random.nextInt(forms.size()));
  }

  @net.jqwik.api.Example
  void aChineseNameWrittenInTraditionalCharactersIsMaskedAndOnlyIt() {
    String hardship = englishHardship("张伟", "我是張偉，签名張伟；张纬是我弟弟，偉大的張先生不是我。");
    assertTrue(hardship.contains("我是张*，签名张*；张纬是我弟弟，偉大的張先生不是我。"), hardship);
    String traditional = englishHardship("張偉", "我是张伟。");
    assertTrue(traditional.contains("我是張*。"), traditional);
  }

  /**
   * A name whose parts are joined by a dot (买买提·艾力) is masked however the dot is typed, or left out; it had been
   * masked only with the middle dot U+00B7 it was given with.
   */
  @net.jqwik.api.Example
  void aNameWithADotBetweenItsPartsIsMaskedWhicheverDotIsTyped() {
    String name = "买买提·艾力";
    String masked = Masking.defaults().name(name);
    List<String> typed = List.of("买买提·艾力", "买买提•艾力", "买买提・艾力", "买买提.艾力", "买买提．艾力", "买买提艾力", "买买提 · 艾力");
    String hardship = englishHardship(name, "我是" + String.join("，", typed) + "。买买提和艾力是两个人。");
    assertTrue(hardship.contains("我是" + String.join("，", java.util.Collections.nCopies(typed.size(), masked))
        + "。买买提和艾力是两个人。"), hardship);
  }

  /** The ways a digit is written: ASCII, full width, Chinese numerals, Chinese capitals (幺 for 1, as phones are read). */
  private static final List<String> DIGIT_FORMS = List.of("0123456789", "０１２３４５６７８９", "〇一二三四五六七八九",
      "零幺贰叁肆伍陆柒捌玖");
  /** What a borrower may type between the digits of a number, one to three characters of it, or nothing. */
  private static final List<String> DIGIT_SEPARATORS = List.of("", "", "", " ", "·", "，", "、", "_", "~", "/", "-",
      " - ", "．", "|", "：", "*", "　", "( ", ")");

  /**
   * The borrower's own ID number and mobile in the note are masked however their digits are separated or written: with
   * middle dots (110105·19850615·0030), commas, underscores or tildes between the groups, in Chinese numerals
   * (一三九一二三四五六七八), or between letters (ID110105198506150030abc, which reads as a hash), they had gone to the
   * lender in clear, as Masking#redact finds only the shapes any identifier has. The generator knows these two.
   */
  @Property(tries = 300)
  void theBorrowersOwnNumbersInTheNoteAreMaskedHoweverTheyAreWritten(@ForAll boolean mobile,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int letters, @ForAll java.util.Random random) {
    var borrower = ScriptGeneratorTest.CASE.borrower();
    String number = mobile ? borrower.mobile() : borrower.idNumber();
    StringBuilder written = new StringBuilder();
    for (int i = 0; i < number.length(); i++) {
      if (i > 0) {
        written.append(DIGIT_SEPARATORS.get(random.nextInt(DIGIT_SEPARATORS.size())));
      }
      String forms = DIGIT_FORMS.get(random.nextInt(DIGIT_FORMS.size()));
      written.appendCodePoint(forms.codePointAt(number.charAt(i) - '0'));
    }
    String before = (letters & 1) == 0 ? "前" : "前ID";
    String after = (letters & 2) == 0 ? "后" : "abc后";
    String masked = mobile ? Masking.defaults().mobile(number) : Masking.defaults().idNumber(number);
    String hardship = hardship(borrower, before + written + after);
    assertTrue(hardship.contains(before + masked + after), written + " → " + hardship);
  }

  /** An ID number ending in X is masked with its X in either case and width, and so is a mobile after +86. */
  @net.jqwik.api.Example
  void theBorrowersIdNumberEndingInXIsMaskedInTheNote() {
    var sample = ScriptGeneratorTest.CASE.borrower();
    var borrower = new io.github.fenqi.core.borrower.Borrower(sample.name(), "11010519491231002X", "+86 139 1234 5678",
        sample.regionCode(), sample.householdSize(), sample.monthlyNetIncome(), sample.essentialExpenses(),
        sample.liquidSavings(), sample.hardships(), sample.hasHardshipProof());
    String hardship = hardship(borrower, "证件110105·19491231·002x，Ｘ结尾：110105_19491231_002Ｘ；电话+86 139_1234_5678。");
    assertTrue(hardship.contains("证件110***********002X，Ｘ结尾：110***********002X；电话+86 139****5678。"), hardship);
  }

  /**
   * A mobile given after the international prefix 0086 (as after +86) is the borrower's own number too: written in the
   * note in Chinese numerals it is masked (kills round-101 mutant M21, which took only 86 off the front, so that a
   * borrower's 0086 139 1234 5678 matched no mobile, and 一三九一二三四五六七八 in the note went out in clear). The
   * introduction shows it masked as a mobile, its prefix kept as written (kills round-101 mutant M24, which masked it
   * as an ID number: the same 139****5678 for eleven digits alone, but +86*******5678 after a prefix).
   */
  @net.jqwik.api.Example
  void theMobileOfABorrowerWhoGaveItAfter0086IsMaskedInTheNote() {
    var sample = ScriptGeneratorTest.CASE.borrower();
    Map<String, String> introduced = Map.of("0086 139 1234 5678", "mobile 0086 139****5678", "+86 139 1234 5678",
        "mobile +86 139****5678", "139 1234 5678", "mobile 139****5678");
    for (String given : List.of("0086 139 1234 5678", "+86 139 1234 5678", "139 1234 5678")) {
      var borrower = new io.github.fenqi.core.borrower.Borrower(sample.name(), sample.idNumber(), given,
          sample.regionCode(), sample.householdSize(), sample.monthlyNetIncome(), sample.essentialExpenses(),
          sample.liquidSavings(), sample.hardships(), sample.hasHardshipProof());
      String hardship = hardship(borrower, "电话一三九一二三四五六七八，或幺叁玖 壹贰叁肆 伍陆柒捌。");
      assertTrue(hardship.contains("电话139****5678，或139****5678。"), given + " → " + hardship);
      assertTrue(hardship.contains("(ID number 110***********0030, " + introduced.get(given) + ")."), hardship);
    }
  }

  /** So is the ID number of a borrower who gave its X in lower case (as the ID number's check accepts it). */
  @net.jqwik.api.Example
  void theIdNumberOfABorrowerWhoGaveItsXInLowerCaseIsMaskedInTheNote() {
    assertTheNoteShowsTheIdNumberMaskedTwice("11010519491231002x", "证件", "110105·19491231·002X", "110105_19491231_002x");
  }

  /**
   * A first-generation ID number of 15 digits, as a borrower built in code may hold (the engine's door wants the 18
   * characters, a generator called directly takes the record), is the borrower's own number too: masked in the note
   * however it is written (kills round-25 mutant S57, which masked only 18-character ones, and left
   * 110105·850615·123 in clear).
   */
  @net.jqwik.api.Example
  void theBorrowersFifteenDigitIdNumberIsMaskedInTheNoteHoweverItIsWritten() {
    assertTheNoteShowsTheIdNumberMaskedTwice("110105850615123", "旧证件", "110105·850615·123", "一一〇一〇五八五〇六一五一二三");
  }

  /**
   * Asserts that a note of the sample borrower with {@code idNumber} in place of theirs, "{@code intro}{@code first}，又写作
   * {@code second}。", is quoted with both writings masked as the ID number (its X in upper case).
   */
  private static void assertTheNoteShowsTheIdNumberMaskedTwice(String idNumber, String intro, String first,
      String second) {
    var sample = ScriptGeneratorTest.CASE.borrower();
    var borrower = new io.github.fenqi.core.borrower.Borrower(sample.name(), idNumber, sample.mobile(),
        sample.regionCode(), sample.householdSize(), sample.monthlyNetIncome(), sample.essentialExpenses(),
        sample.liquidSavings(), sample.hardships(), sample.hasHardshipProof());
    String hardship = hardship(borrower, intro + first + "，又写作" + second + "。");
    String masked = Masking.defaults().idNumber(idNumber.toUpperCase(java.util.Locale.ROOT));
    assertTrue(hardship.contains(intro + masked + "，又写作" + masked + "。"), hardship);
  }

  /**
   * A debt id is quoted as the account's number, and one a caller made of the borrower's name or own numbers
   * (李四的卡, ID110105198506150030abc, 139_1234_5678) is masked as the note is: only identifiers of any borrower's
   * shape had been masked in it, and these went to the lender in clear.
   */
  @net.jqwik.api.Example
  void theBorrowersNameAndOwnNumbersInADebtIdAreMasked() {
    var borrower = ScriptGeneratorTest.CASE.borrower();
    for (String[] idAndShown : new String[][] {{"李四的卡", "李*的卡"}, {"李 四-信用卡", "李*-信用卡"},
        {"ID110105198506150030abc", "ID110***********0030abc"}, {"card-139_1234_5678", "card-139****5678"},
        {"卡1101 05·1985 0615·0030", "卡110***********0030"}}) {
      Debt debt = new Debt(idAndShown[0], DEBT.platformId(), DEBT.productType(), DEBT.principal(), DEBT.interest(),
          DEBT.penaltyInterest(), DEBT.compoundInterest(), DEBT.lateFees(), DEBT.otherFees(), DEBT.annualRate(),
          DEBT.overdueDays());
      PlanOption o = new PlanOption(debt.id(), 12, Map.of(), Money.ZERO, debt.totalOwed(), Money.ZERO, debt.totalOwed(),
          Money.ofYuan(100), debt.totalOwed(), 0.9, new AcceptanceFeatures(0.5, 1, 0.1, 1, true, 0.9), 0.7);
      for (ScriptLanguage language : ScriptLanguage.values()) {
        NegotiationScript s = GENERATOR.generate(new ScriptRequest(borrower, AFFORDABILITY, Strategy.BALANCED,
            List.of(new ScriptRequest.LenderPlan(debt, POLICY, o)), ScriptOptions.of(language))).get(0);
        String hardship = s.section(ScriptSection.Kind.HARDSHIP).text();
        assertTrue(hardship.contains((language == ScriptLanguage.EN ? "(no. " : "（编号") + idAndShown[1]
            + (language == ScriptLanguage.EN ? ")" : "）")), hardship);
        assertEquals(debt.id(), s.debtId());
      }
    }
  }

  /**
   * A name given with a character drawn as nothing (a variation selector, a combining grapheme joiner) or as blank (a
   * Hangul filler, the blank Braille pattern) between its characters is masked in the note as the name it shows: the
   * script drops those characters from the note (or makes them a space), so 李四 written plainly no longer held the
   * given 李\uFE0F四 and went to the lender in clear.
   */
  @net.jqwik.api.Example
  void aNameGivenWithAnInvisibleMarkIsMaskedInTheNoteAsTheNameItShows() {
    for (String name : List.of("李\uFE0F四", "李\u034F四", "李\u3164四", "李\u2800四")) {
      String masked = Masking.defaults().name(name);
      String hardship = englishHardship(name, "我是李四，李 四，" + name + "。");
      assertTrue(hardship.contains("我是" + masked + "，" + masked + "，" + masked + "。"), name + " → " + hardship);
    }
  }

  /** The hardship section of the English script of a 12-month plan for the sample borrower renamed {@code name}. */
  /**
   * {@code note}, a property's, when it holds no sensitive word; else the try is discarded. A name holds none (the
   * generators filter them), but a note joining names may: "I am Dia Me, DIA ME" holds "media" across a comma, which
   * the filter finds, and the note is then withheld rather than masked (seed -3491385421387622196 had failed so).
   */
  private static String generatedNote(String note) {
    net.jqwik.api.Assume.that(!SensitiveWordFilter.defaults().containsAny(note));
    return note;
  }

  private static String englishHardship(String name, String note) {
    var borrower = ScriptGeneratorTest.CASE.borrower();
    var b = new io.github.fenqi.core.borrower.Borrower(name, borrower.idNumber(), borrower.mobile(), borrower.regionCode(),
        borrower.householdSize(), borrower.monthlyNetIncome(), borrower.essentialExpenses(), borrower.liquidSavings(),
        borrower.hardships(), borrower.hasHardshipProof());
    return hardship(b, note);
  }

  /** The hardship section of the English script of a 12-month plan for {@code b}. */
  private static String hardship(io.github.fenqi.core.borrower.Borrower b, String note) {
    PlanOption o = new PlanOption(DEBT.id(), 12, Map.of(), Money.ZERO, DEBT.totalOwed(), Money.ZERO, DEBT.totalOwed(),
        Money.ofYuan(100), DEBT.totalOwed(), 0.9, new AcceptanceFeatures(0.5, 1, 0.1, 1, true, 0.9), 0.7);
    return GENERATOR.generate(new ScriptRequest(b, AFFORDABILITY, Strategy.BALANCED,
        List.of(new ScriptRequest.LenderPlan(DEBT, POLICY, o)), new ScriptOptions(ScriptLanguage.EN, note))).get(0)
        .section(ScriptSection.Kind.HARDSHIP).text();
  }
}
