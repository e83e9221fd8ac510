package io.github.fenqi.core.policy;

import io.github.fenqi.core.Problem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link PolicyRepository} tells its listeners: a policy added, updated or removed, or a file that
 * failed to load (the last good version stays live). Feed these to the audit log.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface PolicyEvent {

  /** Where the change came from: a file path, or the actor who put it. */
  String origin();

  /** The kinds of change. */
  enum Change {
    /** A policy that was not there before. */
    ADDED,
    /** A policy already there, with different content. */
    UPDATED,
    /** A policy that is gone. */
    REMOVED
  }

  /**
   * A policy changed.
   *
   * @param change what happened
   * @param platformId the platform
   * @param oldVersion the version replaced or removed, null when added
   * @param newVersion the version now live, null when removed
   * @param origin the file or actor
   * @param repositoryVersion the repository version after the change
   */
  record PolicyChanged(Change change, String platformId, @Nullable String oldVersion, @Nullable String newVersion,
      String origin, long repositoryVersion) implements PolicyEvent {}

  /**
   * A file could not be loaded; the repository kept its last good version.
   *
   * @param origin the file
   * @param problems every problem found
   */
  record PolicyLoadFailed(String origin, List<Problem> problems) implements PolicyEvent {
    public PolicyLoadFailed {
      problems = List.copyOf(problems);
    }
  }
}
