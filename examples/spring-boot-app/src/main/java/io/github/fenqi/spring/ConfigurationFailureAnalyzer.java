package io.github.fenqi.spring;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start that fails on fenqi configuration (a missing key or token, an invalid policy file) prints every
 * problem and what to do, instead of a stack trace. Thread-safety: stateless.
 */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidInputException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidInputException cause) {
    String problems = cause.problems().stream().map(Problem::toString).collect(Collectors.joining("\n    ", "    ", ""));
    return new FailureAnalysis("fenqi configuration is invalid:\n" + problems,
        "Set the environment variables or fenqi.* properties named above (see examples/spring-boot-app/README.md); "
            + "fix the policy files listed.", cause);
  }
}
