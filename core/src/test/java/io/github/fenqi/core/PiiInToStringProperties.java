package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.statement.Direction;
import io.github.fenqi.core.statement.Transaction;
import io.github.fenqi.core.testkit.RandomIdentifiers;
import io.github.fenqi.core.testkit.Samples;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

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
    // the sample borrower's region code, shown in clear, is the hidden middle of the mobiles 1x 310000 xxx: 1 seed in
    // 3 million, about 1 run in 15 000 of 200 tries
    String outsideTheRegionCode = request.toString().replace("regionCode=" + SAMPLE.borrower().regionCode(), "#");
    assertFalse(outsideTheRegionCode.contains(hidden), request.toString());
    Transaction row = new Transaction("t.csv", 2, 1, LocalDateTime.of(2026, 5, 1, 10, 0), Direction.DEBIT,
        Money.ofFen(100), "张三", "", text, "", "", "", "", "", null);
    assertFalse(row.toString().contains(hidden), row.toString());
  }

  @Example
  void aMobileWhoseMiddleIsTheSampleRegionCodeIsNotFoundThere() {
    aNoteOrDescriptionQuotingAnIdentifierIsMaskedInToString(4161352); // draws the mobile 13310000861
  }

  /**
   * A note is the borrower's own words and names them as often as their numbers ("我叫张三", "本人張三"), or writes their
   * mobile as it is read aloud (一三八一二三四一二三四): the request's {@code toString} had masked the borrower's name in
   * {@code borrower=} and printed it in clear a few characters later in {@code hardshipNote=}, where the scripts quote
   * the same note with the name and the borrower's own numbers masked in any form.
   */
  @Test
  void aNoteQuotingTheBorrowersOwnNameOrNumbersInAnyFormIsMaskedInToString() {
    // the sample borrower: 张三, ID number 11010519491231002X, mobile 13812341234
    List<String> notes = List.of("我叫张三，请联系我", "本人張三，失业了", "张 三", "手机一三八一二三四一二三四",
        "身份证110105·19491231·002X");
    List<String> clear = List.of("张三", "張三", "张 三", "一三八一二三四一二三四", "19491231");
    List<String> leaked = new java.util.ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      NegotiationRequest request = new NegotiationRequest(SAMPLE.caseId(), SAMPLE.asOf(), SAMPLE.borrower(),
          SAMPLE.debts(), notes.get(i));
      String shown = request.toString();
      if (shown.contains(clear.get(i))) {
        leaked.add(shown.substring(shown.indexOf("hardshipNote=")));
      }
    }
    assertEquals(List.of(), leaked);
    NegotiationRequest named = new NegotiationRequest(SAMPLE.caseId(), SAMPLE.asOf(), SAMPLE.borrower(),
        SAMPLE.debts(), "我叫张三，请联系我");
    assertEquals("hardshipNote=我叫张*，请联系我]", named.toString().substring(named.toString().indexOf("hardshipNote=")));
  }

  /**
   * The script options and the script request a custom {@code ScriptGenerator} is handed hold the same note: their
   * record {@code toString}s had printed it whole, the borrower's name, mobile, ID number and card in clear, into the
   * log of any generator that logged its request.
   */
  @Test
  void theNoteInScriptOptionsAndRequestsIsMaskedInToString() {
    String note = "我叫张三，手机13812341234，身份证11010519491231002X，卡6222021234567890123";
    List<String> clear = List.of("张三", "13812341234", "19491231", "1234567890");
    io.github.fenqi.core.script.ScriptOptions options = new io.github.fenqi.core.script.ScriptOptions(
        io.github.fenqi.core.script.ScriptLanguage.ZH_CN, note);
    List<io.github.fenqi.core.script.ScriptRequest> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.github.fenqi.core.script.ScriptGenerator shipped = io.github.fenqi.core.script.ScriptGenerator.defaults();
    NegotiationEngine engine = NegotiationEngine.builder()
        .policies(io.github.fenqi.core.policy.InMemoryPolicyRepository.of(Samples.policies()))
        .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-11-25T02:00:00Z"), NegotiationEngine.CASE_ZONE))
        .scriptGenerator(r -> {
          asked.add(r);
          return shipped.generate(r);
        }).build();
    NegotiationRequest noted = Samples.sampleCaseWithIncome(Money.of("60000.00"));
    engine.calculate(new NegotiationRequest(noted.caseId(), noted.asOf(), noted.borrower(), noted.debts(), note));
    List<String> leaked = new java.util.ArrayList<>();
    // the options know no borrower, and so no name: their note is masked as Masking.redact masks any text
    clear.stream().skip(1).filter(options.toString()::contains).forEach(c -> leaked.add(c + " in the options"));
    clear.stream().filter(asked.get(0).toString()::contains).forEach(c -> leaked.add(c + " in the request"));
    assertEquals(List.of(), leaked);
    assertEquals("ScriptOptions[language=ZH_CN, hardshipNote=我叫张三，手机138****1234，身份证110***********002X，"
        + "卡622202*********0123]", options.toString());
    String request = asked.get(0).toString();
    assertEquals("options=ScriptOptions[language=ZH_CN, hardshipNote=我叫张*，手机138****1234，身份证110***********002X，"
        + "卡622202*********0123]]", request.substring(request.indexOf("options=")));
  }

  /**
   * A parsed statement states its holder's name (Alipay's 姓名): the record's own {@code toString} had printed
   * {@code holderName=周子航} in clear, where each of its rows shows a counterparty masked.
   */
  @Test
  void aStatementsHolderIsMaskedInToString() {
    io.github.fenqi.core.statement.ParsedStatement alipay = io.github.fenqi.core.statement.StatementParser
        .parseDetected("alipay_A.csv", Samples.bytes("samples/statements/alipay_A.csv"));
    assertEquals("周子航", alipay.holderName());
    String shown = alipay.toString();
    assertFalse(shown.contains("周子航"), shown.substring(0, 200));
    assertTrue(shown.startsWith("ParsedStatement[source=alipay_A.csv, format=ALIPAY, encoding=GBK, holderName=周**, "
        + "headerLine="), shown.substring(0, 200));
  }
}
