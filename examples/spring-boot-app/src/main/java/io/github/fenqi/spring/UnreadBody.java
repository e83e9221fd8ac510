package io.github.fenqi.spring;

import io.github.fenqi.core.InvalidInputException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a body sent to an endpoint of this service that reads none (one not marked {@link ReadsBody}) as a 400
 * naming it, before the endpoint runs, as {@link QueryString} refuses a parameter there. The body was never read:
 * {@code POST /api/admin/field-keys/reencrypt} with {@code {"dryRun": true}} re-encrypted every row. An empty body —
 * {@code Content-Length: 0}, or a chunked one that ends at once — is no body.
 *
 * <p>Thread-safety: stateless.
 */
final class UnreadBody implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)
        || !method.getBeanType().isAnnotationPresent(RestController.class)
        || !method.getBeanType().getPackageName().equals(UnreadBody.class.getPackageName())
        || method.hasMethodAnnotation(ReadsBody.class)) {
      return true;
    }
    long length = request.getContentLengthLong();
    boolean sent = length > 0 || length < 0 && request.getHeader("Transfer-Encoding") != null
        && request.getInputStream().read() != -1;
    if (sent) {
      String what = length > 0 ? length + (length == 1 ? " byte was" : " bytes were") + " sent" : "one was sent";
      throw new InvalidInputException("request body", "this endpoint reads no body (" + what + "); send the request "
          + "without one");
    }
    return true;
  }
}
