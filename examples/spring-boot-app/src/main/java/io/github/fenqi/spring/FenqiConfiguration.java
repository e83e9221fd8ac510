package io.github.fenqi.spring;

import io.github.fenqi.core.AsciiCase;
import io.github.fenqi.core.AuditIntegrityException;
import io.github.fenqi.core.AuditLogBusyException;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.monitor.AcceptanceStatus;
import io.github.fenqi.core.monitor.MonitorConfig;
import io.github.fenqi.core.monitor.OutcomeMonitor;
import io.github.fenqi.core.policy.EligibilityEvaluator;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.security.Base64Key;
import io.github.fenqi.core.security.BlindIndex;
import io.github.fenqi.core.security.EnvironmentKeyProvider;
import io.github.fenqi.core.security.FieldCipher;
import io.github.fenqi.core.security.Masking;
import io.github.fenqi.core.security.audit.AuditAction;
import io.github.fenqi.core.security.audit.AuditEntry;
import io.github.fenqi.core.security.audit.AuditKey;
import io.github.fenqi.core.security.audit.FileAuditLog;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.ProposalSolver;
import io.github.fenqi.core.solve.Strategy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.catalina.core.StandardHost;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.MappedInterceptor;

/** Wires fenqi-core into the application context. Every bean it makes is thread-safe. */
@Configuration(proxyBeanMethods = false)
public class FenqiConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(FenqiConfiguration.class);

  /** Content negotiation by {@link AcceptHeader}: entries of {@code Accept} this service cannot answer passed over. */
  @Bean
  WebMvcConfigurer acceptHeader() {
    return new WebMvcConfigurer() {
      @Override
      public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new AcceptHeader()));
      }
    };
  }

  /** Date and month parameters read as exactly YYYY-MM-DD and YYYY-MM ({@link DateParameters}). */
  @Bean
  WebMvcConfigurer dateParameters() {
    return new WebMvcConfigurer() {
      @Override
      public void addFormatters(FormatterRegistry registry) {
        DateParameters.register(registry);
      }
    };
  }

  /**
   * {@link AcceptHeader} as an interceptor of every handler mapping — the actuator's too, which a
   * {@code WebMvcConfigurer}'s interceptors do not reach: an endpoint whose types the {@code Accept} header all
   * refuses is a 406 before it runs.
   */
  @Bean
  MappedInterceptor acceptHeaderInterceptor() {
    return new MappedInterceptor(null, new AcceptHeader());
  }

  /** {@link QueryString} before every endpoint: a parameter that does not decode is a 400, not dropped. */
  @Bean
  MappedInterceptor queryStringInterceptor() {
    return new MappedInterceptor(null, new QueryString());
  }

  /** {@link UnreadBody} before every endpoint: a body sent to one that reads none is a 400, not ignored. */
  @Bean
  MappedInterceptor unreadBodyInterceptor() {
    return new MappedInterceptor(null, new UnreadBody());
  }

  /** Tomcat's error page for requests it refuses itself, as problem+json ({@link ProblemErrorReportValve}). */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    });
  }

  /**
   * A body announced with {@code Expect: 100-continue} (curl sends it for a body over 1 MB) is answered before it is
   * sent: Tomcat's "100 Continue" waits until the body is read, so one the service refuses unread — too large by its
   * {@code Content-Length}, not JSON, no valid token — is a 413, 415 or 401 the client gets at once. Tomcat sent the
   * 100 on arrival, by default: a client announcing 10 MB was told to send it, sent it to be refused, and — the
   * connection closed under the upload — often received no answer at all, only a reset.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnRead() {
    return factory -> factory.addConnectorCustomizers(connector -> {
      if (!connector.setProperty("continueResponseTiming", "onRead")) {
        throw new IllegalStateException("Tomcat does not take continueResponseTiming=onRead");
      }
    });
  }

  /**
   * Every setting checked at once, before any bean that reads one is made: each bean checked its own settings as it
   * was made, so a start with FENQI_AUDIT_KEY, FENQI_FIELD_KEY, FENQI_INDEX_KEY and both tokens unset named only
   * FENQI_AUDIT_KEY, and the operator found the next missing one a restart later, four times over. The beans check
   * again as they are made (the same code); this only gathers the problems.
   */
  @Bean
  SettingsChecked settingsChecked(FenqiProperties props, ObjectProvider<ApiTokenAuthenticator> declared,
      ConfigurableEnvironment environment) {
    List<Problem> problems = new ArrayList<>();
    String database = environment.getProperty("spring.datasource.url");
    if (database != null && !database.startsWith("jdbc:")) { // the pool's own refusal was a stack trace naming nothing
      problems.add(Problem.of("FENQI_DATABASE_URL (spring.datasource.url)", "'" + Problem.excerpt(database)
          + "' is not a JDBC URL; give jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DATABASE"));
    }
    String port = environment.getProperty("server.port");
    if (port != null && !isPort(port)) { // Tomcat's refusal named no setting; -5 started a service listening on nothing
      problems.add(Problem.of("server.port (SERVER_PORT)", "'" + Problem.excerpt(port)
          + "' is not a port; give 1..65535 (0: any free port)"));
    }
    problems.addAll(unknownSettings(environment));
    problems.addAll(unknownVariables(environment));
    List<Runnable> checks = new ArrayList<>(List.of(() -> loadPolicies(props), () -> requireText(props.auditLog(),
        "fenqi.audit-log"), () -> auditKey(props), () -> fieldCipher(props), () -> blindIndex(props),
        () -> monitorConfig(props)));
    if (declared.getIfAvailable() == null) { // a deployment's own authenticator reads no token (SecurityConfiguration)
      checks.add(() -> new StaticTokenAuthenticator(props.clientToken(), props.adminToken()));
    }
    for (Runnable check : checks) {
      try {
        check.run();
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new SettingsChecked();
  }

  /**
   * Whether {@code value} is a port this service can listen on. Spring Boot takes a negative port as "no HTTP server":
   * the start succeeded, and the service, which is nothing but its HTTP endpoints, answered no one.
   */
  private static boolean isPort(String value) {
    try {
      int port = Integer.parseInt(value.strip());
      return port >= 0 && port <= 65535;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * A problem for each {@code fenqi.*} setting the service does not have, given in a configuration file, on the command
   * line or as a system property: Spring ignores it, so a misspelt {@code fenqi.max-debt=5} left the limit at its
   * default in silence. The environment's variables are checked by {@link #unknownVariables}.
   */
  private static List<Problem> unknownSettings(Environment environment) {
    List<String> names = settingNames();
    List<ConfigurationPropertyName> known = new ArrayList<>();
    known.add(ConfigurationPropertyName.of("fenqi.monitor"));
    names.forEach(name -> known.add(ConfigurationPropertyName.of(name)));
    ConfigurationPropertyName fenqi = ConfigurationPropertyName.of("fenqi");
    Set<String> unknown = new LinkedHashSet<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (source instanceof IterableConfigurationPropertySource iterable
          && !(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource)) {
        iterable.filter(fenqi::isAncestorOf).stream().filter(name -> !known.contains(name))
            .forEach(name -> unknown.add(name.toString()));
      }
    }
    return unknownAndKnown(unknown, "is not a setting of this service", names, "this service's fenqi.* settings are");
  }

  /**
   * A problem for each of {@code unknown}, naming the one of {@code known} it is likely a misspelling of, and after
   * them — when there is one — the known names, once: each unknown one's line listed them all, so three misspelt
   * variables printed the twenty the service reads three times, and the lines that mattered were lost between them.
   */
  private static List<Problem> unknownAndKnown(Collection<String> unknown, String reason, List<String> known,
      String knownAre) {
    List<Problem> problems = new ArrayList<>();
    for (String name : unknown) {
      String near = nearest(name, known);
      problems.add(Problem.of(Problem.excerpt(name), reason + (near == null ? "" : " (did you mean " + near + "?)")));
    }
    if (!problems.isEmpty()) {
      problems.add(Problem.of("", knownAre + ": " + String.join(", ", known)));
    }
    return problems;
  }

  /** The service's settings, {@code fenqi.policies-dir} to {@code fenqi.monitor.min-drop}: its properties' fields. */
  private static List<String> settingNames() {
    List<String> names = new ArrayList<>();
    for (RecordComponent component : FenqiProperties.class.getRecordComponents()) {
      String name = "fenqi." + DataObjectPropertyName.toDashedForm(component.getName());
      if (component.getType() == FenqiProperties.Monitor.class) {
        for (RecordComponent field : FenqiProperties.Monitor.class.getRecordComponents()) {
          names.add(name + "." + DataObjectPropertyName.toDashedForm(field.getName()));
        }
      } else {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * The variables application.yml reads that are not a {@code fenqi.*} setting's own: the database's, handed to
   * {@code spring.datasource.*}.
   */
  private static final List<String> DATABASE_VARIABLES = List.of("FENQI_DATABASE_URL", "FENQI_DATABASE_USER",
      "FENQI_DATABASE_PASSWORD");

  /**
   * Other fenqi tools' variables, which the service does not read but must not refuse: an operator who runs the CLI
   * with {@code FENQI_DEBUG} exported and starts the service from the same shell meant nothing wrong.
   */
  private static final List<String> OTHER_TOOLS_VARIABLES = List.of("FENQI_DEBUG");

  /**
   * A problem for each environment variable named {@code FENQI_…} (in any case) the service does not read, naming the
   * nearest it does: a misspelt {@code FENQI_AUIDT_LOG} or {@code FENQI_CLIENT_TOKNE} was ignored, and the service
   * started on the default the operator meant to replace (or stopped saying the token was not set, not why). Read are
   * each setting's variable, as Spring binds it ({@code FENQI_MAX_DEBTS}, also {@code FENQI_MAXDEBTS} or in lower
   * case; {@link #settingNames} lists the settings), and {@link #DATABASE_VARIABLES}, which application.yml reads as
   * spelt; {@link #OTHER_TOOLS_VARIABLES} are let through unread. Case is ASCII's, as Spring binds a variable: one that
   * is a setting's only by Unicode's case rules (FENQI_MAX_DEBT\u017F, a long s; FENQ\u0131_AUDIT_LOG, a dotless i) is
   * not read, and is told of. The variables are those of the environment's own source, which Spring has read from the
   * process.
   */
  private static List<Problem> unknownVariables(ConfigurableEnvironment environment) {
    List<String> documented = new ArrayList<>();
    Set<String> settings = new LinkedHashSet<>();
    for (String setting : settingNames()) {
      String variable = AsciiCase.toUpperCase(setting).replace('.', '_');
      documented.add(variable.replace('-', '_'));
      settings.add(variable.replace('-', '_'));
      settings.add(variable.replace("-", ""));
    }
    documented.addAll(DATABASE_VARIABLES);
    Set<String> unknown = new LinkedHashSet<>();
    for (var source : environment.getPropertySources()) {
      if (source instanceof SystemEnvironmentPropertySource variables) {
        for (String name : variables.getPropertyNames()) {
          // a setting's in ASCII's any case, as Spring binds it: FENQI_MAX_DEBT\u017F (a long s) had been taken as read,
          // upper-cased by Unicode's rules, and ignored by Spring; one that reads FENQI_ only under those rules
          // (FENQ\u0131_, a dotless i) is still the service's, and told of
          String upper = AsciiCase.toUpperCase(name);
          boolean fenqi = upper.startsWith("FENQI_") || name.toUpperCase(Locale.ROOT).startsWith("FENQI_");
          if (fenqi && !settings.contains(upper) && !DATABASE_VARIABLES.contains(name)
              && !OTHER_TOOLS_VARIABLES.contains(name)) {
            unknown.add(name);
          }
        }
      }
    }
    return unknownAndKnown(unknown, "is not a variable of this service", documented,
        "this service's FENQI_* variables are");
  }

  /**
   * The name of {@code names} closest to {@code name} when it is a likely misspelling of it — at most a third of its
   * characters inserted, removed, replaced or two neighbours swapped, at least 2 — or null. Case is not a difference:
   * Spring binds {@code fenqi_max_debts} as {@code FENQI_MAX_DEBTS}.
   */
  private static @Nullable String nearest(String name, List<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : names) {
      int distance = distance(AsciiCase.toUpperCase(name), AsciiCase.toUpperCase(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
  }

  /** The optimal string alignment distance: single-character edits and swaps of two neighbours. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** That {@link #settingsChecked} passed: the beans reading settings depend on it, so it runs before all of them. */
  static final class SettingsChecked {}

  /** The policy files, each validated; a single invalid file stops the start with every problem listed. */
  @Bean
  @DependsOn("settingsChecked")
  InMemoryPolicyRepository policyRepository(FenqiProperties props) {
    List<Policy> policies = loadPolicies(props);
    LOG.info("loaded {} policies from {}", policies.size(), props.policiesDir());
    return InMemoryPolicyRepository.of(policies);
  }

  /**
   * The policies of the directory as core's strict open reads them: every file validated, a file named {@code x.JSON},
   * an unreadable file, one version twice or two versions of one day each stop the start, naming the file (and the
   * other file). The start had read the files with a loader of its own beside the repository's, and said less.
   */
  private static List<Policy> loadPolicies(FenqiProperties props) {
    Path dir = Path.of(FenqiConfiguration.requireText(props.policiesDir(), "fenqi.policies-dir"));
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("fenqi.policies-dir (FENQI_POLICIES_DIR)", dir.toAbsolutePath()
          + " is not a directory: set it to the directory of the policy files");
    }
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(dir)) {
      return repo.snapshot().policies();
    }
  }

  /** Admin policy changes go to the policies directory before they go live, so a restart keeps them. */
  @Bean
  PolicyDirectoryWriter policyDirectoryWriter(FenqiProperties props, InMemoryPolicyRepository policies) {
    return new PolicyDirectoryWriter(Path.of(requireText(props.policiesDir(), "fenqi.policies-dir")), policies);
  }

  /**
   * The audit log, its directory created if missing. A directory that cannot be created is named as the setting: it
   * was an IOException naming only the path, under Spring's chain of bean-creation exceptions.
   */
  @Bean(destroyMethod = "close")
  @DependsOn("settingsChecked")
  FileAuditLog auditLog(FenqiProperties props) {
    AuditKey key = auditKey(props);
    Path file = Path.of(requireText(props.auditLog(), "fenqi.audit-log"));
    Path dir = file.toAbsolutePath().getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new InvalidInputException(AUDIT_LOG, "the directory " + dir + " cannot be "
          + "created (" + e.getClass().getSimpleName() + "): set it to a file in a writable directory");
    }
    try {
      return FileAuditLog.open(file, key);
    } catch (AuditIntegrityException e) {
      throw e; // it names the log's file and entry; the StartFailureAnalyzer says what to do
    } catch (AuditLogBusyException e) {
      throw e; // its other writer, not the setting (StartFailureAnalyzer says what to do)
    } catch (FenqiException e) { // a directory, a file it may not write: it named the path, not the setting
      throw new InvalidInputException(AUDIT_LOG, e.getMessage() + ": set it to a file this service can write");
    }
  }

  /**
   * {@code /actuator/health} DOWN (503) while the audit log refuses appends ({@link FileAuditLog#refusal()}): a failed
   * write, or the file renamed, replaced or truncated under it (a log rotation). Every calculate, submit and outcome
   * then fails with 500, and health had still answered UP, so nothing restarted the instance. The reason is a detail,
   * shown to admins only (application.yml): it names the file.
   */
  @Bean
  HealthIndicator auditLogHealthIndicator(FileAuditLog audit) {
    return () -> audit.refusal().map(reason -> Health.down().withDetail("reason", reason).build())
        .orElseGet(() -> Health.up().build());
  }

  /**
   * The engine, with rule evaluation and proposal generation timed ({@code fenqi.rules.evaluation},
   * {@code fenqi.proposals.generation}) by decorating the core's default evaluator and solver, and the solver's node
   * budget {@code fenqi.max-search-nodes}.
   */
  @Bean(destroyMethod = "close")
  NegotiationEngine negotiationEngine(InMemoryPolicyRepository policies, FileAuditLog audit, MeterRegistry registry,
      FenqiProperties props) {
    Timer rules = Timer.builder("fenqi.rules.evaluation").description("eligibility rule evaluation per debt")
        .register(registry);
    Timer generation = Timer.builder("fenqi.proposals.generation").description("proposal optimisation per case")
        .register(registry);
    EligibilityEvaluator declarative = EligibilityEvaluator.declarative();
    ProposalSolver exact = ProposalSolver.exact();
    return NegotiationEngine.builder()
        .policies(policies)
        .eligibility((debt, borrower, policy, asOf) -> rules.record(() -> declarative.evaluate(debt, borrower, policy, asOf)))
        .solver(problem -> generation.record(() -> exact.solve(problem)))
        .auditLog(audit)
        .grid(GridConfig.DEFAULTS.withMaxSearchNodes(props.maxSearchNodes()))
        .build();
  }

  /**
   * The active key encrypts; retired keys only decrypt rows not yet moved to it ({@code POST
   * /api/admin/field-keys/reencrypt}). Each key is named where it came from when it is malformed.
   */
  @Bean
  @DependsOn("settingsChecked")
  FieldCipher fieldCipher(FenqiProperties props) {
    String givenId = props.fieldKeyId();
    List<Problem> problems = new ArrayList<>();
    if (givenId != null && givenId.isBlank()) { // was field1: a rotation's new key, its id left empty, took the old id
      problems.add(Problem.of("FENQI_FIELD_KEY_ID", "is " + (givenId.isEmpty() ? "empty" : "blank") + "; give the id "
          + "of FENQI_FIELD_KEY (field1 unless it was rotated), or leave the variable unset for field1"));
    }
    String activeId = givenId == null || givenId.isBlank() ? "field1" : givenId.strip();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> variables = new LinkedHashMap<>();
    values.put("FENQI_FIELD_KEY", requireText(props.fieldKey(), "FENQI_FIELD_KEY"));
    variables.put(activeId, "FENQI_FIELD_KEY");
    String retired = props.retiredFieldKeys() == null ? "" : props.retiredFieldKeys();
    // only empty is none: "," and ", " were none as well (split drops empty entries at the end), and "a=k," was taken
    // as one key, a value mangled on its way (a list joined around an empty item) passing for a deliberate one
    String[] entries = retired.isEmpty() ? new String[0] : retired.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      int eq = entry.indexOf('=');
      String id = eq < 0 ? "" : entry.substring(0, eq).strip();
      if (entry.isEmpty()) {
        problems.add(Problem.of("FENQI_RETIRED_FIELD_KEYS", "entry " + (i + 1) + " of " + entries.length + " is empty; "
            + "give id=base64 pairs separated by single commas, or leave the variable empty for no retired key"));
      } else if (id.isEmpty() || eq == entry.length() - 1) {
        problems.add(Problem.of("FENQI_RETIRED_FIELD_KEYS", "entry " + (i + 1) + " is not id=base64"));
      } else if (variables.containsKey(id)) {
        problems.add(Problem.of("FENQI_RETIRED_FIELD_KEYS", "key id '" + Problem.excerpt(id) + "' appears twice, or is "
            + "the active key's (FENQI_FIELD_KEY_ID); a new key needs a new id"));
      } else {
        String variable = "FENQI_RETIRED_FIELD_KEYS[" + id + "]";
        values.put(variable, entry.substring(eq + 1).strip());
        variables.put(id, variable);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    // the provider names its own parameters (activeKeyId, keyIds): the active key alone first, so that a problem
    // with its id is told apart from one with a retired key's
    keysFrom(Map.of("FENQI_FIELD_KEY", values.get("FENQI_FIELD_KEY")), activeId, Map.of(activeId, "FENQI_FIELD_KEY"),
        "FENQI_FIELD_KEY_ID");
    return FieldCipher.create(keysFrom(values, activeId, variables, "FENQI_RETIRED_FIELD_KEYS"));
  }

  private static EnvironmentKeyProvider keysFrom(Map<String, String> values, String activeId,
      Map<String, String> variables, String idSetting) {
    return named(() -> EnvironmentKeyProvider.of(values, activeId, variables),
        location -> location.equals("activeKeyId") || location.equals("keyIds") ? idSetting : location);
  }

  /**
   * {@code build}'s result; its problems, if any, located by the setting a user wrote ({@code setting} maps the core
   * type's own parameter names), since those are the names a configuration file holds.
   */
  private static <T> T named(java.util.function.Supplier<T> build, java.util.function.UnaryOperator<String> setting) {
    try {
      return build.get();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.problems().stream()
          .map(x -> Problem.of(setting.apply(x.location()), x.reason())).toList());
    }
  }

  /**
   * The blind index; a key of the wrong length is named as FENQI_INDEX_KEY, not as the core's parameter, and a key
   * given in hex is told so (it had been "found 48 bytes").
   */
  @Bean
  @DependsOn("settingsChecked")
  BlindIndex blindIndex(FenqiProperties props) {
    return BlindIndex.of(Base64Key.decode("FENQI_INDEX_KEY", requireText(props.indexKey(), "FENQI_INDEX_KEY"),
        "blind-index HMAC key"));
  }

  @Bean
  Masking masking() {
    return Masking.defaults();
  }

  /**
   * The acceptance monitor, its windows refilled from the outcomes the audit log already holds: without that, a
   * restart would leave it blind until a full baseline of new outcomes came in. Only entries the audit key verifies
   * are replayed, and only once the whole log has verified. Alerts start with the first outcome after the start; a
   * platform already in the alerting state is logged once.
   */
  @Bean
  OutcomeMonitor outcomeMonitor(FenqiProperties props, FileAuditLog audit) {
    OutcomeMonitor monitor = OutcomeMonitor.create(monitorConfig(props));
    List<AuditEntry> outcomes = new ArrayList<>();
    audit.read(entry -> { // through the open log: reading the file by path would drop its lock (FileAuditLog)
      if (entry.action() == AuditAction.OUTCOME_RECORDED) {
        outcomes.add(entry);
      }
    });
    int skipped = 0;
    for (AuditEntry entry : outcomes) {
      String platformId = entry.details().get("platformId");
      String strategy = entry.details().get("strategy");
      String accepted = entry.details().get("accepted");
      Optional<Strategy> known = Arrays.stream(Strategy.values()).filter(s -> s.name().equals(strategy)).findFirst();
      if (platformId == null || platformId.isBlank() || known.isEmpty()
          || !("true".equals(accepted) || "false".equals(accepted))) {
        skipped++; // written by another version of the service in another form: not guessed at
        continue;
      }
      monitor.record(platformId, known.get(), Boolean.parseBoolean(accepted));
    }
    LOG.info("acceptance monitor: replayed {} outcomes from {}{}", outcomes.size() - skipped, audit.file(),
        skipped == 0 ? "" : " (" + skipped + " entries in an unknown form skipped)");
    monitor.statuses().stream().filter(AcceptanceStatus::alerting).forEach(s -> LOG.warn(
        "ACCEPTANCE DROP ALERT (standing at start): {} {} recent {} of {} accepted, baseline {} of {}",
        s.platformId(), s.strategy(), s.recentAccepted(), s.recentTotal(), s.baselineAccepted(), s.baselineTotal()));
    monitor.onAlert(alert -> LOG.warn("ACCEPTANCE DROP ALERT: {}", alert.message()));
    return monitor;
  }

  private static MonitorConfig monitorConfig(FenqiProperties props) {
    FenqiProperties.Monitor m = props.monitor();
    return named(
        () -> new MonitorConfig(m.recentWindow(), m.baselineWindow(), m.minBaseline(), m.alpha(), m.minDrop()),
        field -> "fenqi.monitor." + field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
  }

  private static AuditKey auditKey(FenqiProperties props) {
    return AuditKey.fromBase64("FENQI_AUDIT_KEY", requireText(props.auditKey(), "FENQI_AUDIT_KEY"));
  }

  /** How the audit log's setting is named in a problem. */
  private static final String AUDIT_LOG = "fenqi.audit-log (FENQI_AUDIT_LOG)";

  /** The reason given for a required setting that is missing or blank. */
  static final String NOT_SET = "is not set (see the module README)";

  static String requireText(@Nullable String value, String variable) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(variable, NOT_SET);
    }
    return value;
  }
}
