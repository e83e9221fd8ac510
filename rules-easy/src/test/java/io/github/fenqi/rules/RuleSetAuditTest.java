package io.github.fenqi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.security.audit.AuditKey;
import io.github.fenqi.core.security.audit.FileAuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reload and every rejected file lands in a real, verifiable audit log. */
class RuleSetAuditTest {
  @TempDir Path dir;

  @Test
  void reloadsAndRejectionsAreAuditedAsRuleReload() throws Exception {
    Path rules = exampleRules();
    Path logFile = dir.resolve("audit.jsonl");
    try (FileAuditLog log = openLog(logFile);
        EasyRulesEligibilityEvaluator e = EasyRulesEligibilityEvaluator.openStrict(rules);
        RuleSetListener.Subscription s = RuleSetAudit.attach(e, log)) {
      Path shared = rules.resolve("_shared.yml");
      Files.writeString(shared, Files.readString(shared).replace("totalOwed < 500\"", "totalOwed < 800\""));
      e.reload();
      Files.writeString(shared, Files.readString(shared).replace("totalOwed < 800", "totalOwed < 800; x = 1"));
      e.reload();
      List<String> lines = Files.readAllLines(logFile);
      assertEquals(2, lines.size(), lines.toString());
      assertTrue(lines.get(0).contains("\"RULE_RELOAD\"") && lines.get(0).contains("UPDATED") && lines.get(0).contains("_shared.yml"),
          lines.get(0));
      assertTrue(lines.get(1).contains("REJECTED") && lines.get(1).contains("offending token"), lines.get(1));
      assertEquals(2, log.verify(Optional.empty()).entries());
    }
  }

  @Test
  void listenerGivenToOpenAuditsTheFirstLoadAndARejectedStart() throws Exception {
    Path rules = exampleRules();
    Path logFile = dir.resolve("audit.jsonl");
    try (FileAuditLog log = openLog(logFile)) {
      try (EasyRulesEligibilityEvaluator e = EasyRulesEligibilityEvaluator.openStrict(rules, RuleSetAudit.listener(log))) {
        assertEquals(1, e.version());
      }
      List<String> lines = Files.readAllLines(logFile);
      assertEquals(2, lines.size(), lines.toString());
      assertTrue(lines.get(0).contains("_shared.yml") && lines.get(0).contains("ADDED")
          && lines.get(0).contains("\"version\":\"1\""), lines.get(0));
      assertTrue(lines.get(1).contains("demo-online-lender.yml") && lines.get(1).contains("ADDED"), lines.get(1));

      Path shared = rules.resolve("_shared.yml");
      Files.writeString(shared, Files.readString(shared).replace("totalOwed < 500\"", "Runtime.getRuntime() != null\""));
      assertThrows(PolicyException.class, () -> EasyRulesEligibilityEvaluator.openStrict(rules, RuleSetAudit.listener(log)));
      lines = Files.readAllLines(logFile);
      assertTrue(lines.stream().anyMatch(l -> l.contains("REJECTED") && l.contains("'Runtime'")), lines.toString());
      assertEquals(lines.size(), log.verify(Optional.empty()).entries());
    }
  }

  private Path exampleRules() throws Exception {
    Path rules = Files.createDirectory(dir.resolve("rules"));
    RuleFixtures.copyExample(rules);
    return rules;
  }

  /** An audit log under a fresh random key (tests generate their keys). */
  private static FileAuditLog openLog(Path file) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return FileAuditLog.open(file, AuditKey.of(key));
  }
}
