package io.github.fenqi.core.money;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.json.FenqiJson;
import java.io.IOException;

/**
 * Reads money from a JSON decimal string ({@code "1234.56"}) or a JSON number written with at most two
 * decimals. The number's source text is used, never a {@code double}, so {@code 0.1} stays 10 fen. A string with
 * spaces around the amount is refused ({@link Decimals#requireNoSpaceAround}), though {@link Money#parse} strips them.
 * Errors are reported as {@link InvalidInputException}s; {@code FenqiJson} adds the JSON path.
 *
 * <p>An amount is held to the input limit of ±10^15 yuan, unless it is part of what the SDK wrote (a result, a
 * schedule, a stress test: {@link FenqiJson#readsWholeRange}), which reads back over every amount a {@code long} of fen
 * holds.
 */
final class MoneyDeserializer extends JsonDeserializer<Money> {

  @Override
  public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    String field = FenqiJson.fieldName(p, "amount");
    boolean wholeRange = FenqiJson.readsWholeRange(ctxt);
    if (token == JsonToken.VALUE_STRING) {
      Decimals.requireNoSpaceAround(field, p.getText(), "1234.56");
      return Money.parse(field, p.getText(), wholeRange);
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      // read as the same text in a string is: NaN and infinity, numbers to a parser that allows them, had been refused
      // as "'NaN' is not a finite amount", the one refusal of an amount without an example of one
      return Money.parse(field, p.getText(), wholeRange);
    }
    throw new InvalidInputException(field, "expected an amount as a decimal string such as \"1234.56\", got " + FenqiJson.found(p));
  }
}
