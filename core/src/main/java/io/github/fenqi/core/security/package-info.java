/**
 * Protection of personal data: field encryption, blind indexes, masking and identifier validation.
 * Sub-packages: {@code audit} (the tamper-evident audit log), {@code risk} (third-party risk checks). Forged
 * statements are detected by {@link io.github.fenqi.core.statement.StatementForensics}, in the statement package.
 *
 * <h2>Formats</h2>
 * <ul>
 *   <li>{@link io.github.fenqi.core.security.FieldCipher} ciphertext, version 1:
 *       {@code v1:<keyId>:<base64url(nonce(12) || ciphertext || tag(16))>}, AES-256-GCM, associated data binding
 *       format version, key id, record id and field name (length-prefixed). New versions get a new prefix;
 *       readers reject unknown versions.
 *   <li>{@link io.github.fenqi.core.security.BlindIndex}: lower-case hex HMAC-SHA-256 of the field name and the
 *       normalised value.
 * </ul>
 *
 * <h2>Threat model</h2>
 * Protected: a leaked database, backup or log without the keys reveals no encrypted identifier (only masked
 * forms and blind indexes, which reveal equality); ciphertexts cannot be swapped between records or fields or
 * altered undetected; a ciphertext names its key id so keys can rotate without a flag day.
 * Not protected: an attacker holding the keys (or running code inside the process) reads everything; the blind
 * index key lets its holder test guesses of an identifier (ID numbers and mobiles have small spaces), so it
 * must be guarded like the encryption keys; masking is for display and is not anonymisation (a masked ID
 * number still reveals region and the last digits); lengths of plaintexts are visible.
 * Keys are never stored with the data: {@link io.github.fenqi.core.security.KeyProvider} implementations read a
 * PKCS#12 file whose password comes from the environment, the environment itself, or the embedder's KMS.
 *
 * <p>The packages are null-marked: a null passed to a public factory of this package or {@code audit} is refused
 * at once with a {@link java.lang.NullPointerException} whose message is the parameter's name.
 */
@NullMarked
package io.github.fenqi.core.security;

import org.jspecify.annotations.NullMarked;
