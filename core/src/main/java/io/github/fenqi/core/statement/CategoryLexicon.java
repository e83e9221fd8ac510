package io.github.fenqi.core.statement;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.statement.internal.KeywordText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The categorisation rules and the word lists cleaning uses, as data. The shipped default
 * ({@code lexicon-zh.json} next to this class) covers the common merchants, utilities, lenders and payroll
 * wording of mainland statements; users add their own rules with {@link #withRulesFirst(List)} or load a whole
 * file with {@link #load(Path)}. A malformed file is rejected naming the file and the JSON path.
 *
 * <p>Format: {@code {"schemaVersion": 1, "rules": [LexiconRule...], "reversalKeywords": [...],
 * "refundKeywords": [...], "closedStatuses": [...], "transferKeywords": [...], "organisationMarkers": [...],
 * "withdrawalKeywords": [...], "walletOperators": [...], "operatorsByWallet": {"WECHAT": [...], "ALIPAY": [...]}}}
 * (a word list or map left out is empty; {@code rules} must hold at least one rule, and a rule at least one field, or
 * the file is refused naming them).
 *
 * <p>Thread-safety: immutable.
 *
 * @param schemaVersion must be 1
 * @param rules categorisation rules, first match wins
 * @param reversalKeywords words marking a bank reversal (冲正)
 * @param refundKeywords words marking a refund (退款) in the type or at the start of the description
 * @param closedStatuses statuses of rows that never executed (交易关闭)
 * @param transferKeywords words marking a transfer, for matching the two sides of a move between the holder's
 *     statements
 * @param organisationMarkers words that make a counterparty an organisation rather than a person
 * @param withdrawalKeywords words marking a withdrawal from a payment wallet to a bank card (提现): such a move may
 *     reach the bank short of the wallet's fee, and one credited by a wallet operator is the holder's own money
 * @param walletOperators names of the companies that run the payment wallets (财付通 for WeChat Pay, 支付宝): a
 *     withdrawal they credit comes from the holder's own balance, unlike a gig platform's payout, which the platform
 *     credits
 * @param operatorsByWallet which wallet each operator runs (财付通 WeChat Pay, 支付宝 Alipay), each word one of
 *     {@code walletOperators}: a bank row naming only another wallet's operator is no side of a wallet row's move or
 *     payment (a WeChat 零钱提现 does not pair with the bank's 支付宝提现 of its amount). An operator not listed here, or
 *     a map left out, may be any wallet's, as before this map existed
 */
public record CategoryLexicon(
    int schemaVersion,
    List<LexiconRule> rules,
    List<String> reversalKeywords,
    List<String> refundKeywords,
    List<String> closedStatuses,
    List<String> transferKeywords,
    List<String> organisationMarkers,
    List<String> withdrawalKeywords,
    List<String> walletOperators,
    Map<StatementFormat, List<String>> operatorsByWallet) {

  private static final String DEFAULT_RESOURCE = "lexicon-zh.json";

  public CategoryLexicon {
    List<Problem> problems = new ArrayList<>();
    if (schemaVersion != 1) {
      problems.add(Problem.of("schemaVersion", schemaVersion + " is not supported; expected 1"));
    }
    if (rules == null || rules.isEmpty()) {
      problems.add(Problem.of("rules", "at least one rule is required"));
    } else {
      Map<String, Integer> firstIndex = new HashMap<>();
      for (int i = 0; i < rules.size(); i++) {
        LexiconRule r = rules.get(i);
        if (r == null) {
          problems.add(Problem.of("rules[" + i + "]", "is null; each entry must be a rule"));
          continue;
        }
        Integer first = firstIndex.putIfAbsent(r.id(), i);
        if (first != null) {
          // a lexicon file's id, unchecked but for being there: quoted raw, a line break in it forged a line of a log.
          // Both places are named: in a file of a hundred rules, the id alone left the reader to search for the two
          problems.add(Problem.of("rules[" + i + "].id", "rule id '" + Problem.excerpt(r.id())
              + "' is used twice (first at rules[" + first + "])"));
        }
      }
    }
    checkWords(problems, "reversalKeywords", reversalKeywords);
    checkWords(problems, "refundKeywords", refundKeywords);
    checkWords(problems, "closedStatuses", closedStatuses);
    checkWords(problems, "transferKeywords", transferKeywords);
    checkWords(problems, "organisationMarkers", organisationMarkers);
    checkWords(problems, "withdrawalKeywords", withdrawalKeywords);
    checkWords(problems, "walletOperators", walletOperators);
    checkOperatorsByWallet(problems, walletOperators, operatorsByWallet);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    rules = List.copyOf(rules);
    reversalKeywords = copy(reversalKeywords);
    refundKeywords = copy(refundKeywords);
    closedStatuses = copy(closedStatuses);
    transferKeywords = copy(transferKeywords);
    organisationMarkers = copy(organisationMarkers);
    withdrawalKeywords = copy(withdrawalKeywords);
    walletOperators = copy(walletOperators);
    operatorsByWallet = operatorsByWallet == null ? Map.of() : operatorsByWallet.entrySet().stream()
        .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> copy(e.getValue())));
  }

  /**
   * A lexicon whose operators may be any wallet's ({@code operatorsByWallet} empty): the constructor of the nine lists
   * this record had before that map.
   */
  public CategoryLexicon(int schemaVersion, List<LexiconRule> rules, List<String> reversalKeywords,
      List<String> refundKeywords, List<String> closedStatuses, List<String> transferKeywords,
      List<String> organisationMarkers, List<String> withdrawalKeywords, List<String> walletOperators) {
    this(schemaVersion, rules, reversalKeywords, refundKeywords, closedStatuses, transferKeywords, organisationMarkers,
        withdrawalKeywords, walletOperators, Map.of());
  }

  /**
   * Each wallet of {@code operatorsByWallet} is a wallet (not {@code BANK}), and each of its words a blank-free
   * operator of {@code walletOperators} that no other wallet lists: an operator the analyzer does not search for would
   * tell nothing, and one of two wallets would make a row naming it no side of either.
   */
  private static void checkOperatorsByWallet(List<Problem> problems, @Nullable List<String> operators,
      @Nullable Map<StatementFormat, List<String>> byWallet) {
    if (byWallet == null) {
      return;
    }
    List<String> known = operators == null ? List.of()
        : operators.stream().filter(o -> o != null).map(KeywordText::folded).toList();
    if (byWallet.keySet().stream().anyMatch(java.util.Objects::isNull)) {
      problems.add(Problem.of("operatorsByWallet", "holds a null wallet; each key must be ALIPAY or WECHAT"));
    }
    Map<String, StatementFormat> walletOf = new HashMap<>();
    for (StatementFormat wallet : StatementFormat.values()) {
      if (!byWallet.containsKey(wallet)) {
        continue;
      }
      String field = "operatorsByWallet." + wallet;
      List<String> words = byWallet.get(wallet);
      if (wallet == StatementFormat.BANK) {
        problems.add(Problem.of(field, "a bank is no payment wallet; only ALIPAY and WECHAT have operators"));
        continue;
      }
      if (words == null) {
        problems.add(Problem.of(field, "is null; it must be a list of operators"));
        continue;
      }
      int before = problems.size();
      checkWords(problems, field, words);
      if (problems.size() > before) {
        continue;
      }
      for (int i = 0; i < words.size(); i++) {
        String folded = KeywordText.folded(words.get(i));
        StatementFormat other = walletOf.putIfAbsent(folded, wallet);
        if (!known.contains(folded)) {
          problems.add(Problem.of(field + "[" + i + "]", "'" + Problem.excerpt(words.get(i))
              + "' is not one of walletOperators; list it there as well"));
        } else if (other != null && other != wallet) {
          problems.add(Problem.of(field + "[" + i + "]", "'" + Problem.excerpt(words.get(i))
              + "' is listed for " + other + " too; an operator runs one wallet"));
        }
      }
    }
  }

  /**
   * Each word of a list must be there and hold more than whitespace, as a rule's keywords must. A {@code null} had
   * failed the lexicon with "Cannot construct instance of CategoryLexicon, problem: java.lang.NullPointerException",
   * naming neither list nor word; a blank one was taken: the refund keyword {@code " "} made every row whose type held a
   * space a refund, and the organisation marker {@code ""} made {@link #isOrganisation} call every name an
   * organisation while the analyzer, which skips empty words, called none so.
   */
  private static void checkWords(List<Problem> problems, String list, @Nullable List<String> words) {
    if (words == null) {
      return;
    }
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i) == null || words.get(i).isBlank()) {
        problems.add(Problem.of(list + "[" + i + "]", words.get(i) == null ? "is null; each entry must be a word"
            : "'" + Problem.excerpt(words.get(i)) + "' is blank; a blank word is found in every text holding a space"));
      }
    }
  }

  private static List<String> copy(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** The shipped lexicon. */
  public static CategoryLexicon defaults() {
    try (InputStream in = CategoryLexicon.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new FenqiException("the default lexicon " + DEFAULT_RESOURCE + " is missing from the classpath");
      }
      return read(in.readAllBytes(), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new FenqiException("cannot read the default lexicon: " + e.getMessage(), e);
    }
  }

  /** Reads a lexicon file; errors name the file and JSON path. */
  public static CategoryLexicon load(Path file) {
    return read(InputFiles.read(file), file.toString());
  }

  /** Reads a lexicon from JSON bytes. */
  public static CategoryLexicon read(byte[] json, String source) {
    ObjectMapper mapper = FenqiJson.newMapper();
    return FenqiJson.read(mapper, json, CategoryLexicon.class, source);
  }

  /** This lexicon with {@code extra} rules tried before its own (user additions win). */
  public CategoryLexicon withRulesFirst(List<LexiconRule> extra) {
    List<LexiconRule> all = new ArrayList<>(extra);
    all.addAll(rules);
    return new CategoryLexicon(schemaVersion, all, reversalKeywords, refundKeywords, closedStatuses, transferKeywords,
        organisationMarkers, withdrawalKeywords, walletOperators, operatorsByWallet);
  }

  /**
   * Whether {@code name} reads as an organisation (contains a marker such as 公司, 银行, 店), full-width forms read as
   * ASCII and ASCII letters in either case, as the analyzer reads every word list.
   */
  public boolean isOrganisation(String name) {
    String folded = KeywordText.folded(name);
    for (String m : organisationMarkers) {
      if (folded.contains(KeywordText.folded(m))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} reads as a person: two to four Han characters and no organisation marker. */
  public boolean isPerson(String name) {
    return isHanName(name) && !isOrganisation(name);
  }

  /** Two to four code points, all Han: the shape of a person's name. */
  static boolean isHanName(String name) {
    int count = 0;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      boolean han = c >= 0x4E00 && c <= 0x9FA5 || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN; // the first: Han since Unicode 1.1
      if (++count > 4 || !han) {
        return false;
      }
      i += Character.charCount(c);
    }
    return count >= 2;
  }
}
