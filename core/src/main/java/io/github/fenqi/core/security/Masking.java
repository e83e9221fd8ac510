package io.github.fenqi.core.security;

import io.github.fenqi.core.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masked display forms of personal identifiers, for everything fenqi prints, logs, serialises for display or
 * puts into a script. The defaults follow common Chinese practice:
 *
 * <ul>
 *   <li>ID number: first 3 and last 4 kept, {@code 110***********1234} (a first-generation one of 15 digits too,
 *       {@code 110********7123});
 *   <li>bank card: first 6 (the BIN) and last 4, {@code 622202*********0123} (spaces and dashes dropped);
 *   <li>mobile: first 3 and last 4, {@code 138****1234};
 *   <li>Chinese name: surname kept, the rest one {@code *} per character, {@code 张*}, {@code 欧阳**}
 *       (two-character compound surnames from {@link #DEFAULT_COMPOUND_SURNAMES}); other names keep their first
 *       character;
 *   <li>email: first character of the local part and the whole domain, {@code z*******@example.com};
 *   <li>address: the first 6 characters (province and city, usually) then a fixed {@code ****}, so the length
 *       of the rest is not revealed.
 * </ul>
 *
 * A value too short to keep both ends is masked entirely. Rules are configured with {@link #builder()}.
 *
 * <p>Thread-safety: immutable and thread-safe.
 */
public final class Masking {
  /** Two-character compound surnames (复姓) recognised by default. */
  public static final Set<String> DEFAULT_COMPOUND_SURNAMES = Set.of(
      "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐",
      "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "申屠", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于",
      "太叔", "仲孙", "钟离", "闻人", "万俟", "赫连", "呼延", "完颜", "拓跋", "百里", "东郭", "司空", "第五");

  /**
   * {@code text} with full-width digits and X (U+FF10–U+FF19, U+FF38, U+FF58) as ASCII: a Chinese input method in
   * full-width mode types an ID number as １１０１０５…, which the digit patterns did not see, so it went out unmasked.
   * So are the decimal digits of every other script of one UTF-16 unit (Arabic-Indic {@code ١٣٨١٢٣٤٥٦٧٨}, as an
   * Arabic keyboard types a mobile, Extended Arabic-Indic, Devanagari, Thai…): those went out in clear.
   * Other full-width characters (the Chinese comma, brackets) stay as they are.
   */
  static String asciiDigits(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char ascii = c < '\u0660' ? c : c == '\uFF38' ? 'X' : c == '\uFF58' ? 'x'
          : Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER ? (char) ('0' + Character.digit(c, 10)) : c;
      if (ascii != c && out == null) {
        out = new StringBuilder(text);
      }
      if (out != null) {
        out.setCharAt(i, ascii);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * What may stand between the digits of an identifier: spaces and dashes, and their look-alikes that an input method
   * or a word processor types — the full-width space (U+3000) and hyphen (U+FF0D), no-break and other fixed-width
   * spaces, Unicode hyphens and dashes, the minus sign — and the invisible zero-width characters. With only the ASCII
   * space and hyphen, {@code ６２２２　０２１２　３４５６　７８９０　１２３} (a card number typed in full-width mode)
   * and {@code 138－1234－5678} went out unmasked. Every Unicode space (Zs), dash (Pd) and invisible format character
   * (Cf), the tab and the line breaks: with a list of some, {@code 138\t1234\t5678} (cells pasted from a sheet),
   * {@code 138\u00AD1234\u00AD5678} (soft hyphens, shown as {@code 13812345678}), a bidirectional mark or a two-em
   * dash between the groups went out in clear, and {@code 6222 0212 3456\n7890 123} (wrapped) showed 14 of 19 digits.
   * So are the variation selectors (U+FE00–U+FE0F) and the combining keycap (U+20E3), which are marks, not format
   * characters: a number written in emoji keycaps (each digit followed by U+FE0F and U+20E3), or with a selector after
   * each digit, as a chat message is typed to slip past a platform's filter, went out in clear.
   */
  private static final String SEPARATOR = " \\t\\n\\u000B\\f\\r\\-\\u0085\\u2028\\u2029\\u2212\\p{Zs}\\p{Pd}\\p{Cf}"
      + "\\uFE00-\\uFE0F\\u20E3";
  private static final Pattern SEPARATORS = Pattern.compile("[" + SEPARATOR + "]+");
  private static final Pattern CARD_SEPARATORS = Pattern.compile("[\\s" + SEPARATOR + "]+");
  /**
   * The {@code %} of a percent escape of a byte 80–FF after another escape: the last byte of a character that is not
   * ASCII, as a URL or a form body writes it ({@code %E5%8F%B7}, 号 in UTF-8; {@code %BA%C5} in GBK), which is two
   * bytes or more. A lone {@code %} may be a percentage's, {@code 50%9558…}, and its digits a card's.
   */
  private static final String ENCODED_BYTE_PERCENT = "%[0-9A-Fa-f]{2}%";
  /**
   * Right after such an escape: a number may start there, and the escape is no part of it. Its hex digits had been
   * taken for the number's: {@code q=%E7%A0%81110105199003071234} (码 and an ID number, 20 digits then) and
   * {@code %E5%8D%A16222021234567890123} went out in clear, {@code %E5%8F%B713812345678} as a card showing five of the
   * mobile's digits, {@code 713812***5678}, and {@code %E5%8F%B7138.1234.5678}, {@code %E5%8F%B7(138)12345678} and
   * {@code %E5%8F%B7138%201234%205678} in clear, their first digit after one.
   */
  private static final String AFTER_ENCODED_BYTE = "(?<=" + ENCODED_BYTE_PERCENT + "[89A-Fa-f][0-9A-Fa-f])";
  /** Not at either hex digit of such an escape, where a run of digits and letters had started. */
  private static final String NOT_IN_ENCODED_BYTE = "(?!(?<=" + ENCODED_BYTE_PERCENT + ")[89A-Fa-f][0-9A-Fa-f])"
      + "(?<!" + ENCODED_BYTE_PERCENT + "[89A-Fa-f])";
  /** Right after a percent escape of a printable character ({@code %3D}, {@code %20}) or of a byte 80–FF. */
  private static final String AFTER_ESCAPE = "(?<=%[2-7][0-9A-Fa-f])|" + AFTER_ENCODED_BYTE;
  /**
   * A run of digits and separators, perhaps after a word of Latin letters ({@code tel13812345678},
   * {@code ID11010519900307123X}: these went out in clear) or before one ({@code 13812345678ok}, which went out in
   * clear too), but not inside a token that mixes letters and digits, such as a hash ({@link #redact} leaves a run
   * with letters on both sides). Not before an {@code @}: a number that is an address's local part is the address's,
   * and masking it first left {@code 138****5***@qq.com}. A percent escape of a printable character ({@code %3D},
   * {@code %2B}, {@code %22}) may stand before it, as a URL or a form body writes one, and is no part of it: its hex
   * digits had been taken for a word's or the number's, and {@code phone%3D13812345678},
   * {@code tel%3A%2B8613812345678} and {@code q%226236551122297826954} went out in clear. So may an escape of a byte
   * 80–FF, a character's that is not ASCII ({@link #AFTER_ENCODED_BYTE}).
   */
  private static final Pattern DIGIT_RUN = Pattern.compile("(?:(?<![0-9A-Za-z%])|(?<=%)(?![2-7][0-9A-Fa-f][0-9])"
      + NOT_IN_ENCODED_BYTE + "|" + AFTER_ESCAPE + ")(?<prefix>[A-Za-z]*+)"
      + "(?<run>[0-9][0-9" + SEPARATOR + "]{9,}[0-9Xx])(?<suffix>[A-Za-z]*+)(?![0-9A-Za-z]|[._%+-]*[@＠])");
  /**
   * A mobile number written 3-4-4 with dots, slashes or middle dots between the groups ({@code 138.1234.5678},
   * {@code 138/1234/5678}): no run for {@link #DIGIT_RUN}, so these went out in clear. Only a mobile's shape (1, then
   * 3–9) is taken, so a decimal amount or a dotted date stays. Applied after the digit runs are masked, whose stars no
   * longer match.
   */
  private static final String MOBILE_SEPARATOR = "[" + SEPARATOR + "./·・．／]";
  /**
   * China's country code before a mobile written with punctuation or brackets, {@code +86}, {@code 86} or
   * {@code 0086}, and what sets it apart: kept as written. With it, {@code 86(138)1234-5678} and
   * {@code +86.138.1234.5678} went out in clear, as the digit before the bracket or the dot was taken for a number's.
   */
  private static final String COUNTRY_CODE = "(?<country>(?:[+＋]|00)?86" + MOBILE_SEPARATOR + "?)?";
  private static final Pattern PUNCTUATED_MOBILE = punctuatedMobile(MOBILE_SEPARATOR);
  /**
   * {@link #PUNCTUATED_MOBILE} with dots, slashes or middle dots between its groups, applied before the digit runs are
   * masked: after a number a space apart, {@code 20261130 181.1973.1806}, the run {@code 20261130 181} was masked
   * first and the mobile went out in clear behind it.
   */
  private static final Pattern DOTTED_MOBILE = punctuatedMobile("[./·・．／]");

  /**
   * A card or an ID number written with dots or slashes between its digit groups, one of them throughout
   * ({@code 6222.0212.3456.7890}, {@code 110105/19900307/123X}): no run for {@link #DIGIT_RUN}, so these went out in
   * clear. Only 15 to 19 characters are taken, so dates ({@code 2026/11/30}), versions ({@code 1.2.3}), times and IP
   * addresses (at most 12 digits: no identifier {@link #redact} masks) stay; and at least two dots, as a number with
   * one is a decimal. Applied before {@link #DOTTED_MOBILE},
   * which had masked the mobile it saw in {@code 309/75836/181/8660/9936} and left the rest of the card in clear.
   */
  private static final Pattern DOTTED_NUMBER = Pattern.compile("(?:(?<![0-9.．/／·・])" + NOT_IN_ENCODED_BYTE + "|"
      + AFTER_ENCODED_BYTE + ")[0-9]++(?:(?<sep>[./．／·・])[0-9]++"
      + "(?:\\k<sep>[0-9]++)++|[/／·・][0-9]++)(?:[./．／·・]?[Xx])?(?![0-9A-Za-z]|[./．／·・][0-9])");
  /**
   * The separators {@link #DOTTED_NUMBER} allows between its groups, compiled once: redact runs on every log line. The
   * middle dots ({@code ·}, and {@code ・} as a Japanese or Chinese input method types it) as well, and one is enough,
   * as no decimal is written with one: {@code 6222·0212·3456·7890} and {@code 110·1822088·0·309949·6} went out in
   * clear, though a mobile written so was masked.
   */
  private static final Pattern DOTTED_SEPARATOR = Pattern.compile("[./．／·・]");

  /**
   * A space, a dash, a tab, a no-break space or an ideographic space percent-encoded, as a query or a form body writes
   * what stands between an identifier's groups: {@code %2B86%20138%201234%205678} went out in clear.
   */
  private static final String ENCODED_SEPARATOR = "(?:%20|%2[Dd]|%09|%C2%A0|%E3%80%80)";
  /**
   * Groups of digits with {@link #ENCODED_SEPARATOR}s between them, perhaps after another percent escape
   * ({@code %2B86%20138…}, {@code %3D6222%200212…}), the last perhaps ending in an ID number's X.
   */
  private static final Pattern ENCODED_RUN = Pattern.compile("(?:(?<![0-9A-Za-z%])|" + AFTER_ESCAPE + ")[0-9]++"
      + "(?:" + ENCODED_SEPARATOR + "++[0-9]++)++[Xx]?+(?![0-9A-Za-z])");
  private static final Pattern ENCODED_SEPARATORS = Pattern.compile(ENCODED_SEPARATOR + "+");

  /**
   * A digit {@link #asciiDigits} cannot make ASCII in place: a decimal digit of two UTF-16 units (the mathematical
   * bold, double-struck and monospace digits {@code 𝟏𝟑𝟖…}, which a note pasted from a styled page carries), or a circled
   * one ({@code ⓪}, {@code ①}–{@code ⑨}, their negative and sans-serif forms), a superscript or subscript one
   * ({@code ¹³⁸…}, {@code ₁₃₈…}) or one in parentheses or with a full stop ({@code ⑴}, {@code ⒈}), as typed to slip
   * past a filter: the last four had gone out in clear.
   */
  private static final String ODD_DIGIT = "(?:[\\x{10000}-\\x{10FFFF}&&\\p{Nd}]|[\\u24EA\\u2460-\\u2468\\u24FF"
      + "\\u2776-\\u277E\\u2780-\\u2788\\u278A-\\u2792\\u00B2\\u00B3\\u00B9\\u2070\\u2074-\\u2079\\u2080-\\u2089"
      + "\\u2474-\\u247C\\u2488-\\u2490])";
  /** A run of {@link #ODD_DIGIT}s and separators, perhaps ending in an ID number's X, no ASCII digit beside it. */
  private static final Pattern ODD_DIGIT_RUN = Pattern.compile("(?<![0-9])" + ODD_DIGIT + "(?:[" + SEPARATOR
      + "]*+" + ODD_DIGIT + ")*+[Xx]?+(?![0-9])");

  private static Pattern punctuatedMobile(String separator) {
    return Pattern.compile("(?:(?<![0-9A-Za-z.．])|" + AFTER_ESCAPE + ")" + COUNTRY_CODE + "(1[3-9][0-9])" + separator
        + "([0-9]{4})" + separator + "([0-9]{4})(?![0-9A-Za-z]|[.．][0-9])");
  }
  /**
   * A mobile number with its first three digits in brackets, the other eight together or as two groups of four
   * ({@code (139)12345678}, {@code (138)1234-5678}, {@code （138）1234 5678}). Applied before the digit runs are
   * masked: {@code (139)12345678} went out in clear, and with a group after it, {@code (139)12345678 1234}, the eight
   * digits and the group were a card that showed six of the mobile's, {@code (139)123456**1234}. A word may stand
   * right before or after it, as beside a run of digits, but no address's {@code @}: {@code Tel(139)12345678} went out
   * in clear. Up to three spaces and dashes may set the groups apart: {@code (151)9822 - 9528} went out in clear.
   */
  private static final String MOBILE_GAP = "(?:[" + SEPARATOR + "]{1,3}|" + MOBILE_SEPARATOR + ")";
  private static final Pattern BRACKETED_MOBILE = Pattern.compile("(?:(?<![0-9.．])|" + AFTER_ESCAPE + ")"
      + COUNTRY_CODE + "[(（](1[3-9][0-9])[)）]"
      + MOBILE_GAP + "?([0-9]{4})" + MOBILE_GAP + "?([0-9]{4})(?![0-9]|[.．][0-9]|[._%+-]*[@＠])");
  /**
   * An address starts where its local part's characters start (the look-behind): without it a long run of such
   * characters was scanned to its end from each of its positions, and 16 000 digits took 3 s to redact. The at sign,
   * letters, dot, underscore, percent, plus and hyphen may be full width, as a Chinese input method in full-width mode
   * types them ({@code zhangsan＠qq.com}, {@code ｚｈａｎｇｓａｎ＠ｑｑ．ｃｏｍ}): these went out in clear.
   */
  private static final String LETTER = "A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A";
  private static final String LOCAL_PART = LETTER + "0-9._%+\\-\\uFF0E\\uFF3F\\uFF05\\uFF0B\\uFF0D";
  private static final Pattern EMAIL = Pattern.compile("(?<![" + LOCAL_PART + "])[" + LOCAL_PART + "]++[@＠]["
      + LETTER + "0-9.\\-\\uFF0E\\uFF0D]+[.\\uFF0E][" + LETTER + "]{2,}");

  private final Keep idNumber;
  private final Keep bankCard;
  private final Keep mobile;
  private final int emailKeep;
  private final int addressKeep;
  private final char maskChar;
  private final Set<String> compoundSurnames;
  /** The most characters a mask keeps at either end ({@link #keeps}): the walks of a masked identifier's ends stop. */
  private final long maxKept;

  private Masking(Builder b) {
    this.idNumber = b.idNumber;
    this.bankCard = b.bankCard;
    this.mobile = b.mobile;
    this.emailKeep = b.emailKeep;
    this.addressKeep = b.addressKeep;
    this.maskChar = b.maskChar;
    this.compoundSurnames = Set.copyOf(b.compoundSurnames);
    this.maxKept = Math.max(Math.max(Math.max(idNumber.head, bankCard.head), (long) mobile.head + 4),
        Math.max(Math.max(idNumber.tail, bankCard.tail), mobile.tail));
  }

  private static final Masking DEFAULTS = builder().build();

  /** The default rules described above. */
  public static Masking defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code 110***********1234}; spaces and dashes (and their look-alikes) between its groups are dropped first, as
   * {@link #bankCard} drops a card's: counted as characters, {@code 110105 19491231 002X} had two stars too many and
   * {@code 1101 0519 4912 3100 2X} showed {@code 0 2X} for its last four.
   */
  public String idNumber(String value) {
    return keep(CARD_SEPARATORS.matcher(value).replaceAll(""), idNumber);
  }

  /**
   * {@code 622202*********0123}; spaces and dashes are dropped first, and so are the look-alikes that
   * {@link #redact} takes for them: with only ASCII ones dropped, {@code 6222 0212 3456 7890 123} written with
   * no-break or full-width spaces kept them among the digits and came out {@code 6222 0*************　123}.
   */
  public String bankCard(String value) {
    return keep(CARD_SEPARATORS.matcher(value).replaceAll(""), bankCard);
  }

  /**
   * {@code 138****1234}. A leading country code, {@code +86} (full-width too) or {@code 0086}, is kept as written with
   * what sets it apart, {@code +86 138****1234}: the space had been dropped, {@code +86138****1234}, and a dash counted
   * as the number's first character, {@code +86-13*******5678}. The number's digits are kept and hidden, not its
   * characters: the spaces, dashes, dots, slashes and brackets between its groups are dropped first, as
   * {@link #redact} drops them, {@code 138 1234 5678} and {@code (138)1234-5678} are {@code 138****5678}; counted as
   * characters they had been masked as digits, {@code 138******5678}, or kept in place of them, {@code (13*******5678}.
   */
  public String mobile(String value) {
    String v = value.strip();
    Matcher country = LEADING_COUNTRY_CODE.matcher(v);
    int rest = country.lookingAt() ? country.end() : 0;
    return v.substring(0, rest) + keep(MOBILE_PUNCTUATION.matcher(v.substring(rest)).replaceAll(""), mobile);
  }

  /** {@code +86}, {@code ＋86} or {@code 0086} and the separators after it, at the start of a mobile number. */
  private static final Pattern LEADING_COUNTRY_CODE =
      Pattern.compile("(?:[+＋]86|0086)(?:\\s|" + MOBILE_SEPARATOR + ")*");
  /** What may stand between a mobile's digits as written: {@link #MOBILE_SEPARATOR}, white space and brackets. */
  private static final Pattern MOBILE_PUNCTUATION = Pattern.compile("(?:\\s|" + MOBILE_SEPARATOR + "|[()（）])+");

  /** {@code 张*}, {@code 欧阳**}, {@code J***}. */
  public String name(String value) {
    String v = value.strip();
    int length = v.codePointCount(0, v.length());
    if (length == 0) {
      return v;
    }
    int surname = 1;
    if (length > 2 && compoundSurnames.contains(v.substring(0, v.offsetByCodePoints(0, 2)))) {
      surname = 2;
    }
    if (length == 1) {
      return String.valueOf(maskChar);
    }
    int cut = v.offsetByCodePoints(0, surname);
    return v.substring(0, cut) + String.valueOf(maskChar).repeat(length - surname);
  }

  /**
   * {@code z*******@example.com}; the at sign may be the full-width {@code ＠}; text without one is masked entirely.
   */
  public String email(String value) {
    String v = value.strip();
    int at = Math.max(v.lastIndexOf('@'), v.lastIndexOf('＠'));
    if (at <= 0) {
      return stars(v.codePointCount(0, v.length()));
    }
    String local = v.substring(0, at);
    int localLength = local.codePointCount(0, local.length());
    int kept = Math.min(emailKeep, localLength - 1);
    return local.substring(0, local.offsetByCodePoints(0, kept)) + stars(localLength - kept) + v.substring(at);
  }

  /** {@code 浙江省杭州市****}: the first characters are kept, the rest replaced by a fixed {@code ****}. */
  public String address(String value) {
    String v = value.strip();
    int length = v.codePointCount(0, v.length());
    if (length <= addressKeep) {
      return v.isEmpty() ? v : stars(4);
    }
    return v.substring(0, v.offsetByCodePoints(0, addressKeep)) + stars(4);
  }

  /**
   * Free text with every embedded identifier masked: runs of 11–19 digits (optionally with spaces or dashes — their
   * full-width and Unicode look-alikes and zero-width characters included — an ID number's final {@code X} included)
   * are masked as mobile (11 digits, or 13 and 15 with the country code {@code 86} or {@code 0086} before a mobile's
   * leading 1), ID number (18 characters, or 15 digits that read as a first-generation ID: a province code, four more
   * region digits and a birth date {@code YYMMDD} of the 1900s) or bank card (other lengths), also right after a word
   * of Latin letters ({@code tel13812345678}) or before one ({@code 13812345678ok}, {@code 13812345678x}); a longer
   * run with separators is split into the identifiers it holds. A run of more than 19 digits without a separator is
   * no identifier and stays, as does one inside a token of letters and digits mixed or with letters on both sides.
   * A date {@code 2026-11-30} at the start or end of a run is no part of an identifier ({@code 2026-11-30 2000元}).
   * A mobile written within a run, grouped any way, shows no more than its own mask: {@code 12 1 3812345678} is
   * {@code 12 138****5678}, where it had been a card that showed the mobile's fourth digit.
   * A UUID ({@code ff74d650-0791-4011-9487-d87f99cbe8ac}, a service's own id) stays whole, whatever of it is digits.
   * A mobile written {@code 138.1234.5678}, {@code 138/1234/5678}, {@code (138)1234-5678} or {@code (139)12345678} is
   * masked too, as is one with China's country code before it ({@code 86(138)1234-5678}, {@code +86.138.1234.5678},
   * the code kept as written). Middle dots and percent-encoded spaces or dashes ({@code %20}) between groups are
   * taken as dots and spaces; digits of other scripts (Arabic-Indic, Devanagari, the mathematical and circled digits)
   * as ASCII ones. A card cut into groups no usual way beside another number is not taken: read by its digits (a
   * UnionPay 62, a Luhn-checked 3–5) only where no identifier stood before it in the run, a redacted note redacted
   * again had masked {@code 363063 9654543765} after {@code 191****2899}, which the first pass had kept. Email
   * addresses are masked as emails, a number before the {@code @} included. What is no identifier is kept as written,
   * full-width digits included. Used by the audit log for subjects and
   * details, where callers may pass identifiers by mistake, and for hardship notes in scripts.
   */
  public String redact(String text) {
    return redact(text, Masking::uuidSpans);
  }

  /**
   * {@link #redact} with the UUIDs of the text (its full-width digits made ASCII) found by {@code uuids}: the tests
   * hold {@link #uuidSpans} to a scan of the whole text for each run, which is what it replaced.
   */
  String redact(String written, Function<String, UuidSpans> uuids) {
    return redact(written, uuids, this::maskRun);
  }

  /** {@link #redact} with {@link #maskRun} read the straightforward way, {@link #maskedByNestedCalls}: for tests. */
  String redactByNestedCalls(String written) {
    return redact(written, Masking::uuidSpans,
        run -> identifiersWithinHidden(run, maskedByNestedCalls(run, true)));
  }

  private String redact(String written, Function<String, UuidSpans> uuids, UnaryOperator<String> maskRun) {
    String decoded = replaceMatches(replaceMatches(written, ODD_DIGIT_RUN, o -> oddDigitRun(o.group(), maskRun)),
        ENCODED_RUN, e -> encodedRun(e.group(), maskRun));
    String text = replaceMatches(replaceMatches(replaceMatches(decoded, BRACKETED_MOBILE, this::punctuatedMobile),
        DOTTED_NUMBER, this::dottedNumber), DOTTED_MOBILE, this::punctuatedMobile);
    String ascii = asciiDigits(text);
    UuidSpans withinUuid = uuids.apply(ascii);
    String runs = replaceMatches(text, DIGIT_RUN, m -> {
      if (withinUuid.contain(m.start("run"), m.end("run"))
          || !m.group("prefix").isEmpty() && !m.group("suffix").isEmpty()) { // an id, a hash: letters on both sides
        return text.substring(m.start(), m.end());
      }
      int from = m.group("prefix").isEmpty() ? afterMaskedTail(ascii, m.start("run"), m.end("run")) : m.start("run");
      int to = m.group("suffix").isEmpty() ? beforeMaskedHead(ascii, from, m.end("run"), maskRun) : m.end("run");
      String run = ascii.substring(from, to);
      String masked = mayHoldIdentifier(run) ? maskRun.apply(run) : run;
      return masked.equals(run) ? null // kept as written: ٢٠٢٦-١١-٣٠ ٢٠٠٠, a date and an amount, had come out in ASCII
          : m.group("prefix") + ascii.substring(m.start("run"), from) + masked + ascii.substring(to, m.end("run"))
          + m.group("suffix");
    });
    String mobiles = replaceMatches(runs, PUNCTUATED_MOBILE, this::punctuatedMobile);
    return replaceMatches(mobiles, EMAIL, e -> email(e.group()));
  }

  /**
   * A match of {@link #ODD_DIGIT_RUN} masked as the run it is in ASCII digits ({@link #maskRun}), or null (kept as
   * written, as other digits are) when that hides nothing.
   */
  private @Nullable String oddDigitRun(String match, UnaryOperator<String> maskRun) {
    StringBuilder ascii = new StringBuilder(match.length());
    match.codePoints().forEach(c -> {
      if (Character.isLetter(c) || Character.getNumericValue(c) < 0 || Character.getNumericValue(c) > 9) {
        ascii.appendCodePoint(c);
      } else {
        ascii.append((char) ('0' + Character.getNumericValue(c)));
      }
    });
    String run = ascii.toString();
    String masked = mayHoldIdentifier(run) ? maskRun.apply(run) : run;
    return masked.equals(run) ? null : masked;
  }

  /**
   * A match of {@link #ENCODED_RUN} masked as the run it is with a space for each escape ({@link #maskRun}), the
   * escapes kept as written; null (kept as written) when it has fewer digits than a mobile. Each digit of the match
   * takes the character the masked run has in its place: a mask keeps a run's digits in their order, hiding some.
   */
  private @Nullable String encodedRun(String match, UnaryOperator<String> maskRun) {
    String run = ENCODED_SEPARATORS.matcher(match).replaceAll(" ");
    if (!mayHoldIdentifier(run)) {
      return null;
    }
    String masked = maskRun.apply(run);
    StringBuilder out = new StringBuilder(match);
    Matcher escape = ENCODED_SEPARATORS.matcher(match);
    int next = escape.find() ? escape.start() : match.length();
    for (int k = 0, m = 0; k < match.length(); k++) {
      if (k == next) {
        k = escape.end() - 1;
        next = escape.find() ? escape.start() : match.length();
        continue;
      }
      while (m < masked.length() && isSeparator(masked.charAt(m))) {
        m++;
      }
      out.setCharAt(k, m < masked.length() ? masked.charAt(m++) : maskChar);
    }
    return out.toString();
  }

  /** A match of {@link #PUNCTUATED_MOBILE} or {@link #BRACKETED_MOBILE} masked, its country code kept as written. */
  private String punctuatedMobile(Matcher p) {
    String country = p.group("country");
    return (country == null ? "" : country) + mobile(p.group(2) + p.group(3) + p.group(4));
  }

  /** A match of {@link #DOTTED_NUMBER} masked as the identifier it is, or null (kept as written) when it is none. */
  private @Nullable String dottedNumber(Matcher d) {
    String compact = DOTTED_SEPARATOR.matcher(d.group()).replaceAll("");
    return compact.length() >= 15 && compact.length() <= 19 && countryCodeBeforeMobile(compact) == 0
        ? maskIdentifier(compact) : null; // 0086/138/1234/5678 is DOTTED_MOBILE's, which keeps 0086/ as written
  }

  /**
   * Where the run {@code from..to} of {@code ascii} starts once its first groups that are the end of a masked
   * identifier before it ({@code 622202******}{@code 7890}) are left out: those groups and the digits after them, which
   * belonged to no identifier, had been masked as one when a redacted note was redacted again ({@code 622202******7890 5678 9012}
   * became {@code 622202******789056**9012}). The identifier's kept ends and its stars may be set apart by its
   * separators, as one cut any way keeps them ({@code 622202* ********0123 500}, {@code 5769358385021201} written
   * {@code 57693583850 - 21 - 201}, {@code 576935***** - *1 - 201}): the kept end and the number beside it had been a
   * card of their own on the second pass.
   */
  private int afterMaskedTail(String ascii, int from, int to) {
    Matcher sep = SEPARATORS.matcher(ascii).region(from, to);
    int digits = 0;
    int at = from;
    int cut = -1;
    while (cut < 0 && digits <= maxKept && sep.find()) {
      digits += sep.start() - at;
      at = sep.end();
      cut = keeps(digits, false) ? sep.end() : -1;
    }
    if (cut < 0) {
      return from;
    }
    return keptBeside(ascii, from, -1) ? cut : from;
  }

  /**
   * Where the run {@code from..to} of {@code ascii} ends once its last groups that are the start of a masked identifier
   * after it ({@code 622202}{@code ******0123}) are left out, as {@link #afterMaskedTail} leaves out an end: a redacted
   * {@code 0 0000000 000000**0000} had become {@code 000000****0000**0000}, and {@code 791570 576935***** - *1 - 201}
   * (a card cut any way after a number) {@code 791570**6935***** - *1 - 201}.
   */
  private int beforeMaskedHead(String ascii, int from, int to, UnaryOperator<String> maskRun) {
    if (!keptBeside(ascii, to, 1)) {
      return to;
    }
    int digits = 0;
    for (int j = to; j > from && digits <= maxKept; j--) {
      char c = ascii.charAt(j - 1);
      if (!isSeparator(c)) {
        digits++;
      } else if (keeps(digits, true)) {
        String head = SEPARATORS.matcher(ascii.substring(j, to)).replaceAll("");
        while (isSeparator(ascii.charAt(j - 2))) { // a run starts with a digit
          j--;
        }
        boolean mobileHead = digits == mobile.head && head.length() >= 2 && head.charAt(0) == '1'
            && head.charAt(1) >= '3'; // only before a mobile's 1 and 3–9 is 86 a country code
        return mobileHead ? beforeCountryCodeGroup(ascii, from, j - 1, maskRun) : j - 1;
      }
    }
    return to;
  }

  /**
   * Where the run {@code from..end} of {@code ascii} ends once a last group {@code 86} or {@code 0086} is left out: a
   * country code written as a group of its own before the kept start of a masked mobile, {@code 0086 138****5678},
   * which {@link #beforeMaskedHead} leaves out with that start as it does one run into it ({@code 0086138****5678}).
   * Left in, it and the number before it had been masked as a card when a redacted note was redacted again,
   * {@code 95 5436601 0086 138****5678} becoming {@code 955436***0086 138****5678}. The group is left in where the
   * digits before it are masked on their own: {@code 6222 0212 3456 0086 138****5678} is a card ending in 0086, and
   * without it the card's 3456 had been shown, {@code 622202**3456 0086 138****5678}.
   */
  private static int beforeCountryCodeGroup(String ascii, int from, int end, UnaryOperator<String> maskRun) {
    int start = end;
    while (start > from && !isSeparator(ascii.charAt(start - 1))) {
      start--;
    }
    String group = ascii.substring(start, end);
    if (!group.equals("86") && !group.equals("0086")) {
      return end;
    }
    while (start > from && isSeparator(ascii.charAt(start - 1))) {
      start--;
    }
    String before = ascii.substring(from, start);
    return mayHoldIdentifier(before) && !maskRun.apply(before).equals(before) ? end : start;
  }

  /**
   * Whether stars, perhaps among separators, stand at {@code at} of {@code ascii} going {@code step} (-1 back, 1 on),
   * and then as many digits as the end of a masked identifier there keeps at least (its start going back, else its
   * end), perhaps among separators: an identifier's ends and middle may be groups of one written another way, or run into a
   * number beside it by its split ({@code 300001******3 111000**0000}), so they are counted, not matched. Stars after
   * the first digit are counted as its digits: the number after may have been masked since, and
   * {@code 1000 0000000*10000000000} (a star the borrower wrote) had been read one way before and another after.
   */
  private boolean keptBeside(String ascii, int at, int step) {
    boolean head = step < 0;
    int k = head ? at - 1 : at;
    boolean star = false;
    while (k >= 0 && k < ascii.length() && (ascii.charAt(k) == maskChar || isSeparator(ascii.charAt(k)))) {
      star |= ascii.charAt(k) == maskChar;
      k += step;
    }
    long least = head ? leastKept(idNumber.head, bankCard.head, mobile.head)
        : leastKept(idNumber.tail, bankCard.tail, mobile.tail);
    int digits = 0;
    for (; star && digits < least && k >= 0 && k < ascii.length(); k += step) {
      char c = ascii.charAt(k);
      if (c >= '0' && c <= '9' || digits > 0 && (c == maskChar || !head && isX(c))) {
        digits++;
      } else if (!isSeparator(c)) {
        break;
      }
    }
    return star && digits >= least;
  }

  /** The fewest characters a mask keeps at one end, of those that keep any; more than any text when none does. */
  private static long leastKept(int... kept) {
    long least = Long.MAX_VALUE;
    for (int n : kept) {
      least = n > 0 ? Math.min(least, n) : least;
    }
    return least;
  }

  /** Whether {@code c} is one of the separators {@link #SEPARATORS} takes between the groups of a run. */
  private static boolean isSeparator(char c) {
    return (SEPARATOR_BITS[c >>> 6] & 1L << c) != 0;
  }

  /**
   * Bit {@code c} set when {@link #SEPARATOR} takes character {@code c}: read off the one pattern, in one pass over
   * every character, so that the walks by character and the patterns cannot come to differ (the walks had listed the
   * same categories and characters again). Never written after it is made.
   */
  private static final long[] SEPARATOR_BITS = separatorBits();

  private static long[] separatorBits() {
    char[] every = new char[Character.MAX_VALUE + 1];
    for (int c = 0; c < every.length; c++) {
      every[c] = (char) c;
    }
    long[] bits = new long[every.length / 64];
    Matcher m = Pattern.compile("[" + SEPARATOR + "]").matcher(new String(every));
    while (m.find()) {
      if (m.end() - m.start() == 1) { // a surrogate pair read as one code point is no character of the BMP
        bits[m.start() >>> 6] |= 1L << m.start();
      }
    }
    return bits;
  }

  /**
   * Whether a masked identifier keeps {@code n} characters at its start ({@code head}; a mobile's with the country
   * code before it too, {@code 86138****5678}) or at its end.
   */
  private boolean keeps(int n, boolean head) {
    if (n <= 0) {
      return false;
    }
    return head ? n == idNumber.head || n == bankCard.head || n == mobile.head || n == mobile.head + 2
        || n == mobile.head + 4 : n == idNumber.tail || n == bankCard.tail || n == mobile.tail;
  }

  /**
   * {@code text} with each match of {@code pattern} in {@link #asciiDigits} of it replaced, and the text between
   * matches kept as written: the whole text had come out with its full-width digits made ASCII, so a note's
   * {@code 每月收入３０００元} became {@code 每月收入3000元}, a change to what the borrower wrote that hid nothing.
   * A match the replacement returns null for is kept as written too.
   */
  private static String replaceMatches(String text, Pattern pattern,
      Function<Matcher, @Nullable String> replacement) {
    Matcher m = pattern.matcher(asciiDigits(text));
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    while (m.find()) {
      String replaced = replacement.apply(m);
      out.append(text, at, m.start()).append(replaced == null ? text.substring(m.start(), m.end()) : replaced);
      at = m.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /**
   * A UUID written 8-4-4-4-12 in hexadecimal: a service's own identifier (a submission id), never a person's. Its
   * middle groups are all digits often enough ({@code ff74d650-0791-4011-9487-d87f99cbe8ac}, about one UUID in a
   * hundred) to read as a 12-digit card, and the audit log's subjects had such ids half masked
   * ({@code submission/ff74d650-079140**9487-d87f99cbe8ac}): the entry no longer named its submission. No mobile,
   * ID number or card is written in that shape.
   */
  private static final Pattern UUID = Pattern.compile("(?<![0-9A-Za-z-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}"
      + "-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z-])");

  /** Whether a run {@code from..to} of a text lies within one UUID of it. */
  @FunctionalInterface
  interface UuidSpans {
    boolean contain(int from, int to);
  }

  /**
   * The UUIDs of {@code text}, found once. A run that goes on past a UUID's end (digits after it, set apart by a
   * space) is masked as any other: a card written after an id is not let through. The text had been scanned for
   * UUIDs again for each run of digits, so {@code 13812345678 , } written 2 000 times (28 000 characters) took 4 s.
   */
  static UuidSpans uuidSpans(String text) {
    Matcher uuid = UUID.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (uuid.find()) {
      spans.add(new int[] {uuid.start(), uuid.end()});
    }
    return (from, to) -> { // the last UUID starting at or before from: UUIDs do not overlap
      int low = 0;
      int high = spans.size() - 1;
      int found = -1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        if (spans.get(mid)[0] <= from) {
          found = mid;
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      return found >= 0 && to <= spans.get(found)[1];
    };
  }

  /**
   * One run of digits and separators, masked. When all its digits make one identifier (and it does not start with a
   * mobile number: {@code 139 1234 5678 2026} is a mobile and a year, not a card that shows 139123; nor would its mask
   * show a digit of an identifier written within it that this one's own mask hides: {@code 12 138 1234 5678} is a
   * group and a mobile, not a card that shows 1381), that one.
   * Else it is split at its separators into identifiers written the usual ways — a mobile as 11 digits or 3-4-4 (a
   * country code before it as a group of its own), an ID number as 18 characters or 6-8-4, a card as 12–19 digits
   * or in groups of four — covering the most digits, then the fewest identifiers whose groups are set apart by
   * different separators (one identifier is written one way: in {@code 6294 - 3212 - 6699 - 1802 - 118 6257-1285-…}
   * the {@code 118 6257 1285} is not a mobile), then the most mobiles, then the most cards of 16 or 19 digits.
   * Two identifiers a space apart ({@code 13912345678 110105…}, a run of 29 digits) were left as they were. Groups
   * between the identifiers are masked as a run of their own would be (when they are none, they stay as they are):
   * left as they were, a redacted note redacted again came out masked further, the groups run into the identifiers.
   */
  private String maskRun(String run) {
    return identifiersWithinHidden(run, masked(run, true));
  }

  /**
   * {@code masked}, {@code run} masked, with each digit hidden that the own mask of a mobile written within the run
   * hides: eleven digits, 1 and 3–9 then nine more, starting where a group of the run starts and ending where one
   * ends, across separators of one kind ({@link #writtenOneWay}), even where its first or last group can also be read
   * as a date's day or year: which the writer meant cannot be told, and its mask hides none of the date's digits
   * (a card and a date around {@code 1381234-2026 11 5} had shown the mobile's {@code 1234}). The split masks the
   * identifiers written the usual ways and leaves groups that are none as they are, so
   * {@code 4444 4444 4444 1381 2345678} had been a card and seven digits, the mobile {@code 13812345678} shown all
   * but whole. So is each digit a card or an ID number written within the run hides ({@link #cardsWithinHidden}).
   * A run of one group is an identifier, masked as one, or none. Linear in the run: a look at eleven digits, and at
   * the groups of up to 19, for each group.
   */
  private String identifiersWithinHidden(String run, String masked) {
    char[] digits = new char[run.length()];
    int[] separatorAt = new int[run.length()]; // before a group's first digit, where its separator starts; else -1
    int count = 0;
    int separator = 0;
    for (int k = 0; k < run.length(); k++) {
      char c = run.charAt(k);
      if (c >= '0' && c <= '9' || isX(c)) {
        boolean groupStart = k == 0 || !Character.isDigit(run.charAt(k - 1)) && !isX(run.charAt(k - 1));
        separatorAt[count] = groupStart ? separator : -1;
        digits[count++] = c;
      } else if (k == 0 || Character.isDigit(run.charAt(k - 1)) || isX(run.charAt(k - 1))) {
        separator = k;
      }
    }
    if (count == run.length()) { // one group is an identifier, masked as one, or none
      return masked;
    }
    boolean allHidden = (long) mobile.head + mobile.tail >= 11;
    int hiddenFrom = allHidden ? 0 : mobile.head;
    int hiddenTo = allHidden ? 11 : 11 - mobile.tail;
    boolean[] hide = null;
    CharSequence written = java.nio.CharBuffer.wrap(digits, 0, count);
    for (int o = 0; o + 11 <= count; o++) {
      if (separatorAt[o] < 0 || o + 11 < count && separatorAt[o + 11] < 0 || !mobileAt(written, o)
          || !writtenOneWay(run, separatorAt, o, 11)) {
        continue;
      }
      hide = hide == null ? new boolean[count] : hide;
      for (int k = o + hiddenFrom; k < o + hiddenTo; k++) {
        hide[k] = true;
      }
    }
    hide = cardsWithinHidden(run, digits, separatorAt, count, hide);
    if (hide == null) {
      return masked;
    }
    StringBuilder out = null;
    for (int k = 0, d = 0; k < masked.length() && d < count; k++) {
      char c = masked.charAt(k);
      if (Character.isDigit(c) || isX(c) || c == maskChar) {
        if (hide[d++] && c != maskChar) {
          out = out == null ? new StringBuilder(masked) : out;
          out.setCharAt(k, maskChar);
        }
      }
    }
    return out == null ? masked : out.toString();
  }

  /**
   * {@code hide} (a new array when it is null and a digit is to be hidden) with each digit of {@code run}'s
   * {@code count} that the own mask of a card of 16–19 digits or an ID number written within it hides: in whole groups
   * across separators of one kind, grouped the usual ways (in fours, the last perhaps shorter, or 6-8-4), none of them
   * a date's ({@link #dateGroups}) or a mobile's written 3-4-4 ({@link #mobileDigits}). The split takes one reading,
   * and where two covered as many digits, or a mobile grouped any way started the run, a card or an ID number went
   * out half in clear: {@code 6222 0212 3456 7890 2000元} as a card {@code 0212 3456 7890 2000} that showed the
   * card's {@code 1234}, {@code 19025 110105 19990112 454X} as a mobile {@code 19025 110105} and the ID number's
   * middle. Which the writer meant cannot be told, so only what every reading shows is shown.
   */
  private boolean @Nullable [] cardsWithinHidden(String run, char[] digits, int[] separatorAt, int count,
      boolean @Nullable [] hide) {
    int[] starts = new int[count + 1]; // the digit each group starts at, and count after the last
    int groups = 0;
    for (int d = 0; d < count; d++) {
      if (separatorAt[d] >= 0) {
        starts[groups++] = d;
      }
    }
    starts[groups] = count;
    boolean[] inDate = null;
    boolean[] inMobile = null;
    for (int g = 0; g < groups; g++) {
      for (int h = g + 1; h < groups && starts[h + 1] - starts[g] <= 19; h++) {
        int length = starts[h + 1] - starts[g];
        if (length < 16 || !usualGrouping(starts, g, h) || !writtenOneWay(run, separatorAt, starts[g], length)) {
          continue;
        }
        String own = maskIdentifier(new String(digits, starts[g], length));
        if (own == null) {
          continue;
        }
        inDate = inDate == null ? dateDigits(run, count) : inDate;
        inMobile = inMobile == null ? mobileDigits(run, digits, separatorAt, starts, groups) : inMobile;
        if (anyWithin(inDate, starts[g], length) || anyWithin(inMobile, starts[g], length)) {
          continue;
        }
        for (int k = 0; k < length; k++) {
          if (own.charAt(k) == maskChar) {
            hide = hide == null ? new boolean[count] : hide;
            hide[starts[g] + k] = true;
          }
        }
      }
    }
    return hide;
  }

  /** Whether groups {@code g..h} (by their first digits, {@code starts}) are fours, the last perhaps less, or 6-8-4. */
  private static boolean usualGrouping(int[] starts, int g, int h) {
    if (h - g == 2 && starts[g + 1] - starts[g] == 6 && starts[g + 2] - starts[g + 1] == 8
        && starts[h + 1] - starts[h] == 4) {
      return true;
    }
    for (int k = g; k < h; k++) {
      if (starts[k + 1] - starts[k] != 4) {
        return false;
      }
    }
    return starts[h + 1] - starts[h] <= 4;
  }

  /**
   * Which of the digits of {@code run} belong to a mobile written 3-4-4 with one separator, or to the country code
   * {@code 86} or {@code 0086} written as a group before it: a reading no card or ID number across it outweighs, as
   * the split takes it first ({@code 139 1234 5678 6222 0212 3456 7890} is a mobile and a card).
   */
  private static boolean[] mobileDigits(String run, char[] digits, int[] separatorAt, int[] starts, int groups) {
    boolean[] mobile = new boolean[starts[groups]];
    CharSequence written = java.nio.CharBuffer.wrap(digits, 0, starts[groups]);
    for (int g = 0; g + 3 <= groups; g++) {
      if (starts[g + 1] - starts[g] != 3 || starts[g + 2] - starts[g + 1] != 4 || starts[g + 3] - starts[g + 2] != 4
          || !mobileAt(written, starts[g]) || !writtenOneWay(run, separatorAt, starts[g], 11)) {
        continue;
      }
      String code = g > 0 ? new String(digits, starts[g - 1], starts[g] - starts[g - 1]) : "";
      for (int d = code.equals("86") || code.equals("0086") ? starts[g - 1] : starts[g]; d < starts[g + 3]; d++) {
        mobile[d] = true;
      }
    }
    return mobile;
  }

  /** Which of the {@code count} digits of {@code run} belong to a date's groups ({@link #dateGroups}). */
  private static boolean[] dateDigits(String run, int count) {
    boolean[] date = new boolean[count];
    Grouped g = Grouped.of(run);
    for (int at = 0; at + 3 <= g.size(); at++) {
      if (dateGroups(g.groups(), g.separators(), at)) {
        for (int d = g.characters()[at]; d < g.characters()[at + 3]; d++) {
          date[d] = true;
        }
      }
    }
    return date;
  }

  private static boolean anyWithin(boolean[] flags, int from, int length) {
    for (int k = from; k < from + length; k++) {
      if (flags[k]) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #writtenOneWay} for the {@code length} digits from {@code o} on of {@code run}, whose groups' separators
   * start at {@code separatorAt} (by digit): each separator the run's characters up to the next digit.
   */
  private static boolean writtenOneWay(String run, int[] separatorAt, int o, int length) {
    int first = -1;
    int firstLength = 0;
    for (int k = o + 1; k < o + length; k++) {
      if (separatorAt[k] >= 0) {
        int from = separatorAt[k];
        int to = from;
        while (!Character.isDigit(run.charAt(to)) && !isX(run.charAt(to))) {
          to++;
        }
        if (first < 0) {
          first = from;
          firstLength = to - from;
        } else if (to - from != firstLength || !run.regionMatches(from, run, first, firstLength)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether {@code digits} hold a mobile's eleven digits from {@code at} on: 1 and 3–9, then nine more. */
  private static boolean mobileAt(CharSequence digits, int at) {
    if (digits.charAt(at) != '1' || digits.charAt(at + 1) < '3' || digits.charAt(at + 1) > '9') {
      return false;
    }
    for (int k = at + 2; k < at + 11; k++) {
      if (digits.charAt(k) < '0' || digits.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #maskGroups} of {@code run}, and {@link #maskRun}'s reading of a final X or x as a letter when
   * {@code finalLetter}. A run that starts with a mobile or a date and goes on with more is masked as the mobile or
   * date and then the rest as a run of its own ({@link Nested}); the rest had been masked by a call within the call,
   * so 20 000 mobiles a space apart (240 000 characters) overflowed the stack. The rests are taken in a loop, and
   * the masked run is put together once, from its outermost part in: a string is built for a part only where its whole
   * is needed, to hide what the whole identifier hides or to read a final X as a letter. The run is split into its
   * groups once ({@link Grouped}) and each rest is a span of those groups: each rest had been copied and split anew,
   * so the work grew with the square of the run and those 20 000 mobiles took 5 s.
   */
  private String masked(String run, boolean finalLetter) {
    Grouped g = Grouped.of(run);
    List<Nested> levels = new ArrayList<>();
    List<int[]> spans = new ArrayList<>(); // the characters from..to of run that level k masks
    int first = 0;
    int last = g.size();
    Object step = maskGroups(g, first, last);
    while (step instanceof Nested nested) {
      levels.add(nested);
      spans.add(new int[] {g.start(first), g.end(last)});
      first = nested.innerFrom();
      last = nested.innerTo();
      step = maskGroups(g, first, last);
    }
    String current = g.text(first, last);
    String core = (String) step;
    if (finalLetter || !levels.isEmpty()) {
      core = withFinalLetter(current, core);
    }
    int coreLevel = levels.size(); // core is the masked run of level coreLevel; the levels above wrap it
    boolean same = core.equals(current);
    int length = core.length();
    for (int k = levels.size() - 1; k >= 0; k--) {
      Nested nested = levels.get(k);
      int from = spans.get(k)[0];
      int to = spans.get(k)[1];
      length += nested.before().length() + nested.after().length();
      boolean partsAlign = nested.before().length() == g.start(nested.innerFrom()) - from
          && nested.after().length() == to - g.end(nested.innerTo());
      if (nested.whole() != null) {
        core = hiddenAlso(built(levels, k, coreLevel, core), nested.whole());
        coreLevel = k;
        same = core.length() == to - from && run.startsWith(core, from);
      } else if (length != to - from) {
        same = false;
      } else if (partsAlign) {
        same = same && run.startsWith(nested.before(), from)
            && run.startsWith(nested.after(), to - nested.after().length());
      } else {
        same = built(levels, k, coreLevel, core).equals(run.substring(from, to));
      }
      if ((finalLetter || k > 0) && same && isX(run.charAt(to - 1))) {
        String runK = run.substring(from, to);
        core = withFinalLetter(runK, runK);
        coreLevel = k;
        same = core.equals(runK);
        length = core.length();
      } else if (nested.whole() != null) {
        length = core.length();
      }
    }
    return built(levels, 0, coreLevel, core);
  }

  /**
   * A run split once at its separators: its groups, the separators between them, where each group starts and how
   * many characters and digits the groups before it hold, and the {@link Splits} of its rests found so far.
   * {@link #masked} masks spans of these groups, one rest within another, with no copy of a rest and no second split.
   * Not thread-safe: one belongs to one call of {@link #masked}.
   */
  private record Grouped(String run, List<String> groups, List<String> separators, int[] starts, int[] characters,
      int[] digits, Map<Integer, Splits> splitsByLast) {
    static Grouped of(String run) {
      List<String> groups = new ArrayList<>();
      List<String> separators = new ArrayList<>(); // separators.get(k) lies between groups k and k + 1
      List<Integer> starts = new ArrayList<>();
      Matcher sep = SEPARATORS.matcher(run);
      int at = 0;
      while (sep.find()) {
        groups.add(run.substring(at, sep.start()));
        starts.add(at);
        separators.add(sep.group());
        at = sep.end();
      }
      groups.add(run.substring(at));
      starts.add(at);
      int n = groups.size();
      int[] characters = new int[n + 1];
      int[] digits = new int[n + 1];
      for (int k = 0; k < n; k++) {
        String group = groups.get(k);
        characters[k + 1] = characters[k] + group.length();
        digits[k + 1] = digits[k] + (int) group.chars().filter(c -> c >= '0' && c <= '9').count();
      }
      return new Grouped(run, groups, separators, starts.stream().mapToInt(Integer::intValue).toArray(), characters,
          digits, new HashMap<>());
    }

    /** The splits of the rests that end where group {@code last - 1} ends, as far as they are known. */
    Splits splits(int last) {
      return splitsByLast.computeIfAbsent(last, to -> new Splits(this, to));
    }

    int size() {
      return groups.size();
    }

    /** Where group {@code k} starts in the run. */
    int start(int k) {
      return starts[k];
    }

    /** Where the groups before {@code to} end in the run (group {@code to - 1}'s end). */
    int end(int to) {
      return starts[to - 1] + groups.get(to - 1).length();
    }

    /** Groups {@code from..to-1} as written, with the separators between them. */
    String text(int from, int to) {
      return run.substring(start(from), end(to));
    }

    /** Whether groups {@code from..to-1} hold the 11 digits that the shortest identifier, a mobile, has. */
    boolean mayHoldIdentifier(int from, int to) {
      return digits[to] - digits[from] >= 11;
    }
  }

  /**
   * {@code masked}, the run masked whole, or when it is the run as written and ends with X or x, that letter read as
   * no ID number's check character: {@code 13812345678x} is a mobile and a letter after it.
   */
  private String withFinalLetter(String run, String masked) {
    if (masked.equals(run) && endsWithX(run)) {
      int cut = run.length() - 1;
      while (!Character.isDigit(run.charAt(cut - 1))) { // 138 1234 5678 x: the space before the letter stays
        cut--;
      }
      return masked(run.substring(0, cut), false) + run.substring(cut);
    }
    return masked;
  }

  private static boolean endsWithX(String run) {
    return isX(run.charAt(run.length() - 1));
  }

  private static boolean isX(char c) {
    return c == 'X' || c == 'x';
  }

  /**
   * {@link #maskRun} read the straightforward way, as it was written before {@link #masked}: each rest after a mobile
   * or a date copied, split anew and masked by a call within the call. The tests hold {@link #redact} to it on texts
   * short enough for its square time and its stack.
   */
  String maskedByNestedCalls(String run, boolean finalLetter) {
    Grouped g = Grouped.of(run);
    Object step = maskGroups(g, 0, g.size());
    String masked = step instanceof Nested nested ? nested.before()
        + maskedByNestedCalls(g.text(nested.innerFrom(), nested.innerTo()), true) + nested.after() : (String) step;
    if (step instanceof Nested nested && nested.whole() != null) {
      masked = hiddenAlso(masked, nested.whole());
    }
    if (finalLetter && masked.equals(run) && endsWithX(run)) {
      int cut = run.length() - 1;
      while (!Character.isDigit(run.charAt(cut - 1))) {
        cut--;
      }
      return maskedByNestedCalls(run.substring(0, cut), false) + run.substring(cut);
    }
    return masked;
  }

  /** The masked run of level {@code from}: the parts of levels {@code from..to-1} around {@code core}, level to's. */
  private static String built(List<Nested> levels, int from, int to, String core) {
    StringBuilder out = new StringBuilder();
    for (int k = from; k < to; k++) {
      out.append(levels.get(k).before());
    }
    out.append(core);
    for (int k = to - 1; k >= from; k--) {
      out.append(levels.get(k).after());
    }
    return out.toString();
  }

  /**
   * A run masked as {@code before}, then its groups {@code innerFrom..innerTo-1} masked as a run of their own
   * ({@link #maskRun}), then {@code after}; with each digit hidden that {@code whole} hides when it is not null
   * ({@link #hiddenAlso}).
   */
  private record Nested(String before, int innerFrom, int innerTo, String after, @Nullable String whole) {}

  /**
   * {@link #maskRun} of a run taken whole, its final X or x an ID number's check character: the masked run, or a
   * {@link Nested} when a mobile or a date starts it and the rest is to be masked as a run of its own.
   */
  private Object maskGroups(Grouped g, int first, int last) {
    List<String> groups = g.groups().subList(first, last);
    List<String> separators = g.separators().subList(first, last - 1); // separators.get(k): groups k and k + 1
    int n = groups.size();
    // no identifier has more than 19 characters: the groups are joined only when they may be one ("" is none)
    String compact = g.characters()[last] - g.characters()[first] <= 19 ? String.join("", groups) : "";
    String whole = maskIdentifier(compact);
    int dateStart = dateGroups(groups, separators, 0) ? 3 : 0;
    int dateEnd = n - 3 > dateStart && dateGroups(groups, separators, n - 3) ? n - 3 : n;
    if (dateStart > 0 || dateEnd < n) { // 2026-11-30 2000: a date and an amount, not a card 202611**2000
      String before = g.run().substring(g.start(first), g.start(first + dateStart));
      String after = g.run().substring(g.end(first + dateEnd), g.end(last));
      return g.mayHoldIdentifier(first + dateStart, first + dateEnd)
          ? new Nested(before, first + dateStart, first + dateEnd, after, null) : g.text(first, last);
    }
    int mobileGroups = leadingMobileGroups(groups);
    if (whole != null && (isMobile(compact) || mobileGroups == 0)
        && !showsMoreOfAPart(groups, separators, compact, whole)) {
      return countryCodeApart(whole, groups, separators, 0, n);
    }
    if (mobileGroups > 0) { // 139 1234 5678 2026: the 12 digits after 139 are no card (139 123456**2026 showed 9)
      String mobile = countryCodeApart(maskIdentifier(String.join("", groups.subList(0, mobileGroups))), groups,
          separators, 0, mobileGroups) + separators.get(mobileGroups - 1);
      // 1 30105 19900 307123X, an ID number of Hebei (13), Shanxi (14) or Inner Mongolia (15) grouped oddly, is as
      // much that as a mobile and seven characters, which had shown 11 of its: 130****1990 0307123X
      String hidden = whole != null && (IdentityValidation.readsAsIdNumber(compact)
          || IdentityValidation.isFirstGenerationId(compact)) ? whole : null;
      if (g.mayHoldIdentifier(first + mobileGroups, last)) {
        return new Nested(mobile, first + mobileGroups, last, "", hidden);
      }
      String rest = g.text(first + mobileGroups, last);
      return hidden != null ? hiddenAlso(mobile + rest, hidden) : mobile + rest;
    }
    Splits splits = g.splits(last);
    splits.fill(first, this);
    if (splits.nextStart[first] == last) { // no identifier written the usual ways
      return mobileGroupedAnyWay(g, first, last, whole);
    }
    StringBuilder out = new StringBuilder(g.end(last) - g.start(first));
    for (int i = first; i < last; ) {
      int next = splits.nextStart[i] > i ? splits.nextStart[i] : splits.end[i];
      if (next > i && splits.nextStart[i] == i) {
        out.append(countryCodeApart(maskIdentifier(String.join("", g.groups().subList(i, next))), groups, separators,
            i - first, next - first));
      } else { // groups of no identifier written the usual ways, masked as a run of their own would be
        String leftover = g.text(i, next);
        out.append(!g.mayHoldIdentifier(i, next) ? leftover : maskRun(leftover));
      }
      if (next < last) {
        out.append(g.separators().get(next - 1));
      }
      i = next;
    }
    return whole == null ? out.toString() : hiddenAlso(out, whole);
  }

  /**
   * The best split of groups {@code i..last-1} of a run into identifiers written the usual ways, for each {@code i}:
   * covering the most digits, then the fewest identifiers whose groups are set apart by different separators, then
   * the most mobiles, then the most cards of 16 or 19 digits (see {@link #maskRun}). It depends on the groups from
   * {@code i} on only, so the rests of one run that end where it ends share it: each rest had been searched anew, and a
   * run of many mobiles grouped no usual way took time growing with its square.
   */
  private static final class Splits {
    private final Grouped g;
    private final int last;
    private final long[] score; // of the best split of groups i..last-1
    private final int[] end; // where the identifier that starts at group i ends (exclusive), or i for none
    private final int[] nextStart; // the first group at or after i where an identifier starts, or last
    private int low;

    Splits(Grouped g, int last) {
      this.g = g;
      this.last = last;
      this.score = new long[last + 1];
      this.end = new int[last];
      this.nextStart = new int[last + 1];
      this.nextStart[last] = last;
      this.low = last;
    }

    /** Fills the splits of groups {@code first..low-1}, those after them being known. */
    void fill(int first, Masking masking) {
      List<String> groups = g.groups();
      List<String> separators = g.separators();
      for (int i = low - 1; i >= first; i--) {
        score[i] = score[i + 1];
        end[i] = i;
        int digits = 0;
        int firstLength = groups.get(i).length(); // of several groups, only 86 or 0086, 3-4-4, 6-8-4 and 4-4-… are one
        boolean mayBeGrouped = firstLength == 2 || firstLength == 3 || firstLength == 4 || firstLength == 6;
        for (int j = i; j < last && digits + groups.get(j).length() <= 19 && (j == i || mayBeGrouped); j++) {
          digits += groups.get(j).length();
          List<String> span = groups.subList(i, j + 1);
          String joined = String.join("", span);
          if (!masking.writtenAsIdentifier(span, joined)) {
            continue;
          }
          boolean oneSeparator = separators.subList(i, j).stream().distinct().count() <= 1;
          long own = digits * 1_000_000L - (oneSeparator ? 0 : 100_000) + (isMobile(joined) ? 1_000 : 0)
              + (digits == 16 || digits == 19 ? 100 : 0);
          if (own + score[j + 1] > score[i]) {
            score[i] = own + score[j + 1];
            end[i] = j + 1;
          }
        }
        nextStart[i] = end[i] > i ? i : nextStart[i + 1];
      }
      low = Math.min(low, first);
    }
  }

  /**
   * {@code split}, a run masked as the identifiers written within it, with each digit hidden that {@code whole}, the
   * run masked as one identifier, hides too: either may be what was meant, so only what both show is shown. The parts
   * had shown digits the whole hides: {@code 601451 - 46995110 - 8952 - 7}, a card of 19 or an ID number and a
   * digit, came out {@code 601***********8952 - 7}, the card's fifth digit from the end in clear.
   */
  private String hiddenAlso(CharSequence split, String whole) {
    StringBuilder out = new StringBuilder(split.length());
    for (int k = 0, d = 0; k < split.length(); k++) {
      char c = split.charAt(k);
      boolean character = Character.isDigit(c) || c == 'X' || c == 'x' || c == maskChar;
      out.append(character && whole.charAt(d++) == maskChar ? maskChar : c);
    }
    return out.toString();
  }

  /**
   * Groups of no identifier written the usual ways with the mobiles among them masked: whole groups whose digits are
   * a mobile's, 1 and 3–9 then nine more, perhaps after China's country code {@code 86} or {@code 0086}, however
   * grouped. After another number, {@code 20261130 86 135 61079516} and {@code 20261130 0086159 - 95961713} were no
   * identifier and went out in clear. The groups before and after it are masked as a run of their own would be, so
   * that a redacted note redacted again comes out the same: those after it as a {@link Nested} rest, which
   * {@link #masked} takes in its loop (masked by a call within the call, 1 000 such mobiles a space apart took 96 s
   * and overflowed the stack). Each digit {@code whole} hides is hidden too ({@link #hiddenAlso}).
   */
  private Object mobileGroupedAnyWay(Grouped g, int first, int last, @Nullable String whole) {
    List<String> groups = g.groups().subList(first, last);
    List<String> separators = g.separators().subList(first, last - 1);
    int n = groups.size();
    for (int i = 0; i < n; i++) {
      StringBuilder digits = new StringBuilder(groups.get(i));
      for (int j = i + 1; j < n && digits.length() < 15; j++) {
        digits.append(groups.get(j));
        int start = digits.length() - 11;
        if (isMobile(digits) && digits.charAt(start) == '1' && digits.charAt(start + 1) >= '3') {
          String before = i > 0 ? g.text(first, first + i) : "";
          String mobile = (i > 0 ? (mayHoldIdentifier(before) ? maskRun(before) : before) + separators.get(i - 1) : "")
              + countryCodeApart(maskIdentifier(digits.toString()), groups, separators, i, j + 1)
              + (j + 1 < n ? separators.get(j) : "");
          if (j + 1 < n && g.mayHoldIdentifier(first + j + 1, last)) { // the rest, masked as a run of its own
            return new Nested(mobile, first + j + 1, last, "", whole);
          }
          String after = j + 1 < n ? g.text(first + j + 1, last) : "";
          return whole == null ? mobile + after : hiddenAlso(mobile + after, whole);
        }
      }
    }
    return whole == null ? g.text(first, last) : hiddenAlso(g.text(first, last), whole);
  }

  /**
   * Whether {@code whole}, the run's digits {@code compact} masked as one identifier, shows a digit of an identifier
   * written the usual ways within it (groups {@code i..j}, not all of them) that this part's own mask hides: in
   * {@code 12 138 1234 5678} a 13-digit card {@code 121381***5678} showed the mobile's fourth digit, which its own mask
   * {@code 138****5678} hides. So is a mobile however it is grouped, its eleven digits starting where a group starts:
   * {@code 12 1 3812345678} had been the same card. Such a run is split instead. An ID number grouped oddly holds no
   * such part, as a card in groups of four shows no more of a card within it than that card's mask would.
   */
  private boolean showsMoreOfAPart(List<String> groups, List<String> separators, String compact, String whole) {
    for (int i = 0, offset = 0; i < groups.size(); offset += groups.get(i).length(), i++) {
      if (offset + 11 <= compact.length() && mobileAt(compact, offset) && writtenOneWay(groups, separators, i)
          && showsMore(mobile(compact.substring(offset, offset + 11)), whole, offset)) {
        return true; // a mobile however grouped: 12 1 3812345678 had been a card 121381***5678, its 4th digit shown
      }
      int digits = 0;
      for (int j = i; j < groups.size() && digits + groups.get(j).length() <= 19; j++) {
        digits += groups.get(j).length();
        if (i == 0 && j == groups.size() - 1) {
          break;
        }
        List<String> span = groups.subList(i, j + 1);
        String joined = String.join("", span);
        if (!writtenAsIdentifier(span, joined)) {
          continue;
        }
        if (showsMore(maskIdentifier(joined), whole, offset)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the eleven digits from group {@code i} on end where a group ends and are set apart by one separator
   * throughout: one identifier is written one way, so in {@code 6283-5437-7227-1668 131 - 2426 - 1282} a card and a
   * mobile, {@code 1668 131 2426} is no mobile.
   */
  private static boolean writtenOneWay(List<String> groups, List<String> separators, int i) {
    int digits = groups.get(i).length();
    for (int j = i + 1; digits < 11 && j < groups.size(); j++) {
      if (!separators.get(j - 1).equals(separators.get(i))) {
        return false;
      }
      digits += groups.get(j).length();
    }
    return digits == 11;
  }

  /** Whether {@code whole} shows a character from {@code offset} on that {@code own}, a part's mask, hides. */
  private boolean showsMore(String own, String whole, int offset) {
    for (int k = 0; k < own.length(); k++) {
      if (own.charAt(k) == maskChar && whole.charAt(offset + k) != maskChar) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether groups {@code at..at+2} are a date, {@code 2026-11-30}: a year of 1900–2099, a month and a day, one
   * separator between them and another (or none, at the run's end) after them. No identifier is written so; a date
   * before or after a number ({@code 2026-11-30 2000元}, {@code 6222 0212 3456 7890 2026-11-30}) had made one run with
   * it that was masked as a card, the date mangled and, after a mobile with its country code, nine of the mobile's
   * digits shown, {@code 86138-123456****2611-30}.
   */
  private static boolean dateGroups(List<String> groups, List<String> separators, int at) {
    if (at + 3 > groups.size() || !separators.get(at).equals(separators.get(at + 1))
        || at > 0 && separators.get(at - 1).equals(separators.get(at))
        || at + 3 < groups.size() && separators.get(at + 2).equals(separators.get(at))) {
      return false;
    }
    String year = groups.get(at);
    String month = groups.get(at + 1);
    String day = groups.get(at + 2);
    return year.length() == 4 && (year.startsWith("19") || year.startsWith("20")) && digitsWithin(year, 1900, 2099)
        && month.length() <= 2 && digitsWithin(month, 1, 12) && day.length() <= 2 && digitsWithin(day, 1, 31);
  }

  private static boolean digitsWithin(String group, int min, int max) {
    if (!group.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int value = Integer.parseInt(group);
    return value >= min && value <= max;
  }

  /**
   * {@code masked}, groups {@code from..to-1} masked as one identifier, with the separator written after a country code
   * that is a group of its own put back: {@code 86 138 1234 5678} is {@code 86 138****5678}, where the code had been
   * run into the number, {@code 86138****5678}, as a code before brackets or dots is not ({@code +86 (138)…},
   * {@code +86.138…} keep theirs).
   */
  private static String countryCodeApart(String masked, List<String> groups, List<String> separators, int from,
      int to) {
    String code = groups.get(from);
    if (to - from < 2 || !code.equals("86") && !code.equals("0086")
        || countryCodeBeforeMobile(String.join("", groups.subList(from, to))) != code.length()) {
      return masked;
    }
    return masked.substring(0, code.length()) + separators.get(from) + masked.substring(code.length());
  }

  /** Whether {@code run} has the 11 digits that the shortest identifier, a mobile, has. */
  private static boolean mayHoldIdentifier(String run) {
    return run.chars().filter(c -> c >= '0' && c <= '9').count() >= 11;
  }

  /** Whether these groups are an identifier written one of the usual ways (see {@link #maskRun}). */
  private boolean writtenAsIdentifier(List<String> span, String joined) {
    if (!isIdentifier(joined)) {
      return false;
    }
    if (span.size() == 1) {
      return true;
    }
    String first = span.get(0);
    List<String> rest = span.subList(1, span.size());
    if ((first.equals("86") || first.equals("0086")) && isMobile(String.join("", rest))) {
      return rest.size() == 1 || widths(rest, 3, 4, 4);
    }
    if (isMobile(joined)) {
      return widths(span, 3, 4, 4);
    }
    if (joined.length() == 18 && widths(span, 6, 8, 4)) {
      return true;
    }
    for (int k = 0; k < span.size(); k++) { // a card in groups of four, the last perhaps shorter
      int length = span.get(k).length();
      if (k < span.size() - 1 ? length != 4 : length > 4) {
        return false;
      }
    }
    return joined.chars().allMatch(Character::isDigit);
  }

  private static boolean widths(List<String> groups, int... widths) {
    if (groups.size() != widths.length) {
      return false;
    }
    for (int k = 0; k < widths.length; k++) {
      if (groups.get(k).length() != widths[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * How many of the run's first groups are a mobile number with more groups after them, else 0: the first group when
   * it is one, or the first groups (after a country code {@code 86} or {@code 0086} of its own) that hold a mobile's
   * eleven digits, written 3-4-4 or, starting with a mobile's 1 and 3–9, grouped any other way. Grouped 7-4 or 5-6 with
   * a group after it, {@code 1381234 5678 9012} had been one card that showed six of the mobile's digits,
   * {@code 138123*****9012}; no card starts with 13–19. Not when a mobile written 3-4-4 starts among those groups:
   * {@code 13000000 130 0000 0000} is a group and that mobile.
   */
  private static int leadingMobileGroups(List<String> groups) {
    if (groups.size() > 1 && isMobile(groups.get(0))) {
      return 1;
    }
    int first = groups.get(0).equals("86") || groups.get(0).equals("0086") ? 1 : 0;
    StringBuilder digits = new StringBuilder();
    for (int k = first; k < groups.size() - 1 && digits.length() < 11; k++) {
      digits.append(groups.get(k));
      if (digits.length() == 11 && isMobile(digits)) {
        if (widths(groups.subList(first, k + 1), 3, 4, 4)) {
          return k + 1;
        }
        for (int j = first + 1; j <= k; j++) {
          if (j + 3 <= groups.size() && widths(groups.subList(j, j + 3), 3, 4, 4)
              && isMobile(String.join("", groups.subList(j, j + 3)))) {
            return 0;
          }
        }
        return digits.charAt(1) >= '3' ? k + 1 : 0;
      }
    }
    return 0;
  }

  private static boolean isMobile(CharSequence digits) {
    return digits.length() == 11 && digits.charAt(0) == '1' && digits.chars().allMatch(Character::isDigit)
        || (digits.length() == 13 || digits.length() == 15) && countryCodeBeforeMobile(digits.toString()) > 0;
  }

  /**
   * Whether {@code compact} is an identifier, {@link #maskIdentifier} of it not null, found without masking it: the
   * split of a run asks it of every span of up to 19 characters, and masking each span (a regular expression or two
   * and several strings a span) had made a run of single digits, {@code 1 1 1 …}, allocate 6 KB a character:
   * 240 000 characters took seconds.
   */
  private static boolean isIdentifier(String compact) {
    return isMobile(compact) || compact.length() == 18 || IdentityValidation.isFirstGenerationId(compact)
        || compact.length() >= 12 && compact.length() <= 19 && compact.chars().allMatch(Character::isDigit);
  }

  /** {@code compact} (digits, perhaps a final X) masked as the identifier it is, or null when it is none. */
  private @Nullable String maskIdentifier(String compact) {
    int country = countryCodeBeforeMobile(compact);
    if (country == 0 && isMobile(compact)) {
      return mobile(compact);
    } else if (country > 0) { // +86 139…, 0086 139…: read as a card, 4 more of the mobile's digits were shown
      return compact.substring(0, country) + mobile(compact.substring(country));
    } else if (compact.length() == 18 || IdentityValidation.isFirstGenerationId(compact)) {
      return idNumber(compact); // a 15-digit ID read as a card had shown its whole region code, 110105*****7123
    } else if (compact.length() >= 12 && compact.length() <= 19 && compact.chars().allMatch(Character::isDigit)) {
      // no card starts as a mobile does, 1 and 3–9: 138 1234 56789 is a mobile mistyped, and a card's mask,
      // 138123**6789, showed nine of its digits; a mobile's hides its middle
      return compact.charAt(0) == '1' && compact.charAt(1) >= '3' ? keep(compact, mobile) : bankCard(compact);
    }
    return null;
  }

  /** The length of a {@code 86} or {@code 0086} before an 11-digit mobile number in {@code digits}, else 0. */
  private static int countryCodeBeforeMobile(String digits) {
    for (String code : new String[] {"86", "0086"}) {
      if (digits.length() == code.length() + 11 && digits.startsWith(code) && digits.charAt(code.length()) == '1'
          && digits.chars().allMatch(Character::isDigit)) {
        return code.length();
      }
    }
    return 0;
  }

  private String keep(String v, Keep rule) {
    int length = v.codePointCount(0, v.length());
    if (length <= (long) rule.head + rule.tail) { // in int, idNumber(Integer.MAX_VALUE, 1) wrapped and threw
      return stars(length);
    }
    int headEnd = v.offsetByCodePoints(0, rule.head);
    int tailStart = v.offsetByCodePoints(0, length - rule.tail);
    return v.substring(0, headEnd) + stars(length - rule.head - rule.tail) + v.substring(tailStart);
  }

  private String stars(int n) {
    return String.valueOf(maskChar).repeat(n);
  }

  @Override
  public String toString() {
    return "Masking[idNumber=" + idNumber + ", bankCard=" + bankCard + ", mobile=" + mobile + ", emailKeep="
        + emailKeep + ", addressKeep=" + addressKeep + ", maskChar=" + maskChar + ", compoundSurnames="
        + compoundSurnames.size() + "]";
  }

  /** Characters kept at the start and at the end. */
  private record Keep(int head, int tail) {
    Keep {
      if (head < 0 || tail < 0) {
        throw new InvalidInputException("masking", "kept characters must not be negative: " + head + ", " + tail);
      }
    }

    @Override
    public String toString() {
      return head + "+" + tail;
    }
  }

  /**
   * Configures a {@link Masking}; starts from the defaults. Each {@link #build()} returns an independent
   * immutable object. Thread-safety: not thread-safe.
   */
  public static final class Builder {
    private Keep idNumber = new Keep(3, 4);
    private Keep bankCard = new Keep(6, 4);
    private Keep mobile = new Keep(3, 4);
    private int emailKeep = 1;
    private int addressKeep = 6;
    private char maskChar = '*';
    private Set<String> compoundSurnames = DEFAULT_COMPOUND_SURNAMES;

    private Builder() {}

    /** Characters of an ID number kept at the start and at the end. */
    public Builder idNumber(int head, int tail) {
      this.idNumber = new Keep(head, tail);
      return this;
    }

    /** Digits of a bank card kept at the start and at the end. */
    public Builder bankCard(int head, int tail) {
      this.bankCard = new Keep(head, tail);
      return this;
    }

    /** Digits of a mobile number kept at the start and at the end. */
    public Builder mobile(int head, int tail) {
      this.mobile = new Keep(head, tail);
      return this;
    }

    /** Characters of an email's local part kept. */
    public Builder emailKeep(int characters) {
      this.emailKeep = nonNegative("emailKeep", characters);
      return this;
    }

    /** Leading characters of an address kept. */
    public Builder addressKeep(int characters) {
      this.addressKeep = nonNegative("addressKeep", characters);
      return this;
    }

    /** The character that replaces hidden ones. */
    public Builder maskChar(char c) {
      this.maskChar = c;
      return this;
    }

    /** Two-character compound surnames kept whole (replaces the default list). */
    public Builder compoundSurnames(Set<String> surnames) {
    Objects.requireNonNull(surnames, "surnames");
      for (String s : surnames) {
        if (Objects.requireNonNull(s, "surname").codePointCount(0, s.length()) != 2) {
          throw new InvalidInputException("compoundSurnames", "'" + s + "' is not a two-character surname");
        }
      }
      this.compoundSurnames = Set.copyOf(surnames);
      return this;
    }

    public Masking build() {
      return new Masking(this);
    }

    private static int nonNegative(String field, int n) {
      if (n < 0) {
        throw new InvalidInputException(field, n + " is negative");
      }
      return n;
    }
  }
}
