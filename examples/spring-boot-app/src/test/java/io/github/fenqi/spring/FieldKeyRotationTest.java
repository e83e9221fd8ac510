package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.security.audit.AuditKey;
import io.github.fenqi.core.security.audit.FileAuditLog;
import io.github.fenqi.core.testkit.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A field-key rotation end to end, over three starts of the service on one database and audit log: rows written under
 * the old key stay readable with it retired, the admin walk moves them to the new key, and then the old key can go.
 */
class FieldKeyRotationTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT = "client-token-" + RANDOM.nextLong();
  private static final String ADMIN = "admin-token-" + RANDOM.nextLong();
  private final HttpClient http = HttpClient.newHttpClient();

  private static String randomKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static ConfigurableApplicationContext start(Path dir, String auditKey, String indexKey, String... keys) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.tomcat.basedir=" + dir.resolve("tomcat"),
        "--fenqi.policies-dir=" + dir.resolve("policies"), "--fenqi.audit-log=" + dir.resolve("audit.log"),
        "--fenqi.client-token=" + CLIENT, "--fenqi.admin-token=" + ADMIN, "--fenqi.index-key=" + indexKey,
        "--fenqi.audit-key=" + auditKey, "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()));
    args.addAll(List.of(keys));
    return new SpringApplicationBuilder(FenqiApplication.class).run(args.toArray(String[]::new));
  }

  private HttpResponse<String> send(ConfigurableApplicationContext app, String method, String path, String token,
      String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:"
        + app.getEnvironment().getProperty("local.server.port") + path)).header("Authorization", "Bearer " + token);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Starts the service under {@code fieldKey} alone, submits {@code feasible} and stops; the submission's id. */
  private String submitUnder(Path dir, String auditKey, String indexKey, String fieldKey, String feasible)
      throws Exception {
    try (ConfigurableApplicationContext app = start(dir, auditKey, indexKey, "--fenqi.field-key=" + fieldKey)) {
      HttpResponse<String> res = send(app, "POST", "/api/negotiation/submit", CLIENT,
          "{\"case\":" + feasible + ",\"strategy\":\"BALANCED\"}");
      assertThat(res.statusCode()).isEqualTo(201);
      return JSON.readTree(res.body()).get("submissionId").asText();
    }
  }

  @Test
  void rowsUnderARetiredKeyStayReadableAndMoveToTheNewOne(@TempDir(factory = StartupConfigurationTest.UnderTarget.class)
      Path dir) throws Exception {
    Samples.copyPolicies(dir.resolve("policies"));
    String auditKey = randomKey();
    String indexKey = randomKey();
    String newIndexKey = randomKey();
    String oldKey = randomKey();
    String newKey = randomKey();
    String feasible = new String(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"), StandardCharsets.UTF_8);
    String id = submitUnder(dir, auditKey, indexKey, oldKey, feasible);
    try (ConfigurableApplicationContext app = start(dir, auditKey, newIndexKey, "--fenqi.field-key=" + newKey,
        "--fenqi.field-key-id=field2")) { // the old key dropped too early: named, with what to do
      HttpResponse<String> lost = send(app, "GET", "/api/negotiation/submissions/" + id, CLIENT, null);
      assertThat(lost.statusCode()).isEqualTo(500);
      assertThat(JSON.readTree(lost.body()).get("detail").asText()).isEqualTo("record " + id + " field name: "
          + "unknown key id 'field1' (this provider holds [field2]); if a field key was rotated, restart with the old "
          + "one in FENQI_RETIRED_FIELD_KEYS");
      JsonNode stuck = JSON.readTree(send(app, "POST", "/api/admin/field-keys/reencrypt", ADMIN, null).body());
      assertThat(stuck.get("reencrypted").asInt()).isZero();
      assertThat(stuck.get("failed")).hasSize(1);
      assertThat(stuck.get("failed").get(0).fieldNames()).toIterable().as("in this order, at every start")
          .containsExactly("submissionId", "reason");
      assertThat(stuck.get("failed").get(0).get("submissionId").asText()).isEqualTo(id);
      assertThat(stuck.get("failed").get(0).get("reason").asText()).contains("unknown key id 'field1'");
    }
    try (ConfigurableApplicationContext app = start(dir, auditKey, newIndexKey, "--fenqi.field-key=" + newKey,
        "--fenqi.field-key-id=field2", "--fenqi.retired-field-keys=field1=" + oldKey)) {
      assertThat(send(app, "POST", "/api/negotiation/submit", CLIENT,
          "{\"case\":" + feasible + ",\"strategy\":\"AGGRESSIVE\"}").statusCode()).isEqualTo(201); // same borrower
      JsonNode before = JSON.readTree(send(app, "GET", "/api/negotiation/submissions/" + id, CLIENT, null).body());
      assertThat(before.get("borrower").get("idNumber").asText()).startsWith("110").endsWith("0030");
      assertThat(before.get("submissionsWithSameIdNumber").asInt()).as("its index is under the old index key")
          .isEqualTo(1);
      assertThat(send(app, "POST", "/api/admin/field-keys/reencrypt", CLIENT, null).statusCode()).isEqualTo(403);
      HttpResponse<String> walk = send(app, "POST", "/api/admin/field-keys/reencrypt", ADMIN, null);
      assertThat(walk.statusCode()).isEqualTo(200);
      JsonNode report = JSON.readTree(walk.body());
      assertThat(report.get("activeKeyId").asText()).isEqualTo("field2");
      assertThat(report.get("examined").asInt()).isEqualTo(2);
      assertThat(report.get("reencrypted").asInt()).isEqualTo(1);
      assertThat(report.get("reindexed").asInt()).isEqualTo(1);
      assertThat(report.get("failed")).isEmpty();
      JsonNode again = JSON.readTree(send(app, "POST", "/api/admin/field-keys/reencrypt", ADMIN, null).body());
      assertThat(again.get("reencrypted").asInt()).as("nothing left to move").isZero();
      assertThat(again.get("reindexed").asInt()).isZero();
      assertThat(JSON.readTree(send(app, "GET", "/api/negotiation/submissions/" + id, CLIENT, null).body())
          .get("submissionsWithSameIdNumber").asInt()).as("both rows under the new index key").isEqualTo(2);
    }
    try (ConfigurableApplicationContext app = start(dir, auditKey, newIndexKey, "--fenqi.field-key=" + newKey,
        "--fenqi.field-key-id=field2")) {
      HttpResponse<String> got = send(app, "GET", "/api/negotiation/submissions/" + id, CLIENT, null);
      assertThat(got.statusCode()).as("readable without the old key").isEqualTo(200);
      assertThat(JSON.readTree(got.body()).get("borrower").get("mobile").asText()).contains("*");
      assertThat(JSON.readTree(got.body()).get("submissionsWithSameIdNumber").asInt()).isEqualTo(2);
    }
    List<String> entries = Files.readAllLines(dir.resolve("audit.log"));
    assertThat(entries).filteredOn(l -> l.contains("\"action\":\"KEY_ROTATION\"")).hasSize(3)
        .first().asString().contains("\"failed\":\"1\"");
    assertThat(entries).filteredOn(l -> l.contains("\"action\":\"KEY_ROTATION\"")).element(1).asString().contains("\"actor\":\"admin:").contains("\"reencrypted\":\"1\"")
        .contains("\"activeKeyId\":\"field2\"");
    try (FileAuditLog log = FileAuditLog.open(dir.resolve("audit.log"), AuditKey.of(Base64.getDecoder().decode(auditKey)))) {
      assertThat(log.verify(Optional.empty()).entries()).isEqualTo(entries.size());
    }
    // the index key replaced alone: the walk recomputes every index, moving no ciphertext
    try (ConfigurableApplicationContext app = start(dir, auditKey, randomKey(), "--fenqi.field-key=" + newKey,
        "--fenqi.field-key-id=field2")) {
      JsonNode reindexed = JSON.readTree(send(app, "POST", "/api/admin/field-keys/reencrypt", ADMIN, null).body());
      assertThat(reindexed.get("examined").asInt()).isEqualTo(2);
      assertThat(reindexed.get("reencrypted").asInt()).isZero();
      assertThat(reindexed.get("reindexed").asInt()).isEqualTo(2);
      assertThat(JSON.readTree(send(app, "GET", "/api/negotiation/submissions/" + id, CLIENT, null).body())
          .get("submissionsWithSameIdNumber").asInt()).isEqualTo(2);
    }
  }

  /**
   * The field key replaced alone: the walk moves the row's ciphertext and counts no index as recomputed, since the
   * index key is the one the row was indexed under (README, "Rotating the field key").
   */
  @Test
  void aFieldKeyReplacedAloneMovesCiphertextAndReindexesNothing(
      @TempDir(factory = StartupConfigurationTest.UnderTarget.class) Path dir) throws Exception {
    Samples.copyPolicies(dir.resolve("policies"));
    String auditKey = randomKey();
    String indexKey = randomKey();
    String oldKey = randomKey();
    String id = submitUnder(dir, auditKey, indexKey, oldKey,
        new String(Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"), StandardCharsets.UTF_8));
    try (ConfigurableApplicationContext app = start(dir, auditKey, indexKey, "--fenqi.field-key=" + randomKey(),
        "--fenqi.field-key-id=field2", "--fenqi.retired-field-keys=field1=" + oldKey)) {
      JsonNode walk = JSON.readTree(send(app, "POST", "/api/admin/field-keys/reencrypt", ADMIN, null).body());
      assertThat(walk.get("examined").asInt()).isEqualTo(1);
      assertThat(walk.get("reencrypted").asInt()).isEqualTo(1);
      assertThat(walk.get("reindexed").asInt()).as("the index key is unchanged").isZero();
      assertThat(walk.get("failed")).isEmpty();
      assertThat(JSON.readTree(send(app, "GET", "/api/negotiation/submissions/" + id, CLIENT, null).body())
          .get("submissionsWithSameIdNumber").asInt()).isEqualTo(1);
    }
  }

  @Test
  void malformedRetiredKeysStopTheStartNamingTheSetting(@TempDir(factory = StartupConfigurationTest.UnderTarget.class)
      Path dir) {
    Samples.copyPolicies(dir.resolve("policies"));
    String key = randomKey();
    assertThatThrownBy(() -> start(dir, randomKey(), randomKey(), "--fenqi.field-key=" + key,
        "--fenqi.retired-field-keys=field1=" + key + ",nokey,old=" + Base64.getEncoder().encodeToString(new byte[5])).close())
        .rootCause().isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("FENQI_RETIRED_FIELD_KEYS: key id 'field1' appears twice, or is the active key's")
        .hasMessageContaining("FENQI_RETIRED_FIELD_KEYS: entry 2 is not id=base64");
    assertThatThrownBy(() -> start(dir, randomKey(), randomKey(), "--fenqi.field-key=" + key,
        "--fenqi.retired-field-keys=old=" + Base64.getEncoder().encodeToString(new byte[5])).close())
        .rootCause().isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("FENQI_RETIRED_FIELD_KEYS[old]: holds 8 characters, the base64 of 5 bytes "
            + "(expected the base64 of a 32-byte key for key id 'old')");
    assertThatThrownBy(() -> start(dir, randomKey(), randomKey(), "--fenqi.field-key=" + key,
        "--fenqi.field-key-id=Field 2").close())
        .rootCause().isInstanceOf(InvalidInputException.class).hasMessageContaining("FENQI_FIELD_KEY_ID: key id 'Field 2'");
  }
}
