package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A script's amounts in figures are what {@code String.format(Locale.ROOT, "%,.2f", yuan)} writes — grouped thousands,
 * two decimals, exact — over a {@code Money}'s whole range: the generator writes them with long arithmetic, as the
 * formatter took a third of a 10-debt case's scripts (and an eighth of its whole calculation).
 */
class FiguresFormatProperties {

  @Property(tries = 5_000)
  void figuresAreTheFormattersGroupedTwoDecimals(@ForAll("fen") long fen) {
    Money m = Money.ofFen(fen);
    assertEquals(String.format(Locale.ROOT, "%,.2f", m.toYuan()), TemplateScriptGenerator.figures(m), "fen " + fen);
  }

  @Provide
  Arbitrary<Long> fen() {
    return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-100_000_000L, 100_000_000L),
        Arbitraries.of(0L, 1L, -1L, 99L, -99L, 100L, -100L, 99_999L, 100_000L, 100_000_000L, -100_000_000L,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
  }
}
