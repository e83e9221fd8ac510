package io.github.fenqi.nlp.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyFiles;
import io.github.fenqi.core.testkit.Samples;
import io.github.fenqi.nlp.source.HttpPolicySource;
import io.github.fenqi.nlp.source.LoopbackServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher stopped and started again over the same policy directory and state file, with a real feed on loopback:
 * what it read before the restart is not read again, and its review queue and the decisions on it are kept.
 */
class WatcherRestartTest {
  static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  static final String PLATFORM = "demo-credit-card";
  static final String FEED = "{\"items\":["
      + "{\"id\":\"n-2\",\"content\":\"自即日起最长可分36期，罚息最高减免百分之五十。\"},"
      + "{\"id\":\"n-1\",\"content\":\"最长可分24期，无需提供证明材料。\"}]}";

  @TempDir
  Path dir;
  private Path policies;
  private Path state;
  private LoopbackServer server;
  private final AtomicReference<String> feed = new AtomicReference<>(FEED);

  @BeforeEach
  void start() throws Exception {
    policies = dir.resolve("policies");
    Samples.copyPolicies(policies);
    state = AnnouncementWatcher.Builder.stateFileBeside(policies);
    server = serving(feed);
  }

  /** A real HTTP server on loopback answering {@code /feed} with {@code feed}'s JSON as it is at each request. */
  static LoopbackServer serving(AtomicReference<String> feed) throws java.io.IOException {
    LoopbackServer server = new LoopbackServer();
    server.handle("/feed", ex -> LoopbackServer.respond(ex, 200, "application/json; charset=utf-8",
        feed.get().getBytes(StandardCharsets.UTF_8)));
    return server;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** One life of the watcher (a process between two restarts): a fresh repository and watcher over the same files. */
  private <T> T run(AnnouncementWatcher.Mode mode, java.util.function.Function<AnnouncementWatcher, T> life) {
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(policies)) {
      AnnouncementWatcher watcher = AnnouncementWatcher.builder(new DirectoryPolicyStore(repo, TODAY))
          .source(HttpPolicySource.builder("cc-feed", PLATFORM, server.uri("/feed")).build(), mode)
          .stateFile(state).clock(TODAY).build();
      try (watcher) {
        return life.apply(watcher);
      }
    }
  }

  private Policy live() {
    return live(policies);
  }

  /** The policy of {@link #PLATFORM} in force today in the policy directory {@code policies}. */
  static Policy live(Path policies) {
    try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(policies)) {
      return repo.snapshot().find(PLATFORM, LocalDate.now(TODAY)).orElseThrow();
    }
  }

  private void handEdit(int max) throws Exception {
    handEdit(policies, max);
  }

  /** An operator edits the live policy's file by hand: the maximum term becomes {@code max} months. */
  static void handEdit(Path policies, int max) throws Exception {
    Policy policy = live(policies);
    Path file = PolicyFiles.find(policies, PLATFORM, policy.version()).orElseThrow();
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode json = (ObjectNode) mapper.readTree(file.toFile());
    ((ObjectNode) json.get("installments")).put("max", max);
    Files.writeString(file, mapper.writeValueAsString(json));
  }

  static List<String> statuses(List<PolicyChange> changes) {
    return changes.stream().map(c -> c.announcement().id() + " " + c.status()).toList();
  }

  /**
   * The feed's 36 months was applied, then an operator set 48 by hand; after a restart the watcher read the feed from
   * the start and applied 36 again as if new, undoing the operator's edit.
   */
  @Test
  void aRestartDoesNotApplyTheFeedAgainOverAnOperatorsHandEdit() throws Exception {
    assertEquals(List.of("n-1 APPLIED", "n-2 APPLIED"),
        statuses(run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce())));
    assertEquals(36, live().installments().max());
    handEdit(48);
    assertEquals(48, live().installments().max());

    assertEquals(List.of(), run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce()), "nothing new after a restart");
    assertEquals(48, live().installments().max(), "the hand edit stands");

    feed.set(FEED.replace("{\"items\":[", "{\"items\":[{\"id\":\"n-3\",\"content\":\"最长可分60期。\"},"));
    assertEquals(List.of("n-3 APPLIED"), statuses(run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce())),
        "a new announcement is still read");
    assertEquals(60, live().installments().max());
  }

  /**
   * A page edited from 36 to 60 and back to 36 with a restart between each poll: the third text, read before under
   * the same id, is read again after the restarts too (the text read last under each id is kept), so 36 is live.
   */
  @Test
  void aPageEditedBackAcrossRestartsIsReadAgain() {
    String page = "[{\"id\":\"p\",\"content\":\"最长可分36期。\"}]";
    for (String text : List.of(page, page.replace("36", "48"), page)) {
      feed.set(text);
      assertEquals(List.of("p APPLIED"), statuses(run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce())), text);
    }
    assertEquals(36, live().installments().max());
    assertEquals(List.of(), run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce()), "and only once");
  }

  /** A change rejected before a restart was queued for review again after it, the reviewer's decision lost. */
  @Test
  void aRejectionIsKeptAcrossARestart() {
    PolicyChange rejected = run(AnnouncementWatcher.Mode.REVIEW, w -> {
      List<PolicyChange> queued = w.pollOnce();
      assertEquals(List.of("n-1 QUEUED_FOR_REVIEW", "n-2 QUEUED_FOR_REVIEW"), statuses(queued));
      return w.reject(queued.get(1).id());
    });
    run(AnnouncementWatcher.Mode.REVIEW, w -> {
      assertEquals(List.of(), w.pollOnce(), "not asked again");
      assertEquals(List.of("n-1 QUEUED_FOR_REVIEW"), statuses(w.pendingReview()), "the undecided one still waits");
      InvalidInputException again = assertThrows(InvalidInputException.class, () -> w.reject(rejected.id()));
      assertEquals("changeId: '" + rejected.id() + "' is not waiting for review: it was rejected at "
          + TODAY.instant(), again.getMessage());
      return null;
    });
    assertEquals(60, live().installments().max(), "never applied");
  }

  /** The review queue is the same after a restart, down to the evidence, and a change in it can be approved. */
  @Test
  void theReviewQueueIsKeptAcrossARestartAndCanBeApprovedAfterIt() {
    List<PolicyChange> before = run(AnnouncementWatcher.Mode.REVIEW, w -> {
      w.pollOnce();
      return w.pendingReview();
    });
    assertEquals(2, before.size());
    PolicyChange applied = run(AnnouncementWatcher.Mode.REVIEW, w -> {
      assertEquals(before, w.pendingReview());
      assertEquals(List.of(), w.pollOnce(), "nothing read again, nothing queued twice");
      return w.approve(before.get(1).id());
    });
    assertEquals(PolicyChange.Status.APPLIED, applied.status());
    assertEquals(36, live().installments().max());
    run(AnnouncementWatcher.Mode.REVIEW, w -> {
      assertEquals(List.of(before.get(0)), w.pendingReview(), "the approved one is no longer waiting");
      assertEquals(List.of(), w.pollOnce());
      return null;
    });
  }

  /**
   * A password in a source's address is not written to the state file: a change waiting for review had been stored
   * with the announcement's address whole, user-info and all. A state file written before still holding one is read
   * (its change still waits and can be decided), the user-info left out, and is not written back with it.
   */
  @Test
  void aPasswordInTheSourcesAddressIsNotWrittenToTheStateFile() throws Exception {
    URI secret = URI.create("http://u:pw-SECRET@127.0.0.1:" + server.uri("").getPort() + "/feed");
    java.util.function.Function<java.util.function.Function<AnnouncementWatcher, List<PolicyChange>>,
        List<PolicyChange>> life = f -> {
          try (JsonDirectoryPolicyRepository repo = JsonDirectoryPolicyRepository.openStrict(policies);
              AnnouncementWatcher w = AnnouncementWatcher.builder(new DirectoryPolicyStore(repo, TODAY))
                  .source(HttpPolicySource.builder("cc-feed", PLATFORM, secret).build(),
                      AnnouncementWatcher.Mode.REVIEW)
                  .stateFile(state).clock(TODAY).build()) {
            return f.apply(w);
          }
        };
    feed.set("[{\"content\":\"最长可分36期。\"}]"); // no id, no link: named and addressed by the feed's address
    List<PolicyChange> queued = life.apply(AnnouncementWatcher::pollOnce);
    URI plain = server.uri("/feed");
    assertEquals(List.of(plain), queued.stream().map(c -> c.announcement().uri()).toList());
    String written = Files.readString(state);
    assertTrue(written.contains(plain.toString()), written);
    assertFalse(written.contains("pw-SECRET"), written);

    // a state file from before, its waiting change's address holding the password
    Files.writeString(state, written.replaceAll("(\"uri\"\\s*:\\s*\"http://)", "$1u:pw-SECRET@"));
    assertTrue(Files.readString(state).contains("\"http://u:pw-SECRET@127.0.0.1:"), "the old file holds it");
    List<PolicyChange> waiting = life.apply(AnnouncementWatcher::pendingReview);
    assertEquals(List.of(plain), waiting.stream().map(c -> c.announcement().uri()).toList());
    life.apply(w -> List.of(w.reject(waiting.get(0).id())));
    assertFalse(Files.readString(state).contains("pw-SECRET"), Files.readString(state));
  }

  /** A change that failed to apply keeps its count of attempts across a restart, so it is still given up in time. */
  @Test
  void failedAttemptsAreCountedAcrossARestart() throws Exception {
    Path readOnly = dir.resolve("gone");
    policies = readOnly; // no policy directory at all: every apply fails
    Files.createDirectories(readOnly);
    state = dir.resolve("state.json");
    feed.set("[{\"id\":\"n-1\",\"content\":\"最长可分36期。\"}]");
    for (int restart = 0; restart < 2; restart++) {
      assertEquals(List.of("n-1 APPLY_FAILED"), statuses(run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce())));
    }
    assertEquals(List.of("n-1 APPLY_FAILED"), statuses(run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce())),
        "the third and last attempt");
    Samples.copyPolicies(readOnly);
    assertEquals(List.of(), run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> w.pollOnce()), "given up");
  }

  /** A state file the watcher cannot read stops it at build(), naming the file and the field or line. */
  @Test
  void aCorruptStateFileIsRefusedNamingTheFileAndWhere() throws Exception {
    run(AnnouncementWatcher.Mode.REVIEW, w -> w.pollOnce());
    String good = Files.readString(state);
    String name = state + " (announcement watcher state)";
    assertEachRefused(new String[][] {
        {good.substring(0, good.length() / 2), name + ": line "},
        {"", name + ": is empty"},
        {good.replace("\"formatVersion\" : 4", "\"formatVersion\" : 5"),
            name + ": formatVersion: 5 is not a format this version of fenqi reads (it reads 1 to 4)"},
        {good.replace("\"formatVersion\" : 4,", ""), name + ": formatVersion: is missing"},
        {good.replace("\"formatVersion\" : 4", "\"formatVersion\" : 1"),
            name + ": unlisted: is not a field of formatVersion 1"},
        {good.replace("\"unlisted\" : [ ]", "\"unlisted\" : null"), name + ": unlisted: is missing"},
        {good.replace("\"value\" : \"36\"", "\"value\" : \"3x\""),
            name + ": pending[1].extracted[0].value: '3x' is not a value of MAX_INSTALLMENTS (a whole number)"},
        {good.replace("\"value\" : \"0.5\"", "\"value\" : \"1.5\""),
            name + ": pending[1].extracted[1].value: ratio 1.5 is above 1 for maxPenaltyWaiver"},
        {good.replace("\"read\" :", "\"raed\" :"), name + ": raed: unknown field 'raed'"},
        {good.replace("\"confidence\" : 0.9", "\"confidence\" : 7"),
            name + ": pending[0].extracted[0].confidence: 7.0 is outside 0..1"},
        {good.replace("\"text\" : \"最长可分24期，无需提供证明材料。\",", ""),
            name + ": pending[0].announcement.text: is missing"},
        {good.replace("\"uri\" : \"http", "\"uri\" : \":http"),
            name + ": pending[0].announcement.uri: ':http"},
        {"null", name + ": is JSON null"},
        // a decision is APPLIED, REJECTED or SUPERSEDED: another status had been taken (mutation audit 88)
        {good.replace("\"decided\" : [ ]", "\"decided\" : [ {\"changeId\" : \"cc-feed:0\", \"status\" : "
            + "\"APPLY_FAILED\", \"at\" : \"2026-11-25T02:00:00Z\"} ]"),
            name + ": decided[0].status: APPLY_FAILED is not a decision (APPLIED, REJECTED or SUPERSEDED)"},
        // one byte of a hash changed: the text it stood for had been read again and applied over a hand edit
        {good.replaceFirst("\"hash\" : \"[0-9a-f]", "\"hash\" : \"x"), name + ": read[0].hash: 'x"},
        // 64 lowercase hex digits, as the watcher writes them: one short, or one in upper case, is no hash it wrote
        {good.replaceFirst("(\"hash\" : \")[0-9a-f]{64}", "$1" + "0".repeat(63)),
            name + ": read[0].hash: '" + "0".repeat(37) + "...' is not a content hash"},
        {good.replaceFirst("\"hash\" : \"[0-9a-f]", "\"hash\" : \"A"), name + ": read[0].hash: 'A"},
        {good.replaceFirst("(\"lastUnderId\" : \\[ \\{[^}]*\"hash\" : \")[0-9a-f]", "$1:"),
            name + ": lastUnderId[0].hash: ':"}}, message -> true);
  }

  /**
   * Each of {@code bads} ({@code {file content, what the error says}}) written as the state file is refused by
   * {@code build()} with an error saying that, and of which {@code alsoTrue} holds.
   */
  private void assertEachRefused(String[][] bads, java.util.function.Predicate<String> alsoTrue) throws Exception {
    for (String[] bad : bads) {
      Files.writeString(state, bad[0]);
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> run(AnnouncementWatcher.Mode.REVIEW, w -> w.pollOnce()), bad[1]);
      assertTrue(e.getMessage().contains(bad[1]) && alsoTrue.test(e.getMessage()),
          () -> bad[1] + "\n  was: " + e.getMessage());
    }
  }

  /**
   * What a damaged state file holds is quoted in the error as core quotes a value from outside
   * ({@code Problem.excerpt}): a value with a line break had been quoted raw, a forged line of its own in a log, and a
   * hash of 10 000 characters whole, as was an address that is no URI, twice (the parser's message quoted it again).
   */
  @Test
  void whatADamagedStateFileHoldsIsQuotedEscapedAndCut() throws Exception {
    run(AnnouncementWatcher.Mode.REVIEW, w -> w.pollOnce());
    String good = Files.readString(state);
    String name = state + " (announcement watcher state)";
    assertEachRefused(new String[][] {
        {good.replace("\"value\" : \"36\"", "\"value\" : \"3\\nINFO ok\""),
            name + ": pending[1].extracted[0].value: '3\\nINFO ok' is not a value of MAX_INSTALLMENTS (a whole "
                + "number)"},
        {good.replaceFirst("\"hash\" : \"[0-9a-f]{64}\"", "\"hash\" : \"" + "x".repeat(10_000) + "\""),
            name + ": read[0].hash: '" + "x".repeat(37) + "...' is not a content hash"},
        {good.replace("\"uri\" : \"http", "\"uri\" : \":http\\n" + "y".repeat(10_000)),
            name + ": pending[0].announcement.uri: ':http\\n" + "y".repeat(31) + "...' is not a URI: "}}, message -> message.length() < 1_000 && message.indexOf('\n') < 0);
  }

  /**
   * A null entry in one of the state file's lists (a hand edit, a tool's merge) is named by its list and place: it had
   * been refused as {@code Cannot construct instance of `...WatchState$Content`, problem:
   * `java.lang.NullPointerException`}, naming neither the list nor the entry, in the words of the code.
   */
  @Test
  void aNullEntryInAStateFileListIsNamed() throws Exception {
    run(AnnouncementWatcher.Mode.REVIEW, w -> w.pollOnce());
    String good = Files.readString(state);
    String name = state + " (announcement watcher state)";
    String[][] bads = {
        {good.replace("\"read\" : [ {", "\"read\" : [ null, {"), name + ": read[0]: is missing"},
        {good.replace("\"lastUnderId\" : [ {", "\"lastUnderId\" : [ null, {"), name + ": lastUnderId[0]: is missing"},
        {good.replace("\"pending\" : [ {", "\"pending\" : [ null, {"), name + ": pending[0]: is missing"},
        {good.replace("\"decided\" : [ ]", "\"decided\" : [ null ]"), name + ": decided[0]: is missing"},
        {good.replace("\"unlisted\" : [ ]", "\"unlisted\" : [ null ]"), name + ": unlisted[0]: is missing"},
        {good.replace("\"failedAttempts\" : [ ]", "\"failedAttempts\" : [ null ]"),
            name + ": failedAttempts[0]: is missing"},
        {good.replaceFirst("\"extracted\" : \\[ \\{", "\"extracted\" : [ null, {"),
            name + ": pending[0].extracted[0]: is missing"},
        {good.replaceFirst("\"changes\" : \\[ \\{", "\"changes\" : [ null, {"),
            name + ": pending[0].changes[0]: is missing"},
        {good.replaceFirst("\"terms\" : \\[ \\]", "\"terms\" : [ null ]"),
            name + ": pending[0].terms[0]: is missing"}};
    for (String[] bad : bads) {
      assertFalse(bad[0].equals(good), () -> bad[1] + ": the file is not damaged");
    }
    assertEachRefused(bads, message -> !message.contains("Exception"));
  }

  /** A state file that cannot be written is an error naming it, not a poll that forgets what it read. */
  @Test
  void aStateFileThatCannotBeWrittenIsNamed() throws Exception {
    Path blocked = dir.resolve("blocked");
    Files.createDirectories(blocked);
    state = blocked.resolve("state.json");
    FenqiException e = assertThrows(FenqiException.class, () -> run(AnnouncementWatcher.Mode.AUTO_APPLY, w -> {
      try {
        Files.delete(blocked.resolve("state.json.lock"));
        Files.delete(blocked); // removed under the running watcher
      } catch (java.io.IOException io) {
        throw new java.io.UncheckedIOException(io);
      }
      return w.pollOnce();
    }));
    assertTrue(e.getMessage().startsWith("cannot write the announcement watcher state " + state), e.getMessage());
  }

  /**
   * Reviewers reject changes while polls queue new ones: each write of the state file holds the state as it was
   * then, so the file left at the end has every change either still waiting or rejected, none lost or revived.
   */
  @Test
  void decisionsDuringPollsAreAllInTheStateFileLeft() throws Exception {
    state = dir.resolve("state.json");
    java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
    io.github.fenqi.nlp.source.PolicySource growing = new io.github.fenqi.nlp.source.PolicySource() {
      @Override
      public String id() {
        return "mail";
      }

      @Override
      public String platformId() {
        return PLATFORM;
      }

      @Override
      public List<io.github.fenqi.nlp.source.Announcement> fetch() { // one new notice per fetch
        int n = fetches.incrementAndGet();
        return List.of(new io.github.fenqi.nlp.source.Announcement("mail", "m-" + n, "", "最长可分" + (n + 60) + "期。",
            java.net.URI.create("https://example.com/m"), Instant.EPOCH));
      }
    };
    java.util.function.Supplier<AnnouncementWatcher> start = () -> AnnouncementWatcher
        .builder(new AnnouncementWatcherTest.MapStore()).source(growing, AnnouncementWatcher.Mode.REVIEW)
        .stateFile(state).clock(TODAY).build();
    java.util.Set<String> rejected = java.util.concurrent.ConcurrentHashMap.newKeySet();
    AnnouncementWatcher watcher = start.get();
    java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread reviewer = new Thread(() -> {
      while (polling.get() || !watcher.pendingReview().isEmpty()) {
        for (PolicyChange c : watcher.pendingReview()) {
          if (c.announcement().id().hashCode() % 2 == 0) {
            continue; // left waiting
          }
          try {
            watcher.reject(c.id());
            rejected.add(c.id());
          } catch (InvalidInputException alreadyDecided) {
            // decided by this thread in an earlier pass
          }
        }
        if (watcher.pendingReview().stream().allMatch(c -> c.announcement().id().hashCode() % 2 == 0)
            && !polling.get()) {
          return;
        }
      }
    });
    reviewer.start();
    java.util.Set<String> queued = new java.util.HashSet<>();
    for (int i = 0; i < 60; i++) {
      watcher.pollOnce().forEach(c -> queued.add(c.id()));
    }
    polling.set(false);
    reviewer.join(30_000);
    java.util.Set<String> waiting = new java.util.HashSet<>();
    watcher.close();
    try (AnnouncementWatcher restarted = start.get()) {
      restarted.pendingReview().forEach(c -> waiting.add(c.id()));
    }
    assertTrue(java.util.Collections.disjoint(waiting, rejected), "a rejected change revived");
    java.util.Set<String> decidedOrWaiting = new java.util.HashSet<>(waiting);
    decidedOrWaiting.addAll(rejected);
    assertEquals(queued, decidedOrWaiting, "every change waiting or rejected");
    assertTrue(!rejected.isEmpty() && !waiting.isEmpty(), rejected.size() + " rejected, " + waiting.size() + " waiting");
  }

  @Test
  void builderNamesAStateFileThatCannotBeKept() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> AnnouncementWatcher
        .builder(new AnnouncementWatcherTest.MapStore()).stateFile(dir.resolve("missing/state.json"))
        .source(HttpPolicySource.builder("cc-feed", PLATFORM, server.uri("/feed")).build(),
            AnnouncementWatcher.Mode.REVIEW).build());
    assertEquals("stateFile: the directory of " + dir.resolve("missing/state.json") + " does not exist",
        e.getMessage());
    assertEquals(dir.resolve("policies.watcher-state.json"),
        AnnouncementWatcher.Builder.stateFileBeside(dir.resolve("policies/")));
  }
}
