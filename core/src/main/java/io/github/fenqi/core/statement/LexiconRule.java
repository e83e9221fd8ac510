package io.github.fenqi.core.statement;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.fenqi.core.AsciiCase;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import io.github.fenqi.core.statement.internal.KeywordText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One categorisation rule: if a row's direction is one of {@code directions} and any of {@code fields} contains
 * any of {@code keywords}, spaces of any kind left out of both (工　资 holds 工资, 肯 德 基 holds 肯德基), full-width
 * forms read as ASCII and ASCII letters in either case (ＡＴＭ取款 and atm取款 hold ATM取款), the row is
 * {@code category}. Rules are data (see {@link CategoryLexicon}); the first
 * rule that matches wins, so specific rules come before generic ones.
 *
 * <p>Thread-safety: immutable.
 *
 * @param id a short name, quoted in every classification it makes
 * @param category the category it assigns
 * @param directions the directions it applies to (empty in JSON: all)
 * @param fields which text fields it reads: {@code counterparty}, {@code description}, {@code type}
 * @param keywords substrings, any of which matches
 * @param platform for loan repayments: the platform's name; {@code {counterparty}} stands for the counterparty
 *     without its company suffix (有限公司…), so {@code {counterparty}信用卡} names a card by its bank
 */
public record LexiconRule(
    String id,
    TransactionCategory category,
    @JsonProperty("directions") Set<Direction> directions,
    List<Field> fields,
    List<String> keywords,
    @Nullable String platform) {

  /**
   * The text fields a rule can read.
   *
   * <p>Thread-safety: immutable (an enum).
   */
  public enum Field {
    /** 交易对方 / 对方户名. */
    COUNTERPARTY,
    /** 商品说明 / 商品 / 摘要. */
    DESCRIPTION,
    /** The export's own classification (交易分类, 交易类型, 交易渠道). */
    TYPE;

    private final String label = name().toLowerCase(Locale.ROOT);

    /**
     * The field {@code text} names in any case of its ASCII letters: "deſcription" (a long ſ) had been DESCRIPTION
     * under Java's full Unicode upper-casing. An unknown name is refused naming the fields there are (it had been
     * Jackson's "Cannot construct instance of `…LexiconRule$Field`, problem: No enum constant …").
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    static Field parse(String text) {
      for (Field f : values()) {
        if (AsciiCase.equalsIgnoreCase(f.label, text)) {
          return f;
        }
      }
      throw new InvalidInputException("", "'" + Problem.excerpt(text) + "' is not a field; fields are counterparty, "
          + "description, type");
    }

    /** The field's value on a row. */
    public String of(Transaction t) {
      return switch (this) {
        case COUNTERPARTY -> t.counterparty();
        case DESCRIPTION -> t.description();
        case TYPE -> t.type();
      };
    }
  }

  public LexiconRule {
    List<Problem> problems = new ArrayList<>();
    // named as a value from outside is quoted: a line break in an id a lexicon file gives forged a line of a log
    String where = "rule " + (id == null || id.isBlank() ? "(no id)" : Problem.excerpt(id));
    if (id == null || id.isBlank()) {
      problems.add(Problem.of(where, "id is required"));
    }
    if (category == null) {
      problems.add(Problem.of(where, "category is required"));
    }
    if (fields == null || fields.isEmpty()) {
      problems.add(Problem.of(where, "fields must name at least one of counterparty, description, type"));
    }
    if (keywords == null || keywords.isEmpty() || keywords.stream().anyMatch(k -> k == null
        || KeywordText.of(k).isEmpty())) {
      problems.add(Problem.of(where, "keywords must be a non-empty list of non-blank strings (a keyword of only spaces, "
          + "a no-break space among them, would match every row)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    directions = Collections.unmodifiableSet(
        directions == null || directions.isEmpty() ? EnumSet.allOf(Direction.class) : EnumSet.copyOf(directions));
    fields = List.copyOf(fields);
    keywords = List.copyOf(keywords);
  }

  /**
   * How a rule matched: the reason in words and the keyword found.
   *
   * <p>Thread-safety: immutable.
   */
  public record Match(String reason, String keyword) {}

  /** How this rule matches {@code t} ({@code rule id: field '…' contains 'keyword'}), if it does. */
  public Optional<Match> match(Transaction t) {
    if (!directions.contains(t.direction())) {
      return Optional.empty();
    }
    for (Field f : fields) {
      String value = f.of(t);
      if (value.isEmpty()) {
        continue;
      }
      String compared = KeywordText.of(value);
      for (String k : keywords) {
        if (compared.contains(KeywordText.of(k))) {
          return Optional.of(matched(f, value, k));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The match of this rule when {@code field}'s {@code value} contains {@code keyword}, stated as {@link #match}
   * states it; for matchers that find the keyword themselves. The value is quoted as a rejection quotes a field
   * ({@link io.github.fenqi.core.Problem#excerpt}): quoted whole and raw, a description of thousands of characters made
   * a reason of that length, and a line separator in it began a line of its own in a report. The rule's id and the
   * keyword, which a lexicon file gives, are quoted so too.
   */
  public Match matched(Field field, String value, String keyword) {
    return new Match("rule " + Problem.excerpt(id) + ": " + field.label + " '" + Problem.excerpt(value) + "' contains '"
        + Problem.excerpt(keyword) + "'", keyword);
  }

  /**
   * The platform a matched repayment goes to: {@code platform} with {@code {counterparty}} (the counterparty
   * without its company suffix) and {@code {keyword}} (the keyword that matched) filled in; none when the rule names
   * no platform, or names it by a counterparty the row does not have (a bank's 贷款还款 without one had gone to a
   * platform named "", its 信用卡还款 to one named 信用卡, of no bank). {@link StatementAnalyzer} masks a counterparty
   * that reads as a person first, as its explanations do.
   */
  public Optional<String> platformFor(Transaction t, String keyword) {
    return platformFor(t.counterparty(), keyword);
  }

  /** {@link #platformFor(Transaction, String)} with {@code counterparty} as the row's, masked or not. */
  Optional<String> platformFor(String counterparty, String keyword) {
    if (platform == null || platform.contains("{counterparty}") && counterparty.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(platform.replace("{counterparty}", shortName(counterparty)).replace("{keyword}", keyword));
  }

  /**
   * A company name without its legal-form suffix and the spaces of any kind before it and around the name:
   * 禾信消费金融有限公司 and 禾信消费金融 有限公司 → 禾信消费金融. A name that is only a suffix keeps it.
   */
  static String shortName(String name) {
    String n = TextFields.withoutSpacesAround(name);
    for (String suffix : new String[] {"股份有限公司", "有限责任公司", "有限公司", "股份公司", "公司"}) {
      if (n.endsWith(suffix) && n.length() > suffix.length()) {
        return TextFields.withoutSpacesAround(n.substring(0, n.length() - suffix.length()));
      }
    }
    return n;
  }
}
