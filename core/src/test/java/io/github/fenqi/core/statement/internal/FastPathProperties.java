package io.github.fenqi.core.statement.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.statement.CategoryLexicon;
import io.github.fenqi.core.statement.Direction;
import io.github.fenqi.core.statement.LexiconRule;
import io.github.fenqi.core.statement.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one-scan and in-place fast paths give exactly what the plain definitions they replace give. */
class FastPathProperties {
  private static final CategoryLexicon LEXICON = CategoryLexicon.defaults();
  private static final List<String> KEYWORDS = LEXICON.rules().stream().flatMap(r -> r.keywords().stream()).distinct().toList();

  /**
   * Texts made of lexicon keywords, their fragments, their forms in other cases and full-width, and filler, so that
   * overlapping matches are common.
   */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(KEYWORDS),
        Arbitraries.of(KEYWORDS).map(k -> k.substring(0, Math.max(1, k.length() - 1))),
        Arbitraries.of(KEYWORDS).flatMap(k -> Arbitraries.of(k.toUpperCase(Locale.ROOT), k.toLowerCase(Locale.ROOT),
            fullWidth(k))),
        Arbitraries.of("Tenpay", "tenPAY-", "ＡＬＩＰＡＹ", "ＰＯＳ退货", "pos退", "\uFF00", "\uFF5F", "@", "[", "`", "{"),
        Arbitraries.of("-", " ", "\u3000", "\u00A0", "有限公司", "转账", "冲正", "退款", "交易关闭", "周子航", "店", "abc", "12.50"));
    return piece.list().ofMaxSize(5).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Transaction> transactions() {
    return Combinators.combine(texts(), texts(), texts(), Arbitraries.of(Direction.class))
        .as((counterparty, description, type, direction) -> new Transaction("t.csv", 2, 1, LocalDateTime.of(2026, 5, 1, 10, 0),
            direction, Money.ofFen(100), counterparty, "", description, type, "", "", "", "", null));
  }

  @Property(tries = 500)
  void ruleMatcherFindsTheFirstRuleInOrderWithTheSameReason(@ForAll("transactions") Transaction t) {
    List<LexiconRule> rules = LEXICON.rules();
    RuleMatcher matcher = new RuleMatcher(rules, r -> r.id().hashCode() & 1, 2);
    RuleMatcher.Hit[] hits = matcher.firstPerGroup(t);
    for (int g = 0; g < 2; g++) {
      Optional<LexiconRule.Match> expected = Optional.empty();
      LexiconRule expectedRule = null;
      for (LexiconRule r : rules) {
        if ((r.id().hashCode() & 1) == g && r.match(t).isPresent()) {
          expected = r.match(t);
          expectedRule = r;
          break;
        }
      }
      assertEquals(expectedRule, hits[g] == null ? null : hits[g].rule(), t.toString());
      assertEquals(expected, Optional.ofNullable(hits[g]).map(RuleMatcher.Hit::match), t.toString());
    }
  }

  /** {@code text} with its full-width forms as ASCII and ASCII letters lower-case, by Unicode's NFKC, not by a table. */
  static String referenceFold(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      String one = String.valueOf(c);
      String form = c >= '\uFF01' && c <= '\uFF5E' ? Normalizer.normalize(one, Normalizer.Form.NFKC) : one;
      out.append(form.length() == 1 && form.charAt(0) < 0x80 ? form.toLowerCase(Locale.ROOT) : form);
    }
    return out.toString();
  }

  private static String fullWidth(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append((char) (c > ' ' && c < 0x7F ? c + 0xFEE0 : c)));
    return out.toString();
  }

  @Property(tries = 500)
  void keywordFlagsAgreeWithContainsAndStartsWithOnceFolded(@ForAll("texts") String text) {
    List<String> a = LEXICON.transferKeywords();
    List<String> b = LEXICON.walletOperators();
    KeywordFlags flags = new KeywordFlags(a, b, List.of("", "退款", "POS退货"));
    String t = referenceFold(text);
    List<String> c = List.of("退款", "pos退货");
    int contains = (a.stream().anyMatch(t::contains) ? 1 : 0)
        | (b.stream().map(FastPathProperties::referenceFold).anyMatch(t::contains) ? 2 : 0)
        | (c.stream().anyMatch(t::contains) ? 4 : 0);
    int starts = (a.stream().anyMatch(t::startsWith) ? 1 : 0)
        | (b.stream().map(FastPathProperties::referenceFold).anyMatch(t::startsWith) ? 2 : 0)
        | (c.stream().anyMatch(t::startsWith) ? 4 : 0);
    assertEquals(contains, flags.in(text), text);
    assertEquals(starts, flags.prefixOf(text), text);
  }

  /** {@link KeywordText#fold} is {@link #referenceFold} for every character. */
  @org.junit.jupiter.api.Test
  void foldAnswersAsNfkcAndAsciiLowerCaseForEveryCharacter() {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      assertEquals(referenceFold(String.valueOf((char) c)), String.valueOf(KeywordText.fold((char) c)),
          Integer.toHexString(c));
    }
  }

  /**
   * For every character, {@link KeywordText#of} of it alone is what the reference gives (its bit table of characters
   * to change is right), and {@link KeywordText#formsOf} of a folded character is every character that folds to it,
   * so that a word list's index finds a word in any form of its first character.
   */
  @org.junit.jupiter.api.Test
  void everyCharacterIsChangedAsTheReferenceSaysAndIndexedUnderEveryForm() {
    java.util.Map<Character, java.util.Set<Character>> forms = new java.util.HashMap<>();
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      String one = String.valueOf((char) c);
      assertEquals(KeywordText.isSpaceByUnicode(c) ? "" : referenceFold(one), KeywordText.of(one), Integer.toHexString(c));
      forms.computeIfAbsent(referenceFold(one).charAt(0), x -> new java.util.TreeSet<>()).add((char) c);
    }
    for (java.util.Map.Entry<Character, java.util.Set<Character>> e : forms.entrySet()) {
      java.util.Set<Character> given = new java.util.TreeSet<>();
      for (char x : KeywordText.formsOf(e.getKey())) {
        given.add(x);
      }
      assertEquals(e.getValue(), given, Integer.toHexString(e.getKey()));
    }
  }

  @Property(tries = 1000)
  void foldedAndStartsWithFoldedAgreeWithTheReference(@ForAll("texts") String text, @ForAll("texts") String word) {
    assertEquals(referenceFold(text), KeywordText.folded(text), text);
    String w = referenceFold(word);
    for (int at = -1; at <= text.length() + 1; at++) {
      assertEquals(at >= 0 && at <= text.length() && referenceFold(text).startsWith(w, at),
          KeywordText.startsWithFolded(text, at, w), text + " at " + at + ": " + word);
    }
  }

  /**
   * Amounts as the exports write them, in every form: whole yuan ({@code 17}), one decimal ({@code 17.5}, which had
   * gone unread here: a fast path taking it for 17.05 passed every property), two decimals ({@code 17.52}), leading
   * zeros, a yuan sign before; and the near forms the fast path must leave to {@link Money#parse}: a point with no
   * digit after it or none before it, three decimals, 14 to 17 digits (up to and past the input limit of 10^15 yuan);
   * and a date and time written as digits, which both paths refuse.
   */
  @Provide
  Arbitrary<String> plainAmounts() {
    Arbitrary<String> whole = Arbitraries.oneOf(Arbitraries.longs().between(0, 100_000).map(String::valueOf),
        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(17),
        Arbitraries.of("999999999999999", "1000000000000000", "9999999999999", "10000000000000", "202605061234",
            "20260506123456", "199001010000", "198912312359"));
    Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.of("", "", "."),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3).map(d -> "." + d));
    return Combinators.combine(Arbitraries.of("", "", "¥", "￥"), whole, fraction).as((sign, w, f) -> sign + w + f);
  }

  /**
   * The fast path for a plain amount reads what the plain definition reads: the amount without its yuan sign, parsed,
   * unless its digits are a date and time.
   */
  @Property(tries = 2000)
  void aPlainAmountIsReadAsMoneyParseReadsIt(@ForAll("plainAmounts") String field) {
    Money expected;
    try {
      String plain = CsvStatementParser.withoutYuan(field);
      expected = CsvStatementParser.isDateTimeDigits(plain) ? null : Money.parse("金额", plain);
    } catch (FenqiException e) {
      expected = null;
    }
    Money read;
    try {
      read = CsvStatementParser.amount("金额", field);
    } catch (IllegalArgumentException | FenqiException e) {
      read = null;
    }
    assertEquals(expected, read, field);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
    Arbitrary<byte[]> utf8 = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(6)
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
    // a lead byte then boundary continuation bytes: where overlong forms, surrogates and out-of-range code points live
    Arbitrary<Byte> lead = Arbitraries.of((byte) 0x41, (byte) 0x80, (byte) 0xc0, (byte) 0xc1, (byte) 0xc2, (byte) 0xdf, (byte) 0xe0,
        (byte) 0xe1, (byte) 0xed, (byte) 0xef, (byte) 0xf0, (byte) 0xf4, (byte) 0xf5, (byte) 0xff);
    Arbitrary<Byte> next = Arbitraries.of((byte) 0x7f, (byte) 0x80, (byte) 0x8f, (byte) 0x90, (byte) 0x9f, (byte) 0xa0, (byte) 0xbf,
        (byte) 0xc0);
    Arbitrary<byte[]> edges = Combinators.combine(lead, next.list().ofMinSize(0).ofMaxSize(3)).as((first, rest) -> {
      byte[] b = new byte[1 + rest.size()];
      b[0] = first;
      for (int i = 0; i < rest.size(); i++) {
        b[i + 1] = rest.get(i);
      }
      return b;
    });
    return Arbitraries.oneOf(random, utf8, edges);
  }

  @Property(tries = 2000)
  void utf8CheckAcceptsWhatTheStrictDecoderAccepts(@ForAll("bytes") byte[] b) {
    assertEquals(strictUtf8(b), TextDecoding.isUtf8(b), () -> java.util.HexFormat.of().formatHex(b));
  }

  @org.junit.jupiter.api.Test
  void utf8CheckRejectsOverlongSurrogateAndOutOfRangeFormsAsTheStrictDecoderDoes() {
    for (String hex : List.of("eda080", "edbfbf", "ed9fbf", "c080", "c1bf", "c280", "e08080", "e09fbf", "e0a080", "f0808080",
        "f08fbfbf", "f0908080", "f48fbfbf", "f4908080", "f5808080", "e4b8ad", "e4b8", "e4", "80", "41e4b8ad42")) {
      byte[] b = java.util.HexFormat.of().parseHex(hex);
      assertEquals(strictUtf8(b), TextDecoding.isUtf8(b), hex);
    }
  }

  /** Pieces of UTF-8 text, U+FFFD among them, and bytes that are not UTF-8 or only begin a sequence, joined. */
  @Provide
  Arbitrary<byte[]> mixedBytes() {
    Arbitrary<byte[]> piece = Arbitraries.oneOf(bytes(), Arbitraries.of("\uFFFD", "周子航", "a,1\n", "\uD842\uDFB7")
        .map(t -> t.getBytes(StandardCharsets.UTF_8)));
    return piece.list().ofMaxSize(5).map(l -> {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      l.forEach(out::writeBytes);
      return out.toByteArray();
    });
  }

  @Property(tries = 3000)
  void utf8DecodesExactlyTheWellFormedText(@ForAll("mixedBytes") byte[] b,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 40) int checkedFirst) {
    String expected = TextDecoding.isUtf8(b) ? new String(b, StandardCharsets.UTF_8) : null;
    assertEquals(expected, TextDecoding.utf8(b, checkedFirst), () -> java.util.HexFormat.of().formatHex(b) + " first "
        + checkedFirst);
  }

  private static boolean strictUtf8(byte[] b) {
    boolean strict;
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
      strict = true;
    } catch (CharacterCodingException e) {
      strict = false;
    }
    return strict;
  }

  @Provide
  Arbitrary<byte[]> gbkBytes() {
    Arbitrary<byte[]> text = Arbitraries.strings().withCharRange('\u0000', '\u007f').withCharRange('\u00a0', '\u04ff')
        .withCharRange('\u3000', '\u33ff').withCharRange('\u4e00', '\u9fff').withCharRange('\ue000', '\ue8ff')
        .withCharRange('\uff00', '\uffef').withChars("𠀀😀€").ofMaxLength(8).map(s -> s.getBytes(TwoByteGb18030.CHARSET));
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(8);
    return Arbitraries.oneOf(text, random);
  }

  @Property(tries = 2000)
  void twoByteGb18030DecodesAsTheStrictDecoderOrDefersToIt(@ForAll("gbkBytes") byte[] b) {
    String fast = TwoByteGb18030.decode(b);
    String strict;
    try {
      strict = TwoByteGb18030.CHARSET.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      strict = null;
    }
    if (fast != null) {
      assertEquals(strict, fast, () -> java.util.HexFormat.of().formatHex(b));
    }
  }

  @org.junit.jupiter.api.Test
  void twoByteGb18030ReadsTheAlipayAlphabetItself() {
    String text = "交易时间,交易分类,交易对方,收/支,金额\n2026-10-31 16:16:07,餐饮美食,盒马鲜生,支出,17.52（元）￥";
    assertEquals(text, TwoByteGb18030.decode(text.getBytes(TwoByteGb18030.CHARSET)));
  }

  @Provide
  Arbitrary<String> textsWithBreaks() {
    return Arbitraries.of("a", "周子航,1", "", "\n", "\r", "\r\n", "\n\r", ",").list().ofMaxSize(8).map(l -> String.join("", l));
  }

  @Property(tries = 1000)
  void lineBoundsAreTheLinesBetweenLfCrAndCrlf(@ForAll("textsWithBreaks") String text) {
    List<String> expected = new ArrayList<>(); // the plain definition: every LF, CR or CRLF ends a line, the rest is the last
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        expected.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    expected.add(text.substring(start));
    int[] bounds = CsvStatementParser.lines(text);
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < bounds.length; i += 2) {
      actual.add(text.substring(bounds[i], bounds[i + 1]));
    }
    assertEquals(expected, actual, text.replace("\r", "\\r").replace("\n", "\\n"));
  }

  @Provide
  Arbitrary<String> lines() {
    return Arbitraries.of("a", " b ", "\t123\t", "", "周子航", " 店 ", "\u3000全角\u3000", "x y").list().ofMaxSize(6)
        .map(l -> String.join(",", l));
  }

  @Property(tries = 500)
  void quoteFreeSplitGivesTheStrippedFieldsBetweenCommas(@ForAll("lines") String line) {
    List<String> expected = new ArrayList<>();
    for (String f : line.split(",", -1)) {
      expected.add(f.strip());
    }
    assertEquals(expected, CsvLine.split(line));
  }
  @org.junit.jupiter.api.Test
  void spaceTableAnswersAsUnicodeForEveryCharacterAndBeyond() {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      assertEquals(KeywordText.isSpaceByUnicode(c), KeywordText.isSpace(c), Integer.toHexString(c));
    }
    for (int c : new int[] {-1, Integer.MIN_VALUE, 0x10000, 0x20BB7, Character.MAX_CODE_POINT, Character.MAX_CODE_POINT + 1,
        Integer.MAX_VALUE}) {
      assertEquals(KeywordText.isSpaceByUnicode(c), KeywordText.isSpace(c), Integer.toHexString(c));
    }
  }

  @Property(tries = 1000)
  void keywordTextLeavesOutWhatUnicodeCallsASpaceAndFoldsTheRest(@ForAll("spacedTexts") String text) {
    StringBuilder expected = new StringBuilder();
    text.chars().filter(c -> !KeywordText.isSpaceByUnicode(c)).forEach(c -> expected.append((char) c));
    assertEquals(referenceFold(expected.toString()), KeywordText.of(text), text);
  }

  /** Texts with spaces of every kind Unicode has, and characters next to them that are none. */
  @Provide
  Arbitrary<String> spacedTexts() {
    Arbitrary<Character> spaces = Arbitraries.of(' ', '\t', '\n', '\u000B', '\f', '\r', '\u001C', '\u001F', '\u0085',
        '\u00A0', '\u1680', '\u2000', '\u2007', '\u200A', '\u200B', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000',
        '\uFEFF', 'a', '周', 'A', 'Z', '@', '[', '\uFF01', '\uFF21', '\uFF3A', '\uFF41', '\uFF5E', '\uFF5F', '\uFF00');
    return Arbitraries.oneOf(spaces, Arbitraries.chars()).list().ofMaxSize(8)
        .map(l -> l.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining()));
  }
}
