package io.github.fenqi.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** A schedule and its months are validated when built, each problem naming its field. */
class ScheduleValidationTest {

  private static final Amortizer ANNUITY = Amortizer.of(RepaymentMethod.EQUAL_INSTALLMENT, Rate.of("0.12"), Rate.ZERO);

  private static Installment month(int period, long payment, long principal, long interest, long fee, long remaining) {
    return new Installment(period, Money.ofFen(payment), Money.ofFen(principal), Money.ofFen(interest), Money.ofFen(fee),
        Money.ofFen(remaining));
  }

  private static String problemsOf(Runnable build) {
    return assertThrows(InvalidInputException.class, build::run).problems().toString();
  }

  /** The problems of an EQUAL_PRINCIPAL schedule of 100.00 over {@code term} months made of {@code months}. */
  private static String ofHundred(int term, List<Installment> months) {
    return problemsOf(() -> new Schedule(RepaymentMethod.EQUAL_PRINCIPAL, Money.ofFen(10_000), Money.ZERO, term, months));
  }

  @Test
  void anInstallmentWhosePartsDoNotAddUpToItsPaymentIsRefused() {
    assertTrue(problemsOf(() -> month(1, 1000, 900, 50, 0, 100)).contains("payment: '10.00' is not principal + interest"
        + " + fee (9.00 + 0.50 + 0.00)"));
  }

  @Test
  void anInstallmentWithANegativeAmountOrPeriodZeroIsRefusedNamingEachField() {
    String problems = problemsOf(() -> month(0, -5, -5, 0, 0, -1));
    assertTrue(problems.contains("period: 0 is below 1"), problems);
    assertTrue(problems.contains("payment: '-0.05' is negative"), problems);
    assertTrue(problems.contains("principal: '-0.05' is negative"), problems);
    assertTrue(problems.contains("remaining: '-0.01' is negative"), problems);
  }

  @Test
  void anInstallmentWithANullAmountIsRefusedNamingIt() {
    assertTrue(problemsOf(() -> new Installment(1, Money.ZERO, Money.ZERO, null, Money.ZERO, Money.ZERO))
        .contains("interest: is required"));
  }

  @Test
  void partsThatOverflowALongAreRefusedNotWrapped() {
    // Long.MAX_VALUE + 2 wraps to Long.MIN_VALUE + 1: checked as a sum of longs, −(2^63 − 1) fen "added up"
    assertTrue(problemsOf(() -> new Installment(1, Money.ofFen(Long.MIN_VALUE + 1), Money.ofFen(Long.MAX_VALUE),
        Money.ofFen(2), Money.ZERO, Money.ZERO)).contains("payment:"));
    assertTrue(problemsOf(() -> new Installment(1, Money.ofFen(1), Money.ofFen(Long.MAX_VALUE), Money.ofFen(Long.MAX_VALUE),
        Money.ofFen(3), Money.ZERO)).contains("payment:"));
  }

  @Test
  void installmentsThatDoNotRepayTheFinancedAmountAreRefused() {
    // 100.00 financed, 60.00 repaid: the months are each right, the schedule is not
    List<Installment> months = List.of(month(1, 3000, 3000, 0, 0, 7000), month(2, 3000, 3000, 0, 0, 4000));
    String problems = ofHundred(2, months);
    assertTrue(problems.contains("installments[1].remaining: '40.00' is still owed after the last month"), problems);
  }

  @Test
  void aRemainingThatIsNotTheFinancedAmountLessThePrincipalRepaidIsRefused() {
    List<Installment> months = List.of(month(1, 5000, 5000, 0, 0, 4000), month(2, 5000, 5000, 0, 0, 0));
    String problems = ofHundred(2, months);
    assertTrue(problems.contains("installments[0].remaining: '40.00' but 50.00 is left of the financed 100.00"), problems);
  }

  @Test
  void monthsOutOfOrderAreRefused() {
    List<Installment> months = List.of(month(2, 5000, 5000, 0, 0, 5000), month(1, 5000, 5000, 0, 0, 0));
    assertTrue(ofHundred(2, months).contains("installments[0].period: 2 where month 1 is due"));
  }

  @Test
  void aTermThatIsNotTheNumberOfInstallmentsIsRefused() {
    List<Installment> months = List.of(month(1, 10_000, 10_000, 0, 0, 0));
    assertTrue(ofHundred(3, months).contains("installments: 1 installments for a term of 3 months"));
    assertTrue(problemsOf(() -> new Schedule(RepaymentMethod.EQUAL_PRINCIPAL, Money.ZERO, Money.ZERO, 0, List.of()))
        .contains("term: 0 is outside 1..360 months"));
  }

  /**
   * A schedule of more months than the longest term is refused naming the term, though its months hold together: 361
   * installments of a fen repaying 3.61 one fen a month.
   */
  @Test
  void aTermAboveTheLongestIsRefusedThoughItsMonthsHoldTogether() {
    int term = Amortizer.MAX_TERM + 1;
    List<Installment> months = new ArrayList<>();
    for (int t = 1; t <= term; t++) {
      months.add(month(t, 1, 1, 0, 0, term - t));
    }
    assertEquals("[term: 361 is outside 1..360 months]", problemsOf(() -> new Schedule(RepaymentMethod.EQUAL_PRINCIPAL,
        Money.ofFen(term), Money.ZERO, term, months)));
  }

  @Test
  void nullPartsAndNegativeAmountsAreNamed() {
    String problems = problemsOf(() -> new Schedule(null, Money.ofFen(-1), null, 1, null));
    assertTrue(problems.contains("method: is required"), problems);
    assertTrue(problems.contains("financedAmount: '-0.01' is negative"), problems);
    assertTrue(problems.contains("downPayment: is required"), problems);
    assertTrue(problems.contains("installments: is required"), problems);
    assertTrue(problemsOf(() -> new Schedule(RepaymentMethod.EQUAL_PRINCIPAL, Money.ofFen(100), Money.ofFen(-100), 1,
        List.of(month(1, 100, 100, 0, 0, 0)))).contains("downPayment: '-1.00' is negative"));
    List<Installment> withNull = Arrays.asList(month(1, 50, 50, 0, 0, 50), null);
    assertTrue(problemsOf(() -> new Schedule(RepaymentMethod.EQUAL_PRINCIPAL, Money.ofFen(100), Money.ZERO, 2, withNull))
        .contains("installments[1]: is null"));
  }

  @Test
  void anInterestFreeScheduleThatChargesInterestIsRefused() {
    List<Installment> months = List.of(month(1, 10_100, 10_000, 100, 0, 0));
    assertTrue(problemsOf(() -> new Schedule(RepaymentMethod.INTEREST_FREE, Money.ofFen(10_000), Money.ZERO, 1, months))
        .contains("installments[0].interest: an INTEREST_FREE schedule charges neither interest nor fee"));
  }

  @Test
  void aTotalPayableBeyondALongIsRefusedNotAnOverflowLater() {
    List<Installment> months = List.of(month(1, Long.MAX_VALUE, 0, Long.MAX_VALUE, 0, 0));
    assertTrue(problemsOf(() -> new Schedule(RepaymentMethod.EQUAL_INSTALLMENT, Money.ZERO, Money.ofFen(1), 1, months))
        .contains("installments: the down payment and the installments sum beyond"));
  }

  @Property(tries = 300)
  void everyAmortizerScheduleIsValidAndMovingOneFenOfPrincipalBreaksIt(
      @ForAll @LongRange(min = 2, max = 10_000_000_000L) long financed, @ForAll @IntRange(min = 2, max = 120) int term,
      @ForAll @IntRange(min = 0, max = 119) int at) {
    Schedule s = ANNUITY.schedule(Money.ofFen(financed), term, Money.ofFen(100));
    assertEquals(s, new Schedule(s.method(), s.financedAmount(), s.downPayment(), s.term(), s.installments()));
    int k = at % term;
    Installment i = s.installments().get(k);
    long principal = i.principal().fen() + 1; // one fen more repaid that month, its payment still adding up
    List<Installment> changed = new ArrayList<>(s.installments());
    changed.set(k, month(i.period(), i.payment().fen() + 1, principal, i.interest().fen(), i.fee().fen(),
        i.remaining().fen()));
    assertThrows(InvalidInputException.class,
        () -> new Schedule(s.method(), s.financedAmount(), s.downPayment(), s.term(), changed));
  }

  /**
   * A schedule read from JSON whose totalPayable says 12 000.00 where its installments sum to 12 864.00 (and whose
   * annualizedRate says 0.072 where the IRR is 0.130342) had been read without a word: the two were written, never
   * read. Each is checked when given, named with the schedule's own figure; left out, the schedule reads as before, and
   * a written schedule reads back equal.
   */
  @Test
  void aStatedTotalOrRateThatIsNotTheSchedulesOwnIsRefused() throws Exception {
    ObjectMapper mapper = FenqiJson.newMapper();
    Schedule s = Amortizer.of(RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO, Rate.of("0.006")).schedule(Money.of("12000"), 12);
    String written = mapper.writeValueAsString(s);
    assertEquals(s, FenqiJson.read(mapper, written.getBytes(StandardCharsets.UTF_8), Schedule.class, "s.json"));
    String wrong = written.replace("\"totalPayable\" : \"12864.00\"", "\"totalPayable\" : \"12000.00\"")
        .replace("\"annualizedRate\" : 0.130342", "\"annualizedRate\" : 0.072");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> FenqiJson.read(mapper, wrong.getBytes(StandardCharsets.UTF_8), Schedule.class, "s.json"));
    assertEquals(List.of(
        Problem.of("s.json: totalPayable", "'12000.00' but the down payment 0.00 and the installments sum to 12864.00"),
        Problem.of("s.json: annualizedRate", "'0.072' but the installments' IRR against the financed 12000.00 is "
            + "0.130342 a year")), e.problems());
    String bare = written.replaceAll(",\\s*\"totalPayable\"[^,]*,\\s*\"annualizedRate\"[^}]*", "\n");
    assertTrue(!bare.contains("totalPayable") && !bare.contains("annualizedRate"), bare);
    assertEquals(s, FenqiJson.read(mapper, bare.getBytes(StandardCharsets.UTF_8), Schedule.class, "s.json"));
  }

  /**
   * A stated rate far out of range is named in a short form: {@code 1e999999999} is a few characters of JSON, and the
   * message wrote it out in full — a billion digits, which ran out of memory ("problem: Java heap space") — and
   * {@code 1e99999} put a hundred thousand digits in one line of the report.
   */
  @Test
  void aStatedRateFarOutOfRangeIsNamedInShortForm() throws Exception {
    ObjectMapper mapper = FenqiJson.newMapper();
    Schedule s = Amortizer.of(RepaymentMethod.FEE_INSTALLMENT, Rate.ZERO, Rate.of("0.006")).schedule(Money.of("12000"), 12);
    String written = mapper.writeValueAsString(s);
    for (String[] stated : new String[][] {{"1e999999999", "1E+999999999"}, {"1e99999", "1E+99999"},
        {"-1e-999999999", "-1E-999999999"}, {"0.0000001", "0.0000001"}}) {
      String wrong = written.replace("\"annualizedRate\" : 0.130342", "\"annualizedRate\" : " + stated[0]);
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> FenqiJson.read(mapper, wrong.getBytes(StandardCharsets.UTF_8), Schedule.class, "s.json"));
      assertEquals(List.of(Problem.of("s.json: annualizedRate", "'" + stated[1] + "' but the installments' IRR against "
          + "the financed 12000.00 is 0.130342 a year")), e.problems());
    }
  }
}
