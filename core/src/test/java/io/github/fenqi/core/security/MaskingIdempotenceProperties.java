package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Masking what is already masked changes nothing: a note redacted for a script and redacted again by the audit log,
 * or a masked value read back and shown, says the same each time and is not masked further into a new shape.
 */
class MaskingIdempotenceProperties {
  private final Masking masking = Masking.defaults();

  /** Groups of digits (one to nineteen) set apart by the ways notes set them apart, and words between them. */
  @Provide
  Arbitrary<String> notes() {
    Arbitrary<String> group = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(19);
    Arbitrary<String> between =
        Arbitraries.of(" ", "-", " - ", "\u3000", "，", "号", "x", "*", " zhang.san@qq.com ", "");
    Arbitrary<String> piece = Combinators.combine(group, between).as((g, b) -> g + b);
    return piece.list().ofMinSize(1).ofMaxSize(6).map(pieces -> String.join("", pieces));
  }

  @Property(tries = 5000)
  void redactingARedactedNoteChangesNothing(@ForAll("notes") String note) {
    String once = masking.redact(note);
    assertEquals(once, masking.redact(once), note);
  }

  /**
   * A run of digits, a country code written as a group of its own ({@code 86}, {@code 0086}, {@code +86}) and a mobile
   * cut into groups, each set apart: {@code 95 5436601 0086 138 1234 5678}.
   */
  @Provide
  Arbitrary<String> numbersBeforeACountryCodeAndAMobile() {
    Arbitrary<String> before = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> separator = Arbitraries.of(" ", "-", " - ", "\u3000", "\t");
    Arbitrary<String> code = Arbitraries.of("86", "0086", "+86");
    Arbitrary<String> mobile = Combinators.combine(Arbitraries.integers().between(3, 9),
        Arbitraries.strings().numeric().ofLength(9)).as((second, rest) -> "1" + second + rest);
    Arbitrary<String> grouped = Combinators.combine(mobile, Arbitraries.<List<Integer>>of(List.of(), List.of(3, 7), List.of(3),
        List.of(7), List.of(4, 7), List.of(5)), separator).as(MaskingIdempotenceProperties::grouped);
    return Combinators.combine(before, separator, code, separator, grouped)
        .as((digits, s1, c, s2, m) -> digits + s1 + c + s2 + m);
  }

  /** {@code mobile} cut before each of {@code cuts}, {@code separator} between the groups. */
  private static String grouped(String mobile, List<Integer> cuts, String separator) {
    StringBuilder out = new StringBuilder(mobile);
    for (int k = cuts.size() - 1; k >= 0; k--) {
      out.insert(cuts.get(k).intValue(), separator);
    }
    return out.toString();
  }

  /**
   * The note is redacted twice as once, and neither shows the mobile's middle four: the masks keep a digit's place,
   * so with the separators dropped those are the four characters before the last four.
   */
  @Property(tries = 3000)
  void aCountryCodeGroupBeforeAMobileIsRedactedTwiceAsOnce(
      @ForAll("numbersBeforeACountryCodeAndAMobile") String note) {
    String once = masking.redact(note);
    assertEquals(once, masking.redact(once), note);
    String compact = once.replaceAll("[\\s\\-\u3000]", "");
    assertEquals("****", compact.substring(compact.length() - 8, compact.length() - 4), note + " -> " + once);
  }

  /** Names, addresses and emails as typed: compound surnames, ideographs beyond the BMP, odd spaces, at signs. */
  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> typed = Arbitraries.strings().withChars("欧阳司马张李三 \u00a0\u3000\t@＠.x1-*a".toCharArray())
        .ofMaxLength(12);
    return Arbitraries.oneOf(typed, typed.map(v -> "+86" + v), typed.map(v -> v.replace("三", "\uD840\uDC00")),
        notes());
  }

  @Property(tries = 3000)
  void maskingAMaskedValueChangesNothing(@ForAll("values") String value) {
    for (UnaryOperator<String> mask : List.<UnaryOperator<String>>of(masking::idNumber, masking::bankCard,
        masking::mobile, masking::name, masking::email, masking::address)) {
      String once = mask.apply(value);
      assertEquals(once, mask.apply(once), value);
    }
  }
}
