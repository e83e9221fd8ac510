package io.github.fenqi.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An exchange BoundedHttp gives up on (its deadline past, its body over the limit, its caller interrupted) is
 * abandoned, not left running: left running, a body without end would go on being read in the background after the
 * caller was told of the failure, its connection held for as long as the server kept sending. No test said so, and
 * each cancellation could be dropped unseen (round 56). Seen from the server on loopback: its writes fail soon after
 * the caller's answer, as they do once the client closes the connection.
 */
class BoundedHttpAbandonsTest {
  /** How long the server goes on sending unless the client goes away: far longer than any wait below. */
  private static final long SERVER_GIVES_UP_MS = 20_000;
  private final HttpClient client = HttpClient.newHttpClient();
  /** True when a write of the endless body failed (the client went away), false when the server gave up. */
  private final CompletableFuture<Boolean> clientWentAway = new CompletableFuture<>();
  /** Counted down once the endless body has begun: the caller gives up on a body it is reading. */
  private final CountDownLatch sending = new CountDownLatch(1);
  private ExecutorService pool;
  private HttpServer server;

  @BeforeEach
  void start() throws IOException, InterruptedException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    pool = Executors.newFixedThreadPool(2);
    server.setExecutor(pool);
    server.createContext("/endless", ex -> endless(ex, 0));
    server.createContext("/late", ex -> endless(ex, 600));
    server.createContext("/warm", ex -> {
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    server.start();
    // the first exchange of a JVM takes a second or more (classes loading); a deadline of a few hundred milliseconds
    // had then run out before the body began, which is another case (anExchangeWhoseHeadersCameAfterTheDeadline...)
    client.send(at("/warm"), HttpResponse.BodyHandlers.discarding());
  }

  /** After {@code headersAfterMs}, headers, then 1 KB every 20 ms, without end. */
  private void endless(HttpExchange ex, long headersAfterMs) throws IOException {
    try {
      Thread.sleep(headersAfterMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    ex.sendResponseHeaders(200, 0);
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SERVER_GIVES_UP_MS);
    try (OutputStream out = ex.getResponseBody()) {
      while (System.nanoTime() < until) {
        out.write(new byte[1024]);
        out.flush();
        sending.countDown();
        Thread.sleep(20);
      }
      clientWentAway.complete(false);
    } catch (IOException gone) {
      clientWentAway.complete(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
    pool.shutdownNow();
  }

  private HttpRequest endless() {
    return at("/endless");
  }

  private HttpRequest at(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build();
  }

  /** Whether the server saw the client go away within 5 s of the failure (generous for a loaded host). */
  private boolean abandoned() throws Exception {
    return clientWentAway.get(5, TimeUnit.SECONDS);
  }

  @Test
  void anExchangePastItsDeadlineIsAbandoned() throws Exception {
    BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
        () -> BoundedHttp.send(client, endless(), Duration.ofMillis(2000), 100L * 1024 * 1024));
    assertEquals(BoundedHttp.FailureKind.TIMEOUT, f.kind(), f.getMessage());
    assertEquals(0, sending.getCount(), "the body had begun");
    assertTrue(abandoned(), "the server was still being read");
  }

  @Test
  void anExchangeWhoseBodyPassedTheLimitIsAbandoned() throws Exception {
    BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
        () -> BoundedHttp.send(client, endless(), Duration.ofSeconds(10), 4 * 1024));
    assertEquals(BoundedHttp.FailureKind.TOO_LARGE, f.kind(), f.getMessage());
    assertTrue(abandoned(), "the server was still being read");
  }

  @Test
  void anExchangeWhoseCallerWasInterruptedIsAbandoned() throws Exception {
    CompletableFuture<String> seen = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        BoundedHttp.send(client, endless(), Duration.ofSeconds(10), 100L * 1024 * 1024);
        seen.complete("answered");
      } catch (BoundedHttp.Failure f) {
        seen.complete(f.kind().toString());
      }
    });
    caller.start();
    assertTrue(sending.await(10, TimeUnit.SECONDS), "the body began");
    caller.interrupt();
    assertEquals("INTERRUPTED", seen.get(5, TimeUnit.SECONDS));
    assertTrue(abandoned(), "the server was still being read");
  }

  /** The headers come after the deadline: the body that follows them is not read either. */
  @Test
  void anExchangeWhoseHeadersCameAfterTheDeadlineIsAbandoned() throws Exception {
    BoundedHttp.Failure f = assertThrows(BoundedHttp.Failure.class,
        () -> BoundedHttp.send(client, at("/late"), Duration.ofMillis(200), 100L * 1024 * 1024));
    assertEquals(BoundedHttp.FailureKind.TIMEOUT, f.kind(), f.getMessage());
    assertTrue(abandoned(), "the server was still being read");
  }
}
