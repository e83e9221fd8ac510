package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.testkit.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case whose caller keys it by the borrower's ID number (a natural key in many Chinese back offices): the submission
 * keeps the identifier masked, as it keeps the borrower's own fields, and as the audit log already kept the case id.
 */
class CaseIdIdentifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ID_NUMBER = "110105198506150030"; // the sample borrower's

  /**
   * The 201, the stored row and the read-back show the case id masked. The case id had been stored in clear beside the
   * encrypted ID number and shown in clear by {@code GET /submissions/{id}} next to the masked one.
   */
  @Test
  void aCaseIdHoldingAnIdNumberIsStoredAndShownMasked(
      @TempDir(factory = StartupConfigurationTest.UnderTarget.class) Path dir) throws Exception {
    ObjectNode sample = (ObjectNode) JSON.readTree(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"));
    sample.put("caseId", "case-" + ID_NUMBER);
    try (TestService service = TestService.start(dir)) {
      HttpResponse<String> made = service.postAsClient("/api/negotiation/submit",
          "{\"case\":" + sample + ",\"strategy\":\"BALANCED\"}");
      assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
      assertThat(made.body()).doesNotContain(ID_NUMBER).contains("\"caseId\":\"case-110***********0030\"");
      String id = JSON.readTree(made.body()).get("submissionId").asText();

      HttpResponse<String> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + service.port() + "/api/negotiation/submissions/" + id))
          .header("Authorization", "Bearer " + TestService.CLIENT).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
      JsonNode read = JSON.readTree(got.body());
      assertThat(read.get("caseId").asText()).isEqualTo("case-110***********0030");
      assertThat(got.body()).doesNotContain(ID_NUMBER);

      assertThat(service.context().getBean(JdbcTemplate.class)
          .queryForObject("SELECT case_id FROM submission", String.class)).isEqualTo("case-110***********0030");
    }
  }
}
