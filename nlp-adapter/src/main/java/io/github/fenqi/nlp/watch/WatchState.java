package io.github.fenqi.nlp.watch;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.DurableFiles;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.nlp.Evidence;
import io.github.fenqi.nlp.ExtractedField;
import io.github.fenqi.nlp.ExtractionNote;
import io.github.fenqi.nlp.ExtractionResult;
import io.github.fenqi.nlp.FinancialTerm;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.source.Announcement;
import io.github.fenqi.nlp.spi.TermMention;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The file in which an {@link AnnouncementWatcher} keeps what it has read and its review queue across restarts.
 * Kept in memory only, a restart read every feed from the start: the feed's newest values were applied again as if
 * new, undoing an operator's hand edit of the live policy, and a change rejected before the restart was queued for
 * review again. The file is JSON with a {@code formatVersion}; it is replaced whole and atomically
 * ({@link DurableFiles#replace}) after every change of the state, and read strictly: a file that is not this format
 * is refused naming the file and the field (or line), never taken as empty, which would apply every feed again.
 *
 * <p>Thread-safety: immutable records; {@link #read} and {@link #write} are stateless.
 */
final class WatchState {
  /**
   * The format this code writes; it reads this one, 3 (written before a queued change kept its extraction's notes), 2
   * (written before a change could be superseded) and 1 (written before {@code unlisted} was kept).
   */
  static final int FORMAT_VERSION = 4;

  /**
   * Writes every surrogate as a JSON escape (backslash, u, four hex digits), the rest of a text as it is (Chinese
   * stays readable): a lone surrogate (a custom source may give any {@code String}) written as UTF-8 came back as '?',
   * another text, its evidence offsets and hash no longer its own.
   */
  private static final CharacterEscapes SURROGATES_ESCAPED = new CharacterEscapes() {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
      return Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
    }
  };

  private static final java.util.regex.Pattern HASH = java.util.regex.Pattern.compile("[0-9a-f]{64}");

  private WatchState() {}

  /** A text read: its source, the id it was read under and its content hash. */
  record Read(String source, String id, String hash) {
    Read {
      required("source", source);
      required("id", id);
      checkHash(hash);
    }
  }

  /**
   * A text read that its source's feed has not listed in the last {@code fetches} fetches that listed anything: it
   * is forgotten after {@link AnnouncementWatcher.Builder#forgetAfter} of them. A text read and not in this list was
   * listed by the last one.
   */
  record Unlisted(String source, String hash, long fetches) {
    Unlisted {
      countOf(source, hash, "fetches", fetches, "fetches");
    }
  }

  /** An auto-applied announcement that failed to apply {@code failed} times and will be tried again. */
  record Attempts(String source, String hash, int failed) {
    Attempts {
      countOf(source, hash, "failed", failed, "failed attempts");
    }
  }

  /**
   * What became of a queued change, and when: a reviewer's decision, APPLIED (approved) or REJECTED, or SUPERSEDED by a
   * newer text of its announcement.
   */
  record Decision(String changeId, PolicyChange.Status status, Instant at) {
    Decision {
      required("changeId", changeId);
      required("status", status);
      required("at", at);
      if (status != PolicyChange.Status.APPLIED && status != PolicyChange.Status.REJECTED
          && status != PolicyChange.Status.SUPERSEDED) {
        throw new InvalidInputException("status", status + " is not a decision (APPLIED, REJECTED or SUPERSEDED)");
      }
    }
  }

  /** An announcement as it was read. */
  record Notice(String sourceId, String id, String title, String text, String uri, Instant fetchedAt) {
    Notice {
      required("sourceId", sourceId);
      required("id", id);
      required("title", title);
      required("text", text);
      address(required("uri", uri));
      required("fetchedAt", fetchedAt);
    }

    static Notice of(Announcement a) {
      return new Notice(a.sourceId(), a.id(), a.title(), a.text(), a.uri().toString(), a.fetchedAt());
    }

    Announcement announcement() {
      return new Announcement(sourceId, id, title, text, address(uri), fetchedAt);
    }

    private static URI address(String uri) {
      try {
        return new URI(uri);
      } catch (java.net.URISyntaxException e) {
        // quoted as a value from outside is, once: the parser's message quotes the whole input again
        throw new InvalidInputException("uri", "'" + Problem.excerpt(uri) + "' is not a URI: " + e.getReason()
            + (e.getIndex() < 0 ? "" : " at index " + e.getIndex())); // -1: the parser knows no position
      }
    }
  }

  /** Where a value or a term was read: {@code [start, end)} of the text read, and the text there. */
  record Span(int start, int end, String text) {
    Span {
      required("text", text);
      new Evidence(start, end, text); // refuses a bad span as Evidence does, naming start or end
    }

    Evidence evidence() {
      return new Evidence(start, end, text);
    }
  }

  /** A term mention the recogniser found. */
  record Mention(FinancialTerm term, int start, int end, String text, double confidence) {
    Mention {
      required("term", term);
      required("text", text);
      new TermMention(term, start, end, text, confidence); // refuses a bad span or confidence, naming the part
    }

    TermMention mention() {
      return new TermMention(term, start, end, text, confidence);
    }
  }

  /** A value the extractor read, written as text so a decimal keeps its scale exactly. */
  record Value(PolicyField field, String value, Span evidence, double confidence) {
    Value {
      required("field", field);
      required("value", value);
      required("evidence", evidence);
      extracted(field, value, evidence, confidence); // refuses a value not of the field's kind, a bad confidence
    }

    static Value of(ExtractedField f) {
      return new Value(f.field(), text(f.value()), new Span(f.evidence().start(), f.evidence().end(),
          f.evidence().text()), f.confidence());
    }

    ExtractedField extracted() {
      return extracted(field, value, evidence, confidence);
    }

    private static ExtractedField extracted(PolicyField field, String value, Span evidence, double confidence) {
      return new ExtractedField(field, parse(field, value, "value"), evidence.evidence(), confidence);
    }
  }

  /** A note of the extraction of a queued change: the field, what the text does with it, and its readings. */
  record Noted(PolicyField field, ExtractionNote.Kind kind, List<Value> readings) {
    Noted {
      required("field", field);
      required("kind", kind);
      readings = entries("readings", readings);
      note(field, kind, readings); // refuses a note the extractor cannot have made, naming the part
    }

    static Noted of(ExtractionNote n) {
      return new Noted(n.field(), n.kind(), n.readings().stream().map(Value::of).toList());
    }

    ExtractionNote note() {
      return note(field, kind, readings);
    }

    private static ExtractionNote note(PolicyField field, ExtractionNote.Kind kind, List<Value> readings) {
      return new ExtractionNote(field, kind, readings.stream().map(Value::extracted).toList());
    }
  }

  /** One field of a queued change: which, and the live value it was compared with ({@code null}: none). */
  record Compared(PolicyField field, @Nullable String live) {
    Compared {
      required("field", field);
      if (live != null) {
        parse(field, live, "live");
      }
    }
  }

  /**
   * A change waiting for review, with everything {@link PolicyChange} holds ({@code supersedes} absent before format 3,
   * {@code notes} before format 4: none).
   */
  record Queued(String id, String sourceId, String platformId, Notice announcement, List<Value> extracted,
      List<FinancialTerm> terms, List<Mention> termMentions, List<Compared> changes, Instant at,
      @Nullable List<String> supersedes, @Nullable List<Noted> notes) {
    Queued {
      notes = notes == null ? List.of() : entries("notes", notes);
      supersedes = supersedes == null ? List.of() : entries("supersedes", supersedes);
      required("id", id);
      required("sourceId", sourceId);
      required("platformId", platformId);
      required("announcement", announcement);
      extracted = entries("extracted", extracted);
      terms = entries("terms", terms);
      termMentions = entries("termMentions", termMentions);
      changes = entries("changes", changes);
      required("at", at);
      if (changes.isEmpty()) {
        throw new InvalidInputException("changes", "a queued change needs at least one field change");
      }
      for (int i = 0; i < changes.size(); i++) {
        PolicyField f = changes.get(i).field();
        if (extracted.stream().noneMatch(v -> v.field() == f)) {
          throw new InvalidInputException("changes[" + i + "].field", f + " is not among the extracted values");
        }
      }
      for (int i = 0; i < notes.size(); i++) {
        PolicyField f = notes.get(i).field();
        if (notes.get(i).kind() == ExtractionNote.Kind.CONFLICT && extracted.stream().anyMatch(v -> v.field() == f)) {
          throw new InvalidInputException("notes[" + i + "]", "a conflict note on " + f
              + ", which is among the extracted values (a conflict leaves its field undetermined)");
        }
      }
      for (int i = 0; i < extracted.size(); i++) {
        for (int j = 0; j < i; j++) {
          if (extracted.get(j).field() == extracted.get(i).field()) {
            throw new InvalidInputException("extracted[" + i + "].field",
                extracted.get(i).field() + " is listed twice");
          }
        }
      }
    }

    static Queued of(PolicyChange c) {
      List<Value> values = c.extraction().fields().values().stream().map(Value::of).toList();
      List<Compared> compared = c.changes().stream()
          .map(f -> new Compared(f.field(), f.liveValue().map(WatchState::text).orElse(null))).toList();
      List<Mention> mentions = c.extraction().termMentions().stream()
          .map(m -> new Mention(m.term(), m.start(), m.end(), m.text(), m.confidence())).toList();
      return new Queued(c.id(), c.sourceId(), c.platformId(), Notice.of(c.announcement()), values,
          List.copyOf(c.extraction().terms()), mentions, compared, c.at(), c.supersedes(),
          c.notes().stream().map(Noted::of).toList());
    }

    PolicyChange change() {
      Map<PolicyField, ExtractedField> fields = new EnumMap<>(PolicyField.class);
      for (Value v : extracted) {
        fields.put(v.field(), v.extracted());
      }
      List<FieldChange> fieldChanges = new ArrayList<>();
      for (Compared c : changes) {
        fieldChanges.add(new FieldChange(c.field(), Optional.ofNullable(c.live() == null ? null
            : parse(c.field(), c.live(), "live")), fields.get(c.field())));
      }
      return new PolicyChange(id, sourceId, platformId, announcement.announcement(), new ExtractionResult(fields,
          java.util.Set.copyOf(terms), termMentions.stream().map(Mention::mention).toList(),
          Objects.requireNonNull(notes).stream().map(Noted::note).toList()), fieldChanges,
          PolicyChange.Status.QUEUED_FOR_REVIEW, at, Objects.requireNonNull(supersedes));
    }
  }

  /**
   * The whole file: texts read ({@code read}), the text read last under each id ({@code lastUnderId}), failed
   * attempts of auto-applied announcements, changes waiting for review (oldest first), reviewers' decisions and
   * the texts read that their feed no longer lists ({@code unlisted}; absent in format 1, whose texts are all taken
   * as listed by the last fetch).
   */
  record Content(int formatVersion, List<Read> read, List<Read> lastUnderId, List<Attempts> failedAttempts,
      List<Queued> pending, List<Decision> decided, @Nullable List<Unlisted> unlisted) {
    Content {
      if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
        throw new InvalidInputException("formatVersion", formatVersion == 0 ? "is missing (expected "
            + FORMAT_VERSION + ")" : formatVersion + " is not a format this version of fenqi reads (it reads 1 to "
            + FORMAT_VERSION + ")");
      }
      if (formatVersion == 1) {
        if (unlisted != null) {
          throw new InvalidInputException("unlisted", "is not a field of formatVersion 1");
        }
        unlisted = List.of();
      }
      unlisted = entries("unlisted", unlisted);
      read = entries("read", read);
      lastUnderId = entries("lastUnderId", lastUnderId);
      failedAttempts = entries("failedAttempts", failedAttempts);
      pending = entries("pending", pending);
      decided = entries("decided", decided);
    }

    static final Content EMPTY =
        new Content(FORMAT_VERSION, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * The state kept in {@code file}; {@link Content#EMPTY} when there is no such file yet (a first start).
   *
   * @throws InvalidInputException naming the file and the field or line, when it cannot be read or is not a state
   *     file of this format (a corrupt state is never taken as empty: every feed would be applied again)
   */
  static Content read(ObjectMapper mapper, Path file) {
    if (!Files.exists(file)) {
      return Content.EMPTY;
    }
    byte[] bytes = InputFiles.read(file);
    String source = file + " (announcement watcher state)";
    if (bytes.length == 0) {
      throw new InvalidInputException(source, "is empty; it is written whole or not at all, so an empty one was not "
          + "written by the watcher (delete it to read every feed from the start)");
    }
    return FenqiJson.read(mapper, bytes, Content.class, source);
  }

  /**
   * Replaces {@code file} with {@code content}, atomically and synced.
   *
   * @throws FenqiException naming the file when it cannot be written (the file is then as it was)
   */
  static void write(ObjectMapper mapper, Path file, Content content) {
    try {
      DurableFiles.replace(file, mapper.writer().with(SURROGATES_ESCAPED).writeValueAsBytes(content));
    } catch (IOException e) {
      throw new FenqiException("cannot write the announcement watcher state " + file + " (" + InputFiles.reason(e)
          + ")", e);
    }
  }

  private static String text(Object value) {
    return value instanceof BigDecimal d ? d.toString() : String.valueOf(value);
  }

  /** {@code text} as a value of {@code field}'s kind; an {@link InvalidInputException} at {@code name} if it is not. */
  private static Object parse(PolicyField field, String text, String name) {
    try {
      return switch (field.kind()) {
        case MONTHS, DAYS -> Integer.valueOf(text);
        case RATIO, RATE -> new BigDecimal(text);
        case FLAG -> switch (text) {
          case "true" -> Boolean.TRUE;
          case "false" -> Boolean.FALSE;
          default -> throw new NumberFormatException();
        };
      };
    } catch (NumberFormatException e) {
      String expected = switch (field.kind()) {
        case MONTHS, DAYS -> "a whole number";
        case RATIO, RATE -> "a decimal number";
        case FLAG -> "true or false";
      };
      throw new InvalidInputException(name, "'" + Problem.excerpt(text) + "' is not a value of " + field + " ("
          + expected + ")");
    }
  }

  /** Checks an entry counting something ({@code name}, 1 or more {@code what}) about a text read from a source. */
  private static void countOf(@Nullable String source, @Nullable String hash, String name, long count, String what) {
    required("source", source);
    checkHash(hash);
    if (count < 1) {
      throw new InvalidInputException(name, count + " is not a number of " + what + " (1 or more)");
    }
  }

  /**
   * Checks a content hash: {@link Announcement#contentHash()}'s 64 lowercase hex digits. A hash damaged in the file
   * (one byte of it changed) had been taken as is: the text it stood for was no longer known as read, so it was read
   * again after the restart and its values applied over an operator's hand edit of the live policy.
   */
  private static void checkHash(@Nullable String hash) {
    required("hash", hash);
    if (!HASH.matcher(hash).matches()) {
      throw new InvalidInputException("hash", "'" + Problem.excerpt(hash) + "' is not a content hash (64 hex digits "
          + "0-9a-f, as the watcher writes them)");
    }
  }

  /**
   * {@code list}, copied, with every entry present: a null entry ({@code "read" : [ null ]}, a hand edit or a merge of
   * the file) is named by its list and place, {@code read[0]: is missing}; {@link List#copyOf} had refused it as
   * {@code Cannot construct instance of `...WatchState$Content`, problem: `java.lang.NullPointerException`}.
   */
  private static <T> List<T> entries(String name, @Nullable List<T> list) {
    required(name, list);
    for (int i = 0; i < list.size(); i++) {
      required(name + "[" + i + "]", list.get(i));
    }
    return List.copyOf(list);
  }

  private static <T> T required(String name, @Nullable T value) {
    if (value == null) {
      throw new InvalidInputException(name, "is missing");
    }
    return value;
  }
}
