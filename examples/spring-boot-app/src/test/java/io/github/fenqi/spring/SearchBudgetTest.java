package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.testkit.Samples;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A service whose solver budget ({@code fenqi.max-search-nodes}) is too small for a case. */
@ExtendWith(OutputCaptureExtension.class)
class SearchBudgetTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * It is a 500 titled and detailed as what it is, naming the setting and carrying the budget and the strategy. It was
   * an opaque "Internal error" and an "unexpected error" logged with a stack trace: the engine reported the solver as
   * having broken its contract.
   */
  @Test
  void aCaseThatNeedsMoreSearchIsA500NamingTheSettingToRaise(
      @TempDir(factory = StartupConfigurationTest.UnderTarget.class) Path dir, CapturedOutput output) throws Exception {
    ObjectNode tight = (ObjectNode) JSON.readTree(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"));
    ((ObjectNode) tight.get("borrower")).put("monthlyNetIncome", "11000.00");
    try (TestService service = TestService.start(dir, "--fenqi.max-search-nodes=2")) {
      HttpResponse<String> res = service.postAsClient("/api/negotiation/calculate", tight.toString());
      assertThat(res.statusCode()).as(res.body()).isEqualTo(500);
      assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode problem = JSON.readTree(res.body());
      assertThat(problem.get("title").asText()).isEqualTo("Search budget exhausted");
      assertThat(problem.get("detail").asText()).isEqualTo("the exact solver's search ran out of its budget of 2 nodes "
          + "per strategy (AGGRESSIVE's first) before any plan was found or ruled out; the case may be feasible: the "
          + "service's fenqi.max-search-nodes must be raised (default 5000000)");
      assertThat(problem.get("maxSearchNodes").asLong()).isEqualTo(2);
      assertThat(problem.get("strategy").asText()).isEqualTo("AGGRESSIVE");
    }
    assertThat(output.getOut()).doesNotContain("unexpected error").doesNotContain("broke its contract")
        .contains("a case needed more search than fenqi.max-search-nodes=2 allows");
  }
}
