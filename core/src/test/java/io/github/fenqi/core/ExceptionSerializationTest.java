package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.security.risk.RiskAssessment;
import io.github.fenqi.core.security.risk.RiskDecision;
import io.github.fenqi.core.statement.ForensicReport;
import io.github.fenqi.core.statement.ForensicSignal;
import io.github.fenqi.core.statement.ForensicVerdict;
import io.github.fenqi.core.statement.StatementAnalysis;
import io.github.fenqi.core.statement.StatementFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Exceptions sent through Java serialization (to another JVM, or a cache) keep what their accessors promise: the
 * screening of a blocked case and the problems of a rejected input had been transient, null when read back.
 */
class ExceptionSerializationTest {

  @SuppressWarnings("unchecked")
  private static <T> T readBack(T thrown) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(thrown);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void aBlockedCaseKeepsItsScreening() throws Exception {
    ForensicReport report = new ForensicReport(ForensicVerdict.REVIEW, List.of(new ForensicSignal(
        ForensicSignal.Kind.ROUND_AMOUNTS, List.of("a.csv:3", "a.csv:7"), 0.6, "many round amounts")), List.of("n"));
    Screening screening = new Screening(ForensicVerdict.BLOCK, List.of("statements: many round amounts",
        "bureau: DENY (on a blacklist)"),
        List.of(new StatementAnalysis.StatementSummary("a.csv", StatementFormat.ALIPAY, "UTF-8", 10, 0, 0, 10)), report,
        List.of(new RiskAssessment("bureau", RiskDecision.DENY, 0.93, "on a blacklist", false)));
    NegotiationBlockedException blocked = readBack(new NegotiationBlockedException("case-1", screening));
    assertEquals(screening, blocked.screening());
    assertEquals(List.of("case-1", "case case-1 blocked: statements: many round amounts; bureau: DENY (on a blacklist)"),
        List.of(blocked.caseId(), blocked.getMessage()));
  }

  @Test
  void aRejectedInputKeepsItsProblems() throws Exception {
    List<Problem> problems = List.of(Problem.of("debts[0].principal", "is negative"), Problem.of("caseId", "is blank"));
    InvalidInputException rejected = readBack(new InvalidInputException(problems));
    assertEquals(problems, rejected.problems());
    assertEquals("2 problems: debts[0].principal: is negative; caseId: is blank", rejected.getMessage());
  }

  /** A component's broken contract could not be serialized at all: its problems were not serializable. */
  @Test
  void aBrokenContractKeepsItsComponentAndProblems() throws Exception {
    List<Problem> problems = List.of(Problem.of("proposals[0].total", "is above the budget"));
    ComponentContractException broken = readBack(new ComponentContractException("the solver (x.Solver)", problems));
    assertEquals(List.of("the solver (x.Solver)", problems), List.of(broken.component(), broken.problems()));
  }

  /**
   * A path is not serializable (a file system's), so an audit failure read back names its file in its message only:
   * {@link AuditIntegrityException#file()} is then empty, as its Javadoc says.
   */
  @Test
  void anAuditFailureReadBackNamesItsFileInItsMessageOnly() throws Exception {
    AuditIntegrityException failed = readBack(new AuditIntegrityException(Path.of("logs", "audit.jsonl"), 3,
        "entry 3 (line 3) is not valid JSON"));
    assertEquals(List.of(Optional.empty(), 3L, Path.of("logs", "audit.jsonl") + ": entry 3 (line 3) is not valid JSON"),
        List.of(failed.file(), failed.sequence(), failed.getMessage()));
  }

  /**
   * An audit failure read back already names its file, so placing it in a log leaves it as it is, as for the failure
   * before the round trip: its file had been lost with the Path and {@code in(log)} named the file a second time
   * ("logs/audit.jsonl: logs/audit.jsonl: entry 3 ..."). One read back without a file is still placed in the log.
   */
  @Test
  void anAuditFailureReadBackIsNotNamedInItsFileTwice() throws Exception {
    Path log = Path.of("logs", "audit.jsonl");
    AuditIntegrityException failed = readBack(new AuditIntegrityException(log, 3, "entry 3 (line 3) is not valid JSON"));
    AuditIntegrityException placed = failed.in(log);
    assertEquals(log + ": entry 3 (line 3) is not valid JSON", placed.getMessage());
    assertEquals(3L, placed.sequence());
    AuditIntegrityException inMemory = readBack(new AuditIntegrityException(3, "entry 3 (line 3) is not valid JSON"));
    AuditIntegrityException located = inMemory.in(log);
    assertEquals(List.of(Optional.of(log), 3L, log + ": entry 3 (line 3) is not valid JSON"),
        List.of(located.file(), located.sequence(), located.getMessage()));
  }
}
