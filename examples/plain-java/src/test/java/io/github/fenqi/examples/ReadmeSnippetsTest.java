package io.github.fenqi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationBlockedException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.policy.JsonDirectoryPolicyRepository;
import io.github.fenqi.core.security.audit.AuditKey;
import io.github.fenqi.core.security.audit.AuditLog;
import io.github.fenqi.core.statement.ForensicVerdict;
import io.github.fenqi.core.statement.StatementFormat;
import io.github.fenqi.core.statement.StatementParser;
import io.github.fenqi.core.testkit.ReadmeBlocks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The READMEs show the snippets of {@link ReadmeSnippets} verbatim, and they do what their comments say. Runs in the
 * repository's root directory (see the pom), where the README's relative paths lead.
 */
class ReadmeSnippetsTest {
  private static final Path SOURCE = Path.of("examples/plain-java/src/test/java/io/github/fenqi/examples/ReadmeSnippets.java");

  @Test
  void theReadmesShowTheCompiledSnippets() throws IOException {
    List<String> source = Files.readAllLines(SOURCE);
    List<String> names = new ArrayList<>();
    for (String line : source) {
      if (line.strip().startsWith("// snippet ")) {
        names.add(line.strip().substring("// snippet ".length()));
      }
    }
    assertEquals(5, names.size(), names.toString());
    for (String name : names) {
      String readme = name.substring(0, name.indexOf(' '));
      assertTrue(ReadmeBlocks.java(Path.of(readme)).contains(snippet(source, name)),
          readme + " does not show the snippet '" + name + "' of " + SOURCE + " as it is there:\n" + snippet(source, name));
    }
  }

  /**
   * A new user's READMEs keep to 120 columns, code blocks included, so that they read in a terminal and a side-by-side
   * diff; a table row, which Markdown cannot break, is the one exception. Paragraphs of up to 693 characters had
   * crept in, and a command that ran off the screen was copied without its end.
   */
  @Test
  void theReadmesKeepTo120Columns() throws IOException {
    List<String> longLines = new ArrayList<>();
    for (String readme : List.of("README.md", "core/README.md", "rules-easy/README.md", "optimizer-optaplanner/README.md",
        "nlp-adapter/README.md", "examples/cli/README.md", "examples/spring-boot-app/README.md")) {
      List<String> lines = Files.readAllLines(Path.of(readme));
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.codePointCount(0, line.length()) > 120 && !line.startsWith("|")) {
          longLines.add(readme + ":" + (i + 1) + ": " + line.codePointCount(0, line.length()) + " columns");
        }
      }
    }
    assertEquals(List.of(), longLines);
  }

  @Test
  void theQuickStartPrintsTheThreeProposals() {
    String out = printed(ReadmeSnippets::quickStart);
    for (String strategy : List.of("AGGRESSIVE", "CONSERVATIVE", "BALANCED")) {
      assertTrue(out.contains(strategy + ": "), out);
    }
  }

  @Test
  void theStatementSnippetReadsTheFilesItNames() {
    try (JsonDirectoryPolicyRepository policies = JsonDirectoryPolicyRepository.openStrict(Path.of("samples/policies"))) {
      NegotiationEngine engine = NegotiationEngine.builder().policies(policies).build();
      NegotiationRequest request = NegotiationRequest.read(Path.of("samples/cases/shanghai-three-debts-feasible.json"));
      InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
          () -> ReadmeSnippets.withStatements(engine, request));
      assertTrue(e.getMessage().contains("alipay.csv"), e.getMessage());
    }
  }

  /**
   * The statement snippet's comments quote what the engine writes, in its words: run as the snippet runs on the
   * sample bank statement (the snippet's own files are the reader's), the notes hold one that starts as the notes'
   * comment does, the verdict is one its comment names, and the forged copy of the statement is blocked with a
   * reason that starts as the reasons' comment does. The notes' comment had read "income = median of 6 statement
   * months", a form no note has, so a reader looking for it in the notes found nothing.
   */
  @Test
  void theStatementSnippetsCommentsQuoteWhatTheEngineWrites() throws IOException {
    List<String> source = Files.readAllLines(SOURCE);
    String note = comment(source, "result.affordability().notes()");
    String verdicts = comment(source, "result.screening().verdict()");
    String reason = comment(source, "e.screening().reasons()")
        .replaceFirst("^e\\.g\\. ", "").replaceFirst(" \\.\\.\\.$", "");
    try (JsonDirectoryPolicyRepository policies =
        JsonDirectoryPolicyRepository.openStrict(Path.of("samples/policies"))) {
      NegotiationEngine engine = NegotiationEngine.builder().policies(policies).build();
      NegotiationRequest request =
          NegotiationRequest.read(Path.of("samples/cases/shanghai-three-debts-feasible.json"));
      NegotiationResult result = engine.calculate(request,
          List.of(StatementParser.read(Path.of("samples/statements/bank_A.csv"), StatementFormat.BANK)));
      List<String> notes = result.affordability().notes();
      assertTrue(notes.stream().anyMatch(n -> n.startsWith(note)), "'" + note + "' begins none of " + notes);
      ForensicVerdict verdict = result.screening().verdict();
      assertTrue(verdict != ForensicVerdict.BLOCK && verdicts.contains(verdict.name()), verdicts + " / " + verdict);
      NegotiationBlockedException blocked = org.junit.jupiter.api.Assertions.assertThrows(
          NegotiationBlockedException.class, () -> engine.calculate(request,
              List.of(StatementParser.read(Path.of("samples/statements/bank_A_forged.csv"), StatementFormat.BANK))));
      List<String> reasons = blocked.screening().reasons();
      assertTrue(reasons.stream().anyMatch(r -> r.startsWith(reason)), "'" + reason + "' begins none of " + reasons);
    }
  }

  /** The comment of the snippet line that holds {@code call}, after its {@code //}. */
  private static String comment(List<String> source, String call) {
    String line = source.stream().filter(l -> l.contains(call)).findFirst().orElseThrow();
    return line.substring(line.indexOf("// ") + 3).strip();
  }

  @Test
  void theRulesSnippetOpensTheDirectoryItNames() {
    try (JsonDirectoryPolicyRepository policies = JsonDirectoryPolicyRepository.openStrict(Path.of("samples/policies"))) {
      AuditLog log = AuditLog.inMemory(AuditKey.of(new byte[32]), Clock.systemUTC(), List.of());
      InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
          () -> ReadmeSnippets.rulesEasy(policies, log));
      assertTrue(e.getMessage().startsWith("rules: "), e.getMessage());
    }
  }

  @Test
  void theExtractorGivesWhatItsCommentsSay() {
    assertEquals(List.of("60", "91", "0.5", "本金不予减免", "[PENALTY_INTEREST, PRINCIPAL]"),
        ReadmeSnippets.extractor().stream().map(Object::toString).toList());
  }

  @Test
  void theAmortizerGivesWhatItsCommentsSay() {
    assertEquals(List.of("1072.00", "12864.00", "0.130342"),
        ReadmeSnippets.amortizer().stream().map(Object::toString).toList());
  }

  /** The lines between {@code // snippet NAME} and {@code // end}, without the method body's indentation. */
  private static String snippet(List<String> source, String name) {
    int start = -1;
    for (int i = 0; i < source.size(); i++) {
      if (source.get(i).strip().equals("// snippet " + name)) {
        start = i + 1;
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = start; !source.get(i).strip().equals("// end"); i++) {
      String line = source.get(i);
      text.append(line.isBlank() ? "" : line.substring(4)).append('\n');
    }
    return text.toString();
  }

  private static String printed(Executable snippet) {
    PrintStream out = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Locale locale = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      snippet.execute();
    } catch (Throwable t) {
      throw new AssertionError(t);
    } finally {
      System.setOut(out);
      Locale.setDefault(locale);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
