package io.github.fenqi.nlp.watch;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyFiles;
import io.github.fenqi.core.policy.PolicySnapshot;
import io.github.fenqi.nlp.PolicyField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PolicyStore} over fenqi-core's {@link JsonDirectoryPolicyRepository}, for policies kept as files: an
 * applied change becomes a new policy file in the repository's directory ({@link PolicyFiles#supersede}, atomically;
 * the same draft as {@link RepositoryPolicyStore}: version {@code <date>-nlp-<change id>}, effective today), and
 * the repository rescans at once, so the new version is live when {@link #apply} returns and a restart keeps it.
 * Today is the date in {@link io.github.fenqi.core.NegotiationEngine#CASE_ZONE} at the clock's instant, whatever zone
 * the clock carries, as for {@link RepositoryPolicyStore}.
 *
 * <p>The directory is rescanned before live values are read and before a change is drafted, so another writer's
 * version (a second watcher over the same directory, with its own repository: another service, another deployment)
 * is the one compared with and drawn from. A change had been drafted from the policy this repository last scanned and
 * written over the other writer's version of the day, so that writer's change, reported APPLIED, was gone.
 *
 * <p>Thread-safety: thread-safe; {@link #apply} is serialised. Applies through two stores, or two processes, over one
 * directory at the same moment are not serialised with each other (each rescans first, which narrows but does not
 * close the window): give each platform one writer.
 */
public final class DirectoryPolicyStore implements PolicyStore {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryPolicyStore.class);
  private final JsonDirectoryPolicyRepository repository;
  private final Clock clock;

  /** @param clock only its instant counts: today is that instant's date in China's zone, the engine's */
  public DirectoryPolicyStore(JsonDirectoryPolicyRepository repository, Clock clock) {
    this.repository = java.util.Objects.requireNonNull(repository, "repository");
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
  }

  /** The policy directory, for the watcher's state file beside it. */
  Path directory() {
    return repository.directory();
  }

  @Override
  public Map<PolicyField, Object> liveValues(String platformId) {
    repository.reload(); // another writer's version of the directory is the live one
    PolicySnapshot snapshot = repository.snapshot();
    return RepositoryPolicyStore.liveValues(snapshot, platformId,
        RepositoryPolicyStore.today(snapshot, platformId, clock));
  }

  /**
   * Writes the new version's file and rescans. A second change of the same day supersedes the first, as in
   * {@link RepositoryPolicyStore#apply}: {@link PolicyFiles#supersede} writes the new version into the first one's
   * file in one rename (the file keeps its name), so no scan finds two versions of the day, nor neither of them.
   *
   * @throws FenqiException when the platform has no live policy, the draft is invalid (the field named), the file
   *     cannot be written, or the repository does not load it; the directory and the live policy are then as they
   *     were — save when the version is written but another file of the day cannot be removed: the message says so,
   *     and the directory loads the new version at its next scan (naming the leftover file in its load problems)
   */
  @Override
  public synchronized void apply(PolicyChange change) {
    repository.reload(); // drawn from the directory as it is, not as last scanned: another writer's change stays
    PolicySnapshot snapshot = repository.snapshot();
    LocalDate today = RepositoryPolicyStore.today(snapshot, change.platformId(), clock);
    Policy draft = RepositoryPolicyStore.draftFor(snapshot, change, today);
    Path directory = repository.directory();
    Optional<Policy> superseded = PolicySnapshot.sameDayVersion(snapshot.history(draft.platformId()), draft);
    byte[] supersededBytes = superseded.flatMap(p -> PolicyFiles.find(directory, p.platformId(), p.version()))
        .map(DirectoryPolicyStore::read).orElse(null);
    PolicyFiles.Written written = PolicyFiles.supersede(directory,
        FenqiJson.write(FenqiJson.newMapper(), draft).getBytes(StandardCharsets.UTF_8));
    repository.reload();
    boolean live = repository.snapshot().history(draft.platformId()).stream()
        .anyMatch(p -> p.version().equals(draft.version()));
    if (!live) {
      List<Problem> problems = repository.loadProblems();
      if (supersededBytes != null) {
        PolicyFiles.supersede(directory, supersededBytes); // back into the same file
      } else {
        delete(written.file());
      }
      repository.reload();
      throw new FenqiException("policy file " + written.file() + " was written but the repository did not load it "
          + "(" + problems + "); " + (supersededBytes == null ? "it was removed again" : "its previous content was "
          + "put back"));
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new FenqiException("cannot read policy file " + file + " (" + e + ")", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot remove policy file {} again: {}", file, e.toString());
    }
  }
}
