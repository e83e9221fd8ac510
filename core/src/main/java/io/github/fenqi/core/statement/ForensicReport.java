package io.github.fenqi.core.statement;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.RequiredParts;
import java.util.List;

/**
 * The forensic checks' verdict, the signals behind it and the checks that could not run (too few rows, no
 * balance column), so that a PASS is never mistaken for more than it is.
 *
 * <p>Thread-safety: immutable.
 *
 * @param verdict PASS exactly when there is no signal, else REVIEW or BLOCK
 * @param signals what was seen
 * @param notes checks skipped and why
 */
public record ForensicReport(ForensicVerdict verdict, List<ForensicSignal> signals, List<String> notes)
    implements java.io.Serializable {
  public ForensicReport {
    RequiredParts.check(new String[] {"verdict", "signals", "notes"}, verdict, signals, notes);
    // a report read from JSON had passed with signals beside it, or asked for review with nothing to look at
    if (signals.isEmpty() != (verdict == ForensicVerdict.PASS)) {
      throw new InvalidInputException("verdict", verdict == ForensicVerdict.PASS
          ? "is PASS beside " + signals.size() + " signal(s); any signal makes it REVIEW or BLOCK"
          : "is " + verdict + " without a signal; only a signal makes it more than PASS");
    }
    signals = List.copyOf(signals);
    notes = List.copyOf(notes);
  }
}
