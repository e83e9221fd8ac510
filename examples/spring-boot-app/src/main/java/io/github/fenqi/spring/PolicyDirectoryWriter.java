package io.github.fenqi.spring;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Applies an admin's policy change to the policies directory first ({@link PolicyFiles#write}: the file of the
 * same platform and version replaced, or a new file, atomically) and to the live repository second, so that a
 * restart — which loads the directory — keeps it. When writing fails, nothing is applied. A new label effective the
 * same day as another version of the platform is refused, whether the repository holds that version or only the
 * directory does (a file put there since the start): written, it would make the next start fail.
 *
 * <p>Thread-safety: {@link #save} is serialised, so the directory and the repository see changes in the same order.
 */
final class PolicyDirectoryWriter {
  private final Path directory;
  private final InMemoryPolicyRepository repository;

  /** What a save did: the file written and the repository version after the change. */
  record Saved(Path file, long repositoryVersion) {}

  /** Writing the policy file failed (the message names the file and the cause); nothing was applied. */
  static final class PolicyNotSavedException extends RuntimeException {
    PolicyNotSavedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  PolicyDirectoryWriter(Path directory, InMemoryPolicyRepository repository) {
    this.directory = directory;
    this.repository = repository;
  }

  /** Writes {@code json} — the bytes {@code policy} was validated from, kept as the admin sent them — then applies it. */
  synchronized Saved save(Policy policy, byte[] json, String actor) {
    List<Problem> conflicts = repository.conflicts(policy); // before the file is written: nothing half-applied
    if (!conflicts.isEmpty()) {
      throw new InvalidInputException(conflicts.stream()
          .map(p -> Problem.of("request body: $." + p.location(), p.reason())).toList());
    }
    PolicyFiles.Written written;
    try {
      written = PolicyFiles.write(directory, json);
    } catch (InvalidInputException e) {
      // The body was validated already: what is refused is a version of the same day in the directory that the
      // repository does not hold (a file put there since the start, which would make the next start fail).
      throw new InvalidInputException(e.problems().stream()
          .map(p -> Problem.of("request body: $.effectiveFrom", p.reason())).toList());
    } catch (FenqiException e) {
      throw new PolicyNotSavedException(e.getMessage() + "; the change was not applied", e);
    }
    return new Saved(written.file(), repository.put(policy, actor));
  }
}
