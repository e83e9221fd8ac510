package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests Tomcat refuses before Spring sees them, on a service whose header limit an operator set to 4 KB: the
 * answer is problem+json naming what was refused ({@link ProblemErrorReportValve}).
 */
class TomcatRefusalTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir(factory = StartupConfigurationTest.UnderTarget.class)
  static Path dir;

  private static TestService service;

  @BeforeAll
  static void start() {
    service = TestService.start(dir, "--server.max-http-request-header-size=4KB");
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  /**
   * Headers over the limit of 4 KB are a 431 naming 4096 bytes and the setting (README, "Requests refused before
   * Spring sees them"), not Tomcat's default of 8 KB; headers under it are served.
   */
  @Test
  void theA431NamesTheLimitTheServiceWasGiven() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create("http://localhost:" + service.port() + "/api/policy/query?platformId=demo-online-lender");
    HttpResponse<String> served = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer "
        + TestService.CLIENT).header("X-Padding", "x".repeat(3_000)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer "
        + TestService.CLIENT).header("X-Padding", "x".repeat(5_000)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(431);
    JsonNode body = JSON.readTree(refused.body());
    assertThat(body.get("detail").asText()).isEqualTo("the request line and headers are larger than this service "
        + "reads: together at most 4096 bytes (server.max-http-request-header-size); send shorter headers");
  }

  /**
   * What Tomcat refuses with a status other than 400 — an HTTP version it does not speak (505), a transfer coding it
   * does not implement (501) — is problem+json too, and not told it had "a malformed request line or path", which
   * sent a client to look for a mistake in its path; its title is the status's reason phrase with its acronyms kept
   * ("HTTP version not supported", not "Http version not supported"). Over raw sockets: an HTTP client would not send
   * these.
   */
  @Test
  void aRefusalOtherThanA400IsAProblemThatBlamesNoPath() throws Exception {
    String[][] calls = {
        {"GET /api/policy/query HTTP/1.2\r\nHost: localhost\r\nConnection: close\r\n\r\n", "505",
            "HTTP version not supported"},
        {"POST /api/negotiation/calculate HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\nConnection: "
            + "close\r\n\r\n", "501", "Not implemented"}};
    for (String[] call : calls) {
      String answer = UnreadableRequestTest.exchange(service.port(), call[0]);
      assertThat(answer).as(answer).startsWith("HTTP/1.1 " + call[1] + " ")
          .containsIgnoringCase("Content-Type: application/problem+json");
      JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(problem.get("status").asInt()).isEqualTo(Integer.parseInt(call[1]));
      assertThat(problem.get("title").asText()).isEqualTo(call[2]);
      assertThat(problem.get("detail").asText()).isEqualTo("the request was refused before reaching the service");
    }
  }
}
