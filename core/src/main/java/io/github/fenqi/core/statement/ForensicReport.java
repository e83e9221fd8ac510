package io.github.fenqi.core.statement;

import io.github.fenqi.core.RequiredParts;
import java.util.List;

/**
 * The forensic checks' verdict, the signals behind it and the checks that could not run (too few rows, no
 * balance column), so that a PASS is never mistaken for more than it is.
 *
 * <p>Thread-safety: immutable.
 *
 * @param verdict PASS, REVIEW or BLOCK
 * @param signals what was seen
 * @param notes checks skipped and why
 */
public record ForensicReport(ForensicVerdict verdict, List<ForensicSignal> signals, List<String> notes) {
  public ForensicReport {
    RequiredParts.check(new String[] {"verdict", "signals", "notes"}, verdict, signals, notes);
    signals = List.copyOf(signals);
    notes = List.copyOf(notes);
  }
}
