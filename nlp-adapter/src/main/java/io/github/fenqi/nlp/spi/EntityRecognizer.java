package io.github.fenqi.nlp.spi;

import java.util.List;

/**
 * Finds mentions of financial terms (罚息, 违约金, 本金, ...) in a policy text. The extractor uses the mentions
 * both to report the terms a text talks about and to decide which debt component a waiver clause is about.
 *
 * <p>The default is {@link #lexicon()}: longest-match over a term lexicon. A user with a fine-tuned
 * token-classification model (BERT/RoBERTa exported to ONNX, ...) implements {@link TokenClassifier} and wraps it
 * with {@link #tokenClassification(TokenClassifier, int)}; no model runtime is a dependency of this module.
 *
 * <p>Input is the <em>normalised</em> text (simplified script, ASCII digits and punctuation); returned offsets are
 * into that text. Implementations must be thread-safe: one recogniser serves concurrent extractions.
 */
@FunctionalInterface
public interface EntityRecognizer {

  /** Every term mention in {@code normalizedText}, in text order, non-overlapping. */
  List<TermMention> recognize(String normalizedText);

  /** The default recogniser over the bundled lexicon ({@code io/github/fenqi/nlp/financial-terms.txt}). */
  static EntityRecognizer lexicon() {
    return LexiconEntityRecognizer.bundled();
  }

  /**
   * Adapts a token-classification model: the text is split into tokens (one per Chinese character, runs of ASCII
   * letters, digits and dots as one token), the model labels them in windows of at most {@code maxTokens}, and BIO
   * labels ({@code B-LATE_FEE}, {@code I-LATE_FEE}, {@code O}) are decoded into mentions.
   *
   * @throws io.github.fenqi.core.InvalidInputException when {@code maxTokens} is below 1
   */
  static EntityRecognizer tokenClassification(TokenClassifier classifier, int maxTokens) {
    return new TokenClassificationRecognizer(classifier, maxTokens);
  }
}
