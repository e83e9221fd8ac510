package io.github.fenqi.nlp.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.net.BoundedHttp;
import io.github.fenqi.nlp.internal.CharsetSniffer;
import io.github.fenqi.nlp.internal.HtmlText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a lender's announcement page (HTML, turned into text with scripts and styles removed), a JSON feed or
 * an RSS/Atom feed of announcements over HTTP(S), with a connect timeout, a total read timeout, and a body-size limit enforced
 * while streaming. The charset comes from the Content-Type header, else an HTML meta tag, else detection
 * (UTF-8 or GBK/GB18030). Asks for gzip and inflates it (also under its old name x-gzip), the limit applying to the
 * inflated body too; identity is no encoding; any other content encoding, and bodies that are not text (a PDF, an
 * image, a declared binary type, NUL bytes), are refused with an error naming what came back: announcements published
 * as PDFs or images need a different source.
 *
 * <p>JSON feed: either an array of items or an object with an {@code items} array; each item has
 * {@code content}, {@code text} or {@code body} (text or HTML), and optionally {@code id}, {@code title},
 * {@code url} (an item without an id, or with a blank one, is named by the feed's address, without its user-info,
 * and its place; an item's address, its {@code url} or else the feed's, is without user-info too). Items are
 * returned in the feed's order, which is taken to be newest first, as feeds list them.
 *
 * <p>RSS (2.0, 0.9x, 1.0) or Atom feed: each {@code item}/{@code entry} is an announcement, in the feed's order;
 * its text is {@code content:encoded} or Atom {@code content}, else {@code description}/{@code summary} (text or
 * HTML), with {@code guid}/{@code id}, {@code title} and {@code link}. It is parsed as XML, so CDATA sections and
 * entities are read as the text they encode (including a {@code ]]>} written across two sections); DTDs are not
 * processed. An item without text is an error naming it, as in a JSON feed.
 *
 * <pre>{@code
 * PolicySource source = HttpPolicySource.builder("hexin-notices", "hexin", URI.create("https://example.com/notice"))
 *     .readTimeout(Duration.ofSeconds(10)).maxBodyBytes(1 << 20).build();
 * }</pre>
 *
 * <p>Conditional: a response with an {@code ETag} or {@code Last-Modified} is remembered with what was read from it,
 * and the next fetch of that address asks with {@code If-None-Match} / {@code If-Modified-Since}; a {@code 304 Not
 * Modified} then gives the same announcements again (stamped with the new fetch's time) without the body being sent
 * or parsed again. Only the last response is remembered, in memory.
 *
 * <p>Thread-safety: thread-safe; {@link #fetch()} may be called concurrently (each call uses, and may replace, the
 * response remembered last).
 */
public final class HttpPolicySource implements PolicySource {
  /** How to read the body. Thread-safety: immutable (an enum). */
  public enum Format {
    /**
     * An HTML (or plain-text) page: one announcement, its id and address the configured address even when the page
     * came from where a redirect led (both without the address's user-info, which may hold a password; the query
     * kept).
     */
    HTML,
    /** A JSON feed of announcements. */
    JSON_FEED,
    /** An RSS or Atom feed of announcements. */
    XML_FEED,
    /**
     * JSON if the Content-Type says so; an RSS/Atom feed if the Content-Type says so ({@code rss+xml},
     * {@code atom+xml}) or a body not labelled HTML begins with {@code <rss>}, {@code <rdf:RDF>} or {@code <feed>};
     * else HTML.
     */
    AUTO
  }

  /** Redirects followed in a row at most. */
  static final int MAX_REDIRECTS = 5;

  private final String id;
  private final String platformId;
  private final URI uri;
  private final Format format;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final long maxBodyBytes;
  private final String userAgent;
  private final Clock clock;
  private final HttpClient client;
  /** The last response read that had a validator, for a conditional GET; null: none. */
  private final AtomicReference<@Nullable Validated> validated = new AtomicReference<>();

  /**
   * What a response with a validator said: the address it came from (after any redirect), its {@code ETag} and
   * {@code Last-Modified} (at least one of them), and the announcements read from it.
   */
  private record Validated(URI at, @Nullable String etag, @Nullable String lastModified, List<Announcement> read) {
    Validated {
      read = List.copyOf(read);
    }
  }

  private HttpPolicySource(Builder b) {
    this.id = b.id;
    this.platformId = b.platformId;
    this.uri = b.uri;
    this.format = b.format;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.maxBodyBytes = b.maxBodyBytes;
    this.userAgent = b.userAgent;
    this.clock = b.clock;
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER) // followed here: see exchange()
        .build();
  }

  /** A builder for a source with this id, platform and address (http or https). */
  public static Builder builder(String id, String platformId, URI uri) {
    return new Builder(id, platformId, uri);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String platformId() {
    return platformId;
  }

  /** The address fetched. */
  public URI uri() {
    return uri;
  }

  /**
   * Why a server asking for credentials got none, when the configured address holds user-info
   * ({@code https://user:password@host/feed}): Java's HTTP client sends none from it, so such a feed answered 401 on
   * every fetch, and the error, which leaves the user-info out, gave no clue why.
   */
  private String credentialsUnsent(int status) {
    return (status == 401 || status == 407) && uri.getRawUserInfo() != null
        ? "; the user-info of the configured address is not sent (Java's HTTP client sends no credentials from it), "
            + "and a source that asks for credentials is not supported"
        : "";
  }

  @Override
  public List<Announcement> fetch() {
    Validated before = validated.get();
    HttpResponse<byte[]> response = exchange(before);
    int status = response.statusCode();
    if (status == 304 && before != null && before.at().equals(response.uri())) { // not modified since it was read
      Instant now = clock.instant();
      return before.read().stream()
          .map(a -> new Announcement(a.sourceId(), a.id(), a.title(), a.text(), a.uri(), now)).toList();
    }
    if (status < 200 || status > 299) {
      throw new PolicySourceException(id, "HTTP " + status + " from " + shown(response.uri())
          + redirectedFrom(response.uri()) + credentialsUnsent(status));
    }
    List<Announcement> read = read(response);
    Optional<String> etag = response.headers().firstValue("ETag").map(String::strip).filter(v -> !v.isEmpty());
    Optional<String> lastModified =
        response.headers().firstValue("Last-Modified").map(String::strip).filter(v -> !v.isEmpty());
    validated.set(etag.isEmpty() && lastModified.isEmpty() ? null
        : new Validated(response.uri(), etag.orElse(null), lastModified.orElse(null), read));
    return read;
  }

  /** The announcements of a successful response. */
  private List<Announcement> read(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    URI base = response.uri(); // where the body came from, after any redirect: relative item links are relative to it
    String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    byte[] body = decodeContent(base, response.body(),
        response.headers().firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT));
    refuseBinary(base, body, contentType);
    boolean json = format == Format.JSON_FEED || (format == Format.AUTO && contentType.contains("json"));
    CharsetSniffer.Decoded decoded = CharsetSniffer.decode(body, charsetParameter(contentType).orElse(null), !json);
    Instant now = clock.instant();
    if (json) {
      return parseFeed(decoded.text(), base, now);
    }
    if (format == Format.XML_FEED || (format == Format.AUTO && (contentType.contains("rss+xml")
        || contentType.contains("atom+xml") || (!contentType.contains("html") && XmlFeed.looksLikeFeed(decoded.text()))))) {
      return parseXmlFeed(decoded.text(), base, now);
    }
    String text = looksLikeHtml(decoded.text(), contentType) ? HtmlText.toText(decoded.text()) : decoded.text().strip();
    if (text.isBlank()) { // a hiccup (an empty 200 or 204): read as the page's new text, the real one came back as an
      // edit and was applied again over an operator's hand edit of the live policy
      throw new PolicySourceException(id, "response from " + from(base) + " (HTTP " + status + ") has no text"
          + (body.length == 0 ? ": the body is empty" : ": the page shows none") + "; not read as the page's text");
    }
    return List.of(new Announcement(id, pageId(), title(decoded.text()), text, uri, now));
  }

  /**
   * The response to a GET of {@link #uri}, its redirects followed here: to http or https only, never from https to
   * http, at most {@link #MAX_REDIRECTS} in a row, all within the read timeout. java.net.http's own following
   * ({@code Redirect.NORMAL}) gave up at the fifth redirect although five were documented, and a redirect without a
   * {@code Location} failed as "UncheckedIOException: java.io.IOException: Invalid redirection". The request to the
   * address {@code before} came from is conditional on its validators.
   */
  private HttpResponse<byte[]> exchange(@Nullable Validated before) {
    long deadline = System.nanoTime() + readTimeout.toNanos();
    URI at = uri;
    for (int redirects = 0; ; redirects++) {
      long left = deadline - System.nanoTime();
      if (left < BoundedHttp.MIN_DEADLINE.toNanos()) {
        throw timedOut(at);
      }
      HttpResponse<byte[]> response = send(at, Duration.ofNanos(left), before != null && before.at().equals(at)
          ? before : null);
      int status = response.statusCode();
      if (status < 300 || status > 399 || status == 304) {
        return response;
      }
      Optional<String> location = response.headers().firstValue("Location").map(String::strip);
      if (location.isEmpty() || location.get().isEmpty()) {
        throw new PolicySourceException(id, "HTTP " + status + " from " + shown(at) + " without a Location to follow");
      }
      URI next;
      try {
        next = at.resolve(location.get());
      } catch (IllegalArgumentException e) {
        throw new PolicySourceException(id, "HTTP " + status + " from " + shown(at) + ": the redirect to '"
            + location.get().split("[?#]", 2)[0] + "' is not a valid URI");
      }
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      String refused = !scheme.equals("http") && !scheme.equals("https") ? "only to http or https"
          : scheme.equals("http") && "https".equalsIgnoreCase(at.getScheme()) ? "never from https to http"
          : next.getHost() == null ? "it names no host"
          : redirects == MAX_REDIRECTS ? "at most " + MAX_REDIRECTS + " in a row" : null;
      if (refused != null) { // "HTTP 302" alone did not say why
        throw new PolicySourceException(id, "HTTP " + status + " from " + shown(at) + ": the redirect to '"
            + (next.getRawUserInfo() != null ? shown(next) : location.get().split("[?#]", 2)[0])
            + "' is not followed (" + refused + ")"); // as written, less what may hold a token
      }
      at = next;
    }
  }

  /**
   * One GET of {@code at} within {@code deadline}, its body within the size limit; conditional on the validators of
   * {@code before} (a response from {@code at}), if any.
   */
  private HttpResponse<byte[]> send(URI at, Duration deadline, @Nullable Validated before) {
    HttpRequest.Builder request = HttpRequest.newBuilder(at)
        .timeout(deadline)
        .header("User-Agent", userAgent)
        .header("Accept", "text/html, application/json;q=0.9, application/rss+xml;q=0.9, application/atom+xml;q=0.9, "
            + "text/plain;q=0.8, application/xml;q=0.8")
        .header("Accept-Encoding", "gzip")
        .GET();
    if (before != null && before.etag() != null) {
      request.header("If-None-Match", before.etag());
    }
    if (before != null && before.lastModified() != null) {
      request.header("If-Modified-Since", before.lastModified());
    }
    try {
      return BoundedHttp.send(client, request.build(), deadline, maxBodyBytes);
    } catch (BoundedHttp.Failure f) {
      throw switch (f.kind()) {
        case TIMEOUT -> timedOut(at);
        case TOO_LARGE -> new PolicySourceException(id, "response from " + shown(at)
            + (f.status().isPresent() ? " (HTTP status " + f.status().getAsInt() + ")" : "")
            + " is larger than the limit of " + maxBodyBytes + " bytes");
        case INTERRUPTED -> new PolicySourceException(id, "interrupted while fetching " + shown(at), f);
        case IO -> new PolicySourceException(id, "cannot fetch " + f.getMessage() + redirectedFrom(at), f);
      };
    }
  }

  /** The read timeout ran out at {@code at}: a timeout after a redirect had named the configured address. */
  private PolicySourceException timedOut(URI at) {
    return new PolicySourceException(id, "no complete response from " + shown(at) + redirectedFrom(at) + " within "
        + readTimeout.toMillis() + " ms (read timeout)");
  }

  /**
   * The configured address as an id (a page's, a feed item's named by its place): whole, its query included, which
   * can tell two pages apart ({@code ?edition=2}), but without its user-info: a password in the address had been the
   * id, kept in a watcher's state file and quoted in its logs, where every message leaves it out.
   */
  private String pageId() {
    return Announcement.withoutUserInfo(uri).toString();
  }

  /**
   * An address as a message names it: without its query, fragment or user-info, which may hold a token (a signed
   * feed address): every failure had quoted the address whole, into a message that is logged and handed to every
   * listener.
   */
  private static String shown(URI address) {
    return BoundedHttp.address(address);
  }

  /**
   * Where a body came from, as a message names it: after a redirect, its address and the configured one; an unreadable
   * body had been named by the configured address, which had answered only with the redirect.
   */
  private String from(URI base) {
    return shown(base) + redirectedFrom(base);
  }

  private String redirectedFrom(URI at) {
    return at.equals(uri) ? "" : " (redirected from " + shown(uri) + ")";
  }

  /** The body with its content encoding undone: identity as is, gzip inflated within the size limit. */
  private byte[] decodeContent(URI base, byte[] body, String encoding) {
    if (encoding.isEmpty() || encoding.equals("identity")) {
      return body;
    }
    if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
      throw new PolicySourceException(id, "response from " + from(base) + " has Content-Encoding '" + encoding
          + "'; only gzip is supported");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        if (out.size() + (long) n > maxBodyBytes) { // a small gzip can inflate to gigabytes
          throw new PolicySourceException(id, "response from " + from(base) + " inflates to more than the limit of "
              + maxBodyBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
    } catch (ZipException e) {
      throw new PolicySourceException(id, "response from " + from(base) + " says gzip but is not valid gzip: "
          + e.getMessage(), e);
    } catch (EOFException e) { // its message is null or the inflater's ("Unexpected end of ZLIB input stream")
      throw new PolicySourceException(id, "response from " + from(base) + " says gzip but is not valid gzip: it ends "
          + "before the compressed data does (cut short)", e);
    } catch (IOException e) {
      throw new PolicySourceException(id, "cannot inflate the gzip response from " + from(base) + ": " + e.getMessage(),
          e);
    }
    return out.toByteArray();
  }

  /**
   * Refuses a body that is not text, before it is decoded into a meaningless announcement: a declared media type
   * that is not text, HTML, XML or JSON; or, whatever the declaration, a PDF, gzip or NUL bytes at the start (unless
   * it is UTF-16, by its byte-order mark or declared charset).
   */
  private void refuseBinary(URI base, byte[] body, String contentType) {
    String media = contentType.split(";", 2)[0].strip();
    boolean textual = media.isEmpty() || media.startsWith("text/") || media.endsWith("/json")
        || media.endsWith("+json") || media.endsWith("/xml") || media.endsWith("+xml");
    if (!textual) {
      // quoted as a value from outside is: a declared type of 10 000 characters had been quoted whole
      throw new PolicySourceException(id, "response from " + from(base) + " is '" + Problem.excerpt(media)
          + "', not text: an HTML page, plain text or a JSON feed was expected");
    }
    int head = Math.min(body.length, 1024);
    @Nullable String what = null;
    if (startsWith(body, "%PDF-")) {
      what = "a PDF document";
    } else if (head >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
      what = "gzip data without a gzip Content-Encoding";
    } else if (!utf16(body, contentType)) { // UTF-16 text is half NUL bytes
      for (int i = 0; i < head; i++) {
        if (body[i] == 0) {
          what = "binary data (a NUL byte at offset " + i + ")";
          break;
        }
      }
    }
    if (what != null) {
      throw new PolicySourceException(id, "response from " + from(base) + " is " + what
          + (media.isEmpty() ? " (no Content-Type)" : " although labelled '" + Problem.excerpt(media) + "'")
          + ": an HTML page, plain text or a JSON feed was expected");
    }
  }

  /**
   * Whether the body is UTF-16 by its byte-order mark or its declared charset: such a page or feed (an export from a
   * Windows server) had been refused as "binary data (a NUL byte at offset 3)", although it decodes as text.
   */
  private static boolean utf16(byte[] body, String contentType) {
    boolean bom = body.length >= 2 && (((body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff)
        || ((body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe));
    return bom || charsetParameter(contentType).map(c -> c.startsWith("utf-16")).orElse(false);
  }

  private static boolean startsWith(byte[] body, String ascii) {
    if (body.length < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (body[i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static Optional<String> charsetParameter(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.startsWith("charset=")) {
        return Optional.of(p.substring("charset=".length()).replace("\"", "").strip());
      }
    }
    return Optional.empty();
  }

  private static boolean looksLikeHtml(String text, String contentType) {
    if (contentType.contains("html")) {
      return true;
    }
    if (contentType.startsWith("text/plain")) {
      return false;
    }
    String head = text.substring(0, Math.min(text.length(), 1024)).toLowerCase(Locale.ROOT);
    return head.contains("<html") || head.contains("<body") || head.contains("<p") || head.contains("<div")
        || head.contains("<!doctype");
  }

  private static String title(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    int s = lower.indexOf("<title");
    if (s < 0) {
      return "";
    }
    int open = lower.indexOf('>', s);
    int close = lower.indexOf("</title", open + 1);
    if (open < 0 || close < 0 || close - open > 1000) {
      return "";
    }
    return HtmlText.toText(html.substring(open + 1, close)).strip();
  }

  private List<Announcement> parseXmlFeed(String body, URI base, Instant now) {
    List<XmlFeed.Item> items;
    try {
      items = XmlFeed.items(body);
    } catch (XmlFeed.Malformed e) {
      throw new PolicySourceException(id, "malformed RSS/Atom feed from " + from(base) + e.where() + ": "
          + e.getMessage(),
          new InvalidInputException(shown(base), "malformed XML feed" + e.where()));
    }
    List<Announcement> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      XmlFeed.Item item = items.get(i);
      if (item.content() == null) {
        throw new PolicySourceException(id, "RSS/Atom feed from " + from(base) + ": item " + (i + 1)
            + " has no 'description', 'content:encoded', 'content' or 'summary'");
      }
      out.add(announcement("RSS/Atom feed from " + from(base) + ": item " + (i + 1) + " link", i, item.id(),
          item.title(), item.link(), base, item.content(), now));
    }
    return List.copyOf(out);
  }

  /**
   * One item of a feed as an announcement: its id (else the feed's address and the item's index), its address
   * resolved against {@code base} (where the feed came from, after redirects), which must be http or https (a
   * {@code javascript:} link had become the announcement's address, for a reviewer to click), and its content as
   * text: HTML (tags or entities) made text, else stripped ({@code where} names the address in an error).
   */
  private Announcement announcement(String where, int index, @Nullable String itemId, @Nullable String title,
      @Nullable String url, URI base, String content, Instant now) {
    URI itemUri = uri;
    if (url != null) {
      try {
        itemUri = base.resolve(url);
      } catch (IllegalArgumentException e) {
        // quoted as a value from outside is: raw and whole, a link with a line break forged a line of a log
        throw new PolicySourceException(id, where + " '" + Problem.excerpt(url) + "' is not a valid URI");
      }
      String scheme = itemUri.getScheme() == null ? "" : itemUri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new PolicySourceException(id, where + " '" + Problem.excerpt(url) + "' is not an http or https address");
      }
    }
    // HTML by its tags or, without any, by its entities: an RSS description is escaped HTML, and
    // "罚息&amp;nbsp;最高减免五成" came out as 罚息&nbsp;最高减免五成, which hid the waiver from the extractor
    String text = content.indexOf('<') >= 0 || content.indexOf('&') >= 0 ? HtmlText.toText(content) : content.strip();
    return new Announcement(id, Objects.requireNonNullElse(itemId, pageId() + "#" + index),
        Objects.requireNonNullElse(title, ""), text, itemUri, now);
  }

  private List<Announcement> parseFeed(String body, URI base, Instant now) {
    JsonNode root;
    try {
      // a feed followed by anything else (an appended error page, a second feed) is malformed, not the first part
      root = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw new PolicySourceException(id, "malformed JSON feed from " + from(base) + where + ": "
          + e.getOriginalMessage(),
          new InvalidInputException(shown(base), "malformed JSON" + where));
    } catch (IOException e) {
      throw new PolicySourceException(id, "cannot read JSON feed from " + from(base) + ": " + e.getMessage(), e);
    }
    JsonNode items = root != null && root.isObject() ? root.get("items") : root;
    if (items == null || !items.isArray()) {
      throw new PolicySourceException(id, "JSON feed from " + from(base)
          + " must be an array of items or an object with an 'items' array");
    }
    List<Announcement> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String content = firstText(item, "content", "text", "body");
      if (content == null) {
        throw new PolicySourceException(id, "JSON feed from " + from(base) + ": items[" + i
            + "] has no 'content', 'text' or 'body' string");
      }
      // a blank id names no item, as in an RSS/Atom feed: "id": "" on two items had made them one announcement
      String itemId = firstText(item, "id", "guid");
      out.add(announcement("JSON feed from " + from(base) + ": items[" + i + "].url", i,
          itemId == null || itemId.isBlank() ? null : itemId,
          firstText(item, "title"), firstText(item, "url", "link"), base, content, now));
    }
    return List.copyOf(out);
  }

  private static @Nullable String firstText(JsonNode item, String... names) {
    if (item == null || !item.isObject()) {
      return null;
    }
    for (String n : names) {
      JsonNode v = item.get(n);
      if (v != null && (v.isTextual() || v.isNumber())) {
        return v.asText();
      }
    }
    return null;
  }

  /**
   * Builds an {@link HttpPolicySource}; {@link #build()} checks every setting and names the bad one.
   *
   * <p>Thread-safety: not thread-safe; build once, then share the immutable source.
   */
  public static final class Builder {
    private final String id;
    private final String platformId;
    private final URI uri;
    private Format format = Format.AUTO;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(15);
    private long maxBodyBytes = 2L * 1024 * 1024;
    private String userAgent = "fenqi-nlp-adapter (policy watcher)";
    private Clock clock = Clock.systemUTC();

    private Builder(String id, String platformId, URI uri) {
      this.id = Objects.requireNonNull(id, "id");
      this.platformId = Objects.requireNonNull(platformId, "platformId");
      this.uri = Objects.requireNonNull(uri, "uri");
    }

    /** How to read the body (default AUTO). */
    public Builder format(Format format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /** Time allowed to open the connection (default 5 s; 1 ms..1 day). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
      return this;
    }

    /** Total time allowed from sending the request to the last byte of the body (default 15 s; 1 ms..1 day). */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "readTimeout");
      return this;
    }

    /** Largest body accepted; reading stops as soon as it is exceeded (default 2 MiB; 1..64 MiB). */
    public Builder maxBodyBytes(long max) {
      this.maxBodyBytes = max;
      return this;
    }

    /** The User-Agent header sent. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /** The clock stamping {@link Announcement#fetchedAt()} (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The source; throws {@link InvalidInputException} naming every bad setting. */
    public HttpPolicySource build() {
      List<io.github.fenqi.core.Problem> problems = new ArrayList<>();
      if (id.isBlank()) {
        problems.add(Problem.of("id", "must not be blank"));
      }
      if (platformId.isBlank()) {
        problems.add(Problem.of("platformId", "must not be blank"));
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        problems.add(Problem.of("uri", "'" + shown(uri) + "' must be an http or https address"));
      } else if (uri.getHost() == null) {
        problems.add(Problem.of("uri", "'" + shown(uri) + "' has no host"));
      }
      // BoundedHttp's range: a huge timeout overflowed (ArithmeticException at every fetch), a sub-millisecond one
      // timed out unheard
      checkTimeout(problems, "connectTimeout", connectTimeout);
      checkTimeout(problems, "readTimeout", readTimeout);
      if (maxBodyBytes < 1 || maxBodyBytes > 64L * 1024 * 1024) {
        problems.add(Problem.of("maxBodyBytes", maxBodyBytes + " must be in 1..67108864"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      return new HttpPolicySource(this);
    }

    private static void checkTimeout(List<io.github.fenqi.core.Problem> problems, String name, Duration timeout) {
      if (timeout.compareTo(BoundedHttp.MIN_DEADLINE) < 0 || timeout.compareTo(BoundedHttp.MAX_DEADLINE) > 0) {
        problems.add(Problem.of(name, timeout + " is outside " + BoundedHttp.MIN_DEADLINE + ".."
            + BoundedHttp.MAX_DEADLINE));
      }
    }
  }
}
