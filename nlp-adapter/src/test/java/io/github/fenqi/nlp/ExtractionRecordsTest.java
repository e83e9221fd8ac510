package io.github.fenqi.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ExtractionNote} and {@link ExtractionResult} refuse bad parts as the SDK's records do: an
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
}
