package io.github.fenqi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.json.FenqiJson;

/** The CLI's one JSON mapper, fenqi's contract. Thread-safety: the mapper is thread-safe once built. */
final class CliJson {
  static final ObjectMapper MAPPER = FenqiJson.newMapper();

  private CliJson() {}

  static String write(Object value) {
    return FenqiJson.write(MAPPER, value);
  }
}
