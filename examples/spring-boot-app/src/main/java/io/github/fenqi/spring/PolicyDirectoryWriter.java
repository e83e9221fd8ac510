package io.github.fenqi.spring;

import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyValidator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Applies an admin's policy change to the policies directory first and to the live repository second, so that a
 * restart — which loads the directory — keeps it. The file holding the same platform and version label is
 * replaced; a new label gets a new file {@code <platformId>--<version>.json}. The file is written whole and
 * synced under a temporary name, then renamed over the target and the directory synced: a crash leaves the old
 * file or the new one, never half of it. When writing fails, nothing is applied.
 *
 * <p>Thread-safety: {@link #save} is serialised, so the directory and the repository see changes in the same order.
 */
final class PolicyDirectoryWriter {
  private final Path directory;
  private final InMemoryPolicyRepository repository;
  private final PolicyValidator validator = new PolicyValidator();

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

  /**
   * Writes {@code json} — the bytes {@code policy} was validated from, kept as the admin sent them — then applies
   * the policy.
   */
  synchronized Saved save(Policy policy, byte[] json, String actor) {
    Path target = existingFile(policy).orElseGet(() -> newFile(policy));
    Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        for (ByteBuffer buffer = ByteBuffer.wrap(json); buffer.hasRemaining(); ) {
          out.write(buffer);
        }
        out.force(true);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory();
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the temporary name does not end in .json: a leftover is never loaded as a policy
      }
      throw new PolicyNotSavedException("cannot write policy file " + target + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); the change was not applied", e);
    }
    return new Saved(target, repository.put(policy, actor));
  }

  /** The directory's file that holds this platform and version label, if one does (invalid files are skipped). */
  private Optional<Path> existingFile(Policy policy) {
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw new PolicyNotSavedException("cannot list the policies directory " + directory + " ("
          + e.getClass().getSimpleName() + "); the change was not applied", e);
    }
    for (Path file : files) {
      @Nullable Policy held = validator.validate(file).policy().orElse(null);
      if (held != null && held.platformId().equals(policy.platformId()) && held.version().equals(policy.version())) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  /** A name for a new version's file that no file in the directory has yet. */
  private Path newFile(Policy policy) {
    String base = safe(policy.platformId()) + "--" + safe(policy.version());
    Path candidate = directory.resolve(base + ".json");
    for (int n = 2; Files.exists(candidate); n++) {
      candidate = directory.resolve(base + "-" + n + ".json");
    }
    return candidate;
  }

  private static String safe(String label) {
    String s = label.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.startsWith(".") ? "_" + s.substring(1) : s;
  }

  /** Makes the rename durable (a directory opened for reading can be synced on Linux; elsewhere this may fail). */
  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // not supported on this platform (e.g. Windows): the rename is still atomic, only its durability is the OS's
    }
  }
}
