package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The sample bank statement with a running balance, cut anywhere and listed oldest or newest first: taken unchanged it
 * is never judged forged and breaks no balance; one amount edited, its balance left as exported, is a balance break at
 * that row and no other. The oldest row of a cut is left alone: no balance before it tells what its amount was.
 */
class BankAmountEditProperties {
  private static final List<String> BANK = Arrays.asList(
      new String(Samples.bytes("samples/statements/bank_A.csv"), StandardCharsets.UTF_8).split("\n"));

  /** {@code lines} (a header, then rows oldest first) as one statement, its rows newest first when asked. */
  private static ForensicReport examine(List<String> lines, boolean newestFirst) {
    List<String> file = new ArrayList<>(lines);
    if (newestFirst) {
      java.util.Collections.reverse(file.subList(1, file.size()));
    }
    ParsedStatement s = StatementParser.bank().parse("cut.csv",
        (String.join("\n", file) + "\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), s.rejected());
    return StatementForensics.defaults().examine(List.of(s), StatementAnalyzer.defaults().analyze(List.of(s)));
  }

  @Property(tries = 200)
  void anUntouchedCutPassesTheBalanceAndOneEditedAmountBreaksItAtItsRow(
      @ForAll @IntRange(min = 2, max = 86) int from, @ForAll @IntRange(min = 1, max = 85) int span,
      @ForAll @IntRange(min = 0, max = 86) int pick, @ForAll @IntRange(min = -500_00, max = 500_00) int delta,
      @ForAll boolean newestFirst) {
    Assume.that(delta != 0);
    List<String> cut = new ArrayList<>();
    cut.add(BANK.get(0));
    cut.addAll(BANK.subList(from - 1, Math.min(BANK.size(), from + span))); // lines from to from + span, two or more
    ForensicReport untouched = examine(cut, newestFirst);
    assertNotEquals(ForensicVerdict.BLOCK, untouched.verdict(), untouched.signals().toString());
    assertTrue(untouched.signals().stream().noneMatch(x -> x.kind() == ForensicSignal.Kind.BALANCE_BREAK),
        untouched.signals().toString());

    int i = 2 + pick % (cut.size() - 2); // an index into cut past the header and the cut's oldest row
    String[] f = cut.get(i).split(",", -1);
    int column = f[3].isEmpty() ? 4 : 3; // money in, or money out
    long fen = Money.of(f[column]).fen();
    Assume.that(fen + delta > 0);
    f[column] = Money.ofFen(fen + delta).toString();
    List<String> edited = new ArrayList<>(cut);
    edited.set(i, String.join(",", f));
    ForensicReport r = examine(edited, newestFirst);
    assertNotEquals(ForensicVerdict.PASS, r.verdict());
    ForensicSignal breaks = r.signals().stream().filter(x -> x.kind() == ForensicSignal.Kind.BALANCE_BREAK)
        .findFirst().orElseThrow(() -> new AssertionError(r.signals().toString()));
    int line = newestFirst ? cut.size() - i + 1 : i + 1;
    assertEquals(List.of("cut.csv:" + line), breaks.rows(), breaks.detail());
  }
}
