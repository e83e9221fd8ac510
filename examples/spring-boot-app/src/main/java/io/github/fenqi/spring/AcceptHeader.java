package io.github.fenqi.spring;

import io.github.fenqi.core.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Reads the request's {@code Accept} header entry by entry, keeping those this service can answer. Spring's own
 * reading took the whole header or nothing: one entry it could not parse ({@code application/json;charset=nonsense},
 * {@code q=nope}) made it a 406 with an empty body — the error answer was dropped, as the same header was refused again
 * when the problem was written —, and an entry asking for JSON in a charset it does not write
 * ({@code application/json;charset=GBK, application/json;q=0.5}) was chosen first and then refused, a 406 although the
 * client accepts plain JSON at a lower quality. An entry that cannot be read or asks for JSON in an unwritten charset
 * is now passed over (and named if nothing else can be answered: {@link #read}); an entry with {@code q=0}, which
 * RFC 9110 makes "not acceptable", is too, where it had been taken as acceptable; and as an interceptor, it refuses an
 * endpoint none of whose types the header accepts before the endpoint runs ({@link #preHandle}).
 *
 * <p>Thread-safety: stateless.
 */
final class AcceptHeader implements ContentNegotiationStrategy, HandlerInterceptor {
  /** The charsets this service writes JSON in: those Jackson's converter writes (US-ASCII as the subset of UTF-8). */
  static final Set<String> WRITTEN_CHARSETS = Set.of("UTF-8", "US-ASCII", "UTF-16BE", "UTF-16LE", "UTF-32BE",
      "UTF-32LE");

  /**
   * What an {@code Accept} header asks for: the entries this service can answer, most specific first as Spring
   * orders them; each entry passed over for a reason of this service's ({@code location} {@code Accept}); the first
   * unwritten charset asked of JSON, if any; and whether the header had any entry at all.
   */
  record Reading(List<MediaType> usable, List<MediaType> excluded, List<Problem> refused,
      Optional<String> unwrittenCharset, boolean empty) {
    Reading {
      usable = List.copyOf(usable);
      excluded = List.copyOf(excluded);
      refused = List.copyOf(refused);
    }

    /**
     * Whether {@code type} may be answered: the most specific entries that name it (RFC 9110 §12.5.1: a type over
     * {@code type/*} over {@code *}{@code /*}, parameters over none) include one of a quality above 0. An entry with
     * {@code q=0} refuses its type even where a wider entry accepts it: {@code *}{@code /*, application/json;q=0}
     * refuses JSON, while {@code application/*;q=0, application/json} accepts it.
     */
    boolean accepts(MediaType type) {
      if (empty) {
        return true;
      }
      int best = -1;
      boolean accepted = false;
      for (List<MediaType> entries : List.of(usable, excluded)) {
        for (MediaType entry : entries) {
          if (!entry.includes(type)) { // by type and subtype: a parameter narrows an entry, not what it names
            continue;
          }
          int specificity = specificity(entry);
          if (specificity > best) {
            best = specificity;
            accepted = false;
          }
          accepted |= specificity == best && entry.getQualityValue() > 0;
        }
      }
      return accepted;
    }

    private static int specificity(MediaType entry) {
      int parameters = entry.getParameters().size() - (entry.getParameter("q") == null ? 0 : 1);
      return (entry.isWildcardType() ? 0 : entry.isWildcardSubtype() ? 2 : 4) + (parameters > 0 ? 1 : 0);
    }
  }

  /**
   * The type answered for a header none of whose entries can be answered: one nothing produces, so the endpoint's
   * answer is a 406 ({@link ProblemHandler} names why) and the 406 itself is written as problem+json, Spring's fallback
   * for a problem matching no accepted type. An empty list said the same to the endpoint, but Spring matches exception
   * handlers to the accepted types too: with none, the 406 found no handler, and its body was empty again.
   */
  static final MediaType NOTHING_ACCEPTABLE = new MediaType("application", "x-fenqi-nothing-acceptable");

  /**
   * The entries Spring negotiates with, each with its charset and quality alone: Spring labels the answer with the
   * entry that chose it, so {@code Accept: application/json;v=2} was answered {@code Content-Type:
   * application/json;v=2}, telling a client that asked for a version of the API that it had got it. A parameter this
   * service does not read is not one it answers.
   */
  @Override
  public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
    Reading reading = read(request.getHeaderValues(HttpHeaders.ACCEPT));
    return reading.empty() ? MEDIA_TYPE_ALL_LIST : reading.usable().isEmpty() ? List.of(NOTHING_ACCEPTABLE)
        : reading.usable().stream().map(AcceptHeader::answerable).toList();
  }

  /** {@code type} with only the parameters an answer's type may carry: its charset and (to negotiate) its quality. */
  private static MediaType answerable(MediaType type) {
    Map<String, String> kept = new LinkedHashMap<>();
    type.getParameters().forEach((name, value) -> {
      if (name.equalsIgnoreCase("charset") || name.equalsIgnoreCase("q")) {
        kept.put(name, value);
      }
    });
    return kept.size() == type.getParameters().size() ? type
        : new MediaType(type.getType(), type.getSubtype(), kept);
  }

  /**
   * Refuses (406, before the endpoint runs) a request whose {@code Accept} refuses each type the endpoint answers,
   * one that a wider entry alone accepts included: Spring matches an endpoint's types against the entries one at a
   * time, so {@code *}{@code /*, application/json;q=0} found JSON acceptable through {@code *}{@code /*} and was served
   * JSON, although the client had refused it (RFC 9110 §12.5.1: the more specific entry decides). An endpoint that does
   * not declare its types is left to Spring.
   */
  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws HttpMediaTypeNotAcceptableException {
    if (request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) instanceof Collection<?> declared
        && !declared.isEmpty()) {
      List<MediaType> produced = declared.stream().filter(MediaType.class::isInstance).map(MediaType.class::cast)
          .toList();
      Reading reading = read(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)).toArray(String[]::new));
      if (produced.stream().noneMatch(reading::accepts)) {
        throw new HttpMediaTypeNotAcceptableException(produced);
      }
    }
    return true;
  }

  /** Reads every value of the header ({@code null}: no header, which accepts anything). */
  static Reading read(String @Nullable [] values) {
    List<MediaType> usable = new ArrayList<>();
    List<MediaType> excluded = new ArrayList<>();
    List<Problem> refused = new ArrayList<>();
    String unwritten = null;
    boolean empty = true;
    for (String entry : values == null ? List.<String>of()
        : Arrays.stream(values).flatMap(v -> MimeTypeUtils.tokenize(v).stream()).map(String::strip).toList()) {
      if (entry.isEmpty()) {
        continue;
      }
      empty = false;
      MediaType type;
      try {
        type = MediaType.parseMediaType(entry);
      } catch (InvalidMediaTypeException e) {
        refused.add(Problem.of(HttpHeaders.ACCEPT, unreadable(entry)));
        continue;
      }
      if (type.getQualityValue() == 0) { // "not acceptable" (RFC 9110 §12.4.2), also through a wider entry
        excluded.add(type);
        continue;
      }
      String charset = type.getCharset() == null ? null : type.getCharset().name();
      if (charset != null && !WRITTEN_CHARSETS.contains(charset) && type.isCompatibleWith(MediaType.APPLICATION_JSON)
          && !type.isWildcardType() && !type.isWildcardSubtype()) {
        refused.add(Problem.of(HttpHeaders.ACCEPT, Problems.quoted(entry) + " asks for JSON in " + charset
            + "; this service writes JSON in UTF-8 (RFC 8259)"));
        unwritten = unwritten == null ? charset : unwritten;
        continue;
      }
      usable.add(type);
    }
    MimeTypeUtils.sortBySpecificity(usable);
    return new Reading(usable, excluded, refused, Optional.ofNullable(unwritten), empty);
  }

  /** Why {@code entry}, which Spring does not parse, is not a media range: its charset if only that is wrong. */
  private static String unreadable(String entry) {
    Optional<String> charset = RequestBodies.unknownCharset(entry, false);
    return Problems.quoted(entry) + (charset.isPresent() ? (charset.get().isEmpty() ? " has an empty charset"
        : " has a charset parameter that names no charset this service knows")
        + "; leave its charset out or ask for UTF-8"
        : " is not a media range (type/subtype, then parameters name=value, q from 0 to 1)");
  }
}
