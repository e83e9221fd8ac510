package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.testkit.Samples;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Scripts of the feasible sample case through the engine: every section, the proposal's numbers, masking. */
class ScriptGeneratorTest {
  /**
   * A null request (or note) is named as a request's missing parts are ("borrower: is required"): it had been a bare
   * NullPointerException from inside the generator, naming nothing.
   */
  @org.junit.jupiter.api.Test
  void aNullRequestOrNoteIsNamed() {
    InvalidInputException request = assertThrows(InvalidInputException.class,
        () -> ScriptGenerator.defaults().generate(null));
    assertEquals("request: is required", request.getMessage());
    InvalidInputException note = assertThrows(InvalidInputException.class,
        () -> ScriptGenerator.defaults().noteFindings(null));
    assertEquals("note: is required", note.getMessage());
    ScriptGenerator custom = r -> List.of();
    assertEquals("note: is required",
        assertThrows(InvalidInputException.class, () -> custom.noteFindings(null)).getMessage());
  }

  static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  static final NegotiationRequest CASE = NegotiationRequest.read(FenqiJson.newMapper(),
      Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"), "feasible case");

  static NegotiationResult calculate(ScriptLanguage language, String note) {
    return NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY)
        .scriptLanguage(language).build()
        .calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), CASE.borrower(), CASE.debts(), note));
  }

  /** How the templates write an amount: grouped figures with two decimals. */
  private static String figures(Money m) {
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(m.toYuan());
  }

  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void everyPlanHasFourSectionsWithTheProposalsOwnNumbers(ScriptLanguage language) {
    NegotiationResult r = calculate(language, null);
    assertEquals(3, r.proposals().size());
    Map<String, Policy> policies = new java.util.HashMap<>();
    Samples.policies().forEach(p -> policies.put(p.platformId(), p));
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      assertEquals(p.plans().size(), p.scripts().size());
      for (int i = 0; i < p.plans().size(); i++) {
        NegotiationResult.DebtPlan plan = p.plans().get(i);
        NegotiationScript s = p.scripts().get(i);
        assertEquals(plan.debtId(), s.debtId());
        assertEquals(language, s.language());
        assertEquals(List.of(ScriptSection.Kind.values()), s.sections().stream().map(ScriptSection::kind).toList());
        s.sections().forEach(sec -> assertFalse(sec.text().isBlank(), sec.kind() + " is empty"));
        String proposal = s.section(ScriptSection.Kind.PROPOSAL).text();
        assertTrue(proposal.contains(figures(plan.firstInstallment())), proposal + " lacks " + plan.firstInstallment());
        assertTrue(proposal.contains(figures(plan.totalPayable())), proposal);
        assertTrue(proposal.contains(figures(plan.financedAmount())), proposal);
        assertTrue(proposal.contains(Integer.toString(plan.term())), proposal);
        if (plan.downPayment().isPositive()) {
          assertTrue(proposal.contains(figures(plan.downPayment())), proposal);
        }
        plan.waived().values().forEach(w -> assertTrue(proposal.contains(figures(w)), proposal + " lacks waiver " + w));
        if (language == ScriptLanguage.ZH_CN) {
          assertTrue(proposal.contains(ChineseAmountWords.of(plan.totalPayable())), proposal);
        }
        String legal = s.section(ScriptSection.Kind.LEGAL_BASIS).text();
        policies.get(plan.platformId()).legalBasis().forEach(ref -> assertTrue(legal.contains(ref), legal + " lacks " + ref));
        String hardship = s.section(ScriptSection.Kind.HARDSHIP).text();
        assertTrue(hardship.contains(figures(r.maxAffordableInstallment())), hardship);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void noIdentifierAppearsUnmasked(ScriptLanguage language) {
    NegotiationResult r = calculate(language, "我叫" + CASE.borrower().name() + "，身份证" + CASE.borrower().idNumber()
        + "，电话" + CASE.borrower().mobile() + "，卡号6222021234567890123。");
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      for (NegotiationScript s : p.scripts()) {
        String text = s.text();
        assertFalse(text.contains(CASE.borrower().idNumber()), text);
        assertFalse(text.contains(CASE.borrower().mobile()), text);
        assertFalse(text.contains(CASE.borrower().name()), text);
        assertFalse(text.contains("6222021234567890123"), text);
      }
    }
  }

  /** A two-character name padded to three with a full-width space (李　四), or spaced out, went out unmasked. */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void theBorrowersNameSpacedOutInTheNoteIsMasked(ScriptLanguage language) {
    String name = CASE.borrower().name();
    String masked = io.github.fenqi.core.security.Masking.defaults().name(name);
    NegotiationResult r = calculate(language, "我叫" + name.charAt(0) + "\u3000" + name.substring(1) + "，签名："
        + name.charAt(0) + " \u00A0" + name.substring(1) + "。" + name + "。");
    String hardship = r.proposals().get(0).scripts().get(0).section(ScriptSection.Kind.HARDSHIP).text();
    assertTrue(hardship.contains("我叫" + masked + "，签名：" + masked + "。" + masked + "。"), hardship);
  }

  /** A card number and a mobile typed in full-width mode (full-width digits, spaces and hyphens) went out unmasked. */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void identifiersTypedInFullWidthModeAreMaskedInTheNote(ScriptLanguage language) {
    NegotiationResult r = calculate(language, "卡号６２２２　０２１２　３４５６　７８９０　１２３，手机１３８－１２３４－５６７８。");
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      for (NegotiationScript s : p.scripts()) {
        String hardship = s.section(ScriptSection.Kind.HARDSHIP).text();
        assertTrue(hardship.contains("卡号622202*********0123，手机138****5678"), hardship);
        assertFalse(hardship.contains("3456") || hardship.contains("1234"), hardship);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void aHostileNoteIsCleanedAndTheFindingsReported(ScriptLanguage language) {
    NegotiationResult r = calculate(language, "我失业了。催收天天打电话威 胁我，我要去ＭＥＤＩＡ曝　光你们。我会按时还款。");
    NegotiationScript s = r.proposals().get(0).scripts().get(0);
    assertTrue(s.findings().stream().anyMatch(f -> f.field().equals("hardshipNote") && f.match().word().equals("威胁")), s.findings().toString());
    assertTrue(s.findings().stream().anyMatch(f -> f.match().word().equals("曝光")), s.findings().toString());
    assertFalse(SensitiveWordFilter.defaults().containsAny(s.text()), s.text());
  }

  /**
   * A note that says the borrower is not in bad faith and why they fell behind is quoted whole: 恶意 in 并非恶意 and 跑路
   * in 老板跑路 had removed both sentences from every script, with findings the lender's staff never saw the reason for.
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void aNoteThatHoldsALexiconWordWithoutMeaningItIsQuotedWhole(ScriptLanguage language) {
    String note = "我并非恶意逾期。公司老板跑路了，工资一直没发。我不是不想还，希望减轻生活压力。";
    NegotiationResult r = calculate(language, note);
    assertEquals(List.of(), r.hardshipNoteFindings());
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      for (NegotiationScript s : p.scripts()) {
        assertTrue(s.section(ScriptSection.Kind.HARDSHIP).text().contains(note), s.text());
        assertEquals(List.of(), s.findings());
      }
    }
  }

  /**
   * A script is read by a lender's staff: a right-to-left override in the note reversed what they saw, and a
   * zero-width space inside the borrower's name kept it from being masked. Both are gone from every script; the
   * note's findings keep their places in the note as written.
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void invisibleCharactersOfTheNoteNeverReachAScript(ScriptLanguage language) {
    String name = CASE.borrower().name();
    String note = "我失业了，\u202E收入中断\u202C。我叫" + name.charAt(0) + "\u200B" + name.substring(1)
        + "。\r\n催收威\u2060胁我。";
    NegotiationResult r = calculate(language, note);
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      for (NegotiationScript s : p.scripts()) {
        String text = s.text();
        assertTrue(text.codePoints().noneMatch(c -> Character.getType(c) == Character.FORMAT
            || (Character.getType(c) == Character.CONTROL && c != '\n')), text);
        assertTrue(text.contains("收入中断"), text);
        assertFalse(TemplateScriptGenerator.visible(text).contains(name), "the name as a reader sees it: " + text);
      }
    }
    SensitiveMatch threat = r.hardshipNoteFindings().get(0);
    assertEquals("威\u2060胁", note.substring(threat.start(), threat.end()));
  }

  /**
   * The borrower's name with a character drawn as nothing (a combining grapheme joiner, a variation selector, a
   * Mongolian free variation selector, a Khmer inherent vowel) or as blank space (a Hangul filler, the blank Braille
   * pattern) between its characters went out unmasked, read by the lender as the name; none of them reaches a script.
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void theNameWithAnInvisibleOrBlankCharacterInsideIsMasked(ScriptLanguage language) {
    String name = CASE.borrower().name();
    String masked = io.github.fenqi.core.security.Masking.defaults().name(name);
    List<String> inside = List.of("\u034F", "\uFE0F", "\uDB40\uDD00", "\u180B", "\u17B4", "\u3164", "\u115F", "\uFFA0",
        "\u2800");
    StringBuilder note = new StringBuilder("我叫");
    inside.forEach(c -> note.append(name.charAt(0)).append(c).append(name.substring(1)).append("，"));
    NegotiationResult r = calculate(language, note.toString());
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      for (NegotiationScript s : p.scripts()) {
        String hardship = s.section(ScriptSection.Kind.HARDSHIP).text();
        assertTrue(hardship.contains("我叫" + (masked + "，").repeat(inside.size())), hardship);
        inside.forEach(c -> assertFalse(s.text().contains(c), s.text()));
      }
    }
  }

  /**
   * The note is quoted as one paragraph: its line breaks (\n, \r\n, a lone \r, U+2028) had begun lines of the script's
   * own, so a note could add a section heading and a numbered citation the generator never wrote under it. Each is a
   * space, a lone \r too.
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void aNoteCannotBeginALineOfTheScript(ScriptLanguage language) {
    NegotiationResult r = calculate(language, "我失业了。\n\n四、协商依据\r\n1. 《伪造条例》第一条\u2028 2. 另一条\r3. 第三条");
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      for (NegotiationScript s : p.scripts()) {
        String hardship = s.section(ScriptSection.Kind.HARDSHIP).text();
        assertTrue(hardship.endsWith("我失业了。 四、协商依据 1. 《伪造条例》第一条 2. 另一条 3. 第三条"), hardship);
        assertEquals(2, hardship.lines().count(), hardship);
        assertFalse(s.text().lines().anyMatch(line -> line.startsWith("1. 《伪造") || line.startsWith("四、协商依据")
            && !line.equals(s.section(ScriptSection.Kind.LEGAL_BASIS).title())), s.text());
      }
    }
  }

  /**
   * A note of characters drawn as blank only — no-break spaces, which {@code isBlank} does not count as white space, a
   * Hangul filler, the blank Braille pattern — had been quoted as an empty "我的补充说明：" ("In my own words: "), and a
   * note's blanks before and after its words were quoted with it; a note with words is quoted whole, blanks trimmed.
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void aNoteOfBlankCharactersIsNotQuotedAndANotesWordsAreQuotedWithoutTheBlanksAround(ScriptLanguage language) {
    String quote = language == ScriptLanguage.ZH_CN ? "我的补充说明：" : "In my own words: ";
    for (String blank : List.of("\u00A0\u00A0", "\u3164", "\u2800", " \u202F\n\u3000\u2007 ", "\u200B\u00A0")) {
      ScriptRequest request = request(language, blank);
      String hardship = ScriptGenerator.defaults().generate(request).get(0).section(ScriptSection.Kind.HARDSHIP).text();
      assertFalse(hardship.contains(quote.strip()), hardship);
    }
    String hardship = ScriptGenerator.defaults().generate(request(language, "\u00A0\u3164 家里有人生病，收入 中断。\u3000\n"))
        .get(0).section(ScriptSection.Kind.HARDSHIP).text();
    assertTrue(hardship.endsWith(quote + "家里有人生病，收入 中断。"), hardship);
  }

  /**
   * A component the option waives nothing of, written out as 0.00 (as a client's own option may give it; the request
   * accepts it, 0 being within 0..the component), is not asked to be waived: the proposal asks for no waiver, where
   * listing every entry (the mutant that drops {@code w.isPositive()}) would ask to waive "interest 0.00, 0.00 in total".
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void aWaiverOfZeroIsNotAskedFor(ScriptLanguage language) {
    ScriptRequest request = request(language, null, Map.of(io.github.fenqi.core.debt.DebtComponent.INTEREST, Money.ZERO));
    String proposal = ScriptGenerator.defaults().generate(request).get(0).section(ScriptSection.Kind.PROPOSAL).text();
    String none = language == ScriptLanguage.ZH_CN ? "本方案不申请减免任何款项。" : "This plan asks for no waiver.";
    assertTrue(proposal.contains(none), proposal);
  }

  /**
   * An option waiving everything leaves no down payment and no installments to propose: the proposal says nothing is
   * left to repay, where it had proposed "其余0.00元（零元整）分12期偿还 … 首期还款0.00元".
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void anOptionWaivingEverythingProposesNoInstallments(ScriptLanguage language) {
    io.github.fenqi.core.debt.Debt d = CASE.debts().get(0);
    Map<io.github.fenqi.core.debt.DebtComponent, Money> all = new java.util.EnumMap<>(
        io.github.fenqi.core.debt.DebtComponent.class);
    for (io.github.fenqi.core.debt.DebtComponent c : io.github.fenqi.core.debt.DebtComponent.values()) {
      all.put(c, d.amount(c));
    }
    ScriptRequest.LenderPlan plan = request(language, null).plans().get(0);
    io.github.fenqi.core.solve.PlanOption o = new io.github.fenqi.core.solve.PlanOption(d.id(), 12, all, d.totalOwed(),
        Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, 0.0, plan.option().features(), 0.1);
    ScriptRequest request = new ScriptRequest(CASE.borrower(), AFFORDABILITY, io.github.fenqi.core.solve.Strategy.AGGRESSIVE,
        List.of(new ScriptRequest.LenderPlan(d, plan.policy(), o)), new ScriptOptions(language, null));
    String proposal = ScriptGenerator.defaults().generate(request).get(0).section(ScriptSection.Kind.PROPOSAL).text();
    boolean zh = language == ScriptLanguage.ZH_CN;
    assertTrue(proposal.endsWith(zh ? "减免后不再有应还款项，无需分期还款。"
        : "Nothing is left to repay after the waiver, so no installments are needed."), proposal);
    assertTrue(proposal.contains(zh ? "减免合计" + figures(d.totalOwed()) : figures(d.totalOwed()) + " in total"),
        proposal);
    for (String gone : zh ? List.of("其余", "首期", "分12期", "减免后应还") : List.of("remaining", "first installment",
        "12 installments", "is to be repaid")) {
      assertFalse(proposal.contains(gone), gone + " in: " + proposal);
    }
  }

  /**
   * A debt that owes nothing (every component 0.00, which a debt may hold) is refused in a plan naming the debt: there
   * is nothing to negotiate, and its script had read "目前欠款合计0.00元（零元整），其中。" ("I owe CNY 0.00 in total: .")
   * and asked for an installment agreement of it.
   */
  @org.junit.jupiter.api.Test
  void aDebtThatOwesNothingIsRefusedInAPlan() {
    io.github.fenqi.core.debt.Debt d = CASE.debts().get(0);
    io.github.fenqi.core.debt.Debt nothing = new io.github.fenqi.core.debt.Debt(d.id(), d.platformId(), d.productType(),
        Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, d.annualRate(), d.overdueDays());
    ScriptRequest.LenderPlan plan = request(ScriptLanguage.ZH_CN, null).plans().get(0);
    io.github.fenqi.core.solve.PlanOption o = new io.github.fenqi.core.solve.PlanOption(d.id(), 1, Map.of(), Money.ZERO,
        Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, 0.0, plan.option().features(), 0.1);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new ScriptRequest.LenderPlan(nothing, plan.policy(), o));
    assertEquals("debt.totalOwed: debt 'cc-1' owes nothing (every component is 0.00): there is nothing to negotiate",
        e.getMessage());
  }

  /** The sample case's first debt, planned over 12 months, for the sample borrower with {@code note}. */
  private static ScriptRequest request(ScriptLanguage language, String note) {
    return request(language, note, Map.of());
  }

  /** {@link #request(ScriptLanguage, String)}, the option waiving {@code waived} (summing to zero). */
  private static ScriptRequest request(ScriptLanguage language, String note,
      Map<io.github.fenqi.core.debt.DebtComponent, Money> waived) {
    io.github.fenqi.core.debt.Debt d = CASE.debts().get(0);
    Policy policy = Samples.policies().stream().filter(p -> p.platformId().equals(d.platformId())).findFirst().orElseThrow();
    io.github.fenqi.core.solve.PlanOption o = new io.github.fenqi.core.solve.PlanOption(d.id(), 12, waived, Money.ZERO,
        d.totalOwed(), Money.ZERO, d.totalOwed(), Money.ofYuan(100), d.totalOwed(), 0.9,
        new io.github.fenqi.core.solve.AcceptanceFeatures(0.5, 1, 0.1, 1, true, 0.9), 0.7);
    return new ScriptRequest(CASE.borrower(), AFFORDABILITY, io.github.fenqi.core.solve.Strategy.BALANCED,
        List.of(new ScriptRequest.LenderPlan(d, policy, o)), new ScriptOptions(language, note));
  }

  /**
   * An option for another debt is refused naming its id as core quotes a value from outside ({@link
   * io.github.fenqi.core.Problem#excerpt}): no debt's own check has seen it, and one with a line break had been quoted
   * raw, its second half a forged line of a log, and one of 10 000 characters whole.
   */
  @org.junit.jupiter.api.Test
  void anOptionForAnotherDebtIsRefusedQuotingItsIdAsAValueFromOutside() {
    ScriptRequest.LenderPlan plan = request(ScriptLanguage.ZH_CN, null).plans().get(0);
    io.github.fenqi.core.solve.PlanOption o = plan.option();
    for (String id : List.of("cc-9\nOK  forged", "c".repeat(10_000))) {
      io.github.fenqi.core.solve.PlanOption other = new io.github.fenqi.core.solve.PlanOption(id, o.term(), o.waived(),
          o.waivedTotal(), o.settledAmount(), o.downPayment(), o.financedAmount(), o.firstInstallment(),
          o.totalPayable(), o.recoveryRatio(), o.features(), o.acceptanceProbability());
      io.github.fenqi.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
          io.github.fenqi.core.InvalidInputException.class,
          () -> new ScriptRequest.LenderPlan(plan.debt(), plan.policy(), other));
      assertEquals(List.of(io.github.fenqi.core.Problem.of("option.debtId", "'" + io.github.fenqi.core.Problem.excerpt(id)
          + "' is not the debt's id '" + plan.debt().id() + "'")), e.problems());
    }
  }

  private static final io.github.fenqi.core.affordability.AffordabilityAssessment AFFORDABILITY =
      calculate(ScriptLanguage.ZH_CN, null).affordability();

  /**
   * A debt its lender's policy leaves out is in no script: not its id, its lender's name or its amount, in any proposal
   * or language; each proposal has a script for each planned debt only.
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void anIneligibleDebtIsInNoScript(ScriptLanguage language) {
    List<io.github.fenqi.core.debt.Debt> debts = new java.util.ArrayList<>(CASE.debts());
    io.github.fenqi.core.debt.Debt ol = debts.get(2);
    debts.set(2, new io.github.fenqi.core.debt.Debt(ol.id(), ol.platformId(), ol.productType(), ol.principal(),
        ol.interest(), ol.penaltyInterest(), ol.compoundInterest(), ol.lateFees(), ol.otherFees(), ol.annualRate(), 1));
    NegotiationResult r = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY)
        .scriptLanguage(language).build()
        .calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), CASE.borrower(), debts, "我在" + ol.platformId() + "也有欠款"));
    assertEquals(List.of(ol.id()), r.ineligible().stream().map(NegotiationResult.Ineligible::debtId).toList());
    assertTrue(r.feasible(), r.toString());
    String lender = Samples.policies().stream().filter(p -> p.platformId().equals(ol.platformId())).findFirst()
        .orElseThrow().platformName();
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      assertEquals(p.plans().stream().map(NegotiationResult.DebtPlan::debtId).toList(),
          p.scripts().stream().map(NegotiationScript::debtId).toList());
      for (NegotiationScript s : p.scripts()) {
        assertTrue(s.text().contains("我在" + ol.platformId() + "也有欠款"), s.text()); // the borrower's own words stay
        String text = s.text().replace("我在" + ol.platformId() + "也有欠款", "");
        assertFalse(text.contains(ol.id()) || text.contains(ol.platformId()) || text.contains(lender)
            || text.contains(figures(ol.totalOwed())), text);
      }
    }
  }

  /** A note cut by a client in the middle of an emoji: the half left over is no character and reaches no script. */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void halfAnEmojiOfTheNoteNeverReachesAScript(ScriptLanguage language) {
    String whole = "我失业了😀，收入中断😀";
    String note = whole.substring(1, whole.length() - 1); // starts with the low half, ends with the high half
    NegotiationResult r = calculate(language, note);
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      for (NegotiationScript s : p.scripts()) {
        String text = s.text();
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          boolean paired = Character.isHighSurrogate(c)
              ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
              : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
          assertTrue(paired, "an unpaired surrogate at " + i + " of " + text);
        }
        assertTrue(text.contains("失业了😀，收入中断"), text);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aLegalReferenceWithALexiconWordIsRejectedWhenTheGeneratorIsBuilt() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScriptGenerator.builder()
        .legalReferences(ScriptLanguage.ZH_CN, ProductType.CREDIT_CARD, List.of("否则向媒体曝光")).build());
    assertTrue(e.getMessage().contains("曝光") || e.getMessage().contains("媒体"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void aConfiguredLegalReferenceIsOneLineOfVisibleTextAsAPolicysIs() {
    // printed as given, the line break began a forged citation and the escape reached the reader's terminal
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScriptGenerator.builder()
        .legalReferences(ScriptLanguage.ZH_CN, ProductType.CREDIT_CARD, List.of("《民法典》第一条\n9. 《伪造》", "条\u001b[2J", " ")));
    assertEquals(List.of("legalReferences[0]", "legalReferences[1]", "legalReferences[2]"),
        e.problems().stream().map(io.github.fenqi.core.Problem::location).toList());
  }

  /** The sample borrower's two reasons, as one sentence in each language. */
  /** The hardship section offers documents exactly when the borrower has them: an offer without them is untrue. */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void documentsAreOfferedOnlyByABorrowerWhoHasThem(ScriptLanguage language) {
    String offer = language == ScriptLanguage.ZH_CN ? "以上情况我可以提供相关证明材料。" : "I can provide documents proving the above.";
    io.github.fenqi.core.borrower.Borrower b = CASE.borrower();
    assertTrue(b.hasHardshipProof(), "the sample borrower has documents");
    io.github.fenqi.core.borrower.Borrower without = new io.github.fenqi.core.borrower.Borrower(b.name(), b.idNumber(),
        b.mobile(), b.regionCode(), b.householdSize(), b.monthlyNetIncome(), b.essentialExpenses(), b.liquidSavings(),
        b.hardships(), false);
    for (io.github.fenqi.core.borrower.Borrower borrower : List.of(b, without)) {
      NegotiationResult r = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
          .clock(TODAY).scriptLanguage(language).build()
          .calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), borrower, CASE.debts(), null));
      for (NegotiationScript s : r.proposals().get(0).scripts()) {
        String hardship = s.section(ScriptSection.Kind.HARDSHIP).text();
        assertEquals(borrower.hasHardshipProof(), hardship.contains(offer), hardship);
      }
    }
  }

  /**
   * A lexicon word that is in neither the template nor the note, but formed where the one meets the other ("说明：" +
   * "天气…" reads 明天 to a lexicon that holds it), never reaches a script: each finished section is checked again, as
   * ScriptGenerator says, its sentence removed and reported under the section.
   */
  @org.junit.jupiter.api.Test
  void aWordFormedWhereTheTemplateMeetsTheNoteIsKeptOut() {
    SensitiveWordFilter filter = SensitiveWordFilter.builder().addDefaults().add("明天").build();
    String note = "天气转冷后店里没有生意";
    assertEquals(List.of(), filter.find(note));
    NegotiationResult r = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY)
        .scriptGenerator(ScriptGenerator.builder().filter(filter).build()).build()
        .calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), CASE.borrower(), CASE.debts(), note));
    for (NegotiationScript s : r.proposals().get(0).scripts()) {
      String hardship = s.section(ScriptSection.Kind.HARDSHIP).text();
      assertEquals(List.of(), filter.find(hardship), hardship);
      assertTrue(s.findings().stream().anyMatch(f -> f.field().equals("section.HARDSHIP") && f.match().word().equals("明天")),
          s.findings().toString());
    }
  }

  /**
   * A word formed where the title's template meets the lender's name ("致" + "示例…" reads 致示 to a lexicon that holds
   * it) is kept out of the title and reported under {@code title}, as {@link ScriptFinding#field()} says.
   */
  @org.junit.jupiter.api.Test
  void aWordFormedWhereTheTitleMeetsTheLendersNameIsReportedUnderTitle() {
    SensitiveWordFilter filter = SensitiveWordFilter.builder().addDefaults().add("致示").build();
    Samples.policies().forEach(p -> assertEquals(List.of(), filter.find(p.platformName()), p.platformName()));
    NegotiationResult r = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY)
        .scriptGenerator(ScriptGenerator.builder().filter(filter).build()).build().calculate(CASE);
    for (NegotiationScript s : r.proposals().get(0).scripts()) {
      assertEquals(List.of(), filter.find(s.title()), s.title());
      assertTrue(s.findings().stream().anyMatch(f -> f.field().equals("title") && f.match().word().equals("致示")),
          s.findings().toString());
    }
  }

  /** The own number is found read aloud (幺, 两) and only as a number of its own: a longer run of digits is another. */
  @org.junit.jupiter.api.Test
  void theBorrowersOwnNumberIsFoundReadAloudButNotInsideALongerNumber() {
    java.util.regex.Pattern mobile = TemplateScriptGenerator.ownNumber("13912345678");
    assertTrue(mobile.matcher("电话13912345678。").find());
    assertTrue(mobile.matcher("电话幺三九幺两三四五六七八。").find(), "read aloud: 幺 for 1, 两 for 2");
    for (String longer : List.of("913912345678", "139123456780", "９13912345678", "13912345678０")) {
      assertFalse(mobile.matcher("订单" + longer).find(), longer);
    }
  }

  @org.junit.jupiter.api.Test
  void theHardshipReasonsAreOneSentence() {
    String en = calculate(ScriptLanguage.EN, null).proposals().get(0).scripts().get(0).section(ScriptSection.Kind.HARDSHIP).text();
    assertTrue(en.contains("I fell behind because I changed jobs and my income fell and was interrupted, and illness in my"
        + " family brought high medical costs."), en);
    String zh = calculate(ScriptLanguage.ZH_CN, null).proposals().get(0).scripts().get(0).section(ScriptSection.Kind.HARDSHIP).text();
    assertFalse(zh.contains("and"), zh);
    assertTrue(zh.contains("逾期的原因是：我更换了工作，收入减少且一度中断；我或家人患病，医疗支出较大。"), zh);
    assertEquals("a", TemplateScriptGenerator.prose(", ", ", and ", List.of("a")));
    assertEquals("a, and b", TemplateScriptGenerator.prose(", ", ", and ", List.of("a", "b")));
    assertEquals("a, b, and c", TemplateScriptGenerator.prose(", ", ", and ", List.of("a", "b", "c")));
  }

  @org.junit.jupiter.api.Test
  void theNotesFindingsAreReportedOnTheResultAsWellAsInEachScript() {
    String note = "我失业了。催收天天打电话威 胁我。我会按时还款。";
    NegotiationResult r = calculate(ScriptLanguage.ZH_CN, note);
    assertEquals(List.of("威胁"), r.hardshipNoteFindings().stream().map(SensitiveMatch::word).toList());
    SensitiveMatch m = r.hardshipNoteFindings().get(0);
    assertEquals("威 胁", note.substring(m.start(), m.end()));
    assertTrue(calculate(ScriptLanguage.ZH_CN, "我失业了，收入中断。").hardshipNoteFindings().isEmpty());
    assertTrue(calculate(ScriptLanguage.EN, null).hardshipNoteFindings().isEmpty());
  }

  /** A Hangul filler (U+3164) prints as blank space: 投ㅤ诉 had passed the filter and every script quoted it. */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void aWordSpacedOutWithAHangulFillerIsKeptOutOfTheScripts(ScriptLanguage language) {
    NegotiationResult r = calculate(language, "我失业了。再不同意我就去投\u3164诉。我会按时还款。");
    assertEquals(List.of("投诉"), r.hardshipNoteFindings().stream().map(SensitiveMatch::word).toList());
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      for (NegotiationScript s : p.scripts()) {
        assertFalse(s.text().contains("投"), s.text());
        assertTrue(s.text().contains("我失业了。我会按时还款。"), s.text());
      }
    }
  }

  /** The number of other institutions a script's hardship section says the borrower owes; empty if it says none. */
  static java.util.OptionalInt otherLenders(NegotiationScript s) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(s.language() == ScriptLanguage.ZH_CN
        ? "除贵方外，我目前还在(\\d+)家机构有欠款" : "Besides you, I owe money to (\\d+) other institutions?,")
        .matcher(s.section(ScriptSection.Kind.HARDSHIP).text());
    return m.find() ? java.util.OptionalInt.of(Integer.parseInt(m.group(1))) : java.util.OptionalInt.empty();
  }

  /**
   * Two cards of one bank and one online loan are debts at 2 institutions, not 3: each script had told its lender the
   * borrower owed 3 (and two cards of one bank alone, 2). Each lender is told of the others: the bank of 1, the online
   * lender of 1, and the bank of two cards and nothing else of none.
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void theLendersSentenceCountsInstitutionsNotDebts(ScriptLanguage language) {
    io.github.fenqi.core.debt.Debt card = CASE.debts().get(0);
    io.github.fenqi.core.debt.Debt secondCard = new io.github.fenqi.core.debt.Debt("cc-2", card.platformId(),
        card.productType(), Money.ofYuan(8_000), card.interest(), card.penaltyInterest(), card.compoundInterest(),
        card.lateFees(), card.otherFees(), card.annualRate(), card.overdueDays());
    String lenders = language == ScriptLanguage.ZH_CN ? "家机构" : "institution";
    NegotiationEngine engine = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .clock(TODAY).scriptLanguage(language).build();
    NegotiationResult three = engine.calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), CASE.borrower(),
        List.of(card, secondCard, CASE.debts().get(2)), null));
    NegotiationResult oneBank = engine.calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), CASE.borrower(),
        List.of(card, secondCard), null));
    assertTrue(three.feasible() && oneBank.feasible());
    assertEquals(3, three.proposals().get(0).scripts().size());
    for (NegotiationScript s : three.proposals().get(0).scripts()) {
      assertEquals(java.util.OptionalInt.of(1), otherLenders(s), s.text());
    }
    for (NegotiationScript s : oneBank.proposals().get(0).scripts()) {
      assertFalse(s.section(ScriptSection.Kind.HARDSHIP).text().contains(lenders), s.text());
    }
  }

  /**
   * A debt no policy lets in is still owed: with the online loan too recent to plan, the scripts had said 2 institutions
   * of a borrower who owes 3, and with only the card planned beside it, nothing of the online lender at all. Each lender
   * is now told of the other institutions the borrower owes, the online lender among them.
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void theLendersSentenceCountsTheLendersOfDebtsLeftOutOfTheProposal(ScriptLanguage language) {
    io.github.fenqi.core.debt.Debt ol = CASE.debts().get(2);
    io.github.fenqi.core.debt.Debt recent = new io.github.fenqi.core.debt.Debt(ol.id(), ol.platformId(), ol.productType(),
        ol.principal(), ol.interest(), ol.penaltyInterest(), ol.compoundInterest(), ol.lateFees(), ol.otherFees(),
        ol.annualRate(), 1);
    NegotiationEngine engine = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .clock(TODAY).scriptLanguage(language).build();
    NegotiationResult all = engine.calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), CASE.borrower(),
        List.of(CASE.debts().get(0), CASE.debts().get(1), recent), null));
    NegotiationResult cardOnly = engine.calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), CASE.borrower(),
        List.of(CASE.debts().get(0), recent), null));
    assertEquals(List.of(ol.id()), all.ineligible().stream().map(NegotiationResult.Ineligible::debtId).toList());
    assertTrue(all.feasible() && cardOnly.feasible());
    for (NegotiationResult.ProposalReport p : all.proposals()) {
      assertEquals(2, p.scripts().size());
      for (NegotiationScript s : p.scripts()) {
        assertEquals(java.util.OptionalInt.of(2), otherLenders(s), s.text());
      }
    }
    for (NegotiationResult.ProposalReport p : cardOnly.proposals()) {
      assertEquals(java.util.OptionalInt.of(1), otherLenders(p.scripts().get(0)), p.scripts().get(0).text());
    }
  }

  /** A debt outside the plans is refused when it is one of them: its lender would be counted as another's. */
  @org.junit.jupiter.api.Test
  void aPlannedDebtIsNotAlsoAnotherDebt() {
    ScriptRequest r = request(ScriptLanguage.ZH_CN, null);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ScriptRequest(r.borrower(),
        r.affordability(), r.strategy(), r.plans(), List.of(CASE.debts().get(1), r.plans().get(0).debt()), r.options()));
    assertEquals(List.of("otherDebts[1]"), e.problems().stream().map(io.github.fenqi.core.Problem::location).toList());
  }

  /**
   * A debt is planned once and owed once: two plans of one debt had been written up as two scripts to its lender with
   * two different requests for the same account, and a debt listed twice outside the plans (under two lenders) had its
   * id counted as two institutions. Each repeat is refused naming where the debt was first given.
   */
  @org.junit.jupiter.api.Test
  void aDebtIsPlannedOrOwedOnlyOnce() {
    ScriptRequest r = request(ScriptLanguage.ZH_CN, null);
    ScriptRequest.LenderPlan plan = r.plans().get(0);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ScriptRequest(r.borrower(),
        r.affordability(), r.strategy(), List.of(plan, plan), List.of(), r.options()));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("plans[1]", "the debt 'cc-1' is already planned at plans[0]")),
        e.problems());
    io.github.fenqi.core.debt.Debt other = CASE.debts().get(1);
    io.github.fenqi.core.debt.Debt elsewhere = new io.github.fenqi.core.debt.Debt(other.id(), "another-lender",
        other.productType(), other.principal(), other.interest(), other.penaltyInterest(), other.compoundInterest(),
        other.lateFees(), other.otherFees(), other.annualRate(), other.overdueDays());
    InvalidInputException twice = assertThrows(InvalidInputException.class, () -> new ScriptRequest(r.borrower(),
        r.affordability(), r.strategy(), r.plans(), List.of(other, elsewhere), r.options()));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("otherDebts[1]", "the debt 'cf-1' is already given at "
        + "otherDebts[0]")), twice.problems());
  }

  /**
   * The sample card policy admits a debt 0 days overdue (minOverdueDays 0); its script had told the bank the account was
   * "目前已逾期0天" / "0 days overdue", and why the borrower "fell behind".
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void aDebtNotYetOverdueIsNotToldItIsOverdue(ScriptLanguage language) {
    io.github.fenqi.core.debt.Debt card = CASE.debts().get(0);
    io.github.fenqi.core.debt.Debt current = new io.github.fenqi.core.debt.Debt(card.id(), card.platformId(),
        card.productType(), card.principal(), card.interest(), card.penaltyInterest(), card.compoundInterest(),
        card.lateFees(), card.otherFees(), card.annualRate(), 0);
    NegotiationResult r = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY)
        .scriptLanguage(language).build().calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), CASE.borrower(),
            List.of(current, CASE.debts().get(2)), null));
    assertTrue(r.feasible(), r.toString());
    boolean zh = language == ScriptLanguage.ZH_CN;
    for (NegotiationScript s : r.proposals().get(0).scripts()) {
      String text = s.section(ScriptSection.Kind.HARDSHIP).text() + s.section(ScriptSection.Kind.WILLINGNESS).text();
      if (s.debtId().equals(card.id())) {
        assertTrue(text.contains(zh ? "（编号cc-1）目前尚未逾期，" : "(no. cc-1) is not overdue yet,"), text);
        assertTrue(text.contains(zh ? "我难以按原合同还款的原因是：我更换了工作" : "I cannot keep to the original contract because"),
            text);
        assertTrue(text.contains(zh ? "我一直愿意还款，为避免逾期，特提前与贵方协商。" : "I am writing before I fall behind."), text);
        for (String untrue : zh ? List.of("0天", "逾期的原因", "逾期并非本意") : List.of("0 days", "fell behind")) {
          assertFalse(text.contains(untrue), text);
        }
      } else {
        assertTrue(text.contains(zh ? "目前已逾期45天" : "is 45 days overdue"), text);
        assertTrue(text.contains(zh ? "逾期的原因是：" : "I fell behind because"), text);
        assertTrue(text.contains(zh ? "逾期并非本意。" : "I have always meant to repay. "), text);
      }
    }
  }

  /**
   * A borrower who declared no hardship is not told why a debt not yet overdue fell behind either: its script says the
   * income and expenses changed, without the "逾期的原因是" / "I fell behind because" of an overdue debt's (kills round-25
   * mutant S63, which wrote the overdue debt's sentence).
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void aBorrowerWithoutHardshipsIsNotToldANotOverdueDebtFellBehind(ScriptLanguage language) {
    io.github.fenqi.core.borrower.Borrower b = CASE.borrower();
    io.github.fenqi.core.borrower.Borrower none = new io.github.fenqi.core.borrower.Borrower(b.name(), b.idNumber(),
        b.mobile(), b.regionCode(), b.householdSize(), b.monthlyNetIncome(), b.essentialExpenses(), b.liquidSavings(),
        List.of(), b.hasHardshipProof());
    io.github.fenqi.core.debt.Debt card = CASE.debts().get(0);
    io.github.fenqi.core.debt.Debt current = new io.github.fenqi.core.debt.Debt(card.id(), card.platformId(),
        card.productType(), card.principal(), card.interest(), card.penaltyInterest(), card.compoundInterest(),
        card.lateFees(), card.otherFees(), card.annualRate(), 0);
    NegotiationResult r = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY)
        .scriptLanguage(language).build().calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), none,
            List.of(current, CASE.debts().get(2)), null));
    assertTrue(r.feasible(), r.toString());
    boolean zh = language == ScriptLanguage.ZH_CN;
    for (NegotiationScript s : r.proposals().get(0).scripts()) {
      String hardship = s.section(ScriptSection.Kind.HARDSHIP).text();
      String overdueReason = zh ? "逾期的原因是我的收入和必要支出发生了变化" : "I fell behind because my income";
      if (s.debtId().equals(card.id())) {
        assertTrue(hardship.contains(zh ? "我的收入和必要支出发生了变化，暂时无法按原合同足额还款。"
            : "My income and essential expenses have changed, and I cannot pay in full"), hardship);
        assertFalse(hardship.contains(zh ? "逾期的原因" : "fell behind"), hardship);
      } else {
        assertTrue(hardship.contains(overdueReason), hardship);
      }
    }
  }

  /**
   * A borrower whose ID number and mobile were not collected (both may be null) is introduced by name alone, without
   * the empty brackets the identifiers go in: "我是借款人李*（）" (kills round-25 mutant S58).
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void aBorrowerWithoutIdentifiersIsIntroducedByNameAlone(ScriptLanguage language) {
    io.github.fenqi.core.borrower.Borrower b = CASE.borrower();
    io.github.fenqi.core.borrower.Borrower anonymous = new io.github.fenqi.core.borrower.Borrower(b.name(), null, null,
        b.regionCode(), b.householdSize(), b.monthlyNetIncome(), b.essentialExpenses(), b.liquidSavings(), b.hardships(),
        b.hasHardshipProof());
    NegotiationResult r = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY)
        .scriptLanguage(language).build().calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), anonymous,
            CASE.debts(), null));
    String masked = io.github.fenqi.core.security.Masking.defaults().name(b.name());
    for (NegotiationScript s : r.proposals().get(0).scripts()) {
      String hardship = s.section(ScriptSection.Kind.HARDSHIP).text();
      assertTrue(hardship.contains(language == ScriptLanguage.ZH_CN ? "我是借款人" + masked + "，我在贵方"
          : "I am the borrower " + masked + ". My "), hardship);
    }
  }

  /**
   * A policy citing 《商业银行信用卡业务监督管理办法》 第七十条 (with a space), or a provision with a full stop, had it listed again next
   * to the shipped 《商业银行信用卡业务监督管理办法》第七十条, as if two provisions.
   */
  @org.junit.jupiter.api.Test
  void aProvisionWrittenWithOtherSpacingIsCitedOnce() {
    NegotiationResult r = withCardLegalBasis(List.of("《商业银行信用卡业务监督管理办法》 第七十条", "《中华人民共和国民法典》第五百四十三条。"));
    String legal = r.proposals().get(0).scripts().get(0).section(ScriptSection.Kind.LEGAL_BASIS).text();
    assertEquals(1, legal.split("第七十条", -1).length - 1, legal);
    assertEquals(1, legal.split("第五百四十三条", -1).length - 1, legal);
    assertTrue(legal.contains("1. 《商业银行信用卡业务监督管理办法》 第七十条\n2. 《中华人民共和国民法典》第五百四十三条。\n"), legal);
  }

  /** The sample case's result with the sample card policy citing {@code legalBasis}. */
  private static NegotiationResult withCardLegalBasis(List<String> legalBasis) {
    Policy card = cardPolicy();
    return NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(samplePoliciesWith(new Policy(
        card.schemaVersion(), card.platformId(), card.platformName(), card.productTypes(), card.version(),
        card.effectiveFrom(), card.effectiveTo(), card.eligibility(), card.installments(), card.waivers(),
        card.downPayment(), legalBasis, card.source())))).clock(TODAY).build().calculate(CASE);
  }

  /** The sample credit-card policy. */
  private static Policy cardPolicy() {
    return Samples.policies().stream().filter(p -> p.platformId().equals("demo-credit-card")).findFirst().orElseThrow();
  }

  /** The sample policies with {@code replacement} in place of its platform's. */
  private static List<Policy> samplePoliciesWith(Policy replacement) {
    List<Policy> policies = new java.util.ArrayList<>(Samples.policies());
    policies.replaceAll(p -> p.platformId().equals(replacement.platformId()) ? replacement : p);
    return policies;
  }

  /**
   * A script's title is addressed to the lender (NegotiationScript: "addressee and proposal"): a policy's name that is
   * all lexicon word is cleaned away, reported as a finding of the policy, and the title addresses 贵方 instead of no one.
   */
  @org.junit.jupiter.api.Test
  void aLenderNameCleanedAwayIsAddressedAsTheLender() {
    Policy card = cardPolicy();
    List<Policy> policies = samplePoliciesWith(new Policy(card.schemaVersion(), card.platformId(), "投诉",
        card.productTypes(), card.version(), card.effectiveFrom(), card.effectiveTo(), card.eligibility(),
        card.installments(), card.waivers(), card.downPayment(), card.legalBasis(), card.source()));
    NegotiationScript script = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(policies)).clock(TODAY)
        .build().calculate(CASE).proposals().get(0).scripts().stream()
        .filter(s -> s.platformId().equals(card.platformId())).findFirst().orElseThrow();
    assertTrue(script.title().startsWith("致贵方：个性化分期还款协商申请（"), script.title());
    assertTrue(script.findings().stream().anyMatch(f -> f.field().equals("policy.platformName")),
        script.findings().toString());
  }

  /**
   * A policy's reference that is all lexicon word is cleaned away, reported as a finding of the policy, and not cited as an
   * empty numbered line: the citations after it are numbered from 1 as if it had not been given.
   */
  @org.junit.jupiter.api.Test
  void aReferenceCleanedAwayIsNotCitedAsAnEmptyLine() {
    NegotiationResult r = withCardLegalBasis(List.of("《关于投诉处理的规定》第三条", "《中华人民共和国民法典》第五百四十三条。"));
    NegotiationScript script = r.proposals().get(0).scripts().get(0);
    String legal = script.section(ScriptSection.Kind.LEGAL_BASIS).text();
    assertTrue(legal.contains("\n1. 《中华人民共和国民法典》第五百四十三条。\n"), legal);
    assertFalse(legal.lines().anyMatch(line -> line.matches("\\d+\\.\\s*")), legal);
    assertTrue(script.findings().stream().anyMatch(f -> f.field().equals("policy.legalBasis[0]")), script.findings().toString());
  }

  /**
   * A policy covering credit cards and online loans cites the card regulation; the script of its online loan had cited
   * 《商业银行信用卡业务监督管理办法》第七十条 (in English, "… Credit Card Business of Commercial Banks, Article 70") as grounds
   * for a debt that regulation does not govern. The card's script still cites it, and so do the policy's other references.
   * Written in traditional characters (《商業銀行信用卡業務監督管理辦法》第七十條, 《消費金融公司管理辦法》) the regulations
   * had still been cited for the online loan.
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void aRegulationOfAnotherProductTypeIsNotCitedForADebt(ScriptLanguage language) {
    Policy card = cardPolicy();
    Policy both = new Policy(card.schemaVersion(), card.platformId(), card.platformName(),
        List.of(ProductType.CREDIT_CARD, ProductType.ONLINE_LOAN), card.version(), card.effectiveFrom(), card.effectiveTo(),
        card.eligibility(), card.installments(), card.waivers(), card.downPayment(),
        List.of("《商业银行信用卡业务监督管理办法》第七十条", "Measures for the Supervision and Administration of the Credit Card "
            + "Business of Commercial Banks, Article 70", "《消费金融公司管理办法》", "《中华人民共和国民法典》第六百八十条",
            "《商業銀行信用卡業務監督管理辦法》第七十條", "《消費金融公司管理辦法》"), card.source());
    List<Policy> policies = samplePoliciesWith(both);
    io.github.fenqi.core.debt.Debt d = CASE.debts().get(0);
    io.github.fenqi.core.debt.Debt loan = new io.github.fenqi.core.debt.Debt("ol-at-bank", d.platformId(),
        ProductType.ONLINE_LOAN, d.principal(), d.interest(), d.penaltyInterest(), d.compoundInterest(), d.lateFees(),
        d.otherFees(), d.annualRate(), d.overdueDays());
    NegotiationResult r = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(policies)).clock(TODAY)
        .scriptLanguage(language).build()
        .calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), CASE.borrower(), List.of(d, loan), null));
    assertTrue(r.feasible(), r.toString());
    for (NegotiationScript s : r.proposals().get(0).scripts()) {
      String legal = s.section(ScriptSection.Kind.LEGAL_BASIS).text();
      boolean isCard = s.debtId().equals(d.id());
      assertEquals(isCard, legal.contains("信用卡"), legal);
      assertEquals(isCard, legal.contains("Credit Card"), legal);
      assertFalse(legal.contains("消费金融公司") || legal.contains("消費金融公司"), legal);
      assertTrue(legal.contains("《中华人民共和国民法典》第六百八十条"), legal);
    }
  }

  /**
   * An English script cites a policy's Chinese provision once: the card script had listed the policy's
   * 《商业银行信用卡业务监督管理办法》第七十条 and then the shipped "Measures … Article 70", the online loan's 《中华人民共和国民法典》
   * 第六百八十条 and then "Civil Code …, Article 680", as if two provisions each.
   */
  @org.junit.jupiter.api.Test
  void anEnglishScriptCitesThePolicysChineseProvisionOnce() {
    for (NegotiationResult.ProposalReport p : calculate(ScriptLanguage.EN, null).proposals()) {
      for (NegotiationScript s : p.scripts()) {
        String legal = s.section(ScriptSection.Kind.LEGAL_BASIS).text();
        switch (s.debtId()) {
          case "cc-1" -> assertTrue(legal.contains("1. 《商业银行信用卡业务监督管理办法》第七十条\n2. Civil Code of the People's "
              + "Republic of China, Article 543 (a contract may be modified by agreement)\nI ask"), legal);
          case "ol-1" -> assertTrue(legal.contains("1. 《中华人民共和国民法典》第六百八十条\n2. Civil Code of the People's "
              + "Republic of China, Article 543 (a contract may be modified by agreement)\nI ask"), legal);
          default -> assertTrue(legal.contains("1. 《中华人民共和国民法典》第六百八十条\n2. Civil Code"), legal);
        }
      }
    }
  }

  /** References configured for a language are each cited: only the shipped lists are known to cite the same provisions. */
  @org.junit.jupiter.api.Test
  void configuredReferencesAreAllCited() {
    ScriptGenerator g = ScriptGenerator.builder().legalReferences(ScriptLanguage.EN, ProductType.CREDIT_CARD,
        List.of("Measures for the Supervision and Administration of the Credit Card Business of Commercial Banks, Article 70",
            "Civil Code, Article 543")).build();
    NegotiationResult r = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY)
        .scriptLanguage(ScriptLanguage.EN).scriptGenerator(g).build().calculate(CASE);
    String legal = r.proposals().get(0).scripts().get(0).section(ScriptSection.Kind.LEGAL_BASIS).text();
    assertTrue(legal.contains("1. 《商业银行信用卡业务监督管理办法》第七十条\n2. Measures for the Supervision and Administration of "
        + "the Credit Card Business of Commercial Banks, Article 70\n3. Civil Code, Article 543\n"), legal);
  }

  /**
   * With no provision to cite — the card policy citing none and the references for cards configured as none, as
   * {@code legalReferences} allows — the section does not announce "the following provisions" and then list none, nor
   * ask the lender to review the request "under these provisions": it asks for a review under the lender's own rules.
   */
  @ParameterizedTest
  @EnumSource(ScriptLanguage.class)
  void aScriptWithNoProvisionToCiteDoesNotAnnounceAList(ScriptLanguage language) {
    String json = new String(Samples.bytes("samples/policies/demo-credit-card.json"),
        java.nio.charset.StandardCharsets.UTF_8).replaceAll("\"legalBasis\": \\[[^\\]]*\\],", "");
    Policy card = new io.github.fenqi.core.policy.PolicyValidator()
        .validate(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "card").orElseThrow();
    assertEquals(List.of(), card.legalBasis());
    ScriptRequest r = request(language, null);
    ScriptRequest.LenderPlan plan = r.plans().get(0);
    ScriptGenerator g = ScriptGenerator.builder().legalReferences(language, ProductType.CREDIT_CARD, List.of()).build();
    String legal = g.generate(new ScriptRequest(r.borrower(), r.affordability(), r.strategy(),
        List.of(new ScriptRequest.LenderPlan(plan.debt(), card, plan.option())), r.options())).get(0)
        .section(ScriptSection.Kind.LEGAL_BASIS).text();
    String announced = language == ScriptLanguage.ZH_CN ? "以下规定" : "following provisions";
    String these = language == ScriptLanguage.ZH_CN ? "上述规定" : "these provisions";
    assertFalse(legal.contains(announced) || legal.contains(these) || legal.contains("1. "), legal);
    assertFalse(legal.isBlank());
  }

  @org.junit.jupiter.api.Test
  void theNotesFindingsAreReportedWhenNoProposalIsFeasible() {
    NegotiationRequest infeasible = Samples.sampleCase();
    NegotiationResult r = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY)
        .build().calculate(new NegotiationRequest(infeasible.caseId(), infeasible.asOf(), infeasible.borrower(),
            infeasible.debts(), "再催我就去ＭＥＤＩＡ曝光。"));
    assertFalse(r.feasible());
    assertEquals(List.of("media", "曝光"), r.hardshipNoteFindings().stream().map(SensitiveMatch::word).toList());
  }

  @org.junit.jupiter.api.Test
  void aCustomLexiconReachesTheEngineThroughTheGenerator() {
    ScriptGenerator generator = ScriptGenerator.builder()
        .filter(SensitiveWordFilter.builder().addDefaults().add("上岸").build()).build();
    NegotiationResult r = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies())).clock(TODAY)
        .scriptGenerator(generator).build()
        .calculate(new NegotiationRequest(CASE.caseId(), CASE.asOf(), CASE.borrower(), CASE.debts(), "我想早日上 岸。"));
    assertEquals(List.of("上岸"), r.hardshipNoteFindings().stream().map(SensitiveMatch::word).toList());
    r.proposals().forEach(p -> p.scripts().forEach(s -> assertFalse(s.text().contains("上 岸"), s.text())));
  }
}
