/**
 * Bank and payment-app statements: what a borrower really earns and spends.
 *
 * <p>The pipeline is parse → clean → categorise → summarise by month:
 * <ol>
 *   <li>{@link io.github.fenqi.core.statement.StatementParser} reads an Alipay export (GBK, preamble, 收/支 with
 *       不计收支), a WeChat Pay export (UTF-8 with BOM, {@code ¥} amounts, neutral rows marked {@code /}) or a bank
 *       CSV described by a {@link io.github.fenqi.core.statement.BankColumnMapping}. The encoding is detected from
 *       the bytes. A malformed row is rejected with its file and line and the rest is kept (a row cut short, or
 *       wider than its header, is malformed: its columns cannot be told apart); a quoted field may hold line breaks,
 *       and its row is named by its first line; a file cut short inside a character has its last line rejected,
 *       saying so; a file that is not a statement is an error.
 *   <li>{@link io.github.fenqi.core.statement.StatementAnalyzer} removes rows that are not real income or
 *       spending, each with an explanation: closed (never executed) rows, duplicates (same serial, direction and
 *       amount, or an identical bank row, or the card's row of a payment made in a wallet with that card), reversal pairs (冲正 and full 退款 with their originals — found by merchant
 *       order, by serial, or by counterparty and goods — a refund naming no goods, as a bank's 退款, 退货 or 消费退货,
 *       by counterparty and equal amount; partial refunds are netted), and
 *       internal transfers (counterparty is the holder, 余额宝/零钱通 moves, a withdrawal (提现) credited by, or naming, a
 *       wallet operator such as 财付通 or 支付宝 unless an earnings rule claims it — a gig platform's 提现 payout stays
 *       income —, a bank's top-up (充值) of a wallet's balance such as 支付宝-充值, and opposite amounts on two of the borrower's statements within three days: equal, or a credit
 *       short of a withdrawal by at most the wallet's fee, 0.1 % rounded up to the fen and at least 0.10 yuan, whose
 *       withdrawal row is kept as that fee, {@link io.github.fenqi.core.statement.TransactionCategory#FEE}: money spent).
 *       A row is counted net of what it states was refunded of it ({@link io.github.fenqi.core.statement.Transaction#refunded}),
 *       and the fee it states ({@link io.github.fenqi.core.statement.Transaction#fee}) is spent on top of it — a move
 *       or a refunded row that states one is kept as only that fee.
 *   <li>The {@link io.github.fenqi.core.statement.CategoryLexicon} (data, not code) puts every kept row in a
 *       {@link io.github.fenqi.core.statement.TransactionCategory} with the rule and keyword that decided it;
 *       regular monthly credits from an organisation are salary even without a payroll keyword — steady credits, or
 *       a wage paid in up to three parts a month whose sums are steady in the months covered whole.
 *   <li>{@link io.github.fenqi.core.statement.MonthlySummary} per calendar month (by the transaction's own date) of
 *       every month a statement covers, from its first row's month to its last's, whether or not any of its rows
 *       is kept (a month without kept rows is a month without income); months no statement covers are listed as
 *       {@link io.github.fenqi.core.statement.StatementAnalysis#uncovered()}:
 *       salary, other income, essentials (rent, water/electricity/gas, food), loan repayments by platform — what
 *       the affordability model reads.
 * </ol>
 */
@NullMarked
package io.github.fenqi.core.statement;

import org.jspecify.annotations.NullMarked;
