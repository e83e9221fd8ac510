package io.github.fenqi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.policy.EligibilityDecision;
import io.github.fenqi.core.policy.EligibilityEvaluator;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mvel2.MVEL;

/**
 * Known MVEL injection payloads, as conditions and as actions of a rule file: each is rejected naming the file,
 * the rule and the offending token, and none runs — the canary file each would create stays absent.
 */
class InjectionTest {
  @TempDir Path dir;

  static Stream<Arguments> conditionPayloads() {
    return Stream.of(
        Arguments.of("Runtime.getRuntime().exec('touch CANARY')", "Runtime"),
        Arguments.of("java.lang.Runtime.getRuntime().exec('touch CANARY')", "java"),
        Arguments.of("java.lang.System.exit(0)", "java"),
        Arguments.of("System.out.println(1)", "System"),
        Arguments.of("''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch CANARY')", "getClass"),
        Arguments.of("new java.io.File('CANARY').createNewFile()", "new"),
        Arguments.of("java.nio.file.Files.createFile(java.nio.file.Paths.get('CANARY')) != null", "java"),
        Arguments.of("debt.overdueDays = 0", "="),
        Arguments.of("overdueDays += 1", "+="),
        Arguments.of("overdueDays++ > 0", "++"),
        Arguments.of("while(true){}", "while"),
        Arguments.of("for (i = 0; i < 10; i++) { }", "for"),
        Arguments.of("foreach (x : debt) { }", "foreach"),
        Arguments.of("def f() { new java.io.File('CANARY').createNewFile() }; f()", "def"),
        Arguments.of("function f() { true }", "function"),
        Arguments.of("import java.io.*; new File('CANARY').createNewFile()", "import"),
        Arguments.of("\\u0052untime.getRuntime().exec('touch CANARY')", "\\"),
        Arguments.of("T(java.lang.Runtime).getRuntime()", "T"),
        Arguments.of("@java.lang.Runtime@getRuntime()", "@"),
        Arguments.of("debt.getClass().getClassLoader() != null", "getClass"),
        Arguments.of("debt.class != null", "class"),
        Arguments.of("debt.overdueDays.getClass() != null", "getClass"),
        Arguments.of("overdueDays.toString() == '1'", "toString"),
        Arguments.of("debt['overdueDays'] > 1", "["),
        Arguments.of("true; Runtime.getRuntime()", ";"),
        Arguments.of("overdueDays > 1 ? true : false", "?"),
        Arguments.of("{1, 2, 3}.size() > 0", "{"),
        Arguments.of("this.toString() == ''", "this"),
        Arguments.of("with (debt) { overdueDays = 0 }", "with"),
        Arguments.of("exec('touch CANARY')", "exec"),
        Arguments.of("empty(debt)", "empty"),
        Arguments.of("nil == null", "nil"),
        Arguments.of("\uFF32untime.getRuntime()", "U+FF32"),
        Arguments.of("'\\u0052untime' == ''", "\\"),
        Arguments.of("overdueDays > 1 /* comment */", "*"),
        Arguments.of("hasHardshipProof && (debt.platformId == 'a' || Runtime.getRuntime().exec('touch CANARY'))",
            "Runtime"),
        Arguments.of("1B > 0", "1B"),
        Arguments.of("0x10 > 0", "0x10"));
  }

  @ParameterizedTest(name = "condition {0}")
  @MethodSource("conditionPayloads")
  void conditionPayloadIsRejectedNamingTokenAndNeverRuns(String payload, String token) throws IOException {
    Path canary = dir.resolve("canary");
    String condition = payload.replace("CANARY", canary.toString());
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "payload"
        description: "an attack"
        priority: 1
        condition: |-
          %s
        actions:
          - "eligible()"
        """.formatted(condition), StandardCharsets.UTF_8);
    assertRejected(token, "condition");
    assertFalse(Files.exists(canary), "the payload ran");
  }

  static Stream<Arguments> actionPayloads() {
    return Stream.of(
        Arguments.of("Runtime.getRuntime().exec('touch CANARY')", "Runtime"),
        Arguments.of("debt.overdueDays = 0", "debt"),
        Arguments.of("eligible(); new java.io.File('CANARY').createNewFile()", ";"),
        Arguments.of("ineligible(\"X\", new java.io.File('CANARY').createNewFile())", "new"),
        Arguments.of("capWaiver(\"interest\", 0.3).getClass()", "."),
        Arguments.of("maxInstallments(24 + 1)", "+"));
  }

  @ParameterizedTest(name = "action {0}")
  @MethodSource("actionPayloads")
  void actionPayloadIsRejectedNamingTokenAndNeverRuns(String payload, String token) throws IOException {
    Path canary = dir.resolve("canary");
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "payload"
        description: "an attack"
        priority: 1
        condition: "true"
        actions:
          - |-
            %s
        """.formatted(payload.replace("CANARY", canary.toString())), StandardCharsets.UTF_8);
    assertRejected(token, "actions[0]");
    assertFalse(Files.exists(canary), "the payload ran");
  }

  @Test
  void yamlGlobalTagsDoNotConstructObjects() throws IOException {
    Path canary = dir.resolve("canary");
    Files.writeString(dir.resolve("_shared.yml"), """
        name: !!java.io.FileOutputStream ["%s"]
        description: "an attack"
        priority: 1
        condition: "true"
        actions: ["eligible()"]
        """.formatted(canary), StandardCharsets.UTF_8);
    List<RuleFileReport> reports = EasyRulesEligibilityEvaluator.check(dir);
    assertFalse(reports.get(0).valid());
    assertFalse(Files.exists(canary), "the YAML tag constructed a FileOutputStream");
  }

  @Test
  void yamlUnicodeEscapesAreDecodedBeforeTheAllowListSeesThem() throws IOException {
    Files.writeString(dir.resolve("_shared.yml"), """
        name: "payload"
        description: "an attack"
        priority: 1
        condition: "\\u0052untime.getRuntime().exec('id')"
        actions: ["eligible()"]
        """, StandardCharsets.UTF_8);
    assertRejected("Runtime", "condition");
  }

  @Test
  void theCanaryWouldCatchAPayloadThatRan() throws IOException {
    // Control: the same payload handed to MVEL directly does run — which is why nothing reaches MVEL unchecked.
    Path canary = dir.resolve("canary");
    MVEL.eval("new java.io.File('" + canary + "').createNewFile()");
    assertTrue(Files.exists(canary));
  }

  @Test
  void openStrictRefusesAFileWithAPayload() throws IOException {
    Files.writeString(dir.resolve("demo-credit-card.yml"), """
        name: "payload"
        description: "an attack"
        priority: 1
        condition: "Runtime.getRuntime() != null"
        actions: ["eligible()"]
        """, StandardCharsets.UTF_8);
    PolicyException e = assertThrows(PolicyException.class, () -> EasyRulesEligibilityEvaluator.openStrict(dir));
    assertTrue(e.getMessage().contains("demo-credit-card.yml: rule 'payload': condition: offending token 'Runtime'"),
        e.getMessage());
  }

  private void assertRejected(String token, String part) {
    List<RuleFileReport> reports = EasyRulesEligibilityEvaluator.check(dir);
    assertEquals(1, reports.size());
    RuleFileReport r = reports.get(0);
    assertFalse(r.valid(), "accepted: " + r);
    String message = r.problems().get(0).toString();
    assertTrue(message.startsWith("_shared.yml: rule 'payload': " + part), message);
    assertTrue(message.contains("offending token '" + token + "'"), message);
    // Loaded leniently, the file contributes no rule and evaluation still works on the policy block alone.
    try (EasyRulesEligibilityEvaluator evaluator = EasyRulesEligibilityEvaluator.open(dir)) {
      assertEquals(1, evaluator.loadProblems().size());
      NegotiationRequest c = Samples.sampleCase();
      for (Debt d : c.debts()) {
        Policy p = Samples.policies().stream().filter(x -> x.platformId().equals(d.platformId())).findFirst()
            .orElseThrow();
        EligibilityDecision got = evaluator.evaluate(d, c.borrower(), p, c.asOf());
        assertEquals(EligibilityEvaluator.declarative().evaluate(d, c.borrower(), p, c.asOf()), got);
      }
    }
  }
}
