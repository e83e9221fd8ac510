package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.testkit.LinearTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingTest {
  private final Masking m = Masking.defaults();

  @Test
  void masksIdNumberKeepingFirstThreeAndLastFour() {
    assertEquals("110***********002X", m.idNumber("11010519491231002X"));
  }

  @Test
  void masksBankCardKeepingBinAndLastFour() {
    assertEquals("622202*********0123", m.bankCard("6222 0212 3456 7890 123"));
    for (String separator : List.of("\u00a0", "\u3000", "\u2013", "\uff0d", "\u200b", "\t")) {
      assertEquals("622202*********0123", m.bankCard(String.join(separator, "6222", "0212", "3456", "7890", "123")),
          "separated by U+" + Integer.toHexString(separator.charAt(0)));
    }
  }

  @Test
  void masksMobileAsCommonlyShown() {
    assertEquals("138****1234", m.mobile("13800001234"));
  }

  /**
   * China's country code is kept as written, the space or dash after it too: {@code +86 13800001234} had come out
   * {@code +86138****1234}, the code run into the number, and {@code +86-138-1234-5678} {@code +86-13*******5678}, the
   * dash counted as the number's first character; in free text a code written apart was run into the number too,
   * where one before brackets or dots ({@code +86 (138)1234-5678}, {@code +86.138.1234.5678}) kept its separator.
   */
  @Test
  void theCountryCodeKeepsTheSeparatorWrittenAfterIt() {
    assertEquals("+86 138****1234", m.mobile("+86 13800001234"));
    assertEquals("+86138****1234", m.mobile("+8613800001234"));
    assertEquals("+86-138****5678", m.mobile("+86-138-1234-5678"));
    assertEquals("＋86 138****5678", m.mobile("＋86 13812345678"));
    assertEquals("0086 138****5678", m.mobile("0086 13812345678"));
    assertEquals("+86 138****5678", m.redact("+86 13812345678"));
    assertEquals("+86-138****5678", m.redact("+86-138-1234-5678"));
    assertEquals("86 138****5678", m.redact("86 13812345678"));
    assertEquals("622202******7890 86 138****5678", m.redact("6222 0212 3456 7890 86 138 1234 5678"));
    assertEquals("622202******7890 86 138****5678", m.redact(m.redact("6222 0212 3456 7890 86 138 1234 5678")));
  }

  /**
   * A mobile's or ID number's mask keeps its first 3 and last 4 digits, however it is written: counted in characters,
   * the spaces, dashes, dots and brackets between its groups were masked as digits ({@code 138 1234 5678} was
   * {@code 138******5678}, two stars too many; {@code 110105 19491231 002X} {@code 110*************002X}), and kept
   * in place of digits ({@code 1381 2345 678} showed 3 digits at its end, {@code 138****** 678};
   * {@code (138)1234-5678} 2 at its start, {@code (13*******5678}; {@code 1101 0519 4912 3100 2X} ended {@code 0 2X}),
   * where {@link Masking#redact} shows each of these as its number's mask.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"mobile|138 1234 5678", "mobile|138-1234-5678", "mobile|1381 2345 678",
      "mobile|(138)1234-5678", "mobile|（138）1234 5678", "mobile|138.1234.5678", "mobile|138/1234/5678",
      "mobile|138·1234·5678", "mobile|138\u30001234\u30005678", "mobile|13812345678",
      "idNumber|110105 19491231 002X", "idNumber|110105-19491231-002X", "idNumber|1101 0519 4912 3100 2X",
      "idNumber|110105\u300019491231\u3000002X", "idNumber|11010519491231002X"})
  void anIdentifierIsMaskedByItsDigitsNotTheSeparatorsBetweenThem(String kind, String written) {
    boolean mobile = kind.equals("mobile");
    String expected = mobile ? "138****5678" : "110***********002X";
    assertEquals(expected, mobile ? m.mobile(written) : m.idNumber(written));
    assertEquals(expected, m.redact(written));
  }

  @Test
  void aCountryCodeBeforeDotsKeepsItsDotAsRedactDoes() {
    assertEquals("+86.138****5678", m.mobile("+86.138.1234.5678"));
    assertEquals("+86.138****5678", m.redact("+86.138.1234.5678"));
  }

  @Property
  void separatorsAnywhereInAMobileDoNotChangeItsMask(@ForAll @NumericChars @StringLength(10) String rest,
      @ForAll @IntRange(min = 1, max = 10) int at, @ForAll @IntRange(min = 0, max = 6) int kind) {
    String mobile = "1" + rest;
    String separator = List.of(" ", "-", ".", "/", "\u3000", " - ", "\u00a0").get(kind);
    String written = mobile.substring(0, at) + separator + mobile.substring(at);
    assertEquals(m.mobile(mobile), m.mobile(written), written);
  }

  @Test
  void masksChineseNamesKeepingTheSurnameIncludingCompoundOnes() {
    assertEquals("张*", m.name("张三"));
    assertEquals("张**", m.name("张三丰"));
    assertEquals("欧阳**", m.name("欧阳娜娜"));
    assertEquals("欧阳*", m.name("欧阳锋"));
    assertEquals("欧*", m.name("欧阳"));
    assertEquals("*", m.name("张"));
    assertEquals("J*******", m.name("John Doe"));
  }

  @Test
  void masksEmailAndAddress() {
    assertEquals("z*******@example.com", m.email("zhangsan@example.com"));
    assertEquals("*@x.cn", m.email("a@x.cn"));
    assertEquals("********", m.email("no-at-in"));
    assertEquals("浙江省杭州市****", m.address("浙江省杭州市西湖区文三路100号"));
    assertEquals("****", m.address("杭州"));
    // one no longer than the characters kept is masked whole, not shown whole before the stars
    assertEquals("****", m.address("北京市朝阳区"));
    assertEquals("北京市朝阳区****", m.address("北京市朝阳区建"));
  }

  /** A Chinese input method in full-width mode types digits as １２３; an ID number so typed went out unmasked. */
  @Test
  void fullWidthIdentifiersInTextAreMaskedToo() {
    Masking m = Masking.defaults();
    String redacted = m.redact("我的身份证号是１１０１０５１９４９１２３１００２Ｘ，电话１３９１２３４５６７８。");
    assertEquals("我的身份证号是110***********002X，电话139****5678。", redacted);
  }

  /**
   * An ID number's check character may be a lower-case x, typed in ASCII or full width (ｘ), glued to the text around
   * it: it is masked as an ID number, first 3 and last 4 with the x, not as a card of its 17 digits and a letter after
   * them, which would show its whole region code, {@code 110105*******7123x}.
   */
  @Test
  void anIdNumberEndingInALowerCaseXIsMaskedAsAnIdNumber() {
    Masking m = Masking.defaults();
    assertEquals("身份证号110***********123x已核实", m.redact("身份证号11010519900307123x已核实"));
    assertEquals("身份证号110***********123x已核实", m.redact("身份证号１１０１０５１９９００３０７１２３ｘ已核实"));
    assertEquals("id=110***********123x&t=1", m.redact("id=11010519900307123x&t=1"));
  }

  /**
   * What is no identifier is kept as written: the whole note had come out with its full-width digits made ASCII
   * (每月收入３０００元 became 每月收入3000元), and so had a UUID or hash kept whole.
   */
  @Test
  void fullWidthDigitsThatAreNoIdentifierAreKeptAsWritten() {
    Masking m = Masking.defaults();
    assertEquals("每月收入３０００元，２０２６年１２月，电话139****5678。",
        m.redact("每月收入３０００元，２０２６年１２月，电话１３９１２３４５６７８。"));
    assertEquals("编号ab１３９１２３４５６７８cd", m.redact("编号ab１３９１２３４５６７８cd"));
  }

  @Test
  void shortValuesAreMaskedEntirely() {
    assertEquals("*****", m.idNumber("12345"));
  }

  @Test
  void rulesAreConfigurableAndImmutable() {
    Masking.Builder b = Masking.builder().idNumber(6, 2).mobile(0, 4).maskChar('#').compoundSurnames(Set.of("司马"));
    Masking custom = b.build();
    b.mobile(3, 0);
    assertEquals("110105##########2X", custom.idNumber("11010519491231002X"));
    assertEquals("#######1234", custom.mobile("13800001234"));
    assertEquals("欧##", custom.name("欧阳锋"));
    assertEquals("司马#", custom.name("司马光"));
    assertThrows(InvalidInputException.class, () -> Masking.builder().compoundSurnames(Set.of("欧")));
    assertThrows(InvalidInputException.class, () -> Masking.builder().bankCard(-1, 4));
  }

  /**
   * Any count of kept characters gives the value's length back, masked entirely when the counts do not fit: the sum
   * of {@code idNumber(Integer.MAX_VALUE, 1)} wrapped to a negative int and masking threw IndexOutOfBoundsException.
   */
  @net.jqwik.api.Property(tries = 300)
  void keptCountsOfAnySizeMaskTheWholeValueWhenTheyDoNotFit(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = Integer.MAX_VALUE) int head,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = Integer.MAX_VALUE) int tail) {
    Masking custom = Masking.builder().idNumber(head, tail).bankCard(head, tail).mobile(head, tail).build();
    String id = "11010519491231002X";
    for (String masked : List.of(custom.idNumber(id), custom.bankCard(id), custom.mobile(id))) {
      String expected = (long) head + tail >= id.length() ? "*".repeat(id.length())
          : id.substring(0, head) + "*".repeat(id.length() - head - tail) + id.substring(id.length() - tail);
      assertEquals(expected, masked, head + "+" + tail);
    }
  }

  @Test
  void redactMasksIdentifiersInsideFreeText() {
    String text = "call 13800001234, id 11010519491231002X, card 6222021234567890123, mail zhangsan@example.com, case 42";
    assertEquals("call 138****1234, id 110***********002X, card 622202*********0123, mail z*******@example.com, case 42",
        m.redact(text));
  }

  /**
   * A card or an ID number with dots or slashes between its groups went out in clear: no run of digits and spaces or
   * dashes held it. Dates, versions, amounts, decimals, times and IP addresses (no identifier: at most 12 digits) stay
   * as written.
   */
  @Test
  void aCardOrAnIdNumberWrittenWithDotsOrSlashesIsMasked() {
    assertEquals("卡号622202******7890。", m.redact("卡号6222.0212.3456.7890。"));
    assertEquals("622202******7890", m.redact("6222/0212/3456/7890"));
    assertEquals("身份证110***********123X", m.redact("身份证110105/19900307/123X"));
    assertEquals("110***********123X", m.redact("1101.0519.9003.0712.3X"));
    assertEquals("622202*********0123", m.redact("６２２２．０２１２．３４５６．７８９０．１２３"));
    assertEquals("622202******7890", m.redact("6222021234567/890"));
    assertEquals("卡号622202******7890，138****5678", m.redact("卡号6222·0212·3456·7890，138・1234・5678"));
    assertEquals("622202*********0123 110***********123X", m.redact("622202123·4567890123 110105・19900307・123X"));
    assertEquals("卡号622202******7890 身份证110***********123X",
        m.redact(m.redact("卡号6222.0212.3456.7890 身份证110105/19900307/123X")));
    String ordinary = "2026/11/30 2026.11.30 v1.2.3 12,345.67元 1.234,56 € 3.14 192.168.100.200 "
        + "12:30:45 第3/12期 约翰·史密斯 1·2·3";
    assertEquals(ordinary, m.redact(ordinary));
  }

  /**
   * A dotted or slashed number is taken from 15 digits on, the shortest it masks: a first-generation ID number
   * ({@code 110105.900307.123}) or a card of 15 digits; one of 14 is no identifier of that shape and stays.
   */
  @Test
  void aDottedNumberIsAnIdentifierFromFifteenDigitsOn() {
    assertEquals("身份证110********7123。", m.redact("身份证110105.900307.123。"));
    assertEquals("110********7123", m.redact("110105/900307/123"));
    assertEquals("卡号622202*****6789", m.redact("卡号6222.0212.3456.789"));
    assertEquals("卡号6222.0212.3456.78", m.redact("卡号6222.0212.3456.78"));
  }

  /**
   * A short group before a mobile ({@code 12 138 1234 5678}, an extension or a count before it) made 13 digits that
   * were masked as one card, {@code 121381***5678}: the mobile's fourth digit showed, which its own mask hides. No
   * identifier shows more than its own mask; an ID number grouped oddly is still an ID number.
   */
  @Test
  void aShortGroupBeforeAMobileDoesNotMakeItACardThatShowsMoreOfTheMobile() {
    assertEquals("12 138****5678", m.redact("12 138 1234 5678"));
    assertEquals("分机 1 138****5678", m.redact("分机 1 138 1234 5678"));
    assertEquals("12 138****5678", m.redact(m.redact("12 138 1234 5678")));
    assertEquals("110***********123X", m.redact("110105 1990 0307 123X"));
    assertEquals("110***********123X", m.redact("1101 0519 9003 0712 3X"));
    assertEquals("110***********1234", m.redact("110105 199003071234"));
    assertEquals("622202*********0123", m.redact("6222 0212 3456 7890 123"));
  }

  /**
   * A mobile written within a run in any grouping — its digits across any split, starting where a group starts — shows
   * no more than its own mask: {@code 12 1 3812345678} had been one card of 13 digits, {@code 121381***5678}, that
   * showed the mobile's fourth digit, and {@code 4444 4444 4444 1381 2345678} a card and seven digits left as they
   * were, the mobile {@code 13812345678} all but whole.
   */
  @Test
  void aMobileWrittenAnywhereInARunNeverShowsMoreThanItsOwnMask() {
    assertEquals("12 138****5678", m.redact("12 1 3812345678"));
    assertEquals("12 138****5678", m.redact(m.redact("12 1 3812345678")));
    assertEquals("1 138****5678", m.redact("1 13 812345678"));
    assertEquals("444444******138* ***5678", m.redact("4444 4444 4444 1381 2345678"));
    assertEquals("444444******138* ***5678", m.redact(m.redact("4444 4444 4444 1381 2345678")));
  }

  /**
   * A mobile whose last group can also be read as a date's year, or whose first group as a date's day, still has its
   * middle hidden: the card and date a property drew around {@code 1818288-2023 3 5} had shown four of its hidden
   * digits, as {@code 6222 0212 1381234-2026 11 5} showed {@code 1234} in {@code 622202*****1234-2026 11 5}. Which
   * reading the writer meant cannot be told, and the mobile's mask hides none of the date's digits either way.
   */
  @Test
  void aMobileSharingAGroupWithADateIsStillMasked() {
    assertEquals("622202*********-2026 11 5", m.redact("6222 0212 1381234-2026 11 5"));
    assertEquals("622202*********-2026 11 5", m.redact(m.redact("6222 0212 1381234-2026 11 5")));
    assertEquals("2026-11-13 8*** *5678", m.redact("2026-11-13 8123 45678"));
    assertEquals("2026-11-13 8*** *5678", m.redact(m.redact("2026-11-13 8123 45678")));
    String drawn = "备注：992－3-652–1818288-2023 3 5。"; // the property's draw: mobile 18182882023
    assertEquals("备注：992365********-2023 3 5。", m.redact(drawn));
  }

  /**
   * Whatever group stands before a mobile written 3-4-4, the mobile's four hidden digits stay hidden: the run is
   * compared without its separators, digit for digit.
   */
  @Property(tries = 1000)
  void aMobileAfterAGroupNeverShowsItsHiddenDigits(@ForAll @StringLength(min = 1, max = 8) @NumericChars String group,
      @ForAll @IntRange(min = 0, max = 999_999_999) int rest, @ForAll @IntRange(min = 3, max = 9) int second) {
    String mobile = "1" + second + String.format("%09d", rest);
    String text = group + " " + mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
    String compact = m.redact(text).replace(" ", "");
    assertEquals(group.length() + 11, compact.length(), compact);
    assertEquals("****", compact.substring(group.length() + 3, group.length() + 7), text + " -> " + compact);
  }

  /**
   * A run that reads as two things shows only what both masks show: split into the ID number written 6-8-4 within it
   * and a digit, a card of 19 had shown its fifth digit from the end, {@code 601***********8952 - 7}; an ID number of
   * Hebei grouped oddly, read as a mobile and seven characters, had shown eleven of its, {@code 130****1990 0307123X}.
   */
  @Test
  void aRunThatReadsAsTwoThingsShowsOnlyWhatBothShow() {
    assertEquals("601************952 - 7", m.redact("601451 - 46995110 - 8952 - 7"));
    assertEquals("130******** ***123X", m.redact("1 30105 19900 307123X"));
    assertEquals("130******** ***123X", m.redact(m.redact("1 30105 19900 307123X")));
  }

  /**
   * A mobile grouped neither 3-4-4 nor in one piece after another number a space apart was no identifier, and the
   * whole run went out in clear.
   */
  @Test
  void aMobileGroupedUnusuallyAfterANumberIsMasked() {
    assertEquals("订单 20261130 86 135****9516", m.redact("订单 20261130 86 135 61079516"));
    assertEquals("订单 20261130 0086159****1713", m.redact("订单 20261130 0086159 - 95961713"));
    assertEquals("订单 20261130 86 135****9516", m.redact(m.redact("订单 20261130 86 135 61079516")));
  }

  /**
   * Twelve to nineteen digits starting as a mobile does, 1 and 3–9, are no card (none starts so) but a mobile with a
   * digit too many: masked as a card, {@code 138 1234 56789} showed nine of the mobile's digits, {@code 138123**6789}.
   */
  @Test
  void digitsThatStartAsAMobileAreMaskedAsAMobile() {
    assertEquals("138*****6789", m.redact("138 1234 56789"));
    assertEquals("手机138*****6789", m.redact("手机138123456789"));
    assertEquals("622202**6789", m.redact("622202456789"));
    assertEquals("138*****6789", m.redact(m.redact("138 1234 56789")));
  }

  /**
   * A run that starts with a mobile is that mobile and what follows, as the masking's own comment says: the split took
   * the 12 digits after 139 for a card in groups of four and showed nine of the mobile's eleven digits.
   */
  @Test
  void aMobileThatStartsARunIsMaskedAsAMobile() {
    assertEquals("电话139****5678 2026年", m.redact("电话139 1234 5678 2026年"));
    assertEquals("139****5678 2026 01", m.redact("139 1234 5678 2026 01"));
    assertEquals("86138****5678 2026", m.redact("8613812345678 2026"));
    assertEquals("139****5678 622202******7890", m.redact("139 1234 5678 6222 0212 3456 7890"));
  }

  /**
   * A first-generation ID number (15 digits: region, birth date YYMMDD, sequence) in a note is an ID number, masked
   * 3+4 as {@link Masking#idNumber} masks it; read as a bank card it had shown its whole region code and one more
   * digit, {@code 110105*****7123}. Fifteen digits that are no such ID (no province code, no date) stay a card.
   */
  @Test
  void aFirstGenerationIdNumberInANoteIsMaskedAsAnIdNumber() {
    assertEquals("旧身份证110********7123，", m.redact("旧身份证110105900307123，"));
    assertEquals("id 110********7123", m.redact("id 110105 900307 123"));
    assertEquals("id 440********1678", m.redact("id ４４０３０６８１１２３１６７８"));
    assertEquals(m.idNumber("110105900307123"), m.redact("110105900307123"));
    assertEquals("123456*****2345", m.redact("123456789012345"), "12 is no province");
    assertEquals("110105*****5345", m.redact("110105901345345"), "no 13th month");
  }

  /**
   * One identifier is written one way: a split whose identifier mixes separators loses to one whose identifiers do
   * not. Found by the redaction property: {@code 118 6257-1285} was read as a mobile across two cards. Five groups of
   * four with one separator, {@code 6257-1285-7609-0272-6204}, hold two cards in fours: what the later one,
   * {@code 1285-7609-0272-6204}, hides is hidden too.
   */
  @Test
  void anIdentifierDoesNotSpanTwoWaysOfGrouping() {
    assertEquals("联系我：629432*********2118 625712**********-620418******8616。",
        m.redact("联系我：6294 - 3212 - 6699 - 1802 - 118 6257-1285-7609-0272-6204\u30001871\u30000340\u30008616。"));
  }

  /**
   * An identifier right after a word of Latin letters went out in clear, and so did one right before a word
   * ({@code 13812345678ok}, {@code 13812345678x}); a number that is an email's local part is
   * masked once, as the email's; a token that mixes letters and digits on both sides stays.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "tel13812345678|tel138****5678",
      "ID11010519900307123X.|ID110***********123X.",
      "wx13812345678，|wx138****5678，",
      "mail 13812345678@qq.com|mail 1**********@qq.com",
      "zhangsan13812345678@example.com|z******************@example.com",
      "sha=ab12345678901234cd|sha=ab12345678901234cd",
      "v2x13812345678|v2x13812345678",
      "我的手机13812345678ok的|我的手机138****5678ok的",
      "call 13812345678asap|call 138****5678asap",
      "card 6222021234567890123abc.|card 622202*********0123abc.",
      "手机13812345678x2|手机13812345678x2",
      "手机13812345678x，|手机138****5678x，",
      "138 1234 5678 x|138****5678 x",
      "id 11010519900307123Xyz|id 110***********123Xyz",
      "13812345678abc@qq.com|1*************@qq.com",
  })
  void anIdentifierAfterLatinLettersIsMasked(String text, String redacted) {
    assertEquals(redacted, m.redact(text));
  }

  /**
   * An address typed in full-width mode — its at sign, or all of it — went out in clear ({@code zhangsan＠qq.com});
   * the full-width characters are kept as written, the local part masked.
   */
  @Test
  void anAddressTypedInFullWidthIsMasked() {
    assertEquals("邮箱z*******＠qq.com，谢谢", m.redact("邮箱zhangsan＠qq.com，谢谢"));
    assertEquals("邮箱：ｚ*******＠ｑｑ．ｃｏｍ。", m.redact("邮箱：ｚｈａｎｇｓａｎ＠ｑｑ．ｃｏｍ。"));
    assertEquals("mail 1**********＠qq.com", m.redact("mail 13812345678＠qq.com"), "the number is the address's");
    assertEquals("L*******＠example．com.cn", m.redact("Li.Si＿01＠example．com.cn"));
    assertEquals("z*******＠qq.com", m.email("zhangsan＠qq.com"));
  }

  /** Mobiles written with dots, slashes or a bracketed prefix went out in clear; amounts, dates and addresses stay. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "电话138.1234.5678。|电话138****5678。",
      "(138)1234-5678|138****5678",
      "（139）1234 5678|139****5678",
      "138/1234/5678|138****5678",
      "138·1234·5678|138****5678",
      "138．1234．5678|138****5678",
      "余额1234.5678元|余额1234.5678元",
      "日期2026.12.03|日期2026.12.03",
      "ip 192.168.100.200|ip 192.168.100.200",
      "版本 138.1234.5678.9|版本 138.1234.5678.9",
      "(010)1234-5678|(010)1234-5678",
  })
  void aMobileWrittenWithPunctuationIsMasked(String text, String redacted) {
    assertEquals(redacted, m.redact(text));
  }

  /**
   * A mobile number at the start of a run, grouped any way, is a mobile and what follows: grouped 7-4 or 5-6 with
   * another group after it, its 15 or more digits had been read as one card that showed six of them,
   * {@code 138123*****9012}. Written alone it was a mobile already, and still is. Grouped 7-4 before a card in fours,
   * {@code 5678 6222 0212 3456} is as much a card in fours as the card is, and what it hides is hidden too.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "138 1234 5678|138****5678",
      "138-1234-5678|138****5678",
      "1381234 5678|138****5678",
      "+86 138 1234 5678|+86 138****5678",
      "(+86)13812345678|(+86)138****5678",
      "1381234 5678 9012|138****5678 9012",
      "电话1381234-5678-2026年|电话138****5678-2026年",
      "13812 345678 1234 5678|138****5678 1234 5678",
      "+86 1381234 5678 2026|+86 138****5678 2026",
      "0086 13812 345678 01|0086 138****5678 01",
      "1381234 5678 6222 0212 3456 7890|138****5678 62**********7890",
  })
  void aMobileGroupedAnyWayAtTheStartOfARunIsMaskedAsAMobile(String text, String redacted) {
    assertEquals(redacted, m.redact(text));
    assertEquals(redacted, m.redact(redacted), "redacted again");
  }

  /**
   * A mobile written 3-4-4 with two kinds of separator, a dash or a space and a dot or a slash, is masked: no run of
   * digits and spaces or dashes holds it, nor a dotted number of one separator throughout.
   */
  @Test
  void aMobileWithTwoKindsOfSeparatorIsMasked() {
    assertEquals("电话138****5678。", m.redact("电话138 1234.5678。"));
    assertEquals("138****5678", m.redact("138-1234.5678"));
    assertEquals("+86 138****5678", m.redact("+86 138.1234 5678"));
    assertEquals("138****5678", m.redact("138/1234 5678"));
  }

  /**
   * A number before a mobile with its country code run into it, {@code 0086138****5678}, is left as it was when the note
   * is redacted again: the masked mobile keeps seven characters at its start, and the second pass had taken the number
   * and those for one card, {@code 543660****6138****5678}.
   */
  @Test
  void aNumberBeforeAMaskedMobileWithItsCountryCodeIsRedactedAgainAsOnce() {
    String once = m.redact("5436601 008613812345678");
    assertEquals("5436601 0086138****5678", once);
    assertEquals(once, m.redact(once));
  }

  /**
   * A country code written as a group of its own between a number and a mobile is left as it was when the note is
   * redacted again: the second pass had left out the mobile's kept start but not the code before it, and masked the
   * number and the code as one card, {@code 955436***0086 138****5678}.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "95 5436601 0086 138 1234 5678|95 5436601 0086 138****5678",
      "00862638 0086 138 1234 5678|00862638 0086 138****5678",
      "95 5436601 0086 13812345678|95 5436601 0086 138****5678",
      "9554366012 86 138 1234 5678|9554366012 86 138****5678",
      "9554366012 86 1381234 5678|9554366012 86 138****5678",
      "1234567890 - 0086 - 138 - 1234 - 5678|1234567890 - 0086 - 138****5678",
      "95 5436601 +86 138 1234 5678|95 5436601 +86 138****5678",
  })
  void aCountryCodeGroupAfterANumberIsRedactedAgainAsOnce(String text, String redacted) {
    assertEquals(redacted, m.redact(text));
    assertEquals(redacted, m.redact(redacted), "redacted again");
  }

  /**
   * A group 86 or 0086 before a masked mobile's start stays in the number before it where that number is masked on its
   * own, or where what follows is no mobile's start: left out, the card's {@code 3456} had been shown,
   * {@code 622202**3456 0086 138****5678}.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "6222 0212 3456 0086 138****5678|622202******0086 138****5678",
      "33860309 0086 126****5678|338603**0086 126****5678",
      "33860309 0086 286****5678|338603**0086 286****5678",
  })
  void aCountryCodeGroupIsLeftOutOnlyBeforeAMobileAfterNoIdentifier(String text, String redacted) {
    assertEquals(redacted, m.redact(text));
  }

  /**
   * Where two splits of a run into identifiers cover as many digits, set apart alike, the one with more mobiles is
   * taken: here a mobile with its country code and the groups around it, not two cards {@code 423844****6130} and
   * {@code ****62*****9388} that ran the groups into them; then the one with more cards of 16 or 19 digits.
   */
  @Test
  void ofTwoSplitsCoveringAsManyDigitsTheOneWithMoreMobilesThenLongCardsIsTaken() {
    assertEquals("4238443 - 0086 - 130****6243 - 9919 - 388",
        m.redact("4238443 - 0086 - 130 - 0086 - 6243 - 9919 - 388"));
    // then the one with more cards of 16 or 19 digits: a card in four fours, not one of three and 0086 as a country code
    assertEquals("13 040246******0086 137****9506", m.redact("13 0402 4697 1085 0086 13798689506"));
  }

  /**
   * Digits that start with 1 and then 0–2 start no mobile, however grouped: {@code 1281234 5678 9012} is one card of
   * 15 digits, first 6 and last 4, not a mobile {@code 128****5678} and a group after it that showed the card's
   * {@code 5678}.
   */
  @Test
  void aRunStartingWithOneAndTwoIsNoMobile() {
    assertEquals("128123*****9012", m.redact("1281234 5678 9012"));
    assertEquals("100123*****9012", m.redact("1001234 5678 9012"));
  }

  /**
   * However a mobile at the start of a run is cut in two and whatever groups follow it, its four hidden digits stay
   * hidden. Left out: its last group three digits from 1 and two groups of four after it, which read as a mobile
   * written 3-4-4 as well ({@code 13800000 138 1234 5678}) and are masked as that one.
   */
  @Property(tries = 1000)
  void aMobileCutAnywhereAtTheStartOfARunNeverShowsItsHiddenDigits(
      @ForAll @IntRange(min = 0, max = 999_999_999) int rest, @ForAll @IntRange(min = 3, max = 9) int second,
      @ForAll @IntRange(min = 1, max = 10) int cut,
      @ForAll @Size(min = 1, max = 3) List<@StringLength(min = 1, max = 4) @NumericChars String> after) {
    String mobile = "1" + second + String.format("%09d", rest);
    Assume.that(!(cut == 8 && mobile.charAt(8) == '1' && after.size() > 1 && after.get(0).length() == 4
        && after.get(1).length() == 4));
    String text = mobile.substring(0, cut) + " " + mobile.substring(cut) + " " + String.join(" ", after);
    String digits = text.replace(" ", ""); // when they read as an ID number, they may be one, masked as one
    Assume.that(!IdentityValidation.readsAsIdNumber(digits) && !IdentityValidation.isFirstGenerationId(digits));
    String compact = m.redact(text).replace(" ", "");
    assertEquals(text.replace(" ", "").length(), compact.length(), compact);
    assertEquals("****", compact.substring(3, 7), text + " -> " + compact);
    // a second mobile starting at a later group ({@code 1300 1300000 0 000}) hides its own middle, which may be
    // this one's last digits: only what both masks show is shown
    Assume.that(!mobileStartsAtALaterGroup(text));
    assertEquals(mobile.substring(0, 3) + "****" + mobile.substring(7), compact.substring(0, 11), text + " -> " + compact);
  }

  /** Whether eleven digits from a group after the first of {@code text} (groups a space apart) start as a mobile. */
  private static boolean mobileStartsAtALaterGroup(String text) {
    String digits = text.replace(" ", "");
    for (int at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) {
      int offset = text.substring(0, at).replace(" ", "").length();
      if (offset + 11 <= digits.length() && digits.charAt(offset) == '1' && digits.charAt(offset + 1) >= '3') {
        return true;
      }
    }
    return false;
  }

  /**
   * A mobile with its first three digits in brackets and the other eight together, {@code (139)12345678}, went out in
   * clear; with a group after it, {@code (139)12345678 1234}, the eight and the group were read as a card that showed
   * six of the mobile's digits, {@code (139)123456**1234}.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "(139)12345678|139****5678",
      "电话（139）12345678。|电话139****5678。",
      "(139) 12345678|139****5678",
      "(139)12345678 1234|139****5678 1234",
      "(139)1234 5678 9012 3456|139****5678 9012 3456",
      "(139)12345678 6222 0212 3456 7890|139****5678 622202******7890",
      "(010)12345678|(010)12345678",
      "(139)123456789|(139)123456789",
      "Tel(139)12345678|Tel139****5678",
      "Tel(138)1234-5678|Tel138****5678",
      "(151)9822 - 9528|151****9528",
      "手机：0086（196)4644 – 5936】|手机：0086196****5936】",
      "(151) - 9822 - 9528 ok|151****9528 ok",
      "手机(139)12345678ok|手机139****5678ok",
      "1(139)12345678|1(139)12345678",
      "(139)12345678@qq.com|(139)1*******@qq.com",
  })
  void aMobileWithItsPrefixInBracketsIsMaskedAsAMobile(String text, String redacted) {
    assertEquals(redacted, m.redact(text));
    assertEquals(redacted, m.redact(redacted), "redacted again");
  }

  /**
   * China's country code before a mobile in brackets or written with dots or slashes: the digit before the bracket or
   * the dot was taken for a number's, and {@code 86(138)1234-5678} and {@code +86.138.1234.5678} went out in clear.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "tel:+86(138)1234-5678|tel:+86138****5678",
      "86(138)1234-5678|86138****5678",
      "0086(139)12345678|0086139****5678",
      "+86（138）1234 5678|+86138****5678",
      "＋８６（１３８）１２３４５６７８|＋86138****5678",
      "+86 (138)1234-5678|+86 138****5678",
      "+86.138.1234.5678|+86.138****5678",
      "86.138.1234.5678|86.138****5678",
      "0086/138/1234/5678|0086/138****5678",
      "86138.1234.5678|86138****5678",
      "订单 20261130 181.1973.1806|订单 20261130 181****1806",
      "订单 20261130 86-181.1973.1806，|订单 20261130 86-181****1806，",
      "(010)1234-5678|(010)1234-5678",
  })
  void aMobileWithItsCountryCodeBeforeBracketsOrPunctuationIsMasked(String text, String redacted) {
    assertEquals(redacted, m.redact(text));
    assertEquals(redacted, m.redact(redacted), "redacted again");
  }

  /**
   * A note redacted twice is redacted as once where a number after a mobile reads as a card cut no usual way
   * ({@code 3630639654543765} passes the Luhn check): such a card had been taken only where no identifier stood before
   * it in the run, so the first pass kept it after the mobile and the second, which sees no mobile, masked it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"备注：19\u200F182422899\u202E363063\u00099654543765 \n2527531971\u000B",
      "19182422899 363063 9654543765 2527531971", "13812345678 363063 9654543765", "62220212 34567890 2000元"})
  void aCardCutNoUsualWayAfterAMobileIsRedactedTwiceAsOnce(String text) {
    String once = m.redact(text);
    assertEquals(once, m.redact(once), text);
  }

  /**
   * A date before or after a number a space apart is no part of an identifier: {@code 2026-11-30 2000元} had been one
   * run of 12 digits masked as a card, {@code 202611**2000元}, and {@code 86138-1234-5678 2026-11-30} one that showed
   * nine of the mobile's digits, {@code 86138-123456****2611-30}.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-11-30 2000元|2026-11-30 2000元",
      "于2026-11-30 2026-12-01 2026-12-31还款|于2026-11-30 2026-12-01 2026-12-31还款",
      "2026-11-30 138 1234 5678|2026-11-30 138****5678",
      "2026-11-30 1381234 5678|2026-11-30 138****5678",
      "86138-1234-5678 2026-11-30|86138****5678 2026-11-30",
      "6222 0212 3456 7890 2026-11-30|622202******7890 2026-11-30",
      "2026-11-30 6222 0212 3456 7890 2026-12-01|2026-11-30 622202******7890 2026-12-01",
      "2026-11-30 110105199003071234|2026-11-30 110***********1234",
      "出生1990-03-07 2000元|出生1990-03-07 2000元",
      "1999-12-31 138 1234 5678|1999-12-31 138****5678",
  })
  void aDateBesideANumberIsNoPartOfAnIdentifier(String text, String redacted) {
    assertEquals(redacted, m.redact(text));
    assertEquals(redacted, m.redact(redacted), "redacted again");
  }

  /** With the country code in front, a mobile number was masked as a card and showed 8 of its 11 digits. */
  @Test
  void aMobileAfterItsCountryCodeIsMaskedAsAMobile() {
    assertEquals("手机+86 139****5678，或0086 139****5678，或+86139****5678",
        m.redact("手机+86 139-1234-5678，或0086 139 1234 5678，或+8613912345678"));
    assertEquals("card 862202******0123", m.redact("card 8622021234560123"), "16 digits: a card, not a mobile");
    assertEquals("card 862201***0123", m.redact("card 8622012340123"), "13 digits without a mobile's 1: a card");
  }

  @Test
  void borrowerToStringUsesMasking() {
    Borrower b = new Borrower("欧阳娜娜", "11010519491231002X", "13800001234", "310000", 2, null, null,
        Money.of("0.00"), List.of(), false);
    String s = b.toString();
    assertTrue(s.contains("name=欧阳**"), s);
    assertTrue(s.contains("idNumber=110***********002X"), s);
    assertTrue(s.contains("mobile=138****1234"), s);
    assertFalse(s.contains("13800001234"), s);
  }

  /**
   * Identifiers spaced or dashed with the look-alikes an input method or a word processor types — the full-width
   * space and hyphen, the no-break space, Unicode dashes — or with zero-width characters went out unmasked.
   */
  @ParameterizedTest
  @ValueSource(strings = {"\u3000", "\u00A0", "\u202F", "\uFF0D", "\u2010", "\u2013",
      "\u2212", "\u200B", " \u3000", "-"})
  void identifiersSeparatedByLookAlikesOfSpacesAndDashesAreMasked(String sep) {
    String card = String.join(sep, "6222", "0212", "3456", "7890", "123");
    String mobile = String.join(sep, "138", "1234", "5678");
    String id = String.join(sep, "110105", "19491231", "002X");
    assertEquals("卡号622202*********0123，手机138****5678，身份证110***********002X。",
        m.redact("卡号" + card + "，手机" + mobile + "，身份证" + id + "。"));
    assertEquals("卡号622202*********0123", m.redact("卡号" + String.join(sep, "６２２２", "０２１２", "３４５６", "７８９０", "１２３")));
  }

  /**
   * A long run of an address's characters was scanned from each of its positions: 16 000 digits took 3 s. Checked as
   * growth ({@link LinearTime}), not by a wall-clock limit a loaded host can hit.
   */
  @Test
  void aLongRunOfCharactersIsRedactedInLinearTime() {
    LinearTime.assertLinear("long runs of digits and address characters", scale -> {
      String digits = "1".repeat(25_000 * scale);
      String words = "a.b-c_".repeat(5_000 * scale) + "@example";
      assertEquals(digits, m.redact(digits));
      assertEquals(words, m.redact(words));
    });
    assertEquals("mail z*******@example.com and a*@b.cn", m.redact("mail zhangsan@example.com and ab@b.cn"));
  }
  /**
   * A run of many identifiers, or of identifiers and dates, a space apart was masked one identifier or date per nested
   * call: 20 000 mobiles (240 000 characters) overflowed the stack. Checked on a thread of a small, fixed stack (256
   * KiB), where 2 000 mobiles overflowed it, so the outcome does not depend on the host's default stack or a clock.
   */
  @Test
  void aRunOfManyIdentifiersAndDatesIsMaskedWithoutOverflowingTheStack() throws Exception {
    assertEquals("138****5678 ".repeat(2_000).strip(), redactedOnASmallStack("13812345678 ".repeat(2_000).strip()));
    assertEquals("2026-11-30 138****5678 ".repeat(1_000).strip(),
        redactedOnASmallStack("2026-11-30 13812345678 ".repeat(1_000).strip()));
  }

  /** {@code text} redacted on a thread of a small, fixed stack (256 KiB); what it throws is rethrown here. */
  private String redactedOnASmallStack(String text) throws Exception {
    String[] redacted = new String[1];
    Throwable[] thrown = new Throwable[1];
    Thread small = new Thread(null, () -> {
      try {
        redacted[0] = m.redact(text);
      } catch (Throwable t) { // a StackOverflowError, reported on the test's thread
        thrown[0] = t;
      }
    }, "redact-on-a-small-stack", 256 * 1024);
    small.start();
    small.join();
    assertEquals(null, thrown[0]);
    return redacted[0];
  }

  /**
   * A run of many mobiles or dates a space apart was split into its groups anew for each mobile or date, its rest
   * copied each time: 20 000 mobiles (240 000 characters) took 5 s, the work growing with the square of the run.
   * Counted as the bytes the redacting thread allocates, not timed: a run eight times as long must allocate less than
   * 24 times as much (a linear reading allocates about 8 times as much, a quadratic one about 64).
   */
  @Test
  void aRunOfManyMobilesAndDatesIsRedactedWithWorkLinearInItsLength() {
    for (String unit : List.of("13812345678 ", "2026-11-30 13812345678 ", "86 138 1234 5678 ")) {
      long once = allocatedRedacting(unit, 1_000);
      long eightfold = allocatedRedacting(unit, 8_000);
      assertTrue(eightfold < 24 * once, unit.strip() + " repeated: 8 times as many allocated " + eightfold
          + " bytes against " + once);
    }
  }

  /**
   * A mobile or ID number in superscript or subscript digits, or in digits in parentheses or with a full stop, as a
   * chat message is typed to slip past a filter, went out in clear (round 85's left-alone): each is masked as its ASCII
   * digits are. A footnote mark or a unit's power ({@code m²}, {@code 10⁸}) stays as written.
   */
  @Test
  void anIdentifierInSuperscriptSubscriptOrParenthesizedDigitsIsMasked() {
    assertEquals("加微信138****5678，谢谢", m.redact("加微信¹³⁸¹²³⁴⁵⁶⁷⁸，谢谢"));
    assertEquals("电话138****5678", m.redact("电话₁₃₈ ₁₂₃₄ ₅₆₇₈"));
    assertEquals("号码139****9999", m.redact("号码⑴⑶⑼⑼⑼⑼⑼⑼⑼⑼⑼"));
    assertEquals("号码139****9999", m.redact("号码⒈⒊⒐⒐⒐⒐⒐⒐⒐⒐⒐"));
    assertEquals("身份证110***********002X", m.redact("身份证¹¹⁰¹⁰⁵¹⁹⁹⁰⁰³⁰⁷⁰⁰²X"));
    for (String kept : List.of("面积120m²，楼层³", "注¹：10⁸元以上", "H₂O 与 CO₂", "⑴ 填表 ⑵ 还款2000元")) {
      assertEquals(kept, m.redact(kept));
    }
  }

  /**
   * The same for what this session's readings take: cards cut any way beside an amount (and the same redacted, whose
   * kept ends are walked across separators), percent-encoded spaces, and digits of other scripts.
   */
  @Test
  void cardsCutAnyWayEncodedSpacesAndOtherDigitsAreRedactedWithWorkLinearInTheirLength() {
    for (String unit : List.of("6222021 234567890123 500 ", "622202* ********0123 500 ", "138%201234%205678 ",
        "\uD835\uDFCF\uD835\uDFD1\uD835\uDFD6\uD835\uDFCF\uD835\uDFD0\uD835\uDFD1\uD835\uDFD2"
            + "\uD835\uDFD3\uD835\uDFD4\uD835\uDFD5\uD835\uDFD6 ", "١٣٨١٢٣٤٥٦٧٨ ", "①③⑧①②③④⑤⑥⑦⑧，")) {
      long once = allocatedRedacting(unit, 1_000);
      long eightfold = allocatedRedacting(unit, 8_000);
      assertTrue(eightfold < 24 * once, unit.strip() + " repeated: 8 times as many allocated " + eightfold
          + " bytes against " + once);
    }
  }

  /**
   * A mobile grouped no usual way after a group, {@code 12 1 3812345678}, many times a space apart, was masked with the
   * rest after each such mobile masked by a call within the call, each rest split and searched for identifiers anew:
   * 1 000 of them (16 000 characters) took 96 s and then overflowed the stack. Counted as allocated bytes (eight
   * times as many must allocate less than 24 times as much), and run on a thread of a small, fixed stack (256 KiB).
   */
  @Test
  void aRunOfManyMobilesGroupedAnyWayIsRedactedWithWorkLinearInItsLength() throws Exception {
    // the last had been a card, 121381***5678, that showed the mobile's fourth digit
    assertEquals("12 138****5678 12 138****5678 12 138****5678", m.redact("12 1 3812345678 ".repeat(3).strip()));
    long once = allocatedRedacting("12 1 3812345678 ", 50);
    long eightfold = allocatedRedacting("12 1 3812345678 ", 400);
    assertTrue(eightfold < 24 * once, "8 times as many allocated " + eightfold + " bytes against " + once);
    String redacted = redactedOnASmallStack("12 1 3812345678 ".repeat(2_000).strip());
    assertTrue(("12 138****5678 ".repeat(2_000).strip()).equals(redacted), "each a group and a mobile");
  }

  /**
   * A long run of single digits a space or dash apart ({@code 1 1 1 …}, 240 000 characters) took seconds: for each
   * group, the split masked every span of up to 19 characters from it, only to learn whether the span was an
   * identifier, which allocated 6 KB a character. Counted as allocated bytes, not timed: less than 1 500 a character.
   */
  @Test
  void aRunOfSingleDigitsIsRedactedWithoutMaskingEverySpanOfIt() {
    for (String unit : List.of("1 ", "1 3 ", "1-")) {
      String text = unit.repeat(10_000).strip();
      long bytes = allocatedRedacting(unit, 10_000);
      assertTrue(bytes < 1_500L * text.length(), unit.strip() + " repeated: " + bytes / text.length()
          + " bytes allocated a character");
    }
  }

  /** The bytes this thread allocates redacting {@code unit} written {@code times} times (the smallest of three). */
  private long allocatedRedacting(String unit, int times) {
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    String text = unit.repeat(times).strip();
    String expected = m.redact(text);
    long least = Long.MAX_VALUE;
    for (int k = 0; k < 3; k++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      assertEquals(expected, m.redact(text));
      least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
    }
    return least;
  }

  /**
   * A value of exactly the kept counts (3 + 4 of an ID number or a mobile, 6 + 4 of a card) would show every character
   * kept with nothing hidden: it is too short to keep both ends and is masked entirely, as a shorter one is.
   */
  @Test
  void aValueOfExactlyTheKeptCountsIsMaskedEntirely() {
    assertEquals("*******", m.idNumber("1101051"));
    assertEquals("*******", m.mobile("1380000"));
    assertEquals("**********", m.bankCard("6222021234"));
    assertEquals("110*1051", m.idNumber("11001051"), "one character more hides one");
  }

  /**
   * A run of 12 to 19 digits in one piece that starts as a mobile does, 1 and then 3 to 9 (13x included, the
   * boundary), is masked as a mobile, first 3 and last 4: a card's mask would show six of its digits.
   */
  @Test
  void anUnbrokenRunOfTwelveToNineteenDigitsStartingAsAMobileIsMaskedAsOne() {
    assertEquals("138*******8901", m.redact("13812345678901"));
    assertEquals("卡 131*********0123", m.redact("卡 1311234567890123"));
    assertEquals("191*****7890", m.redact("191234567890"));
    assertEquals("622202******7890", m.redact("6222021234567890"), "a card stays a card");
  }

  /**
   * A number written in emoji keycaps (each digit followed by the variation selector U+FE0F and the combining keycap
   * U+20E3), or with a variation selector after each digit, as a chat message is typed to slip past a platform's
   * filter, went out in clear: neither mark was taken for what stands between digits. A keycap list of a few digits is
   * no identifier and stays as written.
   */
  @Test
  void anIdentifierWrittenInEmojiKeycapsOrWithVariationSelectorsIsMasked() {
    assertEquals("加微信138****5678\uFE0F\u20E3，谢谢", m.redact("加微信" + after("13812345678", "\uFE0F\u20E3")
        + "，谢谢"));
    assertEquals("电话138****5678\uFE0F。", m.redact("电话" + after("13812345678", "\uFE0F") + "。"));
    assertEquals("身份证110***********002X", m.redact("身份证" + after("11010519491231002", "\uFE0F\u20E3") + "X"));
    assertEquals("卡号622202*********0123\uFE0E", m.redact("卡号" + after("6222021234567890123", "\uFE0E")));
    String list = "1\uFE0F\u20E3 填表 2\uFE0F\u20E3 还款2000元";
    assertEquals(list, m.redact(list));
  }

  /** {@code digits} with {@code mark} after each digit. */
  private static String after(String digits, String mark) {
    return digits.chars().mapToObj(c -> (char) c + mark).collect(Collectors.joining());
  }
}
