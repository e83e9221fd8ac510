package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.PolicyException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a policies directory goes through — files put, half-written, deleted, renamed, written with {@link
 * PolicyFiles}, made unreadable and readable again, scanned in between or not — a watched {@link JsonDirectoryPolicyRepository} holds what a fresh open of
 * the directory holds (a restart), plus only the last good versions of files that do not load now; it reports the
 * problems a fresh open reports; and a version {@link PolicyFiles} wrote is the one live after the next scan.
 */
class JsonDirectoryPolicyRepositoryProperties {
  private static final String[] NAMES = {"a.json", "b.json", "c.json"};

  enum Kind { PUT, CORRUPT, DELETE, RENAME, OVERSIZE, WRITE, SUPERSEDE }

  /** One change of the directory: labels and days of 3 and 2, so that they meet often; then a scan, or not. */
  record Step(Kind kind, int file, int other, int label, int day, boolean shorter, boolean scan) {
    byte[] json() {
      String json = PolicyFilesTest.version("v" + label, "2026-0" + (day + 1) + "-01");
      return (shorter ? json.replace("\"max\": 24", "\"max\": 12") : json).getBytes(StandardCharsets.UTF_8);
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 1), Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as(Step::new).list().ofMinSize(1).ofMaxSize(14);
  }

  @Property(tries = 150)
  void theLiveRepositoryHoldsWhatARestartLoadsAndWhatWasWritten(@ForAll("steps") List<Step> steps) throws IOException {
    Path dir = Files.createTempDirectory("fenqi-policy-dir");
    try (JsonDirectoryPolicyRepository live = JsonDirectoryPolicyRepository.open(dir)) {
      Map<Path, Policy> seen = new HashMap<>(); // each file's last version that loaded at a scan
      Map<Path, Long> lengths = new HashMap<>(); // each file's length before it was made too large to read
      for (Step step : steps) {
        Path file = dir.resolve(NAMES[step.file()]);
        Optional<PolicyFiles.Written> written = Optional.empty();
        switch (step.kind()) {
          case PUT -> Files.write(file, step.json());
          case CORRUPT -> Files.write(file, Files.exists(file) && Files.size(file) <= InputFiles.DEFAULT_MAX_BYTES
              ? Arrays.copyOf(Files.readAllBytes(file), (int) Files.size(file) / 2) : new byte[] {'{'});
          case OVERSIZE -> oversize(file, lengths); // unreadable, then readable again as it was
          case DELETE -> Files.deleteIfExists(file);
          case RENAME -> {
            if (Files.exists(file)) {
              Files.move(file, dir.resolve(NAMES[step.other()]), StandardCopyOption.REPLACE_EXISTING);
            }
          }
          case WRITE -> {
            try {
              written = Optional.of(PolicyFiles.write(dir, step.json()));
            } catch (PolicyException e) {
              // another version of the day: refused, nothing written
            }
          }
          case SUPERSEDE -> written = Optional.of(PolicyFiles.supersede(dir, step.json()));
          default -> throw new AssertionError(step);
        }
        if (step.scan() || written.isPresent()) {
          live.reload();
          observe(dir, seen);
          compareWithARestart(dir, live, seen, steps);
        }
        if (written.isPresent()) {
          Policy policy = written.get().policy();
          assertEquals(Optional.of(policy), live.snapshot().history(policy.platformId()).stream()
              .filter(p -> p.version().equals(policy.version())).findFirst(), "written is live: " + steps);
        }
      }
      live.reload();
      observe(dir, seen);
      compareWithARestart(dir, live, seen, steps);
    } finally {
      try (Stream<Path> list = Files.list(dir)) {
        for (Path f : list.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  /** Makes a file too large to read (sparse, at its end), or, when it is, cuts it back to its length before. */
  private static void oversize(Path file, Map<Path, Long> lengths) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      if (f.length() > InputFiles.DEFAULT_MAX_BYTES) {
        f.setLength(lengths.getOrDefault(file, 1L));
      } else {
        lengths.put(file, f.length());
        f.setLength(InputFiles.DEFAULT_MAX_BYTES + 1);
      }
    }
  }

  /** What a scan saw: each file that loads now, its version; a file gone, nothing; a broken file keeps its last. */
  private static void observe(Path dir, Map<Path, Policy> seen) throws IOException {
    seen.keySet().removeIf(f -> !Files.exists(f));
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.filter(f -> f.toString().endsWith(".json")).toList()) {
        new PolicyValidator().validate(f).policy().ifPresent(p -> seen.put(f, p));
      }
    }
  }

  private static void compareWithARestart(Path dir, JsonDirectoryPolicyRepository live, Map<Path, Policy> seen,
      List<Step> steps) throws IOException {
    try (JsonDirectoryPolicyRepository restarted = JsonDirectoryPolicyRepository.open(dir)) {
      assertEquals(restarted.loadProblems(), live.loadProblems(), steps.toString());
      List<Policy> extra = new ArrayList<>(live.snapshot().policies());
      for (Policy p : restarted.snapshot().policies()) {
        assertTrue(extra.remove(p), "a restart loads " + p.version() + ", not live: " + steps);
      }
      for (Policy p : extra) {
        boolean lastGoodOfABrokenFile = seen.entrySet().stream().anyMatch(e -> e.getValue().equals(p)
            && new PolicyValidator().validate(e.getKey()).policy().isEmpty());
        assertTrue(lastGoodOfABrokenFile, "live holds " + p.version() + ", which no broken file last held: " + steps);
      }
    }
  }
}
