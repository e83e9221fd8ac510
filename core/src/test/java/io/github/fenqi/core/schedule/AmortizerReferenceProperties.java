package io.github.fenqi.core.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The long and double fast paths of {@link Amortizer} give to the fen what the BigDecimal walk gave. */
class AmortizerReferenceProperties {
  private static final MathContext MC = new MathContext(34, RoundingMode.HALF_EVEN);

  @Property(tries = 2000)
  void summaryAndScheduleEqualTheBigDecimalWalk(@ForAll long seed) {
    Random r = new Random(seed);
    RepaymentMethod method = RepaymentMethod.values()[r.nextInt(RepaymentMethod.values().length)];
    long financed = switch (r.nextInt(4)) {
      case 0 -> r.nextInt(1000);
      case 1 -> r.nextInt(100_000_000);
      case 2 -> (long) (r.nextDouble() * 1e12);
      default -> (long) (r.nextDouble() * 1e14);
    };
    int term = r.nextInt(3) == 0 ? 1 + r.nextInt(360) : 1 + r.nextInt(60);
    Rate annual = Rate.of(BigDecimal.valueOf(r.nextInt(500_000), 6).setScale(1 + r.nextInt(6), RoundingMode.DOWN));
    Rate fee = Rate.of(BigDecimal.valueOf(r.nextInt(3_000_000), 8).setScale(1 + r.nextInt(8), RoundingMode.DOWN));
    long[] expected = new ReferenceAmortizer(method, annual, fee).firstAndTotal(financed, term);
    Amortizer a = Amortizer.of(method, annual, fee);
    ScheduleSummary summary = a.summarize(financed, term);
    String where = method + " " + financed + " fen over " + term + " at " + annual + " / " + fee;
    assertEquals(expected[0], summary.firstPayment(), where);
    assertEquals(expected[1], summary.totalInstallments(), where);
    if (term <= 120) { // the full schedule uses the same fast fee and annuity payment
      Schedule s = a.schedule(Money.ofFen(financed), term);
      assertEquals(expected[0], s.firstPayment().fen(), where);
      assertEquals(expected[1], s.totalPayable().fen(), where);
    }
  }

  @Property(tries = 1000)
  void summariesOfManyTermsEqualTheBigDecimalWalkOfEach(@ForAll long seed) {
    Random r = new Random(seed);
    RepaymentMethod method = RepaymentMethod.values()[r.nextInt(RepaymentMethod.values().length)];
    long financed = r.nextBoolean() ? r.nextInt(100_000_000) : (long) (r.nextDouble() * 1e13);
    int[] terms = new int[r.nextInt(8)]; // any order, repeats allowed, odd and even counts
    for (int j = 0; j < terms.length; j++) {
      terms[j] = r.nextInt(4) == 0 ? 1 + r.nextInt(360) : 1 + r.nextInt(48);
    }
    Rate annual = Rate.of(BigDecimal.valueOf(r.nextInt(3) == 0 ? 0 : r.nextInt(400_000), 6));
    Rate fee = Rate.of(BigDecimal.valueOf(r.nextInt(3) == 0 ? 0 : r.nextInt(30_000), 6));
    ReferenceAmortizer reference = new ReferenceAmortizer(method, annual, fee);
    long[] first = new long[terms.length];
    long[] total = new long[terms.length + 1];
    Amortizer.of(method, annual, fee).summarize(financed, terms, first, total);
    for (int j = 0; j < terms.length; j++) {
      long[] expected = reference.firstAndTotal(financed, terms[j]);
      String where = method + " " + financed + " fen over " + terms[j] + " at " + annual + " / " + fee;
      assertEquals(expected[0], first[j], where);
      assertEquals(expected[1], total[j], where);
    }
  }

  /**
   * Several amounts at once (as the solver's grids ask for a waiver level's down payments): each amount and term as
   * the BigDecimal walk gives it, whatever the number of amounts — four walked side by side, and the last one to
   * three filled up with walks of nothing — and the terms (repeats, any order, different lengths side by side).
   */
  @Property(tries = 1000)
  void summariesOfManyAmountsEqualTheBigDecimalWalkOfEach(@ForAll long seed) {
    Random r = new Random(seed);
    RepaymentMethod method = RepaymentMethod.values()[r.nextInt(RepaymentMethod.values().length)];
    long[] financed = new long[r.nextInt(10) + 1];
    int amounts = r.nextInt(financed.length + 1);
    for (int x = 0; x < financed.length; x++) {
      financed[x] = switch (r.nextInt(4)) {
        case 0 -> r.nextInt(1000);
        case 1 -> r.nextInt(100_000_000);
        case 2 -> x > 0 ? financed[x - 1] : 0; // the same amount twice
        default -> (long) (r.nextDouble() * 1e13);
      };
    }
    int[] terms = new int[1 + r.nextInt(7)];
    for (int j = 0; j < terms.length; j++) {
      terms[j] = r.nextInt(4) == 0 ? 1 + r.nextInt(360) : 1 + r.nextInt(48);
    }
    Rate annual = Rate.of(BigDecimal.valueOf(r.nextInt(3) == 0 ? 0 : r.nextInt(400_000), 6));
    Rate fee = Rate.of(BigDecimal.valueOf(r.nextInt(3) == 0 ? 0 : r.nextInt(30_000), 6));
    ReferenceAmortizer reference = new ReferenceAmortizer(method, annual, fee);
    int cells = amounts * terms.length;
    long[] first = new long[cells + r.nextInt(3)]; // room to spare is left alone
    long[] total = new long[cells + r.nextInt(3)];
    Arrays.fill(first, -7);
    Arrays.fill(total, -7);
    Amortizer.of(method, annual, fee).summarize(financed, amounts, terms, first, total);
    for (int x = 0; x < amounts; x++) {
      for (int j = 0; j < terms.length; j++) {
        long[] expected = reference.firstAndTotal(financed[x], terms[j]);
        String where = method + " " + financed[x] + " fen over " + terms[j] + " at " + annual + " / " + fee;
        assertEquals(expected[0], first[x * terms.length + j], where);
        assertEquals(expected[1], total[x * terms.length + j], where);
      }
    }
    for (int c = cells; c < first.length; c++) {
      assertEquals(-7, first[c], "beyond the amounts asked");
    }
  }

  @Test
  void summariesOfManyAmountsRejectABadAmountOrTermAndShortOutputs() {
    Amortizer a = Amortizer.of(RepaymentMethod.EQUAL_INSTALLMENT, Rate.of("0.06"), Rate.ZERO);
    long[] amounts = {100_000, 200_000, 300_000};
    InvalidInputException badTerm = assertThrows(InvalidInputException.class,
        () -> a.summarize(amounts, 3, new int[] {12, 361}, new long[6], new long[6]));
    assertEquals("term", badTerm.problems().get(0).location());
    InvalidInputException badAmount = assertThrows(InvalidInputException.class,
        () -> a.summarize(new long[] {100_000, -1}, 2, new int[] {12}, new long[2], new long[2]));
    assertEquals("amount", badAmount.problems().get(0).location());
    assertEquals(List.of(Problem.of("amounts", "4 asked of the 3 in financedFen")), assertThrows(
        InvalidInputException.class, () -> a.summarize(amounts, 4, new int[] {12}, new long[4], new long[4])).problems());
    assertEquals(List.of(Problem.of("totals", "has room for 5 of the 6 it is written (3 amounts × 2 terms)")),
        assertThrows(InvalidInputException.class,
            () -> a.summarize(amounts, 3, new int[] {12, 24}, new long[6], new long[5])).problems());
  }

  /**
   * The many-amount summary is public API (the solver's grids call it): a null array had been a bare
   * NullPointerException and a negative count, or arrays that do not fit, an IllegalArgumentException naming no
   * argument ("-1 amounts asked of 3"). Each is refused naming the argument, every problem at once, nothing written.
   */
  @Test
  void summariesOfManyAmountsNameEachMissingOrMismatchedArgument() {
    Amortizer a = Amortizer.of(RepaymentMethod.EQUAL_INSTALLMENT, Rate.of("0.06"), Rate.ZERO);
    InvalidInputException nulls = assertThrows(InvalidInputException.class,
        () -> a.summarize(null, 1, null, null, null));
    assertEquals(List.of("financedFen", "terms", "firstPayments", "totals"),
        nulls.problems().stream().map(Problem::location).toList(), nulls.problems().toString());
    assertEquals("financedFen: is required", nulls.problems().get(0).toString());
    InvalidInputException negative = assertThrows(InvalidInputException.class,
        () -> a.summarize(new long[] {100_000}, -1, new int[] {12}, new long[1], new long[1]));
    assertEquals(List.of(Problem.of("amounts", "-1 is negative")), negative.problems());
    long[] first = {-7, -7};
    InvalidInputException both = assertThrows(InvalidInputException.class,
        () -> a.summarize(new long[] {100_000, 200_000}, 2, new int[] {12}, first, new long[1]));
    assertEquals(List.of(Problem.of("totals", "has room for 1 of the 2 it is written (2 amounts × 1 terms)")),
        both.problems());
    assertArrayEquals(new long[] {-7, -7}, first, "nothing written when refused");
    InvalidInputException oneAmount = assertThrows(InvalidInputException.class,
        () -> a.summarize(100_000, null, new long[1], null));
    assertEquals(List.of("terms", "totals"), oneAmount.problems().stream().map(Problem::location).toList());
  }

  @Test
  void summariesOfManyTermsRejectABadTermAndShortOutputs() {
    Amortizer a = Amortizer.of(RepaymentMethod.EQUAL_INSTALLMENT, Rate.of("0.06"), Rate.ZERO);
    InvalidInputException bad = assertThrows(InvalidInputException.class,
        () -> a.summarize(100_000, new int[] {12, 361}, new long[2], new long[2]));
    assertEquals("term", bad.problems().get(0).location());
    assertEquals(List.of(Problem.of("totals", "has room for 1 of the 2 it is written (1 amounts × 2 terms)")),
        assertThrows(InvalidInputException.class,
            () -> a.summarize(100_000, new int[] {12, 24}, new long[2], new long[1])).problems());
  }

  @Property(tries = 2000)
  void roundedProductEqualsTheBigDecimalProductForAnyFactor(@ForAll long seed) {
    Random r = new Random(seed);
    BigDecimal factor = new BigDecimal(new BigInteger(112, r), 34 + r.nextInt(4)).round(MC);
    long financed = r.nextBoolean() ? r.nextInt(10_000_000) : (long) (r.nextDouble() * 1e14);
    assertEquals(reference(financed, factor), Amortizer.roundedProduct(financed, factor, factor.doubleValue()),
        financed + " × " + factor);
  }

  /**
   * Products exactly half a fen, or a hair (10^−12 .. 10^−30 fen) either side of it, where a double cannot
   * tell which way to round and the BigDecimal branch must decide.
   */
  @Property(tries = 1000)
  void roundedProductEqualsTheBigDecimalProductWithinAHairOfHalfAFen(@ForAll long seed) {
    Random r = new Random(seed);
    int scale = 3 + r.nextInt(4);
    long modulus = BigInteger.TEN.pow(scale).longValueExact();
    long unscaled = 1 + r.nextInt((int) modulus * 3);
    long financed = -1;
    long start = r.nextInt((int) modulus);
    for (long f = start; f < start + modulus && financed < 0; f++) {
      if (Math.floorMod(f * unscaled, modulus) == modulus / 2) {
        financed = f;
      }
    }
    if (financed < 0) { // no amount reaches half a fen with this factor: take one that does
      financed = 1;
      unscaled = modulus / 2;
    }
    BigDecimal half = BigDecimal.valueOf(unscaled, scale);
    BigDecimal hair = BigDecimal.ONE.movePointLeft(scale + 12 + r.nextInt(19));
    BigDecimal factor = switch (r.nextInt(3)) {
      case 0 -> half;
      case 1 -> half.add(hair);
      default -> half.subtract(hair);
    };
    factor = factor.round(MC);
    assertEquals(reference(financed, factor), Amortizer.roundedProduct(financed, factor, factor.doubleValue()),
        financed + " × " + factor);
  }

  @Property(tries = 3000)
  void quotientFromADoubleEstimateIsTheExactFloorQuotient(@ForAll long seed) {
    Random r = new Random(seed);
    long x = switch (r.nextInt(3)) {
      case 0 -> r.nextInt(100_000);
      case 1 -> (long) (r.nextDouble() * 1e15);
      default -> r.nextLong() & Long.MAX_VALUE;
    };
    long d = r.nextBoolean() ? 1 + r.nextInt(360) : 12 * BigInteger.TEN.pow(r.nextInt(13)).longValueExact();
    // the estimates the amortizer uses, and ones a few units off either way
    double[] estimates = {x * (1.0 / d), (double) x / d, (double) x / d + r.nextInt(5) - 2};
    for (double estimate : estimates) {
      assertEquals(x / d, Amortizer.quotient(x, d, Math.max(0, estimate)), x + " / " + d + " from " + estimate);
    }
  }

  private static long reference(long financed, BigDecimal factor) {
    return BigDecimal.valueOf(financed).multiply(factor, MC).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
