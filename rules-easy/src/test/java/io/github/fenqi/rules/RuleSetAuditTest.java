package io.github.fenqi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    Path rules = Files.createDirectory(dir.resolve("rules"));
    RuleFixtures.copyExample(rules);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path logFile = dir.resolve("audit.jsonl");
    try (FileAuditLog log = FileAuditLog.open(logFile, AuditKey.of(key));
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
}
