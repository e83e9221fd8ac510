package io.github.fenqi.core.statement.internal;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.statement.BankColumnMapping;
import io.github.fenqi.core.statement.Direction;
import io.github.fenqi.core.statement.FooterTotals;
import io.github.fenqi.core.statement.StatementFormat;
import io.github.fenqi.core.statement.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A bank CSV whose columns a {@link BankColumnMapping} names. A row carries its amount in exactly one of the
 * credit and debit columns, or, when the mapping names one column as both, in that column with its sign (a minus
 * is money out); the balance, when mapped, is kept for the forensic balance-continuity check. With two columns, a
 * minus in the debit column is the bank signing its money out (still a debit of the amount); a minus in the credit
 * column says neither way for sure, and the row is refused saying what to do.
 *
 * <p>Thread-safety: immutable; one instance may parse many files at once.
 */
public final class BankCsvParser extends CsvStatementParser {
  private final BankColumnMapping m;

  public BankCsvParser(BankColumnMapping mapping) {
    this.m = mapping;
  }

  @Override
  public StatementFormat format() {
    return StatementFormat.BANK;
  }

  @Override
  protected boolean isHeader(List<String> fields) {
    return hasAll(fields, m.date(), m.description(), m.credit(), m.debit());
  }

  /** How a bank's preamble labels the account holder: 户名：周子航, 账户名称: 周子航, 客户姓名,周子航. */
  private static final List<String> HOLDER_LABELS = List.of("户名", "账户户名", "账户名称", "账户名", "客户名称", "客户姓名",
      "姓名", "持卡人");

  /**
   * Where a holder's name written on a preamble line ends: at two spaces or a tab, or at a space before another field
   * of the line — a label (卡号, 账号, …) or a token holding a colon or a digit (卡号：6222…). A single space between
   * words is part of the name (户名：ZHOU ZIHANG, 户名：买买提 艾力): the name had been cut at its first space, so the
   * holder read was ZHOU and the borrower's own statement was blocked as another person's.
   */
  private static final java.util.regex.Pattern NAME_END = java.util.regex.Pattern.compile(
      "\\s{2,}|\\t|\\s(?=\\S*[:：\\d]|卡号|账号|帐号|账户|帐户|开户|币种|币别|起止|查询|证件|客户号|户名)");

  /**
   * The holder the preamble names (户名：周子航 or 户名,周子航, the name ending where another field of its line begins:
   * {@link #NAME_END}), or null. A bank's export says whose account it is before its header; it had been ignored, so
   * a transfer from the holder's card at one bank to their card at another (对方户名 周子航 on both sides) was counted
   * as 2000.00 spent and 2000.00 received unless the caller named the holder.
   */
  @Override
  protected @Nullable String holder(List<String> preamble) {
    for (String line : preamble) {
      String[] fields = line.split(",", -1);
      for (int i = 0; i < fields.length; i++) {
        String f = fields[i].strip();
        for (String label : HOLDER_LABELS) {
          if (!f.startsWith(label)) {
            continue;
          }
          String rest = f.substring(label.length()).strip();
          String name = rest.startsWith(":") || rest.startsWith("：") ? rest.substring(1).strip()
              : rest.isEmpty() && i + 1 < fields.length ? fields[i + 1].strip() : "";
          name = NAME_END.split(name, 2)[0].replace("[", "").replace("]", "").strip();
          if (!name.isEmpty()) {
            return name;
          }
        }
      }
    }
    return null;
  }

  /** How a bank's preamble labels the period it covers on one line: 起止日期：2026-05-01 至 2026-10-31. */
  private static final List<String> PERIOD_LABELS = List.of("起止日期", "起止时间", "查询期间", "查询区间", "交易日期范围",
      "交易期间", "查询起止日期");
  /** A day as the preamble writes it: 2026-05-01, 2026/5/1, 2026.05.01, 2026年5月1日 or 20260501. */
  private static final String DAY = "\\d{4}(?:[-/.]\\d{1,2}[-/.]\\d{1,2}|年\\d{1,2}月\\d{1,2}日?|\\d{4})";
  /** The label's value: a day, 至 (or 到, -, ~, ～, —, －), a day; what follows it on the line is not read. */
  private static final Pattern LEAD = Pattern.compile("^[\\s:：,\"\\[]+");
  private static final Pattern PERIOD = Pattern.compile("(" + DAY + ")\\s*(?:至|到|-|~|～|—|－)\\s*("
      + DAY + ")");

  /**
   * The period the preamble states on one labelled line (起止日期：2026-05-01 至 2026-10-31, 查询期间 2026/05/01-2026/10/31,
   * 交易日期范围,20260501-20261031), else Alipay's and WeChat's 起始日期/终止日期 pair if a bank writes those. Without it
   * a bank statement covered the days from its first row to its last, so a month whose first row is of the 3rd was
   * left out as covered in part though the export states it from the 1st. A labelled line whose value is no period
   * (no two days, a day not of the calendar, the first after the last) refuses the file naming the line: the period
   * decides which months count, and a guess at it would count or leave out a month without a word.
   */
  @Override
  protected @Nullable Period statedPeriod(String source, List<String> preamble) {
    for (int i = 0; i < preamble.size(); i++) {
      String line = preamble.get(i);
      for (String label : PERIOD_LABELS) {
        int at = line.indexOf(label);
        if (at < 0) {
          continue;
        }
        String value = LEAD.matcher(line.substring(at + label.length())).replaceFirst("");
        if (value.isEmpty() || !Character.isDigit(value.charAt(0))) {
          continue; // prose naming the label (温馨提示：交易日期范围最长一年) states no period
        }
        Matcher v = PERIOD.matcher(value);
        String why;
        if (!v.lookingAt()) {
          why = "is not a period of two days (2026-05-01 至 2026-10-31)";
        } else {
          try {
            LocalDate from = dateTime(label, v.group(1)).toLocalDate();
            LocalDate to = dateTime(label, v.group(2)).toLocalDate();
            if (!from.isAfter(to)) {
              return new Period(from, to);
            }
            why = "is not a period: its first day is after its last";
          } catch (IllegalArgumentException e) {
            why = "is not a period: " + e.getMessage();
          }
        }
        String shown = value.replaceFirst("[\\s,\"\\]]+$", "");
        throw new InvalidInputException(source + ":" + (i + 1), label + " " + quoted(shown) + " " + why
            + "; the period the export covers decides which months count, so the file is not read with it unclear: "
            + "correct the line, or remove it to have the statement cover the days of its first and last rows");
      }
    }
    return super.statedPeriod(source, preamble);
  }

  @Override
  protected String expectedHeader() {
    return "with the columns " + List.of(m.date(), m.description(), m.credit(), m.debit());
  }

  /**
   * Names of a single amount column that some banks export instead of a credit and a debit column (招商银行's signed
   * 交易金额), and of a column holding the date with the time.
   */
  private static final List<String> ONE_AMOUNT = List.of("交易金额", "金额", "发生额", "交易金额(元)", "金额(元)");
  private static final List<String> DATE_TIME = List.of("交易时间", "记账时间", "交易日期时间");

  /**
   * How a line that holds some of the mapped columns falls short of the header, and how to map what it holds: a
   * signed export (one 交易金额, a date-time 交易时间) had been refused only with "no header line with the columns
   * [交易日期, 摘要, 收入金额, 支出金额]", which did not say that it can be read, or how.
   */
  @Override
  protected @Nullable String nearHeader(List<String> fields) {
    Columns c = new Columns(fields);
    List<String> has = new ArrayList<>();
    List<String> lacks = new ArrayList<>();
    for (String name : new String[] {m.date(), m.description(), m.credit(), m.debit()}) {
      (c.find(name) != null ? has : lacks).add(name);
    }
    String amount = lacks.contains(m.credit()) || lacks.contains(m.debit()) ? c.find(ONE_AMOUNT.toArray(String[]::new)) : null;
    String dateTime = lacks.contains(m.date()) ? c.find(DATE_TIME.toArray(String[]::new)) : null;
    if (has.isEmpty() && amount == null && dateTime == null || lacks.isEmpty()) {
      return null;
    }
    StringBuilder why = new StringBuilder("comes closest: it has " + has + " and lacks " + lacks);
    if (amount != null) {
      why.append("; its one amount column '").append(amount).append("', if it is signed (-123.45 for money out), is read "
          + "with a column mapping naming it as both credit and debit (if the direction is in a column of its own, "
          + "the file cannot be read as a bank statement)");
    }
    if (dateTime != null) {
      why.append("; its '").append(dateTime).append("', if it holds the date (with the time: 2026-05-01 20:15:03), is "
          + "read with a column mapping naming it as the date and the time as null");
    }
    return why.toString();
  }

  @Override
  protected void checkColumns(Columns columns) {
    List<String> missing = new ArrayList<>();
    for (String optional : new String[] {m.time(), m.balance(), m.counterpartyName(), m.counterpartyAccount(), m.channel()}) {
      if (optional != null && columns.find(optional) == null) {
        missing.add(optional);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the header lacks the mapped columns " + missing
          + " (set them to null in the column mapping if this bank does not export them)");
    }
  }

  /** Names of the column some banks export the row's currency in (a multi-currency account's rows in one file). */
  private static final String[] CURRENCY = {"币种", "币别", "货币", "交易币种", "货币种类", "币种名称"};
  /** How that column writes the yuan: any other value is another currency. */
  private static final java.util.Set<String> YUAN = java.util.Set.of("人民币", "人民币元", "CNY", "RMB", "156", "本币");

  /**
   * Whether {@code money}, a field holding Han text, names a currency: it ends in its unit (美元, 港币, 英镑, 瑞士法郎,
   * 卢布, 泰铢), in a unit that is a word of its own (瑞典克朗, 印度卢比, 菲律宾比索, 南非兰特, 林吉特, 越南盾, 土耳其
   * 里拉, 巴西雷亚尔, 沙特里亚尔, 阿联酋迪拉姆), or is 美金 or 日圆 whole: these had been described as text that may be
   * a person's name. 金 and 圆 end names too (李美金), so only those two words are taken with them.
   */
  private static boolean namesCurrency(String money) {
    return "元币镑郎布铢".indexOf(money.charAt(money.length() - 1)) >= 0 || CURRENCY_WORDS.contains(money)
        || CURRENCY_UNITS.stream().anyMatch(money::endsWith);
  }

  /** Currencies, whole, whose names end in no unit: the colloquial 美金 and the older 日圆. */
  private static final java.util.Set<String> CURRENCY_WORDS = java.util.Set.of("美金", "日圆");

  /** Units of two characters or more that end a currency's name. */
  private static final List<String> CURRENCY_UNITS = List.of("克朗", "卢比", "比索", "兰特", "林吉特", "越南盾", "里拉",
      "雷亚尔", "里亚尔", "迪拉姆");

  /**
   * Reads the rows; one in another currency than the yuan (币种 美元) is refused naming its line and currency. Its
   * amount had been read as yuan (100.00 美元 counted as 100.00 yuan of income) and its balance, the foreign
   * sub-account's, broke the yuan rows' running balance twice — a genuine multi-currency statement was blocked as
   * forged. The yuan rows' balances follow from each other without it.
   */
  @Override
  protected RowReader reader(Columns c) {
    String currencyName = c.find(CURRENCY);
    int currency = c.index(currencyName);
    int date = c.index(m.date());
    int time = c.index(m.time());
    int creditColumn = c.index(m.credit());
    int debitColumn = c.index(m.debit());
    int balanceColumn = c.index(m.balance());
    int counterparty = c.index(m.counterpartyName());
    int account = c.index(m.counterpartyAccount());
    int description = c.index(m.description());
    int channel = c.index(m.channel());
    boolean signed = m.credit().equals(m.debit());
    return (f, source, fileLine, dataRow) -> {
      String money = text(Columns.at(f, currency)).strip();
      if (!money.isEmpty() && !YUAN.contains(money.toUpperCase(java.util.Locale.ROOT))) {
        // text that names no currency, a row shifted by a column may have put there, is described (a counterparty's
        // 张三 had been quoted in clear)
        if (hanBesides(money, "") && !namesCurrency(money)) {
          throw holdsText(currencyName, money, "a currency");
        }
        throw new IllegalArgumentException(currencyName + " " + quoted(money) + " is not 人民币: the row's amount and "
            + "balance are in that currency, which is not read as yuan; convert it and add it as a yuan row if it "
            + "is income or spending to count");
      }
      String credit = unfilled(Columns.at(f, creditColumn));
      String debit = unfilled(Columns.at(f, debitColumn));
      boolean hasCredit;
      Money amount;
      if (signed) {
        String unsigned = unsigned(m.credit(), credit);
        amount = amount(m.credit(), unsigned);
        if (amount.isZero()) {
          throw new IllegalArgumentException(m.credit() + " " + quoted(credit) + " is zero: neither money in nor out");
        }
        hasCredit = !isMinus(credit);
      } else {
        String in = unsigned(m.credit(), credit);
        String out = unsigned(m.debit(), debit);
        hasCredit = !in.isEmpty() && !isZero(in);
        boolean hasDebit = !out.isEmpty() && !isZero(out);
        if (hasCredit == hasDebit) {
          if (hasCredit) { // a field that is no amount is named first: a second header line in English (Credit,
            amount(m.credit(), in); // Debit) had been told that both columns are filled
            amount(m.debit(), out);
          }
          throw new IllegalArgumentException(hasCredit ? "both " + m.credit() + " and " + m.debit() + " are filled"
              : "neither " + m.credit() + " nor " + m.debit() + " is filled");
        }
        if (hasCredit && isMinus(credit)) {
          throw new IllegalArgumentException(m.credit() + " " + quoted(credit) + " is money in written negative, which "
              + "says neither way for sure: a reversal (冲正) of an earlier credit, or money out in the wrong column; "
              + "look the row up in the bank's app and write it as a positive amount under " + m.debit()
              + " if money went out, or leave out both it and the credit it cancels");
        }
        amount = hasCredit ? amount(m.credit(), in) : amount(m.debit(), out);
      }
      String balanceText = unfilled(Columns.at(f, balanceColumn));
      @Nullable Money balance = m.balance() == null || balanceText.isEmpty() ? null
          : isMinus(balanceText) ? amount(m.balance(), magnitude(balanceText)).negate()
          : amount(m.balance(), balanceText);
      return new Transaction(source, fileLine, dataRow,
          dateTime(m.date(), Columns.at(f, date), m.time() == null ? "" : m.time(), Columns.at(f, time)),
          hasCredit ? Direction.CREDIT : Direction.DEBIT, amount, text(Columns.at(f, counterparty)),
          text(Columns.at(f, account)), text(Columns.at(f, description)), text(Columns.at(f, channel)),
          text(Columns.at(f, channel)), "", "", "", balance);
    };
  }

  /** What some banks fill a column a row does not use with: a dash or two, or a slash. */
  private static final java.util.Set<String> PLACEHOLDERS = java.util.Set.of("-", "--", "—", "——", "－", "－－", "/");

  /**
   * {@code field}, or "" when it is only a placeholder ({@link #PLACEHOLDERS}), which holds no amount: a row with
   * {@code --} in its unused column had been rejected ("'--' has two signs", "'-' is a sign without an amount", or
   * "both filled" for {@code /}), so an export writing it there had every row rejected.
   */
  private static String unfilled(String field) {
    String f = field.strip();
    return f.length() <= PLACEHOLDER_LENGTH && PLACEHOLDERS.contains(f) ? "" : field;
  }

  /**
   * The longest placeholder: a longer field is none, answered without hashing it ({@link #unfilled} is asked of three
   * fields of every row, amounts and balances far longer than a dash).
   */
  private static final int PLACEHOLDER_LENGTH = PLACEHOLDERS.stream().mapToInt(String::length).max().orElse(0);

  /** How a bank labels the totals line after its rows: 合计,,,12345.67,2345.00. */
  private static final List<String> TOTAL_LABELS = List.of("合计", "总计", "本期合计");
  /** How a bank labels the totals line of one page's rows, in an export saved page by page: 本页合计,,,1234.00,…. */
  private static final List<String> PAGE_LABELS = List.of("本页合计", "本页小计");
  /** How a bank labels the note closing its export: 温馨提示：本明细仅供参考. */
  private static final List<String> NOTE_LABELS = List.of("温馨提示", "特别提示", "重要提示", "友情提示", "提示", "注意",
      "注", "备注", "说明", "声明", "免责声明");

  /**
   * A line whose first filled field is a totals label (合计, 总计, 本期合计, a page's 本页合计), says when the file was made
   * (导出时间, 打印时间, 下载时间) or labels a note (温馨提示, 提示, 注, 说明, 声明), the label alone or followed by a
   * colon, a bracket, a space or a digit (合计消费 is a description, not a label). After the last row they are the
   * export's footer, which had been listed as rejected rows; among the rows, the parser rejects them naming the line.
   */
  @Override
  protected boolean isFooter(List<String> fields) {
    String first = firstFilled(fields);
    return mayBeLabelled(first) && FOOTER_LABELS.stream().anyMatch(labels -> labelled(first, labels));
  }

  /**
   * A line whose first filled field is 本页合计 or 本页小计 (as {@link #labelled}): the totals of one page's rows,
   * which an export saved page by page writes after each page, before the header repeats. Among the rows it had been
   * rejected as a footer line, and the last page's, before the 合计 of all rows, read as the export's totals and
   * contradicted by that 合计; its sums are read as a {@link io.github.fenqi.core.statement.PageTotals} instead.
   */
  @Override
  protected boolean isPageTotal(List<String> fields) {
    String first = firstFilled(fields);
    return mayBeLabelled(first) && labelled(first, PAGE_LABELS);
  }

  /** How a bank labels the sum of the credits on a line of its own: 收入合计：12345.67. */
  private static final List<String> CREDIT_SUM_LABELS = List.of("收入合计", "收入总计", "收入总额", "收入金额合计",
      "贷方合计", "贷方发生额合计", "贷方发生总额");
  /** How a bank labels the sum of the debits on a line of its own: 支出合计：2345.00. */
  private static final List<String> DEBIT_SUM_LABELS = List.of("支出合计", "支出总计", "支出总额", "支出金额合计",
      "借方合计", "借方发生额合计", "借方发生总额");

  /** The label lists {@link #isFooter} tries. */
  private static final List<List<String>> FOOTER_LABELS = List.of(TOTAL_LABELS, MADE_LABELS, NOTE_LABELS,
      CREDIT_SUM_LABELS, DEBIT_SUM_LABELS, PAGE_LABELS);

  /**
   * The first characters of the {@link #FOOTER_LABELS}, each once: a field starting with none of them is labelled by
   * none ({@link #mayBeLabelled}). Every row is asked whether it is a footer line or a page's totals, and trying the
   * thirty-six labels one by one on a row's date had taken some 5 % of a bank statement's parsing.
   */
  private static final String LABEL_INITIALS = FOOTER_LABELS.stream().flatMap(List::stream)
      .map(label -> label.substring(0, 1)).distinct().collect(java.util.stream.Collectors.joining());

  /**
   * Whether {@code field} starts with the first character of a footer label ({@link #LABEL_INITIALS}): when it does
   * not, {@link #labelled} answers false for each of the footer's label lists.
   */
  private static boolean mayBeLabelled(String field) {
    return !field.isEmpty() && LABEL_INITIALS.indexOf(field.charAt(0)) >= 0;
  }

  /** The label of {@code labels} that {@code field} starts with as a label ({@link #labelled}), or null. */
  private static @Nullable String label(String field, List<String> labels) {
    for (String label : labels) {
      if (labelled(field, List.of(label))) {
        return label;
      }
    }
    return null;
  }

  /**
   * The sum a line of its own states of one direction (收入合计：¥12,345.67元, 支出合计,2345.00, 支出合计（元）,-2345.00):
   * the text after the label and its colon, or else the next filled field, a yuan sign before it and 元 after it
   * allowed, a minus allowed on a debit sum. A second value after it (收入合计：12,345.67 with the comma unquoted) is
   * refused, not read as the first part alone.
   */
  private static FooterTotals sumLine(String label, boolean debit, List<String> fields, int line) {
    int at = 0;
    while (fields.get(at).isBlank()) {
      at++;
    }
    String value = fields.get(at).strip().substring(label.length()).replaceFirst("^\\s*[(（]元[)）]", "")
        .replaceFirst("^\\s*[:：]", "").strip();
    if (value.isEmpty()) {
      at++;
      while (at < fields.size() && fields.get(at).isBlank()) {
        at++;
      }
      value = at < fields.size() ? fields.get(at).strip() : "";
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(label + " states no amount");
    }
    if (!firstFilled(fields.subList(Math.min(at + 1, fields.size()), fields.size())).isEmpty()) {
      throw new IllegalArgumentException(label + " " + quoted(value) + " is followed by another value: a comma in the "
          + "amount is not quoted, or the line is not a sum; quote the amount (\"12,345.67\") or write it without "
          + "commas");
    }
    Money sum = debit && isMinus(value) ? amount(label, magnitude(value)) : amount(label, value);
    return debit ? new FooterTotals(0, null, line, sum) : new FooterTotals(line, sum, 0, null);
  }

  private static boolean labelled(String field, List<String> labels) {
    for (String label : labels) {
      if (field.startsWith(label)) {
        String rest = field.substring(label.length());
        if (rest.isEmpty() || ":：(（[【 \t".indexOf(rest.charAt(0)) >= 0 || Character.isDigit(rest.charAt(0))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The sums a totals line writes under the credit and the debit column (a minus or parentheses under the debit
   * column sign it, as on a row), each null when that field is empty. A line wider than the header, its extra fields
   * filled, has an unquoted comma that shifts its columns (合计,,,1,234.56): it is refused, not read shifted. A signed
   * single amount column states nothing comparable for sure (its total may be the net or the sum of the magnitudes),
   * so such a line is recognised and not compared. A line stating one direction's sum on its own (收入合计, 支出合计:
   * {@link #sumLine}) says which it is, so it is read whatever the columns; it had been neither footer nor compared.
   */
  @Override
  protected @Nullable FooterTotals footerTotals(List<String> fields, Columns columns, int line) {
    String first = firstFilled(fields);
    String credit = label(first, CREDIT_SUM_LABELS);
    String debit = credit == null ? label(first, DEBIT_SUM_LABELS) : null;
    if (credit != null || debit != null) {
      return sumLine(credit != null ? credit : debit, debit != null, fields, line);
    }
    if (!labelled(first, TOTAL_LABELS) && !labelled(first, PAGE_LABELS) || m.credit().equals(m.debit())) {
      return null;
    }
    // padded with blank fields, as rows may be, unless a sum is split by its thousands comma: 1,234.00 had been 1.00
    String shifted = columns.shifted(fields, true);
    if (shifted != null) {
      throw new IllegalArgumentException("it has " + fields.size() + " fields where the header has " + columns.width()
          + ": " + shifted);
    }
    String in = unfilled(Columns.at(fields, columns.optionalIndex(m.credit()))).strip();
    String out = unfilled(Columns.at(fields, columns.optionalIndex(m.debit()))).strip();
    Money creditSum = in.isEmpty() ? null : amount(m.credit(), in);
    Money debitSum = out.isEmpty() ? null : amount(m.debit(), unsigned(m.debit(), out));
    return creditSum == null && debitSum == null ? null : new FooterTotals(line, creditSum, debitSum);
  }

  /**
   * Whether {@code field} is negative: it starts with a minus, {@code -}, or the minus sign {@code −} (U+2212) or
   * full-width {@code －} (U+FF0D) that an export passed through a word processor or a Chinese input method writes, or
   * it is wrapped in parentheses, {@code (123.45)} or {@code （123.45）}, as accounting exports and spreadsheets
   * formatted for accounting write money out. All but the first had been refused as "not an amount".
   */
  private static boolean isMinus(String field) {
    if (startsWithDigit(field)) {
      return false;
    }
    String f = afterYuan(field.strip());
    return !f.isEmpty() && MINUS.indexOf(f.charAt(0)) >= 0 || inParentheses(f);
  }

  /**
   * {@code f} without the yuan sign it starts with when a sign or parentheses follow it ({@code ¥-1.00},
   * {@code ¥(1.00)}, {@code ¥+1.00}), else {@code f}: the yuan sign may stand before the minus as well as after it,
   * and {@code ¥-1.00} in the debit column had been refused as "negative" while {@code -¥1.00} was a debit of 1.00.
   */
  private static String afterYuan(String f) {
    if (f.isEmpty() || f.charAt(0) != '¥' && f.charAt(0) != '￥') {
      return f;
    }
    String rest = f.substring(1).strip();
    return !rest.isEmpty() && (MINUS.indexOf(rest.charAt(0)) >= 0 || rest.charAt(0) == '+' || inParentheses(rest))
        ? rest : f;
  }

  private static final String MINUS = "-\u2212\uFF0D";

  /**
   * Whether {@code field}, stripped, starts with an ASCII digit: then it has no sign, no parentheses and no yuan sign
   * before it ({@link #isMinus} is false, {@link #magnitude} is the field stripped), as most amounts are written, and
   * the row's amounts are read without those tests.
   */
  private static boolean startsWithDigit(String field) {
    int i = 0;
    while (i < field.length() && Character.isWhitespace(field.charAt(i))) {
      i++;
    }
    return i < field.length() && field.charAt(i) >= '0' && field.charAt(i) <= '9';
  }

  /**
   * Whether {@code f} is wrapped in parentheses, the unit after them or not: {@code (1.00)} and {@code (1.00)元}, as a
   * bank writing 元 after every amount writes money out formatted for accounting ({@code (1.00)元} had been refused as
   * "not an amount" while {@code -1.00元} was read).
   */
  private static boolean inParentheses(String f) {
    String g = withoutUnit(f);
    return g.length() >= 2 && (g.charAt(0) == '(' || g.charAt(0) == '（')
        && (g.charAt(g.length() - 1) == ')' || g.charAt(g.length() - 1) == '）');
  }

  /** {@code f} without one 元 after it, stripped. */
  private static String withoutUnit(String f) {
    return f.endsWith("元") ? f.substring(0, f.length() - 1).strip() : f;
  }

  /** What {@code f}, {@link #inParentheses}, holds inside them, the unit after them kept after the amount. */
  private static String insideParentheses(String f) {
    String g = withoutUnit(f);
    String inside = g.substring(1, g.length() - 1).strip();
    return g.length() < f.length() && !inside.isEmpty() ? inside + "元" : inside;
  }

  /**
   * {@code field} without its parentheses or its one leading sign (a minus or {@code +}), stripped; a yuan sign before
   * the sign ({@code ¥-1.00}, {@link #afterYuan}) stays before the magnitude, {@code ¥1.00}, as after one written first.
   */
  private static String magnitude(String field) {
    String f = field.strip();
    String signed = afterYuan(f);
    if (signed.length() < f.length()) {
      return f.charAt(0) + magnitude(signed);
    }
    return inParentheses(f) ? insideParentheses(f)
        : isMinus(f) || f.startsWith("+") ? f.substring(1).strip() : f;
  }

  /**
   * {@code field} without its one leading sign (a minus or {@code +}) or its parentheses; two signs, or a sign alone,
   * are refused naming the column.
   */
  private String unsigned(String column, String field) {
    String f = field.strip();
    if (f.isEmpty() || startsWithDigit(f)) {
      return f; // no sign, parentheses or yuan sign: its own magnitude
    }
    String rest = magnitude(f);
    if (isMinus(rest) || rest.startsWith("+") || rest.isEmpty() && !f.isEmpty()) {
      throw new IllegalArgumentException(column + " " + quoted(field) + (rest.isEmpty() ? " is a sign without an amount"
          : " has two signs") + (m.credit().equals(m.debit())
              ? "; a signed amount is -123.45 for money out and 123.45 or +123.45 for money in"
              : "; an amount is 123.45, and " + m.debit() + " may sign it -123.45; leave the column the row does not use empty"));
    }
    return rest;
  }

  /**
   * Whether the field is a zero amount, which some banks write into the unused one of the two columns. A yuan sign
   * counts as written ({@code ¥0.00}, {@code 0.00元}): such a field had been read as filled, a credit of 0.00 kept as a row, or,
   * beside a debit, the row refused as having both columns filled.
   */
  private static boolean isZero(String field) {
    String amount = withoutYuan(field);
    if (amount.isEmpty()) {
      return false; // a yuan sign alone is no amount
    }
    for (int i = 0; i < amount.length(); i++) {
      char c = amount.charAt(i);
      if (c != '0' && c != '.' && c != ',') {
        return false;
      }
    }
    return true;
  }
}
