package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The CLI's own logging configuration: libraries' INFO chatter stays out of a user's terminal, warnings do not. */
class LoggingTest {
  @Test
  void infoIsQuietAndWarningsAreShown() {
    var optaPlanner = LoggerFactory.getLogger("org.optaplanner.core.impl.solver.DefaultSolver");
    assertFalse(optaPlanner.isInfoEnabled(), "OptaPlanner's 'Solving started' lines would reach the terminal");
    assertTrue(LoggerFactory.getLogger("io.github.fenqi.core.security.audit.FileAuditLog").isWarnEnabled());
    // 'policy validate' prints each invalid file's problems as its answer; the repository's warning repeated them
    assertFalse(LoggerFactory.getLogger("io.github.fenqi.core.policy.JsonDirectoryPolicyRepository").isWarnEnabled());
    // 'plan --rules' refuses an invalid rule file with its problem; the evaluator's warning was a second line
    assertFalse(LoggerFactory.getLogger("io.github.fenqi.rules.EasyRulesEligibilityEvaluator").isWarnEnabled());
  }
}
