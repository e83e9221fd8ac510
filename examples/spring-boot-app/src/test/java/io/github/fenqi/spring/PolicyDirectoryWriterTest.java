package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyValidator;
import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin's change goes live only once its file is written (PolicyFiles' own behaviour is tested in core). */
class PolicyDirectoryWriterTest {
  @TempDir
  Path dir;

  private static String next() {
    return new String(Samples.bytes("samples/policies/demo-online-lender.json"), StandardCharsets.UTF_8)
        .replace("\"version\": \"2026-02-01\"", "\"version\": \"2026-12-01\"")
        .replace("\"effectiveFrom\": \"2026-02-01\"", "\"effectiveFrom\": \"2026-12-01\""); // a day of its own
  }

  private static Policy parse(String json) {
    return new PolicyValidator().validate(json.getBytes(StandardCharsets.UTF_8), "test").orElseThrow();
  }

  @Test
  void appliesAfterWriting() throws IOException {
    InMemoryPolicyRepository repository = InMemoryPolicyRepository.of(Samples.policies());
    long version = repository.snapshot().version();
    PolicyDirectoryWriter.Saved saved = new PolicyDirectoryWriter(dir, repository)
        .save(parse(next()), next().getBytes(StandardCharsets.UTF_8), "admin:t");
    assertThat(Files.readString(saved.file())).isEqualTo(next());
    assertThat(saved.repositoryVersion()).isEqualTo(version + 1);
    assertThat(repository.snapshot().history("demo-online-lender")).extracting(Policy::version)
        .containsExactlyInAnyOrder("2026-02-01", "2026-12-01");
  }

  @Test
  void whenTheFileCannotBeWrittenNothingIsApplied() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("policies"), "a file where the directory should be");
    InMemoryPolicyRepository repository = InMemoryPolicyRepository.of(Samples.policies());
    long version = repository.snapshot().version();
    PolicyDirectoryWriter writer = new PolicyDirectoryWriter(notADirectory, repository);
    assertThatThrownBy(() -> writer.save(parse(next()), next().getBytes(StandardCharsets.UTF_8), "admin:t"))
        .isInstanceOf(PolicyDirectoryWriter.PolicyNotSavedException.class)
        .hasMessageContaining(notADirectory.toString()).hasMessageContaining("the change was not applied");
    assertThat(repository.snapshot().version()).isEqualTo(version);
    assertThat(repository.snapshot().history("demo-online-lender")).extracting(Policy::version)
        .containsExactly("2026-02-01");
  }

  /** A policy that could not be written is the server's fault, not the admin's: a 500 naming the file, not a 400. */
  @Test
  void aPolicyNotSavedIsA500NamingTheFile() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("policies"), "a file where the directory should be");
    PolicyDirectoryWriter writer = new PolicyDirectoryWriter(notADirectory,
        InMemoryPolicyRepository.of(Samples.policies()));
    PolicyDirectoryWriter.PolicyNotSavedException e = org.junit.jupiter.api.Assertions.assertThrows(
        PolicyDirectoryWriter.PolicyNotSavedException.class,
        () -> writer.save(parse(next()), next().getBytes(StandardCharsets.UTF_8), "admin:t"));
    org.springframework.http.ProblemDetail problem = new ProblemHandler().policyNotSaved(e);
    assertThat(problem.getStatus()).isEqualTo(500);
    assertThat(problem.getTitle()).isEqualTo("Policy not saved");
    assertThat(problem.getDetail()).contains(notADirectory.toString()).contains("the change was not applied");
  }

  /**
   * A version of 2026-12-01 put in the directory since the start (the repository does not hold it): the admin's new
   * label of that day was written beside it and applied, and the next start, which loads every file, failed on two
   * versions of one day. Now a 400 naming effectiveFrom and the file, nothing written or applied.
   */
  @Test
  void aSameDayVersionOnlyTheDirectoryHoldsIsRefusedBeforeAnythingIsWritten() throws IOException {
    Samples.copyPolicies(dir);
    InMemoryPolicyRepository repository = InMemoryPolicyRepository.of(Samples.policies());
    long version = repository.snapshot().version();
    Files.writeString(dir.resolve("ops.json"), next().replace("\"version\": \"2026-12-01\"", "\"version\": \"ops\""));
    List<String> before;
    try (Stream<Path> files = Files.list(dir)) {
      before = files.map(Path::toString).sorted().toList();
    }
    PolicyDirectoryWriter writer = new PolicyDirectoryWriter(dir, repository);
    assertThatThrownBy(() -> writer.save(parse(next()), next().getBytes(StandardCharsets.UTF_8), "admin:t"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.location()).isEqualTo("request body: $.effectiveFrom"))
            .satisfies(p -> assertThat(p.reason()).contains("2026-12-01", "ops.json")));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(Path::toString).sorted().toList()).isEqualTo(before);
    }
    assertThat(repository.snapshot().version()).isEqualTo(version);
  }
  /**
   * A same-day version that only the repository holds (its file removed from the directory since the start) is refused
   * before anything is written, naming effectiveFrom in the body: written first, the file stayed in the directory
   * though the repository then refused the change, and the next start loaded a version that had never been live.
   */
  @Test
  void aSameDayVersionOnlyTheRepositoryHoldsIsRefusedBeforeAnythingIsWritten() throws IOException {
    InMemoryPolicyRepository repository = InMemoryPolicyRepository.of(Samples.policies());
    long version = repository.snapshot().version();
    String sameDay = new String(Samples.bytes("samples/policies/demo-online-lender.json"), StandardCharsets.UTF_8)
        .replace("\"version\": \"2026-02-01\"", "\"version\": \"2026-02-01-b\"");
    PolicyDirectoryWriter writer = new PolicyDirectoryWriter(dir, repository);
    assertThatThrownBy(() -> writer.save(parse(sameDay), sameDay.getBytes(StandardCharsets.UTF_8), "admin:t"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.location()).isEqualTo("request body: $.effectiveFrom"))
            .satisfies(p -> assertThat(p.reason()).contains("2026-02-01")));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.toList()).as("nothing written").isEmpty();
    }
    assertThat(repository.snapshot().version()).isEqualTo(version);
  }
}
