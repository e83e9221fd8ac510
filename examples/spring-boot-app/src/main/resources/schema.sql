-- Portable between H2 and PostgreSQL. Identifiers are stored only as FieldCipher ciphertexts plus a blind index.
CREATE TABLE IF NOT EXISTS submission (
  id                      VARCHAR(36)     PRIMARY KEY,
  case_id                 VARCHAR(256)    NOT NULL,
  strategy                VARCHAR(20)     NOT NULL,
  policy_snapshot_version BIGINT          NOT NULL,
  name_cipher             VARCHAR(512)    NOT NULL,
  id_number_cipher        VARCHAR(512)    NOT NULL,
  id_number_index         VARCHAR(128)    NOT NULL,
  mobile_cipher           VARCHAR(512)    NOT NULL,
  proposal_json           VARCHAR(1000000) NOT NULL,
  created_at              TIMESTAMP       NOT NULL
);
-- A case id is up to 128 characters (TextFields.MAX_ID_LENGTH), and H2 counts UTF-16 units: 128 rare ideographs or
-- emoji take 256. Tables created with VARCHAR(200) are widened; H2 and PostgreSQL change only the metadata.
ALTER TABLE submission ALTER COLUMN case_id SET DATA TYPE VARCHAR(256);
CREATE INDEX IF NOT EXISTS submission_id_number_index ON submission (id_number_index);
-- Idempotency-Key of POST /api/negotiation/submit: a retried submission gets the first one's answer. scope is SHA-256 of
-- (caller, key); request_hash the body's digest under the blind-index key (no unkeyed digest of personal data).
CREATE TABLE IF NOT EXISTS submission_idempotency (
  scope                   VARCHAR(64)     PRIMARY KEY,
  request_hash            VARCHAR(128)    NOT NULL,
  submission_id           VARCHAR(36)     NOT NULL
);
-- A lender's answer to a submission, once per (submission, platform): a repeated answer is not counted again.
CREATE TABLE IF NOT EXISTS submission_outcome (
  submission_id           VARCHAR(36)     NOT NULL,
  platform_id             VARCHAR(256)    NOT NULL,
  accepted                BOOLEAN         NOT NULL,
  PRIMARY KEY (submission_id, platform_id)
);
