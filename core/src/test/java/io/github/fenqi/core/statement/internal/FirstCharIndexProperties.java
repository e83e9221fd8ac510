package io.github.fenqi.core.statement.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link FirstCharIndex} answers, for any character, exactly the keywords that start with it, in list order, and null
 * when none does: the plain definition its rank lookup replaces. First characters cluster (several in one 64-character
 * block, blocks side by side) and reach both ends of the char range, where a rank could be off by one.
 */
class FirstCharIndexProperties {

  @Provide
  Arbitrary<List<String>> keywords() {
    Arbitrary<Character> first = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u0081'),
        Arbitraries.chars().range('\u4e00', '\u4e90'), Arbitraries.chars().range('\uffbf', '\uffff'),
        Arbitraries.chars().all());
    Arbitrary<String> keyword = first.flatMap(c -> Arbitraries.strings().withCharRange('a', 'c').ofMaxLength(2)
        .map(rest -> c + rest));
    return keyword.list().ofMaxSize(40);
  }

  @Property(tries = 300)
  void candidatesAreTheKeywordsStartingWithTheCharacterInListOrder(@ForAll("keywords") List<String> keywords) {
    FirstCharIndex index = new FirstCharIndex(keywords);
    // every first character and its neighbours, both ends of the range, and a spread of the rest
    TreeSet<Integer> probes = new TreeSet<>(List.of((int) Character.MIN_VALUE, (int) Character.MAX_VALUE));
    for (String k : keywords) {
      for (int c = k.charAt(0) - 1; c <= k.charAt(0) + 1; c++) {
        probes.add(Math.min(Math.max(c, Character.MIN_VALUE), Character.MAX_VALUE));
      }
    }
    for (int c = 0; c <= Character.MAX_VALUE; c += 97) {
      probes.add(c);
    }
    for (int c : probes) {
      char ch = (char) c;
      int[] expected = IntStream.range(0, keywords.size()).filter(k -> keywords.get(k).charAt(0) == ch).toArray();
      assertArrayEquals(expected.length == 0 ? null : expected, index.startingWith(ch), "character U+"
          + Integer.toHexString(c) + " of " + keywords);
    }
  }
}
