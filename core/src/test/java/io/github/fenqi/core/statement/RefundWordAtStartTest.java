package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A description is a refund's when it starts with a refund word, not when it merely mentions one. */
class RefundWordAtStartTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";

  /**
   * A payroll that mentions a tax refund (工资(含个税退款)) is wages: read as a refund of a purchase not in these
   * statements it would be removed and the month's salary lost; a 退款 at the start is a refund.
   */
  @Test
  void aSalaryMentioningARefundIsSalary() {
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(StatementParser.bank().parse("bank.csv",
        (BANK_HEADER + "2026-06-10,10:00:00,工资(含个税退款),8000.00,,,某某科技有限公司,,网银\n"
            + "2026-06-11,10:00:00,退款,50.00,,,某某科技有限公司,,网银\n").getBytes(StandardCharsets.UTF_8))));
    assertEquals(List.of(TransactionCategory.SALARY), a.transactions().stream().map(CategorisedTransaction::category)
        .toList());
    assertEquals(List.of(RemovalKind.REFUND), a.removals().stream().map(Removal::kind).toList());
    assertEquals(Money.of("8000.00"), a.months().get(0).salaryIncome());
  }

  /**
   * A debit whose description starts with 退款 is money the holder paid back (a shopkeeper refunding a customer): it is
   * spent, never removed as a refund, which only a credit can be.
   */
  @Test
  void aDebitStartingWithARefundWordIsSpending() {
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(StatementParser.bank().parse("bank.csv",
        (BANK_HEADER + "2026-06-10,10:00:00,退款给顾客,200.00,,,某某科技有限公司,,网银\n"
            + "2026-06-11,10:00:00,退款给顾客,,200.00,,某某科技有限公司,,网银\n").getBytes(StandardCharsets.UTF_8))));
    assertEquals(Money.of("200.00"), a.months().get(0).otherSpending());
    assertEquals(List.of(RemovalKind.REFUND), a.removals().stream().map(Removal::kind).toList());
  }
}
