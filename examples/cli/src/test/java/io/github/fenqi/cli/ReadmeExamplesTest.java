package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands of the README's {@code ```bash} blocks run as written, by a shell in the repository's root directory,
 * where their relative paths lead: each in its bare form (its {@code [optional]} parts left out) and once with each
 * optional part, each of its {@code a|b} alternatives in turn (a part nested in another goes with the last
 * alternative: {@code --solver exact|optaplanner [--time-limit 1s]}). The jar is not built when the tests run, so
 * {@code java -jar examples/cli/target/fenqi-cli.jar} is the same main class on the test class path; the README's
 * placeholders are given values ({@link #PLACEHOLDERS}), and nothing else is changed. Every such command exits 0 and
 * prints no stack trace, and every option it shows is one its {@code --help} names.
 */
class ReadmeExamplesTest {
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final String JAR = "java -jar examples/cli/target/fenqi-cli.jar";

  /**
   * The README's placeholders, each with the value it stands for here: the sample files for the borrower's, a new
   * log and checkpoint for the audit examples. Replaced as whole words, in this order.
   */
  private static final Map<String, String> PLACEHOLDERS = new LinkedHashMap<>();

  static {
    PLACEHOLDERS.put("FENQI_AUDIT_KEY=...", "FENQI_AUDIT_KEY=\"$KEY\"");
    PLACEHOLDERS.put("TEXT.txt", "samples/policy-texts/01.txt");
    PLACEHOLDERS.put("alipay.csv", "samples/statements/alipay_A.csv");
    PLACEHOLDERS.put("wechat.csv", "samples/statements/wechat_A.csv");
    PLACEHOLDERS.put("bank.csv", "samples/statements/bank_A.csv");
    PLACEHOLDERS.put("> demo-online-lender--new.json", "> \"$TMP/demo-online-lender--new.json\"");
    PLACEHOLDERS.put("audit.jsonl", "\"$TMP/audit.jsonl\"");
    PLACEHOLDERS.put("/elsewhere/", "\"$TMP\"/");
    PLACEHOLDERS.put("cp-2026-12-02.txt", "cp-$(date +%F).txt"); // the checkpoint kept today, the one verified
    PLACEHOLDERS.put("--annual-rate R", "--annual-rate 0.06");
    PLACEHOLDERS.put("--down-payment D", "--down-payment 1000");
    PLACEHOLDERS.put("--version LABEL", "--version 2026-12-01-text");
    PLACEHOLDERS.put("--effective-from YYYY-MM-DD", "--effective-from 2026-12-01");
    PLACEHOLDERS.put("--statement FILE ...", "--statement samples/statements/bank_A.csv");
    PLACEHOLDERS.put("--audit-log FILE", "--audit-log \"$TMP/plan-audit.jsonl\"");
    PLACEHOLDERS.put("--key-env NAME", "--key-env FENQI_AUDIT_KEY");
    PLACEHOLDERS.put("--max-search-nodes N", "--max-search-nodes 5000000");
    PLACEHOLDERS.put("--holder NAME", "--holder 周子航");
    PLACEHOLDERS.put("--lexicon FILE", "--lexicon core/src/main/resources/io/github/fenqi/core/statement/lexicon-zh.json");
  }

  /** The README's commands, continuation lines joined, in order. */
  static List<String> commands() throws IOException {
    List<String> commands = new ArrayList<>();
    boolean inBash = false;
    StringBuilder command = new StringBuilder();
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (!inBash) {
        inBash = line.equals("```bash");
        continue;
      }
      if (line.equals("```")) {
        inBash = false;
        continue;
      }
      command.append(line.strip());
      if (line.endsWith("\\")) {
        command.setLength(command.length() - 1);
      } else {
        commands.add(command.toString().replaceAll("\\s+", " ").strip());
        command.setLength(0);
      }
    }
    return commands;
  }

  /**
   * The forms of {@code command} that run: without its optional parts, then with each in turn, as each of the
   * alternatives it offers.
   */
  static List<String> variants(String command) {
    List<int[]> groups = topLevelGroups(command);
    String bare = command;
    for (int i = groups.size() - 1; i >= 0; i--) {
      bare = bare.substring(0, groups.get(i)[0]) + bare.substring(groups.get(i)[1]);
    }
    List<String> variants = new ArrayList<>(List.of(bare.replaceAll("\\s+", " ").strip()));
    for (int[] g : groups) {
      List<String> parts = variants(command.substring(g[0] + 1, g[1] - 1)); // its bare form first
      for (int p = 0; p < parts.size(); p++) {
        String part = parts.get(p);
        String others = command;
        for (int i = groups.size() - 1; i >= 0; i--) {
          int[] o = groups.get(i);
          others = others.substring(0, o[0]) + (o == g ? "\u0000" : "") + others.substring(o[1]);
        }
        for (String alternative : alternatives(part, p > 0)) {
          variants.add(others.replace("\u0000", alternative).replaceAll("\\s+", " ").strip());
        }
      }
    }
    return variants;
  }

  /** The start and end (exclusive) of each outermost {@code [...]} of {@code text}. */
  private static List<int[]> topLevelGroups(String text) {
    List<int[]> groups = new ArrayList<>();
    int depth = 0;
    int start = -1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '[' && depth++ == 0) {
        start = i;
      } else if (text.charAt(i) == ']' && --depth == 0) {
        groups.add(new int[] {start, i + 1});
      }
    }
    return groups;
  }

  /**
   * {@code part} once per alternative of its {@code a|b} word (itself when it has none); with a nested part included
   * ({@code withNested}) only the last alternative, the one the nested part goes with.
   */
  private static List<String> alternatives(String part, boolean withNested) {
    Matcher m = Pattern.compile("(?<=\\s|^)([A-Za-z0-9-]+(?:\\|[A-Za-z0-9-]+)+)(?=\\s|$)").matcher(part);
    if (!m.find()) {
      return List.of(part);
    }
    List<String> options = List.of(m.group(1).split("\\|"));
    if (withNested) {
      options = options.subList(options.size() - 1, options.size());
    }
    List<String> out = new ArrayList<>();
    for (String o : options) {
      out.add(part.substring(0, m.start()) + o + part.substring(m.end()));
    }
    return out;
  }

  @Test
  void theOptionalPartsOfAnExampleAreEachRunAsEachOfTheirAlternatives() {
    assertEquals(List.of("x --a", "x --a --f json", "x --a --f text", "x --a --s exact", "x --a --s opta",
            "x --a --s opta --t 1s"),
        variants("x --a [--f json|text] [--s exact|opta [--t 1s]]"));
  }

  @Test
  void everyExampleRunsAsWritten(@TempDir Path tmp) throws Exception {
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    // the log the audit examples read: one plan's entries
    ProcessBuilder plan = CliProcess.fenqi("plan", "samples/cases/shanghai-three-debts-feasible.json", "--policies",
        "samples/policies", "--audit-log", tmp.resolve("audit.jsonl").toString()).directory(ROOT.toFile());
    plan.environment().put("FENQI_AUDIT_KEY", key);
    plan.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    assertEquals(0, CliProcess.end(plan.start()).exit());
    String java = String.join(" ", CliProcess.java().stream().map(ReadmeExamplesTest::quoted).toList());
    List<String> ran = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String command : commands()) {
      String written = command.replaceFirst("^(FENQI_AUDIT_KEY=\\.\\.\\. )?", "");
      assertTrue(written.startsWith(JAR), "a README command that does not run the jar: " + command);
      for (String variant : variants(command)) {
        String shell = variant;
        for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) {
          shell = shell.replace(p.getKey(), p.getValue());
        }
        shell = shell.replace(JAR, java);
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", shell).directory(ROOT.toFile());
        pb.environment().put("KEY", key);
        pb.environment().put("FENQI_AUDIT_KEY", key);
        pb.environment().put("TMP", tmp.toString());
        pb.environment().put("LC_ALL", "C.UTF-8"); // the README's Chinese holder name, as the README says to run it
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        CliProcess run = CliProcess.end(pb.start());
        ran.add(variant);
        // a file of one format given as another is refused naming its format, as the README says
        boolean wrongFormat = variant.contains("statement ingest") && variant.matches(".*--format (alipay|wechat|bank).*");
        if (wrongFormat ? run.exit() != 1 || !run.err().contains("leave --format out") : run.exit() != 0) {
          failed.add(variant + "\n  exit " + run.exit() + ": " + run.err().strip());
        }
        assertFalse(run.err().contains("\tat "), variant + ": " + run.err());
      }
    }
    assertEquals(List.of(), failed);
    assertTrue(ran.size() >= 20, ran.toString());
  }

  /** Every option an example shows is named by the {@code --help} of its command. */
  @Test
  void everyOptionOfAnExampleIsInItsCommandsHelp() throws Exception {
    for (String command : commands()) {
      String args = command.substring(command.indexOf(JAR) + JAR.length()).strip();
      List<String> words = List.of(args.split(" "));
      List<String> path = new ArrayList<>(words.subList(0, 1));
      if (List.of("policy", "statement", "rules", "audit").contains(words.get(0))) {
        path.add(words.get(1));
      }
      List<String> helpArgs = new ArrayList<>(path);
      helpArgs.add("--help");
      String help = CliRun.of(helpArgs.toArray(String[]::new)).out();
      Matcher option = Pattern.compile("(?<=[\\s\\[])--[a-z][a-z-]*").matcher(" " + args);
      while (option.find()) {
        assertTrue(Pattern.compile(Pattern.quote(option.group()) + "(?![a-z-])").matcher(help).find(),
            String.join(" ", path) + " --help does not name "
            + option.group() + ":\n" + help);
      }
    }
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
