package io.github.fenqi.optaplanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in soft score may reach half a long's range either way (2^62), the rest left to user constraints: the
 * scale is kept up to exactly that and shrinks to it beyond, also between half and the whole of a long's range.
 */
class SoftScaleBoundTest {
  @Test
  void theScaleIsKeptUpToHalfALongsRangeAndShrinksToItBeyond() {
    double half = Math.pow(2, 62);
    // exactly at the bound keeps the scale (powers of two: no rounding)
    assertEquals(1.0, OptaPlannerProposalSolver.softScale(1.0, List.of(new double[] {-half / 2}, new double[] {half / 2})));
    // three quarters of a long's range: within a long, beyond half of it
    double most = 0.75 * Math.pow(2, 63) / 1000;
    assertEquals(half / most, OptaPlannerProposalSolver.softScale(1000.0, List.of(new double[] {-most / 2, Double.NaN},
        new double[] {most / 4, -most / 2})), 0.0);
  }
}
