package io.github.fenqi.nlp.source;

import io.github.fenqi.core.RequiredParts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One announcement fetched from a {@link PolicySource}: plain text (markup already removed), where it came from,
 * and when. {@link #contentHash()} identifies what is read, title and text, so a watcher processes each version once.
 *
 * <p>Thread-safety: immutable.
 */
public record Announcement(String sourceId, String id, String title, String text, URI uri, Instant fetchedAt) {
  /**
   * A missing part is an {@link io.github.fenqi.core.InvalidInputException} naming each one ({@code title: is
   * required}), as for the SDK's other records: a custom source that gives no title is told which part it left out.
   * The address is kept without its user-info ({@code https://user:password@host/...} becomes
   * {@code https://host/...}): a password in a source's address had been carried by its announcements, written to the
   * watcher's state file for every change waiting for review and handed to every listener. Nothing fetches an
   * announcement's address again; a source fetches its own.
   */
  public Announcement {
    RequiredParts.check(new String[] {"sourceId", "id", "title", "text", "uri", "fetchedAt"}, sourceId, id, title,
        text, uri, fetchedAt);
    uri = withoutUserInfo(uri);
  }

  /** {@code uri} without its user-info, the rest as written (query and fragment kept); {@code uri} if it has none. */
  static URI withoutUserInfo(URI uri) {
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null) {
      return uri;
    }
    String whole = uri.toString();
    int start = whole.indexOf("//" + userInfo + "@") + 2;
    return URI.create(whole.substring(0, start) + whole.substring(start + userInfo.length() + 1));
  }

  /**
   * The text the watcher reads: the title on a line of its own before the text, unless the text already begins
   * with it (an HTML page's title is part of its text), or there is none. The evidence of a
   * {@link io.github.fenqi.nlp.watch.PolicyChange}'s extraction is a span of this string.
   */
  public String readableText() {
    return title.isEmpty() || text.startsWith(title) ? text : title + "\n" + text;
  }

  /**
   * SHA-256 of the {@link #readableText()}, hex: of the title too, which is read with the text. It had been the hash
   * of the text alone, so an item whose title states the policy and whose text is the same pointer in every item
   * (详见附件) was taken, once its title was edited, or as another item, for a text read before and never read. For an
   * announcement without a title of its own ({@code readableText()} is its text) it is {@link #textHash()}, as before.
   */
  public String contentHash() {
    return sha256(readableText());
  }

  /**
   * SHA-256 of the text alone, hex: what {@link #contentHash()} was before the title counted, so that a watcher can
   * recognise a text it recorded then.
   */
  public String textHash() {
    return sha256(text);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
