package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyExtractCommandTest {

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new PolicyExtractCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  /** An empty text and a malformed date are refused in words, through the whole CLI (its converters included). */
  @Test
  void anEmptyTextAndABadDateAreRefusedInWords(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.txt"), " \n");
    CliRun r = CliRun.of("policy", "extract", empty.toString());
    assertEquals(FenqiCli.REJECTED, r.exit());
    assertEquals("fenqi: " + empty + ": holds no text; nothing to extract", r.err().strip());
    r = CliRun.of("policy", "extract", "../../samples/policy-texts/01.txt", "--base", BASE, "--effective-from", "2026-13-01");
    assertEquals(FenqiCli.REJECTED, r.exit());
    assertEquals("fenqi: Invalid value for option '--effective-from': '2026-13-01' is not a valid date YYYY-MM-DD: "
        + "there is no month 13 (see 'fenqi policy extract --help')", r.err().strip());
    // an expanded year had been taken and written into a policy file the validator refuses
    r = CliRun.of("policy", "extract", "../../samples/policy-texts/01.txt", "--base", BASE, "--effective-from",
        "+12026-01-01");
    assertEquals(FenqiCli.REJECTED, r.exit());
    assertEquals("fenqi: Invalid value for option '--effective-from': '+12026-01-01' is not a valid date YYYY-MM-DD: "
        + "the year is four digits without a sign (see 'fenqi policy extract --help')", r.err().strip());
  }

  /**
   * A text that makes the base an invalid policy (a least term above its most) is refused naming the draft, its base
   * and the field at its path in the policy's JSON, as the validator names a draft's problems: it had said only
   * {@code max: 24 is below min 36}, of no policy in particular.
   */
  @Test
  void aDraftTheBaseCannotTakeIsRefusedNamingTheDraftAndThePath(@TempDir Path dir) throws Exception {
    Path text = Files.writeString(dir.resolve("notice.txt"), "分期期数不得少于36期。\n");
    CliRun r = CliRun.of("policy", "extract", text.toString(), "--base", BASE);
    assertEquals(FenqiCli.REJECTED, r.exit(), r.err());
    assertEquals("fenqi: the draft of " + BASE + ": installments.max: 24 is below min 36", r.err().lines()
        .filter(l -> l.startsWith("fenqi:")).findFirst().orElse(r.err()));
  }

  /**
   * A text saved with a byte order mark (Notepad's UTF-8) is the same text, and a file of the mark alone (an empty text
   * so saved) holds no text, as an empty file does: it is not a text that says nothing of every field.
   */
  @Test
  void aByteOrderMarkIsNoPartOfTheText(@TempDir Path dir) throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = Files.readAllBytes(Path.of("../../samples/policy-texts/01.txt"));
    Path marked = dir.resolve("marked.txt");
    Files.write(marked, bom);
    Files.write(marked, text, java.nio.file.StandardOpenOption.APPEND);
    String[] plain = run("--evidence", "../../samples/policy-texts/01.txt");
    String[] withMark = run("--evidence", marked.toString());
    assertEquals("0", withMark[0], withMark[2]);
    assertEquals(plain[1], withMark[1]);
    Path onlyMark = Files.write(dir.resolve("empty.txt"), bom);
    CliRun r = CliRun.of("policy", "extract", onlyMark.toString());
    assertEquals(FenqiCli.REJECTED, r.exit(), r.out());
    assertEquals("fenqi: " + onlyMark + ": holds no text; nothing to extract", r.err().strip());
  }

  @Test
  void printsExtractedFieldsOfSampleTextAsJson() throws Exception {
    String[] r = run("../../samples/policy-texts/01.txt");
    assertEquals("0", r[0], r[2]);
    JsonNode json = new ObjectMapper().readTree(r[1]);
    assertEquals(36, json.get("maxInstallments").asInt());
    assertEquals(6, json.get("minInstallments").asInt());
    assertEquals(91, json.get("minOverdueDays").asInt()); // 逾期超过90天: more than 90
    assertEquals(0.5, json.get("maxPenaltyWaiver").asDouble());
    assertTrue(json.get("maxInterestWaiver").isNull(), "undetermined fields are printed as null");
    assertEquals("[\"PENALTY_INTEREST\",\"LATE_FEE\",\"PRINCIPAL\"]", json.get("terms").toString());
    assertFalse(json.has("evidence"));
  }

  @Test
  void printsEvidenceOnRequest() throws Exception {
    String[] r = run("--evidence", "../../samples/policy-texts/01.txt");
    JsonNode ev = new ObjectMapper().readTree(r[1]).get("evidence").get("maxInstallments");
    String text = Files.readString(Path.of("../../samples/policy-texts/01.txt"));
    assertEquals(text.substring(ev.get("start").asInt(), ev.get("end").asInt()), ev.get("text").asText());
  }

  @Test
  void rejectsNonUtf8File(@TempDir Path dir) throws Exception {
    Path gbk = dir.resolve("gbk.txt");
    Files.write(gbk, "最长可分36期".getBytes(Charset.forName("GBK")));
    String[] r = run(gbk.toString());
    assertFalse(r[0].equals("0"));
  }

  private static final String BASE = "../../samples/policies/demo-online-lender.json";

  @Test
  void turnsABasePolicyIntoTheDraftTheTextDescribes() throws Exception {
    String[] r = run("--base", BASE, "--version", "2026-12-01-text", "--effective-from", "2026-12-01",
        "../../samples/policy-texts/01.txt");
    assertEquals("0", r[0], r[2]);
    // stdout is a policy file: the validator loads it
    io.github.fenqi.core.policy.Policy draft = new io.github.fenqi.core.policy.PolicyValidator()
        .validate(r[1].getBytes(java.nio.charset.StandardCharsets.UTF_8), "stdout").orElseThrow();
    io.github.fenqi.core.policy.Policy base = new io.github.fenqi.core.policy.PolicyValidator()
        .validate(Path.of(BASE)).orElseThrow();
    assertEquals(base.platformId(), draft.platformId());
    assertEquals("2026-12-01-text", draft.version());
    assertEquals(java.time.LocalDate.of(2026, 12, 1), draft.effectiveFrom());
    assertEquals(36, draft.installments().max());
    assertEquals(6, draft.installments().min());
    assertEquals(91, draft.eligibility().minOverdueDays());
    assertTrue(draft.eligibility().requiresHardshipProof());
    assertEquals(0, draft.waivers().penaltyInterest().value().compareTo(new java.math.BigDecimal("0.5")));
    assertEquals(base.waivers().interest(), draft.waivers().interest(), "a field the text does not mention is kept");
    assertEquals(base.installments().step(), draft.installments().step());
    // the review list on stderr
    assertTrue(r[2].contains("changed   maxInstallments: 24 -> 36"), r[2]);
    assertTrue(r[2].contains("changed   minOverdueDays: 30 -> 91"), r[2]);
    assertTrue(r[2].contains("not in the text, kept maxInterestWaiver: 0.3"), r[2]);
  }

  /**
   * A field the text states two ways, or only bounds, is listed with what the text says, not as "not in the text": a
   * contradiction on hardship proof had been listed as absent.
   */
  @Test
  void aDraftListsAConflictAndABoundWithWhatTheTextSays(@TempDir Path dir) throws Exception {
    Path text = dir.resolve("notice.txt");
    java.nio.file.Files.writeString(text, "需提供困难证明。无需提供困难证明。每月手续费不超过0.6%。逾期30-90天可申请。");
    String[] r = run("--base", BASE, "--effective-from", "2026-12-01", text.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[2].contains("  undetermined, kept requiresHardshipProof: "), r[2]);
    assertTrue(r[2].contains("requiresHardshipProof: the text states true"), r[2]);
    assertTrue(r[2].contains("monthlyFeeRate: at most 0.006"), r[2]);
    assertTrue(r[2].contains("unchanged minOverdueDays: 30"), r[2]);
    assertTrue(!r[2].contains("not in the text, kept requiresHardshipProof"), r[2]);
    // a note line is for a bound beside a value the text does state; what an undetermined field's line says is not
    // said again on one
    assertEquals(1, r[2].lines().filter(l -> l.startsWith("  note")).count(), r[2]);
    assertTrue(r[2].lines().anyMatch(l -> l.startsWith("  note      minOverdueDays: at most 90")), r[2]);
  }

  /**
   * A value the text states as the base has it, in another figure (50% against the base's "0.50"), is listed as
   * unchanged with the base's figure and kept in the draft as the base writes it: the draft had rewritten it "0.5"
   * while the list called it unchanged. A value that does change is written as the text gives it.
   */
  @Test
  void anUnchangedValueKeepsTheBasesOwnFigure(@TempDir Path dir) throws Exception {
    Path base = dir.resolve("demo-online-lender.json");
    java.nio.file.Files.writeString(base, java.nio.file.Files.readString(Path.of(BASE))
        .replace("\"interest\": \"0.3\"", "\"interest\": \"0.50\"")
        .replace("\"penaltyInterest\": \"0.5\"", "\"penaltyInterest\": \"0.50\""));
    Path text = dir.resolve("notice.txt");
    java.nio.file.Files.writeString(text, "利息最高可减免50%，罚息最高可减免60%。");
    String[] r = run("--base", base.toString(), "--effective-from", "2026-12-01", text.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[2].lines().anyMatch("  unchanged maxInterestWaiver: 0.50"::equals), r[2]);
    assertTrue(r[2].contains("  changed   maxPenaltyWaiver: 0.50 -> 0.6"), r[2]);
    com.fasterxml.jackson.databind.JsonNode waivers = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r[1])
        .get("waivers");
    assertEquals("0.50", waivers.get("interest").asText(), r[1]);
    assertEquals("0.6", waivers.get("penaltyInterest").asText(), r[1]);
  }

  /** A draft's default effective date is today in China, whatever the machine's zone. */
  @Test
  void aDraftTakesEffectTodayInChinaByDefault() throws Exception {
    io.github.fenqi.core.testkit.ZoneAwayFromChina.run((beijing, behind) -> {
      String[] r = run("--base", BASE, "../../samples/policy-texts/01.txt");
      assertEquals("0", r[0], r[2]);
      io.github.fenqi.core.policy.Policy draft = new io.github.fenqi.core.policy.PolicyValidator()
          .validate(r[1].getBytes(java.nio.charset.StandardCharsets.UTF_8), "stdout").orElseThrow();
      assertEquals(beijing, draft.effectiveFrom());
      assertEquals(beijing + "-text", draft.version());
    });
  }

  /**
   * A draft effective no later than its base is refused before anything is listed: a policies directory applies the
   * version with the latest effectiveFrom, so a draft from 2020-01-01 of a base from 2026-02-01 was printed, exit 0,
   * validated beside the base, and never in effect once the base was; one of the base's own day was refused by the
   * directory. A day after the base's is taken.
   */
  @Test
  void aDraftEffectiveNoLaterThanItsBaseIsRefused() {
    for (String day : new String[] {"2020-01-01", "2026-01-31", "2026-02-01"}) {
      CliRun r = CliRun.of("policy", "extract", "../../samples/policy-texts/01.txt", "--base", BASE,
          "--effective-from", day);
      assertEquals(FenqiCli.REJECTED, r.exit(), r.out());
      assertEquals("fenqi: --effective-from: " + day + " is not after 2026-02-01, the effectiveFrom of " + BASE
          + ": a policies directory applies the version with the latest effectiveFrom, so the draft would not be in "
          + "effect once the base is; give a later date", r.err().strip());
      assertEquals("", r.out());
    }
    CliRun next = CliRun.of("policy", "extract", "../../samples/policy-texts/01.txt", "--base", BASE,
        "--effective-from", "2026-02-02");
    assertEquals(FenqiCli.OK, next.exit(), next.err());
  }

  @Test
  void draftOptionsAreCheckedAndNamed(@TempDir Path dir) throws Exception {
    String[] noBase = run("--version", "x", "../../samples/policy-texts/01.txt");
    assertFalse(noBase[0].equals("0"));
    String[] sameLabel = run("--base", BASE, "--version", "2026-02-01", "../../samples/policy-texts/01.txt");
    assertFalse(sameLabel[0].equals("0"));
    String[] withEvidence = run("--base", BASE, "--evidence", "../../samples/policy-texts/01.txt");
    assertFalse(withEvidence[0].equals("0"));
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, Files.readString(Path.of(BASE)).replace("\"max\": 24", "\"max\": 2"));
    CliRun run = CliRun.of("policy", "extract", "--base", broken.toString(), "../../samples/policy-texts/01.txt");
    assertEquals(FenqiCli.REJECTED, run.exit());
    assertTrue(run.err().contains("broken.json") && run.err().contains("installments"), run.err());
    CliRun label = CliRun.of("policy", "extract", "--version", "x", "../../samples/policy-texts/01.txt");
    assertEquals(FenqiCli.REJECTED, label.exit());
    assertTrue(label.err().contains("--version") && label.err().contains("only with --base"), label.err());
    CliRun from = CliRun.of("policy", "extract", "--effective-from", "2026-12-01", "../../samples/policy-texts/01.txt");
    assertEquals(FenqiCli.REJECTED, from.exit(), from.out());
    assertEquals("fenqi: --effective-from: applies only with --base", from.err().strip());
    assertEquals("", from.out());
  }

  /**
   * A --version label that no policy file takes (a line break, a right-to-left override, 129 characters) is refused
   * naming the option, before the review of the changes: it was refused after the changes had been listed on
   * standard error, as if the draft went ahead, and named "version", the policy file's field, not the option.
   */
  @Test
  void aLabelNoPolicyTakesIsRefusedNamingTheOptionBeforeTheReview() {
    for (String label : java.util.List.of("2026-12\ntext", "\u202Etxet-2026", "v".repeat(129))) {
      CliRun run = CliRun.of("policy", "extract", "../../samples/policy-texts/01.txt", "--base", BASE, "--version",
          label);
      assertEquals(FenqiCli.REJECTED, run.exit(), run.err());
      assertEquals("", run.out());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(run.err().startsWith("fenqi: --version: "), run.err());
    }
  }

  @org.junit.jupiter.api.Test
  void isReachableAsPolicyExtractFromTheMainCommand() {
    CliRun run = CliRun.of("policy", "extract", "../../samples/policy-texts/01.txt");
    org.junit.jupiter.api.Assertions.assertEquals(0, run.exit(), run.err());
    org.junit.jupiter.api.Assertions.assertTrue(run.out().contains("maxInstallments"), run.out());
  }
}
