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

  @Test
  void printsExtractedFieldsOfSampleTextAsJson() throws Exception {
    String[] r = run("../../samples/policy-texts/01.txt");
    assertEquals("0", r[0], r[2]);
    JsonNode json = new ObjectMapper().readTree(r[1]);
    assertEquals(36, json.get("maxInstallments").asInt());
    assertEquals(6, json.get("minInstallments").asInt());
    assertEquals(90, json.get("minOverdueDays").asInt());
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

  @org.junit.jupiter.api.Test
  void isReachableAsPolicyExtractFromTheMainCommand() {
    CliRun run = CliRun.of("policy", "extract", "../../samples/policy-texts/01.txt");
    org.junit.jupiter.api.Assertions.assertEquals(0, run.exit(), run.err());
    org.junit.jupiter.api.Assertions.assertTrue(run.out().contains("maxInstallments"), run.out());
  }
}
