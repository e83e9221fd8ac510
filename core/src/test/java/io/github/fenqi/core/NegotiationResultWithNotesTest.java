package io.github.fenqi.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.testkit.Samples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * An application names the library's settings in its users' words (the CLI's {@code --max-search-nodes}, a service's
 * {@code fenqi.max-search-nodes}) by mapping a result's notes: each had copied the result through its 16-argument
 * constructor to do so.
 */
class NegotiationResultWithNotesTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private static final ObjectMapper MAPPER = FenqiJson.newMapper();

  /** The feasible sample under a budget of one node: a note for each strategy, beside three proposals. */
  private static NegotiationResult noted() throws Exception {
    NegotiationEngine engine = NegotiationEngine.builder().policies(InMemoryPolicyRepository.of(Samples.policies()))
        .clock(TODAY).grid(GridConfig.DEFAULTS.withMaxSearchNodes(1)).build();
    NegotiationResult result = engine.calculate(NegotiationRequest.read(MAPPER,
        Samples.bytes("samples/cases/shanghai-three-debts-feasible.json"), "case"));
    assertEquals(3, result.notes().size(), result.notes().toString());
    assertTrue(result.feasible(), "the fixture has proposals");
    return result;
  }

  @Test
  void eachNoteIsMappedAndEverythingElseIsKept() throws Exception {
    NegotiationResult result = noted();
    NegotiationResult mapped = result.withNotes(n -> n.replace("limit 1", "limit one"));
    result.notes().forEach((strategy, note) -> assertEquals(note.replace("limit 1", "limit one"),
        mapped.notes().get(strategy)));
    ObjectNode before = MAPPER.valueToTree(result);
    ObjectNode after = MAPPER.valueToTree(mapped);
    before.remove("notes");
    after.remove("notes");
    assertEquals(before, after);
    assertEquals(result, result.withNotes(UnaryOperator.identity()));
    assertEquals(java.util.List.copyOf(result.notes().keySet()), java.util.List.copyOf(mapped.notes().keySet()),
        "in strategy order");
  }

  @Test
  void aResultWhoseNotesDoNotChangeIsItself() throws Exception {
    NegotiationResult result = noted();
    assertSame(result, result.withNotes(UnaryOperator.identity()));
    assertSame(result, result.withNotes(n -> new String(n)), "an equal note is no change");
  }

  @Test
  void aMappingThatLosesANoteIsRefusedNamingIt() throws Exception {
    NegotiationResult result = noted();
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> result.withNotes(n -> n.contains("limit 1, without") ? null : n));
    assertEquals("the mapping of notes returned null for the note of CONSERVATIVE", e.getMessage());
  }
}
