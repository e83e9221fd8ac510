package io.github.fenqi.spring;

import io.github.fenqi.core.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.apache.coyote.BadRequestException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}) as problem+json, naming what went wrong. Tomcat sends a
 * request there itself when its body cannot be read — a body that stops arriving (408 once the connection has been
 * idle for the connection timeout), a malformed chunked body ({@code Invalid chunk header}, 400) — and both were
 * answered with Spring Boot's own error JSON ({@code {"timestamp", "status", "error", "path"}} as application/json),
 * not problem+json; the malformed body was also logged as an "unexpected error" with a stack trace. A client that
 * hung up is answered nothing ({@link ProblemHandler} logged it): writing to it failed, a second "client went away"
 * line for the same request.
 *
 * <p>Thread-safety: stateless.
 */
@Controller
class ErrorPage implements ErrorController {

  @RequestMapping("/error")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getAttribute(ClientGoneObservationConvention.CLIENT_GONE) != null || response.isCommitted()) {
      return;
    }
    String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original ? original
        : request.getRequestURI();
    if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) { // called directly
      Problems.write(response, HttpStatus.NOT_FOUND, "Not found", Problems.noEndpoint(request.getMethod(), uri), uri);
      return;
    }
    HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.resolve(code);
    Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String detail = cause instanceof SocketTimeoutException || status == HttpStatus.REQUEST_TIMEOUT
        ? "the request body did not arrive in time: the connection was idle longer than this service waits; send "
            + "the body at once, whole"
        : cause instanceof BadRequestException bad
        ? "the request body cannot be read: " + Problem.excerpt(String.valueOf(bad.getMessage())) + " (a malformed "
            + "transfer encoding); send it again, whole"
        : status.is5xxServerError() ? "the request could not be completed; the error was logged"
        : "the request could not be completed";
    Problems.write(response, status, Problems.title(status.value()), detail, uri);
  }
}
