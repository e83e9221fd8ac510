package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fenqi.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The limits' ranges as the README's settings table gives them — {@code fenqi.max-body-bytes} 1024..67108864,
 * {@code fenqi.max-debts} 1..1000, {@code fenqi.max-search-nodes} ≥ 1 — each end taken and the value past it refused
 * naming the setting; and the secrets kept out of the settings' text.
 */
class FenqiPropertiesTest {
  private static final FenqiProperties.Monitor MONITOR = new FenqiProperties.Monitor(50, 200, 50, 0.0001, 0.10);

  private static FenqiProperties limits(int maxBodyBytes, int maxDebts, long maxSearchNodes) {
    return new FenqiProperties("policies", "audit.log", "client-token-X1", "admin-token-X2", "field-key-X3", "field1",
        "old=retired-key-X4", "index-key-X5", "audit-key-X6", maxBodyBytes, maxDebts, maxSearchNodes, MONITOR);
  }

  @Test
  void eachLimitsEndsAreTaken() {
    assertThatCode(() -> limits(1024, 1, 1)).doesNotThrowAnyException();
    assertThatCode(() -> limits(67_108_864, 1000, Long.MAX_VALUE)).doesNotThrowAnyException();
  }

  @Test
  void aLimitJustPastItsRangeStopsTheStartNamingTheSetting() {
    assertThatThrownBy(() -> limits(1023, 0, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fenqi.max-body-bytes: 1023 is outside 1024..67108864")
        .hasMessageContaining("fenqi.max-debts: 0 is outside 1..1000")
        .hasMessageContaining("fenqi.max-search-nodes: 0 must be positive");
    assertThatThrownBy(() -> limits(67_108_865, 1001, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fenqi.max-body-bytes: 67108865 is outside 1024..67108864")
        .hasMessageContaining("fenqi.max-debts: 1001 is outside 1..1000");
  }

  @Test
  void itsTextNamesNoSecret() {
    assertThat(limits(1024, 1, 1).toString()).contains("maxDebts=1").doesNotContain("-X");
  }
}
