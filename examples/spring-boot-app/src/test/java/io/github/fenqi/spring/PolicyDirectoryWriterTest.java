package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** The admin's policy changes on real files: replaced in place, added as new files, nothing applied on failure. */
class PolicyDirectoryWriterTest {
  @TempDir
  Path dir;

  private static String version(String json, String version) {
    return json.replace("\"version\": \"2026-02-01\"", "\"version\": \"" + version + "\"");
  }

  private static Policy parse(String json) {
    return new PolicyValidator().validate(json.getBytes(StandardCharsets.UTF_8), "test").orElseThrow();
  }

  private List<String> jsonFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replacesTheFileOfTheSameVersionAndAddsAFileForANewOne() throws IOException {
    Samples.copyPolicies(dir);
    List<String> before = jsonFiles();
    String sample = Files.readString(dir.resolve("demo-online-lender.json"));
    InMemoryPolicyRepository repository = InMemoryPolicyRepository.of(Samples.policies());
    PolicyDirectoryWriter writer = new PolicyDirectoryWriter(dir, repository);

    String renamed = sample.replace("示例网络小贷", "示例网络小贷（更名）");
    PolicyDirectoryWriter.Saved same = writer.save(parse(renamed), renamed.getBytes(StandardCharsets.UTF_8), "admin:t");
    assertThat(same.file()).isEqualTo(dir.resolve("demo-online-lender.json"));
    assertThat(Files.readString(same.file())).isEqualTo(renamed);
    assertThat(jsonFiles()).isEqualTo(before);

    String next = version(sample, "2026-12-01");
    PolicyDirectoryWriter.Saved added = writer.save(parse(next), next.getBytes(StandardCharsets.UTF_8), "admin:t");
    assertThat(added.file().getFileName().toString()).isEqualTo("demo-online-lender--2026-12-01.json");
    assertThat(Files.readString(added.file())).isEqualTo(next);
    assertThat(added.repositoryVersion()).isEqualTo(same.repositoryVersion() + 1);
    assertThat(repository.snapshot().history("demo-online-lender")).extracting(Policy::version)
        .containsExactlyInAnyOrder("2026-02-01", "2026-12-01");
    assertThat(jsonFiles()).as("no temporary file left").hasSize(before.size() + 1)
        .allMatch(name -> name.endsWith(".json"));
  }

  @Test
  void aNameTakenByAnotherFileGetsASuffix() throws IOException {
    Files.writeString(dir.resolve("demo-online-lender--2026-12-01.json"), "not a policy");
    String next = version(new String(Samples.bytes("samples/policies/demo-online-lender.json"), StandardCharsets.UTF_8),
        "2026-12-01");
    PolicyDirectoryWriter writer = new PolicyDirectoryWriter(dir, InMemoryPolicyRepository.of(List.of()));
    Path file = writer.save(parse(next), next.getBytes(StandardCharsets.UTF_8), "admin:t").file();
    assertThat(file.getFileName().toString()).isEqualTo("demo-online-lender--2026-12-01-2.json");
    assertThat(Files.readString(dir.resolve("demo-online-lender--2026-12-01.json"))).isEqualTo("not a policy");
  }

  @Test
  void whenTheFileCannotBeWrittenNothingIsApplied() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("policies"), "a file where the directory should be");
    InMemoryPolicyRepository repository = InMemoryPolicyRepository.of(Samples.policies());
    long version = repository.snapshot().version();
    String next = version(new String(Samples.bytes("samples/policies/demo-online-lender.json"), StandardCharsets.UTF_8),
        "2026-12-01");
    PolicyDirectoryWriter writer = new PolicyDirectoryWriter(notADirectory, repository);
    assertThatThrownBy(() -> writer.save(parse(next), next.getBytes(StandardCharsets.UTF_8), "admin:t"))
        .isInstanceOf(PolicyDirectoryWriter.PolicyNotSavedException.class)
        .hasMessageContaining(notADirectory.toString()).hasMessageContaining("the change was not applied");
    assertThat(repository.snapshot().version()).isEqualTo(version);
    assertThat(repository.snapshot().history("demo-online-lender")).extracting(Policy::version)
        .containsExactly("2026-02-01");
  }
}
