package io.github.fenqi.nlp.watch;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.nlp.ExtractionNote;
import io.github.fenqi.nlp.source.Announcement;
import java.time.Instant;
import java.util.List;

/**
 * What an announcement that proposes no change says of fields that a single value cannot carry: a field it states
 * in incompatible ways (left undetermined, so no change is proposed for it) or only bounds (see
 * {@link ExtractionNote}). Without it such a text was read in silence: a lender's notice that contradicts itself
 * on the required hardship proof changed nothing, and neither the reviewer nor the audit log learnt that the notice
 * was ambiguous. An announcement that does propose a change carries its notes with it ({@link PolicyChange#notes()}).
 * Evidence offsets are into the announcement's {@link Announcement#readableText()}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param sourceId the source that listed the announcement
 * @param platformId the platform whose policy the source speaks of
 * @param announcement the announcement read
 * @param notes the extraction's notes, in the order of the text (at least one)
 * @param at when it was read
 */
public record AnnouncementNotes(String sourceId, String platformId, Announcement announcement,
    List<ExtractionNote> notes, Instant at) {

  public AnnouncementNotes {
    RequiredParts.check(new String[] {"sourceId", "platformId", "announcement", "notes", "at"}, sourceId, platformId,
        announcement, notes, at);
    if (notes.isEmpty()) {
      throw new InvalidInputException("notes", "is empty (an announcement without notes is not reported as notes)");
    }
    notes = List.copyOf(notes);
  }

  /** One line per note for a reviewer or an audit log: the announcement, then each note's message. */
  public String message() {
    StringBuilder out = new StringBuilder("announcement '" + announcement.id() + "' of source '" + sourceId + "' ("
        + platformId + ") proposes no change, but:");
    for (ExtractionNote note : notes) {
      out.append("\n  ").append(note.message());
    }
    return out.toString();
  }
}
