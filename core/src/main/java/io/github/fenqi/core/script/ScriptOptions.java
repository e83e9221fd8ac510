package io.github.fenqi.core.script;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.security.Masking;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How one request's scripts are written: the language and the borrower's own words about the hardship. Kept
 * apart from the case so the case's JSON contract does not change.
 *
 * <p>Thread-safety: immutable.
 *
 * @param language the script language
 * @param hardshipNote the borrower's free-text description of the hardship, or null; it is cleaned of
 *     lexicon words and of personal identifiers before it is quoted; at most {@link #MAX_NOTE_LENGTH} characters
 */
public record ScriptOptions(ScriptLanguage language, @Nullable String hardshipNote) {
  /**
   * The longest note, in characters (code points): the bound {@link io.github.fenqi.core.NegotiationRequest} holds a
   * case's note to. A generator called directly had taken any note, and masking one of 240 000 characters of phone
   * numbers took 80 s and ended in a StackOverflowError.
   */
  public static final int MAX_NOTE_LENGTH = 2000;

  /** zh-CN, no note. */
  public static final ScriptOptions DEFAULTS = new ScriptOptions(ScriptLanguage.ZH_CN, null);

  public ScriptOptions {
    if (language == null) {
      throw new InvalidInputException("language", "is required (ScriptLanguage.ZH_CN or EN)");
    }
    if (hardshipNote != null && hardshipNote.isBlank()) {
      hardshipNote = null;
    }
    int length = hardshipNote == null ? 0 : hardshipNote.codePointCount(0, hardshipNote.length());
    if (length > MAX_NOTE_LENGTH) {
      throw new InvalidInputException("hardshipNote", "is " + length + " characters; at most " + MAX_NOTE_LENGTH);
    }
  }

  /** Options in {@code language} without a note. */
  public static ScriptOptions of(ScriptLanguage language) {
    return new ScriptOptions(language, null);
  }

  /** The note, if one was given. */
  public Optional<String> note() {
    return Optional.ofNullable(hardshipNote);
  }

  /**
   * The language and the note with its identifiers masked ({@link Masking#redact}): the note is the borrower's own words
   * and may give their mobile, ID number or card, and the record's own {@code toString} had printed it in clear into the
   * log of any generator that logged its options. These options know no borrower, and so not the name:
   * {@link ScriptRequest#toString()} masks that too.
   */
  @Override
  public String toString() {
    return toString(hardshipNote == null ? null : Masking.defaults().redact(hardshipNote));
  }

  /** This record's {@code toString} with {@code shownNote} for the note. */
  String toString(@Nullable String shownNote) {
    return "ScriptOptions[language=" + language + ", hardshipNote=" + shownNote + "]";
  }
}
