package io.github.fenqi.spring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Submissions in a relational table ({@code schema.sql}; H2 in file mode by default, PostgreSQL by setting
 * {@code spring.datasource.*}). Identifiers arrive already encrypted; the blind index allows lookups by ID number.
 *
 * <p>Thread-safety: thread-safe (JdbcTemplate).
 */
@Repository
@DependsOn("settingsChecked") // FENQI_DATABASE_URL is checked with the other settings, before the pool refuses it
class SubmissionStore {
  private final JdbcTemplate jdbc;

  SubmissionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The most characters a stored proposal may have: the size of column {@code proposal_json} (schema.sql), H2's largest
   * VARCHAR. A proposal grows with its debts and their terms (360 months at most), so no limit on debts guarantees
   * it; {@code String.length()} counts UTF-16 units, as H2 does, and never fewer than PostgreSQL's characters.
   */
  static final int MAX_PROPOSAL_CHARS = 1_000_000;

  /** One stored row: identifiers are ciphertexts of {@code FieldCipher} bound to (id, field). */
  record Row(String id, String caseId, String strategy, long policySnapshotVersion, String nameCipher,
      String idNumberCipher, String idNumberIndex, String mobileCipher, String proposalJson, Instant createdAt) {}

  void insert(Row row) {
    jdbc.update("INSERT INTO submission (id, case_id, strategy, policy_snapshot_version, name_cipher, "
            + "id_number_cipher, id_number_index, mobile_cipher, proposal_json, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.id(), row.caseId(), row.strategy(), row.policySnapshotVersion(), row.nameCipher(), row.idNumberCipher(),
        row.idNumberIndex(), row.mobileCipher(), row.proposalJson(), Timestamp.from(row.createdAt()));
  }

  /** A submission made under an {@code Idempotency-Key}: the digest of the body it was made with, and its id. */
  record Idempotent(String requestHash, String submissionId) {}

  /**
   * Records that {@code scope} (caller and key) made {@code submissionId} from the body whose digest is
   * {@code requestHash}; a {@code DuplicateKeyException} if the scope already made one (a concurrent retry).
   */
  void insertIdempotent(String scope, Idempotent made) {
    jdbc.update("INSERT INTO submission_idempotency (scope, request_hash, submission_id) VALUES (?, ?, ?)", scope,
        made.requestHash(), made.submissionId());
  }

  /** What {@code scope} (caller and key) made, if anything. */
  Optional<Idempotent> findIdempotent(String scope) {
    return jdbc.query("SELECT request_hash, submission_id FROM submission_idempotency WHERE scope = ?",
        (rs, i) -> new Idempotent(rs.getString("request_hash"), rs.getString("submission_id")), scope).stream()
        .findFirst();
  }

  /** Records a lender's answer to a submission; a {@code DuplicateKeyException} if that lender answered it before. */
  void insertOutcome(String submissionId, String platformId, boolean accepted) {
    jdbc.update("INSERT INTO submission_outcome (submission_id, platform_id, accepted) VALUES (?, ?, ?)", submissionId,
        platformId, accepted);
  }

  /** The answer the lender gave to a submission, if it gave one. */
  Optional<Boolean> outcome(String submissionId, String platformId) {
    return jdbc.query("SELECT accepted FROM submission_outcome WHERE submission_id = ? AND platform_id = ?",
        (rs, i) -> rs.getBoolean("accepted"), submissionId, platformId).stream().findFirst();
  }

  Optional<Row> find(String id) {
    return jdbc.query("SELECT * FROM submission WHERE id = ?", SubmissionStore::row, id).stream().findFirst();
  }

  private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Row(rs.getString("id"), rs.getString("case_id"), rs.getString("strategy"),
        rs.getLong("policy_snapshot_version"), rs.getString("name_cipher"), rs.getString("id_number_cipher"),
        rs.getString("id_number_index"), rs.getString("mobile_cipher"), rs.getString("proposal_json"),
        rs.getTimestamp("created_at").toInstant());
  }

  /** The identifiers' ciphertexts of up to {@code limit} rows after {@code afterId}, in id order (a page of a walk). */
  List<Ciphers> ciphersAfter(String afterId, int limit) {
    return jdbc.query("SELECT id, name_cipher, id_number_cipher, mobile_cipher, id_number_index FROM submission "
        + "WHERE id > ? ORDER BY id LIMIT ?", (rs, i) -> new Ciphers(rs.getString("id"), rs.getString("name_cipher"),
            rs.getString("id_number_cipher"), rs.getString("mobile_cipher"), rs.getString("id_number_index")),
        afterId, limit);
  }

  /** One row's identifier ciphertexts and the ID number's blind index. */
  record Ciphers(String id, String name, String idNumber, String mobile, String idNumberIndex) {}

  /**
   * Replaces a row's ciphertexts and index if they are still {@code before} (one statement, so a row is moved whole or
   * not at all; a concurrent walk that moved it first wins).
   *
   * @return whether the row was changed
   */
  boolean replaceCiphers(Ciphers before, Ciphers after) {
    return jdbc.update("UPDATE submission SET name_cipher = ?, id_number_cipher = ?, mobile_cipher = ?, "
        + "id_number_index = ? WHERE id = ? AND name_cipher = ? AND id_number_cipher = ? AND mobile_cipher = ? "
        + "AND id_number_index = ?", after.name(), after.idNumber(), after.mobile(), after.idNumberIndex(),
        before.id(), before.name(), before.idNumber(), before.mobile(), before.idNumberIndex()) == 1;
  }

  /** How many submissions share this ID-number blind index. */
  int countByIdNumberIndex(String index) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE id_number_index = ?", Integer.class, index);
    return n == null ? 0 : n;
  }
}
