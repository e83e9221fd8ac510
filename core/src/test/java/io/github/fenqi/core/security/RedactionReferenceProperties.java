package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Masking#redact} masks a run of digits the way its straightforward reading does, each rest after a mobile or
 * a date copied, split anew and masked by a call within the call ({@link Masking#maskedByNestedCalls}): the run is
 * now split once and its rests are spans of its groups, which must change no mask's output.
 */
class RedactionReferenceProperties {
  private final Masking masking = Masking.defaults();

  /**
   * Digits, dates, mobiles (with a country code, grouped the usual ways and others), masked identifiers, check letters, separators and
   * their look-alikes, and Chinese words, in any order: runs that start with mobiles and dates one after another,
   * with identifiers of every shape among and after them.
   */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(19);
    Arbitrary<String> written = Arbitraries.of("13812345678", "138 1234 5678", "139-1234-5678", "86 138 1234 5678",
        "0086 15912345678", "2026-11-30", "2026 11 30", "1999/1/2", "11010519491231002X", "110105 19491231 002X",
        "6222 0212 3456 7890 123", "622202*********0123", "138****5678", "1 30105 19900 307123X", "20261130", "1 3812345678", "86 135 61079516",
        "0086159 - 95961713");
    Arbitrary<String> between = Arbitraries.of(" ", " ", " ", "-", " - ", "\u3000", "\u200B", "\u00A0", "\uFF0D",
        ".", "/", "X", "x", "*", "号", "元，", "电话：", "和", "(", ")", "");
    Arbitrary<String> piece = Arbitraries.oneOf(digits, written, written, between);
    return piece.list().ofMinSize(1).ofMaxSize(24).map(pieces -> String.join("", pieces));
  }

  @Property(tries = 5000)
  void redactMasksAsTheStraightforwardReadingDoes(@ForAll("texts") String text) {
    assertEquals(masking.redactByNestedCalls(text), masking.redact(text), text);
  }

  /** The same with a builder's rules, where a mask keeps other lengths and another character hides. */
  @Property(tries = 2000)
  void redactMasksAsTheStraightforwardReadingDoesWithOtherRules(@ForAll("texts") String text) {
    Masking other = Masking.builder().mobile(2, 3).idNumber(6, 2).bankCard(4, 4).maskChar('#').build();
    assertEquals(other.redactByNestedCalls(text), other.redact(text), text);
  }
}
