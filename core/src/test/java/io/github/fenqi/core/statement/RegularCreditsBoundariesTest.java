package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ends of the rule that makes an organisation's regular credits salary ({@link StatementAnalyzer}): credits in at
 * least three months, each within 30 % of their median, ends included; or, paid in parts, at most three credits a
 * month whose sums in at least three whole months are each within 30 % of their median, and a part month's sum not
 * above that bound.
 */
class RegularCreditsBoundariesTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";
  private static final String EMPLOYER = "杭州澄星数码科技有限公司";

  /**
   * Whether the employer's credits became salary: all of them (true), none (false); a mix fails. {@code parts[m]} are
   * the credits of the m-th month from May 2026, on the 10th, 20th, 25th and 28th; the statement runs from 1 May to
   * {@code lastDay} (a spending row on each end).
   */
  private static boolean salary(String lastDay, String[]... parts) {
    StringBuilder rows = new StringBuilder("2026-05-01,08:00:00,POS消费,,10.00,,惠邻生鲜超市,,POS\n");
    int[] days = {10, 20, 25, 28};
    for (int m = 0; m < parts.length; m++) {
      for (int i = 0; i < parts[m].length; i++) {
        rows.append(String.format("2026-%02d-%02d,09:00:00,网银转账,%s,,,%s,,网上银行%n", m + 5, days[i], parts[m][i],
            EMPLOYER));
      }
    }
    rows.append(lastDay).append(",20:00:00,POS消费,,10.00,,惠邻生鲜超市,,POS\n");
    ParsedStatement s = StatementParser.bank().parse("b.csv", (BANK_HEADER + rows).getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), s.rejected());
    List<Boolean> promoted = StatementAnalyzer.defaults().analyze(List.of(s)).transactions().stream()
        .filter(c -> c.transaction().counterparty().equals(EMPLOYER))
        .map(c -> c.category() == TransactionCategory.SALARY).distinct().toList();
    assertEquals(1, promoted.size(), "all or none of the employer's credits are salary: " + promoted);
    return promoted.get(0);
  }

  private static String[] of(String... amounts) {
    return amounts;
  }

  /** Single credits: 30 % off the median either way is within; a fen more is not; two months are too few. */
  @Test
  void singleCreditsInThreeMonthsWithinThirtyPercentOfTheirMedianEndsIncludedAreSalary() {
    assertEquals(true, salary("2026-07-10", of("7000.00"), of("10000.00"), of("13000.00")));
    assertEquals(false, salary("2026-07-10", of("6999.99"), of("10000.00"), of("13000.00")));
    assertEquals(false, salary("2026-07-10", of("7000.00"), of("10000.00"), of("13000.01")));
    assertEquals(false, salary("2026-06-10", of("10000.00"), of("10000.00")));
  }

  /**
   * Parts: whole months' sums 30 % off their median either way are within; three parts a month are allowed, four are
   * not; two whole months are too few; a part month's sum up to the bound is allowed, a fen above it is not.
   */
  @Test
  void partsSumSteadilyInThreeWholeMonthsWithAtMostThreeAMonthAndAPartMonthNotAboveTheBound() {
    assertEquals(true, salary("2026-07-31", of("3510.00", "2300.00"), of("6000.00", "2300.00"),
        of("8490.00", "2300.00")));
    assertEquals(true, salary("2026-07-31", of("4000.00", "2300.00", "2000.00"), of("4000.00", "2300.00", "2000.00"),
        of("4000.00", "2300.00", "2000.00")));
    assertEquals(false, salary("2026-07-31", of("4000.00", "2300.00", "2000.00"),
        of("2000.00", "2000.00", "2000.00", "2300.00"), of("4000.00", "2300.00", "2000.00")));
    assertEquals(false, salary("2026-07-15", of("6000.00", "2300.00"), of("6000.00", "2300.00"), of("6000.00")));
    assertEquals(true, salary("2026-08-15", of("6000.00", "2300.00"), of("6000.00", "2300.00"),
        of("6000.00", "2300.00"), of("10790.00")));
    assertEquals(false, salary("2026-08-15", of("6000.00", "2300.00"), of("6000.00", "2300.00"),
        of("6000.00", "2300.00"), of("10790.01")));
  }

  /**
   * The median of an even count of credits is the mean of the middle two, as the affordability model's median of months
   * is: 7.40, 10.00, 10.50 and 13.60 have a median of 10.25, and 13.60 is 33 % above it; 8.00, 8.00, 12.00 and 12.00
   * have one of 10.00, each 20 % off. The upper of the two had been taken (10.50 and 12.00): the first were promoted
   * to salary, the second not.
   */
  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(false, salary("2026-08-10", of("7.40"), of("10.00"), of("10.50"), of("13.60")));
    assertEquals(true, salary("2026-08-10", of("8.00"), of("8.00"), of("12.00"), of("12.00")));
    // parts: whole months summing to 8000.00, 8000.00, 12000.00 and 12000.00
    assertEquals(true, salary("2026-08-31", of("6000.00", "2000.00"), of("6000.00", "2000.00"),
        of("10000.00", "2000.00"), of("10000.00", "2000.00")));
  }
}
