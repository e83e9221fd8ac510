package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.testkit.Samples;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A submission whose proposal is larger than the store holds, on a service configured for many debts per case
 * ({@code fenqi.max-debts} goes to 1000; a proposal grows with its debts and their terms).
 */
@ExtendWith(OutputCaptureExtension.class)
class LargeSubmissionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * It is a 400 naming the case's debts, nothing stored or audited as submitted. It was the database's "value too long
   * for column PROPOSAL_JSON", a 500 the client could do nothing about and an "unexpected error" in the log.
   */
  @Test
  void aProposalLargerThanTheStoreHoldsIsA400NamingTheDebts(
      @TempDir(factory = StartupConfigurationTest.UnderTarget.class) Path dir, CapturedOutput output) throws Exception {
    ObjectNode many = (ObjectNode) JSON.readTree(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"));
    ((ObjectNode) many.get("borrower")).put("monthlyNetIncome", "2000000.00").put("liquidSavings", "5000000.00");
    JsonNode three = many.get("debts");
    ArrayNode debts = many.putArray("debts");
    for (int i = 0; i < 400; i++) {
      debts.add(((ObjectNode) three.get(i % 3).deepCopy()).put("id", "d-" + i));
    }
    try (TestService service = TestService.start(dir, "--fenqi.max-debts=400", "--fenqi.max-body-bytes=1048576")) {
      HttpResponse<String> res = service.postAsClient("/api/negotiation/submit",
          "{\"case\":" + many + ",\"strategy\":\"BALANCED\"}");
      assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
      JsonNode error = JSON.readTree(res.body()).get("errors").get(0);
      assertThat(error.get("location").asText()).isEqualTo("request body: case.debts");
      assertThat(error.get("reason").asText()).matches("the BALANCED proposal of these 400 debts is \\d+ characters "
          + "as stored, more than the 1000000 a submission holds; submit the case in parts of fewer debts");
      assertThat(service.context().getBean(JdbcTemplate.class)
          .queryForObject("SELECT COUNT(*) FROM submission", Integer.class)).isZero();
    }
    assertThat(Files.readString(dir.resolve("audit.log"))).doesNotContain("\"SUBMISSION\"");
    assertThat(output.getOut()).doesNotContain("unexpected error");
  }
}
