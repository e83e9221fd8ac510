package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Requests whose body Tomcat cannot read, and the servlet error page they reach, answered as problem+json naming
 * what was wrong: a body that stops arriving (408 once the connection timeout, here 2 s, has passed), a malformed
 * chunked body (400), the error page asked for directly (404). They were Spring Boot's {"timestamp", "status",
 * "error", "path"} as application/json, and the malformed body an "unexpected error" with a stack trace in the log.
 * Over raw sockets: an HTTP client would not send such requests.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreadableRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = TestService.CLIENT;

  @Test
  void unreadableBodiesAndTheErrorPageAreProblems(@TempDir Path dir, CapturedOutput output) throws Exception {
    try (TestService service = TestService.start(dir, "--server.tomcat.connection-timeout=2s")) {
      int port = service.port();
      String head = "POST /api/negotiation/calculate HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
          + "\r\nContent-Type: application/json\r\n";

      String stalled = exchange(port, head + "Content-Length: 500\r\n\r\n{\"caseId\": \"stalled\"");
      assertProblem(stalled, 408, "the request body did not arrive in time: the connection was idle longer than this "
          + "service waits; send the body at once, whole");

      String chunked = exchange(port, head + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\nZZ\r\nxx\r\n0\r\n\r\n");
      assertProblem(chunked, 400, "the request body cannot be read: Invalid chunk header (a malformed transfer "
          + "encoding); send it again, whole");

      String direct = exchange(port, "GET /error HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      assertProblem(direct, 404, "no endpoint GET '/error'");
    }
    assertThat(output.getAll()).doesNotContain("unexpected error", "client went away")
        .contains("request body did not arrive in time during POST /api/negotiation/calculate",
            "request body of POST /api/negotiation/calculate cannot be read (Invalid chunk header)");
  }

  /** Sends {@code request} and reads the answer until the server closes the connection. */
  static String exchange(int port, String request) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void assertProblem(String answer, int status, String detail) throws Exception {
    assertThat(answer).as(answer).startsWith("HTTP/1.1 " + status + " ")
        .containsIgnoringCase("Content-Type: application/problem+json");
    JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isEqualTo(detail);
    assertThat(problem.get("instance").asText()).isEqualTo(status == 404 ? "/error" : "/api/negotiation/calculate");
  }
}
