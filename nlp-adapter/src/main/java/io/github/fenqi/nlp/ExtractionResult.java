package io.github.fenqi.nlp;

import io.github.fenqi.nlp.spi.TermMention;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link PolicyTextExtractor} read from one text: the fields it found (absent fields were not determined),
 * the financial terms mentioned, and each mention's span in the original text.
 *
 * <p>Thread-safety: immutable.
 */
public record ExtractionResult(Map<PolicyField, ExtractedField> fields, Set<FinancialTerm> terms,
    List<TermMention> termMentions) {

  public ExtractionResult {
    EnumMap<PolicyField, ExtractedField> copy = new EnumMap<>(PolicyField.class);
    fields.forEach((k, v) -> {
      if (v.field() != k) {
        throw new IllegalArgumentException("field " + v.field() + " stored under key " + k);
      }
      copy.put(k, v);
    });
    fields = Collections.unmodifiableMap(copy);
    EnumSet<FinancialTerm> t = EnumSet.noneOf(FinancialTerm.class);
    t.addAll(terms);
    terms = Collections.unmodifiableSet(t);
    termMentions = List.copyOf(termMentions);
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
   * {@code evidence} (per found field: start, end, text, confidence, all offsets into the original text).
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
    return out;
  }
}
