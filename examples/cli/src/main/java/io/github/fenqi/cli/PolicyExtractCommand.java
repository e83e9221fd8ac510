package io.github.fenqi.cli;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.nlp.ExtractionResult;
import io.github.fenqi.nlp.PolicyTextExtractor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fenqi policy extract FILE.txt}: reads a lender's Chinese policy text (UTF-8) and prints the extracted
 * fields as JSON (null where the text does not determine a field), plus the financial terms mentioned;
 * {@code --evidence} adds each field's evidence span and confidence.
 *
 * <p>Thread-safety: one instance per command line run.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Extract policy fields from a Chinese policy text (UTF-8) and print them as JSON.")
public final class PolicyExtractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.txt", description = "the policy text, UTF-8")
  Path file;

  @Option(names = "--evidence", description = "also print each field's evidence span and confidence")
  boolean evidence;

  @Override
  public Integer call() {
    String text = read(file);
    ExtractionResult result = PolicyTextExtractor.create().extract(text);
    Map<String, Object> json = result.toJsonMap();
    if (!evidence) {
      json.remove("evidence");
    }
    spec.commandLine().getOut().println(FenqiJson.write(FenqiJson.newMapper(), json));
    spec.commandLine().getOut().flush();
    return FenqiCli.OK;
  }

  private static String read(Path file) {
    byte[] bytes = InputFiles.read(file);
    int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(file.toString(), "is not UTF-8 text (convert it first, e.g. iconv -f GBK -t UTF-8)");
    }
  }
}
