package io.github.fenqi.core.testkit;

import io.github.fenqi.core.NegotiationEngine;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.TimeZone;

/**
 * Runs a test with the JVM's default zone set to one whose date differs from China's right now — UTC−12 (a day
 * behind until 20:00 in Beijing) before 19:00 in Beijing, UTC+14 (a day ahead from 18:00) after — so that code
 * which takes "today" from the machine's zone instead of {@link NegotiationEngine#CASE_ZONE} fails whatever the hour.
 * The zone is restored afterwards.
 *
 * <p>Thread-safety: changes JVM-wide state; only for tests that run alone.
 */
public final class ZoneAwayFromChina {
  private ZoneAwayFromChina() {}

  /** What a test does with today's date in China, and whether the machine's date is behind it. */
  @FunctionalInterface
  public interface Body {
    void run(LocalDate todayInChina, boolean machineIsBehind) throws Exception;
  }

  public static void run(Body body) throws Exception {
    TimeZone saved = TimeZone.getDefault();
    try {
      boolean behind = ZonedDateTime.now(NegotiationEngine.CASE_ZONE).getHour() < 19;
      TimeZone.setDefault(TimeZone.getTimeZone(behind ? "Etc/GMT+12" : "Pacific/Kiritimati"));
      LocalDate china = LocalDate.now(NegotiationEngine.CASE_ZONE);
      if (china.equals(LocalDate.now())) {
        throw new AssertionError("the machine's date must differ from China's for this test");
      }
      body.run(china, behind);
    } finally {
      TimeZone.setDefault(saved);
    }
  }
}
