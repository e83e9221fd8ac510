-- Portable between H2 and PostgreSQL. Identifiers are stored only as FieldCipher ciphertexts plus a blind index.
CREATE TABLE IF NOT EXISTS submission (
  id                      VARCHAR(36)     PRIMARY KEY,
  case_id                 VARCHAR(200)    NOT NULL,
  strategy                VARCHAR(20)     NOT NULL,
  policy_snapshot_version BIGINT          NOT NULL,
  name_cipher             VARCHAR(512)    NOT NULL,
  id_number_cipher        VARCHAR(512)    NOT NULL,
  id_number_index         VARCHAR(128)    NOT NULL,
  mobile_cipher           VARCHAR(512)    NOT NULL,
  proposal_json           VARCHAR(1000000) NOT NULL,
  created_at              TIMESTAMP       NOT NULL
);
CREATE INDEX IF NOT EXISTS submission_id_number_index ON submission (id_number_index);
