package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fenqi.core.testkit.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A deployment's own {@link ApiTokenAuthenticator} (token introspection, here a fixed stand-in) replaces the static
 * tokens, as the README says: declared in a configuration of the deployment's, with no FENQI_CLIENT_TOKEN or
 * FENQI_ADMIN_TOKEN set, the service starts and answers by it alone.
 */
class CustomAuthenticatorTest {

  /**
   * The deployment's configuration, given to the application as one more source (as a deployment's own
   * {@code @Configuration} is found after the service's). Not annotated, so that component scanning of the other tests
   * does not find it.
   */
  static class IntrospectionConfiguration {
    @Bean
    ApiTokenAuthenticator introspection() {
      return token -> token.equals("introspected-client-token") ? Optional.of(UsernamePasswordAuthenticationToken
          .authenticated("introspected", null, List.of(new SimpleGrantedAuthority("ROLE_CLIENT")))) : Optional.empty();
    }
  }

  @Test
  void aDeclaredAuthenticatorReplacesTheStaticTokens(@TempDir Path dir) throws Exception {
    Samples.copyPolicies(dir.resolve("policies"));
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FenqiApplication.class,
        IntrospectionConfiguration.class).run("--server.port=0", "--server.tomcat.basedir=" + dir.resolve("tomcat"),
        "--fenqi.policies-dir=" + dir.resolve("policies"), "--fenqi.audit-log=" + dir.resolve("audit.log"),
        "--fenqi.field-key=" + key, "--fenqi.index-key=" + key, "--fenqi.audit-key=" + key,
        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath())) {
      assertThat(app.getBeansOfType(ApiTokenAuthenticator.class)).hasSize(1).containsKey("introspection");
      String query = "http://localhost:" + app.getEnvironment().getProperty("local.server.port")
          + "/api/policy/query?platformId=demo-online-lender";
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> known = http.send(HttpRequest.newBuilder(URI.create(query))
          .header("Authorization", "Bearer introspected-client-token").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(known.statusCode()).isEqualTo(200);
      HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(query))
          .header("Authorization", "Bearer another-token-0123456789").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(unknown.statusCode()).isEqualTo(401);
    }
  }
}
