package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.testkit.Samples;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fenqi.max-debts} at its edge, on a service that plans at most three debts per case. */
class DebtLimitTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A case listing as many debts as the limit is planned and submitted; one more is a 400 naming the case's debts
   * (README: "a case listing more debts gets 400").
   */
  @Test
  void aCaseOfExactlyTheLimitIsPlannedAndOneDebtMoreIsA400(
      @TempDir(factory = StartupConfigurationTest.UnderTarget.class) Path dir) throws Exception {
    ObjectNode three = (ObjectNode) JSON.readTree(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"));
    assertThat(three.get("debts")).hasSize(3);
    ObjectNode four = three.deepCopy();
    four.withArray("debts").add(((ObjectNode) three.get("debts").get(0).deepCopy()).put("id", "d-4"));
    try (TestService service = TestService.start(dir, "--fenqi.max-debts=3")) {
      HttpResponse<String> planned = service.postAsClient("/api/negotiation/calculate", three.toString());
      assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
      HttpResponse<String> submitted = service.postAsClient("/api/negotiation/submit",
          "{\"case\":" + three + ",\"strategy\":\"BALANCED\"}");
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

      HttpResponse<String> refused = service.postAsClient("/api/negotiation/calculate", four.toString());
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
      assertThat(error.get("location").asText()).isEqualTo("request body: debts");
      assertThat(error.get("reason").asText())
          .isEqualTo("lists 4 debts; this service plans at most 3 per case (fenqi.max-debts)");
    }
  }

  /**
   * A case over the limit whose debts do not read is refused for their number alone, before they are bound: the limit
   * had been checked only once the case read, so such a body was told every problem of every debt (about eleven each;
   * 13 000 debts in a 256 KB body, ~10 s of CPU).
   */
  @Test
  void aCaseOverTheLimitIsRefusedForItsNumberOfDebtsBeforeTheyAreRead(
      @TempDir(factory = StartupConfigurationTest.UnderTarget.class) Path dir) throws Exception {
    ObjectNode unread = (ObjectNode) JSON.readTree(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"));
    unread.putArray("debts");
    for (int i = 0; i < 4; i++) {
      unread.withArray("debts").addObject().put("platformId", "p");
    }
    try (TestService service = TestService.start(dir, "--fenqi.max-debts=3")) {
      HttpResponse<String> planned = service.postAsClient("/api/negotiation/calculate", unread.toString());
      assertThat(planned.statusCode()).as(planned.body()).isEqualTo(400);
      JsonNode errors = JSON.readTree(planned.body()).get("errors");
      assertThat(errors).as(planned.body()).hasSize(1);
      assertThat(errors.get(0).get("location").asText()).isEqualTo("request body: debts");
      assertThat(errors.get(0).get("reason").asText())
          .isEqualTo("lists 4 debts; this service plans at most 3 per case (fenqi.max-debts)");

      HttpResponse<String> submitted = service.postAsClient("/api/negotiation/submit",
          "{\"case\":" + unread + ",\"strategy\":\"BALANCED\"}");
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
      errors = JSON.readTree(submitted.body()).get("errors");
      assertThat(errors).as(submitted.body()).hasSize(1);
      assertThat(errors.get(0).get("location").asText()).isEqualTo("request body: case.debts");
    }
  }
}
