package io.github.fenqi.core.statement;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.security.Masking;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Looks for signs that statements were edited: running-balance breaks (walked in file order, oldest row first — when
 * the first and last rows share their time, in the direction that breaks less — or in time order when the rows are out
 * of it and that order breaks less), duplicated serials, rows out of time
 * order, rows dated outside the period the export states, a wallet export's rows that do not add up to the count and sums it states above them ({@link StatedTotals}) or a
 * bank export's to the sums its footer (合计, or 收入合计 and 支出合计) states after them ({@link FooterTotals}),
 * two statements of one account that disagree about days both cover, first digits far from Benford's law, an income
 * spike just before the application, too-round credits.
 * Each sign is a {@link ForensicSignal} naming its rows; the verdict follows the {@link ForensicThresholds}:
 * BLOCK on enough balance breaks (one right after rejected rows, whose amounts are unknown, only asks for review: a
 * malformed row is not a forgery, though it could hide one), any row dated after the day of the examination or a statement of another person
 * than the borrower, REVIEW on any other signal, else PASS.
 *
 * <p>Thread-safety: immutable and thread-safe.
 */
public final class StatementForensics {
  private final ForensicThresholds limits;

  private StatementForensics(ForensicThresholds limits) {
    this.limits = limits;
  }

  /** With {@link ForensicThresholds#DEFAULTS}. */
  public static StatementForensics defaults() {
    return new StatementForensics(ForensicThresholds.DEFAULTS);
  }

  /** With the given thresholds. */
  public static StatementForensics of(ForensicThresholds thresholds) {
    return new StatementForensics(thresholds);
  }

  /**
   * Examines one borrower's statements.
   *
   * @param statements the parsed files (balance, serial, order and digit checks run per file)
   * @param analysis their cleaned analysis (the income spike and round-amount checks read its kept rows)
   */
  public ForensicReport examine(List<ParsedStatement> statements, StatementAnalysis analysis) {
    return examine(statements, analysis, null, null);
  }

  /**
   * Examines one borrower's statements against what is known of the case. Rows dated after {@code today} (the date
   * in China; the engine passes its clock's) are a {@link ForensicSignal.Kind#FUTURE_DATED} signal — an export made by
   * today cannot hold them, so the file was made or edited by hand, or is the wrong file; so are rows dated after the
   * time the export states it was made ({@link ParsedStatement#exportedAt}), with or without {@code today}. A statement whose stated
   * holder is not {@code borrowerName} is a {@link ForensicSignal.Kind#HOLDER_MISMATCH} — another person's income.
   * Both BLOCK.
   *
   * @param today the day of the examination, or null to skip the date check
   * @param borrowerName the borrower's name, or null to skip the holder check; a masked holder ({@code 周*航})
   *     matches a name of the same length whose unmasked characters agree
   */
  public ForensicReport examine(List<ParsedStatement> statements, StatementAnalysis analysis, @Nullable LocalDate today,
      @Nullable String borrowerName) {
    List<ForensicSignal> signals = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int breaks = 0;
    boolean conclusive = false;
    for (ParsedStatement s : statements) {
      conclusive |= today != null && futureDated(s, today, signals);
      conclusive |= afterExport(s, today, signals);
      conclusive |= borrowerName != null && holderMismatch(s, borrowerName, signals);
      breaks += balanceBreaks(s, signals, notes);
      duplicates(s, signals);
      order(s, signals);
      outsidePeriod(s, signals);
      statedTotals(s, signals, notes);
      footerTotals(s, signals, notes);
      benford(s, signals, notes);
    }
    for (int i = 0; i < statements.size(); i++) {
      for (int j = i + 1; j < statements.size(); j++) {
        disagreements(statements.get(i), statements.get(j), signals);
      }
    }
    incomeSpike(analysis, signals, notes);
    roundCredits(analysis, signals);
    ForensicVerdict verdict = conclusive || breaks >= limits.balanceBreaksToBlock() ? ForensicVerdict.BLOCK
        : signals.isEmpty() ? ForensicVerdict.PASS : ForensicVerdict.REVIEW;
    return new ForensicReport(verdict, signals, notes);
  }

  private static boolean holderMismatch(ParsedStatement s, String borrowerName, List<ForensicSignal> signals) {
    String holder = s.holder().map(String::strip).orElse("");
    String name = borrowerName.strip();
    if (PersonNames.key(holder).isEmpty() || sameName(holder, name)) {
      return false;
    }
    Masking mask = Masking.defaults(); // the detail reaches logs, the audit log and API answers: names masked
    signals.add(new ForensicSignal(ForensicSignal.Kind.HOLDER_MISMATCH, List.of(s.source()), 1.0,
        s.source() + " is the statement of " + mask.name(holder) + ", not of the borrower " + mask.name(name)
            + "; give only the borrower's own statements"));
    return true;
  }

  /**
   * Equal, or {@code masked} is {@code name} with some characters replaced by '*', both compared in the form of
   * {@link PersonNames#key}: spaces of any width and a name's middle dot are no part of it, so {@code 周 子航} typed by
   * the caller is the 周子航 an export states (it had been a HOLDER_MISMATCH that blocked the borrower's own statement).
   */
  static boolean sameName(String masked, String name) {
    String m = PersonNames.key(masked);
    String n = PersonNames.key(name);
    if (m.equals(n)) {
      return true;
    }
    int[] a = m.codePoints().toArray();
    int[] b = n.codePoints().toArray();
    if (a.length != b.length || m.indexOf('*') < 0) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] != '*' && a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean futureDated(ParsedStatement s, LocalDate today, List<ForensicSignal> signals) {
    List<String> rows = new ArrayList<>();
    Transaction earliest = null;
    for (Transaction t : s.transactions()) {
      if (t.time().toLocalDate().isAfter(today)) {
        rows.add(t.location());
        earliest = earliest == null || t.time().isBefore(earliest.time()) ? t : earliest;
      }
    }
    if (earliest == null) {
      return false;
    }
    signals.add(new ForensicSignal(ForensicSignal.Kind.FUTURE_DATED, rows, 1.0, String.format(Locale.ROOT,
        "%d row(s) dated after today (%s), the earliest %s at %s", rows.size(), today, earliest.time().toLocalDate(),
        earliest.location())));
    return true;
  }

  /**
   * Rows dated after the time the export states it was made ({@link ParsedStatement#exportedAt}) — and not after
   * {@code today}, which {@link #futureDated} names — as a {@link ForensicSignal.Kind#FUTURE_DATED} signal: the export
   * cannot hold them, so they were added or their dates edited. They had been caught only when the caller gave a day,
   * so a row of 2099 passed {@link #examine(List, StatementAnalysis)}.
   */
  private static boolean afterExport(ParsedStatement s, @Nullable LocalDate today, List<ForensicSignal> signals) {
    java.time.LocalDateTime exported = s.exportedAt();
    if (exported == null) {
      return false;
    }
    List<String> rows = new ArrayList<>();
    Transaction earliest = null;
    for (Transaction t : s.transactions()) {
      if (t.time().isAfter(exported) && (today == null || !t.time().toLocalDate().isAfter(today))) {
        rows.add(t.location());
        earliest = earliest == null || t.time().isBefore(earliest.time()) ? t : earliest;
      }
    }
    if (earliest == null) {
      return false;
    }
    signals.add(new ForensicSignal(ForensicSignal.Kind.FUTURE_DATED, rows, 1.0, String.format(Locale.ROOT,
        "%d row(s) dated after the export time %s that %s states, the earliest %s at %s", rows.size(), exported,
        s.source(), earliest.time().toLocalDate(), earliest.location())));
    return true;
  }

  private int balanceBreaks(ParsedStatement s, List<ForensicSignal> signals, List<String> notes) {
    List<Transaction> rows = new ArrayList<>(s.transactions());
    if (rows.stream().noneMatch(t -> t.balance() != null)) {
      if (rows.isEmpty()) { // every row rejected: there is nothing to walk, not a missing column
        notes.add(s.source() + ": no rows read, running-balance check skipped");
      } else if (s.format() == StatementFormat.BANK) {
        notes.add(s.source() + ": no balance column, running-balance check skipped");
      }
      return 0;
    }
    if (rows.size() > 1 && rows.get(0).time().isAfter(rows.get(rows.size() - 1).time())) {
      java.util.Collections.reverse(rows); // newest-first export: walk it oldest-first
    }
    List<String> at = new ArrayList<>();
    int afterRejected = walk(rows, true, at);
    if (!at.isEmpty() && rows.get(0).time().equals(rows.get(rows.size() - 1).time())) {
      // The first and last rows share their time (one day's statement, or one date without times): the times do not
      // tell a newest-first export, and a true one had its balances break at every row and was blocked as forged.
      // The order in which they hold is the statement's; a forged amount breaks both.
      List<Transaction> reversed = new ArrayList<>(rows);
      java.util.Collections.reverse(reversed);
      List<String> atReversed = new ArrayList<>();
      int afterRejectedReversed = walk(reversed, true, atReversed);
      if (atReversed.size() - afterRejectedReversed < at.size() - afterRejected) {
        rows = reversed;
        at = atReversed;
        afterRejected = afterRejectedReversed;
      }
    }
    if (!at.isEmpty()) {
      // Rows out of time order (a file sorted by amount in a spreadsheet and saved) had their balances break at
      // nearly every row and a true statement blocked as forged; a bank that lists rows by posting shows them out of
      // time order too, and balances in file order. The order with fewer breaks is the statement's; a forged amount
      // breaks both. In time order it is unknown which rejected rows lie between two rows: every break counts.
      List<Transaction> byTime = new ArrayList<>(rows);
      byTime.sort(java.util.Comparator.comparing(Transaction::time)); // stable: file order among equal times
      List<String> atByTime = new ArrayList<>();
      walk(byTime, false, atByTime);
      if (atByTime.size() < at.size() - afterRejected) {
        at = atByTime;
        afterRejected = 0;
      }
    }
    int breaks = at.size() - afterRejected;
    if (!at.isEmpty()) {
      signals.add(new ForensicSignal(ForensicSignal.Kind.BALANCE_BREAK, at,
          Math.min(1, breaks / (double) limits.balanceBreaksToBlock()),
          at.size() + " row(s) where previous balance ± amount ≠ stated balance in " + s.source()
              + (afterRejected == 0 ? "" : "; " + afterRejected + " of them right after rejected rows, whose amounts are "
                  + "unknown: those count towards review, not a block — correct the rejected rows and examine again")));
    }
    return breaks;
  }

  /**
   * Walks the running balance along {@code rows}, adding each row where previous balance ± amount ≠ stated balance to
   * {@code at}; answers how many of them follow a gap in the data-row numbers (rejected rows, whose amounts are unknown,
   * lie between), counted only when {@code gaps} (the rows are in file order).
   */
  private static int walk(List<Transaction> rows, boolean gaps, List<String> at) {
    int afterRejected = 0;
    for (int i = 1; i < rows.size(); i++) {
      Transaction prev = rows.get(i - 1);
      Transaction t = rows.get(i);
      if (prev.balance() == null || t.balance() == null) {
        continue;
      }
      Money expected = t.direction() == Direction.CREDIT ? prev.balance().plus(t.amount())
          : t.direction() == Direction.DEBIT ? prev.balance().minus(t.amount()) : prev.balance();
      if (!expected.equals(t.balance())) {
        at.add(t.location());
        // rejected rows use up data-row numbers: a gap means rows whose amounts are unknown lie between
        afterRejected += gaps && Math.abs(t.dataRow() - prev.dataRow()) > 1 ? 1 : 0;
      }
    }
    return afterRejected;
  }

  /** How many rows of one direction a statement holds, and their sum. */
  private record RowSum(int count, Money sum) {
    RowSum plus(Money amount) {
      return new RowSum(count + 1, sum.plus(amount));
    }
  }

  /**
   * Each direction's rows of {@code s}, counted and summed: what the totals an export states above its rows
   * ({@link StatedTotals}) or after them ({@link FooterTotals}) are compared with.
   */
  private static Map<Direction, RowSum> rowSums(ParsedStatement s) {
    Map<Direction, RowSum> sums = new EnumMap<>(Direction.class);
    for (Direction d : Direction.values()) {
      sums.put(d, new RowSum(0, Money.ZERO));
    }
    for (Transaction t : s.transactions()) {
      sums.computeIfPresent(t.direction(), (d, held) -> held.plus(t.amount()));
    }
    return sums;
  }

  /**
   * Compares the rows with the totals the export states: the number of rows read (rejected ones too), and, when none
   * was rejected, each direction's count and sum (an older Alipay export's 已收入 and 已支出: those of the rows of that
   * 资金状态, {@link #fundStatusTallies}). The lines stating a total the rows disagree with are named.
   */
  private static void statedTotals(ParsedStatement s, List<ForensicSignal> signals, List<String> notes) {
    StatedTotals stated = s.statedTotals();
    if (stated == null) {
      if (s.format() != StatementFormat.BANK) {
        notes.add(s.source() + ": states no totals above its rows (共…笔记录, 收入, 支出): totals check skipped");
      }
      return;
    }
    List<String> lines = new ArrayList<>();
    List<String> said = new ArrayList<>();
    if (stated.rows() != s.rowsRead()) {
      lines.add(s.source() + ":" + stated.line());
      said.add(String.format(Locale.ROOT, "%s:%d states %d rows, %d were read", s.source(), stated.line(),
          stated.rows(), s.rowsRead()));
    }
    if (!s.rejected().isEmpty()) {
      notes.add(s.source() + ": " + s.rejected().size() + " row(s) rejected, whose amounts are unknown: the stated "
          + "sums (收入, 支出) were not compared with the rows");
    } else if (stated.byFundStatus()) {
      fundStatusTallies(s, stated, lines, said, notes);
    } else {
      Map<Direction, RowSum> held = rowSums(s);
      for (Direction d : Direction.values()) {
        StatedTotals.Tally tally = stated.of(d);
        RowSum rows = held.get(d);
        if (tally != null && (rows.count() != tally.rows() || !rows.sum().equals(tally.amount()))) {
          lines.add(s.source() + ":" + tally.line());
          said.add(String.format(Locale.ROOT, "%s:%d states %s %d rows of %s, the rows hold %d of %s", s.source(),
              tally.line(), tally.label(), tally.rows(), tally.amount(), rows.count(), rows.sum()));
        }
      }
    }
    if (!said.isEmpty()) {
      signals.add(new ForensicSignal(ForensicSignal.Kind.STATED_TOTALS_MISMATCH, lines, 0.8, String.join("; ", said)
          + ": a row was edited, added or removed after the export"));
    }
  }

  /**
   * Compares an older Alipay export's 已收入 and 已支出 ({@link StatedTotals#byFundStatus}) with the rows whose 资金状态
   * is their label, into {@code lines} and {@code said} as {@link #statedTotals} does: compared by 收/支, a closed
   * trade (支出, no 资金状态) had flagged every genuine export holding one, so only the count was compared and an
   * edited amount passed. Rows of another 资金状态 (资金转移, 冻结, 解冻, 待支出, none) are in neither sum. A tally
   * holding a row that states a 服务费 or a 成功退款 has its count compared but not its sum: no export seen shows
   * whether Alipay sums such a row as paid, net of its refund or with its fee, and a false mismatch on a genuine export
   * is worse than a missed edit; {@code notes} says so.
   */
  private static void fundStatusTallies(ParsedStatement s, StatedTotals stated, List<String> lines, List<String> said,
      List<String> notes) {
    for (StatedTotals.Tally tally : new StatedTotals.Tally[] {stated.credit(), stated.debit()}) {
      RowSum rows = new RowSum(0, Money.ZERO);
      boolean netted = false;
      for (Transaction t : s.transactions()) {
        if (t.fundStatus().equals(tally.label())) {
          rows = rows.plus(t.amount());
          netted |= !t.fee().isZero() || !t.refunded().isZero();
        }
      }
      if (netted) {
        notes.add(s.source() + ":" + tally.line() + ": a row of 资金状态 " + tally.label() + " states a 服务费 or a 成功退款, "
            + "which the export's sum may or may not hold: only its count was compared with the rows");
      }
      if (rows.count() != tally.rows() || !netted && !rows.sum().equals(tally.amount())) {
        lines.add(s.source() + ":" + tally.line());
        said.add(netted
            ? String.format(Locale.ROOT, "%s:%d states %s %d rows, the rows whose 资金状态 is %s are %d", s.source(),
                tally.line(), tally.label(), tally.rows(), tally.label(), rows.count())
            : String.format(Locale.ROOT, "%s:%d states %s %d rows of %s, the rows whose 资金状态 is %s hold %d of %s",
                s.source(), tally.line(), tally.label(), tally.rows(), tally.amount(), tally.label(), rows.count(),
                rows.sum()));
      }
    }
  }

  /**
   * Compares the rows with the sums a bank export's footer after them states ({@link FooterTotals}: a 合计 line, or
   * 收入合计 and 支出合计 lines), when none was rejected: the credits with the credit sum, the debits with the debit
   * sum, naming the line stating each sum they disagree with; and each page's rows with the sums its 本页合计 line
   * states ({@link PageTotals}). A row edited with every balance after it, added or removed breaks no running balance;
   * unless the footer was edited too, it disagrees with it.
   */
  private static void footerTotals(ParsedStatement s, List<ForensicSignal> signals, List<String> notes) {
    FooterTotals stated = s.footerTotals();
    if (stated == null && s.pageTotals().isEmpty()) {
      return;
    }
    if (!s.rejected().isEmpty()) {
      int line = stated != null ? stated.line() : s.pageTotals().get(0).line();
      boolean more = stated != null ? !s.pageTotals().isEmpty() : s.pageTotals().size() > 1;
      notes.add(s.source() + ": " + s.rejected().size() + " row(s) rejected, whose amounts are unknown: the sums the "
          + "totals line " + s.source() + ":" + line + (more ? " and the other totals lines state" : " states")
          + " were not compared with the rows");
      return;
    }
    Map<String, List<String>> said = new java.util.LinkedHashMap<>(); // by the line stating the sum
    for (PageTotals page : s.pageTotals()) {
      pageTotals(s, page, said);
    }
    if (stated != null) {
      footerTotals(s, stated, said);
    }
    if (!said.isEmpty()) {
      List<String> each = new ArrayList<>();
      said.forEach((at, sums) -> each.add(at + " states " + String.join(" and ", sums)));
      signals.add(new ForensicSignal(ForensicSignal.Kind.STATED_TOTALS_MISMATCH, List.copyOf(said.keySet()), 0.8,
          String.join("; ", each) + ": a row was edited, added or removed after the export"));
    }
  }

  /** What a page's rows disagree with in the sums its totals line states, into {@code said} by that line. */
  private static void pageTotals(ParsedStatement s, PageTotals page, Map<String, List<String>> said) {
    Money credits = Money.ZERO;
    Money debits = Money.ZERO;
    for (Transaction t : s.transactions()) {
      if (t.fileLine() >= page.firstLine() && t.fileLine() < page.line()) {
        credits = t.direction() == Direction.CREDIT ? credits.plus(t.amount()) : credits;
        debits = t.direction() == Direction.DEBIT ? debits.plus(t.amount()) : debits;
      }
    }
    String rows = ", the rows of its page (lines " + page.firstLine() + " to " + (page.line() - 1) + ") sum to ";
    if (page.credit() != null && !page.credit().equals(credits)) {
      said.computeIfAbsent(s.source() + ":" + page.line(), k -> new ArrayList<>())
          .add("money in of " + page.credit() + rows + credits);
    }
    if (page.debit() != null && !page.debit().equals(debits)) {
      said.computeIfAbsent(s.source() + ":" + page.line(), k -> new ArrayList<>())
          .add("money out of " + page.debit() + rows + debits);
    }
  }

  /** What all rows disagree with in the sums the footer states, into {@code said} by the line stating each. */
  private static void footerTotals(ParsedStatement s, FooterTotals stated, Map<String, List<String>> said) {
    Map<Direction, RowSum> held = rowSums(s);
    Money credits = held.get(Direction.CREDIT).sum();
    Money debits = held.get(Direction.DEBIT).sum();
    if (stated.credit() != null && !stated.credit().equals(credits)) {
      said.computeIfAbsent(s.source() + ":" + stated.creditLine(), k -> new ArrayList<>())
          .add("money in of " + stated.credit() + ", the rows' credits sum to " + credits);
    }
    if (stated.debit() != null && !stated.debit().equals(debits)) {
      said.computeIfAbsent(s.source() + ":" + stated.debitLine(), k -> new ArrayList<>())
          .add("money out of " + stated.debit() + ", the rows' debits sum to " + debits);
    }
  }

  /**
   * Two statements with balances that share a row to the balance (time, direction, amount, counterparty,
   * description, balance) are of one account; every row either holds dated strictly between the first and the last
   * day both cover must be in the other. The boundary days are left out: an export made during its last day lacks that
   * day's later rows. A row of one missing from the other (an amount edited and the balances after it, which breaks
   * nothing within its file) had both versions counted as income, unseen. When either states every time at a whole
   * minute (a statement saved again by a spreadsheet: 2026/5/1 20:15), rows are compared to the minute: its copy had
   * been told to disagree with the statement as downloaded in every row not at a whole minute.
   */
  private static void disagreements(ParsedStatement a, ParsedStatement b, List<ForensicSignal> signals) {
    boolean toTheMinute = toTheMinute(a) || toTheMinute(b);
    Map<String, Integer> inA = rowKeys(a, toTheMinute);
    Map<String, Integer> inB = rowKeys(b, toTheMinute);
    if (inA.isEmpty() || inB.isEmpty() || inA.keySet().stream().noneMatch(inB::containsKey)) {
      return; // not the same account, or no balances to tell
    }
    LocalDate from = max(first(a), first(b));
    LocalDate to = min(last(a), last(b));
    List<String> rows = new ArrayList<>();
    rows.addAll(unmatched(a, inB, from, to, toTheMinute));
    rows.addAll(unmatched(b, inA, from, to, toTheMinute));
    if (!rows.isEmpty()) {
      signals.add(new ForensicSignal(ForensicSignal.Kind.STATEMENTS_DISAGREE, rows, 0.8, a.source() + " and "
          + b.source() + " share rows to the balance, so they are of one account, but " + rows.size() + " row(s) "
          + "between " + from + " and " + to + ", which both cover, are in only one of them: one was edited"));
    }
  }

  /** Whether every row of {@code s} is at a whole minute: its times are stated to the minute. */
  private static boolean toTheMinute(ParsedStatement s) {
    return s.transactions().stream().allMatch(t -> t.time().getSecond() == 0 && t.time().getNano() == 0);
  }

  private static @Nullable String rowKey(Transaction t, boolean toTheMinute) {
    return t.balance() == null ? null : String.join("|",
        (toTheMinute ? t.time().truncatedTo(java.time.temporal.ChronoUnit.MINUTES) : t.time()).toString(),
        t.direction().name(), t.amount().toString(), t.counterparty(), t.description(), t.balance().toString());
  }

  private static Map<String, Integer> rowKeys(ParsedStatement s, boolean toTheMinute) {
    Map<String, Integer> keys = new HashMap<>();
    for (Transaction t : s.transactions()) {
      String key = rowKey(t, toTheMinute);
      if (key != null) {
        keys.merge(key, 1, Integer::sum);
      }
    }
    return keys;
  }

  /** The rows of {@code s} dated strictly between {@code from} and {@code to} that {@code other} lacks. */
  private static List<String> unmatched(ParsedStatement s, Map<String, Integer> other, LocalDate from, LocalDate to,
      boolean toTheMinute) {
    Map<String, Integer> left = new HashMap<>(other);
    List<String> rows = new ArrayList<>();
    for (Transaction t : s.transactions()) {
      LocalDate day = t.time().toLocalDate();
      if (!day.isAfter(from) || !day.isBefore(to)) {
        continue;
      }
      String key = rowKey(t, toTheMinute);
      if (key == null || left.merge(key, -1, Integer::sum) < 0) {
        rows.add(t.location());
      }
    }
    return rows;
  }

  private static LocalDate first(ParsedStatement s) {
    return s.transactions().stream().map(t -> t.time().toLocalDate()).min(LocalDate::compareTo).orElseThrow();
  }

  private static LocalDate last(ParsedStatement s) {
    return s.transactions().stream().map(t -> t.time().toLocalDate()).max(LocalDate::compareTo).orElseThrow();
  }

  private static LocalDate max(LocalDate x, LocalDate y) {
    return x.isAfter(y) ? x : y;
  }

  private static LocalDate min(LocalDate x, LocalDate y) {
    return x.isBefore(y) ? x : y;
  }

  private static void duplicates(ParsedStatement s, List<ForensicSignal> signals) {
    Map<String, String> seen = new HashMap<>();
    List<String> dup = new ArrayList<>();
    for (Transaction t : s.transactions()) {
      String key = !t.serial().isEmpty() ? t.serial()
          : String.join("|", t.time().toString(), t.direction().name(), t.amount().toString(), t.counterparty(), t.description(),
              String.valueOf(t.balance()));
      if (seen.putIfAbsent(key, t.location()) != null) {
        dup.add(t.location());
      }
    }
    if (!dup.isEmpty()) {
      signals.add(new ForensicSignal(ForensicSignal.Kind.DUPLICATE_SERIAL, dup, 0.5,
          dup.size() + " row(s) repeating an earlier serial or an identical row in " + s.source()));
    }
  }

  private static void order(ParsedStatement s, List<ForensicSignal> signals) {
    List<Transaction> rows = s.transactions();
    if (rows.size() < 3) {
      return;
    }
    boolean descending = rows.get(0).time().isAfter(rows.get(rows.size() - 1).time());
    List<String> out = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      boolean inverted = descending ? rows.get(i).time().isAfter(rows.get(i - 1).time())
          : rows.get(i).time().isBefore(rows.get(i - 1).time());
      if (inverted) {
        out.add(rows.get(i).location());
      }
    }
    if (!out.isEmpty()) {
      signals.add(new ForensicSignal(ForensicSignal.Kind.NON_CHRONOLOGICAL, out, Math.min(1, out.size() / 5.0),
          out.size() + " row(s) out of the file's " + (descending ? "newest-first" : "oldest-first") + " order in " + s.source()));
    }
  }

  /**
   * Rows dated outside the period the export states ({@link ParsedStatement#statedFrom()}: Alipay's and WeChat's
   * 起始时间..终止时间, a bank's 起止日期): the export holds only that period's rows, so each was added or its date
   * edited after it. A wallet has no running balance to break and a moved date changes none of its stated totals, and a
   * bank row added after the last day with its balance carried on breaks nothing: a salary moved into another month,
   * or one added after the export, had passed.
   */
  private static void outsidePeriod(ParsedStatement s, List<ForensicSignal> signals) {
    LocalDate from = s.statedFrom();
    LocalDate to = s.statedTo();
    if (from == null || to == null) {
      return;
    }
    List<String> rows = new ArrayList<>();
    Transaction first = null;
    for (Transaction t : s.transactions()) {
      LocalDate day = t.time().toLocalDate();
      if (day.isBefore(from) || day.isAfter(to)) {
        rows.add(t.location());
        first = first == null ? t : first;
      }
    }
    if (first != null) {
      signals.add(new ForensicSignal(ForensicSignal.Kind.OUTSIDE_STATED_PERIOD, rows, 0.8, String.format(Locale.ROOT,
          "%d row(s) of %s dated outside the period %s to %s it states, the first %s at %s: the export holds only that "
              + "period's rows, so each was added or its date edited after it", rows.size(), s.source(), from, to,
          first.time().toLocalDate(), first.location())));
    }
  }

  private void benford(ParsedStatement s, List<ForensicSignal> signals, List<String> notes) {
    long[] counts = new long[10];
    int n = 0;
    for (Transaction t : s.transactions()) {
      if (t.amount().fen() >= 10_00) {
        counts[Long.toString(t.amount().fen() / 100).charAt(0) - '0']++;
        n++;
      }
    }
    if (n < limits.benfordMinSample()) {
      notes.add(s.source() + ": " + n + " amounts of 10 yuan or more, fewer than " + limits.benfordMinSample()
          + ": Benford test skipped");
      return;
    }
    double chi = 0;
    for (int d = 1; d <= 9; d++) {
      double expected = n * Math.log10(1 + 1.0 / d); // Benford's first-digit law
      chi += (counts[d] - expected) * (counts[d] - expected) / expected;
    }
    if (chi > limits.benfordChiSquare()) {
      signals.add(new ForensicSignal(ForensicSignal.Kind.BENFORD_DEVIATION, List.of(s.source()),
          Math.min(1, chi / (4 * limits.benfordChiSquare())), String.format(Locale.ROOT,
              "first digits of %d amounts: χ² = %.1f > %.2f; counts 1–9 %s", n, chi, limits.benfordChiSquare(),
              Arrays.toString(Arrays.copyOfRange(counts, 1, 10)))));
    }
  }

  private void incomeSpike(StatementAnalysis a, List<ForensicSignal> signals, List<String> notes) {
    List<MonthlySummary> months = a.months();
    if (months.size() < 4) {
      notes.add(months.size() + " month(s) of statements: income-spike check needs at least 4");
      return;
    }
    MonthlySummary last = months.get(months.size() - 1);
    long[] earlier = months.subList(0, months.size() - 1).stream().mapToLong(m -> m.income().fen()).sorted().toArray();
    long median = earlier.length % 2 == 1 ? earlier[earlier.length / 2] : (earlier[earlier.length / 2 - 1] + earlier[earlier.length / 2]) / 2;
    if (median > 0 && last.income().fen() > limits.spikeRatio() * median) {
      List<String> rows = a.transactions().stream()
          .filter(c -> c.category().kind() == TransactionCategory.Kind.INCOME && c.transaction().month().equals(last.month()))
          .map(c -> c.transaction().location()).toList();
      signals.add(new ForensicSignal(ForensicSignal.Kind.INCOME_SPIKE, rows, Math.min(1, (last.income().fen() / (double) median - 1) / 2),
          String.format(Locale.ROOT, "income in %s is %s, %.2f × the median %s of the months before", last.month(), last.income(),
              last.income().fen() / (double) median, Money.ofFen(median))));
    }
  }

  private void roundCredits(StatementAnalysis a, List<ForensicSignal> signals) {
    List<String> large = new ArrayList<>();
    List<String> round = new ArrayList<>();
    for (CategorisedTransaction c : a.transactions()) {
      Transaction t = c.transaction();
      if (t.direction() == Direction.CREDIT && t.amount().fen() >= 1000_00) {
        large.add(t.location());
        if (t.amount().fen() % 1000_00 == 0) {
          round.add(t.location());
        }
      }
    }
    if (large.size() >= limits.roundMinCount() && round.size() > limits.roundShare() * large.size()) {
      signals.add(new ForensicSignal(ForensicSignal.Kind.ROUND_AMOUNTS, round, 0.3,
          round.size() + " of " + large.size() + " credits of 1000 yuan or more are multiples of 1000"));
    }
  }
}
