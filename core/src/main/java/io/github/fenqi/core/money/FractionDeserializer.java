package io.github.fenqi.core.money;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.json.FenqiJson;
import java.io.IOException;
import java.util.function.BiFunction;

/**
 * Reads a {@link Rate} or a {@link Ratio} as {@link MoneyDeserializer} reads money: from a JSON decimal string
 * ({@code "0.06"}) or a JSON number ({@code 0.06}), whose source text is parsed, never a {@code double}, so
 * {@code 0.1} stays exactly 0.1. Errors are {@link InvalidInputException}s; {@code FenqiJson} adds the JSON path.
 *
 * <p>Thread-safety: stateless.
 */
abstract class FractionDeserializer<T> extends JsonDeserializer<T> {
  private final String kind;
  private final String example;
  private final BiFunction<String, String, T> parse;

  private FractionDeserializer(String kind, String example, BiFunction<String, String, T> parse) {
    this.kind = kind;
    this.example = example;
    this.parse = parse;
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    String field = FenqiJson.fieldName(p, kind);
    if (token == JsonToken.VALUE_STRING) {
      Decimals.requireNoSpaceAround(field, p.getText(), example);
      return parse.apply(field, p.getText());
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return parse.apply(field, p.getText()); // 6e-2 is refused there as not a decimal number
    }
    throw new InvalidInputException(field, "expected a " + kind + " as a decimal string such as \"" + example
        + "\", got " + FenqiJson.found(p));
  }

  /** {@link Rate}'s reader. */
  static final class OfRate extends FractionDeserializer<Rate> {
    OfRate() {
      super("rate", "0.06", Rate::parse);
    }
  }

  /** {@link Ratio}'s reader. */
  static final class OfRatio extends FractionDeserializer<Ratio> {
    OfRatio() {
      super("ratio", "0.5", Ratio::parse);
    }
  }
}
