package io.github.fenqi.nlp.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Normalises Chinese policy text so that the rules only ever see one spelling of each thing: full-width
 * forms become ASCII, traditional characters become simplified, Chinese numerals become Arabic digits
 * (十二 → 12, 叁拾陆 → 36, 百分之三十 → 30%, 千分之六 → 6‰, 半年 → 6个月, 一半/半数/减半 → 50%), and fractions with an
 * exact decimal to percentages (二分之一 → 50%).
 * Remnants of HTML (tags, entities) in a text copied from a page are dropped first, a block tag as a line break.
 *
 * <p>Thread-safety: immutable after construction; {@link #normalize} may be called concurrently.
 */
public final class TextNormalizer {
  private static final String DIGITS = "零〇一二两三四五六七八九";
  /** Characters after which a lone 一/两/十/百 is a numeral rather than part of a word. */
  private static final String UNITS_AFTER_NUMERAL = "期年个月天日成折倍档%周";

  private final char[] charMap;

  private TextNormalizer(char[] charMap) {
    this.charMap = charMap;
  }

  /** The normaliser with the bundled traditional-to-simplified table. */
  public static TextNormalizer standard() {
    char[] map = new char[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      map[c] = foldWidth((char) c);
    }
    try (InputStream in = TextNormalizer.class.getResourceAsStream("/io/github/fenqi/nlp/traditional-simplified.txt")) {
      if (in == null) {
        throw new IllegalStateException("missing resource traditional-simplified.txt");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      Set<Character> listed = new HashSet<>();
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.length() != 2) {
          throw new IllegalStateException("traditional-simplified.txt: expected two characters, got '" + line + "'");
        }
        if (!listed.add(line.charAt(0))) { // a second line for it would silently win over the first
          throw new IllegalStateException("traditional-simplified.txt: '" + line.charAt(0) + "' is listed twice");
        }
        map[line.charAt(0)] = line.charAt(1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TextNormalizer(map);
  }

  private static char foldWidth(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return (char) (c - 0xFEE0);
    }
    if (isItemMarker(c)) {
      return '、'; // "可选期数①12期②24期": an item marker between options, never the digit it shows (①12期 is no 112)
    }
    if ((c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F') {
      return ' '; // thin, hair, en, em, narrow no-break spaces: "12\u2009-\u200936期" had been no range
    }
    switch (c) {
      case '\u3000': case '\u00A0': case '\t': return ' ';
      case '\u2014': case '\u2013': case '\u2012': case '\u2212': case '\u2010': return '-';
      // the horizontal bar (GBK's Chinese dash as Windows' code page 936 decodes it), two- and three-em dashes,
      // non-breaking hyphen, small em dash and hyphen: "12――36期" had been read as no range
      case '\u2015': case '\u2E3A': case '\u2E3B': case '\u2011': case '\uFE58': case '\uFE63': return '-';
      case '\u301C': case '\u2053': case '\u223C': return '~'; // wave dash, swung dash, tilde operator
      case '\u201C': case '\u201D': return '"';
      case '\uFE6A': case '\u066A': return '%'; // small and Arabic percent signs: "减免50﹪" had been read as nothing
      default: return c;
    }
  }

  /**
   * A circled, parenthesised or full-stopped number that numbers an item in a list (①..⑳, ⑴..⒇, ⒈..⒛, ❶..❿, ➀..➓,
   * ⓫..⓾, ㈠..㈩): options numbered so ("①12期②24期③36期") had been read as nothing.
   */
  private static boolean isItemMarker(char c) {
    return c >= '\u2460' && c <= '\u249B' || c >= '\u24EB' && c <= '\u24FE' || c >= '\u2776' && c <= '\u2793'
        || c >= '\u3220' && c <= '\u3229';
  }

  /** Normalises {@code original}; the result maps every character back to the original. */
  public NormalizedText normalize(String original) {
    Visible visible = Visible.of(original);
    int n = visible.length;
    char[] folded = new char[n];
    for (int i = 0; i < n; i++) {
      folded[i] = charMap[visible.chars[i]];
    }
    financialNumerals(folded);
    Out out = new Out(n, visible);
    int i = 0;
    while (i < n) {
      char c = folded[i];
      int consumed = 0;
      if ((c == '百' || c == '千' || c == '万') && i + 2 < n && folded[i + 1] == '分' && folded[i + 2] == '之') {
        consumed = percentPhrase(folded, i, out);
      } else if (c == '半') {
        consumed = half(folded, i, out);
      } else if (c == '一' && i + 1 < n && folded[i + 1] == '半') {
        consumed = out.emit("50%", i, i + 2);
      } else if (isNumeralStart(c) || isAsciiDigit(c) && (i == 0 || !isAsciiDigit(folded[i - 1]))) {
        consumed = fraction(folded, i, out);
        if (consumed == 0 && isNumeralStart(c)) {
          consumed = numeral(folded, i, out);
        }
      }
      if (consumed == 0) {
        out.append(c, i, i + 1);
        consumed = 1;
      }
      i += consumed;
    }
    return out.build(original);
  }

  /**
   * The text without the remnants of HTML a text copied from a page keeps ("<p>罚息减免50%</p><p>本金不减免</p>",
   * "&nbsp;"): tags dropped, a block element's tag read as a line break (so it ends a sentence), entities decoded;
   * each character with the span of the original it came from.
   */
  private static final class Visible {
    final char[] chars;
    final int[] from;
    final int[] to;
    final int length;

    private Visible(char[] chars, int[] from, int[] to, int length) {
      this.chars = chars;
      this.from = from;
      this.to = to;
      this.length = length;
    }

    static Visible of(String original) {
      int n = original.length();
      if (original.indexOf('<') < 0 && original.indexOf('&') < 0) {
        char[] chars = new char[n];
        int[] from = new int[n];
        int[] to = new int[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
          char c = original.charAt(i);
          if (!invisible(c)) {
            chars[len] = c;
            from[len] = i;
            to[len] = i + 1;
            len++;
          }
        }
        return new Visible(chars, from, to, len);
      }
      char[] chars = new char[n]; // markup only ever shortens the text
      int[] from = new int[n];
      int[] to = new int[n];
      int[] len = {0};
      HtmlText.visibleText(original, true, (piece, f, t) -> {
        for (int k = 0; k < piece.length() && len[0] < n; k++) {
          if (invisible(piece.charAt(k))) {
            continue;
          }
          chars[len[0]] = piece.charAt(k);
          from[len[0]] = f;
          to[len[0]] = t;
          len[0]++;
        }
      });
      return new Visible(chars, from, to, len[0]);
    }
  }

  /**
   * Characters a text copied from a page or a chat app carries that show nothing: zero-width space, non-joiner and
   * joiner, word joiner, soft hyphen, byte-order mark. Dropped before anything reads the text: between a number and
   * its unit ("36\u200B期", "50\u00AD%") they had hidden the value.
   */
  private static boolean invisible(char c) {
    return (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\u00AD' || c == '\uFEFF';
  }

  /** Growable normalised text plus its offset map (through {@link Visible}'s map to the original). */
  private static final class Out {
    private final StringBuilder text;
    private final Visible visible;
    private int[] starts;
    private int[] ends;
    private int len;
    private final java.util.BitSet roundedDown = new java.util.BitSet();

    Out(int capacity, Visible visible) {
      text = new StringBuilder(capacity);
      this.visible = visible;
      starts = new int[Math.max(16, capacity)];
      ends = new int[Math.max(16, capacity)];
    }

    /** Appends {@code c}, read from the visible characters {@code [from, to)}. */
    void append(char c, int from, int to) {
      if (len == starts.length) {
        starts = java.util.Arrays.copyOf(starts, len * 2);
        ends = java.util.Arrays.copyOf(ends, len * 2);
      }
      text.append(c);
      starts[len] = visible.from[from];
      ends[len] = visible.to[to - 1];
      len++;
    }

    int emit(String s, int from, int to) {
      for (int k = 0; k < s.length(); k++) {
        append(s.charAt(k), from, to);
      }
      return to - from;
    }

    int length() {
      return len;
    }

    /** Marks the normalised characters {@code [from, to)} as a number rounded down from an inexact fraction. */
    void roundedDown(int from, int to) {
      roundedDown.set(from, to);
    }

    NormalizedText build(String original) {
      return new NormalizedText(original, text.toString(), java.util.Arrays.copyOf(starts, len),
          java.util.Arrays.copyOf(ends, len), roundedDown);
    }
  }

  /** 大写 (financial) numerals as written in contracts, and their ordinary forms, in the same order. */
  private static final String FINANCIAL = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟";
  private static final String ORDINARY = "一二二三三四五六六七八九十百千";

  /**
   * Rewrites runs of 大写 numerals (叁拾陆期 → 三十六期, 百分之叁拾 → 百分之三十) in place, so the numeral parser reads them.
   * Several of them are also ordinary characters — 陆 (陆续, 大陆, a surname), 伍, 柒 — so a run is read as a number
   * only when it is a number's shape: two or more numerals (零 included), a unit after it (期, 年, 成, %...), or 分之
   * before it.
   */
  private static void financialNumerals(char[] text) {
    int i = 0;
    while (i < text.length) {
      if (FINANCIAL.indexOf(text[i]) < 0) {
        i++;
        continue;
      }
      int end = i;
      int financial = 0;
      while (end < text.length && (FINANCIAL.indexOf(text[end]) >= 0 || text[end] == '零')) {
        financial += FINANCIAL.indexOf(text[end]) >= 0 ? 1 : 0;
        end++;
      }
      boolean unitAfter = end < text.length && UNITS_AFTER_NUMERAL.indexOf(text[end]) >= 0;
      boolean fractionBefore = i >= 2 && text[i - 1] == '之' && text[i - 2] == '分';
      if (end - i >= 2 || unitAfter || fractionBefore) {
        for (int k = i; k < end; k++) {
          int at = FINANCIAL.indexOf(text[k]);
          if (at >= 0) {
            text[k] = ORDINARY.charAt(at);
          }
        }
      }
      i = Math.max(end, i + 1);
    }
  }

  private static boolean isNumeralStart(char c) {
    return DIGITS.indexOf(c) >= 0 || c == '十' || c == '百' || c == '千' || c == '万' || tens(c) > 0;
  }

  /**
   * 廿 20, 卅 30, 卌 40: tens written in one character ("卅六期" is 36 installments; it had been read as 6, the 卅 left
   * as a word); 0 for any other character.
   */
  private static int tens(char c) {
    return switch (c) {
      case '廿' -> 20;
      case '卅' -> 30;
      case '卌' -> 40;
      default -> 0;
    };
  }

  private static boolean isNumeralChar(char c) {
    return isNumeralStart(c) || c == '亿';
  }

  /** 百分之三十 → 30%, 千分之六 → 6‰, 万分之五 → 5‱, 百分之0.5 → 0.5%. */
  private int percentPhrase(char[] t, int i, Out out) {
    char scale = t[i];
    int j = i + 3;
    int end = j;
    String value;
    if (j < t.length && (isAsciiDigit(t[j]))) {
      while (end < t.length && (isAsciiDigit(t[end]) || (t[end] == '.' && end + 1 < t.length && isAsciiDigit(t[end + 1])))) {
        end++;
      }
      value = new String(t, j, end - j);
    } else {
      end = numeralRunEnd(t, j);
      if (end == j) {
        return 0;
      }
      value = parseNumeral(t, j, end);
      if (value == null) {
        return 0;
      }
    }
    String sign = scale == '百' ? "%" : scale == '千' ? "‰" : "‱";
    return out.emit(value + sign, i, end);
  }

  /**
   * 二分之一 → 50%, 八分之一 → 12.5%, 2分之1 → 50%: a fraction with an exact decimal is a percentage ("罚息最高减免二分之一"
   * had been read as nothing). One without is written to a hundredth of a percent rounded down (三分之一 → 33.33%,
   * 三分之二 → 66.66%), so a waiver cap read from it never exceeds the text, and marked {@link
   * NormalizedText#roundedDown}, so that a minimum read from it rounds up instead; it had been left as written and read
   * as nothing. 十分 (very) not followed by a numerator stays a word.
   */
  private int fraction(char[] t, int i, Out out) {
    int[] end = new int[1];
    String denominator = number(t, i, end);
    int of = end[0];
    if (denominator == null || of + 2 >= t.length || t[of] != '分' || t[of + 1] != '之') {
      return 0;
    }
    String numerator = number(t, of + 2, end);
    if (numerator == null) {
      return 0;
    }
    BigDecimal d = new BigDecimal(denominator);
    if (d.signum() == 0) {
      return 0;
    }
    BigDecimal percent;
    boolean exact = true;
    try {
      percent = new BigDecimal(numerator).movePointRight(2).divide(d);
    } catch (ArithmeticException e) {
      // no exact decimal (三分之一): a hundredth of a percent, rounded down, so a cap never exceeds the text
      percent = new BigDecimal(numerator).movePointRight(2).divide(d, 2, java.math.RoundingMode.DOWN);
      exact = false;
    }
    int from = out.length();
    int consumed = out.emit(percent.stripTrailingZeros().toPlainString() + "%", i, end[0]);
    if (!exact) {
      out.roundedDown(from, out.length());
    }
    return consumed;
  }

  /**
   * The number at {@code i}, in ASCII digits or Chinese numerals (at most 9 characters), with its end in {@code end[0]};
   * null if none is there.
   */
  private static @Nullable String number(char[] t, int i, int[] end) {
    int j = i;
    if (j < t.length && isAsciiDigit(t[j])) {
      while (j < t.length && j - i < 9 && isAsciiDigit(t[j])) {
        j++;
      }
      end[0] = j;
      return new String(t, i, j - i);
    }
    j = numeralRunEnd(t, i);
    if (j == i || j - i > 9) {
      return null;
    }
    end[0] = j;
    return parseNumeral(t, i, j);
  }

  /** 半年 → 6个月, 半数 → 50%, 减半 → 减50%; any other 半 is left alone. */
  private int half(char[] t, int i, Out out) {
    if (i > 0 && t[i - 1] == '减') { // "罚息减半": half of it waived, which had been read as nothing
      return out.emit("50%", i, i + 1);
    }
    if (i + 1 < t.length && t[i + 1] == '年') {
      return out.emit("6个月", i, i + 2);
    }
    if (i + 1 < t.length && t[i + 1] == '数') {
      return out.emit("50%", i, i + 2);
    }
    return 0;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int numeralRunEnd(char[] t, int i) {
    int j = i;
    while (j < t.length) {
      if (isNumeralChar(t[j])) {
        j++;
      } else if (t[j] == '点' && j > i && j + 1 < t.length && DIGITS.indexOf(t[j + 1]) >= 0) {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  private int numeral(char[] t, int i, Out out) {
    int end = numeralRunEnd(t, i);
    boolean unitFollows = end < t.length && UNITS_AFTER_NUMERAL.indexOf(t[end]) >= 0;
    if (end - i == 1 && !unitFollows && !rangeFollows(t, end)) {
      // a lone 一/三/十 not followed by a unit is part of a word (一次性, 三方, 一分不减), not a number
      return 0;
    }
    String value = parseNumeral(t, i, end);
    if (value == null) {
      return 0;
    }
    return out.emit(value, i, end);
  }

  /**
   * Whether a range goes on at {@code at} to another number ("一至三年", "两到五年", "一——三年", whose dash is doubled):
   * the lone numeral is its start.
   */
  private static boolean rangeFollows(char[] t, int at) {
    int next = at + 1;
    if (at < t.length && (t[at] == '-' || t[at] == '~')) {
      while (next < t.length && t[next] == t[at]) {
        next++;
      }
    }
    return next < t.length && "至到-~".indexOf(t[at]) >= 0 && (isNumeralStart(t[next]) || isAsciiDigit(t[next]));
  }

  /** Parses a run of Chinese numeral characters; returns its decimal form or null if it is not a number. */
  static @Nullable String parseNumeral(char[] t, int from, int to) {
    int dot = -1;
    for (int k = from; k < to; k++) {
      if (t[k] == '点') {
        dot = k;
        break;
      }
    }
    int intEnd = dot < 0 ? to : dot;
    String integer = parseInteger(t, from, intEnd);
    if (integer == null) {
      return null;
    }
    if (dot < 0) {
      return integer;
    }
    StringBuilder frac = new StringBuilder();
    for (int k = dot + 1; k < to; k++) {
      int d = digit(t[k]);
      if (d < 0) {
        return null;
      }
      frac.append(d);
    }
    return frac.length() == 0 ? integer : integer + "." + frac;
  }

  private static @Nullable String parseInteger(char[] t, int from, int to) {
    if (from == to) {
      return "0";
    }
    boolean hasUnit = false;
    for (int k = from; k < to; k++) {
      if (digit(t[k]) < 0) {
        hasUnit = true;
        break;
      }
    }
    if (!hasUnit) {
      // 二零二六 → 2026 (digit by digit)
      StringBuilder sb = new StringBuilder();
      for (int k = from; k < to; k++) {
        sb.append(digit(t[k]));
      }
      return sb.toString();
    }
    long total = 0;
    long section = 0;
    long number = 0;
    for (int k = from; k < to; k++) {
      char c = t[k];
      int d = digit(c);
      if (d >= 0) {
        number = d;
        continue;
      }
      if (tens(c) > 0) {
        if (number != 0) {
          return null; // "三卅" is no number
        }
        section += tens(c);
        continue;
      }
      long unit = switch (c) {
        case '十' -> 10;
        case '百' -> 100;
        case '千' -> 1000;
        case '万' -> 10_000;
        case '亿' -> 100_000_000;
        default -> -1;
      };
      if (unit < 0) {
        return null;
      }
      if (unit >= 10_000) {
        section = (section + number) * unit;
        total += section;
        section = 0;
      } else {
        section += (number == 0 ? 1 : number) * unit;
      }
      number = 0;
    }
    return Long.toString(total + section + number);
  }

  private static int digit(char c) {
    return switch (c) {
      case '零', '〇' -> 0;
      case '一' -> 1;
      case '二', '两' -> 2;
      case '三' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> -1;
    };
  }
}
