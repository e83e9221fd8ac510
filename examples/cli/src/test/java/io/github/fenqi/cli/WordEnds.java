package io.github.fenqi.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where each blank-separated word of a line ends: right-aligned values of one column end at one index. */
final class WordEnds {
  private static final Pattern WORD = Pattern.compile("\\S+");

  private WordEnds() {}

  static List<Integer> of(String line) {
    Matcher m = WORD.matcher(line);
    List<Integer> ends = new ArrayList<>();
    while (m.find()) {
      ends.add(m.end());
    }
    return ends;
  }
}
