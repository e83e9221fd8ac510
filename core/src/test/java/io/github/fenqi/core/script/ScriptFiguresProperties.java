package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.solve.AcceptanceFeatures;
import io.github.fenqi.core.solve.PlanOption;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.testkit.Samples;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every figure a script states is read back out of its text and compared with the request it was written from: the
 * debt's total and components, the option's waivers, settled amount, down payment, financed amount, term, first
 * installment and total payable, the borrower's income, essentials and budget — in figures and, in zh-CN, in capitals
 * read back to fen — and no other amount appears. Requests have one to four debts of any product type at one or more
 * lenders; each script states only its own debt, and cites the legal basis of its own product type.
 */
class ScriptFiguresProperties {
  private static final ScriptGenerator GENERATOR = ScriptGenerator.defaults();
  private static final Borrower BORROWER = ScriptGeneratorTest.CASE.borrower();
  private static final AffordabilityAssessment AFFORDABILITY =
      ScriptGeneratorTest.calculate(ScriptLanguage.ZH_CN, null).affordability();
  private static final Policy TEMPLATE = Samples.policies().stream()
      .filter(p -> p.platformId().equals("demo-credit-card")).findFirst().orElseThrow();
  /** Ids none of which is part of another, so that one found in a script is that debt's. */
  private static final List<String> IDS = List.of("acct-Q", "acct-W", "acct-R", "acct-Z");
  private static final List<String> LENDERS = List.of("lender-K", "lender-M", "lender-P");
  private static final String CARD_ZH = "《商业银行信用卡业务监督管理办法》第七十条";
  private static final String CARD_EN = "Measures for the Supervision and Administration of the Credit Card Business of "
      + "Commercial Banks, Article 70 (individual installment agreements)";
  private static final List<String> POLICY_REFERENCES = List.of(CARD_ZH, "《消费金融公司管理办法》第二十六条",
      "《中华人民共和国民法典》第六百八十条", "本机构《个性化分期管理规定》第三条", "《商業銀行信用卡業務監督管理辦法》第七十條",
      "《消費金融公司管理辦法》");

  private static final Map<DebtComponent, String> ZH = ScriptProposalProperties.ZH;
  private static final Map<DebtComponent, String> EN = ScriptProposalProperties.EN;

  /** One debt with its option, before ids and lenders are given. */
  record Part(ProductType type, List<Long> components, int overdueDays, List<Integer> waiverShares, int downShare,
      int term, long first, long payable, int lender, List<Integer> references) {}

  @Provide
  Arbitrary<Part> parts() {
    Arbitrary<Long> amount = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, 99),
        Arbitraries.longs().between(1, 10_000_000), Arbitraries.longs().between(1, 1_000_000_000_000L));
    Arbitrary<List<Long>> components = amount.list().ofSize(6).filter(l -> l.stream().anyMatch(f -> f > 0));
    Arbitrary<List<Integer>> shares = Arbitraries.integers().between(-2, 100).map(i -> Math.max(i, 0)).list().ofSize(6);
    return Combinators.combine(Arbitraries.of(ProductType.class), components, Arbitraries.integers().between(0, 400),
        shares, Arbitraries.integers().between(-1, 60).map(i -> Math.max(i, 0)), Arbitraries.integers().between(1, 60),
        Arbitraries.longs().between(1, 100_000_000), Arbitraries.longs().between(1, 10_000_000_000L))
        .as((type, c, days, w, down, term, first, payable) -> new Part(type, c, days, w, down, term, first, payable, 0,
            List.of()))
        .flatMap(p -> Combinators.combine(Arbitraries.integers().between(0, LENDERS.size() - 1),
            Arbitraries.integers().between(0, POLICY_REFERENCES.size() - 1).set().ofMaxSize(3)
                .map(s -> List.copyOf(new java.util.TreeSet<>(s))))
            .as((lender, refs) -> new Part(p.type(), p.components(), p.overdueDays(), p.waiverShares(), p.downShare(),
                p.term(), p.first(), p.payable(), lender, refs)));
  }

  @Provide
  Arbitrary<List<Part>> requests() {
    return parts().list().ofMinSize(1).ofMaxSize(IDS.size());
  }

  /** The request's lender plans: each lender's policy covers the product types of its debts and cites their union. */
  private static List<ScriptRequest.LenderPlan> plans(List<Part> parts) {
    Map<Integer, java.util.Set<ProductType>> types = new HashMap<>();
    Map<Integer, java.util.Set<Integer>> refs = new HashMap<>();
    for (Part p : parts) {
      types.computeIfAbsent(p.lender(), l -> java.util.EnumSet.noneOf(ProductType.class)).add(p.type());
      refs.computeIfAbsent(p.lender(), l -> new java.util.TreeSet<>()).addAll(p.references());
    }
    List<ScriptRequest.LenderPlan> plans = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      String lender = LENDERS.get(p.lender());
      Policy policy = new Policy(TEMPLATE.schemaVersion(), lender, "示例机构" + p.lender(),
          List.copyOf(types.get(p.lender())), TEMPLATE.version(), TEMPLATE.effectiveFrom(), TEMPLATE.effectiveTo(),
          TEMPLATE.eligibility(), TEMPLATE.installments(), TEMPLATE.waivers(), TEMPLATE.downPayment(),
          refs.get(p.lender()).stream().map(POLICY_REFERENCES::get).toList(), TEMPLATE.source());
      List<Long> c = p.components();
      Debt debt = new Debt(IDS.get(i), lender, p.type(), Money.ofFen(c.get(0)), Money.ofFen(c.get(1)),
          Money.ofFen(c.get(2)), Money.ofFen(c.get(3)), Money.ofFen(c.get(4)), Money.ofFen(c.get(5)),
          ScriptGeneratorTest.CASE.debts().get(0).annualRate(), p.overdueDays());
      Map<DebtComponent, Money> waived = new EnumMap<>(DebtComponent.class);
      long waivedTotal = 0;
      for (DebtComponent component : DebtComponent.values()) {
        long w = debt.amount(component).fen() * p.waiverShares().get(component.ordinal()) / 100;
        if (w > 0) {
          waived.put(component, Money.ofFen(w));
          waivedTotal += w;
        }
      }
      long settled = debt.totalOwed().fen() - waivedTotal;
      long down = settled * p.downShare() / 100;
      // the installments repay the financed amount and some interest and fees, the first of them within their sum
      long installments = settled == down ? 0 : settled - down + p.payable() % 100_000_000;
      long first = installments == 0 ? 0 : p.term() == 1 ? installments : 1 + p.first() % installments;
      plans.add(new ScriptRequest.LenderPlan(debt, policy, new PlanOption(debt.id(), p.term(), waived,
          Money.ofFen(waivedTotal), Money.ofFen(settled), Money.ofFen(down), Money.ofFen(settled - down),
          Money.ofFen(first), Money.ofFen(down + installments), 0.9,
          new AcceptanceFeatures(0.5, 0.5, 0.1, p.overdueDays(), true, 0.9), 0.7)));
    }
    return plans;
  }

  private static final String FIGURES = "(-?\\d{1,3}(?:,\\d{3})*\\.\\d{2})";
  /** An amount in zh-CN figures with its capitals: {@code 1,234.50元（壹仟贰佰叁拾肆元伍角）}. */
  private static final String ZH_WORDS = FIGURES + "元（([^）]+)）";
  private static final Pattern ANY_AMOUNT = Pattern.compile("\\d[\\d,]*\\.\\d{2}");

  @Property(tries = 300)
  void everyFigureOfAChineseScriptIsTheRequestsOwn(@ForAll("requests") List<Part> parts, @ForAll Strategy strategy) {
    List<ScriptRequest.LenderPlan> plans = plans(parts);
    List<NegotiationScript> scripts = scripts(plans, strategy, ScriptLanguage.ZH_CN);
    for (int i = 0; i < plans.size(); i++) {
      ScriptRequest.LenderPlan plan = plans.get(i);
      String platform = plan.debt().platformId();
      long others = plans.stream().map(p -> p.debt().platformId()).filter(id -> !id.equals(platform)).distinct().count();
      NegotiationScript s = scripts.get(i);
      Debt debt = plan.debt();
      PlanOption o = plan.option();
      int stated = 0;

      String hardship = s.section(ScriptSection.Kind.HARDSHIP).text();
      Matcher h = Pattern.compile("账户（编号" + Pattern.quote(debt.id()) + "）(目前已逾期(\\d+)天|目前尚未逾期)，欠款合计"
          + FIGURES + "元。[\\s\\S]*每月净收入约" + FIGURES + "元，家庭(\\d+)人每月必要生活支出约" + FIGURES
          + "元，每月最多能拿出" + FIGURES + "元用于偿还全部欠款。").matcher(hardship);
      assertHardshipFigures(h, debt, hardship);
      stated += 4;
      Matcher count = Pattern.compile("除贵方外，我目前还在(\\d+)家机构有欠款").matcher(hardship);
      assertEquals(others > 0, count.find(), hardship);
      if (others > 0) {
        assertEquals(Long.toString(others), count.group(1), hardship);
      }

      stated += statedDownPayment(s, "先支付首付" + FIGURES + "元", o);

      List<String> lines = s.section(ScriptSection.Kind.PROPOSAL).text().lines().toList();
      String proposal = String.join("\n", lines);
      Matcher owed = Pattern.compile("目前欠款合计" + ZH_WORDS + "，其中(.+)。").matcher(lines.get(0));
      assertTrue(owed.matches(), proposal);
      assertAmount(debt.totalOwed(), owed.group(1), owed.group(2), proposal);
      Map<DebtComponent, Money> components = owedComponents(debt);
      assertEquals(components, items(owed.group(3), ZH, FIGURES + "元", false), proposal);
      stated += 1 + components.size();
      int next = 1;
      if (o.waived().values().stream().noneMatch(Money::isPositive)) {
        assertEquals("本方案不申请减免任何款项。", lines.get(next++), proposal);
      } else {
        Matcher waiver = Pattern.compile("申请减免(.+)，减免合计" + ZH_WORDS + "。").matcher(lines.get(next++));
        assertTrue(waiver.matches(), proposal);
        assertEquals(o.waived(), items(waiver.group(1), ZH, ZH_WORDS, true), proposal);
        assertAmount(o.waivedTotal(), waiver.group(2), waiver.group(3), proposal);
        stated += o.waived().size() + 1;
        if (!o.settledAmount().isPositive()) {
          // everything waived: no settled amount and no installments (since 84aa66c1, which this had not followed)
          assertEquals("减免后不再有应还款项，无需分期还款。", lines.get(next++), proposal);
          assertEquals(lines.size(), next, proposal);
          assertEquals(stated, amounts(s.text()), "an amount the request does not state: " + s.text());
          assertOwnDebtAndBasis(s, plans, i, ScriptLanguage.ZH_CN);
          continue;
        }
        Matcher settled = Pattern.compile("减免后应还" + ZH_WORDS + "。").matcher(lines.get(next++));
        assertTrue(settled.matches(), proposal);
        assertAmount(o.settledAmount(), settled.group(1), settled.group(2), proposal);
        stated += 1;
      }
      Matcher term = Pattern.compile("(?:首付" + ZH_WORDS + "，|无需首付，)其余" + ZH_WORDS + "分(\\d+)期偿还，还款方式为[^，]+，"
          + "首期还款" + ZH_WORDS + "，合计还款" + ZH_WORDS + "。").matcher(lines.get(next++));
      assertTrue(term.matches(), proposal);
      assertEquals(o.downPayment().isPositive(), term.group(1) != null, proposal);
      if (o.downPayment().isPositive()) {
        assertAmount(o.downPayment(), term.group(1), term.group(2), proposal);
        stated++;
      }
      assertAmount(o.financedAmount(), term.group(3), term.group(4), proposal);
      assertEquals(o.term(), Integer.parseInt(term.group(5)), proposal);
      assertAmount(o.firstInstallment(), term.group(6), term.group(7), proposal);
      assertAmount(o.totalPayable(), term.group(8), term.group(9), proposal);
      stated += 3;
      assertEquals(lines.size(), next, proposal);

      assertEquals(stated, amounts(s.text()), "an amount the request does not state: " + s.text());
      assertOwnDebtAndBasis(s, plans, i, ScriptLanguage.ZH_CN);
    }
  }

  @Property(tries = 300)
  void everyFigureOfAnEnglishScriptIsTheRequestsOwn(@ForAll("requests") List<Part> parts, @ForAll Strategy strategy) {
    List<ScriptRequest.LenderPlan> plans = plans(parts);
    List<NegotiationScript> scripts = scripts(plans, strategy, ScriptLanguage.EN);
    for (int i = 0; i < plans.size(); i++) {
      ScriptRequest.LenderPlan plan = plans.get(i);
      NegotiationScript s = scripts.get(i);
      Debt debt = plan.debt();
      PlanOption o = plan.option();
      int stated = 0;

      String hardship = s.section(ScriptSection.Kind.HARDSHIP).text();
      Matcher h = Pattern.compile("account with you \\(no\\. " + Pattern.quote(debt.id()) + "\\) (is (\\d+) days? overdue|"
          + "is not overdue yet), with CNY " + FIGURES + " owed in total\\.[\\s\\S]*My net income is about CNY " + FIGURES
          + " a month; essential living costs for my household of (\\d+) are about CNY " + FIGURES + " a month, which "
          + "leaves at most CNY " + FIGURES + " a month for all my debts\\.").matcher(hardship);
      assertHardshipFigures(h, debt, hardship);
      stated += 4;

      stated += statedDownPayment(s, "I will pay CNY " + FIGURES + " up front", o);

      List<String> lines = s.section(ScriptSection.Kind.PROPOSAL).text().lines().toList();
      String proposal = String.join("\n", lines);
      Matcher owed = Pattern.compile("I owe CNY " + FIGURES + " in total: (.+)\\.").matcher(lines.get(0));
      assertTrue(owed.matches(), proposal);
      assertEquals(debt.totalOwed(), fen(owed.group(1)), proposal);
      Map<DebtComponent, Money> components = owedComponents(debt);
      assertEquals(components, items(owed.group(2), EN, "CNY " + FIGURES, false), proposal);
      stated += 1 + components.size();
      int next = 1;
      if (o.waived().values().stream().noneMatch(Money::isPositive)) {
        assertEquals("This plan asks for no waiver.", lines.get(next++), proposal);
      } else {
        Matcher waiver = Pattern.compile("I ask you to waive (.+), CNY " + FIGURES + " in total\\.")
            .matcher(lines.get(next++));
        assertTrue(waiver.matches(), proposal);
        assertEquals(o.waived(), items(waiver.group(1), EN, "CNY " + FIGURES, false), proposal);
        assertEquals(o.waivedTotal(), fen(waiver.group(2)), proposal);
        stated += o.waived().size() + 1;
        if (!o.settledAmount().isPositive()) {
          // everything waived: no settled amount and no installments (since 84aa66c1, which this had not followed)
          assertEquals("Nothing is left to repay after the waiver, so no installments are needed.", lines.get(next++),
              proposal);
          assertEquals(lines.size(), next, proposal);
          assertEquals(stated, amounts(s.text()), "an amount the request does not state: " + s.text());
          assertOwnDebtAndBasis(s, plans, i, ScriptLanguage.EN);
          continue;
        }
        Matcher settled = Pattern.compile("After the waiver, CNY " + FIGURES + " is to be repaid\\.")
            .matcher(lines.get(next++));
        assertTrue(settled.matches(), proposal);
        assertEquals(o.settledAmount(), fen(settled.group(1)), proposal);
        stated += 1;
      }
      Matcher term = Pattern.compile("I propose (?:a down payment of CNY " + FIGURES + ", then |no down payment, and )"
          + "the remaining CNY " + FIGURES + " over (\\d+) monthly installments? \\([^)]+\\): the first installment is "
          + "CNY " + FIGURES + ", and CNY " + FIGURES + " is paid in total\\.").matcher(lines.get(next++));
      assertTrue(term.matches(), proposal);
      assertEquals(o.downPayment().isPositive() ? o.downPayment() : null,
          term.group(1) == null ? null : fen(term.group(1)), proposal);
      stated += o.downPayment().isPositive() ? 1 : 0;
      assertEquals(List.of(o.financedAmount(), o.firstInstallment(), o.totalPayable()),
          List.of(fen(term.group(2)), fen(term.group(4)), fen(term.group(5))), proposal);
      assertEquals(o.term(), Integer.parseInt(term.group(3)), proposal);
      assertEquals(o.term() == 1, lines.get(next - 1).contains(" 1 monthly installment ("), proposal);
      stated += 3;
      assertEquals(lines.size(), next, proposal);

      assertEquals(stated, amounts(s.text()), "an amount the request does not state: " + s.text());
      assertOwnDebtAndBasis(s, plans, i, ScriptLanguage.EN);
    }
  }

  /**
   * The script names its own debt and no other plan's, and cites the provisions of its product type: a card's script
   * the card provision (the policy's or the shipped one), any other debt's no regulation of cards or, unless it is a
   * consumer loan, of consumer-finance companies; every reference its policy gives that governs it, and the shipped
   * ones for its type, each once.
   */
  private static void assertOwnDebtAndBasis(NegotiationScript s, List<ScriptRequest.LenderPlan> plans, int i,
      ScriptLanguage language) {
    Debt debt = plans.get(i).debt();
    for (int j = 0; j < plans.size(); j++) {
      if (j != i) {
        assertFalse(s.text().contains(plans.get(j).debt().id()), plans.get(j).debt().id() + " in " + s.text());
      }
    }
    List<String> cited = s.section(ScriptSection.Kind.LEGAL_BASIS).text().lines()
        .filter(l -> l.matches("\\d+\\. .+")).map(l -> l.substring(l.indexOf(". ") + 2)).toList();
    assertEquals(cited.size(), new java.util.HashSet<>(cited).size(), "a provision cited twice: " + cited);
    boolean card = cited.stream().anyMatch(c -> c.contains("信用卡") || c.contains("Credit Card"));
    assertEquals(debt.productType() == ProductType.CREDIT_CARD, card, debt.productType() + ": " + cited);
    boolean consumer = cited.stream().anyMatch(c -> c.contains("消费金融") || c.contains("消費金融")
        || c.contains("Consumer Finance"));
    assertEquals(debt.productType() == ProductType.CONSUMER_LOAN, consumer, debt.productType() + ": " + cited);
    for (String ref : plans.get(i).policy().legalBasis()) {
      boolean governs = !(ref.contains("信用卡") && debt.productType() != ProductType.CREDIT_CARD)
          && !((ref.contains("消费金融") || ref.contains("消費金融")) && debt.productType() != ProductType.CONSUMER_LOAN);
      assertEquals(governs, cited.contains(ref), ref + " for a " + debt.productType() + ": " + cited);
    }
    if (debt.productType() == ProductType.CREDIT_CARD) {
      assertTrue(cited.contains(CARD_ZH) || cited.contains(CARD_EN), cited.toString());
      assertFalse(cited.contains(CARD_ZH) && cited.contains(CARD_EN), "the card provision twice: " + cited);
    }
    assertTrue(cited.stream().anyMatch(c -> c.contains(language == ScriptLanguage.ZH_CN ? "第五百四十三条" : "Article 543")),
        cited.toString());
  }

  /** {@code 本金48,000.00元、利息3,600.00元} (or English, comma-separated) read as a map by component, in text order. */
  private static Map<DebtComponent, Money> items(String text, Map<DebtComponent, String> names, String amount,
      boolean words) {
    Map<String, DebtComponent> component = new HashMap<>();
    names.forEach((c, n) -> component.put(n, c));
    Map<DebtComponent, Money> out = new LinkedHashMap<>();
    String separator = names == ZH ? "、" : ", (?=[a-z])";
    for (String item : text.split(separator)) {
      Matcher m = Pattern.compile("(\\D+?) ?" + amount).matcher(item);
      assertTrue(m.matches(), item + " in " + text);
      DebtComponent c = component.get(m.group(1));
      assertTrue(c != null && out.put(c, fen(m.group(2))) == null, "an unknown or repeated component: " + item + " in " + text);
      if (words) {
        assertEquals(fen(m.group(2)).fen(), ChineseAmountWordsTest.read(m.group(3)), item);
      }
    }
    return out;
  }

  /** The scripts of {@code plans}, one per plan, each of its plan's debt, lender and the strategy. */
  private static List<NegotiationScript> scripts(List<ScriptRequest.LenderPlan> plans, Strategy strategy,
      ScriptLanguage language) {
    List<NegotiationScript> scripts = GENERATOR.generate(new ScriptRequest(BORROWER, AFFORDABILITY, strategy, plans,
        ScriptOptions.of(language)));
    assertEquals(plans.size(), scripts.size());
    for (int i = 0; i < plans.size(); i++) {
      Debt debt = plans.get(i).debt();
      NegotiationScript s = scripts.get(i);
      assertEquals(List.of(debt.id(), debt.platformId(), strategy, language),
          List.of(s.debtId(), s.platformId(), s.strategy(), s.language()));
    }
    return scripts;
  }

  /** The debt's overdue days and total, the borrower's income, household, essentials and budget, as {@code h} reads them. */
  private static void assertHardshipFigures(Matcher h, Debt debt, String hardship) {
    assertTrue(h.find(), hardship);
    assertEquals(debt.overdueDays() > 0 ? Integer.toString(debt.overdueDays()) : null, h.group(2), hardship);
    assertEquals(List.of(debt.totalOwed(), AFFORDABILITY.monthlyNetIncome(), AFFORDABILITY.essentialExpenses(),
        AFFORDABILITY.maxAffordableInstallment()), List.of(fen(h.group(3)), fen(h.group(4)), fen(h.group(6)),
        fen(h.group(7))), hardship);
    assertEquals(Integer.toString(BORROWER.householdSize()), h.group(5), hardship);
  }

  /** How many amounts the willingness section states: the down payment ({@code pattern}'s group) when there is one. */
  private static int statedDownPayment(NegotiationScript s, String pattern, PlanOption o) {
    String willingness = s.section(ScriptSection.Kind.WILLINGNESS).text();
    Matcher w = Pattern.compile(pattern).matcher(willingness);
    assertEquals(o.downPayment().isPositive(), w.find(), willingness);
    if (o.downPayment().isPositive()) {
      assertEquals(o.downPayment(), fen(w.group(1)), willingness);
      return 1;
    }
    return 0;
  }

  /** The debt's components that are owed, in component order. */
  private static Map<DebtComponent, Money> owedComponents(Debt debt) {
    Map<DebtComponent, Money> components = new LinkedHashMap<>();
    for (DebtComponent c : DebtComponent.values()) {
      if (debt.amount(c).isPositive()) {
        components.put(c, debt.amount(c));
      }
    }
    return components;
  }

  private static void assertAmount(Money expected, String figures, String words, String text) {
    assertEquals(expected, fen(figures), text);
    assertEquals(expected.fen(), ChineseAmountWordsTest.read(words), words + " in " + text);
  }

  private static Money fen(String figures) {
    return Money.of(figures.replace(",", ""));
  }

  private static int amounts(String text) {
    Matcher m = ANY_AMOUNT.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
