package io.github.fenqi.core.policy;

import io.github.fenqi.core.DurableFiles;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
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

/**
 * Writes a policy into a policies directory — the one {@link JsonDirectoryPolicyRepository} reads, or a service
 * loads at start — so that what was applied is what a restart or the next scan loads. The file already holding the
 * same platform and version label is replaced; a new label gets a new file {@code <platformId>--<version>.json}
 * (its name cut to 200 characters before the suffix, and a numeric suffix when that name is taken). The bytes are validated first, then written whole and synced
 * under a temporary name that does not end in {@code .json} (so no reader ever loads it), renamed over the target,
 * and the directory synced: a crash leaves the old file or the new one, never part of one.
 *
 * <p>{@link #write} does not look at the other versions of the platform: a new label effective the same day as another
 * version's file is written all the same, and the directory then ignores whichever of the two files sorts second by
 * name (it names it in {@link JsonDirectoryPolicyRepository#loadProblems}) — possibly the one just written. A caller
 * that adds a version checks first ({@link InMemoryPolicyRepository#conflicts}, or {@link
 * PolicySnapshot#sameDayVersion} over the directory's history), or, to replace the same-day version on purpose,
 * removes that version's file ({@link #find}) once the new one is written.
 *
 * <p>Thread-safety: stateless; callers that may write the same platform and version at once must serialise those
 * writes (the last rename wins).
 */
public final class PolicyFiles {
  private PolicyFiles() {}

  /** A written policy file and the policy it holds. */
  public record Written(Path file, Policy policy) {}

  /**
   * Validates {@code json} as a policy file and writes it, as given, into {@code directory}. Another version of the
   * platform effective the same day is not refused (see the class comment): check for one first.
   *
   * @throws InvalidInputException listing every problem when {@code json} is not a valid policy (nothing written)
   * @throws FenqiException naming the file when it cannot be written (the directory is left as it was)
   */
  public static Written write(Path directory, byte[] json) {
    Policy policy = new PolicyValidator().validate(json, "the policy to write to " + directory).orElseThrow();
    Path target = find(directory, policy.platformId(), policy.version()).orElseGet(() -> newFile(directory, policy));
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
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // a leftover temporary file does not end in .json, so it is never loaded as a policy
      }
      throw new FenqiException("cannot write policy file " + target + " (" + describe(e) + ")", e);
    }
    DurableFiles.syncDirectory(directory); // the rename, durable
    return new Written(target, policy);
  }

  /**
   * The file of {@code directory} that holds this platform and version label, if a valid one does.
   *
   * @throws FenqiException when the directory cannot be listed
   */
  public static Optional<Path> find(Path directory, String platformId, String version) {
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw new FenqiException("cannot list the policies directory " + directory + " (" + describe(e) + ")", e);
    }
    PolicyValidator validator = new PolicyValidator();
    for (Path file : files) {
      Optional<Policy> held = validator.validate(file).policy();
      if (held.isPresent() && held.get().platformId().equals(platformId) && held.get().version().equals(version)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  /** What went wrong, for the message: the exception's kind and, when it has one, its message. */
  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /**
   * Longest base of a new file's name: with "-99.json", and the temporary name's "." before it and ".<uuid>.tmp"
   * after it (42 characters), within the 255 bytes a file name may have. Two labels of up to 128 characters each
   * (what a policy allows) made a name the file system refused, so such a valid policy could not be written.
   */
  private static final int MAX_BASE_LENGTH = 200;

  private static Path newFile(Path directory, Policy policy) {
    String full = safe(policy.platformId()) + "--" + safe(policy.version());
    String base = full.length() <= MAX_BASE_LENGTH ? full : full.substring(0, MAX_BASE_LENGTH); // the file is found by content
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
}
