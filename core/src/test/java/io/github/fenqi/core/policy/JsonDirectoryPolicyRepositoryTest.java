package io.github.fenqi.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.testkit.Fifos;
import io.github.fenqi.core.testkit.PolicyRepositoryContract;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonDirectoryPolicyRepositoryTest extends PolicyRepositoryContract {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  @TempDir Path dir;
  private JsonDirectoryPolicyRepository repo;

  @Override
  protected PolicyRepository repositoryWithSamples() {
    Samples.copyPolicies(dir);
    repo = JsonDirectoryPolicyRepository.open(dir);
    return repo;
  }

  /** Edits the consumer-finance file (most months 48, then 24) and rescans. */
  @Override
  protected void change(PolicyRepository repo, int n) throws Exception {
    Files.writeString(dir.resolve("demo-consumer-finance.json"), cf().replace("\"max\": 36", n == 1 ? "\"max\": 48"
        : "\"max\": 24"));
    ((JsonDirectoryPolicyRepository) repo).reload();
  }

  @AfterEach
  void close() {
    if (repo != null) {
      repo.close();
    }
  }

  /** The sample policies, opened, and the events a listener added now hears. */
  private List<PolicyEvent> samplesHeard() {
    repositoryWithSamples();
    List<PolicyEvent> events = new CopyOnWriteArrayList<>();
    repo.addListener(events::add);
    return events;
  }

  /** Makes {@code file} one byte over the input limit: a file that cannot be read. */
  private static void oversize(Path file) throws java.io.IOException {
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(io.github.fenqi.core.InputFiles.DEFAULT_MAX_BYTES + 1);
    }
  }

  private static String cf() {
    return new String(Samples.bytes("samples/policies/demo-consumer-finance.json"), StandardCharsets.UTF_8);
  }

  private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + within);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void editedFileIsLiveWithinTwoSecondsWithoutRestart() throws Exception {
    List<PolicyEvent> events = samplesHeard();
    repo.watch(Duration.ofMillis(200));
    Files.writeString(dir.resolve("demo-consumer-finance.json"), cf().replace("\"max\": 36", "\"max\": 48"));
    // listeners are told just after the new snapshot is published, so wait for both
    await(() -> repo.find("demo-consumer-finance", TODAY).orElseThrow().installments().max() == 48
        && events.stream().anyMatch(e -> e instanceof PolicyEvent.PolicyChanged c && c.change() == PolicyEvent.Change.UPDATED),
        Duration.ofSeconds(2));
  }

  /**
   * A listener that overflows its stack, fails an assert, or whose class needs a library that is not there, is a
   * listener that throws:
   * the others are told, and the watch goes on. Such an Error used to escape the scheduled rescan, which the executor
   * then cancelled without a word: every later edit of the directory was ignored until a restart.
   */
  @Test
  void aListenerThatThrowsAnErrorStopsNeitherTheOthersNorTheWatch() throws Exception {
    repositoryWithSamples();
    List<PolicyEvent> events = new CopyOnWriteArrayList<>();
    repo.addListener(e -> {
      throw new StackOverflowError();
    });
    repo.addListener(e -> {
      throw new NoClassDefFoundError("com/example/audit/AuditClient");
    });
    repo.addListener(e -> {
      throw new AssertionError("a listener's own assert");
    });
    repo.addListener(events::add);
    repo.watch(Duration.ofMillis(50));
    // Files.writeString is no atomic write: a slow host may let the watch read the file truncated, a load failure
    // told to the listeners as well, so the changes are counted, not every event
    Files.writeString(dir.resolve("demo-consumer-finance.json"), cf().replace("\"max\": 36", "\"max\": 48"));
    await(() -> changes(events) == 1, Duration.ofSeconds(30));
    Files.writeString(dir.resolve("demo-consumer-finance.json"), cf().replace("\"max\": 36", "\"max\": 24"));
    await(() -> repo.find("demo-consumer-finance", TODAY).orElseThrow().installments().max() == 24
        && changes(events) == 2, Duration.ofSeconds(30));
  }

  private static long changes(List<PolicyEvent> events) {
    return events.stream().filter(PolicyEvent.PolicyChanged.class::isInstance).count();
  }

  @Test
  void brokenFileNeverReplacesTheLastGoodVersionAndListenersAreTold() throws Exception {
    repositoryWithSamples();
    long version = repo.version();
    List<PolicyEvent> events = new CopyOnWriteArrayList<>();
    repo.addListener(events::add);
    Files.writeString(dir.resolve("demo-consumer-finance.json"), cf().replace("\"max\": 36", "\"max\": 7"));
    repo.reload();
    assertEquals(36, repo.find("demo-consumer-finance", TODAY).orElseThrow().installments().max());
    assertEquals(version, repo.version(), "no new snapshot for a broken file");
    assertEquals(1, events.size());
    PolicyEvent.PolicyLoadFailed failed = (PolicyEvent.PolicyLoadFailed) events.get(0);
    assertTrue(failed.problems().get(0).location().endsWith("$.installments.max"), failed.toString());
    assertEquals(1, repo.loadProblems().size());
    // half-written: the first half of a valid file
    String full = cf();
    Files.writeString(dir.resolve("demo-consumer-finance.json"), full.substring(0, full.length() / 2));
    repo.reload();
    assertEquals(36, repo.find("demo-consumer-finance", TODAY).orElseThrow().installments().max());
    // repaired: loads
    Files.writeString(dir.resolve("demo-consumer-finance.json"), full.replace("\"max\": 36", "\"max\": 24"));
    repo.reload();
    assertEquals(24, repo.find("demo-consumer-finance", TODAY).orElseThrow().installments().max());
    assertTrue(repo.loadProblems().isEmpty());
  }

  @Test
  void deletedFileRemovesItsPolicy() throws Exception {
    repositoryWithSamples();
    Files.delete(dir.resolve("demo-online-lender.json"));
    repo.reload();
    assertTrue(repo.find("demo-online-lender", TODAY).isEmpty());
    assertEquals(2, repo.all().size());
  }

  @Test
  void newVersionWithLaterEffectiveDateWinsFromThatDateOnly() throws Exception {
    repositoryWithSamples();
    Files.writeString(dir.resolve("cf-2027.json"), cf().replace("\"version\": \"2026-01-15\"", "\"version\": \"2027-01-01\"")
        .replace("\"effectiveFrom\": \"2026-01-15\"", "\"effectiveFrom\": \"2027-01-01\"").replace("\"max\": 36", "\"max\": 60"));
    repo.reload();
    assertEquals("2026-01-15", repo.find("demo-consumer-finance", TODAY).orElseThrow().version());
    assertEquals("2027-01-01", repo.find("demo-consumer-finance", LocalDate.of(2027, 3, 1)).orElseThrow().version());
    assertEquals(2, repo.history("demo-consumer-finance").size());
  }

  /**
   * A copy of a policy file under another version label, effective the same day: which applied depended on the files'
   * names. The second by name is ignored and named; a strict open refuses the directory.
   */
  @Test
  void aSecondVersionFromTheSameDayIsIgnoredAndNamed() throws Exception {
    repositoryWithSamples();
    Path copy = dir.resolve("demo-consumer-finance.json.copy.json"); // sorts after the original
    Files.writeString(copy, cf().replace("\"version\": \"2026-01-15\"", "\"version\": \"2026-01-15-edit\"")
        .replace("\"max\": 36", "\"max\": 60"));
    repo.reload();
    assertEquals("2026-01-15", repo.find("demo-consumer-finance", TODAY).orElseThrow().version());
    assertEquals(1, repo.history("demo-consumer-finance").size());
    assertEquals(1, repo.loadProblems().size(), repo.loadProblems().toString());
    assertEquals(copy.toString(), repo.loadProblems().get(0).location());
    assertEquals("version '2026-01-15-edit' takes effect on 2026-01-15, the same day as version '2026-01-15' of "
        + "'demo-consumer-finance': which of them applies would be left to chance; give one a later effectiveFrom, or "
        + "keep only one of them; this file is ignored (version '2026-01-15' is file demo-consumer-finance.json)",
        repo.loadProblems().get(0).reason());
    PolicyException strict = assertThrows(PolicyException.class, () -> JsonDirectoryPolicyRepository.openStrict(dir));
    assertTrue(strict.getMessage().contains("same day"), strict.getMessage());
    // a refused directory ignores no file: its problems had said "this file is ignored" while nothing was loaded
    assertEquals(List.of(Problem.of(copy.toString(), "version '2026-01-15-edit' takes effect on 2026-01-15, the same "
        + "day as version '2026-01-15' of 'demo-consumer-finance': which of them applies would be left to chance; give "
        + "one a later effectiveFrom, or keep only one of them (version '2026-01-15' is file demo-consumer-finance.json)")),
        strict.problems());
  }

  /**
   * A strict open refuses a directory with a duplicate version in words that fit a refusal: "ignored, and the terms of
   * demo-consumer-finance.json apply" had been printed by the CLI's plan and policy validate, which then loaded nothing.
   */
  @Test
  void aStrictOpenRefusesADuplicateVersionWithoutCallingItIgnored() throws Exception {
    repositoryWithSamples();
    Files.writeString(dir.resolve("x-copy.json"), cf().replace("\"max\": 36", "\"max\": 60"));
    Files.writeString(dir.resolve("y-copy.json"), cf().replace("\"EQUAL_INSTALLMENT\",", "\"EQUAL_INSTALLMENT\",\n"));
    PolicyException strict = assertThrows(PolicyException.class, () -> JsonDirectoryPolicyRepository.openStrict(dir));
    assertEquals(List.of(
        Problem.of(dir.resolve("x-copy.json").toString(), "duplicates platform 'demo-consumer-finance' version "
            + "'2026-01-15' of file demo-consumer-finance.json, with other terms: give this file another version label "
            + "and effectiveFrom, or remove the one not meant"),
        Problem.of(dir.resolve("y-copy.json").toString(), "duplicates platform 'demo-consumer-finance' version "
            + "'2026-01-15' of file demo-consumer-finance.json, with the same terms: remove one of them")),
        strict.problems());
    // the lenient repository, which does leave them out, still says so
    repo.reload();
    assertTrue(repo.loadProblems().stream().allMatch(p -> p.reason().contains("ignored")), repo.loadProblems().toString());
  }

  /**
   * A file left out as a duplicate label or a second version of its day is told to listeners when it appears, not
   * again on every scan that finds it unchanged (the watch scans twice a second, and the audit log records each).
   */
  @Test
  void aDuplicateAndASecondVersionOfTheDayAreToldOnceNotOnEveryScan() throws Exception {
    List<PolicyEvent> events = samplesHeard();
    Path copy = dir.resolve("x-copy.json");
    Path sameDay = dir.resolve("y-same-day.json");
    Files.writeString(copy, cf().replace("\"max\": 36", "\"max\": 60"));
    Files.writeString(sameDay, cf().replace("\"version\": \"2026-01-15\"", "\"version\": \"2026-01-15-edit\""));
    Path folder = Files.createDirectory(dir.resolve("z-folder.json")); // one that cannot be read, unchanged too
    repo.reload();
    repo.reload();
    repo.reload();
    List<Problem> problems = repo.loadProblems();
    assertEquals(3, problems.size(), problems.toString());
    assertEquals(List.of(new PolicyEvent.PolicyLoadFailed(folder.toString(), List.of(problems.get(2))),
        new PolicyEvent.PolicyLoadFailed(copy.toString(), List.of(problems.get(0))),
        new PolicyEvent.PolicyLoadFailed(sameDay.toString(), List.of(problems.get(1)))), events);
  }

  /** A version label is a platform's own: two platforms may each have a version '2026-01-15', and both load. */
  @Test
  void twoPlatformsMayUseTheSameVersionLabel() throws Exception {
    repositoryWithSamples();
    Files.writeString(dir.resolve("another-lender.json"),
        cf().replace("\"platformId\": \"demo-consumer-finance\"", "\"platformId\": \"another-lender\""));
    repo.reload();
    assertEquals(List.of(), repo.loadProblems());
    assertEquals("2026-01-15", repo.find("another-lender", TODAY).orElseThrow().version());
    assertEquals("2026-01-15", repo.find("demo-consumer-finance", TODAY).orElseThrow().version());
  }

  /** An entry that cannot be read is told again when the reason changes: a file over the limit, now a directory. */
  @Test
  void anUnreadableFileIsToldAgainForANewReason() throws Exception {
    List<PolicyEvent> events = samplesHeard();
    Path big = dir.resolve("big.json");
    oversize(big);
    repo.reload();
    List<Problem> first = repo.loadProblems();
    Files.delete(big);
    Files.createDirectory(big);
    repo.reload();
    List<Problem> second = List.of(Problem.of(big.toString(), "cannot be read: is a directory, not a policy file"));
    assertEquals(second, repo.loadProblems());
    assertEquals(List.of(new PolicyEvent.PolicyLoadFailed(big.toString(), first),
        new PolicyEvent.PolicyLoadFailed(big.toString(), second)), events);
  }

  /**
   * A repository a strict open accepted is live like any other: a duplicate written later is ignored and its problem
   * says so, in the live repository's words, not in the words of a refused directory.
   */
  @Test
  void aDuplicateWrittenAfterAStrictOpenIsToldAsIgnored() throws Exception {
    Samples.copyPolicies(dir);
    repo = JsonDirectoryPolicyRepository.openStrict(dir);
    Files.writeString(dir.resolve("y-copy.json"), cf().replace("\"EQUAL_INSTALLMENT\",", "\"EQUAL_INSTALLMENT\",\n"));
    repo.reload();
    assertEquals(List.of(Problem.of(dir.resolve("y-copy.json").toString(), "duplicates platform 'demo-consumer-finance' "
        + "version '2026-01-15' of file demo-consumer-finance.json, with the same terms; ignored")), repo.loadProblems());
  }

  /**
   * A strict open of an empty directory (a service started before its policies were published) is a live repository
   * from then on: a duplicate written later is ignored, and told so. The first scan had been recognised by the
   * snapshot's version still being 0, which an empty directory's scan leaves it at, so the later scans' problems were
   * worded as the refusal of a directory — "give this file another version label" with no word that the file is
   * ignored and the other file's terms apply.
   */
  @Test
  void aDuplicateWrittenAfterAStrictOpenOfAnEmptyDirectoryIsToldAsIgnored() throws Exception {
    repo = JsonDirectoryPolicyRepository.openStrict(dir);
    Files.writeString(dir.resolve("demo-consumer-finance.json"), cf());
    Files.writeString(dir.resolve("x-copy.json"), cf().replace("\"max\": 36", "\"max\": 60"));
    repo.reload();
    assertEquals(36, repo.find("demo-consumer-finance", TODAY).orElseThrow().installments().max());
    assertEquals(List.of(Problem.of(dir.resolve("x-copy.json").toString(), "duplicates platform "
        + "'demo-consumer-finance' version '2026-01-15' of file demo-consumer-finance.json, with other terms; ignored, "
        + "and the terms of demo-consumer-finance.json apply: give this file another version label and effectiveFrom, "
        + "or remove the one not meant")), repo.loadProblems());
  }

  /**
   * Two files holding one platform and version label: the second by name is ignored. Its problem had said "of an
   * earlier file", so an operator with a directory of files had to find which one, and whether the ignored copy's
   * terms (here 60 months, not 36) were the live ones. It names the loaded file, and says whether the terms differ.
   */
  @Test
  void aDuplicateVersionNamesTheFileLoadedAndWhetherItsTermsDiffer() throws Exception {
    repositoryWithSamples();
    Files.writeString(dir.resolve("x-copy.json"), cf().replace("\"max\": 36", "\"max\": 60"));
    Files.writeString(dir.resolve("y-copy.json"), cf().replace("\"EQUAL_INSTALLMENT\",", "\"EQUAL_INSTALLMENT\",\n"));
    repo.reload();
    assertEquals(36, repo.find("demo-consumer-finance", TODAY).orElseThrow().installments().max());
    assertEquals(List.of(
        Problem.of(dir.resolve("x-copy.json").toString(), "duplicates platform 'demo-consumer-finance' version "
            + "'2026-01-15' of file demo-consumer-finance.json, with other terms; ignored, and the terms of "
            + "demo-consumer-finance.json apply: give this file another version label and effectiveFrom, or remove the "
            + "one not meant"),
        Problem.of(dir.resolve("y-copy.json").toString(), "duplicates platform 'demo-consumer-finance' version "
            + "'2026-01-15' of file demo-consumer-finance.json, with the same terms; ignored")), repo.loadProblems());
  }

  /**
   * A policy file half-overwritten by hand keeps its last good version live; {@link PolicyFiles#write} of that version
   * again does not see the broken file and writes a new one. The live repository kept the broken file's old version
   * (the first file by name) and ignored the operator's fix as a duplicate, while a restart loaded the fix: what was
   * live and what a restart loads differed, and a check by label said the fix was live. A broken file's last good
   * version yields to a valid file holding the same version label.
   */
  @Test
  void aWrittenVersionReplacesTheLastGoodVersionOfABrokenFileThatHeldItLiveAsAfterARestart() throws Exception {
    Path a = dir.resolve("a.json");
    String lender = new String(Samples.bytes("samples/policies/demo-online-lender.json"), StandardCharsets.UTF_8);
    Files.writeString(a, lender);
    repo = JsonDirectoryPolicyRepository.open(dir).watch(Duration.ofMillis(50));
    Files.writeString(a, lender.substring(0, lender.length() / 2)); // a half-written hand edit
    await(() -> !repo.loadProblems().isEmpty(), Duration.ofSeconds(30));
    assertEquals(24, repo.find("demo-online-lender", TODAY).orElseThrow().installments().max(), "the last good version");

    PolicyFiles.Written fix = PolicyFiles.write(dir, lender.replace("\"max\": 24", "\"max\": 12")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(dir.resolve("demo-online-lender--2026-02-01.json"), fix.file(), "a new file: a.json holds no version");
    await(() -> repo.find("demo-online-lender", TODAY).orElseThrow().equals(fix.policy()), Duration.ofSeconds(30));
    try (JsonDirectoryPolicyRepository restarted = JsonDirectoryPolicyRepository.open(dir)) {
      assertEquals(restarted.snapshot().policies(), repo.snapshot().policies());
      assertEquals(restarted.loadProblems(), repo.loadProblems());
    }
  }

  @Test
  void strictOpenRefusesAnInvalidFileListingItsProblems() throws Exception {
    Samples.copyPolicies(dir);
    Files.writeString(dir.resolve("bad.json"), "{\"platformId\": 1}");
    PolicyException e = assertThrows(PolicyException.class, () -> JsonDirectoryPolicyRepository.openStrict(dir));
    assertTrue(e.problems().size() > 5, e.getMessage());
    assertTrue(e.getMessage().contains("bad.json: $.platformId"), e.getMessage());
  }

  @Test
  void missingDirectoryIsAClearError() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> JsonDirectoryPolicyRepository.open(dir.resolve("nope")));
    assertTrue(e.getMessage().endsWith("is not a directory of policy files"));
  }

  /**
   * A file that cannot be read (here over the 64 MB limit, as a sparse file; no permission is the same) was left out
   * with a log line only: loadProblems() said nothing, so a service showing them showed none. A strict open refuses it,
   * once.
   */
  @Test
  void anUnreadableFileIsALoadProblemAndItsLastGoodVersionStaysLive() throws Exception {
    repositoryWithSamples();
    Path cf = dir.resolve("demo-consumer-finance.json");
    oversize(cf);
    repo.reload();
    assertEquals(List.of(Problem.of(cf.toString(), "cannot be read: is larger than 67108864 bytes")), repo.loadProblems());
    assertEquals("2026-01-15", repo.find("demo-consumer-finance", TODAY).orElseThrow().version(), "the last good version");
    PolicyException strict = assertThrows(PolicyException.class, () -> JsonDirectoryPolicyRepository.openStrict(dir));
    assertEquals(repo.loadProblems(), strict.problems());
    Files.writeString(cf, cf());
    repo.reload();
    assertTrue(repo.loadProblems().isEmpty(), repo.loadProblems().toString());
  }

  /**
   * A policy file that is a symbolic link (into a checkout of the policies, say) whose target was moved away had been
   * skipped as if deleted: its platform was gone, loadProblems() said nothing, and a strict open accepted the
   * directory. It is a file that cannot be read, named with its target.
   */
  @Test
  void aSymbolicLinkWhoseTargetIsGoneIsALoadProblemAndItsLastGoodVersionStaysLive() throws Exception {
    Path checkout = Files.createDirectory(dir.resolve("checkout"));
    Path policies = Files.createDirectory(dir.resolve("policies"));
    Path target = checkout.resolve("cf.json");
    Files.writeString(target, cf());
    Path link = Files.createSymbolicLink(policies.resolve("demo-consumer-finance.json"), target);
    repo = JsonDirectoryPolicyRepository.open(policies);
    Files.move(target, checkout.resolve("moved.json"));
    repo.reload();
    List<Problem> expected = List.of(Problem.of(link.toString(),
        "cannot be read: is a link to " + target + ", which does not exist"));
    assertEquals(expected, repo.loadProblems());
    assertEquals("2026-01-15", repo.find("demo-consumer-finance", TODAY).orElseThrow().version(), "the last good version");
    PolicyException strict = assertThrows(PolicyException.class, () -> JsonDirectoryPolicyRepository.openStrict(policies));
    assertEquals(expected, strict.problems());
    Files.move(checkout.resolve("moved.json"), target);
    repo.reload();
    assertTrue(repo.loadProblems().isEmpty(), repo.loadProblems().toString());
  }

  /**
   * A directory or a FIFO named like a policy file had been passed over without a word (the listing kept regular files
   * and dangling links only), so a strict open accepted the directory; a FIFO is now named without being opened —
   * reading one waits for a writer for ever.
   */
  @Test
  @org.junit.jupiter.api.Timeout(value = 20, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aDirectoryOrAPipeNamedLikeAPolicyFileIsALoadProblemNeverOpened() throws Exception {
    Path policies = Files.createDirectory(dir.resolve("policies"));
    Files.writeString(policies.resolve("demo-consumer-finance.json"), cf());
    Path folder = Files.createDirectory(policies.resolve("old.json"));
    Path pipe = Fifos.make(policies.resolve("pipe.json"));
    repo = JsonDirectoryPolicyRepository.open(policies);
    List<Problem> expected = List.of(
        Problem.of(folder.toString(), "cannot be read: is a directory, not a policy file"),
        Problem.of(pipe.toString(), "cannot be read: is a pipe (FIFO), not a policy file"));
    assertEquals(expected, repo.loadProblems());
    assertEquals("2026-01-15", repo.find("demo-consumer-finance", TODAY).orElseThrow().version());
    PolicyException strict = assertThrows(PolicyException.class, () -> JsonDirectoryPolicyRepository.openStrict(policies));
    assertEquals(expected, strict.problems());
  }

  /**
   * A policy saved as {@code x.JSON} or {@code x.Json} (as some Windows tools name it) had been passed over in
   * silence: its lender had no policy while loadProblems() was empty and a strict open accepted the directory. It is
   * a load problem naming the file, told to listeners once, and the rest of the directory loads.
   */
  @Test
  void aPolicyFileNamedWithAnUpperCaseExtensionIsALoadProblem() throws Exception {
    Samples.copyPolicies(dir);
    Path upper = Files.move(dir.resolve("demo-consumer-finance.json"), dir.resolve("demo-consumer-finance.JSON"));
    Path mixed = Files.move(dir.resolve("demo-online-lender.json"), dir.resolve("online.Json"));
    List<Problem> expected = List.of(
        Problem.of(upper.toString(),
            "is not read: a policy file's name ends in .json, in lower case; rename it to demo-consumer-finance.json"),
        Problem.of(mixed.toString(),
            "is not read: a policy file's name ends in .json, in lower case; rename it to online.json"));
    repo = JsonDirectoryPolicyRepository.open(dir);
    assertEquals(expected, repo.loadProblems());
    assertTrue(repo.find("demo-consumer-finance", TODAY).isEmpty());
    assertTrue(repo.find("demo-credit-card", TODAY).isPresent());
    List<PolicyEvent> events = new CopyOnWriteArrayList<>();
    repo.addListener(events::add);
    Files.writeString(upper, cf().replace("\"max\": 36", "\"max\": 48")); // an edit: still not read, not told again
    repo.reload();
    assertEquals(List.of(), events);
    assertEquals(expected, repo.loadProblems());
    PolicyException strict = assertThrows(PolicyException.class, () -> JsonDirectoryPolicyRepository.openStrict(dir));
    assertEquals(expected, strict.problems());
    Files.move(upper, dir.resolve("demo-consumer-finance.json"));
    repo.reload();
    assertEquals(48, repo.find("demo-consumer-finance", TODAY).orElseThrow().installments().max());
    assertEquals(expected.subList(1, 2), repo.loadProblems());
  }

  /**
   * A file that cannot be read was a log line and a load problem, but listeners — the engine's audit log — heard
   * nothing while the platform ran on its last good version. They are told once per reason, not on every scan.
   */
  @Test
  void anUnreadableFileIsToldToListenersOnce() throws Exception {
    List<PolicyEvent> events = samplesHeard();
    Path cf = dir.resolve("demo-consumer-finance.json");
    oversize(cf);
    repo.reload();
    repo.reload();
    assertEquals(List.of(new PolicyEvent.PolicyLoadFailed(cf.toString(), repo.loadProblems())), events);
  }

  /**
   * An entry that cannot be read is told once while it stays; removed and then back, it is a new load problem and
   * told again: the removal had left its reason remembered, and the audit log never heard of the second one.
   */
  @Test
  void anUnreadableFileRemovedAndBackIsToldAgain() throws Exception {
    List<PolicyEvent> events = samplesHeard();
    Path folder = dir.resolve("old.json");
    PolicyEvent told = new PolicyEvent.PolicyLoadFailed(folder.toString(),
        List.of(Problem.of(folder.toString(), "cannot be read: is a directory, not a policy file")));
    Files.createDirectory(folder);
    repo.reload();
    repo.reload();
    assertEquals(List.of(told), events);
    Files.delete(folder);
    repo.reload();
    assertEquals(List.of(), repo.loadProblems());
    Files.createDirectory(folder);
    repo.reload();
    assertEquals(List.of(told, told), events);
  }

  /** A directory removed under a repository had been told as "…/policies: cannot be listed: …/policies". */
  @Test
  void aDirectoryRemovedUnderTheRepositoryIsToldWhyInWords() throws Exception {
    Path policies = Files.createDirectory(dir.resolve("policies"));
    Samples.copyPolicies(policies);
    repo = JsonDirectoryPolicyRepository.open(policies);
    try (java.util.stream.Stream<Path> files = Files.list(policies)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(policies);
    InvalidInputException e = assertThrows(InvalidInputException.class, repo::reload);
    assertEquals(List.of(Problem.of(policies.toString(), "cannot be listed: no such file or directory")), e.problems());
    assertEquals(3, repo.all().size(), "the last good snapshot stays live");
  }

  /**
   * A directory that cannot be listed (unmounted, moved away) keeps the last good snapshot live and is a load problem,
   * told to listeners once, as an unreadable file is: it had been only a log line of the watch, so a service showing
   * {@link JsonDirectoryPolicyRepository#loadProblems} and an audit log fed by the listeners showed nothing while every
   * platform ran on the versions of before, and no edit was seen.
   */
  @Test
  void aDirectoryThatCannotBeListedIsALoadProblemToldToListenersOnce() throws Exception {
    Path policies = Files.createDirectory(dir.resolve("policies"));
    Samples.copyPolicies(policies);
    repo = JsonDirectoryPolicyRepository.open(policies);
    List<PolicyEvent> events = new CopyOnWriteArrayList<>();
    repo.addListener(events::add);
    Path away = Files.move(policies, dir.resolve("away"));
    Problem unlisted = Problem.of(policies.toString(), "cannot be listed: no such file or directory");
    assertThrows(InvalidInputException.class, repo::reload);
    assertThrows(InvalidInputException.class, repo::reload);
    assertEquals(List.of(new PolicyEvent.PolicyLoadFailed(policies.toString(), List.of(unlisted))), events);
    assertEquals(List.of(unlisted), repo.loadProblems());
    assertEquals(3, repo.all().size(), "the last good snapshot stays live");
    Files.move(away, policies);
    repo.reload();
    assertEquals(List.of(), repo.loadProblems());
    assertEquals(1, events.size(), "the directory back as it was changes no policy");
    assertEquals(3, repo.all().size());
  }

  /**
   * Readers run while a file is rewritten hundreds of times: every snapshot has all three platforms, holds
   * only values the writer actually wrote, and versions never go backwards.
   */
  @Test
  void readersAlwaysSeeAConsistentSnapshotWhileFilesChange() throws Exception {
    repositoryWithSamples();
    repo.watch(Duration.ofMillis(5));
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> readers = new java.util.ArrayList<>();
    for (int r = 0; r < 2; r++) {
      readers.add(pool.submit(() -> {
        long lastVersion = 0;
        while (!stop.get()) {
          PolicySnapshot s = repo.snapshot();
          assertTrue(s.version() >= lastVersion, "versions never go backwards");
          lastVersion = s.version();
          assertEquals(3, s.policies().size(), "a snapshot always has every platform");
          int max = s.find("demo-consumer-finance", TODAY).orElseThrow().installments().max();
          assertTrue(max == 36 || max == 48, "only written values: " + max);
          assertEquals(s.policies(), List.copyOf(s.policies()));
        }
        return null;
      }));
    }
    for (int i = 0; i < 150; i++) {
      Files.writeString(dir.resolve("demo-consumer-finance.json"), cf().replace("\"max\": 36", i % 2 == 0 ? "\"max\": 48" : "\"max\": 36"));
      Thread.sleep(2);
    }
    stop.set(true);
    for (Future<?> f : readers) {
      f.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertFalse(repo.all().isEmpty());
  }

  /**
   * A broken file left as it is is told to listeners once, when it breaks, not again on every rescan: the watch scans
   * twice a second, and each scan had re-read, re-validated and re-reported the same bytes to the audit listener.
   */
  @Test
  void aBrokenFileLeftAsItIsIsToldOnceNotOnEveryScan() throws Exception {
    List<PolicyEvent> events = samplesHeard();
    Files.writeString(dir.resolve("demo-consumer-finance.json"), cf().replace("\"max\": 36", "\"max\": 7"));
    repo.reload();
    repo.reload();
    repo.reload();
    assertEquals(1, events.size(), events.toString());
    assertEquals(1, repo.loadProblems().size(), "still named as a load problem");
    Files.writeString(dir.resolve("demo-consumer-finance.json"), cf().replace("\"max\": 36", "\"max\": 8"));
    repo.reload();
    assertEquals(2, events.size(), "broken anew: told again");
  }

  /**
   * When a file breaks while another file holds a version of the same day, the other version loads and the broken
   * file's last good version yields to it, as a restart would load: kept beside it, the two versions of one day had
   * made the snapshot refuse itself and the rescan fail, leaving neither the edit nor the break told.
   */
  @Test
  void aBrokenFilesLastGoodVersionYieldsToAnotherVersionOfItsDay() throws Exception {
    repositoryWithSamples();
    Path copy = dir.resolve("demo-consumer-finance.json.copy.json"); // sorts after the original: ignored while it loads
    Files.writeString(copy, cf().replace("\"version\": \"2026-01-15\"", "\"version\": \"2026-01-15-edit\"")
        .replace("\"max\": 36", "\"max\": 60"));
    repo.reload();
    assertEquals("2026-01-15", repo.find("demo-consumer-finance", TODAY).orElseThrow().version());
    Files.writeString(dir.resolve("demo-consumer-finance.json"), cf().replace("\"max\": 36", "\"max\": 7"));
    repo.reload();
    assertEquals("2026-01-15-edit", repo.find("demo-consumer-finance", TODAY).orElseThrow().version());
    assertEquals(1, repo.history("demo-consumer-finance").size());
    assertEquals(List.of(dir.resolve("demo-consumer-finance.json").toString()),
        repo.loadProblems().stream().map(Problem::location).map(l -> l.substring(0, l.indexOf(": $"))).toList());
  }

  /** Watching again changes nothing: one rescan thread, whichever interval the second call gives, and close ends it. */
  @Test
  void watchingAgainStartsNoSecondRescanThread() throws Exception {
    repositoryWithSamples();
    String name = "fenqi-policy-watch " + dir.getFileName();
    repo.watch(Duration.ofMillis(50));
    repo.watch(Duration.ofMillis(20));
    assertEquals(1, Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).count());
    repo.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive())
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).count(),
        "close ended the one rescan thread");
  }

  /**
   * As for a broken file, so for one that cannot be read (here a folder now stands in its place): its last good
   * version yields to another file's version of the same day, which loads, as a restart would load.
   */
  @Test
  void anUnreadableFilesLastGoodVersionYieldsToAnotherVersionOfItsDay() throws Exception {
    repositoryWithSamples();
    Path copy = dir.resolve("demo-consumer-finance.json.copy.json"); // sorts after the original: ignored while it loads
    Files.writeString(copy, cf().replace("\"version\": \"2026-01-15\"", "\"version\": \"2026-01-15-edit\""));
    repo.reload();
    assertEquals("2026-01-15", repo.find("demo-consumer-finance", TODAY).orElseThrow().version());
    Path original = dir.resolve("demo-consumer-finance.json");
    Files.delete(original);
    Files.createDirectory(original);
    repo.reload();
    assertEquals("2026-01-15-edit", repo.find("demo-consumer-finance", TODAY).orElseThrow().version());
    assertEquals(List.of(Problem.of(original.toString(), "cannot be read: is a directory, not a policy file")),
        repo.loadProblems());
    // readable again with the very bytes it had: it loads again, and the copy of its day yields to it, as at the start
    Files.delete(original);
    Files.writeString(original, cf());
    repo.reload();
    assertEquals("2026-01-15", repo.find("demo-consumer-finance", TODAY).orElseThrow().version());
    assertEquals(List.of(copy.toString()), repo.loadProblems().stream().map(Problem::location).toList());
  }

  /**
   * The repository version counts changes of what is loaded: a directory of files none of which loads is version 0 as
   * an empty one is, whether its files are invalid or cannot be read; the first policy that loads is version 1. One
   * that could not be read had published an empty snapshot as version 1, and a broken one had not, so a service
   * showing the version told the two apart by nothing loaded.
   */
  @Test
  void aDirectoryLoadingNothingIsVersionZeroWhateverItsFilesAre() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path broken = Files.createDirectory(dir.resolve("broken"));
    Files.writeString(broken.resolve("a.json"), "{");
    Path unreadable = Files.createDirectory(dir.resolve("unreadable"));
    Files.createDirectory(unreadable.resolve("a.json"));
    for (Path d : List.of(empty, broken, unreadable)) {
      try (JsonDirectoryPolicyRepository r = JsonDirectoryPolicyRepository.open(d)) {
        assertEquals(0, r.version(), d.getFileName().toString());
        r.reload();
        assertEquals(0, r.version(), d.getFileName().toString() + " rescanned");
        Files.writeString(d.resolve("cf.json"), cf());
        r.reload();
        assertEquals(1, r.version(), d.getFileName().toString() + " with a policy");
        assertEquals(1, r.all().size());
      }
    }
  }
}
