package io.github.fenqi.spring;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start on an H2 database file another process has open says so, naming the setting, instead of Spring's chain of
 * bean-creation exceptions ending in H2's "Database may be already in use". A second instance given its own audit log,
 * as the README says, met that chain next: the default database is a file too, and one process at a time opens it.
 * Thread-safety: stateless.
 */
class DatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {
  /** H2's code for a database file locked by another process ({@code ErrorCode.DATABASE_ALREADY_OPEN_1}). */
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  @Override
  protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
    if (cause.getErrorCode() != H2_DATABASE_ALREADY_OPEN) {
      return null;
    }
    Matcher file = QUOTED.matcher(String.valueOf(cause.getMessage()));
    String which = file.find() ? "the database file " + file.group(1) : "the database";
    return new FailureAnalysis("fenqi could not start: FENQI_DATABASE_URL (spring.datasource.url): " + which
        + " is in use by another process (another instance of this service?)",
        "An H2 file database is opened by one process at a time: give each instance its own FENQI_DATABASE_URL (and "
            + "FENQI_AUDIT_LOG), or stop the other one; instances that share their submissions share a PostgreSQL "
            + "database (jdbc:postgresql://HOST:PORT/DATABASE).", cause);
  }
}
