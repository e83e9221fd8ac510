package io.github.fenqi.nlp;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.nlp.spi.TermMention;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link PolicyTextExtractor} read from one text: the fields it found (absent fields were not determined),
 * the financial terms mentioned, each mention's span in the original text, and the notes on fields the text states
 * in incompatible ways or only bounds ({@link ExtractionNote}).
 *
 * <p>Thread-safety: immutable.
 */
public record ExtractionResult(Map<PolicyField, ExtractedField> fields, Set<FinancialTerm> terms,
    List<TermMention> termMentions, List<ExtractionNote> notes) {

  /** A result without notes (one restored from a record of its fields). */
  public ExtractionResult(Map<PolicyField, ExtractedField> fields, Set<FinancialTerm> terms,
      List<TermMention> termMentions) {
    this(fields, terms, termMentions, List.of());
  }

  /**
   * Checks the parts as the SDK's records do ({@link RequiredParts}): every problem is an
   * {@link InvalidInputException} naming its part ({@code fields.MAX_INSTALLMENTS}, {@code notes[0]}), all at once; a
   * missing part had been a NullPointerException naming nothing, a misfiled one an IllegalArgumentException.
   */
  public ExtractionResult {
    List<Problem> problems = new ArrayList<>(RequiredParts.problems(
        new String[] {"fields", "terms", "termMentions", "notes"}, fields, terms, termMentions, notes));
    if (problems.isEmpty()) {
      if (terms.stream().anyMatch(Objects::isNull)) { // contains(null) throws for some sets
        problems.add(Problem.of("terms", "has a null term"));
      }
      for (Map.Entry<PolicyField, ExtractedField> e : fields.entrySet()) {
        PolicyField k = e.getKey();
        ExtractedField v = e.getValue();
        if (k == null) {
          problems.add(Problem.of("fields", "has a null key"));
        } else if (v != null && v.field() != k) {
          problems.add(Problem.of("fields." + k, "holds a value of " + v.field()));
        }
      }
      for (int i = 0; i < notes.size(); i++) {
        ExtractionNote note = notes.get(i);
        if (note != null && note.kind() == ExtractionNote.Kind.CONFLICT && fields.containsKey(note.field())) {
          problems.add(Problem.of("notes[" + i + "]", "is a conflict note on " + note.field()
              + ", which has a value (a conflict leaves its field undetermined)"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    EnumMap<PolicyField, ExtractedField> copy = new EnumMap<>(PolicyField.class);
    copy.putAll(fields);
    fields = Collections.unmodifiableMap(copy);
    EnumSet<FinancialTerm> t = EnumSet.noneOf(FinancialTerm.class);
    t.addAll(terms);
    terms = Collections.unmodifiableSet(t);
    termMentions = List.copyOf(termMentions);
    notes = List.copyOf(notes);
  }

  /** The notes on one field. */
  public List<ExtractionNote> notes(PolicyField field) {
    return notes.stream().filter(n -> n.field() == field).toList();
  }

  /** The field, if the text determined it. */
  public Optional<ExtractedField> field(PolicyField field) {
    return Optional.ofNullable(fields.get(field));
  }

  /** The fields the text did not determine, in declaration order. */
  public List<PolicyField> undetermined() {
    List<PolicyField> missing = new ArrayList<>();
    for (PolicyField f : PolicyField.values()) {
      if (!fields.containsKey(f)) {
        missing.add(f);
      }
    }
    return List.copyOf(missing);
  }

  /**
   * A JSON-ready view: every field by its JSON name (null when undetermined), {@code terms}, and
   * {@code evidence} (per found field: start, end, text, confidence, all offsets into the original text), and
   * {@code notes} (each with field, kind, message, and its readings' values and evidence texts).
   */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> evidence = new LinkedHashMap<>();
    for (PolicyField f : PolicyField.values()) {
      ExtractedField e = fields.get(f);
      out.put(f.jsonName(), e == null ? null : e.value());
      if (e != null) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("start", e.evidence().start());
        ev.put("end", e.evidence().end());
        ev.put("text", e.evidence().text());
        ev.put("confidence", e.confidence());
        evidence.put(f.jsonName(), ev);
      }
    }
    out.put("terms", terms.stream().map(Enum::name).toList());
    out.put("evidence", evidence);
    List<Map<String, Object>> noted = new ArrayList<>();
    for (ExtractionNote note : notes) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("field", note.field().jsonName());
      n.put("kind", note.kind().name());
      n.put("message", note.message());
      n.put("readings", note.readings().stream().map(r -> {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("value", r.value());
        reading.put("start", r.evidence().start());
        reading.put("end", r.evidence().end());
        reading.put("text", r.evidence().text());
        return reading;
      }).toList());
      noted.add(n);
    }
    out.put("notes", noted);
    return out;
  }
}
