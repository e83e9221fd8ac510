package io.github.fenqi.spring;

import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report as problem+json. A request Tomcat refuses before Spring sees it — an encoded slash
 * ({@code %2F}) in the path, a malformed request line — was answered with Tomcat's HTML page, the one answer of
 * the API that was not problem+json. Installed as the host's error report valve ({@link FenqiConfiguration}).
 *
 * <p>Thread-safety: stateless, as Tomcat's valves must be.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String title = Problems.title(code);
    String detail = code == 400
        ? "the request was refused before reaching the service: a malformed request line or path (an encoded slash "
            + "%2F or backslash %5C is not accepted in a path)"
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
