package io.github.fenqi.core.script;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The traditional and simplified forms of an ideograph, for finding the borrower's name in a note written in the other
 * script: a note that named 张伟 as 張偉 (or mixed, 張伟) had reached the lender unmasked. Read from the shipped table
 * {@value #RESOURCE} (OpenCC's traditional-to-simplified characters). The filter's fold ({@code Skeleton}) is not used:
 * it covers only the ideographs of the sensitive-word lexicon, none of which a name needs.
 *
 * <p>Thread-safety: immutable once loaded; loaded once, on first use.
 */
final class HanVariants {
  static final String RESOURCE = "traditional-simplified-characters.txt";

  private HanVariants() {}

  /** Per code point with another form: every form of it, itself included. */
  private static final class Table {
    static final Map<Integer, List<Integer>> FORMS = load();
  }

  /**
   * The forms in which {@code cp} may be written: the characters the table links to it, directly or through one
   * another (its simplified forms, the traditional characters it is a simplified form of, their other forms): a
   * converter writes 钟 as 鐘 or 鍾 alike, and 锺 is 鍾 simplified, so a 鍾伟 is written 鐘伟 and 锺伟 too. The largest
   * such set has six characters. A character of neither script is only itself.
   */
  static List<Integer> forms(int cp) {
    return Table.FORMS.getOrDefault(cp, List.of(cp));
  }

  /** The table's characters with all their forms; a malformed line is a broken build, named with its number. */
  static Map<Integer, List<Integer>> load() {
    Map<Integer, Set<Integer>> others = new HashMap<>();
    try (InputStream in = HanVariants.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from fenqi-core");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      Set<Integer> listed = new java.util.HashSet<>();
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", -1);
        int[] traditional = parts[0].codePoints().toArray();
        if (parts.length != 2 || traditional.length != 1 || !listed.add(traditional[0])) {
          throw new IllegalStateException(RESOURCE + ":" + number + ": '" + line
              + "' is not one traditional character listed once, a tab and its simplified forms");
        }
        for (String s : parts[1].split(" ", -1)) {
          int[] simplified = s.codePoints().toArray();
          if (simplified.length != 1 || simplified[0] == traditional[0]) {
            throw new IllegalStateException(RESOURCE + ":" + number + ": '" + s + "' is not one other character");
          }
          others.computeIfAbsent(traditional[0], k -> new LinkedHashSet<>()).add(simplified[0]);
          others.computeIfAbsent(simplified[0], k -> new LinkedHashSet<>()).add(traditional[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Integer, List<Integer>> forms = new HashMap<>();
    for (int cp : others.keySet()) {
      if (!forms.containsKey(cp)) {
        Set<Integer> linked = new LinkedHashSet<>(List.of(cp));
        java.util.ArrayDeque<Integer> next = new java.util.ArrayDeque<>(linked);
        while (!next.isEmpty()) {
          others.get(next.poll()).stream().filter(linked::add).forEach(next::add);
        }
        List<Integer> all = List.copyOf(linked);
        all.forEach(c -> forms.put(c, all));
      }
    }
    return Map.copyOf(forms);
  }
}
