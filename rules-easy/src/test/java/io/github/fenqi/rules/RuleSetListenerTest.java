package io.github.fenqi.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
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
}
