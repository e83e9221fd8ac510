package io.github.fenqi.nlp.internal;

import io.github.fenqi.core.AsciiCase;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a fetched body: byte-order mark, then the charset the server declared, then the one the markup declares
 * (an XML declaration's {@code encoding}, else an HTML meta tag), then detection (strict UTF-8, else GB18030, the
 * superset of GBK). A feed in Big5 that says so only in its XML declaration had been decoded as GB18030, which maps
 * every Big5 byte pair to some character: its text came out garbled, read as nothing and no error said why. A
 * declared charset that does not decode the body is distrusted (servers often send GBK pages labelled UTF-8), and
 * single-byte Latin labels on non-ASCII bodies are treated as absent.
 *
 * <p>Thread-safety: stateless.
 */
public final class CharsetSniffer {
  private static final Pattern META = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)",
      Pattern.CASE_INSENSITIVE);
  /** The {@code encoding} of an XML declaration, which can only begin the document. */
  private static final Pattern XML_DECLARATION =
      Pattern.compile("\\A<\\?xml\\s[^>]*?\\bencoding\\s*=\\s*[\"']\\s*([A-Za-z0-9_.:-]+)");
  private static final Charset GB18030 = Charset.forName("GB18030");

  /** The decoded text and the charset that decoded it. Thread-safety: immutable. */
  public record Decoded(String text, Charset charset, boolean declaredCharsetIgnored) {}

  private CharsetSniffer() {}

  /**
   * Decodes {@code body}; {@code declared} is the Content-Type charset parameter, if any; {@code html}: whether the
   * body is markup (an HTML page or an XML feed) that may declare its charset.
   */
  public static Decoded decode(byte[] body, @Nullable String declared, boolean html) {
    if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
      return new Decoded(new String(body, 3, body.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false);
    }
    if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
      return new Decoded(new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE,
          false);
    }
    if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
      return new Decoded(new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE,
          false);
    }
    boolean ascii = isAscii(body);
    boolean ignored = false;
    Optional<Charset> fromHeader = charset(declared);
    if (fromHeader.isPresent()) {
      Charset cs = fromHeader.get();
      if (!(isLatin(cs) && !ascii)) {
        Optional<String> text = strict(body, cs);
        if (text.isPresent()) {
          return new Decoded(text.get(), cs, false);
        }
      }
      ignored = true;
    }
    if (html) {
      String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
      Matcher xml = XML_DECLARATION.matcher(head);
      Matcher meta = META.matcher(head);
      Matcher m = xml.find() ? xml : meta.find() ? meta : null;
      if (m != null) {
        Optional<Charset> cs = charset(m.group(1));
        if (cs.isPresent() && !(isLatin(cs.get()) && !ascii)) {
          Optional<String> text = strict(body, cs.get());
          if (text.isPresent()) {
            return new Decoded(text.get(), cs.get(), ignored);
          }
        }
      }
    }
    Optional<String> utf8 = strict(body, StandardCharsets.UTF_8);
    if (utf8.isPresent()) {
      return new Decoded(utf8.get(), StandardCharsets.UTF_8, ignored);
    }
    Optional<String> gbk = strict(body, GB18030);
    if (gbk.isPresent()) {
      return new Decoded(gbk.get(), GB18030, ignored);
    }
    return new Decoded(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8, ignored);
  }

  private static boolean isAscii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLatin(Charset cs) {
    String name = cs.name().toLowerCase(Locale.ROOT);
    return name.equals("iso-8859-1") || name.equals("windows-1252") || name.equals("us-ascii");
  }

  private static Optional<Charset> charset(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String n = name.strip().replace("\"", "").replace("'", "");
    // in ASCII's any case: "gb\u212A" (a Kelvin sign) had been GBK's label, a UTF-8 body read as GB18030
    if (AsciiCase.equalsIgnoreCase(n, "gbk") || AsciiCase.equalsIgnoreCase(n, "gb2312")) {
      return Optional.of(GB18030); // superset: pages labelled GB2312 routinely contain GBK characters
    }
    try {
      return Optional.of(Charset.forName(n));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> strict(byte[] body, Charset cs) {
    try {
      CharBuffer chars = cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return Optional.of(chars.toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
