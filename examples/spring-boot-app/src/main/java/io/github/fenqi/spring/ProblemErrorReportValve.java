package io.github.fenqi.spring;

import io.github.fenqi.core.Problem;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report as problem+json. A request Tomcat refuses before Spring sees it — an encoded slash
 * ({@code %2F}) in the path, a malformed request line — was answered with Tomcat's HTML page, the one answer of
 * the API that was not problem+json. A request line and headers over the connector's limit are a 431 (RFC 6585)
 * naming the limit, not a 400 blaming the path. Installed as the host's error report valve ({@link FenqiConfiguration}).
 *
 * <p>Thread-safety: stateless, as Tomcat's valves must be.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  /**
   * Tomcat's message for a request line and headers over its limit (its own words, in the language it writes them
   * in): it answers them as any malformed request, a 400 that this valve described as "a malformed request line or
   * path", so a client with a long cookie or token was sent looking for a mistake in its path.
   */
  private static final String HEADER_TOO_LARGE = StringManager.getManager(Http11InputBuffer.class)
      .getString("iib.requestheadertoolarge.error");

  /** The connector's limit on the request line and headers ({@code 8192 bytes}). */
  private static String headerLimit(Request request) {
    return request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?> http
        ? http.getMaxHttpRequestHeaderSize() + " bytes" : "the connector's limit";
  }

  /** A percent escape, or a run of them (the bytes of one character). */
  private static final Pattern ESCAPES = Pattern.compile("(%[0-9A-Fa-f]{2})+");

  /**
   * What Tomcat refuses in {@code uri}'s percent-encoding: bytes that are no UTF-8 text ({@code %FF}, the overlong
   * slash {@code %C0%AF}) or a control character ({@code %00}), naming the escapes; else the encoded slash or
   * backslash it refuses by default. Every such 400 had said "an encoded slash %2F or backslash %5C is not accepted",
   * sending a client to look for one its path did not hold.
   */
  private static String pathProblem(@Nullable String uri) {
    Matcher m = ESCAPES.matcher(uri == null ? "" : uri);
    while (m.find()) {
      String escapes = m.group();
      byte[] bytes = HexFormat.of().parseHex(escapes.replace("%", ""));
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        return "its percent-encoding is not UTF-8 text: '" + Problem.excerpt(escapes) + "'";
      }
      for (int i = 0; i < text.length(); i++) {
        if (Character.isISOControl(text.charAt(i))) {
          return "its percent-encoding holds a control character: '" + String.format(Locale.ROOT, "%%%02X", (int) text.charAt(i)) + "'";
        }
      }
    }
    return "an encoded slash %2F or backslash %5C is not accepted in a path";
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    if (code == 400 && throwable != null && HEADER_TOO_LARGE.equals(throwable.getMessage())) {
      response.setStatus(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value());
      code = response.getStatus();
    }
    String title = Problems.title(code);
    String detail = code == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value()
        ? "the request line and headers are larger than this service reads: together at most " + headerLimit(request)
            + " (server.max-http-request-header-size); send shorter headers"
        : code == 400
        ? "the request was refused before reaching the service: a malformed request line or path ("
            + pathProblem(request.getRequestURI()) + ")"
        : "the request was refused before reaching the service";
    String uri = request.getRequestURI();
    String json = Problems.json(code, title, detail, uri == null ? "" : uri);
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(json);
        response.finishResponse();
      }
    } catch (Exception e) { // the connection may be gone; Tomcat's own valve gives up the same way
      container.getLogger().debug("could not write the error report", e);
    }
  }
}
