package io.github.fenqi.core.security.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.AuditIntegrityException;
import io.github.fenqi.core.AuditLogBusyException;
import io.github.fenqi.core.FenqiException;
import io.github.fenqi.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest {
  @TempDir Path dir;
  /** The key's bytes, for the child JVMs that open the same log. */
  private final byte[] raw = randomBytes();
  private final AuditKey key = AuditKey.of(raw);

  private static byte[] randomBytes() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }

  static AuditKey newKey() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return AuditKey.of(k);
  }

  private Path logWith(int entries) {
    Path file = dir.resolve("audit.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      for (int i = 1; i <= entries; i++) {
        log.append(AuditEvent.of("tester", AuditAction.DATA_ACCESS, "case-" + i, Map.of("field", "idNumber")));
      }
    }
    return file;
  }

  /** A log of {@code entries} entries whose entry {@code sequence} names another case than it was sealed with. */
  private Path logWithEditedEntry(int entries, int sequence) throws Exception {
    Path file = logWith(entries);
    List<String> lines = lines(file);
    lines.set(sequence - 1, lines.get(sequence - 1).replace("case-" + sequence, "case-X"));
    write(file, lines);
    return file;
  }

  private List<String> lines(Path file) throws Exception {
    return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  private void write(Path file, List<String> lines) throws Exception {
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** How verify and open refuse {@code file}: both check every complete line alike. */
  private List<AuditIntegrityException> verifyAndOpenRefuse(Path file) {
    return List.of(assertThrows(AuditIntegrityException.class, () -> FileAuditLog.verify(file, key, Optional.empty())),
        assertThrows(AuditIntegrityException.class, () -> FileAuditLog.open(file, key)));
  }

  private long failingSequence(Path file, Optional<AuditCheckpoint> checkpoint) {
    return assertThrows(AuditIntegrityException.class, () -> FileAuditLog.verify(file, key, checkpoint)).sequence();
  }

  @Test
  void appendedEntriesAreChainedOnePerLineAndVerify() throws Exception {
    Path file = logWith(5);
    List<String> lines = lines(file);
    assertEquals(5, lines.size());
    assertTrue(lines.get(0).startsWith("{\"seq\":1,\"time\":"), lines.get(0));
    assertTrue(lines.get(0).contains("\"prev\":\"" + AuditEntry.GENESIS_HASH + "\""));
    AuditVerification v = FileAuditLog.verify(file, key, Optional.empty());
    assertEquals(5, v.entries());
  }

  @Test
  void subjectsAndDetailsAreStoredMasked() throws Exception {
    Path file = dir.resolve("masked.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      AuditEntry e = log.append(AuditEvent.of("agent", AuditAction.DATA_ACCESS, "borrower 11010519491231002X",
          Map.of("mobile", "13800001234")));
      assertEquals("borrower 110***********002X", e.subject());
      // an actor named by a mobile (a borrower acting for themselves) is stored masked too
      AuditEntry self = log.append(AuditEvent.of("borrower 13912345678", AuditAction.DATA_ACCESS, "case-1"));
      assertEquals("borrower 139****5678", self.actor());
    }
    String text = Files.readString(file);
    assertFalse(text.contains("11010519491231002X") || text.contains("13800001234") || text.contains("13912345678"),
        text);
    assertTrue(text.contains("138****1234"), text);
  }

  /**
   * A detail keyed by a personal identifier is stored masked as a detail's value is: the key had been written to the
   * file in clear, and named in clear by the error about its value. Two keys that mask alike are refused, naming the
   * masked key only: one of the two facts would otherwise be dropped.
   */
  @Test
  void detailsKeysHoldingPersonalIdentifiersAreStoredMaskedAndNeverLostToAClash() throws Exception {
    Path file = dir.resolve("masked-keys.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      AuditEntry e = log.append(AuditEvent.of("agent", AuditAction.DATA_ACCESS, "case-1",
          Map.of("13812345678", "called", "zhangsan@qq.com", "mailed", "result", "ok")));
      assertEquals(Map.of("138****5678", "called", "z*******@qq.com", "mailed", "result", "ok"), e.details());
    }
    String text = Files.readString(file);
    assertFalse(text.contains("13812345678") || text.contains("zhangsan@qq.com"), text);
    assertEquals(1, FileAuditLog.verify(file, key, Optional.empty()).entries());

    InvalidInputException clash = assertThrows(InvalidInputException.class, () -> AuditEvent.of("agent",
        AuditAction.DATA_ACCESS, "case-1", Map.of("13812345678", "called", "13899995678", "texted")));
    assertTrue(clash.getMessage().startsWith("details.138****5678: two details keys are this one once masked"),
        clash.getMessage());
    InvalidInputException badValue = assertThrows(InvalidInputException.class, () -> AuditEvent.of("agent",
        AuditAction.DATA_ACCESS, "case-1", Map.of("13812345678", "half a pair \uD800")));
    assertTrue(badValue.getMessage().startsWith("details.138****5678: "), badValue.getMessage());
    assertFalse(clash.getMessage().contains("13812345678") || clash.getMessage().contains("13899995678")
        || badValue.getMessage().contains("13812345678"));
  }

  @Test
  void readHandsOverEveryVerifiedEntryInOrderWhileTheLogIsOpen() throws Exception {
    Path file = dir.resolve("audit.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      for (int i = 1; i <= 5; i++) {
        log.append(AuditEvent.of("tester", AuditAction.OUTCOME_RECORDED, "platform/p" + i, Map.of("n", "" + i)));
      }
      // a write in progress: an incomplete last line is not read (and not an error)
      Files.write(file, "{\"seq\":6,".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
      List<AuditEntry> read = new ArrayList<>();
      AuditVerification v = FileAuditLog.read(file, key, read::add);
      assertEquals(5, v.lastSequence());
      assertEquals(5, read.size());
      for (int i = 0; i < 5; i++) {
        assertEquals(i + 1, read.get(i).sequence());
        assertEquals(AuditAction.OUTCOME_RECORDED, read.get(i).action());
        assertEquals("" + (i + 1), read.get(i).details().get("n"));
      }
    }
  }

  @Test
  void readStopsAtTheFirstEntryThatDoesNotVerify() throws Exception {
    Path file = logWithEditedEntry(4, 3);
    List<AuditEntry> read = new ArrayList<>();
    AuditIntegrityException e = assertThrows(AuditIntegrityException.class, () -> FileAuditLog.read(file, key, read::add));
    assertEquals(3, e.sequence());
    assertEquals(2, read.size(), "only the entries before the bad one were handed over");
    assertThrows(io.github.fenqi.core.InvalidInputException.class,
        () -> FileAuditLog.read(dir.resolve("missing.log"), key, read::add));
  }

  @Test
  void detectsAnEditedEntryAtItsSequence() throws Exception {
    Path file = logWithEditedEntry(6, 4);
    AuditIntegrityException e = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.empty()));
    assertEquals(4, e.sequence());
    assertTrue(e.getMessage().contains("hash does not match"), e.getMessage());
  }

  /**
   * An SDK user verifying, reading or opening a log is told which file the bad entry is in, once: the exception
   * named the entry and line only, and the CLI and the service added the file themselves.
   */
  @Test
  void everyIntegrityFailureNamesTheLogsFileOnce() throws Exception {
    Path file = logWithEditedEntry(3, 2);
    String edited = file + ": entry 2 (line 2) hash does not match its content (the entry was edited)";
    List<AuditIntegrityException> failures = List.of(
        assertThrows(AuditIntegrityException.class, () -> FileAuditLog.verify(file, key, Optional.empty())),
        assertThrows(AuditIntegrityException.class, () -> FileAuditLog.read(file, key, entry -> { })),
        assertThrows(AuditIntegrityException.class, () -> FileAuditLog.open(file, key)));
    for (AuditIntegrityException e : failures) {
      assertEquals(edited, e.getMessage());
      assertEquals(Optional.of(file), e.file());
      assertEquals(2, e.sequence());
    }
    Path other = dir.resolve("other.log");
    AuditCheckpoint beyond;
    try (FileAuditLog log = FileAuditLog.open(other, key)) {
      log.append(AuditEvent.of("tester", AuditAction.DATA_ACCESS, "case-1"));
      beyond = AuditCheckpoint.sign(5, AuditEntry.GENESIS_HASH, key);
      AuditIntegrityException open = assertThrows(AuditIntegrityException.class,
          () -> log.verify(Optional.of(beyond)));
      assertTrue(open.getMessage().startsWith(other + ": log ends at sequence 1 but the checkpoint covers 5"),
          open.getMessage());
      assertEquals(Optional.of(other), open.file());
    }
    Files.write(other, "{\"seq\":2".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    AuditIntegrityException torn = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(other, key, Optional.empty()));
    assertTrue(torn.getMessage().startsWith(other + ": entry 2 (line 2) is incomplete"), torn.getMessage());
  }

  /**
   * A log an editor saved — CR LF line endings, a byte order mark — is refused saying so, and that its entries may be
   * intact: it was "not in canonical form (the line was edited)" and "is not valid JSON". Once converted back, it
   * verifies.
   */
  @Test
  void aLogSavedByAnEditorIsRefusedSayingWhatTheEditorDid() throws Exception {
    Path file = logWith(3);
    byte[] clean = Files.readAllBytes(file);
    String text = new String(clean, StandardCharsets.UTF_8);
    Files.writeString(file, text.replace("\n", "\r\n"), StandardCharsets.UTF_8);
    for (AuditIntegrityException e : verifyAndOpenRefuse(file)) {
      assertEquals(1, e.sequence());
      assertTrue(e.getMessage().startsWith(file + ": entry 1 (line 1) ends in a carriage return: the file has Windows "
          + "(CR LF) line endings"), e.getMessage());
    }
    Files.writeString(file, "\uFEFF" + text, StandardCharsets.UTF_8);
    for (AuditIntegrityException e : verifyAndOpenRefuse(file)) {
      assertEquals(1, e.sequence());
      assertTrue(e.getMessage().startsWith(file + ": entry 1 (line 1) starts with a byte order mark"), e.getMessage());
    }
    Files.write(file, clean);
    assertEquals(3, FileAuditLog.verify(file, key, Optional.empty()).entries());
  }

  /**
   * A line break added to the log ({@code echo >> audit.jsonl}, an editor) leaves an empty line, which verify and open
   * had called "not a JSON object": the service refused to start over a log whose entries were all intact.
   */
  @Test
  void anEmptyLineIsNamedAsSuchAndTheEntriesAroundItMayBeIntact() throws Exception {
    Path file = logWith(3);
    byte[] clean = Files.readAllBytes(file);
    Files.writeString(file, "\n", StandardOpenOption.APPEND);
    for (AuditIntegrityException e : verifyAndOpenRefuse(file)) {
      assertEquals(4, e.sequence());
      assertTrue(e.getMessage().startsWith(file + ": entry 4 (line 4) is empty, where every line of the log is an "
          + "entry: a line break was added"), e.getMessage());
    }
    List<String> lines = lines(file);
    lines.set(1, lines.get(1) + "\n  ");
    write(file, lines.subList(0, 3));
    assertTrue(assertThrows(AuditIntegrityException.class, () -> FileAuditLog.verify(file, key, Optional.empty()))
        .getMessage().startsWith(file + ": entry 3 (line 3) is blank"));
    Files.write(file, clean);
    assertEquals(3, FileAuditLog.verify(file, key, Optional.empty()).entries());
  }

  /**
   * A byte that is not UTF-8 is found at its line, even where it replaces the bytes of a U+FFFD the entry holds: read
   * leniently it became that character again, and the altered file verified.
   */
  @Test
  void aByteThatIsNotUtf8IsRefusedEvenInPlaceOfAReplacementCharacter() throws Exception {
    Path file = dir.resolve("audit.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      log.append(AuditEvent.of("tester", AuditAction.DATA_ACCESS, "case-1"));
      log.append(AuditEvent.of("tester", AuditAction.DATA_ACCESS, "case-\uFFFD"));
    }
    byte[] written = Files.readAllBytes(file);
    byte[] mark = "case-\uFFFD".getBytes(StandardCharsets.UTF_8);
    int at = new String(written, StandardCharsets.ISO_8859_1).indexOf(new String(mark, StandardCharsets.ISO_8859_1));
    byte[] altered = new byte[written.length - 2]; // the 3 bytes of U+FFFD become one byte that is no UTF-8
    System.arraycopy(written, 0, altered, 0, at + 5);
    altered[at + 5] = (byte) 0xFF;
    System.arraycopy(written, at + 8, altered, at + 6, written.length - at - 8);
    Files.write(file, altered);
    int lineStart = new String(altered, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
    for (AuditIntegrityException e : verifyAndOpenRefuse(file)) {
      assertEquals(2, e.sequence());
      assertEquals(file + ": entry 2 (line 2) is not UTF-8 text (byte " + (at + 5 - lineStart + 1) + " of the line is "
          + "not UTF-8), where the log writes UTF-8 alone: the line was edited or damaged", e.getMessage());
    }
  }

  @Test
  void detectsAnEditWithARecomputedHashByTheMissingKey() throws Exception {
    Path file = logWith(4);
    List<String> lines = lines(file);
    AuditChain forger = new AuditChain(newKey());
    List<String> forged = new ArrayList<>();
    for (String ignored : lines) {
      forged.add(forger.seal(AuditEvent.of("tester", AuditAction.DATA_ACCESS, "case-x"), Clock.systemUTC().instant())
          .toJsonLine());
    }
    lines.set(0, forged.get(0));
    write(file, lines);
    AuditIntegrityException e = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.empty()));
    assertEquals(1, e.sequence());
    assertTrue(e.getMessage().contains("HMAC does not verify"), e.getMessage());
  }

  /**
   * The MAC covers the canonical form, which holds no hash of the entry itself: an edited hash member of the last entry
   * is exposed by no successor's prev, and without a checkpoint at hand only recomputing the hash tells it.
   */
  @Test
  void anEditedHashOfTheLastEntryIsDetectedAtThatEntry() throws Exception {
    Path file = logWith(3);
    List<String> lines = lines(file);
    String last = lines.get(2);
    int at = last.indexOf(",\"hash\":\"") + 9;
    lines.set(2, last.substring(0, at) + (last.charAt(at) == '0' ? '1' : '0') + last.substring(at + 1));
    write(file, lines);
    for (AuditIntegrityException e : verifyAndOpenRefuse(file)) {
      assertEquals(3, e.sequence(), e.getMessage());
      assertTrue(e.getMessage().contains("entry 3 (line 3) hash does not match its content"), e.getMessage());
    }
  }

  @Test
  void detectsADeletedEntry() throws Exception {
    Path file = logWith(6);
    List<String> lines = lines(file);
    lines.remove(2);
    write(file, lines);
    assertEquals(3, failingSequence(file, Optional.empty()));
  }

  @Test
  void detectsAnInsertedEntry() throws Exception {
    Path file = logWith(6);
    List<String> lines = lines(file);
    lines.add(4, lines.get(1));
    write(file, lines);
    assertEquals(5, failingSequence(file, Optional.empty()));
  }

  @Test
  void detectsReorderedEntries() throws Exception {
    Path file = logWith(6);
    List<String> lines = lines(file);
    Collections.swap(lines, 1, 2);
    write(file, lines);
    assertEquals(2, failingSequence(file, Optional.empty()));
  }

  /**
   * Each kind of tampering is named at the line where the chain breaks, saying what was found there and what it means:
   * an entry removed, a copy inserted or two entries swapped show a sequence out of place; entries renumbered after a
   * removal, a predecessor that is not theirs; a line re-spaced by hand, text that is not the log's own.
   */
  @Test
  void eachKindOfTamperingIsNamedAtItsLine() throws Exception {
    Path file = logWith(6);
    List<String> clean = lines(file);
    String moved = " was expected (entries were deleted, inserted or reordered here, or this entry's sequence was "
        + "edited)";

    List<String> removed = new ArrayList<>(clean);
    removed.remove(2);
    assertVerifyRefuses(file, removed, 3, "entry 3 (line 3) sequence 4 where 3" + moved);

    List<String> inserted = new ArrayList<>(clean);
    inserted.add(4, clean.get(1));
    assertVerifyRefuses(file, inserted, 5, "entry 5 (line 5) sequence 2 where 5" + moved);

    List<String> swapped = new ArrayList<>(clean);
    Collections.swap(swapped, 1, 2);
    assertVerifyRefuses(file, swapped, 2, "entry 2 (line 2) sequence 3 where 2" + moved);

    List<String> edited = new ArrayList<>(clean);
    edited.set(3, clean.get(3).replace("{\"seq\":4,", "{\"seq\":9,"));
    assertVerifyRefuses(file, edited, 4, "entry 4 (line 4) sequence 9 where 4" + moved);

    List<String> renumbered = new ArrayList<>();
    for (int i = 0; i < clean.size(); i++) {
      if (i != 2) {
        renumbered.add(clean.get(i).replace("{\"seq\":" + (i + 1) + ",", "{\"seq\":" + (renumbered.size() + 1) + ","));
      }
    }
    assertVerifyRefuses(file, renumbered, 3, "entry 3 (line 3) prev hash does not match the hash of entry 2 (an entry "
        + "was inserted, deleted or reordered here)");

    List<String> respaced = new ArrayList<>(clean);
    respaced.set(3, clean.get(3).replace(",\"actor\":", ", \"actor\": "));
    assertVerifyRefuses(file, respaced, 4, "entry 4 (line 4) not in canonical form (the line was edited)");
  }

  private void assertVerifyRefuses(Path file, List<String> lines, long sequence, String message) throws Exception {
    write(file, lines);
    AuditIntegrityException e = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.empty()));
    assertEquals(sequence, e.sequence(), e.getMessage());
    assertEquals(file + ": " + message, e.getMessage());
  }

  @Test
  void detectsTruncationOnlyWithACheckpoint() throws Exception {
    Path file = dir.resolve("audit.log");
    AuditCheckpoint checkpoint;
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      for (int i = 0; i < 6; i++) {
        log.append(AuditEvent.of("t", AuditAction.POLICY_CHANGE, "p" + i));
      }
      checkpoint = log.checkpoint();
    }
    assertEquals(6, checkpoint.sequence());
    AuditCheckpoint exported = AuditCheckpoint.parse("checkpoint.txt", checkpoint.toText());
    List<String> lines = lines(file);
    write(file, lines.subList(0, 4));
    assertEquals(4, FileAuditLog.verify(file, key, Optional.empty()).entries());
    AuditIntegrityException e = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.of(exported)));
    assertEquals(5, e.sequence());
    assertTrue(e.getMessage().contains("entries 5..6 were truncated"), e.getMessage());
  }

  /**
   * A checkpoint vouches for the entries up to its own, not for those written after it: a log cut back to an earlier
   * checkpoint still verifies against that checkpoint, and only the newer one shows the cut, naming the entries
   * missing; a log cut and written again past the newer checkpoint fails at that checkpoint's entry. The CLI's README
   * says so: verify against the newest checkpoint kept.
   */
  @Test
  void aLogCutBackToAnEarlierCheckpointIsCaughtOnlyByANewerOne() throws Exception {
    Path file = dir.resolve("audit.log");
    AuditCheckpoint earlier;
    AuditCheckpoint newer;
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      for (int i = 1; i <= 4; i++) {
        log.append(AuditEvent.of("t", AuditAction.POLICY_CHANGE, "p" + i));
      }
      earlier = log.checkpoint();
    }
    try (FileAuditLog log = FileAuditLog.open(file, key)) { // a second writer, in turn: it continues the chain
      for (int i = 5; i <= 8; i++) {
        log.append(AuditEvent.of("t", AuditAction.POLICY_CHANGE, "p" + i));
      }
      newer = log.checkpoint();
    }
    assertEquals(8, FileAuditLog.verify(file, key, Optional.of(newer)).entries());
    List<String> lines = lines(file);
    write(file, lines.subList(0, 4));
    assertEquals(4, FileAuditLog.verify(file, key, Optional.of(earlier)).entries());
    AuditIntegrityException cut = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.of(newer)));
    assertTrue(cut.getMessage().contains("log ends at sequence 4 but the checkpoint covers 8: entries 5..8 were "
        + "truncated"), cut.getMessage());

    try (FileAuditLog log = FileAuditLog.open(file, key)) { // the cut log written on: its entries 5..9 are others
      for (int i = 5; i <= 9; i++) {
        log.append(AuditEvent.of("t", AuditAction.POLICY_CHANGE, "q" + i));
      }
    }
    assertEquals(9, FileAuditLog.verify(file, key, Optional.of(earlier)).entries());
    AuditIntegrityException rewritten = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.of(newer)));
    assertEquals(8, rewritten.sequence());
    assertTrue(rewritten.getMessage().contains("entry 8 does not match the checkpoint's head hash"),
        rewritten.getMessage());
  }

  /**
   * One audit key often signs several logs (the service's, the CLI's). A checkpoint of another log under the same key
   * does not match, and the answer had been only "truncated" or "rewritten": a tampering alarm for a checkpoint filed
   * with the wrong log. It still fails, and now says the checkpoint may be another log's.
   */
  @Test
  void aCheckpointOfAnotherLogUnderTheSameKeyFailsSayingItMayBeAnotherLogs() {
    Path service = logWith(3);
    AuditCheckpoint longer;
    AuditCheckpoint shorter;
    try (FileAuditLog cli = FileAuditLog.open(dir.resolve("cli.log"), key)) {
      cli.append(AuditEvent.of("cli", AuditAction.PROPOSAL_GENERATED, "case-9"));
      shorter = cli.checkpoint();
      for (int i = 0; i < 4; i++) {
        cli.append(AuditEvent.of("cli", AuditAction.PROPOSAL_GENERATED, "case-9"));
      }
      longer = cli.checkpoint();
    }
    for (AuditCheckpoint other : List.of(shorter, longer)) {
      String message = assertThrows(AuditIntegrityException.class,
          () -> FileAuditLog.verify(service, key, Optional.of(other))).getMessage();
      assertTrue(message.contains(other == longer ? "entries 4..5 were truncated" : "entry 1 does not match")
          && message.endsWith("or the checkpoint is of " + (other == longer ? "another, longer" : "another")
          + " log kept under this audit key)"), message);
    }
  }

  /**
   * A kept checkpoint that is no checkpoint is the file's problem, named by the file: a part edited (an upper-case
   * hash, a negative sequence) had been named as {@code checkpoint.headHash} or {@code checkpoint.sequence} alone, and
   * a file of checkpoints appended one a day was "not a checkpoint".
   */
  @Test
  void aKeptCheckpointThatIsNoCheckpointIsRefusedNamingItsFile() {
    String text = AuditCheckpoint.sign(4, "ab".repeat(32), key).toText();
    String hash = "ab".repeat(32);
    assertEquals("cp.txt: checkpoint.headHash: must be 64 lower-case hex characters",
        assertThrows(InvalidInputException.class,
            () -> AuditCheckpoint.parse("cp.txt", text.replace(hash, hash.toUpperCase()))).getMessage());
    assertEquals("cp.txt: checkpoint.sequence: -4 is negative", assertThrows(InvalidInputException.class,
        () -> AuditCheckpoint.parse("cp.txt", text.replace(" 4 ", " -4 "))).getMessage());
    String mac = text.substring(text.lastIndexOf(' ') + 1);
    assertEquals("cp.txt: checkpoint.mac: must be 64 lower-case hex characters", assertThrows(
        InvalidInputException.class, () -> AuditCheckpoint.parse("cp.txt", text.replace(mac, mac.substring(1))))
        .getMessage(), "a mac cut short is a damaged file, not a checkpoint that fails to authenticate");
    String two = assertThrows(InvalidInputException.class,
        () -> AuditCheckpoint.parse("cp.txt", text + "\n" + text + "\n")).getMessage();
    assertTrue(two.startsWith("cp.txt: holds 2 lines, where a checkpoint file holds one checkpoint"), two);
    assertEquals(AuditCheckpoint.parse("cp.txt", text), AuditCheckpoint.parse("cp.txt", "\n" + text + "\r\n\n"));
  }

  /**
   * A checkpoint's sequence is written as a checkpoint writes it: its mac is over the number, so {@code 04}, {@code +4}
   * or a full-width {@code ４} had verified as 4, an edited checkpoint file passing as untouched.
   */
  @Test
  void aCheckpointSequenceNotWrittenAsACheckpointWritesItIsRefused() {
    String text = AuditCheckpoint.sign(4, "ab".repeat(32), key).toText();
    assertTrue(AuditCheckpoint.parse("cp.txt", text).isAuthenticUnder(key));
    for (String edited : List.of("04", "+4", "\uFF14", "0004")) {
      assertEquals("cp.txt: checkpoint sequence '" + edited + "' is not written as a checkpoint writes it ('4'): the "
          + "file was edited", assertThrows(InvalidInputException.class,
              () -> AuditCheckpoint.parse("cp.txt", text.replace(" 4 ", " " + edited + " "))).getMessage(), edited);
    }
    String zero = AuditCheckpoint.sign(0, "ab".repeat(32), key).toText();
    assertEquals("cp.txt: checkpoint sequence '00' is not written as a checkpoint writes it ('0'): the file was edited",
        assertThrows(InvalidInputException.class, () -> AuditCheckpoint.parse("cp.txt", zero.replace(" 0 ", " 00 ")))
            .getMessage());
  }

  /**
   * A checkpoint's text is as documented, for a tool other than this one to check a kept checkpoint: {@code
   * fenqi-audit-checkpoint v1 <sequence> <headHash> <mac>}, the mac the lower-hex HMAC-SHA-256 under the audit key of
   * the UTF-8 of {@code fenqi-audit-checkpoint v1 <sequence> <headHash>}; one written by hand that way verifies.
   */
  @Test
  void aCheckpointsTextAndMacAreAsDocumented() throws Exception {
    Path file = logWith(3);
    String head = FileAuditLog.verify(file, key, Optional.empty()).headHash();
    String signed = "fenqi-audit-checkpoint v1 3 " + head;
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(raw, "HmacSHA256"));
    String text = signed + " " + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    assertEquals(text, FileAuditLog.checkpoint(file, key).toText());
    assertEquals(3, FileAuditLog.verify(file, key, Optional.of(AuditCheckpoint.parse("cp.txt", text))).entries());
  }

  /**
   * A stored line is the canonical form as documented: strings escaped minimally, a quote and a backslash with a
   * backslash, a character below U+0020 as {@code &#92;u00XX}, a space and everything else as it is; it reads back.
   * The hex digits are lower-case, as every log so far wrote them: the mac is over these bytes, so upper-case ones
   * ({@code &#92;u001F}, {@code &#92;u000A} for a line break in a note) read back the same text but another line, and
   * every stored entry holding such a character would fail as "not in canonical form" (mutation round 94, N01).
   */
  @Test
  void aStoredLineEscapesItsStringsMinimally() throws Exception {
    Path file = dir.resolve("audit.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      log.append(AuditEvent.of("tester", AuditAction.DATA_ACCESS, "case-1",
          Map.of("note", "a\"b\\c\td\u0010e f/é\u001f\ng")));
    }
    String line = lines(file).get(0);
    assertTrue(line.contains(",\"details\":{\"note\":\"a\\\"b\\\\c\\u0009d\\u0010e f/é\\u001f\\u000ag\"}"), line);
    assertEquals(1, FileAuditLog.verify(file, key, Optional.empty()).entries());
  }

  /**
   * The canonical form sorts details by key whatever map an {@link AuditEntry} is given, so an entry built by hand (a
   * tool re-checking a line) hashes the bytes the log stores.
   */
  @Test
  void anEntrysCanonicalFormSortsItsDetailsByKey() {
    Map<String, String> unsorted = new java.util.LinkedHashMap<>();
    unsorted.put("b", "2");
    unsorted.put("a", "1");
    AuditEntry entry = new AuditEntry(1, Instant.parse("2026-11-25T06:00:00Z"), "t", AuditAction.OTHER, "s", unsorted,
        AuditEntry.GENESIS_HASH, AuditEntry.GENESIS_HASH, AuditEntry.GENESIS_HASH);
    assertEquals("{\"seq\":1,\"time\":\"2026-11-25T06:00:00Z\",\"actor\":\"t\",\"action\":\"OTHER\",\"subject\":\"s\","
        + "\"details\":{\"a\":\"1\",\"b\":\"2\"},\"prev\":\"" + AuditEntry.GENESIS_HASH + "\"}",
        new String(entry.canonicalBytes(), StandardCharsets.UTF_8));
    assertEquals(List.of("a", "b"), List.copyOf(entry.details().keySet()));
    // the first entry is 1: there is no entry 0, which a checkpoint of the empty log names
    assertThrows(IllegalArgumentException.class, () -> new AuditEntry(0, entry.time(), "t", AuditAction.OTHER, "s",
        Map.of(), AuditEntry.GENESIS_HASH, AuditEntry.GENESIS_HASH, AuditEntry.GENESIS_HASH));
  }

  /**
   * A checkpoint signed under another key is refused saying the fault is the checkpoint's: the message, which names
   * the log, had said only "checkpoint at sequence 3 is not authentic under this audit key", sending the reader to an
   * untouched log.
   */
  @Test
  void rejectsACheckpointSignedWithAnotherKey() throws Exception {
    Path file = logWith(3);
    AuditCheckpoint forged = AuditCheckpoint.sign(3, FileAuditLog.verify(file, key, Optional.empty()).headHash(),
        newKey());
    String message = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.of(forged))).getMessage();
    assertTrue(message.contains("checkpoint at sequence 3 is not authentic under this audit key: the checkpoint was "
        + "edited, or made under another audit key (the log itself is not judged by it)"), message);
  }

  @Test
  void crashWithATornLastLineIsRepairedOnOpenKeepingEveryAcknowledgedEntry() throws Exception {
    Path file = logWith(5);
    List<String> acknowledged = lines(file);
    String partial = "{\"seq\":6,\"time\":\"2026-11-25T06:00:00Z\",\"actor\":\"tes";
    Files.write(file, partial.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    AuditIntegrityException torn = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.empty()));
    assertEquals(6, torn.sequence());
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      assertEquals(partial.length(), log.repairedBytes());
      assertEquals(5, log.lastSequence());
      assertEquals(6, log.append(AuditEvent.of("t", AuditAction.SUBMISSION, "case-6")).sequence());
    }
    List<String> after = lines(file);
    assertEquals(acknowledged, after.subList(0, 5));
    assertEquals(6, FileAuditLog.verify(file, key, Optional.empty()).entries());
  }

  /** {@code file} without its last byte, its final newline: the last entry is whole, its line unended. */
  private static void cutFinalNewline(Path file) throws Exception {
    try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - 1);
    }
  }

  /**
   * A crash that lost the final newline alone (the entry's bytes reached the disk, the newline did not) left a whole,
   * verifying entry: open took it for a torn write and cut it off, so an entry whose bytes were all there was lost.
   */
  @Test
  void anEntryThatLostOnlyItsFinalNewlineIsKeptAndTheNewlineRestored() throws Exception {
    Path file = logWith(3);
    List<String> written = lines(file);
    cutFinalNewline(file);
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      assertEquals(0, log.repairedBytes(), "nothing is removed");
      assertEquals(3, log.lastSequence());
      assertEquals(4, log.append(AuditEvent.of("t", AuditAction.SUBMISSION, "case-4")).sequence());
    }
    assertEquals(written, lines(file).subList(0, 3));
    assertEquals(4, FileAuditLog.verify(file, key, Optional.empty()).entries());
  }

  /**
   * Verify, as open, tells a whole last entry that lost only its newline from a torn write: it had called it "a torn
   * write" that opening "repairs", which reads as a loss, while open keeps the entry; and a whole last line that does
   * not verify is named as such, as open refuses it, not as a torn write that opening would remove.
   */
  @Test
  void verifyNamesAnEntryThatLostOnlyItsNewlineAndAWholeLineThatDoesNotVerify() throws Exception {
    Path file = logWith(3);
    List<String> lines = lines(file);
    cutFinalNewline(file);
    AuditIntegrityException lost = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.empty()));
    assertEquals(3, lost.sequence());
    assertTrue(lost.getMessage().contains("entry 3 (line 3) is whole and verifies but lacks its final newline"),
        lost.getMessage());
    assertTrue(lost.getMessage().contains("opening the log for appending restores the newline"), lost.getMessage());
    assertFalse(lost.getMessage().contains("torn"), lost.getMessage());

    Files.writeString(file, String.join("\n", lines).replace("case-3", "case-X"), StandardCharsets.UTF_8);
    AuditIntegrityException edited = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.empty()));
    assertEquals(3, edited.sequence());
    assertTrue(edited.getMessage().contains("without its final newline, but whole"), edited.getMessage());
    assertFalse(edited.getMessage().contains("repairs"), edited.getMessage());

    Files.writeString(file, String.join("\n", lines) + "\n" + lines.get(2).substring(0, 20), StandardCharsets.UTF_8);
    AuditIntegrityException torn = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.empty()));
    assertEquals(4, torn.sequence());
    assertTrue(torn.getMessage().contains("a torn write; opening the log for appending repairs it"), torn.getMessage());

    // an object with more after it is no whole object ({}x): a line cut short, not a whole line that fails to verify
    Files.writeString(file, String.join("\n", lines) + "\n{}x", StandardCharsets.UTF_8);
    AuditIntegrityException trailing = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.empty()));
    assertEquals(file + ": entry 4 (line 4) is incomplete: 3 bytes without a final newline (a torn write; opening the "
        + "log for appending repairs it)", trailing.getMessage());
  }

  /** The newline is back on disk as soon as open returns, before any append: a log opened and closed verifies. */
  @Test
  void theRestoredNewlineIsWrittenByOpenItself() throws Exception {
    Path file = logWith(2);
    long size = Files.size(file);
    cutFinalNewline(file);
    FileAuditLog.open(file, key).close();
    assertEquals(size, Files.size(file));
    assertEquals(2, FileAuditLog.verify(file, key, Optional.empty()).entries());
  }

  /**
   * A last line without its newline that is a whole JSON object but does not verify is no torn write (a crash cuts a
   * line short, and a line cut short is no whole object): it is refused as tampering, not kept, nor cut off unseen.
   */
  @Test
  void aWholeLastLineWithoutNewlineThatDoesNotVerifyIsRefusedNotCutOff() throws Exception {
    Path edited = logWith(3);
    List<String> lines = lines(edited);
    Files.writeString(edited, String.join("\n", lines).replace("case-3", "case-X"), StandardCharsets.UTF_8);
    long size = Files.size(edited);
    AuditIntegrityException e = assertThrows(AuditIntegrityException.class, () -> FileAuditLog.open(edited, key));
    assertEquals(3, e.sequence());
    assertTrue(e.getMessage().contains("without its final newline"), e.getMessage());
    assertEquals(size, Files.size(edited), "the evidence stays");

    Files.writeString(edited, String.join("\n", lines) + "\n" + lines.get(2), StandardCharsets.UTF_8); // a replay
    assertEquals(4, assertThrows(AuditIntegrityException.class, () -> FileAuditLog.open(edited, key)).sequence());
    Files.writeString(edited, String.join("\n", lines) + "\n{}", StandardCharsets.UTF_8);
    assertEquals(4, assertThrows(AuditIntegrityException.class, () -> FileAuditLog.open(edited, key)).sequence());
  }

  @Test
  void refusesToOpenALogWithATamperedCompleteLine() throws Exception {
    Path file = logWith(3);
    List<String> lines = lines(file);
    lines.set(1, lines.get(1).replace("case-2", "case-7"));
    write(file, lines);
    assertEquals(2, assertThrows(AuditIntegrityException.class, () -> FileAuditLog.open(file, key)).sequence());
  }

  @Test
  void aSecondWriterOnTheSameFileIsRefused() {
    Path file = dir.resolve("locked.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      FenqiException e = assertThrows(FenqiException.class, () -> FileAuditLog.open(file, key));
      assertTrue(e.getMessage().contains("already open by another writer"), e.getMessage());
      log.append(AuditEvent.of("t", AuditAction.OTHER, "x"));
    }
    try (FileAuditLog reopened = FileAuditLog.open(file, key)) {
      assertEquals(1, reopened.lastSequence());
    }
  }

  /** {@link SecondWriter} in a child JVM on {@code file}, with {@code more} arguments. */
  private static Process secondWriter(Path file, byte[] rawKey, String... more) throws java.io.IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SecondWriter.class.getName(), file.toString(),
        java.util.Base64.getEncoder().encodeToString(rawKey)));
    command.addAll(List.of(more));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Runs {@link SecondWriter} in a child JVM on {@code file}: its exit code and what it printed. */
  private static String[] secondProcessOpens(Path file, byte[] rawKey) throws Exception {
    Process child = secondWriter(file, rawKey);
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "child JVM did not finish");
    return new String[] {Integer.toString(child.exitValue()), out};
  }

  /**
   * The lock is the operating system's, and POSIX record locks belong to the process: closing any other handle on
   * the file releases them. {@code open} used to verify the file through a second handle, so the lock was gone as soon
   * as the log was open and another process could write beside it (two CLI runs on one log lost one run's entries).
   * A real second process is refused while the log is open — after the log has been read and verified by this one —
   * and opens it once it is closed.
   */
  @Test
  void anotherProcessCannotOpenTheLogWhileItIsOpenEvenAfterItWasRead() throws Exception {
    Path file = dir.resolve("process.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      log.append(AuditEvent.of("t", AuditAction.OTHER, "x"));
      List<AuditEntry> read = new ArrayList<>();
      assertEquals(1, log.read(read::add).lastSequence());
      assertEquals(1, read.size());
      assertEquals(1, log.verify(Optional.empty()).entries());
      String[] refused = secondProcessOpens(file, raw);
      assertEquals("3", refused[0], refused[1]);
      assertTrue(refused[1].endsWith(file + ": the audit log is already open by another writer"), refused[1]);
      log.append(AuditEvent.of("t", AuditAction.OTHER, "y"));
    }
    String[] opened = secondProcessOpens(file, raw);
    assertEquals("0", opened[0], opened[1]);
    assertTrue(opened[1].endsWith("opened at 2"), opened[1]);
  }

  /**
   * A refused open in this JVM, a writer waiting its turn in it, and a by-path verify or read in it, each opened the
   * file and closed it again, and closing any handle drops the process's POSIX lock: another process then opened the
   * log beside the open one, both wrote from the same offset and the file was left with a broken line. None of them may
   * let a second process in.
   */
  @Test
  void nothingThisProcessDoesWithTheOpenLogLetsAnotherProcessIn() throws Exception {
    Path file = dir.resolve("held.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      log.append(AuditEvent.of("t", AuditAction.OTHER, "x"));
      assertThrows(AuditLogBusyException.class, () -> FileAuditLog.open(file, key));
      assertThrows(AuditLogBusyException.class, () -> FileAuditLog.open(file, key, java.time.Duration.ofMillis(120)));
      assertEquals(1, FileAuditLog.verify(file, key, Optional.of(log.checkpoint())).entries());
      List<AuditEntry> read = new ArrayList<>();
      assertEquals(1, FileAuditLog.read(file, key, read::add).entries());
      assertEquals("x", read.get(0).subject());
      String[] refused = secondProcessOpens(file, raw);
      assertEquals("3", refused[0], refused[1]);
      assertTrue(refused[1].endsWith(file + ": the audit log is already open by another writer"), refused[1]);
      log.append(AuditEvent.of("t", AuditAction.OTHER, "y"));
    }
    assertEquals(2, FileAuditLog.verify(file, key, Optional.empty()).entries());
  }

  /**
   * A by-path read of a log not open here holds a handle of its own and closes it at the end; a log opened in this JVM
   * meanwhile (from the read's callback, or from another thread after the read looked for an open log) lost its lock
   * when that handle closed, and a second process opened the log beside it. Such an {@code open} is refused while the
   * read runs, and the log opens once it is done.
   */
  @Test
  void aLogCannotBeOpenedHereWhileAByPathReadHoldsAHandleOnIt() throws Exception {
    Path file = logWith(1);
    List<FileAuditLog> opened = new ArrayList<>();
    List<AuditLogBusyException> refused = new ArrayList<>();
    FileAuditLog.read(file, key, entry -> {
      try {
        opened.add(FileAuditLog.open(file, key));
      } catch (AuditLogBusyException e) {
        refused.add(e);
      }
    });
    for (FileAuditLog log : opened) {
      try (log) {
        String[] second = secondProcessOpens(file, raw);
        assertEquals("3", second[0], "a second process opened the log beside the one open here: " + second[1]);
      }
    }
    assertEquals(file + ": the audit log is being read by path in this process (verify or read); its handle, closed "
        + "when the read ends, would release the writer's lock", refused.get(0).getMessage());
    try (FileAuditLog log = FileAuditLog.open(file, key)) { // the read is over: nothing holds the file
      assertEquals(1, log.lastSequence());
    }
  }

  /**
   * A rotation by copy and truncate (logrotate's {@code copytruncate}) empties the file under the writer. The writer
   * wrote its next entry at its old offset, after a run of NUL bytes, and the log neither verified nor opened again.
   * The append is refused instead, the file is left as the rotation left it, and it opens again as a new log.
   */
  @Test
  void aLogTruncatedUnderTheWriterRefusesAppendsInsteadOfWritingPastTheEnd() throws Exception {
    Path file = dir.resolve("rotated.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      log.append(AuditEvent.of("t", AuditAction.OTHER, "one"));
      long size = Files.size(file);
      Files.copy(file, dir.resolve("rotated.log.1"));
      try (java.nio.channels.FileChannel rotation = java.nio.channels.FileChannel.open(file,
          java.nio.file.StandardOpenOption.WRITE)) {
        rotation.truncate(0);
      }
      Optional<String> before = log.refusal();
      FenqiException refused = assertThrows(FenqiException.class,
          () -> log.append(AuditEvent.of("t", AuditAction.OTHER, "two")));
      assertEquals(Optional.of(refused.getMessage()), before, "refusal() tells it before an append fails on it");
      assertEquals(Optional.of(refused.getMessage()), log.refusal());
      assertEquals(file + ": the file holds 0 bytes where this log ends at byte " + size + " (after entry 1): it was "
          + "truncated or written by another program (a log rotation by copy and truncate?); the log refuses further "
          + "appends until reopened", refused.getMessage());
      assertEquals(0, Files.size(file));
    }
    assertEquals(1, FileAuditLog.verify(dir.resolve("rotated.log.1"), key, Optional.empty()).entries());
    try (FileAuditLog reopened = FileAuditLog.open(file, key)) {
      assertEquals(1, reopened.append(AuditEvent.of("t", AuditAction.OTHER, "two")).sequence());
    }
  }

  /**
   * A line break added to the log under the writer ({@code echo >> audit.log}) fails the next append, and
   * {@code refusal()}, which is to tell it before, said nothing: it took any file longer than the log for a batch
   * being written. Only the batch being written may make it longer, by exactly that batch.
   */
  @Test
  void aLogWrittenByAnotherProgramUnderTheWriterIsARefusalBeforeTheAppendFails() throws Exception {
    Path file = dir.resolve("appended.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      log.append(AuditEvent.of("t", AuditAction.OTHER, "one"));
      long size = Files.size(file);
      Files.writeString(file, "\n", java.nio.file.StandardOpenOption.APPEND);
      Optional<String> before = log.refusal();
      FenqiException refused = assertThrows(FenqiException.class,
          () -> log.append(AuditEvent.of("t", AuditAction.OTHER, "two")));
      assertEquals(file + ": the file holds " + (size + 1) + " bytes where this log ends at byte " + size + " (after "
          + "entry 1): it was truncated or written by another program (a log rotation by copy and truncate?); the log "
          + "refuses further appends until reopened", refused.getMessage());
      assertEquals(Optional.of(refused.getMessage()), before, "refusal() tells it before an append fails on it");
    }
  }

  /** While appenders keep the writer busy, a health check's {@code refusal()} finds nothing wrong with the log. */
  @Test
  void refusalFindsNothingWhileBatchesAreBeingWritten() throws Exception {
    Path file = dir.resolve("busy.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      List<CompletableFuture<List<AuditEntry>>> appends = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        appends.add(log.appendAllAsync(List.of(AuditEvent.of("t", AuditAction.OTHER, "case-" + i))));
        if (i % 10 == 0) {
          assertEquals(Optional.empty(), log.refusal(), "after " + i + " appends");
        }
      }
      appends.forEach(CompletableFuture::join);
      assertEquals(Optional.empty(), log.refusal());
      assertEquals(2000, log.lastSequence());
    }
  }

  /** By path in this JVM, a log open here is still verified with the key the caller gave, not the log's own. */
  /**
   * A log renamed or removed under its writer refuses the next append, saying so: it went on acknowledging entries as
   * durable, into the renamed file, or into a removed one that no name led to (a rotation that renames the log and
   * later deletes old copies lost every entry written since). Renamed, the entries written before are in the new name.
   */
  @Test
  void aLogRenamedOrRemovedUnderTheWriterRefusesAppendsInsteadOfWritingWhereNoNameLeads() throws Exception {
    Path file = dir.resolve("audit.log");
    Path rotated = dir.resolve("audit.log.1");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      log.append(AuditEvent.of("tester", AuditAction.DATA_ACCESS, "case-1"));
      assertEquals(Optional.empty(), log.refusal());
      Files.move(file, rotated);
      Optional<String> before = log.refusal();
      FenqiException renamed = assertThrows(FenqiException.class,
          () -> log.append(AuditEvent.of("tester", AuditAction.DATA_ACCESS, "case-2")));
      assertEquals(Optional.of(renamed.getMessage()), before, "refusal() tells it before an append fails on it");
      assertEquals(file + ": the path no longer names this audit log's file: it was renamed, replaced or removed "
          + "under the writer (a log rotation?); entries up to 1 are in the file that had this name, or were removed "
          + "with it; the log refuses further appends until it is reopened at " + file, renamed.getMessage());
      Files.move(rotated, file); // named again: the refusal stands until it is reopened
      assertEquals(Optional.of(renamed.getMessage()), log.refusal());
      assertThrows(FenqiException.class, () -> log.append(AuditEvent.of("tester", AuditAction.DATA_ACCESS, "c")));
      log.close();
      assertEquals(Optional.of(renamed.getMessage()), log.refusal(), "the failure, not the close, is the reason");
    }
    FileAuditLog closed = FileAuditLog.open(file, key);
    closed.close();
    assertEquals(Optional.of(file + ": the audit log is closed"), closed.refusal());
    assertEquals(1, FileAuditLog.verify(file, key, Optional.empty()).entries());
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      assertEquals(2, log.append(AuditEvent.of("tester", AuditAction.DATA_ACCESS, "case-2")).sequence());
      Files.delete(file);
      FenqiException removed = assertThrows(FenqiException.class,
          () -> log.append(AuditEvent.of("tester", AuditAction.DATA_ACCESS, "case-3")));
      assertTrue(removed.getMessage().contains("entries up to 2 are in the file that had this name, or were removed "
          + "with it"), removed.getMessage());
    }
    try (FileAuditLog log = FileAuditLog.open(file, key)) { // a new log at the name: a new chain
      assertEquals(1, log.append(AuditEvent.of("tester", AuditAction.DATA_ACCESS, "case-1")).sequence());
    }
  }

  @Test
  void aByPathVerifyOfALogOpenHereUsesTheCallersKey() {
    Path file = dir.resolve("keyed.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      log.append(AuditEvent.of("t", AuditAction.OTHER, "x"));
      assertEquals(1, assertThrows(AuditIntegrityException.class,
          () -> FileAuditLog.verify(file, newKey(), Optional.empty())).sequence());
    }
  }

  /**
   * A file channel is closed when a thread reading it is interrupted: a request thread cancelled while it verified the
   * open log closed the log's own channel, every later append failed ("audit write failed ... null") and the lock was
   * gone. Reading the open log is not interruptible; the caller keeps its interrupt status.
   */
  @Test
  void anInterruptedReaderLeavesTheLogWritableAndLocked() throws Exception {
    Path file = dir.resolve("interrupted.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      log.append(AuditEvent.of("t", AuditAction.OTHER, "x"));
      Thread.currentThread().interrupt();
      try {
        assertEquals(1, log.verify(Optional.empty()).entries());
        assertEquals(1, log.read(e -> { }).entries());
        assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt status is kept");
      } finally {
        Thread.interrupted();
      }
      assertEquals(2, log.append(AuditEvent.of("t", AuditAction.OTHER, "y")).sequence());
      String[] refused = secondProcessOpens(file, raw);
      assertEquals("3", refused[0], refused[1]);
    }
    assertEquals(2, FileAuditLog.verify(file, key, Optional.empty()).entries());
  }

  /**
   * Verifying a live log from another process ({@code fenqi audit verify} beside the service): bytes after the last
   * newline are an entry being written while a writer holds the log, and a torn one only when none does.
   */
  @Test
  void anIncompleteTailIsAWriteInProgressWhileAWriterHoldsTheLog() throws Exception {
    Path file = dir.resolve("live.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      log.append(AuditEvent.of("t", AuditAction.OTHER, "x"));
      log.append(AuditEvent.of("t", AuditAction.OTHER, "y"));
    }
    Process writer = secondWriter(file, raw, "hold");
    try {
      java.io.BufferedReader out = new java.io.BufferedReader(
          new java.io.InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("opened at 2", out.readLine(), "the child holds the log");
      Files.write(file, "{\"seq\":3,\"ti".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND); // mid-write
      assertEquals(2, FileAuditLog.verify(file, key, Optional.empty()).entries());
    } finally {
      writer.getOutputStream().close();
      assertTrue(writer.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    }
    AuditIntegrityException torn = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.empty()));
    assertTrue(torn.getMessage().contains("is incomplete"), torn.getMessage());
  }

  /**
   * A writer of this process that this class's registry of open logs does not know — one opened through another class
   * loader (two applications of one server sharing a log) — holds the log as a writer of another process does: the
   * JDK refuses a second lock on the file in one JVM before the system is asked, and verify takes that refusal for a
   * writer, so the bytes after the last newline are an entry being written, not a torn one. Taken for no writer, they
   * were reported as a torn write beside a live one (mutation round 94, M25).
   */
  @Test
  void anIncompleteTailIsAWriteInProgressWhileAWriterOfAnotherClassLoaderHoldsTheLog() throws Exception {
    Path file = logWith(2);
    List<java.net.URL> path = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      path.add(Path.of(entry).toUri().toURL());
    }
    try (java.net.URLClassLoader other = new java.net.URLClassLoader(path.toArray(java.net.URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      Class<?> keys = other.loadClass(AuditKey.class.getName());
      Object otherKey = keys.getMethod("of", byte[].class).invoke(null, (Object) raw);
      Class<?> logs = other.loadClass(FileAuditLog.class.getName());
      assertTrue(logs != FileAuditLog.class, "the writer's class is another loader's");
      try (AutoCloseable writer = (AutoCloseable) logs.getMethod("open", Path.class, keys).invoke(null, file,
          otherKey)) {
        Files.write(file, "{\"seq\":3,\"ti".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertEquals(2, FileAuditLog.verify(file, key, Optional.empty()).entries());
        assertThrows(AuditLogBusyException.class, () -> FileAuditLog.open(file, key));
      }
    }
    AuditIntegrityException torn = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.empty()));
    assertTrue(torn.getMessage().contains("entry 3 (line 3) is incomplete"), torn.getMessage());
  }

  /**
   * A checkpoint by path signs only entries on disk: in the writer's process it is the writer's checkpoint, of its
   * durable part; beside a writer in another process, whose newest lines may not be forced yet, it is refused; with
   * no writer it is made under a shared lock, and a torn last line gets none.
   */
  @Test
  void aCheckpointByPathIsOfDurableEntriesAndRefusedBesideAnotherProcesssWriter() throws Exception {
    Path file = dir.resolve("checkpointed.log");
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      log.append(AuditEvent.of("t", AuditAction.OTHER, "x"));
      assertEquals(log.checkpoint(), FileAuditLog.checkpoint(file, key));
    }
    Process writer = secondWriter(file, raw, "hold");
    try {
      java.io.BufferedReader out = new java.io.BufferedReader(
          new java.io.InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("opened at 1", out.readLine(), "the child holds the log");
      AuditLogBusyException busy = assertThrows(AuditLogBusyException.class, () -> FileAuditLog.checkpoint(file, key));
      assertTrue(busy.getMessage().startsWith(file + ": the audit log is open by a writer in another process"),
          busy.getMessage());
    } finally {
      writer.getOutputStream().close();
      assertTrue(writer.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    }
    AuditCheckpoint made = FileAuditLog.checkpoint(file, key);
    assertEquals(1, made.sequence());
    assertEquals(1, FileAuditLog.verify(file, key, Optional.of(made)).entries());
    try (FileAuditLog reopened = FileAuditLog.open(file, key)) { // the checkpoint's handle held no lock back
      assertEquals(made, reopened.checkpoint());
    }
    Files.write(file, "{\"seq\":2,\"ti".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    assertEquals(2, assertThrows(AuditIntegrityException.class, () -> FileAuditLog.checkpoint(file, key)).sequence());
    assertThrows(InvalidInputException.class, () -> FileAuditLog.checkpoint(dir.resolve("none.log"), key));
  }

  /** Short-lived writers sharing a log (CLI runs in parallel) take turns: the second waits, then appends to the chain. */
  @Test
  void aWriterThatWaitsGetsTheLogOnceTheFirstClosesIt() throws Exception {
    Path file = dir.resolve("shared.log");
    FileAuditLog first = FileAuditLog.open(file, key);
    first.append(AuditEvent.of("first", AuditAction.OTHER, "x"));
    FenqiException impatient = assertThrows(FenqiException.class,
        () -> FileAuditLog.open(file, key, java.time.Duration.ofMillis(200)));
    assertEquals(file + ": the audit log is still open by another writer after waiting 200 ms; a writer that keeps it "
        + "open (a service) does not let go: give each such writer its own log file, or try again once it closes",
        impatient.getMessage());
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<Long> second = other.submit(() -> {
        try (FileAuditLog log = FileAuditLog.open(file, key, java.time.Duration.ofSeconds(20))) {
          log.append(AuditEvent.of("second", AuditAction.OTHER, "y"));
          return log.lastSequence();
        }
      });
      Thread.sleep(300);
      assertFalse(second.isDone(), "the second writer must wait while the first holds the log");
      first.close();
      assertEquals(2, second.get(20, java.util.concurrent.TimeUnit.SECONDS));
    } finally {
      first.close();
      other.shutdownNow();
    }
    assertEquals(2, FileAuditLog.verify(file, key, java.util.Optional.empty()).entries());
  }

  @Test
  void concurrentAppendersShareFsyncsAndFormOneChain() throws Exception {
    Path file = dir.resolve("concurrent.log");
    List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    int threads = 8;
    int perThread = 150;
    List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
    try (FileAuditLog log = FileAuditLog.open(file, key, Clock.systemUTC(), List.of(b -> batchSizes.add(b.size())))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            acknowledged.add(log.append(AuditEvent.of("thread-" + id, AuditAction.DATA_ACCESS, "case-" + i))
                .sequence());
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertEquals(threads * perThread, log.verify(Optional.of(log.checkpoint())).entries());
    }
    assertEquals(threads * perThread, batchSizes.stream().mapToInt(Integer::intValue).sum());
    assertTrue(batchSizes.size() < threads * perThread, "no batch held more than one entry: " + batchSizes.size());
    assertEquals(threads * perThread, FileAuditLog.verify(file, key, Optional.empty()).entries());
    // every append acknowledged once, at its own sequence, without gaps; every event in the file once
    assertEquals(java.util.stream.LongStream.rangeClosed(1, threads * perThread).boxed().toList(),
        acknowledged.stream().sorted().toList());
    List<String> written = new ArrayList<>();
    FileAuditLog.read(file, key, e -> written.add(e.actor() + "/" + e.subject()));
    assertEquals(threads * perThread, new java.util.HashSet<>(written).size(), "an event written twice or lost");
  }

  @Test
  void sinksReceiveEveryDurableEntryInOrder() {
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    AuditSink failing = b -> {
      throw new IllegalStateException("WORM store down");
    };
    try (FileAuditLog log = FileAuditLog.open(dir.resolve("s.log"), key, Clock.systemUTC(),
        List.of(failing, b -> b.forEach(e -> seen.add(e.sequence()))))) {
      log.appendAll(List.of(AuditEvent.of("a", AuditAction.RULE_RELOAD, "rules"),
          AuditEvent.of("a", AuditAction.FRAUD_BLOCK, "case-1")));
      log.append(AuditEvent.of("a", AuditAction.OUTCOME_RECORDED, "case-1"));
    }
    assertEquals(List.of(1L, 2L, 3L), seen);
  }

  /**
   * A sink runs on the log's writer thread, and an append waits for that thread to write it, a close for it to end: a
   * sink that appended (to record its own failure, say) or closed the log waited for itself, and every appender of
   * the log waited with it, forever. Both are refused in the sink, which fails as any sink does; the log goes on.
   */
  @Test
  void aSinkThatAppendsToOrClosesItsOwnLogIsRefusedInsteadOfWaitingForItself() throws Exception {
    var self = new java.util.concurrent.atomic.AtomicReference<FileAuditLog>();
    List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    AuditSink reentrant = batch -> {
      try {
        self.get().append(AuditEvent.of("sink", AuditAction.OTHER, "sink-failed"));
      } catch (FenqiException e) {
        refusals.add(e.getMessage());
      }
      try {
        self.get().close();
      } catch (FenqiException e) {
        refusals.add(e.getMessage());
      }
    };
    FileAuditLog log = FileAuditLog.open(dir.resolve("r.log"), key, Clock.systemUTC(), List.of(reentrant));
    self.set(log);
    // preemptively: the writer waiting for itself hung the test, and closing the log after it hung for ever
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
      assertEquals(1, log.append(AuditEvent.of("a", AuditAction.OTHER, "x")).sequence());
      assertEquals(2, refusals.size(), refusals.toString());
      assertTrue(refusals.get(0).contains("from an AuditSink"), refusals.get(0));
      assertTrue(refusals.get(1).contains("from an AuditSink"), refusals.get(1));
      assertEquals(2, log.append(AuditEvent.of("a", AuditAction.OTHER, "y")).sequence());
      assertEquals(Optional.empty(), log.refusal());
      log.close();
    });
  }

  @Test
  void appendsAfterCloseAreRefused() {
    FileAuditLog log = FileAuditLog.open(dir.resolve("c.log"), key);
    log.close();
    assertThrows(FenqiException.class, () -> log.append(AuditEvent.of("a", AuditAction.OTHER, "x")));
  }

  /**
   * No entry is longer than {@link AuditEntry#MAX_LINE_BYTES}, so a longer line is not one: a 400 MB file without a
   * newline ran {@code audit verify} out of memory, and {@code open} took any such tail for a torn write and cut it
   * off.
   */
  @Test
  void aLineLongerThanAnyEntryIsRefusedWithoutBufferingItOrCuttingItOff() throws Exception {
    Path file = logWith(2);
    List<String> lines = lines(file);
    byte[] endless = new byte[3 * AuditEntry.MAX_LINE_BYTES];
    java.util.Arrays.fill(endless, (byte) 'a');
    Files.write(file, endless, StandardOpenOption.APPEND);
    long size = Files.size(file);
    AuditIntegrityException verified = assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.empty()));
    assertEquals(3, verified.sequence());
    assertTrue(verified.getMessage().contains("is longer than 1048576 bytes"), verified.getMessage());
    assertEquals(3, assertThrows(AuditIntegrityException.class, () -> FileAuditLog.open(file, key)).sequence());
    assertEquals(size, Files.size(file), "open must not cut off what is not a torn write");

    lines.add(1, "x".repeat(AuditEntry.MAX_LINE_BYTES + 1));
    write(file, lines);
    assertEquals(2, failingSequence(file, Optional.empty()));
    // a line of exactly the limit is within it: read, and refused for what it holds, not for its length
    lines.set(1, "x".repeat(AuditEntry.MAX_LINE_BYTES));
    write(file, lines);
    assertEquals(file + ": entry 2 (line 2) is not valid JSON", assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, key, Optional.empty())).getMessage());
  }

  /** The limit is the same on both sides: the longest event accepted is written and read back. */
  @Test
  void eventsUpToTheEntryLimitAreWrittenAndReadBackAndLongerOnesRefused() {
    String escaped = "\u0001".repeat(170_000); // each stored as a six-byte escape: 1 020 000 bytes
    String plain = "x".repeat(1_040_000);
    try (FileAuditLog log = FileAuditLog.open(dir.resolve("big.log"), key)) {
      log.append(AuditEvent.of("t", AuditAction.OTHER, "case-1", Map.of("note", escaped)));
      log.append(AuditEvent.of("t", AuditAction.OTHER, "case-2", Map.of("note", plain)));
      assertEquals(2, log.verify(Optional.empty()).entries());
    }
    assertEquals(2, FileAuditLog.verify(dir.resolve("big.log"), key, Optional.empty()).entries());
    io.github.fenqi.core.InvalidInputException tooBig = assertThrows(io.github.fenqi.core.InvalidInputException.class,
        () -> AuditEvent.of("t", AuditAction.OTHER, "case-3", Map.of("a", "b", "note", escaped + escaped)));
    assertTrue(tooBig.getMessage().startsWith("details.note: the audit entry would take 2040"), tooBig.getMessage());
    io.github.fenqi.core.InvalidInputException subject = assertThrows(io.github.fenqi.core.InvalidInputException.class,
        () -> AuditEvent.of("t", AuditAction.OTHER, "x".repeat(AuditEntry.MAX_LINE_BYTES)));
    assertEquals("subject", subject.problems().get(0).location(), "the longest part is named");
    // an actor of spaces alone names no one
    assertEquals("actor", assertThrows(io.github.fenqi.core.InvalidInputException.class,
        () -> AuditEvent.of(" \t", AuditAction.OTHER, "case-1")).problems().get(0).location());
  }

  /**
   * The longest event accepted, found by search, fits the limit as an entry at the last instant an entry may carry
   * (9999) and a sequence of more digits than any test writes: written, it reads back, so no accepted event makes a
   * line the reader refuses. One more character is refused.
   */
  @Test
  void theLongestEventAcceptedIsAnEntryWithinTheLimit() {
    int accepted = 1_000_000;
    int refused = AuditEntry.MAX_LINE_BYTES;
    while (refused - accepted > 1) {
      int mid = (accepted + refused) >>> 1;
      try {
        AuditEvent.of("t", AuditAction.OTHER, "s", Map.of("note", "x".repeat(mid)));
        accepted = mid;
      } catch (InvalidInputException tooLong) {
        refused = mid;
      }
    }
    Clock last = Clock.fixed(Instant.parse("9999-12-31T23:59:59.999999999Z"), ZoneOffset.UTC);
    Path file = dir.resolve("longest.log");
    try (FileAuditLog log = FileAuditLog.open(file, key, last, List.of())) {
      for (int i = 0; i < 9; i++) { // entry 10: a sequence of two digits
        log.append(AuditEvent.of("t", AuditAction.OTHER, "s"));
      }
      log.append(AuditEvent.of("t", AuditAction.OTHER, "s", Map.of("note", "x".repeat(accepted))));
    }
    assertEquals(10, FileAuditLog.verify(file, key, Optional.empty()).entries());
    // the longest takes the limit exactly at its longest sequence and time: a character more is a byte over it
    String oneMore = "x".repeat(accepted + 1);
    InvalidInputException over = assertThrows(InvalidInputException.class,
        () -> AuditEvent.of("t", AuditAction.OTHER, "s", Map.of("note", oneMore)));
    assertEquals("details.note: the audit entry would take " + (AuditEntry.MAX_LINE_BYTES + 1) + " bytes, more than "
        + "the " + AuditEntry.MAX_LINE_BYTES + " an entry may take (the log records facts, not documents)",
        over.getMessage());
  }

  /**
   * A hand-edited member is named in the log's terms: an unknown action was reported as "No enum constant
   * io.github.fenqi.core.security.audit.AuditAction.NOPE", a seq beyond the range of a long as the number it wrapped
   * to ("sequence 200376420520689663 where 1 was expected"), a bad hash with the whole value it held.
   */
  @Test
  void aHandEditedMemberIsNamedInTheLogsTerms() throws Exception {
    Path file = logWith(2);
    List<String> lines = lines(file);
    String first = lines.get(0);
    Map<String, String> expected = Map.of(
        first.replace("\"action\":\"DATA_ACCESS\"", "\"action\":\"NOPE\""),
        "entry 1 (line 1) has an unknown action 'NOPE'",
        first.replace("\"seq\":1,", "\"seq\":99999999999999999999999,"), "entry 1 (line 1) has no valid seq",
        first.replace("\"seq\":1,", "\"seq\":0,"), "entry 1 (line 1) has no valid seq",
        first.replaceFirst("\"mac\":\"[0-9a-f]{64}\"", "\"mac\":\"" + "Z".repeat(5000) + "\""),
        "entry 1 (line 1) has a mac that is not 64 lower-case hex characters",
        // a member added, a detail of another type, an unknown action too long to quote whole
        first.replace("\"prev\":", "\"note\":\"ok\",\"prev\":"), "entry 1 (line 1) has an unexpected member 'note'",
        first.replace("\"field\":\"idNumber\"", "\"field\":7"), "entry 1 (line 1) details.field is not a string",
        first.replace("\"action\":\"DATA_ACCESS\"", "\"action\":\"" + "N".repeat(41) + "\""),
        "entry 1 (line 1) has an unknown action '" + "N".repeat(37) + "...'");
    assertEachFirstLineFailsAs(file, lines, expected);
  }

  /**
   * What a hand-edited entry holds is quoted as core quotes a value from outside ({@code Problem.excerpt}): a member's
   * name with a line break in it, or an action's, had been quoted raw, a forged line of its own in a report, and a
   * member's name of 10 000 characters whole; an action was cut at its 40th UTF-16 unit, half an emoji kept.
   */
  @Test
  void whatAnEditedEntryHoldsIsQuotedEscapedAndCut() throws Exception {
    Path file = logWith(2);
    List<String> lines = lines(file);
    String first = lines.get(0);
    Map<String, String> expected = Map.of(
        first.replace("\"prev\":", "\"no\\nOK te\":\"ok\",\"prev\":"),
        "entry 1 (line 1) has an unexpected member 'no\\nOK te'",
        first.replace("\"prev\":", "\"" + "m".repeat(10_000) + "\":\"ok\",\"prev\":"),
        "entry 1 (line 1) has an unexpected member '" + "m".repeat(37) + "...'",
        first.replace("\"action\":\"DATA_ACCESS\"", "\"action\":\"NO\\nOK\""),
        "entry 1 (line 1) has an unknown action 'NO\\nOK'",
        first.replace("\"action\":\"DATA_ACCESS\"", "\"action\":\"" + "N".repeat(36) + "\uD83D\uDE00".repeat(5) + "\""),
        "entry 1 (line 1) has an unknown action '" + "N".repeat(36) + "\uD83D\uDE00...'");
    assertEachFirstLineFailsAs(file, lines, expected);
  }

  /** Each first line of {@code expected}, in place of the log's first, fails verification with its message. */
  private void assertEachFirstLineFailsAs(Path file, List<String> lines, Map<String, String> expected)
      throws Exception {
    for (Map.Entry<String, String> edit : expected.entrySet()) {
      lines.set(0, edit.getKey());
      write(file, lines);
      AuditIntegrityException e = assertThrows(AuditIntegrityException.class,
          () -> FileAuditLog.verify(file, key, Optional.empty()));
      assertEquals(file + ": " + edit.getValue(), e.getMessage());
    }
  }

  /**
   * A clock or a sink that throws where the writer thread calls it killed that thread: the append waited forever, and
   * so did every later one. Now the appenders are told, the log refuses further appends, and reopening it serves again.
   */
  @Test
  void aThrowingClockOrSinkFailsTheAppendsInsteadOfHangingThem() {
    Clock broken = InMemoryAuditLogTest.failing(n -> true);
    AuditSink asserting = b -> {
      throw new AssertionError("sink invariant");
    };
    Path file = dir.resolve("writer.log");
    java.time.Duration patience = java.time.Duration.ofSeconds(20);
    try (FileAuditLog log = FileAuditLog.open(file, key, broken, List.of())) {
      FenqiException first = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(patience,
          () -> assertThrows(FenqiException.class, () -> log.append(AuditEvent.of("t", AuditAction.OTHER, "x"))));
      assertTrue(first.getMessage().contains("clock source unavailable"), first.getMessage());
      assertTrue(first.getMessage().contains("entries up to 0 are durable"), first.getMessage());
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(patience,
          () -> assertThrows(FenqiException.class, () -> log.append(AuditEvent.of("t", AuditAction.OTHER, "y"))));
    }
    try (FileAuditLog log = FileAuditLog.open(file, key, Clock.systemUTC(), List.of(asserting))) {
      FenqiException sunk = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(patience,
          () -> assertThrows(FenqiException.class, () -> log.append(AuditEvent.of("t", AuditAction.OTHER, "z"))));
      assertTrue(sunk.getMessage().contains("entries up to 1 are durable"), sunk.getMessage());
    }
    try (FileAuditLog log = FileAuditLog.open(file, key)) {
      assertEquals(2, log.append(AuditEvent.of("t", AuditAction.OTHER, "w")).sequence());
    }
    assertEquals(2, FileAuditLog.verify(file, key, Optional.empty()).entries());
  }

  /** NIO's message for a missing directory is the bare path: "cannot open the audit log: /tmp/…/missing/audit.log". */
  @Test
  void aLogInAMissingDirectoryNamesTheDirectory() {
    Path file = dir.resolve("missing").resolve("audit.log");
    FenqiException e = assertThrows(FenqiException.class, () -> FileAuditLog.open(file, key));
    assertEquals(file + ": cannot open the audit log: its directory " + file.getParent().toAbsolutePath()
        + " does not exist", e.getMessage());
  }

  @Test
  void wrongKeyFailsAtTheFirstEntry() throws Exception {
    Path file = logWith(2);
    assertEquals(1, assertThrows(AuditIntegrityException.class,
        () -> FileAuditLog.verify(file, newKey(), Optional.empty())).sequence());
  }

  /**
   * An entry's time is ISO-8601 UTC with four digits of year: a clock reading past 9999 had been written as
   * {@code +12026-…}, which verified and opened. Now the writer refuses to seal it, writing nothing, and a stored
   * line with such a time (re-sealed under the key, so its hash and mac verify) is refused naming its line and field.
   */
  @Test
  void aTimeWithAnExpandedYearIsNeitherWrittenNorReadBack() throws Exception {
    Instant far = Instant.parse("2026-12-04T06:00:00Z").plus(java.time.Duration.ofDays(365L * 10_000));
    Path file = dir.resolve("far.log");
    try (FileAuditLog log = FileAuditLog.open(file, key, Clock.fixed(far, ZoneOffset.UTC), List.of())) {
      FenqiException e = assertThrows(FenqiException.class,
          () -> log.append(AuditEvent.of("t", AuditAction.OTHER, "x")));
      assertTrue(e.getMessage().contains("time: " + far + " is outside the years 0000 to 9999"), e.getMessage());
    }
    assertEquals(0, Files.size(file));
    Path near = logWith(2);
    List<String> lines = lines(near);
    String first = lines.get(0);
    String time = first.substring(first.indexOf("\"time\":\"") + 8, first.indexOf("\",\"actor\""));
    lines.set(0, resealed(first.replace(time, "+1" + time)));
    lines.set(1, resealed(lines.get(1).replaceFirst("\"prev\":\"[0-9a-f]{64}\"",
        "\"prev\":\"" + hashOf(lines.get(0)) + "\"")));
    write(near, lines);
    for (AuditIntegrityException refused : verifyAndOpenRefuse(near)) {
      assertEquals(1, refused.sequence());
      assertTrue(refused.getMessage().contains("entry 1 (line 1) has an invalid time: '+1" + time + "' is not a valid "
          + "instant YYYY-MM-DDTHH:MM:SSZ (ISO-8601, UTC): the year is four digits without a sign"),
          refused.getMessage());
    }
  }

  /** {@code line} with its hash and mac made anew under the test's key, for its canonical part as it now stands. */
  private String resealed(String line) throws Exception {
    String canonical = line.substring(0, line.indexOf(",\"hash\":")) + "}";
    byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(raw, "HmacSHA256"));
    HexFormat hex = HexFormat.of();
    return canonical.substring(0, canonical.length() - 1) + ",\"hash\":\""
        + hex.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + "\",\"mac\":\""
        + hex.formatHex(mac.doFinal(bytes)) + "\"}";
  }

  private static String hashOf(String line) {
    int at = line.indexOf(",\"hash\":\"") + 9;
    return line.substring(at, at + 64);
  }

  /**
   * {@code open} makes the log's name durable whoever created the file, before any entry is acknowledged: only an
   * {@code open} that created it synced its directory, so a log file that was already there — made by an {@code open}
   * whose directory sync failed or that was killed before it, by a rival that created it and lost the lock to this
   * writer ({@code open(file, key, wait)} taking its turn), or by {@code touch} — took forced entries under a name a
   * crash could lose with them. Watched with strace in a child JVM: the directory is opened and fsynced.
   */
  @Test
  void openingALogFileThatIsAlreadyThereSyncsItsDirectory() throws Exception {
    Assumptions.assumeTrue(straceWorks(), "strace, to watch the child JVM's system calls");
    Path logs = Files.createDirectory(dir.resolve("logs"));
    Path file = Files.createFile(logs.resolve("audit.log")); // its name not synced by anyone
    List<String> calls = straced("trace=openat,fsync", file);
    String synced = "fsync\\(\\d+<" + java.util.regex.Pattern.quote(logs.toAbsolutePath().toString()) + ">";
    assertTrue(calls.stream().anyMatch(c -> java.util.regex.Pattern.compile(synced).matcher(c).find()),
        "no fsync of " + logs + " among the child's calls:\n" + String.join("\n", calls.stream()
            .filter(c -> c.contains(logs.toString())).toList()));
  }

  /**
   * The system calls {@code calls} (strace's {@code -e} argument) of a {@link SecondWriter} child JVM on {@code file},
   * with {@code more} arguments, each line naming the file of a descriptor ({@code -y}); the child must exit 0.
   */
  private List<String> straced(String calls, Path file, String... more) throws Exception {
    Path trace = Files.createTempFile(dir, "trace", ".txt");
    List<String> command = new ArrayList<>(List.of("strace", "-f", "-y", "-e", calls, "-o", trace.toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), SecondWriter.class.getName(), file.toString(),
        java.util.Base64.getEncoder().encodeToString(raw)));
    command.addAll(List.of(more));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "child JVM did not finish");
    assertEquals(0, child.exitValue(), out);
    return Files.readAllLines(trace);
  }

  /**
   * An append returns only once its line is forced to disk, as the class promises: watched with strace in a child JVM,
   * the log's file is written with the entry, then forced (fdatasync, or fsync), and only after the force has returned
   * does the child print that its append returned. Without the force every test had passed (mutation rounds 74 and
   * 94, "not reachable by a test"): an entry acknowledged as durable could vanish in a crash.
   */
  @Test
  void anAppendReturnsOnlyOnceItsLineIsForcedToDisk() throws Exception {
    Assumptions.assumeTrue(straceWorks(), "strace, to watch the child JVM's system calls");
    Path file = dir.resolve("forced.log");
    List<String> calls = straced("trace=write,pwrite64,fsync,fdatasync", file, "append");
    String log = java.util.regex.Pattern.quote("<" + file.toAbsolutePath() + ">");
    int wrote = firstMatch(calls, 0, "(write|pwrite64)\\(\\d+" + log + ", \"\\{");
    int forceStarts = firstMatch(calls, Math.max(wrote, 0), "(fdatasync|fsync)\\(\\d+" + log);
    int acknowledged = firstMatch(calls, 0, "write\\(1<[^>]*>, \"appended 1");
    String shown = String.join("\n", calls.stream().filter(c -> c.contains(file.toString()) || c.contains("appended"))
        .toList());
    assertTrue(wrote >= 0 && acknowledged >= 0, "no write of the entry, or no acknowledgement, in:\n" + shown);
    assertTrue(forceStarts > wrote, "no force of " + file + " after its entry was written:\n" + shown);
    String pid = calls.get(forceStarts).split(" ")[0];
    int forced = calls.get(forceStarts).contains("<unfinished ...>") // another thread's call came between
        ? firstMatch(calls, forceStarts + 1, "^" + pid + " +<\\.\\.\\. f(data)?sync resumed>") : forceStarts;
    assertTrue(forced >= 0 && forced < acknowledged,
        "the append returned before its force did:\n" + shown);
  }

  /**
   * A write that fails part-way (here a file size limit, as a full disk does) leaves the log as its acknowledged
   * entries wrote it: the bytes of the failed batch that reached the file are cut off again, so the log verifies and
   * reopens without a repair, the failed append and every later one are refused naming the last durable entry. Run in
   * a child JVM under {@code ulimit -f} (the JVM ignores SIGXFSZ, so the write fails with EFBIG). No test had made a
   * write fail: without the cut the log kept a torn line that no crash had made (mutation round 94).
   */
  @Test
  void aWriteThatFailsPartWayLeavesTheAcknowledgedEntriesAloneAndRefusesTheRest() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash, to limit the child's file size");
    Path file = dir.resolve("limited.log");
    List<String> command = new ArrayList<>(List.of("/bin/bash", "-c", "ulimit -f 1 && exec \"$@\"", "bash",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData", "-cp",
        System.getProperty("java.class.path"), SecondWriter.class.getName(), file.toString(),
        java.util.Base64.getEncoder().encodeToString(raw), "fill"));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "child JVM did not finish");
    assertEquals(0, child.exitValue(), out);
    java.util.regex.Matcher acknowledged = java.util.regex.Pattern.compile("acknowledged (\\d+)").matcher(out);
    assertTrue(acknowledged.find(), out);
    long last = Long.parseLong(acknowledged.group(1));
    assertTrue(last >= 1 && last < 100, out); // 1 KiB holds a few entries of some 330 bytes
    String refused = file + ": audit write failed after entry " + last + "; the log refuses further appends until "
        + "reopened: ";
    assertTrue(out.contains("failed: " + refused), out);
    assertTrue(out.contains("then: " + refused), out);
    assertEquals(last, lines(file).size());
    assertEquals('\n', Files.readAllBytes(file)[(int) Files.size(file) - 1]);
    assertEquals(last, FileAuditLog.verify(file, key, Optional.empty()).entries());
    try (FileAuditLog reopened = FileAuditLog.open(file, key)) {
      assertEquals(0, reopened.repairedBytes());
      assertEquals(last, reopened.lastSequence());
    }
  }

  /**
   * The repairs {@code open} makes are forced to disk before it returns, as the entries the writer then appends are:
   * a torn last line cut off (ftruncate, then fsync of the log) and a lost newline restored (its write, then fsync).
   * Watched with strace in a child JVM, which prints {@code opened at} once open has returned. Without either force
   * every test had passed (mutation round 94): a crash right after the repair could bring the torn bytes back, with
   * entries appended after them, or lose the restored newline.
   */
  @Test
  void openForcesItsRepairsToDiskBeforeItReturns() throws Exception {
    Assumptions.assumeTrue(straceWorks(), "strace, to watch the child JVM's system calls");
    Path torn = logWith(2);
    Files.write(torn, "{\"seq\":3,\"ti".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    assertForcedAfter(straced("trace=ftruncate,pwrite64,fsync,fdatasync,write", torn), torn,
        "ftruncate\\(\\d+<" + java.util.regex.Pattern.quote(torn.toAbsolutePath().toString()) + ">, \\d+");
    Path newline = Files.move(torn, dir.resolve("newline.log"));
    cutFinalNewline(newline);
    assertForcedAfter(straced("trace=ftruncate,pwrite64,fsync,fdatasync,write", newline), newline,
        "pwrite64\\(\\d+<" + java.util.regex.Pattern.quote(newline.toAbsolutePath().toString()) + ">, \"\\\\n\"");
  }

  /**
   * That in {@code calls}, after the call {@code repaired} on {@code file}, {@code file} was forced before the child
   * printed {@code opened at}.
   */
  private static void assertForcedAfter(List<String> calls, Path file, String repaired) {
    String shown = String.join("\n", calls.stream().filter(c -> c.contains(file.toString()) || c.contains("opened at"))
        .toList());
    int repair = firstMatch(calls, 0, repaired);
    int opened = firstMatch(calls, 0, "write\\(1<[^>]*>, \"opened at");
    assertTrue(repair >= 0 && opened > repair, "no repair of " + file + " before open returned:\n" + shown);
    int forced = firstMatch(calls, repair, "f(data)?sync\\(\\d+" + java.util.regex.Pattern.quote("<"
        + file.toAbsolutePath() + ">"));
    assertTrue(forced > repair && forced < opened, "the repair of " + file + " was not forced before open returned:\n"
        + shown);
  }

  /** The index of the first of {@code lines} from {@code from} on in which {@code regex} is found, or -1. */
  private static int firstMatch(List<String> lines, int from, String regex) {
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
    for (int i = from; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).find()) {
        return i;
      }
    }
    return -1;
  }

  private static boolean straceWorks() {
    try {
      Process p = new ProcessBuilder("strace", "-o", "/dev/null", "true").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException | InterruptedException e) {
      return false;
    }
  }

  /**
   * Two logs kept under one audit key (a service's and the CLI's) have entries of the same sequences, each signed by
   * that key: the first entries of one followed by the later ones of the other are in sequence and each verifies
   * alone, and only the link to the predecessor's hash tells the splice. Without that check the spliced log verified.
   */
  @Test
  void detectsEntriesSplicedInFromAnotherLogUnderTheSameKey() throws Exception {
    Path service = logWith(4);
    Path cli = dir.resolve("cli.log");
    try (FileAuditLog log = FileAuditLog.open(cli, key)) {
      for (int i = 1; i <= 4; i++) {
        log.append(AuditEvent.of("cli", AuditAction.PROPOSAL_GENERATED, "case-" + i));
      }
    }
    List<String> spliced = new ArrayList<>(lines(service).subList(0, 2));
    spliced.addAll(lines(cli).subList(2, 4));
    write(service, spliced);
    for (AuditIntegrityException e : verifyAndOpenRefuse(service)) {
      assertEquals(3, e.sequence());
      assertTrue(e.getMessage().contains("prev hash does not match the hash of entry 2"), e.getMessage());
    }
  }
}
