package io.github.fenqi.core.security.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.AuditIntegrityException;
import io.github.fenqi.core.Dates;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Seals events into chained entries and checks stored lines one by one. Holds the chain head. Not thread-safe:
 * one writer (or one verification) owns an instance.
 */
final class AuditChain {
  private static final Set<String> MEMBERS = Set.of("seq", "time", "actor", "action", "subject", "details", "prev",
      "hash", "mac");

  private final Hashing hashing;
  private final ObjectMapper json = new ObjectMapper();
  private long lastSequence;
  private String headHash = AuditEntry.GENESIS_HASH;

  AuditChain(AuditKey key) {
    this.hashing = new Hashing(key);
  }

  long lastSequence() {
    return lastSequence;
  }

  String headHash() {
    return headHash;
  }

  /** The next entry for {@code event} at {@code time}; advances the head. */
  AuditEntry seal(AuditEvent event, Instant time) {
    long sequence = lastSequence + 1;
    byte[] canonical = AuditEntry.canonical(sequence, time, event.actor(), event.action(), event.subject(),
        event.details(), headHash).getBytes(StandardCharsets.UTF_8);
    AuditEntry entry = new AuditEntry(sequence, time, event.actor(), event.action(), event.subject(), event.details(),
        headHash, hashing.sha256Hex(canonical), hashing.hmacHex(canonical));
    lastSequence = sequence;
    headHash = entry.hash();
    return entry;
  }

  /**
   * Puts the head back where it was, at {@code sequence} with {@code hash}, before entries that were sealed but not
   * stored: a batch is appended whole or not at all.
   */
  void rewind(long sequence, String hash) {
    lastSequence = sequence;
    headHash = hash;
  }

  /**
   * Checks that {@code line} (line number {@code lineNumber}, 1-based, which is also the expected sequence)
   * is the next entry of this chain; advances the head.
   *
   * @throws AuditIntegrityException locating the line when it is malformed (saying so for a line an editor saved with
   *     a CR LF ending or a byte order mark, and for an empty line), not canonical, out of sequence, not linked to its predecessor, or its
   *     hash or mac does not match
   */
  AuditEntry accept(String line, long lineNumber) {
    if (line.endsWith("\r")) { // it was "not in canonical form (the line was edited)", the entry's text intact
      throw bad(lineNumber, "ends in a carriage return: the file has Windows (CR LF) line endings, as an editor or a "
          + "copy in text mode writes them, where the log's lines end in LF alone; its entries may be intact: restore "
          + "the log from a copy, or convert its line endings back (dos2unix) and verify again");
    }
    if (line.startsWith("\uFEFF")) { // it was "is not valid JSON"
      throw bad(lineNumber, "starts with a byte order mark, as an editor writes one, where the log is UTF-8 without "
          + "one; its entries may be intact: restore the log from a copy, or remove the mark (3 bytes) and verify "
          + "again");
    }
    if (line.isBlank()) { // it was "is not a JSON object", for a newline that 'echo >> audit.jsonl' adds
      throw bad(lineNumber, "is " + (line.isEmpty() ? "empty" : "blank") + ", where every line of the log is an "
          + "entry: a line break was added (an editor, or 'echo >>' to the log); the entries around it may be intact: "
          + "restore the log from a copy, or remove the line and verify again");
    }
    AuditEntry entry = parse(line, lineNumber);
    long expected = lastSequence + 1;
    if (entry.sequence() != expected) {
      throw bad(lineNumber, "sequence " + entry.sequence() + " where " + expected + " was expected (entries were deleted, "
          + "inserted or reordered here, or this entry's sequence was edited)");
    }
    if (!entry.previousHash().equals(headHash)) {
      throw bad(lineNumber, "prev hash does not match the hash of entry " + lastSequence
          + " (an entry was inserted, deleted or reordered here)");
    }
    if (!entry.toJsonLine().equals(line)) {
      throw bad(lineNumber, "not in canonical form (the line was edited)");
    }
    byte[] canonical = entry.canonicalBytes();
    if (!constantTimeEquals(hashing.sha256Hex(canonical), entry.hash())) {
      throw bad(lineNumber, "hash does not match its content (the entry was edited)");
    }
    if (!constantTimeEquals(hashing.hmacHex(canonical), entry.mac())) {
      throw bad(lineNumber, "HMAC does not verify (the entry was forged or the audit key is wrong)");
    }
    lastSequence = entry.sequence();
    headHash = entry.hash();
    return entry;
  }

  /**
   * The entry for checkpoint comparison: whether the chain passed {@code checkpoint} with the same hash. A checkpoint
   * that does not match may be another log's: one audit key often signs several (a service's, the CLI's), and a
   * mismatch said only "truncated" or "rewritten", a tampering alarm for a checkpoint filed with the wrong log.
   */
  static void checkAgainst(AuditCheckpoint checkpoint, AuditKey key, long lastSequence,
      @Nullable String hashAtCheckpoint) {
    if (!checkpoint.isAuthenticUnder(key)) {
      // the checkpoint's fault, not the log's: the message is prefixed with the log's name, and had sent the reader
      // to an untouched log
      throw new AuditIntegrityException(checkpoint.sequence(), "checkpoint at sequence " + checkpoint.sequence()
          + " is not authentic under this audit key: the checkpoint was edited, or made under another audit key (the "
          + "log itself is not judged by it)");
    }
    if (lastSequence < checkpoint.sequence()) {
      throw new AuditIntegrityException(lastSequence + 1, "log ends at sequence " + lastSequence
          + " but the checkpoint covers " + checkpoint.sequence() + ": " + (lastSequence + 1 == checkpoint.sequence()
          ? "entry " + checkpoint.sequence() + " was" : "entries " + (lastSequence + 1) + ".." + checkpoint.sequence()
          + " were") + " truncated (or the checkpoint is of another, longer log kept under this audit key)");
    }
    if (!checkpoint.headHash().equals(hashAtCheckpoint)) {
      throw new AuditIntegrityException(checkpoint.sequence(), "entry " + checkpoint.sequence()
          + " does not match the checkpoint's head hash (the log was rewritten, or the checkpoint is of another log "
          + "kept under this audit key)");
    }
  }

  private AuditEntry parse(String line, long lineNumber) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JsonProcessingException e) {
      throw bad(lineNumber, "is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw bad(lineNumber, "is not a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        // quoted as a value from outside is: raw and whole, a name holding a line break forged a line of a report
        throw bad(lineNumber, "has an unexpected member '" + Problem.excerpt(name) + "'");
      }
    }
    JsonNode seq = node.get("seq");
    if (seq == null || !seq.canConvertToExactIntegral() || !seq.canConvertToLong() || seq.asLong() < 1) {
      throw bad(lineNumber, "has no valid seq"); // not one read past the range of a long and wrapped
    }
    String actionName = text(node, "action", lineNumber);
    AuditAction action = Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(actionName)).findFirst()
        .orElseThrow(() -> bad(lineNumber, "has an unknown action '" + Problem.excerpt(actionName) + "'"));
    for (String member : List.of("prev", "hash", "mac")) {
      if (!AuditEntry.HEX64.matcher(text(node, member, lineNumber)).matches()) {
        throw bad(lineNumber, "has a " + member + " that is not 64 lower-case hex characters");
      }
    }
    JsonNode details = node.get("details");
    if (details == null || !details.isObject()) {
      throw bad(lineNumber, "has no details object");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw bad(lineNumber, "details." + e.getKey() + " is not a string");
      }
      map.put(e.getKey(), e.getValue().textValue());
    }
    Instant time;
    try { // exactly as written: Instant.parse took "+12026-…", an entry of the year 12026
      time = Dates.instant("time", text(node, "time", lineNumber));
    } catch (InvalidInputException e) {
      throw bad(lineNumber, "has an invalid time: " + e.problems().get(0).reason());
    }
    return new AuditEntry(seq.asLong(), time, text(node, "actor", lineNumber),
        action, text(node, "subject", lineNumber), map,
        text(node, "prev", lineNumber), text(node, "hash", lineNumber), text(node, "mac", lineNumber));
  }

  /** Reads one JSON value and refuses anything after it: {@code {}x} is no whole object. */
  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * Whether {@code text} is one whole JSON object and nothing else: a line cut short by a crash never is (the object
   * closes at the line's last character), a whole line is.
   */
  static boolean isWholeJsonObject(String text) {
    try {
      JsonNode node = STRICT.readTree(text);
      return node != null && node.isObject();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static String text(JsonNode node, String member, long lineNumber) {
    JsonNode v = node.get(member);
    if (v == null || !v.isTextual()) {
      throw bad(lineNumber, "has no string member '" + member + "'");
    }
    return v.textValue();
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  static AuditIntegrityException bad(long lineNumber, String what) {
    return new AuditIntegrityException(lineNumber, "entry " + lineNumber + " (line " + lineNumber + ") " + what);
  }
}
