package io.github.fenqi.core.affordability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.money.Money;
import java.io.ByteArrayInputStream;
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
}
