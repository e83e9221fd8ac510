package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fenqi.core.testkit.Samples;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The shipped exports saved again by a spreadsheet that quotes every field of some lines (LibreOffice's "quote all
 * text cells", a tool writing each cell as {@code "..."}) read as the exports themselves: the same rows, and the
 * same holder, period, export time and stated totals of the lines above the header — a quoted preamble line had been
 * passed over, so a file quoted throughout lost its 姓名 (another person's statement passed {@code --holder}) and
 * its 共…笔记录 and 收入/支出 lines (the totals check skipped).
 */
class ResavedExportProperties {
  private static final Charset GBK = Charset.forName("GBK");
  /** A bank export with the lines a bank writes above its header: the holder, the period, when it was made. */
  private static final String BANK_PREAMBLE =
      "账户交易明细\n户名：周子航\n起止日期：2026-05-01 至 2026-10-31\n导出时间：2026-11-02 10:00:00\n";

  private record Export(String name, Charset charset, boolean bom, String text) {
    byte[] bytes(String content) {
      byte[] body = content.getBytes(charset);
      if (!bom) {
        return body;
      }
      byte[] out = new byte[body.length + 3];
      out[0] = (byte) 0xEF;
      out[1] = (byte) 0xBB;
      out[2] = (byte) 0xBF;
      System.arraycopy(body, 0, out, 3, body.length);
      return out;
    }
  }

  private static final List<Export> EXPORTS = List.of(
      new Export("alipay_A.csv", GBK, false, new String(Samples.bytes("samples/statements/alipay_A.csv"), GBK)),
      new Export("wechat_A.csv", StandardCharsets.UTF_8, true,
          new String(Samples.bytes("samples/statements/wechat_A.csv"), StandardCharsets.UTF_8).substring(1)),
      new Export("bank_A.csv", StandardCharsets.UTF_8, false,
          BANK_PREAMBLE + new String(Samples.bytes("samples/statements/bank_A.csv"), StandardCharsets.UTF_8)));

  /** {@code line} (no line break) with every field in quotes; a field already quoted is kept as it is. */
  static String quoteEveryField(String line) {
    return rewriteFields(line, f -> f.startsWith("\"") ? f : "\"" + f + "\"");
  }

  /**
   * {@code line} with each field that is not empty written as a spreadsheet's text formula, {@code ="…"}, as a
   * spreadsheet keeps a long number from being shortened; a field already quoted is kept as it is.
   */
  static String formulaEveryField(String line) {
    return rewriteFields(line, f -> f.isEmpty() || f.startsWith("\"") ? f : "=\"" + f + "\"");
  }

  private static String rewriteFields(String line, java.util.function.UnaryOperator<String> rewrite) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
        continue;
      }
      quoted ^= c == '"';
      field.append(c);
    }
    fields.add(field.toString());
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      out.append(i == 0 ? "" : ",").append(rewrite.apply(fields.get(i)));
    }
    return out.toString();
  }

  /** {@code text} with every field of the lines numbered in {@code lines} (0-based) quoted; empty lines stay empty. */
  static String quoteLines(String text, Set<Integer> lines) {
    return rewriteLines(text, lines, ResavedExportProperties::quoteEveryField);
  }

  private static String rewriteLines(String text, Set<Integer> lines, java.util.function.UnaryOperator<String> rewrite) {
    String[] split = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < split.length; i++) {
      String line = split[i];
      boolean cr = line.endsWith("\r");
      String bare = cr ? line.substring(0, line.length() - 1) : line;
      out.append(i == 0 ? "" : "\n").append(lines.contains(i) && !bare.isEmpty() ? rewrite.apply(bare) : bare)
          .append(cr ? "\r" : "");
    }
    return out.toString();
  }

  @Provide
  Arbitrary<Set<Integer>> lineNumbers() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Set.copyOf(java.util.stream.IntStream.range(0, 200).boxed().toList()))),
        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 30).set().ofMaxSize(30)));
  }

  @Property(tries = 60)
  void quotingAnyLinesOfAnExportReadsItAsItIs(@ForAll("lineNumbers") Set<Integer> quoted) {
    for (Export e : EXPORTS) {
      ParsedStatement plain = StatementParser.parseDetected(e.name(), e.bytes(e.text()));
      ParsedStatement resaved = StatementParser.parseDetected(e.name(), e.bytes(quoteLines(e.text(), quoted)));
      assertEquals(plain, resaved, e.name() + " with lines " + quoted + " quoted");
    }
  }

  /**
   * Any rows' fields written as text formulas ({@code ="2026103120007416501000250698"}, {@code ="2800.00"}), as a spreadsheet
   * or a bank's export for one writes long numbers to keep them whole, read as the text they show: such an amount or
   * date had been refused as none, and such an order number kept its {@code ="…"}, so the export and a copy without
   * it were no two statements of the same rows.
   */
  @Property(tries = 60)
  void writingAnyRowsAsTextFormulasReadsTheExportAsItIs(@ForAll("lineNumbers") Set<Integer> formulas) {
    for (Export e : EXPORTS) {
      ParsedStatement plain = StatementParser.parseDetected(e.name(), e.bytes(e.text()));
      ParsedStatement resaved = StatementParser.parseDetected(e.name(),
          e.bytes(rewriteLines(e.text(), formulas, line -> line.startsWith("20") ? formulaEveryField(line) : line)));
      assertEquals(plain, resaved, e.name() + " with lines " + formulas + " as formulas");
    }
  }

  /** The plain exports state what the property compares, so a quoted line that lost it fails it. */
  @Property(tries = 1)
  void theExportsStateTheirHolderPeriodExportTimeAndTotals() {
    for (Export e : EXPORTS) {
      ParsedStatement plain = StatementParser.parseDetected(e.name(), e.bytes(e.text()));
      assertEquals(List.of(), plain.rejected(), e.name());
      assertEquals(java.time.LocalDate.of(2026, 5, 1), plain.statedFrom(), e.name());
      assertEquals(e.name().startsWith("wechat"), plain.holderName() == null, e.name());
      assertEquals(e.name().startsWith("bank"), plain.statedTotals() == null, e.name());
      assertEquals(true, plain.exportedAt() != null, e.name());
    }
  }
}
