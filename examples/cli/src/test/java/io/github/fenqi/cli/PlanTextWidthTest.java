package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fenqi.core.json.FenqiJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@code fenqi plan --format text} run as a shell runs it keeps within the terminal's width (100 columns, or
 * {@code COLUMNS}): the scripts had been printed as paragraphs of some 400 columns on one line and each debt row of
 * the table ran to 126 columns. Wrapping loses nothing: every script's characters are all there, in order, and no
 * number, amount or identifier is cut.
 */
class PlanTextWidthTest {
  private static final String POLICIES = "../../samples/policies";
  private static final String FEASIBLE = "../../samples/cases/shanghai-three-debts-feasible.json";
  /** A run of printable ASCII without spaces: an English word, a number, an amount, an identifier. */
  private static final Pattern ASCII_RUN = Pattern.compile("[\\x21-\\x7E]+");

  /** {@link CliProcess#outputWithColumns}. */
  private static String fenqi(@Nullable String columns, String... args) throws Exception {
    return CliProcess.outputWithColumns(columns, args);
  }

  @Test
  void everyLineOfTheTextReportKeepsWithinTheWidthInBothLanguages() throws Exception {
    for (String lang : List.of("zh-CN", "en")) {
      for (String columns : new String[] {null, "40", "60", "80", "132"}) {
        int width = columns == null ? 100 : Integer.parseInt(columns);
        String text = fenqi(columns, "plan", FEASIBLE, "--policies", POLICIES, "--format", "text", "--lang", lang);
        assertEquals(9, text.split("==== script: ", -1).length - 1, text);
        for (String line : text.lines().toList()) {
          assertTrue(displayWidth(line) <= width, lang + ", " + width + " columns: " + displayWidth(line) + ": " + line);
        }
        if (width >= 100) { // the sample's scripts have paragraphs wider than 132 columns: they were wrapped
          assertTrue(text.lines().anyMatch(l -> displayWidth(l) > width - 10), "lines used up to the width\n" + text);
        }
      }
    }
  }

  /**
   * In a terminal narrower than the tables (their rows took 73 and 80 columns whatever {@code COLUMNS} said), each
   * proposal and each debt plan is printed as its values, each after its heading's label, wrapped within the width:
   * no value is lost or cut.
   */
  @Test
  void inANarrowTerminalTheTablesRowsAreLabelledValuesWithinTheWidth() throws Exception {
    JsonNode json = FenqiJson.newMapper().readTree(fenqi(null, "plan", FEASIBLE, "--policies", POLICIES));
    String text = fenqi("40", "plan", FEASIBLE, "--policies", POLICIES, "--format", "text");
    String table = text.substring(0, text.indexOf("==== script: "));
    table.lines().forEach(l -> assertTrue(displayWidth(l) <= 40, displayWidth(l) + ": " + l + "\n" + table));
    String words = String.join(" ", table.strip().split("\\s+"));
    for (JsonNode p : json.get("proposals")) {
      assertTrue(words.contains(p.get("strategy").asText() + " 1st month " + p.get("totalFirstMonthInstallment")
          .asText() + " down " + p.get("totalDownPayment").asText() + " total pay " + p.get("totalPayable").asText()
          + " saving " + p.get("saving").asText() + " p(accept) "), p + "\n" + table);
      for (JsonNode d : p.get("plans")) {
        assertTrue(words.contains(d.get("debtId").asText() + " " + d.get("platformId").asText() + " term "
            + d.get("term").asText() + " down " + d.get("downPayment").asText() + " waived " + d.get("waivedTotal")
            .asText() + " 1st " + d.get("firstInstallment").asText() + " total " + d.get("totalPayable").asText()
            + " IRR "), d + "\n" + table);
      }
    }
  }

  /** The wrapped scripts hold the JSON's scripts' characters in order, and every number, amount and id whole. */
  @Test
  void wrappingTheScriptsLosesAndCutsNothing() throws Exception {
    for (String lang : List.of("zh-CN", "en")) {
      JsonNode json = FenqiJson.newMapper().readTree(fenqi(null, "plan", FEASIBLE, "--policies", POLICIES, "--lang",
          lang));
      Map<String, String> printed = scripts(fenqi("80", "plan", FEASIBLE, "--policies", POLICIES, "--format", "text",
          "--lang", lang));
      int compared = 0;
      for (JsonNode p : json.get("proposals")) {
        for (JsonNode s : p.get("scripts")) {
          String original = text(s);
          String wrapped = printed.get(p.get("strategy").asText() + " / " + s.get("debtId").asText());
          assertTrue(original.lines().anyMatch(l -> displayWidth(l) > 80), "a script line to wrap: " + original);
          assertEquals(original.replaceAll("\\s", ""), wrapped.replaceAll("\\s", ""), wrapped);
          assertEquals(asciiRuns(original), asciiRuns(wrapped), wrapped);
          if (lang.equals("en")) {
            assertEquals(List.of(original.strip().split("\\s+")), List.of(wrapped.strip().split("\\s+")), wrapped);
          }
          compared++;
        }
      }
      assertEquals(9, compared);
    }
  }

  /** The JSON is the same whatever the terminal's width: its script texts are not wrapped. */
  @Test
  void theJsonDoesNotDependOnTheWidth() throws Exception {
    String json = fenqi(null, "plan", FEASIBLE, "--policies", POLICIES);
    assertEquals(json, fenqi("60", "plan", FEASIBLE, "--policies", POLICIES));
    assertTrue(text(FenqiJson.newMapper().readTree(json).at("/proposals/0/scripts/0")).lines()
        .anyMatch(l -> displayWidth(l) > 100), "the JSON's scripts keep their long lines");
  }

  /** A COLUMNS that is no width is named on standard error and the text wrapped at 100 columns. */
  @Test
  void aColumnsThatIsNoWidthIsNamedAndNotUsed() throws Exception {
    ProcessBuilder pb = CliProcess.fenqi("plan", FEASIBLE, "--policies", POLICIES, "--format", "text");
    pb.environment().put("COLUMNS", "wide");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    CliProcess ended = CliProcess.end(p);
    assertEquals(0, ended.exit(), ended.err());
    assertEquals("fenqi: warning: COLUMNS: 'wide' is not a width from 40 to 1000; the text is wrapped at 100 columns",
        ended.err().strip());
    assertFalse(out.lines().anyMatch(l -> displayWidth(l) > 100), out);
  }

  /** Each script of the text report by "STRATEGY / debtId": the lines under its heading up to the next heading. */
  private static Map<String, String> scripts(String text) {
    Map<String, String> scripts = new LinkedHashMap<>();
    Matcher heading = Pattern.compile("(?m)^==== script: (\\S+ / \\S+) .*$").matcher(text);
    List<int[]> at = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (heading.find()) {
      names.add(heading.group(1));
      at.add(new int[] {heading.end()});
    }
    for (int i = 0; i < names.size(); i++) {
      int end = i + 1 < names.size() ? text.indexOf("\n==== ", at.get(i)[0]) : text.length();
      scripts.put(names.get(i), text.substring(at.get(i)[0], end));
    }
    return scripts;
  }

  /** A script of the JSON as lines: its title, then each section's title and text. */
  private static String text(JsonNode script) {
    StringBuilder text = new StringBuilder(script.get("title").asText());
    for (JsonNode section : script.get("sections")) {
      text.append('\n').append(section.get("title").asText()).append('\n').append(section.get("text").asText());
    }
    return text.toString();
  }

  private static List<String> asciiRuns(String text) {
    return ASCII_RUN.matcher(text).results().map(m -> m.group()).toList();
  }

  /**
   * The columns a terminal gives {@code text}: two for a Han character, CJK punctuation ({@code 。《》}) and fullwidth
   * forms ({@code （），：}), one otherwise (the sample's reports hold no other wide characters).
   */
  static int displayWidth(String text) {
    return text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
        || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || c >= 0xFF01 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6 ? 2 : 1).sum();
  }
}
