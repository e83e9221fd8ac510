package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /actuator/health} follows the audit log: the service on a random port, its log renamed under it as a log
 * rotation would, is DOWN (it had answered UP while every calculate failed with 500). Its own context, closed after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AuditLogHealthTest {
  private static final String CLIENT = "client-token-0123456789";
  private static final String ADMIN = "admin-token-0123456789";
  private static final Path DIR = tempDir();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    Samples.copyPolicies(DIR.resolve("policies"));
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    registry.add("fenqi.policies-dir", () -> DIR.resolve("policies").toString());
    registry.add("fenqi.audit-log", () -> DIR.resolve("audit.log").toString());
    registry.add("fenqi.client-token", () -> CLIENT);
    registry.add("fenqi.admin-token", () -> ADMIN);
    registry.add("fenqi.field-key", () -> key);
    registry.add("fenqi.index-key", () -> key);
    registry.add("fenqi.audit-key", () -> key);
    registry.add("server.tomcat.basedir", () -> DIR.resolve("tomcat").toString());
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DIR.resolve("db/fenqi").toAbsolutePath());
  }

  @Test
  void healthIsDownWhileTheAuditLogRefusesAppends() throws Exception {
    HttpResponse<String> up = get("/actuator/health", null);
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(up.body()).get("status").asText()).isEqualTo("UP");
    String feasible = new String(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(post("/api/negotiation/calculate", feasible).statusCode()).isEqualTo(200);

    Files.move(DIR.resolve("audit.log"), DIR.resolve("audit.log.1")); // a log rotation by rename

    HttpResponse<String> down = get("/actuator/health", null);
    assertThat(down.statusCode()).as("DOWN before a request fails on it").isEqualTo(503);
    assertThat(JSON.readTree(down.body()).get("status").asText()).isEqualTo("DOWN");
    assertThat(down.body()).as("the reason names a path: admins only").doesNotContain("audit.log");
    HttpResponse<String> failed = post("/api/negotiation/calculate", feasible);
    assertThat(failed.statusCode()).isEqualTo(500);
    JsonNode problem = JSON.readTree(failed.body());
    assertThat(problem.get("title").asText()).isEqualTo("Internal error");
    assertThat(problem.get("detail").asText()).as("opaque: the cause is in the log only")
        .isEqualTo("the request could not be completed; the error was logged");
    assertThat(failed.body()).doesNotContain("audit.log").doesNotContain("Exception");
    JsonNode detailed = JSON.readTree(get("/actuator/health", ADMIN).body());
    assertThat(detailed.at("/components/auditLog/status").asText()).isEqualTo("DOWN");
    assertThat(detailed.at("/components/auditLog/details/reason").asText())
        .startsWith(DIR.resolve("audit.log") + ": the path no longer names this audit log's file");
    assertThat(get("/actuator/health", CLIENT).body()).as("clients see no details").doesNotContain("audit.log");
  }

  private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + CLIENT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fenqi-health-test");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
