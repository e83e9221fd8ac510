package io.github.fenqi.core.borrower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BorrowerTest {

  /**
   * A borrower refused for one field names the ID number's and mobile's problems with it: a blank name and a mistyped
   * ID number had been refused naming the name alone, and the ID number only when the engine saw the corrected case.
   */
  @Test
  void aRefusedBorrowerNamesEveryProblemAtOnceIdentifiersIncluded() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Borrower(" ", "110105194912310021",
        "1391234567", "31000", 0, null, null, Money.ZERO, List.of(), false));
    assertEquals(List.of("name", "idNumber", "mobile", "regionCode", "householdSize"),
        e.problems().stream().map(Problem::location).toList());
    assertFalse(e.getMessage().contains("110105194912310021"), e.getMessage());
  }

  /**
   * A hardship declared twice is refused naming the repeat: it had been kept, and a deployment rule on
   * {@code borrower.hardshipCount} counted {@code ["MEDICAL","MEDICAL"]} as two hardships.
   */
  @Test
  void aHardshipDeclaredTwiceIsRefusedNamingTheRepeat() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Borrower("张三", null, null, "310000",
        1, null, null, Money.ZERO, List.of(Hardship.MEDICAL, Hardship.JOB_CHANGE, Hardship.MEDICAL), false));
    assertEquals(List.of("hardships[2]"), e.problems().stream().map(Problem::location).toList());
    assertEquals("MEDICAL is already declared at hardships[0]; list each hardship once", e.problems().get(0).reason());
    assertEquals(List.of(Hardship.MEDICAL, Hardship.JOB_CHANGE), new Borrower("张三", null, null, "310000", 1, null,
        null, Money.ZERO, List.of(Hardship.MEDICAL, Hardship.JOB_CHANGE), false).hardships());
  }

  /**
   * A region code of six digits whose first two are no province-level region of GB/T 2260 is refused where the
   * borrower is built, with the living-cost floor's reason: {@code 990000} had been built, and a case holding it was
   * refused only by the affordability step, after its screening had sent the ID number to every risk service, naming
   * {@code regionCode} where the case's field is {@code borrower.regionCode}. Taiwan, Hong Kong and Macao (71, 81, 82)
   * are regions.
   */
  @Test
  void aRegionCodeOfNoProvinceIsRefusedWhereTheBorrowerIsBuilt() {
    for (String code : new String[] {"990000", "000000", "031000", "830000"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Borrower("张三", null, null, code, 1,
          null, null, Money.ZERO, List.of(), false), code);
      assertEquals(List.of(Problem.of("regionCode", "'" + code + "' is not an administrative division code: "
          + code.substring(0, 2) + " is no province-level region of GB/T 2260 (11-15, 21-23, 31-37, 41-46, 50-54, "
          + "61-65, 71, 81, 82)")), e.problems());
    }
    for (String code : new String[] {"110000", "440106", "650000", "710000", "810000", "820000"}) {
      assertEquals(code, new Borrower("张三", null, null, code, 1, null, null, Money.ZERO, List.of(), false)
          .regionCode());
    }
  }

  /**
   * A region code that is no six ASCII digits is quoted, as {@code LivingCostFloor.floor} quotes it, so the reader sees
   * what was sent (a name, a space, full-width digits): it had been told only what a code must be. An ID number
   * pasted into the field is masked, and a missing code is told missing.
   */
  @Test
  void aRegionCodeThatIsNoSixDigitsIsQuoted() {
    String[][] cases = {{"上海 市", "'上海 市' is not"}, {"310000 ", "'310000 ' is not"}, {"３１００００", "'３１００００' is not"},
        {"31000", "'31000' is not"}};
    for (String[] c : cases) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Borrower("张三", null, null, c[0], 1,
          null, null, Money.ZERO, List.of(), false), c[0]);
      assertEquals(List.of(Problem.of("regionCode", c[1] + " a 6-digit administrative division code such as "
          + "\"310000\"")), e.problems(), c[0]);
    }
    InvalidInputException pasted = assertThrows(InvalidInputException.class, () -> new Borrower("张三", null, null,
        "110105194912310021", 1, null, null, Money.ZERO, List.of(), false));
    assertFalse(pasted.getMessage().contains("110105194912310021"), pasted.getMessage());
    InvalidInputException missing = assertThrows(InvalidInputException.class, () -> new Borrower("张三", null, null,
        null, 1, null, null, Money.ZERO, List.of(), false));
    assertEquals(List.of(Problem.of("regionCode", "is missing; expected a 6-digit administrative division code such "
        + "as \"310000\"")), missing.problems());
  }

  /** The same from a case file: every field of the borrower, under its path. */
  @Test
  void aBorrowerReadFromJsonNamesEveryProblemAtOnce() {
    String json = """
        {"name":"","idNumber":"110105194912310021","mobile":"1391234567","regionCode":"310000","householdSize":2,
         "liquidSavings":"0.00","hardships":[],"hasHardshipProof":false}""";
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FenqiJson.read(FenqiJson.newMapper(),
        json.getBytes(StandardCharsets.UTF_8), Borrower.class, "borrower.json"));
    assertEquals(List.of("name", "idNumber", "mobile"), e.problems().stream().map(Problem::location)
        .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList(), e.getMessage());
  }

  /**
   * A borrower whose only problems are its identifiers is built: the engine checks them at its door against its own
   * clock (a birth date is checked against the case's today), and names them there.
   */
  @Test
  void identifiersAloneAreLeftToTheEngine() {
    Borrower b = new Borrower("张三", "110105194912310021", "1391234567", "310000", 1, null, null, Money.ZERO, List.of(),
        false);
    assertEquals("110105194912310021", b.idNumber());
  }
}
