package io.github.fenqi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.security.audit.AuditAction;
import io.github.fenqi.core.security.audit.AuditEvent;
import io.github.fenqi.core.security.audit.AuditKey;
import io.github.fenqi.core.security.audit.FileAuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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

  /**
   * The first load of a directory holding no rule file leaves no rule live and is audited as one entry, its change
   * EMPTY (it had written none, so the log could not show that the rules had loaded, empty); a later reload that adds
   * a file is audited as that file's ADDED alone.
   */
  @Test
  void theFirstLoadOfAnEmptyDirectoryIsOneEntry() throws Exception {
    Path rules = Files.createDirectory(dir.resolve("empty-rules"));
    Path logFile = dir.resolve("audit.jsonl");
    try (FileAuditLog log = openLog(logFile);
        EasyRulesEligibilityEvaluator e = EasyRulesEligibilityEvaluator.openStrict(rules, RuleSetAudit.listener(log))) {
      assertEquals(1, e.version());
      List<String> lines = Files.readAllLines(logFile);
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).contains("\"RULE_RELOAD\"") && lines.get(0).contains("\"change\":\"EMPTY\"")
          && lines.get(0).contains("\"version\":\"1\"") && lines.get(0).contains("(no rule files)"), lines.get(0));
      Files.copy(exampleRules().resolve("_shared.yml"), rules.resolve("_shared.yml"));
      e.reload();
      lines = Files.readAllLines(logFile);
      assertEquals(2, lines.size(), lines.toString());
      assertTrue(lines.get(1).contains("_shared.yml") && lines.get(1).contains("ADDED")
          && !lines.get(1).contains("EMPTY"), lines.get(1));
      assertEquals(2, log.verify(Optional.empty()).entries());
    }
  }

  /**
   * A rejected file's entry says which content was refused and what stayed live: the SHA-256 of the refused bytes, the
   * version still live, the file's owner, and how many problems there were with the first of them (the entry had not
   * been checked beyond its REJECTED and a problem's words: the hash or the live version could go missing unseen).
   */
  @Test
  void aRejectedFilesEntryNamesTheRefusedContentTheLiveVersionAndTheProblems() throws Exception {
    Path rules = exampleRules();
    List<RuleSetEvent> events = new ArrayList<>();
    try (EasyRulesEligibilityEvaluator e = EasyRulesEligibilityEvaluator.openStrict(rules)) {
      e.addListener(events::add);
      Path shared = rules.resolve("_shared.yml");
      Files.writeString(shared, Files.readString(shared).replace("totalOwed < 500\"", "totalOwed < 500; x = 1\""));
      e.reload();
      assertEquals(1, e.version());
      assertEquals(1, events.size(), events.toString());
      RuleSetEvent.Rejected rejected = (RuleSetEvent.Rejected) events.get(0);
      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(shared)));
      assertEquals(sha256, rejected.sha256());
      List<AuditEvent> audit = RuleSetAudit.events(rejected);
      assertEquals(1, audit.size(), audit.toString());
      assertEquals(RuleSetAudit.ACTOR, audit.get(0).actor());
      assertEquals(AuditAction.RULE_RELOAD, audit.get(0).action());
      assertEquals("_shared.yml", audit.get(0).subject());
      assertEquals(Map.of("change", "REJECTED", "owner", Files.getOwner(shared).getName(), "liveVersion", "1",
          "sha256", sha256, "problems", rejected.problems().size() + ": " + rejected.problems().get(0)),
          audit.get(0).details());
    }
  }

  /**
   * An entry of a reload lists every rule of its file now live, in file order: which rules were live is what the audit
   * is for. Only the presence of a file's name had been checked, and an entry listing the first rule alone passed every
   * test (mutation round 102, M36).
   */
  @Test
  void anEntryListsEveryRuleOfItsFileNowLive() throws Exception {
    List<RuleSetEvent> events = new ArrayList<>();
    try (var e = EasyRulesEligibilityEvaluator.openStrict(exampleRules(), events::add)) {
      List<AuditEvent> entries = RuleSetAudit.events(events.get(0));
      assertEquals(List.of("_shared.yml", "demo-online-lender.yml"),
          entries.stream().map(AuditEvent::subject).toList());
      assertEquals("long-overdue-with-hardship-proof,small-balance,no-proof-tighter-terms",
          entries.get(0).details().get("rules"));
      assertEquals("recent-large-online-loan", entries.get(1).details().get("rules"));
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
