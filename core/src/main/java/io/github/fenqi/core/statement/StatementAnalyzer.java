package io.github.fenqi.core.statement;

import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.security.Masking;
import io.github.fenqi.core.statement.internal.KeywordFlags;
import io.github.fenqi.core.statement.internal.KeywordText;
import io.github.fenqi.core.statement.internal.RuleMatcher;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Cleans and categorises a borrower's parsed statements and sums them by month (see the package documentation
 * for the steps). Give it all of one borrower's statements at once: internal transfers are found across them.
 *
 * <p>Thread-safety: immutable and thread-safe; {@link #analyze} keeps its working state on the stack.
 */
public final class StatementAnalyzer {
  /** Regular credits must come from the same organisation in at least this many months to count as salary. */
  static final int REGULAR_MONTHS = 3;
  /** ... each within this share of their median. */
  static final double REGULAR_TOLERANCE = 0.3;
  /** A salary paid in parts has at most this many in a month: an organisation paying more often is not an employer. */
  static final int MAX_SALARY_PARTS = 3;
  /** How far back a reversal or refund looks for its original. */
  static final Duration ORIGINAL_WINDOW = Duration.ofDays(90);

  private static final Masking MASKING = Masking.defaults();
  private final CategoryLexicon lexicon;
  private final Set<String> holderNames;
  private final List<String> employers;
  private final Duration transferWindow;
  private final RuleMatcher matcher;
  /** The cleaning word lists, searched in one scan per field: bits {@link #REVERSAL}, {@link #REFUND}, ... */
  private final KeywordFlags words;
  private final KeywordFlags organisationMarkers;
  private final KeywordFlags walletOperators;
  /** The operators of each wallet ({@link CategoryLexicon#operatorsByWallet}): bit 1 Alipay's, bit 2 WeChat Pay's. */
  private final KeywordFlags operatorsOfWallets;
  /** The lexicon's wallet operators and refund words, {@link KeywordText#folded folded} as rows are compared to them. */
  private final List<String> foldedOperators;
  private final List<String> foldedRefundWords;
  /** The employers, folded. */
  private final List<String> foldedEmployers;
  private static final int REVERSAL = 1;
  private static final int REFUND = 1 << 1;
  private static final int CLOSED = 1 << 2;
  private static final int TRANSFER = 1 << 3;
  private static final int WITHDRAWAL = 1 << 4;

  private StatementAnalyzer(Builder b) {
    this.lexicon = b.lexicon != null ? b.lexicon : CategoryLexicon.defaults();
    this.matcher = new RuleMatcher(lexicon.rules(), rule -> rule.category() == TransactionCategory.INTERNAL_TRANSFER ? 0 : 1, 2);
    this.words = new KeywordFlags(lexicon.reversalKeywords(), lexicon.refundKeywords(), lexicon.closedStatuses(),
        lexicon.transferKeywords(), lexicon.withdrawalKeywords());
    this.organisationMarkers = new KeywordFlags(lexicon.organisationMarkers());
    this.walletOperators = new KeywordFlags(lexicon.walletOperators());
    Map<StatementFormat, List<String>> byWallet = lexicon.operatorsByWallet();
    this.operatorsOfWallets = new KeywordFlags(byWallet.getOrDefault(StatementFormat.ALIPAY, List.of()),
        byWallet.getOrDefault(StatementFormat.WECHAT, List.of()));
    this.holderNames = Set.copyOf(b.holderNames);
    this.employers = List.copyOf(b.employers);
    this.foldedOperators = lexicon.walletOperators().stream().map(KeywordText::folded).toList();
    this.foldedRefundWords = lexicon.refundKeywords().stream().map(KeywordText::folded).toList();
    this.foldedEmployers = employers.stream().map(KeywordText::folded).toList();
    this.transferWindow = b.transferWindow;
  }

  /** An analyzer with the shipped lexicon and no holder names beyond those the statements state. */
  public static StatementAnalyzer defaults() {
    return builder().build();
  }

  /** A builder with the shipped lexicon. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options for {@link StatementAnalyzer}. Not thread-safe. */
  public static final class Builder {
    /**
     * Null for the shipped lexicon, read when the analyzer is built: a builder given its own lexicon (the engine's, for
     * every case) had read and validated the shipped one's JSON first, a tenth of a case's calculation.
     */
    private @Nullable CategoryLexicon lexicon;
    private final Set<String> holderNames = new LinkedHashSet<>();
    private final List<String> employers = new ArrayList<>();
    private Duration transferWindow = Duration.ofDays(3);

    private Builder() {}

    /** The categorisation lexicon (default: {@link CategoryLexicon#defaults()}). */
    public Builder lexicon(CategoryLexicon lexicon) {
      this.lexicon = java.util.Objects.requireNonNull(lexicon, "lexicon");
      return this;
    }

    /** The account holder's names: a row whose counterparty is the holder is an internal transfer. */
    public Builder holderNames(String... names) {
      for (String n : names) {
        if (!n.isBlank()) {
          holderNames.add(n.strip());
        }
      }
      return this;
    }

    /** Known payroll counterparties: their credits are salary. */
    public Builder employers(String... names) {
      employers.addAll(Arrays.stream(names).filter(n -> !n.isBlank()).map(String::strip).toList());
      return this;
    }

    /** How far apart the two sides of a transfer between the holder's statements may be (default 3 days). */
    public Builder transferWindow(Duration window) {
      if (window.isNegative()) {
        throw new io.github.fenqi.core.InvalidInputException("transferWindow", "must not be negative");
      }
      this.transferWindow = window;
      return this;
    }

    /** The analyzer. */
    public StatementAnalyzer build() {
      return new StatementAnalyzer(this);
    }
  }

  /**
   * Cleans, categorises and summarises {@code statements} (one borrower's).
   *
   * @throws io.github.fenqi.core.InvalidInputException naming a row when a month's amounts add up beyond what a
   *     {@code long} of fen holds, or naming every source given to more than one statement (rows, removals and each
   *     statement's counts are told apart by their source, so one file given twice would be counted under one name),
   *     or naming each null in the list
   */
  public StatementAnalysis analyze(List<ParsedStatement> statements) {
    requireNoListProblems(statements);
    return analyze(statements, Map.of());
  }

  /**
   * As {@link #analyze(List)}, of the rows dated up to {@code through} (a case's date: what was known then). A statement
   * with rows after it covers every day up to it: cut at its last row before, a statement of May to October cut on
   * 08-31 had covered August only to its last row of the 25th, and August had been left out as a part month.
   */
  public StatementAnalysis analyzeThrough(List<ParsedStatement> statements, LocalDate through) {
    java.util.Objects.requireNonNull(through, "through");
    requireNoListProblems(statements); // before the cut drops what tells an export saved again
    List<ParsedStatement> cut = new ArrayList<>();
    Map<String, LocalDate> coveredTo = new HashMap<>();
    for (ParsedStatement st : statements) { // none null: requireNoListProblems named each
      List<Transaction> known = st.transactions().stream().filter(t -> !t.time().toLocalDate().isAfter(through))
          .toList();
      if (known.size() < st.transactions().size()) {
        coveredTo.put(st.source(), through);
      }
      boolean stated = st.statedFrom() != null && !st.statedFrom().isAfter(through);
      // its stated totals kept when no row is cut, so an export of no rows still proves its period had none
      cut.add(new ParsedStatement(st.source(), st.format(), st.encoding(), st.holderName(), st.headerLine(), known,
          st.rejected(), stated ? st.statedFrom() : null,
          stated ? (st.statedTo().isAfter(through) ? through : st.statedTo()) : null,
          known.size() == st.transactions().size() ? st.statedTotals() : null));
    }
    return analyze(cut, coveredTo);
  }

  /**
   * What {@link #analyze} refuses in the list itself, before reading a row: each null, named by its index, each
   * source given to more than one statement, and a statement that is an export given before it saved again with its
   * rows written otherwise ({@link #sameExportOtherwise}). A caller that checks a whole request before any work (the
   * engine) lists these with its other problems; without them a bad list was refused only once the work had begun.
   */
  public static List<Problem> listProblems(List<ParsedStatement> statements) {
    java.util.Objects.requireNonNull(statements, "statements");
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> firstWithSource = new HashMap<>();
    Map<List<Object>, ParsedStatement> firstOfExport = new HashMap<>();
    for (int i = 0; i < statements.size(); i++) {
      ParsedStatement s = statements.get(i);
      if (s == null) { // had been a NullPointerException naming no statement
        problems.add(Problem.of("statements[" + i + "]", "is null"));
        continue;
      }
      Integer first = firstWithSource.putIfAbsent(s.source(), i);
      if (first != null) {
        problems.add(new Problem(s.source(), "the source of statements[" + first + "] and statements["
            + i + "]; give each statement once, under its own name"));
      } else if (s.exportedAt() != null && s.statedTotals() != null) {
        ParsedStatement export = firstOfExport.putIfAbsent(List.of(s.format(), s.exportedAt(), s.statedTotals()), s);
        if (export != null) {
          sameExportOtherwise(export, s).ifPresent(problems::add);
        }
      }
    }
    return problems;
  }

  /**
   * The refusal of {@code again}, an export stating the same format, export time (导出时间, to the second) and totals
   * as {@code first}, and so the same export, when a row of it is not written as the same row of {@code first} is: a
   * spreadsheet that saved it again shortened its order numbers (2.0261E+27, read as none) and cut its times to the
   * minute, so no row of it was the same as the other's by serial or in every part, and each was counted twice (a
   * copy as downloaded is not refused: its rows are removed as duplicates). Which of the two holds the rows as
   * exported is not known, as an edit is written otherwise too. So is one holding fewer or more rows than the other
   * (a row deleted or added) where the rows before are written alike: the first row it holds beyond the other's is
   * named, or none when it holds fewer.
   */
  private static java.util.Optional<Problem> sameExportOtherwise(ParsedStatement first, ParsedStatement again) {
    List<Transaction> a = first.transactions();
    List<Transaction> b = again.transactions();
    int k = 0;
    while (k < Math.min(a.size(), b.size()) && sameRowWritten(a.get(k), b.get(k))) {
      k++;
    }
    if (k == a.size() && k == b.size()) {
      return java.util.Optional.empty();
    }
    String where = k < b.size() ? " (" + b.get(k).location() + " first)" : "";
    return java.util.Optional.of(new Problem(again.source(), "is the same export as " + first.source() + " (" + first.format()
        + ", made at " + again.exportedAt() + ", stating " + again.statedTotals().rows() + " rows) with its rows "
        + "written otherwise" + where + ": saved again by a spreadsheet (order numbers shortened, times without seconds) or "
        + "edited, so its rows cannot be told to be those of the other and would be counted twice; give the "
        + "statement once, as it was downloaded"));
  }

  /** Whether two rows are written alike in what tells rows apart (the parts {@link SameSerial} and {@link SameRow} compare). */
  private static boolean sameRowWritten(Transaction a, Transaction b) {
    return a.time().equals(b.time()) && alikeButTheTime(a, b);
  }

  /** Whether two rows are alike in what tells rows apart but their time. */
  private static boolean alikeButTheTime(Transaction a, Transaction b) {
    return a.direction() == b.direction() && a.amount().equals(b.amount()) && a.serial().equals(b.serial())
        && a.counterparty().equals(b.counterparty()) && a.counterpartyAccount().equals(b.counterpartyAccount())
        && a.description().equals(b.description()) && java.util.Objects.equals(a.balance(), b.balance());
  }

  private static void requireNoListProblems(List<ParsedStatement> statements) {
    List<Problem> listed = listProblems(statements);
    if (!listed.isEmpty()) {
      throw new io.github.fenqi.core.InvalidInputException(listed);
    }
  }

  /** The analysis of {@code statements}, whose list {@link #requireNoListProblems} has passed (uncut). */
  private StatementAnalysis analyze(List<ParsedStatement> statements, Map<String, LocalDate> coveredTo) {
    Set<String> holders = new LinkedHashSet<>(holderNames);
    statements.forEach(s -> s.holder().ifPresent(holders::add));
    List<Row> rows = new ArrayList<>();
    for (ParsedStatement s : statements) {
      for (Transaction t : s.transactions()) {
        rows.add(new Row(t, flags(t)));
      }
    }
    rows.sort(StatementAnalyzer::inOrder);

    Map<String, StatementFormat> formats = new HashMap<>();
    statements.forEach(s -> formats.put(s.source(), s.format()));
    removeClosed(rows);
    removeDuplicates(rows);
    removeCopiesToTheMinute(rows);
    removeReversals(rows);
    netRefundsStatedOnTheRow(rows);
    removeRefunds(rows, formats);
    removeInternalTransfers(rows, holders, formats);
    removeCardPaymentsTheWalletHolds(rows, formats);
    keepFeesOfMoves(rows);
    List<Period> periods = new ArrayList<>(); // what each statement covers: its first row's day to its last's
    for (ParsedStatement st : statements) {
      // the period the export states, widened to its rows (a row outside it is still a day it holds); the days of
      // its earliest and latest times, found in one pass, as two streams of every row's day had cost 3 % of an analysis
      LocalDateTime earliest = null;
      LocalDateTime latest = null;
      for (Transaction t : st.transactions()) {
        LocalDateTime time = t.time();
        earliest = earliest == null || time.isBefore(earliest) ? time : earliest;
        latest = latest == null || time.isAfter(latest) ? time : latest;
      }
      if (earliest != null) {
        LocalDate first = earliest.toLocalDate();
        LocalDate last = latest.toLocalDate();
        if (st.statedFrom() != null) {
          first = st.statedFrom().isBefore(first) ? st.statedFrom() : first;
          last = st.statedTo().isAfter(last) ? st.statedTo() : last;
        }
        periods.add(new Period(first, coveredTo.getOrDefault(st.source(), last)));
      } else if (provesNoRows(st, coveredTo)) {
        periods.add(new Period(st.statedFrom(), coveredTo.getOrDefault(st.source(), st.statedTo())));
      }
    }
    List<CategorisedTransaction> kept = categorise(rows, periods);

    List<Removal> removals = new ArrayList<>();
    for (Row r : rows) {
      if (r.removal != null) {
        removals.add(r.removal);
      }
    }
    List<StatementAnalysis.StatementSummary> summaries = new ArrayList<>();
    List<Problem> rejected = new ArrayList<>();
    for (ParsedStatement s : statements) {
      int removed = (int) removals.stream().filter(r -> r.transaction().source().equals(s.source())).count();
      summaries.add(new StatementAnalysis.StatementSummary(s.source(), s.format(), s.encoding(), s.rowsRead(),
          s.rejected().size(), removed, s.transactions().size() - removed));
      rejected.addAll(s.rejected());
    }
    List<YearMonth> uncovered = new ArrayList<>();
    return new StatementAnalysis(summaries, rejected, removals, kept, months(kept, periods, uncovered), uncovered);
  }

  /**
   * Whether {@code st}, which holds no row, proves that its stated period had none: it states one (起始时间..终止时间),
   * rejected no row, and states totals of no rows (共0笔记录, each direction 0笔 0.00元), or it is cut at a case's date
   * before all of its rows ({@code coveredTo} holds it). A borrower's month without spending is what such an export
   * shows; it had covered no month, so the month was left out as uncovered, or the figures taken from other months.
   * An export stating no totals, or totals its missing rows contradict, proves nothing and still covers no day.
   */
  private static boolean provesNoRows(ParsedStatement st, Map<String, LocalDate> coveredTo) {
    if (st.statedFrom() == null || !st.transactions().isEmpty() || !st.rejected().isEmpty()) {
      return false;
    }
    if (coveredTo.containsKey(st.source())) {
      return true;
    }
    StatedTotals t = st.statedTotals();
    return t != null && t.rows() == 0 && Arrays.stream(Direction.values()).map(t::of)
        .allMatch(tally -> tally == null || tally.rows() == 0 && tally.amount().isZero());
  }

  /** The days a statement covers: those its export states, else from its first row's to its last's. */
  private record Period(LocalDate first, LocalDate last) {
    boolean holds(YearMonth month) {
      return !month.isBefore(YearMonth.from(first)) && !month.isAfter(YearMonth.from(last));
    }

    boolean holds(LocalDate day) {
      return !day.isBefore(first) && !day.isAfter(last);
    }
  }

  /**
   * The days of {@code month} that some statement's period holds: the periods cut to the month, counted once where
   * they overlap. Counted by the periods' ends, not day by day with each period asked of each: a statement spanning
   * decades (a row of the year 9999, which the forensics block as dated after today) had taken seconds to sum.
   */
  private static int daysCovered(YearMonth month, List<Period> periods) {
    long first = month.atDay(1).toEpochDay();
    long last = month.atEndOfMonth().toEpochDay();
    List<long[]> cut = new ArrayList<>();
    for (Period p : periods) {
      long from = Math.max(first, p.first().toEpochDay());
      long to = Math.min(last, p.last().toEpochDay());
      if (from <= to) {
        cut.add(new long[] {from, to});
      }
    }
    cut.sort(java.util.Comparator.comparingLong(c -> c[0]));
    long days = 0;
    long covered = first - 1; // the last day counted so far
    for (long[] c : cut) {
      if (c[1] > covered) {
        days += c[1] - Math.max(c[0], covered + 1) + 1;
        covered = c[1];
      }
    }
    return (int) days;
  }

  /**
   * Which cleaning word lists the row's fields hit, as {@link StatementAnalyzer#words} bits: reversal words in the
   * description or type, refund words in the type or at the start of the description (or right after a wallet
   * operator's name there: {@link #walletOperatorOf}), closed statuses in the status, transfer and withdrawal words in
   * the description or type.
   */
  private int flags(Transaction t) {
    int description = words.in(t.description());
    String operator = walletOperatorOf(t.description());
    int refund = words.prefixOf(t.description())
        | (operator == null ? 0 : words.prefixOf(afterOperator(t.description(), operator)));
    return description & (REVERSAL | TRANSFER | WITHDRAWAL) | refund & REFUND
        | words.in(t.type()) & (REVERSAL | REFUND | TRANSFER | WITHDRAWAL) | words.in(t.status()) & CLOSED;
  }

  /**
   * The wallet operator ({@link CategoryLexicon#walletOperators}) a bank's description starts with, as a card's rows of
   * wallet payments do (财付通-肯德基, 支付宝-退款), or null. A refund of such a payment to the card, 财付通-退款 or
   * 支付宝退款, had not been a refund (its 退款 is not at the start): it was counted as income, and the purchase it
   * returned stayed spent. The operator is given as the description spells it (TENPAY-退款 for the lexicon's Tenpay),
   * as it is compared with the purchase's description.
   */
  private @Nullable String walletOperatorOf(String description) {
    for (String operator : foldedOperators) {
      if (KeywordText.startsWithFolded(description, 0, operator)) {
        return description.substring(0, operator.length());
      }
    }
    return null;
  }

  /** The length of the refund word {@code text} starts with, folded, or -1 when it starts with none. */
  private int refundWordAtStart(String text) {
    for (String k : foldedRefundWords) {
      if (KeywordText.startsWithFolded(text, 0, k)) {
        return k.length();
      }
    }
    return -1;
  }

  /** {@code description} after its leading {@code operator} and the separators following it. */
  private static String afterOperator(String description, String operator) {
    return description.substring(operator.length()).replaceFirst("^[-—:：\\s]+", "");
  }

  /** Time, then file, then line. */
  private static int inOrder(Row a, Row b) {
    int c = a.t.time().compareTo(b.t.time());
    if (c == 0) {
      c = a.t.source().compareTo(b.t.source());
    }
    return c != 0 ? c : Integer.compare(a.t.fileLine(), b.t.fileLine());
  }

  /** A row being cleaned: its current amount (net of partial refunds) and, once removed, why. */
  private static final class Row {
    Transaction t;
    /** The row as read, before any netting. */
    final Transaction read;
    final int flags;
    @Nullable Removal removal;
    /** The first non-internal lexicon rule matching the row, found in the same scan as the internal one. */
    RuleMatcher.@Nullable Hit categoryHit;
    /**
     * For a withdrawal from a wallet whose bank credit arrived short by the wallet's fee: that credit. The row is then
     * kept as the fee ({@link TransactionCategory#FEE}), its amount what the credit lacks, and takes no other partner.
     */
    @Nullable Transaction feeOf;
    /** For a move between own accounts or a refunded row kept as only the fee it states: its removal, which that replaces. */
    @Nullable Removal feeOfRemoved;

    Row(Transaction t, int flags) {
      this.t = t;
      this.read = t;
      this.flags = flags;
    }

    /** What the row states was refunded of it on the row itself ({@link Transaction#refunded}), in fen. */
    long refundedOnRow() {
      return read.refunded().fen();
    }

    boolean isReversal() {
      return (flags & REVERSAL) != 0;
    }

    boolean isRefund() {
      return t.direction() != Direction.DEBIT && (flags & REFUND) != 0;
    }

    boolean kept() {
      return removal == null;
    }

    void remove(RemovalKind kind, String why, @Nullable Row other) {
      removal = new Removal(t, kind, why, other == null ? null : other.t.location());
    }

    /** Removes the row with an explanation rendered when first asked for ({@code why} must capture immutable values only). */
    void remove(RemovalKind kind, Supplier<String> why, @Nullable Row other) {
      removal = Removal.explainedBy(t, kind, why, other == null ? null : other.t.location());
    }
  }

  private void removeClosed(List<Row> rows) {
    for (Row r : rows) {
      if (r.kept() && (r.flags & CLOSED) != 0) {
        r.remove(RemovalKind.CLOSED, "status " + quoted(r.t.status()) + ": never executed", null);
      }
    }
  }

  /**
   * Removes each row the same as a kept row before it ({@link SameSerial}, {@link SameRow}). A row without a serial
   * that no other row shares its time with is the same as none (rows are in time order, so those that do are its
   * neighbours), and is not looked up: keying and hashing every row of a bank statement had been 5 % of its analysis.
   */
  private static void removeDuplicates(List<Row> rows) {
    Map<Object, Row> seen = null; // made when a row is first looked up
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (!r.kept()) {
        continue;
      }
      Transaction t = r.t;
      boolean bySerial = !t.serial().isEmpty();
      if (!bySerial && (i == 0 || !rows.get(i - 1).t.time().equals(t.time()))
          && (i + 1 == rows.size() || !rows.get(i + 1).t.time().equals(t.time()))) {
        continue; // alone at its time: no row before it is the same, nor is it the same as any after it
      }
      Object key = bySerial ? new SameSerial(t.serial(), t.direction(), t.amount().fen())
          : new SameRow(t.time(), t.direction(), t.amount().fen(), t.counterparty(), t.counterpartyAccount(),
              t.description(), t.balance());
      if (seen == null) {
        seen = new HashMap<>(rows.size() * 2);
      }
      Row first = seen.putIfAbsent(key, r);
      if (first != null) {
        r.remove(RemovalKind.DUPLICATE, bySerial ? "same serial " + t.serial() + " as " + first.t.location()
            : "identical to " + first.t.location() + " (time, amount, counterparty, description, balance)", first);
      }
    }
  }

  /**
   * Removes each row at a whole minute that is a row of another statement written to the minute: alike in every part
   * {@link SameRow} compares, a balance stated and no serial, its time that row's without the seconds. A spreadsheet
   * that saved a bank statement again wrote 2026-05-01 20:15:03 as 2026/5/1 20:15, so given with the statement as
   * downloaded, all its rows but those at a whole minute had been counted twice. The balance after the row tells it
   * from another row of that minute (a wallet's rows, stating none, are told by their serial, or their export refused
   * with its copy: {@link #listProblems}).
   */
  private static void removeCopiesToTheMinute(List<Row> rows) {
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      Transaction t = r.t;
      if (!r.kept() || !t.serial().isEmpty() || t.balance() == null || t.time().getSecond() != 0
          || t.time().getNano() != 0) {
        continue;
      }
      LocalDateTime nextMinute = t.time().plusMinutes(1);
      for (int j = i + 1; j < rows.size() && rows.get(j).t.time().isBefore(nextMinute); j++) {
        Row o = rows.get(j);
        if (o.kept() && !o.t.source().equals(t.source()) && alikeButTheTime(t, o.t)) {
          r.remove(RemovalKind.DUPLICATE, "the row of " + o.t.location() + " written to the minute (the statement "
              + "saved again by a spreadsheet)", o);
          break;
        }
      }
    }
  }

  /**
   * What makes two rows with a serial the same row: the serial, the direction and the amount. A row that shares a serial
   * with another but not its direction or amount is another event of the same trade — a friend's return of a transfer
   * (转账-退款, 收入, under the transfer's 交易单号) had been removed as a duplicate of the transfer, which then stayed
   * counted as 500.00 spent.
   */
  private record SameSerial(String serial, Direction direction, long fen) {}

  /**
   * What makes two rows without a serial the same row. Hashed on time and amount only: rows sharing both are rare,
   * and equality still compares every field.
   */
  private record SameRow(LocalDateTime time, Direction direction, long fen, String counterparty, String account,
      String description, @Nullable Money balance) {
    @Override
    public int hashCode() {
      return time.hashCode() * 31 + Long.hashCode(fen);
    }
  }

  private void removeReversals(List<Row> rows) {
    for (Row r : rows) {
      if (!r.kept() || !r.isReversal()) {
        continue;
      }
      Row original = null;
      for (int j = firstAtOrAfter(rows, r.t.time().minus(ORIGINAL_WINDOW)); j < rows.size() && !rows.get(j).t.time().isAfter(r.t.time()); j++) {
        Row o = rows.get(j);
        if (o == r || !o.kept() || o.isReversal() || !o.t.source().equals(r.t.source()) || o.t.amount().fen() != r.t.amount().fen()
            || !opposite(o.t.direction(), r.t.direction()) || o.t.time().isAfter(r.t.time())
            || o.t.time().isBefore(r.t.time().minus(ORIGINAL_WINDOW))) {
          continue;
        }
        if (!r.t.counterparty().isEmpty() && !o.t.counterparty().isEmpty() && !r.t.counterparty().equals(o.t.counterparty())) {
          continue;
        }
        original = o; // rows are in time order: the last candidate is the closest before the reversal
      }
      if (original == null) {
        r.remove(RemovalKind.REVERSAL, masked(quoted(r.t.description()) + " reverses a row not in these statements: not income or spending", r.t), null);
      } else {
        r.remove(RemovalKind.REVERSAL, masked(quoted(r.t.description()) + " reverses " + original.t.location(), r.t), original);
        original.remove(RemovalKind.REVERSED, masked("reversed by " + r.t.location() + " (" + quoted(r.t.description()) + ")", r.t), r);
      }
    }
  }

  /** The index of the first row (rows are in time order) at or after {@code time}. */
  private static int firstAtOrAfter(List<Row> rows, LocalDateTime time) {
    int lo = 0;
    int hi = rows.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (rows.get(mid).t.time().isBefore(time)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The goods a refund names: its description after the refund word; for a card's refund of a wallet payment
   * (财付通-退款), the wallet operator, which starts the description of the card's row of that payment (财付通-肯德基).
   */
  private String refundedGoods(Transaction refund) {
    String d = refund.description();
    String operator = walletOperatorOf(d);
    if (operator != null) {
      if (refundWordAtStart(afterOperator(d, operator)) >= 0) {
        return operator;
      }
    }
    int word = refundWordAtStart(d);
    if (word >= 0) {
      d = d.substring(word);
    }
    return d.replaceFirst("^[-—:：\\s]+", "");
  }

  /**
   * Whether a refund that names no goods ({@code 退款}, {@code 消费退货} in a bank's summary: a bank row has neither
   * goods nor order number) returns {@code purchase}: the same amount, so a full refund. Such a refund had never found
   * its purchase, which stayed spent; a partial one cannot tell which purchase it returns, unless the purchase's row
   * says it was refunded ({@link #saysRefunded}).
   */
  private static boolean sameAmount(Row purchase, Row refund) {
    return purchase.t.amount().equals(refund.t.amount());
  }

  /**
   * Whether {@code purchase}'s own row says it was refunded, by at least {@code refund}'s amount when it states one
   * (a WeChat status 已退款(￥20.00), an older Alipay 成功退款（元）) or in its status when it does not (已退款): then a
   * refund naming no goods from its counterparty is of it, full or partial. WeChat's refund row names no goods
   * ({@code /}) and has an order number of its own, so a partial refund had found no purchase, which stayed spent in
   * full.
   */
  private boolean saysRefunded(Row purchase, Row refund) {
    return purchase.refundedOnRow() > 0 ? purchase.refundedOnRow() >= refund.t.amount().fen()
        : (words.in(purchase.t.status()) & REFUND) != 0;
  }

  /**
   * Whether {@code a} and {@code b} are rows of one account, as a refund and its purchase must be: of one statement,
   * or of two exports of one wallet (the holder has one WeChat Pay, one Alipay). WeChat exports at most three months at
   * a time, so a purchase late in one export is refunded in the next: the refund had found no purchase ("not in these
   * statements"), and the purchase stayed spent. Two bank statements may be of two cards, so they are not one.
   */
  private static boolean sameAccount(Transaction a, Transaction b, Map<String, StatementFormat> formats) {
    if (a.source().equals(b.source())) {
      return true;
    }
    StatementFormat format = formats.get(a.source());
    return format != StatementFormat.BANK && format == formats.get(b.source());
  }

  private void removeRefunds(List<Row> rows, Map<String, StatementFormat> formats) {
    for (Row r : rows) {
      if (!r.kept() || !r.isRefund()) {
        continue;
      }
      Row original = null;
      Row spent = null; // the purchase the refund names, by order or goods, of which less than the refund is left
      boolean spentBySameOrder = false;
      String goods = refundedGoods(r.t);
      for (int j = firstAtOrAfter(rows, r.t.time().minus(ORIGINAL_WINDOW)); j < rows.size() && !rows.get(j).t.time().isAfter(r.t.time()); j++) {
        Row o = rows.get(j);
        if (o == r || !(o.kept() || refundedInFullOnItsRow(o) || refundedInFullByARefund(o))
            || o.t.direction() == Direction.CREDIT || o.isRefund()
            || !sameAccount(o.t, r.t, formats)
            || o.t.time().isAfter(r.t.time()) || o.t.time().isBefore(r.t.time().minus(ORIGINAL_WINDOW))) {
          continue;
        }
        boolean sameOrder = isOfOrder(o, r);
        boolean sameGoods = r.t.counterparty().equals(o.t.counterparty()) && (goods.isEmpty()
            ? !r.t.counterparty().isEmpty() && (sameAmount(o, r) || saysRefunded(o, r))
            : o.t.description().startsWith(goods));
        if (refundedInFullByARefund(o) || left(o).fen() < r.t.amount().fen()) { // nothing, or too little, left
          if (sameOrder || !spentBySameOrder && !goods.isEmpty() && sameGoods) {
            spent = o;
            spentBySameOrder = sameOrder;
          }
          continue;
        }
        if (sameOrder || sameGoods && (original == null || r.t.merchantOrder().isEmpty())) {
          original = o;
          if (sameOrder) {
            break;
          }
        }
      }
      if (spentBySameOrder && original != null && !isOfOrder(original, r)) {
        original = null; // its own order's purchase is used up: another order of the same goods is not what it returns
      }
      if (original == null && goods.isEmpty() && r.t.merchantOrder().isEmpty() && r.t.serial().isEmpty()) {
        r.remove(RemovalKind.REFUND, "refund naming neither goods nor order, and no purchase of its amount from its "
            + "counterparty within " + ORIGINAL_WINDOW.toDays() + " days before it: not income", null);
      } else if (original == null && spent != null) {
        r.remove(RemovalKind.REFUND, "refund " + r.t.location() + " of " + r.t.amount() + " is more than the "
            + left(spent) + " left of its purchase " + spent.t.location() + " (" + spent.read.amount() + " paid): "
            + "nets nothing, not income", null);
      } else if (original == null) {
        r.remove(RemovalKind.REFUND, "refund of a purchase not in these statements: not income", null);
      } else if (original.refundedOnRow() > 0) {
        r.remove(RemovalKind.REFUND, "refund of " + original.t.location() + ", whose own row states "
            + original.read.refunded() + " refunded (" + quoted(original.read.status()) + "), counted there: not income", original);
      } else if (original.t.amount().equals(r.t.amount())) {
        r.remove(RemovalKind.REFUND, "full refund of " + original.t.location(), original);
        original.remove(RemovalKind.REFUNDED, "refunded in full by " + r.t.location(), r);
      } else {
        Money net = original.t.amount().minus(r.t.amount());
        r.remove(RemovalKind.REFUND, "partial refund of " + r.t.amount() + " netted against " + original.t.location()
            + " (now " + net + ")", original);
        original.t = original.t.withAmount(net);
      }
    }
  }

  /** Whether {@code refund} names {@code purchase}'s order: its merchant order, or its serial, as some refunds carry. */
  private static boolean isOfOrder(Row purchase, Row refund) {
    return !refund.t.merchantOrder().isEmpty() && refund.t.merchantOrder().equals(purchase.t.merchantOrder())
        || !refund.t.serial().isEmpty() && refund.t.serial().equals(purchase.t.serial());
  }

  /**
   * What a refund may still take back of purchase {@code o}: what is left of it after earlier refunds netted against
   * it (nothing once a refund row returned it in full), or, for a row that states its own refund, what it paid (such
   * a row's refunds are counted there, not netted). Its amount as read had been taken, so two refunds of one purchase
   * beyond what was left of it (two purchases of the same goods, each partly refunded) netted it below zero and failed
   * the analysis with "amount -20.00 is negative".
   */
  private static Money left(Row o) {
    return o.refundedOnRow() > 0 ? o.read.amount() : refundedInFullByARefund(o) ? Money.ZERO : o.t.amount();
  }

  /** Whether {@code o} was removed as refunded in full by a refund row, so nothing of it is left to refund. */
  private static boolean refundedInFullByARefund(Row o) {
    return o.refundedOnRow() == 0 && o.removal != null && o.removal.kind() == RemovalKind.REFUNDED
        && o.removal.pairedWith() != null;
  }

  /** Whether {@code o} was removed as refunded in full by what its own row states, and so still takes its refund rows. */
  private static boolean refundedInFullOnItsRow(Row o) {
    return o.refundedOnRow() > 0 && o.removal != null && o.removal.kind() == RemovalKind.REFUNDED
        && o.removal.pairedWith() == null;
  }

  /**
   * Counts each row net of what it states was refunded of it on the row itself ({@link Transaction#refunded}: an
   * older Alipay export's 成功退款（元）, a WeChat status 已退款(￥10.00)); refunded in full, it is removed as
   * {@link RemovalKind#REFUNDED}. A refund row of the same purchase then finds it and is removed as counted there
   * ({@link #removeRefunds}). Those refunds had been ignored: a purchase of 100.00 with 成功退款 30.00 was spent in full,
   * and a WeChat refund row naming no goods ({@code /}) found no purchase.
   */
  private static void netRefundsStatedOnTheRow(List<Row> rows) {
    for (Row r : rows) {
      if (!r.kept() || r.refundedOnRow() == 0 || r.isRefund()) {
        continue;
      }
      Money refunded = r.t.refunded();
      if (refunded.equals(r.t.amount())) {
        r.remove(RemovalKind.REFUNDED, "refunded in full on its own row (" + refunded + " refunded, status "
            + quoted(r.t.status()) + ")", null);
      } else {
        r.t = r.t.with(r.t.amount().minus(refunded), r.t.fee(), Money.ZERO);
      }
    }
  }

  /**
   * Keeps a move between the holder's own accounts, or a purchase refunded in full, that states a fee
   * ({@link Transaction#fee}: the 服务费¥1.00 in the 备注 of a WeChat 零钱提现, an older Alipay export's 服务费（元）)
   * as that fee, {@link TransactionCategory#FEE}: the move or the refunded amount is not spending but the fee is
   * (a refund returns the amount, not the fee), and it had been removed with the row (and with the move's other side,
   * when the bank credited the whole amount).
   */
  private static void keepFeesOfMoves(List<Row> rows) {
    for (Row r : rows) {
      if (r.removal != null && (r.removal.kind() == RemovalKind.INTERNAL_TRANSFER
          || r.removal.kind() == RemovalKind.REFUNDED) && r.t.fee().isPositive()) {
        r.feeOfRemoved = r.removal;
        r.removal = null;
        r.t = r.t.with(r.t.fee(), Money.ZERO, Money.ZERO);
      }
    }
  }

  private void removeInternalTransfers(List<Row> rows, Set<String> holderNames, Map<String, StatementFormat> formats) {
    HolderNames holders = new HolderNames(holderNames);
    for (Row r : rows) {
      if (!r.kept()) {
        continue;
      }
      if (holders.named(r.t.counterparty())) {
        String counterparty = r.t.counterparty();
        r.remove(RemovalKind.INTERNAL_TRANSFER, () -> "counterparty '" + MASKING.name(counterparty) + "' is the holder", null);
        continue;
      }
      RuleMatcher.@Nullable Hit[] hits = matcher.firstPerGroup(r.t);
      r.categoryHit = hits[1];
      RuleMatcher.Hit internal = hits[0];
      if (internal != null) {
        Transaction t = r.t;
        r.remove(RemovalKind.INTERNAL_TRANSFER, () -> masked(internal.match().reason(), t), null);
      } else if (isWalletWithdrawal(r)) {
        String counterparty = r.t.counterparty();
        String description = r.t.description();
        r.remove(RemovalKind.INTERNAL_TRANSFER, () -> "a withdrawal (提现) from a payment wallet (" + quoted(description) + " from "
            + quoted(counterparty) + "): the holder's own wallet balance reaching the bank, not income", null);
      } else if (isWalletTopUp(r)) {
        String counterparty = r.t.counterparty();
        String description = r.t.description();
        r.remove(RemovalKind.INTERNAL_TRANSFER, () -> "a top-up (充值) of a payment wallet's balance (" + quoted(description)
            + " to " + quoted(counterparty) + "): the holder's own money moved to the wallet, not spending", null);
      }
    }
    // The two sides of a move between two of the holder's statements: opposite, equal, close in time. A side the
    // rules above already found internal (WeChat's 零钱提现 to the bank) still pairs: its other side (the bank's
    // credit '财付通提现') had been kept as income, and promoted to salary when monthly.
    List<Row> candidates = new ArrayList<>();
    Set<Row> internal = java.util.Collections.newSetFromMap(new IdentityHashMap<>()); // removed above, not yet paired
    String oneSource = null; // the candidates' source while they all share one
    boolean sources = false; // whether they come from two sources or more
    for (Row r : rows) {
      boolean foundInternal = !r.kept() && r.removal.kind() == RemovalKind.INTERNAL_TRANSFER;
      if ((r.kept() || foundInternal) && (r.flags & TRANSFER) != 0
          && (!isPerson(r.t.counterparty()) || holders.named(r.t.counterparty()))) {
        // a transfer with another person is real income or spending; one naming the holder (Alipay's 提现 to 周子航)
        // is a move whose other side, at the bank, names the wallet operator, and had stayed income
        candidates.add(r);
        if (foundInternal) {
          internal.add(r);
        }
        sources = sources || oneSource != null && !oneSource.equals(r.t.source());
        oneSource = r.t.source();
      }
    }
    if (!sources) {
      // the two sides are of two statements: candidates of one source pair with none, and each had looked through
      // every other candidate in its window for a partner (an eighth of an Alipay export's analysis)
      return;
    }
    for (int i = 0; i < candidates.size(); i++) {
      Row a = candidates.get(i);
      if (!unpaired(a, internal)) {
        continue;
      }
      Row best = null;
      Row lessFee = null; // the first partner short of a withdrawal by at most its fee, when no equal one is found
      LocalDateTime latest = latestPartner(a.t.time());
      for (int j = i + 1; j < candidates.size(); j++) {
        Row b = candidates.get(j);
        if (b.t.time().isAfter(latest)) {
          break;
        }
        if (unpaired(b, internal) && !b.t.source().equals(a.t.source())
            && sidesOfAMove(a.t.direction(), b.t.direction())) {
          if (b.t.amount().equals(a.t.amount()) && !namesAnotherWallet(a, b, formats)) {
            best = b;
            break;
          }
          if (lessFee == null && withinWithdrawalFee(a, b) && !namesAnotherWallet(a, b, formats)) {
            lessFee = b;
          }
        }
      }
      best = best != null ? best : lessFee;
      if (best != null) {
        pair(a, best);
        pair(best, a);
        internal.remove(a);
        internal.remove(best);
        if (best == lessFee) {
          keepFee(a.t.direction() == Direction.CREDIT ? best : a, a.t.direction() == Direction.CREDIT ? a : best);
        }
      }
    }
  }

  /** Whether {@code r} may still take the other side of a move: kept and not the fee of one, or found internal alone. */
  private static boolean unpaired(Row r, Set<Row> internal) {
    return r.kept() && r.feeOf == null || internal.contains(r);
  }

  /**
   * Keeps the withdrawal side of a pair whose credit arrived short as what the wallet charged: the fee (0.1 % of a
   * WeChat 零钱提现, 1.00 of 1000.00) is money the holder spent, and had dropped out of the months with both sides.
   */
  private static void keepFee(Row withdrawal, Row credit) {
    withdrawal.removal = null;
    withdrawal.feeOf = credit.t;
    // a fee the row states as well is the same fee: counted once, the larger of the two
    withdrawal.t = withdrawal.t.with(withdrawal.t.amount().minus(credit.t.amount()).max(withdrawal.t.fee()), Money.ZERO,
        Money.ZERO);
  }

  /**
   * Removes the bank's row of a payment made in a wallet with the bank's card. Paid in WeChat with 招商银行(3821), a
   * purchase is a row of the WeChat statement (the merchant, 支付方式 招商银行(3821)) and a row of the card's statement
   * (财付通-肯德基, or 支付宝-… for Alipay's 快捷支付); given both statements, it had been counted twice — food,
   * spending and loan repayments made that way doubled. Alipay's own export warns of it (支付宝快捷支付等非余额支付方式
   * 可能既产生支付宝交易也同步产生银行交易). A wallet row counts when it is kept, money out (a debit, or a neutral
   * row a spending or repayment rule claims: 信用卡还款, 花呗还款) and paid by a bank card (its channel names a bank
   * or a card, not the wallet's balance); its bank row is a kept debit of the same amount on a bank statement (or of
   * the amount and the fee the wallet row states: a 信用卡还款 of 5000.00 with 服务费¥5.00 takes 5005.00 off the card),
   * within the transfer window, that names a wallet operator ({@link CategoryLexicon#walletOperators}); the closest
   * in time is taken, each once. The wallet's row stays: it names the merchant.
   */
  private void removeCardPaymentsTheWalletHolds(List<Row> rows, Map<String, StatementFormat> formats) {
    if (!formats.containsValue(StatementFormat.BANK) || formats.values().stream().allMatch(StatementFormat.BANK::equals)) {
      // a wallet's row and a bank's: without statements of both kinds, no row has the other (each row had been asked
      // its statement's kind and its channel, ~3 % of an Alipay export's analysis)
      return;
    }
    for (Row w : rows) {
      if (!w.kept() || w.feeOf != null || formats.get(w.t.source()) == StatementFormat.BANK || !paidByCard(w.t.channel())
          || !(w.t.direction() == Direction.DEBIT || w.t.direction() == Direction.NEUTRAL && w.categoryHit != null
              && w.categoryHit.rule().category().kind() != TransactionCategory.Kind.NEUTRAL)) {
        continue;
      }
      Row closest = null;
      LocalDateTime latest = latestPartner(w.t.time());
      for (int j = firstAtOrAfter(rows, earliestPartner(w.t.time())); j < rows.size() && !rows.get(j).t.time().isAfter(latest); j++) {
        Row b = rows.get(j);
        if (b.kept() && b.t.direction() == Direction.DEBIT
            && (b.t.amount().equals(w.t.amount()) || w.t.fee().isPositive() && b.t.amount().equals(w.t.amount().plus(w.t.fee())))
            && formats.get(b.t.source()) == StatementFormat.BANK
            && (walletOperators.in(b.t.counterparty()) != 0 || walletOperators.in(b.t.description()) != 0)
            && !namesAnotherWallet(w, b, formats)
            && (closest == null || Duration.between(w.t.time(), b.t.time()).abs()
                .compareTo(Duration.between(w.t.time(), closest.t.time()).abs()) < 0)) {
          closest = b;
        }
      }
      if (closest != null) {
        Transaction wallet = w.t;
        closest.remove(RemovalKind.DUPLICATE, () -> "the same payment as " + wallet.location() + " (" + wallet.amount()
            + " paid in the wallet by " + quoted(wallet.channel()) + "): the card's row of a wallet payment, counted there", w);
      }
    }
  }

  /**
   * Whether a wallet row's channel (支付方式, 收/付款方式) is a bank card — 招商银行(3821), 招商银行储蓄卡(3821),
   * 交通银行信用卡(7449) — rather than the wallet's own money (零钱, 零钱通, 账户余额, 余额宝) or its credit (花呗).
   */
  private static boolean paidByCard(String channel) {
    return (channel.contains("银行") || channel.contains("卡")) && !channel.contains("零钱") && !channel.contains("余额");
  }

  /**
   * Whether one of {@code a} and {@code b} is a bank's row naming only another wallet's operator than the wallet whose
   * statement holds the other ({@link CategoryLexicon#operatorsByWallet}): the bank's 支付宝提现 is no side of WeChat's
   * 零钱提现, nor 支付宝-肯德基 the card's row of a WeChat payment. Of two bank rows in the window, the one of equal amount
   * or the closest had been taken, whichever wallet it named, and the row of WeChat's own operator was left.
   */
  private boolean namesAnotherWallet(Row a, Row b, Map<String, StatementFormat> formats) {
    StatementFormat formatA = formats.get(a.t.source());
    StatementFormat formatB = formats.get(b.t.source());
    return formatA == StatementFormat.BANK && namesOnlyAnotherWallet(a.t, formatB)
        || formatB == StatementFormat.BANK && namesOnlyAnotherWallet(b.t, formatA);
  }

  private boolean namesOnlyAnotherWallet(Transaction bankRow, @Nullable StatementFormat wallet) {
    if (wallet != StatementFormat.ALIPAY && wallet != StatementFormat.WECHAT) {
      return false;
    }
    int named = operatorsOfWallets.in(bankRow.counterparty()) | operatorsOfWallets.in(bankRow.description());
    return named != 0 && (named & (wallet == StatementFormat.ALIPAY ? 1 : 2)) == 0;
  }

  /** The earliest time the other side of a transfer at {@code time} may have: {@code time} less the window. */
  private LocalDateTime earliestPartner(LocalDateTime time) {
    try {
      return time.minus(transferWindow);
    } catch (DateTimeException | ArithmeticException e) {
      return LocalDateTime.MIN;
    }
  }

  /** {@link CategoryLexicon#isPerson} with the markers searched in one scan. */
  private boolean isPerson(String name) {
    return CategoryLexicon.isHanName(name) && organisationMarkers.in(name) == 0;
  }

  /** {@link CategoryLexicon#isOrganisation} with the markers searched in one scan. */
  private boolean isOrganisation(String name) {
    return organisationMarkers.in(name) != 0;
  }

  /**
   * Removes {@code side} as one side of a move whose other side is {@code partner}. A side the rules already found
   * internal keeps their reason and is paired too: two sides both found so (WeChat's 零钱提现 and the bank's
   * 财付通提现) take each other, so neither is left free to take another credit of the same amount in the window.
   */
  private void pair(Row side, Row partner) {
    Transaction self = side.t;
    Transaction other = partner.t;
    Removal byRule = side.removal;
    if (byRule == null) {
      side.remove(RemovalKind.INTERNAL_TRANSFER, () -> movedBetweenOwnAccounts(other, self), partner);
    } else {
      side.remove(RemovalKind.INTERNAL_TRANSFER, () -> byRule.explanation() + "; the other side is " + other.location(),
          partner);
    }
  }

  private String movedBetweenOwnAccounts(Transaction otherSide, Transaction self) {
    long fee = Math.abs(otherSide.amount().fen() - self.amount().fen());
    Transaction credit = self.direction() == Direction.CREDIT ? self : otherSide;
    Transaction withdrawal = credit == self ? otherSide : self;
    return "matches " + otherSide.location() + " (" + otherSide.direction() + " " + otherSide.amount() + " within "
        + window() + (fee == 0 ? "" : "; the credit " + credit.amount() + " is " + Money.ofFen(fee)
        + " less, within the withdrawal fee of 0.1 %, at least 0.10, kept as spending at " + withdrawal.location())
        + "): a move between the holder's own accounts";
  }

  /**
   * The transfer window in words: whole days as days, else whole hours as hours, else as {@link Duration} writes it.
   * It was always told in whole days, so a window of 36 hours read "within 1 days" and one of 12 hours "within 0 days".
   */
  private String window() {
    long seconds = transferWindow.getSeconds();
    return transferWindow.getNano() == 0 && seconds % 86_400 == 0 ? seconds / 86_400 + " days"
        : transferWindow.getNano() == 0 && seconds % 3_600 == 0 ? seconds / 3_600 + " hours" : transferWindow.toString();
  }

  /**
   * Whether {@code a} and {@code b} are a withdrawal from a payment wallet and its credit at the bank, less the
   * wallet's fee: one is a credit of {@code c} fen, the other a debit or neutral row of {@code w} fen, one of them
   * says 提现 ({@link CategoryLexicon#withdrawalKeywords}), the credit says 提现 or names a wallet operator
   * ({@link CategoryLexicon#walletOperators}) — a company's 999.00 the day after a withdrawal of 1000.00 is its
   * payment, not the withdrawal —, and {@code 0 < w - c <= }{@link #maxWithdrawalFee}{@code (w)}.
   * WeChat Pay charges 0.1 % of a 零钱 withdrawal, at least 0.10 yuan; Alipay the same beyond its free quota (free
   * withdrawals pair as equal amounts). The bank side of 1000.00 out of 零钱 is 999.00, and had stayed income.
   */
  private boolean withinWithdrawalFee(Row a, Row b) {
    if (((a.flags | b.flags) & WITHDRAWAL) == 0 || (a.t.direction() == Direction.CREDIT) == (b.t.direction() == Direction.CREDIT)) {
      return false;
    }
    Row creditRow = a.t.direction() == Direction.CREDIT ? a : b;
    long credit = creditRow.t.amount().fen();
    long withdrawn = (creditRow == a ? b : a).t.amount().fen();
    boolean fromWallet = (creditRow.flags & WITHDRAWAL) != 0 || walletOperators.in(creditRow.t.counterparty()) != 0
        || walletOperators.in(creditRow.t.description()) != 0;
    return fromWallet && credit < withdrawn && withdrawn - credit <= maxWithdrawalFee(withdrawn);
  }

  /** The most a wallet charges to withdraw {@code fen}: 0.1 % rounded up to the fen, at least 10 fen (0.10 yuan). */
  static long maxWithdrawalFee(long fen) {
    return Math.max(10, fen / 1000 + (fen % 1000 == 0 ? 0 : 1));
  }

  /**
   * Whether the row is the holder's own wallet balance withdrawn to this account: a credit saying 提现 whose
   * counterparty or description names a wallet operator ({@link CategoryLexicon#walletOperators}: 财付通, 支付宝 —
   * a bank may leave the counterparty of 支付宝提现 empty), and that no earnings
   * rule (salary, gig payout, benefit, interest) claims. The operator credits money the holder kept in the wallet;
   * what first came into the wallet is counted in the wallet's own statement. A gig platform's payout that says 提现
   * (美团众包提现) is credited by the platform (北京三快在线科技有限公司), not by a wallet operator, and one paid out
   * through 财付通 names the platform (众包, 骑手), which the gig rule claims: both stay income. Only 提现 counts:
   * 提现 alone, whoever credits it, would take those payouts out of income.
   */
  private boolean isWalletWithdrawal(Row r) {
    if (r.t.direction() != Direction.CREDIT || (r.flags & WITHDRAWAL) == 0
        || walletOperators.in(r.t.counterparty()) == 0 && walletOperators.in(r.t.description()) == 0) {
      return false;
    }
    return r.categoryHit == null || switch (r.categoryHit.rule().category()) {
      case SALARY, GIG_INCOME, BENEFIT, INTEREST_INCOME -> false;
      default -> true;
    };
  }

  /** What a top-up of a wallet's own balance says besides the operator's name: 支付宝-充值, 财付通 余额充值. */
  private static final java.util.regex.Pattern TOP_UP_WORDS = java.util.regex.Pattern.compile(
      "充值|余额|零钱|账户|微信|[\\p{P}\\p{S}\\p{Z}]");

  /**
   * Whether the row is the holder's own money topping up a payment wallet's balance: a debit whose description says
   * 充值 and nothing else but a wallet operator's name ({@link CategoryLexicon#walletOperators}) and the balance's
   * (余额, 零钱, 账户, 微信), with the operator named there or as counterparty, and that no spending rule claims. The
   * bank's 支付宝-充值 or 财付通 充值 (a 零钱充值 is the own-accounts rule's) had been spending; what the wallet then
   * pays is counted in the wallet's own statement. A top-up of anything else through the wallet (支付宝-游戏充值,
   * 财付通-Q币充值) names it, and stays spending.
   */
  private boolean isWalletTopUp(Row r) {
    String d = r.t.description();
    if (r.t.direction() != Direction.DEBIT || !d.contains("充值") || r.categoryHit != null
        || walletOperators.in(r.t.counterparty()) == 0 && walletOperators.in(d) == 0) {
      return false;
    }
    d = KeywordText.folded(d);
    for (String operator : foldedOperators) {
      d = d.replace(operator, "");
    }
    return TOP_UP_WORDS.matcher(d).replaceAll("").isEmpty();
  }

  /**
   * {@code value}, a field of a row, in quotes as an explanation shows it: as a rejection quotes a field
   * ({@link io.github.fenqi.core.Problem#excerpt}, at most 40 characters, line separators and other invisible characters
   * escaped). Quoted whole and raw, a description of thousands of characters made an explanation of that length, and a
   * line separator or right-to-left override in it went as it stood into the report or log showing it.
   */
  private static String quoted(String value) {
    return "'" + Problem.excerpt(value) + "'";
  }

  /**
   * {@code text} with the counterparty's name masked ({@link Masking#name}) when the counterparty is a person, as
   * the holder's own name is: explanations go into reports and logs. An organisation's name (a merchant, an
   * employer, a lender) stays readable, since it is what the explanation is about.
   */
  private String masked(String text, Transaction t) {
    String counterparty = t.counterparty().strip();
    String shown = shown(counterparty);
    return shown.equals(counterparty) ? text : text.replace(counterparty, shown);
  }

  /** A stripped counterparty as explanations and summaries show it: a person's name masked, any other as it is. */
  private String shown(String counterparty) {
    return !counterparty.isEmpty() && isPerson(counterparty) ? MASKING.name(counterparty) : counterparty;
  }

  /** The latest time the other side of a transfer at {@code time} may have: {@code time} plus the window. */
  private LocalDateTime latestPartner(LocalDateTime time) {
    try {
      return time.plus(transferWindow);
    } catch (DateTimeException | ArithmeticException e) {
      return LocalDateTime.MAX; // a window beyond the calendar: every later row is within it
    }
  }

  private static boolean opposite(Direction a, Direction b) {
    return a != b || a == Direction.NEUTRAL;
  }

  /**
   * Whether rows of these directions may be the two sides of one move between the holder's accounts: money out and
   * money in, a wallet's neutral row (its 提现, 充值) standing for either beside a bank's credit or debit. Two neutral
   * rows are two wallets' moves, not one (no money goes from one wallet's balance into the other's): WeChat's
   * 零钱提现 and Alipay's 提现 of one amount in one window had been paired, and the WeChat fee its bank credit lacked
   * was lost.
   */
  private static boolean sidesOfAMove(Direction a, Direction b) {
    return a != b;
  }

  /**
   * Whether a counterparty names the holder, as {@link #sameName} says of it and each of the holder's names: the
   * holder's names in {@link PersonNames#key}'s form once, and each counterparty's once, as a statement names the same
   * ones again and again — normalising both for every row and holder name had taken a fifth of a bank statement's
   * analysis. One per analysis, not thread-safe.
   */
  private static final class HolderNames {
    private final List<String> keys = new ArrayList<>();
    private final Map<String, Boolean> named = new HashMap<>();

    HolderNames(Set<String> holders) {
      holders.forEach(h -> keys.add(PersonNames.key(h)));
    }

    boolean named(String counterparty) {
      if (counterparty.isEmpty()) {
        return false;
      }
      return named.computeIfAbsent(counterparty, c -> {
        String key = PersonNames.key(c);
        return keys.stream().anyMatch(h -> sameKey(key, h));
      });
    }
  }

  /**
   * Equal names, or a masked form ({@code *子航}, {@code 周*航}) that agrees wherever it is not masked. One '*' masks
   * one character, compared by code point: a name with a character beyond the BMP (周𠮷, a 生僻字 of two chars in
   * UTF-16) had its masked form 周* refused for its length, and the holder's own transfers counted as income or spending.
   * Both are compared in the form of {@link PersonNames#key}, as the forensics compare the holder: spaces of any width
   * and a name's middle dot are no part of it (only ASCII spaces had been dropped).
   */
  static boolean sameName(String counterparty, String holder) {
    return sameKey(PersonNames.key(counterparty), PersonNames.key(holder));
  }

  /** {@link #sameName} of two names in {@link PersonNames#key}'s form. */
  private static boolean sameKey(String c, String h) {
    if (c.isEmpty()) {
      return false;
    }
    if (c.equals(h)) {
      return true;
    }
    boolean unmasked = false; // a name of asterisks only matches nobody
    int i = 0;
    int k = 0;
    while (i < c.length() && k < h.length()) {
      int ch = c.codePointAt(i);
      int hh = h.codePointAt(k);
      if (ch != '*') {
        if (ch != hh) {
          return false;
        }
        unmasked = true;
      }
      i += Character.charCount(ch);
      k += Character.charCount(hh);
    }
    return unmasked && i == c.length() && k == h.length();
  }


  private List<CategorisedTransaction> categorise(List<Row> rows, List<Period> periods) {
    List<CategorisedTransaction> out = new ArrayList<>();
    for (Row r : rows) {
      if (r.kept() && r.feeOf != null) {
        Transaction fee = r.t;
        Transaction credit = r.feeOf;
        Money withdrawn = r.read.amount();
        Money stated = r.read.fee();
        out.add(CategorisedTransaction.explainedBy(fee, TransactionCategory.FEE, () -> "the wallet's fee for this "
            + "withdrawal of " + withdrawn + ": " + credit.amount() + " reached " + credit.location() + ", "
            + withdrawn.minus(credit.amount()) + " less (within the withdrawal fee of 0.1 %, at least 0.10)"
            + (stated.isGreaterThan(withdrawn.minus(credit.amount())) ? "; the row states a fee of " + stated : ""), null));
      } else if (r.kept() && r.feeOfRemoved != null) {
        Transaction fee = r.t;
        Removal move = r.feeOfRemoved;
        out.add(CategorisedTransaction.explainedBy(fee, TransactionCategory.FEE, () -> "the fee of " + fee.amount()
            +  " this row states, spent; the row itself is not counted: " + move.explanation(), null));
      } else if (r.kept()) {
        out.add(categorise(r.t, r.categoryHit));
      }
    }
    return promoteRegularCredits(out, periods);
  }

  /**
   * The lender a row a rule matched repays, as the month's {@code loanRepaymentsByPlatform} keys it: the rule's
   * platform, else (a repayment) the counterparty; a person's name masked as the explanations mask it (a repayment of
   * 还款 to 张三 had put the name in clear beside an explanation that masks it), and none when the row names no one.
   */
  private @Nullable String platform(LexiconRule rule, Transaction t, String keyword) {
    boolean repayment = rule.category() == TransactionCategory.LOAN_REPAYMENT;
    if (rule.platform() == null && !repayment) {
      return null; // most rows a rule matches (food, salary, rent) name no platform: no person test for them
    }
    String shown = shown(t.counterparty().strip());
    Optional<String> named = rule.platformFor(shown, keyword);
    if (named.isPresent()) {
      return named.get();
    }
    return repayment && !shown.isEmpty() ? shown : null;
  }

  private CategorisedTransaction categorise(Transaction t, RuleMatcher.@Nullable Hit hit) {
    if (t.direction() == Direction.CREDIT) {
      String counterparty = KeywordText.folded(t.counterparty());
      for (int i = 0; i < employers.size(); i++) {
        if (counterparty.contains(foldedEmployers.get(i))) {
          String e = employers.get(i);
          return new CategorisedTransaction(t, TransactionCategory.SALARY, "payroll counterparty '" + e + "'", null);
        }
      }
    }
    if (hit != null) {
      LexiconRule rule = hit.rule();
      return CategorisedTransaction.explainedBy(t, rule.category(), () -> masked(hit.match().reason(), t),
          platform(rule, t, hit.keyword()));
    }
    return switch (t.direction()) {
      case CREDIT -> isPerson(t.counterparty())
          ? CategorisedTransaction.explainedBy(t, TransactionCategory.TRANSFER_IN,
              () -> "credit from a person ('" + MASKING.name(t.counterparty()) + "'), no rule matched", null)
          : new CategorisedTransaction(t, TransactionCategory.OTHER_INCOME, "credit, no rule matched", null);
      case DEBIT -> new CategorisedTransaction(t, TransactionCategory.OTHER_SPENDING, "debit, no rule matched", null);
      case NEUTRAL -> new CategorisedTransaction(t, TransactionCategory.NEUTRAL, "neutral row, no rule matched", null);
    };
  }

  /**
   * Credits from one organisation in several months with steady amounts are wages, whatever their wording: each credit
   * steady, or each month's sum of them ({@link #steadyMonthlySums}) for a salary paid in parts.
   */
  private List<CategorisedTransaction> promoteRegularCredits(List<CategorisedTransaction> rows, List<Period> periods) {
    Map<String, List<CategorisedTransaction>> byCounterparty = new HashMap<>();
    for (CategorisedTransaction c : rows) {
      if ((c.category() == TransactionCategory.OTHER_INCOME || c.category() == TransactionCategory.TRANSFER_IN)
          && isOrganisation(c.transaction().counterparty())) {
        byCounterparty.computeIfAbsent(c.transaction().counterparty(), k -> new ArrayList<>()).add(c);
      }
    }
    Map<CategorisedTransaction, String> promoted = new IdentityHashMap<>();
    for (Map.Entry<String, List<CategorisedTransaction>> e : byCounterparty.entrySet()) {
      List<CategorisedTransaction> credits = e.getValue();
      long months = credits.stream().map(c -> c.transaction().month()).distinct().count();
      if (months < REGULAR_MONTHS) {
        continue;
      }
      long[] amounts = credits.stream().mapToLong(c -> c.transaction().amount().fen()).sorted().toArray();
      long twiceMedian = twiceTheMedian(amounts);
      boolean steady = Arrays.stream(amounts).allMatch(a -> withinTolerance(a, twiceMedian));
      if (steady) {
        String why = "regular monthly credits from organisation " + quoted(e.getKey()) + " in " + months + " months (median "
            + Money.ofFen(twiceMedian / 2) + ", each within " + Math.round(REGULAR_TOLERANCE * 100) + " %)";
        credits.forEach(c -> promoted.put(c, why));
      } else {
        steadyMonthlySums(credits, periods).ifPresent(why -> credits.forEach(c -> promoted.put(c, "regular monthly "
            + "credits from organisation " + quoted(e.getKey()) + ", paid in parts: " + why)));
      }
    }
    if (promoted.isEmpty()) {
      return rows;
    }
    return rows.stream().map(c -> promoted.containsKey(c)
        ? new CategorisedTransaction(c.transaction(), TransactionCategory.SALARY, promoted.get(c), null) : c).toList();
  }

  /**
   * Twice the median of {@code sorted} (not empty), exact in fen: the sum of the middle two of an even count, as the
   * affordability model takes the median of an even number of months as their mean. The upper of the two had been
   * taken, so 7.40, 10.00, 10.50 and 13.60 were told as of median 10.50 and steady, where 13.60 is 33 % above the
   * median of 10.25. Amounts are at most 10^17 fen, so twice one fits a {@code long}.
   */
  private static long twiceTheMedian(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? 2 * sorted[n / 2] : sorted[n / 2 - 1] + sorted[n / 2];
  }

  /** Whether {@code fen} is within {@link #REGULAR_TOLERANCE} of the median, given as twice it: |2a - 2m| <= 0.3 2m. */
  private static boolean withinTolerance(long fen, long twiceMedian) {
    return Math.abs(2.0 * fen - twiceMedian) <= REGULAR_TOLERANCE * twiceMedian;
  }

  /**
   * Why {@code credits} (one organisation's) are a salary paid in parts, if they are: a wage paid as 6000.00 on the
   * 10th and 2300.00 on the 25th, without 工资 in the memo, is two unsteady amounts, and had stayed a transfer or other
   * income. Their sums in the months the statements cover whole must be steady as single credits are ({@link
   * #REGULAR_MONTHS} such months, each within {@link #REGULAR_TOLERANCE} of their median); a part month holds only
   * some of the parts, so it need only not exceed that bound. No month may hold more than {@link #MAX_SALARY_PARTS}
   * credits: a shop's daily settlements from its payment provider can sum steadily too, but are no wage.
   */
  private static Optional<String> steadyMonthlySums(List<CategorisedTransaction> credits, List<Period> periods) {
    Map<YearMonth, Integer> parts = new HashMap<>();
    credits.forEach(c -> parts.merge(c.transaction().month(), 1, Integer::sum));
    if (parts.values().stream().anyMatch(n -> n > MAX_SALARY_PARTS)) {
      return Optional.empty();
    }
    TreeMap<YearMonth, Long> sums = new TreeMap<>(); // of at most 3 rows of at most 10^17 fen each: no overflow
    for (CategorisedTransaction c : credits) {
      sums.merge(c.transaction().month(), c.transaction().amount().fen(), Long::sum);
    }
    long[] whole = sums.entrySet().stream().filter(e -> daysCovered(e.getKey(), periods) == e.getKey().lengthOfMonth())
        .mapToLong(Map.Entry::getValue).sorted().toArray();
    if (whole.length < REGULAR_MONTHS) {
      return Optional.empty();
    }
    long twiceMedian = twiceTheMedian(whole);
    boolean steady = Arrays.stream(whole).allMatch(a -> withinTolerance(a, twiceMedian))
        && sums.values().stream().allMatch(a -> 2.0 * a - twiceMedian <= REGULAR_TOLERANCE * twiceMedian);
    return steady ? Optional.of(whole.length + " whole months summing to a median of " + Money.ofFen(twiceMedian / 2)
        + ", each within " + Math.round(REGULAR_TOLERANCE * 100) + " %") : Optional.empty();
  }

  /**
   * The months from the first that a statement covers to the last: those with kept rows, and those without that a
   * statement's period holds (zero months); the others, which no statement covers, go to {@code uncovered} instead.
   * A statement's first and last months count even when none of their rows is kept: they had been left out, so a
   * salary card whose last three months held only moves to the holder's own accounts was assessed on the months
   * before, at its full salary, as if the salary had not stopped.
   */
  private static List<MonthlySummary> months(List<CategorisedTransaction> rows, List<Period> periods,
      List<YearMonth> uncovered) {
    if (rows.isEmpty() && periods.isEmpty()) {
      return List.of();
    }
    TreeMap<YearMonth, List<CategorisedTransaction>> byMonth = new TreeMap<>();
    List<CategorisedTransaction> current = null;
    int currentMonth = -1; // year × 12 + month of current; rows come in time order, so months come in runs
    for (CategorisedTransaction c : rows) {
      LocalDateTime time = c.transaction().time();
      int month = time.getYear() * 12 + time.getMonthValue();
      if (month != currentMonth || current == null) {
        current = byMonth.computeIfAbsent(c.transaction().month(), k -> new ArrayList<>());
        currentMonth = month;
      }
      current.add(c);
    }
    YearMonth first = byMonth.isEmpty() ? null : byMonth.firstKey();
    YearMonth last = byMonth.isEmpty() ? null : byMonth.lastKey();
    for (Period p : periods) {
      YearMonth from = YearMonth.from(p.first());
      YearMonth to = YearMonth.from(p.last());
      first = first == null || from.isBefore(first) ? from : first;
      last = last == null || to.isAfter(last) ? to : last;
    }
    List<MonthlySummary> out = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      YearMonth month = m;
      if (byMonth.containsKey(m) || periods.stream().anyMatch(p -> p.holds(month))) {
        out.add(month(m, byMonth.getOrDefault(m, List.of()), daysCovered(m, periods)));
      } else {
        uncovered.add(m);
      }
    }
    return out;
  }

  /**
   * The month's sums; sums beyond a {@code long} of fen (rows of up to 10^15 yuan each, as a forged or garbled file can
   * hold) are an error naming the month and its largest row, not an {@link ArithmeticException} with a stack trace.
   */
  private static MonthlySummary month(YearMonth month, List<CategorisedTransaction> rows, int daysCovered) {
    try {
      return sums(month, rows, daysCovered);
    } catch (ArithmeticException e) {
      Transaction largest = rows.stream().map(CategorisedTransaction::transaction)
          .max(java.util.Comparator.comparingLong(t -> t.amount().fen())).orElseThrow();
      throw new io.github.fenqi.core.InvalidInputException(largest.location(), "the amounts of " + month + " add up "
          + "beyond " + Money.ofFen(Long.MAX_VALUE) + " yuan, more than any statement holds; the largest is this row's "
          + largest.amount());
    }
  }

  private static MonthlySummary sums(YearMonth month, List<CategorisedTransaction> rows, int daysCovered) {
    TransactionCategory[] categories = TransactionCategory.values();
    long[] fen = new long[categories.length];
    boolean[] present = new boolean[categories.length];
    Map<String, Long> byPlatform = new HashMap<>();
    for (CategorisedTransaction c : rows) {
      long amount = c.transaction().amount().fen();
      int cat = c.category().ordinal();
      fen[cat] = Math.addExact(fen[cat], amount);
      present[cat] = true;
      long fee = c.transaction().fee().fen(); // paid on top of the row: spent, whatever the row is
      if (fee > 0) {
        fen[TransactionCategory.FEE.ordinal()] = Math.addExact(fen[TransactionCategory.FEE.ordinal()], fee);
        present[TransactionCategory.FEE.ordinal()] = true;
      }
      if (c.category() == TransactionCategory.LOAN_REPAYMENT) {
        byPlatform.merge(c.platform().orElse(MonthlySummary.UNNAMED_LENDER), amount, Math::addExact);
      }
    }
    long other = 0;
    long otherSpending = 0;
    Map<TransactionCategory, Money> otherByCategory = new EnumMap<>(TransactionCategory.class);
    for (TransactionCategory cat : categories) {
      if (!present[cat.ordinal()]) {
        continue;
      }
      long sum = fen[cat.ordinal()];
      if (cat.kind() == TransactionCategory.Kind.INCOME && cat != TransactionCategory.SALARY) {
        other = Math.addExact(other, sum);
        otherByCategory.put(cat, Money.ofFen(sum));
      } else if (cat.kind() == TransactionCategory.Kind.SPENDING) {
        otherSpending = Math.addExact(otherSpending, sum);
      }
    }
    long salary = fen[TransactionCategory.SALARY.ordinal()];
    long rent = fen[TransactionCategory.RENT.ordinal()];
    long utilities = fen[TransactionCategory.UTILITIES.ordinal()];
    long food = fen[TransactionCategory.FOOD.ordinal()];
    Map<String, Money> platforms = new HashMap<>();
    byPlatform.forEach((platform, sum) -> platforms.put(platform, Money.ofFen(sum)));
    return new MonthlySummary(month, Money.ofFen(salary), Money.ofFen(other), Money.ofFen(Math.addExact(salary, other)),
        otherByCategory, Money.ofFen(Math.addExact(Math.addExact(rent, utilities), food)), Money.ofFen(rent),
        Money.ofFen(utilities), Money.ofFen(food), Money.ofFen(otherSpending),
        Money.ofFen(fen[TransactionCategory.LOAN_REPAYMENT.ordinal()]), platforms, daysCovered);
  }
}
