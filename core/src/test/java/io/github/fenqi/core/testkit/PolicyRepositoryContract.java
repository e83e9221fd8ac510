package io.github.fenqi.core.testkit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyEvent.PolicyChanged;
import io.github.fenqi.core.policy.PolicyRepository;
import io.github.fenqi.core.policy.PolicySnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The laws every {@link PolicyRepository} obeys. An implementation's test extends this and supplies a
 * repository holding exactly the sample policies.
 */
public abstract class PolicyRepositoryContract {

  /** A repository holding exactly {@link Samples#policies()}. */
  protected abstract PolicyRepository repositoryWithSamples() throws Exception;

  /**
   * Makes the {@code n}-th change (1, 2) to {@code repo}, one returned by {@link #repositoryWithSamples}, through its
   * own way of changing: one new repository version and one {@link PolicyChanged} for each.
   */
  protected abstract void change(PolicyRepository repo, int n) throws Exception;

  @Test
  void findsEachSamplePolicyAsOfADateItIsEffective() throws Exception {
    PolicyRepository repo = repositoryWithSamples();
    for (Policy p : Samples.policies()) {
      assertEquals(p, repo.find(p.platformId(), p.effectiveFrom()).orElseThrow());
      assertTrue(repo.find(p.platformId(), p.effectiveFrom().minusDays(1)).isEmpty(), "not effective the day before");
    }
    assertTrue(repo.find("no-such-platform", LocalDate.of(2026, 11, 24)).isEmpty());
  }

  @Test
  void snapshotHoldsEveryPolicyAndMatchesAll() throws Exception {
    PolicyRepository repo = repositoryWithSamples();
    PolicySnapshot s = repo.snapshot();
    assertEquals(3, s.policies().size());
    assertEquals(s.policies(), repo.all());
    assertEquals(s.version(), repo.version());
    assertTrue(s.version() > 0);
    assertEquals(List.of(repo.find("demo-credit-card", LocalDate.of(2026, 11, 24)).orElseThrow()),
        repo.history("demo-credit-card"));
  }

  /**
   * Two changes at once (the watch's rescan and a caller's, two admins') each made their snapshot under the
   * repository's lock and handed the event over after it: the later change's version could reach the listeners — the
   * engine's audit log — before the earlier one's, and the audit recorded an older version as the last change while a
   * newer one was live. Here the listener ahead of the audit takes its time over the first change's event while
   * another thread makes the second change.
   */
  @Test
  void listenersGetTheEventsOfOverlappingChangesInVersionOrder() throws Exception {
    PolicyRepository repo = repositoryWithSamples();
    long first = repo.version() + 1;
    List<Long> audited = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch deliveringFirst = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);
    repo.addListener(e -> {
      if (e instanceof PolicyChanged c && c.repositoryVersion() == first) {
        deliveringFirst.countDown();
        try {
          secondDone.await(1, SECONDS); // slow: the second change is done first if it may be (it may not: bounded)
        } catch (InterruptedException x) {
          Thread.currentThread().interrupt();
        }
      }
    });
    repo.addListener(e -> {
      if (e instanceof PolicyChanged c) {
        audited.add(c.repositoryVersion());
      }
    });
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> one = threads.submit(() -> {
        change(repo, 1);
        return null;
      });
      assertTrue(deliveringFirst.await(5, SECONDS), "the first change was never told");
      Future<?> two = threads.submit(() -> {
        change(repo, 2);
        secondDone.countDown();
        return null;
      });
      one.get(10, SECONDS);
      two.get(10, SECONDS);
      assertEquals(first + 1, repo.version());
      assertEquals(List.of(first, first + 1), audited);
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * A closed subscription hears of no later change, while a listener still subscribed does: a listener that stayed
   * registered after its close (a request's, a test's) would be called for every change for as long as the
   * repository lives.
   */
  @Test
  void aClosedSubscriptionHearsOfNoLaterChange() throws Exception {
    PolicyRepository repo = repositoryWithSamples();
    List<Long> closed = Collections.synchronizedList(new ArrayList<>());
    List<Long> open = Collections.synchronizedList(new ArrayList<>());
    PolicyRepository.Subscription subscription = repo.addListener(e -> {
      if (e instanceof PolicyChanged c) {
        closed.add(c.repositoryVersion());
      }
    });
    repo.addListener(e -> {
      if (e instanceof PolicyChanged c) {
        open.add(c.repositoryVersion());
      }
    });
    change(repo, 1);
    subscription.close();
    change(repo, 2);
    assertEquals(2, open.size(), open.toString());
    assertEquals(open.subList(0, 1), closed);
  }
}
