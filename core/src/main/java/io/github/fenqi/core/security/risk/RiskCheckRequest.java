package io.github.fenqi.core.security.risk;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.security.Masking;
import org.jspecify.annotations.Nullable;

/**
 * Who a risk service is asked about. Holds PII because third-party services need it; {@link #toString()} masks.
 *
 * <p>Thread-safety: immutable.
 *
 * @param caseId the case, for correlation in the service's logs
 * @param name full name (PII)
 * @param idNumber mainland ID number (PII)
 * @param mobile mobile number (PII), or null
 */
public record RiskCheckRequest(String caseId, String name, String idNumber, @Nullable String mobile) {
  public RiskCheckRequest {
    if (caseId == null || caseId.isBlank()) {
      throw new InvalidInputException("caseId", "must not be empty");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "must not be empty");
    }
    if (idNumber == null || idNumber.isBlank()) {
      throw new InvalidInputException("idNumber", "must not be empty");
    }
  }

  @Override
  public String toString() {
    Masking m = Masking.defaults();
    return "RiskCheckRequest[caseId=" + caseId + ", name=" + m.name(name) + ", idNumber=" + m.idNumber(idNumber)
        + ", mobile=" + (mobile == null ? null : m.mobile(mobile)) + "]";
  }
}
