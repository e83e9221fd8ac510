package io.github.fenqi.spring;

import io.github.fenqi.core.testkit.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service started for one test on a free loopback port, in a scratch directory of its own: the sample policies,
 * an audit log, an H2 file database and Tomcat's base directory under it, fixed tokens and an all-zero key. A test
 * that needs a setting of its own (a smaller search budget, more debts per case) gives it to {@link #start}, and only
 * that setting stands out of its start. Thread-safety: the running service takes requests from any thread; start and
 * close it from the test's.
 */
final class TestService implements AutoCloseable {
  /** The client token the service is started with. */
  static final String CLIENT = "client-token-0123456789";

  /** The admin token the service is started with. */
  static final String ADMIN = "admin-token-0123456789";

  private final ConfigurableApplicationContext app;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestService(ConfigurableApplicationContext app) {
    this.app = app;
  }

  /**
   * Starts the service in {@code dir} as every test of it does, each of {@code more} ({@code --name=value}) added or,
   * for a setting the start already gives, in its place: Spring would join two values of one setting with a comma.
   */
  static TestService start(Path dir, String... more) {
    Samples.copyPolicies(dir.resolve("policies"));
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    Map<String, String> args = new LinkedHashMap<>();
    for (String arg : List.of("--server.port=0", "--server.tomcat.basedir=" + dir.resolve("tomcat"),
        "--fenqi.policies-dir=" + dir.resolve("policies"), "--fenqi.audit-log=" + dir.resolve("audit.log"),
        "--fenqi.client-token=" + CLIENT, "--fenqi.admin-token=" + ADMIN, "--fenqi.field-key=" + key,
        "--fenqi.index-key=" + key, "--fenqi.audit-key=" + key,
        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath())) {
      args.put(arg.substring(0, arg.indexOf('=')), arg);
    }
    for (String arg : more) {
      args.put(arg.substring(0, arg.indexOf('=')), arg);
    }
    return new TestService(new SpringApplicationBuilder(FenqiApplication.class)
        .run(args.values().toArray(String[]::new)));
  }

  /** The running application, for a bean a test checks (the database, say). */
  ConfigurableApplicationContext context() {
    return app;
  }

  /** The port the service listens on, on loopback. */
  int port() {
    return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
  }

  /** {@code json} POSTed to {@code path} as the client, and the answer. */
  HttpResponse<String> postAsClient(String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
        .header("Authorization", "Bearer " + CLIENT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Stops the service; its directory stays for the test to read (the audit log, say). */
  @Override
  public void close() {
    app.close();
  }
}
