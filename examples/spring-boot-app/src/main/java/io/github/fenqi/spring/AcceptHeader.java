package io.github.fenqi.spring;

import io.github.fenqi.core.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * Reads the request's {@code Accept} header entry by entry, keeping those this service can answer. Spring's own
 * reading took the whole header or nothing: one entry it could not parse ({@code application/json;charset=nonsense},
 * {@code q=nope}) made it a 406 with an empty body — the error answer was dropped, as the same header was refused again
 * when the problem was written —, and an entry asking for JSON in a charset it does not write
 * ({@code application/json;charset=GBK, application/json;q=0.5}) was chosen first and then refused, a 406 although the
 * client accepts plain JSON at a lower quality. An entry that cannot be read or asks for JSON in an unwritten charset
 * is now passed over (and named if nothing else can be answered: {@link #read}); an entry with {@code q=0}, which
 * RFC 9110 makes "not acceptable", is too, where it had been taken as acceptable.
 *
 * <p>Thread-safety: stateless.
 */
final class AcceptHeader implements ContentNegotiationStrategy {
  /** The charsets this service writes JSON in: those Jackson's converter writes (US-ASCII as the subset of UTF-8). */
  static final Set<String> WRITTEN_CHARSETS = Set.of("UTF-8", "US-ASCII", "UTF-16BE", "UTF-16LE", "UTF-32BE",
      "UTF-32LE");

  /**
   * What an {@code Accept} header asks for: the entries this service can answer, most specific first as Spring
   * orders them; each entry passed over for a reason of this service's ({@code location} {@code Accept}); the first
   * unwritten charset asked of JSON, if any; and whether the header had any entry at all.
   */
  record Reading(List<MediaType> usable, List<Problem> refused, Optional<String> unwrittenCharset, boolean empty) {
    Reading {
      usable = List.copyOf(usable);
      refused = List.copyOf(refused);
    }
  }

  /**
   * The type answered for a header none of whose entries can be answered: one nothing produces, so the endpoint's
   * answer is a 406 ({@link ProblemHandler} names why) and the 406 itself is written as problem+json, Spring's fallback
   * for a problem matching no accepted type. An empty list said the same to the endpoint, but Spring matches exception
   * handlers to the accepted types too: with none, the 406 found no handler, and its body was empty again.
   */
  static final MediaType NOTHING_ACCEPTABLE = new MediaType("application", "x-fenqi-nothing-acceptable");

  @Override
  public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
    Reading reading = read(request.getHeaderValues(HttpHeaders.ACCEPT));
    return reading.empty() ? MEDIA_TYPE_ALL_LIST
        : reading.usable().isEmpty() ? List.of(NOTHING_ACCEPTABLE) : reading.usable();
  }

  /** Reads every value of the header ({@code null}: no header, which accepts anything). */
  static Reading read(String @Nullable [] values) {
    List<MediaType> usable = new ArrayList<>();
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
      if (type.getQualityValue() == 0) { // "not acceptable" (RFC 9110 §12.4.2)
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
    return new Reading(usable, refused, Optional.ofNullable(unwritten), empty);
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
