package io.github.fenqi.nlp.watch;

import io.github.fenqi.nlp.source.PolicySourceException;

/**
 * Receives every change the watcher sees (queued, applied, rejected, failed) and every source failure, typically
 * to write them to the audit log. Called on the watcher's thread (or the reviewer's, for approve/reject); must
 * not block for long. An exception thrown by a listener is logged and does not stop the watcher.
 *
 * <p>Implementations must be thread-safe.
 */
public interface PolicyChangeListener {

  /** A change was detected or changed status. */
  void onChange(PolicyChange change);

  /**
   * A source could not be read at this poll (it will be tried again at the next), or its fetch lists several
   * announcements under one id (the message names the id and the items; they are read, each text as an announcement of
   * its own, and reported until all of them have been read).
   */
  default void onSourceFailure(String sourceId, PolicySourceException failure) {}
}
