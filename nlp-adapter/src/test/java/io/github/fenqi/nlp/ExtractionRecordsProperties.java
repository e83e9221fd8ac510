package io.github.fenqi.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Negative;
import net.jqwik.api.constraints.Scale;

/**
 * The documented limits of an {@link ExtractedField}'s value and confidence and of an {@link Evidence} span hold at
 * their ends, not only far from them: a count is never negative, a ratio never above 1, a rate never negative, a
 * confidence in 0..1, a span's start never negative.
 */
class ExtractionRecordsProperties {
  private static final Evidence WHERE = new Evidence(0, 4, "最长可分");

  private static List<String> problems(Runnable construct) {
    return assertThrows(InvalidInputException.class, construct::run).problems().stream()
        .map(p -> p.location() + ": " + p.reason()).toList();
  }

  @Property(tries = 200)
  void aCountIsRefusedExactlyWhenNegative(@ForAll @IntRange(min = -1000, max = 1000) int count) {
    for (PolicyField f : List.of(PolicyField.MAX_INSTALLMENTS, PolicyField.MIN_INSTALLMENTS,
        PolicyField.MIN_OVERDUE_DAYS)) {
      if (count < 0) {
        assertEquals(List.of("value: " + count + " is negative for " + f.jsonName()),
            problems(() -> new ExtractedField(f, count, WHERE, 0.9)));
      } else {
        assertEquals(count, new ExtractedField(f, count, WHERE, 0.9).intValue());
      }
    }
  }

  @Property(tries = 300)
  void aRatioIsRefusedExactlyAboveOneAndARateExactlyBelowZero(
      @ForAll @BigRange(min = "-2", max = "3") @Scale(4) BigDecimal value) {
    for (PolicyField f : PolicyField.values()) {
      if (f.kind() != PolicyField.Kind.RATIO && f.kind() != PolicyField.Kind.RATE) {
        continue;
      }
      if (value.signum() < 0) {
        assertEquals(List.of("value: " + value + " is negative for " + f.jsonName()),
            problems(() -> new ExtractedField(f, value, WHERE, 0.9)));
      } else if (f.kind() == PolicyField.Kind.RATIO && value.compareTo(BigDecimal.ONE) > 0) {
        assertEquals(List.of("value: ratio " + value + " is above 1 for " + f.jsonName()),
            problems(() -> new ExtractedField(f, value, WHERE, 0.9)));
      } else {
        assertEquals(value, new ExtractedField(f, value, WHERE, 0.9).decimalValue());
      }
    }
  }

  /** Near 1 too: 1 is a full waiver, the least ratio above it (at the precision written) is refused. */
  @Property(tries = 200)
  void aRatioJustAboveOneIsRefused(@ForAll @BigRange(min = "0.99", max = "1.02") @Scale(4) BigDecimal value) {
    if (value.compareTo(BigDecimal.ONE) > 0) {
      assertEquals(List.of("value: ratio " + value + " is above 1 for principalWaiver"),
          problems(() -> new ExtractedField(PolicyField.PRINCIPAL_WAIVER, value, WHERE, 0.9)));
    } else {
      assertEquals(value, new ExtractedField(PolicyField.PRINCIPAL_WAIVER, value, WHERE, 0.9).decimalValue());
    }
  }

  @Property(tries = 200)
  void aConfidenceIsRefusedExactlyOutsideZeroToOne(@ForAll @DoubleRange(min = -1, max = 2) double confidence) {
    if (confidence < 0 || confidence > 1) {
      assertEquals(List.of("confidence: " + confidence + " is outside 0..1"),
          problems(() -> new ExtractedField(PolicyField.STOPS_INTEREST, true, WHERE, confidence)));
    } else {
      assertEquals(confidence, new ExtractedField(PolicyField.STOPS_INTEREST, true, WHERE, confidence).confidence());
    }
  }

  /** Both ends of 0..1 are inside it: a reading may be certain, or have no confidence at all. */
  @Property(tries = 10)
  void bothEndsOfTheConfidenceRangeAreAccepted(@ForAll @IntRange(min = 0, max = 1) int confidence) {
    assertEquals(confidence, new ExtractedField(PolicyField.STOPS_INTEREST, true, WHERE, confidence).confidence());
  }

  @Property(tries = 100)
  void aSpanIsRefusedExactlyForANegativeStart(@ForAll @Negative int start) {
    assertEquals(List.of("start: " + start + " is negative"), problems(() -> new Evidence(start, 0, "")));
    assertEquals(0, new Evidence(0, 0, "").start());
  }
}
