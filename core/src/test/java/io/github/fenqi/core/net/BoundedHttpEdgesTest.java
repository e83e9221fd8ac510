package io.github.fenqi.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BoundedHttp's limits taken exactly at their value, against a real server on loopback: a body sent without a declared
 * length (chunked) of exactly the limit and one byte over, the shortest deadline, a Content-Length one digit past a
 * long's range and an empty one.
 */
class BoundedHttpEdgesTest {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

  private final HttpClient client = HttpClient.newHttpClient();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
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

  private HttpRequest chunked() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/chunked")).build();
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
    try (BoundedHttpTest.RawServer raw = new BoundedHttpTest.RawServer(
        "HTTP/1.1 200 OK\r\nContent-Length: 9999999999999999999\r\n\r\nabc")) {
      BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
          () -> BoundedHttp.send(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5), 1024));
      assertEquals(BoundedHttp.FailureKind.TOO_LARGE, f.kind(), f.getMessage());
    }
    try (BoundedHttpTest.RawServer raw = new BoundedHttpTest.RawServer("HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\nabc")) {
      BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
          () -> BoundedHttp.send(client, HttpRequest.newBuilder(raw.uri()).build(), Duration.ofSeconds(5), 1024));
      assertEquals(BoundedHttp.FailureKind.IO, f.kind(), f.getMessage());
      assertEquals(raw.uri() + ": the response's Content-Length '' is not a number of bytes", f.getMessage());
    }
  }

  private HttpRequest stalls() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stalls")).build();
  }

  /** The deadline bounds the whole wait: a server that never answers costs the caller the deadline, not more. */
  @Test
  void aServerThatNeverAnswersCostsTheDeadline() {
    long start = System.nanoTime();
    BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
        () -> BoundedHttp.send(client, stalls(), Duration.ofSeconds(1), 1024));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(BoundedHttp.FailureKind.TIMEOUT, f.kind());
    assertTrue(millis >= 1000 && millis < 3000, millis + " ms for a deadline of 1000 ms");
  }

  /** A caller interrupted while it waits gets INTERRUPTED and keeps its interrupt flag. */
  @Test
  void aCallerInterruptedWhileWaitingKeepsItsInterrupt() throws Exception {
    CompletableFuture<String> seen = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        BoundedHttp.send(client, stalls(), Duration.ofSeconds(10), 1024);
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
