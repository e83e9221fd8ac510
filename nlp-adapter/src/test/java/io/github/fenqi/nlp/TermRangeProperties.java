package io.github.fenqi.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The installments read from a text are terms core can schedule, 1..360 months ({@code Policy} refuses any other): a
 * larger one ("最长可分400期", "最长可分31年") is left unread rather than drafted into a policy core refuses, and every
 * term inside that range is read in months whatever its unit. So are the least overdue days read only as a threshold of
 * 1..3650 days: "逾期0-90天" states no threshold (a debt not overdue is no overdue rule), nor does ten years and more.
 */
class TermRangeProperties {
  private final PolicyTextExtractor extractor = PolicyTextExtractor.create();

  @Property(tries = 300)
  void aMostTermIsReadInMonthsOnlyInsideCoresRange(@ForAll @IntRange(min = 1, max = 999) int n,
      @ForAll @StringLength(min = 1, max = 1) @Chars({'期', '月', '年'}) String unit) {
    String written = unit.equals("月") ? "个月" : unit;
    int months = unit.equals("年") ? n * 12 : n;
    String text = "分期期限最长可分" + n + written + "。";
    Optional<Object> read = extractor.extract(text).field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::value);
    assertEquals(months <= 360 ? Optional.of(months) : Optional.empty(), read, text);
  }

  @Property(tries = 200)
  void aRangeIsReadOnlyWhenBothEndsAreInsideCoresRange(@ForAll @IntRange(min = 1, max = 500) int lo,
      @ForAll @IntRange(min = 1, max = 500) int hi) {
    String text = "可分" + lo + "至" + hi + "期。";
    ExtractionResult r = extractor.extract(text);
    boolean read = lo < hi && hi <= 360;
    assertEquals(read ? Optional.of(lo) : Optional.empty(),
        r.field(PolicyField.MIN_INSTALLMENTS).map(ExtractedField::value), text);
    assertEquals(read ? Optional.of(hi) : Optional.empty(),
        r.field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::value), text);
  }

  @Property(tries = 300)
  void theLeastOverdueDaysOfARangeAreItsLowerEndFromOneDayToTenYears(@ForAll @IntRange(min = 0, max = 4000) int lo) {
    int hi = lo + 30;
    for (String text : List.of("逾期" + lo + "至" + hi + "天的客户可申请。", "逾期" + lo + "-" + hi + "天的客户可申请。")) {
      Optional<Object> read = extractor.extract(text).field(PolicyField.MIN_OVERDUE_DAYS).map(ExtractedField::value);
      assertEquals(lo >= 1 && hi <= 3650 ? Optional.of(lo) : Optional.empty(), read, text);
    }
  }
}
