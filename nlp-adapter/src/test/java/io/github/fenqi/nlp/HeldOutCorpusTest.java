package io.github.fenqi.nlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Eight texts written apart from the development corpus, with different phrasing (FAQ lists, traditional script,
 * notices with numbered items, narratives with distractor numbers, a text with no policy at all). Labels are in
 * {@code heldout/gold.json}, same conventions as the development corpus.
 */
class HeldOutCorpusTest {

  @Test
  void reachesPrecisionAndRecallFloorsOnHeldOutTexts() {
    CorpusScore score = CorpusScore.score(PolicyTextExtractor.create(), "heldout");
    System.out.println("Held-out texts (src/test/resources/heldout, 8 texts):");
    System.out.print(score.table());
    score.mistakes.forEach(m -> System.out.println("  mistake: " + m));
    CorpusScore.Counts all = score.total();
    assertTrue(all.precision() >= 0.97, "micro precision " + all.precision());
    assertTrue(all.recall() >= 0.97, "micro recall " + all.recall());
  }
}
