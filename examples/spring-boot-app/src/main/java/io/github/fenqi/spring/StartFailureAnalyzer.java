package io.github.fenqi.spring;

import io.github.fenqi.core.AuditIntegrityException;
import io.github.fenqi.core.AuditLogBusyException;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start that fails on any other fenqi error — the audit log held by another instance, or altered — says so in one
 * description and what to do, instead of Spring's chain of bean-creation exceptions. Runs after
 * {@link ConfigurationFailureAnalyzer}, which lists a configuration's problems. Thread-safety: stateless.
 */
class StartFailureAnalyzer extends AbstractFailureAnalyzer<FenqiException> {
  @Override
  protected @Nullable FailureAnalysis analyze(Throwable rootFailure, FenqiException cause) {
    if (cause instanceof InvalidInputException) {
      return null; // ConfigurationFailureAnalyzer lists its problems, whatever order the analyzers run in
    }
    String action;
    if (cause instanceof AuditIntegrityException) {
      action = "The audit log was altered: do not start on it. Check it with 'fenqi audit verify' and restore it from "
          + "a copy that verifies (see examples/cli/README.md).";
    } else if (cause instanceof AuditLogBusyException) {
      action = "Another instance writes this audit log (FENQI_AUDIT_LOG): stop it, or give this instance a log of "
          + "its own.";
    } else {
      action = "See examples/spring-boot-app/README.md for the settings.";
    }
    return new FailureAnalysis("fenqi could not start: " + cause.getMessage(), action, cause);
  }
}
