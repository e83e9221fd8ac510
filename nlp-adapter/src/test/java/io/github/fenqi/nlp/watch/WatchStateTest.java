package io.github.fenqi.nlp.watch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.nlp.Evidence;
import io.github.fenqi.nlp.ExtractedField;
import io.github.fenqi.nlp.ExtractionResult;
import io.github.fenqi.nlp.FinancialTerm;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.source.Announcement;
import io.github.fenqi.nlp.spi.TermMention;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The state file gives back exactly what was written: a queued change as it was, decimals' scale too. */
class WatchStateTest {
  private static final ObjectMapper MAPPER = FenqiJson.newMapper();

  @Property(tries = 200)
  void aQueuedChangeReadBackIsTheChangeWritten(@ForAll("changes") PolicyChange change) throws IOException {
    Path file = Files.createTempFile("watch-state", ".json");
    try {
      WatchState.Content written = new WatchState.Content(WatchState.FORMAT_VERSION,
          List.of(new WatchState.Read(change.sourceId(), change.announcement().id(),
              change.announcement().contentHash())),
          List.of(), List.of(new WatchState.Attempts(change.sourceId(), change.announcement().contentHash(), 2)),
          List.of(WatchState.Queued.of(change)),
          List.of(new WatchState.Decision(change.id(), PolicyChange.Status.REJECTED, change.at())),
          List.of(new WatchState.Unlisted(change.sourceId(), change.announcement().contentHash(), 3)));
      WatchState.write(MAPPER, file, written);
      WatchState.Content read = WatchState.read(MAPPER, file);
      assertEquals(written, read);
      assertEquals(change, read.pending().get(0).change());
    } finally {
      Files.delete(file);
    }
  }

  private static Arbitrary<String> text() {
    return Arbitraries.strings().all().ofMaxLength(20); // lone surrogates too: a custom source may give any String
  }

  private static Arbitrary<Object> value(PolicyField field) {
    return switch (field.kind()) {
      case MONTHS, DAYS -> Arbitraries.integers().between(0, Integer.MAX_VALUE).map(i -> (Object) i);
      case RATIO -> Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(6)
          .flatMap(d -> Arbitraries.of(d, d.stripTrailingZeros())).map(d -> (Object) d); // 0.500000 and 0.5
      case RATE -> Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1E+6")).ofScale(8)
          .map(d -> (Object) d.stripTrailingZeros()); // 1E+2 too: scale below zero
      case FLAG -> Arbitraries.of(true, false).map(b -> (Object) b);
    };
  }

  private static Arbitrary<ExtractedField> extracted(PolicyField field) {
    return Combinators.combine(value(field), Arbitraries.integers().between(0, 1000), text(),
        Arbitraries.doubles().between(0, 1))
        .as((v, start, t, confidence) -> new ExtractedField(field, v, new Evidence(start, start + t.length(), t),
            confidence));
  }

  @Provide
  Arbitrary<PolicyChange> changes() {
    Arbitrary<List<PolicyField>> fields = Arbitraries.of(PolicyField.class).set().ofMinSize(1).map(ArrayList::new);
    return fields.flatMap(fs -> {
      Arbitrary<Map<PolicyField, ExtractedField>> extraction = Combinators.combine(fs.stream()
          .map(WatchStateTest::extracted).toList()).as(list -> {
            Map<PolicyField, ExtractedField> m = new EnumMap<>(PolicyField.class);
            list.forEach(e -> m.put(e.field(), e));
            return m;
          });
      Arbitrary<Optional<Object>> live = value(fs.get(0)).injectNull(0.3).map(Optional::ofNullable);
      Arbitrary<List<TermMention>> mentions = Combinators.combine(Arbitraries.of(FinancialTerm.class),
          Arbitraries.integers().between(0, 99), text(), Arbitraries.doubles().between(0, 1))
          .as((term, start, t, c) -> new TermMention(term, start, start + t.length(), t, c)).list().ofMaxSize(3);
      Arbitrary<Announcement> announcement = Combinators.combine(text(), text(), text(), text(),
          Arbitraries.longs().between(0, 253402300799L))
          .as((source, id, title, body, seconds) -> new Announcement(source, id, title, body,
              URI.create("https://example.com/notice?q=%E5%88%86"), Instant.ofEpochSecond(seconds, 123)));
      return Combinators.combine(extraction, live, mentions, announcement, text(), Arbitraries.of(FinancialTerm.class)
          .set()).as((ex, lv, ms, a, id, terms) -> new PolicyChange(id, a.sourceId(), "platform", a,
              new ExtractionResult(ex, terms.isEmpty() ? EnumSet.noneOf(FinancialTerm.class) : EnumSet.copyOf(terms),
                  ms), List.of(new FieldChange(fs.get(0), lv, ex.get(fs.get(0)))),
              PolicyChange.Status.QUEUED_FOR_REVIEW, a.fetchedAt()));
    });
  }

  /**
   * The state file is replaced whole, never rewritten in place: a reader that opened it before a write (a backup, an
   * operator's look) reads the state as it was, complete, not the new one cut where the write had got to, and nothing
   * is left beside it.
   */
  @Example
  void aWriteReplacesTheFileWholeAndLeavesNothingBesideIt() throws IOException {
    Path dir = Files.createTempDirectory("watch-state");
    Path file = dir.resolve("state.json");
    try {
      WatchState.Content first = new WatchState.Content(WatchState.FORMAT_VERSION,
          List.of(new WatchState.Read("source", "n-1", "0".repeat(64))), List.of(), List.of(), List.of(), List.of(),
          List.of());
      WatchState.write(MAPPER, file, first);
      byte[] before = Files.readAllBytes(file);
      try (java.io.InputStream opened = Files.newInputStream(file)) {
        WatchState.write(MAPPER, file, WatchState.Content.EMPTY);
        assertArrayEquals(before, opened.readAllBytes());
      }
      assertEquals(WatchState.Content.EMPTY, WatchState.read(MAPPER, file));
      try (java.util.stream.Stream<Path> beside = Files.list(dir)) {
        assertEquals(List.of(file), beside.toList());
      }
    } finally {
      try (java.util.stream.Stream<Path> left = Files.list(dir)) {
        for (Path p : left.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }
}
