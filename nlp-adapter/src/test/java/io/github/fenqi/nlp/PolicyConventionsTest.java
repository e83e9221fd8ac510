package io.github.fenqi.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reading conventions that tie a number in the text to the policy field it fills: the extracted value must mean
 * what core means by the field. Core admits a debt when {@code overdueDays >= minOverdueDays} and a plan whose down
 * payment is at least {@code minRatio} of the settled amount, so a strict threshold in the text ("超过90天") is one
 * past its number, as a strict bound on the term already was ("须超过12期" = 13).
 */
class PolicyConventionsTest {
  private final PolicyTextExtractor extractor = PolicyTextExtractor.create();

  private Optional<Object> value(String text, PolicyField field) {
    return extractor.extract(text).field(field).map(ExtractedField::value);
  }

  /**
   * "逾期超过90天" admits a debt 91 days overdue, not one of 90; core compares {@code overdueDays >= minOverdueDays},
   * so the field is 91 (it had been 90, admitting the 90-day debt the text refuses). Inclusive words keep the number.
   */
  @Test
  void aStrictOverdueThresholdIsOnePastItsNumber() {
    Map<String, Integer> strict = Map.of("逾期超过90天的客户可申请分期。", 91, "逾期超过3个月的客户可申请。", 91,
        "逾期超过半年的客户可申请。", 181, "逾期大于90天可申请。", 91, "逾期＞90天的客户可申请。", 91,
        "超过90天的逾期客户可申请。", 91, "逾期时间超过了90天的客户可申请。", 91, "逾期天数高于90天的客户可申请。", 91,
        "逾期超过90天以上可申请。", 91, "逾期多于60天可申请。", 61);
    strict.forEach((text, days) -> assertEquals(Optional.of(days), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
    Map<String, Integer> inclusive = Map.of("逾期满90天方可申请。", 90, "逾期90天以上可申请。", 90, "逾期≥90天可申请。", 90,
        "逾期达到90天可申请。", 90, "逾期超过90天(含90天)的客户可申请。", 90, "逾期超过90天(含)的客户可申请。", 90,
        "逾期不足90天的不予办理。", 90, "逾期30-90天可申请。", 30);
    inclusive.forEach((text, days) -> assertEquals(Optional.of(days), value(text, PolicyField.MIN_OVERDUE_DAYS), text));
  }

  /**
   * "首付不能超过30%", "首付不得高于30%": the most a down payment may be, no least; only 不超过, 不高于 and 不得超过 were
   * known, so these had been read as a minimum down payment of 0.3, the cap taken for the floor.
   */
  @Test
  void aNegatedExcessWithAModalVerbCapsTheDownPayment() {
    for (String text : List.of("首付不能超过30%。", "首付不可高于30%。", "首付不得高于欠款的30%。", "首付比例不应大于30%。",
        "首付不允许超过三成。")) {
      assertEquals(Optional.empty(), value(text, PolicyField.MIN_DOWN_PAYMENT_RATIO), text);
    }
  }
}
