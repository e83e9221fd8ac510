package io.github.fenqi.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.FenqiJson;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
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
   * a wildcard type ({@code application/*}, or any type at all), which declares nothing, was taken for JSON.
   */
  byte[] read(HttpServletRequest request) throws IOException {
    String declared = request.getContentType();
    MediaType type = null;
    try {
      type = declared == null ? null : MediaType.parseMediaType(declared);
    } catch (InvalidMediaTypeException e) { // reported below as not JSON
    }
    if (type == null || type.isWildcardType() || type.isWildcardSubtype() // "*/*" or "application/*" says nothing
        || !(MediaType.APPLICATION_JSON.isCompatibleWith(type)
        || type.getSubtype().endsWith("+json") && "application".equals(type.getType()))) {
      throw new NotJsonException(declared);
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

  /** Reads and binds the body; an {@code InvalidInputException} lists what is wrong. */
  <T> T read(HttpServletRequest request, Class<T> type) throws IOException {
    return FenqiJson.read(mapper, read(request), type, "request body");
  }

  /** The body is not declared JSON (415). */
  static final class NotJsonException extends RuntimeException {
    NotJsonException(@Nullable String declared) {
      super("send the body as application/json (Content-Type " + (declared == null ? "missing" : "was "
          + Problem.excerpt(declared)) + ")");
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
