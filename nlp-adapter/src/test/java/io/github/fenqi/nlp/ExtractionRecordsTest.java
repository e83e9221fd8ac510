package io.github.fenqi.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.nlp.spi.TermMention;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ExtractionNote}, {@link ExtractionResult}, {@link ExtractedField}, {@link Evidence} and {@link TermMention}
 * refuse bad parts as the SDK's records do: an
 * {@link InvalidInputException} naming each bad part. They had thrown a NullPointerException or an
 * IllegalArgumentException naming none, so a caller restoring them (a state file, a JSON answer) could not say where.
 */
class ExtractionRecordsTest {
  private static final ExtractedField YES = new ExtractedField(PolicyField.REQUIRES_HARDSHIP_PROOF, true,
      new Evidence(0, 7, "需提供困难证明"), 0.9);
  private static final ExtractedField NO = new ExtractedField(PolicyField.REQUIRES_HARDSHIP_PROOF, false,
      new Evidence(8, 16, "无需提供困难证明"), 0.9);
  private static final ExtractedField MONTHS = new ExtractedField(PolicyField.MAX_INSTALLMENTS, 36,
      new Evidence(0, 7, "最长可分36期"), 0.9);

  private static List<String> problems(Runnable construct) {
    InvalidInputException e = assertThrows(InvalidInputException.class, construct::run);
    return e.problems().stream().map(p -> p.location() + ": " + p.reason()).toList();
  }

  @Test
  void aNoteNamesEachBadPart() {
    assertEquals(List.of("field: is required", "kind: is required", "readings: is required"),
        problems(() -> new ExtractionNote(null, null, null)));
    assertEquals(List.of("readings[1]: is null"), problems(() -> new ExtractionNote(
        PolicyField.REQUIRES_HARDSHIP_PROOF, ExtractionNote.Kind.CONFLICT, Arrays.asList(YES, null))));
    assertEquals(List.of("readings[1].field: is MAX_INSTALLMENTS in a note on REQUIRES_HARDSHIP_PROOF"),
        problems(() -> new ExtractionNote(PolicyField.REQUIRES_HARDSHIP_PROOF, ExtractionNote.Kind.CONFLICT,
            List.of(YES, MONTHS))));
    assertEquals(List.of("readings: 1 readings in a CONFLICT note on REQUIRES_HARDSHIP_PROOF (a conflict lists at "
        + "least two, a bound one)"), problems(() -> new ExtractionNote(PolicyField.REQUIRES_HARDSHIP_PROOF,
            ExtractionNote.Kind.CONFLICT, List.of(YES))));
    assertEquals(List.of("readings: 2 readings in a AT_MOST note on REQUIRES_HARDSHIP_PROOF (a conflict lists at "
        + "least two, a bound one)"), problems(() -> new ExtractionNote(PolicyField.REQUIRES_HARDSHIP_PROOF,
            ExtractionNote.Kind.AT_MOST, List.of(YES, NO))));
  }

  @Test
  void aResultNamesEachBadPart() {
    assertEquals(List.of("fields: is required", "terms: is required", "termMentions: is required",
        "notes: is required"), problems(() -> new ExtractionResult(null, null, null, null)));
    Map<PolicyField, ExtractedField> misfiled = new HashMap<>();
    misfiled.put(PolicyField.MIN_INSTALLMENTS, MONTHS);
    misfiled.put(PolicyField.MAX_INSTALLMENTS, null);
    assertEquals(List.of("fields.MAX_INSTALLMENTS: is null"),
        problems(() -> new ExtractionResult(misfiled, Set.of(), List.of())));
    misfiled.remove(PolicyField.MAX_INSTALLMENTS);
    assertEquals(List.of("fields.MIN_INSTALLMENTS: holds a value of MAX_INSTALLMENTS"),
        problems(() -> new ExtractionResult(misfiled, Set.of(), List.of())));
    Set<FinancialTerm> terms = new HashSet<>(Arrays.asList(FinancialTerm.PRINCIPAL, null));
    assertEquals(List.of("terms: has a null term"), problems(() -> new ExtractionResult(Map.of(), terms, List.of())));
    ExtractionNote conflict = new ExtractionNote(PolicyField.REQUIRES_HARDSHIP_PROOF, ExtractionNote.Kind.CONFLICT,
        List.of(YES, NO));
    assertEquals(List.of("notes[1]: is a conflict note on REQUIRES_HARDSHIP_PROOF, which has a value (a conflict "
        + "leaves its field undetermined)"), problems(() -> new ExtractionResult(
            Map.of(PolicyField.REQUIRES_HARDSHIP_PROOF, YES), Set.of(), List.of(), List.of(
                new ExtractionNote(PolicyField.MAX_INSTALLMENTS, ExtractionNote.Kind.AT_MOST, List.of(MONTHS)),
                conflict))));
    assertEquals(List.of("notes[0]: is null"),
        problems(() -> new ExtractionResult(Map.of(), Set.of(), List.of(), Arrays.asList((ExtractionNote) null))));
    // a good result still is one
    assertEquals(List.of(conflict), new ExtractionResult(Map.of(), Set.of(), List.of(), List.of(conflict)).notes());
  }

  @Test
  void aFieldNamesEachBadPart() {
    assertEquals(List.of("field: is required", "value: is required", "evidence: is required",
        "confidence: NaN is outside 0..1"), problems(() -> new ExtractedField(null, null, null, Double.NaN)));
    Evidence where = new Evidence(0, 4, "罚息减免");
    assertEquals(List.of("value: 36 is a Integer, expected BigDecimal for maxPenaltyWaiver"),
        problems(() -> new ExtractedField(PolicyField.MAX_PENALTY_WAIVER, 36, where, 0.9)));
    assertEquals(List.of("value: ratio 1.5 is above 1 for maxPenaltyWaiver", "confidence: 1.5 is outside 0..1"),
        problems(() -> new ExtractedField(PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("1.5"), where, 1.5)));
    assertEquals(List.of("value: -0.1 is negative for maxPenaltyWaiver"), problems(
        () -> new ExtractedField(PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("-0.1"), where, 0.9)));
    assertEquals(List.of("value: -3 is negative for maxInstallments"),
        problems(() -> new ExtractedField(PolicyField.MAX_INSTALLMENTS, -3, where, 0.9)));
    // a good field still is one
    assertEquals(new BigDecimal("0.5"), new ExtractedField(PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.5"),
        where, 1).decimalValue());
  }

  @Test
  void aSpanNamesEachBadPart() {
    assertEquals(List.of("text: is required", "start: -1 is negative", "end: -2 is before start -1"),
        problems(() -> new Evidence(-1, -2, null)));
    assertEquals(List.of("end: 3 is before start 5"), problems(() -> new Evidence(5, 3, "x")));
    assertEquals(List.of("term: is required", "text: is required", "end: 0 is before start 2",
        "confidence: -0.5 is outside 0..1"), problems(() -> new TermMention(null, 2, 0, null, -0.5)));
    assertEquals(List.of("start: -4 is negative"),
        problems(() -> new TermMention(FinancialTerm.PRINCIPAL, -4, 0, "本金", 1)));
    assertEquals(2, new TermMention(FinancialTerm.PRINCIPAL, 0, 2, "本金", 1).end());
    assertEquals(0.0, new TermMention(FinancialTerm.PRINCIPAL, 0, 2, "本金", 0).confidence(), "0 is inside 0..1");
  }
}
