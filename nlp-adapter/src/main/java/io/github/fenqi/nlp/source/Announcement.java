package io.github.fenqi.nlp.source;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One announcement fetched from a {@link PolicySource}: plain text (markup already removed), where it came from,
 * and when. {@link #contentHash()} identifies the text, so a watcher processes each version once.
 *
 * <p>Thread-safety: immutable.
 */
public record Announcement(String sourceId, String id, String title, String text, URI uri, Instant fetchedAt) {
  public Announcement {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }

  /**
   * The text the watcher reads: the title on a line of its own before the text, unless the text already begins
   * with it (an HTML page's title is part of its text), or there is none. The evidence of a
   * {@link io.github.fenqi.nlp.watch.PolicyChange}'s extraction is a span of this string.
   */
  public String readableText() {
    return title.isEmpty() || text.startsWith(title) ? text : title + "\n" + text;
  }

  /** SHA-256 of the text, hex. */
  public String contentHash() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
