package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.statement.Direction;
import io.github.fenqi.core.statement.Transaction;
import io.github.fenqi.core.testkit.RandomIdentifiers;
import io.github.fenqi.core.testkit.Samples;
import java.time.LocalDateTime;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@code toString} of a value holding free text a person wrote shows no identifier in it: a request's hardship note
 * and a statement row's description may quote the borrower's mobile, ID number or card ("请联系我 13912345678"), and
 * a value's {@code toString} ends up in logs. {@link NegotiationRequest}'s record {@code toString} and
 * {@link Transaction}'s printed them in clear, where the borrower and the row's counterparty were already masked.
 */
class PiiInToStringProperties {
  private static final NegotiationRequest SAMPLE = NegotiationRequest.read(FenqiJson.newMapper(),
      Samples.bytes("samples/cases/" + Samples.CASE), "case.json");

  @Property(tries = 200)
  void aNoteOrDescriptionQuotingAnIdentifierIsMaskedInToString(@ForAll long seed) {
    Random random = new Random(seed);
    String number = RandomIdentifiers.any(random);
    String hidden = number.substring(2, number.length() - 3); // the hidden digits with one shown either side
    String text = new String[] {"请联系我 ", "转账给", "还款 ", ""}[random.nextInt(4)] + number
        + new String[] {"", "，谢谢", " 备注"}[random.nextInt(3)];
    NegotiationRequest request = new NegotiationRequest(SAMPLE.caseId(), SAMPLE.asOf(), SAMPLE.borrower(),
        SAMPLE.debts(), text);
    assertFalse(request.toString().contains(hidden), request.toString());
    Transaction row = new Transaction("t.csv", 2, 1, LocalDateTime.of(2026, 5, 1, 10, 0), Direction.DEBIT,
        Money.ofFen(100), "张三", "", text, "", "", "", "", "", null);
    assertFalse(row.toString().contains(hidden), row.toString());
  }
}
