package io.github.fenqi.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes fenqi's JSON. Each call of {@link #newMapper()} returns a fresh, fully configured
 * mapper; the {@code read} helpers translate every Jackson error into an {@link InvalidInputException}
 * whose locations are the source name plus JSON path ({@code case.json: debts[2].principal}).
 *
 * <p>Thread-safety: stateless; the mappers it returns are thread-safe once configured (Jackson's rule).
 */
public final class FenqiJson {
  private FenqiJson() {}

  /**
   * A mapper with fenqi's contract: unknown fields are errors, dates are ISO-8601 strings, money
   * and rates use their own string forms, output is indented.
   */
  public static ObjectMapper newMapper() {
    SimpleModule time = new SimpleModule("fenqi-time");
    time.addSerializer(LocalDate.class, toStringSerializer());
    time.addSerializer(YearMonth.class, toStringSerializer());
    time.addSerializer(Instant.class, toStringSerializer());
    time.addDeserializer(LocalDate.class, textDeserializer("date (YYYY-MM-DD)", LocalDate::parse));
    time.addDeserializer(YearMonth.class, textDeserializer("month (YYYY-MM)", YearMonth::parse));
    time.addDeserializer(Instant.class, textDeserializer("instant (ISO-8601, UTC)", Instant::parse));
    // Optional values in result types: the value, or null when empty (no jdk8 module in core).
    time.addSerializer(OptionalDouble.class, new JsonSerializer<>() {
      @Override
      public void serialize(OptionalDouble value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        if (value.isPresent()) {
          gen.writeNumber(value.getAsDouble());
        } else {
          gen.writeNull();
        }
      }
    });
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Optional<?>> optional = (Class) Optional.class;
    time.addSerializer(optional, new JsonSerializer<Optional<?>>() {
      @Override
      public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        if (value.isPresent()) {
          serializers.defaultSerializeValue(value.get(), gen);
        } else {
          gen.writeNull();
        }
      }
    });
    return JsonMapper.builder()
        .addModule(time)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }

  /** Reads {@code file} as {@code type}; every problem names the file and JSON path. */
  public static <T> T read(ObjectMapper mapper, Path file, Class<T> type) {
    return read(mapper, InputFiles.read(file), type, file.toString());
  }

  /**
   * Reads JSON bytes as {@code type}; {@code sourceName} (a file name, "request body") prefixes every location. When
   * a record fails to bind, every problem of its parts is listed, not only the first ({@link #problemsOfEachPart}).
   */
  public static <T> T read(ObjectMapper mapper, byte[] json, Class<T> type, String sourceName) {
    try {
      T value = mapper.readValue(json, type);
      if (value == null) {
        throw new InvalidInputException(sourceName, "is JSON null; expected an object");
      }
      return value;
    } catch (IOException e) {
      InvalidInputException first = translate(e, sourceName);
      List<Problem> more = type.isRecord() ? problemsOfEachPart(mapper, json, type, sourceName) : List.of();
      throw more.isEmpty() ? first : new InvalidInputException(merged(first.problems(), more), e);
    }
  }

  /**
   * The problems of each part of a record's JSON object — each component's value, and each element of a component
   * that is a list — bound on its own, with the part's path ({@code debts[2].principal}). Jackson stops at the first
   * part that fails, so a case with two bad debts named only the first; this finds the others. Empty when the JSON is
   * malformed or not an object, and for parts that bind; problems only the whole record's constructor sees (between
   * parts) are not among them. Parts are found by their record components' names.
   */
  public static List<Problem> problemsOfEachPart(ObjectMapper mapper, byte[] json, Class<?> recordType,
      String sourceName) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (IOException malformed) {
      return List.of();
    }
    if (root == null || !root.isObject() || !recordType.isRecord()) {
      return List.of();
    }
    String prefix = sourceName.isEmpty() ? "" : sourceName + ": ";
    List<Problem> out = new ArrayList<>();
    for (RecordComponent c : recordType.getRecordComponents()) {
      JsonNode node = root.get(c.getName());
      if (node == null || node.isNull()) {
        continue;
      }
      JavaType type = mapper.constructType(c.getGenericType());
      if (type.isCollectionLikeType() && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          bindAlone(mapper, node.get(i), type.getContentType(), prefix + c.getName() + "[" + i + "]", out);
        }
      } else {
        bindAlone(mapper, node, type, prefix + c.getName(), out);
      }
    }
    return List.copyOf(new LinkedHashSet<>(out)); // a failed part and its field can name the same problem
  }

  private static void bindAlone(ObjectMapper mapper, JsonNode node, JavaType type, String where, List<Problem> out) {
    List<Problem> found;
    try {
      mapper.readerFor(type).readValue(node);
      return;
    } catch (IOException e) {
      found = translate(e, "").problems();
    } catch (InvalidInputException e) { // a value's own deserializer, at the root of what is bound: not wrapped
      for (Problem p : e.problems()) {
        out.add(Problem.of(where, p.reason()));
      }
      return;
    }
    for (Problem p : found) {
      String at = p.location();
      // a part bound alone has no path of its own: "line n" would be a line of the part, not of the file
      String location = at.isEmpty() || at.startsWith("line ") ? where
          : at.startsWith("[") ? where + at : where + "." + at;
      out.add(Problem.of(location, p.reason()));
    }
    if (type.getRawClass().isRecord() && node.isObject()) { // a part that failed: its own parts, one by one
      for (RecordComponent c : type.getRawClass().getRecordComponents()) {
        JsonNode child = node.get(c.getName());
        if (child != null && !child.isNull()) {
          bindAlone(mapper, child, mapper.constructType(c.getGenericType()), where + "." + c.getName(), out);
        }
      }
    }
  }

  /** {@code first}, then those of {@code more} not already in it, in order. */
  public static List<Problem> merged(List<Problem> first, List<Problem> more) {
    LinkedHashSet<Problem> all = new LinkedHashSet<>(first);
    all.addAll(more);
    return List.copyOf(all);
  }

  /** Writes {@code value} as indented JSON. */
  public static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Turns a Jackson failure into an {@link InvalidInputException} whose problems carry the source and
   * JSON path. An {@link InvalidInputException} raised inside a constructor or deserializer keeps its
   * problems, each prefixed with the path where it happened.
   */
  public static InvalidInputException translate(IOException e, String sourceName) {
    String prefix = sourceName.isEmpty() ? "" : sourceName + ": ";
    if (e instanceof JsonMappingException jme && jme.getCause() instanceof JsonParseException parse) {
      return malformed(parse, prefix, e);
    }
    if (e instanceof JsonMappingException jme) {
      String path = pathOf(jme);
      InvalidInputException inner = findInvalidInput(jme);
      if (inner != null) {
        List<Problem> problems = new ArrayList<>();
        for (Problem p : inner.problems()) {
          problems.add(Problem.of(prefix + join(path, p.location()), p.reason()));
        }
        return new InvalidInputException(problems, e);
      }
      if (jme instanceof UnrecognizedPropertyException upe) {
        String known = upe.getKnownPropertyIds() == null ? "" : "; known fields: " + upe.getKnownPropertyIds();
        return new InvalidInputException(List.of(Problem.of(prefix + path,
            "unknown field '" + upe.getPropertyName() + "'" + known)), e);
      }
      String where = path.isEmpty() ? prefix + "line " + lineOf(jme) : prefix + path;
      return new InvalidInputException(List.of(Problem.of(stripColon(where), firstLine(jme.getOriginalMessage()))), e);
    }
    if (e instanceof JsonProcessingException jpe) {
      return malformed(jpe, prefix, e);
    }
    return new InvalidInputException(List.of(Problem.of(stripColon(prefix), "cannot be read: " + e.getMessage())), e);
  }

  private static InvalidInputException malformed(JsonProcessingException jpe, String prefix, IOException cause) {
    String reason = firstLine(jpe.getOriginalMessage()).replaceAll("\\s*\\(for [^)]*\\[Source:.*$", "");
    if (reason.startsWith("Invalid UTF-8")) { // most often a file saved as GBK by a Chinese editor
      return new InvalidInputException(List.of(Problem.of(prefix + "line " + lineOf(jpe),
          "not UTF-8 text (" + reason + "); JSON must be UTF-8 — a file saved as GBK needs converting, e.g. iconv -f GBK "
              + "-t UTF-8")), cause);
    }
    return new InvalidInputException(List.of(Problem.of(prefix + "line " + lineOf(jpe), "malformed JSON: " + reason)),
        cause);
  }

  private static String stripColon(String s) {
    return s.endsWith(": ") ? s.substring(0, s.length() - 2) : s;
  }

  private static @Nullable InvalidInputException findInvalidInput(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InvalidInputException iie) {
        return iie;
      }
    }
    return null;
  }

  /** Joins a JSON path and a problem's own field, without repeating the field when the path ends with it. */
  private static String join(String path, String location) {
    if (path.isEmpty()) {
      return location;
    }
    if (location.isEmpty() || path.equals(location) || path.endsWith("." + location)) {
      return path;
    }
    return location.startsWith("[") ? path + location : path + "." + location;
  }

  /** {@code debts[2].principal} from Jackson's reference chain. */
  static String pathOf(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static long lineOf(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "invalid value";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static <T> JsonSerializer<T> toStringSerializer() {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(value.toString());
      }
    };
  }

  private static <T> JsonDeserializer<T> textDeserializer(String expected, Function<String, T> parse) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String field = p.currentName() == null ? "" : p.currentName();
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          throw new InvalidInputException(field, "expected a " + expected + " string, got " + p.currentToken());
        }
        String text = p.getText();
        try {
          return parse.apply(text);
        } catch (DateTimeParseException e) {
          throw new InvalidInputException(field, "'" + text + "' is not a valid " + expected);
        }
      }
    };
  }
}
