package io.github.fenqi.core.security.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.net.RawServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpRiskCheckTest {
  private HttpServer server;
  private ExecutorService pool;
  private final AtomicReference<String> lastBody = new AtomicReference<>();
  private final AtomicReference<String> lastApiKey = new AtomicReference<>();
  /** What /answer answers: its status, Content-Type and body, set by the test. */
  private final AtomicReference<Object[]> answer = new AtomicReference<>();
  private final RiskCheckRequest request =
      new RiskCheckRequest("case-1", "张三", "11010519491231002X", "13800001234");

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    pool = Executors.newFixedThreadPool(4);
    server.setExecutor(pool);
    server.createContext("/ok", ex -> {
      lastBody.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      lastApiKey.set(ex.getRequestHeaders().getFirst("X-Api-Key"));
      respond(ex, 200, "{\"decision\":\"REVIEW\",\"score\":0.73,\"reason\":\"multiple lenders in 30 days\"}");
    });
    server.createContext("/slow", ex -> {
      try {
        Thread.sleep(1500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      respond(ex, 200, "{\"decision\":\"ALLOW\"}");
    });
    server.createContext("/trickle", ex -> { // headers at once, then the body a byte at a time, for seconds
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        for (byte b : "{\"decision\":\"ALLOW\"}".getBytes(StandardCharsets.UTF_8)) {
          out.write(b);
          out.flush();
          Thread.sleep(200);
        }
      } catch (InterruptedException | IOException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.createContext("/huge", ex -> { // an answer without end
      ex.sendResponseHeaders(200, 0);
      byte[] spaces = new byte[64 * 1024];
      java.util.Arrays.fill(spaces, (byte) ' ');
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 100_000; i++) {
          out.write(spaces);
        }
      } catch (IOException cancelled) {
        // the client stopped reading: what this test wants
      }
    });
    server.createContext("/headers", ex -> { // what was sent of the headers a caller may set, every value of each
      lastBody.set(ex.getRequestHeaders().get("Accept") + " " + ex.getRequestHeaders().get("Content-Type") + " "
          + ex.getRequestHeaders().get("X-Api-Key"));
      respond(ex, 200, "{\"decision\":\"ALLOW\"}");
    });
    server.createContext("/error", ex -> respond(ex, 500, "{\"error\":\"boom\"}"));
    server.createContext("/moved", ex -> { // a redirect that keeps the method and body, to a service that answers
      ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/ok");
      respond(ex, Integer.parseInt(ex.getRequestURI().getQuery()), "{\"decision\":\"ALLOW\"}");
    });
    server.createContext("/malformed", ex -> respond(ex, 200, "<html>maintenance</html>"));
    server.createContext("/twice", ex -> respond(ex, 200, "{\"decision\":\"DENY\",\"decision\":\"ALLOW\"}"));
    server.createContext("/trailing", ex -> respond(ex, 200, "{\"decision\":\"ALLOW\"} {\"decision\":\"DENY\"}"));
    server.createContext("/infinite", ex -> respond(ex, 200, "{\"decision\":\"ALLOW\",\"score\":1e400}"));
    server.createContext("/gbk", ex -> respond(ex, "application/json; charset=GBK",
        "{\"decision\":\"REVIEW\",\"reason\":\"多头借贷\"}".getBytes(java.nio.charset.Charset.forName("GBK"))));
    server.createContext("/not-utf8", ex -> { // "多头" in GBK, undeclared: not UTF-8
      byte[] head = "{\"decision\":\"ALLOW\",\"reason\":\"".getBytes(StandardCharsets.UTF_8);
      byte[] gbk = "多头".getBytes(java.nio.charset.Charset.forName("GBK"));
      byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[head.length + gbk.length + tail.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(gbk, 0, all, head.length, gbk.length);
      System.arraycopy(tail, 0, all, head.length + gbk.length, tail.length);
      respond(ex, "application/json", all);
    });
    server.createContext("/no-such-charset", ex -> respond(ex, "application/json; charset=x-no-such",
        "{\"decision\":\"ALLOW\"}".getBytes(StandardCharsets.UTF_8)));
    server.createContext("/unknown", ex -> respond(ex, 200, "{\"decision\":\"MAYBE\"}"));
    server.createContext("/answer", ex -> {
      Object[] a = answer.get();
      byte[] body = (byte[]) a[2];
      ex.getResponseHeaders().set("Content-Type", (String) a[1]);
      ex.sendResponseHeaders((Integer) a[0], body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    pool.shutdownNow();
  }

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void respond(HttpExchange ex, String contentType, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * A check of a path that answers at once, with a timeout a loaded build machine cannot reach: at 300 ms, as the
   * timing-out paths need, an answer the test reads was once taken for "no answer within 300 ms".
   */
  private HttpRiskCheck check(String path, FailureMode mode) {
    return check(path, mode, Duration.ofSeconds(10));
  }

  /** A check of a path that answers late (/slow after 1.5 s, /trickle over 4 s) or never ends (/huge): 300 ms. */
  private HttpRiskCheck timingOut(String path, FailureMode mode) {
    return check(path, mode, Duration.ofMillis(300));
  }

  private HttpRiskCheck check(String path, FailureMode mode, Duration timeout) {
    return HttpRiskCheck.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
        .name("test-antifraud").timeout(timeout).failureMode(mode).header("X-Api-Key", "k-123")
        .build();
  }

  /**
   * The timeout bounds the whole answer: a service that sends its headers and then its body slowly held the case for
   * as long as it took (30 s from a 1 s timeout, measured), and an endless body was read into memory.
   */
  @Test
  void aSlowBodyOrAnEndlessOneDegradesWithinTheTimeout() {
    long t0 = System.nanoTime();
    RiskAssessment slow = timingOut("/trickle", FailureMode.FAIL_CLOSED).check(request);
    long slowMs = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(slow.degraded(), slow.toString());
    assertEquals("no answer within 300 ms (fail-closed)", slow.reason());
    assertTrue(slowMs < 3_000, "took " + slowMs + " ms; the body alone takes 4 s"); // generous for a loaded host
    RiskAssessment huge = timingOut("/huge", FailureMode.FAIL_OPEN).check(request);
    assertTrue(huge.degraded(), huge.toString());
    assertTrue(huge.reason().startsWith("answer larger than 65536 bytes")
        || huge.reason().startsWith("no answer within 300 ms"), huge.reason());
  }

  /**
   * A caller interrupted while it waits for the service (a case cancelled, an executor shut down) gets the failure
   * mode's degraded assessment (DENY here, where the service would answer ALLOW) and keeps its interrupt; one
   * interrupted before the check sends no request at all.
   */
  @Test
  void anInterruptedCheckDegradesAndKeepsTheInterrupt() throws Exception {
    java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    server.createContext("/held", ex -> { // answers ALLOW once the test lets it
      arrived.countDown();
      try {
        release.await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      respond(ex, 200, "{\"decision\":\"ALLOW\"}");
    });
    HttpRiskCheck held = check("/held", FailureMode.FAIL_CLOSED);
    java.util.concurrent.CompletableFuture<String> seen = new java.util.concurrent.CompletableFuture<>();
    Thread caller = new Thread(() -> {
      RiskAssessment a = held.check(request);
      seen.complete(a.decision() + " " + a.degraded() + " " + a.reason() + " interrupted="
          + Thread.currentThread().isInterrupted());
    });
    caller.start();
    try {
      assertTrue(arrived.await(10, java.util.concurrent.TimeUnit.SECONDS), "the request never arrived");
      caller.interrupt(); // while it waits for the answer
      assertEquals("DENY true interrupted while waiting for the service (fail-closed) interrupted=true",
          seen.get(10, java.util.concurrent.TimeUnit.SECONDS));
    } finally {
      release.countDown();
    }

    Thread.currentThread().interrupt();
    RiskAssessment before;
    try {
      before = check("/ok", FailureMode.FAIL_OPEN).check(request);
    } finally {
      assertTrue(Thread.interrupted(), "the interrupt is kept"); // and cleared for the rest of the test
    }
    assertEquals(RiskDecision.ALLOW, before.decision());
    assertEquals("interrupted while waiting for the service (fail-open)", before.reason());
    assertTrue(before.degraded());
    assertNull(lastBody.get(), "a request was sent");
  }

  @Test
  void returnsTheServicesDecisionAndSendsTheRequest() {
    RiskAssessment a = check("/ok", FailureMode.FAIL_CLOSED).check(request);
    assertEquals(RiskDecision.REVIEW, a.decision());
    assertEquals(0.73, a.score());
    assertEquals("multiple lenders in 30 days", a.reason());
    assertFalse(a.degraded());
    assertTrue(lastBody.get().contains("\"idNumber\":\"11010519491231002X\""), lastBody.get());
    assertEquals("k-123", lastApiKey.get());
  }

  @Test
  void slowServiceTimesOutAndFailsClosed() {
    long start = System.nanoTime();
    RiskAssessment a = timingOut("/slow", FailureMode.FAIL_CLOSED).check(request);
    assertTrue(System.nanoTime() - start < 1_400_000_000L, "did not time out");
    assertEquals(RiskDecision.DENY, a.decision());
    assertTrue(a.degraded());
    assertTrue(a.reason().contains("no answer within 300 ms"), a.reason());
  }

  @Test
  void slowServiceTimesOutAndFailsOpenWhenConfigured() {
    RiskAssessment a = timingOut("/slow", FailureMode.FAIL_OPEN).check(request);
    assertEquals(RiskDecision.ALLOW, a.decision());
    assertTrue(a.degraded());
    assertTrue(a.reason().endsWith("(fail-open)"), a.reason());
  }

  @Test
  void serverErrorAppliesTheFailureMode() {
    RiskAssessment a = check("/error", FailureMode.FAIL_CLOSED).check(request);
    assertEquals(RiskDecision.DENY, a.decision());
    assertTrue(a.reason().contains("HTTP status 500"), a.reason());
  }

  /**
   * A redirect is not followed: it is an answer other than 200, which gets the failure mode's decision, and the
   * borrower's name and ID number are not sent again to where it points (which may be a plain-http host that the
   * endpoint's checks would refuse). Only the client's wording had told it from a client that follows.
   */
  @Test
  void aRedirectIsAFailedCheckAndNotFollowed() {
    for (int status : new int[] {301, 302, 307, 308}) {
      lastBody.set(null);
      RiskAssessment a = check("/moved?" + status, FailureMode.FAIL_OPEN).check(request);
      assertEquals(new RiskAssessment("test-antifraud", RiskDecision.ALLOW, null, "HTTP status " + status
          + " (fail-open)", true), a);
      assertNull(lastBody.get(), "sent on to where the redirect pointed");
    }
  }

  @Test
  void malformedOrUnknownAnswersApplyTheFailureMode() {
    RiskAssessment html = check("/malformed", FailureMode.FAIL_CLOSED).check(request);
    assertEquals(RiskDecision.DENY, html.decision());
    assertTrue(html.reason().contains("not JSON"), html.reason());
    RiskAssessment unknown = check("/unknown", FailureMode.FAIL_OPEN).check(request);
    assertEquals(RiskDecision.ALLOW, unknown.decision());
    assertTrue(unknown.reason().contains("unknown decision 'MAYBE'"), unknown.reason());
    assertNull(unknown.score());
  }

  @Test
  void refusedConnectionAppliesTheFailureMode() {
    int port = server.getAddress().getPort();
    server.stop(0);
    RiskAssessment a = HttpRiskCheck.builder(URI.create("http://127.0.0.1:" + port + "/ok"))
        .timeout(Duration.ofMillis(300)).build().check(request);
    assertEquals(RiskDecision.DENY, a.decision());
    assertTrue(a.degraded());
  }

  /**
   * A failed call says what failed and where, and never shows the endpoint's query or fragment, which may hold a key:
   * it had been a bare "request failed: ConnectException", and toString and the builder's refusal quoted the key. (An
   * endpoint with user-info is refused when configured: anEndpointWithUserInfoIsRefusedWithoutShowingIt.)
   */
  @Test
  void aFailedCallSaysWhatAndWhereWithoutTheKeyInTheQuery() {
    int port = server.getAddress().getPort();
    server.stop(0);
    HttpRiskCheck check = HttpRiskCheck.builder(URI.create("http://127.0.0.1:" + port
        + "/ok?key=SECRET-1#SECRET-2")).timeout(Duration.ofSeconds(10)).build(); // a refusal comes at once
    RiskAssessment a = check.check(request);
    assertEquals("request failed: http://127.0.0.1:" + port + "/ok: the connection to 127.0.0.1:" + port
        + " was refused (fail-closed)", a.reason());
    assertEquals("HttpRiskCheck[127.0.0.1, http://127.0.0.1:" + port + "/ok, timeout=PT10S, FAIL_CLOSED]",
        check.toString());
    String refused = assertThrows(InvalidInputException.class,
        () -> HttpRiskCheck.builder(URI.create("ftp://risk.example.com/check?key=SECRET-3"))).getMessage();
    assertEquals("endpoint: 'ftp://risk.example.com/check' must be an http or https URI", refused);
  }

  /**
   * The HTTP client's message on a failed exchange may quote what the server sent (a header line it refused, here one
   * of 10 000 characters with a NUL): it is quoted as a value from outside is, escaped and cut to 200 characters, where
   * it had been escaped but whole, the whole header line in the reason the audit log records.
   */
  @Test
  void whatTheServerSentInAFailedRequestIsCutInTheReason() throws IOException {
    try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nX-Note: a\u0000" + "y".repeat(10_000)
        + "\r\nContent-Length: 3\r\n\r\nabc")) {
      RiskAssessment a = HttpRiskCheck.builder(raw.uri()).timeout(Duration.ofSeconds(10)).build().check(request);
      assertEquals(RiskDecision.DENY, a.decision());
      assertTrue(a.degraded());
      String prefix = "request failed: " + raw.uri() + ": ";
      assertTrue(a.reason().startsWith(prefix), a.reason());
      String quoted = a.reason().substring(prefix.length(), a.reason().length() - " (fail-closed)".length());
      assertTrue(quoted.contains("\\u0000y") && quoted.endsWith("y..."), a.reason());
      // the client's message after its exception's name: 197 characters and "...", the NUL's escape counted as one
      String message = quoted.substring(quoted.indexOf(": ") + 2).replace("\\u0000", "\u0000");
      assertEquals(200, message.length(), a.reason());
    }
  }

  /** A host name that does not resolve is named as such. */
  @Test
  void aHostNameThatDoesNotResolveIsNamed() {
    RiskAssessment a = HttpRiskCheck.builder(URI.create("https://no-such-host.invalid/check?key=SECRET"))
        .timeout(Duration.ofSeconds(2)).build().check(request);
    assertTrue(a.degraded());
    assertFalse(a.reason().contains("SECRET"), a.reason());
    assertTrue(a.reason().contains("no-such-host.invalid does not resolve")
        || a.reason().startsWith("no answer within"), a.reason());
  }

  /**
   * An endpoint without a host the HTTP client can use was taken, and every check then threw the client's
   * IllegalArgumentException quoting the whole URI, query and all.
   */
  @Test
  void anEndpointWithoutAUsableHostIsRefusedWhenConfigured() {
    for (String uri : new String[] {"https:///check?key=SECRET", "https://risk_svc.internal/check?key=SECRET"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> HttpRiskCheck.builder(URI.create(uri)).build(), uri);
      assertTrue(e.getMessage().startsWith("endpoint: '"), e.getMessage());
      assertTrue(e.getMessage().contains("has no host name"), e.getMessage());
      assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    }
    // shown as given, where https:///check had been shown https:/check
    String hostless = assertThrows(InvalidInputException.class,
        () -> HttpRiskCheck.builder(URI.create("https:///check"))).getMessage();
    assertTrue(hostless.startsWith("endpoint: 'https:///check' has no host name"), hostless);
  }

  /**
   * An answer that says two things is no answer: {"decision":"DENY","decision":"ALLOW"} had been read as ALLOW, an
   * object followed by another as the first, and a score of 1e400 as Infinity.
   */
  @Test
  void anAmbiguousOrOutOfRangeAnswerAppliesTheFailureMode() {
    for (String path : new String[] {"/twice", "/trailing"}) {
      RiskAssessment a = check(path, FailureMode.FAIL_CLOSED).check(request);
      assertEquals(RiskDecision.DENY, a.decision(), path);
      assertTrue(a.degraded(), path);
      assertEquals("unreadable answer (not JSON, a field given twice or more than one value) (fail-closed)",
          a.reason(), path);
    }
    RiskAssessment infinite = check("/infinite", FailureMode.FAIL_CLOSED).check(request);
    assertEquals(new RiskAssessment("test-antifraud", RiskDecision.DENY, null,
        "unreadable answer (\"score\" is beyond a double's range) (fail-closed)", true), infinite);
  }

  /**
   * A score is a number: NaN or Infinity from a custom check had been taken and written to the audit log as
   * {@code score=NaN}. Every problem of the answer is named at once.
   */
  @Test
  void anAssessmentRefusesAScoreThatIsNoFiniteNumber() {
    for (double score : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> new RiskAssessment("svc", RiskDecision.ALLOW, score, "ok", false));
      assertEquals("score: " + score + " is not a finite number", e.getMessage());
    }
    assertEquals(java.util.List.of("service", "reason", "score"), assertThrows(InvalidInputException.class,
        () -> new RiskAssessment(null, RiskDecision.ALLOW, Double.NaN, null, false)).problems().stream()
        .map(io.github.fenqi.core.Problem::location).toList());
    assertEquals(-3.5, new RiskAssessment("svc", RiskDecision.ALLOW, -3.5, "ok", false).score());
  }

  @Test
  void builderRejectsBadSettingsNamingTheField() {
    assertTrue(assertThrows(InvalidInputException.class, () -> HttpRiskCheck.builder(URI.create("ftp://x/")))
        .getMessage().startsWith("endpoint:"));
    assertTrue(assertThrows(InvalidInputException.class,
        () -> HttpRiskCheck.builder(URI.create("http://x/")).timeout(Duration.ZERO)).getMessage().startsWith("timeout:"));
  }

  /** A timeout under a millisecond passed the builder and then failed every check with BoundedHttp's refusal. */
  @Test
  void builderRejectsATimeoutUnderAMillisecond() {
    assertEquals("timeout: PT0.0005S is outside 1 ms..60 s", assertThrows(InvalidInputException.class,
        () -> HttpRiskCheck.builder(URI.create("http://x/")).timeout(Duration.ofNanos(500_000))).getMessage());
  }

  /** The timeout lies between 1 ms and 60 s, both included. */
  @Test
  void aTimeoutOfOneMillisecondToSixtySecondsIsTaken() {
    for (Duration taken : new Duration[] {Duration.ofMillis(1), Duration.ofSeconds(60)}) {
      assertTrue(HttpRiskCheck.builder(URI.create("http://127.0.0.1/")).timeout(taken).build().toString()
          .contains("timeout=" + taken), taken.toString());
    }
    assertEquals("timeout: PT1M0.001S is outside 1 ms..60 s", assertThrows(InvalidInputException.class,
        () -> HttpRiskCheck.builder(URI.create("http://x/")).timeout(Duration.ofMillis(60_001))).getMessage());
  }

  /** The body carries the borrower's name, ID number and mobile: plain http only on loopback or when allowed. */
  @Test
  void plainHttpToAnotherHostIsRefusedUnlessAllowed() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> HttpRiskCheck.builder(URI.create("http://risk.example.com/check")).build());
    assertEquals("endpoint: 'http://risk.example.com' would receive the borrower's name, ID number and mobile in clear: "
        + "use https, or allowPlainHttp() for a service on a network you trust", e.getMessage());
    HttpRiskCheck.builder(URI.create("https://risk.example.com/check")).build();
    HttpRiskCheck.builder(URI.create("http://risk.internal/check")).allowPlainHttp().build();
    for (String loopback : new String[] {"http://localhost:8080/", "http://127.0.0.1/", "http://[::1]:9/",
        "http://127.255.3.4:8/", "http://LocalHost:8080/"}) { // a host name in any case (RFC 3986 §3.2.2)
      HttpRiskCheck.builder(URI.create(loopback)).build();
    }
  }

  /**
   * Any host that started with "127." counted as loopback: {@code http://127.risk.example.com/} is a DNS name that
   * resolves wherever its owner likes, and the borrower's ID number went to it in clear without allowPlainHttp().
   */
  @Test
  void aDnsNameThatStartsLikeALoopbackAddressIsNotLoopback() {
    for (String named : new String[] {"http://127.risk.example.com/check", "http://127.0.0.1.nip.io/"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> HttpRiskCheck.builder(URI.create(named)).build(), named);
      assertTrue(e.getMessage().contains("would receive the borrower's name, ID number and mobile in clear"),
          e.getMessage());
    }
    // java.net.URI has no host for a literal with a part over 255, and the HTTP client could not send to it anyway
    assertEquals("endpoint: 'http://127.0.0.1000/' has no host name the HTTP client can use (a host name is letters, "
        + "digits, '-' and '.')", assertThrows(InvalidInputException.class,
            () -> HttpRiskCheck.builder(URI.create("http://127.0.0.1000/")).allowPlainHttp().build()).getMessage());
  }

  /** A URI's scheme is case-insensitive: HTTPS:// is taken, and HTTP:// to another host is clear text all the same. */
  @Test
  void theSchemeIsReadWhateverItsCase() {
    RiskAssessment a = HttpRiskCheck.builder(URI.create("HTTP://127.0.0.1:" + server.getAddress().getPort() + "/ok"))
        .build().check(request);
    assertEquals(RiskDecision.REVIEW, a.decision(), a.toString());
    HttpRiskCheck.builder(URI.create("HTTPS://risk.example.com/check")).build();
    InvalidInputException clear = assertThrows(InvalidInputException.class,
        () -> HttpRiskCheck.builder(URI.create("Http://risk.example.com/check")).build());
    assertTrue(clear.getMessage().contains("would receive the borrower's name, ID number and mobile in clear"),
        clear.getMessage());
    assertThrows(InvalidInputException.class, () -> HttpRiskCheck.builder(URI.create("ftp://risk.example.com/")));
  }

  @Test
  void requestToStringIsMasked() {
    assertEquals("RiskCheckRequest[caseId=case-1, name=张*, idNumber=110***********002X, mobile=138****1234]",
        request.toString());
  }

  /**
   * A caller's header replaces one of the same name, in any case: the check's own Accept (a service that versions its
   * answers by media type) and an API key given twice. Both had been sent, two Accept headers and two keys, and the
   * service took whichever it reads first.
   */
  @Test
  void aCallersHeaderReplacesOneOfTheSameNameInAnyCase() {
    RiskAssessment a = HttpRiskCheck.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/headers"))
        .header("accept", "application/vnd.risk.v2+json").header("x-api-key", "k-old").header("X-Api-Key", "k-new")
        .build().check(request);
    assertFalse(a.degraded(), a.toString());
    assertEquals("[application/vnd.risk.v2+json] [application/json; charset=utf-8] [k-new]", lastBody.get());
  }

  /**
   * A header the HTTP client refuses is refused when it is configured, naming it and not quoting its value: it was
   * taken, and every check then threw an IllegalArgumentException that quoted the value (an API key, say).
   */
  @Test
  void aHeaderTheClientRefusesIsRefusedWhenConfiguredWithoutShowingItsValue() {
    HttpRiskCheck.Builder b = HttpRiskCheck.builder(URI.create("https://risk.example.com/check"));
    InvalidInputException host = assertThrows(InvalidInputException.class, () -> b.header("Host", "other.example"));
    assertEquals("header: 'Host' cannot be sent by the HTTP client: restricted header name: \"Host\"",
        host.getMessage());
    assertThrows(InvalidInputException.class, () -> b.header("X Api Key", "k"));
    InvalidInputException value = assertThrows(InvalidInputException.class,
        () -> b.header("X-Api-Key", "sk-live-123\r\nX-Injected: 1"));
    assertEquals("header", value.problems().get(0).location());
    assertFalse(value.getMessage().contains("sk-live"), value.getMessage());
    assertEquals("HttpRiskCheck[risk.example.com, https://risk.example.com/check, timeout=PT2S, FAIL_CLOSED]",
        b.header("X-Api-Key", "sk-live-123").build().toString());
  }

  /**
   * The answer is read in the charset its Content-Type declares, else as UTF-8, and bytes that are not text in it make
   * it unreadable: a GBK answer had been read as UTF-8, its reason "多头借贷" written to the audit log as replacement
   * characters, and an answer that was not UTF-8 had been taken as the service's, its reason garbled in silence.
   */
  @Test
  void anAnswerIsReadInItsDeclaredCharsetAndBytesThatAreNoTextMakeItUnreadable() {
    assertEquals(new RiskAssessment("test-antifraud", RiskDecision.REVIEW, null, "多头借贷", false),
        check("/gbk", FailureMode.FAIL_CLOSED).check(request));
    assertEquals(new RiskAssessment("test-antifraud", RiskDecision.DENY, null,
        "unreadable answer (not valid UTF-8 text) (fail-closed)", true),
        check("/not-utf8", FailureMode.FAIL_CLOSED).check(request));
    assertEquals(new RiskAssessment("test-antifraud", RiskDecision.DENY, null,
        "unreadable answer (its charset 'x-no-such' is not one this JVM knows) (fail-closed)", true),
        check("/no-such-charset", FailureMode.FAIL_CLOSED).check(request));
  }

  /**
   * A byte-order mark before the JSON, as a service on .NET writes one, marks the encoding and is no part of the answer:
   * the decision is taken (it had been "unreadable answer (not JSON …)", and every check failed). A mark within the
   * JSON, or two marks, are still no JSON.
   */
  @Test
  void aByteOrderMarkBeforeTheAnswerIsNoPartOfIt() {
    String json = "{\"decision\":\"REVIEW\",\"reason\":\"多头借贷\"}";
    RiskAssessment review = new RiskAssessment("test-antifraud", RiskDecision.REVIEW, null, "多头借贷", false);
    answer.set(new Object[] {200, "application/json", ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8)});
    assertEquals(review, check("/answer", FailureMode.FAIL_CLOSED).check(request));
    answer.set(new Object[] {200, "application/json; charset=UTF-8", ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8)});
    assertEquals(review, check("/answer", FailureMode.FAIL_CLOSED).check(request));
    answer.set(new Object[] {200, "application/json; charset=UTF-16", ("\uFEFF" + json).getBytes(StandardCharsets.UTF_16BE)});
    assertEquals(review, check("/answer", FailureMode.FAIL_CLOSED).check(request));
    for (String body : java.util.List.of("\uFEFF\uFEFF" + json, "{\uFEFF\"decision\":\"ALLOW\"}")) {
      answer.set(new Object[] {200, "application/json", body.getBytes(StandardCharsets.UTF_8)});
      assertEquals("unreadable answer (not JSON, a field given twice or more than one value) (fail-closed)",
          check("/answer", FailureMode.FAIL_CLOSED).check(request).reason(), body);
    }
  }

  /**
   * A charset the JVM does not know is quoted as an unknown decision is ({@code Problem.excerpt}: escaped, cut by code
   * point to 37 and "..."). An emoji's UTF-8 in the name arrives as four ISO-8859-1 characters (the client reads header
   * bytes so; a surrogate pair cannot arrive in a header), three of them C1 controls: the name had been quoted raw and
   * cut at its 40th character, keeping U+009F, a control character, whole in the reason the audit log is written from.
   */
  @Test
  void anUnknownCharsetIsQuotedEscapedAndCutAsAValue() {
    String emoji = new String("\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    byte[] allow = "{\"decision\":\"ALLOW\"}".getBytes(StandardCharsets.UTF_8);
    answer.set(new Object[] {200, "application/json; charset=" + "x".repeat(38) + emoji + "yz", allow});
    assertEquals("unreadable answer (its charset '" + "x".repeat(37) + "...' is not one this JVM knows) (fail-closed)",
        check("/answer", FailureMode.FAIL_CLOSED).check(request).reason());
    answer.set(new Object[] {200, "application/json; charset=x-" + emoji, allow});
    assertEquals("unreadable answer (its charset 'x-\u00F0\\u009F\\u0098\\u0080' is not one this JVM knows) (fail-closed)",
        check("/answer", FailureMode.FAIL_CLOSED).check(request).reason());
  }

  /**
   * The answer is HTTP 200 with a JSON object whose "decision" is a string and whose "score", when given, is a number:
   * another success status, a decision that is no string, a value that is no object, or a score written as text fail
   * the check; a score of JSON null is no score.
   */
  @Test
  void onlyTheDocumentedAnswerIsTakenAndAnyOtherFailsTheCheck() {
    HttpRiskCheck closed = check("/answer", FailureMode.FAIL_CLOSED);
    assertEquals(degraded("unreadable answer (no \"decision\" string)"), answering(200, "{\"decision\":1}", closed));
    assertEquals(degraded("unreadable answer (no \"decision\" string)"), answering(200, "[\"ALLOW\"]", closed));
    assertEquals(degraded("unreadable answer (no \"decision\" string)"), answering(200, "\"ALLOW\"", closed));
    assertEquals(degraded("unreadable answer (\"score\" is not a number)"),
        answering(200, "{\"decision\":\"ALLOW\",\"score\":\"0.2\"}", closed));
    assertEquals(degraded("HTTP status 201"), answering(201, "{\"decision\":\"ALLOW\"}", closed));
    assertEquals(new RiskAssessment("test-antifraud", RiskDecision.ALLOW, null, "", false),
        answering(200, "{\"decision\":\"ALLOW\",\"score\":null}", closed));
    assertEquals(new RiskAssessment("test-antifraud", RiskDecision.REVIEW, 0.0, "new device", false),
        answering(200, "{\"decision\":\"REVIEW\",\"score\":0,\"reason\":\"new device\"}", closed));
  }

  /**
   * A "reason" that is not a string is a malformed answer, as a "score" that is not a number is: it had been dropped in
   * silence and the decision taken. A reason of JSON null, or none, is no reason.
   */
  @Test
  void aReasonThatIsNoStringMakesTheAnswerUnreadable() {
    HttpRiskCheck closed = check("/answer", FailureMode.FAIL_CLOSED);
    for (String reason : new String[] {"42", "true", "{\"text\":\"new device\"}", "[\"new device\"]"}) {
      assertEquals(degraded("unreadable answer (\"reason\" is not a string)"),
          answering(200, "{\"decision\":\"ALLOW\",\"reason\":" + reason + "}", closed), reason);
    }
    assertEquals(new RiskAssessment("test-antifraud", RiskDecision.ALLOW, null, "", false),
        answering(200, "{\"decision\":\"ALLOW\",\"reason\":null}", closed));
  }

  /** The decision is read in any case of its letters: "deny" is DENY. */
  @Test
  void theDecisionIsReadInAnyCase() {
    HttpRiskCheck open = check("/answer", FailureMode.FAIL_OPEN);
    assertEquals(RiskDecision.DENY, answering(200, "{\"decision\":\"deny\"}", open).decision());
    assertEquals(new RiskAssessment("test-antifraud", RiskDecision.REVIEW, null, "", false),
        answering(200, "{\"decision\":\"Review\"}", open));
  }

  /**
   * "Any case" is ASCII's: a decision spelt with a letter Java's full Unicode rules upper-case to an ASCII one
   * ("revıew" with a dotless ı, U+0131) is no decision, as any unknown one is; it had been read as REVIEW.
   */
  @Test
  void aDecisionWithALetterOnlyUnicodeUpperCasesIsUnknown() {
    HttpRiskCheck closed = check("/answer", FailureMode.FAIL_CLOSED);
    assertEquals(degraded("unknown decision 'rev\u0131ew'"), answering(200, "{\"decision\":\"rev\u0131ew\"}", closed));
    assertEquals(degraded("unknown decision 'REV\u0130EW'"), answering(200, "{\"decision\":\"REV\u0130EW\"}", closed));
  }

  /**
   * An unknown decision is quoted as the rest of core quotes text from outside ({@code Problem.excerpt}): line breaks
   * shown as escapes and cut to 40 characters. Quoted raw and whole, a decision of "MAYBE\n" and a log line forged a
   * line of its own in the log the degraded reason is written to, and one of a megabyte flooded it.
   */
  @Test
  void anUnknownDecisionIsQuotedEscapedAndCut() {
    HttpRiskCheck closed = check("/answer", FailureMode.FAIL_CLOSED);
    RiskAssessment forged = answering(200, "{\"decision\":\"MAYBE\\nINFO risk check passed: ALLOW "
        + "x".repeat(5000) + "\"}", closed);
    assertEquals(degraded("unknown decision 'MAYBE\\nINFO risk check passed: ALLOW x...'"), forged);
    assertEquals(degraded("unknown decision 'TAB\\tBELL\\u0007'"),
        answering(200, "{\"decision\":\"TAB\\tBELL\\u0007\"}", closed));
  }

  /** The mobile is sent when the request has one and left out of the body, not sent as null, when it has none. */
  @Test
  void aMissingMobileIsLeftOutOfTheRequestBody() throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    HttpRiskCheck check = check("/ok", FailureMode.FAIL_CLOSED);
    check.check(request);
    assertEquals("13800001234", json.readTree(lastBody.get()).path("mobile").textValue(), lastBody.get());
    check.check(new RiskCheckRequest("case-2", "张三", "11010519491231002X", null));
    com.fasterxml.jackson.databind.JsonNode sent = json.readTree(lastBody.get());
    assertEquals(java.util.List.of("caseId", "name", "idNumber"), iterate(sent.fieldNames()), lastBody.get());
    assertEquals("case-2", sent.path("caseId").textValue());
  }

  private static java.util.List<String> iterate(java.util.Iterator<String> names) {
    java.util.List<String> out = new java.util.ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }

  /** The charset the Content-Type declares is found as HTTP writes parameters: any case, quoted or not. */
  @Test
  void theDeclaredCharsetIsReadInAnyCaseAndQuoted() {
    HttpRiskCheck closed = check("/answer", FailureMode.FAIL_CLOSED);
    byte[] gbk = "{\"decision\":\"DENY\",\"reason\":\"多头借贷\"}".getBytes(java.nio.charset.Charset.forName("GBK"));
    for (String type : new String[] {"application/json; Charset=GBK", "application/json;charset=\"gbk\"",
        "application/json; CHARSET=\"GBK\""}) {
      answer.set(new Object[] {200, type, gbk});
      assertEquals(new RiskAssessment("test-antifraud", RiskDecision.DENY, null, "多头借贷", false),
          closed.check(request), type);
    }
  }

  /** An answer of 64 KB is read whole, and one byte more is cut off as too large, as the Javadoc says. */
  @Test
  void anAnswerOfSixtyFourKilobytesIsReadAndOneByteMoreIsTooLarge() {
    HttpRiskCheck closed = check("/answer", FailureMode.FAIL_CLOSED);
    String decision = "{\"decision\":\"ALLOW\"}";
    String padded = decision + " ".repeat(64 * 1024 - decision.length()); // whitespace after the value is no token
    assertEquals(new RiskAssessment("test-antifraud", RiskDecision.ALLOW, null, "", false),
        answering(200, padded, closed));
    assertEquals(degraded("answer larger than 65536 bytes"), answering(200, padded + " ", closed));
    // another status is named: a proxy's large error page is a 502 first
    assertEquals(degraded("HTTP status 502, answer larger than 65536 bytes"), answering(502, padded + " ", closed));
  }

  /**
   * Every kind of failure gets the configured failure mode's decision, fail-open's ALLOW as fail-closed's DENY, marked
   * degraded, with a reason that says what failed and nothing of the borrower's. Most kinds had been seen in one mode
   * only (a 5xx, an unreadable answer, a refused connection, an oversized answer: fail-closed), a 4xx and an answer
   * without a decision in none, so a mode fixed for one kind of failure, or a 4xx's body read as an answer, passed.
   */
  @Test
  void everyKindOfFailureGetsTheConfiguredModesDecision() throws IOException {
    String[][] answers = {
        {"500", "{\"decision\":\"ALLOW\"}", "HTTP status 500"},
        {"503", "", "HTTP status 503"},
        {"404", "{\"decision\":\"ALLOW\"}", "HTTP status 404"},
        {"403", "{\"decision\":\"DENY\"}", "HTTP status 403"},
        {"302", "{\"decision\":\"ALLOW\"}", "HTTP status 302"},
        {"200", "<html>maintenance</html>", "unreadable answer (not JSON, a field given twice or more than one value)"},
        {"200", "{}", "unreadable answer (no \"decision\" string)"},
        {"200", "{\"score\":0.1,\"reason\":\"regular customer\"}", "unreadable answer (no \"decision\" string)"},
        {"200", "{\"decision\":null}", "unreadable answer (no \"decision\" string)"},
        {"200", "{\"decision\":\"MAYBE\"}", "unknown decision 'MAYBE'"},
        {"200", "{\"decision\":\"ALLOW\",\"score\":\"high\"}", "unreadable answer (\"score\" is not a number)"},
        {"200", "{\"decision\":\"ALLOW\",\"score\":-1e400}",
            "unreadable answer (\"score\" is beyond a double's range)"},
        {"200", "{\"decision\":\"ALLOW\",\"reason\":7}", "unreadable answer (\"reason\" is not a string)"},
        {"200", "{\"decision\":\"ALLOW\"}" + " ".repeat(64 * 1024), "answer larger than 65536 bytes"},
    };
    int refused;
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      refused = closed.getLocalPort();
    }
    for (FailureMode mode : FailureMode.values()) {
      RiskDecision decision = mode == FailureMode.FAIL_OPEN ? RiskDecision.ALLOW : RiskDecision.DENY;
      String suffix = mode == FailureMode.FAIL_OPEN ? " (fail-open)" : " (fail-closed)";
      HttpRiskCheck check = check("/answer", mode);
      for (String[] a : answers) {
        assertEquals(new RiskAssessment("test-antifraud", decision, null, a[2] + suffix, true),
            answering(Integer.parseInt(a[0]), a[1], check), mode + " " + a[0] + " " + a[1]);
      }
      answer.set(new Object[] {200, "application/json", "{\"decision\":\"ALLOW\",\"reason\":\"多头\"}"
          .getBytes(java.nio.charset.Charset.forName("GBK"))});
      assertEquals(new RiskAssessment("test-antifraud", decision, null, "unreadable answer (not valid UTF-8 text)"
          + suffix, true), check.check(request), mode + " GBK undeclared");
      assertEquals(new RiskAssessment("test-antifraud", decision, null, "no answer within 300 ms" + suffix, true),
          timingOut("/slow", mode).check(request), mode + " timeout");
      assertEquals(new RiskAssessment("127.0.0.1", decision, null, "request failed: http://127.0.0.1:" + refused
          + "/ok: the connection to 127.0.0.1:" + refused + " was refused" + suffix, true),
          HttpRiskCheck.builder(URI.create("http://127.0.0.1:" + refused + "/ok")).timeout(Duration.ofSeconds(10))
              .failureMode(mode).build().check(request), mode + " refused");
    }
  }

  /**
   * The request carries what the Javadoc says and nothing more: the case, the name, the ID number and the mobile, each
   * as given, in the UTF-8 its Content-Type names. Only the ID number and the mobile had been checked, so a name sent
   * masked (the service matches on it), or another field of personal data, passed.
   */
  @Test
  void theRequestCarriesTheDocumentedFieldsAsGivenAndNoOther() {
    check("/ok", FailureMode.FAIL_CLOSED).check(request);
    assertEquals("{\"caseId\":\"case-1\",\"name\":\"张三\",\"idNumber\":\"11010519491231002X\","
        + "\"mobile\":\"13800001234\"}", lastBody.get());
  }

  /**
   * A check sends one request and does not retry a failure: a retry sends the borrower's name and ID number again and
   * makes the case wait twice. Nothing had counted the requests, so a retry on a 5xx passed.
   */
  @Test
  void aCheckSendsOneRequestAndDoesNotRetryAFailure() {
    java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    server.createContext("/counted", ex -> {
      int n = requests.incrementAndGet();
      respond(ex, n == 1 ? 503 : 200, "{\"decision\":\"ALLOW\"}"); // a retry would be answered
    });
    assertEquals(new RiskAssessment("test-antifraud", RiskDecision.DENY, null, "HTTP status 503 (fail-closed)", true),
        check("/counted", FailureMode.FAIL_CLOSED).check(request));
    assertEquals(1, requests.get());
  }

  /**
   * The timeout bounds the exchange, body included, not some multiple of it: a body 1.5 s late, after headers at once,
   * is not waited for with a timeout of 1 s. The other timing tests (300 ms against answers 1.5 s and 4 s late) passed
   * with twice the timeout.
   */
  @Test
  void aBodyAfterTheTimeoutIsNotWaitedFor() {
    server.createContext("/late-body", ex -> {
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        out.flush();
        Thread.sleep(1500);
        out.write("{\"decision\":\"ALLOW\"}".getBytes(StandardCharsets.UTF_8));
      } catch (InterruptedException | IOException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertEquals(new RiskAssessment("test-antifraud", RiskDecision.DENY, null, "no answer within 1000 ms (fail-closed)",
        true), check("/late-body", FailureMode.FAIL_CLOSED, Duration.ofSeconds(1)).check(request));
  }

  /**
   * An endpoint's user-info ({@code https://user:password@host/check}) is refused when configured, without showing it:
   * the HTTP client does not send it, so the service got no credentials and every check failed with a 401 (every
   * borrower denied, or, failing open, allowed unchecked) with nothing to say why. Credentials go in a header.
   */
  @Test
  void anEndpointWithUserInfoIsRefusedWithoutShowingIt() {
    for (String uri : new String[] {"https://risk:pw-SECRET@risk.example.com/check?key=SECRET",
        "https://SECRET@risk.example.com/check", "http://risk:pw-SECRET@127.0.0.1:8080/check"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> HttpRiskCheck.builder(URI.create(uri)),
          uri);
      assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
      assertTrue(e.getMessage().contains("has user-info, which the HTTP client does not send"), e.getMessage());
    }
    assertEquals("endpoint: 'https://risk.example.com/check' has user-info, which the HTTP client does not send: the "
        + "service would get no credentials; give them with header(\"Authorization\", ...)",
        assertThrows(InvalidInputException.class, () -> HttpRiskCheck.builder(
            URI.create("https://risk:pw-SECRET@risk.example.com/check"))).getMessage());
  }

  /**
   * A 200 with an empty body, or one of whitespace only, is named so: it had been "no \"decision\" string", which sent
   * whoever read the reason looking for a field in JSON that was never sent.
   */
  @Test
  void anEmptyAnswerIsNamedAsSuch() {
    for (FailureMode mode : FailureMode.values()) {
      HttpRiskCheck check = check("/answer", mode);
      for (String body : new String[] {"", " \r\n\t"}) {
        RiskAssessment a = answering(200, body, check);
        assertEquals(mode.onFailure("test-antifraud", "unreadable answer (an empty body)"), a, mode + " '" + body + "'");
      }
    }
    assertEquals(degraded("unreadable answer (no \"decision\" string)"),
        answering(200, "null", check("/answer", FailureMode.FAIL_CLOSED)));
  }

  private RiskAssessment answering(int status, String body, HttpRiskCheck check) {
    answer.set(new Object[] {status, "application/json", body.getBytes(StandardCharsets.UTF_8)});
    return check.check(request);
  }

  private static RiskAssessment degraded(String why) {
    return new RiskAssessment("test-antifraud", RiskDecision.DENY, null, why + " (fail-closed)", true);
  }
}
