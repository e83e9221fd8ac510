package io.github.fenqi.spring;

import io.github.fenqi.core.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what: {@code /api/admin/**} needs ADMIN; the rest of {@code /api/**} and the Prometheus endpoint
 * need CLIENT (admins have it too); health is open. Stateless, bearer tokens only; 401 without a valid token,
 * 403 with the wrong role, both as problem+json.
 *
 * <p>Thread-safety: configuration; the beans it makes are thread-safe.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  /**
   * The chain, authenticating by the deployment's own {@link ApiTokenAuthenticator} bean when it declares one, else by
   * the static tokens. (The static one was a {@code @ConditionalOnMissingBean} bean: decided when this configuration
   * was read, before a deployment's configuration declared its own, so both were made and the start failed asking for
   * FENQI_CLIENT_TOKEN, which such a deployment does not set.)
   */
  @Bean
  @DependsOn("settingsChecked")
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<ApiTokenAuthenticator> declared,
      FenqiProperties props) throws Exception {
    ApiTokenAuthenticator authenticator = declared.getIfAvailable(
        () -> new StaticTokenAuthenticator(props.clientToken(), props.adminToken()));
    return http
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .addFilterBefore(new BearerTokenFilter(authenticator), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health", "/error").permitAll()
            .requestMatchers(ADMIN_PATHS).hasRole("ADMIN")
            .requestMatchers(CLIENT_PATHS).hasRole("CLIENT")
            .anyRequest().denyAll())
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> Problems.write(res, HttpStatus.UNAUTHORIZED,
                "Unauthorized", "send 'Authorization: Bearer <token>' with a valid token", req.getRequestURI()))
            .accessDeniedHandler(SecurityConfiguration::denied))
        .build();
  }

  /** The paths only an admin may call. */
  private static final String[] ADMIN_PATHS = {"/api/admin/**"};

  /** The paths a client may call (an admin too). */
  private static final String[] CLIENT_PATHS = {"/api/**", "/actuator/prometheus"};

  /**
   * A valid token refused: a 403 where another role may call the path, else a 404 naming the path as the API's own
   * 404 does. Every path outside the roles' was a 403 "this token's role may not call GET /" — no role may, as no
   * endpoint serves it — so an admin who mistyped the base path ({@code /API/…}) was told the admin role was not
   * enough. (Without a valid token the answer is the 401, which says nothing of what the service serves.)
   */
  private static void denied(HttpServletRequest req, HttpServletResponse res, AccessDeniedException e)
      throws IOException {
    if (Stream.concat(Arrays.stream(ADMIN_PATHS), Arrays.stream(CLIENT_PATHS))
        .anyMatch(path -> AntPathRequestMatcher.antMatcher(path).matches(req))) {
      Problems.write(res, HttpStatus.FORBIDDEN, "Forbidden", "this token's role may not call " + req.getMethod() + " "
          + req.getRequestURI(), req.getRequestURI());
    } else {
      Problems.write(res, HttpStatus.NOT_FOUND, "Not found", Problems.noEndpoint(req.getMethod(), req.getRequestURI()),
          req.getRequestURI());
    }
  }

  /**
   * What Spring Security's firewall refuses before any filter runs — a double slash (a base URL ending in '/'), a ';',
   * an encoded '%' or '.' in the path, a control character, a method such as TRACE — as a problem+json 400. It was
   * Spring Boot's own error JSON ({@code {"timestamp", "status", "error", "path"}} as application/json), and an empty
   * body for TRACE: the answers of the API besides Tomcat's own that were not problem+json.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (req, res, e) -> Problems.write(res, HttpStatus.BAD_REQUEST, "Bad request", refusal(req, e),
        // TRACE is refused by Tomcat first and reaches the firewall on its way to the error page: name the request's path
        req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original ? original
            : req.getRequestURI());
  }

  /**
   * Why the firewall refused {@code request}, naming the header when a header's value was at fault. The firewall
   * checks a header's value only when it is read, so a control character in one — a C1 control is how UTF-8 text in a
   * header arrives, its bytes read as ISO-8859-1 ({@code Idempotency-Key: ключ}) — was refused as "its method or path is
   * not accepted" when a filter read it (Authorization, Accept), and as an opaque 500 with a stack trace logged when a
   * controller did (Idempotency-Key).
   */
  static String refusal(HttpServletRequest request, RequestRejectedException e) {
    String refused = "the request was refused before reaching the service: ";
    ServletRequest raw = request;
    while (raw instanceof ServletRequestWrapper wrapper) { // the firewall's own wrapper would refuse the value again
      raw = wrapper.getRequest();
    }
    if (String.valueOf(e.getMessage()).contains("header") && raw instanceof HttpServletRequest http) {
      for (String name : Collections.list(http.getHeaderNames())) {
        if (Collections.list(http.getHeaders(name)).stream()
            .anyMatch(value -> value.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c)))) {
          return refused + "header " + Problems.quoted(name) + " holds a control character or text that is not ASCII "
              + "(a header's bytes are read as ISO-8859-1, so UTF-8 text arrives as other characters); send it as ASCII";
        }
      }
    }
    return refused + "its method or path is not accepted (a double slash, ';', an encoded '%', '.' or '/', a control "
        + "character; a method other than GET, HEAD, POST, PUT, DELETE, OPTIONS or PATCH)";
  }

  /**
   * Reads {@code Authorization: Bearer …}; an unknown token leaves the request anonymous (hence 401). The header given
   * more than once is a 400, authenticating nobody: the first was taken and the others ignored, so a request carrying a
   * client's token and then anyone's passed as that client, while a proxy or log that reads the last one (RFC 9110
   * allows the header once) saw another caller.
   */
  static final class BearerTokenFilter extends OncePerRequestFilter {
    private final ApiTokenAuthenticator authenticator;

    BearerTokenFilter(ApiTokenAuthenticator authenticator) {
      this.authenticator = authenticator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      int given = Collections.list(request.getHeaders("Authorization")).size();
      if (given > 1) {
        Problem repeated = Problems.repeated("Authorization", given);
        Problems.write(response, HttpStatus.BAD_REQUEST, "Bad request", "header " + Problems.quoted(repeated.location())
            + " " + repeated.reason(), request.getRequestURI());
        return;
      }
      String header = request.getHeader("Authorization");
      if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        authenticator.authenticate(header.substring(7).strip())
            .ifPresent(a -> SecurityContextHolder.getContext().setAuthentication(a));
      }
      chain.doFilter(request, response);
    }
  }
}
