package io.github.fenqi.cli;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicyValidator;
import io.github.fenqi.nlp.ExtractedField;
import io.github.fenqi.nlp.ExtractionNote;
import io.github.fenqi.nlp.ExtractionResult;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.PolicyTextExtractor;
import io.github.fenqi.nlp.watch.RepositoryPolicyStore;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fenqi policy extract FILE.txt}: reads a lender's Chinese policy text (UTF-8) and prints the extracted
 * fields as JSON (null where the text does not determine a field), plus the financial terms mentioned;
 * {@code --evidence} adds each field's evidence span and confidence. With {@code --base POLICY.json} it prints
 * instead the policy file the text turns that policy into — a new version with the fields the text determines
 * replaced, validated like any policy file — and lists on standard error what changed, for review before the file
 * is put in the policies directory.
 *
 * <p>Thread-safety: one instance per command line run.
 */
@Command(name = "extract",
    description = "Extract policy fields from a Chinese policy text (UTF-8) and print them as JSON.")
public final class PolicyExtractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /**
   * Declared here, not by the standard help mixin: its {@code -V, --version} clashes with {@code --version LABEL},
   * and picocli then left the whole mixin out — {@code fenqi policy extract --help} answered "Missing required
   * parameter", though every error message points to it.
   */
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  /** {@code -V} alone, as every other command takes it: {@code --version} is the draft's label here. */
  @Option(names = "-V", versionHelp = true, description = "Print version information and exit.")
  boolean versionHelp;

  @Parameters(index = "0", paramLabel = "FILE.txt", description = "the policy text, UTF-8 ('-': standard input)")
  Path file;

  @Option(names = "--evidence", description = "also print each field's evidence span and confidence")
  boolean evidence;

  @Option(names = "--base", paramLabel = "POLICY.json",
      description = "print the policy file this text makes of POLICY.json (the fields it determines replaced) "
          + "instead of the fields; the changes are listed on standard error")
  @Nullable Path base;

  @Option(names = "--version", paramLabel = "LABEL", description = "with --base: the new version's label "
      + "(default: the effective date followed by -text)")
  @Nullable String version;

  @Option(names = "--effective-from", paramLabel = "YYYY-MM-DD",
      description = "with --base: the new version's first day (default: today)")
  @Nullable LocalDate effectiveFrom;

  @Override
  public Integer call() {
    if (base == null && (version != null || effectiveFrom != null)) {
      throw new InvalidInputException(version != null ? "--version" : "--effective-from", "applies only with --base");
    }
    // the label a policy file takes (one line of visible text, at most 128 characters), checked before anything is
    // read or listed: it was refused by the draft's validation, after the review of the changes, naming "version"
    if (version != null) {
      io.github.fenqi.core.TextFields.check("--version", version, io.github.fenqi.core.TextFields.MAX_ID_LENGTH)
          .ifPresent(problem -> {
            throw new InvalidInputException(List.of(problem));
          });
    }
    StandardInput.refuse(base, "a base policy file", "--base");
    if (base != null && evidence) {
      throw new InvalidInputException("--evidence", "applies only without --base (run once without it to see the evidence)");
    }
    String text = read(file);
    ExtractionResult result = PolicyTextExtractor.create().extract(text);
    if (base != null) {
      return printDraft(base, result);
    }
    Map<String, Object> json = result.toJsonMap();
    if (!evidence) {
      json.remove("evidence");
    }
    spec.commandLine().getOut().println(FenqiJson.write(FenqiJson.newMapper(), json));
    spec.commandLine().getOut().flush();
    return FenqiCli.OK;
  }

  private Integer printDraft(Path basePath, ExtractionResult result) {
    Policy basePolicy = new PolicyValidator().validate(basePath).orElseThrow();
    LocalDate from = effectiveFrom != null ? effectiveFrom : LocalDate.now(NegotiationEngine.CASE_ZONE); // a date in China
    String label = version != null ? version : from + "-text"; // checked in call()
    if (label.equals(basePolicy.version())) {
      throw new InvalidInputException("--version", "'" + label + "' is the version of " + basePath
          + " itself; a draft needs a label of its own");
    }
    // a policies directory applies, on each day, the version in effect with the latest effectiveFrom: a draft dated
    // before its base was printed, exit 0, and never in effect once the base was (the text's new terms applied to
    // days already past, the base's old ones from then on), and one of the base's own day was refused beside it
    if (!from.isAfter(basePolicy.effectiveFrom())) {
      throw new InvalidInputException("--effective-from", from + (effectiveFrom == null ? " (today, the default)" : "")
          + " is not after " + basePolicy.effectiveFrom() + ", the effectiveFrom of " + basePath + ": a policies "
          + "directory applies the version with the latest effectiveFrom, so the draft would not be in effect once "
          + "the base is; give a later date");
    }
    Map<PolicyField, Object> live = RepositoryPolicyStore.values(basePolicy);
    Map<PolicyField, Object> values = new EnumMap<>(PolicyField.class);
    PrintWriter err = spec.commandLine().getErr();
    for (Map.Entry<PolicyField, ExtractedField> e : result.fields().entrySet()) {
      Object proposed = e.getValue().value();
      Object was = live.get(e.getKey());
      boolean same = e.getValue().sameValueAs(was);
      // an unchanged value keeps the base's own figure: a base's "0.50" had been rewritten "0.5" in the draft while
      // the review list called it unchanged, a diff of the two files showing an edit nobody had made
      values.put(e.getKey(), same ? was : proposed);
      err.println((same ? "  unchanged " : "  changed   ") + e.getKey().jsonName() + ": "
          + (same ? plain(was) : plain(was) + " -> " + plain(proposed)));
    }
    for (PolicyField f : result.undetermined()) {
      // a field the text states two incompatible ways, or only bounds, is not "not in the text": the reviewer is told
      // what it says (a conflict had been listed as absent, and the lender's new terms kept the old value unseen)
      List<ExtractionNote> notes = result.notes(f);
      err.println((notes.isEmpty() ? "  not in the text, kept " : "  undetermined, kept ") + f.jsonName() + ": "
          + plain(live.get(f)) + (notes.isEmpty() ? "" : " (" + notes.stream().map(ExtractionNote::message)
              .collect(Collectors.joining("; ")) + ")"));
    }
    for (ExtractionNote note : result.notes()) { // a bound beside a value the text does state (逾期30-90天)
      if (!result.undetermined().contains(note.field())) {
        err.println("  note      " + note.message());
      }
    }
    Policy draft;
    try {
      draft = RepositoryPolicyStore.draft(basePolicy, values, label, from);
    } catch (InvalidInputException e) { // a bare "installments.max" had not said of which policy
      throw new InvalidInputException(e.problems().stream()
          .map(p -> Problem.of("the draft of " + basePath + ": " + p.location(), p.reason())).toList());
    }
    String json = FenqiJson.write(FenqiJson.newMapper(), draft);
    // what is printed must load as a policy file: checked by the same validator, every problem named
    new PolicyValidator().validate(json.getBytes(StandardCharsets.UTF_8), "the draft of " + basePath).orElseThrow();
    err.flush();
    spec.commandLine().getOut().println(json);
    spec.commandLine().getOut().flush();
    return FenqiCli.OK;
  }

  private static String plain(@Nullable Object value) {
    return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
  }

  private static String read(Path file) {
    byte[] bytes = StandardInput.read(file, InputFiles.DEFAULT_MAX_BYTES);
    int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(StandardInput.source(file), "is not UTF-8 text (convert it first, e.g. iconv -f GBK -t UTF-8)");
    }
    if (text.isBlank()) { // every field "not in the text" looked like a text that says nothing of them
      throw new InvalidInputException(StandardInput.source(file), "holds no text; nothing to extract");
    }
    return text;
  }
}
