package io.github.fenqi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the evaluator hands its events to listeners: one failing listener does not cost the others or the watch. */
class RuleSetListenerTest {
  @TempDir Path dir;

  /**
   * A listener's own code can raise an Error (an {@code assert}, a class of an optional library missing). It went
   * through the evaluator: {@code open} threw it although the rules were loaded, the listeners after it never saw the
   * event (an audit listener missed the reload), and on the watcher's thread an {@link AssertionError} cancelled the
   * scheduled rescans for good, without a word: later edits were never applied. The policy repositories already
   * isolated such listeners.
   */
  @Test
  void aListenerRaisingAnErrorNeitherStopsTheWatchNorHidesEventsFromTheOthers() throws Exception {
    RuleFixtures.copyExample(dir);
    BlockingQueue<RuleSetEvent> seen = new LinkedBlockingQueue<>();
    RuleSetListener failing = event -> {
      throw new AssertionError("a listener's assert");
    };
    try (var e = EasyRulesEligibilityEvaluator.open(dir, failing, seen::add)) {
      assertEquals(1, assertInstanceOf(RuleSetEvent.Reloaded.class, seen.poll()).version());
      e.addListener(event -> {
        throw new NoClassDefFoundError("org/example/Metrics");
      });
      e.addListener(seen::add);
      e.watch(Duration.ofMillis(50));
      Path shared = dir.resolve("_shared.yml");
      for (int edit = 2; edit <= 3; edit++) {
        Files.writeString(shared, Files.readString(shared) + "# edit " + edit + "\n");
        RuleSetEvent first = seen.poll(5, TimeUnit.SECONDS);
        assertNotNull(first, "edit " + edit + " was never applied");
        RuleSetEvent second = seen.poll(5, TimeUnit.SECONDS);
        assertEquals(first, second, "both recording listeners see the reload");
        RuleSetEvent.Reloaded reloaded = assertInstanceOf(RuleSetEvent.Reloaded.class, first);
        assertEquals(edit, reloaded.version());
        assertEquals(List.of("_shared.yml"), reloaded.changes().stream().map(RuleSetEvent.FileChange::file).toList());
      }
    }
  }

  /**
   * Two scans at once (the watcher's and a {@code reload()}, or two callers') each built their events under the lock and
   * handed them over after it: the later scan's version 3 could reach the listeners before the earlier scan's version
   * 2, and the audit log recorded version 2 as the last reload although version 3 was live. Here the listener ahead of
   * the audit takes its time over version 2 (as a slow one does), while another thread reloads an edit.
   */
  @Test
  void listenersGetTheReloadsInVersionOrderWhenScansOverlap() throws Exception {
    RuleFixtures.copyExample(dir);
    List<Long> audited = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch deliveringTwo = new CountDownLatch(1);
    CountDownLatch otherReloadDone = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (var e = EasyRulesEligibilityEvaluator.open(dir)) {
      e.addListener(event -> {
        if (event instanceof RuleSetEvent.Reloaded r && r.version() == 2) {
          deliveringTwo.countDown();
          try {
            otherReloadDone.await(1, TimeUnit.SECONDS); // slow: the other reload finishes first if it may
          } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
          }
        }
      });
      e.addListener(event -> {
        if (event instanceof RuleSetEvent.Reloaded r) {
          audited.add(r.version());
        }
      });
      Path shared = dir.resolve("_shared.yml");
      Files.writeString(shared, Files.readString(shared) + "# edit 2\n");
      Future<?> first = threads.submit(e::reload);
      assertEquals(true, deliveringTwo.await(5, TimeUnit.SECONDS), "version 2 was never delivered");
      Path own = dir.resolve("demo-online-lender.yml");
      Files.writeString(own, Files.readString(own) + "# edit 3\n");
      Future<?> second = threads.submit(() -> {
        e.reload();
        otherReloadDone.countDown();
      });
      first.get(10, TimeUnit.SECONDS);
      second.get(10, TimeUnit.SECONDS);
      assertEquals(3, e.version());
      assertEquals(List.of(2L, 3L), audited);
    } finally {
      threads.shutdownNow();
    }
  }
}
