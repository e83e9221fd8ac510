package io.github.fenqi.nlp.watch;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyFiles;
import io.github.fenqi.nlp.PolicyField;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * The {@link PolicyStore} over fenqi-core's {@link JsonDirectoryPolicyRepository}, for policies kept as files: an
 * applied change becomes a new policy file in the repository's directory ({@link PolicyFiles#write}, atomically;
 * the same draft as {@link RepositoryPolicyStore}: version {@code <date>-nlp-<change id>}, effective today), and
 * the repository rescans at once, so the new version is live when {@link #apply} returns and a restart keeps it.
 *
 * <p>Thread-safety: thread-safe; {@link #apply} is serialised.
 */
public final class DirectoryPolicyStore implements PolicyStore {
  private final JsonDirectoryPolicyRepository repository;
  private final Clock clock;

  public DirectoryPolicyStore(JsonDirectoryPolicyRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Override
  public Map<PolicyField, Object> liveValues(String platformId) {
    return RepositoryPolicyStore.liveValues(repository.snapshot(), platformId, LocalDate.now(clock));
  }

  /**
   * @throws FenqiException when the platform has no live policy, the draft is invalid (the field named), the file
   *     cannot be written, or the repository does not load it; the live policy is then unchanged
   */
  @Override
  public synchronized void apply(PolicyChange change) {
    LocalDate today = LocalDate.now(clock);
    Policy draft = RepositoryPolicyStore.draftFor(repository.snapshot(), change, today);
    PolicyFiles.Written written = PolicyFiles.write(repository.directory(),
        FenqiJson.write(FenqiJson.newMapper(), draft).getBytes(StandardCharsets.UTF_8));
    repository.reload();
    boolean live = repository.snapshot().history(draft.platformId()).stream()
        .anyMatch(p -> p.version().equals(draft.version()));
    if (!live) {
      throw new FenqiException("policy file " + written.file() + " was written but the repository did not load it: "
          + repository.loadProblems());
    }
  }
}
