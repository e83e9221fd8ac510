package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCommandTest {
  private static final String DIR = "../../samples/statements/";

  @Test
  void ingestPrintsRowsRemovalsMonthsAndForensicsAsJson() throws Exception {
    CliRun r = CliRun.of("statement", "ingest", DIR + "alipay_A.csv", DIR + "wechat_A.csv", DIR + "bank_A.csv", "--holder", "周子航");
    assertEquals(0, r.exit(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(141 + 82 + 86, json.at("/rows/read").asInt());
    assertEquals(0, json.at("/rows/rejected").asInt());
    assertEquals(124 + 72 + 76, json.at("/rows/kept").asInt());
    assertEquals(4 + 2 + 2, json.at("/removed/reversals").asInt());
    assertEquals(10 + 8 + 8, json.at("/removed/internalTransfers").asInt());
    assertEquals(3, json.at("/removed/closed").asInt());
    JsonNode october = json.at("/months/5");
    assertEquals("2026-10", october.get("month").asText());
    assertEquals("8642.17", october.get("salaryIncome").asText());
    assertTrue(october.has("income") && october.has("essentialExpenses") && october.has("loanRepayments"));
    assertEquals("PASS", json.at("/forensics/verdict").asText());
    // the fields as the README names them, which a script reads by name
    assertEquals(java.util.Set.of("rows", "removed", "files", "rejectedRows", "months", "uncoveredMonths", "forensics"),
        fieldNames(json));
    assertEquals(java.util.Set.of("read", "kept", "rejected"), fieldNames(json.get("rows")));
    assertEquals(java.util.Set.of("duplicates", "reversals", "internalTransfers", "closed"),
        fieldNames(json.get("removed")));
  }

  /** The line on stderr of a BLOCK verdict whose signals are of {@code kinds}. */
  private static String blocked(String kinds) {
    return "fenqi: forensics verdict BLOCK (" + kinds + "): the statements are not accepted; the report names the rows";
  }

  private static java.util.Set<String> fieldNames(JsonNode node) {
    java.util.Set<String> names = new java.util.HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * A forged statement is reported with its rows and exits 1, as plan --statement does on it: it exited 0, and a
   * script that checks the exit code took the forgery for a statement.
   */
  @Test
  void forgedStatementIsFlaggedWithItsRowsAndExitsRejected() throws Exception {
    CliRun r = CliRun.of("statement", "ingest", DIR + "bank_A_forged.csv", "--format", "bank");
    assertEquals(FenqiCli.REJECTED, r.exit(), r.err());
    assertEquals(blocked("BALANCE_BREAK, DUPLICATE_SERIAL"), r.err().strip());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals("BLOCK", json.at("/forensics/verdict").asText());
    assertEquals("BALANCE_BREAK", json.at("/forensics/signals/0/kind").asText());
    assertEquals(4, json.at("/forensics/signals/0/rows").size());
    CliRun text = CliRun.of("statement", "ingest", DIR + "bank_A_forged.csv", "--format-out", "text");
    assertEquals(FenqiCli.REJECTED, text.exit(), text.err());
    assertTrue(text.out().contains("forensics: BLOCK"), text.out());
  }

  /** As a shell script sees it: the process's exit code, the report on standard output, the reason on stderr. */
  @Test
  void aBlockedStatementFailsTheProcessAsAForgedPlanDoes(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.json");
    Process ingest = CliProcess.fenqi("statement", "ingest", DIR + "bank_A_forged.csv")
        .redirectOutput(report.toFile()).start();
    CliProcess ended = CliProcess.end(ingest);
    assertEquals(1, ended.exit(), ended.err());
    assertTrue(ended.err().startsWith("fenqi: forensics verdict BLOCK"), ended.err());
    assertEquals("BLOCK", new ObjectMapper().readTree(report.toFile()).at("/forensics/verdict").asText());
    Process plan = CliProcess.fenqi("plan", "../../samples/cases/shanghai-three-debts.json", "--policies",
        "../../samples/policies", "--statement", DIR + "bank_A_forged.csv").redirectOutput(report.toFile()).start();
    assertEquals(1, CliProcess.end(plan).exit());
    Process genuine = CliProcess.fenqi("statement", "ingest", DIR + "bank_A.csv").redirectOutput(report.toFile()).start();
    CliProcess pass = CliProcess.end(genuine);
    assertEquals(0, pass.exit(), pass.err());
    assertEquals("", pass.err());
  }

  /**
   * The text report keeps within {@code COLUMNS}: a forensic signal naming its rows ran to some 300 columns on one
   * line, a note to 120. Wrapped, it holds the same characters as unwrapped (at 1000 columns), in order.
   */
  @Test
  void theTextReportKeepsWithinTheTerminalsWidthAndLosesNothing() throws Exception {
    for (String file : java.util.List.of("bank_A_forged.csv", "alipay_A.csv")) {
      String wide = ingestText("1000", DIR + file);
      String narrow = ingestText("80", DIR + file);
      assertTrue(wide.lines().anyMatch(l -> PlanTextWidthTest.displayWidth(l) > 100), wide);
      narrow.lines().forEach(l -> assertTrue(PlanTextWidthTest.displayWidth(l) <= 80, "wider than 80: " + l));
      assertEquals(wide.replaceAll("\\s", ""), narrow.replaceAll("\\s", ""), narrow);
      assertEquals(java.util.List.of(wide.strip().split("\\s+")), java.util.List.of(narrow.strip().split("\\s+")),
          narrow);
    }
  }

  /**
   * In a terminal of 40 columns the text report keeps within them too: its "removed" line (78 columns) was not wrapped
   * and its months' table (69 columns) had fixed widths; each month is then its figures, each after its label.
   */
  @Test
  void theTextReportKeepsWithinANarrowTerminal() throws Exception {
    // run in the statements' directory: a file name wider than the terminal is a line of its own that is wider
    ProcessBuilder pb = CliProcess.fenqi("statement", "ingest", "alipay_A.csv", "wechat_A.csv", "bank_A.csv",
        "--format-out", "text").directory(Path.of(DIR).toAbsolutePath().toFile());
    pb.environment().put("COLUMNS", "40");
    Process p = pb.start();
    String narrow = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    CliProcess ended = CliProcess.end(p);
    assertEquals(0, ended.exit(), ended.err());
    narrow.lines().forEach(l -> assertTrue(PlanTextWidthTest.displayWidth(l) <= 40, "wider than 40: " + l + "\n"
        + narrow));
    JsonNode json = new ObjectMapper().readTree(CliRun.of("statement", "ingest", DIR + "alipay_A.csv", DIR
        + "wechat_A.csv", DIR + "bank_A.csv").out());
    String words = String.join(" ", narrow.strip().split("\\s+"));
    assertTrue(words.contains("removed: " + json.at("/removed/duplicates").asText() + " duplicates, "), narrow);
    for (JsonNode m : json.get("months")) {
      assertTrue(words.contains(m.get("month").asText() + " income " + m.get("income").asText() + " salary "
          + m.get("salaryIncome").asText() + " essentials " + m.get("essentialExpenses").asText() + " other spend "),
          m + "\n" + narrow);
    }
  }

  /**
   * The months' table is kept in a terminal exactly as wide as it (the README: labelled figures only "in a terminal
   * narrower than it"), and is each month's labelled figures one column narrower.
   */
  @Test
  void theMonthsTableIsKeptInATerminalExactlyAsWideAsIt() throws Exception {
    String wide = ingestText("1000", DIR + "bank_A.csv");
    String heading = wide.lines().filter(l -> l.startsWith("month ")).findFirst().orElseThrow(() -> new AssertionError(wide));
    int width = PlanTextWidthTest.displayWidth(heading);
    String exact = ingestText(Integer.toString(width), DIR + "bank_A.csv");
    assertTrue(exact.lines().anyMatch(heading::equals), width + " columns:\n" + exact);
    String narrower = ingestText(Integer.toString(width - 1), DIR + "bank_A.csv");
    assertFalse(narrower.lines().anyMatch(l -> l.startsWith("month ")), narrower);
    assertTrue(narrower.contains("\n2026-10\n  income "), narrower);
  }

  /** Standard output of {@code fenqi statement ingest FILE --format-out text} with {@code COLUMNS} set. */
  private static String ingestText(String columns, String file) throws Exception {
    ProcessBuilder pb = CliProcess.fenqi("statement", "ingest", file, "--format-out", "text");
    pb.environment().put("COLUMNS", columns);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    CliProcess.end(p); // the forged file's BLOCK exits 1 after the report
    return out;
  }

  /** A row dated after today (in China) is a forgery sign: ingest reports BLOCK with the row. */
  @Test
  void aRowDatedAfterTodayIsFlagged(@TempDir Path dir) throws Exception {
    java.time.LocalDate later = java.time.LocalDate.now(io.github.fenqi.core.NegotiationEngine.CASE_ZONE).plusDays(2);
    Path file = dir.resolve("bank.csv");
    Files.writeString(file, "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n"
        + "2026-05-01,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + later + ",10:00:00,POS消费,,10.00,980.00,超市,,POS\n");
    CliRun r = CliRun.of("statement", "ingest", file.toString());
    assertEquals(FenqiCli.REJECTED, r.exit(), r.err());
    assertTrue(r.err().contains("FUTURE_DATED"), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals("BLOCK", json.at("/forensics/verdict").asText());
    assertEquals("FUTURE_DATED", json.at("/forensics/signals/0/kind").asText());
    assertEquals(file + ":3", json.at("/forensics/signals/0/rows/0").asText());
  }

  /** A statement is untrusted: an escape sequence in a field is shown in the report, not sent to the terminal. */
  @Test
  void controlCharactersOfAFileAreShownNotObeyed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bank.csv");
    Files.writeString(file, "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n"
        + "2026-05-01,10:00:00,POS消费,,\"1\u001B[2J\u202E\",990.00,超市,,POS\n");
    CliRun r = CliRun.of("statement", "ingest", file.toString(), "--format-out", "text");
    assertTrue(r.out().contains("'1\\u001B[2J\\u202E' is not an amount"), r.out());
    assertTrue(r.out().chars().noneMatch(c -> c == 0x1B || c == 0x202E), r.out());
    // so picocli must not colour the help: its escapes would be shown too (on a terminal, where AUTO turns them on)
    picocli.CommandLine cl = FenqiCli.commandLine();
    assertEquals(picocli.CommandLine.Help.Ansi.OFF, cl.getColorScheme().ansi());
    assertEquals(picocli.CommandLine.Help.Ansi.OFF, cl.getSubcommands().get("plan").getColorScheme().ansi());
  }

  /**
   * A file the command cannot read as given is refused saying what to give on this command line: an Alipay export
   * given as {@code --format csv} had been told at length of a Java type (BankColumnMapping) to name its columns with,
   * and a bank export in another layout is told the columns this command reads, since it takes no column mapping.
   */
  @Test
  void aFileReadAsTheWrongFormatOrLayoutIsToldWhatToGiveOnTheCommandLine(@TempDir Path dir) throws Exception {
    CliRun alipay = CliRun.of("statement", "ingest", DIR + "alipay_A.csv", "--format", "csv");
    assertEquals(1, alipay.exit());
    assertEquals("fenqi: " + DIR + "alipay_A.csv: not a statement in the bank format but in the alipay format "
        + "(its header line is there): read it in that format (give --format alipay, or leave --format out)",
        alipay.err().strip());
    Path signed = Files.writeString(dir.resolve("cmb.csv"), "交易时间,摘要,交易金额,账户余额\n"
        + "2026-05-01 10:00:00,代发工资,8000.00,8000.00\n");
    String[][] lines = {{"statement", "ingest", signed.toString()},
        {"statement", "ingest", signed.toString(), "--format", "bank"},
        {"plan", "../../samples/cases/shanghai-three-debts.json", "--policies", "../../samples/policies",
            "--statement", signed.toString()}};
    for (String[] line : lines) {
      CliRun bank = CliRun.of(line);
      assertEquals(1, bank.exit());
      String err = bank.err().strip();
      assertTrue(err.startsWith("fenqi: " + signed + ":1: not a statement") && !err.contains("BankColumnMapping")
          && err.endsWith("(this command reads a bank export by its header 交易日期,交易时间,摘要,收入金额,支出金额,账户余额,"
          + "对方户名,对方账号,交易渠道, and takes no column mapping: rename the file's columns to these (a signed amount "
          + "split into 收入金额 for money in and 支出金额 for money out), or read it through the Java SDK with one)"), err);
    }
  }

  /**
   * A bank export detected as bank but refused (its header lacks 交易渠道) under {@code --format bank} is told the
   * columns this command reads, not to "give --format bank", the option it was given: only a format other than the
   * one given is a format to give.
   */
  @Test
  void aBankExportGivenAsBankButLackingAColumnIsToldTheColumnsNotTheFormat(@TempDir Path dir) throws Exception {
    Path bank = Files.writeString(dir.resolve("bank.csv"), "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号\n"
        + "2026-05-01,20:15:03,转账-房租,,2800.00,1415.48,钱文斌,6228****5512\n");
    CliRun r = CliRun.of("statement", "ingest", bank.toString(), "--format", "bank");
    assertEquals(1, r.exit());
    String err = r.err().strip();
    assertTrue(err.startsWith("fenqi: " + bank + ":1: the header lacks the mapped columns [交易渠道]")
        && !err.contains("give --format") && err.endsWith("or read it through the Java SDK with one)"), err);
    assertEquals("", r.out());
  }

  @Test
  void textReportAndClearErrors(@TempDir Path dir) throws Exception {
    CliRun text = CliRun.of("statement", "ingest", DIR + "bank_A.csv", "--format-out", "text");
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("2026-10") && text.out().contains("forensics: PASS"), text.out());
    Path notes = Files.writeString(dir.resolve("notes.csv"), "just,some\ntext,here\n");
    CliRun bad = CliRun.of("statement", "ingest", notes.toString());
    assertEquals(1, bad.exit());
    assertTrue(bad.err().contains("notes.csv") && bad.err().contains("not a statement"), bad.err());
    CliRun badFormat = CliRun.of("statement", "ingest", DIR + "bank_A.csv", "--format", "paypal");
    assertEquals(1, badFormat.exit());
    assertTrue(badFormat.err().contains("--format"), badFormat.err());
    // an output format the command has not is refused before the files are read (this one does not exist)
    CliRun html = CliRun.of("statement", "ingest", dir.resolve("missing.csv").toString(), "--format-out", "html");
    assertEquals(1, html.exit());
    assertTrue(html.err().contains("--format-out") && html.err().contains("'html' is not offered by this command")
        && html.err().contains("use json or text"), html.err());
    assertFalse(html.err().contains("missing.csv"), html.err());
    // one file given twice is refused, naming it
    CliRun twice = CliRun.of("statement", "ingest", DIR + "bank_A.csv", DIR + "bank_A.csv");
    assertEquals(1, twice.exit());
    assertEquals("fenqi: " + DIR + "bank_A.csv: the source of statements[0] and statements[1]; give each statement once, "
        + "under its own name", twice.err().strip());
  }

  /**
   * One file under two names (another spelling of its path, a link to it) is refused as one name twice is: it was
   * read as two statements, one of them all duplicates ("kept 0").
   */
  @Test
  void oneFileUnderTwoNamesIsRefusedNamingBoth(@TempDir Path dir) throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of(DIR + "bank_A.csv").toAbsolutePath());
    String other = "../../samples/statements/../statements/bank_A.csv";
    CliRun ingest = CliRun.of("statement", "ingest", DIR + "bank_A.csv", other, link.toString());
    assertEquals(1, ingest.exit(), ingest.err());
    assertEquals("fenqi: 2 problems:\n"
        + "  " + other + ": is " + DIR + "bank_A.csv under another name; give each statement once\n"
        + "  " + link + ": is " + DIR + "bank_A.csv under another name; give each statement once", ingest.err().strip());
    assertEquals("", ingest.out());
    CliRun plan = CliRun.of("plan", "../../samples/cases/shanghai-three-debts.json", "--policies", "../../samples/policies",
        "--statement", link.toString(), "--statement", DIR + "bank_A.csv");
    assertEquals(1, plan.exit(), plan.err());
    assertEquals("fenqi: " + DIR + "bank_A.csv: is " + link + " under another name; give each statement once",
        plan.err().strip());
    // a copy is another file: its rows are the other's duplicates, removed by cleaning, and the run goes on
    Path copy = Files.copy(Path.of(DIR + "bank_A.csv"), dir.resolve("copy.csv"));
    assertEquals(0, CliRun.of("statement", "ingest", DIR + "bank_A.csv", copy.toString()).exit());
    // two missing files are no one file: the first is named missing when it is read
    CliRun missing = CliRun.of("statement", "ingest", dir.resolve("a.csv").toString(), dir.resolve("b.csv").toString());
    assertEquals(1, missing.exit(), missing.err());
    assertEquals("fenqi: " + dir.resolve("a.csv") + ": no such file", missing.err().strip());
  }

  @Test
  void planWithStatementsUsesTheirIncomeAndStopsOnForgery() throws Exception {
    CliRun ok = CliRun.of("plan", "../../samples/cases/shanghai-three-debts.json", "--policies", "../../samples/policies",
        "--statement", DIR + "bank_A.csv");
    assertEquals(0, ok.exit(), ok.err());
    JsonNode json = new ObjectMapper().readTree(ok.out());
    assertEquals("STATEMENTS", json.at("/affordability/incomeSource").asText());
    assertEquals("PASS", json.at("/screening/verdict").asText());
    CliRun blocked = CliRun.of("plan", "../../samples/cases/shanghai-three-debts.json", "--policies", "../../samples/policies",
        "--statement", DIR + "bank_A_forged.csv");
    assertEquals(1, blocked.exit());
    assertTrue(blocked.err().contains("blocked") && blocked.err().contains("BALANCE_BREAK"), blocked.err());
  }

  /**
   * The text report says what the JSON says: each file's counts, the rows cleaning removed by reason, each signal with
   * its rows, and each note (the README's "a file's line, a rejected row, a signal with its rows and a note"). The
   * removals add up to the rows read and not rejected nor kept, each removed row counted under one reason.
   */
  @Test
  void theTextReportSaysWhatTheJsonSays() throws Exception {
    for (String[] files : new String[][] {{DIR + "bank_A_forged.csv"},
        {DIR + "alipay_A.csv", DIR + "wechat_A.csv", DIR + "bank_A.csv"}}) {
      JsonNode json = new ObjectMapper().readTree(ingest(files).out());
      CliRun text = ingest(files, "--format-out", "text");
      String words = String.join(" ", text.out().strip().split("\\s+"));
      for (JsonNode f : json.get("files")) {
        assertTrue(words.contains(f.get("source").asText() + " " + f.get("format").asText().toLowerCase(
            java.util.Locale.ROOT) + " " + f.get("encoding").asText() + " read " + f.get("rowsRead").asInt()
            + ", rejected " + f.get("rowsRejected").asInt() + ", removed " + f.get("rowsRemoved").asInt() + ", kept "
            + f.get("rowsKept").asInt()), f + "\n" + text.out());
      }
      JsonNode removed = json.get("removed");
      assertTrue(words.contains("removed: " + removed.get("duplicates").asLong() + " duplicates, "
          + removed.get("reversals").asLong() + " reversal/refund rows, " + removed.get("internalTransfers").asLong()
          + " internal transfers, " + removed.get("closed").asLong() + " closed"), text.out());
      assertEquals(json.at("/rows/read").asLong() - json.at("/rows/rejected").asLong() - json.at("/rows/kept").asLong(),
          removed.get("duplicates").asLong() + removed.get("reversals").asLong()
              + removed.get("internalTransfers").asLong() + removed.get("closed").asLong(), removed.toString());
      for (JsonNode signal : json.at("/forensics/signals")) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        signal.get("rows").forEach(row -> rows.add(row.asText()));
        assertTrue(words.contains(signal.get("kind").asText() + ": " + signal.get("detail").asText() + " " + rows),
            signal + "\n" + text.out());
      }
      for (JsonNode note : json.at("/forensics/notes")) {
        assertTrue(words.contains("note: " + String.join(" ", note.asText().split("\\s+"))), note + "\n" + text.out());
      }
      assertTrue(json.at("/forensics/notes").size() > 0, json.toString());
    }
  }

  /** {@code fenqi statement ingest FILES OPTIONS}. */
  private static CliRun ingest(String[] files, String... options) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("statement", "ingest"));
    args.addAll(java.util.List.of(files));
    args.addAll(java.util.List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  /**
   * A month between two statements that neither covers is left out of the months, not counted as zero, and named:
   * in the JSON's uncoveredMonths and on the text's "not covered" line.
   */
  @Test
  void aMonthNoStatementCoversIsNamedInTheJsonAndTheText(@TempDir Path dir) throws Exception {
    String header = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";
    Path may = Files.writeString(dir.resolve("may.csv"), header + "2026-05-01,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + "2026-05-20,10:00:00,POS消费,,10.00,980.00,超市,,POS\n");
    Path july = Files.writeString(dir.resolve("july.csv"), header + "2026-07-02,10:00:00,POS消费,,20.00,480.00,便利店,,"
        + "POS\n2026-07-21,11:00:00,POS消费,,20.00,460.00,便利店,,POS\n");
    String[] files = {may.toString(), july.toString()};
    JsonNode json = new ObjectMapper().readTree(ingest(files).out());
    assertEquals("[\"2026-06\"]", json.get("uncoveredMonths").toString());
    assertEquals(2, json.get("months").size(), json.get("months").toString());
    CliRun text = ingest(files, "--format-out", "text");
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().lines().anyMatch(("not covered by any statement (left out, not counted as zero): 2026-06")
        ::equals), text.out());
    assertFalse(text.out().contains("\n2026-06 "), text.out());
  }

  /** --lexicon replaces the shipped lexicon: a row the shipped one files as food is a loan repayment under it. */
  @Test
  void aLexiconGivenReplacesTheShippedOne(@TempDir Path dir) throws Exception {
    Path bank = Files.writeString(dir.resolve("bank.csv"), "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,"
        + "交易渠道\n2026-05-01,10:00:00,POS消费,,10.00,990.00,超市,,POS\n2026-05-20,10:00:00,POS消费,,10.00,980.00,超市,,POS\n");
    Path lexicon = Files.writeString(dir.resolve("lexicon.json"), "{\"schemaVersion\": 1, \"rules\": [{\"id\": \"shop-loan\", "
        + "\"category\": \"LOAN_REPAYMENT\", \"directions\": [\"DEBIT\"], \"fields\": [\"counterparty\"], "
        + "\"keywords\": [\"超市\"], \"platform\": \"超市贷\"}]}");
    JsonNode shipped = new ObjectMapper().readTree(CliRun.of("statement", "ingest", bank.toString()).out()).at("/months/0");
    assertEquals("0.00", shipped.get("loanRepayments").asText(), shipped.toString());
    CliRun r = CliRun.of("statement", "ingest", bank.toString(), "--lexicon", lexicon.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode may = new ObjectMapper().readTree(r.out()).at("/months/0");
    assertEquals("20.00", may.get("loanRepayments").asText(), may.toString());
    assertEquals("20.00", may.at("/loanRepaymentsByPlatform/超市贷").asText(), may.toString());
    assertEquals("0.00", may.get("essentialExpenses").asText(), may.toString());
  }

  /**
   * A row dated tomorrow in China is after today, so it blocks the statement; two statements each with one are two
   * signals of one kind, named once in the line on stderr.
   */
  @Test
  void aRowDatedTomorrowInChinaIsFlaggedAndEachKindIsNamedOnce(@TempDir Path dir) throws Exception {
    java.time.LocalDate tomorrow = java.time.LocalDate.now(io.github.fenqi.core.NegotiationEngine.CASE_ZONE).plusDays(1);
    String header = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道\n";
    Path a = Files.writeString(dir.resolve("a.csv"), header + "2026-05-01,10:00:00,POS消费,,10.00,990.00,超市,,POS\n"
        + tomorrow + ",10:00:00,POS消费,,10.00,980.00,超市,,POS\n");
    Path b = Files.writeString(dir.resolve("b.csv"), header + "2026-05-02,10:00:00,POS消费,,20.00,480.00,便利店,,POS\n"
        + tomorrow + ",11:00:00,POS消费,,20.00,460.00,便利店,,POS\n");
    CliRun r = CliRun.of("statement", "ingest", a.toString(), b.toString());
    assertEquals(FenqiCli.REJECTED, r.exit(), r.err());
    assertEquals(blocked("FUTURE_DATED"), r.err().strip());
    JsonNode signals = new ObjectMapper().readTree(r.out()).at("/forensics/signals");
    assertEquals(2, signals.size(), signals.toString());
    assertEquals(a + ":3", signals.at("/0/rows/0").asText());
    assertEquals(b + ":3", signals.at("/1/rows/0").asText());
  }

  /** With --holder, a statement that states another holder (Alipay's 姓名) blocks; the holder's own passes. */
  @Test
  void aStatementOfAnotherHolderIsBlocked() throws Exception {
    CliRun other = CliRun.of("statement", "ingest", DIR + "alipay_A.csv", "--holder", "王小明");
    assertEquals(FenqiCli.REJECTED, other.exit(), other.err());
    assertEquals(blocked("HOLDER_MISMATCH"), other.err().strip());
    assertEquals("HOLDER_MISMATCH", new ObjectMapper().readTree(other.out()).at("/forensics/signals/0/kind").asText());
    CliRun own = CliRun.of("statement", "ingest", DIR + "alipay_A.csv", "--holder", "周子航");
    assertEquals(0, own.exit(), own.err());
    assertEquals("PASS", new ObjectMapper().readTree(own.out()).at("/forensics/verdict").asText());
  }

  /** A blank holder ('--holder "$NAME"' with NAME unset) is refused, not compared with the name a statement states. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"", " ", "\u3000"})
  void aBlankHolderIsRefused(String holder) {
    CliRun r = CliRun.of("statement", "ingest", DIR + "alipay_A.csv", "--holder", holder);
    assertEquals(FenqiCli.REJECTED, r.exit(), r.out());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("fenqi: --holder: is blank"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
