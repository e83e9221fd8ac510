package io.github.fenqi.core.security.audit;

import io.github.fenqi.core.Dates;
import io.github.fenqi.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One sealed audit record: the event, its position ({@link #sequence()}, 1 for the first), its time, the hash of
 * its predecessor, its own hash and its HMAC.
 *
 * <p>Canonical form (what is hashed and authenticated): the UTF-8 bytes of the compact JSON object
 * <pre>{"seq":N,"time":"ISO-8601 instant in UTC","actor":"…","action":"NAME","subject":"…","details":{"k":"v",…},"prev":"hex"}</pre>
 * with members in exactly this order, details sorted by key (UTF-16 order), no whitespace, strings escaped
 * minimally ({@code \"}, {@code \\}, and {@code &#92;u00XX} for characters below U+0020; everything else literal).
 * {@code hash} = lower-hex SHA-256 of the canonical bytes; {@code mac} = lower-hex HMAC-SHA-256 of the canonical
 * bytes under the audit key. {@code prev} of the first entry is 64 zeros. The stored line is the canonical form
 * with {@code ,"hash":"…","mac":"…"} inserted before the closing brace. The time is as {@link Instant#toString()}
 * writes it, {@code 2026-12-04T06:00:00.123Z}: four digits of year, so an entry's time lies in the years 0000 to 9999
 * (one outside is refused when sealed, and a stored line with an expanded year, {@code +12026-…}, when read).
 *
 * <p>Thread-safety: immutable.
 */
public record AuditEntry(long sequence, Instant time, String actor, AuditAction action, String subject,
    Map<String, String> details, String previousHash, String hash, String mac) {
  /** {@code prev} of the first entry. */
  public static final String GENESIS_HASH = "0".repeat(64);
  /**
   * The most bytes a stored line may take (1 MiB, the newline excluded). {@link AuditEvent} refuses an event that
   * would not fit, and a reader meets a longer line as one this log did not write: it stops there instead of buffering
   * a line without end (a 400 MB file without a newline ran {@code fenqi audit verify} out of memory, and
   * {@code open} took it for a torn write and cut it off).
   */
  public static final int MAX_LINE_BYTES = 1 << 20;
  static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public AuditEntry {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1: " + sequence);
    }
    Objects.requireNonNull(time, "time");
    // a clock past 9999 had been sealed as "+12026-…", no ISO-8601 UTC time of four digits of year
    Dates.outOfRange("time", time).ifPresent(p -> {
      throw new InvalidInputException(List.of(p));
    });
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(subject, "subject");
    details = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(details, "details")));
    for (String h : new String[] {previousHash, hash, mac}) {
      if (h == null || !HEX64.matcher(h).matches()) {
        throw new IllegalArgumentException("hashes must be 64 lower-case hex characters: " + h);
      }
    }
  }

  /** The canonical bytes described above (hash and mac excluded). */
  public byte[] canonicalBytes() {
    return canonical(sequence, time, actor, action, subject, details, previousHash)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The most bytes the stored line of an entry for these parts can take, whatever its sequence, time and hashes:
   * the canonical form at the longest sequence and time, plus the hash and mac members.
   */
  static long longestLine(String actor, AuditAction action, String subject, Map<String, String> sortedDetails) {
    String c = canonical(Long.MAX_VALUE, Instant.MAX, actor, action, subject, sortedDetails, GENESIS_HASH);
    return c.getBytes(StandardCharsets.UTF_8).length + ",\"hash\":\"\",\"mac\":\"\"".length() + 2L * 64;
  }

  /** The stored JSON line, without the trailing newline. */
  public String toJsonLine() {
    String c = canonical(sequence, time, actor, action, subject, details, previousHash);
    return c.substring(0, c.length() - 1) + ",\"hash\":\"" + hash + "\",\"mac\":\"" + mac + "\"}";
  }

  static String canonical(long sequence, Instant time, String actor, AuditAction action, String subject,
      Map<String, String> sortedDetails, String previousHash) {
    StringBuilder b = new StringBuilder(160 + 32 * sortedDetails.size());
    b.append("{\"seq\":").append(sequence).append(",\"time\":");
    string(b, time.toString());
    b.append(",\"actor\":");
    string(b, actor);
    b.append(",\"action\":");
    string(b, action.name());
    b.append(",\"subject\":");
    string(b, subject);
    b.append(",\"details\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : sortedDetails.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      string(b, e.getKey());
      b.append(':');
      string(b, e.getValue());
    }
    b.append("},\"prev\":");
    string(b, previousHash);
    return b.append('}').toString();
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }
}
