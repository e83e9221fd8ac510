package io.github.fenqi.core.script;

import io.github.fenqi.core.AsciiCase;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The languages scripts are written in; each has a template resource {@code templates_<suffix>.properties}.
 *
 * <p>Thread-safety: immutable (an enum).
 */
public enum ScriptLanguage {
  /** Simplified Chinese, the default: amounts in figures and in 大写 capitals. */
  ZH_CN("zh-CN", "zh_CN"),
  /** English: amounts in figures. */
  EN("en", "en");

  private final String tag;
  private final String suffix;

  ScriptLanguage(String tag, String suffix) {
    this.tag = tag;
    this.suffix = suffix;
  }

  /** The BCP 47 tag, {@code zh-CN} or {@code en}. */
  public String tag() {
    return tag;
  }

  String resourceSuffix() {
    return suffix;
  }

  /**
   * The language of a BCP 47 tag, ignoring case and blanks around it and accepting {@code _} for {@code -}: its primary
   * language decides, so {@code en-US}, {@code en-GB} and {@code zh-Hans-CN} — what a locale's {@code toLanguageTag} or an
   * {@code Accept-Language} header writes — are read (they had been refused as "not supported"), and {@code zh} alone is
   * zh-CN. A Chinese tag of traditional characters ({@code zh-Hant}, or {@code zh-TW}, {@code zh-HK}, {@code zh-MO}
   * without a script) is not zh-CN's simplified characters and is refused.
   *
   * @throws InvalidInputException naming {@code language}, the tag (quoted as {@link Problem#excerpt} quotes a value:
   *     masked, escaped, cut to 40 characters) and the supported ones when the tag is missing (it had been a bare
   *     NullPointerException), malformed or of another language
   */
  public static ScriptLanguage ofTag(@Nullable String tag) {
    String supported = "; use one of " + Arrays.stream(values()).map(ScriptLanguage::tag).toList();
    if (tag == null) {
      throw new InvalidInputException("language", "is missing" + supported);
    }
    // in ASCII's any case: a Kelvin sign, which Unicode lower-cases to k, had made "en-\u212A" English
    String t = AsciiCase.toLowerCase(tag.strip().replace('_', '-'));
    if (t.matches("[a-z]{2,8}(-[a-z0-9]{1,8})*")) {
      List<String> subtags = List.of(t.split("-"));
      if (subtags.get(0).equals("en")) {
        return EN;
      }
      if (subtags.get(0).equals("zh")) {
        boolean traditional = subtags.contains("hant")
            || !subtags.contains("hans") && subtags.stream().anyMatch(s -> s.equals("tw") || s.equals("hk") || s.equals("mo"));
        if (traditional) {
          throw new InvalidInputException("language", "'" + Problem.excerpt(tag) + "' is Chinese in traditional "
              + "characters, which scripts are not written in" + supported);
        }
        return ZH_CN;
      }
    }
    // quoted as a value from outside is: raw and whole, "fr\nINFO ..." began a line of its own in a log, and a tag of
    // 10 000 characters was echoed whole
    throw new InvalidInputException("language", "'" + Problem.excerpt(tag) + "' is not supported" + supported);
  }
}
