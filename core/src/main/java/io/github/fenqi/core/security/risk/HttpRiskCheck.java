package io.github.fenqi.core.security.risk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.AsciiCase;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.net.BoundedHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RiskCheck} over HTTP with JSON, on {@code java.net.http}. It POSTs
 * {@code {"caseId":…,"name":…,"idNumber":…,"mobile":…}} to the endpoint ({@code mobile} left out when the request has
 * none) and expects HTTP 200 with {@code {"decision":"ALLOW"|"REVIEW"|"DENY","score":number?,"reason":string?}}, the
 * decision in any case of its ASCII letters (a letter only Unicode folds to one, {@code revıew}'s dotless ı, makes an
 * unknown decision), a score or reason of JSON null as none, in UTF-8 or the charset its Content-Type declares. The
 * timeout bounds the whole exchange, body included, and an answer over 64 KB is cut off. Anything else (timeout,
 * connection failure, non-200 status, unreadable or oversized body, bytes that are no text in its charset, unknown
 * decision, a score that is no number or a reason that is no string) yields the configured {@link FailureMode}'s
 * degraded assessment (an unknown decision or charset, and what the HTTP client said of a failed request, quoted in its
 * reason as {@link Problem#excerpt} quotes a value: masked, escaped, cut to 40 characters). The body carries PII, so
 * plain {@code http} is accepted only on this machine (loopback) or with {@link Builder#allowPlainHttp()}.
 *
 * <p>Thread-safety: immutable and thread-safe (one shared {@link HttpClient}).
 */
public final class HttpRiskCheck implements RiskCheck {
  /** An IPv4 literal in 127.0.0.0/8 (java.net.URI has no host for a literal with a part over 255). */
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.[0-9]{1,3}){3}");
  /** The largest answer read: a decision, a score and a reason fit in far less. */
  static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final String name;
  private final URI endpoint;
  private final Duration timeout;
  private final FailureMode failureMode;
  private final Map<String, String> headers;
  private final HttpClient client;
  /**
   * Strict about what is one answer: {@code {"decision":"DENY","decision":"ALLOW"}} had been read as ALLOW (the last
   * field won) and {@code {"decision":"DENY"} garbage} as DENY (what followed the object was not read).
   */
  private final ObjectMapper json = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private HttpRiskCheck(Builder b) {
    this.name = b.name;
    this.endpoint = b.endpoint;
    this.timeout = b.timeout;
    this.failureMode = b.failureMode;
    this.headers = Map.copyOf(b.headers);
    this.client = HttpClient.newBuilder().connectTimeout(b.timeout).build();
  }

  /**
   * A builder for a service at {@code endpoint} (http or https).
   *
   * @throws InvalidInputException for another scheme, no host the HTTP client can use, or user-info
   *     ({@code https://user:password@host/}), which the HTTP client does not send: credentials go in a
   *     {@link Builder#header header}
   */
  public static Builder builder(URI endpoint) {
    return new Builder(endpoint);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RiskAssessment check(RiskCheckRequest request) {
    ObjectNode body = json.createObjectNode()
        .put("caseId", request.caseId())
        .put("name", request.name())
        .put("idNumber", request.idNumber());
    if (request.mobile() != null) {
      body.put("mobile", request.mobile());
    }
    HttpRequest.Builder http = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    headers.forEach(http::setHeader); // the caller's replaces the check's own of that name (Accept, say)
    HttpResponse<byte[]> response;
    try { // the timeout bounds the whole answer, body included, and the body's size (a decision is a few bytes)
      response = BoundedHttp.send(client, http.build(), timeout, MAX_ANSWER_BYTES);
    } catch (BoundedHttp.Failure f) {
      return failureMode.onFailure(name, switch (f.kind()) {
        case TIMEOUT -> "no answer within " + timeout.toMillis() + " ms";
        case TOO_LARGE -> (f.status().orElse(200) == 200 ? "" : "HTTP status " + f.status().getAsInt() + ", ")
            + "answer larger than " + MAX_ANSWER_BYTES + " bytes";
        case INTERRUPTED -> "interrupted while waiting for the service";
        case IO -> "request failed: " + f.getMessage();
      });
    }
    if (response.statusCode() != 200) {
      return failureMode.onFailure(name, "HTTP status " + response.statusCode());
    }
    String text;
    try {
      text = text(response);
    } catch (UnreadableAnswer e) {
      return failureMode.onFailure(name, "unreadable answer (" + e.getMessage() + ")");
    }
    return parse(text);
  }

  /** An answer that is not text; its message says why. */
  private static final class UnreadableAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableAnswer(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The answer as text, in the charset its Content-Type declares, else UTF-8 (JSON's own, RFC 8259), strictly: a GBK
   * answer had been read as UTF-8, its reason written to the audit log as replacement characters, and bytes that were
   * not UTF-8 had been replaced in silence, the answer taken as the service's. A byte-order mark before it is left
   * out.
   *
   * @throws UnreadableAnswer for a charset this JVM does not know, or bytes that are not text in the charset
   */
  private static String text(HttpResponse<byte[]> response) throws UnreadableAnswer {
    String declared = null;
    for (String part : response.headers().firstValue("Content-Type").orElse("").split(";")) {
      String p = part.strip();
      if (p.regionMatches(true, 0, "charset=", 0, "charset=".length())) {
        declared = p.substring("charset=".length()).replace("\"", "").strip();
      }
    }
    Charset charset = StandardCharsets.UTF_8;
    if (declared != null) {
      try {
        charset = Charset.forName(declared);
      } catch (IllegalArgumentException e) { // an illegal or unsupported name
        // quoted as a value from outside is: the header's bytes arrive as ISO-8859-1 characters, so an emoji's UTF-8
        // in the name had put C1 control characters raw into the reason, the name cut at its 40th character
        throw new UnreadableAnswer("its charset '" + Problem.excerpt(declared) + "' is not one this JVM knows");
      }
    }
    try {
      String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(response.body())).toString();
      // a byte-order mark before the JSON (a service on .NET writes one) marks the encoding and is no part of the
      // answer: kept, it made every answer "not JSON" and every check fail, as a file's reader does not
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new UnreadableAnswer("not valid " + charset.name() + " text");
    }
  }

  private RiskAssessment parse(String body) {
    // JSON's whitespace only (RFC 8259 §2) is no value: it had been "no \"decision\" string", which sent whoever read
    // the reason looking for a field in JSON the service never sent
    if (body.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
      return failureMode.onFailure(name, "unreadable answer (an empty body)");
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JsonProcessingException e) {
      return failureMode.onFailure(name, "unreadable answer (not JSON, a field given twice or more than one value)");
    }
    if (node == null || !node.isObject() || !node.path("decision").isTextual()) {
      return failureMode.onFailure(name, "unreadable answer (no \"decision\" string)");
    }
    String said = node.get("decision").textValue();
    // in ASCII's any case: "revıew" (a dotless ı) had been REVIEW under Java's full Unicode upper-casing
    RiskDecision decision = AsciiCase.named(RiskDecision.values(), said);
    if (decision == null) {
      // quoted as a value from outside is, escaped and cut: raw and whole, "MAYBE\n" and a log line forged a line of
      // its own in the log the reason goes to, and a decision of a megabyte flooded it
      return failureMode.onFailure(name, "unknown decision '" + Problem.excerpt(said) + "'");
    }
    JsonNode score = node.get("score");
    if (score != null && !score.isNull() && !score.isNumber()) {
      return failureMode.onFailure(name, "unreadable answer (\"score\" is not a number)");
    }
    // 1e400, or an integer of 400 digits, had been taken as a score of Infinity, which no scale has
    if (score != null && score.isNumber() && !Double.isFinite(score.doubleValue())) {
      return failureMode.onFailure(name, "unreadable answer (\"score\" is beyond a double's range)");
    }
    // a reason of another type had been dropped in silence and the decision taken, where a malformed score fails
    JsonNode reason = node.get("reason");
    if (reason != null && !reason.isNull() && !reason.isTextual()) {
      return failureMode.onFailure(name, "unreadable answer (\"reason\" is not a string)");
    }
    return new RiskAssessment(name, decision, score == null || score.isNull() ? null : score.doubleValue(),
        reason == null || reason.isNull() ? "" : reason.textValue(), false);
  }

  @Override
  public String toString() {
    return "HttpRiskCheck[" + name + ", " + BoundedHttp.address(endpoint) + ", timeout=" + timeout + ", " + failureMode
        + "]";
  }

  /** Configures an {@link HttpRiskCheck}. Not thread-safe; each {@link #build()} is independent. */
  public static final class Builder {
    private final URI endpoint;
    private String name;
    private Duration timeout = Duration.ofSeconds(2);
    private FailureMode failureMode = FailureMode.FAIL_CLOSED;
    /** By name in any case, as HTTP compares header names: a name given again, in any case, replaces its value. */
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private boolean plainHttp;

    private Builder(URI endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      String scheme = endpoint.getScheme();
      // a scheme is case-insensitive (RFC 3986 §3.1), as the JDK's HTTP client takes it: HTTPS:// was refused
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new InvalidInputException("endpoint", "'" + BoundedHttp.address(endpoint)
            + "' must be an http or https URI");
      }
      // the HTTP client refuses a URI without a host (https:///check, or risk_svc.internal, which is no host name) at
      // every request, with an IllegalArgumentException that quoted the whole URI, query and all
      if (endpoint.getHost() == null) {
        throw new InvalidInputException("endpoint", "'" + BoundedHttp.address(endpoint)
            + "' has no host name the HTTP client can "
            + "use (a host name is letters, digits, '-' and '.')");
      }
      // java.net.http sends no credentials from a URI's user-info: the service got none, and every check failed with
      // a 401 (every borrower denied, or, failing open, allowed unchecked) while the endpoint looked configured
      if (endpoint.getRawUserInfo() != null) {
        throw new InvalidInputException("endpoint", "'" + BoundedHttp.address(endpoint) + "' has user-info, which the "
            + "HTTP client does not send: the service would get no credentials; give them with "
            + "header(\"Authorization\", ...)");
      }
      this.endpoint = endpoint;
      this.name = endpoint.getHost();
    }

    /** Name for logs and audit entries; defaults to the host. */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new InvalidInputException("name", "must not be empty");
      }
      this.name = name;
      return this;
    }

    /** Bound on connecting and on waiting for the answer; default 2 s, between 1 ms and 60 s. */
    public Builder timeout(Duration timeout) {
      // below a millisecond BoundedHttp refuses the deadline at every check, so the builder refuses it here
      if (timeout.compareTo(BoundedHttp.MIN_DEADLINE) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
        throw new InvalidInputException("timeout", timeout + " is outside 1 ms..60 s");
      }
      this.timeout = timeout;
      return this;
    }

    /** What a failure counts as; default {@link FailureMode#FAIL_CLOSED}. */
    public Builder failureMode(FailureMode mode) {
      this.failureMode = Objects.requireNonNull(mode, "failureMode");
      return this;
    }

    /**
     * An extra request header (an API key, say). It replaces a header the check sends of that name ({@code Accept},
     * {@code Content-Type}) and one given before, names compared in any case as HTTP compares them: both had been sent.
     *
     * @throws InvalidInputException for a name the HTTP client refuses (not a token, or one it sets itself, such as
     *     {@code Host} or {@code Connection}) or a value it refuses (a line break or control character); the value is
     *     not shown, it may be a secret. (These were taken here and refused by every {@link #check} with an
     *     IllegalArgumentException that quoted the value.)
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "header name");
      Objects.requireNonNull(value, "header value");
      try {
        HttpRequest.newBuilder().header(name, "x");
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("header", "'" + name + "' cannot be sent by the HTTP client: " + e.getMessage());
      }
      try {
        HttpRequest.newBuilder().header(name, value);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("header", "the value of '" + name + "' is not a valid HTTP header value (a "
            + "line break or control character?); it is not shown, as it may be a secret");
      }
      headers.put(name, value);
      return this;
    }

    /**
     * Allows an {@code http} endpoint on another host, for a service on a network the deployment trusts (a sidecar, a
     * private link). Without it only {@code https}, or {@code http} on this machine (loopback), is accepted.
     */
    public Builder allowPlainHttp() {
      this.plainHttp = true;
      return this;
    }

    /**
     * The check.
     *
     * @throws InvalidInputException for a plain {@code http} endpoint on another host without {@link #allowPlainHttp()}:
     *     every request carries the borrower's name, ID number and mobile
     */
    public HttpRiskCheck build() {
      if ("http".equalsIgnoreCase(endpoint.getScheme()) && !plainHttp && !isLoopback(endpoint.getHost())) {
        throw new InvalidInputException("endpoint", "'" + endpoint.getScheme() + "://" + endpoint.getHost()
            + "' would receive the borrower's name, ID number and mobile in clear: use https, or allowPlainHttp() for "
            + "a service on a network you trust");
      }
      return new HttpRiskCheck(this);
    }

    /**
     * Loopback by its name or literal address, without a DNS look-up. A name that merely starts with {@code 127.}
     * ({@code 127.risk.example.com}, {@code 127.0.0.1.nip.io}) is a DNS name that may resolve anywhere.
     */
    private static boolean isLoopback(@Nullable String host) {
      return host != null && (host.equalsIgnoreCase("localhost") || LOOPBACK_V4.matcher(host).matches()
          || host.equals("[::1]") || host.equals("::1"));
    }

  }
}
