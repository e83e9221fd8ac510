package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A lexicon rule and the lexicon that holds it, by their documented contracts: a keyword found with spaces left out
 * of both sides, the platform's placeholders, the version and ids a lexicon must have, and the shape of a person's
 * name.
 */
class LexiconRuleTest {
  private static Transaction row(String counterparty, String description) {
    return new Transaction("t.csv", 2, 1, LocalDateTime.of(2026, 5, 1, 10, 0), Direction.DEBIT, Money.ofFen(100),
        counterparty, "", description, "", "", "", "", "", null);
  }

  private static LexiconRule rule(String id, String keyword, String platform) {
    return new LexiconRule(id, TransactionCategory.LOAN_REPAYMENT, Set.of(), List.of(LexiconRule.Field.DESCRIPTION,
        LexiconRule.Field.COUNTERPARTY), List.of(keyword), platform);
  }

  /** Spaces of any kind are left out of the field and of the keyword alike (工　资 holds 工资, 肯 德 基 holds 肯德基). */
  @Test
  void aKeywordIsFoundWithSpacesLeftOutOfBothSides() {
    Optional<LexiconRule.Match> ideographic = rule("salary", "工资", null).match(row("某某公司", "工\u3000资"));
    assertEquals(Optional.of("工资"), ideographic.map(LexiconRule.Match::keyword));
    Optional<LexiconRule.Match> spacedKeyword = rule("kfc", "肯 德 基", null).match(row("肯德基", ""));
    assertEquals(Optional.of("rule kfc: counterparty '肯德基' contains '肯 德 基'"),
        spacedKeyword.map(LexiconRule.Match::reason));
  }

  /** The platform names {counterparty} without its legal-form suffix and {keyword} as the keyword that matched. */
  @Test
  void thePlatformFillsInTheCounterpartysShortNameAndTheKeyword() {
    LexiconRule card = rule("card", "还款", "{counterparty}信用卡");
    assertEquals(Optional.of("禾信消费金融信用卡"), card.platformFor(row("禾信消费金融股份有限公司", "还款"), "还款"));
    assertEquals(Optional.of("禾信消费金融信用卡"), card.platformFor(row("禾信消费金融有限公司", "还款"), "还款"));
    LexiconRule named = rule("named", "借呗", "{keyword}");
    assertEquals(Optional.of("借呗"), named.platformFor(row("支付宝", "借呗还款"), "借呗"));
    assertEquals(Optional.empty(), rule("none", "还款", null).platformFor(row("某银行", "还款"), "还款"));
  }

  /**
   * A space of any kind between the name and its legal-form suffix, or around the name, is not part of the short name:
   * 禾信消费金融 有限公司 had been the platform 禾信消费金融 信用卡, a second lender beside the 禾信消费金融信用卡 of rows
   * that spell it without the space. A name that is only a suffix keeps it (公司 names no lender by a shorter name).
   */
  @Test
  void theShortNameLeavesOutSpacesBeforeTheSuffixAndAroundTheName() {
    LexiconRule card = rule("card", "还款", "{counterparty}信用卡");
    for (String name : List.of("禾信消费金融 有限公司", "禾信消费金融\u3000股份有限公司", "\u00A0禾信消费金融有限公司\u00A0",
        "禾信消费金融 \u00A0公司")) {
      assertEquals(Optional.of("禾信消费金融信用卡"), card.platformFor(row(name, "还款"), "还款"), name);
    }
    assertEquals(Optional.of("公司信用卡"), card.platformFor(row("公司", "还款"), "还款"));
    assertEquals(Optional.of("禾信 消费金融信用卡"), card.platformFor(row("禾信 消费金融有限公司", "还款"), "还款"));
  }

  private static CategoryLexicon lexicon(int schemaVersion, List<LexiconRule> rules, List<String> markers) {
    return new CategoryLexicon(schemaVersion, rules, null, null, null, null, markers, null, null);
  }

  @Test
  void aLexiconOfAnotherSchemaVersionOrWithARuleIdTwiceIsRefusedNamingIt() {
    InvalidInputException version = assertThrows(InvalidInputException.class,
        () -> lexicon(2, List.of(rule("a", "还款", null)), List.of()));
    assertEquals(List.of("schemaVersion"), version.problems().stream().map(Problem::location).toList());
    InvalidInputException twice = assertThrows(InvalidInputException.class,
        () -> lexicon(1, List.of(rule("a", "还款", null), rule("a", "借款", null)), List.of()));
    assertEquals(List.of(Problem.of("rules[1].id", "rule id 'a' is used twice (first at rules[0])")),
        twice.problems());
  }

  /** Each repeat of an id is named by its place and the first's: the id alone left a reader to search the file. */
  @Test
  void everyRepeatOfARuleIdIsNamedByItsPlaceAndTheFirsts() {
    InvalidInputException thrice = assertThrows(InvalidInputException.class, () -> lexicon(1, List.of(
        rule("a", "还款", null), rule("b", "工资", null), rule("a", "借款", null), rule("b", "薪资", null),
        rule("a", "贷款", null)), List.of()));
    assertEquals(List.of(Problem.of("rules[2].id", "rule id 'a' is used twice (first at rules[0])"),
        Problem.of("rules[3].id", "rule id 'b' is used twice (first at rules[1])"),
        Problem.of("rules[4].id", "rule id 'a' is used twice (first at rules[0])")), thrice.problems());
  }

  /**
   * A rule's id, which a lexicon file gives and nothing checks but for being there, is quoted in the lexicon's errors as
   * core quotes a value from outside ({@link Problem#excerpt}): an id used twice, or naming a rule without keywords,
   * had been quoted raw, a line break in it beginning a forged line of a log, and one of 10 000 characters whole.
   */
  @Test
  void aRulesIdIsQuotedInTheLexiconsErrorsAsAValueFromOutside() {
    for (String id : List.of("salary\nOK  lexicon.json", "salary\u2029OK", "s".repeat(10_000))) {
      InvalidInputException twice = assertThrows(InvalidInputException.class,
          () -> lexicon(1, List.of(rule(id, "还款", null), rule(id, "借款", null)), List.of()));
      assertEquals(List.of(Problem.of("rules[1].id",
          "rule id '" + Problem.excerpt(id) + "' is used twice (first at rules[0])")),
          twice.problems());
      InvalidInputException noKeywords = assertThrows(InvalidInputException.class, () -> new LexiconRule(id,
          TransactionCategory.LOAN_REPAYMENT, Set.of(), List.of(LexiconRule.Field.DESCRIPTION), List.of(), null));
      assertEquals(List.of("rule " + Problem.excerpt(id)),
          noKeywords.problems().stream().map(Problem::location).toList());
    }
  }

  /**
   * A match's reason quotes the rule's id and keyword as it quotes the field's value ({@link Problem#excerpt}): both come
   * from a lexicon file, and a line separator in them had begun a line of its own in a report, and an id of 10 000
   * characters had been quoted whole in every classification the rule made.
   */
  @Test
  void aMatchQuotesTheRulesIdAndKeywordAsValuesFromOutside() {
    String keyword = "还\u2028款";
    for (String id : List.of("repay\u2028OK  forged", "r".repeat(10_000))) {
      Optional<LexiconRule.Match> m = rule(id, keyword, null).match(row("某银行", "信用卡还款"));
      assertEquals(Optional.of("rule " + Problem.excerpt(id) + ": description '信用卡还款' contains '"
          + Problem.excerpt(keyword) + "'"), m.map(LexiconRule.Match::reason));
      assertEquals(Optional.of(keyword), m.map(LexiconRule.Match::keyword), "the keyword itself is kept as configured");
    }
  }

  /** A person's name: two to four Han characters and no organisation marker. */
  @Test
  void aPersonIsTwoToFourHanCharactersWithoutAnOrganisationMarker() {
    CategoryLexicon lexicon = lexicon(1, List.of(rule("a", "还款", null)), List.of("店"));
    assertFalse(lexicon.isPerson("王"));
    assertTrue(lexicon.isPerson("王五"));
    assertTrue(lexicon.isPerson("欧阳小明"));
    assertFalse(lexicon.isPerson("欧阳小明明"));
    assertFalse(lexicon.isPerson("王记店"), "an organisation marker makes it no person");
    assertTrue(lexicon.isOrganisation("王记店"));
    assertFalse(lexicon.isPerson("Wang"));
  }

  /**
   * An organisation marker is found as the analyzer finds every word, full-width forms read as ASCII and ASCII letters
   * in either case: a lexicon's marker Ltd holds in ACME LTD and ＡＣＭＥ Ｌｔｄ.
   */
  @Test
  void anOrganisationMarkerIsFoundInFullWidthFormsAndInEitherCase() {
    CategoryLexicon lexicon = lexicon(1, List.of(rule("a", "还款", null)), List.of("Ltd"));
    assertTrue(lexicon.isOrganisation("ACME LTD"));
    assertTrue(lexicon.isOrganisation("ＡＣＭＥ Ｌｔｄ"));
    assertFalse(lexicon.isOrganisation("ACME LT"));
  }

  /**
   * A lexicon holds at least one rule and a rule reads at least one field: a lexicon without rules, and a rule whose
   * fields are empty, are each refused naming where (the lexicon's {@code rules}, the rule by its id).
   */
  @Test
  void aLexiconWithoutRulesAndARuleReadingNoFieldAreRefusedNamingThem() {
    InvalidInputException noRules = assertThrows(InvalidInputException.class, () -> lexicon(1, List.of(), List.of()));
    assertEquals(List.of(Problem.of("rules", "at least one rule is required")), noRules.problems());
    InvalidInputException noFields = assertThrows(InvalidInputException.class, () -> new LexiconRule("salary",
        TransactionCategory.SALARY, Set.of(), List.of(), List.of("工资"), null));
    assertEquals(List.of(Problem.of("rule salary", "fields must name at least one of counterparty, description, type")),
        noFields.problems());
  }

  /**
   * Han characters outside the block of Unicode 1.1 (U+4E00..U+9FA5) are Han too, and a name is counted in code
   * points: 王㐀 (Extension A) and 王𠮷 (a supplementary character, two chars) are people, 欧阳小𠮷 (four code points, five
   * chars) too.
   */
  @Test
  void aPersonsNameMayHoldHanCharactersBeyondTheFirstBlockCountedInCodePoints() {
    CategoryLexicon lexicon = lexicon(1, List.of(rule("a", "还款", null)), List.of("店"));
    assertTrue(lexicon.isPerson("王\u3400"));
    assertTrue(lexicon.isPerson("王\uD842\uDFB7"));
    assertTrue(lexicon.isPerson("欧阳小\uD842\uDFB7"));
    assertFalse(lexicon.isPerson("欧阳小明\uD842\uDFB7"), "five code points are no name");
  }

  /** Only version 1 is read: a version below it (0, -1) is refused as one above it is, naming the field. */
  @Test
  void aLexiconOfAVersionBelowOneIsRefusedToo() {
    for (int version : new int[] {0, -1}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> lexicon(version, List.of(rule("a", "还款", null)), List.of()));
      assertEquals(List.of(Problem.of("schemaVersion", version + " is not supported; expected 1")), e.problems());
    }
  }

  /** A lexicon file may name a rule's fields in any case of their letters: Description and TYPE are description, type. */
  @Test
  void aFieldIsNamedInAnyCase() {
    CategoryLexicon read = CategoryLexicon.read(("{\"schemaVersion\": 1, \"rules\": [{\"id\": \"a\", \"category\": "
        + "\"SALARY\", \"fields\": [\"Description\", \"TYPE\"], \"keywords\": [\"工资\"]}]}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "my-lexicon.json");
    assertEquals(List.of(LexiconRule.Field.DESCRIPTION, LexiconRule.Field.TYPE), read.rules().get(0).fields());
  }

  /**
   * A lexicon file that gives a rule's key twice is refused naming the file, the rule and the line of the second (the
   * last value had won silently, dropping the first list of keywords); a file that is no JSON names its line too.
   */
  @Test
  void aLexiconFilesErrorsNameItsLine() {
    String twice = "{\"schemaVersion\": 1, \"rules\": [\n{\"id\": \"a\", \"category\": \"SALARY\", \"fields\": [\"type\"],\n"
        + "\"keywords\": [\"工资\"],\n\"keywords\": [\"奖金\"]}]}";
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> CategoryLexicon.read(
        twice.getBytes(java.nio.charset.StandardCharsets.UTF_8), "my-lexicon.json"));
    assertEquals("my-lexicon.json: rules[0]: field 'keywords' appears twice (line 4); keep one", e.getMessage());
    InvalidInputException broken = assertThrows(InvalidInputException.class, () -> CategoryLexicon.read(
        "{\"schemaVersion\": 1,\n\"rules\": [}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "my-lexicon.json"));
    assertTrue(broken.getMessage().startsWith("my-lexicon.json: line 2: malformed JSON"), broken.getMessage());
  }

  /**
   * {@code operatorsByWallet} says which wallet each operator runs: a file's map is read as written, a lexicon without
   * it leaves every operator any wallet's, and a bank listed as a wallet, an operator not among {@code walletOperators}
   * or one listed for both wallets is refused, each named by its place, all at once.
   */
  @Test
  void operatorsByWalletIsReadAndEachWrongEntryIsNamed() {
    String head = "{\"schemaVersion\": 1, \"rules\": [{\"id\": \"a\", \"category\": \"SALARY\", "
        + "\"fields\": [\"type\"], \"keywords\": [\"工资\"]}], \"walletOperators\": [\"财付通\", \"Alipay\"]";
    CategoryLexicon read = CategoryLexicon.read((head + ", \"operatorsByWallet\": {\"WECHAT\": [\"财付通\"], "
        + "\"ALIPAY\": [\"ALIPAY\"]}}").getBytes(java.nio.charset.StandardCharsets.UTF_8), "my-lexicon.json");
    assertEquals(java.util.Map.of(StatementFormat.WECHAT, List.of("财付通"), StatementFormat.ALIPAY, List.of("ALIPAY")),
        read.operatorsByWallet());
    assertEquals(java.util.Map.of(), CategoryLexicon.read((head + "}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "my-lexicon.json").operatorsByWallet());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new CategoryLexicon(1,
        List.of(rule("a", "还款", null)), null, null, null, null, null, null, List.of("财付通", "支付宝"),
        java.util.Map.of(StatementFormat.BANK, List.of("支付宝"), StatementFormat.WECHAT, List.of("财付通", "微信支付"),
            StatementFormat.ALIPAY, List.of("支付宝", "财付通"))));
    assertEquals(List.of(
        Problem.of("operatorsByWallet.WECHAT[0]", "'财付通' is listed for ALIPAY too; an operator runs one wallet"),
        Problem.of("operatorsByWallet.WECHAT[1]", "'微信支付' is not one of walletOperators; list it there as well"),
        Problem.of("operatorsByWallet.BANK", "a bank is no payment wallet; only ALIPAY and WECHAT have operators")),
        e.problems());
    assertEquals(java.util.Map.of(), lexicon(1, List.of(rule("a", "还款", null)), List.of()).operatorsByWallet());
    java.util.Map<StatementFormat, List<String>> nullWallet = new java.util.HashMap<>();
    nullWallet.put(null, List.of("财付通"));
    InvalidInputException noWallet = assertThrows(InvalidInputException.class, () -> new CategoryLexicon(1,
        List.of(rule("a", "还款", null)), null, null, null, null, null, null, List.of("财付通"), nullWallet));
    assertEquals(List.of(Problem.of("operatorsByWallet", "holds a null wallet; each key must be ALIPAY or WECHAT")),
        noWallet.problems());
    InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> CategoryLexicon.read((head
        + ",\n\"operatorsByWallet\": {\"WEIXIN\": [\"财付通\"]}}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "my-lexicon.json"));
    assertEquals("my-lexicon.json: operatorsByWallet: expected one of [ALIPAY, WECHAT, BANK], got \"WEIXIN\"",
        unknown.getMessage());
  }
}
