package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Money a lender pays out is borrowed, not earned: it is neither income nor spending. */
class LoanProceedsTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";

  private static StatementAnalysis analyze(String rows) {
    return StatementAnalyzer.defaults().analyze(List.of(StatementParser.bank().parse("bank.csv",
        (BANK_HEADER + rows).getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * A consumer-finance company's 放款, a 度小满 loan and a 转账 from 招联金融 had been income (other income, and 度小满,
   * read as a person's name, a transfer from a person): borrowing 10 000.00 raised the month's income by as much, and
   * so the instalment the borrower could afford. They are now {@code NEUTRAL} by the rule loan-proceeds.
   */
  @Test
  void aLendersPayoutIsNotIncome() {
    StatementAnalysis a = analyze("2026-06-01,10:00:00,借款放款,5000.00,,,马上消费金融股份有限公司,,网银\n"
        + "2026-06-02,10:00:00,放款,3000.00,,,度小满,,网银\n"
        + "2026-06-03,10:00:00,转账,2000.00,,,招联金融,,网银\n"
        + "2026-06-10,10:00:00,代发工资,8000.00,,,某某科技有限公司,,网银\n");
    assertEquals(List.of(TransactionCategory.NEUTRAL, TransactionCategory.NEUTRAL, TransactionCategory.NEUTRAL,
        TransactionCategory.SALARY), a.transactions().stream().map(CategorisedTransaction::category).toList());
    assertTrue(a.transactions().get(0).reason().startsWith("rule loan-proceeds: "), a.transactions().get(0).reason());
    assertEquals(Money.of("8000.00"), a.months().get(0).income());
  }

  /** A lender's own employee is paid by it: payroll wording wins over the lender's name. */
  @Test
  void aLendersPayrollIsStillSalary() {
    StatementAnalysis a = analyze("2026-06-10,10:00:00,代发工资,9000.00,,,招联消费金融股份有限公司,,网银\n");
    assertEquals(TransactionCategory.SALARY, a.transactions().get(0).category());
    assertEquals(Money.of("9000.00"), a.months().get(0).income());
  }
}
