package io.github.fenqi.nlp.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the watcher reads of an announcement, and the hash it knows the text by. */
class AnnouncementTest {
  private static Announcement announcement(String title, String text) {
    return new Announcement("feed", "n-1", title, text, URI.create("https://example.com/n/1"),
        Instant.parse("2026-11-25T02:00:00Z"));
  }

  /**
   * Without a title the text read is the text itself, and its content hash the hash of the text alone, the hash a
   * state file written before titles counted knows it by: a text without a title read as "\n" + text would shift every
   * evidence span by one and be unknown to such a state file.
   */
  @Test
  void anAnnouncementWithoutATitleIsReadAsItsTextAlone() {
    Announcement untitled = announcement("", "最长可分36期。");
    assertEquals("最长可分36期。", untitled.readableText());
    assertEquals(untitled.textHash(), untitled.contentHash());
    Announcement titled = announcement("分期调整", "最长可分36期。");
    assertEquals("分期调整\n最长可分36期。", titled.readableText());
    assertNotEquals(titled.textHash(), titled.contentHash(), "the title is read, so it counts");
    assertEquals(untitled.textHash(), titled.textHash());
  }

  /**
   * The address is kept without its user-info, which may hold a password (a custom source's announcement as much as
   * an HTTP source's), the rest as written: an escaped path, the query and the fragment; one without is kept as is.
   */
  @Test
  void theAddressIsKeptWithoutItsUserInfo() {
    Instant at = Instant.parse("2026-11-25T02:00:00Z");
    assertEquals(URI.create("https://example.com:8443/n%2F1?edition=2#top"), new Announcement("feed", "n-1", "", "t",
        URI.create("https://u%40x:pw-SECRET@example.com:8443/n%2F1?edition=2#top"), at).uri());
    URI plain = URI.create("https://example.com/n/1?edition=2");
    assertEquals(plain, new Announcement("feed", "n-1", "", "t", plain, at).uri());
  }
}
