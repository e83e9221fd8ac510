package io.github.fenqi.core.affordability;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.RequiredParts;
import io.github.fenqi.core.TextFields;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.money.Decimals;
import io.github.fenqi.core.money.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The least a household must spend on essentials each month: the regional minimum living standard (低保)
 * per person × an uplift × the household size. Essentials in an assessment are never below it, so a
 * borrower's plan never assumes they live under the poverty line.
 *
 * <p>Lookup: the city row of the division code ({@code 310000} → itself, {@code 440106} → {@code 440100}),
 * else the province row ({@code 44xxxx} → {@code 440000}), else the configured national default. The
 * assessment names the row used. A code whose first two digits are no province-level region of GB/T 2260 is
 * refused, not given the national default.
 *
 * <p>The shipped table ({@code living-cost-floor.csv}) is small and its figures are marked unverified; load
 * your own with {@link #fromCsv}.
 *
 * <p>Thread-safety: immutable.
 */
public final class LivingCostFloor {

  /**
   * One row of the table.
   *
   * <p>Thread-safety: immutable.
   *
   * @param code division code
   * @param name region name
   * @param monthlyPerPerson the standard, per person per month
   * @param year the year of the standard
   * @param verified whether the figure was checked against the published announcement
   * @param source where it comes from
   */
  public record Row(String code, String name, Money monthlyPerPerson, int year, boolean verified, String source) {
    public Row {
      RequiredParts.check(new String[] {"code", "name", "monthlyPerPerson", "source"}, code, name, monthlyPerPerson,
          source);
    }
  }

  /**
   * Which row an assessment used, and the resulting floor.
   *
   * <p>Thread-safety: immutable.
   */
  public record Applied(Row row, boolean fallback, Money floor) {
    public Applied {
      RequiredParts.check(new String[] {"row", "floor"}, row, floor);
    }
  }

  /**
   * The first two digits of a division code: a province-level region of GB/T 2260, Taiwan, Hong Kong and Macao (71, 81,
   * 82) included. A code of any other (000000, 990000, digits shifted: 031000) had silently taken the national default.
   */
  private static final Pattern PROVINCE = Pattern.compile("1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12]");

  /**
   * Why the six-digit {@code code} is no administrative division code, if it is not: its first two digits are no
   * province-level region of GB/T 2260. The reason follows the code ({@code "'990000' " + reason}). A floor is refused
   * for such a code, and so is a {@link Borrower} holding one, with this reason: a case of {@code 990000} had been
   * refused only by the affordability step, after its screening had sent the ID number to every risk service.
   *
   * @param code six digits (what is not, each caller refuses in its own words)
   */
  public static Optional<String> whyNoRegion(String code) {
    if (PROVINCE.matcher(code.substring(0, 2)).matches()) {
      return Optional.empty();
    }
    return Optional.of("is not an administrative division code: " + code.substring(0, 2) + " is no province-level "
        + "region of GB/T 2260 (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82)");
  }

  /**
   * The longest source of a row: room for a bureau's announcement and its address. A row's name and source are each one
   * line of visible text ({@link TextFields}): the name is how an assessment's notes name the row used, and a blank one,
   * or one with a right-to-left override or a tab, had been taken and printed there.
   */
  private static final int MAX_SOURCE_LENGTH = 500;

  private final Map<String, Row> rows;
  private final Row nationalDefault;
  private final BigDecimal uplift;

  private LivingCostFloor(Map<String, Row> rows, Row nationalDefault, BigDecimal uplift) {
    this.rows = Map.copyOf(rows);
    this.nationalDefault = nationalDefault;
    this.uplift = uplift;
  }

  /**
   * The shipped table with uplift 1.2 (the 低保 line is a bare subsistence minimum; a working borrower's
   * essentials sit somewhat above it) and a national default of 800 yuan per person per month for regions not
   * in the table.
   */
  public static LivingCostFloor defaults() {
    try (InputStream in = LivingCostFloor.class.getResourceAsStream("living-cost-floor.csv")) {
      if (in == null) {
        throw new IllegalStateException("living-cost-floor.csv is missing from fenqi-core");
      }
      return fromCsv(in, "living-cost-floor.csv", new BigDecimal("1.2"), Money.ofYuan(800));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A table from CSV ({@code code,name,monthlyYuan,year,verified,source}, {@code #} comments; UTF-8, with or without
   * the byte-order mark a spreadsheet writes; other bytes, such as a table saved as GBK, are an error naming their line),
   * with an uplift ≥ 1 and a national default per person. Every problem
   * of the table is reported at once, each with its line: a region given twice (the later row had silently replaced
   * the earlier), an amount that is not more than 0 (a negative 低保 had made the floor negative, so it held nothing
   * up), and a file without the header line (empty, or comments only, as a failed copy leaves it: it had been read as a
   * table of no rows, so every region silently took the national default; a table of no rows is the header alone), a
   * region's name or source that is not one line of visible text, a byte-order mark beginning any line but the first
   * (a second table joined after the first: it had been told as a line without 6 fields). A missing argument is named
   * (each had been a bare NullPointerException), and so is a stream that fails while it is read, with the reason (it
   * had escaped as an {@link UncheckedIOException} naming neither the table nor the reason), and one longer than
   * {@link InputFiles#DEFAULT_MAX_BYTES}, as a file is (a stream of {@code /dev/zero} had been read until the JVM ran out
   * of memory).
   */
  public static LivingCostFloor fromCsv(InputStream csv, String sourceName, BigDecimal uplift, Money nationalDefault) {
    List<Problem> missing = new ArrayList<>();
    String[] names = {"csv", "sourceName", "uplift", "nationalDefault"};
    Object[] given = {csv, sourceName, uplift, nationalDefault};
    for (int i = 0; i < names.length; i++) {
      if (given[i] == null) {
        missing.add(Problem.of(names[i], "is required"));
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(missing);
    }
    if (uplift.compareTo(BigDecimal.ONE) < 0 || uplift.compareTo(BigDecimal.valueOf(5)) > 0) {
      throw new InvalidInputException("uplift", Decimals.shown(uplift) + " is outside 1..5");
    }
    List<Problem> decimals = new ArrayList<>(); // every floor's note writes the uplift out
    AffordabilityCoefficients.fewDecimals("uplift", uplift, decimals);
    if (!decimals.isEmpty()) {
      throw new InvalidInputException(decimals);
    }
    if (!nationalDefault.isPositive()) {
      throw new InvalidInputException("nationalDefault", nationalDefault + " is not more than 0");
    }
    tooLarge(nationalDefault, uplift).ifPresent(why -> {
      throw new InvalidInputException("nationalDefault", why);
    });
    Map<String, Row> rows = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new StringReader(utf8(csv, sourceName)))) {
      String line;
      int number = 0;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.startsWith("\uFEFF")) { // invisible: "expected 6 fields" of a code that looks six digits misled
          problems.add(Problem.of(sourceName + ":" + number, "begins with a byte-order mark (U+FEFF), which only a "
              + "file's first line may: a second table joined after the first? Remove the mark, and the second "
              + "table's header line"));
          continue;
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          if (!line.startsWith("code,name,monthlyYuan,year,verified,source")) {
            problems.add(Problem.of(sourceName + ":" + number, "expected the header code,name,monthlyYuan,year,verified,source"));
            break;
          }
          continue;
        }
        String[] f = line.split(",", 6);
        if (f.length != 6 || !f[0].matches("\\d{6}") || !f[3].matches("\\d{4}") || !f[4].matches("true|false")) {
          problems.add(Problem.of(sourceName + ":" + number, "expected 6 fields: a 6-digit code, name, amount, year, true|false, source"));
          continue;
        }
        Optional<String> noRegion = whyNoRegion(f[0]);
        if (noRegion.isPresent()) {
          problems.add(Problem.of(sourceName + ":" + number, "code " + f[0] + " " + noRegion.get()));
          continue;
        }
        List<Problem> text = new ArrayList<>();
        TextFields.check(sourceName + ":" + number + " name", f[1], TextFields.MAX_ID_LENGTH).ifPresent(text::add);
        TextFields.check(sourceName + ":" + number + " source", f[5], MAX_SOURCE_LENGTH).ifPresent(text::add);
        if (!text.isEmpty()) {
          problems.addAll(text);
          continue;
        }
        Integer earlier = lineOf.putIfAbsent(f[0], number);
        if (earlier != null) {
          problems.add(Problem.of(sourceName + ":" + number, "code " + f[0] + " is already on line " + earlier
              + ": one row per region"));
          continue;
        }
        try {
          Money amount = Money.parse(sourceName + ":" + number + " monthlyYuan", f[2]);
          if (!amount.isPositive()) {
            problems.add(Problem.of(sourceName + ":" + number + " monthlyYuan", amount + " is not more than 0"));
            continue;
          }
          Optional<String> tooLarge = tooLarge(amount, uplift);
          if (tooLarge.isPresent()) {
            problems.add(Problem.of(sourceName + ":" + number + " monthlyYuan", tooLarge.get()));
            continue;
          }
          rows.put(f[0], new Row(f[0], f[1], amount, Integer.parseInt(f[3]), Boolean.parseBoolean(f[4]), f[5]));
        } catch (InvalidInputException e) {
          problems.addAll(e.problems());
        }
      }
      if (header) { // an empty file, or comments only: a failed copy, not a table of no rows
        problems.add(Problem.of(sourceName, "has no header line code,name,monthlyYuan,year,verified,source: a table "
            + "with no rows is that line alone"));
      }
    } catch (IOException e) { // the table's own stream: a failing disk or share
      throw new InvalidInputException(sourceName, "cannot be read: " + InputFiles.reason(e));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new LivingCostFloor(rows, new Row("000000", "national default", nationalDefault, 0, false, "configured"), uplift);
  }

  /**
   * The table's text, decoded strictly. A table saved as GBK (what a spreadsheet on a Chinese Windows writes as "CSV")
   * had been read through a replacing decoder: its codes and amounts are ASCII and read, but every region's name and
   * source became U+FFFD marks, which assessments then named as the row they used, without a word.
   */
  private static String utf8(InputStream csv, String sourceName) throws IOException {
    byte[] bytes = csv.readNBytes((int) InputFiles.DEFAULT_MAX_BYTES + 1);
    if (bytes.length > InputFiles.DEFAULT_MAX_BYTES) { // a stream of /dev/zero had been read until out of memory
      throw new InvalidInputException(sourceName, "is larger than " + InputFiles.DEFAULT_MAX_BYTES + " bytes");
    }
    return InputFiles.utf8(bytes, 0, sourceName, badByte -> String.format(java.util.Locale.ROOT,
        "byte 0x%02X is not UTF-8 text (a spreadsheet's plain \"CSV\" is GBK on a Chinese Windows): save the table as "
            + "\"CSV UTF-8\"", badByte));
  }

  /**
   * Why a standard per person is too large for a floor, if it is: its floor for the largest household is above
   * {@link Money#LARGEST_INPUT}. A row of 10^15 yuan had been read, and every assessment in its region then failed
   * with an {@link ArithmeticException} (overflow) instead of the table naming its line.
   */
  private static Optional<String> tooLarge(Money perPerson, BigDecimal uplift) {
    BigDecimal largest = perPerson.toYuan().multiply(uplift).multiply(BigDecimal.valueOf(Borrower.MAX_HOUSEHOLD_SIZE));
    if (largest.compareTo(Money.LARGEST_INPUT.toYuan()) <= 0) {
      return Optional.empty();
    }
    return Optional.of(perPerson + " × uplift " + uplift.toPlainString() + " × a household of "
        + Borrower.MAX_HOUSEHOLD_SIZE + " is above " + Money.LARGEST_INPUT + ", the largest amount");
  }

  /**
   * The factor over the standard that every floor of this table applies, which an assessment's explanation states: it
   * had said "× uplift" without the figure, and 3624.00 = 1510.00 × uplift × 2 could not be checked.
   */
  public BigDecimal uplift() {
    return uplift;
  }

  /**
   * The floor for a household of {@code householdSize} (1..{@link Borrower#MAX_HOUSEHOLD_SIZE}) living in
   * {@code regionCode}.
   *
   * @throws InvalidInputException naming {@code householdSize} when it is outside that range (0 had given a floor of 0),
   *     and {@code regionCode} when it is not six digits ({@code 31000} had silently taken the national default) or its
   *     first two are no province-level region of GB/T 2260 ({@code 990000})
   */
  public Applied floor(@Nullable String regionCode, int householdSize) {
    // both arguments' problems at once, as a Borrower's: a bad region had been told alone, its household after the fix
    List<Problem> problems = new ArrayList<>();
    if (regionCode == null) {
      problems.add(Problem.of("regionCode", "is missing; expected a 6-digit administrative division code"));
    } else if (!regionCode.matches("\\d{6}")) {
      // quoted as a value from outside is: raw and whole, "310000\nINFO ..." began a line of its own in a log
      problems.add(Problem.of("regionCode", "'" + Problem.excerpt(regionCode)
          + "' is not a 6-digit administrative division code"));
    } else {
      whyNoRegion(regionCode).ifPresent(why -> problems.add(Problem.of("regionCode", "'" + regionCode + "' " + why)));
    }
    if (householdSize < 1 || householdSize > Borrower.MAX_HOUSEHOLD_SIZE) {
      problems.add(Problem.of("householdSize", householdSize + " is outside 1.." + Borrower.MAX_HOUSEHOLD_SIZE));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Optional<Row> row = Optional.ofNullable(rows.get(regionCode));
    if (row.isEmpty()) {
      row = Optional.ofNullable(rows.get(regionCode.substring(0, 4) + "00"))
          .or(() -> Optional.ofNullable(rows.get(regionCode.substring(0, 2) + "0000")));
    }
    Row used = row.orElse(nationalDefault);
    Money floor = used.monthlyPerPerson().multiply(uplift.multiply(BigDecimal.valueOf(householdSize)), RoundingMode.HALF_UP);
    return new Applied(used, row.isEmpty(), floor);
  }
}
