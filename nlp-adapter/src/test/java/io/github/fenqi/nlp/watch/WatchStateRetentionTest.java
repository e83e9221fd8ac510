package io.github.fenqi.nlp.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.nlp.source.HttpPolicySource;
import io.github.fenqi.nlp.source.LoopbackServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file stays bounded however long the watcher runs: a page whose text changes at every fetch (a
 * timestamp, a counter) had added one entry per poll, and the whole, ever larger file was rewritten at every poll.
 */
class WatchStateRetentionTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final String PLATFORM = "demo-credit-card";

  @TempDir
  Path dir;
  private Path state;
  private LoopbackServer server;
  private final AtomicInteger fetches = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicReference<String> feed =
      new java.util.concurrent.atomic.AtomicReference<>("[{\"id\":\"n-1\",\"content\":\"最长可分36期。\"}]");
  private final AnnouncementWatcherTest.MapStore store = new AnnouncementWatcherTest.MapStore();

  @BeforeEach
  void start() throws Exception {
    state = dir.resolve("state.json");
    server = new LoopbackServer();
    server.handle("/page", ex -> LoopbackServer.respond(ex, 200, "application/json; charset=utf-8",
        ("[{\"id\":\"p\",\"content\":\"本页第" + fetches.incrementAndGet() + "次访问。\"}]")
            .getBytes(StandardCharsets.UTF_8)));
    server.handle("/feed", ex -> LoopbackServer.respond(ex, 200, "application/json; charset=utf-8",
        feed.get().getBytes(StandardCharsets.UTF_8)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AnnouncementWatcher.Builder watcher(String... paths) {
    AnnouncementWatcher.Builder b = AnnouncementWatcher.builder(store).stateFile(state).clock(TODAY);
    for (String path : paths) {
      b.source(HttpPolicySource.builder(path.substring(1), PLATFORM, server.uri(path)).build(),
          AnnouncementWatcher.Mode.AUTO_APPLY);
    }
    return b;
  }

  private Object liveMax() {
    return store.liveValues(PLATFORM).get(io.github.fenqi.nlp.PolicyField.MAX_INSTALLMENTS);
  }

  private void handEdit(int max) {
    java.util.Map<io.github.fenqi.nlp.PolicyField, Object> edited = new java.util.EnumMap<>(
        io.github.fenqi.nlp.PolicyField.class);
    edited.putAll(store.liveValues(PLATFORM));
    edited.put(io.github.fenqi.nlp.PolicyField.MAX_INSTALLMENTS, max);
    store.live.put(PLATFORM, edited);
  }

  private Object fileKey() throws Exception {
    return Files.readAttributes(state, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
  }

  private int entries() throws Exception {
    JsonNode json = new ObjectMapper().readTree(state.toFile());
    return json.get("read").size();
  }

  @Test
  void aPageChangingAtEveryFetchKeepsTheStateFileBounded() throws Exception {
    long after10 = 0;
    try (AnnouncementWatcher w = watcher("/page").forgetAfter(5).build()) {
      for (int poll = 1; poll <= 60; poll++) {
        w.pollOnce();
        if (poll == 10) {
          after10 = Files.size(state);
        }
      }
    }
    assertTrue(entries() <= 5, entries() + " texts read kept after 60 polls: at most forgetAfter fetches' texts");
    assertTrue(Files.size(state) <= after10 + 64, Files.size(state) + " bytes after 60 polls, " + after10
        + " after 10");
  }

  /**
   * A watcher run for one poll at a time (a job started by cron, a service restarted often) keeps the state file
   * bounded too: the fetches each text has gone unlisted are kept in the file ({@code unlisted}) and counted on after
   * a restart. Restarting that count at every start left every text one fetch old for ever (no test restarted
   * between the polls of a changing page), so such a watcher's file grew by a text per run.
   */
  @Test
  void aWatcherRestartedAfterEveryPollStillForgets() throws Exception {
    for (int run = 1; run <= 12; run++) {
      try (AnnouncementWatcher w = watcher("/page").forgetAfter(3).build()) {
        w.pollOnce();
      }
    }
    assertTrue(entries() <= 3, entries() + " texts read kept after 12 runs of one poll: at most forgetAfter fetches'");
  }

  /**
   * A text the feed still lists is never forgotten, however many texts of another source are, and across a restart:
   * an operator's hand edit stands. One that left the feed is forgotten after forgetAfter fetches; back, it is new.
   */
  @Test
  void whatTheFeedStillListsIsRememberedAcrossARestart() throws Exception {
    try (AnnouncementWatcher w = watcher("/feed", "/page").forgetAfter(2).build()) {
      assertEquals(List.of("n-1 APPLIED"), w.pollOnce().stream().map(c -> c.announcement().id() + " " + c.status())
          .toList());
      handEdit(48);
      for (int poll = 0; poll < 30; poll++) {
        assertEquals(List.of(), w.pollOnce());
      }
    }
    assertTrue(entries() <= 4, entries() + " texts read kept");
    try (AnnouncementWatcher w = watcher("/feed", "/page").forgetAfter(2).build()) {
      assertEquals(List.of(), w.pollOnce(), "nothing read again after the restart");
      assertEquals(48, liveMax(), "the hand edit stands");
      String n1 = feed.get();
      feed.set("[{\"id\":\"n-2\",\"content\":\"本月无变化。\"}]");
      w.pollOnce();
      feed.set(n1);
      assertEquals(List.of(), w.pollOnce(), "one fetch not listing it forgets nothing");
      feed.set("[{\"id\":\"n-2\",\"content\":\"本月无变化。\"}]");
      for (int poll = 0; poll < 2; poll++) {
        w.pollOnce();
      }
      feed.set(n1);
      assertEquals(List.of("n-1"), w.pollOnce().stream().map(c -> c.announcement().id()).toList(),
          "forgotten after 2 fetches not listing it, read as new when it comes back");
      assertEquals(36, liveMax());
    }
  }

  /** A text forgotten takes the reviewer's decision on its change with it: the decision is not kept for ever. */
  @Test
  void aForgottenTextsDecisionIsForgottenWithIt() throws Exception {
    try (AnnouncementWatcher w = AnnouncementWatcher.builder(store).stateFile(state).clock(TODAY).forgetAfter(1)
        .source(HttpPolicySource.builder("feed", PLATFORM, server.uri("/feed")).build(), AnnouncementWatcher.Mode.REVIEW)
        .build()) {
      String id = w.pollOnce().get(0).id();
      w.reject(id);
      assertTrue(assertThrows(io.github.fenqi.core.InvalidInputException.class, () -> w.reject(id)).getMessage()
          .contains("is not waiting for review: it was rejected at"));
      feed.set("[{\"id\":\"n-2\",\"content\":\"本月无变化。\"}]");
      w.pollOnce();
      assertTrue(assertThrows(io.github.fenqi.core.InvalidInputException.class, () -> w.reject(id)).getMessage()
          .endsWith("is not waiting for review"), "forgotten with its text");
      assertFalse(Files.readString(state).contains(id), Files.readString(state));
    }
  }

  /** A poll that reads nothing new and forgets nothing does not rewrite (and fsync) the state file. */
  @Test
  void aPollThatChangesNothingDoesNotWriteTheFile() throws Exception {
    try (AnnouncementWatcher w = watcher("/feed").forgetAfter(2).build()) {
      w.pollOnce();
      Object written = fileKey();
      for (int poll = 0; poll < 10; poll++) {
        w.pollOnce();
      }
      assertEquals(written, fileKey(), "rewritten by polls that changed nothing");
      feed.set("[]"); // a feed emptied by an outage: nothing forgotten, nothing written
      for (int poll = 0; poll < 5; poll++) {
        w.pollOnce();
      }
      assertEquals(written, fileKey(), "rewritten by polls of an empty feed");
      assertEquals(1, entries());
    }
  }

  /** A file of format 1 (before texts were forgotten) is read, its texts taken as listed by the last fetch. */
  @Test
  void aFormat1FileIsStillRead() throws Exception {
    try (AnnouncementWatcher w = watcher("/feed").build()) {
      w.pollOnce();
    }
    handEdit(48);
    String written = Files.readString(state);
    assertTrue(written.contains("\"formatVersion\" : 4") && written.contains("\"unlisted\" : [ ]"), written);
    Files.writeString(state, written.replaceAll(",\\s*\"notes\" : \\[[^]]*]", "") // format 4
        .replace("\"formatVersion\" : 4", "\"formatVersion\" : 1")
        .replace(",\n  \"unlisted\" : [ ]", ""));
    try (AnnouncementWatcher w = watcher("/feed").build()) {
      assertEquals(List.of(), w.pollOnce());
    }
    assertEquals(48, liveMax());
  }

  /**
   * A state file written before an item's title counted in its content hash records a titled item by the hash of its
   * text alone. After the upgrade the item is still the text read (not read as new, which would apply the feed again
   * over a hand edit), and an edit of its title alone is read.
   */
  @Test
  void aTitledItemRecordedByItsTextHashIsNotReadAgainButItsTitleEditIs() throws Exception {
    feed.set("[{\"id\":\"n-1\",\"title\":\"信用卡最长可分36期\",\"content\":\"详见附件。\"}]");
    try (AnnouncementWatcher w = watcher("/feed").build()) {
      assertEquals(1, w.pollOnce().size());
    }
    io.github.fenqi.nlp.source.Announcement item = new io.github.fenqi.nlp.source.Announcement("feed", "n-1",
        "信用卡最长可分36期", "详见附件。", java.net.URI.create("https://example.com/n-1"), Instant.EPOCH);
    String written = Files.readString(state);
    assertTrue(written.contains(item.contentHash()) && !written.contains(item.textHash()), written);
    Files.writeString(state, written.replace(item.contentHash(), item.textHash())); // as an earlier version wrote it
    handEdit(48);
    try (AnnouncementWatcher w = watcher("/feed").build()) {
      assertEquals(List.of(), w.pollOnce(), "the same item: not read again");
      assertEquals(48, liveMax(), "the hand edit stays");
      feed.set(feed.get().replace("36期", "60期"));
      assertEquals(1, w.pollOnce().size(), "its title was edited");
      assertEquals(60, liveMax());
    }
    try (AnnouncementWatcher w = watcher("/feed").build()) {
      assertEquals(List.of(), w.pollOnce(), "read once, also across a restart");
    }
  }

  /**
   * Unset, forgetAfter is the documented 1 000: a text the feed stopped listing is remembered through 999 fetches that
   * do not list it and forgotten by the 1 000th, so that it is read as new when it comes back, over a hand edit (999 or
   * 1 001 would forget it one fetch early or late). No state file: 2 000 fetches without 2 000 fsyncs.
   */
  @Test
  void forgetAfterDefaultsToAThousandFetches() {
    String n1 = feed.get();
    String n2 = "[{\"id\":\"n-2\",\"content\":\"本月无变化。\"}]";
    for (int unlisted : new int[] {999, 1_000}) {
      feed.set(n1);
      store.live.clear();
      try (AnnouncementWatcher w = AnnouncementWatcher.builder(store).withoutStateFile().clock(TODAY)
          .source(HttpPolicySource.builder("feed", PLATFORM, server.uri("/feed")).build(),
              AnnouncementWatcher.Mode.AUTO_APPLY)
          .build()) {
        assertEquals(List.of("n-1"), w.pollOnce().stream().map(c -> c.announcement().id()).toList());
        handEdit(48);
        feed.set(n2);
        for (int poll = 0; poll < unlisted; poll++) {
          w.pollOnce();
        }
        feed.set(n1);
        assertEquals(unlisted == 1_000 ? List.of("n-1") : List.of(),
            w.pollOnce().stream().map(c -> c.announcement().id()).toList(),
            "n-1 back after " + unlisted + " fetches not listing it");
        assertEquals(unlisted == 1_000 ? 36 : 48, liveMax());
      }
    }
  }

  /** The ends of the documented range of forgetAfter, 1 and 1 000 000, are taken. */
  @Test
  void forgetAfterTakesTheEndsOfItsRange() {
    for (int end : new int[] {1, 1_000_000}) {
      org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> watcher("/feed").forgetAfter(end).build().close(),
          "forgetAfter(" + end + ")");
    }
  }

  @Test
  void forgetAfterOutOfRangeIsNamed() {
    for (int bad : new int[] {0, 1_000_001}) {
      io.github.fenqi.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
          io.github.fenqi.core.InvalidInputException.class, () -> watcher("/feed").forgetAfter(bad).build());
      assertEquals("forgetAfter: " + bad + " must be in 1..1000000", e.getMessage());
    }
  }

  /**
   * A state file path that is a symbolic link (to a file on a kept volume, say) is followed: the file it points to is
   * replaced and the link kept. Replaced by the rename, the link had become a regular file, the volume's copy stale.
   */
  @Test
  void aStateFileThatIsALinkIsFollowed() throws Exception {
    Path kept = Files.createDirectories(dir.resolve("volume")).resolve("state.json");
    state = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("volume", "state.json")); // relative, dangling
    try (AnnouncementWatcher w = watcher("/feed").build()) {
      w.pollOnce();
    }
    assertTrue(Files.isSymbolicLink(state), "the link was replaced by a regular file");
    assertEquals(1, new ObjectMapper().readTree(kept.toFile()).get("read").size());
    handEdit(48);
    try (AnnouncementWatcher w = watcher("/feed").build()) {
      assertEquals(List.of(), w.pollOnce(), "read through the link after a restart");
    }
    assertEquals(48, liveMax());
    state = Files.createSymbolicLink(dir.resolve("loop.json"), Path.of("loop.json"));
    io.github.fenqi.core.InvalidInputException loop = org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.InvalidInputException.class, () -> watcher("/feed").build());
    assertEquals("stateFile: " + state + " is a symbolic link that does not end at a file (a loop)",
        loop.getMessage());
  }

  /**
   * Two watchers on one state file overwrote each other's state (each writes the whole file from its memory): the
   * second is refused by build(), in this process and from another one, and a closed watcher no longer writes it.
   */
  @Test
  void aSecondWatcherOnTheSameStateFileIsRefused() throws Exception {
    AnnouncementWatcher first = watcher("/feed").build();
    io.github.fenqi.core.InvalidInputException here = org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.InvalidInputException.class, () -> watcher("/feed").build());
    assertEquals("stateFile: " + state + " is used by another watcher of this process (one watcher per state file; "
        + "close() the other first)", here.getMessage());
    first.close();
    try (AnnouncementWatcher second = watcher("/feed").build()) {
      second.pollOnce();
    }
    io.github.fenqi.core.FenqiException closed = org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.FenqiException.class, first::pollOnce, "a closed watcher read n-1 and wrote the file");
    assertTrue(closed.getMessage().contains("the watcher is closed"), closed.getMessage());

    Process other = otherProcess("Locker", Path.of(state + ".lock"), "java.nio.file.StandardOpenOption.CREATE, "
        + "java.nio.file.StandardOpenOption.WRITE); var l = c.lock()) { System.out.println(\"locked\"); "
        + "System.out.flush(); System.in.read();");
    try {
      assertEquals("locked", firstLine(other));
      io.github.fenqi.core.InvalidInputException elsewhere = org.junit.jupiter.api.Assertions.assertThrows(
          io.github.fenqi.core.InvalidInputException.class, () -> watcher("/feed").build());
      assertEquals("stateFile: " + state + " is used by another process's watcher (it holds " + state
          + ".lock; one watcher per state file)", elsewhere.getMessage());
    } finally {
      other.getOutputStream().close();
      other.waitFor();
    }
    try (AnnouncementWatcher again = watcher("/feed").build()) {
      assertEquals(List.of(), again.pollOnce(), "free again once the other process let go");
    }
  }

  /**
   * close() is idempotent: a watcher closed twice (by hand, then by try-with-resources) after another watcher took its
   * state file over must leave that watcher's hold alone — a third watcher is still refused as one of this process.
   */
  @Test
  void closingAWatcherAgainDoesNotReleaseTheStateFileForTheWatcherThatTookItOver() throws Exception {
    AnnouncementWatcher first = watcher("/feed").build();
    first.close();
    try (AnnouncementWatcher second = watcher("/feed").build()) {
      first.close();
      io.github.fenqi.core.InvalidInputException third = org.junit.jupiter.api.Assertions.assertThrows(
          io.github.fenqi.core.InvalidInputException.class, () -> watcher("/feed").build());
      assertEquals("stateFile: " + state + " is used by another watcher of this process (one watcher per state file; "
          + "close() the other first)", third.getMessage());
      assertEquals(1, second.pollOnce().size(), "the second watcher still holds and writes the file");
    }
    try (AnnouncementWatcher again = watcher("/feed").build()) {
      assertEquals(List.of(), again.pollOnce(), "the second one's state, read back");
    }
  }

  /**
   * A lock file that cannot be created (a directory stands at NAME.lock) is refused by build() at stateFile, naming
   * the lock file; once it can be, the state file is free for a watcher, nothing held over from the refusal.
   */
  @Test
  void aLockFileThatCannotBeCreatedIsRefusedNamingIt() throws Exception {
    Path lockFile = dir.resolve("state.json.lock");
    Files.createDirectory(lockFile);
    io.github.fenqi.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.github.fenqi.core.InvalidInputException.class, () -> watcher("/feed").build());
    assertEquals("stateFile", e.problems().get(0).location());
    assertTrue(e.problems().get(0).reason().startsWith("cannot lock " + lockFile + " ("), e.getMessage());
    assertTrue(Files.isDirectory(lockFile), "left as it was");
    Files.delete(lockFile);
    try (AnnouncementWatcher w = watcher("/feed").build()) {
      assertEquals(1, w.pollOnce().size());
    }
    assertTrue(Files.isRegularFile(lockFile), "the lock file is created beside the state file and left in place");
    assertEquals(0, Files.size(lockFile), "and left empty");
  }

  /**
   * One state file reached through a linked directory is still one file: a second watcher on it by the link's path
   * had been taken for another process's watcher (and told so), and its refused attempt closed the lock file again,
   * which dropped the first watcher's lock, so that another process could take the file while the first watcher went
   * on writing it.
   */
  @Test
  void aStateFileReachedThroughALinkedDirectoryStaysHeldByItsWatcher() throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path linked = Files.createSymbolicLink(dir.resolve("linked"), real);
    state = real.resolve("state.json");
    try (AnnouncementWatcher first = watcher("/feed").build()) {
      state = linked.resolve("state.json");
      io.github.fenqi.core.InvalidInputException second = org.junit.jupiter.api.Assertions.assertThrows(
          io.github.fenqi.core.InvalidInputException.class, () -> watcher("/feed").build());
      Process other = otherProcess("TryLocker", real.resolve("state.json.lock"),
          "java.nio.file.StandardOpenOption.WRITE)) { System.out.println(c.tryLock() == null ? \"held\" : \"free\");");
      assertEquals("held", firstLine(other), "the first watcher's lock, seen from another process");
      other.waitFor();
      assertEquals("stateFile: " + state + " is used by another watcher of this process (one watcher per state file; "
          + "close() the other first)", second.getMessage());
      assertEquals(1, first.pollOnce().size(), "the first watcher still writes the file");
    }
  }

  /**
   * Another JVM running the one-file program {@code name} that opens {@code file} as the channel {@code c} with the
   * open options, then runs the body, in {@code optionsAndBody}: a POSIX lock is seen and taken per process.
   */
  private Process otherProcess(String name, Path file, String optionsAndBody) throws java.io.IOException {
    Path program = dir.resolve(name + ".java");
    Files.writeString(program, "public class " + name + " { public static void main(String[] a) throws Exception {"
        + " try (var c = java.nio.channels.FileChannel.open(java.nio.file.Path.of(a[0]), " + optionsAndBody
        + " } } }");
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), program.toString(),
        file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static String firstLine(Process process) throws java.io.IOException {
    return new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
  }
}
