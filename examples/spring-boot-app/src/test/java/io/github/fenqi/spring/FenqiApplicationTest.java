package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.monitor.AcceptanceStatus;
import io.github.fenqi.core.monitor.OutcomeMonitor;
import io.github.fenqi.core.security.audit.FileAuditLog;
import io.github.fenqi.core.solve.Strategy;
import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The whole service on a random port, called over real HTTP: real H2 file database, real audit log file, keys
 * and tokens generated here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability
class FenqiApplicationTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CLIENT = randomToken();
  private static final String ADMIN = randomToken();
  private static final Path DIR = tempDir();
  private static final String FEASIBLE = new String(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"),
      StandardCharsets.UTF_8);
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  FenqiProperties props;

  @Autowired
  OutcomeMonitor monitor;

  @Autowired
  FileAuditLog audit;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    Samples.copyPolicies(DIR.resolve("policies"));
    registry.add("fenqi.policies-dir", () -> DIR.resolve("policies").toString());
    registry.add("fenqi.audit-log", () -> DIR.resolve("audit.log").toString());
    registry.add("fenqi.client-token", () -> CLIENT);
    registry.add("fenqi.admin-token", () -> ADMIN);
    registry.add("fenqi.field-key", FenqiApplicationTest::randomKey);
    registry.add("fenqi.index-key", FenqiApplicationTest::randomKey);
    registry.add("fenqi.audit-key", FenqiApplicationTest::randomKey);
    registry.add("fenqi.max-body-bytes", () -> "65536");
    registry.add("fenqi.monitor.recent-window", () -> "20");
    registry.add("fenqi.monitor.baseline-window", () -> "40");
    registry.add("fenqi.monitor.min-baseline", () -> "20");
    registry.add("server.tomcat.basedir", () -> DIR.resolve("tomcat").toString());
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DIR.resolve("db/fenqi").toAbsolutePath());
  }

  @Test
  void calculateReturnsThreeProposalsWithNoIdentifierInClear() throws Exception {
    HttpResponse<String> res = send("POST", "/api/negotiation/calculate", CLIENT, FEASIBLE);
    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(res.body());
    assertThat(body.get("feasible").asBoolean()).isTrue();
    assertThat(body.get("proposals")).hasSize(3);
    assertThat(res.body()).doesNotContain("110105198506150030", "13912345678", "李四");
  }

  @Test
  void callsWithoutAValidTokenAre401AndWrongRoleIs403() throws Exception {
    HttpResponse<String> none = send("POST", "/api/negotiation/calculate", null, FEASIBLE);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(send("POST", "/api/negotiation/calculate", "not-" + CLIENT, FEASIBLE).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
    String policy = new String(Samples.bytes("samples/policies/demo-online-lender.json"), StandardCharsets.UTF_8);
    HttpResponse<String> forbidden = send("PUT", "/api/admin/policies/demo-online-lender", CLIENT, policy);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(forbidden.body()).get("status").asInt()).isEqualTo(403);
    assertThat(send("GET", "/api/policy/query?platformId=demo-online-lender", ADMIN, null).statusCode())
        .as("admins are clients too").isEqualTo(200);
    assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
  }

  /** RFC 9110: a 401 names the scheme it wants, and an authentication scheme is matched in any case. */
  @Test
  void a401AsksForBearerAndTheSchemeIsReadInAnyCase() throws Exception {
    HttpResponse<String> none = send("GET", "/api/policy/query?platformId=demo-online-lender", null, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    for (String scheme : List.of("bearer ", "BEARER ", "BeArEr ")) {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/api/policy/query?platformId=demo-online-lender")).header("Authorization", scheme + CLIENT).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).as(scheme).isEqualTo(200);
    }
  }

  /**
   * The token is read after any number of spaces ({@code "Bearer" 1*SP b64token}, RFC 6750), and only the token itself
   * authenticates: one differing in the case of a single letter, or missing its last character, is a 401.
   */
  @Test
  void theTokenIsReadAfterAnySpacesAndOnlyExactlyAsIssued() throws Exception {
    String query = "/api/policy/query?platformId=demo-online-lender";
    for (String header : List.of("Bearer  " + CLIENT, "Bearer   " + ADMIN)) {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + query))
          .header("Authorization", header).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    }
    int letter = 0;
    while (!Character.isLetter(CLIENT.charAt(letter))) {
      letter++;
    }
    char c = CLIENT.charAt(letter);
    char swapped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    String otherCase = CLIENT.substring(0, letter) + swapped + CLIENT.substring(letter + 1);
    for (String token : List.of(otherCase, CLIENT.substring(0, CLIENT.length() - 1), CLIENT + "x")) {
      assertThat(send("GET", query, token, null).statusCode()).as(token).isEqualTo(401);
    }
  }

  /**
   * Two Authorization headers are a 400 whichever comes first, nobody authenticated: the first was taken, so a valid
   * client token followed by any other passed (200) and the same two in the other order did not (401).
   */
  @Test
  void anAuthorizationHeaderGivenTwiceIsA400() throws Exception {
    for (List<String> tokens : List.of(List.of(CLIENT, "not-" + CLIENT), List.of("not-" + CLIENT, CLIENT))) {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/api/policy/query?platformId=demo-online-lender")).header("Authorization", "Bearer " + tokens.get(0))
          .header("Authorization", "Bearer " + tokens.get(1)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
      assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
          .startsWith("application/problem+json"));
      assertThat(JSON.readTree(res.body()).get("detail").asText())
          .isEqualTo("header 'Authorization' is given 2 times; give it once");
    }
  }

  @Test
  void malformedJsonIsA400ProblemNamingTheSource() throws Exception {
    HttpResponse<String> res = send("POST", "/api/negotiation/calculate", CLIENT, "{\"caseId\": ");
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    JsonNode errors = JSON.readTree(res.body()).get("errors");
    assertThat(errors).isNotEmpty();
    assertThat(errors.get(0).get("location").asText()).contains("request body");
  }

  @Test
  void everyInvalidFieldIsListed() throws Exception {
    HttpResponse<String> res = send("POST", "/api/negotiation/calculate", CLIENT,
        "{\"caseId\":\" \",\"asOf\":\"2026-11-24\",\"borrower\":null,\"debts\":[]}");
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(locations(res)).anyMatch(l -> l.contains("caseId")).anyMatch(l -> l.contains("borrower"))
        .anyMatch(l -> l.contains("debts"));

    HttpResponse<String> outcome = send("POST", "/api/negotiation/outcome", CLIENT, "{}");
    assertThat(outcome.statusCode()).isEqualTo(400);
    assertThat(locations(outcome)).containsExactly("request body: platformId", "request body: strategy",
        "request body: accepted");

    HttpResponse<String> badMoney = send("POST", "/api/negotiation/calculate", CLIENT,
        FEASIBLE.replace("\"48000.00\"", "\"48,000\""));
    assertThat(badMoney.statusCode()).isEqualTo(400);
    assertThat(locations(badMoney)).anyMatch(l -> l.contains("debts[0].principal"));

    // two bad debts and a duplicate id: all three, not only the first bad debt
    HttpResponse<String> several = send("POST", "/api/negotiation/calculate", CLIENT, FEASIBLE
        .replace("\"48000.00\"", "\"48,000\"").replace("\"principal\": \"12000.00\"", "\"principal\": \"-1.00\"").replace("\"cf-1\"", "\"cc-1\""));
    assertThat(several.statusCode()).isEqualTo(400);
    assertThat(locations(several)).containsExactly("request body: debts[0].principal", "request body: debts[2].principal",
        "request body: debts[1].id");
  }

  /**
   * What the engine finds after reading (a date in the future, a platform without a policy) is located in the body as
   * sent, as what the reader finds is: it was {@code asOf} and {@code debts[0].platformId}, with neither the
   * {@code request body: } of the reader's problems nor, for a submission, the {@code case.} the case is nested under.
   */
  @Test
  void problemsTheEngineFindsAreLocatedInTheBodyAsSent() throws Exception {
    ObjectNode unknown = (ObjectNode) JSON.readTree(FEASIBLE);
    unknown.put("asOf", "2999-01-01");
    ((ObjectNode) unknown.get("debts").get(0)).put("platformId", "no-such-lender");
    HttpResponse<String> calculate = send("POST", "/api/negotiation/calculate", CLIENT, unknown.toString());
    assertThat(calculate.statusCode()).as(calculate.body()).isEqualTo(400);
    assertThat(locations(calculate)).containsExactly("request body: asOf", "request body: debts[0].platformId");
    HttpResponse<String> submit = send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":" + unknown + ",\"strategy\":\"BALANCED\"}");
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(400);
    assertThat(locations(submit)).containsExactly("request body: case.asOf", "request body: case.debts[0].platformId");
  }

  /**
   * A case that does not read is told the engine's problems as well, in the parts that read — a platform without a
   * policy, a date in the future, the borrower's mistyped ID number —, to a calculation and a submission alike: the
   * negative principal had been named alone, and the rest only once it was fixed.
   */
  @Test
  void aCaseThatDoesNotReadIsToldWhatTheEngineFindsInItsOtherPartsToo() throws Exception {
    ObjectNode bad = (ObjectNode) JSON.readTree(FEASIBLE);
    bad.put("asOf", "2999-01-01");
    ((ObjectNode) bad.get("borrower")).put("idNumber", "110105198506150031");
    ((ObjectNode) bad.get("debts").get(0)).put("principal", "-1.00");
    ((ObjectNode) bad.get("debts").get(2)).put("platformId", "no-such-lender");
    HttpResponse<String> calculate = send("POST", "/api/negotiation/calculate", CLIENT, bad.toString());
    assertThat(calculate.statusCode()).as(calculate.body()).isEqualTo(400);
    assertThat(locations(calculate)).containsExactly("request body: debts[0].principal", "request body: borrower.idNumber",
        "request body: asOf", "request body: debts[2].platformId");
    assertThat(calculate.body()).doesNotContain("110105198506150031");
    HttpResponse<String> submit = send("POST", "/api/negotiation/submit", CLIENT, "{\"case\":" + bad + "}");
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(400);
    assertThat(locations(submit)).containsExactly("request body: case.debts[0].principal", "request body: strategy",
        "request body: case.borrower.idNumber", "request body: case.asOf", "request body: case.debts[2].platformId");
  }

  /**
   * A submission's case or strategy given as {@code null} or left out is named beside the other part's problem:
   * a null strategy beside a case that does not read, a null case beside an unknown strategy.
   */
  @Test
  void aSubmissionsNullCaseOrStrategyIsNamedBesideTheOtherPartsProblems() throws Exception {
    ObjectNode bad = (ObjectNode) JSON.readTree(FEASIBLE);
    ((ObjectNode) bad.get("debts").get(0)).put("principal", "-1.00");
    HttpResponse<String> nullStrategy = send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":" + bad + ",\"strategy\":null}");
    assertThat(nullStrategy.statusCode()).as(nullStrategy.body()).isEqualTo(400);
    assertThat(locations(nullStrategy)).containsExactly("request body: case.debts[0].principal",
        "request body: strategy");
    HttpResponse<String> nullCase = send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":null,\"strategy\":\"SOMETIMES\"}");
    assertThat(nullCase.statusCode()).as(nullCase.body()).isEqualTo(400);
    assertThat(locations(nullCase)).containsExactlyInAnyOrder("request body: strategy", "request body: case");
    HttpResponse<String> noCase = send("POST", "/api/negotiation/submit", CLIENT, "{\"strategy\":\"SOMETIMES\"}");
    assertThat(noCase.statusCode()).as(noCase.body()).isEqualTo(400);
    assertThat(locations(noCase)).containsExactlyInAnyOrder("request body: strategy", "request body: case");
    // a malformed body is the reading's alone, with no case to find problems in: not a 500
    HttpResponse<String> malformed = send("POST", "/api/negotiation/submit", CLIENT, "{\"case\":");
    assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
  }

  /** Two billion days overdue (five million years) was accepted and planned for; it is a 400 naming the field. */
  @Test
  void implausiblyManyDaysOverdueIsA400NamingTheDebt() throws Exception {
    ObjectNode old = (ObjectNode) JSON.readTree(FEASIBLE);
    ((ObjectNode) old.get("debts").get(1)).put("overdueDays", 2_000_000_000);
    HttpResponse<String> res = send("POST", "/api/negotiation/calculate", CLIENT, old.toString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    assertThat(locations(res)).containsExactly("request body: debts[1].overdueDays");
    assertThat(res.body()).contains("2000000000 is more than 36525 (100 years)");
  }

  /** A 300-character case id failed the submission's database insert (a VARCHAR(200)) with an opaque 500. */
  @Test
  void anOverlongOrMultiLineCaseIdIsA400BeforeAnyWork() throws Exception {
    ObjectNode longCase = (ObjectNode) JSON.readTree(FEASIBLE);
    longCase.put("caseId", "c".repeat(300));
    String longId = longCase.toString();
    HttpResponse<String> submit = send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":" + longId + ",\"strategy\":\"BALANCED\"}");
    assertThat(submit.statusCode()).isEqualTo(400);
    assertThat(locations(submit)).containsExactly("request body: case.caseId");
    String twoLines = ((ObjectNode) JSON.readTree(FEASIBLE)).put("caseId", "a\nb").toString();
    HttpResponse<String> calculate = send("POST", "/api/negotiation/calculate", CLIENT, twoLines);
    assertThat(calculate.statusCode()).isEqualTo(400);
    assertThat(calculate.body()).contains("U+000A at position 2");
  }

  /**
   * A case id of 128 characters outside the Basic Multilingual Plane (a rare ideograph such as 𠀀, an emoji) is within
   * the limit of 128 characters, but H2 counts UTF-16 units and the VARCHAR(200) column failed the insert with a 500.
   * Half of a surrogate pair is a 400 naming the case id: the audit log had refused it naming a field "subject".
   */
  @Test
  void aCaseIdOf128CharactersOutsideTheBasicPlaneIsStoredAndHalfAPairIsNamed() throws Exception {
    String caseId = "\uD840\uDC00".repeat(128);
    String rare = ((ObjectNode) JSON.readTree(FEASIBLE)).put("caseId", caseId).toString();
    HttpResponse<String> submit = send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":" + rare + ",\"strategy\":\"BALANCED\"}");
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(201);
    String id = JSON.readTree(submit.body()).get("submissionId").asText();
    assertThat(jdbc.queryForObject("SELECT case_id FROM submission WHERE id = ?", String.class, id)).isEqualTo(caseId);
    String half = FEASIBLE.replace("\"caseId\": \"sample-002\"", "\"caseId\": \"a\\ud800b\"");
    assertThat(half).isNotEqualTo(FEASIBLE);
    HttpResponse<String> calculate = send("POST", "/api/negotiation/calculate", CLIENT, half);
    assertThat(calculate.statusCode()).isEqualTo(400);
    assertThat(locations(calculate)).containsExactly("request body: caseId");
    assertThat(calculate.body()).contains("U+D800 at position 2");
  }

  /**
   * More debts than the service plans per case is a 400 before any work; 200 debts used to be planned for seconds and
   * then fail the submission's insert with a 500 (1.5 MB of indented proposal JSON in a 1 000 000-character column).
   */
  @Test
  void aCaseOfMoreDebtsThanTheLimitIsA400() throws Exception {
    ObjectNode many = (ObjectNode) JSON.readTree(FEASIBLE);
    com.fasterxml.jackson.databind.node.ArrayNode debts = many.putArray("debts");
    JsonNode first = JSON.readTree(FEASIBLE).get("debts").get(0);
    for (int i = 0; i < 101; i++) {
      debts.add(((ObjectNode) first.deepCopy()).put("id", "d-" + i));
    }
    HttpResponse<String> res = send("POST", "/api/negotiation/calculate", CLIENT, many.toString());
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(locations(res)).containsExactly("request body: debts");
    assertThat(res.body()).contains("lists 101 debts; this service plans at most 100 per case (fenqi.max-debts)");
    HttpResponse<String> submit = send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":" + many + ",\"strategy\":\"BALANCED\"}");
    assertThat(submit.statusCode()).isEqualTo(400);
    assertThat(locations(submit)).containsExactly("request body: case.debts");
  }

  /**
   * A client that hangs up in the middle of its upload is one line in the log. It was logged as "unexpected error"
   * with a stack trace, twice: once for the read (Tomcat's ClientAbortException), once for the 500 that could not be
   * written to the closed connection either.
   */
  @Test
  void aClientHangingUpMidUploadIsNotAnUnexpectedError(CapturedOutput output) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      java.io.OutputStream out = socket.getOutputStream();
      out.write(("POST /api/negotiation/calculate HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + CLIENT
          + "\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n{\"caseId\": \"" + "a".repeat(1000))
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      Thread.sleep(300); // the server is now waiting for the rest of the body
      socket.setSoLinger(true, 0); // close with a reset, as a dropped connection does
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!output.getAll().contains("client went away during POST /api/negotiation/calculate")
        && !output.getAll().contains("unexpected error") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(output.getAll()).contains("client went away during POST /api/negotiation/calculate")
        .doesNotContain("unexpected error").doesNotContain("ClientAbortException");
  }

  /**
   * A client that sends a whole case and hangs up before the answer is written is counted as status 499, not as the
   * 200 nobody received: {@code http_server_requests_seconds} said {@code status="200", outcome="SUCCESS"}.
   */
  @Test
  void aClientHangingUpBeforeItsAnswerIsCountedAs499NotAs200(CapturedOutput output) throws Exception {
    double servedBefore = requests("200", "/api/negotiation/calculate");
    double goneBefore = requests("499", "/api/negotiation/calculate");
    byte[] body = FEASIBLE.getBytes(StandardCharsets.UTF_8);
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      java.io.OutputStream out = socket.getOutputStream();
      out.write(("POST /api/negotiation/calculate HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + CLIENT
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      socket.setSoLinger(true, 0); // gone with a reset while the case is calculated, as a dropped connection is
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (requests("499", "/api/negotiation/calculate") == goneBefore && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(requests("499", "/api/negotiation/calculate")).isEqualTo(goneBefore + 1);
    assertThat(requests("200", "/api/negotiation/calculate")).isEqualTo(servedBefore);
    assertThat(send("GET", "/actuator/prometheus", CLIENT, null).body()).as("a client error, not a success")
        .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*outcome=\"CLIENT_ERROR\",status=\"499\","
            + "uri=\"/api/negotiation/calculate\"}");
    assertThat(output.getAll()).contains("client went away during POST /api/negotiation/calculate");
  }

  /**
   * A header carrying UTF-8 text (its bytes read as ISO-8859-1, so with C1 control characters) is a 400 naming the
   * header. Read by a controller (Idempotency-Key) it was an opaque 500 with an "unexpected error" stack trace; read by
   * a filter (Authorization, Accept) a 400 blaming "its method or path".
   */
  @Test
  void aHeaderWithTextThatIsNotAsciiIsA400NamingIt(CapturedOutput output) throws Exception {
    String body = "{\"case\":" + FEASIBLE + ",\"strategy\":\"BALANCED\"}";
    for (String[] header : new String[][] {{"Idempotency-Key", "Authorization: Bearer " + CLIENT + "\r\nIdempotency-Key: ключ"},
        {"Accept", "Authorization: Bearer " + CLIENT + "\r\nAccept: ключ"}, {"Authorization", "Authorization: Bearer ключ"}}) {
      String[] answer = rawPost("/api/negotiation/submit", header[1], body);
      assertThat(answer[0]).as(header[0]).startsWith("HTTP/1.1 400");
      assertThat(JSON.readTree(answer[1]).get("detail").asText()).as(header[0])
          .isEqualTo("the request was refused before reaching the service: header '" + header[0].toLowerCase(
              java.util.Locale.ROOT) + "' holds a control character or text that is not ASCII (a header's bytes are "
              + "read as ISO-8859-1, so UTF-8 text arrives as other characters); send it as ASCII");
    }
    assertThat(output.getAll()).doesNotContain("unexpected error");
  }

  /** POSTs {@code body} as UTF-8 bytes with {@code headers} written raw; the status line and the answer's body. */
  private String[] rawPost(String path, String headers, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + "Content-Type: application/json\r\n" + headers + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().write(bytes);
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String entity = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      if (answer.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) { // one chunk, then 0
        entity = entity.substring(entity.indexOf("\r\n") + 2, entity.lastIndexOf("\r\n0\r\n"));
      }
      return new String[] {answer.substring(0, answer.indexOf("\r\n")), entity.strip()};
    }
  }

  /** How many requests of {@code uri} Spring's metrics count with {@code status}. */
  private double requests(String status, String uri) throws Exception {
    Matcher m = Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*status=\"" + status + "\",uri=\""
        + Pattern.quote(uri) + "\"} (\\S+)$").matcher(send("GET", "/actuator/prometheus", CLIENT, null).body());
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(1));
    }
    return total;
  }

  @Test
  void oversizedBodyIsRejectedWith413() throws Exception {
    String big = "{\"caseId\":\"" + "x".repeat(70_000) + "\"}";
    HttpResponse<String> res = send("POST", "/api/negotiation/calculate", CLIENT, big);
    assertThat(res.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(res.body()).get("detail").asText()).contains("65536");
  }

  /**
   * A 10 MB body, with its length or chunked, is answered with the 413 while the client is still sending it. Tomcat
   * closed the connection under the upload once it had discarded 2 MB past the point the service stopped reading: the
   * client got a reset ("chunked transfer encoding, state: READING_LENGTH"), not the 413, most times.
   */
  @Test
  void aTenMegabyteBodySentWholeGetsThe413() throws Exception {
    byte[] big = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    for (int i = 0; i < 3; i++) {
      for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofByteArray(big),
          HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))) {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/negotiation/calculate")).header("Authorization", "Bearer " + CLIENT)
            .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(413);
        assertThat(JSON.readTree(res.body()).get("detail").asText()).isEqualTo("the limit is 65536 bytes");
      }
    }
  }

  /**
   * The limit is the largest body taken: a body of exactly {@code fenqi.max-body-bytes} is read, with its length or
   * chunked, and one byte more is the 413.
   */
  @Test
  void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIsA413() throws Exception {
    int limit = props.maxBodyBytes();
    byte[] feasible = FEASIBLE.getBytes(StandardCharsets.UTF_8);
    for (int size : new int[] {limit, limit + 1}) {
      byte[] padded = java.util.Arrays.copyOf(feasible, size);
      java.util.Arrays.fill(padded, feasible.length, size, (byte) ' ');
      for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofByteArray(padded),
          HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(padded)))) {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/negotiation/calculate")).header("Authorization", "Bearer " + CLIENT)
            .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(size + " bytes, " + (body.contentLength() < 0 ? "chunked" : "with its length"))
            .isEqualTo(size == limit ? 200 : 413);
      }
    }
  }

  /**
   * A body announced with {@code Expect: 100-continue} that is too large is refused before it is sent: Tomcat answered
   * "100 Continue" at once, the client sent its 10 MB, and the connection was closed under it (the JDK's client got no
   * answer at all, "header parser received no bytes"; JDK 17's own client hangs on a refused expectation, hence a
   * socket here). A body the service takes is still asked for and answered.
   */
  @Test
  void aTooLargeBodyAnnouncedWithExpectContinueIsRefusedBeforeItIsSent() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /api/negotiation/calculate HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Bearer " + CLIENT + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
          + "Content-Length: 10485760\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 413 ").contains("\"detail\":\"the limit is 65536 bytes\"");
    }
    byte[] body = FEASIBLE.getBytes(StandardCharsets.UTF_8);
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /api/negotiation/calculate HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Bearer " + CLIENT + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
          + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] interim = new byte[25]; // "HTTP/1.1 100 \r\n\r\n" (Tomcat sends no reason phrase) and no more
      int read = socket.getInputStream().read(interim);
      assertThat(new String(interim, 0, read, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 100 ");
      socket.getOutputStream().write(body);
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).contains("HTTP/1.1 200 ").contains("\"feasible\":true");
    }
  }

  /** What Tomcat refuses before Spring sees it (an encoded slash in a path) is problem+json too, not its HTML page. */
  @Test
  void aRequestTomcatRefusesIsAProblemTooNotAnHtmlPage() throws Exception {
    HttpResponse<String> res = send("PUT", "/api/admin/policies/a%2Fb", ADMIN, "{}");
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    JsonNode body = JSON.readTree(res.body());
    assertThat(body.get("title").asText()).isEqualTo("Bad request");
    assertThat(body.get("detail").asText()).contains("encoded slash %2F");
    assertThat(body.get("instance").asText()).isEqualTo("/api/admin/policies/a%2Fb");
  }

  /**
   * A path Tomcat refuses for its percent-encoding — bytes that are no UTF-8 text ({@code %FF}, the overlong slash
   * {@code %C0%AF}) or a control character ({@code %00}) — is told that, naming the escape, also behind valid ones
   * ({@code %41%00} names {@code %00}; {@code %20b%FF} names {@code %FF}): every such 400 said "an
   * encoded slash %2F or backslash %5C is not accepted in a path", which the path did not hold.
   */
  @Test
  void aPathTomcatRefusesForItsEncodingIsToldWhichEscape() throws Exception {
    Map<String, String> expected = Map.of(
        "%FF", "its percent-encoding is not UTF-8 text: '%FF'",
        "%C0%AF", "its percent-encoding is not UTF-8 text: '%C0%AF'",
        "x%00y", "its percent-encoding holds a control character: '%00'",
        "x%41%00y", "its percent-encoding holds a control character: '%00'",
        "a%20b%FF", "its percent-encoding is not UTF-8 text: '%FF'");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      HttpResponse<String> res = send("GET", "/api/negotiation/submissions/" + e.getKey(), CLIENT, null);
      assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
      assertThat(JSON.readTree(res.body()).get("detail").asText()).as(e.getKey()).isEqualTo("the request was refused "
          + "before reaching the service: a malformed request line or path (" + e.getValue() + ")");
    }
  }

  /**
   * A request line and headers over Tomcat's limit (8 KB by default) are a 431 naming the limit: Tomcat refuses them
   * as it does a malformed request, and the 400 said "a malformed request line or path", sending a client with a long
   * token or cookie to look for a mistake in its path.
   */
  @Test
  void headersOverTheLimitAreA431NamingIt() throws Exception {
    for (HttpRequest request : List.of(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/policy/query?platformId=demo-online-lender")).header("Authorization", "Bearer " + CLIENT)
        .header("X-Padding", "x".repeat(9_000)).build(), HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/policy/query?platformId=" + "x".repeat(9_000))).header("Authorization", "Bearer " + CLIENT).build())) {
      HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).as(res.body()).isEqualTo(431);
      assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
          .startsWith("application/problem+json"));
      JsonNode body = JSON.readTree(res.body());
      assertThat(body.get("title").asText()).isEqualTo("Request header fields too large");
      assertThat(body.get("detail").asText()).isEqualTo("the request line and headers are larger than this service "
          + "reads: together at most 8192 bytes (server.max-http-request-header-size); send shorter headers");
    }
  }

  /**
   * What Spring Security's firewall refuses (a double slash, as a base URL ending in '/' makes, a ';', TRACE) is
   * problem+json too: it was Spring Boot's {"timestamp", "status", "error", "path"} as application/json, and an empty
   * body for TRACE.
   */
  @Test
  void aRequestTheFirewallRefusesIsAProblemToo() throws Exception {
    for (String[] call : new String[][] {{"POST", "/api//negotiation/calculate"},
        {"POST", "/api/negotiation/calculate;x=1"}, {"TRACE", "/api/negotiation/calculate"}}) {
      HttpResponse<String> res = send(call[0], call[1], CLIENT, call[0].equals("TRACE") ? null : FEASIBLE);
      assertThat(res.statusCode()).as(call[0] + " " + call[1]).isEqualTo(400);
      assertThat(res.headers().firstValue("Content-Type")).as(call[0] + " " + call[1])
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      JsonNode body = JSON.readTree(res.body());
      assertThat(body.get("title").asText()).isEqualTo("Bad request");
      assertThat(body.get("detail").asText()).contains("refused before reaching the service");
      assertThat(body.get("instance").asText()).isEqualTo(call[1]);
    }
  }

  /** A body not declared JSON — a form post, plain text, none — is a 415 saying what to send; JSON with a charset is fine. */
  @Test
  void aBodyNotDeclaredJsonIsA415() throws Exception {
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml", "not a type",
        "application/*", "*/*", "application/*+json"}) { // a wildcard declares no type: it was taken for JSON
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/api/negotiation/calculate")).header("Authorization", "Bearer " + CLIENT).header("Content-Type", type)
          .POST(HttpRequest.BodyPublishers.ofString(FEASIBLE)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).as(type).isEqualTo(415);
      assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
      assertThat(JSON.readTree(res.body()).get("detail").asText())
          .isEqualTo("send the body as application/json (Content-Type was " + type + ")");
    }
    HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/negotiation/calculate")).header("Authorization", "Bearer " + CLIENT)
        .POST(HttpRequest.BodyPublishers.ofString(FEASIBLE)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(none.body()).get("detail").asText()).endsWith("(Content-Type missing)");
    HttpResponse<String> utf8 = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/negotiation/calculate")).header("Authorization", "Bearer " + CLIENT)
        .header("Content-Type", "application/json; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(FEASIBLE))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(utf8.statusCode()).isEqualTo(200);
    for (String type : new String[] {"application/problem+json", "application/vnd.fenqi.case+json",
        "application/json; charset=US-ASCII"}) { // a +json type, and UTF-8's subset, are JSON too
      HttpResponse<String> json = post("/api/negotiation/calculate", type, FEASIBLE.chars()
          .mapToObj(c -> c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04x", c))
          .collect(java.util.stream.Collectors.joining()).getBytes(StandardCharsets.US_ASCII));
      assertThat(json.statusCode()).as(type + ": " + json.body()).isEqualTo(200);
    }
  }

  /**
   * A Content-Type given twice is a 400 naming it, nothing calculated: the first was taken, so {@code application/json}
   * then {@code text/plain} was read as JSON and answered 200, and the other order a 415.
   */
  @Test
  void aContentTypeGivenTwiceIsA400NamingIt() throws Exception {
    for (List<String> types : List.of(List.of("application/json", "text/plain"), List.of("text/plain",
        "application/json"))) {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/api/negotiation/calculate")).header("Authorization", "Bearer " + CLIENT).header("Content-Type", types.get(0))
          .header("Content-Type", types.get(1)).POST(HttpRequest.BodyPublishers.ofString(FEASIBLE)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).as(types + ": " + res.body()).isEqualTo(400);
      assertThat(locations(res)).containsExactly("Content-Type");
      assertThat(JSON.readTree(res.body()).get("errors").get(0).get("reason").asText())
          .isEqualTo("is given 2 times; give it once");
    }
  }

  /**
   * A Content-Type declaring its charset twice is a 400 naming it, nothing calculated: the last was taken, so
   * {@code charset=GBK; charset=UTF-8} was read as UTF-8 and answered 200 while a proxy reading the first saw GBK.
   */
  @Test
  void aCharsetDeclaredTwiceIsA400NamingIt() throws Exception {
    for (String type : List.of("application/json; charset=GBK; charset=UTF-8", "application/json;charset=utf-8;"
        + "CHARSET=\"utf-8\"")) {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/api/negotiation/calculate")).header("Authorization", "Bearer " + CLIENT).header("Content-Type", type)
          .POST(HttpRequest.BodyPublishers.ofString(FEASIBLE)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).as(type + ": " + res.body()).isEqualTo(400);
      assertThat(locations(res)).containsExactly("Content-Type");
      assertThat(reasons(res)).containsExactly("declares the charset 2 times; declare it once (UTF-8, or none)");
    }
  }

  /**
   * A body declaring a charset other than a Unicode one is a 415 naming it. {@code charset=GBK} with GBK bytes was
   * decoded as UTF-8 regardless: a 400 about an "invalid UTF-8 middle byte"; and a Latin-1 declaration over bytes that
   * are valid UTF-8 was read as UTF-8 silently. UTF-16, which the reader recognises from the bytes, still works.
   */
  @Test
  void aBodyDeclaringACharsetOtherThanUnicodeIsA415NamingIt() throws Exception {
    for (String[] declared : new String[][] {{"GBK", "GBK"}, {"gb18030", "GB18030"}, {"ISO-8859-1", "ISO-8859-1"},
        {"latin1", "ISO-8859-1"}}) {
      String type = "application/json; charset=" + declared[0];
      HttpResponse<String> res = post("/api/negotiation/calculate", type,
          FEASIBLE.getBytes(java.nio.charset.Charset.forName(declared[1])));
      assertThat(res.statusCode()).as(type).isEqualTo(415);
      assertThat(JSON.readTree(res.body()).get("detail").asText()).as(type)
          .startsWith("send the body as UTF-8: JSON must be UTF-8 (RFC 8259), and this service does not decode "
              + declared[1] + " (Content-Type was " + type + "); convert it, e.g. iconv -f " + declared[1]);
    }
    HttpResponse<String> utf16 = post("/api/negotiation/calculate", "application/json; charset=UTF-16",
        FEASIBLE.getBytes(StandardCharsets.UTF_16));
    assertThat(utf16.statusCode()).as(utf16.body()).isEqualTo(200);
    assertThat(JSON.readTree(utf16.body()).get("caseId").asText()).isEqualTo("sample-002");
  }

  /**
   * A JSON type whose charset parameter names no charset ({@code charset=nonsense}, {@code charset=a/b}, an empty one)
   * is a 415 naming the parameter and what is accepted: it was the generic "send the body as application/json", though
   * the body was declared application/json, so the caller could not tell what to change.
   */
  @Test
  void aCharsetThatNamesNoCharsetIsA415NamingTheParameter() throws Exception {
    byte[] body = FEASIBLE.getBytes(StandardCharsets.UTF_8);
    for (String[] declared : new String[][] {{"nonsense", "(charset=nonsense) names no charset this service knows"},
        {"a/b", "(charset=a/b) names no charset this service knows"}, {"", "is empty"}, {"\"\"", "is empty"}}) {
      String type = "application/json; charset=" + declared[0];
      HttpResponse<String> res = post("/api/negotiation/calculate", type, body);
      assertThat(res.statusCode()).as(type).isEqualTo(415);
      assertThat(JSON.readTree(res.body()).get("detail").asText()).as(type)
          .isEqualTo("send the body as UTF-8: the charset parameter " + declared[1] + " (Content-Type was " + type
              + "); JSON must be UTF-8 (RFC 8259): declare charset=UTF-8 or none (US-ASCII, UTF-16 and UTF-32 are "
              + "accepted too)");
    }
    HttpResponse<String> notJson = post("/api/negotiation/calculate", "text/plain; charset=nonsense", body);
    assertThat(notJson.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(notJson.body()).get("detail").asText()).as("not JSON whatever its charset")
        .isEqualTo("send the body as application/json (Content-Type was text/plain; charset=nonsense)");
  }

  /**
   * A compressed body ({@code Content-Encoding: gzip}) is a 415 saying to send it uncompressed: its bytes were read as
   * JSON, a 400 about an illegal control character at line 1.
   */
  @Test
  void aCompressedBodyIsA415SayingSo() throws Exception {
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
      gzip.write(FEASIBLE.getBytes(StandardCharsets.UTF_8));
    }
    for (String encoding : new String[] {"gzip", "br", "gzip, identity"}) {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
          + "/api/negotiation/calculate")).header("Authorization", "Bearer " + CLIENT)
          .header("Content-Type", "application/json").header("Content-Encoding", encoding)
          .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).as(encoding).isEqualTo(415);
      assertThat(JSON.readTree(res.body()).get("detail").asText()).isEqualTo("send the body uncompressed: this service "
          + "does not decode Content-Encoding '" + encoding + "'; leave the header out (or send identity)");
    }
    HttpResponse<String> identity = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/negotiation/calculate")).header("Authorization", "Bearer " + CLIENT)
        .header("Content-Type", "application/json").header("Content-Encoding", "IDENTITY")
        .POST(HttpRequest.BodyPublishers.ofString(FEASIBLE)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(identity.statusCode()).as("a content coding's name is case-insensitive (RFC 9110)").isEqualTo(200);
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + CLIENT).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * An Accept header that allows no JSON is a 406 problem naming it; it was an opaque 500 with "unexpected error" and a
   * stack trace in the log.
   */
  @Test
  void anAcceptHeaderWithoutJsonIsA406NotA500(CapturedOutput output) throws Exception {
    for (String[] call : new String[][] {{"GET", "/api/negotiation/submissions/x", "application/xml"},
        {"POST", "/api/negotiation/calculate", "text/html"}}) {
      HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + call[1]))
          .method(call[0], call[0].equals("GET") ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(FEASIBLE))
          .header("Authorization", "Bearer " + CLIENT).header("Content-Type", "application/json")
          .header("Accept", call[2]).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).as(call[1] + " " + res.body()).isEqualTo(406);
      assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
      assertThat(JSON.readTree(res.body()).get("detail").asText()).endsWith("the request's Accept was " + call[2]);
    }
    assertThat(output.getAll()).doesNotContain("unexpected error");
  }

  /**
   * An Accept asking for JSON in a charset this service does not write, and nothing else it can answer, is a 406
   * naming it: it was an opaque 500 and an "unexpected error" with a stack trace (no converter for
   * application/json;charset=GBK). UTF-8 is still answered.
   */
  @Test
  void anAcceptAskingForJsonInAnotherCharsetIsA406NotA500(CapturedOutput output) throws Exception {
    for (String[] call : new String[][] {{"application/json;charset=GBK", "GBK"},
        {"application/json; charset=ISO-8859-1", "ISO-8859-1"}, {"application/json;charset=UTF-16", "UTF-16"},
        {"application/json;charset=GBK, text/xml", "GBK"}}) {
      HttpResponse<String> res = queryAccepting(call[0]);
      assertThat(res.statusCode()).as(call[0] + " " + res.body()).isEqualTo(406);
      JsonNode problem = JSON.readTree(res.body());
      assertThat(problem.get("detail").asText()).isEqualTo("this service answers JSON in UTF-8 "
          + "(RFC 8259), not " + call[1] + "; the request's Accept was " + call[0] + ": leave its charset out or ask "
          + "for UTF-8");
      assertThat(problem.at("/errors/0/location").asText()).isEqualTo("Accept");
      assertThat(problem.at("/errors/0/reason").asText()).isEqualTo("'" + call[0].split(",")[0] + "' asks for JSON in "
          + call[1] + "; this service writes JSON in UTF-8 (RFC 8259)");
    }
    assertThat(queryAccepting("application/json; charset=utf-8").statusCode()).isEqualTo(200);
    assertThat(output.getAll()).doesNotContain("unexpected error");
  }

  /**
   * An answer is labelled with what it is: plain JSON (in the charset asked, if any), not with the parameters of the
   * Accept entry that chose it. {@code Accept: application/json;v=2} was answered {@code Content-Type:
   * application/json;v=2}, telling a client that asks for a version of the API that it had got that version.
   */
  @Test
  void anAnswerIsNotLabelledWithTheAcceptEntrysOtherParameters() throws Exception {
    for (String[] call : new String[][] {{"application/json;v=2", "application/json"},
        {"application/json; profile=\"https://example.org/v2\"", "application/json"},
        {"application/json;v=2;charset=UTF-8", "application/json;charset=UTF-8"},
        {"application/json;charset=utf-8", "application/json;charset=utf-8"}}) {
      HttpResponse<String> res = queryAccepting(call[0]);
      assertThat(res.statusCode()).as(call[0] + " " + res.body()).isEqualTo(200);
      assertThat(res.headers().firstValue("Content-Type")).as(call[0]).hasValue(call[1]);
    }
  }

  /**
   * An Accept entry this service cannot answer — JSON in a charset it does not write, a charset or quality that does
   * not parse — gives way to the next entry the client accepts: {@code application/json;charset=GBK,
   * application/json;q=0.5} was a 406 although plain JSON was acceptable (the GBK entry was chosen, then refused), and
   * one unreadable entry made the whole header a 406.
   */
  @Test
  void anAcceptEntryThatCannotBeAnsweredGivesWayToTheNext() throws Exception {
    for (String accept : List.of("application/json;charset=GBK, application/json;q=0.5",
        "application/json;charset=GBK, */*;q=0.1", "application/json;charset=nonsense, application/json;q=0.5",
        "application/json;q=nope, application/*;q=0.2", "text/html;q=x, application/json;charset=UTF-8;q=0.9")) {
      HttpResponse<String> res = queryAccepting(accept);
      assertThat(res.statusCode()).as(accept + " " + res.body()).isEqualTo(200);
      assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
          .startsWith("application/json"));
      assertThat(JSON.readTree(res.body()).get("currentVersion").asText()).isEqualTo("2026-02-01");
    }
  }

  /**
   * An Accept none of whose entries can be read or answered is a 406 problem listing each entry and what is wrong
   * with it: {@code application/json;charset=nonsense} (or {@code q=nope}) was a 406 with an empty body, the only
   * error of the API without a problem, as the header was refused again when the problem was written. An entry with
   * {@code q=0} refuses its type (RFC 9110): it was served. Nothing is logged: Spring Boot's welcome-page mapping had
   * warned of each such header, a log line per request that any client could write.
   */
  @Test
  void anAcceptHeaderThatCannotBeReadIsA406ProblemNamingEachEntry(CapturedOutput output) throws Exception {
    for (String[] call : new String[][] {
        {"application/json;charset=nonsense", "'application/json;charset=nonsense' has a charset parameter that names "
            + "no charset this service knows; leave its charset out or ask for UTF-8"},
        {"application/json;charset=", "'application/json;charset=' has an empty charset; leave its charset out or ask "
            + "for UTF-8"},
        {"application/json;q=nope", "'application/json;q=nope' is not a media range (type/subtype, then parameters "
            + "name=value, q from 0 to 1)"},
        {"json", "'json' is not a media range (type/subtype, then parameters name=value, q from 0 to 1)"}}) {
      for (HttpResponse<String> res : List.of(queryAccepting(call[0]), http.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + "/api/negotiation/calculate")).header("Authorization", "Bearer " + CLIENT)
          .header("Content-Type", "application/json").header("Accept", call[0])
          .POST(HttpRequest.BodyPublishers.ofString(FEASIBLE)).build(), HttpResponse.BodyHandlers.ofString()))) {
        assertThat(res.statusCode()).as(call[0] + " " + res.body()).isEqualTo(406);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
            .startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(res.body());
        assertThat(problem.get("detail").asText()).endsWith("the request's Accept was " + call[0]);
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.at("/errors/0/location").asText()).isEqualTo("Accept");
        assertThat(problem.at("/errors/0/reason").asText()).isEqualTo(call[1]);
      }
    }
    HttpResponse<String> refused = queryAccepting("application/json;q=0");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(406);
    assertThat(JSON.readTree(refused.body()).get("detail").asText())
        .endsWith("the request's Accept was application/json;q=0");
    assertThat(output.getAll()).doesNotContain("unexpected error", "No acceptable representation",
        "Received invalid Accept header");
  }

  /**
   * An entry with {@code q=0} refuses its type through a wider entry too (RFC 9110 §12.5.1: the most specific entry
   * decides): {@code *}{@code /*, application/json;q=0} was served JSON, and a submission stored for a client that had
   * refused its answer. It is a 406 before the endpoint runs, nothing stored; a more specific entry accepting JSON
   * still wins over a wider one refusing it, and the Prometheus endpoint is refused when each of its formats is.
   */
  @Test
  void aTypeRefusedWithQualityZeroIsNotServedThroughAWildcard() throws Exception {
    for (String accept : List.of("*/*, application/json;q=0", "application/json;q=0, application/*",
        "application/json;q=0, */*;q=0.5")) {
      HttpResponse<String> res = queryAccepting(accept);
      assertThat(res.statusCode()).as(accept + " " + res.body()).isEqualTo(406);
      assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
          .startsWith("application/problem+json"));
      assertThat(JSON.readTree(res.body()).get("detail").asText()).isEqualTo("this endpoint answers application/json "
          + "(errors application/problem+json); the request's Accept was " + accept);
    }
    for (String accept : List.of("application/*;q=0, application/json", "*/*;q=0, application/json;charset=UTF-8",
        "application/json;q=0, application/json;charset=utf-8;q=0.5")) {
      HttpResponse<String> res = queryAccepting(accept);
      assertThat(res.statusCode()).as(accept + " " + res.body()).isEqualTo(200);
      assertThat(JSON.readTree(res.body()).get("currentVersion").asText()).isEqualTo("2026-02-01");
    }
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM submission", Integer.class);
    HttpResponse<String> submit = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/negotiation/submit")).header("Authorization", "Bearer " + CLIENT).header("Content-Type",
        "application/json").header("Accept", "*/*, application/json;q=0").POST(HttpRequest.BodyPublishers.ofString(
        "{\"case\":" + FEASIBLE + ",\"strategy\":\"BALANCED\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(submit.statusCode()).as(submit.body()).isEqualTo(406);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission", Integer.class)).isEqualTo(before);
    HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/actuator/prometheus")).header("Authorization", "Bearer " + CLIENT).header("Accept", "*/*, text/plain;q=0, "
        + "application/openmetrics-text;q=0, application/vnd.google.protobuf;q=0").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(406);
  }

  /**
   * A 406 names the types the endpoint answers: the Prometheus endpoint's said "this service answers application/json"
   * to a client that had asked for application/json, which the endpoint does not write.
   */
  @Test
  void aNotAcceptableAnswerNamesWhatTheEndpointAnswers() throws Exception {
    HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/actuator/prometheus")).header("Authorization", "Bearer " + CLIENT).header("Accept", "application/json")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(406);
    assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("application/problem+json"));
    String detail = JSON.readTree(res.body()).get("detail").asText();
    assertThat(detail).startsWith("this endpoint answers text/plain;version=0.0.4").contains(
        " or application/openmetrics-text;version=1.0.0").endsWith("(errors application/problem+json); the request's "
        + "Accept was application/json").doesNotContain("answers application/json");
    assertThat(JSON.readTree(queryAccepting("application/xml").body()).get("detail").asText()).isEqualTo(
        "this endpoint answers application/json (errors application/problem+json); the request's Accept was "
        + "application/xml");
  }

  private HttpResponse<String> queryAccepting(String accept) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/policy/query?platformId=demo-online-lender")).header("Authorization", "Bearer " + CLIENT)
        .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void submittedProposalIsStoredEncryptedAndReadBackMasked() throws Exception {
    HttpResponse<String> res = send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":" + FEASIBLE + ",\"strategy\":\"BALANCED\"}");
    assertThat(res.statusCode()).isEqualTo(201);
    JsonNode made = JSON.readTree(res.body());
    String id = made.get("submissionId").asText();
    assertThat(res.headers().firstValue("Location")).hasValue("/api/negotiation/submissions/" + id);
    assertThat(made.get("caseId").asText()).isEqualTo("sample-002");
    assertThat(made.get("strategy").asText()).isEqualTo("BALANCED");
    assertThat(made.get("policySnapshotVersion").isIntegralNumber()).as(res.body()).isTrue();

    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM submission WHERE id = ?", id);
    assertThat(row.get("ID_NUMBER_CIPHER").toString()).startsWith("v1:").doesNotContain("110105198506150030");
    assertThat(row.get("MOBILE_CIPHER").toString()).startsWith("v1:").doesNotContain("13912345678");

    HttpResponse<String> got = send("GET", "/api/negotiation/submissions/" + id, CLIENT, null);
    assertThat(got.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(got.body());
    assertThat(body.get("strategy").asText()).isEqualTo("BALANCED");
    assertThat(body.get("policySnapshotVersion")).isEqualTo(made.get("policySnapshotVersion"));
    assertThat(body.get("proposal").get("strategy").asText()).isEqualTo("BALANCED");
    String idNumber = body.get("borrower").get("idNumber").asText();
    assertThat(idNumber).contains("*").startsWith("110").endsWith("0030").doesNotContain("19850615");
    assertThat(body.get("borrower").get("mobile").asText()).contains("*").isNotEqualTo("13912345678");
    assertThat(got.body()).doesNotContain("李四");

    assertThat(send("GET", "/api/negotiation/submissions/no-such-id", CLIENT, null).statusCode()).isEqualTo(404);
    HttpResponse<String> noStrategy = send("POST", "/api/negotiation/submit", CLIENT, "{\"case\":" + FEASIBLE + "}");
    assertThat(noStrategy.statusCode()).isEqualTo(400);
    assertThat(locations(noStrategy)).anyMatch(l -> l.contains("strategy"));
  }

  /**
   * A submission's case is told every problem the same case sent to /plan is: with a bad debt, its duplicate id and
   * missing date had gone unnamed, to be met one submission at a time.
   */
  @Test
  void aSubmissionsCaseIsToldWhatCalculateIsToldOfIt() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode bad =
        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(FEASIBLE);
    bad.remove("asOf");
    ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("debts").get(0)).put("principal", "abc");
    ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("debts").get(2)).put("id",
        bad.get("debts").get(1).get("id").asText());
    HttpResponse<String> plan = send("POST", "/api/negotiation/calculate", CLIENT, bad.toString());
    HttpResponse<String> submit = send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":" + bad + ",\"strategy\":\"BALANCED\"}");
    assertThat(plan.statusCode()).isEqualTo(400);
    assertThat(submit.statusCode()).isEqualTo(400);
    assertThat(locations(plan)).containsExactly("request body: debts[0].principal", "request body: asOf",
        "request body: debts[2].id");
    assertThat(locations(submit)).containsExactly("request body: case.debts[0].principal", "request body: case.asOf",
        "request body: case.debts[2].id");
  }

  /**
   * A submission retried with the same Idempotency-Key and body — one after another or at the same time — is answered
   * with the first one's id and stored and audited once; the key with another body is a 422. Without the header a
   * retry stored the case twice, with two SUBMISSION audit entries. The case is calculated once too: a repeat arriving
   * while the first was being made ran the engine again, auditing a DATA_ACCESS and three PROPOSAL_GENERATED each.
   */
  @Test
  void aSubmissionRetriedWithTheSameIdempotencyKeyIsStoredOnce() throws Exception {
    String caseId = "idem-" + randomToken();
    String body = "{\"case\":" + ((ObjectNode) JSON.readTree(FEASIBLE)).put("caseId", caseId) + ",\"strategy\":\"BALANCED\"}";
    String key = java.util.UUID.randomUUID().toString();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<HttpResponse<String>> answers = new ArrayList<>();
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 8; i++) { // at the same time: one is made, the others wait for it and answer it again
        sent.add(clients.submit(() -> submit(key, body)));
      }
      for (Future<HttpResponse<String>> f : sent) {
        answers.add(f.get(60, TimeUnit.SECONDS));
      }
      answers.add(submit(key, body)); // and after
    } finally {
      clients.shutdownNow();
    }
    HttpResponse<String> first = answers.stream().filter(a -> a.headers().firstValue("Idempotent-Replayed").isEmpty())
        .findFirst().orElseThrow();
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      assertThat(answer.body()).isEqualTo(first.body());
      assertThat(answer.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    }
    assertThat(answers).filteredOn(a -> a.headers().firstValue("Idempotent-Replayed").isPresent()).hasSize(8);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE case_id = ?", Integer.class, caseId))
        .isEqualTo(1);
    List<String> audited = Files.readAllLines(DIR.resolve("audit.log"));
    assertThat(audited).filteredOn(l -> l.contains("SUBMISSION") && l.contains(caseId)).hasSize(1);
    assertThat(audited).as("the engine ran once").filteredOn(l -> l.contains("\"subject\":\"" + caseId + "\""))
        .extracting(l -> JSON.readTree(l).get("action").asText())
        .containsExactly("DATA_ACCESS", "PROPOSAL_GENERATED", "PROPOSAL_GENERATED", "PROPOSAL_GENERATED");

    HttpResponse<String> other = submit(key, body.replace("BALANCED", "AGGRESSIVE"));
    assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
    assertThat(locations(other)).containsExactly("Idempotency-Key");
    assertThat(JSON.readTree(other.body()).get("detail").asText()).contains("from another body");
    HttpResponse<String> newKey = submit(java.util.UUID.randomUUID().toString(), body);
    assertThat(newKey.statusCode()).isEqualTo(201);
    assertThat(newKey.body()).isNotEqualTo(first.body());
    HttpResponse<String> badKey = submit("k".repeat(256), body);
    assertThat(badKey.statusCode()).isEqualTo(400);
    assertThat(locations(badKey)).containsExactly("Idempotency-Key");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE case_id = ?", Integer.class, caseId))
        .isEqualTo(2);
  }

  /**
   * An Idempotency-Key is the caller's own: the same key from another token makes that caller's submission, not a
   * replay of the first caller's. A key is 1 to 255 visible ASCII characters: 255 are taken, a space is a 400 naming
   * the header.
   */
  @Test
  void anIdempotencyKeyIsTheCallersOwnAndOfVisibleCharacters() throws Exception {
    String caseId = "idem-own-" + randomToken();
    String body = "{\"case\":" + ((ObjectNode) JSON.readTree(FEASIBLE)).put("caseId", caseId) + ",\"strategy\":\"BALANCED\"}";
    String key = "k".repeat(254) + randomToken().charAt(0);
    HttpResponse<String> client = submit(CLIENT, key, body);
    assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
    HttpResponse<String> admin = submit(ADMIN, key, body);
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(201);
    assertThat(admin.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(JSON.readTree(admin.body()).get("submissionId"))
        .isNotEqualTo(JSON.readTree(client.body()).get("submissionId"));
    assertThat(submit(ADMIN, key, body).headers().firstValue("Idempotent-Replayed")).hasValue("true");
    HttpResponse<String> spaced = submit(CLIENT, "a b", body);
    assertThat(spaced.statusCode()).as(spaced.body()).isEqualTo(400);
    assertThat(locations(spaced)).containsExactly("Idempotency-Key");
    HttpResponse<String> tooLong = submit(CLIENT, "k".repeat(256), body); // the README's 1..255 characters
    assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
    assertThat(locations(tooLong)).containsExactly("Idempotency-Key");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE case_id = ?", Integer.class, caseId))
        .isEqualTo(2);
  }

  private HttpResponse<String> submit(String idempotencyKey, String body) throws Exception {
    return submit(CLIENT, idempotencyKey, body);
  }

  private HttpResponse<String> submit(String token, String idempotencyKey, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/negotiation/submit"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Two Idempotency-Key headers are a 400 naming the header, nothing stored: Spring joined them into the key "a,b", so
   * the submission was made under a key the client never sent, and its retry with either key made a second one.
   */
  @Test
  void anIdempotencyKeyGivenTwiceIsA400() throws Exception {
    String caseId = "idem-twice-" + randomToken();
    String body = "{\"case\":" + ((ObjectNode) JSON.readTree(FEASIBLE)).put("caseId", caseId) + ",\"strategy\":\"BALANCED\"}";
    String a = java.util.UUID.randomUUID().toString();
    String b = java.util.UUID.randomUUID().toString();
    HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/negotiation/submit")).header("Authorization", "Bearer " + CLIENT).header("Content-Type", "application/json")
        .header("Idempotency-Key", a).header("Idempotency-Key", b).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    assertThat(locations(res)).containsExactly("Idempotency-Key");
    assertThat(reasons(res)).containsExactly("is given 2 times; give it once");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE case_id = ?", Integer.class, caseId)).isZero();
    assertThat(submit(a + "," + b, body).headers().firstValue("Idempotent-Replayed")).as("no key a,b was kept").isEmpty();
  }

  /**
   * An answer about a platform without a policy, or one that contradicts the submission it names, is refused with
   * every problem and counts nowhere — no metric series, no monitor window, no audit entry.
   */
  @Test
  void anOutcomeMustBeAboutAKnownPlatformAndMatchItsSubmission() throws Exception {
    long auditBefore = Files.readAllLines(DIR.resolve("audit.log")).size();
    HttpResponse<String> unknown = send("POST", "/api/negotiation/outcome", CLIENT,
        "{\"platformId\":\"demo-onlin-lender\",\"strategy\":\"BALANCED\",\"accepted\":false}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).get("errors").get(0).get("reason").asText())
        .isEqualTo("no policy for platform 'demo-onlin-lender'");

    HttpResponse<String> submitted = send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":" + FEASIBLE + ",\"strategy\":\"BALANCED\"}");
    String id = JSON.readTree(submitted.body()).get("submissionId").asText();
    long auditAfterSubmit = Files.readAllLines(DIR.resolve("audit.log")).size();
    assertThat(auditAfterSubmit).isGreaterThan(auditBefore);
    HttpResponse<String> contradicting = send("POST", "/api/negotiation/outcome", CLIENT,
        "{\"platformId\":\"demo-onlin-lender\",\"strategy\":\"AGGRESSIVE\",\"accepted\":true,\"submissionId\":\"" + id
            + "\"}");
    assertThat(contradicting.statusCode()).isEqualTo(400);
    assertThat(locations(contradicting)).as("located in the body, as its missing fields are")
        .containsExactly("request body: platformId", "request body: strategy", "request body: platformId");
    assertThat(contradicting.body()).contains("is a BALANCED proposal, not AGGRESSIVE")
        .contains("proposes nothing to 'demo-onlin-lender'; its lenders are [demo-credit-card, demo-consumer-finance, "
            + "demo-online-lender]");
    assertThat(Files.readAllLines(DIR.resolve("audit.log"))).hasSize((int) auditAfterSubmit);
    assertThat(send("GET", "/actuator/prometheus", CLIENT, null).body()).doesNotContain("demo-onlin-lender");

    // what the caller sent is echoed cut to 40 characters, as every problem does: a 30 000-character id came back whole
    String longId = "s".repeat(30_000);
    HttpResponse<String> echoed = send("POST", "/api/negotiation/outcome", CLIENT,
        "{\"platformId\":\"" + "p".repeat(1000) + "\",\"strategy\":\"BALANCED\",\"accepted\":true,\"submissionId\":\""
            + longId + "\"}");
    assertThat(echoed.statusCode()).isEqualTo(400);
    assertThat(echoed.body()).hasSizeLessThan(1000).contains("no submission '" + "s".repeat(37) + "...'")
        .contains("no policy for platform '" + "p".repeat(37) + "...'");
    assertThat(send("GET", "/api/negotiation/submissions/" + "s".repeat(5000), CLIENT, null).body())
        .contains("no submission '" + "s".repeat(37) + "...'\"");
    assertThat(send("GET", "/api/policy/query?platformId=" + "p".repeat(5000), CLIENT, null).body())
        .contains("no policy for platform '" + "p".repeat(37) + "...'\"");

    HttpResponse<String> matching = send("POST", "/api/negotiation/outcome", CLIENT,
        "{\"platformId\":\"demo-online-lender\",\"strategy\":\"BALANCED\",\"accepted\":true,\"submissionId\":\"" + id
            + "\"}");
    assertThat(matching.statusCode()).isEqualTo(202);
  }

  /**
   * A lender's answer to a submission sent twice (a client retrying a lost 202) counts once — in the monitor, the
   * metrics and the audit log — and the other answer afterwards is a 409; each copy counted before.
   */
  @Test
  void aLendersAnswerToASubmissionCountsOnce() throws Exception {
    HttpResponse<String> submitted = send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":" + FEASIBLE + ",\"strategy\":\"AGGRESSIVE\"}");
    String id = JSON.readTree(submitted.body()).get("submissionId").asText();
    AcceptanceStatus before = monitor.status("demo-credit-card", Strategy.AGGRESSIVE);
    String answer = "{\"platformId\":\"demo-credit-card\",\"strategy\":\"AGGRESSIVE\",\"accepted\":true,"
        + "\"submissionId\":\"" + id + "\"}";
    HttpResponse<String> first = send("POST", "/api/negotiation/outcome", CLIENT, answer);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    HttpResponse<String> again = send("POST", "/api/negotiation/outcome", CLIENT, answer);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    AcceptanceStatus after = monitor.status("demo-credit-card", Strategy.AGGRESSIVE);
    assertThat(after.recentTotal() + after.baselineTotal()).isEqualTo(before.recentTotal() + before.baselineTotal() + 1);
    assertThat(Files.readAllLines(DIR.resolve("audit.log")))
        .filteredOn(l -> l.contains("OUTCOME_RECORDED") && l.contains(id)).hasSize(1);
    HttpResponse<String> contradicting = send("POST", "/api/negotiation/outcome", CLIENT,
        answer.replace("true", "false"));
    assertThat(contradicting.statusCode()).as(contradicting.body()).isEqualTo(409);
    assertThat(locations(contradicting)).containsExactly("request body: accepted");
    assertThat(JSON.readTree(contradicting.body()).get("detail").asText())
        .isEqualTo("platform demo-credit-card already answered submission " + id + ": accepted; an answer is recorded once");
    assertThat(monitor.status("demo-credit-card", Strategy.AGGRESSIVE)).isEqualTo(after);
  }

  /**
   * Each lender of a submission answers it once: another platform's answer to the same submission is that platform's
   * first, counted and audited, whatever the first platform answered.
   */
  @Test
  void eachLenderOfASubmissionAnswersItOnce() throws Exception {
    String id = JSON.readTree(send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":" + FEASIBLE + ",\"strategy\":\"BALANCED\"}").body()).get("submissionId").asText();
    for (String[] answer : new String[][] {{"demo-credit-card", "true"}, {"demo-online-lender", "false"}}) {
      HttpResponse<String> res = send("POST", "/api/negotiation/outcome", CLIENT, "{\"platformId\":\"" + answer[0]
          + "\",\"strategy\":\"BALANCED\",\"accepted\":" + answer[1] + ",\"submissionId\":\"" + id + "\"}");
      assertThat(res.statusCode()).as(answer[0] + ": " + res.body()).isEqualTo(202);
      assertThat(res.headers().firstValue("Idempotent-Replayed")).as(answer[0]).isEmpty();
    }
    assertThat(Files.readAllLines(DIR.resolve("audit.log")))
        .filteredOn(l -> l.contains("OUTCOME_RECORDED") && l.contains(id)).hasSize(2);
  }

  /**
   * Every 404, and every problem naming something not found, names it quoted: a blank submission id gave
   * {@code no submission  }, a platform id with a space before it read as the right one, and a path missing its
   * submission id was "no such endpoint", whatever was asked.
   */
  @Test
  void whatIsNotFoundIsNamedVisiblyEvenWhenBlank() throws Exception {
    assertThat(detail(send("GET", "/api/negotiation/submissions/%20", CLIENT, null), 404)).isEqualTo("no submission ' '");
    assertThat(detail(send("GET", "/api/negotiation/submissions/", CLIENT, null), 404))
        .isEqualTo("no endpoint GET '/api/negotiation/submissions/'");
    assertThat(detail(send("GET", "/api/policy/query?platformId=%20demo-online-lender", CLIENT, null), 404))
        .isEqualTo("no policy for platform ' demo-online-lender'");
    HttpResponse<String> outcome = send("POST", "/api/negotiation/outcome", CLIENT,
        "{\"platformId\":\"demo-online-lender \",\"strategy\":\"BALANCED\",\"accepted\":true,\"submissionId\":\"\"}");
    assertThat(outcome.statusCode()).isEqualTo(400);
    assertThat(reasons(outcome)).containsExactly("no policy for platform 'demo-online-lender '", "no submission ''");
  }

  /**
   * A policy query's parameter that is blank, repeated or not one of its own is a 400 naming it. {@code asOf=} and a
   * misspelt {@code asof=2020-01-01} answered today's policy, {@code asOf=2026-11-24&asOf=2020-01-01} the first date,
   * two malformed dates quoted Java's name of an array, and {@code platformId=} was a 404 naming nothing.
   */
  @Test
  void aPolicyQueryParameterThatIsBlankRepeatedOrUnknownIsA400() throws Exception {
    String query = "/api/policy/query?platformId=demo-online-lender&";
    for (String[] call : new String[][] {{"asOf=", "asOf", "is empty; give a date YYYY-MM-DD, or leave the parameter "
        + "out for today in China"}, {"asOf=%20", "asOf", "is blank; give a date YYYY-MM-DD, or leave the parameter out "
        + "for today in China"}, {"asof=2020-01-01", "asof", "is not a parameter of this query; it takes platformId and "
        + "asOf (names are case-sensitive)"}, {"asOf=2026-11-24&asOf=2020-01-01", "asOf", "is given 2 times; give it "
        + "once"}, {"asOf=x&asOf=y", "asOf", "is given 2 times; give it once"}, {"platformId=demo-online-lender",
        "platformId", "is given 2 times; give it once"}}) {
      HttpResponse<String> res = send("GET", query + call[0], CLIENT, null);
      assertThat(res.statusCode()).as(call[0]).isEqualTo(400);
      assertThat(locations(res)).as(call[0]).containsExactly(call[1]);
      assertThat(reasons(res)).as(call[0]).containsExactly(call[2]);
    }
    HttpResponse<String> blank = send("GET", "/api/policy/query?platformId=", CLIENT, null);
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(reasons(blank)).containsExactly("is empty; name a platform");
    assertThat(send("GET", query + "asOf=2026-11-24", CLIENT, null).statusCode()).isEqualTo(200);
  }

  /**
   * A query parameter of an endpoint that takes none is a 400 naming it, before anything runs. Each was ignored:
   * {@code PUT /api/admin/policies/x?dryRun=true} applied the policy and {@code POST
   * /api/admin/field-keys/reencrypt?dryRun=true} re-encrypted every row, {@code calculate?asOf=2020-01-01} answered
   * about the case's own date, and {@code submit?strategy=AGGRESSIVE} stored the body's strategy.
   */
  @Test
  void aQueryParameterOfAnEndpointThatTakesNoneIsA400AndNothingIsDone() throws Exception {
    String policy = new String(Samples.bytes("samples/policies/demo-online-lender.json"), StandardCharsets.UTF_8)
        .replace("\"2026-02-01\"", "\"2026-06-01\"");
    long repositoryBefore = JSON.readTree(send("GET", "/api/policy/query?platformId=demo-online-lender", CLIENT, null)
        .body()).get("repositoryVersion").asLong();
    Integer rowsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM submission", Integer.class);
    for (String[] call : new String[][] {
        {"PUT", "/api/admin/policies/demo-online-lender?dryRun=true", policy, "dryRun"},
        {"POST", "/api/admin/field-keys/reencrypt?dryRun=true&dryRun=1", null, "dryRun"},
        {"POST", "/api/negotiation/calculate?asOf=2020-01-01", FEASIBLE, "asOf"},
        {"POST", "/api/negotiation/submit?strategy=AGGRESSIVE", "{\"case\": " + FEASIBLE
            + ", \"strategy\": \"BALANCED\"}", "strategy"},
        {"GET", "/api/negotiation/submissions/nope?fields=all", null, "fields"},
        {"GET", "/api/admin/audit/checkpoint?sequence=1", null, "sequence"}}) {
      HttpResponse<String> res = send(call[0], call[1], ADMIN, call[2]);
      assertThat(res.statusCode()).as(call[1] + " " + res.body()).isEqualTo(400);
      assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
          .startsWith("application/problem+json"));
      assertThat(locations(res)).as(call[1]).containsExactly(call[3]);
      assertThat(reasons(res)).as(call[1]).containsExactly("is not a parameter of this endpoint; it takes none "
          + "(send what it needs in the body or the path)");
    }
    assertThat(JSON.readTree(send("GET", "/api/policy/query?platformId=demo-online-lender", CLIENT, null).body())
        .get("repositoryVersion").asLong()).as("the policy was not applied").isEqualTo(repositoryBefore);
    assertThat(Files.exists(DIR.resolve("policies/demo-online-lender--2026-06-01.json"))).as("nor written").isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission", Integer.class)).isEqualTo(rowsBefore);
    assertThat(send("GET", "/actuator/prometheus?includedNames=fenqi_proposals_total", ADMIN, null).statusCode())
        .as("the actuator's own parameters are its own").isEqualTo(200);
  }

  /**
   * A body sent to an endpoint that reads none is a 400 naming it, before anything runs, as a query parameter there
   * is: {@code POST /api/admin/field-keys/reencrypt} with {@code {"dryRun": true}} re-encrypted every row and audited
   * the walk, the body never read. An empty body, as a client that always sends one writes it, is no body.
   */
  @Test
  void aBodyOfAnEndpointThatReadsNoneIsA400AndNothingIsDone() throws Exception {
    long sequenceBefore = JSON.readTree(send("GET", "/api/admin/audit/checkpoint", ADMIN, null).body()).get("sequence")
        .asLong();
    for (String[] call : new String[][] {
        {"POST", "/api/admin/field-keys/reencrypt"},
        {"GET", "/api/admin/audit/checkpoint"},
        {"GET", "/api/negotiation/submissions/nope"},
        {"GET", "/api/policy/query?platformId=demo-online-lender"}}) {
      HttpResponse<String> res = send(call[0], call[1], ADMIN, "{\"dryRun\": true}");
      assertThat(res.statusCode()).as(call[1] + " " + res.body()).isEqualTo(400);
      assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
          .startsWith("application/problem+json"));
      assertThat(locations(res)).as(call[1]).containsExactly("request body");
      assertThat(reasons(res)).as(call[1]).containsExactly("this endpoint reads no body (16 bytes were sent); send the "
          + "request without one");
    }
    assertThat(JSON.readTree(send("GET", "/api/admin/audit/checkpoint", ADMIN, null).body()).get("sequence").asLong())
        .as("no walk was audited").isEqualTo(sequenceBefore);
    assertThat(send("POST", "/api/admin/field-keys/reencrypt", ADMIN, "").statusCode()).as("an empty body is none")
        .isEqualTo(200);
  }

  /**
   * A body of one byte, or a chunked one, is a body too, to an endpoint that reads none; a chunked body that ends at
   * once is none, as an empty one is (UnreadBody).
   */
  @Test
  void aOneByteOrChunkedBodyOfAnEndpointThatReadsNoneIsA400() throws Exception {
    HttpResponse<String> oneByte = send("POST", "/api/admin/field-keys/reencrypt", ADMIN, "1");
    assertThat(oneByte.statusCode()).as(oneByte.body()).isEqualTo(400);
    assertThat(reasons(oneByte)).containsExactly("this endpoint reads no body (1 byte was sent); send the request "
        + "without one");
    HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/admin/field-keys/reencrypt")).header("Authorization", "Bearer " + ADMIN)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(400);
    assertThat(reasons(chunked)).containsExactly("this endpoint reads no body (one was sent); send the request "
        + "without one");
    HttpResponse<String> endsAtOnce = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/admin/field-keys/reencrypt")).header("Authorization", "Bearer " + ADMIN)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(new byte[0]))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(endsAtOnce.statusCode()).as("a chunked body that ends at once is none: " + endsAtOnce.body())
        .isEqualTo(200);
  }

  /**
   * A method a path does not take is a 405 with the Allow header RFC 9110 requires, the methods named in the detail —
   * the same methods an OPTIONS request on the path is answered with: HEAD where GET is taken, and OPTIONS. The 405
   * named only the mapped methods ({@code Allow: GET}) while HEAD and OPTIONS were served there.
   */
  @Test
  void aWrongMethodIsA405NamingTheAllowedOnes() throws Exception {
    for (String[] call : new String[][] {{"GET", "/api/negotiation/calculate", "OPTIONS, POST"},
        {"DELETE", "/api/negotiation/submissions/x", "GET, HEAD, OPTIONS"},
        {"POST", "/api/admin/policies/x", "OPTIONS, PUT"}, {"POST", "/api/policy/query", "GET, HEAD, OPTIONS"},
        {"PUT", "/actuator/prometheus", "GET, HEAD, OPTIONS"}}) {
      HttpResponse<String> res = send(call[0], call[1], ADMIN, call[0].startsWith("P") ? "{}" : null);
      assertThat(res.statusCode()).as(call[1]).isEqualTo(405);
      assertThat(res.headers().firstValue("Allow")).as(call[1]).hasValue(call[2].replace(" ", ""));
      assertThat(JSON.readTree(res.body()).get("detail").asText())
          .isEqualTo(call[0] + " is not supported here; allowed: " + call[2]);
      HttpResponse<String> options = send("OPTIONS", call[1], ADMIN, null);
      assertThat(options.headers().firstValue("Allow")).as("OPTIONS " + call[1]).hasValueSatisfying(v -> assertThat(
          List.of(v.split(","))).containsExactlyInAnyOrder(call[2].split(", ")));
    }
  }

  /**
   * A path the service does not serve is a 404 naming it for any valid token, as under /api: outside /api it was a 403
   * saying "this token's role may not call GET /", so an admin who mistyped the base path ({@code /API/…}, {@code /})
   * was told that even the admin role was not enough, and a client went to ask for an admin token. Without a valid
   * token it stays a 401, which tells nothing of what the service serves; a role too low is still a 403.
   */
  @Test
  void aPathNoEndpointServesIsA404ForAnyValidToken() throws Exception {
    for (String[] call : new String[][] {{"GET", "/", ADMIN}, {"POST", "/API/negotiation/calculate", CLIENT},
        {"GET", "/actuator/env", ADMIN}, {"GET", "/favicon.ico", CLIENT}}) {
      HttpResponse<String> res = send(call[0], call[1], call[2], call[0].equals("POST") ? FEASIBLE : null);
      assertThat(res.statusCode()).as(call[1]).isEqualTo(404);
      assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(JSON.readTree(res.body()).get("detail").asText()).isEqualTo("no endpoint " + call[0] + " '" + call[1]
          + "'");
    }
    assertThat(send("GET", "/", null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/admin/audit/checkpoint", CLIENT, null).statusCode()).isEqualTo(403);
  }

  /**
   * HEAD does on no endpoint what its POST or GET does. On a POST-only endpoint it is a 405 naming POST, nothing
   * calculated, stored or audited. On a submission it answers as GET would (200, or 404 for none) without decrypting
   * the borrower's identifiers and without a DATA_ACCESS entry: it ran the GET handler whole, the entry saying the
   * identifiers were shown masked to a caller who was shown nothing.
   */
  @Test
  void headDoesNoWorkAndWritesNoAuditEntry() throws Exception {
    String id = JSON.readTree(send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":" + FEASIBLE + ",\"strategy\":\"BALANCED\"}").body()).get("submissionId").asText();
    List<String> before = Files.readAllLines(DIR.resolve("audit.log"));
    long stored = jdbc.queryForObject("SELECT COUNT(*) FROM submission", Long.class);
    for (String path : List.of("/api/negotiation/submit", "/api/negotiation/calculate", "/api/negotiation/outcome")) {
      HttpResponse<String> head = send("HEAD", path, CLIENT, null);
      assertThat(head.statusCode()).as(path).isEqualTo(405);
      assertThat(head.headers().firstValue("Allow")).as(path).hasValue("OPTIONS,POST");
    }
    HttpResponse<String> found = send("HEAD", "/api/negotiation/submissions/" + id, CLIENT, null);
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(found.body()).isEmpty();
    assertThat(send("HEAD", "/api/negotiation/submissions/no-such-id", CLIENT, null).statusCode()).isEqualTo(404);
    assertThat(send("HEAD", "/api/negotiation/submissions/" + id, null, null).statusCode()).isEqualTo(401);
    assertThat(Files.readAllLines(DIR.resolve("audit.log"))).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission", Long.class)).isEqualTo(stored);
    assertThat(send("GET", "/api/negotiation/submissions/" + id, CLIENT, null).statusCode()).isEqualTo(200);
    assertThat(Files.readAllLines(DIR.resolve("audit.log"))).as("GET is still audited").hasSize(before.size() + 1)
        .last().asString().contains("\"DATA_ACCESS\"").contains("submission/" + id);
  }

  /**
   * A refused request writes no audit entry and changes nothing: a read of a submission that does not exist (404) or
   * without a valid token (401), an admin's call with a client's token (403) and an invalid policy (400). A read is
   * audited only once the submission is found and shown; an invalid policy leaves the policy in effect and the
   * directory as they were.
   */
  @Test
  void aRefusedRequestWritesNoAuditEntryAndChangesNothing() throws Exception {
    String id = JSON.readTree(send("POST", "/api/negotiation/submit", CLIENT,
        "{\"case\":" + FEASIBLE + ",\"strategy\":\"BALANCED\"}").body()).get("submissionId").asText();
    String query = "/api/policy/query?platformId=demo-online-lender&asOf=2026-12-20";
    String inEffect = send("GET", query, CLIENT, null).body();
    Map<String, String> files = policyFiles();
    List<String> audited = Files.readAllLines(DIR.resolve("audit.log"));
    ObjectNode valid = (ObjectNode) JSON.readTree(Samples.bytes("samples/policies/demo-online-lender.json"));
    valid.put("version", "2026-12-15");
    valid.put("effectiveFrom", "2026-12-15");
    ObjectNode invalid = valid.deepCopy();
    ((ObjectNode) invalid.get("downPayment")).put("minRatio", "1.5");

    assertThat(detail(send("GET", "/api/negotiation/submissions/no-such-id", CLIENT, null), 404))
        .isEqualTo("no submission 'no-such-id'");
    assertThat(send("GET", "/api/negotiation/submissions/" + id, null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/negotiation/submissions/" + id, "not-" + CLIENT, null).statusCode()).isEqualTo(401);
    assertThat(send("PUT", "/api/admin/policies/demo-online-lender", CLIENT, valid.toString()).statusCode())
        .isEqualTo(403);
    HttpResponse<String> rejected = send("PUT", "/api/admin/policies/demo-online-lender", ADMIN, invalid.toString());
    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(locations(rejected)).containsExactly("request body: $.downPayment.minRatio");

    assertThat(Files.readAllLines(DIR.resolve("audit.log"))).as("nothing audited").isEqualTo(audited);
    assertThat(policyFiles()).as("the directory is as it was").isEqualTo(files);
    assertThat(send("GET", query, CLIENT, null).body()).as("the policy in effect is as it was").isEqualTo(inEffect);
  }

  /** Each file of the policies directory by name, with its content. */
  private static Map<String, String> policyFiles() throws IOException {
    Map<String, String> files = new java.util.TreeMap<>();
    try (var list = Files.list(DIR.resolve("policies"))) {
      for (Path file : list.toList()) {
        files.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    return files;
  }

  private static String detail(HttpResponse<String> res, int status) throws IOException {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    return JSON.readTree(res.body()).get("detail").asText();
  }

  private static List<String> reasons(HttpResponse<String> res) throws IOException {
    List<String> out = new ArrayList<>();
    JSON.readTree(res.body()).get("errors").forEach(e -> out.add(e.get("reason").asText()));
    return out;
  }

  /**
   * A query parameter that is not percent-encoded UTF-8 is a 400 naming it: Tomcat drops it, so {@code asOf=%ZZ} was
   * answered with today's policy, {@code platformId=%ZZ} with "is required", and {@code %FF} became U+FFFD.
   */
  @Test
  void aQueryParameterThatDoesNotDecodeIsA400NamingIt() throws Exception {
    String query = "/api/policy/query?";
    for (String[] call : new String[][] {{"platformId=demo-online-lender&asOf=%ZZ", "asOf", "'%ZZ'"},
        {"platformId=%ZZ", "platformId", "'%ZZ'"}, {"platformId=%FF", "platformId", "'%FF'"},
        {"platformId=demo-online-lender&asOf=2026-11-24%", "asOf", "'2026-11-24%'"},
        {"platformId=demo-online-lender&asOf=2026-11-2%4", "asOf", "'2026-11-2%4'"},
        {"platformId=demo-online-lender&%ZZ=1", "query string", "the parameter name '%ZZ'"}}) {
      // over a socket: an HTTP client refuses to send a malformed escape
      String answer = UnreadableRequestTest.exchange(port, "GET " + query + call[0] + " HTTP/1.0\r\nHost: localhost\r\n"
          + "Authorization: Bearer " + CLIENT + "\r\n\r\n");
      assertThat(answer).as(call[0] + " " + answer).startsWith("HTTP/1.1 400 ");
      JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(problem.at("/errors/0/location").asText()).as(call[0]).isEqualTo(call[1]);
      assertThat(problem.at("/errors/0/reason").asText()).as(call[0]).isEqualTo(call[2] + " is not percent-encoded "
          + "UTF-8 (a '%' takes two hex digits, and the bytes they give must be UTF-8; write '%' itself as %25)");
      assertThat(problem.get("errors")).as(call[0]).hasSize(1);
    }
    HttpResponse<String> encoded = send("GET", query + "platformId=demo%2Donline%2dlender&asOf=2026%2D11%2D24", CLIENT,
        null);
    assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(200);
    assertThat(JSON.readTree(encoded.body()).get("asOf").asText()).isEqualTo("2026-11-24");
  }

  /**
   * A query date is read as a date in a case or policy file is ({@code Dates}): exactly YYYY-MM-DD, refused naming the
   * parameter and saying what is wrong. Spring's ISO reading took {@code +12026-01-01} (the policy of the year 12026)
   * and {@code 2026-01-01+08:00}, a date with an offset, and answered a day that does not exist with no reason.
   */
  @Test
  void aMalformedQueryDateIsNamedWithWhatIsWrong() throws Exception {
    String query = "/api/policy/query?platformId=demo-online-lender&asOf=";
    for (String[] call : new String[][] {
        {"2026-02-30", "'2026-02-30' is not a valid date YYYY-MM-DD: February 2026 has days 01 to 28"},
        {"%2B12026-01-01", "'+12026-01-01' is not a valid date YYYY-MM-DD: the year is four digits without a sign"},
        {"-0001-01-01", "'-0001-01-01' is not a valid date YYYY-MM-DD: the year is four digits without a sign"},
        {"2026-01-01%2B08:00", "'2026-01-01+08:00' is not a valid date YYYY-MM-DD"},
        {"2026-1-5", "'2026-1-5' is not a valid date YYYY-MM-DD: the month and the day take two digits each"},
        {"2026-11-24T00:00", "'2026-11-24T00:00' is not a valid date YYYY-MM-DD"}}) {
      HttpResponse<String> res = send("GET", query + call[0], CLIENT, null);
      assertThat(res.statusCode()).as(call[0] + " " + res.body()).isEqualTo(400);
      JsonNode problem = JSON.readTree(res.body());
      assertThat(problem.get("title").asText()).isEqualTo("Invalid input");
      assertThat(problem.get("errors")).as(call[0]).hasSize(1);
      assertThat(problem.at("/errors/0/location").asText()).as(call[0]).isEqualTo("asOf");
      assertThat(problem.at("/errors/0/reason").asText()).as(call[0]).isEqualTo(call[1]);
    }
  }

  /**
   * Every date an endpoint takes as a parameter is a {@code LocalDate}, which {@link DateParameters} reads through
   * {@code Dates}: a month or an instant would be read by Spring's ISO conversion, expanded years and offsets included.
   */
  @Test
  void everyDateParameterIsOneDateParametersReads(
      @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
    List<String> dates = new ArrayList<>();
    mapping.getHandlerMethods().values().forEach(method -> {
      for (MethodParameter parameter : method.getMethodParameters()) {
        Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
        if (type.getPackageName().startsWith("java.time")) {
          dates.add(method + " " + type.getSimpleName());
        }
      }
    });
    assertThat(dates).isNotEmpty().allSatisfy(d -> assertThat(d).endsWith(" LocalDate"));
  }

  /** A policy query without a date asks about today in China, whatever the server's zone (see the engine's test). */
  @Test
  void aPolicyQueryIsAboutTodayInChinaByDefault() throws Exception {
    io.github.fenqi.core.testkit.ZoneAwayFromChina.run((beijing, behind) -> {
      HttpResponse<String> res = send("GET", "/api/policy/query?platformId=demo-online-lender", CLIENT, null);
      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(res.body()).get("asOf").asText()).isEqualTo(beijing.toString());
    });
  }

  /** A new version from the same day as the platform's current one is refused before its file is written. */
  @Test
  void aPolicyVersionFromTheSameDayAsAnotherIsRefusedAndNotWritten() throws Exception {
    ObjectNode policy = (ObjectNode) JSON.readTree(Samples.bytes("samples/policies/demo-credit-card.json"));
    policy.put("version", policy.get("version").asText() + "-b");
    Path policies = DIR.resolve("policies");
    List<Path> before;
    try (var files = Files.list(policies)) {
      before = files.sorted().toList();
    }
    HttpResponse<String> res = send("PUT", "/api/admin/policies/demo-credit-card", ADMIN, policy.toString());
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(locations(res)).containsExactly("request body: $.effectiveFrom");
    assertThat(res.body()).contains("the same day as version");
    try (var files = Files.list(policies)) {
      assertThat(files.sorted().toList()).as("no file written").isEqualTo(before);
    }
  }

  @Test
  void adminPolicyUpdateIsValidatedAndUsedByTheNextCalculation() throws Exception {
    HttpResponse<String> before = send("GET", "/api/policy/query?platformId=demo-online-lender&asOf=2026-11-24",
        CLIENT, null);
    assertThat(before.statusCode()).isEqualTo(200);
    long repositoryVersion = JSON.readTree(before.body()).get("repositoryVersion").asLong();

    ObjectNode policy = (ObjectNode) JSON.readTree(Samples.bytes("samples/policies/demo-online-lender.json"));
    policy.put("version", "2026-11-01");
    policy.put("effectiveFrom", "2026-11-01");
    ObjectNode invalid = policy.deepCopy();
    ((ObjectNode) invalid.get("downPayment")).put("minRatio", "1.2");
    ((ObjectNode) invalid.get("waivers")).put("interest", "1.5");
    HttpResponse<String> rejected = send("PUT", "/api/admin/policies/demo-online-lender", ADMIN, invalid.toString());
    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(locations(rejected)).anyMatch(l -> l.contains("waivers.interest"))
        .anyMatch(l -> l.contains("downPayment.minRatio"));
    assertThat(send("PUT", "/api/admin/policies/demo-credit-card", ADMIN, policy.toString()).statusCode())
        .as("platform in body must match the URL").isEqualTo(400);

    Path policies = DIR.resolve("policies");
    byte[] original = Files.readAllBytes(policies.resolve("demo-online-lender.json"));
    HttpResponse<String> put = send("PUT", "/api/admin/policies/demo-online-lender", ADMIN, policy.toString());
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(put.body()).get("repositoryVersion").asLong()).isEqualTo(repositoryVersion + 1);
    // written before it went live, as sent, next to the version it adds to (which is untouched)
    assertThat(JSON.readTree(put.body()).get("file").asText()).isEqualTo("demo-online-lender--2026-11-01.json");
    assertThat(Files.readString(policies.resolve("demo-online-lender--2026-11-01.json"))).isEqualTo(policy.toString());
    assertThat(Files.readAllBytes(policies.resolve("demo-online-lender.json"))).isEqualTo(original);
    // a restart loads the directory exactly as the service did at start: both versions come back
    assertThat(new FenqiConfiguration().policyRepository(props).snapshot().history("demo-online-lender"))
        .extracting(p -> p.version()).containsExactlyInAnyOrder("2026-02-01", "2026-11-01");

    JsonNode after = JSON.readTree(send("GET", "/api/policy/query?platformId=demo-online-lender&asOf=2026-11-24",
        CLIENT, null).body());
    assertThat(after.get("currentVersion").asText()).isEqualTo("2026-11-01");
    assertThat(after.get("policy").get("version").asText()).as("the policy in effect, itself").isEqualTo("2026-11-01");
    assertThat(after.get("policy").get("platformId").asText()).isEqualTo("demo-online-lender");
    assertThat(after.get("versions")).hasSize(2);

    JsonNode result = JSON.readTree(send("POST", "/api/negotiation/calculate", CLIENT, FEASIBLE).body());
    assertThat(result.get("policySnapshotVersion").asLong()).isEqualTo(repositoryVersion + 1);
    List<String> used = new ArrayList<>();
    result.get("eligibility").forEach(e -> {
      if (e.get("platformId").asText().equals("demo-online-lender")) {
        used.add(e.get("policyVersion").asText());
      }
    });
    assertThat(used).isNotEmpty().containsOnly("2026-11-01");
    assertThat(Files.readString(DIR.resolve("audit.log"))).contains("POLICY_CHANGE").contains("admin:admin");
  }

  @Test
  void acceptanceDropRaisesAlertMetricAndLogLine(CapturedOutput output) throws Exception {
    for (int i = 0; i < 40; i++) {
      assertThat(outcome("demo-consumer-finance", i % 4 != 0).get("alerting").asBoolean()).isFalse();
    }
    boolean alerting = false;
    for (int i = 0; i < 20; i++) {
      alerting = outcome("demo-consumer-finance", i == 7).get("alerting").asBoolean();
    }
    assertThat(alerting).isTrue();
    assertThat(output.getAll()).contains("ACCEPTANCE DROP ALERT").contains("demo-consumer-finance")
        .contains("policy may have changed");
    String metrics = send("GET", "/actuator/prometheus", CLIENT, null).body();
    assertThat(metrics).containsPattern(
        "fenqi_acceptance_drop_alert\\{platform=\"demo-consumer-finance\",strategy=\"CONSERVATIVE\"} 1\\.0");
    assertThat(metrics).containsPattern(
        "fenqi_acceptance_drop_alerts_total\\{platform=\"demo-consumer-finance\",strategy=\"CONSERVATIVE\"} 1\\.0");

    // A restart builds the monitor from the audit log: the same windows, the same standing, the alert reported
    OutcomeMonitor restarted = new FenqiConfiguration().outcomeMonitor(props, audit);
    assertThat(restarted.statuses()).isEqualTo(monitor.statuses());
    assertThat(restarted.status("demo-consumer-finance", Strategy.CONSERVATIVE).alerting()).isTrue();
    assertThat(output.getAll()).contains("ACCEPTANCE DROP ALERT (standing at start): demo-consumer-finance");
    // and its gauges are there before the next answer (they were registered only by an answer: the alert's gauge
    // vanished at a restart and Prometheus resolved the alert)
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    new FenqiMetrics(registry, restarted);
    assertThat(registry.get("fenqi.acceptance.drop.alert").tag("platform", "demo-consumer-finance")
        .tag("strategy", "CONSERVATIVE").gauge().value()).isEqualTo(1.0);
    assertThat(registry.get("fenqi.acceptance.rate").tag("platform", "demo-consumer-finance").gauge().value())
        .isEqualTo(restarted.status("demo-consumer-finance", Strategy.CONSERVATIVE).acceptanceRate());
  }

  /**
   * Eight clients answer for one platform and strategy at once, accepting and rejecting in turn. The monitor's windows
   * depend on the order of the answers, so a restart, which replays them from the audit log, rebuilds the live windows
   * only if the monitor saw them in the log's order.
   */
  @Test
  void concurrentOutcomesReplayInTheOrderTheMonitorSawThem() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<JsonNode>> answers = new ArrayList<>();
      for (int i = 0; i < 160; i++) {
        boolean accepted = i % 2 == 0;
        answers.add(clients.submit(() -> outcome("demo-online-lender", Strategy.BALANCED, accepted)));
      }
      for (Future<JsonNode> answer : answers) {
        answer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
    }
    AcceptanceStatus live = monitor.status("demo-online-lender", Strategy.BALANCED);
    assertThat(live.recentTotal() + live.baselineTotal()).isEqualTo(60); // both windows full
    OutcomeMonitor restarted = new FenqiConfiguration().outcomeMonitor(props, audit);
    assertThat(restarted.status("demo-online-lender", Strategy.BALANCED)).isEqualTo(live);
  }

  /** The checkpoint an operator keeps elsewhere: admins only, signed under the audit key, of the live log. */
  @Test
  void anAdminFetchesASignedCheckpointOfTheLiveAuditLog() throws Exception {
    assertThat(send("GET", "/api/admin/audit/checkpoint", CLIENT, null).statusCode()).isEqualTo(403);
    send("POST", "/api/negotiation/calculate", CLIENT, FEASIBLE); // at least one entry
    HttpResponse<String> res = send("GET", "/api/admin/audit/checkpoint", ADMIN, null);
    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(res.body());
    var checkpoint = io.github.fenqi.core.security.audit.AuditCheckpoint.parse("response",
        body.get("checkpoint").asText());
    assertThat(checkpoint.sequence()).isEqualTo(body.get("sequence").asLong()).isPositive();
    assertThat(checkpoint.headHash()).isEqualTo(body.get("headHash").asText());
    assertThat(audit.verify(java.util.Optional.of(checkpoint)).lastSequence()).isGreaterThanOrEqualTo(checkpoint.sequence());
    var forged = new io.github.fenqi.core.security.audit.AuditCheckpoint(checkpoint.sequence(), checkpoint.headHash(),
        "0".repeat(64));
    org.junit.jupiter.api.Assertions.assertThrows(io.github.fenqi.core.AuditIntegrityException.class,
        () -> audit.verify(java.util.Optional.of(forged)));
  }

  @Test
  void metricsAppearAtThePrometheusEndpoint() throws Exception {
    assertThat(send("POST", "/api/negotiation/calculate", CLIENT, FEASIBLE).statusCode()).isEqualTo(200);
    outcome("demo-credit-card", true);
    HttpResponse<String> res = send("GET", "/actuator/prometheus", CLIENT, null);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body())
        .containsPattern("fenqi_calculate_latency_seconds_count [1-9]")
        .containsPattern("fenqi_rules_evaluation_seconds_count [1-9]")
        .containsPattern("fenqi_proposals_generation_seconds_count [1-9]")
        .containsPattern("fenqi_proposals_total\\{risk=\"(GREEN|YELLOW|RED)\",strategy=\"BALANCED\"} [1-9]")
        .contains("fenqi_acceptance_rate{platform=\"demo-credit-card\",strategy=\"CONSERVATIVE\"}")
        .contains("http_server_requests_seconds");
  }

  @Test
  void everyMetricTheDashboardAndAlertRulesUseIsExported() throws Exception {
    assertThat(send("POST", "/api/negotiation/submit", CLIENT, "{\"case\":" + FEASIBLE + ",\"strategy\":\"AGGRESSIVE\"}")
        .statusCode()).isEqualTo(201);
    outcome("demo-online-lender", false);
    String scrape = send("GET", "/actuator/prometheus", CLIENT, null).body();
    for (String file : List.of("monitoring/grafana-dashboard.json", "monitoring/prometheus-alerts.yml")) {
      Matcher m = Pattern.compile("\\b(fenqi|http_server)_[a-z_]+").matcher(Files.readString(Path.of(file)));
      int found = 0;
      while (m.find()) {
        found++;
        assertThat(scrape).as(file + " uses " + m.group()).contains("\n" + m.group());
      }
      assertThat(found).as(file).isGreaterThan(3);
    }
  }

  private JsonNode outcome(String platform, boolean accepted) throws Exception {
    return outcome(platform, Strategy.CONSERVATIVE, accepted);
  }

  private JsonNode outcome(String platform, Strategy strategy, boolean accepted) throws Exception {
    HttpResponse<String> res = send("POST", "/api/negotiation/outcome", CLIENT,
        "{\"platformId\":\"" + platform + "\",\"strategy\":\"" + strategy + "\",\"accepted\":" + accepted + "}");
    assertThat(res.statusCode()).isEqualTo(202);
    return JSON.readTree(res.body());
  }

  private static List<String> locations(HttpResponse<String> res) throws IOException {
    List<String> out = new ArrayList<>();
    JSON.readTree(res.body()).get("errors").forEach(e -> out.add(e.get("location").asText()));
    return out;
  }

  private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String randomToken() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String randomKey() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  private static Path tempDir() {
    try {
      // Under the module's build directory, not /tmp: the database stays open until the JVM exits, so nothing
      // here can delete it, and `mvn clean` removes this one.
      return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fenqi-spring-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
