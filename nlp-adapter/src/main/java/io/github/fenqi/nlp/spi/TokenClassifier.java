package io.github.fenqi.nlp.spi;

import java.util.List;

/**
 * The adapter point for a user-supplied token-classification model (for example a Chinese BERT or RoBERTa
 * fine-tuned for financial-term NER and exported to ONNX). Implement this with your model runtime
 * (ONNX Runtime, DJL, a remote inference service) and pass it to
 * {@link EntityRecognizer#tokenClassification(TokenClassifier, int)}.
 *
 * <p>Contract: given tokens, return exactly one label per token in BIO form: {@code O}, or {@code B-<TERM>} /
 * {@code I-<TERM>} where {@code <TERM>} is a {@link io.github.fenqi.nlp.FinancialTerm} name. Labels naming other
 * entity types are ignored. Implementations must be thread-safe (or synchronise internally).
 */
@FunctionalInterface
public interface TokenClassifier {

  /** One BIO label per token, same order and size as {@code tokens}. */
  List<String> labels(List<String> tokens);
}
