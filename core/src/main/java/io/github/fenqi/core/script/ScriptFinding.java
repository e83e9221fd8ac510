package io.github.fenqi.core.script;

import io.github.fenqi.core.RequiredParts;

/**
 * A lexicon word found in an input of a script and kept out of it.
 *
 * <p>Thread-safety: immutable.
 *
 * @param field the input it was found in: {@code hardshipNote}, {@code policy.legalBasis[0]},
 *     {@code policy.platformName}, {@code debt.id}; or, for words formed only when parts were joined, the part they
 *     were joined into: {@code title} or a section, {@code section.HARDSHIP}, {@code section.WILLINGNESS},
 *     {@code section.PROPOSAL}, {@code section.LEGAL_BASIS}
 * @param match the word and where it was in that input
 */
public record ScriptFinding(String field, SensitiveMatch match) {
  public ScriptFinding {
    RequiredParts.check(new String[] {"field", "match"}, field, match);
  }
}
