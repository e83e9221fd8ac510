package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.money.Money;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The analyzer removes as duplicates exactly the rows the plain definition does: in time order, each row the same as
 * a kept row before it (by serial, direction and amount; without a serial, by every field compared), paired with the
 * first such row. The analyzer skips rows alone at their time; the rows here share few times, so most are not.
 */
class DuplicateRowsProperties {
  private static final LocalDateTime T = LocalDateTime.of(2026, 5, 1, 10, 0);

  @Provide
  Arbitrary<List<Transaction>> rows() {
    Arbitrary<Object[]> row = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(Direction.DEBIT,
        Direction.CREDIT), Arbitraries.of(100L, 200L), Arbitraries.of("", "杭州澄星数码科技有限公司"), Arbitraries.of("POS消费",
        "超市"), Arbitraries.of("", "S1", "S2"), Arbitraries.of(0L, 5000L)).as((minute, d, fen, cp, desc, serial, balance) ->
        new Object[] {minute, d, fen, cp, desc, serial, balance});
    return row.list().ofMaxSize(12).map(list -> {
      List<Transaction> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Object[] o = list.get(i);
        out.add(new Transaction("bank.csv", i + 2, i + 1, T.plusMinutes((Integer) o[0]), (Direction) o[1],
            Money.ofFen((Long) o[2]), (String) o[3], "", (String) o[4], "", "", "", (String) o[5], "",
            (Long) o[6] == 0 ? null : Money.ofFen((Long) o[6])));
      }
      return out;
    });
  }

  @Property(tries = 1000)
  void duplicatesAreThoseOfThePlainDefinition(@ForAll("rows") List<Transaction> rows) {
    List<Transaction> inOrder = new ArrayList<>(rows);
    inOrder.sort(Comparator.comparing(Transaction::time).thenComparingInt(Transaction::fileLine));
    Map<List<Object>, Transaction> first = new HashMap<>();
    Map<String, String> expected = new TreeMap<>();
    for (Transaction t : inOrder) {
      List<Object> key = t.serial().isEmpty()
          ? java.util.Arrays.asList(t.time(), t.direction(), t.amount(), t.counterparty(), t.counterpartyAccount(),
              t.description(), t.balance())
          : List.of(t.serial(), t.direction(), t.amount());
      Transaction before = first.putIfAbsent(key, t);
      if (before != null) {
        expected.put(t.location(), before.location());
      }
    }
    StatementAnalysis analysis = StatementAnalyzer.defaults().analyze(List.of(new ParsedStatement("bank.csv",
        StatementFormat.BANK, "UTF-8", null, 1, rows, List.of(), null, null)));
    Map<String, String> actual = new TreeMap<>();
    analysis.removals().stream().filter(r -> r.kind() == RemovalKind.DUPLICATE)
        .forEach(r -> actual.put(r.transaction().location(), Objects.requireNonNull(r.pairedWith())));
    assertEquals(expected, actual, rows.toString());
  }
}
