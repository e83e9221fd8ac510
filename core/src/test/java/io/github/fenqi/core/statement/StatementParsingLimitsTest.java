package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Limits and forms the statement parsers document that mutation round 27 found no test holding: each is tested on the
 * side a mutant had moved.
 */
class StatementParsingLimitsTest {
  /**
   * "Files larger than {@link StatementParser#MAX_BYTES} are refused before they are decoded": a byte more than the limit
   * is refused naming the file and the limit, by each shipped parser and when the format is detected.
   */
  @Test
  void aByteMoreThanTheLimitIsRefusedBeforeDecoding() {
    byte[] over = new byte[StatementParser.MAX_BYTES + 1];
    for (StatementFormat format : StatementFormat.values()) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> StatementParser.of(format).parse("big.csv", over));
      assertEquals(List.of("big.csv: file is larger than 64 MB"), e.problems().stream()
          .map(p -> p.location() + ": " + p.reason()).toList(), format.id());
    }
    InvalidInputException detected = assertThrows(InvalidInputException.class,
        () -> StatementParser.parseDetected("big.csv", over));
    assertEquals("big.csv: file is larger than 64 MB", detected.getMessage());
  }
}
