package io.github.fenqi.nlp.watch;

import io.github.fenqi.nlp.ExtractionNote;
import io.github.fenqi.nlp.source.PolicySourceException;

/**
 * Receives every change the watcher sees (queued, applied, rejected, failed), every source failure, and the notes of
 * announcements that propose no change ({@link #onNotes}), typically to write them to the audit log. Called on the
 * watcher's thread (or the reviewer's, for approve/reject); must not block for long. An exception thrown by a listener is logged and does not stop the watcher.
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

  /**
   * An announcement was read that proposes no change but states a field in incompatible ways (a
   * {@link ExtractionNote.Kind#CONFLICT}: the field is left undetermined, so nothing is proposed for it) or only
   * bounds one. The notes of an announcement that does propose a change come with the change instead
   * ({@link PolicyChange#notes()}), in {@link #onChange}. Told when the text is read, before the state file holds it:
   * a crash before the next write of the file reads the text again after the restart and tells its notes again.
   * Default: nothing, so a listener written before notes were reported is unchanged.
   */
  default void onNotes(AnnouncementNotes notes) {}
}
