package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.fenqi.core.json.FenqiJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  private static final String POLICIES = "../../samples/policies";
  private static final String FEASIBLE = "../../samples/cases/shanghai-three-debts-feasible.json";
  private static final String SAMPLE = "../../samples/cases/shanghai-three-debts.json";

  @Test
  void feasibleCaseGivesThreeProposalsInTheContractJson() throws Exception {
    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", POLICIES);
    assertEquals(0, run.exit(), run.err());
    JsonNode json = FenqiJson.newMapper().readTree(run.out());
    assertTrue(json.get("feasible").asBoolean());
    assertEquals("5040.00", json.get("maxAffordableInstallment").asText());
    assertEquals(0, json.get("ineligible").size());
    assertEquals(3, json.get("proposals").size());
    JsonNode plan = json.get("proposals").get(0).get("plans").get(0);
    assertTrue(plan.get("schedule").get("installments").size() >= 12);
    assertFalse(run.out().contains("110105198506150030"), "no ID number in the output");
  }

  @Test
  void sampleCaseTextSaysNoFeasibleProposalAndWhy() {
    CliRun run = CliRun.of("plan", SAMPLE, "--policies", POLICIES, "--format", "text");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("NO FEASIBLE PROPOSAL (MONTHLY_BUDGET)"), run.out());
    assertTrue(run.out().contains("recommendation: Seek a debt restructuring"), run.out());
  }

  @Test
  void feasibleCaseTextIsATable() {
    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--format", "text");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("AGGRESSIVE"));
    assertTrue(run.out().contains("CONSERVATIVE"));
    assertTrue(run.out().contains("BALANCED"));
  }

  @Test
  void auditLogOptionAppendsTheRunAndAuditVerifyAcceptsIt(@TempDir Path dir) throws Exception {
    List<String> lines = planAudited(dir.resolve("audit.jsonl"));
    assertEquals(4, lines.size(), "data access and three proposals");
    assertTrue(lines.get(0).contains("DATA_ACCESS"));
  }

  @Test
  void rulesWithAuditLogRecordWhichRuleFilesWereLive(@TempDir Path dir) throws Exception {
    List<String> reloads = planAudited(dir.resolve("audit.jsonl"), "--rules", "../../samples/rules").stream()
        .filter(l -> l.contains("RULE_RELOAD")).toList();
    assertEquals(2, reloads.size(), reloads.toString());
    assertTrue(reloads.get(0).contains("_shared.yml") && reloads.get(0).contains("ADDED"), reloads.get(0));
    assertTrue(reloads.get(1).contains("demo-online-lender.yml"), reloads.get(1));
  }

  /**
   * Runs {@code plan FEASIBLE --policies POLICIES --audit-log log} plus {@code extra} with a fresh random key,
   * checks it succeeds and that {@code audit verify} accepts the log; returns the log's lines.
   */
  private static List<String> planAudited(Path log, String... extra) throws Exception {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    String b64 = java.util.Base64.getEncoder().encodeToString(key);
    java.util.function.Function<String, String> env = name -> name.equals("MY_KEY") ? b64 : null;
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cl = new picocli.CommandLine(new PlanCommand(env));
    cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
    cl.setErr(new java.io.PrintWriter(err));
    List<String> args = new java.util.ArrayList<>(List.of(FEASIBLE, "--policies", POLICIES, "--audit-log",
        log.toString(), "--key-env", "MY_KEY"));
    args.addAll(List.of(extra));
    assertEquals(0, cl.execute(args.toArray(String[]::new)), err.toString());
    picocli.CommandLine verify = new picocli.CommandLine(new AuditCommand(env));
    java.io.StringWriter vout = new java.io.StringWriter();
    verify.setOut(new java.io.PrintWriter(vout));
    assertEquals(0, verify.execute("verify", log.toString(), "--key-env", "MY_KEY"), vout.toString());
    return Files.readAllLines(log);
  }

  /**
   * A run closes the audit log it opened, releasing the writer's lock: the next run on the same log (here in the same
   * process, as an embedding caller runs the command) appends to it and the log verifies whole; a log left open held its lock, and the next run waited its minute for
   * it and was refused.
   */
  @Test
  void aRunClosesItsAuditLogForTheNextRun(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("audit.jsonl");
    String b64 = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    java.util.function.Function<String, String> env = name -> name.equals("MY_KEY") ? b64 : null;
    for (int run = 1; run <= 2; run++) {
      java.io.StringWriter err = new java.io.StringWriter();
      picocli.CommandLine cl = new picocli.CommandLine(new PlanCommand(env));
      cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
      cl.setErr(new java.io.PrintWriter(err));
      int exit = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(50),
          () -> cl.execute(FEASIBLE, "--policies", POLICIES, "--audit-log", log.toString(), "--key-env", "MY_KEY"));
      assertEquals(0, exit, "run " + run + ": " + err);
    }
    assertEquals(8, Files.readAllLines(log).size(), "two runs of four entries each");
    picocli.CommandLine verify = new picocli.CommandLine(new AuditCommand(env));
    java.io.StringWriter vout = new java.io.StringWriter();
    verify.setOut(new java.io.PrintWriter(vout));
    assertEquals(0, verify.execute("verify", log.toString(), "--key-env", "MY_KEY"), vout.toString());
    assertTrue(vout.toString().contains("OK, 8 entries verified"), vout.toString());
  }

  /** An --audit-log that is not an audit log (a wrong path, an edited log) is named in the refusal. */
  @Test
  void anAuditLogThatDoesNotVerifyIsNamed(@TempDir Path dir) throws Exception {
    Path log = Files.writeString(dir.resolve("audit.jsonl"), "not an entry\n");
    String b64 = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    picocli.CommandLine cl = new picocli.CommandLine(new PlanCommand(name -> name.equals("MY_KEY") ? b64 : null));
    Exception[] thrown = new Exception[1];
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      thrown[0] = ex;
      return FenqiCli.REJECTED;
    });
    cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
    assertEquals(FenqiCli.REJECTED, cl.execute(FEASIBLE, "--policies", POLICIES, "--audit-log", log.toString(),
        "--key-env", "MY_KEY"));
    assertEquals(log + ": entry 1 (line 1) is not valid JSON; nothing was planned (check the log with 'fenqi audit "
        + "verify')", thrown[0].getMessage());
    assertEquals(List.of("not an entry"), Files.readAllLines(log));
  }

  @Test
  void optaPlannerSolverGivesThreeProposalsToo() throws Exception {
    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--solver", "optaplanner", "--time-limit", "1s");
    assertEquals(0, run.exit(), run.err());
    JsonNode json = FenqiJson.newMapper().readTree(run.out());
    // how many strategies local search completes in 1 s depends on the machine; each one it returns is a valid,
    // unproven plan (quality against the exact solver is measured in the module's deterministic tests)
    assertTrue(json.get("proposals").size() >= 1, run.out());
    for (JsonNode p : json.get("proposals")) {
      assertFalse(p.get("provenOptimal").asBoolean());
    }
  }

  /** The solver's name is taken in any case, as the README says of every fixed-list value ('OPTAPLANNER' was refused). */
  @Test
  void solverNameIsTakenInAnyCase() throws Exception {
    CliRun upper = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--solver", "OPTAPLANNER", "--time-limit", "200ms");
    assertEquals(0, upper.exit(), upper.err());
    for (JsonNode p : FenqiJson.newMapper().readTree(upper.out()).get("proposals")) {
      assertFalse(p.get("provenOptimal").asBoolean()); // OptaPlanner's, not the exact solver's
    }
    CliRun exact = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--solver", "Exact", "--time-limit", "1s");
    assertEquals("fenqi: --time-limit: applies only with --solver optaplanner (the exact solver takes no time limit)",
        exact.err().strip());
  }

  @Test
  void unknownSolverAndBadTimeLimitAreOneLine() {
    assertEquals("fenqi: --solver: 'magic' is not a solver; use exact or optaplanner",
        CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--solver", "magic").err().strip());
    assertEquals("fenqi: --time-limit: 'soon' is not a duration such as 1s or 500ms",
        CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--solver", "optaplanner", "--time-limit", "soon").err().strip());
  }

  /**
   * A case the node budget cannot settle had exited 1 as rejected input saying "the proposal solver ... broke its
   * contract" and "raise GridConfig.maxSearchNodes", a setting the CLI offered no way to raise. It exits 3 naming
   * --max-search-nodes, and the same case with the default budget gets its answer.
   */
  @Test
  void aCaseThatNeedsMoreSearchThanTheBudgetExitsThreeNamingTheOption(@TempDir Path dir) throws Exception {
    Path tight = dir.resolve("tight.json");
    Files.writeString(tight, Files.readString(Path.of(FEASIBLE)).replace("\"16000.00\"", "\"11000.00\""));
    CliRun small = CliRun.of("plan", tight.toString(), "--policies", POLICIES, "--max-search-nodes", "2");
    assertEquals(FenqiCli.SEARCH_BUDGET_EXHAUSTED, small.exit(), small.err());
    assertEquals("fenqi: the exact solver's search ran out of its budget of 2 nodes per strategy (AGGRESSIVE's first) "
        + "before any plan was found or ruled out; the case may be feasible: raise --max-search-nodes (default "
        + "5000000)", small.err().strip());
    assertEquals("", small.out());
    CliRun one = CliRun.of("plan", tight.toString(), "--policies", POLICIES, "--max-search-nodes", "1");
    assertEquals(FenqiCli.SEARCH_BUDGET_EXHAUSTED, one.exit(), one.err());
    assertTrue(one.err().startsWith("fenqi: the exact solver's search ran out of its budget of 1 node per strategy "),
        one.err()); // "1 nodes" had been the CLI's own copy of the library's message
    CliRun whole = CliRun.of("plan", tight.toString(), "--policies", POLICIES);
    assertEquals(0, whole.exit(), whole.err());
    assertEquals(false, FenqiJson.newMapper().readTree(whole.out()).get("feasible").asBoolean(), whole.out());
    CliRun none = CliRun.of("plan", tight.toString(), "--policies", POLICIES, "--max-search-nodes", "0");
    assertEquals(1, none.exit());
    assertEquals("fenqi: --max-search-nodes: 0 must be positive", none.err().strip());
  }

  /**
   * A strategy whose search ran out is noted with its count beside the limit set by --max-search-nodes (the notes had
   * said "stopped after 2 nodes" and "after 5 nodes" against a limit of 1), in the JSON and the text alike.
   */
  @Test
  void notesOfASearchThatStoppedNameTheLimitBesideTheCount() throws Exception {
    CliRun json = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--max-search-nodes", "1");
    assertEquals(0, json.exit(), json.err());
    JsonNode notes = FenqiJson.newMapper().readTree(json.out()).get("notes");
    assertEquals(3, notes.size(), json.out());
    // each names the option to raise: only a case no strategy had a plan for had said it, and here two of the three
    // strategies were left without a proposal, exit 0, no word of which option to raise
    notes.forEach(n -> assertTrue(n.asText().matches("the search stopped after \\d+ nodes, limit 1[;,] .*")
        && n.asText().endsWith(" (raise --max-search-nodes)"), n.asText()));
    CliRun text = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--max-search-nodes", "1", "--format", "text");
    assertTrue(text.out().contains("note (AGGRESSIVE): the search stopped after 2 nodes, limit 1; "), text.out());
  }

  /**
   * A note that says which limit to raise names it as this command sets it: the library's notes name
   * GridConfig.maxSearchNodes, a field a user of the command line cannot set, where --max-search-nodes is its option.
   */
  @Test
  void aNoteNamingTheNodeLimitNamesTheOption() {
    assertEquals("the search stopped after 5 nodes, limit 1, without finding a plan; this is the plan of least "
        + "first-month installments within the savings, not this strategy's proven optimum (raise "
        + "--max-search-nodes)", PlanCommand.asOptions("the search stopped after 5 nodes, limit 1, without finding a "
        + "plan; this is the plan of least first-month installments within the savings, not this strategy's proven "
        + "optimum (raise GridConfig.maxSearchNodes)"));
    assertEquals("OptaPlanner found none; the exact solver's check ran out of search nodes, so a plan may exist (raise "
        + "--max-search-nodes)", PlanCommand.asOptions("OptaPlanner found none; the exact solver's check ran out of "
        + "search nodes, so a plan may exist (raise GridConfig.maxSearchNodes)"));
  }

  /** A malformed option is an error even where the run would not use it, and is found before the case is planned. */
  @Test
  void aBadTimeLimitOrFormatIsRejectedWhateverTheSolver() {
    CliRun limit = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--time-limit", "-1s");
    assertEquals(1, limit.exit());
    assertEquals("fenqi: --time-limit: '-1s' is not a duration such as 1s or 500ms", limit.err().strip());
    assertEquals("fenqi: --time-limit: '10h' is not a whole number of seconds or milliseconds, such as 1s or 500ms",
        CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--time-limit", "10h").err().strip());
    assertEquals("fenqi: --time-limit: '0.5s' is not a whole number of seconds or milliseconds, such as 1s or 500ms",
        CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--time-limit", "0.5s").err().strip());
    assertEquals("fenqi: --time-limit: '0ms' must be more than zero (OptaPlanner's time per strategy, such as 1s or "
        + "500ms)", CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--time-limit", "0ms").err().strip());
    assertEquals("", limit.out());
    CliRun xml = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--format", "xml");
    assertEquals(1, xml.exit(), xml.err());
    assertTrue(xml.err().contains("expected one of [json, text, html]"), xml.err());
    assertEquals("", xml.out());
  }

  /** An option the run would not use is refused, naming it, not ignored with exit 0. */
  @Test
  void anOptionTheRunWouldNotUseIsRefused() {
    CliRun limit = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--time-limit", "5s");
    assertEquals(1, limit.exit(), limit.err());
    assertEquals("fenqi: --time-limit: applies only with --solver optaplanner (the exact solver takes no time limit)",
        limit.err().strip());
    assertEquals("", limit.out());
    CliRun key = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--key-env", "MY_KEY");
    assertEquals(1, key.exit(), key.err());
    assertEquals("fenqi: --key-env: applies only with --audit-log (without it nothing is audited)", key.err().strip());
    assertEquals("", key.out());
  }

  /** The HTML page shows the figures of the JSON result: one row per proposal, one per lender plan and month. */
  @Test
  void htmlPageHoldsTheProposalsOfTheJson() throws Exception {
    CliRun html = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--format", "html");
    assertEquals(0, html.exit(), html.err());
    JsonNode json = FenqiJson.newMapper().readTree(CliRun.of("plan", FEASIBLE, "--policies", POLICIES).out());
    org.w3c.dom.Document page = xml(html.out());
    List<List<String>> proposals = rows(page, "proposals");
    assertEquals(3, proposals.size(), html.out());
    for (int i = 0; i < 3; i++) {
      JsonNode p = json.get("proposals").get(i);
      assertEquals(List.of(p.get("strategy").asText(), p.get("totalFirstMonthInstallment").asText(),
          p.get("totalDownPayment").asText(), p.get("totalPayable").asText(), p.get("saving").asText()),
          proposals.get(i).subList(0, 5));
      assertEquals(p.get("stress").get("level").asText(), proposals.get(i).get(6));
    }
    org.w3c.dom.NodeList tables = page.getElementsByTagName("table");
    int planRows = 0;
    int months = 0;
    for (int t = 0; t < tables.getLength(); t++) {
      org.w3c.dom.Element table = (org.w3c.dom.Element) tables.item(t);
      int body = table.getElementsByTagName("tr").getLength() - 1; // less the header row
      planRows += table.getAttribute("class").equals("plans") ? body : 0;
      months += table.getAttribute("class").equals("schedule") ? body : 0;
    }
    int expectedMonths = 0;
    for (JsonNode p : json.get("proposals")) {
      for (JsonNode plan : p.get("plans")) {
        expectedMonths += plan.get("schedule").get("installments").size();
      }
    }
    assertEquals(json.get("proposals").get(0).get("plans").size() * 3, planRows);
    assertEquals(expectedMonths, months);
    assertTrue(page.getElementsByTagName("pre").getLength() >= 3, "the scripts");
  }

  /** Values from the case reach the page as text, never as markup. */
  @Test
  void htmlPageEscapesTheCasesValues(@TempDir Path dir) throws Exception {
    Path hostile = dir.resolve("case.json");
    Files.writeString(hostile, Files.readString(Path.of(FEASIBLE)).replace("\"sample-002\"", "\"<script>alert(1)</script>\"")
        .replace("\"cc-1\"", "\"cc-1\\\"><img src=x onerror='x'>&amp;\""));
    CliRun html = CliRun.of("plan", hostile.toString(), "--policies", POLICIES, "--format", "html");
    assertEquals(0, html.exit(), html.err());
    assertFalse(html.out().contains("<script"), html.out());
    assertFalse(html.out().contains("<img"), html.out());
    org.w3c.dom.Document page = xml(html.out());
    assertEquals("fenqi plan <script>alert(1)</script>", page.getElementsByTagName("title").item(0).getTextContent());
    assertEquals("cc-1\"><img src=x onerror='x'>&amp;", rows(page, "plans").get(0).get(0));
  }

  /**
   * A policy's platform id (one line of visible text, markup characters allowed) and a debt left out as not eligible
   * reach the page as text too: in the plans table, the scripts' headings and the list of debts not eligible.
   */
  @Test
  void htmlPageEscapesThePoliciesValuesAndTheListedDebts(@TempDir Path dir) throws Exception {
    String platform = "demo\"<b>card</b>";
    Path policies = Files.createDirectory(dir.resolve("policies"));
    try (java.util.stream.Stream<Path> files = Files.list(Path.of(POLICIES))) {
      for (Path f : files.toList()) {
        Files.writeString(policies.resolve(f.getFileName()), Files.readString(f).replace("\"demo-credit-card\"",
            FenqiJson.newMapper().writeValueAsString(platform)));
      }
    }
    com.fasterxml.jackson.databind.node.ObjectNode kase = (com.fasterxml.jackson.databind.node.ObjectNode)
        FenqiJson.newMapper().readTree(Path.of(FEASIBLE).toFile());
    for (JsonNode d : kase.get("debts")) {
      com.fasterxml.jackson.databind.node.ObjectNode debt = (com.fasterxml.jackson.databind.node.ObjectNode) d;
      if (debt.get("id").asText().equals("cc-1")) {
        debt.put("platformId", platform);
      } else if (debt.get("id").asText().equals("ol-1")) {
        debt.put("id", "<i>ol</i>&'").put("overdueDays", 0); // below the online lender's minimum: not eligible
      }
    }
    Path hostile = Files.writeString(dir.resolve("case.json"), kase.toString());
    CliRun html = CliRun.of("plan", hostile.toString(), "--policies", policies.toString(), "--format", "html");
    assertEquals(0, html.exit(), html.err());
    assertFalse(html.out().contains("<b>"), html.out());
    assertFalse(html.out().contains("<i>"), html.out());
    org.w3c.dom.Document page = xml(html.out());
    assertEquals(platform, rows(page, "plans").get(0).get(1));
    org.w3c.dom.NodeList headings = page.getElementsByTagName("h3");
    assertTrue(headings.getLength() > 0, html.out());
    assertTrue(headings.item(0).getTextContent().contains("cc-1 (" + platform + ", "), headings.item(0).getTextContent());
    org.w3c.dom.NodeList items = page.getElementsByTagName("ul");
    String ineligible = null;
    for (int i = 0; i < items.getLength(); i++) {
      if (((org.w3c.dom.Element) items.item(i)).getAttribute("class").equals("ineligible")) {
        ineligible = items.item(i).getTextContent().strip();
      }
    }
    assertTrue(ineligible != null && ineligible.startsWith("<i>ol</i>&' — overdueDays 0"), html.out());
  }

  /**
   * The page's escape replaces the five characters with a meaning in markup, so that a value is text inside an
   * attribute's quotes (the script's lang) as in an element.
   */
  @Test
  void theFiveMarkupCharactersAreReplaced() {
    assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f 个", HtmlReport.escape("a&b<c>d\"e'f 个"));
    assertEquals("", HtmlReport.escape(null));
  }

  @Test
  void htmlPageOfAnInfeasibleCaseSaysWhy() throws Exception {
    CliRun html = CliRun.of("plan", SAMPLE, "--policies", POLICIES, "--format", "html");
    assertEquals(0, html.exit(), html.err());
    org.w3c.dom.Document page = xml(html.out());
    assertEquals("No feasible proposal (MONTHLY_BUDGET)", heading(page));
    assertTrue(html.out().contains("Recommendation: Seek a debt restructuring"), html.out());
    assertEquals(0, page.getElementsByTagName("table").getLength());
  }

  private static String heading(org.w3c.dom.Document page) {
    org.w3c.dom.NodeList h2 = page.getElementsByTagName("h2");
    for (int i = 0; i < h2.getLength(); i++) {
      if (((org.w3c.dom.Element) h2.item(i)).getAttribute("id").equals("infeasible")) {
        return h2.item(i).getTextContent();
      }
    }
    return "no heading with id infeasible";
  }

  /** The page read as XML (it is written well-formed): a parse error fails the test. */
  private static org.w3c.dom.Document xml(String page) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(page)));
  }

  /** The cells' text of the body rows of the first table with this id or class. */
  private static List<List<String>> rows(org.w3c.dom.Document page, String idOrClass) {
    org.w3c.dom.NodeList tables = page.getElementsByTagName("table");
    for (int t = 0; t < tables.getLength(); t++) {
      org.w3c.dom.Element table = (org.w3c.dom.Element) tables.item(t);
      if (table.getAttribute("id").equals(idOrClass) || table.getAttribute("class").equals(idOrClass)) {
        List<List<String>> rows = new java.util.ArrayList<>();
        org.w3c.dom.NodeList trs = ((org.w3c.dom.Element) table.getElementsByTagName("tbody").item(0))
            .getElementsByTagName("tr");
        for (int r = 0; r < trs.getLength(); r++) {
          org.w3c.dom.NodeList tds = ((org.w3c.dom.Element) trs.item(r)).getElementsByTagName("td");
          List<String> cells = new java.util.ArrayList<>();
          for (int c = 0; c < tds.getLength(); c++) {
            cells.add(tds.item(c).getTextContent());
          }
          rows.add(cells);
        }
        return rows;
      }
    }
    throw new AssertionError("no table " + idOrClass);
  }

  @Test
  void everyProblemOfACaseIsALineOfItsOwn(@TempDir Path dir) throws Exception {
    Path bad = edited(dir, SAMPLE, "\"48000.00\"", "\"-1.00\"", "\"ol-1\"", "\"cc-1\"");
    CliRun run = CliRun.of("plan", bad.toString(), "--policies", POLICIES);
    assertEquals(1, run.exit());
    List<String> lines = run.err().strip().lines().toList();
    assertEquals("fenqi: 2 problems:", lines.get(0), run.err());
    assertEquals(3, lines.size(), run.err());
    assertEquals("  " + bad + ": debts[0].principal: '-1.00' is negative", lines.get(1));
    assertEquals("  " + bad + ": debts[2].id: 'cc-1' appears more than once", lines.get(2));
  }

  /**
   * A case that does not read is told the engine's problems too, against the policies and the clock, in the parts that
   * read: the principal alone had been named, and the platform and the date only on the next run.
   */
  @Test
  void aCaseThatDoesNotReadIsToldItsUnknownPlatformAndFutureDateToo(@TempDir Path dir) throws Exception {
    Path bad = edited(dir, SAMPLE, "\"48000.00\"", "\"-1.00\"", "\"demo-online-lender\"", "\"nope\"",
        "\"2026-11-24\"", "\"2099-01-01\"");
    CliRun run = CliRun.of("plan", bad.toString(), "--policies", POLICIES);
    assertEquals(1, run.exit());
    assertEquals(List.of("fenqi: 3 problems:", "  " + bad + ": debts[0].principal: '-1.00' is negative",
        "  " + bad + ": asOf: 2099-01-01 is in the future (today is " + java.time.LocalDate.now(
            io.github.fenqi.core.NegotiationEngine.CASE_ZONE) + ")",
        "  " + bad + ": debts[2].platformId: no policy for 'nope' is in effect on 2099-01-01; known platforms: "
            + "[demo-consumer-finance, demo-credit-card, demo-online-lender]"), run.err().strip().lines().toList());
  }

  /** A policy directory that does not load leaves the case's own problems alone, as before the engine's were added. */
  @Test
  void aCaseThatDoesNotReadBesidePoliciesThatDoNotLoadIsToldItsOwnProblems(@TempDir Path dir) throws Exception {
    Path policies = Files.createDirectory(dir.resolve("policies"));
    Files.writeString(policies.resolve("broken.json"), "{");
    Path bad = edited(dir, SAMPLE, "\"48000.00\"", "\"-1.00\"");
    CliRun run = CliRun.of("plan", bad.toString(), "--policies", policies.toString());
    assertEquals(1, run.exit());
    assertEquals("fenqi: " + bad + ": debts[0].principal: '-1.00' is negative", run.err().strip());
  }

  @Test
  void badCaseFileIsOneLineNamingFileAndField(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("case.json");
    Files.writeString(bad, Files.readString(Path.of(SAMPLE)).replace("\"48000.00\"", "\"48000.001\""));
    CliRun run = CliRun.of("plan", bad.toString(), "--policies", POLICIES);
    assertEquals(1, run.exit());
    assertEquals("fenqi: " + bad + ": debts[0].principal: '48000.001' has 3 decimals; money has at most 2", run.err().strip());
  }

  @org.junit.jupiter.api.Test
  void textFormatPrintsEveryScriptAfterTheProposalsInTheChosenLanguage() {
    CliRun zh = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--format", "text");
    assertEquals(0, zh.exit(), zh.err());
    assertEquals(9, zh.out().split("==== script: ", -1).length - 1, "three proposals × three lenders");
    assertTrue(zh.out().contains("三、还款方案") && zh.out().contains("四、协商依据"), zh.out());
    CliRun en = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--format", "text", "--lang", "en");
    assertEquals(0, en.exit(), en.err());
    assertTrue(en.out().contains("3. Proposal") && en.out().contains("4. Basis for the request"), en.out());
    CliRun fr = CliRun.of("plan", FEASIBLE, "--policies", POLICIES, "--lang", "fr");
    assertEquals(1, fr.exit());
    assertTrue(fr.err().contains("--lang"), fr.err());
  }

  @Test
  void textFormatReportsWhatWasRemovedFromTheHardshipNote(@TempDir Path dir) throws Exception {
    String json = Files.readString(Path.of(SAMPLE));
    Path withNote = dir.resolve("case.json");
    Files.writeString(withNote, json.replaceFirst("\\{", "{\"hardshipNote\": \"我失业了。再催我就去曝 光。\","));
    CliRun run = CliRun.of("plan", withNote.toString(), "--policies", POLICIES, "--format", "text");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("hardship note: the sentence with '曝 光' (complaint) is kept out of the scripts"), run.out());
  }

  /**
   * A policy file that cannot be read (here one over the size limit, as no permission is for a user other than root)
   * stops the plan naming it: it was left out silently, and the plan used the platform's older version or none.
   */
  @Test
  void anUnreadablePolicyFileStopsThePlan(@TempDir Path dir) throws Exception {
    Path policies = Files.createDirectory(dir.resolve("policies"));
    try (var files = Files.list(Path.of(POLICIES))) {
      for (Path f : files.toList()) {
        Files.copy(f, policies.resolve(f.getFileName()));
      }
    }
    Path huge = policies.resolve("demo-credit-card-2027.json");
    try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(io.github.fenqi.core.InputFiles.DEFAULT_MAX_BYTES + 1); // sparse: no disk used
    }
    CliRun run = CliRun.of("plan", FEASIBLE, "--policies", policies.toString());
    assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals("fenqi: " + huge + ": cannot be read: is larger than " + io.github.fenqi.core.InputFiles.DEFAULT_MAX_BYTES
        + " bytes", run.err().strip());
  }

  /**
   * The problems the engine finds in a case — checked against the clock and the policies, after reading — name the
   * case file as reading's problems do: "fenqi: asOf: 2099-01-01 is in the future" named no file.
   */
  @Test
  void problemsFoundWhenPlanningNameTheCaseFile(@TempDir Path dir) throws Exception {
    Path bad = edited(dir, FEASIBLE, "\"2026-11-24\"", "\"2099-01-01\"", "\"demo-online-lender\"",
        "\"no-such-lender\"");
    CliRun run = CliRun.of("plan", bad.toString(), "--policies", POLICIES);
    assertEquals(1, run.exit(), run.err());
    assertEquals("", run.out());
    List<String> lines = run.err().strip().lines().toList();
    assertEquals(3, lines.size(), run.err());
    assertEquals("fenqi: 2 problems:", lines.get(0));
    assertTrue(lines.get(1).startsWith("  " + bad + ": asOf: 2099-01-01 is in the future (today is "), lines.get(1));
    assertTrue(lines.get(2).startsWith("  " + bad + ": debts[2].platformId: no policy for 'no-such-lender' is in effect "
        + "on 2099-01-01"), lines.get(2));
    Path noIncome = edited(Files.createDirectory(dir.resolve("no-income")), FEASIBLE,
        "\"monthlyNetIncome\": \"16000.00\",", "");
    assertEquals("fenqi: " + noIncome + ": borrower.monthlyNetIncome: is required when no statements are given (the "
        + "income is left out only when statements give it)",
        CliRun.of("plan", noIncome.toString(), "--policies", POLICIES).err().strip());
  }

  /**
   * The debt rows of the text table stay in line whatever their ids: a Chinese debt id takes two terminal columns a
   * character, and the rows were padded by characters (and not at all past six), so each such row pushed its months,
   * amounts and rate out of line with the other rows; and a rate of two digits ({@code 10.67%} beside
   * {@code 0.00%}, as in the sample) pushed the acceptance probability after it one column right. Each value ends
   * under the end of its heading.
   */
  @Test
  void textTableRowsStayInLineWithChineseAndLongDebtIds(@TempDir Path dir) throws Exception {
    Path chinese = edited(dir, FEASIBLE, "\"id\": \"cf-1\"", "\"id\": \"信用卡债务一\"", "\"id\": \"ol-1\"",
        "\"id\": \"online-lender-loan-2026\"");
    assertDebtRowsInLine(chinese, "cc-1|信用卡债务一|online-lender-loan-2026");
  }

  /**
   * The debt column is as wide as its widest id in terminal columns when that id is Chinese: beside a longer ASCII id
   * (as above) an id column measured in characters was wide enough by chance, and a case whose widest id was
   * {@code 信用卡债务一} (six characters, twelve columns) would have its rows pushed six columns right of the others'.
   */
  @Test
  void textTableRowsStayInLineWhenAChineseDebtIdIsTheWidest(@TempDir Path dir) throws Exception {
    assertDebtRowsInLine(edited(dir, FEASIBLE, "\"id\": \"cf-1\"", "\"id\": \"信用卡债务一\""), "cc-1|信用卡债务一|ol-1");
  }

  /** The text report of {@code kase} has nine debt rows (of the debts {@code ids}), each value under its heading. */
  private static void assertDebtRowsInLine(Path kase, String ids) {
    CliRun run = CliRun.of("plan", kase.toString(), "--policies", POLICIES, "--format", "text");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    List<String> rows = lines.stream().filter(l -> l.matches("  (" + ids + ") .*")).toList();
    assertEquals(9, rows.size(), run.out());
    String heading = lines.stream().filter(l -> l.startsWith("  debt ")).findFirst().orElseThrow();
    for (String row : rows) {
      // term, down, waived, 1st, total, IRR and accept: the last seven words, right-aligned under their headings
      assertEquals(columnEnds(heading).subList(2, 9), columnEnds(row).subList(2, 9),
          "columns of\n" + heading + "\n" + String.join("\n", rows));
    }
  }

  /** The terminal column where each blank-separated word of {@code line} ends. */
  private static List<Integer> columnEnds(String line) {
    return WordEnds.of(line).stream().map(end -> terminalColumns(line.substring(0, end))).toList();
  }

  /**
   * The proposal rows' amounts stay under their headings for a case of billions: they had fixed widths (12 for the
   * first month's total), and a larger amount pushed the rest of its row out of line with the heading.
   */
  @Test
  void textTableAmountsStayUnderTheirHeadingsForLargeDebts(@TempDir Path dir) throws Exception {
    Path large = edited(dir, FEASIBLE, "\"monthlyNetIncome\": \"16000.00\"", "\"monthlyNetIncome\": \"900000000.00\"",
        "\"liquidSavings\": \"12000.00\"", "\"liquidSavings\": \"900000000.00\"", "\"principal\": \"48000.00\"",
        "\"principal\": \"4800000000.00\"", "\"principal\": \"30000.00\"", "\"principal\": \"4800000000.00\"",
        "\"principal\": \"12000.00\"", "\"principal\": \"4800000000.00\"");
    CliRun run = CliRun.of("plan", large.toString(), "--policies", POLICIES, "--format", "text");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    List<Integer> heading = WordEnds.of(lines.stream().filter(l -> l.startsWith("strategy ")).findFirst().orElseThrow());
    // 'month', 'down', 'pay', 'saving', 'p(accept)' and 'p(deflt)' end where the row's values end
    List<Integer> headingEnds = List.of(heading.get(2), heading.get(3), heading.get(5), heading.get(6), heading.get(7),
        heading.get(9));
    List<String> rows = lines.stream().filter(l -> l.matches("(AGGRESSIVE|CONSERVATIVE|BALANCED) .*")).toList();
    assertEquals(3, rows.size(), run.out());
    assertTrue(rows.get(0).matches(".* \\d{9,}\\.\\d\\d .*"), run.out());
    for (String row : rows) {
      List<Integer> ends = WordEnds.of(row);
      assertEquals(headingEnds, List.of(ends.get(1), ends.get(2), ends.get(3), ends.get(4), ends.get(5), ends.get(7)),
          "columns of\n" + String.join("\n", lines.subList(0, 12)));
    }
  }

  /**
   * The feasible sample planned as the CLI plans it, but under a stress tester whose RED threshold (1 % of paths
   * re-defaulting) each of its plans passes: every proposal is RED.
   */
  private static io.github.fenqi.core.NegotiationResult redResult() throws Exception {
    try (io.github.fenqi.core.policy.JsonDirectoryPolicyRepository repo =
        io.github.fenqi.core.policy.JsonDirectoryPolicyRepository.openStrict(Path.of(POLICIES))) {
      io.github.fenqi.core.NegotiationResult r = io.github.fenqi.core.NegotiationEngine.builder().policies(repo)
          .stressTester(io.github.fenqi.core.stress.StressTester.monteCarlo(
              io.github.fenqi.core.stress.StressConfig.builder().thresholds(0.005, 0.01).build())).build()
          .calculate(io.github.fenqi.core.NegotiationRequest.read(FenqiJson.newMapper(),
              Files.readAllBytes(Path.of(FEASIBLE)), FEASIBLE));
      assertTrue(r.feasible() && r.proposals().stream().noneMatch(
          io.github.fenqi.core.NegotiationResult.ProposalReport::recommended), r.toString());
      return r;
    }
  }

  /**
   * A RED proposal has no scripts, and the text report says so under its own heading where its scripts would be; its
   * row's "NO: <the stress test's advice>" is wrapped under the recommended heading, and no line the report writes
   * itself runs past 100 columns (the advice had run 190 characters on as one line).
   */
  @Test
  void textReportSaysWhyARedProposalHasNoScriptsWithinItsColumns() throws Exception {
    io.github.fenqi.core.NegotiationResult r = redResult();
    java.io.StringWriter text = new java.io.StringWriter();
    PlanCommand.printText(new java.io.PrintWriter(text), r, TextColumns.DEFAULT_WIDTH);
    List<String> lines = text.toString().lines().toList();
    assertFalse(text.toString().contains("==== script:"), text.toString());
    for (io.github.fenqi.core.NegotiationResult.ProposalReport p : r.proposals()) {
      int at = lines.indexOf("==== no scripts: " + p.strategy() + " ====");
      assertTrue(at >= 0, text.toString());
      assertEquals(p.scriptsWithheld(), String.join(" ", lines.subList(at + 1, lines.size())).substring(0,
          p.scriptsWithheld().length()), text.toString());
    }
    String heading = lines.stream().filter(l -> l.startsWith("strategy ")).findFirst().orElseThrow();
    int column = heading.indexOf("recommended");
    // the proposals' rows with their wrapped advice, and the reasons for no scripts
    lines.stream().filter(l -> l.matches("(AGGRESSIVE|CONSERVATIVE|BALANCED) .*") || l.startsWith(" ".repeat(column))
        || !l.startsWith(" ") && lines.indexOf(l) > lines.indexOf(heading)).forEach(l -> assertTrue(
            terminalColumns(l) <= TextColumns.DEFAULT_WIDTH, "wider than " + TextColumns.DEFAULT_WIDTH + ": " + l));
    int row = lines.indexOf(lines.stream().filter(l -> l.startsWith("AGGRESSIVE ")).findFirst().orElseThrow());
    assertEquals(column, lines.get(row).indexOf("NO: "), text.toString());
    assertEquals("NO: " + r.proposals().get(0).stress().recommendation(), wrapped(lines, row, column), text.toString());
  }

  /**
   * In an 80-column terminal the proposals' table has no room for the advice beside a row: it is wrapped on
   * {@code recommended:} lines under its row, and no line runs past 80 columns.
   */
  @Test
  void inANarrowTerminalARedProposalsAdviceIsUnderItsRow() throws Exception {
    io.github.fenqi.core.NegotiationResult r = redResult();
    java.io.StringWriter text = new java.io.StringWriter();
    PlanCommand.printText(new java.io.PrintWriter(text), r, 80);
    List<String> lines = text.toString().lines().toList();
    lines.forEach(l -> assertTrue(terminalColumns(l) <= 80, "wider than 80: " + l));
    int row = lines.indexOf(lines.stream().filter(l -> l.startsWith("AGGRESSIVE ")).findFirst().orElseThrow());
    assertFalse(lines.get(row).contains("NO"), lines.get(row));
    assertTrue(lines.get(row + 1).startsWith("  recommended: NO: "), text.toString());
    assertEquals("NO: " + r.proposals().get(0).stress().recommendation(), wrapped(lines, row + 1,
        "  recommended: ".length()), text.toString());
  }

  /** The text from {@code column} of line {@code at} and of the lines after it indented to that column, unwrapped. */
  private static String wrapped(List<String> lines, int at, int column) {
    StringBuilder text = new StringBuilder(lines.get(at).substring(column));
    for (int i = at + 1; i < lines.size() && lines.get(i).startsWith(" ".repeat(column)); i++) {
      text.append(' ').append(lines.get(i).strip());
    }
    return text.toString();
  }

  /** The HTML page says why a RED proposal has no scripts, and has none for it. */
  @Test
  void htmlPageSaysWhyARedProposalHasNoScripts() throws Exception {
    io.github.fenqi.core.NegotiationResult r = redResult();
    java.io.StringWriter html = new java.io.StringWriter();
    HtmlReport.print(new java.io.PrintWriter(html), r);
    org.w3c.dom.Document page = xml(html.toString());
    org.w3c.dom.NodeList withheld = page.getElementsByTagName("p");
    List<String> reasons = new java.util.ArrayList<>();
    for (int i = 0; i < withheld.getLength(); i++) {
      org.w3c.dom.Element p = (org.w3c.dom.Element) withheld.item(i);
      if (p.getAttribute("class").equals("no-scripts")) {
        reasons.add(p.getTextContent());
      }
    }
    assertEquals(r.proposals().stream().map(io.github.fenqi.core.NegotiationResult.ProposalReport::scriptsWithheld)
        .toList(), reasons, html.toString());
    assertEquals(0, page.getElementsByTagName("pre").getLength(), html.toString());
  }

  /** The columns {@code text} takes on a terminal, for the ASCII and CJK ideographs of these tests. */
  private static int terminalColumns(String text) {
    return text.codePoints().map(c -> c >= 0x4E00 && c <= 0x9FFF ? 2 : 1).sum();
  }

  /** {@code sample} with each text {@code fromTo[2i]} replaced by {@code fromTo[2i + 1]}, as {@code dir/case.json}. */
  private static Path edited(Path dir, String sample, String... fromTo) throws Exception {
    String json = Files.readString(Path.of(sample));
    for (int i = 0; i < fromTo.length; i += 2) {
      String changed = json.replace(fromTo[i], fromTo[i + 1]);
      assertFalse(changed.equals(json), sample + " holds " + fromTo[i]);
      json = changed;
    }
    return Files.writeString(dir.resolve("case.json"), json);
  }
}
