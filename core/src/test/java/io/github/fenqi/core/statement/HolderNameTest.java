package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolderNameTest {
  @ParameterizedTest
  @CsvSource({
      "周子航, true", "*子航, true", "周*航, true", "周 子航, true", // equal, or agreeing wherever not masked
      "李子航, false", "*子帆, false", "***, false", "周子, false", "'', false"})
  void maskedFormsMatchWhereverTheyAreNotMaskedAndNothingElseDoes(String counterparty, boolean same) {
    assertEquals(same, StatementAnalyzer.sameName(counterparty, "周子航"), counterparty);
  }

  /**
   * One '*' masks one character, also one beyond the BMP (𠮷, U+20BB7, two chars in UTF-16): 周* had been refused as
   * 周𠮷 for its length, so the holder's own transfers counted as income or spending.
   */
  @ParameterizedTest
  @CsvSource({"周*, true", "*𠮷, true", "周𠮷, true", "**, false", "周**, false", "周*航, false", "李*, false", "*吉, false"})
  void aMaskHidesOneCharacterEvenBeyondTheBasicPlane(String counterparty, boolean same) {
    assertEquals(same, StatementAnalyzer.sameName(counterparty, "周𠮷"), counterparty);
  }

  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";

  /**
   * A bank's export names its holder before the header (户名：周子航, 账户名称: 周子航 卡号: …, 客户姓名,周子航); it had
   * been ignored, so 2000.00 moved from the holder's card at one bank to their card at the other, 对方户名 周子航 on both
   * sides, counted as 2000.00 received and 2000.00 spent unless the caller named the holder.
   */
  @Test
  void aBankPreambleNamesTheHolderSoMovesBetweenTheirCardsAreNotIncome() {
    String out = "招商银行交易流水\n户名：周子航,,,,,,,,\n账号：6214********3821\n" + BANK_HEADER
        + "2026-05-11,12:02:40,转账,,2000.00,7999.65,周子航,6222********1234,手机银行\n";
    String in = "中国工商银行借记卡账户历史明细\n账户名称: 周子航   卡号: 6222********1234\n" + BANK_HEADER
        + "2026-05-11,12:02:50,转账,2000.00,,2100.00,周子航,6214********3821,手机银行\n";
    ParsedStatement cmb = StatementParser.bank().parse("cmb.csv", out.getBytes(StandardCharsets.UTF_8));
    ParsedStatement icbc = StatementParser.bank().parse("icbc.csv", in.getBytes(StandardCharsets.UTF_8));
    assertEquals(Optional.of("周子航"), cmb.holder());
    assertEquals(Optional.of("周子航"), icbc.holder());
    assertEquals(Optional.of("周子航"), StatementParser.bank().parse("c.csv", ("客户姓名,周子航,,\n" + BANK_HEADER)
        .getBytes(StandardCharsets.UTF_8)).holder());
    assertEquals(Optional.empty(), StatementParser.bank().parse("c.csv", ("户名：\n" + BANK_HEADER)
        .getBytes(StandardCharsets.UTF_8)).holder());
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(cmb, icbc));
    assertEquals(2, a.removed(RemovalKind.INTERNAL_TRANSFER));
    assertEquals(Money.ZERO, a.months().get(0).income());
    assertEquals(Money.ZERO, a.months().get(0).otherSpending());
  }

  /**
   * The borrower's name as typed ({@code --holder "周 子航"}, a full-width space U+3000 or a no-break space from a
   * copied document, a minority or foreign name's middle dot ·, written 买买提·艾力, 买买提艾力 or 买买提 艾力, a masked
   * export's full-width ＊) and the holder an export states are compared alike on both sides: the forensics had compared
   * them exactly, so the borrower's own statement was BLOCKed as another person's (HOLDER_MISMATCH), while cleaning,
   * which dropped only ASCII spaces, took the same name for the holder.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "周子航|周 子航", "周子航|周\u3000子航", "周子航|周\u00A0子航", "周子航|\u3000周子航 ", "周 子航|周子航",
      "买买提·艾力|买买提 艾力", "买买提·艾力|买买提艾力", "买买提艾力|买买提·艾力", "买买提・艾力|买买提·艾力",
      "买买提·艾力|买买提.艾力", "*子航|周 子航", "周*航|周\u3000子航", "＊子航|周子航", "***·艾力|买买提 艾力",
      "ZHOU ZIHANG|Zhou Zihang", "周子航|周\u200B子航"})
  void spacesDotsAndWidthsAreComparedAlikeOnBothSides(String stated, String typed) {
    assertEquals(true, StatementForensics.sameName(stated, typed), stated + " vs " + typed);
    assertEquals(true, StatementAnalyzer.sameName(stated, typed), stated + " vs " + typed);
  }

  /** Normalising spaces and dots makes no other name the same: a masked name still agrees only where it is shown. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"周子航|周 子帆", "*子航|李 子帆", "周*航|周子", "买买提·艾力|买买提", "周子航|周子 航 宇",
      "周 子|周子航"})
  void otherNamesStillDiffer(String stated, String typed) {
    assertEquals(false, StatementForensics.sameName(stated, typed), stated + " vs " + typed);
    assertEquals(false, StatementAnalyzer.sameName(stated, typed), stated + " vs " + typed);
  }

  /** {@code fenqi statement ingest --holder "周 子航"} against Alipay's 姓名：周子航 had been BLOCK / HOLDER_MISMATCH. */
  @Test
  void theBorrowersNameWithASpaceDoesNotBlockTheirOwnStatement() {
    ParsedStatement alipay = StatementParser.parseDetected("alipay_A.csv",
        io.github.fenqi.core.testkit.Samples.bytes("samples/statements/alipay_A.csv"));
    StatementAnalysis a = StatementAnalyzer.builder().holderNames("周 子航").build().analyze(List.of(alipay));
    for (String typed : List.of("周 子航", "周\u3000子航", "周\u00A0子航")) {
      ForensicReport r = StatementForensics.defaults().examine(List.of(alipay), a, null, typed);
      assertEquals(ForensicVerdict.PASS, r.verdict(), typed + ": " + r.signals());
    }
    assertEquals(ForensicVerdict.BLOCK, StatementForensics.defaults().examine(List.of(alipay), a, null, "周 子帆")
        .verdict());
  }

  /**
   * A bank's preamble may name a holder whose name holds a space (户名：ZHOU ZIHANG, a foreign resident's card; 户名：买买提
   * 艾力): the name had been cut at its first space, so the holder read was ZHOU and the borrower's own statement was
   * blocked as another person's. The name ends where a field written after it on the line begins (two spaces or a
   * tab, a label such as 卡号 or 账号, a token with a colon or a digit), not at any space.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "户名：ZHOU ZIHANG,,,,,,,,|ZHOU ZIHANG", "户名：买买提 艾力 卡号：6222********1234|买买提 艾力",
      "账户名称: 周子航   卡号: 6222********1234|周子航", "户名：周子航 卡号 6222********1234|周子航",
      "户名：周子航 账号6222********1234|周子航", "户名：周子航\t币种：人民币|周子航", "户名：[JOHN SMITH] 账号：6222|JOHN SMITH",
      "户名,ZHOU ZIHANG,账号,6222|ZHOU ZIHANG"})
  void aHolderNameWithASpaceIsReadWhole(String line, String holder) {
    ParsedStatement s = StatementParser.bank().parse("b.csv", (line + "\n" + BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,10.00,,超市,,POS\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(Optional.of(holder), s.holder(), line);
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(s));
    assertEquals(ForensicVerdict.PASS, StatementForensics.defaults().examine(List.of(s), a, null, holder.toLowerCase(
        java.util.Locale.ROOT)).verdict(), line);
  }
}
