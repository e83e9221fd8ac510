package io.github.fenqi.spring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details with the list of invalid fields. Stateless; thread-safe. */
final class Problems {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Problems() {}

  /** A problem whose {@code errors} property lists every problem as {@code {location, reason}}. */
  static ProblemDetail of(HttpStatus status, String title, String detail, List<Problem> problems) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setTitle(title);
    pd.setType(URI.create("https://github.com/fenqi/fenqi/problems/" + status.value()));
    if (!problems.isEmpty()) {
      pd.setProperty("errors", problems.stream()
          .map(p -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("location", p.location());
            error.put("reason", p.reason());
            return error;
          }).toList());
    }
    return pd;
  }

  /**
   * {@code value} as a message names it: quoted, so that an empty or blank name, or one with spaces around it, stays
   * visible ({@code no submission ' '}), and cut and escaped as {@link Problem#excerpt} does. Names were appended bare:
   * a blank submission id or platform id gave {@code no submission  } and {@code no policy for platform }.
   */
  static String quoted(String value) {
    return "'" + Problem.excerpt(value) + "'";
  }

  /** The detail of a 404 for a path no endpoint serves: the method and the path ({@code no endpoint GET '/x'}). */
  static String noEndpoint(String method, String path) {
    return "no endpoint " + method + " " + quoted(path);
  }

  /** A query parameter or header given more than once, where it takes one value. */
  static Problem repeated(String parameter, int times) {
    return Problem.of(parameter, "is given " + times + " times; give it once");
  }

  /**
   * The title of a problem of {@code code}: its reason phrase as ours are written ("Bad request", "Not found"), in
   * sentence case with its acronyms as they are ("HTTP version not supported", "URI too long"): every word after the
   * first had been lower-cased, a 505 titled "Http version not supported".
   */
  static String title(int code) {
    HttpStatus status = HttpStatus.resolve(code);
    String phrase = status == null ? "Error" : status.getReasonPhrase();
    StringBuilder title = new StringBuilder(phrase.length());
    for (String word : phrase.split(" ", -1)) {
      boolean acronym = word.length() > 1 && word.chars().allMatch(c -> c >= 'A' && c <= 'Z');
      title.append(title.isEmpty() ? "" : " ").append(title.isEmpty() || acronym ? word
          : word.toLowerCase(java.util.Locale.ROOT));
    }
    return title.toString();
  }

  /** Writes a problem straight to the response (filters run before Spring MVC's error handling). */
  static void write(HttpServletResponse res, HttpStatus status, String title, String detail, String instance)
      throws IOException {
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    if (status == HttpStatus.UNAUTHORIZED) {
      res.setHeader("WWW-Authenticate", "Bearer");
    }
    res.getOutputStream().write(json(status.value(), title, detail, instance).getBytes(StandardCharsets.UTF_8));
  }

  /** The problem as JSON text, for writers outside Spring MVC (filters, Tomcat's error report). */
  static String json(int status, String title, String detail, String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "https://github.com/fenqi/fenqi/problems/" + status);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", instance);
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) { // strings and a number: cannot happen
      throw new IllegalStateException(e);
    }
  }
}
