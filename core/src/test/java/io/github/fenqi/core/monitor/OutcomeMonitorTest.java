package io.github.fenqi.core.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.solve.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OutcomeMonitorTest {

  private static final MonitorConfig CONFIG = MonitorConfig.defaults();

  /** Feeds {@code accepted} acceptances then rejections, interleaved evenly, {@code total} outcomes. */
  private static List<Optional<AcceptanceDropAlert>> feed(OutcomeMonitor m, String platform, int accepted, int total) {
    List<Optional<AcceptanceDropAlert>> alerts = new ArrayList<>();
    int given = 0;
    for (int i = 0; i < total; i++) {
      boolean accept = (long) (i + 1) * accepted / total > given;
      given += accept ? 1 : 0;
      alerts.add(m.record(platform, Strategy.BALANCED, accept));
    }
    return alerts;
  }

  /**
   * A status or an alert built in code or read back from the REST service's JSON holds together: a status of 9
   * acceptances in 3 outcomes had an acceptance rate of 3.0, an alert "dropped" from 40 % to 90 % or with a p-value of
   * 7 was a message for a pager, and a platform id with a line break forged a second line in that one-line message.
   * Every problem is named at once; what the monitor itself builds passes.
   */
  @Test
  void aStatusOrAlertThatDoesNotHoldTogetherIsRefusedNamingEachField() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new AcceptanceStatus("p\nOK", null, 9, 3,
        -1, 50, java.util.OptionalDouble.of(7), false));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("platformId", "contains an invisible or control character "
            + "(U+000A at position 2); it must be one line of visible text"),
        io.github.fenqi.core.Problem.of("strategy", "is required"),
        io.github.fenqi.core.Problem.of("baselineAccepted", "9 is not within 0..baselineTotal 3"),
        io.github.fenqi.core.Problem.of("recentAccepted", "-1 is not within 0..recentTotal 50"),
        io.github.fenqi.core.Problem.of("pValue", "7.0 is not within 0..1")), e.problems());
    e = assertThrows(InvalidInputException.class, () -> new AcceptanceDropAlert("demo", Strategy.BALANCED, 0.4, 0, 0.9,
        50, Double.NaN, -0.1));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("baselineTotal", "0 is not at least 1"),
        io.github.fenqi.core.Problem.of("recentRate", "0.9 is not below baselineRate 0.4: an alert is a drop"),
        io.github.fenqi.core.Problem.of("z", "NaN is not a finite number"),
        io.github.fenqi.core.Problem.of("pValue", "-0.1 is not within 0..1")), e.problems());
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    feed(m, "demo", 140, 200);
    AcceptanceDropAlert alert = feed(m, "demo", 5, 50).stream().flatMap(Optional::stream).findFirst().orElseThrow();
    assertEquals(alert, new AcceptanceDropAlert(alert.platformId(), alert.strategy(), alert.baselineRate(),
        alert.baselineTotal(), alert.recentRate(), alert.recentTotal(), alert.z(), alert.pValue()));
    AcceptanceStatus status = m.status("demo", Strategy.BALANCED);
    assertEquals(status, new AcceptanceStatus(status.platformId(), status.strategy(), status.baselineAccepted(),
        status.baselineTotal(), status.recentAccepted(), status.recentTotal(), status.pValue(), status.alerting()));
  }

  /** Every platform and strategy seen, ordered by platform then strategy, whatever order they were recorded in. */
  @Test
  void statusesAreOrderedByPlatformThenStrategy() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    List<Strategy> strategies = new ArrayList<>(List.of(Strategy.values()));
    java.util.Collections.reverse(strategies);
    for (String platform : List.of("zeta", "alpha")) {
      for (Strategy strategy : strategies) {
        m.record(platform, strategy, true);
      }
    }
    List<String> expected = new ArrayList<>();
    for (String platform : List.of("alpha", "zeta")) {
      for (Strategy strategy : Strategy.values()) {
        expected.add(platform + "/" + strategy);
      }
    }
    assertEquals(expected, m.statuses().stream().map(s -> s.platformId() + "/" + s.strategy()).toList());
    // a snapshot, not a view a caller could change (kills the round-96 mutant that returned the working list)
    assertThrows(UnsupportedOperationException.class, () -> m.statuses().clear());
    assertEquals("OutcomeMonitor[" + CONFIG + ", series=" + expected.size() + "]", m.toString());
  }

  /**
   * Each bound of a drop holds alone, at its very edge: an alert whose recent rate equals its baseline's, whose z is 0
   * or whose p-value is 0.5 is no drop, and neither is a status alerting at a recent rate equal to the baseline's; just
   * inside each bound, they are taken.
   */
  @Test
  void eachBoundOfADropHoldsAloneAtItsEdge() {
    assertEquals(List.of(io.github.fenqi.core.Problem.of("recentRate", "0.4 is not below baselineRate 0.4: an alert "
        + "is a drop")), assertThrows(InvalidInputException.class, () -> new AcceptanceDropAlert("demo",
        Strategy.BALANCED, 0.4, 200, 0.4, 50, 3, 0.01)).problems());
    assertEquals(List.of(io.github.fenqi.core.Problem.of("z", "0.0 is not above 0: an alert's statistic is positive, "
        + "the baseline rate being above the recent one")), assertThrows(InvalidInputException.class,
        () -> new AcceptanceDropAlert("demo", Strategy.BALANCED, 0.5, 200, 0.4, 50, 0, 0.01)).problems());
    assertEquals(List.of(io.github.fenqi.core.Problem.of("pValue", "0.5 is not below 0.5: an alert is significant at "
        + "some alpha below 0.5")), assertThrows(InvalidInputException.class,
        () -> new AcceptanceDropAlert("demo", Strategy.BALANCED, 0.5, 200, 0.4, 50, 3, 0.5)).problems());
    assertEquals(Math.nextDown(0.5), new AcceptanceDropAlert("demo", Strategy.BALANCED, 0.5, 200, 0.4, 50,
        Double.MIN_VALUE, Math.nextDown(0.5)).pValue());

    assertEquals(List.of(io.github.fenqi.core.Problem.of("alerting", "is true though the recent rate (20 of 50) is not "
        + "below the baseline's (80 of 200)")), assertThrows(InvalidInputException.class, () -> new AcceptanceStatus(
        "demo", Strategy.BALANCED, 80, 200, 20, 50, java.util.OptionalDouble.of(0.5), true)).problems());
    assertTrue(new AcceptanceStatus("demo", Strategy.BALANCED, 80, 200, 19, 50, java.util.OptionalDouble.of(0.4), true)
        .alerting());
  }

  /**
   * An alert's statistic and p-value say "a drop" as its rates do: a z of −3 with a p-value of 0.9 beside rates from 50 %
   * to 40 % had been taken, and its one-line message read "dropped … z=-3.00, p=0.90", a rise by its own figures. The
   * monitor raises an alert only below an alpha under 0.5, so a positive z and a p-value below 0.5.
   */
  @Test
  void anAlertWhoseStatisticSaysNoDropIsRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new AcceptanceDropAlert("demo",
        Strategy.BALANCED, 0.5, 200, 0.4, 50, -3, 0.9));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("z", "-3.0 is not above 0: an alert's statistic is positive, "
            + "the baseline rate being above the recent one"),
        io.github.fenqi.core.Problem.of("pValue", "0.9 is not below 0.5: an alert is significant at some alpha below "
            + "0.5")), e.problems());
    assertThrows(InvalidInputException.class, () -> new AcceptanceDropAlert("demo", Strategy.BALANCED, 0.5, 200, 0.4,
        50, 0, 0.5));
    // an infinite statistic is no figure either, though above 0 (kills the round-96 mutant that refused only NaN)
    assertEquals(List.of("z: Infinity is not a finite number"), problems(() -> new AcceptanceDropAlert("demo",
        Strategy.BALANCED, 0.5, 200, 0.4, 50, Double.POSITIVE_INFINITY, 0.01)));
  }

  /**
   * A status shown alerting has a recent rate below its baseline's, as the monitor's own are (an alert ends when the
   * recent rate is back): one alerting with no outcomes at all, or at 45 of 50 against a baseline of 100 of 200, had
   * been taken, built in code or read back from JSON.
   */
  @Test
  void aStatusAlertingWithoutADropIsRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new AcceptanceStatus("demo",
        Strategy.BALANCED, 0, 0, 0, 0, java.util.OptionalDouble.empty(), true));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("alerting", "is true though there are no baseline and no recent "
        + "outcomes; an alert needs a recent rate below the baseline's")), e.problems());
    e = assertThrows(InvalidInputException.class, () -> new AcceptanceStatus("demo", Strategy.BALANCED, 100, 200, 45,
        50, java.util.OptionalDouble.of(0.9), true));
    assertEquals(List.of(io.github.fenqi.core.Problem.of("alerting", "is true though the recent rate (45 of 50) is not "
        + "below the baseline's (100 of 200)")), e.problems());
    assertEquals(true, new AcceptanceStatus("demo", Strategy.BALANCED, 100, 200, 20, 50,
        java.util.OptionalDouble.of(0.01), true).alerting());
  }

  @Test
  void standardNormalCdfMatchesTables() {
    assertEquals(0.5, OutcomeMonitor.standardNormalCdf(0), 1e-7);
    assertEquals(0.975002, OutcomeMonitor.standardNormalCdf(1.96), 1e-6);
    assertEquals(0.001350, OutcomeMonitor.standardNormalCdf(-3.0), 1e-6);
    assertEquals(0.841345, OutcomeMonitor.standardNormalCdf(1.0), 1e-6);
  }

  @Test
  void dropPValueMatchesHandComputedZTest() {
    // baseline 140/200 = 0.70, recent 20/50 = 0.40; pooled 160/250 = 0.64
    // se = sqrt(0.64·0.36·(1/200 + 1/50)) = sqrt(0.2304·0.025) = 0.075895; z = 0.30 / 0.075895 = 3.9528
    double z = OutcomeMonitor.dropZ(140, 200, 20, 50).orElseThrow();
    assertEquals(3.9528, z, 1e-4);
    assertEquals(3.86e-5, OutcomeMonitor.dropPValue(140, 200, 20, 50).orElseThrow(), 0.05e-5);
  }

  /**
   * Two windows whose counts together pass an {@code int} (each window may hold up to Integer.MAX_VALUE outcomes):
   * the pooled counts had been added as ints and wrapped negative, so a drop from 75 % to 50 % over 2 × 10^9 outcomes
   * each went untested, and a status's acceptance rate over such windows came out negative.
   */
  @Test
  void countsOfTwoLargeWindowsAreAddedWithoutWrapping() {
    double z = OutcomeMonitor.dropZ(1_500_000_000, 2_000_000_000, 1_000_000_000, 2_000_000_000).orElseThrow();
    double small = OutcomeMonitor.dropZ(1_500_000, 2_000_000, 1_000_000, 2_000_000).orElseThrow();
    assertEquals(small * Math.sqrt(1000), z, 1e-9 * z); // z grows with the square root of the sample
    AcceptanceStatus status = new AcceptanceStatus("demo-online-lender", Strategy.BALANCED, Integer.MAX_VALUE,
        Integer.MAX_VALUE, 0, Integer.MAX_VALUE, java.util.OptionalDouble.empty(), false);
    assertEquals(0.5, status.acceptanceRate(), 1e-15);
  }

  /**
   * A rate or p-value of -0.0 (built in code, or read back from JSON) is 0: it had been kept, shown as "-0.0" in a
   * status and as "-0.0%" in an alert's one-line message.
   */
  @Test
  void aNegativeZeroRateOrPValueIsZero() {
    AcceptanceStatus status = new AcceptanceStatus("demo-online-lender", Strategy.BALANCED, 9, 10, 0, 10,
        java.util.OptionalDouble.of(-0.0), true);
    assertEquals(0, Double.compare(0.0, status.pValue().orElseThrow()));
    AcceptanceDropAlert alert = new AcceptanceDropAlert("demo-online-lender", Strategy.BALANCED, 0.9, 10, -0.0, 10,
        4.3, -0.0);
    assertEquals(new AcceptanceDropAlert("demo-online-lender", Strategy.BALANCED, 0.9, 10, 0.0, 10, 4.3, 0.0), alert);
    assertFalse(alert.message().contains("-0"), alert.message());
  }

  @Test
  void refusesToTestWhenNormalApproximationIsPoor() {
    assertTrue(OutcomeMonitor.dropPValue(198, 200, 49, 50).isEmpty(), "fewer than 5 expected rejections");
  }

  @Test
  void collapseOfAcceptanceRaisesOneAlertNamingThePlatform() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    List<AcceptanceDropAlert> heard = new ArrayList<>();
    m.onAlert(heard::add);
    feed(m, "demo-online-lender", 140, 200);
    assertTrue(heard.isEmpty(), "a steady rate raises nothing");
    feed(m, "demo-online-lender", 5, 50);
    assertEquals(1, heard.size(), "raised once, not on every outcome while alerting");
    AcceptanceDropAlert alert = heard.get(0);
    assertEquals("demo-online-lender", alert.platformId());
    assertTrue(alert.pValue() < 0.0001);
    assertTrue(alert.message().contains("demo-online-lender") && alert.message().contains("policy may have changed"));
    assertTrue(m.status("demo-online-lender", Strategy.BALANCED).alerting());
    assertFalse(m.status("other", Strategy.BALANCED).alerting());
  }

  @Test
  void aListenerThatThrowsNeitherFailsTheRecordingNorSilencesTheOthers() {
    assertTheOthersHearTheAlertDespite(a -> {
      throw new IllegalStateException("webhook down");
    });
  }

  /**
   * A listener's {@link Error} (a webhook client missing a class) or a checked exception thrown past the compiler had
   * escaped {@code record} after the outcome was stored: the caller saw a failure, and the listeners after it never
   * heard the alert.
   */
  @Test
  void aListenerThatThrowsAnErrorOrACheckedExceptionNeitherFailsTheRecordingNorSilencesTheOthers() {
    assertTheOthersHearTheAlertDespite(a -> {
      throw new NoClassDefFoundError("com/example/webhook/Client");
    }, a -> OutcomeMonitorTest.<RuntimeException>sneakyThrow(new java.io.IOException("pager unreachable")));
  }

  /** Every outcome of a collapse is recorded and a listener after the failing ones hears its one alert. */
  @SafeVarargs
  private static void assertTheOthersHearTheAlertDespite(Consumer<AcceptanceDropAlert>... failing) {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    List<AcceptanceDropAlert> heard = new ArrayList<>();
    for (Consumer<AcceptanceDropAlert> listener : failing) {
      m.onAlert(listener);
    }
    m.onAlert(heard::add);
    feed(m, "p", 140, 200);
    List<Optional<AcceptanceDropAlert>> alerts = feed(m, "p", 5, 50); // would throw at the alert before
    assertEquals(1, heard.size());
    assertEquals(List.of(heard.get(0)), alerts.stream().flatMap(Optional::stream).toList());
    AcceptanceStatus status = m.status("p", Strategy.BALANCED);
    assertEquals(250, status.recentTotal() + status.baselineTotal());
    // only a listener's InterruptedException interrupts the recording thread (kills the round-96 mutant that did so
    // for any RuntimeException): Thread.interrupted() also clears a wrong flag for the tests after this one
    assertFalse(Thread.interrupted(), "a failing listener interrupted the recording thread");
  }

  /** Out of memory in a listener is no listener's own failure: it propagates, with the outcome recorded. */
  @Test
  void aVirtualMachineErrorInAListenerPropagatesAfterTheOutcomeIsRecorded() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    m.onAlert(a -> {
      throw oom;
    });
    feed(m, "p", 140, 200);
    OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> feed(m, "p", 5, 50));
    assertTrue(thrown == oom);
    assertTrue(m.status("p", Strategy.BALANCED).alerting(), "the outcome that raised the alert is recorded");
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }

  /** A null listener had been registered and every later alert logged its NullPointerException as a failed listener. */
  @Test
  void aNullListenerIsRefusedWhereItIsGiven() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> m.onAlert(null));
    assertEquals("listener", e.problems().get(0).location());
  }

  @Test
  void otherStrategiesOfThePlatformAreUnaffected() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    feed(m, "p", 140, 200);
    for (int i = 0; i < 50; i++) {
      m.record("p", Strategy.AGGRESSIVE, false);
    }
    assertFalse(m.status("p", Strategy.BALANCED).alerting());
    assertFalse(m.status("p", Strategy.AGGRESSIVE).alerting(), "no baseline yet for AGGRESSIVE");
  }

  @Test
  void rejectsBadConfigurationListingEveryField() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new MonitorConfig(5, 5, 50, 0.7, 1.5));
    assertEquals(5, e.problems().size());
    // the bound is said with its value and without the parameter's name, which a Spring setting does not have
    assertEquals("minBaseline: must be between 10 and the baseline window (5), found 50", e.problems().get(2).toString());
  }

  /**
   * A drop of exactly {@code minDrop} is "at least" it: baseline 140/200 = 70 %, recent 20/50 = 40 %, p = 3.9e-5, with
   * a minimum drop of 30 points. In {@code double}, 0.7 − 0.4 is 0.29999999999999993 and the alert was not raised.
   */
  @Test
  void aDropOfExactlyTheMinimumAlerts() {
    // minBaseline = baselineWindow: the first test runs on the 250th outcome, on exactly these two samples
    OutcomeMonitor m = OutcomeMonitor.create(new MonitorConfig(50, 200, 200, 0.0001, 0.30));
    feed(m, "p", 140, 200);
    List<Optional<AcceptanceDropAlert>> alerts = feed(m, "p", 20, 50);
    AcceptanceDropAlert alert = alerts.get(49).orElseThrow();
    assertEquals(0.70, alert.baselineRate(), 1e-12);
    assertEquals(0.40, alert.recentRate(), 1e-12);
    assertTrue(m.status("p", Strategy.BALANCED).alerting());
  }

  /** The drop test is exact for every count and every minimum given in hundredths, as a user writes it (0.10). */
  @Property(tries = 2000)
  void theMinimumDropIsComparedExactly(@ForAll @IntRange(min = 0, max = 400) int baselineAccepted,
      @ForAll @IntRange(min = 1, max = 400) int baselineTotal, @ForAll @IntRange(min = 0, max = 400) int recentAccepted,
      @ForAll @IntRange(min = 1, max = 400) int recentTotal, @ForAll @IntRange(min = 0, max = 99) int hundredths) {
    int bA = Math.min(baselineAccepted, baselineTotal);
    int rA = Math.min(recentAccepted, recentTotal);
    // bA/bT − rA/rT ≥ k/100  ⇔  100·(bA·rT − rA·bT) ≥ k·bT·rT, all in integers
    boolean exact = 100L * ((long) bA * recentTotal - (long) rA * baselineTotal) >= (long) hundredths * baselineTotal
        * recentTotal;
    assertEquals(exact, OutcomeMonitor.dropsAtLeast(bA, baselineTotal, rA, recentTotal, hundredths / 100.0));
  }

  /** A null strategy is refused by name; before, it was recorded and every later {@code statuses()} threw. */
  @Test
  void aNullStrategyIsRefusedAndRecordsNothing() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    m.record("p", Strategy.BALANCED, true);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> m.record("p", null, true));
    assertEquals("strategy", e.problems().get(0).location());
    assertEquals(1, m.statuses().size());
  }

  /**
   * A platform id is held to what a policy's is — one line of visible text, at most 128 characters — since the alert's
   * {@code message()} is one line for a log or a pager: an id with a newline was recorded and its alert forged a
   * second log line.
   */
  @Test
  void aPlatformIdThatIsNotOneLineOfVisibleTextIsRefusedAndRecordsNothing() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    for (String bad : new String[] {"p\nINFO all clear", "p\u202Egnp", " ", "p".repeat(129)}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> m.record(bad, Strategy.BALANCED, false), bad);
      assertEquals("platformId", e.problems().get(0).location());
    }
    assertTrue(m.statuses().isEmpty(), m.statuses().toString());
  }

  @Property(tries = 200)
  void neverAlertsWhenRecentRateIsNotBelowBaseline(@ForAll @IntRange(min = 10, max = 190) int baselineAccepted,
      @ForAll @IntRange(min = 0, max = 50) int extra) {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    feed(m, "p", baselineAccepted, 200);
    int recentAccepted = Math.min(50, (int) Math.ceil(baselineAccepted / 4.0) + extra);
    List<Optional<AcceptanceDropAlert>> alerts = feed(m, "p", recentAccepted, 50);
    assertTrue(alerts.stream().allMatch(Optional::isEmpty));
  }

  /**
   * A stationary platform (p = 0.6) over 1000 outcomes, with the defaults: about 2 % of runs see one false alarm and,
   * with hysteresis, very few two (16 of 200 000 simulated runs) — more would mean flapping alerts. This was a property
   * over random seeds asserting at most one alarm a run, which failed about once in 250 builds (50 tries at 8·10⁻⁵ each):
   * the claim is a rate, so it is measured as one, over fixed seeds.
   */
  @Test
  void stableRateRarelyAlarms() {
    int runs = 4000;
    int withAlarm = 0;
    int withTwo = 0;
    for (long seed = 0; seed < runs; seed++) {
      OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
      SplittableRandom random = new SplittableRandom(seed);
      long alarms = 0;
      for (int i = 0; i < 1000; i++) {
        alarms += m.record("p", Strategy.CONSERVATIVE, random.nextDouble() < 0.6).isPresent() ? 1 : 0;
      }
      withAlarm += alarms > 0 ? 1 : 0;
      withTwo += alarms > 1 ? 1 : 0;
    }
    assertTrue(withAlarm <= runs * 4 / 100, "runs with a false alarm: " + withAlarm + " of " + runs);
    assertTrue(withTwo <= 2, "runs with two or more: " + withTwo + " of " + runs);
  }

  /**
   * An alert clears only above {@code alpha}: with the fixed clear level of 0.05, {@code alpha} 0.2 cleared an alert as
   * soon as its p-value passed 0.05 and raised another when it fell back below 0.2. A stable platform (60 % accepted)
   * over 100 runs of 1000 outcomes saw about 13.5 alerts a run so; clearing at 0.4 leaves about 5.
   */
  @Test
  void aHighAlphaClearsAboveItSoAStablePlatformIsNotPagedOnEveryCrossing() {
    MonitorConfig loose = new MonitorConfig(50, 200, 50, 0.2, 0.10);
    assertEquals(0.4, loose.clearLevel(), 1e-15);
    long alerts = 0;
    for (long seed = 0; seed < 100; seed++) {
      OutcomeMonitor m = OutcomeMonitor.create(loose);
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = 0; i < 1000; i++) {
        alerts += m.record("p", Strategy.BALANCED, random.nextDouble() < 0.6).isPresent() ? 1 : 0;
      }
    }
    assertTrue(alerts < 700, "alerts in 100 runs: " + alerts);
  }

  /** The defaults keep their clear level of 0.05. */
  @Test
  void theDefaultsClearAtFivePerCent() {
    assertEquals(0.05, MonitorConfig.defaults().clearLevel());
  }

  /** Every valid alpha clears strictly above itself and below 1, so an alert can both stay and end. */
  @Property(tries = 1000)
  void theClearLevelLiesBetweenAlphaAndOne(@ForAll @DoubleRange(min = 0, minIncluded = false, max = 0.5,
      maxIncluded = false) double alpha) {
    double clear = new MonitorConfig(50, 200, 50, alpha, 0.10).clearLevel();
    assertTrue(alpha < clear && clear < 1, alpha + " clears at " + clear);
  }
  /**
   * At an {@code alpha} above 0.25 the clear level 2·alpha had asked for the recent rate to rise significantly above the
   * baseline (p ≥ 0.9 at 0.45): a platform back at its 60 % for 400 outcomes, recent and baseline both 60 %, was still
   * shown alerting. The clear level stops at 0.5, where the drop is gone.
   */
  @Test
  void anAlertEndsWhenThePlatformIsBackAtItsRateEvenAtAHighAlpha() {
    MonitorConfig loose = new MonitorConfig(50, 200, 50, 0.45, 0.10);
    assertEquals(0.5, loose.clearLevel());
    OutcomeMonitor m = OutcomeMonitor.create(loose);
    feed(m, "p", 150, 250);
    assertTrue(feed(m, "p", 15, 50).stream().anyMatch(Optional::isPresent), "the drop to 30 % is alerted");
    feed(m, "p", 240, 400);
    AcceptanceStatus status = m.status("p", Strategy.BALANCED);
    assertEquals(status.baselineRate(), status.recentRate(), 1e-12);
    assertFalse(status.alerting(), status.toString());
  }

  /**
   * A recent rate back at or above the baseline's ends an alert even when the samples are too small to test: after a
   * drop from about 93 % an alert stayed active at 180 of 200 against 46 of the last 50 accepted (4.8 expected
   * rejections in the recent sample, so no test ran and nothing could clear it).
   */
  @Test
  void anAlertEndsWhenTheRecentRateIsNotBelowTheBaselineEvenWithTooFewToTest() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    for (int i = 0; i < 250; i++) {
      m.record("p", Strategy.BALANCED, i % 14 != 0);
    }
    for (int i = 0; i < 10; i++) {
      m.record("p", Strategy.BALANCED, false);
    }
    assertTrue(m.status("p", Strategy.BALANCED).alerting(), "the run of rejections is alerted");
    for (int i = 0; i < 46; i++) {
      m.record("p", Strategy.BALANCED, true);
    }
    AcceptanceStatus status = m.status("p", Strategy.BALANCED);
    assertEquals(180, status.baselineAccepted());
    assertEquals(46, status.recentAccepted());
    assertTrue(status.pValue().isEmpty(), "too few expected rejections to test: " + status);
    assertFalse(status.alerting(), status.toString());
  }

  /**
   * Exactly five expected rejections are enough to test: in doubles 50 × (1 − 225/250) is 4.999999999999999, and 180 of
   * 200 against 45 of 50 was left untested.
   */
  @Test
  void exactlyFiveExpectedOfEachAreEnoughToTest() {
    assertEquals(0.0, OutcomeMonitor.dropZ(180, 200, 45, 50).orElseThrow(), 1e-12);
    assertEquals(0.0, OutcomeMonitor.dropZ(20, 200, 5, 50).orElseThrow(), 1e-12);
    assertTrue(OutcomeMonitor.dropZ(181, 200, 45, 50).isEmpty(), "4.8 expected rejections are too few");
  }

  /**
   * Whatever the level and the outcomes, a platform shown alerting has a recent rate below its baseline's, and the
   * clear level lies between alpha and 0.5.
   */
  @Property(tries = 200)
  void aPlatformShownAlertingHasARecentRateBelowItsBaseline(
      @ForAll @DoubleRange(min = 0, minIncluded = false, max = 0.5, maxIncluded = false) double alpha,
      @ForAll @DoubleRange(min = 0, max = 0.3) double minDrop, @ForAll long seed) {
    MonitorConfig config = new MonitorConfig(50, 200, 50, alpha, minDrop);
    assertTrue(alpha < config.clearLevel() && config.clearLevel() <= MonitorConfig.MAX_CLEAR_LEVEL);
    OutcomeMonitor m = OutcomeMonitor.create(config);
    SplittableRandom random = new SplittableRandom(seed);
    for (int phase = 0; phase < 8; phase++) {
      double rate = random.nextDouble();
      int length = random.nextInt(10, 150);
      for (int i = 0; i < length; i++) {
        m.record("p", Strategy.BALANCED, random.nextDouble() < rate);
        AcceptanceStatus s = m.status("p", Strategy.BALANCED);
        assertTrue(!s.alerting() || (long) s.recentAccepted() * s.baselineTotal()
            < (long) s.baselineAccepted() * s.recentTotal(), s.toString());
      }
    }
  }
  /** A missing config is named when the monitor is built, not by a NullPointerException at the first outcome. */
  @Test
  void aMissingConfigIsRefusedWhereItIsGiven() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> OutcomeMonitor.create(null));
    assertEquals("config", e.problems().get(0).location());
  }

  /**
   * A platform whose acceptance fell from 70 % to none (z = 8.92) has a p-value of 2.36e-19; computed as 1 − Φ(z) it
   * was shown as 0, as every drop beyond z ≈ 8.3 was.
   */
  @Test
  void aCollapseHasATinyPValueNotZero() {
    assertEquals(8.9188, OutcomeMonitor.dropZ(140, 200, 0, 50).orElseThrow(), 1e-4);
    assertEquals(2.3563e-19, OutcomeMonitor.dropPValue(140, 200, 0, 50).orElseThrow(), 2.3563e-19 * 1e-4);
  }

  /** The p-value falls as the drop grows and never reaches 0, however large z is (up to where doubles end). */
  @Property(tries = 300)
  void thePValueFallsWithZAndStaysPositive(@ForAll @DoubleRange(min = 0, max = 37) double z) {
    double p = OutcomeMonitor.upperTail(z);
    assertTrue(p > OutcomeMonitor.upperTail(z + 0.01) && OutcomeMonitor.upperTail(z + 0.01) > 0, z + ": " + p);
  }

  /**
   * {@code status} holds its arguments to what {@code record} takes: a platform id that can never have an outcome had
   * been answered "nothing recorded, not alerting", and a null strategy with a status naming none.
   */
  @Test
  void aStatusIsAskedOnlyForWhatCanBeRecorded() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    assertEquals("strategy", assertThrows(InvalidInputException.class, () -> m.status("p", null)).problems().get(0)
        .location());
    assertEquals("platformId", assertThrows(InvalidInputException.class, () -> m.status("p\n", Strategy.BALANCED))
        .problems().get(0).location());
    AcceptanceStatus none = m.status("never-seen", Strategy.BALANCED);
    assertEquals(List.of(0, 0, false), List.of(none.baselineTotal(), none.recentTotal(), none.alerting()));
  }

  /**
   * Eight threads record at once — 50 rejections each into one platform after its 70 % baseline, and acceptances into
   * three others: every outcome is counted, and the collapse is raised once, returned to one caller and heard once.
   */
  @Test
  void recordingFromManyThreadsCountsEveryOutcomeAndAlertsOnce() throws Exception {
    for (int round = 0; round < 20; round++) {
      OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
      java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicInteger returned = new java.util.concurrent.atomic.AtomicInteger();
      m.onAlert(a -> heard.incrementAndGet());
      feed(m, "p", 140, 200);
      assertEquals(List.of(), atOnce(8, t -> {
        for (int i = 0; i < 50; i++) {
          returned.addAndGet(m.record("p", Strategy.BALANCED, false).isPresent() ? 1 : 0);
          m.record("q" + i % 3, Strategy.AGGRESSIVE, true);
        }
      }));
      AcceptanceStatus p = m.status("p", Strategy.BALANCED);
      assertEquals(List.of(0, 50, 200), List.of(p.recentAccepted(), p.recentTotal(), p.baselineTotal()));
      int others = 0;
      for (int i = 0; i < 3; i++) {
        AcceptanceStatus q = m.status("q" + i, Strategy.AGGRESSIVE);
        others += q.recentTotal() + q.baselineTotal();
      }
      assertEquals(400, others);
      assertEquals(1, returned.get(), "alerts returned");
      assertEquals(1, heard.get(), "alerts heard");
    }
  }

  /**
   * No test runs before the baseline holds {@code minBaseline} outcomes: with 99 of the 100 needed, a collapse from
   * 90 % to 20 % raises nothing and has no p-value; the next outcome makes the baseline 100 and raises the alert (kills
   * the mutant that tests a baseline one short, {@code minBaseline() - 1}).
   */
  @Test
  void noTestRunsUntilTheBaselineHoldsMinBaselineOutcomes() {
    OutcomeMonitor m = OutcomeMonitor.create(new MonitorConfig(50, 200, 100, 0.0001, 0.10));
    List<Optional<AcceptanceDropAlert>> alerts = new ArrayList<>(feed(m, "p", 89, 99));
    alerts.addAll(feed(m, "p", 10, 50));
    assertTrue(alerts.stream().allMatch(Optional::isEmpty), "a baseline of 99 is one short of the 100 needed");
    AcceptanceStatus shortOfOne = m.status("p", Strategy.BALANCED);
    assertEquals(99, shortOfOne.baselineTotal());
    assertTrue(shortOfOne.pValue().isEmpty(), shortOfOne.toString());
    AcceptanceDropAlert alert = m.record("p", Strategy.BALANCED, false).orElseThrow();
    assertEquals(100, alert.baselineTotal());
    assertTrue(alert.pValue() < 0.0001, alert.toString());
  }

  /**
   * The configuration's bounds are where its documentation puts them: a recent window, a baseline window and a minimum
   * baseline of 10 are allowed and 9 are not, and a minimum baseline may be the baseline window but not one more (kills
   * the mutants {@code recentWindow < 9} and {@code minBaseline > baselineWindow + 1}).
   */
  @Test
  void eachWindowBoundIsExact() {
    MonitorConfig least = new MonitorConfig(10, 10, 10, 0.0001, 0.10);
    assertEquals(10, least.recentWindow());
    assertEquals(List.of("recentWindow: must be at least 10, found 9"), problems(() -> new MonitorConfig(9, 10, 10,
        0.0001, 0.10)));
    assertEquals(List.of("baselineWindow: must be at least 10, found 9",
        "minBaseline: must be between 10 and the baseline window (9), found 10"),
        problems(() -> new MonitorConfig(10, 9, 10, 0.0001, 0.10)));
    assertEquals(List.of("minBaseline: must be between 10 and the baseline window (200), found 9"),
        problems(() -> new MonitorConfig(50, 200, 9, 0.0001, 0.10)));
    assertEquals(200, new MonitorConfig(50, 200, 200, 0.0001, 0.10).minBaseline());
    assertEquals(List.of("minBaseline: must be between 10 and the baseline window (200), found 201"),
        problems(() -> new MonitorConfig(50, 200, 201, 0.0001, 0.10)));
  }

  /**
   * {@code alpha} lies in (0, 0.5) and {@code minDrop} in [0, 1), their ends exact: 0 and 0.5 are refused as alpha and the
   * doubles just inside them allowed, 1 is refused as minDrop and the double below it allowed, NaN refused as either
   * (kills the mutants {@code alpha >= 0}, {@code alpha <= 0.5} and {@code minDrop <= 1}).
   */
  @Test
  void alphaAndMinDropBoundsAreExact() {
    for (double alpha : new double[] {Double.MIN_VALUE, Math.nextDown(0.5)}) {
      assertEquals(alpha, new MonitorConfig(50, 200, 50, alpha, 0.10).alpha());
    }
    for (double alpha : new double[] {0.0, 0.5, Double.NaN}) {
      assertEquals(List.of("alpha: must be in (0, 0.5), found " + alpha),
          problems(() -> new MonitorConfig(50, 200, 50, alpha, 0.10)));
    }
    for (double minDrop : new double[] {0.0, Math.nextDown(1.0)}) {
      assertEquals(minDrop, new MonitorConfig(50, 200, 50, 0.0001, minDrop).minDrop());
    }
    for (double minDrop : new double[] {1.0, Math.nextDown(0.0), Double.NaN}) {
      assertEquals(List.of("minDrop: must be in [0, 1), found " + minDrop),
          problems(() -> new MonitorConfig(50, 200, 50, 0.0001, minDrop)));
    }
  }

  private static List<String> problems(org.junit.jupiter.api.function.Executable config) {
    return assertThrows(InvalidInputException.class, config).problems().stream().map(Object::toString).toList();
  }

  /**
   * An alert needs a p-value below {@code alpha}, not at it: baseline 140 of 200, recent 20 of 50, tested once on the
   * 250th outcome, raise nothing when {@code alpha} is that test's p-value exactly, and an alert when it is the next
   * double up (kills the mutant {@code p <= config.alpha()}).
   */
  @Test
  void anAlertNeedsAPValueBelowAlphaNotAtIt() {
    double p = OutcomeMonitor.dropPValue(140, 200, 20, 50).orElseThrow();
    OutcomeMonitor at = OutcomeMonitor.create(new MonitorConfig(50, 200, 200, p, 0.0));
    feed(at, "p", 140, 200);
    assertTrue(feed(at, "p", 20, 50).stream().allMatch(Optional::isEmpty), "p = alpha is not below it");
    assertEquals(p, at.status("p", Strategy.BALANCED).pValue().orElseThrow());
    OutcomeMonitor above = OutcomeMonitor.create(new MonitorConfig(50, 200, 200, Math.nextUp(p), 0.0));
    feed(above, "p", 140, 200);
    assertTrue(feed(above, "p", 20, 50).get(49).isPresent(), "p just below alpha alerts");
  }

  /**
   * An alert clears once the p-value is back at the clear level, not only above it: after a collapse from 70 % to 40 %
   * raised an alert, acceptances raise the p-value step by step; with {@code alpha} half the first p-value of at least
   * 0.05 (the clear level is then exactly that p-value), the alert holds until that step and clears on it (kills the
   * mutant {@code p <= config.clearLevel()}).
   */
  @Test
  void anAlertClearsWhenThePValueIsBackAtTheClearLevel() {
    OutcomeMonitor probe = OutcomeMonitor.create(new MonitorConfig(50, 200, 200, 0.0001, 0.0));
    feed(probe, "p", 140, 200);
    feed(probe, "p", 20, 50);
    List<Double> rising = new ArrayList<>();
    while (rising.isEmpty() || rising.get(rising.size() - 1) < MonitorConfig.MIN_CLEAR_LEVEL) {
      probe.record("p", Strategy.BALANCED, true);
      rising.add(probe.status("p", Strategy.BALANCED).pValue().orElseThrow());
    }
    double clear = rising.get(rising.size() - 1);
    assertTrue(rising.stream().limit(rising.size() - 1).allMatch(p -> p < clear) && clear < 0.5, rising.toString());
    MonitorConfig config = new MonitorConfig(50, 200, 200, clear / 2, 0.0);
    assertEquals(clear, config.clearLevel());
    OutcomeMonitor m = OutcomeMonitor.create(config);
    feed(m, "p", 140, 200);
    assertTrue(feed(m, "p", 20, 50).get(49).isPresent(), "the collapse alerts");
    for (int i = 0; i < rising.size() - 1; i++) {
      m.record("p", Strategy.BALANCED, true);
      assertTrue(m.status("p", Strategy.BALANCED).alerting(), "p " + rising.get(i) + " is below the clear level " + clear);
    }
    m.record("p", Strategy.BALANCED, true);
    AcceptanceStatus back = m.status("p", Strategy.BALANCED);
    assertEquals(clear, back.pValue().orElseThrow());
    assertFalse(back.alerting(), back.toString());
  }

  /**
   * The defaults are what {@link MonitorConfig#defaults()} documents: a recent window of 50, a baseline of up to 200 and
   * at least 50 before testing, alpha 0.0001 and a drop of at least 10 percentage points (kills round-25 mutants M11
   * and M12, defaults of a minimum baseline of 49 and a minimum drop of 9 points). With these windows and alpha no drop
   * under 10 points is significant, so the minimum drop is read back rather than seen in an alert.
   */
  @Test
  void theDefaultsAreTheDocumentedWindowsAndThresholds() {
    MonitorConfig d = MonitorConfig.defaults();
    assertEquals(List.of(50, 200, 50), List.of(d.recentWindow(), d.baselineWindow(), d.minBaseline()));
    assertEquals(0.0001, d.alpha());
    assertEquals(0.10, d.minDrop());
    OutcomeMonitor m = OutcomeMonitor.create(d);
    feed(m, "p", 60, 99);
    assertTrue(m.status("p", Strategy.BALANCED).pValue().isEmpty(), "a baseline of 49 is one short of the 50 needed");
    m.record("p", Strategy.BALANCED, true);
    assertTrue(m.status("p", Strategy.BALANCED).pValue().isPresent(), "a baseline of 50 is tested");
  }

  /**
   * Fewer than 5 expected acceptances in a sample are too few to test, as fewer than 5 expected rejections are: 19 of
   * 200 against 5 of 50 expects 50 × 24/250 = 4.8 acceptances in the recent sample, 20 of 200 against 5 of 50 exactly 5
   * (kills round-25 mutant M23, which took 4 expected acceptances as enough).
   */
  @Test
  void fewerThanFiveExpectedAcceptancesAreTooFewToTest() {
    assertTrue(OutcomeMonitor.dropZ(19, 200, 5, 50).isEmpty(), "4.8 expected acceptances are too few");
    assertTrue(OutcomeMonitor.dropPValue(19, 200, 5, 50).isEmpty());
    assertTrue(OutcomeMonitor.dropZ(20, 200, 5, 50).isPresent(), "5 expected acceptances are enough");
  }

  /**
   * A status alerting with one window empty names that window: no baseline outcomes when the baseline is empty, no
   * recent ones when the recent window is (kills round-25 mutant M31, which named the other window).
   */
  @Test
  void aStatusAlertingWithOneEmptyWindowNamesThatWindow() {
    assertEquals(List.of("alerting: is true though there are no baseline outcomes; an alert needs a recent rate below "
        + "the baseline's"), problems(() -> new AcceptanceStatus("demo", Strategy.BALANCED, 0, 0, 5, 50,
            java.util.OptionalDouble.empty(), true)));
    assertEquals(List.of("alerting: is true though there are no recent outcomes; an alert needs a recent rate below "
        + "the baseline's"), problems(() -> new AcceptanceStatus("demo", Strategy.BALANCED, 100, 200, 0, 0,
            java.util.OptionalDouble.empty(), true)));
  }

  /**
   * An alert's one-line message states both rates in per cent with their samples, as a pager shows them: a fall from
   * 70 % of 200 to 10 % of the last 50 reads "from 70.0% (n=200) to 10.0% (last 50)" (kills round-25 mutant M42,
   * which wrote the baseline's rate as 0.7%).
   */
  @Test
  void anAlertsMessageStatesTheRatesInPerCent() {
    AcceptanceDropAlert alert = new AcceptanceDropAlert("demo", Strategy.BALANCED, 0.7, 200, 0.1, 50, 8.0, 1e-15);
    assertTrue(alert.message().contains("acceptance of BALANCED proposals by platform demo dropped from 70.0% (n=200) "
        + "to 10.0% (last 50), z=8.00"), alert.message());
  }

  /**
   * A lender that stops accepting altogether stays alerted while any acceptance is left in its baseline — the samples
   * too small to test by then, the recent rate still below the baseline's — and the alert ends when the last one ages
   * out, none accepted being its baseline too: 199 rejections after a 70 % baseline of 200 leave 1 of 200 against 0
   * of 50, alerting; the 200th leaves 0 of 200 against 0 of 50, which is no drop (kills the mutant that ends an alert
   * only when the recent rate is above the baseline's, not at it, and kept this one alerting at two rates of none).
   */
  @Test
  void aLenderThatStopsAcceptingIsAlertedUntilNoneIsItsBaselineToo() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    feed(m, "p", 140, 200);
    feed(m, "p", 0, 249);
    AcceptanceStatus oneLeft = m.status("p", Strategy.BALANCED);
    assertEquals(List.of(1, 200, 0, 50), List.of(oneLeft.baselineAccepted(), oneLeft.baselineTotal(),
        oneLeft.recentAccepted(), oneLeft.recentTotal()));
    assertTrue(oneLeft.pValue().isEmpty() && oneLeft.alerting(), oneLeft.toString());
    m.record("p", Strategy.BALANCED, false);
    AcceptanceStatus none = m.status("p", Strategy.BALANCED);
    assertEquals(List.of(0, 200, 0, 50), List.of(none.baselineAccepted(), none.baselineTotal(), none.recentAccepted(),
        none.recentTotal()));
    assertFalse(none.alerting(), none.toString());
  }

  /**
   * An alert's rates are its counts' exact ratios, and its message shows them to a tenth of a per cent and a tiny
   * p-value in scientific notation: 141 of 200 against 20 of 50 is 70.5 % against 40.0 %, p = 2.8e-05 — not 71 % nor
   * p = 0.00 (kills the mutants that rounded the baseline rate to a whole per cent and printed p with two decimals).
   */
  @Test
  void anAlertStatesItsExactRatesAndATinyPValueInScientificNotation() {
    OutcomeMonitor m = OutcomeMonitor.create(new MonitorConfig(50, 200, 200, 0.0001, 0.0));
    feed(m, "p", 141, 200);
    AcceptanceDropAlert alert = feed(m, "p", 20, 50).get(49).orElseThrow();
    assertEquals(List.of(141 / 200.0, 200, 20 / 50.0, 50), List.of(alert.baselineRate(), alert.baselineTotal(),
        alert.recentRate(), alert.recentTotal()));
    assertEquals(OutcomeMonitor.dropPValue(141, 200, 20, 50).orElseThrow(), alert.pValue());
    assertTrue(alert.message().contains("dropped from 70.5% (n=200) to 40.0% (last 50), z=4.03, p=2.8e-05: "),
        alert.message());
  }

  /**
   * Each platform id is its own lender, to the letter, as a policy's id is: "demo" collapsing from 70 % to 10 % while
   * "DEMO" keeps accepting raises one alert naming "demo", and each keeps its own counts (kills the mutant that keyed
   * the series by the id in lower case, merging the two).
   */
  @Test
  void eachPlatformIdIsItsOwnLenderToTheLetter() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    List<AcceptanceDropAlert> heard = new ArrayList<>();
    m.onAlert(heard::add);
    for (int i = 0; i < 250; i++) {
      boolean collapsed = i >= 200;
      m.record("demo", Strategy.BALANCED, collapsed ? i % 10 == 0 : i % 10 < 7);
      m.record("DEMO", Strategy.BALANCED, true);
    }
    assertEquals(List.of("demo"), heard.stream().map(AcceptanceDropAlert::platformId).toList());
    assertEquals(List.of("DEMO/250/false", "demo/250/true"), m.statuses().stream()
        .map(s -> s.platformId() + "/" + (s.baselineTotal() + s.recentTotal()) + "/" + s.alerting()).toList());
    assertEquals(List.of(140, 5), List.of(m.status("demo", Strategy.BALANCED).baselineAccepted(),
        m.status("demo", Strategy.BALANCED).recentAccepted()));
  }

  /**
   * A sample with no outcomes is not tested, both empty included: with the guard gone, two empty samples passed the
   * "5 expected of each" check (0 ≥ 0) and gave a z of NaN (kills the mutant that dropped the empty-sample guard).
   */
  @Test
  void anEmptySampleIsNotTested() {
    assertTrue(OutcomeMonitor.dropZ(0, 0, 0, 0).isEmpty());
    assertTrue(OutcomeMonitor.dropPValue(0, 0, 0, 0).isEmpty());
    assertTrue(OutcomeMonitor.dropZ(0, 0, 5, 50).isEmpty());
    assertTrue(OutcomeMonitor.dropZ(140, 200, 0, 0).isEmpty());
  }

  /**
   * {@code status} may be asked while another thread records, as the class's thread-safety promises: a reader polling
   * a platform whose rate swings between 90 % and none sees only statuses that hold together — never more acceptances
   * than outcomes in a window, nor one alerting without a drop — which a status read half-way through an outcome
   * would break (its constructor refuses them). Kills the mutant that read a status without the series' lock, which
   * failed in each of 3 runs, as a status alerting at 0 of 10 against 0 of 10.
   */
  @Test
  void aStatusReadWhileAnotherThreadRecordsHoldsTogether() throws Exception {
    OutcomeMonitor m = OutcomeMonitor.create(new MonitorConfig(10, 10, 10, 0.2, 0.0));
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    m.record("p", Strategy.BALANCED, true);
    Thread reader = new Thread(() -> {
      try {
        while (!done.get()) {
          m.status("p", Strategy.BALANCED);
        }
      } catch (Throwable e) {
        failures.add(e);
      }
    });
    reader.start();
    for (int i = 0; i < 2_000_000 && failures.isEmpty(); i++) {
      m.record("p", Strategy.BALANCED, i % 40 < 20 ? i % 10 != 0 : false);
    }
    done.set(true);
    reader.join();
    assertEquals(List.of(), failures);
  }

  /**
   * Outcomes recorded at once from many threads into many platforms, most of them new, add up: every series seen is
   * listed once, and its outcomes and acceptances are exactly those its threads recorded (the baseline window holds
   * them all). Kills the round-96 mutant that kept the series in a plain {@code HashMap}: its
   * {@code computeIfAbsent} failed with a ConcurrentModificationException when two threads created series at once.
   */
  @Property(tries = 15)
  void countsRecordedFromManyThreadsAddUp(@ForAll @IntRange(min = 2, max = 8) int threadCount,
      @ForAll @IntRange(min = 1, max = 300) int platforms, @ForAll @IntRange(min = 100, max = 1500) int perThread)
      throws Exception {
    OutcomeMonitor m = OutcomeMonitor.create(new MonitorConfig(10, 1_000_000, 10, 0.0001, 0.10));
    assertEquals(List.of(), atOnce(threadCount, offset -> {
      for (int i = 0; i < perThread; i++) {
        m.record("p" + (i + offset) % platforms, Strategy.BALANCED, (i + offset) % 3 == 0);
      }
    }));
    int[] outcomes = new int[platforms];
    int[] accepted = new int[platforms];
    for (int t = 0; t < threadCount; t++) {
      for (int i = 0; i < perThread; i++) {
        outcomes[(i + t) % platforms]++;
        accepted[(i + t) % platforms] += (i + t) % 3 == 0 ? 1 : 0;
      }
    }
    List<String> expected = new ArrayList<>();
    for (int p = 0; p < platforms; p++) {
      if (outcomes[p] > 0) {
        expected.add("p" + p + ": " + accepted[p] + " of " + outcomes[p]);
      }
    }
    java.util.Collections.sort(expected);
    assertEquals(expected, m.statuses().stream().map(s -> s.platformId() + ": " + (s.baselineAccepted()
        + s.recentAccepted()) + " of " + (s.baselineTotal() + s.recentTotal())).sorted().toList());
  }

  /**
   * Listeners may be added while other threads raise alerts, and each one added hears every alert raised after it:
   * eight threads adding 5000 listeners each while 40 platforms collapse, then one more collapse heard by all 40 000,
   * six times over.
   * Kills the round-96 mutant that kept the listeners in a plain {@code ArrayList}: listeners added at once were lost,
   * and an alert told while one was added failed {@code record} with a ConcurrentModificationException.
   */
  @Test
  void listenersAddedWhileAlertsAreRaisedEachHearTheAlertsAfterThem() throws Exception {
    for (int round = 0; round < 6; round++) { // a race: each round is a new chance to lose one
      OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
      for (int p = 0; p <= 40; p++) {
        feed(m, "p" + p, 140, 200);
      }
      java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
      assertEquals(List.of(), atOnce(9, t -> {
        if (t == 0) {
          for (int p = 0; p < 40; p++) {
            feed(m, "p" + p, 5, 50);
          }
        } else {
          for (int i = 0; i < 5000; i++) {
            m.onAlert(a -> heard.incrementAndGet());
          }
        }
      }));
      heard.set(0);
      assertTrue(feed(m, "p40", 5, 50).stream().anyMatch(Optional::isPresent), "the last collapse alerts");
      assertEquals(40_000, heard.get(), "listeners that heard the last alert");
    }
  }

  /**
   * A listener that throws an InterruptedException past the compiler is logged like any other, and the recording thread
   * keeps its interrupt: a worker told to stop while a webhook was called would otherwise never learn it (kills the
   * round-96 mutant that dropped the restored interrupt).
   */
  @Test
  void aListenerInterruptedLeavesTheRecordingThreadInterrupted() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    List<AcceptanceDropAlert> heard = new ArrayList<>();
    m.onAlert(a -> OutcomeMonitorTest.<RuntimeException>sneakyThrow(new InterruptedException("shutting down")));
    m.onAlert(heard::add);
    feed(m, "p", 140, 200);
    assertFalse(Thread.currentThread().isInterrupted());
    List<Optional<AcceptanceDropAlert>> alerts = feed(m, "p", 5, 50);
    boolean interrupted = Thread.interrupted(); // clears it, for the tests after this one
    assertTrue(interrupted, "the recording thread's interrupt is kept");
    assertEquals(List.of(heard.get(0)), alerts.stream().flatMap(Optional::stream).toList());
  }

  /**
   * An alert's one-line message, which the service logs and a pager shows, names a platform whose id is a borrower's
   * mobile or ID number — typed into the platform field — masked, as a policy lookup quotes such an id: it had been
   * printed in clear ("platform 13812345678 dropped …"). The alert's {@code platformId} stays the id recorded.
   */
  @Test
  void anAlertsMessageMasksAPlatformIdThatIsABorrowersIdentifier() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    feed(m, "13812345678", 140, 200);
    AcceptanceDropAlert alert = feed(m, "13812345678", 5, 50).stream().flatMap(Optional::stream).findFirst()
        .orElseThrow();
    assertEquals("13812345678", alert.platformId());
    assertTrue(alert.message().startsWith("acceptance of BALANCED proposals by platform 138****5678 dropped from "),
        alert.message());
    String id = new AcceptanceDropAlert("110105194912310025", Strategy.BALANCED, 0.7, 200, 0.1, 50, 8.0, 1e-15)
        .message();
    assertTrue(id.contains("by platform 110***********0025 dropped") && !id.contains("110105194912310025"), id);
    assertTrue(new AcceptanceDropAlert("demo-online-lender", Strategy.BALANCED, 0.7, 200, 0.1, 50, 8.0, 1e-15)
        .message().contains("by platform demo-online-lender dropped"), "an ordinary id is shown as it is");
  }

  /**
   * An alert and a status printed whole — a listener logging the alert it is handed, a status in a log line — mask a
   * platform id that is a borrower's identifier as the message does; their records' own toString had printed it in
   * clear. Every other field is shown as the record shows it, and an ordinary id as it is.
   */
  @Test
  void anAlertAndAStatusPrintedWholeMaskAPlatformIdThatIsABorrowersIdentifier() {
    AcceptanceDropAlert alert = new AcceptanceDropAlert("13812345678", Strategy.BALANCED, 0.7, 200, 0.1, 50, 8.0,
        1e-15);
    AcceptanceStatus status = new AcceptanceStatus("110105194912310025", Strategy.AGGRESSIVE, 140, 200, 5, 50,
        OptionalDouble.of(1e-15), true);
    assertEquals("13812345678", alert.platformId());
    assertEquals("110105194912310025", status.platformId());
    assertEquals("AcceptanceDropAlert[platformId=138****5678, strategy=BALANCED, baselineRate=0.7, baselineTotal=200, "
        + "recentRate=0.1, recentTotal=50, z=8.0, pValue=1.0E-15]", alert.toString());
    assertEquals("AcceptanceStatus[platformId=110***********0025, strategy=AGGRESSIVE, baselineAccepted=140, "
        + "baselineTotal=200, recentAccepted=5, recentTotal=50, pValue=OptionalDouble[1.0E-15], alerting=true]",
        status.toString());
    assertEquals("AcceptanceStatus[platformId=demo, strategy=CONSERVATIVE, baselineAccepted=1, baselineTotal=2, "
        + "recentAccepted=0, recentTotal=0, pValue=OptionalDouble.empty, alerting=false]",
        new AcceptanceStatus("demo", Strategy.CONSERVATIVE, 1, 2, 0, 0, OptionalDouble.empty(), false).toString());
  }

  /**
   * Each window's rate, and both together, are 0 when there are no outcomes, as documented: the service's gauges read
   * them for every series, and a platform with nothing in its baseline is not accepting everything (kills the round-96
   * mutants that gave 1 for an empty baseline, and for no outcomes at all).
   */
  @Test
  void ratesOfEmptyWindowsAreZero() {
    OutcomeMonitor m = OutcomeMonitor.create(CONFIG);
    AcceptanceStatus none = m.status("demo", Strategy.BALANCED);
    assertEquals(List.of(0.0, 0.0, 0.0), List.of(none.acceptanceRate(), none.baselineRate(), none.recentRate()));
    feed(m, "demo", 7, 10);
    AcceptanceStatus recentOnly = m.status("demo", Strategy.BALANCED);
    assertEquals(List.of(0.7, 0.0, 0.7), List.of(recentOnly.acceptanceRate(), recentOnly.baselineRate(),
        recentOnly.recentRate()));
  }

  /**
   * A negative total is named as such, and a window with no outcomes in an alert is refused, each at its very edge: a
   * total of −1 is "negative" (not "0 is not within 0..−1"), an alert of 0 recent outcomes is refused; a status whose
   * counts are already refused is not refused again as alerting without outcomes (kills the round-96 mutants
   * {@code total < -1}, {@code recentTotal < 0} and the alerting check run on counts already refused).
   */
  @Test
  void aNegativeTotalOrAnEmptyAlertWindowIsNamedOnce() {
    assertEquals(List.of("baselineTotal: -1 is negative"), problems(() -> new AcceptanceStatus("demo",
        Strategy.BALANCED, 0, -1, 0, 50, java.util.OptionalDouble.empty(), false)));
    assertEquals(List.of("recentTotal: 0 is not at least 1"), problems(() -> new AcceptanceDropAlert("demo",
        Strategy.BALANCED, 0.7, 200, 0.0, 0, 8.0, 1e-15)));
    assertEquals(List.of("recentAccepted: 3 is not within 0..recentTotal 0"), problems(() -> new AcceptanceStatus(
        "demo", Strategy.BALANCED, 100, 200, 3, 0, java.util.OptionalDouble.empty(), true)));
    // a platform id as long as record takes, and not one more (kills the round-96 mutant that allowed 129 characters)
    String longest = "p".repeat(io.github.fenqi.core.TextFields.MAX_ID_LENGTH);
    assertEquals(longest, new AcceptanceStatus(longest, Strategy.BALANCED, 0, 0, 0, 0, java.util.OptionalDouble.empty(),
        false).platformId());
    assertEquals(List.of("platformId: is 129 characters; at most 128"), problems(() -> new AcceptanceStatus(longest
        + "p", Strategy.BALANCED, 0, 0, 0, 0, java.util.OptionalDouble.empty(), false)));
    assertEquals(List.of("platformId: is 129 characters; at most 128"), problems(() -> new AcceptanceDropAlert(longest
        + "p", Strategy.BALANCED, 0.7, 200, 0.1, 50, 8.0, 1e-15)));
  }

  /**
   * Runs {@code body} on {@code threads} threads released at once, each given its index, and returns what they threw.
   */
  private static List<Throwable> atOnce(int threads, java.util.function.IntConsumer body) throws InterruptedException {
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread thread = new Thread(() -> {
        try {
          start.await();
          body.accept(index);
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      thread.start();
      started.add(thread);
    }
    start.countDown();
    for (Thread thread : started) {
      thread.join();
    }
    return List.copyOf(failures);
  }
}
