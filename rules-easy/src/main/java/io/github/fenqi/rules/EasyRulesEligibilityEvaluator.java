package io.github.fenqi.rules;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.policy.EligibilityCheck;
import io.github.fenqi.core.policy.EligibilityDecision;
import io.github.fenqi.core.policy.EligibilityEvaluator;
import io.github.fenqi.core.policy.PeriodicReload;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.rules.RuleSetEvent.Change;
import io.github.fenqi.rules.RuleSetEvent.FileChange;
import io.github.fenqi.rules.internal.CompiledRule;
import io.github.fenqi.rules.internal.FactCatalog;
import io.github.fenqi.rules.internal.RuleEvaluation;
import io.github.fenqi.rules.internal.RuleFileReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eligibility from operator-written rule files, run on Easy Rules with MVEL conditions, on top of the policy's
 * own eligibility block ({@link EligibilityEvaluator#declarative()}): a debt is ineligible if the block or any
 * rule says so, and the adjustments of the rules that fired are combined with {@code PolicyAdjustment.and}.
 *
 * <p>Rule files live in one directory: {@code <platformId>.yml} holds the rules of one lender's debts and
 * every {@code _shared*.yml} the rules of all debts ({@code .json} files likewise). Each file is in Easy Rules'
 * YAML rule-definition format, or its JSON format for {@code .json} files (see the module README): name, description, priority, an MVEL condition over the facts {@code debt},
 * {@code borrower}, {@code policy}, {@code asOf} and derived names such as {@code overdueDays}, and actions from
 * a fixed vocabulary ({@code eligible()}, {@code ineligible("CODE", "why")}, {@code capWaiver("interest", 0.3)},
 * {@code maxInstallments(24)}, {@code minDownPayment(0.1)}) which is parsed, never executed. Every condition is
 * checked against an allow-list before MVEL compiles it, so a rule cannot reach a Java method.
 *
 * <p>Every evaluation explains itself: after the block's checks, one {@link EligibilityCheck} per rule — fired
 * (with its reason code, or the rule name for adjustments), not applicable, or not evaluated — with the fact
 * values the condition read.
 *
 * <p>Hot reload: {@link #watch(Duration)} polls the files' contents; an edited file is live once two consecutive polls
 * read the same content (a file caught half-written has changed again by the next poll, so it is not applied), within
 * two intervals plus one scan. A file
 * that fails any check never replaces its last good version; every reload and
 * every rejection is reported to {@link #addListener listeners} with who, what and the version. A rule-file name that
 * is no regular file (a link whose target is gone, a directory, a FIFO) is a file that cannot be read, never opened.
 * What is live is what a fresh {@link #open} loads plus the last good rules of files that do not load now.
 *
 * <p>Thread-safety: thread-safe. Evaluations read one immutable rule-set snapshot, swapped atomically after a
 * scan; scans are serialised, and listeners get their events in version order; compiled conditions are cached in
 * the snapshot.
 */
public final class EasyRulesEligibilityEvaluator implements EligibilityEvaluator, Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(EasyRulesEligibilityEvaluator.class);
  private static final String SHARED_PREFIX = "_shared";
  private static final List<String> SUFFIXES = List.of(".yml", ".json");

  private final Path directory;
  private final EligibilityEvaluator base = EligibilityEvaluator.declarative();
  private final RulesEngine engine = new DefaultRulesEngine();
  private final CopyOnWriteArrayList<RuleSetListener> listeners = new CopyOnWriteArrayList<>();
  /** By name, as a fresh open lists them, so loadProblems() are in the order a restart reports them. */
  private final Map<Path, FileState> files = new TreeMap<>(); // guarded by this
  /** Per file: changed content one watcher poll has read and not yet applied (guarded by this). */
  private final Map<Path, String> unsettled = new HashMap<>();
  private volatile RuleSet ruleSet = new RuleSet(0, Map.of(), new Rules());
  private volatile List<Problem> problems = List.of();
  private @Nullable PeriodicReload watcher; // guarded by this
  /**
   * Held by a scan from before it takes {@code this} until its events are handed over, so listeners get the events of
   * overlapping scans in version order; {@code this} alone is released before the hand-over, so a slow listener does
   * not hold up {@link #watch} or {@link #close}.
   */
  private final Object delivery = new Object();

  /** Per file: the content last seen and the last good rules from it. */
  private record FileState(String sha256, @Nullable List<CompiledRule> good, String goodSha256, List<Problem> problems) {}

  /**
   * One immutable rule set: the Easy Rules form of the rules of every platform with its own file, and of the
   * shared rules alone (for the other platforms). Built once per reload; evaluations read it with one volatile read.
   */
  private record RuleSet(long version, Map<String, Rules> platformRules, Rules sharedRules) {
    Rules rulesFor(String platformId) {
      Rules own = platformRules.get(platformId);
      return own != null ? own : sharedRules;
    }
  }

  private EasyRulesEligibilityEvaluator(Path directory) {
    this.directory = directory;
  }

  /**
   * Loads every rule file of {@code directory}. Invalid files are left out, logged and listed by
   * {@link #loadProblems()}; use {@link #openStrict} to refuse them instead. The {@code listeners} are
   * registered before the first scan, so they see the first load (version 1, every file {@code ADDED}) and any
   * file rejected by it — what an audit of which rules were live needs.
   *
   * @throws InvalidInputException when the directory does not exist or cannot be read
   */
  public static EasyRulesEligibilityEvaluator open(Path directory, RuleSetListener... listeners) {
    if (!Files.isDirectory(directory)) {
      throw new InvalidInputException(directory.toString(), "is not a directory of rule files");
    }
    EasyRulesEligibilityEvaluator e = new EasyRulesEligibilityEvaluator(directory);
    for (RuleSetListener l : listeners) {
      e.addListener(l);
    }
    e.reload();
    return e;
  }

  /**
   * Like {@link #open} but any invalid file is a {@link PolicyException} listing every problem of every file
   * (the listeners have then seen the rejections).
   */
  public static EasyRulesEligibilityEvaluator openStrict(Path directory, RuleSetListener... listeners) {
    EasyRulesEligibilityEvaluator e = open(directory, listeners);
    if (!e.loadProblems().isEmpty()) {
      throw new PolicyException(e.loadProblems());
    }
    return e;
  }

  /**
   * Checks every rule file of {@code directory} without executing anything: parses, checks every condition and
   * action against the allow-list and compiles it. One report per file, in file-name order.
   *
   * @throws InvalidInputException when the directory does not exist or cannot be read
   */
  public static List<RuleFileReport> check(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new InvalidInputException(directory.toString(), "is not a directory of rule files");
    }
    List<RuleFileReport> reports = new ArrayList<>();
    for (Path p : list(directory)) {
      String name = p.getFileName().toString();
      if (!isRuleFile(p)) {
        reports.add(new RuleFileReport(name, List.of(), List.of(misnamed(p))));
        continue;
      }
      try {
        RuleFileReader.Result r = RuleFileReader.read(name, read(p));
        reports.add(new RuleFileReport(name, r.rules().stream().map(CompiledRule::name).toList(), r.problems()));
      } catch (IOException e) {
        reports.add(new RuleFileReport(name, List.of(), List.of(unreadable(p, e))));
      }
    }
    return reports;
  }

  public Path directory() {
    return directory;
  }

  /** The rule-set version: 1 after the first load, increased by every reload that changed something. */
  public long version() {
    return ruleSet.version();
  }

  /** The rules applied to debts of {@code platformId}, as {@code file:name}, in evaluation order. */
  public List<String> ruleNames(String platformId) {
    List<String> names = new ArrayList<>();
    rules(platformId).forEach(r -> names.add(r.getName()));
    return names;
  }

  /**
   * Problems of the files whose latest content was rejected (their last good version, if any, stays live), of rule-file
   * names that are no regular file, and of misnamed files, in file-name order: what a fresh {@link #open} reports.
   */
  public List<Problem> loadProblems() {
    return problems;
  }

  /** Registers a listener of reloads and rejections; close the handle to unregister. */
  public RuleSetListener.Subscription addListener(RuleSetListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> listeners.remove(listener);
  }

  @Override
  public EligibilityDecision evaluate(Debt debt, Borrower borrower, Policy policy, LocalDate asOf) {
    EligibilityDecision block = base.evaluate(debt, borrower, policy, asOf);
    Rules rules = rules(debt.platformId());
    if (rules.isEmpty()) {
      return block;
    }
    Map<String, Object> variables = FactCatalog.variables(debt, borrower, policy, asOf);
    RuleEvaluation evaluation = new RuleEvaluation(variables, policy);
    Facts facts = new Facts();
    variables.forEach(facts::put);
    facts.put(RuleEvaluation.FACT, evaluation);
    engine.fire(rules, facts);
    List<EligibilityCheck> checks = new ArrayList<>(block.checks().size() + evaluation.checks().size());
    checks.addAll(block.checks());
    checks.addAll(evaluation.checks());
    return new EligibilityDecision(debt.id(), debt.platformId(), policy.version(),
        block.eligible() && !evaluation.ineligible(), checks, block.adjustment().and(evaluation.adjustment()));
  }

  private Rules rules(String platformId) {
    return ruleSet.rulesFor(platformId);
  }

  /**
   * Starts polling the directory every {@code interval} on a daemon thread; {@link #close()} stops it. An edit is
   * live once two consecutive polls have read the same content ({@link #poll()}): within two intervals plus one scan.
   * Calling it again changes nothing.
   */
  public synchronized EasyRulesEligibilityEvaluator watch(Duration interval) {
    if (watcher == null) {
      watcher = PeriodicReload.start("fenqi-rules-watch " + directory.getFileName(), interval, () -> scan(true),
          e -> LOG.error("reloading rules from {} failed; keeping the last good rule set", directory, e));
    }
    return this;
  }

  /** {@link #watch(Duration)} every 500 ms: an edit is live within about a second. */
  public EasyRulesEligibilityEvaluator watch() {
    return watch(Duration.ofMillis(500));
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
  }

  /**
   * Scans the directory once and publishes a new rule set if anything changed; a changed file is applied (or
   * rejected) as read. The {@link #watch watcher} is more careful: see {@link #poll()}.
   */
  public void reload() {
    scan(false);
  }

  /**
   * One poll of the watcher: like {@link #reload()}, but a file's changed content is applied (or rejected) only when
   * this poll reads the same content the previous one did. A file caught while it is being written — truncated and
   * not yet refilled, as an editor or {@code cp} leaves it for a moment — is read as a shorter, often still valid
   * file (an empty file is a valid file of no rules); applied, it took the file's rules away until the next poll.
   */
  void poll() {
    scan(true);
  }

  private void scan(boolean settle) {
    // the events are built under this and handed over after it, each scan's in one piece: two scans at once (the
    // watcher's and a reload()) had the later scan's version 3 reach the listeners before version 2, and the audit
    // recorded version 2 as the last reload while version 3 was live
    synchronized (delivery) {
      scanAndDeliver(settle);
    }
  }

  private void scanAndDeliver(boolean settle) {
    List<RuleSetEvent> events = new ArrayList<>();
    synchronized (this) {
      Instant now = Instant.now();
      List<Path> all = list(directory);
      List<Path> paths = all.stream().filter(EasyRulesEligibilityEvaluator::isRuleFile).toList();
      unsettled.keySet().retainAll(paths);
      List<FileChange> changes = new ArrayList<>();
      List<RuleSetEvent.Rejected> rejected = new ArrayList<>();
      for (Path gone : new ArrayList<>(files.keySet())) {
        if (!paths.contains(gone)) {
          FileState old = files.remove(gone);
          if (old.good() != null) {
            changes.add(new FileChange(Change.REMOVED, name(gone), owner(gone), null, List.of()));
          }
        }
      }
      for (Path path : paths) {
        byte[] bytes;
        try {
          bytes = read(path);
        } catch (NoSuchFileException e) {
          FileState old = files.remove(path);
          if (old != null && old.good() != null) {
            changes.add(new FileChange(Change.REMOVED, name(path), owner(path), null, List.of()));
          }
          continue;
        } catch (IOException e) {
          // rejected like an invalid file (keeping whatever we had for it), not silently left out: an oversized or
          // unreadable file would otherwise pass openStrict and never be reported to the listeners
          Problem unreadable = unreadable(path, e);
          FileState old = files.get(path);
          if (old != null && old.sha256().isEmpty() && old.problems().equals(List.of(unreadable))) {
            continue; // already reported
          }
          List<CompiledRule> keep = old == null ? null : old.good();
          files.put(path, new FileState("", keep, old == null ? "" : old.goodSha256(), List.of(unreadable)));
          LOG.warn("rule file {} cannot be read, keeping its last good version ({}): {}", path,
              keep == null ? "none" : keep.size() + " rules", unreadable);
          rejected.add(new RuleSetEvent.Rejected(name(path), owner(path), "", 0, now, List.of(unreadable)));
          continue;
        }
        String hash = sha256(bytes);
        FileState old = files.get(path);
        if (old != null && old.sha256().equals(hash)) {
          unsettled.remove(path);
          continue;
        }
        if (old != null && old.good() != null && old.goodSha256().equals(hash)) {
          // put back as it is live after a rejected edit (or read again after it could not be read): the rules live
          // are the same, so no new version and no UPDATED change; it was reloaded and bumped the version, and
          // anything keyed by version (audit entries, caches) saw a change that was none. Only its problems go.
          unsettled.remove(path);
          files.put(path, new FileState(hash, old.good(), hash, List.of()));
          continue;
        }
        if (settle && !hash.equals(unsettled.put(path, hash))) {
          continue; // first read of this content: applied if the next poll reads it again
        }
        unsettled.remove(path);
        RuleFileReader.Result result = RuleFileReader.read(name(path), bytes);
        if (result.valid()) {
          files.put(path, new FileState(hash, result.rules(), hash, List.of()));
          changes.add(new FileChange(old == null || old.good() == null ? Change.ADDED : Change.UPDATED, name(path),
              owner(path), hash, result.rules().stream().map(CompiledRule::name).toList()));
        } else {
          List<CompiledRule> keep = old == null ? null : old.good();
          files.put(path, new FileState(hash, keep, old == null ? "" : old.goodSha256(), result.problems()));
          LOG.warn("rule file {} is invalid, keeping its last good version ({}): {}", path,
              keep == null ? "none" : keep.size() + " rules", result.problems());
          rejected.add(new RuleSetEvent.Rejected(name(path), owner(path), hash, 0, now, result.problems()));
        }
      }
      List<Problem> current = new ArrayList<>();
      all.stream().filter(p -> !paths.contains(p)).forEach(p -> current.add(misnamed(p)));
      files.values().forEach(s -> current.addAll(s.problems()));
      problems = List.copyOf(current);
      if (!changes.isEmpty() || ruleSet.version() == 0) {
        publish(ruleSet.version() + 1);
        events.add(new RuleSetEvent.Reloaded(ruleSet.version(), now, changes));
      }
      long live = ruleSet.version();
      rejected.forEach(r -> events.add(new RuleSetEvent.Rejected(r.file(), r.owner(), r.sha256(), live, r.at(),
          r.problems())));
    }
    for (RuleSetEvent event : events) {
      for (RuleSetListener l : listeners) {
        try {
          l.onEvent(event);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
          // Errors a listener's own code raises too (an assert, a class of an optional library missing), as the policy
          // repositories' listeners: let through, one was thrown by open() over rules it had loaded, kept the event
          // from the listeners after it (an audit missed the reload), and an AssertionError on the watcher's thread
          // cancelled the rescans for good, in silence
          LOG.warn("rule-set listener {} failed on {}", l, event, e);
        }
      }
    }
  }

  private void publish(long version) {
    List<CompiledRule> shared = new ArrayList<>();
    Map<String, List<CompiledRule>> byPlatform = new LinkedHashMap<>();
    files.forEach((path, state) -> {
      if (state.good() == null) {
        return;
      }
      String file = name(path);
      if (file.startsWith(SHARED_PREFIX)) {
        shared.addAll(state.good());
      } else {
        byPlatform.computeIfAbsent(file.substring(0, file.lastIndexOf('.')), k -> new ArrayList<>()).addAll(state.good());
      }
    });
    Map<String, Rules> platformRules = new LinkedHashMap<>();
    byPlatform.forEach((platform, own) -> platformRules.put(platform, easyRules(shared, own)));
    ruleSet = new RuleSet(version, Map.copyOf(platformRules), easyRules(shared, List.of()));
  }

  private static Rules easyRules(List<CompiledRule> shared, List<CompiledRule> own) {
    Rules rules = new Rules();
    shared.forEach(r -> rules.register(RuleEvaluation.toEasyRule(r)));
    own.forEach(r -> rules.register(RuleEvaluation.toEasyRule(r)));
    return rules;
  }

  /** Why {@code p}, listed with a {@code .yaml} name, is not loaded: it is misnamed, or no file at all. */
  private static Problem misnamed(Path p) {
    Optional<String> notAFile;
    try {
      notAFile = InputFiles.notRegularFile(p, "a rule file");
    } catch (IOException e) {
      notAFile = Optional.empty();
    }
    return Problem.of(name(p), notAFile.orElse("is ignored: rule files are named <platformId>.yml, "
        + "_shared*.yml or the same in .json"));
  }

  /**
   * The bytes of the rule file {@code p}, refusing one that is no regular file with what it is (a link to nothing, a
   * directory, a FIFO) without opening it: opening a FIFO waits for a writer for ever, and the directory had been
   * listed for regular files only, so a link whose target was moved away took its platform's rules away in silence,
   * as if deleted. An entry replaced by a FIFO between this look and the read can still be opened.
   */
  private static byte[] read(Path p) throws IOException {
    Optional<String> notAFile = InputFiles.notRegularFile(p, "a rule file");
    if (notAFile.isPresent()) {
      throw new NotAFile(notAFile.get());
    }
    try {
      return InputFiles.readBounded(p, InputFiles.DEFAULT_MAX_BYTES);
    } catch (NoSuchFileException e) { // a link whose target went since the look is no deleted file
      Optional<String> now = InputFiles.notRegularFile(p, "a rule file");
      if (now.isPresent()) {
        throw new NotAFile(now.get());
      }
      throw e;
    }
  }

  /**
   * Why {@code p} could not be read, in words: what it is when it is no file, the size limit, or the file system's
   * reason (no Java class names).
   */
  private static Problem unreadable(Path p, IOException e) {
    return Problem.of(name(p), e instanceof NotAFile ? e.getMessage() : "cannot be read: " + InputFiles.reason(e));
  }

  /** A rule-file name that is no regular file: its message says what it is ({@link InputFiles#notRegularFile}). */
  private static final class NotAFile extends IOException {
    private static final long serialVersionUID = 1L;

    NotAFile(String what) {
      super(what);
    }
  }

  /**
   * The entries named {@code *.yml}, {@code *.json} or {@code *.yaml} in any case, by name, whatever they are: one
   * that is no regular file is a load problem ({@link #read}), not passed over, and so is a misnamed one ({@code
   * .yaml}, {@code _shared.YML}): a file saved with an upper-case extension had been passed over in silence, its rules
   * not live while {@code check} and {@code openStrict} found nothing wrong.
   */
  private static List<Path> list(Path directory) {
    try (Stream<Path> s = Files.list(directory)) {
      return s.filter(p -> {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return SUFFIXES.stream().anyMatch(n::endsWith) || n.endsWith(".yaml");
      }).sorted().toList();
    } catch (IOException e) {
      throw new InvalidInputException(directory.toString(), "cannot be listed: " + e.getMessage());
    }
  }

  private static boolean isRuleFile(Path p) {
    return SUFFIXES.stream().anyMatch(p.getFileName().toString()::endsWith);
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }

  private static String owner(Path p) {
    try {
      return Files.getOwner(p).getName();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return "unknown";
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
