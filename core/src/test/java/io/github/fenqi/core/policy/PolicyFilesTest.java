package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.testkit.Fifos;
import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy files written on real files: replaced in place, added as new files, the directory untouched on failure. */
class PolicyFilesTest {
  @TempDir
  Path dir;

  private static String sample() {
    return new String(Samples.bytes("samples/policies/demo-online-lender.json"), StandardCharsets.UTF_8);
  }

  private static String withVersion(String json, String version) {
    return json.replace("\"version\": \"2026-02-01\"", "\"version\": \"" + version + "\"");
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacesTheFileOfTheSameVersionAndAddsAFileForANewOne() throws IOException {
    Samples.copyPolicies(dir);
    List<String> before = names();

    String renamed = sample().replace("示例网络小贷", "示例网络小贷（更名）");
    PolicyFiles.Written same = PolicyFiles.write(dir, renamed.getBytes(StandardCharsets.UTF_8));
    assertEquals(dir.resolve("demo-online-lender.json"), same.file());
    assertEquals(renamed, Files.readString(same.file()));
    assertEquals("示例网络小贷（更名）", same.policy().platformName());
    assertEquals(before, names());

    String next = withVersion(sample(), "2026-12-01") // a new version takes effect on a day of its own
        .replace("\"effectiveFrom\": \"2026-02-01\"", "\"effectiveFrom\": \"2026-12-01\"");
    PolicyFiles.Written added = PolicyFiles.write(dir, next.getBytes(StandardCharsets.UTF_8));
    assertEquals("demo-online-lender--2026-12-01.json", added.file().getFileName().toString());
    assertEquals(next, Files.readString(added.file()));
    assertEquals(before.size() + 1, names().size(), "no temporary file left: " + names());
    // what a directory repository loads from it: both versions
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir)) {
      assertEquals(List.of("2026-02-01", "2026-12-01"),
          repo.snapshot().history("demo-online-lender").stream().map(Policy::version).sorted().toList());
    }
  }

  @Test
  void aNameTakenByAnotherFileGetsASuffix() throws IOException {
    Files.writeString(dir.resolve("demo-online-lender--2026-12-01.json"), "not a policy");
    String next = withVersion(sample(), "2026-12-01");
    Path file = PolicyFiles.write(dir, next.getBytes(StandardCharsets.UTF_8)).file();
    assertEquals("demo-online-lender--2026-12-01-2.json", file.getFileName().toString());
    assertEquals("not a policy", Files.readString(dir.resolve("demo-online-lender--2026-12-01.json")));
  }

  /**
   * A name held by a symbolic link whose target is gone (a load problem of the directory, naming the link) was free to
   * a new version: the link was replaced by the new file, and with it what it pointed to and the problem.
   */
  @Test
  void aNameTakenByADanglingLinkGetsASuffix() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("demo-online-lender--2026-12-01.json"), dir.resolve("gone.json"));
    String next = withVersion(sample(), "2026-12-01");
    Path file = PolicyFiles.write(dir, next.getBytes(StandardCharsets.UTF_8)).file();
    assertEquals("demo-online-lender--2026-12-01-2.json", file.getFileName().toString());
    assertEquals(dir.resolve("gone.json"), Files.readSymbolicLink(link));
  }

  /** The longest labels a policy allows (128 characters each) made a file name of 263 characters, which Linux refuses. */
  @Test
  void aPolicyWithTheLongestLabelsIsWrittenUnderAShortenedName() throws IOException {
    String longest = withVersion(sample(), "v".repeat(128)).replace("\"platformId\": \"demo-online-lender\"",
        "\"platformId\": \"" + "p".repeat(128) + "\"");
    PolicyFiles.Written first = PolicyFiles.write(dir, longest.getBytes(StandardCharsets.UTF_8));
    assertEquals("p".repeat(128) + "--" + "v".repeat(70) + ".json", first.file().getFileName().toString());
    String other = longest.replace("\"" + "v".repeat(128) + "\"", "\"" + "v".repeat(127) + "w\"")
        .replace("\"effectiveFrom\": \"2026-02-01\"", "\"effectiveFrom\": \"2026-03-01\"");
    PolicyFiles.Written second = PolicyFiles.write(dir, other.getBytes(StandardCharsets.UTF_8));
    assertEquals("p".repeat(128) + "--" + "v".repeat(70) + "-2.json", second.file().getFileName().toString());
    assertEquals(List.of(first.policy(), second.policy()),
        JsonDirectoryPolicyRepository.openStrict(dir).history("p".repeat(128)).stream()
            .sorted(java.util.Comparator.comparing(Policy::version)).toList());
    assertEquals(first.file(), PolicyFiles.write(dir, longest.getBytes(StandardCharsets.UTF_8)).file(), "found again by content");
  }

  @Test
  void anInvalidPolicyIsNotWrittenAndItsProblemsAreListed() throws IOException {
    String bad = sample().replace("\"interest\": \"0.3\"", "\"interest\": \"1.5\"").replace("\"minRatio\": \"0.1\"", "\"minRatio\": \"7\"");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> PolicyFiles.write(dir, bad.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.problems().size() >= 2, e.problems().toString());
    assertEquals(List.of(), names());
  }

  @Test
  void aDirectoryThatCannotBeWrittenIsAnErrorNamingIt() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("policies"), "a file where the directory should be");
    FenqiException e = assertThrows(FenqiException.class,
        () -> PolicyFiles.write(notADirectory, sample().getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains(notADirectory.toString()), e.getMessage());
    assertEquals("a file where the directory should be", Files.readString(notADirectory));
  }

  /** {@code version} effective {@code day}: the sample's version and effectiveFrom replaced. */
  static String version(String version, String day) {
    return withVersion(sample(), version)
        .replace("\"effectiveFrom\": \"2026-02-01\"", "\"effectiveFrom\": \"" + day + "\"");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Each file's content, by name. */
  private java.util.Map<String, String> contents() throws IOException {
    java.util.Map<String, String> all = new java.util.TreeMap<>();
    for (String name : names()) {
      all.put(name, Files.readString(dir.resolve(name)));
    }
    return all;
  }

  /**
   * A new label effective the same day as the sample (2026-02-01) was written as a second file, and the directory
   * then loaded the sample and ignored the new file as a second version of the day — the write "succeeded" and
   * nothing changed. Now it is refused, naming the file, effectiveFrom and the other version's file.
   */
  @Test
  void aNewLabelEffectiveTheSameDayAsAnotherVersionsFileIsRefused() throws IOException {
    Samples.copyPolicies(dir);
    java.util.Map<String, String> before = contents();
    PolicyException e = assertThrows(PolicyException.class,
        () -> PolicyFiles.write(dir, utf8(version("2026-02-01-b", "2026-02-01"))));
    assertEquals(1, e.problems().size(), e.problems().toString());
    Problem problem = e.problems().get(0);
    assertEquals(dir.resolve("demo-online-lender--2026-02-01-b.json") + ": $.effectiveFrom", problem.location());
    assertTrue(problem.reason().contains("'2026-02-01'") && problem.reason().contains("demo-online-lender.json"),
        problem.reason());
    assertEquals(before, contents(), "nothing written");
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir)) {
      assertEquals(List.of("2026-02-01"), repo.history("demo-online-lender").stream().map(Policy::version).toList());
    }
  }

  /** Replacing the same label stays allowed, as does moving it onto a day no other version has. */
  @Test
  void theSameLabelIsStillReplacedEvenWhenItsDayChanges() throws IOException {
    Samples.copyPolicies(dir);
    PolicyFiles.Written moved = PolicyFiles.write(dir, utf8(version("2026-02-01", "2026-03-01")));
    assertEquals(dir.resolve("demo-online-lender.json"), moved.file());
    PolicyFiles.write(dir, utf8(version("2026-04-01", "2026-02-01"))); // the day the sample left is free
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir)) {
      assertEquals(List.of("2026-04-01", "2026-02-01"),
          repo.history("demo-online-lender").stream().map(Policy::version).toList());
    }
  }

  /** The same-day version's file takes the new version in one rename: no second file, nothing left to conflict. */
  @Test
  void supersedeReplacesTheSameDayVersionInItsOwnFile() throws IOException {
    Samples.copyPolicies(dir);
    List<String> before = names();
    String second = version("2026-02-01-b", "2026-02-01");
    PolicyFiles.Written written = PolicyFiles.supersede(dir, utf8(second));
    assertEquals(dir.resolve("demo-online-lender.json"), written.file());
    assertEquals(second, Files.readString(written.file()));
    assertEquals(before, names());
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir)) {
      assertEquals(List.of("2026-02-01-b"), repo.history("demo-online-lender").stream().map(Policy::version).toList());
    }
    // without a version of the same day, a new file as write makes it
    PolicyFiles.Written later = PolicyFiles.supersede(dir, utf8(version("2026-12-01", "2026-12-01")));
    assertEquals("demo-online-lender--2026-12-01.json", later.file().getFileName().toString());
    assertEquals(before.size() + 1, names().size());
  }

  /**
   * The label's own file (another day) and a same-day version's file, in either order by name: the first is replaced,
   * the other removed; and a directory already holding two versions of the day is left with the new one only.
   */
  @Test
  void supersedeLeavesOneFileWhenTheLabelAndTheDayAreInDifferentFiles() throws IOException {
    for (List<String> order : List.of(List.of("a.json", "b.json"), List.of("b.json", "a.json"))) {
      Path policies = Files.createTempDirectory(dir, "policies");
      Files.writeString(policies.resolve(order.get(0)), version("v2", "2026-03-01")); // the label, another day
      Files.writeString(policies.resolve(order.get(1)), version("v1", "2026-05-01")); // the day, another label
      Files.writeString(policies.resolve("c.json"), version("v3", "2026-05-01")); // already a second of the day
      String v2 = version("v2", "2026-05-01");
      PolicyFiles.Written written = PolicyFiles.supersede(policies, utf8(v2));
      assertEquals(policies.resolve("a.json"), written.file(), order.toString());
      try (Stream<Path> files = Files.list(policies)) {
        assertEquals(List.of(policies.resolve("a.json")), files.toList(), order.toString());
      }
      assertEquals(v2, Files.readString(written.file()));
    }
  }

  /**
   * Of several files holding one label (a copy left beside it), the first by name is the label's file, the one a
   * directory loads: {@link PolicyFiles#find} names it and {@link PolicyFiles#write} replaces it, the others left as
   * they are. The files are made in an order that is not theirs by name, nor its reverse.
   */
  @Test
  void ofFilesHoldingOneLabelTheFirstByNameIsFoundAndReplaced() throws IOException {
    String v1 = version("v1", "2026-05-01");
    for (String name : List.of("c.json", "a.json", "e.json", "b.json", "d.json")) {
      Files.writeString(dir.resolve(name), v1);
    }
    assertEquals(Optional.of(dir.resolve("a.json")), PolicyFiles.find(dir, "demo-online-lender", "v1"));
    String renamed = v1.replace("示例网络小贷", "示例网络小贷（更名）");
    assertEquals(dir.resolve("a.json"), PolicyFiles.write(dir, utf8(renamed)).file());
    assertEquals(java.util.Map.of("a.json", renamed, "b.json", v1, "c.json", v1, "d.json", v1, "e.json", v1), contents());
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.open(dir)) {
      assertEquals(List.of("示例网络小贷（更名）"), repo.history("demo-online-lender").stream()
          .map(Policy::platformName).toList(), repo.loadProblems().toString());
    }
  }

  /**
   * What a reader sees if supersede stops between the rename and the removal (a crash, a removal that failed): the
   * new version in the first file by name is loaded, the old one named as ignored; the same call again removes it.
   */
  @Test
  void aSupersedeInterruptedBeforeTheRemovalLoadsTheNewVersionAndIsCompletedByRepeatingIt() throws IOException {
    String v2 = version("v2", "2026-05-01");
    Files.writeString(dir.resolve("a.json"), v2); // renamed over the first of the day
    Files.writeString(dir.resolve("b.json"), version("v1", "2026-05-01")); // not yet removed
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.open(dir)) {
      assertEquals(List.of("v2"), repo.history("demo-online-lender").stream().map(Policy::version).toList());
      assertEquals(1, repo.loadProblems().size(), repo.loadProblems().toString());
      assertTrue(repo.loadProblems().get(0).location().endsWith("b.json"), repo.loadProblems().toString());
    }
    assertThrows(PolicyException.class, () -> JsonDirectoryPolicyRepository.openStrict(dir), "the leftover refused");
    PolicyFiles.supersede(dir, utf8(v2));
    assertEquals(java.util.Map.of("a.json", v2), contents());
    JsonDirectoryPolicyRepository.openStrict(dir).close();
  }

  /**
   * A file of the directory with a long name — 245 ASCII characters, or 80 Chinese ones (245 bytes) — holding the
   * label: replacing it failed with "File name too long", since the temporary name was built from the whole name.
   */
  @Test
  void aFileWithALongNameIsReplaced() throws IOException {
    for (String name : List.of("x".repeat(240) + ".json", "政策".repeat(40) + ".json")) {
      Path policies = Files.createTempDirectory(dir, "policies");
      Files.writeString(policies.resolve(name), sample());
      String renamed = sample().replace("示例网络小贷", "示例网络小贷（更名）");
      assertEquals(policies.resolve(name), PolicyFiles.write(policies, utf8(renamed)).file());
      assertEquals(renamed, Files.readString(policies.resolve(name)));
      try (Stream<Path> files = Files.list(policies)) {
        assertEquals(1, files.count(), "no temporary file left");
      }
    }
  }

  /**
   * A pipe or a folder named {@code *.json} in the directory holds no version and is never opened: opening a pipe waits
   * for a writer for ever, and a write that looked for the file of its version among the directory's files would hang
   * with it, as the directory's own scan had.
   */
  @Test
  void aPipeNamedLikeAPolicyFileIsPassedOverNotOpened() throws Exception {
    Samples.copyPolicies(dir);
    Fifos.make(dir.resolve("pipe.json"));
    Files.createDirectory(dir.resolve("folder.json"));
    String next = withVersion(sample(), "2026-12-01")
        .replace("\"effectiveFrom\": \"2026-02-01\"", "\"effectiveFrom\": \"2026-12-01\"");
    PolicyFiles.Written added = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> PolicyFiles.write(dir, next.getBytes(StandardCharsets.UTF_8)), "a write never waits on a pipe");
    assertEquals("demo-online-lender--2026-12-01.json", added.file().getFileName().toString());
    assertEquals(Optional.of(added.file()), assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> PolicyFiles.find(dir, "demo-online-lender", "2026-12-01")));
  }
}
