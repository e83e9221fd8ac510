package io.github.fenqi.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.FenqiJson;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads request bodies with a size limit (also for chunked bodies with no Content-Length) and binds them with
 * fenqi's strict mapper, so every error names the JSON path.
 *
 * <p>Thread-safety: thread-safe (the mapper is configured once and only read).
 */
@Component
final class RequestBodies {
  /**
   * The charsets a body may declare: UTF-8, which RFC 8259 requires of JSON exchanged between systems, its subset
   * US-ASCII, and UTF-16 and UTF-32, which the JSON reader recognises from the bytes themselves (RFC 4627). Any other
   * (GBK, GB18030, ISO-8859-1, …) is refused rather than decoded: a body mislabelled as GBK or Latin-1 would decode,
   * without an error, to other characters — a borrower's name stored wrong.
   */
  static final Set<String> READABLE = Set.of("UTF-8", "US-ASCII", "UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32",
      "UTF-32BE", "UTF-32LE");
  private final ObjectMapper mapper = FenqiJson.newMapper();
  private final int maxBytes;

  RequestBodies(FenqiProperties props) {
    this.maxBytes = props.maxBodyBytes();
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /**
   * The body's bytes; {@link BodyTooLargeException} beyond the limit, {@link NotJsonException} unless it is declared
   * JSON ({@code application/json} or a {@code +json} type): a form post or text body was read as JSON regardless, and
   * a wildcard type ({@code application/*}, or any type at all), which declares nothing, was taken for JSON. A
   * declared charset other than a Unicode one ({@link #READABLE}) is a {@link NotUtf8Exception}: the body was decoded
   * as UTF-8 whatever it declared, so {@code charset=GBK} gave a 400 about an "invalid UTF-8 middle byte", and
   * {@code charset=ISO-8859-1} bytes that happen to be valid UTF-8 would have been read as other characters. A
   * {@code Content-Encoding} other than identity is an {@link EncodedBodyException}. A {@code Content-Type} given twice
   * is an {@code InvalidInputException} naming it: the first was taken ({@code application/json} then
   * {@code text/plain} was read as JSON), where RFC 9110 allows the header once; so is one declaring its charset twice.
   */
  byte[] read(HttpServletRequest request) throws IOException {
    int types = java.util.Collections.list(request.getHeaders("Content-Type")).size();
    if (types > 1) { // the first was read, whatever the others said: a proxy reading the last saw another body
      throw new io.github.fenqi.core.InvalidInputException(java.util.List.of(Problems.repeated("Content-Type", types)));
    }
    String declared = request.getContentType();
    long charsets = declared == null ? 0 : CHARSET_PARAMETER.matcher(declared).results().count();
    if (charsets > 1) { // the last was read: charset=GBK; charset=UTF-8 was UTF-8 here, GBK to a proxy taking the first
      throw new io.github.fenqi.core.InvalidInputException("Content-Type", "declares the charset " + charsets
          + " times; declare it once (UTF-8, or none)");
    }
    MediaType type = null;
    try {
      type = declared == null ? null : MediaType.parseMediaType(declared);
    } catch (InvalidMediaTypeException e) { // reported below as not JSON, unless only its charset is wrong
      Optional<String> charset = unknownCharset(declared, true);
      if (charset.isPresent()) {
        throw new NotUtf8Exception(declared, charset.get());
      }
    }
    if (type == null || !isJson(type)) {
      throw new NotJsonException(declared);
    }
    Charset charset = type.getCharset();
    if (charset != null && !READABLE.contains(charset.name())) {
      throw new NotUtf8Exception(declared, charset);
    }
    String encoding = request.getHeader("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
      throw new EncodedBodyException(encoding);
    }
    if (request.getContentLengthLong() > maxBytes) {
      throw new BodyTooLargeException(maxBytes);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new BodyTooLargeException(maxBytes);
      }
      return bytes;
    }
  }

  /** A charset parameter (its value, quoted or not) and the separator before it. */
  private static final Pattern CHARSET_PARAMETER =
      Pattern.compile(";\\s*charset\\s*=\\s*(\"[^\"]*\"|[^;]*)", Pattern.CASE_INSENSITIVE);

  /**
   * The charset parameter's value (unquoted) of {@code declared}, which does not parse, when it is a media type — a
   * JSON type if {@code jsonOnly} — but for a charset Java does not know or cannot name ({@code charset=nonsense},
   * {@code charset=a/b}, {@code charset=}); empty otherwise. A body's such type was refused as "not
   * application/json", which it is, leaving the caller to guess the charset was at fault ({@link NotUtf8Exception}
   * names it now), and {@link AcceptHeader} names such an entry of an {@code Accept} header.
   */
  static Optional<String> unknownCharset(String declared, boolean jsonOnly) {
    Matcher charset = CHARSET_PARAMETER.matcher(declared);
    if (!charset.find()) {
      return Optional.empty();
    }
    MediaType rest;
    try {
      rest = MediaType.parseMediaType(CHARSET_PARAMETER.matcher(declared).replaceAll(""));
    } catch (InvalidMediaTypeException e) { // wrong apart from its charset too
      return Optional.empty();
    }
    if (jsonOnly && !isJson(rest)) {
      return Optional.empty();
    }
    String name = charset.group(1).trim();
    return Optional.of(name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
        ? name.substring(1, name.length() - 1) : name);
  }

  /** Whether {@code type} declares JSON: {@code application/json} or an {@code application/...+json} type. */
  private static boolean isJson(MediaType type) {
    return !type.isWildcardType() && !type.isWildcardSubtype() // "*/*" or "application/*" says nothing
        && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
        || type.getSubtype().endsWith("+json") && "application".equals(type.getType()));
  }

  /** Reads and binds the body; an {@code InvalidInputException} lists what is wrong. */
  <T> T read(HttpServletRequest request, Class<T> type) throws IOException {
    return bind(read(request), type);
  }

  /** Binds a body already read; an {@code InvalidInputException} lists what is wrong. */
  <T> T bind(byte[] body, Class<T> type) {
    return FenqiJson.read(mapper, body, type, "request body");
  }

  /** The body is not declared JSON (415). */
  static final class NotJsonException extends RuntimeException {
    NotJsonException(@Nullable String declared) {
      super("send the body as application/json (Content-Type " + (declared == null ? "missing" : "was "
          + Problem.excerpt(declared)) + ")");
    }
  }

  /** The body declares a charset other than UTF-8 (or another Unicode encoding) (415). */
  static final class NotUtf8Exception extends RuntimeException {
    NotUtf8Exception(String declared, Charset charset) {
      super("send the body as UTF-8: JSON must be UTF-8 (RFC 8259), and this service does not decode " + charset.name()
          + " (Content-Type was " + Problem.excerpt(declared) + "); convert it, e.g. iconv -f " + charset.name()
          + " -t UTF-8, and declare charset=UTF-8 or none");
    }

    /** A charset parameter that names no charset Java knows ({@code charset=nonsense}) or is not a name at all. */
    NotUtf8Exception(String declared, String charset) {
      super("send the body as UTF-8: the charset parameter " + (charset.isEmpty() ? "is empty"
          : "(charset=" + Problem.excerpt(charset) + ") names no charset this service knows") + " (Content-Type was "
          + Problem.excerpt(declared) + "); JSON must be UTF-8 (RFC 8259): declare charset=UTF-8 or none (US-ASCII, "
          + "UTF-16 and UTF-32 are accepted too)");
    }
  }

  /**
   * The body declares a content coding ({@code Content-Encoding: gzip}), which this service does not undo (415,
   * RFC 9110): the compressed bytes were read as JSON, a 400 about an "Illegal character ((CTRL-CHAR, code 31))" at
   * line 1 that did not say the body was compressed.
   */
  static final class EncodedBodyException extends RuntimeException {
    EncodedBodyException(String encoding) {
      super("send the body uncompressed: this service does not decode Content-Encoding " + Problems.quoted(encoding)
          + "; leave the header out (or send identity)");
    }
  }

  /** The body exceeds the configured limit (413). */
  static final class BodyTooLargeException extends RuntimeException {
    final int limit;

    BodyTooLargeException(int limit) {
      super("request body larger than " + limit + " bytes");
      this.limit = limit;
    }
  }
}
