package io.github.fenqi.core.script;

import io.github.fenqi.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

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
   * The language of a tag, ignoring case and accepting {@code _} for {@code -}.
   *
   * @throws InvalidInputException naming the tag and the supported ones
   */
  public static ScriptLanguage ofTag(String tag) {
    String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    for (ScriptLanguage l : values()) {
      if (l.tag.toLowerCase(Locale.ROOT).equals(t)) {
        return l;
      }
    }
    throw new InvalidInputException("language", "'" + tag + "' is not supported; use one of "
        + Arrays.stream(values()).map(ScriptLanguage::tag).toList());
  }
}
