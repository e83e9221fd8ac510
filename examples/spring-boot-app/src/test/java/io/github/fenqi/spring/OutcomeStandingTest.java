package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance standing a recorded outcome is answered with. */
class OutcomeStandingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A platform's first answers have no baseline yet: its rate is null beside a count of 0, not 0.0 — which read as a
   * baseline of lenders accepting nothing, next to a recent rate of 1.0 — and each rate comes with the number of
   * outcomes it is of.
   */
  @Test
  void aRateOfNoOutcomesIsNullAndEachRateHasItsCount(
      @TempDir(factory = StartupConfigurationTest.UnderTarget.class) Path dir) throws Exception {
    try (TestService service = TestService.start(dir)) {
      HttpResponse<String> res = service.postAsClient("/api/negotiation/outcome",
          "{\"platformId\": \"demo-online-lender\", \"strategy\": \"BALANCED\", \"accepted\": true}");
      assertThat(res.statusCode()).as(res.body()).isEqualTo(202);
      JsonNode standing = JSON.readTree(res.body());
      assertThat(standing.get("baselineRate").isNull()).as(res.body()).isTrue();
      assertThat(standing.get("baselineOutcomes").asInt()).as(res.body()).isZero();
      assertThat(standing.get("recentRate").asDouble()).isEqualTo(1.0);
      assertThat(standing.get("recentOutcomes").asInt()).as(res.body()).isEqualTo(1);
      assertThat(standing.get("acceptanceRate").asDouble()).isEqualTo(1.0);
    }
  }
}
