package io.github.fenqi.spring;

import io.github.fenqi.core.DecryptionException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.SearchBudgetExhaustedException;
import io.github.fenqi.core.solve.GridConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error as RFC 9457 problem+json: bad input 400 with each problem listed, unknown things 404, too large 413,
 * anything unexpected 500 with an opaque message (the stack trace goes to the log, never to the caller).
 *
 * <p>Thread-safety: stateless.
 */
@RestControllerAdvice
class ProblemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "Invalid input",
        e.problems().size() + " problem(s) in the request; see errors", e.problems());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
  }

  @ExceptionHandler(NoProposalException.class)
  ProblemDetail noProposal(NoProposalException e) {
    return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "No such proposal", e.getMessage(), List.of());
  }

  @ExceptionHandler(OutcomeConflictException.class)
  ProblemDetail outcomeConflict(OutcomeConflictException e) {
    return Problems.of(HttpStatus.CONFLICT, "Outcome already recorded", e.getMessage(),
        List.of(Problem.of("request body: accepted", "contradicts the answer recorded before")));
  }

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  ProblemDetail keyReused(IdempotencyKeyReusedException e) {
    return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused", e.getMessage(),
        List.of(Problem.of("Idempotency-Key", "was used before with another body")));
  }

  @ExceptionHandler({RequestBodies.NotJsonException.class, RequestBodies.NotUtf8Exception.class,
      RequestBodies.EncodedBodyException.class})
  ProblemDetail notJson(RuntimeException e) {
    return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", e.getMessage(), List.of());
  }

  @ExceptionHandler(RequestBodies.BodyTooLargeException.class)
  ProblemDetail tooLarge(RequestBodies.BodyTooLargeException e) {
    return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
        "the limit is " + e.limit + " bytes", List.of());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "Invalid input", "a query parameter is missing",
        List.of(Problem.of(e.getParameterName(), "is required")));
  }

  /**
   * A parameter that does not convert to its type, named with what was expected, or with what is wrong with it when
   * its reader says ({@link DateParameters}: {@code February 2026 has days 01 to 28}). A parameter given twice
   * ({@code asOf=x&asOf=y}) is said to be: it was shown as Java's name of an array ({@code got '[Ljava.lang.String;@6e0f9bf6'}).
   */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    if (e.getValue() instanceof Object[] values && values.length != 1) {
      return Problems.of(HttpStatus.BAD_REQUEST, "Invalid input", "a parameter has the wrong form",
          List.of(Problems.repeated(e.getName(), values.length)));
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) { // a date or month read by DateParameters: what is wrong
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid input", "a parameter has the wrong form",
            invalid.problems().stream().map(p -> Problem.of(e.getName(), p.reason())).toList());
      }
    }
    Class<?> type = e.getRequiredType();
    String expected = type != null && type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants())
        : type != null ? "a " + type.getSimpleName() : "another form";
    Object value = e.getValue() instanceof Object[] values ? values[0] : e.getValue();
    String given = Problem.excerpt(String.valueOf(value));
    return Problems.of(HttpStatus.BAD_REQUEST, "Invalid input", "a parameter has the wrong form",
        List.of(Problem.of(e.getName(), "expected " + expected + ", got '" + given + "'")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "send application/json",
        List.of());
  }

  /**
   * An {@code Accept} header that allows no JSON ({@code application/xml}, {@code text/html}): the answer is JSON or
   * nothing. It fell to {@link #unexpected}: an opaque 500 and an ERROR with a stack trace for a client's header. The
   * entries {@link AcceptHeader} passed over are listed in {@code errors}; when one asked for JSON in a charset this
   * service does not write ({@code application/json;charset=GBK}), the detail names that charset; otherwise it names
   * the types the endpoint answers.
   */
  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    AcceptHeader.Reading reading = AcceptHeader.read(
        Collections.list(request.getHeaders("Accept")).toArray(String[]::new));
    String asked = "the request's Accept was " + (accept == null ? "missing" : Problem.excerpt(accept));
    return Problems.of(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", reading.unwrittenCharset()
        .map(charset -> "this service answers JSON in UTF-8 (RFC 8259), not " + charset + "; " + asked
            + ": leave its charset out or ask for UTF-8")
        .orElse("this endpoint answers " + answered(e) + " (errors application/problem+json); " + asked),
        reading.refused());
  }

  /**
   * The types the endpoint answers, as the 406 names them: {@code /actuator/prometheus} answers Prometheus's text
   * formats, not JSON, but its 406 said "this service answers application/json", so a client that asked for JSON was
   * told to ask for JSON. {@code application/json} when Spring did not say.
   */
  private static String answered(HttpMediaTypeNotAcceptableException e) {
    List<MediaType> types = e.getSupportedMediaTypes();
    return types.isEmpty() ? MediaType.APPLICATION_JSON_VALUE
        : types.stream().map(MediaType::toString).distinct().collect(Collectors.joining(" or "));
  }

  /**
   * A method the path does not take: a 405 with the {@code Allow} header RFC 9110 requires of one, and the methods it
   * lists named in the detail. Both were missing: a client (or a proxy) was told "no" without being told what to use.
   * The list is the one an {@code OPTIONS} request is answered with: HEAD where GET is taken, and OPTIONS itself,
   * which Spring answers on every path. It named only the mapped methods ({@code Allow: GET}) while HEAD and OPTIONS
   * were served on the same path.
   */
  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    Set<HttpMethod> declared = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
    Set<HttpMethod> served = new HashSet<>(declared);
    if (declared.contains(HttpMethod.GET)) {
      served.add(HttpMethod.HEAD);
    }
    if (!declared.isEmpty()) {
      served.add(HttpMethod.OPTIONS);
    }
    HttpMethod[] allowed = served.stream().sorted(Comparator.comparing(HttpMethod::name))
        .toArray(HttpMethod[]::new);
    String names = Arrays.stream(allowed).map(HttpMethod::name).collect(Collectors.joining(", "));
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(allowed)
        .body(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMethod() + " is not supported here"
            + (names.isEmpty() ? "" : "; allowed: " + names), List.of()));
  }

  /**
   * A header value the firewall refuses when a controller reads it ({@code Idempotency-Key: ключ}): a 400 naming the
   * header, as the firewall's refusals before the controller are ({@link SecurityConfiguration#refusal}). It fell to
   * {@link #unexpected}: an opaque 500 and an ERROR with a stack trace for a client's header.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ProblemDetail rejected(RequestRejectedException e, HttpServletRequest request) {
    return Problems.of(HttpStatus.BAD_REQUEST, "Bad request", SecurityConfiguration.refusal(request, e), List.of());
  }

  /**
   * A path no endpoint serves, named with its method ({@code no endpoint GET /api/negotiation/submissions/}): the
   * detail was "no such endpoint" whatever was asked, so an empty path variable (a submission id missing after
   * {@code submissions/}) read as if the whole service were missing.
   */
  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail noResource(NoResourceFoundException e, HttpServletRequest request) {
    return Problems.of(HttpStatus.NOT_FOUND, "Not found", Problems.noEndpoint(request.getMethod(),
        request.getRequestURI()), List.of());
  }

  @ExceptionHandler(PolicyDirectoryWriter.PolicyNotSavedException.class)
  ProblemDetail policyNotSaved(PolicyDirectoryWriter.PolicyNotSavedException e) {
    LOG.error("policy change not saved", e);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Policy not saved", e.getMessage(), List.of());
  }

  /**
   * A stored identifier that no held key opens — a field key dropped before its rows were re-encrypted, or an altered
   * row: a server fault, but one the operator can act on, so it is named (record, field and key ids; no data).
   */
  @ExceptionHandler(DecryptionException.class)
  ProblemDetail undecryptable(DecryptionException e) {
    LOG.error("stored data cannot be decrypted", e);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Stored data cannot be decrypted", e.getMessage()
        + "; if a field key was rotated, restart with the old one in FENQI_RETIRED_FIELD_KEYS", List.of());
  }

  /**
   * A case that needs more search than the service's node budget allows: neither the request's fault nor a bug, and
   * only the operator can act on it, so it is a 500 that says so, naming the setting to raise and carrying the budget
   * and the strategy ({@code maxSearchNodes}, {@code strategy}). It had been an opaque "Internal error" logged with a
   * stack trace as a component that broke its contract.
   */
  @ExceptionHandler(SearchBudgetExhaustedException.class)
  ProblemDetail searchBudget(SearchBudgetExhaustedException e) {
    LOG.warn("a case needed more search than fenqi.max-search-nodes={} allows ({}'s search ran out first)",
        e.maxSearchNodes(), e.strategy());
    ProblemDetail pd = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Search budget exhausted", e.whatRanOut()
        + ": the service's fenqi.max-search-nodes must be raised (default " + GridConfig.DEFAULT_MAX_SEARCH_NODES + ")",
        List.of());
    pd.setProperty("maxSearchNodes", e.maxSearchNodes());
    pd.setProperty("strategy", e.strategy().name());
    return pd;
  }

  /**
   * The client closed the connection while its body was read or its answer written (a phone losing signal): nothing
   * can be answered and the server is not at fault, so one line, not an "unexpected error" with a stack trace logged
   * twice (once for the read, once for the 500 that could not be written either). Its request is counted as
   * status 499 ({@link ClientGoneObservationConvention}).
   */
  @ExceptionHandler({ClientAbortException.class, AsyncRequestNotUsableException.class})
  void clientGone(Exception e, HttpServletRequest request) {
    if (e.getCause() instanceof SocketTimeoutException) { // not gone: stalled, and answered 408 by the ErrorPage
      LOG.info("request body did not arrive in time during {} {}", request.getMethod(), request.getRequestURI());
      return;
    }
    request.setAttribute(ClientGoneObservationConvention.CLIENT_GONE, Boolean.TRUE); // its metrics say 499, not 200
    Throwable why = e.getCause() == null ? e : e.getCause(); // an EOFException has no message: its name says it
    LOG.info("client went away during {} {} ({})", request.getMethod(), request.getRequestURI(),
        why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage());
  }

  /**
   * A request body Tomcat cannot read, a malformed chunked encoding ({@code Invalid chunk header}): the client's fault,
   * which Tomcat answers 400 itself ({@link ErrorPage} names it). It fell to {@link #unexpected}: an ERROR with a stack
   * trace for a client's malformed request.
   */
  @ExceptionHandler(BadRequestException.class)
  void unreadableBody(BadRequestException e, HttpServletRequest request) {
    LOG.info("request body of {} {} cannot be read ({})", request.getMethod(), request.getRequestURI(), e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    LOG.error("unexpected error", e);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "the request could not be completed; the error was logged", List.of());
  }

  /** Something named in the request does not exist (404). */
  static final class NotFoundException extends RuntimeException {
    NotFoundException(String message) {
      super(message);
    }
  }

  /** An {@code Idempotency-Key} sent again with another body than its first submission's (422). */
  static final class IdempotencyKeyReusedException extends RuntimeException {
    IdempotencyKeyReusedException(String message) {
      super(message);
    }
  }

  /** A lender's answer to a submission contradicting the answer it gave before (409). */
  static final class OutcomeConflictException extends RuntimeException {
    OutcomeConflictException(String message) {
      super(message);
    }
  }

  /** The case has no proposal for the chosen strategy (422). */
  static final class NoProposalException extends RuntimeException {
    NoProposalException(String message) {
      super(message);
    }
  }
}
