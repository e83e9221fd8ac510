package io.github.fenqi.core.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.AuditIntegrityException;
import io.github.fenqi.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint checks at their ends, other than the chain itself: a log one entry short of its checkpoint is told
 * as truncated; the checkpoint of an empty log (sequence 0, the genesis hash) is valid and verifies, a negative
 * sequence is not; a checkpoint text of other than five parts is refused naming the file.
 */
class AuditCheckpointBoundariesTest {
  private final AuditKey key = FileAuditLogTest.newKey();
  @TempDir Path dir;

  /** Cut by its last entry only, the log is named truncated at that entry, not said to be rewritten. */
  @Test
  void aLogOneEntryShortOfItsCheckpointIsToldAsTruncated() throws Exception {
    Path file = dir.resolve("audit.log");
    AuditCheckpoint checkpoint;
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      for (int i = 1; i <= 3; i++) {
        log.append(AuditEvent.of("t", AuditAction.POLICY_CHANGE, "p" + i));
      }
      checkpoint = log.checkpoint();
    }
    List<String> lines = Files.readAllLines(file);
    Files.write(file, lines.subList(0, 2));
    AuditIntegrityException cut = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.of(checkpoint)));
    assertTrue(cut.getMessage().contains("log ends at sequence 2 but the checkpoint covers 3: entry 3 was "
        + "truncated"), cut.getMessage());
  }

  /** An empty log's checkpoint is sequence 0 at the genesis hash; it verifies the empty log and the log grown on. */
  @Test
  void theCheckpointOfAnEmptyLogIsSequenceZeroAndVerifies() {
    AuditLog log = AuditLog.inMemory(key, Clock.systemUTC(), List.of());
    AuditCheckpoint empty = log.checkpoint();
    assertEquals(0, empty.sequence());
    assertEquals(AuditEntry.GENESIS_HASH, empty.headHash());
    assertEquals(0, log.verify(Optional.of(empty)).entries());
    log.append(AuditEvent.of("t", AuditAction.OTHER, "one"));
    assertEquals(1, log.verify(Optional.of(empty)).entries());
    InvalidInputException negative = assertThrows(InvalidInputException.class,
        () -> new AuditCheckpoint(-1, empty.headHash(), empty.mac()));
    assertEquals("checkpoint.sequence", negative.problems().get(0).location());
  }

  /** A checkpoint line with a part more or a part less is no checkpoint, refused naming the file. */
  @Test
  void aCheckpointTextOfOtherThanFivePartsIsRefusedNamingTheFile() {
    String text = AuditCheckpoint.sign(3, AuditEntry.GENESIS_HASH, key).toText();
    assertEquals(AuditCheckpoint.sign(3, AuditEntry.GENESIS_HASH, key), AuditCheckpoint.parse("cp.txt", text));
    for (String bad : List.of(text + " extra", text.substring(0, text.lastIndexOf(' ')))) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> AuditCheckpoint.parse("cp.txt", bad));
      assertEquals("cp.txt", e.problems().get(0).location(), e.getMessage());
      assertTrue(e.getMessage().contains("not a checkpoint"), e.getMessage());
    }
  }

  /**
   * A line of five parts that does not start {@code fenqi-audit-checkpoint v1} (another version, another tool's) is no
   * checkpoint of this format, refused as such when read; it is not taken and later called "not authentic".
   */
  @Test
  void aCheckpointTextOfAnotherFormatIsRefusedNamingTheFile() {
    String text = AuditCheckpoint.sign(3, AuditEntry.GENESIS_HASH, key).toText();
    for (String bad : List.of(text.replace(" v1 ", " v2 "), text.replace("fenqi-audit-checkpoint", "audit-checkpoint"))) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> AuditCheckpoint.parse("cp.txt", bad));
      assertEquals("cp.txt: not a checkpoint (expected 'fenqi-audit-checkpoint v1 <sequence> <hash> <mac>')",
          e.getMessage());
    }
  }
}
