package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** {@code schema.sql}, run at every start, on a database an earlier version of the service created. */
class SchemaTest {
  /**
   * Databases created with {@code case_id VARCHAR(200)} are widened, and a case id of 128 characters outside the Basic
   * Multilingual Plane (256 UTF-16 units, which H2 counts) is stored: it failed the insert with a 500. Running the
   * script again, as the next start does, changes nothing.
   */
  @Test
  void anOldTableIsWidenedToHoldEveryCaseIdTheServiceAccepts() {
    DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "sa", "");
    JdbcTemplate jdbc = new JdbcTemplate(db);
    jdbc.execute("CREATE TABLE submission (id VARCHAR(36) PRIMARY KEY, case_id VARCHAR(200) NOT NULL, "
        + "strategy VARCHAR(20) NOT NULL, policy_snapshot_version BIGINT NOT NULL, name_cipher VARCHAR(512) NOT NULL, "
        + "id_number_cipher VARCHAR(512) NOT NULL, id_number_index VARCHAR(128) NOT NULL, "
        + "mobile_cipher VARCHAR(512) NOT NULL, proposal_json VARCHAR(1000000) NOT NULL, created_at TIMESTAMP NOT NULL)");
    ResourceDatabasePopulator schema = new ResourceDatabasePopulator(new ClassPathResource("schema.sql"));
    schema.execute(db);
    schema.execute(db);
    SubmissionStore store = new SubmissionStore(jdbc);
    String caseId = "\uD840\uDC00".repeat(128); // 𠀀, a CJK ideograph outside the Basic Multilingual Plane
    store.insert(new SubmissionStore.Row("s1", caseId, "BALANCED", 1, "n", "i", "x", "m", "{}", Instant.now()));
    assertThat(store.find("s1")).hasValueSatisfying(row -> assertThat(row.caseId()).isEqualTo(caseId));
  }
}
