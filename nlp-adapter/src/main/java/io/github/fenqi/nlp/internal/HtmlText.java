package io.github.fenqi.nlp.internal;

import io.github.fenqi.core.AsciiCase;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns an HTML page into plain text in one linear pass (no DOM, no recursion, so deeply nested or unbalanced
 * markup costs no more than its length): drops tags, comments and the content of script, style and other
 * non-text elements, decodes entities, and keeps block boundaries as line breaks.
 *
 * <p>Thread-safety: stateless.
 */
public final class HtmlText {
  private static final Set<String> SKIP_CONTENT =
      Set.of("script", "style", "noscript", "template", "iframe", "object", "svg", "math", "textarea", "select");
  private static final Set<String> BLOCK = Set.of("p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3",
      "h4", "h5", "h6", "section", "article", "header", "footer", "title", "td", "th", "dd", "dt", "blockquote", "hr",
      "pre", "main", "aside", "nav", "form");

  /** Tags that end a table row, so the next cell is a row's first. */
  private static final Set<String> TABLE_ROW = Set.of("tr", "table");

  private HtmlText() {}

  /** Receives the visible text piece by piece, with the span {@code [from, to)} of the markup each piece came from. */
  interface Sink {
    void append(String text, int from, int to);
  }

  /** The visible text of {@code html}. */
  public static String toText(String html) {
    StringBuilder out = new StringBuilder(html.length() / 2);
    visibleText(html, false, (text, from, to) -> out.append(text));
    return tidy(out);
  }

  /**
   * Passes the visible text of {@code html} to {@code out} in order: each character that is text as itself, each
   * entity decoded, each block element's tag as a line break, and nothing for other tags, comments and non-text
   * elements. One linear pass. {@code strict} (for text that is mostly not HTML, with remnants of it): only a
   * {@code <} before an ASCII letter, {@code /} or {@code !} that a {@code >} closes starts markup, so "罚息<本金" is text.
   */
  static void visibleText(String html, boolean strict, Sink out) {
    int n = html.length();
    int cells = 0; // the cells opened so far in the current table row
    char last = '\n'; // the last character of text passed on
    // strict: a '<' after the last '>' is text, found without a scan to the end for each of them (quadratic)
    int lastClose = strict ? html.lastIndexOf('>') : n;
    int i = 0;
    while (i < n) {
      char c = html.charAt(i);
      boolean markup = c == '<' && i + 1 < n && i < lastClose && startsMarkup(html.charAt(i + 1), strict)
          && (!strict || knownTag(html, i + 1));
      if (markup) {
        if (!strict && html.startsWith("<!--", i)) {
          int end = html.indexOf("-->", i + 4);
          i = end < 0 ? n : end + 3;
          continue;
        }
        int tagEnd = tagEnd(html, i + 1);
        int nameStart = i + 1 + (html.charAt(i + 1) == '/' ? 1 : 0);
        int nameEnd = nameStart;
        while (nameEnd < tagEnd && nameEnd < n && (Character.isLetterOrDigit(html.charAt(nameEnd)))) {
          nameEnd++;
        }
        // in ASCII's any case, as a browser's tokenizer: Unicode's made "BLOC\u212AQUOTE" (a Kelvin sign) a blockquote
        String name = AsciiCase.toLowerCase(html.substring(nameStart, nameEnd));
        boolean closing = html.charAt(i + 1) == '/';
        int from = i;
        i = tagEnd >= n ? n : tagEnd + 1;
        if (!closing && (name.equals("td") || name.equals("th"))) {
          // a row is read cell by cell, "分期期数 | 12-36期" as "分期期数：12-36期": the label and its value in one
          // sentence (each cell had been a line of its own, so "逾期天数 | 90天以上" stated nothing)
          if (cells == 0) {
            out.append("\n", from, i);
          } else if (last != '：' && last != ':') { // a label that ends with its colon takes no second one
            out.append(cells == 1 ? "：" : "，", from, i);
          }
          cells++;
        } else if (name.equals("td") || name.equals("th")) {
          // a closing cell tag: the next cell's opening tag separates
        } else if (BLOCK.contains(name)) {
          out.append("\n", from, i);
          if (TABLE_ROW.contains(name)) {
            cells = 0;
          }
        }
        if (!closing && SKIP_CONTENT.contains(name) && !html.startsWith("/>", Math.max(0, tagEnd - 1))) {
          i = skipElement(html, i, name);
        }
      } else if (c == '&') {
        i = entity(html, i, out);
        last = '&';
      } else {
        out.append(String.valueOf(c), i, i + 1);
        if (!Character.isWhitespace(c)) {
          last = c;
        }
        i++;
      }
    }
  }

  /** Elements that remnants of a page show inline, besides {@link #BLOCK} and {@link #SKIP_CONTENT}. */
  private static final Set<String> INLINE = Set.of("b", "i", "u", "s", "em", "strong", "span", "a", "font", "img",
      "sup", "sub", "small", "big", "strike", "label", "center", "tbody", "thead", "tfoot", "col", "colgroup",
      "caption", "html", "head", "body", "meta", "link", "ins", "del", "mark", "abbr", "cite", "q", "time", "o:p");

  /**
   * Whether the markup starting at {@code from} (after its '<') is a tag of a known HTML element, its name ended as
   * an end tag's is ({@link #endsTagName}: a form feed too, which had made "<span\f>" text): in text that is not
   * HTML, "逾期<M3的客户…逾期>M3" is a comparison, not a tag.
   */
  private static boolean knownTag(String html, int from) {
    int n = html.length();
    if (html.startsWith("!--", from)) {
      return true;
    }
    int start = from < n && html.charAt(from) == '/' ? from + 1 : from;
    int end = start;
    while (end < n && end - start <= 10 && (Character.isLetterOrDigit(html.charAt(end)) || html.charAt(end) == ':')) {
      end++;
    }
    if (end >= n || !endsTagName(html.charAt(end))) {
      return false;
    }
    String name = AsciiCase.toLowerCase(html.substring(start, end));
    return BLOCK.contains(name) || SKIP_CONTENT.contains(name) || INLINE.contains(name);
  }

  private static boolean startsMarkup(char c, boolean strict) {
    if (strict) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!';
    }
    return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
  }

  /** Index of the '>' closing the tag that starts at {@code from}, honouring quoted attribute values. */
  private static int tagEnd(String html, int from) {
    int n = html.length();
    char quote = 0;
    for (int j = from; j < n; j++) {
      char c = html.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return j;
      }
    }
    // unbalanced quote: fall back to the first '>'
    int plain = html.indexOf('>', from);
    return plain < 0 ? n : plain;
  }

  /**
   * Where the content of the element {@code name} that starts at {@code from} ends: after its end tag, whose name ends
   * at white space, '/' or '>' as the HTML tokenizer ends it (an "appropriate end tag" of a script's text):
   * "</scriptx>" in a script is its text, and had ended it, the rest of the script read as the page's. Without one,
   * the end of the page.
   */
  private static int skipElement(String html, int from, String name) {
    String close = "</" + name;
    int n = html.length();
    int j = from;
    while (true) {
      int k = html.indexOf("</", j);
      if (k < 0) {
        return n;
      }
      int after = k + close.length();
      // in ASCII's any case, as a browser reads a tag: regionMatches(true, …) took "</ſcript" (a long ſ) for "</script"
      if (after < n && endsTagName(html.charAt(after)) && AsciiCase.regionMatchesIgnoreCase(html, k, close)) {
        int end = html.indexOf('>', after);
        return end < 0 ? n : end + 1;
      }
      j = k + 2;
    }
  }

  /** Whether {@code c} ends a tag's name: HTML's white space (a CR too, which a browser reads as a LF), '/' or '>'. */
  private static boolean endsTagName(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '/' || c == '>';
  }

  /**
   * The longest entity read (HTML's longest name, "&CounterClockwiseContourIntegral;", is 31 characters; "&#x10FFFF;"):
   * the ';' is looked for no further, to stay linear.
   */
  private static final int MAX_ENTITY = 33;

  /** The name of a named entity, known or not: its ';' is no text. */
  private static final Pattern NAMED = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,31}");

  private static int entity(String html, int i, Sink out) {
    // within the entity's length only: a search to the next ';' anywhere made a text of many '&' quadratic
    int semi = -1;
    for (int k = i + 1, end = Math.min(html.length(), i + MAX_ENTITY + 1); k < end && semi < 0; k++) {
      semi = html.charAt(k) == ';' ? k : -1;
    }
    if (semi < 0) {
      out.append("&", i, i + 1);
      return i + 1;
    }
    String name = html.substring(i + 1, semi);
    String decoded = switch (name) {
      case "nbsp", "ensp", "emsp", "#160" -> " ";
      case "lt" -> "<";
      case "gt" -> ">";
      case "amp" -> "&";
      case "quot" -> "\"";
      case "apos", "#39" -> "'";
      case "ldquo", "rdquo", "bdquo" -> "\"";
      case "lsquo", "rsquo", "sbquo" -> "'";
      case "mdash", "ndash", "minus", "horbar", "hyphen", "dash" -> "-";
      case "sim", "tilde" -> "~";
      case "permil" -> "\u2030";
      case "percnt" -> "%";
      case "middot", "centerdot" -> "\u00B7";
      case "hellip" -> "\u2026";
      case "times" -> "\u00D7";
      case "yen" -> "\u00A5";
      case "ge" -> "\u2265";
      case "le" -> "\u2264";
      case "thinsp", "hairsp", "numsp", "puncsp", "MediumSpace", "emsp13", "emsp14" -> " ";
      case "ZeroWidthSpace", "zwnj", "zwj", "shy", "NoBreak" -> ""; // invisible
      case "colon" -> ":";
      case "comma" -> ",";
      case "period" -> ".";
      case "lpar" -> "(";
      case "rpar" -> ")";
      default -> numeric(name);
    };
    if (decoded == null && NAMED.matcher(name).matches()) {
      // another named entity ("&frac12;"): some symbol, never the ';' that ended the sentence
      decoded = " ";
    }
    if (decoded == null) {
      out.append("&", i, i + 1);
      return i + 1;
    }
    out.append(decoded, i, semi + 1);
    return semi + 1;
  }

  private static @Nullable String numeric(String name) {
    try {
      int cp;
      if (name.startsWith("#x") || name.startsWith("#X")) {
        cp = Integer.parseInt(name.substring(2), 16);
      } else if (name.startsWith("#")) {
        cp = Integer.parseInt(name.substring(1));
      } else {
        return null;
      }
      if (!Character.isValidCodePoint(cp) || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return "\uFFFD";
      }
      return new String(Character.toChars(cp));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String tidy(CharSequence raw) {
    StringBuilder out = new StringBuilder(raw.length());
    boolean space = false;
    boolean newline = true;
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      if (c == '\n' || c == '\r') {
        if (!newline) {
          out.append('\n');
          newline = true;
        }
        space = false;
      } else if (Character.isWhitespace(c) || c == '\u00A0') {
        space = !newline;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
        newline = false;
      }
    }
    int len = out.length();
    while (len > 0 && out.charAt(len - 1) == '\n') {
      len--;
    }
    return out.substring(0, len);
  }
}
