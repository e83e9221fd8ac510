package io.github.fenqi.nlp.source;

import java.util.List;

/**
 * Somewhere a lender publishes its negotiation policy as prose: an announcement page, a JSON feed, a mailbox, a
 * file drop. {@link io.github.fenqi.nlp.watch.AnnouncementWatcher} polls sources and extracts policies from what they return.
 *
 * <p>Implementations must be thread-safe; a watcher may call {@link #fetch()} from its scheduler thread while
 * another thread calls it too.
 */
public interface PolicySource {

  /** A stable identifier, used in events and to configure per-source behaviour (auto-apply or review). */
  String id();

  /** The platform whose policy this source publishes. */
  String platformId();

  /**
   * The announcements currently published, newest first where the source knows the order.
   *
   * @throws PolicySourceException when the source cannot be read (unreachable, too slow, too large, malformed)
   */
  List<Announcement> fetch();
}
