package io.github.fenqi.core.policy;

import io.github.fenqi.core.DurableFiles;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a policy into a policies directory — the one {@link JsonDirectoryPolicyRepository} reads, or a service
 * loads at start — so that what was applied is what a restart or the next scan loads. The file already holding the
 * same platform and version label is replaced; a new label gets a new file {@code <platformId>--<version>.json}
 * (its name cut to 200 characters before the suffix, and a numeric suffix when that name is taken, by any file,
 * directory or link, a link to a missing target too). The bytes are
 * validated first, then written whole and synced under a temporary name that does not end in {@code .json} (so no
 * reader ever loads it), renamed over the target, and the directory synced: a crash leaves the old file or the new
 * one, never part of one.
 *
 * <p>Two versions of a platform may not take effect the same day (which applies would be left to the files' names;
 * the directory ignores and names the second). {@link #write} refuses a new label effective the same day as another
 * version's file; {@link #supersede} puts the new version in that file's place instead.
 *
 * <p>A file that does not load (invalid, half-written, unreadable) holds no version here: a version written while
 * the file that held it is broken goes to a new file, and {@link JsonDirectoryPolicyRepository} then loads the new
 * file in place of the broken file's last good version, as a restart does. The broken file stays named in its load
 * problems until it is repaired or removed.
 *
 * <p>A policy file that is a symbolic link is replaced by a regular file: the link's target is left as it was.
 *
 * <p>Thread-safety: stateless; callers that may write the same platform at once must serialise those writes (the
 * last rename wins).
 */
public final class PolicyFiles {
  private PolicyFiles() {}

  /**
   * A written policy file and the policy it holds.
   *
   * <p>Thread-safety: immutable.
   */
  public record Written(Path file, Policy policy) {}

  /** A valid policy file of the directory and the policy it holds. */
  private record Held(Path file, Policy policy) {
    boolean sameLabel(Policy other) {
      return policy.platformId().equals(other.platformId()) && policy.version().equals(other.version());
    }

    boolean sameDay(Policy other) {
      return PolicySnapshot.sameDayVersion(List.of(policy), other).isPresent();
    }
  }

  /**
   * Validates {@code json} as a policy file and writes it, as given, into {@code directory}: in place of the file
   * holding the same platform and version label (of several, the first by name, the one a directory loads; the others
   * are left as they are), or as a new file.
   *
   * @throws InvalidInputException listing every problem when {@code json} is not a valid policy (nothing written)
   * @throws PolicyException naming the file to be written, its {@code effectiveFrom} and the other version's file
   *     when another version of the platform in {@code directory} takes effect the same day (nothing written; {@link
   *     #supersede} replaces that version)
   * @throws FenqiException naming the file when it cannot be written (the directory is left as it was)
   */
  public static Written write(Path directory, byte[] json) {
    Policy policy = validate(directory, json);
    List<Held> held = held(directory);
    Path target = held.stream().filter(h -> h.sameLabel(policy)).map(Held::file).findFirst()
        .orElseGet(() -> newFile(directory, policy));
    Optional<Held> rival = held.stream().filter(h -> h.sameDay(policy)).findFirst();
    if (rival.isPresent()) {
      throw new PolicyException(target + ": $.effectiveFrom", PolicySnapshot.sameDayReason(rival.get().policy(), policy)
          + " (version '" + rival.get().policy().version() + "' is file " + rival.get().file().getFileName()
          + "; nothing was written)");
    }
    replace(target, json);
    return new Written(target, policy);
  }

  /**
   * Validates {@code json} as a policy file and writes it into {@code directory} in place of the version of its
   * platform that takes effect the same day, if there is one: a lender's second announcement of a day supersedes the
   * first ({@link InMemoryPolicyRepository#supersede} for files). Without such a version, as {@link #write}.
   *
   * <p>The files it replaces are those of the platform holding the same version label or another version effective
   * the same day. The first of them by name — the one a directory loads — is replaced by the new version in one
   * rename (it keeps its name: a file is found by its content), then the others are removed. So at no moment does a
   * reader see the platform without one of the two versions, and from the rename on, a {@link
   * JsonDirectoryPolicyRepository} loads the new version: a file not yet removed (a crash in between, or a removal
   * that failed) is ignored and named in {@link JsonDirectoryPolicyRepository#loadProblems} as a second version of
   * the day or a duplicate label ({@link JsonDirectoryPolicyRepository#openStrict}, and a loader that refuses two
   * versions of a day, refuse the directory until then), and the same call again removes it.
   *
   * @throws InvalidInputException listing every problem when {@code json} is not a valid policy (nothing written)
   * @throws FenqiException naming the file when it cannot be written (the directory is left as it was), or naming a
   *     replaced file that could not be removed (the new version is written and is the one loaded), or when the
   *     directory cannot be synced after the write or the removals (they are made, but a crash may undo them)
   */
  public static Written supersede(Path directory, byte[] json) {
    Policy policy = validate(directory, json);
    List<Path> replaced = held(directory).stream().filter(h -> h.sameLabel(policy) || h.sameDay(policy))
        .map(Held::file).toList();
    Path target = replaced.isEmpty() ? newFile(directory, policy) : replaced.get(0);
    replace(target, json);
    if (replaced.size() > 1) {
      for (Path stale : replaced.subList(1, replaced.size())) {
        try {
          Files.deleteIfExists(stale);
        } catch (IOException e) {
          throw new FenqiException("policy version " + policy.version() + " was written to " + target
              + ", but policy file " + stale + ", which it supersedes, cannot be removed (" + describe(e)
              + "); the directory loads the new version and names the old file as ignored until it is removed", e);
        }
      }
      try {
        DurableFiles.syncDirectory(directory); // the removals, durable
      } catch (IOException e) {
        throw new FenqiException("policy version " + policy.version() + " was written to " + target
            + " and the files it supersedes removed, but " + describe(e), e);
      }
    }
    return new Written(target, policy);
  }

  /**
   * Why a file named {@code x.JSON} or {@code x.Json} in a policies directory is not read, empty for {@code *.json}.
   * Such a file had been passed over without a word, so its lender had no policy (or an older one). It is a problem
   * rather than read, as a misnamed rule file is in {@code rules-easy}: {@link #write} lists {@code *.json} only, and
   * would write a second version of its day beside it. Directory readers (the repository, the CLI, a service loading
   * the directory itself) report it in these words.
   *
   * @param file a file whose name ends in {@code .json} in any case
   */
  public static Optional<String> whyNotRead(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".json")) {
      return Optional.empty();
    }
    String stem = name.substring(0, name.length() - ".json".length());
    return Optional.of("is not read: a policy file's name ends in .json, in lower case; rename it to " + stem
        + ".json");
  }

  /**
   * The file of {@code directory} that holds this platform and version label, if a valid one does: of several, the
   * first by name, the one a directory loads and {@link #write} replaces.
   *
   * @throws FenqiException when the directory cannot be listed
   */
  public static Optional<Path> find(Path directory, String platformId, String version) {
    return held(directory).stream()
        .filter(h -> h.policy().platformId().equals(platformId) && h.policy().version().equals(version))
        .map(Held::file).findFirst();
  }

  private static Policy validate(Path directory, byte[] json) {
    return new PolicyValidator().validate(json, "the policy to write to " + directory).orElseThrow();
  }

  /** The valid policy files of {@code directory}, in the order a directory repository loads them (by name). */
  private static List<Held> held(Path directory) {
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw new FenqiException("cannot list the policies directory " + directory + " (" + describe(e) + ")", e);
    }
    PolicyValidator validator = new PolicyValidator();
    List<Held> held = new ArrayList<>();
    for (Path file : files) {
      validator.validate(file).policy().ifPresent(p -> held.add(new Held(file, p)));
    }
    return held;
  }

  /** Writes {@code json} whole under a temporary name, synced, renames it over {@code target}, syncs the directory. */
  private static void replace(Path target, byte[] json) {
    try {
      DurableFiles.replace(target, json); // a leftover temporary file does not end in .json: never loaded as a policy
    } catch (IOException e) {
      throw new FenqiException("cannot write policy file " + target + " (" + describe(e) + ")", e);
    }
  }

  /** What went wrong, for the message: the exception's kind and, when it has one, its message. */
  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /**
   * Longest base of a new file's name: with "-99.json" within the 255 bytes a file name may have (and within what
   * {@link DurableFiles#replace}'s temporary name takes of it). Two labels of up to 128 characters each
   * (what a policy allows) made a name the file system refused, so such a valid policy could not be written.
   */
  private static final int MAX_BASE_LENGTH = 200;

  private static Path newFile(Path directory, Policy policy) {
    String full = safe(policy.platformId()) + "--" + safe(policy.version());
    String base = full.length() <= MAX_BASE_LENGTH ? full : full.substring(0, MAX_BASE_LENGTH); // the file is found by content
    Path candidate = directory.resolve(base + ".json");
    for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) { // a dangling link's name is taken
      candidate = directory.resolve(base + "-" + n + ".json");
    }
    return candidate;
  }

  private static String safe(String label) {
    String s = label.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.startsWith(".") ? "_" + s.substring(1) : s;
  }
}
