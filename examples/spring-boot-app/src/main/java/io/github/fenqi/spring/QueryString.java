package io.github.fenqi.spring;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query string a parameter of which is not percent-encoded UTF-8, or that gives a parameter to an endpoint of
 * this service taking none, as a 400 naming the parameter, before the endpoint runs. Tomcat drops such a parameter and logs it once: {@code ?platformId=x&asOf=%ZZ} was answered with
 * today's policy as if no date had been asked, and {@code ?platformId=%ZZ} with "platformId is required"; bytes that
 * are no UTF-8 ({@code %FF}) became U+FFFD, a 404 naming a platform {@code '\uFFFD'} the client never wrote. A
 * parameter of an endpoint that takes none was ignored: {@code PUT /api/admin/policies/x?dryRun=true} applied the
 * policy, {@code calculate?asOf=2020-01-01} answered about the case's own date. (An endpoint that takes parameters
 * checks them itself, listing every problem: {@code PolicyController}; the actuator's are its own.)
 *
 * <p>Thread-safety: stateless.
 */
final class QueryString implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    Optional<Problem> problem = unreadable(request.getQueryString());
    if (problem.isPresent()) {
      throw new InvalidInputException(problem.get().location(), problem.get().reason());
    }
    if (takesNoParameters(request, handler)) {
      List<Problem> given = new ArrayList<>();
      for (String name : names(request.getQueryString())) {
        given.add(Problem.of(Problem.excerpt(name), "is not a parameter of this endpoint; it takes none (send what it "
            + "needs in the body or the path)"));
      }
      if (!given.isEmpty()) {
        throw new InvalidInputException(given);
      }
    }
    return true;
  }

  /** Whether {@code handler} is an endpoint of this service (not the actuator's, not the error page) taking no query. */
  private static boolean takesNoParameters(HttpServletRequest request, Object handler) {
    return request.getDispatcherType() == DispatcherType.REQUEST && handler instanceof HandlerMethod method
        && method.getBeanType().isAnnotationPresent(RestController.class)
        && method.getBeanType().getPackageName().equals(QueryString.class.getPackageName())
        && Arrays.stream(method.getMethodParameters()).noneMatch(p -> p.hasParameterAnnotation(RequestParam.class));
  }

  /** The distinct names of {@code query}'s parameters (decoded; {@link #unreadable} found none that does not). */
  private static Set<String> names(@Nullable String query) {
    Set<String> names = new LinkedHashSet<>();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      int eq = pair.indexOf('=');
      decode(eq < 0 ? pair : pair.substring(0, eq)).filter(name -> !pair.isEmpty()).ifPresent(names::add);
    }
    return names;
  }

  /** The first parameter of {@code query} (as sent, undecoded) that does not decode, named; empty if all do. */
  static Optional<Problem> unreadable(@Nullable String query) {
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      Optional<String> name = decode(rawName);
      if (name.isEmpty()) {
        return Optional.of(Problem.of("query string", "the parameter name " + Problems.quoted(rawName) + WHY));
      }
      if (eq >= 0 && decode(pair.substring(eq + 1)).isEmpty()) {
        return Optional.of(Problem.of(name.get(), Problems.quoted(pair.substring(eq + 1)) + WHY));
      }
    }
    return Optional.empty();
  }

  private static final String WHY = " is not percent-encoded UTF-8 (a '%' takes two hex digits, and the bytes they "
      + "give must be UTF-8; write '%' itself as %25)";

  /** {@code raw} decoded as a query parameter is ({@code +} a space, {@code %XX} a byte); empty if it does not. */
  private static Optional<String> decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1))
            || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
          return Optional.empty();
        }
        bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
        i += 2;
      } else {
        bytes.write(c == '+' ? ' ' : c); // Tomcat admits no byte above 0x7F unencoded in a request line
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
