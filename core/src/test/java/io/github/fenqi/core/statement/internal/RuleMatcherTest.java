package io.github.fenqi.core.statement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.statement.Direction;
import io.github.fenqi.core.statement.LexiconRule;
import io.github.fenqi.core.statement.Transaction;
import io.github.fenqi.core.statement.TransactionCategory;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one-pass matcher and word lists on the cases their contracts name, which random rows seldom reach. */
class RuleMatcherTest {
  private static Transaction row(String counterparty, String description) {
    return new Transaction("t.csv", 2, 1, LocalDateTime.of(2026, 5, 1, 10, 0), Direction.DEBIT, Money.ofFen(100),
        counterparty, "", description, "", "", "", "", "", null);
  }

  private static LexiconRule rule(String id, List<LexiconRule.Field> fields, String... keywords) {
    return new LexiconRule(id, TransactionCategory.FOOD, Set.of(), fields, List.of(keywords), null);
  }

  /** The rule's first field that matches is named, as LexiconRule.match names it, whatever the fields' own order. */
  @Test
  void theRulesFirstFieldIsNamedBeforeALaterOne() {
    assertTheDescriptionIsNamed(List.of(LexiconRule.Field.DESCRIPTION, LexiconRule.Field.COUNTERPARTY));
  }

  /** Counterparty and description both hold the rule's keyword: the hit names the description, as match does. */
  private static void assertTheDescriptionIsNamed(List<LexiconRule.Field> fields) {
    LexiconRule r = rule("r", fields, "面馆");
    Transaction t = row("老街面馆", "面馆外卖");
    RuleMatcher.Hit hit = new RuleMatcher(List.of(r), x -> 0, 1).firstPerGroup(t)[0];
    assertEquals(LexiconRule.Field.DESCRIPTION, hit.field());
    assertEquals(r.match(t).orElseThrow(), hit.match());
  }

  /** A keyword written with spaces is looked for without them. */
  @Test
  void aKeywordWithSpacesIsLookedForWithoutThem() {
    LexiconRule r = rule("kfc", List.of(LexiconRule.Field.COUNTERPARTY), "肯 德 基");
    RuleMatcher.Hit hit = new RuleMatcher(List.of(r), x -> 0, 1).firstPerGroup(row("肯德基", ""))[0];
    assertEquals("肯 德 基", hit.keyword());
  }

  /** A rule whose group is -1 is ignored; the next rule of the group matches. */
  @Test
  void aRuleOfGroupMinusOneIsIgnored() {
    LexiconRule ignored = rule("ignored", List.of(LexiconRule.Field.COUNTERPARTY), "面");
    LexiconRule kept = rule("kept", List.of(LexiconRule.Field.COUNTERPARTY), "面馆");
    RuleMatcher matcher = new RuleMatcher(List.of(ignored, kept), x -> x == ignored ? -1 : 0, 1);
    assertEquals("kept", matcher.firstPerGroup(row("老街面馆", ""))[0].rule().id());
    assertNull(matcher.firstPerGroup(row("老街面", ""))[0]);
  }

  /** Each list answers with a bit of an int: a 33rd had answered with the first list's bit. */
  @Test
  void moreWordListsThanBitsAreRefused() {
    @SuppressWarnings("unchecked")
    List<String>[] lists = Collections.nCopies(Integer.SIZE + 1, List.of("x")).toArray(new List[0]);
    assertThrows(IllegalArgumentException.class, () -> new KeywordFlags(lists));
    @SuppressWarnings("unchecked")
    List<String>[] most = Collections.nCopies(Integer.SIZE, List.of("x")).toArray(new List[0]);
    assertEquals(-1, new KeywordFlags(most).in("x"));
  }

  /**
   * A field a rule lists twice keeps its first place: description, counterparty, description names the description
   * when both hold the keyword, as LexiconRule.match, which reads the fields in order, names it.
   */
  @Test
  void aFieldListedTwiceKeepsItsFirstPlace() {
    assertTheDescriptionIsNamed(List.of(LexiconRule.Field.DESCRIPTION, LexiconRule.Field.COUNTERPARTY,
        LexiconRule.Field.DESCRIPTION));
  }

  /** A group at or past the number of groups is refused when the rules are indexed, naming the rule. */
  @Test
  void aGroupPastTheLastIsRefusedNamingTheRule() {
    LexiconRule r = rule("noodles", List.of(LexiconRule.Field.COUNTERPARTY), "面馆");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RuleMatcher(List.of(r), x -> 2, 2));
    assertEquals("group 2 of rule noodles is not below 2", e.getMessage());
    RuleMatcher.Hit last = new RuleMatcher(List.of(r), x -> 1, 2).firstPerGroup(row("老街面馆", ""))[1];
    assertEquals("noodles", last.rule().id());
  }
}
