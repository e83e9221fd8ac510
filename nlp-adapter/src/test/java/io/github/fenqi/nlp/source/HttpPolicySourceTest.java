package io.github.fenqi.nlp.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.nlp.ExtractionResult;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.PolicyTextExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPolicySourceTest {
  private static final String POLICY = "逾期满90天的客户最长可分36期偿还，罚息最高减免50%。";
  private static final Charset GBK = Charset.forName("GBK");
  private LoopbackServer server;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * A source for a path that answers at once: 10 s, not a limit any test reaches (1.5 s had timed out at a load of 12).
   * The tests of a late answer build their own source with 300 ms.
   */
  private HttpPolicySource source(String path) {
    return HttpPolicySource.builder("test", "hexin", server.uri(path))
        .readTimeout(Duration.ofSeconds(10))
        .maxBodyBytes(64 * 1024)
        .build();
  }

  private static String html(String body, String head) {
    return "<!DOCTYPE html><html><head>" + head + "<title>公告</title></head><body>" + body + "</body></html>";
  }

  @Test
  void fetchesHtmlPageStrippingScriptsAndStyles() {
    String page = html("<div><p>" + POLICY + "</p><script>document.write('逾期满1天即可，最长可分99期');</script>"
        + "<style>p{content:'最长可分98期'}</style><!-- 最长可分97期 --></div>", "");
    server.serve("/notice", "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    Announcement a = source("/notice").fetch().get(0);
    assertEquals("公告", a.title());
    assertTrue(a.text().contains(POLICY), a.text());
    assertFalse(a.text().contains("99") || a.text().contains("98") || a.text().contains("97"), a.text());
    ExtractionResult r = PolicyTextExtractor.create().extract(a.text());
    assertEquals(36, r.field(PolicyField.MAX_INSTALLMENTS).orElseThrow().intValue());
    assertEquals(90, r.field(PolicyField.MIN_OVERDUE_DAYS).orElseThrow().intValue());
  }

  @Test
  void decodesGbkPageDeclaredByMetaTag() {
    String page = html("<p>" + POLICY + "</p>", "<meta charset=\"gbk\">");
    server.serve("/gbk", "text/html", page.getBytes(GBK));
    assertTrue(source("/gbk").fetch().get(0).text().contains(POLICY));
  }

  /**
   * A page's {@code <meta charset>} is read when its Content-Type names none: a Big5 page (a Hong Kong or Taiwan
   * lender's) decodes as GB18030 too, into other characters, so the guess after it cannot stand in for it.
   */
  @Test
  void aMetaCharsetIsReadBeforeTheEncodingIsGuessed() {
    String traditional = "最長可分36期，罰息最高減免50%。";
    String page = html("<p>" + traditional + "</p>", "<meta charset=\"big5\">");
    server.serve("/big5", "text/html", page.getBytes(Charset.forName("Big5")));
    String text = source("/big5").fetch().get(0).text();
    assertTrue(text.contains(traditional), text);
  }

  @Test
  void decodesGbkBodyMislabelledAsUtf8() {
    String page = html("<p>" + POLICY + "</p>", "");
    server.serve("/wrong", "text/html; charset=UTF-8", page.getBytes(GBK));
    assertTrue(source("/wrong").fetch().get(0).text().contains(POLICY));
  }

  @Test
  void detectsGbkWithoutAnyDeclaration() {
    server.serve("/plain", "text/plain", POLICY.getBytes(GBK));
    assertEquals(POLICY, source("/plain").fetch().get(0).text());
  }

  @Test
  void timesOutOnSlowPage() {
    server.handle("/slow", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        out.write("<p>逾期".getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(5000);
      } catch (InterruptedException | IOException e) {
        Thread.currentThread().interrupt();
      }
    });
    HttpPolicySource source = HttpPolicySource.builder("slow", "hexin", server.uri("/slow"))
        .readTimeout(Duration.ofMillis(300)).build();
    long t0 = System.nanoTime();
    PolicySourceException e = assertThrows(PolicySourceException.class, source::fetch);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(e.getMessage().contains("read timeout"), e.getMessage());
    assertTrue(ms < 3000, "took " + ms + " ms");
  }

  /**
   * A timeout after a redirect names where the page was awaited: it had named the configured address, which had
   * answered at once with its redirect. A refused connection says it was refused, where it had said "ConnectException".
   */
  @Test
  void aTimeoutAfterARedirectNamesTheRedirectTargetAndARefusalSaysSo() throws IOException {
    server.handle("/stalls", ex -> {
      try {
        Thread.sleep(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    server.handle("/to-stalls", ex -> {
      ex.getResponseHeaders().set("Location", "/stalls");
      LoopbackServer.respond(ex, 302, "", new byte[0]);
    });
    HttpPolicySource source = HttpPolicySource.builder("test", "hexin", server.uri("/to-stalls"))
        .readTimeout(Duration.ofMillis(300)).build();
    assertEquals("policy source 'test': no complete response from " + server.uri("/stalls") + " (redirected from "
        + server.uri("/to-stalls") + ") within 300 ms (read timeout)",
        assertThrows(PolicySourceException.class, source::fetch).getMessage());
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    URI refusing = URI.create("http://127.0.0.1:" + port + "/x");
    assertEquals("policy source 'test': cannot fetch " + refusing + ": the connection to 127.0.0.1:" + port
        + " was refused", assertThrows(PolicySourceException.class,
            () -> HttpPolicySource.builder("test", "hexin", refusing).build().fetch()).getMessage());
    server.handle("/to-refusing", ex -> {
      ex.getResponseHeaders().set("Location", refusing.toString());
      LoopbackServer.respond(ex, 302, "", new byte[0]);
    });
    assertEquals("policy source 'test': cannot fetch " + refusing + ": the connection to 127.0.0.1:" + port
        + " was refused (redirected from " + server.uri("/to-refusing") + ")", assertThrows(PolicySourceException.class,
            () -> source("/to-refusing").fetch()).getMessage(), "a failed connection after a redirect names both");
  }

  @Test
  void stopsReadingHugePageAtSizeLimit() {
    byte[] chunk = new byte[8192];
    Arrays.fill(chunk, (byte) 'a');
    server.handle("/huge", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/plain");
      ex.sendResponseHeaders(200, 0); // chunked, no Content-Length: the limit must be enforced while streaming
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 10_000; i++) { // 80 MB if nobody stops it
          out.write(chunk);
        }
      } catch (IOException expected) {
        // the client hung up
      }
    });
    PolicySourceException e = assertThrows(PolicySourceException.class, () -> source("/huge").fetch());
    assertTrue(e.getMessage().endsWith(" (HTTP status 200) is larger than the limit of 65536 bytes"), e.getMessage());
  }

  /**
   * The limit is the largest body accepted: a body of exactly the limit is read, sent whole or inflated from gzip, and
   * one byte more is refused.
   */
  @Test
  void aBodyOfExactlyTheLimitIsReadOneByteMoreIsNot() throws IOException {
    byte[] limit = new byte[64 * 1024];
    Arrays.fill(limit, (byte) 'a');
    byte[] over = Arrays.copyOf(limit, limit.length + 1);
    over[limit.length] = 'a';
    server.serve("/limit", "text/plain", limit);
    serveEncoded("/limit-gz", "text/plain", "gzip", gzip(limit));
    serveEncoded("/over-gz", "text/plain", "gzip", gzip(over));
    for (String path : List.of("/limit", "/limit-gz")) {
      assertEquals(limit.length, source(path).fetch().get(0).text().length(), path);
    }
    PolicySourceException e = assertThrows(PolicySourceException.class, () -> source("/over-gz").fetch());
    assertTrue(e.getMessage().contains("inflates to more than the limit of 65536 bytes"), e.getMessage());
  }

  @Test
  void rejectsDeclaredOversizeBody() {
    server.serve("/big", "text/plain", new byte[100_000]);
    PolicySourceException e = assertThrows(PolicySourceException.class, () -> source("/big").fetch());
    assertTrue(e.getMessage().contains("limit"), e.getMessage());
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private void serveEncoded(String path, String contentType, String encoding, byte[] body) {
    server.handle(path, ex -> {
      ex.getResponseHeaders().set("Content-Encoding", encoding);
      LoopbackServer.respond(ex, 200, contentType, body);
    });
  }

  @Test
  void asksForGzipAndInflatesIt() throws IOException {
    String page = html("<p>" + POLICY + "</p>", "");
    String[] acceptEncoding = new String[1];
    server.handle("/gz", ex -> {
      acceptEncoding[0] = ex.getRequestHeaders().getFirst("Accept-Encoding");
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      LoopbackServer.respond(ex, 200, "text/html; charset=utf-8", gzip(page.getBytes(StandardCharsets.UTF_8)));
    });
    assertTrue(source("/gz").fetch().get(0).text().contains(POLICY));
    assertEquals("gzip", acceptEncoding[0]);
  }

  @Test
  void refusesGzipThatInflatesBeyondTheLimit() throws IOException {
    byte[] bomb = gzip(new byte[10 * 1024 * 1024]); // ~10 KB on the wire, 10 MiB inflated; the limit is 64 KiB
    assertTrue(bomb.length < 64 * 1024);
    serveEncoded("/bomb", "text/plain", "gzip", bomb);
    PolicySourceException e = assertThrows(PolicySourceException.class, () -> source("/bomb").fetch());
    assertTrue(e.getMessage().contains("inflates to more than the limit of 65536 bytes"), e.getMessage());
  }

  /** A gzip body cut short had been refused as "says gzip but is not valid gzip: null". */
  @Test
  void refusesGzipCutShortSayingSo() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(html("<p>" + POLICY + "</p>", "").getBytes(StandardCharsets.UTF_8));
    }
    for (int cut : List.of(6, zipped.size() / 2, zipped.size() - 12)) {
      serveEncoded("/cut" + cut, "text/html", "gzip", Arrays.copyOf(zipped.toByteArray(), zipped.size() - cut));
      PolicySourceException e = assertThrows(PolicySourceException.class, () -> source("/cut" + cut).fetch());
      assertEquals("policy source 'test': response from " + server.uri("/cut" + cut) + " says gzip but is not valid gzip: "
          + "it ends before the compressed data does (cut short)", e.getMessage(), "cut " + cut);
    }
  }

  /**
   * gzip's old name x-gzip (RFC 9110 §8.4.1.3) is gzip and identity is no encoding, in any case; any other encoding,
   * or two of them, is refused naming it.
   */
  @Test
  void xGzipIsGzipIdentityIsNoneAndAnyOtherEncodingIsNamed() throws IOException {
    byte[] page = html("<p>" + POLICY + "</p>", "").getBytes(StandardCharsets.UTF_8);
    serveEncoded("/x-gzip", "text/html; charset=utf-8", "X-Gzip", gzip(page));
    serveEncoded("/identity", "text/html; charset=utf-8", "Identity", page);
    for (String path : List.of("/x-gzip", "/identity")) {
      String text = source(path).fetch().get(0).text();
      assertTrue(text.contains(POLICY), path + ": " + text);
    }
    for (String encoding : List.of("deflate", "gzip, gzip")) {
      String path = "/" + encoding.replaceAll("[^a-z]", "");
      serveEncoded(path, "text/html", encoding, gzip(page));
      assertEquals("policy source 'test': response from " + server.uri(path) + " has Content-Encoding '" + encoding
          + "'; only gzip is supported", assertThrows(PolicySourceException.class, () -> source(path).fetch())
          .getMessage(), encoding);
    }
  }

  @Test
  void refusesBrokenGzipAndOtherEncodings() {
    serveEncoded("/broken", "text/html", "gzip", POLICY.getBytes(StandardCharsets.UTF_8));
    PolicySourceException broken = assertThrows(PolicySourceException.class, () -> source("/broken").fetch());
    assertTrue(broken.getMessage().contains("says gzip but is not valid gzip"), broken.getMessage());
    serveEncoded("/br", "text/html", "br", new byte[] {1, 2, 3});
    PolicySourceException br = assertThrows(PolicySourceException.class, () -> source("/br").fetch());
    assertTrue(br.getMessage().contains("Content-Encoding 'br'; only gzip is supported"), br.getMessage());
  }

  /**
   * The media type a server declared is quoted as core quotes a value from outside ({@code Problem.excerpt}): one of
   * 10 000 characters had been quoted whole in the error, whether refused as no text or as the label of a PDF.
   */
  @Test
  void aDeclaredMediaTypeIsQuotedCut() {
    String declared = "application/" + "x".repeat(10_000);
    server.serve("/long-type", declared, "a".getBytes(StandardCharsets.UTF_8));
    server.serve("/long-text-type", "text/" + "x".repeat(10_000), "%PDF-1.7".getBytes(StandardCharsets.UTF_8));
    PolicySourceException notText = assertThrows(PolicySourceException.class, () -> source("/long-type").fetch());
    assertTrue(notText.getMessage().contains(" is 'application/" + "x".repeat(25) + "...', not text"),
        notText::getMessage);
    PolicySourceException pdf = assertThrows(PolicySourceException.class, () -> source("/long-text-type").fetch());
    assertTrue(pdf.getMessage().contains("is a PDF document although labelled 'text/" + "x".repeat(32) + "...'"),
        pdf::getMessage);
  }

  @Test
  void refusesBodiesThatAreNotText() {
    server.serve("/pdf-declared", "application/pdf", "%PDF-1.7 最长可分36期".getBytes(StandardCharsets.UTF_8));
    PolicySourceException declared = assertThrows(PolicySourceException.class,
        () -> source("/pdf-declared").fetch());
    assertTrue(declared.getMessage().contains("is 'application/pdf', not text"), declared.getMessage());

    server.serve("/pdf-as-html", "text/html", "%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1));
    PolicySourceException mislabelled = assertThrows(PolicySourceException.class,
        () -> source("/pdf-as-html").fetch());
    assertTrue(mislabelled.getMessage().contains("is a PDF document although labelled 'text/html'"),
        mislabelled.getMessage());

    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    server.serve("/image", "", png);
    PolicySourceException image = assertThrows(PolicySourceException.class, () -> source("/image").fetch());
    assertTrue(image.getMessage().contains("binary data (a NUL byte at offset 8) (no Content-Type)"),
        image.getMessage());
  }

  /** UTF-16 text is half NUL bytes: a page or feed in UTF-16 had been refused as "binary data (a NUL byte at offset 3)". */
  @Test
  void readsUtf16ByItsByteOrderMarkOrDeclaredCharset() {
    byte[] leBom = {(byte) 0xff, (byte) 0xfe};
    byte[] beBom = {(byte) 0xfe, (byte) 0xff};
    String feed = "[{\"id\":\"n-1\",\"content\":\"" + POLICY + "\"}]";
    server.serve("/le-bom", "application/json", concat(leBom, feed.getBytes(StandardCharsets.UTF_16LE)));
    server.serve("/be-bom", "text/html", concat(beBom, html("<p>" + POLICY + "</p>", "").getBytes(StandardCharsets.UTF_16BE)));
    server.serve("/le-declared", "text/plain; charset=UTF-16LE", POLICY.getBytes(StandardCharsets.UTF_16LE));
    for (String path : List.of("/le-bom", "/be-bom", "/le-declared")) {
      assertTrue(source(path).fetch().get(0).text().contains(POLICY), path);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void acceptsTextualTypesBeyondHtml() {
    server.serve("/xhtml", "application/xhtml+xml; charset=utf-8",
        html("<p>" + POLICY + "</p>", "").getBytes(StandardCharsets.UTF_8));
    assertTrue(source("/xhtml").fetch().get(0).text().contains(POLICY));
  }

  @Test
  void survivesDeeplyNestedAndUnbalancedTags() {
    StringBuilder page = new StringBuilder();
    page.append("<div>".repeat(10_000)).append(POLICY).append("<span title=\"x>y\">").append("</div>".repeat(5));
    page.append("<b><i><u>未闭合 < 5 & 标签");
    server.serve("/nested", "text/html; charset=utf-8", page.toString().getBytes(StandardCharsets.UTF_8));
    String text = source("/nested").fetch().get(0).text();
    assertTrue(text.contains(POLICY), text.substring(0, Math.min(200, text.length())));
    assertTrue(text.contains("未闭合 < 5 & 标签"), text);
  }

  @Test
  void readsJsonFeedItems() {
    String feed = "{\"items\":[{\"id\":\"n-2\",\"title\":\"新政\",\"content\":\"<p>" + POLICY + "</p>\","
        + "\"url\":\"/n/2\"},{\"id\":\"n-1\",\"text\":\"旧政策\"}]}";
    server.serve("/feed", "application/json", feed.getBytes(StandardCharsets.UTF_8));
    List<Announcement> items = source("/feed").fetch();
    assertEquals(2, items.size());
    assertEquals("n-2", items.get(0).id());
    assertEquals(POLICY, items.get(0).text());
    assertEquals(server.uri("/n/2"), items.get(0).uri());
    assertEquals("旧政策", items.get(1).text());
  }

  /** A JSON item's text is its {@code content}, else its {@code text}, else its {@code body}, as the README lists. */
  @Test
  void aJsonItemsTextIsItsContentElseItsTextElseItsBody() {
    String feed = "[{\"id\":\"n-3\",\"content\":\"内容\",\"text\":\"文本\",\"body\":\"正文\"},"
        + "{\"id\":\"n-2\",\"text\":\"文本\",\"body\":\"正文\"},{\"id\":\"n-1\",\"body\":\"" + POLICY + "\"}]";
    server.serve("/bodies", "application/json", feed.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("内容", "文本", POLICY), source("/bodies").fetch().stream().map(Announcement::text).toList());
  }

  /**
   * AUTO reads a body as JSON whenever its Content-Type says JSON ({@code application/feed+json}, {@code text/json}),
   * and as an RSS/Atom feed by its first element only when it is not labelled HTML: a page labelled HTML is one page.
   */
  @Test
  void autoReadsAFeedByItsContentTypeAndAPageLabelledHtmlAsOnePage() {
    String feed = "[{\"id\":\"n-2\",\"content\":\"最长可分36期。\"},{\"id\":\"n-1\",\"content\":\"最长可分24期。\"}]";
    server.serve("/feed-json", "application/feed+json; charset=utf-8", feed.getBytes(StandardCharsets.UTF_8));
    server.serve("/text-json", "text/json", feed.getBytes(StandardCharsets.UTF_8));
    for (String path : List.of("/feed-json", "/text-json")) {
      assertEquals(List.of("n-2", "n-1"), source(path).fetch().stream().map(Announcement::id).toList(), path);
    }
    String rss = "<rss><channel><item><description>最长可分36期。</description></item>"
        + "<item><description>最长可分24期。</description></item></channel></rss>";
    server.serve("/rss-as-html", "text/html; charset=utf-8", rss.getBytes(StandardCharsets.UTF_8));
    server.serve("/rss-as-text", "text/plain; charset=utf-8", rss.getBytes(StandardCharsets.UTF_8));
    List<Announcement> page = source("/rss-as-html").fetch();
    assertEquals(List.of(server.uri("/rss-as-html").toString()), page.stream().map(Announcement::id).toList());
    assertEquals(2, source("/rss-as-text").fetch().size(), "not labelled HTML: a feed by its first element");
    server.serve("/rss-as-xml", "application/xml; charset=utf-8", rss.getBytes(StandardCharsets.UTF_8));
    assertEquals(2, source("/rss-as-xml").fetch().size(), "application/xml is text");
  }

  /**
   * A JSON item whose id is blank names no item, as a blank RSS guid does: two items with {@code "id": "  "} had been
   * one announcement under the id "  ", so the watcher could not tell an edit of one from the other item.
   */
  @Test
  void blankJsonItemIdsAreNamedByTheirPlace() {
    String feed = "[{\"id\":\"  \",\"content\":\"最长可分36期。\"},{\"id\":\"  \",\"content\":\"最长可分48期。\"},"
        + "{\"id\":\"\",\"content\":\"最长可分60期。\"}]";
    server.serve("/feed", "application/json", feed.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(server.uri("/feed") + "#0", server.uri("/feed") + "#1", server.uri("/feed") + "#2"),
        source("/feed").fetch().stream().map(Announcement::id).toList());
  }

  /**
   * A feed moved (http://old/feed → http://new/api/v2/feed): its relative links are relative to where it now is; they
   * had been resolved against the configured address, giving pages that do not exist.
   */
  @Test
  void resolvesItemLinksAgainstTheAddressTheFeedCameFromAfterARedirect() {
    String feed = "[{\"id\":\"n-1\",\"url\":\"n/1\",\"content\":\"" + POLICY + "\"}]";
    String rss = "<rss><channel><item><link>n/2</link><description>" + POLICY + "</description></item></channel></rss>";
    server.serve("/api/v2/feed", "application/json", feed.getBytes(StandardCharsets.UTF_8));
    server.serve("/api/v2/rss", "application/rss+xml", rss.getBytes(StandardCharsets.UTF_8));
    for (String name : List.of("feed", "rss")) {
      server.handle("/old/" + name, ex -> {
        ex.getResponseHeaders().set("Location", server.uri("/api/v2/" + name).toString());
        LoopbackServer.respond(ex, 301, "", new byte[0]);
      });
    }
    assertEquals(server.uri("/api/v2/n/1"), source("/old/feed").fetch().get(0).uri());
    assertEquals(server.uri("/api/v2/n/2"), source("/old/rss").fetch().get(0).uri());
  }

  /** A javascript: (or data:, file:) item link had become the announcement's address, shown to reviewers. */
  @Test
  void refusesAnItemLinkThatIsNotAWebAddressNamingTheItem() {
    server.serve("/js", "application/json",
        "[{\"content\":\"a\"},{\"url\":\"javascript:alert(1)\",\"content\":\"b\"}]".getBytes(StandardCharsets.UTF_8));
    server.serve("/file", "application/rss+xml",
        "<rss><channel><item><link>file:///etc/passwd</link><description>a</description></item></channel></rss>"
            .getBytes(StandardCharsets.UTF_8));
    PolicySourceException js = assertThrows(PolicySourceException.class, () -> source("/js").fetch());
    assertEquals("policy source 'test': JSON feed from " + server.uri("/js")
        + ": items[1].url 'javascript:alert(1)' is not an http or https address", js.getMessage());
    PolicySourceException file = assertThrows(PolicySourceException.class, () -> source("/file").fetch());
    assertEquals("policy source 'test': RSS/Atom feed from " + server.uri("/file")
        + ": item 1 link 'file:///etc/passwd' is not an http or https address", file.getMessage());
  }

  /**
   * An item's link is quoted as core quotes a value from outside ({@code Problem.excerpt}): one with a line break, no
   * URI, had been quoted raw, beginning a forged line of its own in a log, and a javascript: link of 10 000 characters
   * quoted whole.
   */
  @Test
  void aRefusedItemLinkIsQuotedEscapedAndCut() {
    server.serve("/broken", "application/json",
        "[{\"url\":\"n 1\\nINFO ok\",\"content\":\"a\"}]".getBytes(StandardCharsets.UTF_8));
    server.serve("/long", "application/json",
        ("[{\"url\":\"javascript:" + "a".repeat(10_000) + "\",\"content\":\"a\"}]").getBytes(StandardCharsets.UTF_8));
    PolicySourceException broken = assertThrows(PolicySourceException.class, () -> source("/broken").fetch());
    assertEquals("policy source 'test': JSON feed from " + server.uri("/broken")
        + ": items[0].url 'n 1\\nINFO ok' is not a valid URI", broken.getMessage());
    PolicySourceException longLink = assertThrows(PolicySourceException.class, () -> source("/long").fetch());
    assertEquals("policy source 'test': JSON feed from " + server.uri("/long")
        + ": items[0].url 'javascript:" + "a".repeat(26) + "...' is not an http or https address",
        longLink.getMessage());
  }

  @Test
  void rejectsMalformedJsonFeedNamingPosition() {
    server.serve("/bad", "application/json", "{\"items\": [ {\"text\": \"a\" ".getBytes(StandardCharsets.UTF_8));
    PolicySourceException e = assertThrows(PolicySourceException.class, () -> source("/bad").fetch());
    assertTrue(e.getMessage().contains("malformed JSON feed") && e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void rejectsAFeedWithAnythingAfterIt() {
    server.serve("/trailing", "application/json",
        "[{\"text\":\"最长可分36期\"}]<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8));
    PolicySourceException e = assertThrows(PolicySourceException.class, () -> source("/trailing").fetch());
    assertTrue(e.getMessage().contains("malformed JSON feed") && e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void rejectsFeedItemWithoutText() {
    server.serve("/notext", "application/json", "[{\"id\": 1}]".getBytes(StandardCharsets.UTF_8));
    PolicySourceException e = assertThrows(PolicySourceException.class, () -> source("/notext").fetch());
    assertTrue(e.getMessage().contains("items[0]"), e.getMessage());
  }

  /** An RSS feed, newest item first; the first one's text contains "]]>", written across two CDATA sections. */
  private static final String RSS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- 公告 -->\n"
      + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>公告</title>"
      + "<link>https://example.com/</link><description>最长可分99期</description>"
      + "<item><title>分期调整</title><link>/n/2</link><guid isPermaLink=\"false\">n-2</guid>"
      + "<pubDate>Tue, 01 Dec 2026 08:00:00 +0800</pubDate><description>摘要：最长可分12期</description>"
      + "<content:encoded><![CDATA[<p>" + POLICY + "</p><p>代码 a]]]]><![CDATA[>b &amp; c</p>]]></content:encoded></item>"
      + "<item><title>旧政策</title><description>&lt;p&gt;最长可分24期。&lt;/p&gt;</description></item>"
      + "</channel></rss>";

  @Test
  void readsEachRssItemAsAnAnnouncementWithItsCdataText() {
    server.serve("/rss", "application/rss+xml; charset=utf-8", RSS.getBytes(StandardCharsets.UTF_8));
    server.serve("/rss-as-xml", "text/xml", RSS.getBytes(StandardCharsets.UTF_8));
    for (String path : List.of("/rss", "/rss-as-xml")) {
      List<Announcement> items = source(path).fetch();
      assertEquals(2, items.size(), path);
      Announcement newest = items.get(0);
      assertEquals("n-2", newest.id());
      assertEquals("分期调整", newest.title());
      assertEquals(server.uri("/n/2"), newest.uri());
      assertEquals(POLICY + "\n代码 a]]>b & c", newest.text(), "the HTML in the CDATA, with ']]>' whole");
      assertEquals(36, PolicyTextExtractor.create().extract(newest.readableText())
          .field(PolicyField.MAX_INSTALLMENTS).orElseThrow().intValue(), "content:encoded, not the summary");
      assertEquals("最长可分24期。", items.get(1).text(), "escaped HTML in a description");
      assertEquals(server.uri(path + "#1"), URI.create(items.get(1).id()));
    }
  }

  /**
   * An item whose escaped HTML has entities but no tag: "罚息&amp;nbsp;最高减免五成" had been kept as
   * "罚息&nbsp;最高减免五成" (and "36&#26399;" as it was), which hid the waiver and the term from the extractor.
   */
  @Test
  void decodesTheEntitiesOfAnItemWithoutTags() {
    String rss = "<rss><channel><item><description>最长可分36&amp;#26399;，罚息&amp;nbsp;最高减免五成</description>"
        + "</item></channel></rss>";
    String json = "[{\"content\":\"最长可分36&#26399;，罚息&nbsp;最高减免五成\"}]";
    server.serve("/rss", "application/rss+xml", rss.getBytes(StandardCharsets.UTF_8));
    server.serve("/json", "application/json", json.getBytes(StandardCharsets.UTF_8));
    for (String path : List.of("/rss", "/json")) {
      Announcement item = source(path).fetch().get(0);
      assertEquals("最长可分36期，罚息 最高减免五成", item.text(), path);
      ExtractionResult r = PolicyTextExtractor.create().extract(item.readableText());
      assertEquals(36, r.field(PolicyField.MAX_INSTALLMENTS).orElseThrow().intValue(), path);
      assertEquals(0, new java.math.BigDecimal("0.5").compareTo(
          r.field(PolicyField.MAX_PENALTY_WAIVER).orElseThrow().decimalValue()), path);
    }
  }

  @Test
  void readsAtomEntries() {
    String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>公告</title>"
        + "<entry><id>urn:n:5</id><title>罚息</title><link rel=\"self\" href=\"/self/5\"/><link href=\"/n/5\"/>"
        + "<summary>摘要</summary><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
        + "<p>罚息<b>最高减免50%</b>，1 &lt; 2</p></div></content></entry>"
        + "<entry><id>urn:n:4</id><summary type=\"html\">&lt;p&gt;最长可分24期&lt;/p&gt;</summary></entry></feed>";
    server.serve("/atom", "application/atom+xml", atom.getBytes(StandardCharsets.UTF_8));
    List<Announcement> entries = source("/atom").fetch();
    assertEquals(List.of("urn:n:5", "urn:n:4"), entries.stream().map(Announcement::id).toList());
    assertEquals(server.uri("/n/5"), entries.get(0).uri(), "the alternate link, not rel=self");
    assertEquals("罚息最高减免50%，1 < 2", entries.get(0).text());
    assertEquals("最长可分24期", entries.get(1).text());
  }

  /**
   * Of an entry's alternate links (rel="alternate" or no rel), the first is its address: Atom allows one per language
   * or type, and the feed lists the one it puts first first. Links of other relations are passed over.
   */
  @Test
  void theFirstAlternateLinkOfAnAtomEntryIsItsAddress() {
    String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>urn:n:6</id>"
        + "<link rel=\"related\" href=\"/related/6\"/><link rel=\"alternate\" hreflang=\"zh\" href=\"/n/6/zh\"/>"
        + "<link rel=\"alternate\" hreflang=\"en\" href=\"/n/6/en\"/><link href=\"/n/6/plain\"/>"
        + "<content>" + POLICY + "</content></entry>"
        + "<entry><id>urn:n:7</id><link href=\"/n/7\"/><link rel=\"alternate\" href=\"/n/7/other\"/>"
        + "<content>" + POLICY + "</content></entry></feed>";
    server.serve("/alternates", "application/atom+xml", atom.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(server.uri("/n/6/zh"), server.uri("/n/7")),
        source("/alternates").fetch().stream().map(Announcement::uri).toList());
  }

  /**
   * A page that redirects is still the configured page: its id and address are the configured address, so that the
   * page keeps its id wherever the site sends it (a moved or dated address would have made it another announcement).
   */
  @Test
  void aRedirectedPageIsIdentifiedByTheConfiguredAddress() {
    server.serve("/pages/2026/notice", "text/html; charset=utf-8",
        html("<p>" + POLICY + "</p>", "").getBytes(StandardCharsets.UTF_8));
    server.handle("/notice", ex -> {
      ex.getResponseHeaders().set("Location", "/pages/2026/notice");
      LoopbackServer.respond(ex, 302, "", new byte[0]);
    });
    Announcement page = source("/notice").fetch().get(0);
    assertTrue(page.text().contains(POLICY), page.text());
    assertEquals(server.uri("/notice").toString(), page.id());
    assertEquals(server.uri("/notice"), page.uri());
  }

  /**
   * A page's id, and that of a feed item named by its place, is the configured address without its user-info: a
   * password in the address had been the id, kept in the watcher's state file and quoted in its logs, where every
   * message leaves it out. The query stays in the id: it can tell two pages apart ({@code ?edition=2}).
   */
  @Test
  void anIdLeavesOutTheAddressesUserInfoAndKeepsItsQuery() {
    server.serve("/notice", "text/html; charset=utf-8", html("<p>" + POLICY + "</p>", "").getBytes(StandardCharsets.UTF_8));
    server.serve("/feed", "application/json", "[{\"content\":\"最长可分24期。\"}]".getBytes(StandardCharsets.UTF_8));
    String plain = "http://127.0.0.1:" + server.uri("").getPort();
    String secret = "http://u:pw-SECRET@127.0.0.1:" + server.uri("").getPort();
    Announcement page = HttpPolicySource.builder("test", "hexin", URI.create(secret + "/notice?edition=2")).build()
        .fetch().get(0);
    assertEquals(plain + "/notice?edition=2", page.id());
    Announcement item = HttpPolicySource.builder("test", "hexin", URI.create(secret + "/feed?edition=2")).build()
        .fetch().get(0);
    assertEquals(plain + "/feed?edition=2#0", item.id());
    assertEquals(server.uri("/notice") + "?edition=2", HttpPolicySource.builder("test", "hexin",
        URI.create(server.uri("/notice") + "?edition=2")).build().fetch().get(0).id());
  }

  /**
   * The address an announcement carries leaves out the configured address's user-info too, as its id does: the
   * watcher's state file kept it for every change waiting for review, and a listener was handed it. A page's, a feed
   * item's without a link of its own, and a feed item's relative link (resolved against the feed's address) alike.
   */
  @Test
  void anAnnouncementsAddressLeavesOutTheAddressesUserInfo() {
    server.serve("/notice", "text/html; charset=utf-8", html("<p>" + POLICY + "</p>", "").getBytes(StandardCharsets.UTF_8));
    server.serve("/feed", "application/json", ("[{\"content\":\"最长可分24期。\"},"
        + "{\"id\":\"n-2\",\"content\":\"最长可分36期。\",\"url\":\"/n/2?edition=2\"}]")
        .getBytes(StandardCharsets.UTF_8));
    String plain = "http://127.0.0.1:" + server.uri("").getPort();
    String secret = "http://u:pw-SECRET@127.0.0.1:" + server.uri("").getPort();
    Announcement page = HttpPolicySource.builder("test", "hexin", URI.create(secret + "/notice?edition=2")).build()
        .fetch().get(0);
    assertEquals(URI.create(plain + "/notice?edition=2"), page.uri());
    List<Announcement> items = HttpPolicySource.builder("test", "hexin", URI.create(secret + "/feed")).build().fetch();
    assertEquals(List.of(URI.create(plain + "/feed"), URI.create(plain + "/n/2?edition=2")),
        items.stream().map(Announcement::uri).toList());
  }

  /**
   * RSS 1.0 ({@code <rdf:RDF>}) is a feed too, by AUTO from a body not labelled HTML; an item's blank guid names no
   * item, so it is named by the feed's address and its place, as a blank JSON id is.
   */
  @Test
  void readsAnRss10FeedAndNamesAnItemWithABlankGuidByItsPlace() {
    String rdf = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        + "xmlns=\"http://purl.org/rss/1.0/\"><channel rdf:about=\"https://example.com/\"><title>公告</title></channel>"
        + "<item rdf:about=\"https://example.com/n/2\"><title>分期调整</title><link>https://example.com/n/2</link>"
        + "<description>最长可分36期。</description></item>"
        + "<item><guid> </guid><description>最长可分24期。</description></item></rdf:RDF>";
    server.serve("/rdf", "text/xml; charset=utf-8", rdf.getBytes(StandardCharsets.UTF_8));
    List<Announcement> items = source("/rdf").fetch();
    assertEquals(List.of("分期调整 最长可分36期。 https://example.com/n/2", " 最长可分24期。 " + server.uri("/rdf")),
        items.stream().map(a -> a.title() + " " + a.text() + " " + a.uri()).toList());
    assertEquals(server.uri("/rdf") + "#1", items.get(1).id(), "a blank guid names no item");
  }

  /**
   * Atom's {@code type="xhtml"} content is markup: its paragraphs are lines of the text, and a table row is read cell
   * by cell, a label and its value, as on a page.
   */
  @Test
  void atomXhtmlContentIsReadAsMarkup() {
    String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>urn:n:1</id><content type=\"xhtml\">"
        + "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>罚息最高减免50%</p><p>本金不减免</p><table><tr><td>分期期数</td><td>12-36期</td></tr></table>"
        + "<p>回复时请勿输入 &lt;br&gt; 标签</p></div></content></entry></feed>"; // escaped markup stays text
    server.serve("/atom", "application/atom+xml", atom.getBytes(StandardCharsets.UTF_8));
    assertEquals("罚息最高减免50%\n本金不减免\n分期期数：12-36期\n回复时请勿输入 <br> 标签",
        source("/atom").fetch().get(0).text());
  }

  @Test
  void refusesMalformedXmlFeedsNamingWhereAndNeverResolvesEntities() {
    server.serve("/broken-rss", "application/rss+xml",
        "<rss><channel>\n<item><description>最长可分36期</item></channel></rss>".getBytes(StandardCharsets.UTF_8));
    PolicySourceException broken = assertThrows(PolicySourceException.class, () -> source("/broken-rss").fetch());
    assertTrue(broken.getMessage().contains("malformed RSS/Atom feed") && broken.getMessage().contains("line 2"),
        broken.getMessage());
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
        + "<rss><channel><item><description>最长可分36期&x;</description></item></channel></rss>";
    server.serve("/xxe", "application/rss+xml", xxe.getBytes(StandardCharsets.UTF_8));
    PolicySourceException external = assertThrows(PolicySourceException.class, () -> source("/xxe").fetch());
    assertTrue(external.getMessage().contains("\"x\""), external.getMessage());
    server.serve("/no-text", "application/rss+xml",
        "<rss><channel><item><title>t</title></item></channel></rss>".getBytes(StandardCharsets.UTF_8));
    PolicySourceException noText = assertThrows(PolicySourceException.class, () -> source("/no-text").fetch());
    assertTrue(noText.getMessage().contains("item 1 has no 'description'"), noText.getMessage());
    server.serve("/not-a-feed", "application/rss+xml", "<html><p>x</p></html>".getBytes(StandardCharsets.UTF_8));
    PolicySourceException html = assertThrows(PolicySourceException.class, () -> source("/not-a-feed").fetch());
    assertTrue(html.getMessage().contains("root element is <html>"), html.getMessage());
  }

  @Test
  void reportsHttpErrorStatus() {
    server.handle("/gone", ex -> LoopbackServer.respond(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8)));
    PolicySourceException e = assertThrows(PolicySourceException.class, () -> source("/gone").fetch());
    assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    assertEquals("test", e.sourceId());
  }

  /** A redirect the client does not follow had been refused as "HTTP 302 from …" alone, without saying where to. */
  @Test
  void aRedirectNotFollowedSaysWhereItLeads() {
    assertEquals("policy source 'test': HTTP 302 from " + server.uri("/moved") + ": the redirect to "
        + "'ftp://files.example.com/notice.txt' is not followed (only to http or https)",
        refusedRedirect("/moved", "ftp://files.example.com/notice.txt"));
  }

  /**
   * A redirect to an http address that names no host is not followed, and says so: followed, the request to it failed
   * with an IllegalArgumentException, not the source's failure the watcher reports.
   */
  @Test
  void aRedirectToAnAddressWithoutAHostIsNotFollowed() {
    assertEquals("policy source 'test': HTTP 302 from " + server.uri("/hostless") + ": the redirect to "
        + "'http:///notice' is not followed (it names no host)", refusedRedirect("/hostless", "http:///notice"));
  }

  /** The failure of a fetch of {@code path}, which answers 302 with {@code location}. */
  private String refusedRedirect(String path, String location) {
    server.handle(path, ex -> {
      ex.getResponseHeaders().set("Location", location);
      LoopbackServer.respond(ex, 302, "", new byte[0]);
    });
    return assertThrows(PolicySourceException.class, () -> source(path).fetch()).getMessage();
  }

  /**
   * Five redirects in a row are followed, as documented; java.net.http's own following had given up at the fifth.
   * A sixth is refused naming it, and an error status at the end names where it came from.
   */
  @Test
  void fiveRedirectsInARowAreFollowedASixthIsNot() {
    server.serve("/notice", "text/html; charset=utf-8",
        html("<p>" + POLICY + "</p>", "").getBytes(StandardCharsets.UTF_8));
    server.handle("/down", ex -> LoopbackServer.respond(ex, 503, "text/plain", new byte[0]));
    for (int i = 1; i <= 6; i++) {
      String next = i == 1 ? "/notice" : "/r" + (i - 1);
      server.handle("/r" + i, ex -> {
        ex.getResponseHeaders().set("Location", next);
        LoopbackServer.respond(ex, 302, "", new byte[0]);
      });
    }
    assertTrue(source("/r5").fetch().get(0).text().contains(POLICY));
    assertEquals("policy source 'test': HTTP 302 from " + server.uri("/r1") + ": the redirect to '/notice' is not "
        + "followed (at most 5 in a row)", assertThrows(PolicySourceException.class, () -> source("/r6").fetch())
        .getMessage());
    server.handle("/to-down", ex -> {
      ex.getResponseHeaders().set("Location", "/down");
      LoopbackServer.respond(ex, 301, "", new byte[0]);
    });
    assertEquals("policy source 'test': HTTP 503 from " + server.uri("/down") + " (redirected from "
        + server.uri("/to-down") + ")", assertThrows(PolicySourceException.class, () -> source("/to-down").fetch())
        .getMessage());
  }

  /** A redirect without a Location had failed as "UncheckedIOException: java.io.IOException: Invalid redirection". */
  @Test
  void aRedirectWithoutALocationIsNamed() {
    server.handle("/nowhere", ex -> LoopbackServer.respond(ex, 302, "", new byte[0]));
    assertEquals("policy source 'test': HTTP 302 from " + server.uri("/nowhere") + " without a Location to follow",
        assertThrows(PolicySourceException.class, () -> source("/nowhere").fetch()).getMessage());
    server.handle("/blank", ex -> {
      ex.getResponseHeaders().set("Location", " ");
      LoopbackServer.respond(ex, 307, "", new byte[0]);
    });
    assertEquals("policy source 'test': HTTP 307 from " + server.uri("/blank") + " without a Location to follow",
        assertThrows(PolicySourceException.class, () -> source("/blank").fetch()).getMessage(), "a blank Location");
  }

  @Test
  void builderNamesEveryBadSetting() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> HttpPolicySource.builder("s", "p", URI.create("file:///etc/passwd"))
            .readTimeout(Duration.ZERO).maxBodyBytes(0).build());
    assertEquals(List.of("uri", "readTimeout", "maxBodyBytes"),
        e.problems().stream().map(io.github.fenqi.core.Problem::location).toList());
  }

  /**
   * Each range's ends are accepted (timeouts 1 ms..1 day, the body limit 1 byte..64 MiB), and a blank id or platform
   * and an http address without a host are named.
   */
  @Test
  void builderAcceptsTheEndsOfEachRangeAndNamesBlankIdsAndAnAddressWithoutAHost() {
    for (Duration d : List.of(Duration.ofMillis(1), Duration.ofDays(1))) {
      for (long max : List.of(1L, 64L * 1024 * 1024)) {
        assertEquals("s", HttpPolicySource.builder("s", "p", server.uri("/page")).connectTimeout(d).readTimeout(d)
            .maxBodyBytes(max).build().id(), d + " " + max);
      }
    }
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> HttpPolicySource.builder(" ", "", URI.create("http:///notice")).build());
    assertEquals(List.of("id: must not be blank", "platformId: must not be blank", "uri: has no host"),
        e.problems().stream().map(p -> p.toString().replaceAll("'.*' ", "")).toList());
  }

  /** An address without a host is shown as given, its query left out: http:///notice had been shown http:/notice. */
  @Test
  void anAddressWithoutAHostIsShownAsGiven() {
    assertEquals("uri: 'http:///notice' has no host", assertThrows(InvalidInputException.class,
        () -> HttpPolicySource.builder("s", "p", URI.create("http:///notice?key=SECRET")).build()).getMessage());
  }

  /**
   * A timeout beyond a long's milliseconds passed build() and every fetch then threw ArithmeticException (read) or
   * "ConnectException: long overflow" (connect); a sub-millisecond one timed out "within 0 ms" at every fetch.
   */
  @Test
  void builderRefusesTimeoutsThatOverflowOrBoundNothingNamingThem() {
    for (Duration d : List.of(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofDays(1).plusMillis(1),
        Duration.ofNanos(1))) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> HttpPolicySource.builder("s", "p", server.uri("/page")).connectTimeout(d).readTimeout(d).build());
      assertEquals(List.of("connectTimeout: " + d + " is outside PT0.001S..PT24H",
          "readTimeout: " + d + " is outside PT0.001S..PT24H"),
          e.problems().stream().map(Object::toString).toList());
    }
  }

  /** An empty answer (200 or 204) or a page showing no text is no text of the page: an error, not an announcement. */
  @Test
  void anAnswerWithoutTextIsAFailureNotAnAnnouncement() {
    server.serve("/empty", "text/html; charset=utf-8", new byte[0]);
    server.handle("/no-content", ex -> LoopbackServer.respond(ex, 204, "", new byte[0]));
    server.serve("/scripts", "text/html; charset=utf-8",
        "<html><body><script>render('最长可分36期')</script>\n  </body></html>".getBytes(StandardCharsets.UTF_8));
    assertEquals("policy source 'test': response from " + server.uri("/empty") + " (HTTP 200) has no text: the body "
        + "is empty; not read as the page's text",
        assertThrows(PolicySourceException.class, () -> source("/empty").fetch()).getMessage());
    assertEquals("policy source 'test': response from " + server.uri("/no-content") + " (HTTP 204) has no text: the "
        + "body is empty; not read as the page's text",
        assertThrows(PolicySourceException.class, () -> source("/no-content").fetch()).getMessage());
    assertTrue(assertThrows(PolicySourceException.class, () -> source("/scripts").fetch()).getMessage()
        .endsWith("(HTTP 200) has no text: the page shows none; not read as the page's text"));
  }

  /**
   * A feed asking for credentials (401), configured with user-info in its address: Java's HTTP client sends none from
   * it, and the error, which leaves the user-info out, had said only "HTTP 401", giving no clue why. It says so now,
   * still without the user-info; a 401 of an address without user-info, and another status with it, are as before.
   */
  @Test
  void a401ToAnAddressWithUserInfoSaysTheUserInfoIsNotSent() {
    server.handle("/locked", ex -> {
      ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"feed\"");
      LoopbackServer.respond(ex, 401, "", new byte[0]);
    });
    server.handle("/down", ex -> LoopbackServer.respond(ex, 503, "", new byte[0]));
    String secret = "http://u:pw-SECRET@127.0.0.1:" + server.uri("").getPort();
    PolicySourceException locked = assertThrows(PolicySourceException.class,
        () -> HttpPolicySource.builder("test", "hexin", URI.create(secret + "/locked")).build().fetch());
    assertEquals("policy source 'test': HTTP 401 from " + server.uri("/locked") + "; the user-info of the configured "
        + "address is not sent (Java's HTTP client sends no credentials from it), and a source that asks for "
        + "credentials is not supported", locked.getMessage());
    assertEquals("policy source 'test': HTTP 401 from " + server.uri("/locked"), assertThrows(
        PolicySourceException.class, () -> source("/locked").fetch()).getMessage());
    assertEquals("policy source 'test': HTTP 503 from " + server.uri("/down"), assertThrows(PolicySourceException.class,
        () -> HttpPolicySource.builder("test", "hexin", URI.create(secret + "/down")).build().fetch()).getMessage());
  }

  /**
   * A failure names the address without its query, fragment or user-info, which may hold a token (a signed feed
   * address, {@code ?token=…}): every failure had quoted the configured address whole, and a refused redirect its
   * Location whole, into a message that is logged and handed to every listener.
   */
  @Test
  void aFailureNamesTheAddressWithoutItsQueryOrUserInfo() {
    server.handle("/down", ex -> LoopbackServer.respond(ex, 503, "", new byte[0]));
    server.handle("/moved", ex -> {
      ex.getResponseHeaders().set("Location", "/down?sig=SECRET-3");
      LoopbackServer.respond(ex, 302, "", new byte[0]);
    });
    server.handle("/to-ftp", ex -> {
      ex.getResponseHeaders().set("Location", "ftp://u:SECRET-4@files.example/x?k=SECRET-5");
      LoopbackServer.respond(ex, 302, "", new byte[0]);
    });
    server.serve("/bad-feed", "application/json", "{\"items\": [".getBytes(StandardCharsets.UTF_8));
    server.serve("/pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
    for (String path : List.of("/down", "/moved", "/to-ftp", "/bad-feed", "/pdf")) {
      URI secret = URI.create("http://u:pw-SECRET@127.0.0.1:" + server.uri("").getPort() + path
          + "?token=SECRET-1#SECRET-2");
      PolicySourceException e = assertThrows(PolicySourceException.class,
          () -> HttpPolicySource.builder("test", "hexin", secret).build().fetch());
      for (Throwable c = e; c != null; c = c.getCause()) {
        assertFalse(String.valueOf(c.getMessage()).contains("SECRET"), path + ": " + c.getMessage());
      }
    }
    URI moved = URI.create(server.uri("/moved") + "?token=SECRET-1");
    assertEquals("policy source 'test': HTTP 503 from " + server.uri("/down") + " (redirected from "
        + server.uri("/moved") + ")", assertThrows(PolicySourceException.class,
            () -> HttpPolicySource.builder("test", "hexin", moved).build().fetch()).getMessage());
    assertEquals("policy source 'test': HTTP 302 from " + server.uri("/to-ftp") + ": the redirect to "
        + "'ftp://files.example/x' is not followed (only to http or https)", assertThrows(PolicySourceException.class,
            () -> HttpPolicySource.builder("test", "hexin", server.uri("/to-ftp")).build().fetch()).getMessage());
    InvalidInputException refused = assertThrows(InvalidInputException.class,
        () -> HttpPolicySource.builder("test", "hexin", URI.create("ftp://u:SECRET@files.example/x?k=SECRET")).build());
    assertFalse(refused.getMessage().contains("SECRET"), refused.getMessage());
  }

  /**
   * A body that cannot be read is named by where it came from, after a redirect too: it had been named by the
   * configured address, which had answered only with the redirect.
   */
  @Test
  void anUnreadableBodyAfterARedirectNamesWhereItCameFrom() {
    server.serve("/pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
    server.serve("/feed", "application/json", "{\"items\": [".getBytes(StandardCharsets.UTF_8));
    for (String target : List.of("/pdf", "/feed")) {
      server.handle("/to" + target, ex -> {
        ex.getResponseHeaders().set("Location", target);
        LoopbackServer.respond(ex, 302, "", new byte[0]);
      });
      String message = assertThrows(PolicySourceException.class, () -> source("/to" + target).fetch()).getMessage();
      assertTrue(message.contains(" from " + server.uri(target) + " (redirected from " + server.uri("/to" + target)
          + ")"), message);
    }
  }

  /**
   * Only the item's own elements are read: an extension's element of the same local name is not its text or title.
   * An RSS item with an image ({@code <media:content url="…"/>}, Media RSS, which many feeds add) had been read as an
   * announcement without text, its description and the policy in it dropped without a word, and a
   * {@code <media:title>} before its title as its title. An Atom entry whose content is out of line
   * ({@code <content src="…"/>}, the summary then being its text) had been read without text too.
   */
  @Test
  void anExtensionsElementIsNotTheItemsTextAndAnOutOfLineContentGivesWayToTheSummary() {
    String rss = "<rss xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><item><guid>n-1</guid>"
        + "<media:title>活动海报</media:title><title>分期政策公告</title>"
        + "<media:content url=\"https://example.com/poster.jpg\" medium=\"image\"/>"
        + "<media:description>海报说明</media:description>"
        + "<description>" + POLICY + "</description><guid>n-1-again</guid></item></channel></rss>";
    server.serve("/media", "application/rss+xml", rss.getBytes(StandardCharsets.UTF_8));
    Announcement item = source("/media").fetch().get(0);
    assertEquals(List.of("n-1", "分期政策公告", POLICY), List.of(item.id(), item.title(), item.text()),
        "the first guid names the item, as the first title and link do");
    String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>e-1</id><title>分期政策公告</title>"
        + "<content type=\"application/pdf\" src=\"https://example.com/notice.pdf\"/>"
        + "<summary>" + POLICY + "</summary></entry></feed>";
    server.serve("/out-of-line", "application/atom+xml", atom.getBytes(StandardCharsets.UTF_8));
    assertEquals(POLICY, source("/out-of-line").fetch().get(0).text());
  }

  /**
   * A feed says its charset in its XML declaration when the server does not: a Big5 feed (a lender in Hong Kong or
   * Taiwan) declared so only there had been decoded as GB18030, which maps every Big5 byte pair to some character,
   * so its text came out garbled and was read as nothing, without an error. A GBK one is read by its declaration too
   * (it had been, by detection), and the server's charset still comes first.
   */
  @Test
  void aFeedsXmlDeclarationNamesItsCharset() throws Exception {
    String big5 = "<?xml version=\"1.0\" encoding=\"Big5\"?><rss><channel><item><title>分期公告</title>"
        + "<description>逾期滿90天的客戶最長可分36期償還</description></item></channel></rss>";
    server.serve("/big5", "application/rss+xml", big5.getBytes("Big5"));
    Announcement item = source("/big5").fetch().get(0);
    assertEquals(List.of("分期公告", "逾期滿90天的客戶最長可分36期償還"),
        List.of(item.title(), item.text()));
    assertEquals(36, PolicyTextExtractor.create().extract(item.readableText()).field(PolicyField.MAX_INSTALLMENTS)
        .orElseThrow().intValue());
    String gbk = "<?xml version='1.0' encoding='gbk'?><rss><channel><item><description>" + POLICY
        + "</description></item></channel></rss>";
    server.serve("/gbk-feed", "text/xml", gbk.getBytes(GBK));
    assertEquals(POLICY, source("/gbk-feed").fetch().get(0).text());
    server.serve("/big5-said-gbk", "application/rss+xml; charset=big5", big5.replace("Big5", "GBK").getBytes("Big5"));
    assertEquals("分期公告", source("/big5-said-gbk").fetch().get(0).title(), "the Content-Type's charset first");
  }
}
