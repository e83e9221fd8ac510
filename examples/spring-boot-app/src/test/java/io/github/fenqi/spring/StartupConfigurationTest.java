package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.testkit.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The service refuses to start without its secrets or with a broken policy file, and says why. */
class StartupConfigurationTest {

  private static String key() {
    return Base64.getEncoder().encodeToString(new byte[32]);
  }

  /**
   * Starts the app with command-line properties (they override application.yml, as in production); one of {@code more}
   * replaces the default of the same setting (Spring would join two values of one argument with a comma).
   */
  private static void start(Path dir, String... more) {
    start(dir, null, more);
  }

  /**
   * Starts the app as {@link #start(Path, String...)} does, its environment variables {@code variables} alone (not the
   * process's, which no test changes), when given: Spring reads them from this source as it reads the process's.
   */
  private static void start(Path dir, @Nullable Map<String, String> variables, String... more) {
    Map<String, String> args = new LinkedHashMap<>();
    for (String arg : List.of(
        "--server.port=0",
        "--server.tomcat.basedir=" + dir.resolve("tomcat"),
        "--fenqi.policies-dir=" + dir.resolve("policies"),
        "--fenqi.audit-log=" + dir.resolve("audit.log"),
        "--fenqi.client-token=client-token-0123456789",
        "--fenqi.admin-token=admin-token-0123456789",
        "--fenqi.field-key=" + key(),
        "--fenqi.index-key=" + key(),
        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath())) {
      args.put(arg.substring(0, arg.indexOf('=')), arg);
    }
    for (String arg : more) {
      args.put(arg.substring(0, arg.indexOf('=')), arg);
    }
    SpringApplicationBuilder app = new SpringApplicationBuilder(FenqiApplication.class);
    if (variables != null) {
      StandardEnvironment environment = new StandardEnvironment();
      environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
          new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
              Map.copyOf(variables)));
      app.environment(environment);
    }
    app.run(args.values().toArray(String[]::new)).close();
  }

  /** The InvalidInputException a failed start ends in, and its analysis: every problem, no stack trace. */
  private static String startProblems(Path dir, String... more) {
    return startProblems(dir, null, more);
  }

  /** {@link #startProblems(Path, String...)} of a start with the environment variables {@code variables} alone. */
  private static String startProblems(Path dir, @Nullable Map<String, String> variables, String... more) {
    Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class,
        () -> start(dir, variables, more));
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertThat(root).isInstanceOf(InvalidInputException.class);
    String description = new ConfigurationFailureAnalyzer().analyze(failure).getDescription();
    assertThat(description).doesNotContain("at io.github").doesNotContain("at org.springframework");
    return description;
  }

  /**
   * Scratch directories under the module's build directory, not /tmp: the failed start leaves Tomcat's base directory
   * behind after the test's cleanup, and there `mvn clean` removes it.
   */
  static final class UnderTarget implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
      return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fenqi-startup-test");
    }
  }

  @Test
  void refusesToStartWithoutTheAuditKey(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    assertThatThrownBy(() -> start(dir))
        .rootCause().isInstanceOf(InvalidInputException.class).hasMessageContaining("FENQI_AUDIT_KEY");
  }

  @Test
  void refusesToStartWithAnInvalidPolicyFileListingItsProblems(@TempDir(factory = UnderTarget.class) Path dir) throws Exception {
    Samples.copyPolicies(dir.resolve("policies"));
    Path broken = dir.resolve("policies/demo-online-lender.json");
    Files.writeString(broken, Files.readString(broken).replace("\"minRatio\": \"0.1\"", "\"minRatio\": \"7\""));
    assertThatThrownBy(() -> start(dir, "--fenqi.audit-key=" + key()))
        .rootCause().isInstanceOf(InvalidInputException.class).hasMessageContaining("demo-online-lender.json")
        .hasMessageContaining("minRatio");
  }

  /** A policy file whose extension is not lower case stops the start naming it, where it had been left unread. */
  @Test
  void aPolicyFileNamedWithAnUpperCaseExtensionStopsTheStart(@TempDir(factory = UnderTarget.class) Path dir)
      throws Exception {
    Samples.copyPolicies(dir.resolve("policies"));
    Path misnamed = dir.resolve("policies/demo-online-lender.JSON");
    Files.move(dir.resolve("policies/demo-online-lender.json"), misnamed);
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key())).contains(misnamed + ": is not read: a policy file's "
        + "name ends in .json, in lower case; rename it to demo-online-lender.json");
  }

  /**
   * Two files holding versions of one platform that take effect the same day, or one version label twice, stop the
   * start naming both files. The start had said only "demo-online-lender: version 'v2' takes effect on 2026-02-01, the
   * same day as …" or "demo-online-lender: version '2026-02-01' appears twice", leaving the files to be searched for.
   */
  @Test
  void twoPolicyFilesOfOneVersionOrOneDayStopTheStartNamingBothFiles(@TempDir(factory = UnderTarget.class) Path dir)
      throws Exception {
    Samples.copyPolicies(dir.resolve("policies"));
    Path original = dir.resolve("policies/demo-online-lender.json");
    String policy = Files.readString(original);
    Path sameDay = dir.resolve("policies/ol-v2.json");
    Files.writeString(sameDay, policy.replace("\"version\": \"2026-02-01\"", "\"version\": \"v2\""));
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key())).contains(sameDay + ": version 'v2' takes effect on "
        + "2026-02-01, the same day as version '2026-02-01' of 'demo-online-lender'").contains("keep only one of them "
        + "(version '2026-02-01' is file " + original.getFileName() + ")");

    Files.delete(sameDay);
    Path copy = dir.resolve("policies/ol-copy.json");
    Files.writeString(copy, policy.replace("\"minOverdueDays\": 30", "\"minOverdueDays\": 31"));
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key())).contains(copy + ": duplicates platform "
        + "'demo-online-lender' version '2026-02-01' of file " + original.getFileName() + ", with other terms");
  }

  /** A second instance on the same audit log is refused at start (the log's lock), and told what to do. */
  @Test
  void refusesToStartOnAnAuditLogAnotherWriterHolds(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    byte[] raw = new byte[32];
    try (var held = io.github.fenqi.core.security.audit.FileAuditLog.open(dir.resolve("audit.log"),
        io.github.fenqi.core.security.audit.AuditKey.of(raw))) {
      Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class,
          () -> start(dir, "--fenqi.audit-key=" + key()));
      Throwable root = failure;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      assertThat(root).isInstanceOf(io.github.fenqi.core.FenqiException.class)
          .hasMessageEndingWith("audit.log: the audit log is already open by another writer");
      FailureAnalysis analysis = new StartFailureAnalyzer().analyze(failure);
      assertThat(analysis.getDescription()).startsWith("fenqi could not start: ").contains("another writer");
      assertThat(analysis.getAction()).contains("Another instance writes this audit log (FENQI_AUDIT_LOG)");
    }
    assertThat(new StartFailureAnalyzer().analyze(new IllegalStateException("wrapped",
        new InvalidInputException("FENQI_FIELD_KEY", "is not set")))).as("left to ConfigurationFailureAnalyzer").isNull();
  }

  /** A limit outside its range would refuse or fail every request; it stops the start instead, naming each setting. */
  @Test
  void limitsOutsideTheirRangeStopTheStartNamingTheSettings(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class,
        () -> start(dir, "--fenqi.audit-key=" + key(), "--fenqi.max-body-bytes=2147483647", "--fenqi.max-debts=0",
            "--fenqi.max-search-nodes=0"));
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertThat(root).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fenqi.max-body-bytes: 2147483647 is outside 1024..67108864")
        .hasMessageContaining("fenqi.max-debts: 0 is outside 1..1000")
        .hasMessageContaining("fenqi.max-search-nodes: 0 must be positive");
    assertThat(new ConfigurationFailureAnalyzer().analyze(failure).getDescription()).contains("fenqi.max-debts");

    Throwable monitor = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class,
        () -> start(dir, "--fenqi.audit-key=" + key(), "--fenqi.monitor.alpha=2", "--fenqi.monitor.recent-window=3"));
    while (monitor.getCause() != null) {
      monitor = monitor.getCause();
    }
    assertThat(monitor).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fenqi.monitor.recent-window: must be at least 10, found 3")
        .hasMessageContaining("fenqi.monitor.alpha: must be in (0, 0.5), found 2.0");
  }

  /**
   * A fenqi.* setting the service does not have stops the start naming it and the settings there are: a misspelt
   * {@code fenqi.max-debt=5} or {@code fenqi.monitor.alpa} was passed over in silence, the service running on the
   * default the operator meant to replace. The settings' other spellings (camel case) are the settings themselves.
   * The settings there are are listed once, after the unknown ones: they were repeated in each unknown one's line.
   */
  @Test
  void aFenqiSettingTheServiceDoesNotHaveStopsTheStartNamingIt(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    String problems = startProblems(dir, "--fenqi.audit-key=" + key(), "--fenqi.max-debt=5",
        "--fenqi.monitor.alpa=0.01", "--fenqi.maxDebts=50", "--fenqi.monitor.recentWindow=20");
    assertThat(problems)
        .contains("    fenqi.max-debt: is not a setting of this service (did you mean fenqi.max-debts?)\n")
        .contains("    fenqi.monitor.alpa: is not a setting of this service (did you mean fenqi.monitor.alpha?)\n")
        .contains("    this service's fenqi.* settings are: fenqi.policies-dir, fenqi.audit-log, fenqi.client-token, "
        + "fenqi.admin-token, fenqi.field-key, fenqi.field-key-id, fenqi.retired-field-keys, fenqi.index-key, "
        + "fenqi.audit-key, fenqi.max-body-bytes, fenqi.max-debts, fenqi.max-search-nodes, "
        + "fenqi.monitor.recent-window, fenqi.monitor.baseline-window, fenqi.monitor.min-baseline, fenqi.monitor.alpha, fenqi.monitor.min-drop")
        .doesNotContain("maxDebts").doesNotContain("recentWindow");
    assertThat(problems.split("fenqi.policies-dir", -1)).as("the settings listed once for two unknown ones")
        .hasSize(2);
  }

  /**
   * One unknown setting is followed by the list of the settings there are as well, and a misspelling up to a third of
   * a setting's name away is told that setting: {@code fenqi.maxdbt} is {@code fenqi.max-debts} with three characters
   * left out.
   */
  @Test
  void aSingleUnknownSettingIsToldItsNearestAndTheSettings(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    String problems = startProblems(dir, "--fenqi.audit-key=" + key(), "--fenqi.maxdbt=5");
    assertThat(problems)
        .contains("    fenqi.maxdbt: is not a setting of this service (did you mean fenqi.max-debts?)\n")
        .contains("    this service's fenqi.* settings are: fenqi.policies-dir, fenqi.audit-log, ");
  }

  /**
   * An environment variable named FENQI_… the service does not read stops the start naming it and the nearest it
   * reads: a misspelt {@code FENQI_CLIENT_TOKNE} or {@code FENQI_AUIDT_LOG} was ignored, the service starting on the
   * default the operator meant to replace. Each setting's variable in the spellings Spring binds is read, and the
   * service starts on them; the CLI's FENQI_DEBUG is let through. The variables read are listed once, after the
   * unknown ones: the whole list was repeated in each unknown one's line, four times here.
   */
  @Test
  void aFenqiVariableTheServiceDoesNotReadStopsTheStartNamingTheNearest(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    Map<String, String> read = Map.of("FENQI_AUDIT_KEY", key(), "FENQI_MAX_DEBTS", "50", "FENQI_MAXBODYBYTES", "4096",
        "fenqi_monitor_alpha", "0.01", "FENQI_MONITOR_RECENT_WINDOW", "20", "FENQI_DATABASE_USER", "sa", "PATH", "/bin",
        "FENQI_DEBUG", "1");
    Map<String, String> variables = new LinkedHashMap<>(read);
    variables.putAll(Map.of("FENQI_CLIENT_TOKNE", "client-token-9876543210", "FENQI_AUIDT_LOG", "x.log",
        "fenqi_database_url", "jdbc:h2:mem:x", "FENQI_VERBOSE", "1"));
    String problems = startProblems(dir, variables);
    assertThat(problems)
        .contains("    FENQI_CLIENT_TOKNE: is not a variable of this service (did you mean FENQI_CLIENT_TOKEN?)\n")
        .contains("    FENQI_AUIDT_LOG: is not a variable of this service (did you mean FENQI_AUDIT_LOG?)\n")
        .contains("    fenqi_database_url: is not a variable of this service (did you mean FENQI_DATABASE_URL?)\n")
        .contains("    FENQI_VERBOSE: is not a variable of this service\n")
        .contains("    this service's FENQI_* variables are: FENQI_POLICIES_DIR, FENQI_AUDIT_LOG, FENQI_CLIENT_TOKEN, "
        + "FENQI_ADMIN_TOKEN, FENQI_FIELD_KEY, FENQI_FIELD_KEY_ID, FENQI_RETIRED_FIELD_KEYS, FENQI_INDEX_KEY, "
        + "FENQI_AUDIT_KEY, FENQI_MAX_BODY_BYTES, FENQI_MAX_DEBTS, FENQI_MAX_SEARCH_NODES, "
        + "FENQI_MONITOR_RECENT_WINDOW, FENQI_MONITOR_BASELINE_WINDOW, FENQI_MONITOR_MIN_BASELINE, "
        + "FENQI_MONITOR_ALPHA, FENQI_MONITOR_MIN_DROP, FENQI_DATABASE_URL, FENQI_DATABASE_USER, "
        + "FENQI_DATABASE_PASSWORD")
        .doesNotContain("FENQI_DEBUG")
        .doesNotContain("FENQI_AUDIT_KEY: ").doesNotContain("FENQI_MAX_DEBTS: ").doesNotContain("FENQI_MAXBODYBYTES")
        .doesNotContain("fenqi_monitor_alpha").doesNotContain("FENQI_MONITOR_RECENT_WINDOW: ")
        .doesNotContain("FENQI_DATABASE_USER: ").doesNotContain("PATH");
    assertThat(problems.split("FENQI_POLICIES_DIR", -1)).as("the variables listed once for four unknown ones")
        .hasSize(2);
    start(dir, read);
  }

  /**
   * A variable is a setting's in any case of its ASCII letters only, as Spring binds it: FENQI_MAX_DEBT\u017F (a long
   * ſ) and FENQ\u0131_AUDIT_LOG (a dotless ı), which Unicode upper-cases to a setting's variable, had been taken as
   * read, though Spring binds neither, and the service started on the defaults they were meant to replace. A Kelvin
   * sign (U+212A) is no K either.
   */
  @Test
  void aVariableIsASettingsOnlyInAsciiCase(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    String problems = startProblems(dir, Map.of("FENQI_AUDIT_KEY", key(), "FENQI_MAX_DEBT\u017F", "50",
        "FENQ\u0131_AUDIT_LOG", "x.log", "fenqi_field_\u212Aey_id", "field2"));
    assertThat(problems)
        .contains("    FENQI_MAX_DEBT\u017F: is not a variable of this service (did you mean FENQI_MAX_DEBTS?)\n")
        .contains("    FENQ\u0131_AUDIT_LOG: is not a variable of this service (did you mean FENQI_AUDIT_LOG?)\n")
        .contains("    fenqi_field_\u212Aey_id: is not a variable of this service (did you mean FENQI_FIELD_KEY_ID?)\n")
        .doesNotContain("FENQI_AUDIT_KEY: ");
  }

  /**
   * A list of retired field keys with an empty entry stops the start naming the variable: "," and ", " were taken for
   * no retired key, and "old=…," for one, a list mangled on its way (joined around an empty item) passing for meant.
   */
  @Test
  void retiredFieldKeysWithAnEmptyEntryStopTheStart(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    String old = "old=" + Base64.getEncoder().encodeToString(new byte[32]);
    String older = "older=" + Base64.getEncoder().encodeToString(new byte[32]);
    Map<String, String> expected = Map.of(",", "entry 1 of 2 is empty", ", ", "entry 1 of 2 is empty",
        old + ",", "entry 2 of 2 is empty", old + ", ," + older, "entry 2 of 3 is empty", " ", "entry 1 of 1 is empty");
    expected.forEach((value, problem) -> assertThat(startProblems(dir,
        Map.of("FENQI_AUDIT_KEY", key(), "FENQI_RETIRED_FIELD_KEYS", value))).as("'%s'", value)
        .contains("FENQI_RETIRED_FIELD_KEYS: " + problem + "; give id=base64 pairs separated by single commas, or "
            + "leave the variable empty for no retired key"));
    start(dir, Map.of("FENQI_AUDIT_KEY", key(), "FENQI_RETIRED_FIELD_KEYS", old + ", " + older));
    start(dir, Map.of("FENQI_AUDIT_KEY", key(), "FENQI_RETIRED_FIELD_KEYS", ""));
  }

  /**
   * A field key id given empty or blank stops the start naming it: it was taken as the default {@code field1}, so a
   * rotation script whose new id came out empty ({@code FENQI_FIELD_KEY_ID=$NEW_ID}) labelled the new key with the old
   * key's id, and the rows under the old key no longer decrypted.
   */
  @Test
  void aFieldKeyIdGivenEmptyOrBlankStopsTheStartNamingIt(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key(), "--fenqi.field-key-id="))
        .contains("FENQI_FIELD_KEY_ID: is empty; give the id of FENQI_FIELD_KEY (field1 unless it was rotated), or "
            + "leave the variable unset for field1");
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key(), "--fenqi.field-key-id= "))
        .contains("FENQI_FIELD_KEY_ID: is blank; give the id of FENQI_FIELD_KEY");
  }

  /**
   * A token no request can carry stops the start naming its variable. A client token whose secret file ended in a line
   * break was taken, and every request then got 401 (a header's value cannot hold it, and is stripped); a short one
   * stopped the start with an IllegalStateException that named both tokens, under a stack trace.
   */
  @Test
  void tokensThatCannotBeSentStopTheStartNamingEachOne(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key(), "--fenqi.client-token=client-token-0123456789\n",
        "--fenqi.admin-token=short"))
        .contains("FENQI_CLIENT_TOKEN: contains a character a bearer token cannot carry")
        .contains("FENQI_ADMIN_TOKEN: has 5 characters; at least 16 are needed");
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key(), "--fenqi.admin-token=client-token-0123456789"))
        .contains("FENQI_ADMIN_TOKEN: is the same as FENQI_CLIENT_TOKEN");
  }

  /**
   * A port no server can listen on stops the start naming the setting. 99999 was Tomcat's "port out of range:99999"
   * at the end of a stack trace, after the whole context had started; -5 started a service listening on no port.
   */
  @Test
  void aPortOutsideItsRangeStopsTheStartNamingTheSetting(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key(), "--server.port=99999"))
        .contains("server.port (SERVER_PORT): '99999' is not a port; give 1..65535 (0: any free port)");
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key(), "--server.port=-5"))
        .contains("server.port (SERVER_PORT): '-5' is not a port");
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key(), "--server.port=-1"))
        .as("Spring Boot's -1, no HTTP server, refused too (README)")
        .contains("server.port (SERVER_PORT): '-1' is not a port");
  }

  /**
   * A second instance on the H2 database file of a running one (each given its own audit log, as the README says) is
   * told so in one description naming FENQI_DATABASE_URL: it was Spring's chain of bean-creation exceptions, the
   * last H2's "Database may be already in use". The other process is H2's shell, holding the file open.
   */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aDatabaseFileAnotherProcessHoldsStopsTheStartNamingTheSetting(@TempDir(factory = UnderTarget.class) Path dir,
      CapturedOutput output) throws Exception {
    Samples.copyPolicies(dir.resolve("policies"));
    Path db = dir.resolve("db").toAbsolutePath();
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "org.h2.tools.Shell", "-url", "jdbc:h2:file:" + db, "-user", "sa",
        "-password", "").redirectErrorStream(true).start();
    try {
      StringBuilder shell = new StringBuilder();
      java.io.InputStream in = holder.getInputStream();
      for (int c; !shell.toString().contains("sql>") && (c = in.read()) >= 0; ) { // the prompt: the file is open
        shell.append((char) c);
      }
      assertThat(shell.toString()).contains("sql>");
      org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> start(dir, "--fenqi.audit-key=" + key()));
      assertThat(output.getOut()).contains("fenqi could not start: FENQI_DATABASE_URL (spring.datasource.url): the "
          + "database file " + db + ".mv.db is in use by another process (another instance of this service?)")
          .contains("give each instance its own FENQI_DATABASE_URL (and FENQI_AUDIT_LOG)")
          .doesNotContain("Caused by:");
    } finally {
      holder.destroy();
      holder.waitFor();
    }
  }

  /**
   * A blind-index key of the wrong length is named as FENQI_INDEX_KEY, not as the core's parameter blindIndexKey; one
   * given in hex (openssl rand -hex 32) is told so, where it had been "found 48 bytes", and is not shown.
   */
  @Test
  void anIndexKeyOfTheWrongLengthIsNamedAsTheVariable(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key(),
        "--fenqi.index-key=" + Base64.getEncoder().encodeToString(new byte[16])))
        .contains("FENQI_INDEX_KEY: holds 24 characters, the base64 of 16 bytes (expected the base64 of a 32-byte "
            + "blind-index HMAC key)");
    String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key(), "--fenqi.index-key=" + hex))
        .contains("FENQI_INDEX_KEY: holds 64 characters, the base64 of 48 bytes")
        .contains("looks like the hex of a 32-byte key").doesNotContain(hex);
  }

  /** An audit log whose directory cannot be created names the setting (it was a bare IOException naming the path). */
  @Test
  void anAuditLogDirectoryThatCannotBeCreatedNamesTheSetting(@TempDir(factory = UnderTarget.class) Path dir)
      throws IOException {
    Samples.copyPolicies(dir.resolve("policies"));
    Files.writeString(dir.resolve("a-file"), "not a directory");
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key(),
        "--fenqi.audit-log=" + dir.resolve("a-file/logs/audit.log")))
        .contains("fenqi.audit-log (FENQI_AUDIT_LOG): the directory ").contains("cannot be created");
  }

  /**
   * Every missing secret is named by one start. Each bean checked its own settings as it was made, so a start with none
   * set named FENQI_AUDIT_KEY alone, and each of the other four took a restart more to learn of.
   */
  @Test
  void everyMissingSecretIsListedByOneStart(@TempDir(factory = UnderTarget.class) Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    assertThat(startProblems(dir, "--fenqi.client-token=", "--fenqi.admin-token=", "--fenqi.field-key=",
        "--fenqi.index-key=", "--fenqi.audit-key="))
        .contains("FENQI_AUDIT_KEY: " + FenqiConfiguration.NOT_SET)
        .contains("FENQI_FIELD_KEY: " + FenqiConfiguration.NOT_SET)
        .contains("FENQI_INDEX_KEY: " + FenqiConfiguration.NOT_SET)
        .contains("FENQI_CLIENT_TOKEN: " + FenqiConfiguration.NOT_SET)
        .contains("FENQI_ADMIN_TOKEN: " + FenqiConfiguration.NOT_SET);
  }

  /**
   * A database URL that is not a JDBC URL, and an audit log that is a directory, name their settings: the first was the
   * pool's IllegalArgumentException ("URL must start with 'jdbc'") under a stack trace, the second named only the path.
   */
  @Test
  void aDatabaseUrlOrAnAuditLogThatCannotBeUsedNamesItsSetting(@TempDir(factory = UnderTarget.class) Path dir)
      throws IOException {
    Samples.copyPolicies(dir.resolve("policies"));
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key(), "--spring.datasource.url=localhost:5432/fenqi"))
        .contains("FENQI_DATABASE_URL (spring.datasource.url): 'localhost:5432/fenqi' is not a JDBC URL");
    Files.createDirectories(dir.resolve("logs"));
    assertThat(startProblems(dir, "--fenqi.audit-key=" + key(), "--fenqi.audit-log=" + dir.resolve("logs")))
        .contains("fenqi.audit-log (FENQI_AUDIT_LOG): " + dir.resolve("logs") + ": cannot open the audit log");
  }

  /**
   * An edited audit log stops the start naming the log and the entry: it named the entry alone ("entry 1 (line 1) hash
   * does not match its content"), and with one log per instance the operator was not told which to restore.
   */
  @Test
  void anEditedAuditLogIsNamedWhenItStopsTheStart(@TempDir(factory = UnderTarget.class) Path dir) throws IOException {
    Samples.copyPolicies(dir.resolve("policies"));
    Path log = dir.resolve("audit.log");
    try (var audit = io.github.fenqi.core.security.audit.FileAuditLog.open(log,
        io.github.fenqi.core.security.audit.AuditKey.of(new byte[32]))) {
      audit.append(io.github.fenqi.core.security.audit.AuditEvent.of("admin:admin",
          io.github.fenqi.core.security.audit.AuditAction.POLICY_CHANGE, "demo-online-lender"));
    }
    Files.writeString(log, Files.readString(log).replace("demo-online-lender", "demo-credit-card"));
    Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class,
        () -> start(dir, "--fenqi.audit-key=" + key()));
    FailureAnalysis analysis = new StartFailureAnalyzer().analyze(failure);
    assertThat(analysis.getDescription())
        .isEqualTo("fenqi could not start: " + log + ": entry 1 (line 1) hash does not match its content (the entry "
            + "was edited)");
    assertThat(analysis.getAction()).as("what to do: not the settings, the log").startsWith("The audit log was altered: "
        + "do not start on it.").contains("'fenqi audit verify'", "restore it from a copy that verifies");
  }

  /**
   * Only H2's "database already open" is told as a database another process holds: any other SQL error of a start (a
   * wrong password, a database that does not exist) is left to Spring's own report, not sent to look for a second
   * instance that is not there.
   */
  @Test
  void anotherDatabaseErrorIsNotToldAsADatabaseInUse() {
    java.sql.SQLException open = new java.sql.SQLException("Database may be already in use: \"/srv/db.mv.db\"",
        "90020", 90020);
    assertThat(new DatabaseInUseFailureAnalyzer().analyze(new IllegalStateException("wrapped", open)).getDescription())
        .endsWith("the database file /srv/db.mv.db is in use by another process (another instance of this service?)");
    java.sql.SQLException password = new java.sql.SQLException("Wrong user name or password [28000-224]", "28000", 28000);
    assertThat(new DatabaseInUseFailureAnalyzer().analyze(new IllegalStateException("wrapped", password))).isNull();
  }

  @Test
  void failureAnalysisListsEveryProblemWithoutAStackTrace() {
    FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(new IllegalStateException("wrapped",
        new InvalidInputException(List.of(io.github.fenqi.core.Problem.of("FENQI_FIELD_KEY", "is not set"),
            io.github.fenqi.core.Problem.of("FENQI_INDEX_KEY", "is not set")))));
    assertThat(analysis.getDescription()).contains("FENQI_FIELD_KEY").contains("FENQI_INDEX_KEY")
        .doesNotContain("at io.github");
    assertThat(analysis.getAction()).contains("README");
  }
}
