package io.github.fenqi.nlp.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.nlp.Evidence;
import io.github.fenqi.nlp.ExtractedField;
import io.github.fenqi.nlp.ExtractionResult;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.source.Announcement;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link FieldChange} and {@link PolicyChange} refuse bad parts as the SDK's records do: an
 * {@link InvalidInputException} naming each one, all at once. They had thrown a NullPointerException or an
 * IllegalArgumentException naming none, so a listener or a store built on them could not say what was wrong.
 */
class ChangeRecordsTest {
  private static final ExtractedField MONTHS = new ExtractedField(PolicyField.MAX_INSTALLMENTS, 36,
      new Evidence(0, 7, "最长可分36期"), 0.9);
  private static final Announcement NOTICE = new Announcement("cc-notices", "n1", "公告", "最长可分36期",
      URI.create("https://example.com/n1"), Instant.parse("2026-12-01T00:00:00Z"));
  private static final ExtractionResult EXTRACTION = new ExtractionResult(
      Map.of(PolicyField.MAX_INSTALLMENTS, MONTHS), Set.of(), List.of());
  private static final FieldChange CHANGE = new FieldChange(PolicyField.MAX_INSTALLMENTS, Optional.of(24), MONTHS);

  private static List<String> problems(Runnable construct) {
    InvalidInputException e = assertThrows(InvalidInputException.class, construct::run);
    return e.problems().stream().map(p -> p.location() + ": " + p.reason()).toList();
  }

  @Test
  void aFieldChangeNamesEachBadPart() {
    assertEquals(List.of("field: is required", "liveValue: is required", "proposed: is required"),
        problems(() -> new FieldChange(null, null, null)));
    assertEquals(List.of("proposed.field: is MAX_INSTALLMENTS in a change of MIN_INSTALLMENTS"),
        problems(() -> new FieldChange(PolicyField.MIN_INSTALLMENTS, Optional.empty(), MONTHS)));
    assertEquals(MONTHS, CHANGE.proposed());
  }

  @Test
  void anAnnouncementNamesEachMissingPart() {
    assertEquals(List.of("sourceId: is required", "title: is required", "fetchedAt: is required"),
        problems(() -> new Announcement(null, "n1", null, "text", URI.create("https://example.com/n1"), null)));
  }

  /**
   * Notes of an announcement are reported only when there are some: an empty list is refused naming it, as is each
   * missing part (mutation audit 88: dropping the empty check survived, no test built one).
   */
  @Test
  void announcementNotesNameEachBadPart() {
    assertEquals(List.of("notes: is empty (an announcement without notes is not reported as notes)"),
        problems(() -> new AnnouncementNotes("cc-notices", "demo", NOTICE, List.of(),
            Instant.parse("2026-12-02T00:00:00Z"))));
    assertEquals(List.of("sourceId: is required", "platformId: is required", "announcement: is required",
        "notes: is required", "at: is required"), problems(() -> new AnnouncementNotes(null, null, null, null, null)));
  }

  @Test
  void aPolicyChangeNamesEachBadPart() {
    assertEquals(List.of("id: is required", "sourceId: is required", "platformId: is required",
        "announcement: is required", "extraction: is required", "changes: is required", "status: is required",
        "at: is required", "supersedes: is required"),
        problems(() -> new PolicyChange(null, null, null, null, null, null, null, null, null)));
    Instant at = Instant.parse("2026-12-02T00:00:00Z");
    assertEquals(List.of("changes: is empty (a policy change needs at least one field change)"),
        problems(() -> new PolicyChange("c1", "cc-notices", "demo", NOTICE, EXTRACTION, List.of(),
            PolicyChange.Status.QUEUED_FOR_REVIEW, at)));
    assertEquals(List.of("changes[1]: is null", "supersedes[0]: is null"),
        problems(() -> new PolicyChange("c1", "cc-notices", "demo", NOTICE, EXTRACTION, Arrays.asList(CHANGE, null),
            PolicyChange.Status.QUEUED_FOR_REVIEW, at, Arrays.asList((String) null))));
    assertEquals(List.of(CHANGE), new PolicyChange("c1", "cc-notices", "demo", NOTICE, EXTRACTION, List.of(CHANGE),
        PolicyChange.Status.QUEUED_FOR_REVIEW, at).changes());
    assertEquals(List.of("failure: is given for a change APPLIED (only a change APPLY_FAILED has one)"),
        problems(() -> new PolicyChange("c1", "cc-notices", "demo", NOTICE, EXTRACTION, List.of(CHANGE),
            PolicyChange.Status.APPLIED, at, List.of(), "installments.max: 60 is below min 72")));
    assertEquals(List.of("failure: is blank (say why the change could not be applied)"),
        problems(() -> new PolicyChange("c1", "cc-notices", "demo", NOTICE, EXTRACTION, List.of(CHANGE),
            PolicyChange.Status.QUEUED_FOR_REVIEW, at).failed(" ", at)));
    PolicyChange failed = new PolicyChange("c1", "cc-notices", "demo", NOTICE, EXTRACTION, List.of(CHANGE),
        PolicyChange.Status.QUEUED_FOR_REVIEW, at).failed("installments.max: 60 is below min 72", at);
    assertEquals("installments.max: 60 is below min 72", failed.failure());
    assertEquals(null, failed.withStatus(PolicyChange.Status.APPLIED, at).failure(), "a later status has no failure");
  }
}
