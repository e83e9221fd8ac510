package io.github.fenqi.core.affordability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A floor table of one's own, as a user writes it: in a spreadsheet, with mistakes. */
class LivingCostFloorTest {
  private static final String HEADER = "code,name,monthlyYuan,year,verified,source\n";

  private static LivingCostFloor table(String csv) {
    return LivingCostFloor.fromCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "floor.csv",
        new BigDecimal("1.2"), Money.ofYuan(800));
  }

  /** A spreadsheet's "CSV UTF-8" starts with a byte-order mark; the header was then said to be missing. */
  @Test
  void aTableSavedWithAByteOrderMarkReads() {
    LivingCostFloor floor = table("\uFEFF" + HEADER + "440100,广州市,1231,2024,false,x\r\n");
    assertEquals(Money.of("4431.60"), floor.floor("440106", 3).floor(), "1231 × 1.2 × 3");
  }

  /**
   * Only a file's first line may begin with a byte-order mark: one on a later line is a second table joined after the
   * first (what {@code cat} or a copy-and-paste of two spreadsheets' "CSV UTF-8" leaves), and the mark is invisible, so
   * the line is refused saying so. It had been told "expected 6 fields: a 6-digit code, ..." of a line whose code looks
   * six digits in any editor; a reader that stripped the mark on every line would take the joined rows silently.
   */
  @Test
  void aByteOrderMarkOnALaterLineIsNamedAsAJoinedTable() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> table("\uFEFF" + HEADER
        + "440100,广州市,1231,2024,false,x\n"
        + "\uFEFF310000,上海市,1510,2024,false,x\n"
        + "\uFEFF" + HEADER));
    String why = "begins with a byte-order mark (U+FEFF), which only a file's first line may: a second table joined "
        + "after the first? Remove the mark, and the second table's header line";
    assertEquals(List.of(Problem.of("floor.csv:3", why), Problem.of("floor.csv:4", why)), e.problems());
  }

  /**
   * A region given twice had its later row silently replace the earlier (440100 at 99 yuan instead of 1231), and a
   * negative or zero standard was taken as it stood, a floor of -1477.20 that holds nothing up. Each is named with its
   * line, all at once.
   */
  @Test
  void aRegionTwiceOrAStandardNotAboveZeroIsNamedWithItsLine() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> table(HEADER
        + "440100,广州市,1231,2024,false,x\n"
        + "440100,广州市,99,2024,false,y\n"
        + "310000,上海市,-1510,2024,false,x\n"
        + "110000,北京市,0,2024,false,x\n"));
    assertEquals(List.of(
        Problem.of("floor.csv:3", "code 440100 is already on line 2: one row per region"),
        Problem.of("floor.csv:4 monthlyYuan", "-1510.00 is not more than 0"),
        Problem.of("floor.csv:5 monthlyYuan", "0.00 is not more than 0")), e.problems());
    InvalidInputException national = assertThrows(InvalidInputException.class, () -> LivingCostFloor.fromCsv(
        new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)), "floor.csv", BigDecimal.ONE, Money.ofYuan(-800)));
    assertEquals("nationalDefault", national.problems().get(0).location());
  }

  /**
   * A standard of 10^15 yuan was read, and the floor of a household of 20 in its region then overflowed with an
   * ArithmeticException in every assessment; the table names the line instead. The largest standard that fits is read.
   */
  @Test
  void aStandardWhoseFloorCannotBeHeldIsNamedWithItsLine() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> table(HEADER
        + "310000,上海市,1000000000000000,2024,false,x\n"));
    assertEquals(List.of(Problem.of("floor.csv:2 monthlyYuan", "1000000000000000.00 × uplift 1.2 × a household of 20"
        + " is above 1000000000000000.00, the largest amount")), e.problems());
    // 10^15 / (1.2 × 20) = 41 666 666 666 666.66…: the fen below fits, the fen above does not
    LivingCostFloor fits = table(HEADER + "310000,上海市,41666666666666.66,2024,false,x\n");
    assertEquals(Money.of("999999999999999.84"), fits.floor("310000", 20).floor());
    assertThrows(InvalidInputException.class, () -> table(HEADER + "310000,上海市,41666666666666.67,2024,false,x\n"));
    InvalidInputException national = assertThrows(InvalidInputException.class, () -> LivingCostFloor.fromCsv(
        new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)), "floor.csv", BigDecimal.ONE,
        Money.ofYuan(1_000_000_000_000_000L)));
    assertEquals("nationalDefault", national.problems().get(0).location());
  }

  /** A household of 0, asked of the table directly, had a floor of 0.00: nothing held up. */
  @Test
  void aHouseholdOutsideOneToTwentyIsNamed() {
    LivingCostFloor floor = LivingCostFloor.defaults();
    for (int size : new int[] {0, -1, 21}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> floor.floor("310000", size));
      assertEquals("householdSize", e.problems().get(0).location());
    }
    assertEquals(Money.of("36240.00"), floor.floor("310000", 20).floor(), "1510 × 1.2 × 20");
  }

  /**
   * A bad region and a bad household are told together, as a {@code Borrower}'s are: the region had been told alone, and
   * the household only once the region was fixed.
   */
  @Test
  void aBadRegionAndABadHouseholdAreToldTogether() {
    LivingCostFloor floor = LivingCostFloor.defaults();
    assertEquals(List.of("regionCode", "householdSize"), assertThrows(InvalidInputException.class,
        () -> floor.floor("31000", 0)).problems().stream().map(Problem::location).toList());
    assertEquals(List.of("regionCode", "householdSize"), assertThrows(InvalidInputException.class,
        () -> floor.floor("990000", 21)).problems().stream().map(Problem::location).toList());
    assertEquals(List.of("regionCode", "householdSize"), assertThrows(InvalidInputException.class,
        () -> floor.floor(null, -1)).problems().stream().map(Problem::location).toList());
  }

  /** A region code of five digits, asked of the table directly, had silently taken the national default. */
  @Test
  void aRegionCodeThatIsNotSixDigitsIsNamed() {
    LivingCostFloor floor = LivingCostFloor.defaults();
    for (String code : new String[] {"31000", "3100000", "31000a", "", "３１００００"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> floor.floor(code, 1), code);
      assertEquals("regionCode", e.problems().get(0).location());
    }
    assertEquals("regionCode", assertThrows(InvalidInputException.class, () -> floor.floor(null, 1)).problems().get(0)
        .location());
    assertEquals("上海市", floor.floor("310115", 1).row().name());
  }

  /**
   * A code that is not six digits is quoted as core quotes a value from outside ({@code Problem.excerpt}): a line break
   * in it had been quoted raw, beginning a forged line of its own in a log, and a code of 10 000 characters whole. A
   * missing code is said to be missing, not quoted as 'null'.
   */
  @Test
  void aRegionCodeThatIsNotSixDigitsIsQuotedEscapedAndCut() {
    LivingCostFloor floor = LivingCostFloor.defaults();
    assertEquals(List.of(Problem.of("regionCode", "'310000\\nINFO ok' is not a 6-digit administrative division code")),
        assertThrows(InvalidInputException.class, () -> floor.floor("310000\nINFO ok", 1)).problems());
    assertEquals(List.of(Problem.of("regionCode", "'" + "x".repeat(37) + "...' is not a 6-digit administrative "
        + "division code")), assertThrows(InvalidInputException.class, () -> floor.floor("x".repeat(10_000), 1))
        .problems());
    assertEquals(List.of(Problem.of("regionCode", "is missing; expected a 6-digit administrative division code")),
        assertThrows(InvalidInputException.class, () -> floor.floor(null, 1)).problems());
  }

  /**
   * A code of six digits whose first two are no province-level region of GB/T 2260 (000000, 990000, a code typed with
   * its digits shifted, 031000) had silently taken the national default, a floor of 960.00 for any such "region"; it
   * is named, and so is a table row of such a code, which no borrower's region could ever find. Taiwan, Hong Kong and
   * Macao (71, 81, 82) are regions of the standard: not in the shipped table, they take the national default.
   */
  @Test
  void aRegionCodeOfNoProvinceIsNamed() {
    LivingCostFloor floor = LivingCostFloor.defaults();
    for (String code : new String[] {"000000", "990000", "031000", "100000", "160000", "380000", "470000", "550000",
        "660000", "700000", "830000", "910000"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> floor.floor(code, 1), code);
      assertEquals(List.of(Problem.of("regionCode", "'" + code + "' is not an administrative division code: "
          + code.substring(0, 2) + " is no province-level region of GB/T 2260 (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, "
          + "71, 81, 82)")), e.problems());
    }
    for (String code : new String[] {"110000", "150000", "210000", "230000", "370000", "410000", "460000", "500000",
        "540000", "610000", "650000", "710000", "810000", "820000"}) {
      assertEquals(code.equals("110000") ? "北京市" : "national default", floor.floor(code, 1).row().name(), code);
    }
    InvalidInputException row = assertThrows(InvalidInputException.class, () -> table(HEADER
        + "440100,广州市,1231,2024,false,x\n990100,nowhere,1000,2024,false,x\n"));
    assertEquals(List.of(Problem.of("floor.csv:3", "code 990100 is not an administrative division code: 99 is no "
        + "province-level region of GB/T 2260 (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82)")), row.problems());
  }

  /**
   * A table saved as GBK (a spreadsheet's plain "CSV" on a Chinese Windows) had its codes and amounts read and every
   * name and source turned into U+FFFD marks, which assessments then named as the row they used. It is refused, naming
   * the line of the first byte that is not UTF-8 (CRLF and a lone CR end a line, as the reader counts them).
   */
  @Test
  void aTableThatIsNotUtf8IsRefusedNamingTheLineNotReadWithMarks() {
    String csv = "# 低保\r\n" + HEADER + "310000,Shanghai,1420,2024,true,x\r440100,广州市,1231,2024,false,广州市民政局\n";
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> LivingCostFloor.fromCsv(
        new ByteArrayInputStream(csv.getBytes(java.nio.charset.Charset.forName("GBK"))), "floor.csv",
        new BigDecimal("1.2"), Money.ofYuan(800)));
    assertEquals(List.of(Problem.of("floor.csv:1", "byte 0xB5 is not UTF-8 text (a spreadsheet's plain \"CSV\" is GBK "
        + "on a Chinese Windows): save the table as \"CSV UTF-8\"")), e.problems());
    String later = HEADER + "310000,Shanghai,1420,2024,true,x\r\n440100,Guangzhou,1231,2024,false,广州\n";
    InvalidInputException second = assertThrows(InvalidInputException.class, () -> LivingCostFloor.fromCsv(
        new ByteArrayInputStream(later.getBytes(java.nio.charset.Charset.forName("GBK"))), "floor.csv",
        new BigDecimal("1.2"), Money.ofYuan(800)));
    assertEquals("floor.csv:3", second.problems().get(0).location());
    assertEquals("广州市", table(HEADER + "310000,Shanghai,1420,2024,true,x\r440100,广州市,1231,2024,false,y\n")
        .floor("440106", 1).row().name());
  }
  /**
   * The uplift's range 1..5 is inclusive at both ends, and what is just outside is refused naming it: 1 and 5 apply
   * (1 000.00 per person is 1 000.00 and 5 000.00 for one person), 0.99 and 5.01 do not (kills the mutants that make
   * either end exclusive or move it).
   */
  @Test
  void anUpliftOfExactlyOneOrFiveApplies() {
    for (String uplift : new String[] {"1", "5"}) {
      LivingCostFloor floor = LivingCostFloor.fromCsv(new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)),
          "floor.csv", new BigDecimal(uplift), Money.ofYuan(1000));
      assertEquals(Money.ofYuan(1000L * Integer.parseInt(uplift)), floor.floor("110101", 1).floor());
    }
    for (String uplift : new String[] {"0.99", "5.01"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> LivingCostFloor.fromCsv(
          new ByteArrayInputStream(new byte[0]), "floor.csv", new BigDecimal(uplift), Money.ofYuan(1000)));
      assertEquals(List.of(Problem.of("uplift", uplift + " is outside 1..5")), e.problems());
    }
  }

  /**
   * A floor is the standard × uplift × household, rounded half-up to the fen: 1 000.02 × 1.25 is 1 250.025, so
   * 1 250.03, and for three 3 750.075, so 3 750.08 (rounded down, or half to even, a fen under the figures).
   */
  @Test
  void aFloorOfHalfAFenRoundsUp() {
    LivingCostFloor floor = LivingCostFloor.fromCsv(new ByteArrayInputStream((HEADER
        + "310000,上海市,1000.02,2024,false,x\n").getBytes(StandardCharsets.UTF_8)), "floor.csv", new BigDecimal("1.25"),
        Money.ofYuan(800));
    assertEquals(Money.of("1250.03"), floor.floor("310000", 1).floor());
    assertEquals(Money.of("3750.08"), floor.floor("310000", 3).floor());
  }

  /** An uplift far out of range is named in exponent form: in full it is a billion digits, and refusing it ran out of memory. */
  @Test
  void anUpliftFarOutOfRangeIsNamedInShortForm() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> LivingCostFloor.fromCsv(
        new ByteArrayInputStream(new byte[0]), "floor.csv", new BigDecimal("1E+999999999"), Money.ofYuan(800)));
    assertEquals(List.of(Problem.of("uplift", "1E+999999999 is outside 1..5")), e.problems());
  }

  /**
   * An uplift within 1..5 but with more decimals than a rate may have is refused: every floor's note writes it out,
   * so one of 10^5 decimals put a hundred thousand characters into each assessment.
   */
  @Test
  void anUpliftWithMoreDecimalsThanARateIsRefused() {
    BigDecimal uplift = new BigDecimal("1." + "0".repeat(99_999) + "1");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> LivingCostFloor.fromCsv(
        new ByteArrayInputStream(new byte[0]), "floor.csv", uplift, Money.ofYuan(800)));
    assertEquals(List.of(Problem.of("uplift", "1.00000000000000000000000000000000000... has 100000 decimals; at most 40, as a rate or ratio")),
        e.problems());
  }

  /**
   * A file without the header line (empty, a failed copy, or comments only) is no table: it had been read as one
   * with no rows, and every region silently took the national default. A header with no rows is still a table.
   */
  @Test
  void aTableWithoutItsHeaderIsRefusedNotReadAsEmpty() {
    for (String csv : List.of("", "\n\n", "# 2024 standards\n")) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> table(csv), csv);
      assertEquals(List.of(Problem.of("floor.csv", "has no header line code,name,monthlyYuan,year,verified,source: "
          + "a table with no rows is that line alone")), e.problems());
    }
    assertEquals("national default", table("# none\n" + HEADER).floor("310000", 1).row().name());
  }

  /**
   * A region's name is how an assessment's notes name the row it used, and its source says where the figure comes
   * from: a blank name (the notes then said "floor 1812.00 = 1510.00 ( 2024 低保)"), one holding a right-to-left
   * override or a tab, and a blank source had been taken. Each is named with its line and field.
   */
  @Test
  void aBlankOrInvisibleNameOrSourceIsNamedWithItsLine() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> table(HEADER
        + "310000,,1510,2024,true,src\n"
        + "440100,广州\u202E市,1231,2024,false,src\n"
        + "440300,深圳\t市,1365,2024,false,src\n"
        + "330100,杭州市,1228,2024,false, \n"));
    assertEquals(List.of(Problem.of("floor.csv:2 name", "must not be empty"),
        Problem.of("floor.csv:3 name", "contains an invisible or control character (U+202E at position 3); it must be "
            + "one line of visible text"),
        Problem.of("floor.csv:4 name", "contains an invisible or control character (U+0009 at position 3); it must be "
            + "one line of visible text"),
        Problem.of("floor.csv:5 source", "must not be empty")), e.problems());
    assertEquals("杭州市", table(HEADER + "330100,杭州市,1228,2024,false,杭州市民政局 (2024), approximate\n")
        .floor("330106", 1).row().name());
  }

  /**
   * A table whose stream fails while it is read (a file on a failing disk or share) is an error naming the table and
   * why: it had escaped as a bare UncheckedIOException naming neither, and no FenqiException.
   */
  @Test
  void aTableThatCannotBeReadIsNamed() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("Input/output error");
      }
    };
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> LivingCostFloor.fromCsv(failing, "floor.csv", new BigDecimal("1.2"), Money.ofYuan(800)));
    assertEquals(List.of(Problem.of("floor.csv", "cannot be read: Input/output error")), e.problems());
  }

  /**
   * A table is read up to {@link InputFiles#DEFAULT_MAX_BYTES}, as a file is: a stream of a wrong path ({@code
   * /dev/zero}, a disk image) had been read whole until the JVM ran out of memory. Here one byte more than the limit,
   * of a comment, which had been read to its end and called a file without a header.
   */
  @Test
  void aTableLargerThanAnyFileIsRefusedNotReadWhole() {
    InputStream huge = new InputStream() {
      private long left = InputFiles.DEFAULT_MAX_BYTES + 1;

      @Override
      public int read() {
        return left-- > 0 ? '#' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) '#');
        left -= n;
        return n;
      }
    };
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> LivingCostFloor.fromCsv(huge, "floor.csv", new BigDecimal("1.2"), Money.ofYuan(800)));
    assertEquals(List.of(Problem.of("floor.csv", "is larger than " + InputFiles.DEFAULT_MAX_BYTES + " bytes")),
        e.problems());
  }

  /** Every missing argument of a table is named at once (each had been a bare NullPointerException). */
  @Test
  void aMissingArgumentOfATableIsNamed() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> LivingCostFloor.fromCsv(null, null, null, null));
    assertEquals(List.of(Problem.of("csv", "is required"), Problem.of("sourceName", "is required"),
        Problem.of("uplift", "is required"), Problem.of("nationalDefault", "is required")), e.problems());
  }

  /**
   * Every two-digit prefix is a region exactly when it is one of the province-level regions of GB/T 2260 the
   * documentation lists (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82): 60, between Tibet's 54 and Shaanxi's 61,
   * is none.
   */
  @Test
  void aPrefixIsARegionExactlyWhenGbT2260ListsIt() {
    int[][] listed = {{11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54}, {61, 65}, {71, 71}, {81, 82}};
    for (int prefix = 0; prefix < 100; prefix++) {
      boolean region = false;
      for (int[] range : listed) {
        region |= prefix >= range[0] && prefix <= range[1];
      }
      String code = String.format(java.util.Locale.ROOT, "%02d0000", prefix);
      assertEquals(region, LivingCostFloor.whyNoRegion(code).isEmpty(), code);
    }
  }

  /** A national default of 0 is no standard, as a row's 0 is not: regions outside the table would have no floor. */
  @Test
  void aNationalDefaultOfZeroIsRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> LivingCostFloor.fromCsv(
        new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)), "floor.csv", BigDecimal.ONE, Money.ZERO));
    assertEquals(List.of(Problem.of("nationalDefault", "0.00 is not more than 0")), e.problems());
  }

  /**
   * A code takes its own row, else its city's, else its province's, else the national default, and only the last is a
   * fallback: the shipped table has no district or province row, so no test had held the order (a lookup skipping the
   * code's own row gave a district the city's standard, one skipping the province row gave the national default to a
   * city the province's standard covers).
   */
  @Test
  void aCodeTakesItsOwnRowThenItsCitysThenItsProvincesThenTheNationalDefault() {
    LivingCostFloor floor = table(HEADER + "440000,广东省,1000,2024,false,x\n440100,广州市,1231,2024,false,x\n"
        + "440106,天河区,1300,2024,false,x\n");
    String[][] expected = {{"440106", "天河区", "1560.00"}, {"440105", "广州市", "1477.20"},
        {"441900", "广东省", "1200.00"}, {"450100", "national default", "960.00"}};
    for (String[] e : expected) {
      LivingCostFloor.Applied applied = floor.floor(e[0], 1);
      assertEquals(e[1], applied.row().name(), e[0]);
      assertEquals(Money.of(e[2]), applied.floor(), e[0]);
      assertEquals(e[1].equals("national default"), applied.fallback(), e[0]);
    }
  }
}
