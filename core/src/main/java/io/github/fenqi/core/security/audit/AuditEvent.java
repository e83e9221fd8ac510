package io.github.fenqi.core.security.audit;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.security.Masking;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a caller asks the audit log to record; the log adds sequence, time and the chain. Subject, actor and
 * details, keys and values, pass through {@link Masking#redact(String)} here, so an ID number, card, mobile or email
 * put in by mistake is stored masked; two details keys that are one once masked are refused. Details are sorted by
 * key.
 *
 * <p>Thread-safety: immutable.
 *
 * @param actor who acted (user, service or {@code "fenqi-engine"}), not empty
 * @param action what happened
 * @param subject what it happened to (case id, platform id, policy id); stored masked
 * @param details further facts, string to string; keys and values stored masked
 */
public record AuditEvent(String actor, AuditAction action, String subject, Map<String, String> details) {
  public AuditEvent {
    Masking masking = Masking.defaults();
    Objects.requireNonNull(action, "action");
    if (actor == null || actor.isBlank()) {
      throw new InvalidInputException("actor", "must not be empty");
    }
    actor = masking.redact(requireText("actor", actor));
    subject = masking.redact(requireText("subject", Objects.requireNonNull(subject, "subject")));
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> e : Objects.requireNonNull(details, "details").entrySet()) {
      // keys are masked as values are: a detail keyed by the borrower's mobile ({"13812345678": "called"}) was stored
      // in clear, and named in clear by an error about its value
      String key = masking.redact(requireText("details key", Objects.requireNonNull(e.getKey(), "details key")));
      String value = masking.redact(requireText("details." + key,
          Objects.requireNonNull(e.getValue(), "details." + key)));
      if (sorted.put(key, value) != null) { // one of two facts would be dropped without a word
        throw new InvalidInputException("details." + key, "two details keys are this one once masked (a key holding "
            + "a mobile, ID number, bank card or email is stored masked): key the facts by what they are, and give "
            + "the identifiers as values");
      }
    }
    details = Collections.unmodifiableMap(sorted);
    requireFits(actor, action, subject, details);
  }

  /**
   * Refuses an event whose entry would be longer than {@link AuditEntry#MAX_LINE_BYTES}, naming its longest part; a
   * bound of 6 bytes per character (a control character's escape) spares building the line for ordinary events.
   */
  private static void requireFits(String actor, AuditAction action, String subject, Map<String, String> details) {
    String longest = "actor";
    int longestLength = actor.length();
    long chars = actor.length() + subject.length();
    if (subject.length() > longestLength) {
      longest = "subject";
      longestLength = subject.length();
    }
    for (Map.Entry<String, String> e : details.entrySet()) {
      chars += e.getKey().length() + e.getValue().length();
      if (e.getKey().length() + e.getValue().length() > longestLength) {
        longest = "details." + e.getKey();
        longestLength = e.getKey().length() + e.getValue().length();
      }
    }
    if (6 * chars + 1024 + 16L * details.size() <= AuditEntry.MAX_LINE_BYTES) {
      return;
    }
    long bytes = AuditEntry.longestLine(actor, action, subject, details);
    if (bytes > AuditEntry.MAX_LINE_BYTES) {
      throw new InvalidInputException(longest, "the audit entry would take " + bytes + " bytes, more than the "
          + AuditEntry.MAX_LINE_BYTES + " an entry may take (the log records facts, not documents)");
    }
  }

  /** An event without details. */
  public static AuditEvent of(String actor, AuditAction action, String subject) {
    return new AuditEvent(actor, action, subject, Map.of());
  }

  /** An event with details. */
  public static AuditEvent of(String actor, AuditAction action, String subject, Map<String, String> details) {
    return new AuditEvent(actor, action, subject, details);
  }

  /** Rejects text whose UTF-8 form would not read back identically (unpaired surrogates). */
  static String requireText(String field, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidInputException(field, "contains an unpaired UTF-16 surrogate at index " + i);
      }
    }
    return s;
  }
}
