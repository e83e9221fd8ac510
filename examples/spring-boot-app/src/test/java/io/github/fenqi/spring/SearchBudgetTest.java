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

  /** The feasible sample on too little income for a budget of 2 nodes: no strategy's search finds a plan. */
  private static ObjectNode tightCase() throws Exception {
    ObjectNode tight = (ObjectNode) JSON.readTree(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"));
    ((ObjectNode) tight.get("borrower")).put("monthlyNetIncome", "11000.00");
    return tight;
  }

  /**
   * The feasible sample whose searches all stop at a budget of 3 nodes without a plan: CONSERVATIVE and BALANCED get
   * the plan of least first-month installments (unproven), AGGRESSIVE none, as that plan is below its acceptance floor.
   */
  private static ObjectNode stoppedCase() throws Exception {
    ObjectNode stopped = (ObjectNode) JSON.readTree(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"));
    ((ObjectNode) stopped.get("borrower")).put("monthlyNetIncome", "21498.00").put("essentialExpenses", "4799.00")
        .put("liquidSavings", "13386.00");
    return stopped;
  }

  /** A submission's body: {@code negotiationCase} and the chosen {@code strategy}. */
  private static ObjectNode submission(ObjectNode negotiationCase, String strategy) {
    ObjectNode submission = JSON.createObjectNode();
    submission.set("case", negotiationCase);
    submission.put("strategy", strategy);
    return submission;
  }

  /**
   * It is a 500 titled and detailed as what it is, naming the setting and carrying the budget and the strategy. It was
   * an opaque "Internal error" and an "unexpected error" logged with a stack trace: the engine reported the solver as
   * having broken its contract.
   */
  @Test
  void aCaseThatNeedsMoreSearchIsA500NamingTheSettingToRaise(
      @TempDir(factory = StartupConfigurationTest.UnderTarget.class) Path dir, CapturedOutput output) throws Exception {
    ObjectNode tight = tightCase();
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

  /**
   * A strategy whose search stopped at the budget without a plan of its own is noted saying which setting to raise:
   * the service's, {@code fenqi.max-search-nodes}. The notes said "raise GridConfig.maxSearchNodes", the library's
   * field, which a user of the service cannot set.
   */
  @Test
  void notesOfASearchThatStoppedNameTheServicesSetting(
      @TempDir(factory = StartupConfigurationTest.UnderTarget.class) Path dir) throws Exception {
    ObjectNode stopped = stoppedCase();
    try (TestService service = TestService.start(dir, "--fenqi.max-search-nodes=3")) {
      HttpResponse<String> res = service.postAsClient("/api/negotiation/calculate", stopped.toString());
      assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
      JsonNode notes = JSON.readTree(res.body()).get("notes");
      assertThat(notes.get("BALANCED").asText()).isEqualTo("the search stopped after 7 nodes, limit 3, without "
          + "finding a plan; this is the plan of least first-month installments within the savings, not this "
          + "strategy's proven optimum (raise fenqi.max-search-nodes)");
      assertThat(notes.get("CONSERVATIVE").asText()).endsWith("(raise fenqi.max-search-nodes)");
      assertThat(res.body()).doesNotContain("GridConfig");
    }
  }

  /**
   * A submission whose case needs more search is the same 500, naming the service's setting and not the library's
   * field (the exception's own message says "raise GridConfig.maxSearchNodes"), and nothing is stored.
   */
  @Test
  void aSubmissionThatNeedsMoreSearchIsThe500NamingTheSetting(
      @TempDir(factory = StartupConfigurationTest.UnderTarget.class) Path dir) throws Exception {
    try (TestService service = TestService.start(dir, "--fenqi.max-search-nodes=2")) {
      HttpResponse<String> res = service.postAsClient("/api/negotiation/submit",
          submission(tightCase(), "BALANCED").toString());
      assertThat(res.statusCode()).as(res.body()).isEqualTo(500);
      JsonNode problem = JSON.readTree(res.body());
      assertThat(problem.get("title").asText()).isEqualTo("Search budget exhausted");
      assertThat(problem.get("detail").asText()).endsWith("the service's fenqi.max-search-nodes must be raised "
          + "(default 5000000)");
      assertThat(res.body()).doesNotContain("GridConfig");
      Integer stored = service.context().getBean(org.springframework.jdbc.core.JdbcTemplate.class)
          .queryForObject("select count(*) from submission", Integer.class);
      assertThat(stored).isZero();
    }
  }

  /**
   * A submission of a strategy the case has no proposal of, though it has others, is a 422 saying why: the strategy's
   * note. It said only "case … has no AGGRESSIVE proposal" — the reason was given only for a case with no proposal at
   * all — and the client had to calculate the case again to learn that its search stopped at the budget.
   */
  @Test
  void aSubmissionOfAStrategyWithoutAProposalSaysWhy(
      @TempDir(factory = StartupConfigurationTest.UnderTarget.class) Path dir) throws Exception {
    try (TestService service = TestService.start(dir, "--fenqi.max-search-nodes=3")) {
      HttpResponse<String> res = service.postAsClient("/api/negotiation/submit",
          submission(stoppedCase(), "AGGRESSIVE").toString());
      assertThat(res.statusCode()).as(res.body()).isEqualTo(422);
      assertThat(JSON.readTree(res.body()).get("detail").asText()).isEqualTo("case sample-002 has no AGGRESSIVE "
          + "proposal: the search stopped after 7 nodes, limit 3, without finding a plan; the plan of least "
          + "first-month installments keeps some lender's acceptance below 0.3 (raise fenqi.max-search-nodes)");
    }
  }
}
