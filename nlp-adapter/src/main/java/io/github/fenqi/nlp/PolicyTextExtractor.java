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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a lender's Chinese policy text (announcement, notice, customer-service answer) into structured fields:
 * installment range, minimum overdue days, waiver caps, down payment, hardship proof, interest stop, monthly fee,
 * and the financial terms mentioned. Each field carries its evidence (a span of the original text) and a
 * confidence; fields the text does not determine are absent — so is a field the text gives two different values
 * with the same confidence (two products' terms, or a contradiction), rather than one of them picked silently.
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
    List<Candidate> candidates = PolicyRules.apply(n, mentions);

    Map<PolicyField, Candidate> best = new EnumMap<>(PolicyField.class);
    // "信用卡最长可分60期，消费贷最长可分36期": equally sure of two values, the text does not settle the field
    Set<PolicyField> contested = EnumSet.noneOf(PolicyField.class);
    for (Candidate c : candidates) {
      Candidate b = best.get(c.field());
      if (b == null || c.confidence() > b.confidence()) {
        best.put(c.field(), c);
        contested.remove(c.field());
      } else if (c.confidence() == b.confidence() && !sameValue(c.value(), b.value())) {
        contested.add(c.field());
      }
    }
    best.keySet().removeAll(contested);
    // a range whose bounds contradict each other is not trusted
    Candidate lo = best.get(PolicyField.MIN_INSTALLMENTS);
    Candidate hi = best.get(PolicyField.MAX_INSTALLMENTS);
    if (lo != null && hi != null && (Integer) lo.value() > (Integer) hi.value()) {
      best.remove(lo.confidence() < hi.confidence() ? PolicyField.MIN_INSTALLMENTS : PolicyField.MAX_INSTALLMENTS);
    }

    Map<PolicyField, ExtractedField> fields = new EnumMap<>(PolicyField.class);
    best.forEach((field, c) -> fields.put(field,
        new ExtractedField(field, c.value(), evidence(normalized, c.start(), c.end()), c.confidence())));

    Set<FinancialTerm> terms = EnumSet.noneOf(FinancialTerm.class);
    List<TermMention> original = new ArrayList<>(mentions.size());
    for (TermMention m : mentions) {
      terms.add(m.term());
      // the same mapping as the fields' evidence: an empty mention where markup was dropped stays an empty span
      Evidence span = evidence(normalized, m.start(), m.end());
      original.add(new TermMention(m.term(), span.start(), span.end(), span.text(), m.confidence()));
    }
    return new ExtractionResult(fields, terms, original);
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

  private static boolean sameValue(Object a, Object b) {
    return a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : a.equals(b);
  }

  private static Evidence evidence(NormalizedText normalized, int start, int end) {
    int s = normalized.originalStart(start);
    int e = Math.max(s, normalized.originalEnd(end));
    return new Evidence(s, e, normalized.original().substring(s, e));
  }
}
