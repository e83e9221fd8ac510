package io.github.fenqi.core.statement;

import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.statement.internal.AlipayParser;
import io.github.fenqi.core.statement.internal.BankCsvParser;
import io.github.fenqi.core.statement.internal.CsvStatementParser;
import io.github.fenqi.core.statement.internal.TextDecoding;
import io.github.fenqi.core.statement.internal.WechatParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads one statement export (SPI: add a parser for another bank or app by implementing it). A parser detects the
 * encoding from the bytes, finds its header line after any preamble, rejects malformed rows with
 * {@code file:line: reason} while keeping the rest, and throws {@link InvalidInputException} naming the file when
 * the content is not its kind of statement at all.
 *
 * <p>Implementations must be thread-safe; the shipped ones are stateless.
 */
public interface StatementParser {

  /** Files larger than this are refused before they are decoded (a statement of years is a few MB). */
  int MAX_BYTES = 64 * 1024 * 1024;

  /** The format this parser reads. */
  StatementFormat format();

  /**
   * Parses one file's content.
   *
   * @param source the file's name, used in every problem and explanation
   * @param content the raw bytes, any encoding
   * @throws InvalidInputException if the content is not this kind of statement
   */
  ParsedStatement parse(String source, byte[] content);

  /** Whether {@code content} looks like this parser's format (its header line is present). */
  boolean recognises(byte[] content);

  /** Alipay 支付宝交易明细 exports. */
  static StatementParser alipay() {
    return new AlipayParser();
  }

  /** WeChat Pay 微信支付账单明细 exports. */
  static StatementParser wechat() {
    return new WechatParser();
  }

  /** Bank CSV in the {@link BankColumnMapping#DEFAULT} layout. */
  static StatementParser bank() {
    return bank(BankColumnMapping.DEFAULT);
  }

  /** Bank CSV with the given column names. */
  static StatementParser bank(BankColumnMapping columns) {
    return new BankCsvParser(columns);
  }

  /** The shipped parser for {@code format} (bank: the default mapping). */
  static StatementParser of(StatementFormat format) {
    return switch (format) {
      case ALIPAY -> alipay();
      case WECHAT -> wechat();
      case BANK -> bank();
    };
  }

  /**
   * Parses content whose format is not known: the first shipped parser that recognises its header reads it.
   *
   * @throws InvalidInputException naming {@code source} when no parser recognises it, or the content is larger than
   *     {@link #MAX_BYTES}
   */
  static ParsedStatement parseDetected(String source, byte[] content) {
    CsvStatementParser.requireAtMostMaxBytes(source, content);
    String notText = TextDecoding.notTextKind(content);
    if (notText != null) {
      throw new InvalidInputException(source, "not a statement: " + notText);
    }
    Optional<StatementFormat> detected = detect(content);
    if (detected.isPresent()) {
      return of(detected.get()).parse(source, content);
    }
    for (CsvStatementParser parser : shipped()) {
      Problem broken = parser.utf8BreakAfterHeader(source, content);
      if (broken != null) {
        throw new InvalidInputException(broken.location(), broken.reason());
      }
    }
    for (CsvStatementParser parser : shipped()) {
      Problem separated = parser.otherSeparator(source, content);
      if (separated != null) {
        throw new InvalidInputException(separated.location(), separated.reason());
      }
    }
    String none = "not a statement: no Alipay, WeChat Pay or bank CSV header line found (give the format explicitly, or "
        + "a column mapping for this bank)";
    Problem near = new BankCsvParser(BankColumnMapping.DEFAULT).closestHeader(source, content);
    throw near != null ? new InvalidInputException(near.location(), none + "; this line " + near.reason())
        : new InvalidInputException(source, none);
  }

  /**
   * The shipped format whose header line {@code content} has (Alipay's, WeChat's, or the
   * {@link BankColumnMapping#DEFAULT} bank layout, tried in that order), or empty: what {@link #parseDetected} reads
   * it as, and what a parser told the wrong format names, so a file given as the wrong format is refused saying which format it is in.
   */
  static Optional<StatementFormat> detect(byte[] content) {
    for (StatementParser p : shipped()) {
      if (p.recognises(content)) {
        return Optional.of(p.format());
      }
    }
    return Optional.empty();
  }

  /** The shipped parsers in the order a format is detected: Alipay's, WeChat's, the default bank layout. */
  private static List<CsvStatementParser> shipped() {
    return List.of(new AlipayParser(), new WechatParser(), new BankCsvParser(BankColumnMapping.DEFAULT));
  }

  /**
   * Reads and parses a file.
   *
   * @param format the format, or null to detect it
   */
  static ParsedStatement read(Path file, @Nullable StatementFormat format) {
    String source = file.toString();
    byte[] content = InputFiles.read(file, MAX_BYTES);
    return format == null ? parseDetected(source, content) : of(format).parse(source, content);
  }
}
