package io.github.fenqi.nlp.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A feed that has not changed since it was read answers {@code 304 Not Modified} to a conditional GET: the source
 * asks with the validators of the last response ({@code If-None-Match}, {@code If-Modified-Since}) and gives the
 * announcements read from it again, without the body being sent (every poll had downloaded and parsed the whole feed
 * again). Against a real loopback server that honours the validators.
 */
class ConditionalFetchTest {
  private static final String FEED = "{\"items\":[{\"id\":\"n-2\",\"content\":\"最长可分36期。\"},"
      + "{\"id\":\"n-1\",\"content\":\"罚息最高减免百分之五十。\"}]}";
  private LoopbackServer server;
  private final AtomicReference<String> feed = new AtomicReference<>(FEED);
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T02:00:00Z"));
  /** The conditional headers of each request, {@code If-None-Match|If-Modified-Since} ("-" for none). */
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private final AtomicInteger bodiesSent = new AtomicInteger();

  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Serves the feed with the validator {@code header} ({@code ETag} or {@code Last-Modified}) of its version. */
  private void serveWith(String header, String conditionalHeader) {
    server.handle("/feed", ex -> {
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
      asked.add((inm == null ? "-" : inm) + "|" + (ims == null ? "-" : ims));
      String body = feed.get();
      String validator = header.equals("ETag") ? "\"v" + Integer.toHexString(body.hashCode()) + "\""
          : body.equals(FEED) ? "Tue, 24 Nov 2026 08:00:00 GMT" : "Wed, 25 Nov 2026 08:00:00 GMT";
      ex.getResponseHeaders().set(header, validator);
      if (validator.equals(ex.getRequestHeaders().getFirst(conditionalHeader))) {
        LoopbackServer.respond(ex, 304, "", new byte[0]);
        return;
      }
      bodiesSent.incrementAndGet();
      LoopbackServer.respond(ex, 200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    });
  }

  private HttpPolicySource source() {
    return HttpPolicySource.builder("feed", "hexin", server.uri("/feed")).clock(clock).build();
  }

  private static List<String> texts(List<Announcement> announcements) {
    return announcements.stream().map(a -> a.id() + " " + a.text()).toList();
  }

  @Test
  void anUnchangedFeedIsNotSentAgainWithAnETag() {
    serveWith("ETag", "If-None-Match");
    HttpPolicySource source = source();
    List<Announcement> first = source.fetch();
    now.set(now.get().plusSeconds(1800));
    List<Announcement> second = source.fetch();
    assertEquals(texts(first), texts(second), "the same announcements");
    assertEquals(List.of(now.get(), now.get()), second.stream().map(Announcement::fetchedAt).toList(),
        "stamped with the fetch that found them unchanged");
    assertEquals(1, bodiesSent.get(), "the second answer was a 304 without a body");
    String etag = "\"v" + Integer.toHexString(FEED.hashCode()) + "\"";
    assertEquals(List.of("-|-", etag + "|-"), asked);

    feed.set(FEED.replace("{\"items\":[", "{\"items\":[{\"id\":\"n-3\",\"content\":\"最长可分60期。\"},"));
    assertEquals(List.of("n-3 最长可分60期。", "n-2 最长可分36期。", "n-1 罚息最高减免百分之五十。"),
        texts(source.fetch()), "a changed feed is read");
    assertEquals(2, bodiesSent.get());
    assertEquals(3, source.fetch().size(), "and remembered in its place");
    assertEquals(2, bodiesSent.get());
  }

  @Test
  void anUnchangedFeedIsNotSentAgainWithALastModifiedDate() {
    serveWith("Last-Modified", "If-Modified-Since");
    HttpPolicySource source = source();
    List<Announcement> first = source.fetch();
    assertEquals(texts(first), texts(source.fetch()));
    assertEquals(1, bodiesSent.get());
    assertEquals(List.of("-|-", "-|Tue, 24 Nov 2026 08:00:00 GMT"), asked);
  }

  /** A response without a validator is not remembered: the next request asks for the whole feed again. */
  @Test
  void aResponseWithoutAValidatorMakesTheNextRequestUnconditional() {
    AtomicReference<String> etag = new AtomicReference<>("\"a\"");
    server.handle("/feed", ex -> {
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      asked.add(inm == null ? "-" : inm);
      if (etag.get() != null) {
        ex.getResponseHeaders().set("ETag", etag.get());
      }
      LoopbackServer.respond(ex, 200, "application/json; charset=utf-8", FEED.getBytes(StandardCharsets.UTF_8));
    });
    HttpPolicySource source = source();
    source.fetch();
    etag.set(null);
    source.fetch();
    source.fetch();
    assertEquals(List.of("-", "\"a\"", "-"), asked);
  }

  /** A blank {@code ETag} or {@code Last-Modified} is no validator: the next request is not conditional on it. */
  @Test
  void aBlankValidatorIsNoValidator() {
    server.handle("/feed", ex -> {
      String inm = ex.getRequestHeaders().getFirst("If-None-Match");
      String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
      asked.add((inm == null ? "-" : "'" + inm + "'") + "|" + (ims == null ? "-" : "'" + ims + "'"));
      ex.getResponseHeaders().set("ETag", " ");
      ex.getResponseHeaders().set("Last-Modified", " ");
      LoopbackServer.respond(ex, 200, "application/json; charset=utf-8", FEED.getBytes(StandardCharsets.UTF_8));
    });
    HttpPolicySource source = source();
    source.fetch();
    source.fetch();
    assertEquals(List.of("-|-", "-|-"), asked);
  }

  /** A 304 to a request that was not conditional says nothing about the feed: it is an error, as before. */
  @Test
  void aNotModifiedToAnUnconditionalRequestIsAnError() {
    server.handle("/feed", ex -> LoopbackServer.respond(ex, 304, "", new byte[0]));
    PolicySourceException e = assertThrows(PolicySourceException.class, () -> source().fetch());
    assertEquals("policy source 'feed': HTTP 304 from " + server.uri("/feed"), e.getMessage());
  }

  /**
   * The feed read with a validator came from where the address redirected then ({@code /a}); a 304 from where it
   * redirects now ({@code /b}) answers a request that was not conditional, so it says nothing of what {@code /a} sent:
   * an error, not {@code /a}'s announcements again.
   */
  @Test
  void aNotModifiedFromAnotherAddressThanTheOneReadIsAnError() {
    AtomicInteger requests = new AtomicInteger();
    server.handle("/feed", ex -> {
      ex.getResponseHeaders().set("Location", requests.getAndIncrement() == 0 ? "/a" : "/b");
      LoopbackServer.respond(ex, 302, "", new byte[0]);
    });
    server.handle("/a", ex -> {
      ex.getResponseHeaders().set("ETag", "\"a\"");
      LoopbackServer.respond(ex, 200, "application/json; charset=utf-8", FEED.getBytes(StandardCharsets.UTF_8));
    });
    server.handle("/b", ex -> {
      asked.add(ex.getRequestHeaders().getFirst("If-None-Match") == null ? "-" : "conditional");
      LoopbackServer.respond(ex, 304, "", new byte[0]);
    });
    HttpPolicySource source = source();
    assertEquals(2, source.fetch().size());
    PolicySourceException e = assertThrows(PolicySourceException.class, source::fetch);
    assertEquals("policy source 'feed': HTTP 304 from " + server.uri("/b") + " (redirected from " + server.uri("/feed")
        + ")", e.getMessage());
    assertEquals(List.of("-"), asked, "the request to /b was not conditional");
  }
}
