package io.github.fenqi.nlp;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.nlp.internal.Candidate;
import io.github.fenqi.nlp.internal.NormalizedText;
import io.github.fenqi.nlp.internal.PolicyRules;
import io.github.fenqi.nlp.internal.TextNormalizer;
import io.github.fenqi.nlp.spi.EntityRecognizer;
import io.github.fenqi.nlp.spi.TermMention;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a lender's Chinese policy text (announcement, notice, customer-service answer) into structured fields:
 * installment range, minimum overdue days, waiver caps, down payment, hardship proof, interest stop, monthly fee,
 * and the financial terms mentioned. Each field carries its evidence (a span of the original text) and a
 * confidence; fields the text does not determine are absent — so is a field the text states with different values
 * (two products' terms, or a contradiction), rather than one of them picked silently: an {@link ExtractionNote}
 * says so, as it says when the text only bounds a field ("每月手续费不超过0.6%").
 *
 * <p>The text is normalised first (full-width forms, traditional script, Chinese numerals such as 二十四, 百分之三十,
 * 千分之六, 半年); numbers that are not policy values (dates, hotlines, amounts such as 借款10000元) are masked
 * before the rules run.
 *
 * <pre>{@code
 * PolicyTextExtractor extractor = PolicyTextExtractor.create();
 * ExtractionResult r = extractor.extract("逾期超过3个月的客户最长可分五年偿还，罚息最高减免50%。");
 * r.field(PolicyField.MAX_INSTALLMENTS).map(ExtractedField::intValue); // Optional[60]
 * }</pre>
 *
 * <p>Thread-safety: immutable and thread-safe if its {@link EntityRecognizer} is (the default is).
 */
public final class PolicyTextExtractor {
  /** The least confidence of a reading the text states explicitly, rather than one inferred. */
  static final double EXPLICIT = 0.8;

  private final TextNormalizer normalizer;
  private final EntityRecognizer recognizer;

  private PolicyTextExtractor(EntityRecognizer recognizer) {
    this.normalizer = TextNormalizer.standard();
    this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
  }

  /** The extractor with the default lexicon recogniser. */
  public static PolicyTextExtractor create() {
    return new PolicyTextExtractor(EntityRecognizer.lexicon());
  }

  /** An extractor using {@code recognizer} for term mentions (for example a token-classification model). */
  public static PolicyTextExtractor withRecognizer(EntityRecognizer recognizer) {
    return new PolicyTextExtractor(recognizer);
  }

  /**
   * Extracts every field the text determines. Never throws for any text; an empty text gives an empty result.
   *
   * @throws FenqiException if the {@link EntityRecognizer} breaks its contract (returns null, a null mention or a
   *     mention beyond the text), naming it, rather than its mentions being dropped or failing obscurely
   */
  public ExtractionResult extract(String text) {
    Objects.requireNonNull(text, "text");
    NormalizedText normalized = normalizer.normalize(text);
    String n = normalized.text();
    List<TermMention> mentions = mentions(n);
    List<Candidate> candidates = PolicyRules.apply(normalized, mentions);

    List<ExtractionNote> notes = new ArrayList<>();
    Map<PolicyField, Candidate> best = settle(candidates, normalized, notes);
    // a range whose bounds contradict each other is not trusted: the less sure end gives way, and equally sure ends
    // ("最短可分36期，最长可分12期") both do (the least had been kept, silently)
    Candidate lo = best.get(PolicyField.MIN_INSTALLMENTS);
    Candidate hi = best.get(PolicyField.MAX_INSTALLMENTS);
    if (lo != null && hi != null && (Integer) lo.value() > (Integer) hi.value()) {
      if (lo.confidence() <= hi.confidence()) {
        best.remove(PolicyField.MIN_INSTALLMENTS);
      }
      if (hi.confidence() <= lo.confidence()) {
        best.remove(PolicyField.MAX_INSTALLMENTS);
      }
    }

    Map<PolicyField, ExtractedField> fields = new EnumMap<>(PolicyField.class);
    best.forEach((field, c) -> fields.put(field, field(normalized, c)));

    Set<FinancialTerm> terms = EnumSet.noneOf(FinancialTerm.class);
    List<TermMention> original = new ArrayList<>(mentions.size());
    for (TermMention m : mentions) {
      terms.add(m.term());
      // the same mapping as the fields' evidence: an empty mention where markup was dropped stays an empty span
      Evidence span = evidence(normalized, m.start(), m.end());
      original.add(new TermMention(m.term(), span.start(), span.end(), span.text(), m.confidence()));
    }
    notes.addAll(bounds(candidates, normalized));
    return new ExtractionResult(fields, terms, original, notes);
  }

  /**
   * The value of each field the text settles. Two readings of the same words rank by confidence: the rules rank a
   * specific reading of a clause above a general one ("最长可分12期至36期"), and the less confident reading of words a
   * more confident one also reads is dropped. Otherwise confidence says nothing of which statement the lender meant:
   * clauses of one sentence that state different values ("罚息减免比例不超过30%，最高可减免50%") leave the field
   * undetermined with a {@link ExtractionNote.Kind#CONFLICT} note listing them, as two sentences do (within a sentence
   * the more confident had been taken silently). Across sentences each sentence's most confident reading is a
   * statement of the field, and explicit statements (confidence at least {@value #EXPLICIT}: a cue word next to the
   * value) of different values — "需提供困难证明。无需提供困难证明。" — give the note, and so do equally sure readings of
   * different values ("信用卡最长可分60期。消费贷最长可分36期。"). A reading only inferred (the largest of a list of
   * options "3、6、9、12期", a cap inherited from the clause before) in a sentence of its own still gives way to an
   * explicit statement elsewhere ("最长可分36期").
   */
  private static Map<PolicyField, Candidate> settle(List<Candidate> candidates, NormalizedText normalized,
      List<ExtractionNote> notes) {
    // per field and sentence, the readings of words no more confident reading of the same sentence also reads
    Map<PolicyField, Map<Integer, List<Candidate>>> read = new EnumMap<>(PolicyField.class);
    for (Candidate c : candidates) {
      if (c.bound() == Candidate.Bound.VALUE) {
        read.computeIfAbsent(c.field(), f -> new HashMap<>()).computeIfAbsent(c.sentence(), k -> new ArrayList<>())
            .add(c);
      }
    }
    Set<PolicyField> split = EnumSet.noneOf(PolicyField.class); // a sentence states the field two ways
    Map<PolicyField, Map<Integer, Double>> top = new EnumMap<>(PolicyField.class);
    Set<Candidate> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    read.forEach((field, sentences) -> sentences.forEach((sentence, readings) -> {
      Set<Candidate> dominated = dominated(readings);
      Set<Object> values = new HashSet<>();
      for (Candidate c : readings) {
        if (!dominated.contains(c)) {
          kept.add(c);
          values.add(key(c.value()));
          top.computeIfAbsent(field, f -> new HashMap<>()).merge(sentence, c.confidence(), Math::max);
        }
      }
      if (values.size() > 1) {
        split.add(field);
      }
    }));
    // per field, the statements: one reading per different value, in the order of the text
    Map<PolicyField, Map<Object, Candidate>> statements = new EnumMap<>(PolicyField.class);
    for (Candidate c : candidates) {
      if (kept.contains(c) && (split.contains(c.field()) || c.confidence() >= top.get(c.field()).get(c.sentence()))) {
        statements.computeIfAbsent(c.field(), f -> new LinkedHashMap<>())
            .merge(key(c.value()), c, (was, now) -> now.confidence() > was.confidence() ? now : was);
      }
    }
    Map<PolicyField, Candidate> best = new EnumMap<>(PolicyField.class);
    statements.forEach((field, values) -> {
      List<Candidate> explicit = values.values().stream().filter(c -> c.confidence() >= EXPLICIT).toList();
      double most = values.values().stream().mapToDouble(Candidate::confidence).max().orElseThrow();
      List<Candidate> rivals = split.contains(field) ? List.copyOf(values.values())
          : explicit.size() > 1 ? explicit
          : values.values().stream().filter(c -> c.confidence() == most).toList();
      if (rivals.size() == 1) {
        best.put(field, rivals.get(0));
      } else {
        notes.add(new ExtractionNote(field, ExtractionNote.Kind.CONFLICT,
            rivals.stream().map(c -> field(normalized, c)).toList()));
      }
    });
    return best;
  }

  /**
   * The readings that a more confident one shares words with. By start, each reading is compared only with those
   * starting inside it, so a sentence of many clauses costs no more than its overlapping pairs (comparing every pair
   * had made a text of 30 000 clauses without a full stop take seconds, growing with its square).
   */
  private static Set<Candidate> dominated(List<Candidate> readings) {
    List<Candidate> byStart = new ArrayList<>(readings);
    byStart.sort(java.util.Comparator.comparingInt(Candidate::start));
    Set<Candidate> dominated = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int i = 0; i < byStart.size(); i++) {
      Candidate a = byStart.get(i);
      for (int j = i + 1; j < byStart.size() && byStart.get(j).start() < a.end(); j++) {
        Candidate b = byStart.get(j);
        if (a.start() < b.end() && a.confidence() != b.confidence()) {
          dominated.add(a.confidence() < b.confidence() ? a : b);
        }
      }
    }
    return dominated;
  }

  /** A note per bound the text states ("每月手续费不超过0.6%"), and per first-months offer, each once. */
  private static List<ExtractionNote> bounds(List<Candidate> candidates, NormalizedText normalized) {
    List<ExtractionNote> notes = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (Candidate c : candidates) {
      if (c.bound() != Candidate.Bound.VALUE && seen.add(List.of(c.field(), c.bound(), key(c.value())))) {
        ExtractionNote.Kind kind = switch (c.bound()) {
          case AT_MOST -> ExtractionNote.Kind.AT_MOST;
          case AT_LEAST -> ExtractionNote.Kind.AT_LEAST;
          default -> ExtractionNote.Kind.FIRST_MONTHS;
        };
        notes.add(new ExtractionNote(c.field(), kind, List.of(field(normalized, c))));
      }
    }
    return notes;
  }

  private static Object key(Object value) {
    return value instanceof BigDecimal d ? d.stripTrailingZeros() : value;
  }

  private static ExtractedField field(NormalizedText normalized, Candidate c) {
    return new ExtractedField(c.field(), c.value(), evidence(normalized, c.start(), c.end()), c.confidence());
  }

  /** The recogniser's mentions in {@code n}, checked against its contract. */
  private List<TermMention> mentions(String n) {
    List<TermMention> mentions = recognizer.recognize(n);
    String who = "entity recognizer " + recognizer.getClass().getName();
    if (mentions == null) {
      throw new FenqiException(who + " returned null instead of a list of mentions");
    }
    for (int i = 0; i < mentions.size(); i++) {
      TermMention m = mentions.get(i);
      if (m == null) {
        throw new FenqiException(who + " returned null as mention " + i);
      }
      if (m.end() > n.length()) {
        throw new FenqiException(who + " returned mention " + i + " (" + m.term() + " [" + m.start() + ", " + m.end()
            + ")) beyond the end of the normalised text, of length " + n.length());
      }
    }
    return mentions;
  }

  private static Evidence evidence(NormalizedText normalized, int start, int end) {
    int s = normalized.originalStart(start);
    int e = Math.max(s, normalized.originalEnd(end));
    return new Evidence(s, e, normalized.original().substring(s, e));
  }
}
