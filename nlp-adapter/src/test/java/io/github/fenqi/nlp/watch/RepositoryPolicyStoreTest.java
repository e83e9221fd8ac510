package io.github.fenqi.nlp.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyEvent;
import io.github.fenqi.core.testkit.Samples;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.source.HttpPolicySource;
import io.github.fenqi.nlp.source.LoopbackServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The watcher against core's real policy repository: an announcement on a loopback server becomes a policy version. */
class RepositoryPolicyStoreTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final String NOTICE = "<html><body><p>关于信用卡个性化分期的公告：即日起，逾期超过90天的持卡人最长可分48期偿还，"
      + "罚息最高减免百分之五十，本金不予减免。客服热线400-820-8820。</p></body></html>";

  @Test
  void anAutoAppliedAnnouncementBecomesANewValidatedVersionSeenByRepositoryListeners() throws Exception {
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    List<PolicyEvent> events = new ArrayList<>();
    repo.addListener(events::add);
    Policy before = repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow();
    autoApplyOnce(new RepositoryPolicyStore(repo, TODAY, "nlp-watcher"), NOTICE, TODAY);
    Policy after = repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow();
    assertEquals(48, after.installments().max());
    assertEquals(0, new BigDecimal("0.5").compareTo(after.waivers().penaltyInterest().value()));
    assertTrue(after.version().contains("nlp"), after.version());
    assertEquals(before.installments().min(), after.installments().min(), "fields the text does not mention stay");
    assertEquals(1, events.size());
  }

  /**
   * The clock stepped back a day after a change was applied: the next change had been drawn from the older version
   * live on that earlier day and applied as a version effective before the first one's, so once the clock caught up
   * the first was live again and the second, reported APPLIED, was gone. Both stores keep the later day.
   */
  @Test
  void aClockSteppingBackDoesNotLoseTheNextChange(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    Clock yesterday = Clock.offset(TODAY, java.time.Duration.ofDays(-1));
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    new RepositoryPolicyStore(repo, TODAY, "nlp-watcher").apply(change("a", "最长可分48期。", PolicyField.MAX_INSTALLMENTS));
    RepositoryPolicyStore behind = new RepositoryPolicyStore(repo, yesterday, "nlp-watcher");
    assertEquals(48, behind.liveValues("demo-credit-card").get(PolicyField.MAX_INSTALLMENTS), "compared with 48");
    behind.apply(change("b", "最长可分36期。", PolicyField.MAX_INSTALLMENTS));
    assertEquals(36, repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow().installments().max());

    Samples.copyPolicies(dir);
    try (io.github.fenqi.core.policy.JsonDirectoryPolicyRepository files =
        io.github.fenqi.core.policy.JsonDirectoryPolicyRepository.openStrict(dir)) {
      new DirectoryPolicyStore(files, TODAY).apply(change("a", "最长可分48期。", PolicyField.MAX_INSTALLMENTS));
      DirectoryPolicyStore filesBehind = new DirectoryPolicyStore(files, yesterday);
      assertEquals(48, filesBehind.liveValues("demo-credit-card").get(PolicyField.MAX_INSTALLMENTS));
      filesBehind.apply(change("b", "最长可分36期。", PolicyField.MAX_INSTALLMENTS));
      assertEquals(36, files.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow().installments()
          .max());
    }
  }

  /**
   * A change applied at 04:00 in Beijing (20:00 UTC the day before) by stores whose clock is UTC, as the watcher's
   * default is: it had become a version effective the previous Beijing day, a day before the engine, which reads dates
   * in {@link io.github.fenqi.core.NegotiationEngine#CASE_ZONE}, would have seen the text. Both stores date versions in
   * that zone whatever zone the clock carries.
   */
  @Test
  void aChangeBefore0800BeijingIsDatedTheBeijingDayWhateverTheClocksZone(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    Instant beijing0400 = Instant.parse("2026-11-24T20:00:00Z");
    LocalDate beijingDay = LocalDate.of(2026, 11, 25);
    for (ZoneId zone : List.of(ZoneId.of("UTC"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Shanghai"))) {
      Clock clock = Clock.fixed(beijing0400, zone);
      InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
      new RepositoryPolicyStore(repo, clock, "nlp-watcher").apply(change("a", "最长可分48期。", PolicyField.MAX_INSTALLMENTS));
      Policy applied = repo.snapshot().find("demo-credit-card", beijingDay).orElseThrow();
      assertEquals(beijingDay, applied.effectiveFrom(), zone + ": " + applied.version());
      assertTrue(applied.version().startsWith("2026-11-25-nlp-"), zone + ": " + applied.version());

      java.nio.file.Path copy = java.nio.file.Files.createDirectory(dir.resolve(zone.getId().replace('/', '-')));
      Samples.copyPolicies(copy);
      try (io.github.fenqi.core.policy.JsonDirectoryPolicyRepository files =
          io.github.fenqi.core.policy.JsonDirectoryPolicyRepository.openStrict(copy)) {
        DirectoryPolicyStore store = new DirectoryPolicyStore(files, clock);
        store.apply(change("a", "最长可分48期。", PolicyField.MAX_INSTALLMENTS));
        Policy written = files.snapshot().find("demo-credit-card", beijingDay).orElseThrow();
        assertEquals(beijingDay, written.effectiveFrom(), zone + ": " + written.version());
        assertTrue(written.version().startsWith("2026-11-25-nlp-"), zone + ": " + written.version());
        assertEquals(48, store.liveValues("demo-credit-card").get(PolicyField.MAX_INSTALLMENTS), zone.getId());
      }
    }
  }

  /**
   * Texts that extract to a policy core refuses (a least term above the live most, interest charged on an
   * interest-free policy): nothing is applied, the previous version stays live, and the change reported to the
   * listeners (the audit log) and returned to the reviewer says which rule refused it. The reason had only been logged:
   * the audit log and the reviewer saw APPLY_FAILED and nothing else.
   */
  @Test
  void aTextThatMakesAnInvalidPolicyIsRefusedNamingTheRuleAndChangesNothing() {
    Map<String, String> refusals = Map.of("分期期数不得少于72期。", "installments.max: 60 is below min 72",
        "利息照常计算。", "stopsInterest: the text says interest is charged");
    for (Map.Entry<String, String> r : refusals.entrySet()) {
      InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
      List<Policy> history = repo.history("demo-credit-card");
      AnnouncementWatcherTest.Recorder audit = new AnnouncementWatcherTest.Recorder();
      io.github.fenqi.nlp.source.Announcement a = new io.github.fenqi.nlp.source.Announcement("cc-notices", "n1", "",
          r.getKey(), java.net.URI.create("https://example.com/n1"), TODAY.instant());
      for (AnnouncementWatcher.Mode mode : AnnouncementWatcher.Mode.values()) {
        AnnouncementWatcher watcher = AnnouncementWatcher.builder(new RepositoryPolicyStore(repo, TODAY, "nlp-watcher"))
            .source(AnnouncementWatcherTest.fetching("cc-notices", "demo-credit-card", () -> List.of(a)), mode)
            .listener(audit).withoutStateFile().clock(TODAY).build();
        PolicyChange detected = watcher.pollOnce().get(0);
        PolicyChange failed = mode == AnnouncementWatcher.Mode.AUTO_APPLY ? detected : watcher.approve(detected.id());
        assertEquals(PolicyChange.Status.APPLY_FAILED, failed.status(), mode + ": " + r.getKey());
        assertTrue(failed.failure() != null && failed.failure().contains(r.getValue()), mode + ": " + failed.failure());
        PolicyChange told = audit.changes.get(audit.changes.size() - 1);
        assertEquals(failed, told, "the audit log is told the reason too");
        assertEquals(history, repo.history("demo-credit-card"), "nothing applied, not even in part");
        if (mode == AnnouncementWatcher.Mode.REVIEW) {
          assertEquals(List.of(detected), watcher.pendingReview(), "still waiting, without the failure");
        }
      }
    }
  }

  /**
   * A programme that ends (effectiveTo 2026-12-31, nothing after it) changed by an announcement that says nothing of
   * its end: the new version had been open-ended, so the programme ran on for good past the day it was to stop. The
   * draft keeps the base's last day, like every other field the text does not mention.
   */
  @Test
  void aChangeToAProgrammeThatEndsKeepsItsLastDay() {
    String json = new String(Samples.bytes("samples/policies/demo-credit-card.json"), StandardCharsets.UTF_8)
        .replace("\"effectiveTo\": null", "\"effectiveTo\": \"2026-12-31\"");
    Policy ending = new io.github.fenqi.core.policy.PolicyValidator()
        .validate(json.getBytes(StandardCharsets.UTF_8), "demo-credit-card.json").orElseThrow();
    assertEquals(LocalDate.of(2026, 12, 31), ending.effectiveTo());
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(List.of(ending));
    new RepositoryPolicyStore(repo, TODAY, "nlp-watcher").apply(change("a", "最长可分48期。", PolicyField.MAX_INSTALLMENTS));
    Policy live = repo.snapshot().find("demo-credit-card", LocalDate.of(2026, 12, 31)).orElseThrow();
    assertEquals(48, live.installments().max());
    assertEquals(LocalDate.of(2026, 12, 31), live.effectiveTo(), live.toString());
    assertTrue(repo.snapshot().find("demo-credit-card", LocalDate.of(2027, 1, 1)).isEmpty(), "the programme ended");
    assertEquals(null, RepositoryPolicyStore.draft(ending, Map.of(), "after-its-end", LocalDate.of(2027, 1, 5))
        .effectiveTo(), "a draft from after the base's end has none of it");
  }

  /**
   * Two announcements applied the same day: the second, drawn from the first, supersedes it — one version effective
   * today, the later one. (Two versions from one day are refused by the repository; before, both were kept and which
   * applied depended on their labels' order.)
   */
  @Test
  void aSecondAnnouncementOfTheDaySupersedesTheFirst() throws Exception {
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    List<PolicyEvent> events = new ArrayList<>();
    repo.addListener(events::add);
    RepositoryPolicyStore store = new RepositoryPolicyStore(repo, TODAY, "nlp-watcher");
    autoApplyOnce(store, NOTICE, TODAY);
    String first = repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow().version();
    autoApplyOnce(store, NOTICE.replace("最长可分48期", "最长可分60期"), TODAY);
    Policy live = repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow();
    assertEquals(60, live.installments().max());
    assertEquals(0, new BigDecimal("0.5").compareTo(live.waivers().penaltyInterest().value()), "the first's change stays");
    assertEquals(1, repo.history("demo-credit-card").stream()
        .filter(p -> p.effectiveFrom().equals(LocalDate.now(TODAY))).count());
    PolicyEvent.PolicyChanged second = (PolicyEvent.PolicyChanged) events.get(1);
    assertEquals(PolicyEvent.Change.UPDATED, second.change());
    assertEquals(first, second.oldVersion());
    assertEquals(live.version(), second.newVersion());
  }

  /**
   * Two reviewers approving two changes of one platform at once (or a reviewer while the scheduler auto-applies):
   * each is drawn from the live policy and supersedes the version of the day, so unless applies are serialised the
   * second is drawn from the policy before the first and silently undoes it.
   */
  @Test
  void concurrentAppliesToOnePlatformKeepEveryChange() throws Exception {
    PolicyChange longer = change("a", "最长可分48期。", PolicyField.MAX_INSTALLMENTS);
    PolicyChange waiver = change("b", "罚息最高减免50%。", PolicyField.MAX_PENALTY_WAIVER);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 200; round++) {
        InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
        RepositoryPolicyStore store = new RepositoryPolicyStore(repo, TODAY, "nlp-watcher");
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        List<java.util.concurrent.Future<?>> applies = new ArrayList<>();
        for (PolicyChange c : List.of(longer, waiver)) {
          applies.add(pool.submit(() -> {
            together.await();
            store.apply(c);
            return null;
          }));
        }
        for (java.util.concurrent.Future<?> f : applies) {
          f.get();
        }
        Policy live = repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow();
        assertEquals(48, live.installments().max(), "round " + round + ": the change to maxInstallments was lost");
        assertEquals(0, new BigDecimal("0.5").compareTo(live.waivers().penaltyInterest().value()),
            "round " + round + ": the change to maxPenaltyWaiver was lost");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Only a version applied from announcements ({@code <date>-nlp-…}, effective on that date) keeps "today" past the
   * clock's date: an operator's version scheduled for a later day, or one labelled like an applied one whose
   * effectiveFrom was moved, leaves today at the clock's date — the live values are today's, and a change is drawn
   * from today's version and takes effect today, not on the scheduled day.
   */
  @Test
  void aVersionScheduledByHandForALaterDayDoesNotMoveToday() {
    Policy base = sample("demo-credit-card");
    for (Policy later : List.of(
        RepositoryPolicyStore.draft(base, Map.of(PolicyField.MAX_INSTALLMENTS, 60), "2026-12-01",
            LocalDate.of(2026, 12, 1)),
        RepositoryPolicyStore.draft(base, Map.of(PolicyField.MAX_INSTALLMENTS, 60), "2026-11-20-nlp-moved",
            LocalDate.of(2026, 12, 5)))) {
      List<Policy> policies = new ArrayList<>(Samples.policies());
      policies.add(later);
      InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(policies);
      RepositoryPolicyStore store = new RepositoryPolicyStore(repo, TODAY, "nlp-watcher");
      assertEquals(base.installments().max(), store.liveValues("demo-credit-card").get(PolicyField.MAX_INSTALLMENTS),
          later.version());
      store.apply(change("a", "罚息最高减免百分之五十。", PolicyField.MAX_PENALTY_WAIVER));
      Policy applied = repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow();
      assertEquals(LocalDate.now(TODAY), applied.effectiveFrom(), later.version());
      assertEquals("2026-11-25-nlp-a", applied.version(), later.version());
      assertEquals(base.installments().max(), applied.installments().max(), "drawn from today's version");
      assertEquals(later, repo.snapshot().find("demo-credit-card", later.effectiveFrom()).orElseThrow(),
          "the scheduled version stays");
    }
  }

  /**
   * 停息 on a policy charging interest (demo-consumer-finance, 6 % a year by equal installments): the draft is
   * INTEREST_FREE with its annual rate zero, the fields the text does not mention as they were.
   */
  @Test
  void stoppingInterestOnARateChargingPolicyDropsItsRate() {
    Policy base = sample("demo-consumer-finance");
    assertTrue(base.installments().annualRate().value().signum() > 0, "the base charges interest");
    Policy draft = interestStopped(base);
    assertEquals(base.installments().max(), draft.installments().max());
    assertEquals(Boolean.TRUE, RepositoryPolicyStore.values(draft).get(PolicyField.STOPS_INTEREST));
  }

  /**
   * Each field a text can set is the one the draft changes, and values() reads it back from there: a draft setting one
   * field has the base's values with that one replaced (demo-online-lender: 3..24 by 3, a 0.5 % monthly fee).
   */
  @Test
  void aDraftChangesEachFieldWhereValuesReadsIt() {
    Policy base = sample("demo-online-lender");
    Map<PolicyField, Object> proposed = new java.util.EnumMap<>(Map.of(PolicyField.MAX_INSTALLMENTS, 30,
        PolicyField.MIN_INSTALLMENTS, 6, PolicyField.MIN_OVERDUE_DAYS, 120,
        PolicyField.MAX_INTEREST_WAIVER, new BigDecimal("0.3"), PolicyField.MAX_PENALTY_WAIVER, new BigDecimal("0.4"),
        PolicyField.MAX_LATE_FEE_WAIVER, new BigDecimal("0.6"), PolicyField.PRINCIPAL_WAIVER, new BigDecimal("0.1"),
        PolicyField.MIN_DOWN_PAYMENT_RATIO, new BigDecimal("0.15"), PolicyField.REQUIRES_HARDSHIP_PROOF,
        !base.eligibility().requiresHardshipProof(), PolicyField.MONTHLY_FEE_RATE, new BigDecimal("0.004")));
    proposed.put(PolicyField.STOPS_INTEREST, false);
    assertEquals(java.util.EnumSet.allOf(PolicyField.class), proposed.keySet(), "every field is tried");
    for (Map.Entry<PolicyField, Object> one : proposed.entrySet()) {
      Map<PolicyField, Object> want = new java.util.EnumMap<>(RepositoryPolicyStore.values(base));
      want.put(one.getKey(), one.getValue());
      Map<PolicyField, Object> got = RepositoryPolicyStore.values(RepositoryPolicyStore.draft(base,
          Map.of(one.getKey(), one.getValue()), "draft-8", LocalDate.of(2026, 12, 1)));
      assertEquals(want.keySet(), got.keySet(), one.getKey().toString());
      for (PolicyField f : want.keySet()) {
        Object w = want.get(f);
        Object g = got.get(f);
        assertTrue(w instanceof BigDecimal wd && g instanceof BigDecimal gd ? wd.compareTo(gd) == 0 : w.equals(g),
            one.getKey() + " set: " + f + " is " + g + ", expected " + w);
      }
    }
  }

  /** A draft that starts on the base's last day keeps it: the base is in force that day ("kept unless before"). */
  @Test
  void aDraftStartingOnTheBasesLastDayKeepsIt() {
    Policy base = Samples.policies().get(0);
    Policy ending = RepositoryPolicyStore.draft(base, Map.of(), "ending", base.effectiveFrom());
    LocalDate last = LocalDate.of(2026, 12, 31);
    ending = new Policy(ending.schemaVersion(), ending.platformId(), ending.platformName(), ending.productTypes(),
        ending.version(), ending.effectiveFrom(), last, ending.eligibility(), ending.installments(), ending.waivers(),
        ending.downPayment(), ending.legalBasis(), ending.source());
    assertEquals(last, RepositoryPolicyStore.draft(ending, Map.of(), "last-day", last).effectiveTo());
    assertEquals(last, RepositoryPolicyStore.draft(ending, Map.of(), "day-before", last.minusDays(1)).effectiveTo());
  }

  static PolicyChange change(String id, String text, PolicyField field) {
    io.github.fenqi.nlp.ExtractionResult r = io.github.fenqi.nlp.PolicyTextExtractor.create().extract(text);
    io.github.fenqi.nlp.source.Announcement a = new io.github.fenqi.nlp.source.Announcement("cc-notices", id, "", text,
        java.net.URI.create("https://example.com/" + id), TODAY.instant());
    return new PolicyChange(id, "cc-notices", "demo-credit-card", a, r,
        List.of(FieldChange.of(field, null, r.field(field).orElseThrow())), PolicyChange.Status.QUEUED_FOR_REVIEW,
        TODAY.instant());
  }

  /**
   * Serves {@code notice} as demo-credit-card's announcement page on a loopback server and has a watcher in
   * AUTO_APPLY mode over {@code store} poll it once; asserts the one change it makes was applied.
   */
  static void autoApplyOnce(PolicyStore store, String notice, Clock clock) throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.serve("/notice", "text/html; charset=utf-8", notice.getBytes(StandardCharsets.UTF_8));
      AnnouncementWatcher watcher = AnnouncementWatcher.builder(store)
          .source(HttpPolicySource.builder("cc-notices", "demo-credit-card", server.uri("/notice"))
              .readTimeout(Duration.ofSeconds(2)).build(), AnnouncementWatcher.Mode.AUTO_APPLY)
          .withoutStateFile().clock(clock).build();
      List<PolicyChange> changes = watcher.pollOnce();
      assertEquals(1, changes.size());
      assertEquals(PolicyChange.Status.APPLIED, changes.get(0).status(), changes.toString());
    }
  }

  /**
   * A page at 48 months, then 60, then 48 again on one day: the third change is the first's text, so it has the
   * first's id and version label, and still supersedes the version of the day.
   */
  @Test
  void aPageEditedBackTheSameDayBecomesLiveAgain() throws Exception {
    InMemoryPolicyRepository repo = InMemoryPolicyRepository.of(Samples.policies());
    RepositoryPolicyStore store = new RepositoryPolicyStore(repo, TODAY, "nlp-watcher");
    autoApplyOnce(store, NOTICE, TODAY);
    autoApplyOnce(store, NOTICE.replace("最长可分48期", "最长可分60期"), TODAY);
    autoApplyOnce(store, NOTICE, TODAY);
    assertEquals(48, repo.snapshot().find("demo-credit-card", LocalDate.now(TODAY)).orElseThrow().installments().max());
  }

  @Test
  void aDraftIsValidatedAndNamesTheBadField() {
    Policy base = Samples.policies().get(0);
    Policy draft = RepositoryPolicyStore.draft(base, Map.of(PolicyField.MIN_OVERDUE_DAYS, 180), "draft-1", LocalDate.of(2026, 12, 1));
    assertEquals(180, draft.eligibility().minOverdueDays());
    assertEquals(RepositoryPolicyStore.values(base).get(PolicyField.MAX_INSTALLMENTS), draft.installments().max());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> RepositoryPolicyStore.draft(base,
        Map.of(PolicyField.MIN_INSTALLMENTS, 60, PolicyField.MAX_INSTALLMENTS, 12), "draft-2", LocalDate.of(2026, 12, 1)));
    assertTrue(e.getMessage().contains("max"), e.getMessage());
  }

  /** Values built by hand: a wrong type or a ratio above 1 is named by field (was a ClassCastException, or "ratio"). */
  @Test
  void aDraftNamesTheFieldOfAValueOfTheWrongTypeOrRange() {
    Policy base = Samples.policies().get(0);
    Map<PolicyField, Object> values = new java.util.EnumMap<>(PolicyField.class);
    values.put(PolicyField.MAX_INSTALLMENTS, 36L);
    values.put(PolicyField.MAX_PENALTY_WAIVER, 0.5d);
    values.put(PolicyField.MIN_OVERDUE_DAYS, null);
    InvalidInputException wrong = assertThrows(InvalidInputException.class,
        () -> RepositoryPolicyStore.draft(base, values, "draft-3", LocalDate.of(2026, 12, 1)));
    assertEquals(List.of("maxInstallments", "minOverdueDays", "maxPenaltyWaiver"),
        wrong.problems().stream().map(io.github.fenqi.core.Problem::location).toList());
    assertTrue(wrong.getMessage().contains("'36' is a Long; expected Integer"), wrong.getMessage());
    for (PolicyField f : List.of(PolicyField.MAX_PENALTY_WAIVER, PolicyField.MONTHLY_FEE_RATE)) {
      InvalidInputException range = assertThrows(InvalidInputException.class, () -> RepositoryPolicyStore.draft(base,
          Map.of(f, new BigDecimal("-1.5")), "draft-4", LocalDate.of(2026, 12, 1)));
      assertEquals(f.jsonName(), range.problems().get(0).location());
    }
  }

  /**
   * 停息 on a fee-charging policy: the draft had kept the base's 0.5 % monthly fee beside INTEREST_FREE, which core's
   * policy check now refuses ("installments.monthlyFeeRate"), so an announcement stopping interest could not be drafted
   * or applied at all. The fee goes with the rate; a fee the same text states is still refused, naming it.
   */
  @Test
  void stoppingInterestOnAFeeChargingPolicyDropsItsFeeButNotOneTheTextStates() {
    Policy base = sample("demo-online-lender");
    assertTrue(base.installments().monthlyFeeRate().value().signum() > 0, "the base charges a fee");
    interestStopped(base);
    InvalidInputException stated = assertThrows(InvalidInputException.class, () -> RepositoryPolicyStore.draft(base,
        Map.of(PolicyField.STOPS_INTEREST, true, PolicyField.MONTHLY_FEE_RATE, new BigDecimal("0.006")), "draft-6",
        LocalDate.of(2026, 12, 1)));
    assertTrue(stated.problems().stream().anyMatch(p -> p.location().endsWith("monthlyFeeRate")), stated.getMessage());
  }

  private static Policy sample(String platformId) {
    return Samples.policies().stream().filter(p -> p.platformId().equals(platformId)).findFirst().orElseThrow();
  }

  /** {@code base} drafted with stopsInterest = true: INTEREST_FREE, with neither an annual rate nor a monthly fee. */
  private static Policy interestStopped(Policy base) {
    Policy draft = RepositoryPolicyStore.draft(base, Map.of(PolicyField.STOPS_INTEREST, true), "stopped",
        LocalDate.of(2026, 12, 1));
    assertEquals(io.github.fenqi.core.schedule.RepaymentMethod.INTEREST_FREE, draft.installments().method());
    assertEquals(0, draft.installments().annualRate().value().signum());
    assertEquals(0, draft.installments().monthlyFeeRate().value().signum());
    return draft;
  }
}
