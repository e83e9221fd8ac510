package io.github.fenqi.core.script;

import java.util.Objects;
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
 *     lexicon words and of personal identifiers before it is quoted
 */
public record ScriptOptions(ScriptLanguage language, @Nullable String hardshipNote) {
  /** zh-CN, no note. */
  public static final ScriptOptions DEFAULTS = new ScriptOptions(ScriptLanguage.ZH_CN, null);

  public ScriptOptions {
    Objects.requireNonNull(language, "language");
    if (hardshipNote != null && hardshipNote.isBlank()) {
      hardshipNote = null;
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
}
