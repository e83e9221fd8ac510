package io.github.fenqi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InputFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a rules directory goes through — files put, half-written, deleted, renamed, made too large and back,
 * replaced by a link (to a file elsewhere that may then vanish), by a directory or by a FIFO, reloaded in between or
 * not, or polled twice by the watcher — the live {@link EasyRulesEligibilityEvaluator} applies what a fresh open of
 * the directory applies (a restart), plus only the last good rules of files that do not load now; it reports the
 * problems a fresh open reports, in the same order; and every rule-file name that is no regular file is among them.
 */
class RuleDirectoryProperties {
  private static final String[] NAMES = {"_shared.yml", "p.yml", "p.json", "q.yml", "q.yaml"};
  private static final List<String> PLATFORMS = List.of("p", "q", "other");

  enum Kind { PUT, CORRUPT, DELETE, RENAME, OVERSIZE, LINK, TOGGLE_TARGET, DIRECTORY, FIFO }

  /**
   * One change of the directory, then a reload or not: {@code reload()}, or two polls of the watcher (which apply a
   * changed file once two polls read the same content).
   */
  record Step(Kind kind, int file, int other, int label, boolean reload, boolean twoPolls) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, NAMES.length - 1),
            Arbitraries.integers().between(0, NAMES.length - 1), Arbitraries.integers().between(0, 2),
            Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as(Step::new).list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 120)
  void theLiveRuleSetIsWhatARestartLoadsPlusLastGoodRules(@ForAll("steps") List<Step> steps) throws Exception {
    Path dir = Files.createTempDirectory("fenqi-rules-dir");
    Path targets = Files.createTempDirectory("fenqi-rules-targets");
    try (EasyRulesEligibilityEvaluator live = EasyRulesEligibilityEvaluator.open(dir)) {
      Map<String, List<String>> seen = new HashMap<>(); // each file's rules when it last loaded at a reload
      for (Step step : steps) {
        apply(step, dir, targets);
        if (step.reload()) {
          if (step.twoPolls()) {
            live.poll();
            live.poll();
          } else {
            live.reload();
          }
          compareWithARestart(dir, live, seen, steps);
        }
        String name = NAMES[step.file()];
        if (step.kind() == Kind.PUT && !name.endsWith(".yaml")) { // the rules put are valid: they load
          assertEquals(List.of(), EasyRulesEligibilityEvaluator.check(dir).stream()
              .filter(r -> r.file().equals(name)).findFirst().orElseThrow().problems(), content(name, step.label()));
        }
      }
      live.reload();
      compareWithARestart(dir, live, seen, steps);
    } finally {
      clear(dir);
      clear(targets);
    }
  }

  private static void apply(Step step, Path dir, Path targets) throws Exception {
    String name = NAMES[step.file()];
    Path file = dir.resolve(name);
    boolean regular = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    switch (step.kind()) {
      case PUT -> {
        Files.deleteIfExists(file);
        Files.writeString(file, content(name, step.label()));
      }
      case CORRUPT -> {
        if (regular && Files.size(file) <= InputFiles.DEFAULT_MAX_BYTES) {
          byte[] bytes = Files.readAllBytes(file);
          Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        } else {
          Files.deleteIfExists(file);
          Files.writeString(file, name.endsWith(".json") ? "[{" : "name: [");
        }
      }
      case DELETE -> Files.deleteIfExists(file);
      case RENAME -> {
        Path to = dir.resolve(NAMES[step.other()]);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !file.equals(to)
            && !Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
          Files.move(file, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      case OVERSIZE -> {
        if (regular) {
          try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() > InputFiles.DEFAULT_MAX_BYTES ? 40 : InputFiles.DEFAULT_MAX_BYTES + 1);
          }
        }
      }
      case LINK -> {
        Files.deleteIfExists(file);
        Files.createSymbolicLink(file, target(targets, name, step.label()));
      }
      case TOGGLE_TARGET -> { // the file a link points to vanishes, or comes back
        Path target = target(targets, name, step.label());
        if (!Files.deleteIfExists(target)) {
          Files.writeString(target, content(name, step.label() + 3));
        }
      }
      case DIRECTORY -> {
        Files.deleteIfExists(file);
        Files.createDirectory(file);
      }
      case FIFO -> {
        Files.deleteIfExists(file);
        io.github.fenqi.core.testkit.Fifos.make(file);
      }
      default -> throw new AssertionError(step);
    }
  }

  private static Path target(Path targets, String name, int label) {
    return targets.resolve("t" + label + name.substring(name.lastIndexOf('.')));
  }

  /** One or two rules named by {@code label}, in the file's format. */
  private static String content(String name, int label) {
    List<String> rules = label % 2 == 0 ? List.of("r" + label) : List.of("r" + label, "s" + label);
    StringBuilder out = new StringBuilder(name.endsWith(".json") ? "[" : "");
    for (String rule : rules) {
      String condition = "overdueDays > " + (label * 10 + rule.length());
      if (name.endsWith(".json")) {
        out.append(out.length() > 1 ? ",\n" : "").append(String.format(
            "{\"name\": \"%s\", \"description\": \"d\", \"priority\": %d, \"condition\": \"%s\", "
                + "\"actions\": [\"eligible()\"]}", rule, label, condition));
      } else {
        out.append(out.isEmpty() ? "" : "---\n").append(String.format(
            "name: \"%s\"\ndescription: \"d\"\npriority: %d\ncondition: \"%s\"\nactions:\n  - \"eligible()\"\n",
            rule, label, condition));
      }
    }
    return out.append(name.endsWith(".json") ? "]\n" : "").toString();
  }

  private static void compareWithARestart(Path dir, EasyRulesEligibilityEvaluator live,
      Map<String, List<String>> seen, List<Step> steps) throws IOException {
    List<RuleFileReport> reports = EasyRulesEligibilityEvaluator.check(dir);
    Set<String> present = new HashSet<>();
    for (String name : NAMES) {
      if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        present.add(name);
      }
    }
    seen.keySet().retainAll(present);
    Set<String> loads = new HashSet<>();
    for (RuleFileReport r : reports) {
      if (r.valid()) {
        seen.put(r.file(), r.rules());
        loads.add(r.file());
      }
    }
    try (EasyRulesEligibilityEvaluator restarted = EasyRulesEligibilityEvaluator.open(dir)) {
      assertEquals(restarted.loadProblems(), live.loadProblems(), steps.toString());
      for (String name : present) {
        if (!Files.isRegularFile(dir.resolve(name))) {
          assertTrue(live.loadProblems().stream().anyMatch(p -> p.toString().startsWith(name + ": ")),
              name + " is no regular file and no load problem: " + steps);
        }
      }
      for (String platform : PLATFORMS) {
        Set<String> expected = new HashSet<>(restarted.ruleNames(platform));
        seen.forEach((file, rules) -> {
          boolean applies = file.startsWith("_shared") || file.equals(platform + ".yml")
              || file.equals(platform + ".json");
          if (applies && !loads.contains(file)) { // kept: the last good rules of a file that does not load now
            rules.forEach(r -> expected.add(file + ":" + r));
          }
        });
        assertEquals(expected, new HashSet<>(live.ruleNames(platform)), platform + " after " + steps);
      }
    }
  }

  private static void clear(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }
}
