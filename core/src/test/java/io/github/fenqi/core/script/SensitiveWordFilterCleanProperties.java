package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link SensitiveWordFilter#clean} leaves exactly what {@link ReferenceClean} (the implementation that re-scanned
 * the whole remaining text every round) leaves, with the same findings, and its work stays linear.
 */
class SensitiveWordFilterCleanProperties {
  private static final SensitiveWordFilter FILTER = SensitiveWordFilter.defaults();
  private static final SensitiveWordFilter CUSTOM =
      SensitiveWordFilter.builder().addDefaults().add("a", "ab", "abc", "b", "ﬀ", "ff", "f", "投诉投", "诉你").build();

  /** Sentence ends, including the full stop that only ends one before white space. */
  private static final List<String> ENDS = List.of("。", "！", "？", "；", ".", "!", "?", ";", "\n", "\r\n", ". ");
  /** White space, invisible characters and the characters that come apart or join in a skeleton. */
  private static final List<String> ODD = List.of(" ", "　", "\u200b", "\u3164", "\u0301", "\u0308", "\ud83d",
      "\ude00", "\ud83d\ude00", "ﬀ", "-", "，", "x", "ed", "ing", "s", "e", "m", "A", "訴", "ＭＥＤＩＡ", "ⓒ", "о", "一",
      "ly", "ս");

  /** Pieces of a note: lexicon words, their halves and single characters, sentence ends and odd characters. */
  @Provide
  Arbitrary<String> notes() {
    List<String> pieces = new ArrayList<>(ENDS);
    pieces.addAll(ODD);
    for (String w : concat(FILTER.words(), FILTER.exceptions())) {
      for (int i = 1; i <= w.length(); i++) { // the word (or exception), its heads and its tails
        pieces.add(w.substring(0, i));
        pieces.add(w.substring(w.length() - i));
      }
    }
    pieces.addAll(List.of("投", "诉", "你", "们", "a", "b", "c", "f", "我失业了", "I lost my job"));
    Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(pieces)), Tuple.of(2, Arbitraries.of(ENDS)));
    Arbitrary<String> run = piece.list().ofMinSize(0).ofMaxSize(6).map(l -> String.join("", l));
    // a word's halves around a sentence with another word: removing that sentence joins them
    Arbitrary<String> sandwich = Combinators.combine(Arbitraries.of(FILTER.words()), run, Arbitraries.of(ENDS), run,
        Arbitraries.of(ENDS)).as((w, inner, end1, more, end2) ->
            w.substring(0, w.length() / 2) + end1 + inner + more + end2 + w.substring(w.length() / 2));
    Arbitrary<String> unit = Arbitraries.frequencyOf(Tuple.of(3, piece), Tuple.of(1, sandwich));
    return unit.list().ofMinSize(0).ofMaxSize(30).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void cleansExactlyAsTheReference(@ForAll("notes") String note) {
    SensitiveWordFilter.Work work = new SensitiveWordFilter.Work();
    assertEquals(ReferenceClean.clean(FILTER, note), FILTER.clean(note, work), note);
    assertEquals(ReferenceClean.clean(CUSTOM, note), CUSTOM.clean(note), note);
    Statistics.label("rounds").collect(Math.min(work.rounds, 3));
    // the notes must exercise the rounds after the first, where the scans are partial
    Statistics.label("rounds").coverage(rounds -> rounds.check(3).percentage(p -> p >= 10));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * A lexicon whose exceptions are longer than its words, so that a word excepted in one round lies further from a
   * removal than a word can reach: removing a sentence that held part of an exception makes the word inside it a
   * finding, at a join or where the text lost its start or end, and the rounds after the first had not looked there.
   */
  private static final SensitiveWordFilter EXCEPTING = SensitiveWordFilter.builder().add("投诉", "坏", "诉你")
      .add(SensitiveWordFilter.EXCEPTIONS, List.of("投诉甲乙丙丁戊己庚辛", "不投诉", "甲乙丙丁戊己庚辛坏", "诉你好")).build();

  @Property(tries = 2000)
  void cleansExactlyAsTheReferenceAroundExceptions(@ForAll("exceptionPieces") List<String> pieces) {
    String note = String.join("", pieces);
    assertEquals(ReferenceClean.clean(EXCEPTING, note), EXCEPTING.clean(note), note);
  }

  @Provide
  Arbitrary<List<String>> exceptionPieces() {
    List<String> pieces = new ArrayList<>(ENDS);
    for (String w : concat(EXCEPTING.words(), EXCEPTING.exceptions())) {
      for (int i = 1; i <= w.length(); i++) {
        pieces.add(w.substring(0, i));
        pieces.add(w.substring(w.length() - i));
      }
    }
    pieces.addAll(List.of("好", "我", " ", "，", "一"));
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(pieces)), Tuple.of(2, Arbitraries.of(ENDS))).list()
        .ofMinSize(0).ofMaxSize(12);
  }

  /** A word whose exception lost a part in a removal is found in the next round, however far from the removal. */
  @Example
  void aWordWhoseExceptionLostAPartInARemovalIsCleanedOut() {
    // the exception's end, its start, and its middle far from the word, removed with 诉你's sentence
    for (String note : List.of("投诉。甲乙丙丁戊己庚辛诉你。", "诉你不。投诉", "投诉甲乙丙丁。戊己庚辛诉你。我")) {
      CleanedText cleaned = EXCEPTING.clean(note);
      assertEquals(ReferenceClean.clean(EXCEPTING, note), cleaned, note);
      assertEquals(List.of("投诉", "诉你"), cleaned.findings().stream().map(SensitiveMatch::word).sorted().toList(), note);
    }
  }

  /** Notes whose removals join words again and again, as the crafted one below does. */
  @Property(tries = 300)
  void cleansChainsOfJoinedHalvesExactlyAsTheReference(@ForAll("chains") String note) {
    assertEquals(ReferenceClean.clean(FILTER, note), FILTER.clean(note), note);
  }

  @Provide
  Arbitrary<String> chains() {
    Arbitrary<String> end = Arbitraries.of(ENDS);
    Arbitrary<String> word = Arbitraries.of(FILTER.words().stream().filter(w -> w.length() >= 2).toList());
    return word.flatMap(w -> end.list().ofMinSize(1).ofMaxSize(12).map(ends -> {
      String head = w.substring(0, w.length() / 2);
      String tail = w.substring(w.length() / 2);
      StringBuilder sb = new StringBuilder();
      for (String e : ends) {
        sb.append(head).append(e);
      }
      sb.append(w).append(ends.get(0));
      for (String e : ends) {
        sb.append(tail).append(e);
      }
      return sb.toString();
    }));
  }

  /**
   * Notes where a round's removals meet: a word inside another one that spans a sentence end (the inner one's
   * sentence lies inside the outer one's removal), a full stop that ends a sentence only before white space, and halves
   * of a surrogate pair on either side of a removed sentence.
   */
  @Example
  void cleansNotesWhereRemovalsMeetExactlyAsTheReference() {
    for (String note : List.of("起诉你。们。x", "起诉你。们。投。起诉你们。诉", "ok.投诉。好", "ok. 投诉。好", "投.投诉.诉.",
        "投. 投诉. 诉.", "\ud83d。投诉。\ude00", "投。有人威胁我。诉", "投。有人威胁我。诉。x", "abc。ab。c。x", "", "。", "投诉")) {
      assertEquals(ReferenceClean.clean(CUSTOM, note), CUSTOM.clean(note), note);
    }
  }

  /**
   * The crafted note of 10 000 characters is removed one pair a round, 5 000 rounds; each round had scanned the
   * whole remaining note (about 12.5 M skeleton characters in all, 4.6 s). Now a round scans only around the pair it
   * joined.
   */
  @Example
  void theCraftedNoteIsCleanedInLinearWork() {
    int n = 2501;
    String note = "投。".repeat(n - 1) + "投诉。" + "诉。".repeat(n - 1);
    assertEquals(10_003, note.length());
    SensitiveWordFilter.Work work = new SensitiveWordFilter.Work();
    CleanedText cleaned = FILTER.clean(note, work);
    assertEquals(ReferenceClean.clean(FILTER, note), cleaned);
    assertEquals("", cleaned.text());
    assertEquals(n + 1, work.rounds); // one pair a round, then the round that finds nothing
    assertTrue(work.scanned <= 40L * note.length(), () -> work.scanned + " skeleton characters scanned");
  }
}
