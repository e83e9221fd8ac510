package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
