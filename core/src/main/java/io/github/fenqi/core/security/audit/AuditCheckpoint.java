package io.github.fenqi.core.security.audit;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A signed statement "the log had {@link #sequence()} entries and its head hash was {@link #headHash()}".
 * Exported regularly and kept elsewhere (a ticket, another system, WORM storage), it lets {@code verify} detect
 * that entries were cut off the tail, which a hash chain alone cannot.
 *
 * <p>Text form: {@code fenqi-audit-checkpoint v1 <sequence> <headHash> <mac>}, where mac is the lower-hex
 * HMAC-SHA-256 under the audit key of the UTF-8 of {@code "fenqi-audit-checkpoint v1 <sequence> <headHash>"}.
 * Sequence 0 with the genesis hash is the checkpoint of an empty log.
 *
 * <p>Thread-safety: immutable.
 */
public record AuditCheckpoint(long sequence, String headHash, String mac) {
  private static final String PREFIX = "fenqi-audit-checkpoint v1";

  public AuditCheckpoint {
    if (sequence < 0) {
      throw new InvalidInputException("checkpoint.sequence", sequence + " is negative");
    }
    if (headHash == null || !AuditEntry.HEX64.matcher(headHash).matches()) {
      throw new InvalidInputException("checkpoint.headHash", "must be 64 lower-case hex characters");
    }
    if (mac == null || !AuditEntry.HEX64.matcher(mac).matches()) {
      throw new InvalidInputException("checkpoint.mac", "must be 64 lower-case hex characters");
    }
  }

  /** Signs (sequence, head hash) with {@code key}. */
  public static AuditCheckpoint sign(long sequence, String headHash, AuditKey key) {
    Objects.requireNonNull(headHash, "headHash");
    Objects.requireNonNull(key, "key");
    return new AuditCheckpoint(sequence, headHash, Hashing.hmacHex(key, signed(sequence, headHash)));
  }

  /** Whether the mac was made with {@code key} over this sequence and head hash (constant-time comparison). */
  public boolean isAuthenticUnder(AuditKey key) {
    return MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII),
        Hashing.hmacHex(key, signed(sequence, headHash)).getBytes(StandardCharsets.US_ASCII));
  }

  /** The one-line text form described above. */
  public String toText() {
    return PREFIX + " " + sequence + " " + headHash + " " + mac;
  }

  /**
   * Parses {@link #toText()}; {@code source} names the file for error messages.
   *
   * @throws InvalidInputException naming {@code source} when the text is not one checkpoint: every problem of a kept
   *     checkpoint is the file's, where a part that was no sequence, hash or mac (an edited or damaged file) had been
   *     named as {@code checkpoint.headHash} alone, and a file of several checkpoints ({@code >>} each day's) was "not
   *     a checkpoint"
   */
  public static AuditCheckpoint parse(String source, String text) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    long lines = text.strip().lines().count();
    if (lines > 1) {
      throw new InvalidInputException(source, "holds " + lines + " lines, where a checkpoint file holds one checkpoint "
          + "(one line): give a file holding the newest alone, such as its last line (tail -n 1)");
    }
    String[] parts = text.strip().split(" ");
    if (parts.length != 5 || !(parts[0] + " " + parts[1]).equals(PREFIX)) {
      throw new InvalidInputException(source, "not a checkpoint (expected '" + PREFIX + " <sequence> <hash> <mac>')");
    }
    long sequence;
    try {
      sequence = Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(source, "checkpoint sequence '" + parts[2] + "' is not a number");
    }
    // the mac is over the number, not its digits: "03", "+3" or a full-width "３" had verified as 3, an edit of a kept
    // checkpoint passing as untouched
    if (sequence >= 0 && !Long.toString(sequence).equals(parts[2])) {
      throw new InvalidInputException(source, "checkpoint sequence '" + Problem.excerpt(parts[2]) + "' is not written "
          + "as a checkpoint writes it ('" + sequence + "'): the file was edited");
    }
    try {
      return new AuditCheckpoint(sequence, parts[3], parts[4]);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.problems().stream().map(p -> Problem.of(source, p.toString())).toList());
    }
  }

  private static byte[] signed(long sequence, String headHash) {
    return (PREFIX + " " + sequence + " " + headHash).getBytes(StandardCharsets.UTF_8);
  }
}
