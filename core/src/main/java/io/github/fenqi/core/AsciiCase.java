package io.github.fenqi.core;

import org.jspecify.annotations.Nullable;

/**
 * Case as ASCII has it, for a word that chooses a constant or a keyword ({@code deny}, {@code alipay}, a lexicon's
 * {@code description}). Java's {@code equalsIgnoreCase} and {@code toUpperCase(Locale.ROOT)} follow Unicode's full
 * rules, under which a dotless ı (U+0131) is an I, a long ſ (U+017F) an S and the Kelvin sign (U+212A) a K: a risk
 * service's "revıew" had been read as REVIEW and a lexicon's "deſcription" as DESCRIPTION, words that no reader of
 * ASCII takes for those. Here only A–Z and a–z are one another's case; every other character is only itself.
 *
 * <p>Thread-safety: stateless.
 */
public final class AsciiCase {
  private AsciiCase() {}

  /** Whether {@code a} and {@code b} are the same text once ASCII letters are of one case; other characters as they are. */
  public static boolean equalsIgnoreCase(String a, String b) {
    return a.length() == b.length() && regionMatchesIgnoreCase(a, 0, b);
  }

  /**
   * Whether {@code text} holds {@code word} at {@code offset}, ASCII letters in any case, without copying the region
   * (an HTML reader asks at every end tag inside a script).
   */
  public static boolean regionMatchesIgnoreCase(String text, int offset, String word) {
    if (offset < 0 || offset > text.length() - word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (lower(text.charAt(offset + i)) != lower(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The one of {@code constants} whose name is {@code name} in any case of its ASCII letters, or null if none is. */
  public static <E extends Enum<E>> @Nullable E named(E[] constants, String name) {
    for (E e : constants) {
      if (equalsIgnoreCase(e.name(), name)) {
        return e;
      }
    }
    return null;
  }

  /** {@code text} with its ASCII letters in lower case; every other character as it is (a Kelvin sign stays one). */
  public static String toLowerCase(String text) {
    StringBuilder lower = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      lower.append(lower(text.charAt(i)));
    }
    return lower.toString();
  }

  /** {@code text} with its ASCII letters in upper case; every other character as it is (a dotless ı stays one). */
  public static String toUpperCase(String text) {
    StringBuilder upper = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      upper.append(upper(text.charAt(i)));
    }
    return upper.toString();
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
  }
}
