/**
 * Keeping policies current: {@link io.github.fenqi.nlp.watch.AnnouncementWatcher} polls
 * {@link io.github.fenqi.nlp.source.PolicySource}s, extracts, diffs against the live policy, and queues or applies
 * each change, reporting every change to listeners for the audit log.
 */
@NullMarked
package io.github.fenqi.nlp.watch;

import org.jspecify.annotations.NullMarked;
