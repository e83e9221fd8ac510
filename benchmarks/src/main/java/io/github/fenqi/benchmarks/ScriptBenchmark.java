package io.github.fenqi.benchmarks;

import io.github.fenqi.core.script.CleanedText;
import io.github.fenqi.core.script.SensitiveMatch;
import io.github.fenqi.core.script.SensitiveWordFilter;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sensitive-word filter on a {@value #CHARS}-character hardship text (mixed Chinese and English, the size of a
 * long note or a whole script): {@code find} on a clean text and on one with three disguised lexicon words, and
 * {@code clean} of the latter. {@code naiveIndexOf} is the obvious alternative for comparison — normalise the
 * text once (NFKC, lower case, separators removed by a regex) and {@code indexOf} every lexicon word — which
 * finds the same words but not where they were, and costs one pass per word.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ScriptBenchmark {
  static final int CHARS = 2048;
  private static final String[] FRAGMENTS = {"我去年下半年失业了，收入中断了四个月。", "家里老人住院，医疗费用较大，",
      "目前每月净收入约9,500.00元，", "必要生活支出约3,800.00元。", "I changed jobs in March and my income fell. ",
      "我一直愿意还款，希望能分24期偿还，", "首付3,000.00元，此后按期足额还款。", "The medical bills took most of my savings. "};

  private final SensitiveWordFilter filter = SensitiveWordFilter.defaults();
  private final List<String> lexiconSkeletons = filter.words().stream().map(ScriptBenchmark::normalise).toList();
  private String clean;
  private String dirty;
  /**
   * 投。投。…投诉。诉。…诉。 at the engine's note cap (2 000 characters): removing 投诉's sentence joins the next 投 and 诉
   * into a new one, ~500 times — the note on which {@code clean} once repeated a full pass per removal.
   */
  private String chained;

  @Setup
  public void setUp() {
    clean = text(0);
    dirty = text(3);
    chained = "投。".repeat(499) + "投诉。" + "诉。".repeat(499);
    // the texts must be what they claim, or the benchmark would time the wrong path
    if (filter.containsAny(clean) || filter.find(dirty).size() != 3 || naive(dirty) != 3
        || !filter.clean(chained).text().isEmpty()) {
      throw new IllegalStateException("generated texts are not clean / do not hold exactly three words: "
          + filter.find(clean) + " " + filter.find(dirty));
    }
  }

  static String text(int words) {
    String[] disguised = {"投 诉", "ＭＥＤＩＡ", "威－胁"};
    StringBuilder sb = new StringBuilder(CHARS + 64);
    int i = 0;
    while (sb.length() < CHARS) {
      sb.append(FRAGMENTS[i % FRAGMENTS.length]);
      if (i % 7 == 3 && words > 0) {
        sb.append("有人说要").append(disguised[--words]).append("。");
      }
      i++;
    }
    sb.setLength(CHARS);
    return sb.toString();
  }

  static String normalise(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[\\p{Z}\\p{P}\\p{S}\\p{C}\\p{M}\\s]", "");
  }

  private int naive(String text) {
    String n = normalise(text);
    int found = 0;
    for (String w : lexiconSkeletons) {
      if (n.contains(w)) {
        found++;
      }
    }
    return found;
  }

  @Benchmark
  public List<SensitiveMatch> findClean() {
    return filter.find(clean);
  }

  @Benchmark
  public List<SensitiveMatch> findThreeWords() {
    return filter.find(dirty);
  }

  @Benchmark
  public CleanedText cleanThreeWords() {
    return filter.clean(dirty);
  }

  @Benchmark
  public CleanedText cleanChainedNote() {
    return filter.clean(chained);
  }

  @Benchmark
  public int naiveIndexOf() {
    return naive(dirty);
  }
}
