package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementParserTest {
  private static final String BANK_HEADER = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void malformedRowsAreRejectedWithFileLineAndReasonAndTheRestKept() {
    String csv = BANK_HEADER
        + "2026-05-01,20:15:03,转账-房租,,2800.00,1415.48,钱文斌,6228****5512,手机银行\n"
        + "2026-05-02,09:00:00,POS消费,,abc,1400.00,超市,,POS\n"
        + "2026-13-02,09:00:00,POS消费,,12.00,1400.00,超市,,POS\n"
        + "2026-05-03,09:00:00,POS消费,5.00,12.00,1400.00,超市,,POS\n"
        + "2026-05-04,09:00:00,\"POS消费,,12.00,1400.00,超市,,POS\n"
        + "\n"
        + "2026-05-05,10:00:00,代发工资,8000.00,,9400.00,某某科技有限公司,,批量代发\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(csv));
    assertEquals(6, s.rowsRead());
    assertEquals(2, s.transactions().size());
    assertEquals(List.of("b.csv:3", "b.csv:4", "b.csv:5", "b.csv:6"), s.rejected().stream().map(Problem::location).toList());
    assertTrue(s.rejected().get(0).reason().contains("支出金额"), s.rejected().get(0).reason());
    assertTrue(s.rejected().get(1).reason().contains("交易日期"), s.rejected().get(1).reason());
    assertTrue(s.rejected().get(2).reason().contains("both"), s.rejected().get(2).reason());
    assertTrue(s.rejected().get(3).reason().startsWith("摘要 opens a quote"), s.rejected().get(3).reason());
    Transaction salary = s.transactions().get(1);
    assertEquals(8, salary.fileLine());
    assertEquals(Direction.CREDIT, salary.direction());
    assertEquals(Money.of("8000.00"), salary.amount());
    assertEquals(LocalDateTime.of(2026, 5, 5, 10, 0), salary.time());
  }

  /**
   * Each date form an export uses is read, and none is guessed: with every separator optional, {@code 2026111} had been
   * read as 1 November and {@code 202651} as 1 May, silently.
   */
  private static final String SPREADSHEET = ": it looks like a spreadsheet's number for a date or time, as a column "
      + "formatted as a number saves one; if the file was saved from a spreadsheet, give the export as it was "
      + "downloaded, or format the column as a date and time before saving";

  @Test
  void datesAndTimesAreReadInEveryUnambiguousFormAndNoOtherIsGuessed() {
    String[][] read = {
      {"2026/5/1", "9:31", "2026-05-01T09:31"}, {"2026年5月2日", "093112", "2026-05-02T09:31:12"},
      {"20260503", "", "2026-05-03T00:00"}, {"2026.5.4", "23:59:59", "2026-05-04T23:59:59"},
      {"2026-05-05 10:00", "", "2026-05-05T10:00"}, {"2026-05-06T10:00:01", "", "2026-05-06T10:00:01"},
      {"20260507 101010", "", "2026-05-07T10:10:10"}, {"2026年5月8日 8:05", "", "2026-05-08T08:05"},
      // the compact date and time of payment systems, in the date column or in the time column beside its day
      {"20260509101112", "", "2026-05-09T10:11:12"}, {"2026-05-10", "20260510235959", "2026-05-10T23:59:59"},
    };
    StringBuilder csv = new StringBuilder(BANK_HEADER);
    for (String[] r : read) {
      csv.append(r[0]).append(',').append(r[1]).append(",POS消费,,1.00,,超市,,POS\n");
    }
    String[][] refused = {
      {"2026111", "", "交易日期 '2026111' is not a date and time"}, {"202651", "", "交易日期 '202651' is not a date and time"},
      {"2026-5/1", "", "交易日期 '2026-5/1' is not a date and time"},
      {"2026-05-09 1010", "", "交易日期 '2026-05-09 1010' is not a date and time"},
      {"2026-02-30", "", "交易日期 '2026-02-30' is not a valid date and time"},
      {"2026-05-10", "0931", "交易时间 '0931' is not a time"},
      {"2026-05-10", "256000", "交易时间 '256000' is not a valid time"},
      // a spreadsheet's numbers for a day and a time (a column saved formatted as a number) are named as such, not read:
      // the day is not certain (a workbook of the 1904 date system counts 1 462 lower)
      {"46153.395833", "", "交易日期 '46153.395833' is not a date and time" + SPREADSHEET},
      {"46153", "", "交易日期 '46153' is not a date and time" + SPREADSHEET},
      {"2026-05-11", "0.395833", "交易时间 '0.395833' is not a time" + SPREADSHEET},
      {"2026-05-11", ".5", "交易时间 '.5' is not a time" + SPREADSHEET},
      {"2026-05-11", "46153.395833", "交易时间 '46153.395833' is not a time" + SPREADSHEET},
      // the bounds of the days counted (32000, 1987-08-10, to 73999, 2102-08-05): a smaller or larger number is not
      // named a spreadsheet's, nor a fraction longer than a spreadsheet writes
      {"32000", "", "交易日期 '32000' is not a date and time" + SPREADSHEET},
      {"31999", "", "交易日期 '31999' is not a date and time"},
      {"65000", "", "交易日期 '65000' is not a date and time" + SPREADSHEET},
      {"73999.5", "", "交易日期 '73999.5' is not a date and time" + SPREADSHEET},
      {"74000", "", "交易日期 '74000' is not a date and time"},
      {"46153.1234567890123456", "", "交易日期 '46153.123456******3456' is not a date and time"}, // masked as a number
      {"20261", "", "交易日期 '20261' is not a date and time"}, {"2026-05-11", "1.5", "交易时间 '1.5' is not a time"},
      // a compact date and time is read whole or not at all: an impossible time, 13 or 15 digits, another day
      {"20260512256000", "", "交易日期 '202605****6000' is not a valid date and time"},
      {"2026051210111", "", "交易日期 '202605***0111' is not a date and time"},
      {"202605121011120", "", "交易日期 '202605*****1120' is not a date and time"},
      {"2026-05-12", "20260513101112", "交易时间 '202605****1112' is another day than 交易日期 '2026-05-12'"},
      // 14 characters are read so only when all are digits: 2026.5.1 then 101112, or 2026.5.11 then 01112?
      {"2026.5.1101112", "", "交易日期 '2026.5.1101112' is not a date and time"},
    };
    for (String[] r : refused) {
      csv.append(r[0]).append(',').append(r[1]).append(",POS消费,,1.00,,超市,,POS\n");
    }
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(csv.toString()));
    assertEquals(java.util.Arrays.stream(read).map(r -> LocalDateTime.parse(r[2])).toList(),
        s.transactions().stream().map(Transaction::time).toList());
    assertEquals(java.util.Arrays.stream(refused).map(r -> r[2]).toList(),
        s.rejected().stream().map(Problem::reason).toList());
  }

  /**
   * A time that carries its zone had every row rejected as "not a date and time", which did not say what was wrong.
   * The exports write Beijing time, which is what a row's time is read as (dates are dates in China): an offset of
   * +08:00 (+0800, +08, GMT+8) says just that and is read; any other zone or offset is refused naming the column and
   * the zone (CST also names US Central time), not converted: the day it gives a row decides its month.
   */
  @Test
  void aTimeWithItsZoneIsReadAtPlusEightAndAnyOtherZoneIsRefusedNamingIt() {
    String[][] read = {
      {"2026-05-01T10:00:00+08:00", "", "2026-05-01T10:00"}, {"2026-05-02 10:00:01 +0800", "", "2026-05-02T10:00:01"},
      {"2026-05-03 10:00+08", "", "2026-05-03T10:00"}, {"2026-05-04 10:00:00 GMT+8", "", "2026-05-04T10:00"},
      {"2026-05-05", "10:00:00+08:00", "2026-05-05T10:00"}, {"2026-05-06", "10:00:00 UTC+08:00", "2026-05-06T10:00"},
    };
    StringBuilder csv = new StringBuilder(BANK_HEADER);
    for (String[] r : read) {
      csv.append(r[0]).append(',').append(r[1]).append(",POS消费,,1.00,,超市,,POS\n");
    }
    String[][] refused = {
      {"2026-05-07T10:00:00Z", "", "交易日期 '2026-05-07T10:00:00Z' ends in the zone 'Z'"},
      {"2026-05-08 10:00:00 CST", "", "交易日期 '2026-05-08 10:00:00 CST' ends in the zone 'CST'"},
      {"2026-05-09T10:00:00-05:00", "", "交易日期 '2026-05-09T10:00:00-05:00' ends in the zone '-05:00'"},
      {"2026-05-10", "10:00:00+09:00", "交易时间 '10:00:00+09:00' ends in the zone '+09:00'"},
    };
    for (String[] r : refused) {
      csv.append(r[0]).append(',').append(r[1]).append(",POS消费,,1.00,,超市,,POS\n");
    }
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(csv.toString()));
    assertEquals(java.util.Arrays.stream(read).map(r -> LocalDateTime.parse(r[2])).toList(),
        s.transactions().stream().map(Transaction::time).toList());
    assertEquals(List.of("b.csv:8", "b.csv:9", "b.csv:10", "b.csv:11"),
        s.rejected().stream().map(Problem::location).toList());
    for (int i = 0; i < refused.length; i++) {
      String reason = s.rejected().get(i).reason();
      assertTrue(reason.startsWith(refused[i][2] + ", which is not read: times are read as Beijing time (UTC+08:00)"),
          reason);
    }
    assertTrue(s.rejected().get(1).reason().contains("US Central"), s.rejected().get(1).reason());
  }

  /**
   * A time with a fraction of a second ({@code 10:00:00.0}, as a database's timestamp is written, or {@code .123}) had
   * every row of such an export rejected as "not a date and time"; it is read, the fraction kept. A fraction after
   * minutes alone, or of more than nine digits, is still refused.
   */
  @Test
  void aTimeWithAFractionOfASecondIsRead() {
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01 10:00:00.0,,POS消费,,1.00,,超市,,POS\n"
        + "2026-05-02,10:00:00.123,POS消费,,1.00,,超市,,POS\n"
        + "2026-05-03T10:00:00.000+08:00,,POS消费,,1.00,,超市,,POS\n"
        + "2026-05-04,10:00.5,POS消费,,1.00,,超市,,POS\n"
        + "2026-05-05 10:00:00.1234567890,,POS消费,,1.00,,超市,,POS\n"));
    assertEquals(List.of(LocalDateTime.parse("2026-05-01T10:00"), LocalDateTime.parse("2026-05-02T10:00:00.123"),
        LocalDateTime.parse("2026-05-03T10:00")), s.transactions().stream().map(Transaction::time).toList());
    assertEquals(List.of("b.csv:5", "b.csv:6"), s.rejected().stream().map(Problem::location).toList());
  }

  /**
   * A statement saved with tabs or semicolons between its fields (Excel's "Unicode text", a spreadsheet in a European
   * locale) had been refused as holding no header line, with a hint at a column mapping, which could not read it. Its
   * header line is named, saying what separates the fields and to save the file as CSV.
   */
  @Test
  void aStatementSeparatedByTabsOrSemicolonsIsRefusedSayingSo() {
    String bank = new String(Samples.bytes("samples/statements/bank_A.csv"), StandardCharsets.UTF_8);
    String wechat = new String(Samples.bytes("samples/statements/wechat_A.csv"), StandardCharsets.UTF_8);
    Object[][] cases = {
      {bank.replace(",", "\t"), "b.csv:1", "tabs", StatementParser.bank()},
      {bank.replace(",", ";"), "b.csv:1", "semicolons", StatementParser.bank()},
      {wechat.replace(",", "\t"), "b.csv:17", "tabs", StatementParser.wechat()},
    };
    for (Object[] c : cases) {
      byte[] content = utf8((String) c[0]);
      StatementParser parser = (StatementParser) c[3];
      for (java.util.function.Supplier<ParsedStatement> read : List.<java.util.function.Supplier<ParsedStatement>>of(
          () -> StatementParser.parseDetected("b.csv", content), () -> parser.parse("b.csv", content))) {
        InvalidInputException e = assertThrows(InvalidInputException.class, read::get);
        assertEquals(c[1], e.problems().get(0).location());
        assertTrue(e.problems().get(0).reason().contains("its fields are separated by " + c[2] + ", not commas"),
            e.problems().get(0).reason());
      }
    }
  }

  /**
   * Reading stops at a closing '---' line, where exports put their footer; rows after it were dropped without a word
   * (an export split by a rule line lost its later months). Each is now listed as rejected; footer prose is not.
   */
  @Test
  void rowsAfterAClosingRuleLineAreListedNotDroppedSilently() {
    String csv = BANK_HEADER
        + "2026-05-01,20:15:03,转账-房租,,2800.00,1415.48,钱文斌,6228****5512,手机银行\n"
        + "------------------------------------\n"
        + "2026-06-01,20:15:03,转账-房租,,2800.00,815.48,钱文斌,6228****5512,手机银行\n"
        + "导出时间：[2026-11-02 09:15:31]\n"
        + "\n"
        + "2026-06-05,10:00:00,代发工资,8000.00,,8815.48,某某科技有限公司,,批量代发\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(csv));
    assertEquals(1, s.transactions().size());
    assertEquals(List.of(Problem.of("b.csv:4", "a row after the closing '---' line 3, where reading stops; remove that "
        + "line if the statement goes on after it"), Problem.of("b.csv:7", "a row after the closing '---' line 3, where "
        + "reading stops; remove that line if the statement goes on after it")), s.rejected());
    assertEquals(3, s.rowsRead());
  }

  @Test
  void aFileThatIsNotAStatementIsRejectedNamingIt() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> StatementParser.parseDetected("notes.txt", utf8("hello,world\nthis is not a bill\n")));
    assertEquals("notes.txt", e.problems().get(0).location());
    assertTrue(e.problems().get(0).reason().contains("not a statement"));
    InvalidInputException wrongFormat = assertThrows(InvalidInputException.class,
        () -> StatementParser.alipay().parse("wechat.csv", Samples.bytes("samples/statements/wechat_A.csv")));
    assertTrue(wrongFormat.getMessage()
        .contains("wechat.csv: not a statement in the alipay format but in the wechat format"),
        wrongFormat.getMessage());
    byte[] binary = {(byte) 0xFF, (byte) 0x00, (byte) 0x81, (byte) 0xFF, (byte) 0x80};
    assertThrows(InvalidInputException.class, () -> StatementParser.parseDetected("x.bin", binary));
  }

  /**
   * WeChat Pay and many banks offer an Excel workbook or a PDF beside (or instead of) the CSV; handed one, the parser
   * says what the file is and what to do, whether the format was detected or given.
   */
  @Test
  void aWorkbookOrAPdfIsNamedAsSuchWithWhatToDoInstead() throws Exception {
    java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) { // an xlsx is a zip of XML parts
      out.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
      out.write(utf8("<?xml version=\"1.0\"?><Types/>"));
      out.closeEntry();
    }
    byte[] xlsx = zip.toByteArray();
    byte[] pdf = utf8("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    for (var c : List.of(List.of("bill.xlsx", xlsx, "Excel workbook (.xlsx)"), List.of("bill.pdf", pdf, "a PDF"),
        List.of("bill.xls", xls, "legacy Excel file (.xls)"))) {
      String name = (String) c.get(0);
      byte[] bytes = (byte[]) c.get(1);
      InvalidInputException detected = assertThrows(InvalidInputException.class,
          () -> StatementParser.parseDetected(name, bytes));
      assertEquals(name, detected.problems().get(0).location());
      assertTrue(detected.problems().get(0).reason().startsWith("not a statement: ")
          && detected.problems().get(0).reason().contains((String) c.get(2)), detected.getMessage());
      InvalidInputException given = assertThrows(InvalidInputException.class,
          () -> StatementParser.wechat().parse(name, bytes));
      assertEquals(detected.problems(), given.problems());
    }
  }

  /**
   * A statement saved as UTF-16 without a byte-order mark (a spreadsheet's or a script's "Unicode"), or as UTF-32 with
   * or without one, had been refused as having no header line, which did not say what was wrong. Its NUL bytes give
   * its encoding away: it is refused naming it and saying to save the file as UTF-8, whether the format was detected
   * or given. A UTF-16 file with its byte-order mark is still read.
   */
  @Test
  void aFileInUtf16WithoutAMarkOrInUtf32IsRefusedNamingItsEncoding() {
    String bank = new String(io.github.fenqi.core.testkit.Samples.bytes("samples/statements/bank_A.csv"),
        StandardCharsets.UTF_8);
    for (String encoding : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
      for (String text : List.of(bank, "\uFEFF" + bank)) {
        if (text.startsWith("\uFEFF") && encoding.startsWith("UTF-16")) {
          continue; // UTF-16 with a byte-order mark is read
        }
        byte[] bytes = text.getBytes(java.nio.charset.Charset.forName(encoding));
        InvalidInputException detected = assertThrows(InvalidInputException.class,
            () -> StatementParser.parseDetected("b.csv", bytes));
        String reason = detected.problems().get(0).reason();
        assertTrue(reason.startsWith("not a statement: ") && reason.contains(encoding) && reason.contains("UTF-8"),
            encoding + ": " + reason);
        InvalidInputException given = assertThrows(InvalidInputException.class,
            () -> StatementParser.bank().parse("b.csv", bytes));
        assertEquals(detected.problems(), given.problems(), encoding);
      }
    }
    ParsedStatement marked = StatementParser.parseDetected("b.csv", ("\uFEFF" + bank).getBytes(StandardCharsets.UTF_16LE));
    assertEquals("UTF-16", marked.encoding());
    assertEquals(86, marked.transactions().size());
  }

  /**
   * An export in Big5 (traditional Chinese, as a Hong Kong or Taiwan Windows saves text) decodes without an error as
   * GBK, into other characters: it had been refused as having no header line, which did not say what was wrong. Its
   * header decoded as Big5 holds the column names of a statement in traditional characters, which GBK text decoded so
   * practically never does: it is refused naming Big5, whether the format is detected or given, as UTF-16 without its
   * mark is. The same rows in GBK or UTF-8 (simplified) are still read, and traditional characters in a GBK export's
   * rows say nothing of Big5.
   */
  @Test
  void anExportInBig5IsRefusedNamingItsEncoding() {
    Charset big5 = Charset.forName("Big5");
    String bank = "交易日期,交易時間,摘要,收入金額,支出金額,賬戶餘額,對方戶名,對方賬號,交易渠道\n"
        + "2026-05-01,10:00:00,POS消費,,12.00,988.00,臺北超市,,POS\n";
    String wechat = "微信支付賬單明細,,,,,,,,,,\n"
        + "交易時間,交易類型,交易對方,商品,收/支,金額(元),支付方式,當前狀態,交易單號,商戶單號,備註\n"
        + "2026-05-01 10:00:00,商戶消費,超市,牛奶,支出,¥10.00,零錢,支付成功,1,2,/\n";
    for (String text : List.of(bank, wechat)) {
      byte[] bytes = text.getBytes(big5);
      InvalidInputException detected = assertThrows(InvalidInputException.class,
          () -> StatementParser.parseDetected("t.csv", bytes));
      String reason = detected.problems().get(0).reason();
      assertTrue(reason.startsWith("not a statement: ") && reason.contains("Big5") && reason.contains("UTF-8"), reason);
      for (StatementFormat format : StatementFormat.values()) {
        InvalidInputException given = assertThrows(InvalidInputException.class,
            () -> StatementParser.of(format).parse("t.csv", bytes));
        assertEquals(detected.problems(), given.problems(), format.toString());
      }
    }
    String traditionalRows = BANK_HEADER + "2026-05-01,10:00:00,POS消費,,12.00,988.00,臺北超市對方賬號餘額,,POS\n";
    ParsedStatement gbk = StatementParser.parseDetected("g.csv", traditionalRows.getBytes(Charset.forName("GB18030")));
    assertEquals(List.of("臺北超市對方賬號餘額"), gbk.transactions().stream().map(Transaction::counterparty).toList());
  }

  /**
   * A byte-order mark that is not the file's first bytes is a U+FEFF character of the text: a UTF-8 file saved again by
   * a tool that adds one (two marks), a GB18030 file written with its own (84 31 95 33), or two exports joined with
   * {@code cat} (the second's mark before its header). Its header had been "lacking 交易日期" and the file refused, and
   * the joined header a rejected row; the mark is no part of a field, as a no-break space is not.
   */
  @Test
  void aByteOrderMarkInsideTheTextIsNoPartOfAField() {
    String rows = BANK_HEADER + "2026-05-01,10:00:00,POS消费,,1.00,999.00,超市,,POS\r\n";
    ParsedStatement twice = StatementParser.parseDetected("b.csv", utf8("\uFEFF\uFEFF" + rows));
    assertEquals(1, twice.transactions().size(), twice.rejected().toString());
    ParsedStatement gb = StatementParser.parseDetected("b.csv", ("\uFEFF" + rows).getBytes(Charset.forName("GB18030")));
    assertEquals("GBK", gb.encoding());
    assertEquals(1, gb.transactions().size(), gb.rejected().toString());
    String second = BANK_HEADER + "2026-05-02,10:00:00,POS消费,,1.00,998.00,超市,,POS\n";
    ParsedStatement joined = StatementParser.parseDetected("b.csv", utf8("\uFEFF" + rows + "\uFEFF" + second));
    assertEquals(List.of("b.csv:2", "b.csv:4"), joined.transactions().stream().map(Transaction::location).toList());
    assertEquals(List.of(), joined.rejected());
  }

  /**
   * A UTF-8 export with one line added in GBK (an editor that saved the row it changed in the system's encoding) is
   * refused naming that line, whether the format is given or detected: the whole file had been decoded as GBK, its
   * header read as other characters, and it was refused as having no header line.
   */
  @Test
  void aUtf8ExportWithALineInGbkIsRefusedNamingTheLine() {
    String text = new String(Samples.bytes("samples/statements/bank_A.csv"), StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < lines.length; i++) {
      byte[] line = (lines[i] + (i + 1 < lines.length ? "\n" : ""))
          .getBytes(i == 3 ? Charset.forName("GB18030") : StandardCharsets.UTF_8);
      bytes.write(line, 0, line.length);
    }
    byte[] content = bytes.toByteArray();
    for (InvalidInputException e : List.of(
        assertThrows(InvalidInputException.class, () -> StatementParser.parseDetected("bank.csv", content)),
        assertThrows(InvalidInputException.class, () -> StatementParser.bank().parse("bank.csv", content)))) {
      assertEquals("bank.csv:4", e.problems().get(0).location(), e.getMessage());
      assertTrue(e.problems().get(0).reason().startsWith("is not UTF-8 text, though the lines before it"),
          e.getMessage());
    }
    // the same file all in GBK is read, and an ASCII-only start says nothing of UTF-8 over GBK
    assertEquals("GBK", StatementParser.parseDetected("bank.csv", text.getBytes(Charset.forName("GB18030")))
        .encoding());
  }

  @Test
  void encodingIsDetectedFromTheBytesNotAssumed() {
    String alipayText = new String(Samples.bytes("samples/statements/alipay_A.csv"), Charset.forName("GB18030"));
    ParsedStatement asGbk = StatementParser.parseDetected("a.csv", alipayText.getBytes(Charset.forName("GB18030")));
    ParsedStatement asUtf8 = StatementParser.parseDetected("a.csv", utf8(alipayText));
    assertEquals("GBK", asGbk.encoding());
    assertEquals("UTF-8", asUtf8.encoding());
    assertEquals(asGbk.transactions(), asUtf8.transactions());
    assertEquals("周子航", asUtf8.holder().orElseThrow());

    String wechatText = new String(Samples.bytes("samples/statements/wechat_A.csv"), StandardCharsets.UTF_8).substring(1);
    ParsedStatement wechatGbk = StatementParser.parseDetected("w.csv", wechatText.getBytes(Charset.forName("GB18030")));
    assertEquals("GBK", wechatGbk.encoding());
    assertEquals(82, wechatGbk.transactions().size());
  }

  @Test
  void wechatAmountsAndNeutralRows() {
    ParsedStatement s = StatementParser.wechat().parse("w.csv", Samples.bytes("samples/statements/wechat_A.csv"));
    Transaction first = s.transactions().get(0);
    assertEquals(Money.of("42.49"), first.amount());
    assertEquals("肯德基", first.counterparty());
    assertEquals("4200018433202610315212764971", first.serial());
    assertTrue(s.transactions().stream().anyMatch(t -> t.direction() == Direction.NEUTRAL && t.type().equals("零钱提现")));
  }

  @Test
  void bankColumnsAreConfigurable(@TempDir Path dir) throws Exception {
    BankColumnMapping mapping = new BankColumnMapping("记账日期", null, "交易摘要", "贷方发生额", "借方发生额", null, "对方名称", null, null);
    Path file = dir.resolve("icbc.csv");
    Files.writeString(file, "记账日期,交易摘要,借方发生额,贷方发生额,对方名称\n2026/05/10 09:31,代发工资,,\"8,642.17\",某某公司\n",
        Charset.forName("GB18030"));
    ParsedStatement s = StatementParser.bank(mapping).parse(file.toString(), Files.readAllBytes(file));
    assertEquals(Money.of("8642.17"), s.transactions().get(0).amount());
    assertEquals(LocalDateTime.of(2026, 5, 10, 9, 31), s.transactions().get(0).time());
    assertEquals("GBK", s.encoding());
    InvalidInputException missing = assertThrows(InvalidInputException.class,
        () -> StatementParser.bank(new BankColumnMapping("记账日期", "时间", "交易摘要", "贷方发生额", "借方发生额", null, null, null, null))
            .parse("icbc.csv", Files.readAllBytes(file)));
    assertTrue(missing.getMessage().contains("时间"), missing.getMessage());
    assertThrows(InvalidInputException.class, () -> new BankColumnMapping("", null, "d", "c", "d", null, null, null, null));
  }

  @Test
  void readsAFileFromDiskWithAnExplicitFormat(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bank.csv");
    Files.write(f, Samples.bytes("samples/statements/bank_A.csv"));
    assertEquals(86, StatementParser.read(f, StatementFormat.BANK).rowsRead());
    assertEquals(StatementFormat.BANK, StatementParser.read(f, null).format());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> StatementParser.read(dir.resolve("nope.csv"), null));
    assertTrue(e.getMessage().contains("nope.csv"));
    InvalidInputException paypal = assertThrows(InvalidInputException.class, () -> StatementFormat.parse("--format", "paypal"));
    assertEquals("'paypal' is not a statement format; expected one of [alipay, wechat, bank] (or csv for bank)",
        paypal.problems().get(0).reason());
    // the design card's CLI contract calls the bank format csv
    assertEquals(StatementFormat.BANK, StatementFormat.parse("--format", " CSV "));
    assertEquals("bank", StatementFormat.parse("--format", "csv").id());
  }

  /**
   * A name that is no format is quoted as core quotes a value from outside ({@code Problem.excerpt}): a line break in
   * it had been quoted raw, beginning a forged line of its own in a log, and a name of 10 000 characters whole.
   */
  @Test
  void anUnknownFormatNameIsQuotedEscapedAndCut() {
    InvalidInputException forged = assertThrows(InvalidInputException.class,
        () -> StatementFormat.parse("format", "paypal\nINFO ok"));
    assertEquals("'paypal\\nINFO ok' is not a statement format; expected one of [alipay, wechat, bank] (or csv for "
        + "bank)", forged.problems().get(0).reason());
    InvalidInputException huge = assertThrows(InvalidInputException.class,
        () -> StatementFormat.parse("format", "p".repeat(10_000)));
    assertEquals("'" + "p".repeat(37) + "...' is not a statement format; expected one of [alipay, wechat, bank] "
        + "(or csv for bank)", huge.problems().get(0).reason());
  }

  /**
   * "Any case" is ASCII's: a name with a letter Java's full Unicode rules fold to an ASCII one (a dotless ı, U+0131, a
   * long ſ, U+017F, the Kelvin sign K, U+212A) is no format, as any unknown name is; "al\u0131pay" had been ALIPAY.
   */
  @Test
  void aFormatNameWithALetterOnlyUnicodeFoldsIsUnknown() {
    for (String name : new String[] {"al\u0131pay", "c\u017Fv", "ban\u212A"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> StatementFormat.parse("--format", name));
      assertEquals("'" + name + "' is not a statement format; expected one of [alipay, wechat, bank] (or csv for bank)",
          e.problems().get(0).reason());
    }
    assertEquals(StatementFormat.ALIPAY, StatementFormat.parse("--format", "AliPay"));
  }

  /**
   * Commas in an amount group thousands and nothing else: {@code 12,34} (a decimal comma) had been read as 1234.00 and
   * {@code 1,2,3} as 123.00, a hundred times and more the amount, with no word of it.
   */
  @Test
  void commasThatDoNotGroupThousandsAreRejectedNotRemoved() {
    String csv = BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,\"1,234.50\",,超市,,POS\n"
        + "2026-05-01,10:00:01,POS消费,,\"￥12,345,678\",,超市,,POS\n"
        + "2026-05-01,10:00:02,POS消费,,\"12,34\",,超市,,POS\n"
        + "2026-05-01,10:00:03,POS消费,,\"1,2,3\",,超市,,POS\n"
        + "2026-05-01,10:00:04,POS消费,,\"1234,567.00\",,超市,,POS\n"
        + "2026-05-01,10:00:05,POS消费,,\",123\",,超市,,POS\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(csv));
    assertEquals(List.of(Money.of("1234.50"), Money.of("12345678")), s.transactions().stream().map(Transaction::amount).toList());
    assertEquals(List.of("b.csv:4", "b.csv:5", "b.csv:6", "b.csv:7"), s.rejected().stream().map(Problem::location).toList());
    assertEquals("支出金额 '12,34' has commas that do not group thousands (1,234.56); a decimal comma is not read: write "
        + "the amount with a decimal point", s.rejected().get(0).reason());
  }

  /**
   * A row must hold every column the parser reads, and no more non-empty fields than the header: a file cut mid-row
   * ({@code ...,转账,,12}) had been read as a debit of 12.00 with no balance, a row that lacks a field
   * ({@code 2026-05-02,20:15:03,转账,12.00}) as a credit of 12.00 from the shifted 收入金额, and a counterparty with an
   * unquoted comma had moved its account into 对方户名's neighbour — each without a word.
   */
  @Test
  void aRowCutShortOrWiderThanTheHeaderIsRejectedNotReadShifted() {
    String csv = BANK_HEADER
        + "2026-05-01,20:15:03,转账-房租,,2800.00,1415.48,钱文斌,6228****5512,手机银行\n"
        + "2026-05-02,20:15:03,转账,12.00\n"
        + "2026-05-03,20:15:03,转账,,12.00,1403.48,钱,文斌,6228****5512,手机银行\n"
        + "2026-05-04,20:15:03,转账,,12.00,1391.48,钱文斌,6228****5512,手机银行,,\n"
        + "2026-05-05,20:15:03,转账,,12";
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(csv));
    assertEquals(List.of("b.csv:2", "b.csv:5"), s.transactions().stream().map(Transaction::location).toList());
    assertEquals(List.of(
        Problem.of("b.csv:3", "has 4 fields where the header (line 1) has 9: the row is cut short or lacks a field, so its "
            + "columns cannot be told apart"),
        Problem.of("b.csv:4", "has 10 fields where the header (line 1) has 9: a field holding a comma is not quoted, so "
            + "the columns after it are shifted"),
        Problem.of("b.csv:6", "has 5 fields where the header (line 1) has 9: the row is cut short or lacks a field, so its "
            + "columns cannot be told apart")), s.rejected());

    // Alipay's header ends in a comma, and columns after the last one read (备注) may be left out
    String alipay = "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,\n"
        + "2026-10-31 16:16:07,餐饮美食,瑞幸咖啡,luc,拿铁,支出,17.52,账户余额,交易成功,20261031\t,7077\t\n"
        + "2026-10-31 16:16:08,餐饮美食,瑞幸咖啡,luc,拿铁,支出,17.52,账户余额,交易成功,20261032\n";
    ParsedStatement a = StatementParser.alipay().parse("a.csv", utf8(alipay));
    assertEquals(List.of("a.csv:2"), a.transactions().stream().map(Transaction::location).toList());
    assertEquals(List.of("a.csv:3"), a.rejected().stream().map(Problem::location).toList());
  }

  /**
   * A quoted field may hold line breaks (RFC 4180; a merchant's 商品说明 or a 备注 can): such a row had been rejected as
   * "unterminated quoted field" and its second line as "both 收入金额 and 支出金额 are filled", the spending lost. It is
   * one row now, named by its first line. A stray quote still rejects only its own line, even when a later line has a
   * stray quote too.
   */
  @Test
  void aQuotedFieldWithLineBreaksIsOneRowAndAStrayQuoteTakesNoRowsAlong() {
    String csv = BANK_HEADER
        + "2026-05-01,20:15:03,\"转账\r\n房租\n五月\",,2800.00,1415.48,钱文斌,6228****5512,手机银行\r\n"
        + "2026-05-02,09:00:00,\"POS消费,,12.00,1403.48,超市,,POS\n"
        + "2026-05-03,09:00:00,\"POS消费,,12.00,1391.48,超市,,POS\n"
        + "2026-05-04,10:00:00,代发工资,8000.00,,9391.48,某某科技有限公司,,批量代发\n"
        + "2026-05-05,09:00:00,\"POS\n"
        + "消费\",,1.00,9390.48,超市,,POS,extra\n"
        + "2026-05-06,09:00:00,POS消费,,1.00,9389.48,超市,,POS\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(csv));
    assertEquals(List.of("b.csv:2", "b.csv:7", "b.csv:10"), s.transactions().stream().map(Transaction::location).toList());
    Transaction rent = s.transactions().get(0);
    assertEquals("转账 房租 五月", rent.description());
    assertEquals(Money.of("2800.00"), rent.amount());
    assertEquals(List.of(1, 4, 7), s.transactions().stream().map(Transaction::dataRow).toList());
    assertEquals(List.of("b.csv:5", "b.csv:6", "b.csv:8", "b.csv:9"), s.rejected().stream().map(Problem::location).toList());
    assertEquals(7, s.rowsRead());

    String wechat = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n"
        + "2026-10-31 14:58:18,商户消费,肯德基,\"宅急送订单\n(含\"\"饮料\"\")\",支出,¥42.49,零钱,支付成功,4200018433\t,8253\t,/\n";
    Transaction kfc = StatementParser.wechat().parse("w.csv", utf8(wechat)).transactions().get(0);
    assertEquals("宅急送订单 (含\"饮料\")", kfc.description());
    assertEquals(2, kfc.fileLine());
  }

  /**
   * A download cut short ends anywhere, often inside a character: a UTF-8 bank file that lost the last byte of 扣 had
   * been taken for GBK and refused as "not a statement", and a GBK Alipay file that lost half a character as "neither
   * UTF-8 nor GBK text". Whatever the cut, every earlier row reads as in the whole file and the last line is read,
   * or rejected saying why (the file ending inside one of its characters, or the row lacking fields).
   */
  @Test
  void aFileCutAnywhereInItsLastRowKeepsTheRowsBeforeItAndNamesTheCut() {
    for (String name : List.of("bank_A.csv", "alipay_A.csv", "wechat_A.csv")) {
      byte[] whole = Samples.bytes("samples/statements/" + name);
      ParsedStatement full = StatementParser.parseDetected(name, whole);
      int lastLine = full.transactions().stream().mapToInt(Transaction::fileLine).max().orElseThrow();
      int insideCharacter = 0;
      for (int cut = lineStart(whole, lastLine); cut < whole.length; cut++) {
        ParsedStatement s = StatementParser.parseDetected(name, java.util.Arrays.copyOf(whole, cut));
        String at = name + " cut at " + cut;
        assertEquals(full.transactions().stream().filter(t -> t.fileLine() < lastLine).toList(),
            s.transactions().stream().filter(t -> t.fileLine() < lastLine).toList(), at);
        assertTrue(s.rejected().stream().allMatch(p -> p.location().equals(name + ":" + lastLine)), at + " " + s.rejected());
        boolean lastRead = s.transactions().stream().anyMatch(t -> t.fileLine() == lastLine);
        assertTrue(lastRead || !s.rejected().isEmpty() || cut == lineStart(whole, lastLine), at + " dropped its last row");
        if (s.rejected().stream().anyMatch(p -> p.reason().startsWith("the file ends inside a character"))) {
          insideCharacter++;
        }
      }
      assertTrue(insideCharacter > 0, name + ": no cut fell inside a character");
    }
  }

  /** The offset of 1-based line {@code line} in {@code bytes} (lines end with LF). */
  private static int lineStart(byte[] bytes, int line) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      while (bytes[at] != '\n') {
        at++;
      }
      at++;
    }
    return at;
  }

  /** An empty file had been told to give its format explicitly, or that it lacks a header line: it is named empty. */
  @Test
  void anEmptyFileIsNamedEmpty() {
    String empty = "e.csv: not a statement: an empty file (0 bytes): the export or its download did not finish, or "
        + "another file was chosen";
    assertEquals(empty, assertThrows(InvalidInputException.class,
        () -> StatementParser.parseDetected("e.csv", new byte[0])).getMessage());
    for (StatementFormat f : StatementFormat.values()) {
      assertEquals(empty, assertThrows(InvalidInputException.class,
          () -> StatementParser.of(f).parse("e.csv", new byte[0])).getMessage());
    }
  }

  /**
   * A rejected row's reason quotes its field as {@link Problem#excerpt} does, as a rejected amount already was: a date,
   * a time, a 收/支, an amount with stray commas or a minus sign had been quoted whole and raw, so a field of 200 000
   * characters made a reason of that length, and a line separator or a right-to-left override in it reached the
   * report or log listing the rejected rows as it stood.
   */
  @Test
  void aRejectedFieldIsQuotedAsAnExcerptNotWholeAndRaw() {
    String longText = "x".repeat(200_000);
    String csv = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n"
        + "2026-10-31 14:58:18\u2028+1,商户消费,肯德基,x,支出,¥1.00,零钱,支付成功,,,/\n"
        + "2026-10-31 14:58:18,商户消费,肯德基,x,支出\u202E,¥1.00,零钱,支付成功,,,/\n"
        + "2026-10-31 14:58:18,商户消费,肯德基,x,支出,\"1,2" + longText + "\",零钱,支付成功,,,/\n"
        + "2026-10-31 14:58:18,商户消费,肯德基,x,支出,-" + longText + ",零钱,支付成功,,,/\n"
        + longText + ",商户消费,肯德基,x,支出,¥1.00,零钱,支付成功,,,/\n";
    ParsedStatement s = StatementParser.wechat().parse("w.csv", utf8(csv));
    assertEquals(List.of("w.csv:2", "w.csv:3", "w.csv:4", "w.csv:5", "w.csv:6"),
        s.rejected().stream().map(Problem::location).toList());
    assertEquals("交易时间 '2026-10-31 14:58:18\\u2028+1' is not a date and time", s.rejected().get(0).reason());
    assertEquals("收/支 '支出\\u202E' is not 收入, 支出, 不计收支 or /", s.rejected().get(1).reason());
    for (Problem p : s.rejected()) {
      assertTrue(p.reason().length() < 200, () -> p.reason().substring(0, 200));
    }
    String bank = BANK_HEADER + "2026-05-01,9:31\u202E,转账,,1.00,,钱文斌,,手机银行\n";
    assertEquals("交易时间 '9:31\\u202E' is not a time",
        StatementParser.bank().parse("b.csv", utf8(bank)).rejected().get(0).reason());
  }

  private static final String SIGNED = "交易时间,摘要,交易金额,账户余额,对方户名\n"
      + "2026-05-01 20:15:03,转账-房租,-2800.00,1415.48,钱文斌\n"
      + "2026-05-10 09:31:12,代发工资,\"8,642.17\",\"10,057.65\",杭州澄星数码科技有限公司\n"
      + "2026-05-11 10:00:00,结息,+1.20,10058.85,\n"
      + "2026-05-12 10:00:00,POS消费,0.00,10058.85,超市\n"
      + "2026-05-13 10:00:00,POS消费,--5.00,10058.85,超市\n";

  /**
   * Banks such as 招商银行 export one signed 交易金额 column (-2800.00 for money out) and the date and time in one
   * 交易时间 column. Such a file was refused by the default layout with a generic "no header line" and could not be
   * mapped at all (a mapping needs a credit and a debit column). A mapping whose credit and debit name one column
   * reads it as signed: a minus is a debit, no sign or + a credit; zero is neither and is rejected naming the column.
   */
  @Test
  void aSignedAmountColumnIsReadWhenTheMappingNamesItAsCreditAndDebit() {
    BankColumnMapping signed = new BankColumnMapping("交易时间", null, "摘要", "交易金额", "交易金额", "账户余额", "对方户名", null, null);
    ParsedStatement s = StatementParser.bank(signed).parse("cmb.csv", utf8(SIGNED));
    assertEquals(List.of(Direction.DEBIT, Direction.CREDIT, Direction.CREDIT),
        s.transactions().stream().map(Transaction::direction).toList());
    assertEquals(List.of(Money.of("2800.00"), Money.of("8642.17"), Money.of("1.20")),
        s.transactions().stream().map(Transaction::amount).toList());
    assertEquals(LocalDateTime.of(2026, 5, 1, 20, 15, 3), s.transactions().get(0).time());
    assertEquals(List.of("cmb.csv:5", "cmb.csv:6"), s.rejected().stream().map(Problem::location).toList());
    assertTrue(s.rejected().get(0).reason().contains("交易金额") && s.rejected().get(0).reason().contains("zero"),
        s.rejected().toString());
    assertTrue(s.rejected().get(1).reason().contains("交易金额"), s.rejected().toString());
  }

  /**
   * The default layout met with a signed 交易金额 and a date-time 交易时间 refuses the file naming the columns it has and
   * lacks and saying how to map them, not only "no header line with the columns [...]".
   */
  @Test
  void theDefaultLayoutRefusesASignedExportNamingTheColumnAndTheMapping() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> StatementParser.bank().parse("cmb.csv", utf8(SIGNED)));
    String m = e.getMessage();
    assertTrue(m.contains("cmb.csv:1") && m.contains("交易金额") && m.contains("signed") && m.contains("交易日期"), m);
    String detected = assertThrows(InvalidInputException.class, () -> StatementParser.parseDetected("cmb.csv", utf8(SIGNED)))
        .getMessage();
    assertTrue(detected.contains("cmb.csv:1") && detected.contains("交易金额") && detected.contains("signed"), detected);
    // the message is shared by the SDK and the command line: it names no Java type
    assertTrue(!m.contains("BankColumnMapping") && m.contains("column mapping"), m);
  }

  /**
   * A real Alipay or WeChat export read as a bank statement (the CLI's {@code --format csv}) is refused saying which
   * format it is in: it had been told at length how a BankColumnMapping would read its 金额 and 交易时间, a Java type
   * and a layout that were no answer, since the file is another format's export.
   */
  @Test
  void anExportReadAsTheWrongFormatIsRefusedNamingTheFormatItIsIn() {
    for (String[] c : new String[][] {{"alipay_A.csv", "bank", "alipay"}, {"wechat_A.csv", "bank", "wechat"},
        {"bank_A.csv", "alipay", "bank"}, {"alipay_A.csv", "wechat", "alipay"}}) {
      StatementParser wrong = StatementParser.of(StatementFormat.parse("format", c[1]));
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> wrong.parse(c[0], Samples.bytes("samples/statements/" + c[0])));
      assertEquals(List.of(Problem.of(c[0], "not a statement in the " + c[1] + " format but in the " + c[2]
          + " format (its header line is there): read it in that format")), e.problems());
    }
  }

  /**
   * A bank that writes the date and time into 交易时间 beside 交易日期 had every row rejected ("交易时间 '2026-05-01
   * 20:15:03' is not a time"). The time is read from it when its date is the row's date; another date is rejected
   * naming both columns.
   */
  @Test
  void aDateTimeInTheTimeColumnIsReadWhenItsDateIsTheRowsDate() {
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01,2026-05-01 20:15:03,转账-房租,,2800.00,1415.48,钱文斌,6228****5512,手机银行\n"
        + "2026-05-02,2026-05-01 20:15:03,转账-房租,,2800.00,1415.48,钱文斌,6228****5512,手机银行\n"));
    assertEquals(LocalDateTime.of(2026, 5, 1, 20, 15, 3), s.transactions().get(0).time());
    assertEquals(1, s.rejected().size(), s.rejected().toString());
    assertTrue(s.rejected().get(0).reason().contains("交易日期") && s.rejected().get(0).reason().contains("交易时间"),
        s.rejected().toString());
  }

  /**
   * Some banks sign the money out in their 支出金额 column (-123.45), and an export passed through a word processor or a
   * Chinese input method writes the minus as − (U+2212) or － (U+FF0D). Each was refused ("支出金额 '-123.45' is
   * negative", "'−123.45' is not an amount"), with no word of what to do. A minus in the debit column is read as what it
   * is, a debit of 123.45; the balance may carry the same minus signs. A minus in the credit column says neither way
   * for sure (a 冲正 reversing an earlier credit, or money out in the wrong column) and is refused naming the row and
   * column and saying what to do. A zero written with a yuan sign (¥0.00) in the unused column is empty: it had been
   * kept as a credit of 0.00, or refused as both columns filled.
   */
  @Test
  void aMinusInTheDebitColumnIsADebitAndInTheCreditColumnIsRefusedSayingWhatToDo() {
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,-123.45,1000.00,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,−123.45,876.55,超市,,POS\n"
        + "2026-05-03,10:00:00,POS消费,,－123.45,−10.00,超市,,POS\n"
        + "2026-05-04,10:00:00,冲正,-123.45,,,超市,,POS\n"
        + "2026-05-05,10:00:00,POS消费,¥0.00,12.00,,超市,,POS\n"
        + "2026-05-06,10:00:00,POS消费,,¥0.00,,超市,,POS\n"
        + "2026-05-07,10:00:00,POS消费,,- -1.00,,超市,,POS\n"));
    assertEquals(List.of("DEBIT 123.45", "DEBIT 123.45", "DEBIT 123.45", "DEBIT 12.00"),
        s.transactions().stream().map(t -> t.direction() + " " + t.amount()).toList());
    assertEquals(Money.of("-10.00"), s.transactions().get(2).balance());
    assertEquals(List.of("b.csv:5", "b.csv:7", "b.csv:8"), s.rejected().stream().map(Problem::location).toList());
    String negativeCredit = s.rejected().get(0).reason();
    assertTrue(negativeCredit.startsWith("收入金额 '-123.45'") && negativeCredit.contains("冲正")
        && negativeCredit.contains("under 支出金额"), negativeCredit);
    assertTrue(s.rejected().get(1).reason().startsWith("neither"), s.rejected().toString());
    assertTrue(s.rejected().get(2).reason().contains("two signs"), s.rejected().toString());
  }

  /**
   * A yuan sign may stand before the minus as well as after it: {@code ¥-1.00} in the debit column had been refused as
   * "negative" while {@code -¥1.00} was read as a debit of 1.00. Both are read alike — a debit in the debit column or
   * a signed one, a negative balance, and in the credit column refused as any minus there is, saying what to do; a
   * second sign after the yuan sign is still two signs.
   */
  @Test
  void aYuanSignBeforeTheMinusIsReadAsTheMinusAfterIt() {
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,¥-1.00,,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,-¥1.00,,超市,,POS\n"
        + "2026-05-03,10:00:00,POS消费,,￥ −2.00,¥-3.00,超市,,POS\n"
        + "2026-05-04,10:00:00,POS消费,,¥(4.00),,超市,,POS\n"
        + "2026-05-05,10:00:00,冲正,¥-1.00,,,超市,,POS\n"
        + "2026-05-06,10:00:00,POS消费,,-¥-1.00,,超市,,POS\n"));
    assertEquals(List.of("DEBIT 1.00 null", "DEBIT 1.00 null", "DEBIT 2.00 -3.00", "DEBIT 4.00 null"),
        s.transactions().stream().map(t -> t.direction() + " " + t.amount() + " " + t.balance()).toList());
    assertEquals(List.of("b.csv:6", "b.csv:7"), s.rejected().stream().map(Problem::location).toList());
    assertTrue(s.rejected().get(0).reason().startsWith("收入金额 '¥-1.00' is money in written negative")
        && s.rejected().get(0).reason().contains("冲正"), s.rejected().toString());
    assertTrue(s.rejected().get(1).reason().startsWith("支出金额 '-¥-1.00' has two signs"), s.rejected().toString());
    BankColumnMapping signed = new BankColumnMapping("交易时间", null, "摘要", "交易金额", "交易金额", "账户余额", "对方户名", null, null);
    ParsedStatement one = StatementParser.bank(signed).parse("cmb.csv", utf8("交易时间,摘要,交易金额,账户余额,对方户名\n"
        + "2026-05-01 20:15:03,转账-房租,¥-2800.00,1415.48,钱文斌\n"
        + "2026-05-02 20:15:03,工资,¥+100.00,1515.48,某某公司\n"));
    assertEquals(List.of("DEBIT 2800.00", "CREDIT 100.00"),
        one.transactions().stream().map(t -> t.direction() + " " + t.amount()).toList());
  }

  /**
   * A workbook saved as CSV, or a bank's HTML export copied into one, pads its cells with no-break spaces (U+00A0,
   * U+202F): {@code 12.00 } after an amount, a date or a time, inside quotes or not. They were kept as part of the field,
   * so the row was rejected as "支出金额 '12.00 ' is not an amount", the space invisible in the message; they are
   * padding like a tab or a space, and stripped like one.
   */
  @Test
  void aFieldPaddedWithNoBreakSpacesIsReadAsTheFieldItPads() {
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01\u00a0,\u00a010:00:00,POS消费,,12.00\u00a0,1000.00\u202f,超市\u00a0,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,\"\u00a01,234.00\u00a0\",\"\u00a0-234.00\",超市,,POS\n"));
    assertEquals(List.of(), s.rejected());
    assertEquals(List.of("2026-05-01T10:00 DEBIT 12.00 1000.00 超市", "2026-05-02T10:00 DEBIT 1234.00 -234.00 超市"),
        s.transactions().stream().map(t -> t.time() + " " + t.direction() + " " + t.amount() + " " + t.balance() + " "
            + t.counterparty()).toList());
  }

  /**
   * Accounting exports write money out in parentheses, {@code (123.45)} for -123.45, and a spreadsheet formatted for
   * accounting saves its cells so. Such a field was refused as "not an amount" in every column. Parentheses are read as
   * the minus they stand for: a debit of 123.45 in the debit column or a signed one, a negative balance, and in the
   * credit column refused as a minus is, naming the row and column; parentheses around no amount, or a second sign
   * inside them, are refused naming the column.
   */
  @Test
  void anAmountInParenthesesIsReadAsTheMinusItStandsFor() {
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,(123.45),1000.00,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,\"(1,000.00)\",(0.00),超市,,POS\n"
        + "2026-05-03,10:00:00,POS消费,,（12.00）,(12.00),超市,,POS\n"
        + "2026-05-04,10:00:00,冲正,(123.45),,,超市,,POS\n"
        + "2026-05-05,10:00:00,POS消费,,(),,超市,,POS\n"
        + "2026-05-06,10:00:00,POS消费,,(-1.00),,超市,,POS\n"));
    assertEquals(List.of("DEBIT 123.45 1000.00", "DEBIT 1000.00 0.00", "DEBIT 12.00 -12.00"),
        s.transactions().stream().map(t -> t.direction() + " " + t.amount() + " " + t.balance()).toList());
    assertEquals(List.of("b.csv:5", "b.csv:6", "b.csv:7"), s.rejected().stream().map(Problem::location).toList());
    assertTrue(s.rejected().get(0).reason().startsWith("收入金额 '(123.45)'")
        && s.rejected().get(0).reason().contains("冲正"), s.rejected().toString());
    assertTrue(s.rejected().get(1).reason().startsWith("支出金额 '()' is a sign without an amount"), s.rejected().toString());
    assertTrue(s.rejected().get(2).reason().startsWith("支出金额 '(-1.00)' has two signs"), s.rejected().toString());
    BankColumnMapping signed = new BankColumnMapping("交易时间", null, "摘要", "交易金额", "交易金额", "账户余额", "对方户名", null, null);
    ParsedStatement one = StatementParser.bank(signed).parse("cmb.csv", utf8("交易时间,摘要,交易金额,账户余额,对方户名\n"
        + "2026-05-01 20:15:03,转账-房租,(2800.00),1415.48,钱文斌\n"));
    assertEquals(List.of("DEBIT 2800.00"), one.transactions().stream().map(t -> t.direction() + " " + t.amount()).toList());
  }

  /**
   * The accounting negative with the unit after it, {@code (1.00)元} — what a bank writing 元 after every amount writes
   * for money out when its cells are formatted for accounting — had been refused as "'(1.00)' is not an amount" while
   * {@code (1.00)} and {@code -1.00元} were read: it is read as {@code -1.00元} is, in every column. A minus after the
   * amount, {@code 100.00-}, is written by no export read here: it is refused naming the column, the text and that a
   * trailing minus is not read, where it had been told only that it was "not an amount".
   */
  /**
   * A WeChat export saved by a spreadsheet as CSV in GBK, which has no ¥ (U+00A5): every amount comes out as
   * {@code ?42.49}. Each row is refused saying the yuan sign was lost and how to save the file, not only "not an
   * amount"; a {@code ?} elsewhere in an amount is still just no amount.
   */
  @Test
  void anAmountWhoseYuanSignASpreadsheetLostIsRefusedSayingSo() {
    String wechat = new String(Samples.bytes("samples/statements/wechat_A.csv"), StandardCharsets.UTF_8);
    ParsedStatement lost = StatementParser.wechat()
        .parse("w.csv", wechat.replace('¥', '?').getBytes(Charset.forName("GBK")));
    assertEquals(List.of(), lost.transactions());
    assertEquals(82, lost.rejected().size());
    assertEquals("w.csv:18", lost.rejected().get(0).location());
    assertEquals("金额(元) '?42.49' is not an amount: a '?' stands where the yuan sign (¥) was, as a spreadsheet leaves it "
        + "when it saves the file in an encoding without ¥ (Excel's \"CSV\" in GBK); give the export as it was downloaded, "
        + "or save it as \"CSV UTF-8\"", lost.rejected().get(0).reason());
    ParsedStatement replaced = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,\uFFFD12.00,,超市,,POS\n"
        + "2026-05-01,10:00:01,POS消费,,12?00,,超市,,POS\n"
        + "2026-05-01,10:00:02,POS消费,,?,,超市,,POS\n"));
    assertTrue(replaced.rejected().get(0).reason().startsWith("支出金额 '\uFFFD12.00' is not an amount: a '\uFFFD' stands "
        + "where the yuan sign"), replaced.rejected().toString());
    for (Problem p : replaced.rejected().subList(1, 3)) {
      assertTrue(!p.reason().contains("yuan sign"), p.toString());
    }
    assertEquals(3, replaced.rejected().size());
  }

  /**
   * A date and time written as 12 or 14 digits where the amount stands (a row shifted by a column) had been read as
   * some 200 billion yuan, and without a balance in the file nothing flagged it. It is refused naming the column, its
   * digits masked as any long number is; 12 digits that are no date and time of 1990 to 2099 are still an amount.
   */
  @Test
  void anAmountThatReadsAsADateAndTimeIsRefused() {
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-06,12:34:00,POS消费,,202605061234,,超市,,POS\n"
        + "2026-05-06,12:34:56,POS消费,,¥20260506123456,,超市,,POS\n"
        + "2026-05-06,12:35:00,POS消费,,12.00,202605061235元,超市,,POS\n"
        + "2026-05-07,10:00:00,工资,199001010000,,,某公司,,代发\n"
        + "2026-05-07,10:00:01,工资,198912312359,,,某公司,,代发\n"
        + "2026-05-07,10:00:02,工资,202602291234,,,某公司,,代发\n"
        + "2026-05-07,10:00:03,工资,202605062434,,,某公司,,代发\n"
        + "2026-05-07,10:00:04,POS消费,,2026050612345,,超市,,POS\n"));
    assertEquals(List.of("b.csv:2", "b.csv:3", "b.csv:4", "b.csv:5"),
        s.rejected().stream().map(Problem::location).toList(), s.rejected().toString());
    assertTrue(s.rejected().get(0).reason().startsWith("支出金额 '202605**1234' is not an amount: its digits read as a "
        + "date and time (yyyyMMddHHmm or yyyyMMddHHmmss)"), s.rejected().toString());
    assertTrue(s.rejected().get(1).reason().startsWith("支出金额 '¥202605****3456' is not an amount: its digits read"),
        s.rejected().toString());
    assertTrue(s.rejected().get(2).reason().startsWith("账户余额 '202605**1235元' is not an amount: its digits read"),
        s.rejected().toString());
    assertTrue(s.rejected().get(3).reason().startsWith("收入金额 '199*****0000' is not an amount"), s.rejected().toString());
    // 1989, 29 February 2026 and the hour 24 are no such date and time; 13 digits are neither form
    assertEquals(List.of("CREDIT 198912312359.00", "CREDIT 202602291234.00", "CREDIT 202605062434.00",
        "DEBIT 2026050612345.00"), s.transactions().stream().map(t -> t.direction() + " " + t.amount()).toList());
  }

  @Test
  void anAccountingNegativeWithTheUnitAfterItIsReadAndATrailingMinusIsRefusedSayingSo() {
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,(1.00)元,(999.00)元,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,¥(2.00)元,（1001.00）元,超市,,POS\n"
        + "2026-05-03,10:00:00,冲正,(3.00)元,,,超市,,POS\n"
        + "2026-05-04,10:00:00,POS消费,,100.00-,,超市,,POS\n"
        + "2026-05-05,10:00:00,POS消费,,100.00,900.00－,超市,,POS\n"));
    assertEquals(List.of("DEBIT 1.00 -999.00", "DEBIT 2.00 -1001.00"),
        s.transactions().stream().map(t -> t.direction() + " " + t.amount() + " " + t.balance()).toList());
    assertEquals(List.of("b.csv:4", "b.csv:5", "b.csv:6"), s.rejected().stream().map(Problem::location).toList());
    assertTrue(s.rejected().get(0).reason().startsWith("收入金额 '(3.00)元' is money in written negative"),
        s.rejected().toString());
    assertTrue(s.rejected().get(1).reason().startsWith("支出金额 '100.00-' has its minus after the amount"),
        s.rejected().toString());
    assertTrue(s.rejected().get(2).reason().startsWith("账户余额 '900.00－' has its minus after the amount"),
        s.rejected().toString());
    BankColumnMapping signed = new BankColumnMapping("交易时间", null, "摘要", "交易金额", "交易金额", "账户余额", "对方户名", null, null);
    ParsedStatement one = StatementParser.bank(signed).parse("cmb.csv", utf8("交易时间,摘要,交易金额,账户余额,对方户名\n"
        + "2026-05-01 20:15:03,转账-房租,(2800.00)元,1415.48元,钱文斌\n"
        + "2026-05-02 20:15:03,转账-房租,2800.00-,,钱文斌\n"));
    assertEquals(List.of("DEBIT 2800.00"), one.transactions().stream().map(t -> t.direction() + " " + t.amount()).toList());
    assertTrue(one.rejected().get(0).reason().startsWith("交易金额 '2800.00-' has its minus after the amount"),
        one.rejected().toString());
  }

  /**
   * A row whose quote is never closed (a stray {@code "} before a field, no later line closing it) was rejected as
   * "unterminated quoted field", which named neither the column nor what to do, in a row of nine fields. The rejection
   * names the column whose field opens the quote and says to close or remove it; a header too short to name it gives
   * the field's position.
   */
  @Test
  void aQuoteLeftOpenIsRejectedNamingItsColumn() {
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01,10:00:00,\"POS消费,,12.00,1000.00,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,,12.00,988.00,超市,,POS\n"
        + "2026-05-03,10:00:00,POS消费,,12.00,976.00,超市,,POS,,\"x\n"));
    assertEquals(List.of("b.csv:3"), s.transactions().stream().map(Transaction::location).toList());
    assertEquals(List.of("b.csv:2", "b.csv:4"), s.rejected().stream().map(Problem::location).toList());
    String reason = s.rejected().get(0).reason();
    assertTrue(reason.startsWith("摘要 opens a quote (\") that is not closed") && reason.contains("remove"), reason);
    assertTrue(s.rejected().get(1).reason().startsWith("field 11 opens a quote"), s.rejected().toString());
  }

  /**
   * Some banks write the unit after the amount, {@code 2800.00元} or {@code 12.00 元}, as others write ¥ before it.
   * Every such row had been rejected as "not an amount" while ¥12.00 was read; 元 after the amount is read as ¥ before
   * it is, a zero with it ({@code 0.00元}) in the unused column is empty, and 元 with no amount is still refused.
   */
  @Test
  void anAmountWithTheYuanAfterItIsReadAsOneWithTheYuanSignBeforeIt() {
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,2800.00元,1000.00元,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,0.00元,12.00 元,988.00,超市,,POS\n"
        + "2026-05-03,10:00:00,代发工资,\"¥1,234.50元\",,-246.50元,某公司,,代发\n"
        + "2026-05-04,10:00:00,POS消费,,元,,超市,,POS\n"
        + "2026-05-05,10:00:00,POS消费,,12.00元元,,超市,,POS\n"));
    assertEquals(List.of("DEBIT 2800.00 1000.00", "DEBIT 12.00 988.00", "CREDIT 1234.50 -246.50"),
        s.transactions().stream().map(t -> t.direction() + " " + t.amount() + " " + t.balance()).toList());
    assertEquals(List.of("b.csv:5", "b.csv:6"), s.rejected().stream().map(Problem::location).toList());
    assertTrue(s.rejected().get(0).reason().startsWith("支出金额 '元'"), s.rejected().toString());
    assertTrue(s.rejected().get(1).reason().startsWith("支出金额 '12.00元元'"), s.rejected().toString());
  }

  /**
   * An export printed or saved page by page repeats its header line among the rows. The repeat had been rejected as a
   * row ("both 收入金额 and 支出金额 are filled", of the header's own column names), which also stopped the footer's
   * sums being compared; the same header again is no row and is passed over as a blank line is. A header line with
   * other columns (another export joined on) is rejected naming the header it differs from, and so is the row under it
   * (see {@link #rowsUnderAHeaderWithOtherColumnsAreRejectedNotReadByTheFirstHeadersColumns}).
   */
  /**
   * A row with both amount columns filled is refused as such only when both hold amounts; a field that holds none is
   * named first. A bank's second header line in English ({@code Date,Time,Summary,Credit,Debit,...}) had been told
   * "both 收入金额 and 支出金额 are filled", which sends the reader to the wrong cause.
   */
  @Test
  void aRowWithBothAmountColumnsFilledNamesAFieldThatIsNoAmountFirst() {
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "Date,Time,Summary,Credit,Debit,Balance,Counterparty,Account,Channel\n"
        + "2026-05-01,10:00:00,POS消费,12.00,Debit,988.00,超市,,POS\n"
        + "2026-05-01,10:00:01,POS消费,12.00,3.00,988.00,超市,,POS\n"
        + "2026-05-01,10:00:02,POS消费,,12.00,988.00,超市,,POS\n"));
    assertEquals(1, s.transactions().size());
    assertEquals(List.of("b.csv:2", "b.csv:3", "b.csv:4"), s.rejected().stream().map(Problem::location).toList());
    // a word in an amount column is described, not quoted: it may be a person's name (a row shifted by a column)
    String text = " characters, not an amount (not quoted: it may be a person's name, as in a row shifted by a column)";
    assertEquals(List.of("收入金额 holds text of 6" + text, "支出金额 holds text of 5" + text,
        "both 收入金额 and 支出金额 are filled"), s.rejected().stream().map(Problem::reason).toList());
  }

  @Test
  void aRepeatOfTheHeaderAmongTheRowsIsNoRow() {
    String reordered = "交易日期,交易时间,摘要,支出金额,收入金额,账户余额,对方户名,对方账号,交易渠道\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,12.00,988.00,超市,,POS\n"
        + BANK_HEADER.replace(",", " , ")
        + "2026-05-02,10:00:00,POS消费,,12.00,976.00,超市,,POS\n"
        + reordered
        + "2026-05-03,10:00:00,POS消费,,12.00,964.00,超市,,POS\n"));
    assertEquals(List.of("b.csv:2", "b.csv:4"), s.transactions().stream().map(Transaction::location).toList());
    assertEquals(List.of(1, 2), s.transactions().stream().map(Transaction::dataRow).toList());
    assertEquals(List.of("b.csv:5", "b.csv:6"), s.rejected().stream().map(Problem::location).toList());
    assertTrue(s.rejected().get(0).reason().contains("header line 1"), s.rejected().toString());
  }

  /**
   * Two exports joined into one file: the second's header line has other columns (支出金额 before 收入金额). That
   * header line was rejected, but the rows under it were still read by the first header's positions, so its salary
   * of 500.00 was read as 500.00 spent and its purchase of 30.00 as income, with no word. A row under a
   * header other than the one its columns are read by is rejected, named by its line, the header it stands under and
   * the one it differs from; the first header repeated after them (a third part in the first layout) is read again.
   */
  @Test
  void rowsUnderAHeaderWithOtherColumnsAreRejectedNotReadByTheFirstHeadersColumns() {
    String other = "交易日期,交易时间,摘要,支出金额,收入金额,账户余额,对方户名,对方账号,交易渠道\n";
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,,12.00,988.00,超市,,POS\n"
        + other
        + "2026-05-02,09:00:00,工资,,500.00,1488.00,某公司,,网银\n"
        + "\n"
        + "2026-05-03,09:00:00,POS消费,30.00,,1458.00,超市,,POS\n"
        + BANK_HEADER
        + "2026-05-04,10:00:00,POS消费,,12.00,1446.00,超市,,POS\n"));
    assertEquals(List.of("b.csv:2", "b.csv:8"), s.transactions().stream().map(Transaction::location).toList());
    assertEquals(List.of("b.csv:3", "b.csv:4", "b.csv:6"), s.rejected().stream().map(Problem::location).toList());
    assertTrue(s.rejected().get(0).reason().contains("header line 1"), s.rejected().toString());
    for (Problem p : s.rejected().subList(1, 3)) {
      assertTrue(p.reason().startsWith("a row under the header line 3, whose columns are not those of the header line 1"),
          p.toString());
    }
  }

  /**
   * Some banks fill the column a row does not use, and a balance they do not state, with a placeholder: {@code -},
   * {@code --}, {@code —} or {@code /}. Every such row had been rejected ("收入金额 '-' is a sign without an amount",
   * "'--' has two signs", "both 收入金额 and 支出金额 are filled" for {@code /}); a placeholder alone holds no amount and
   * is read as the empty field it stands for. A row with placeholders in both columns is still refused.
   */
  @Test
  void aPlaceholderInTheUnusedColumnIsEmpty() {
    ParsedStatement s = StatementParser.bank().parse("b.csv", utf8(BANK_HEADER
        + "2026-05-01,10:00:00,POS消费,-,12.00,988.00,超市,,POS\n"
        + "2026-05-02,10:00:00,POS消费,--,12.00,976.00,超市,,POS\n"
        + "2026-05-03,10:00:00,退款,12.00,/,--,超市,,POS\n"
        + "2026-05-04,10:00:00,POS消费,—,12.00,976.00,超市,,POS\n"
        + "2026-05-05,10:00:00,POS消费,--,--,976.00,超市,,POS\n"));
    assertEquals(List.of("DEBIT 12.00 988.00", "DEBIT 12.00 976.00", "CREDIT 12.00 null", "DEBIT 12.00 976.00"),
        s.transactions().stream().map(t -> t.direction() + " " + t.amount() + " " + t.balance()).toList());
    assertEquals(List.of("b.csv:6"), s.rejected().stream().map(Problem::location).toList());
    assertTrue(s.rejected().get(0).reason().startsWith("neither"), s.rejected().toString());
  }
}
