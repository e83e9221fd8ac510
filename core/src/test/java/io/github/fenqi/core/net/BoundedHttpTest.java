package io.github.fenqi.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BoundedHttp against a real server on loopback: its limits, and the refusal of limits that bound nothing. */
class BoundedHttpTest {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

  private final HttpClient client = HttpClient.newHttpClient();
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hello", ex -> {
      requests.incrementAndGet();
      ex.sendResponseHeaders(200, HELLO.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(HELLO);
      }
    });
    server.createContext("/chunked", ex -> {
      ex.sendResponseHeaders(200, 0); // 0: chunked, no length declared, so only the subscriber counts the bytes
      try (OutputStream out = ex.getResponseBody()) {
        out.write(HELLO);
      }
    });
    server.createContext("/stalls", ex -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private HttpRequest hello() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hello")).build();
  }

  private List<String> refused(Duration deadline, long maxBodyBytes) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> BoundedHttp.send(client, hello(), deadline, maxBodyBytes));
    assertEquals(0, requests.get(), "nothing is sent with a refused limit");
    return e.problems().stream().map(Problem::location).toList();
  }

  @Test
  void returnsTheWholeBodyWithinItsLimits() throws BoundedHttp.Failure {
    assertArrayEquals(HELLO, BoundedHttp.send(client, hello(), Duration.ofSeconds(5), HELLO.length).body());
    assertArrayEquals(HELLO, BoundedHttp.send(client, hello(), BoundedHttp.MAX_DEADLINE, BoundedHttp.MAX_BODY_BYTES)
        .body());
  }

  @Test
  void refusesADeadlineThatOverflowsOrBoundsNothingNamingIt() {
    // Long.MAX_VALUE seconds had thrown ArithmeticException: long overflow; zero, negative and sub-millisecond
    // deadlines had been reported as the server's timeout ("no complete response within 0 ms")
    for (Duration d : List.of(Duration.ofSeconds(Long.MAX_VALUE), BoundedHttp.MAX_DEADLINE.plusMillis(1),
        Duration.ZERO, Duration.ofSeconds(-1), Duration.ofNanos(500_000))) {
      assertEquals(List.of("deadline"), refused(d, 1024), d.toString());
    }
  }

  /** The deadline's upper bound is the README's 1 day, whatever the constant says: a day is taken, 1 ms more is not. */
  @Test
  void aDeadlineOfADayIsTakenAndOneMillisecondMoreIsRefused() throws BoundedHttp.Failure {
    assertEquals(List.of("deadline"), refused(Duration.ofDays(1).plusMillis(1), HELLO.length));
    assertArrayEquals(HELLO, BoundedHttp.send(client, hello(), Duration.ofDays(1), HELLO.length).body());
  }

  @Property(tries = 50)
  void refusesABodyLimitOutsideItsRangeNamingIt(@ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long tooSmall,
      @ForAll @LongRange(min = BoundedHttp.MAX_BODY_BYTES + 1, max = Long.MAX_VALUE) long tooLarge)
      throws IOException {
    start();
    try {
      // a limit of 0 or -1 had called every response "larger than the limit of -1 bytes"
      assertEquals(List.of("maxBodyBytes"), refused(Duration.ofSeconds(5), tooSmall));
      assertEquals(List.of("maxBodyBytes"), refused(Duration.ofSeconds(5), tooLarge));
    } finally {
      stop();
    }
  }

  @Test
  void namesBothBadLimitsAtOnce() {
    assertEquals(List.of("deadline", "maxBodyBytes"), refused(Duration.ZERO, 0));
  }

  @Test
  void aBodyOverTheLimitIsTooLarge() {
    BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
        () -> BoundedHttp.send(client, hello(), Duration.ofSeconds(5), HELLO.length - 1));
    assertEquals(BoundedHttp.FailureKind.TOO_LARGE, f.kind());
  }

  /**
   * A body over the limit names the response's HTTP status, whether its length was declared or found while reading: a
   * proxy's large error page had been reported as a large answer only, hiding the 502 that explained it. Other
   * failures have no status.
   */
  @Test
  void aBodyOverTheLimitNamesTheResponsesStatus() throws IOException {
    String page = "x".repeat(2000);
    try (RawServer declared = new RawServer("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 2000\r\n\r\n" + page);
        RawServer streamed = new RawServer("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n" + page)) {
      for (Object[] c : new Object[][] {{declared, 502}, {streamed, 503}}) {
        URI uri = ((RawServer) c[0]).uri();
        BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
            () -> BoundedHttp.send(client, HttpRequest.newBuilder(uri).build(), Duration.ofSeconds(5), 1024));
        assertEquals(BoundedHttp.FailureKind.TOO_LARGE, f.kind(), f.getMessage());
        assertEquals(java.util.OptionalInt.of((int) c[1]), f.status());
        assertEquals("the response from " + uri + " (HTTP status " + c[1] + ") is larger than the limit of 1024 bytes",
            f.getMessage());
      }
    }
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\nabc")) {
      BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
          () -> BoundedHttp.send(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5), 1024));
      assertEquals(List.of(BoundedHttp.FailureKind.IO, java.util.OptionalInt.empty()), List.of(f.kind(), f.status()));
    }
  }

  private URI at(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static BoundedHttp.Failure failure(HttpClient client, HttpRequest request, Duration deadline) {
    return assertThrows(BoundedHttp.Failure.class, () -> BoundedHttp.send(client, request, deadline, 1024));
  }

  /**
   * A refused connection and a host name that does not resolve say so and where: both had been "ConnectException"
   * alone, java.net.http's exception having no message.
   */
  @Test
  void aRefusedConnectionAndAnUnknownHostSaySoAndWhere() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    URI refusing = URI.create("http://127.0.0.1:" + port + "/x");
    BoundedHttp.Failure refused = failure(client, HttpRequest.newBuilder(refusing).build(), Duration.ofSeconds(5));
    assertEquals(BoundedHttp.FailureKind.IO, refused.kind());
    assertEquals(refusing + ": the connection to 127.0.0.1:" + port + " was refused", refused.getMessage());
    URI unknown = URI.create("http://no-such-host.invalid/x");
    BoundedHttp.Failure unresolved = failure(client, HttpRequest.newBuilder(unknown).build(), Duration.ofSeconds(5));
    assertEquals(BoundedHttp.FailureKind.IO, unresolved.kind());
    assertEquals(unknown + ": the host name no-such-host.invalid does not resolve", unresolved.getMessage());
  }

  /**
   * The timeout that ran out is the one named, with the address: the request's own timeout of 200 ms had been
   * reported as "no response within 5000 ms", the deadline's, and neither message named the address.
   */
  @Test
  void aTimeoutNamesWhichTimeoutRanOutAndTheAddress() throws Exception {
    // connected first, so that the request's 200 ms are spent waiting for the response: on a loaded host the connection
    // alone had taken longer, and its timeout is the next test's
    BoundedHttp.send(client, hello(), Duration.ofSeconds(5), HELLO.length);
    HttpRequest ownTimeout = HttpRequest.newBuilder(at("/stalls")).timeout(Duration.ofMillis(200)).build();
    BoundedHttp.Failure request = failure(client, ownTimeout, Duration.ofSeconds(5));
    assertEquals(BoundedHttp.FailureKind.TIMEOUT, request.kind());
    assertEquals("no response from " + at("/stalls") + " within the request's timeout of 200 ms", request.getMessage());
    BoundedHttp.Failure deadline = failure(client, HttpRequest.newBuilder(at("/stalls")).build(),
        Duration.ofMillis(300));
    assertEquals(BoundedHttp.FailureKind.TIMEOUT, deadline.kind());
    assertEquals("no complete response from " + at("/stalls") + " within 300 ms", deadline.getMessage());
  }

  /**
   * A connection that cannot be made within the request's timeout, the client having no connect timeout of its own,
   * names the request's timeout: it had named "the client's connect timeout", which was not set. The server's backlog
   * is filled by connections it never accepts, so the kernel answers no further one.
   */
  @Test
  void aConnectionThatTimesOutNamesTheTimeoutThatBoundIt() throws Exception {
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<java.net.Socket> filling = new java.util.ArrayList<>();
      try {
        int port = full.getLocalPort();
        for (int i = 0; i < 8; i++) { // a backlog of 1 holds a connection or two; later ones wait, unanswered
          java.net.Socket s = new java.net.Socket();
          filling.add(s);
          try {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
          } catch (java.net.SocketTimeoutException e) {
            break; // the backlog is full
          }
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/feed");
        BoundedHttp.Failure f = failure(client, HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(300)).build(),
            Duration.ofSeconds(5));
        assertEquals(BoundedHttp.FailureKind.TIMEOUT, f.kind());
        assertEquals("cannot connect to 127.0.0.1:" + port + " within the request's timeout of 300 ms (" + uri + ")",
            f.getMessage());
        HttpClient withConnectTimeout = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(250)).build();
        BoundedHttp.Failure own = failure(withConnectTimeout, HttpRequest.newBuilder(uri).build(), Duration.ofSeconds(5));
        assertEquals("cannot connect to 127.0.0.1:" + port + " within the client's connect timeout of 250 ms (" + uri
            + ")", own.getMessage());
      } finally {
        for (java.net.Socket s : filling) {
          s.close();
        }
      }
    }
  }

  @Test
  void aBodyOverTheLimitNamesTheAddress() {
    BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
        () -> BoundedHttp.send(client, hello(), Duration.ofSeconds(5), HELLO.length - 1));
    assertEquals("the response from " + at("/hello") + " (HTTP status 200) is larger than the limit of 4 bytes", f.getMessage());
  }

  /**
   * A failure is a {@link FenqiException}, as every exception fenqi throws on purpose is: it had been a checked
   * {@code Exception} of its own, which a caller catching FenqiException let through.
   */
  @Test
  void aFailureIsAFenqiException() {
    BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
        () -> BoundedHttp.send(client, hello(), Duration.ofSeconds(5), HELLO.length - 1));
    assertInstanceOf(FenqiException.class, f);
  }

  /**
   * A Content-Length that is not a number of bytes is named as such: it had failed as "NumberFormatException: For input
   * string: \"abc\"" (thrown by the size check) or "fixed content-length: -5, bytes received: 0". One with more digits
   * than a long holds declares a body larger than any limit.
   */
  @Test
  void aContentLengthThatIsNoNumberOfBytesIsNamed() throws IOException {
    for (String bad : List.of("abc", "-5", "0x10", "1.5")) {
      try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: " + bad + "\r\n\r\nabc")) {
        BoundedHttp.Failure f = failure(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5));
        assertEquals(BoundedHttp.FailureKind.IO, f.kind(), bad);
        assertEquals(raw.uri() + ": the response's Content-Length '" + bad + "' is not a number of bytes",
            f.getMessage());
      }
    }
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\nabc")) {
      BoundedHttp.Failure f = failure(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5));
      assertEquals(BoundedHttp.FailureKind.TOO_LARGE, f.kind());
      assertEquals("the response from " + raw.uri() + " (HTTP status 200) is larger than the limit of 1024 bytes", f.getMessage());
    }
  }

  /**
   * What a server sent is quoted in a failure as a value is ({@code Problem.excerpt}, {@code Problem.escaped}): the
   * header's bytes arrive as ISO-8859-1 characters, and a Content-Length holding C1 control characters (U+009B, a
   * terminal's CSI) had been quoted raw and cut at its 40th character with "…", and a header the client refuses for
   * a NUL or an ESC had its text raw in the message, which goes to reports and the audit log.
   */
  @Test
  void whatAServerSentIsQuotedEscapedInAFailure() throws IOException {
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 5\u009B2J\r\n\r\nabc")) {
      BoundedHttp.Failure f = failure(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5));
      assertEquals(raw.uri() + ": the response's Content-Length '5\\u009B2J' is not a number of bytes", f.getMessage());
    }
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: " + "x".repeat(45) + "\r\n\r\nabc")) {
      BoundedHttp.Failure f = failure(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5));
      assertEquals(raw.uri() + ": the response's Content-Length '" + "x".repeat(37) + "...' is not a number of bytes",
          f.getMessage());
    }
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nX-Note: a\u0000\u001B[2Jb\r\nContent-Length: 3\r\n\r\nabc")) {
      BoundedHttp.Failure f = failure(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5));
      assertEquals(BoundedHttp.FailureKind.IO, f.kind());
      assertTrue(f.getMessage().contains("a\\u0000\\u001B[2Jb"), f.getMessage());
      assertEquals(io.github.fenqi.core.Problem.escaped(f.getMessage()), f.getMessage());
    }
  }

  /**
   * The client's own message, quoted as a value is, keeps its figures: a body shorter than its Content-Length is told
   * as the client tells it ("fixed content-length: 5, bytes received: 3"), which a cut at 40 characters had left as
   * "...bytes receiv...".
   */
  @Test
  void theClientsOwnMessageKeepsItsFigures() throws IOException {
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabc")) {
      BoundedHttp.Failure f = failure(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5));
      assertEquals(BoundedHttp.FailureKind.IO, f.kind());
      assertTrue(f.getMessage().endsWith("fixed content-length: 5, bytes received: 3"), f.getMessage());
    }
  }

  /**
   * A response that has no body by definition, to a HEAD request or a 304 Not Modified, may declare the length of the
   * body a GET would have had (RFC 9110 §8.6): such a length over the limit had been refused as TOO_LARGE although
   * nothing was to be read.
   */
  @Test
  void aResponseWithoutABodyIsNotRefusedForTheLengthItDeclares() throws Exception {
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n")) {
      HttpRequest head = HttpRequest.newBuilder(raw.uri()).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
      var response = BoundedHttp.send(client, head, Duration.ofSeconds(5), 1024);
      assertEquals(200, response.statusCode());
      assertEquals(0, response.body().length);
    }
    try (RawServer raw = new RawServer("HTTP/1.1 304 Not Modified\r\nContent-Length: 5000\r\n\r\n")) {
      var response = BoundedHttp.send(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5), 1024);
      assertEquals(304, response.statusCode());
      assertEquals(0, response.body().length);
    }
  }

  /**
   * A caller already interrupted sends nothing, and keeps its interrupt: the request (a risk check's carries the
   * borrower's name and ID number) had been sent all the same, for an answer nobody would wait for.
   */
  @Test
  void anInterruptedCallerSendsNothingAndKeepsItsInterrupt() throws IOException {
    try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      URI uri = URI.create("http://127.0.0.1:" + listening.getLocalPort() + "/x");
      Thread.currentThread().interrupt();
      BoundedHttp.Failure f;
      try {
        f = failure(client, HttpRequest.newBuilder(uri).build(), Duration.ofSeconds(5));
      } finally {
        assertTrue(Thread.interrupted(), "the interrupt is kept"); // and cleared for the rest of the test
      }
      assertEquals(BoundedHttp.FailureKind.INTERRUPTED, f.kind());
      assertEquals("interrupted before sending the request to " + uri, f.getMessage());
      listening.setSoTimeout(300); // a connection made at all is made at once, on loopback
      assertThrows(java.net.SocketTimeoutException.class, listening::accept, "no connection is made");
    }
  }

  /**
   * A response that declares both a Content-Length and a Transfer-Encoding has no one body (RFC 9112 §6.3: a sign of
   * response splitting, to be handled as an error): the client had read its body by the Content-Length, and returned
   * the first bytes of the chunked stream ("500" of a chunk's size line) as the body.
   */
  @Test
  void aResponseFramedBothWaysIsRefused() throws IOException {
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5\r\nhello\r\n0\r\n\r\n")) {
      BoundedHttp.Failure f = failure(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5));
      assertEquals(BoundedHttp.FailureKind.IO, f.kind());
      assertEquals(raw.uri() + ": the response declares both a Content-Length and a Transfer-Encoding, so its body "
          + "has no one length", f.getMessage());
    }
  }

  /**
   * A client that follows redirects may fail where a redirect led, not at the request's address: a refusal at the
   * target of a redirect had been reported as "the connection to" the request's own host and port, which had answered.
   */
  @Test
  void aRefusalWhereARedirectLedDoesNotBlameTheRequestsAddress() throws IOException {
    int closedPort;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = closed.getLocalPort();
    }
    String target = "http://127.0.0.1:" + closedPort + "/moved";
    server.createContext("/redirects", ex -> {
      ex.getResponseHeaders().set("Location", target);
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    BoundedHttp.Failure f = failure(following, HttpRequest.newBuilder(at("/redirects")).build(), Duration.ofSeconds(5));
    assertEquals(BoundedHttp.FailureKind.IO, f.kind());
    assertEquals(at("/redirects") + ": the connection to 127.0.0.1:" + server.getAddress().getPort()
        + ", or to where a redirect led (the client follows them), was refused", f.getMessage());
  }

  private HttpRequest chunked() {
    return HttpRequest.newBuilder(at("/chunked")).build();
  }

  @Test
  void aBodyWithoutADeclaredLengthOfExactlyTheLimitIsWholeAndOneByteOverIsTooLarge() throws BoundedHttp.Failure {
    HttpResponse<byte[]> whole = BoundedHttp.send(client, chunked(), Duration.ofSeconds(5), HELLO.length);
    assertEquals(-1, whole.headers().firstValueAsLong("Content-Length").orElse(-1));
    assertArrayEquals(HELLO, whole.body());
    BoundedHttp.Failure over = assertThrows(BoundedHttp.Failure.class,
        () -> BoundedHttp.send(client, chunked(), Duration.ofSeconds(5), HELLO.length - 1));
    assertEquals(BoundedHttp.FailureKind.TOO_LARGE, over.kind());
  }

  /** The shortest deadline is a deadline, not a refused limit: the exchange is tried (and may well time out). */
  @Test
  void theShortestDeadlineIsAccepted() {
    try {
      assertArrayEquals(HELLO, BoundedHttp.send(client, chunked(), BoundedHttp.MIN_DEADLINE, 1024).body());
    } catch (BoundedHttp.Failure f) {
      assertEquals(BoundedHttp.FailureKind.TIMEOUT, f.kind(), f.getMessage());
    }
  }

  /** Nineteen digits past a long's range declare a body larger than any limit; an empty length is no number. */
  @Test
  void aContentLengthJustPastALongIsTooLargeAndAnEmptyOneIsNoNumber() throws IOException {
    try (RawServer raw = new RawServer(
        "HTTP/1.1 200 OK\r\nContent-Length: 9999999999999999999\r\n\r\nabc")) {
      BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
          () -> BoundedHttp.send(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5), 1024));
      assertEquals(BoundedHttp.FailureKind.TOO_LARGE, f.kind(), f.getMessage());
    }
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\nabc")) {
      BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
          () -> BoundedHttp.send(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5), 1024));
      assertEquals(BoundedHttp.FailureKind.IO, f.kind(), f.getMessage());
      assertEquals(raw.uri() + ": the response's Content-Length '' is not a number of bytes", f.getMessage());
    }
  }

  /** The deadline bounds the whole wait: a server that never answers costs the caller the deadline, not more. */
  @Test
  void aServerThatNeverAnswersCostsTheDeadline() {
    long start = System.nanoTime();
    BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
        () -> BoundedHttp.send(client, HttpRequest.newBuilder(at("/stalls")).build(), Duration.ofMillis(1500), 1024));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(BoundedHttp.FailureKind.TIMEOUT, f.kind());
    // 3.5 s of slack for a loaded build machine; a deadline waited for twice over or more (6 s at ×4) still fails
    assertTrue(millis >= 1500 && millis < 5000, millis + " ms for a deadline of 1500 ms");
  }

  /** A caller interrupted while it waits gets INTERRUPTED and keeps its interrupt flag. */
  @Test
  void aCallerInterruptedWhileWaitingKeepsItsInterrupt() throws Exception {
    CompletableFuture<String> seen = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        BoundedHttp.send(client, HttpRequest.newBuilder(at("/stalls")).build(), Duration.ofSeconds(10), 1024);
        seen.complete("answered");
      } catch (BoundedHttp.Failure f) {
        seen.complete(f.kind() + " interrupted=" + Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    Thread.sleep(200);
    caller.interrupt();
    assertEquals("INTERRUPTED interrupted=true", seen.get(5, TimeUnit.SECONDS));
  }
}
