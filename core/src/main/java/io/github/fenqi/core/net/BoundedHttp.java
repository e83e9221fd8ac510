package io.github.fenqi.core.net;

import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange bounded in time and size. {@link HttpRequest.Builder#timeout} bounds the wait for the response's
 * headers only: a service that answers its headers and then sends its body slowly, or without end, held a caller for
 * as long as it liked, and {@code BodyHandlers.ofString()} kept every byte of a huge body. Here the whole exchange,
 * body included, must complete within the deadline, and the body is cut off (and the exchange cancelled) past the
 * size limit.
 *
 * <p>Thread-safety: stateless; safe to call concurrently with one shared {@link HttpClient}.
 */
public final class BoundedHttp {
  /** How much of the HTTP client's own message a failure quotes, in code points (see {@link Failure}). */
  private static final int CLIENT_MESSAGE_LIMIT = 200;
  /** The shortest deadline: the wait is counted in whole milliseconds, so a shorter one would time out unheard. */
  public static final Duration MIN_DEADLINE = Duration.ofMillis(1);
  /**
   * The longest deadline: an exchange allowed to take longer than a day is not bounded in any useful sense, and a
   * deadline such as {@code Duration.ofSeconds(Long.MAX_VALUE)} overflowed the millisecond count.
   */
  public static final Duration MAX_DEADLINE = Duration.ofDays(1);
  /** The largest body limit: the body is collected in one array, which cannot hold more. */
  public static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 8;

  private BoundedHttp() {}

  /**
   * Why an exchange gave no usable response.
   *
   * <p>Thread-safety: immutable (an enum).
   */
  public enum FailureKind {
    /** No complete response (headers and body) within the deadline. */
    TIMEOUT,
    /** The body is larger than the limit. */
    TOO_LARGE,
    /** The connection or the exchange failed. */
    IO,
    /** The calling thread was interrupted (its interrupt flag is set again). */
    INTERRUPTED
  }

  /**
   * An exchange that gave no usable response; {@link #kind()} says why, the message in words naming the request's
   * address (a refused connection, a host name that does not resolve, which timeout ran out). What the HTTP client
   * said of another failure, which may quote what the server sent, is quoted as {@link Problem#excerpt} quotes a value:
   * masked, escaped, cut to 200 characters. A
   * {@link FenqiException}, as every exception fenqi throws on purpose is, so a caller that catches FenqiException
   * catches it too: it had been a checked exception of its own, outside that root. A body over the limit names the
   * response's HTTP status ({@link #status()}): a proxy's large error page had been reported as a large answer only,
   * hiding the 502 that explained it.
   *
   * <p>Thread-safety: immutable, as its kind and message are.
   */
  public static final class Failure extends FenqiException {
    private static final long serialVersionUID = 1L;
    private final FailureKind kind;
    private final int status;

    Failure(FailureKind kind, String message, @Nullable Throwable cause) {
      this(kind, message, cause, -1);
    }

    private Failure(FailureKind kind, String message, @Nullable Throwable cause, int status) {
      super(message); // FenqiException's cause is not nullable; a timeout of the deadline's has none
      if (cause != null) {
        initCause(cause);
      }
      this.kind = kind;
      this.status = status;
    }

    public FailureKind kind() {
      return kind;
    }

    /** The response's HTTP status, for a {@link FailureKind#TOO_LARGE} body; empty for the other kinds. */
    public OptionalInt status() {
      return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }
  }

  /**
   * Sends {@code request} and returns the response with its whole body, or fails.
   *
   * @param deadline the time for the whole exchange, body included
   * @param maxBodyBytes the largest body accepted (a larger declared Content-Length is refused without reading)
   * @throws Failure on a timeout, a body over the limit, a failed connection or an interrupt (a caller interrupted
   *     already sends nothing)
   * @throws InvalidInputException naming {@code deadline} outside {@link #MIN_DEADLINE}..{@link #MAX_DEADLINE} or
   *     {@code maxBodyBytes} outside 1..{@link #MAX_BODY_BYTES}, before anything is sent
   */
  public static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, Duration deadline, long maxBodyBytes)
      throws Failure {
    checkLimits(deadline, maxBodyBytes);
    if (Thread.currentThread().isInterrupted()) { // the flag stays set; a request had been sent all the same, for an
      // answer nobody would wait for (a risk check's carries the borrower's name and ID number)
      throw new Failure(FailureKind.INTERRUPTED, "interrupted before sending the request to "
          + address(request.uri()), null);
    }
    AtomicReference<@Nullable LimitedBodySubscriber> subscriber = new AtomicReference<>();
    HttpResponse.BodyHandler<byte[]> handler = info -> {
      long declared = declaredLength(request, info);
      if (declared > maxBodyBytes) { // refused here, before the client reads a length past a long's range as its own
        throw new LimitedBodySubscriber.TooLarge(maxBodyBytes, info.statusCode());
      }
      LimitedBodySubscriber s = new LimitedBodySubscriber(maxBodyBytes, info.statusCode());
      subscriber.set(s);
      return s;
    };
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, handler);
    try {
      return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      LimitedBodySubscriber s = subscriber.get();
      if (s != null) {
        s.cancel();
      }
      throw new Failure(FailureKind.TIMEOUT, "no complete response from " + address(request.uri()) + " within "
          + deadline.toMillis() + " ms", null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new Failure(FailureKind.INTERRUPTED, "interrupted while waiting for the response from "
          + address(request.uri()), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      for (Throwable c = cause; c != null; c = c.getCause()) {
        if (c instanceof MalformedResponse) {
          throw new Failure(FailureKind.IO, address(request.uri()) + ": " + c.getMessage(), c);
        }
        if (c instanceof LimitedBodySubscriber.TooLarge tooLarge) {
          throw new Failure(FailureKind.TOO_LARGE, "the response from " + address(request.uri()) + " (HTTP status "
              + tooLarge.status() + ") is larger than the limit of " + maxBodyBytes + " bytes", c, tooLarge.status());
        }
        if (c instanceof HttpTimeoutException) {
          throw new Failure(FailureKind.TIMEOUT, timedOut(client, request, c), c);
        }
      }
      throw new Failure(FailureKind.IO, address(request.uri()) + ": " + failed(client, request, cause), cause);
    }
  }

  /** A response that cannot be read as HTTP says it should be; its message says what is wrong with it. */
  private static final class MalformedResponse extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedResponse(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The body's length as the response declares it, -1 if it does not. A value that is not a number of bytes is
   * refused by name: {@code firstValueAsLong} had thrown "NumberFormatException: For input string: \"abc\"", and
   * {@code -5} had reached the client as "fixed content-length: -5, bytes received: 0". Digits beyond a long's range
   * declare a body larger than any limit, and a Content-Length beside a Transfer-Encoding no one length (refused). A
   * response without a body by definition (to a HEAD request, a 1xx, 204 or 304) declares none, whatever its
   * Content-Length says: that is the length a GET's body would have had (RFC 9110 §8.6), and over the limit it had been
   * refused as TOO_LARGE although nothing was to be read.
   */
  private static long declaredLength(HttpRequest request, HttpResponse.ResponseInfo info) {
    int status = info.statusCode();
    if ("HEAD".equalsIgnoreCase(request.method()) || status < 200 || status == 204 || status == 304) {
      return -1;
    }
    String value = info.headers().firstValue("Content-Length").map(String::strip).orElse(null);
    if (value == null) {
      return -1;
    }
    if (info.headers().firstValue("Transfer-Encoding").isPresent()) {
      // RFC 9112 §6.3: a sign of response splitting, to be handled as an error; the client had read the body by the
      // Content-Length, and returned the first bytes of a chunked stream as the body
      throw new MalformedResponse("the response declares both a Content-Length and a Transfer-Encoding, so its body "
          + "has no one length");
    }
    if (value.isEmpty() || !value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      // quoted as a value from outside is: a header's bytes arrive as ISO-8859-1 characters, C1 controls among them
      throw new MalformedResponse("the response's Content-Length '" + Problem.excerpt(value)
          + "' is not a number of bytes");
    }
    return value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
  }

  /**
   * A timeout of the client's or the request's own, in words: it had been reported as the deadline's ("no response
   * within 5000 ms" for a request whose own timeout of 200 ms ran out), which misled whoever raised the deadline.
   */
  private static String timedOut(HttpClient client, HttpRequest request, Throwable timeout) {
    if (timeout instanceof HttpConnectTimeoutException) {
      // without a connect timeout of the client's, the request's own timeout bounds the connection too: a loaded host
      // that took over 200 ms to connect had been told of "the client's connect timeout", which it had not set
      return "cannot connect to " + hostAndPort(request) + orARedirects(client, "to where a redirect led")
          + " within " + client.connectTimeout()
          .map(t -> "the client's connect timeout of " + t.toMillis() + " ms")
          .orElse("the request's timeout" + request.timeout().map(t -> " of " + t.toMillis() + " ms").orElse(""))
          + " (" + address(request.uri()) + ")";
    }
    return "no response from " + address(request.uri()) + " within the request's timeout"
        + request.timeout().map(t -> " of " + t.toMillis() + " ms").orElse("");
  }

  /**
   * What failed, in words. java.net.http reports a refused connection and a host name that does not resolve alike, as
   * a {@link ConnectException} without a message (its cause a {@link ClosedChannelException} or an
   * {@link UnresolvedAddressException}): "ConnectException" alone said neither what happened nor where.
   */
  private static String failed(HttpClient client, HttpRequest request, Throwable cause) {
    if (cause instanceof ConnectException && cause.getMessage() == null) {
      if (cause.getCause() instanceof UnresolvedAddressException) {
        return "the host name " + request.uri().getHost() + orARedirects(client, "that of a redirect's target")
            + " does not resolve";
      }
      if (cause.getCause() instanceof ClosedChannelException) {
        return "the connection to " + hostAndPort(request) + orARedirects(client, "to where a redirect led")
            + " was refused";
      }
    }
    // quoted as a value from outside is: the client's message may quote what the server sent (a header it refused for
    // a NUL or an ESC, raw), and escaped but whole it had put a refused header line of 10 000 characters into a risk
    // check's reason and the audit log; cut at 200, not 40, so the client's own words keep their figures
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + Problem.excerpt(cause.getMessage(), CLIENT_MESSAGE_LIMIT));
  }

  /**
   * A request's address as every message here names it: scheme, host, port and path. Its query, user-info and
   * fragment are left out, as they may carry an API key (a risk service's endpoint {@code …?key=…} had been printed
   * whole by its failures and its {@code toString()}); the path is enough to tell which request failed. Every caller
   * that names an endpoint uses it, so none has to scrub a message afterwards. An empty authority is kept as given:
   * {@code http:///notice} had been shown {@code http:/notice}, an address the user never wrote.
   */
  public static String address(URI endpoint) {
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme() + ":";
    String path = endpoint.getRawPath() == null ? "…" : endpoint.getRawPath();
    String authority = endpoint.getHost() != null
        ? endpoint.getHost() + (endpoint.getPort() >= 0 ? ":" + endpoint.getPort() : "")
        : endpoint.getRawAuthority() == null ? null
        : endpoint.getRawAuthority().substring(endpoint.getRawAuthority().lastIndexOf('@') + 1);
    if (authority == null && !endpoint.isOpaque() && endpoint.getRawSchemeSpecificPart().startsWith("//")) {
      authority = "";
    }
    return scheme + (authority == null ? "" : "//" + authority) + path;
  }

  /**
   * A client that follows redirects may have failed where one led, which java.net.http does not say: a refusal at a
   * redirect's target had been reported as one at the request's own host and port, which had answered.
   */
  private static String orARedirects(HttpClient client, String where) {
    return client.followRedirects() == HttpClient.Redirect.NEVER ? "" : ", or " + where + " (the client follows them),";
  }

  private static String hostAndPort(HttpRequest request) {
    URI uri = request.uri();
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    String host = uri.getHost() == null ? "" : uri.getHost();
    return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }

  /**
   * Refuses limits that bound nothing or cannot be kept: a zero, negative or sub-millisecond deadline had been
   * reported as the server's timeout ("no complete response within 0 ms"), a huge one threw an
   * {@link ArithmeticException}, and a body limit of 0 or less called every response "larger than the limit".
   */
  private static void checkLimits(Duration deadline, long maxBodyBytes) {
    List<Problem> problems = new ArrayList<>();
    if (deadline.compareTo(MIN_DEADLINE) < 0 || deadline.compareTo(MAX_DEADLINE) > 0) {
      problems.add(Problem.of("deadline", deadline + " is outside " + MIN_DEADLINE + ".." + MAX_DEADLINE));
    }
    if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES) {
      problems.add(Problem.of("maxBodyBytes", maxBodyBytes + " is outside 1.." + MAX_BODY_BYTES));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
