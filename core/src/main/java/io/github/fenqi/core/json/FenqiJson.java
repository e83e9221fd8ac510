package io.github.fenqi.core.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.fenqi.core.Dates;
import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.security.Masking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    // exactly YYYY-MM-DD and YYYY-MM: java.time's parse took "+12026-01-01" and "-0001-01-01" (Dates)
    time.addDeserializer(LocalDate.class, textDeserializer("date (YYYY-MM-DD)", Dates::day));
    time.addDeserializer(YearMonth.class, textDeserializer("month (YYYY-MM)", Dates::month));
    // exactly ISO-8601 UTC with four digits of year: Instant.parse took "+12026-…" and "…+08:00" (Dates)
    time.addDeserializer(Instant.class, textDeserializer("instant (ISO-8601, UTC)", Dates::instant));
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

      @Override // a part marked NON_EMPTY leaves an empty one out
      public boolean isEmpty(SerializerProvider provider, OptionalDouble value) {
        return value.isEmpty();
      }
    });
    time.addDeserializer(OptionalDouble.class, new JsonDeserializer<>() { // a result read back (REST clients)
      @Override
      public OptionalDouble deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.currentToken().isNumeric()) {
          throw new InvalidInputException(fieldName(p, "value"),
              "expected a number, got " + found(p));
        }
        return OptionalDouble.of(p.getDoubleValue());
      }

      @Override
      public OptionalDouble getNullValue(DeserializationContext ctxt) {
        return OptionalDouble.empty();
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
    // and read back: a StressResult could not be (an empty part "is required", a present one Jackson's words naming a
    // module to add), nor a scenario, though the SDK writes both
    time.addDeserializer(optional, new OptionalReader(null));
    time.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
          JsonDeserializer<?> deserializer) {
        JsonDeserializer<?> checked = CheckedWhenRead.class.isAssignableFrom(beanDesc.getBeanClass())
            ? new CheckedAfterBinding(deserializer) : deserializer;
        return beanDesc.getClassAnnotations().has(SdkOutput.class) ? new WholeRangeInside(checked) : checked;
      }

      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
          BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return new ExactEnumName(deserializer);
      }
    });
    return JsonMapper.builder()
        .addModule(time)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // {"principal": "1", "principal": "2"} is an error
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 1.5 overdue days is an error, not 1
        .withCoercionConfig(LogicalType.Textual, text -> text // an id written 5 or true is a mistake, not "5"
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }

  /**
   * Reads an {@code Optional} as {@code newMapper()} writes it: its value, or JSON null for an empty one. The value is
   * read by its own type's reader, so an {@code Optional<Integer>} refuses {@code "x"} as an {@code Integer} field does.
   */
  private static final class OptionalReader extends JsonDeserializer<Optional<?>> implements ContextualDeserializer {
    private final @Nullable JsonDeserializer<Object> value;

    OptionalReader(@Nullable JsonDeserializer<Object> value) {
      this.value = value;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property)
        throws JsonMappingException {
      JavaType type = ctxt.getContextualType() != null ? ctxt.getContextualType()
          : property != null ? property.getType() : null;
      JavaType content = type == null ? ctxt.constructType(Object.class) : type.containedTypeOrUnknown(0);
      return new OptionalReader(ctxt.findContextualValueDeserializer(content, property));
    }

    @Override
    public Optional<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (value == null) { // never: Jackson asks createContextual first
        throw new IllegalStateException("an Optional read without its value's type");
      }
      return Optional.ofNullable(value.deserialize(p, ctxt));
    }

    @Override
    public Optional<?> getNullValue(DeserializationContext ctxt) {
      return Optional.empty();
    }
  }

  /** The attribute that says an amount being read is part of an {@link SdkOutput} type ({@link #readsWholeRange}). */
  private static final Object WHOLE_RANGE = new Object() {
    @Override
    public String toString() {
      return "fenqi.wholeRange";
    }
  };

  /**
   * Whether the value {@code ctxt} is reading is part of a type marked {@link SdkOutput}: its amounts read over the whole
   * range a {@code long} of fen holds, where an amount a user writes is held to the input limit of ±10^15 yuan. One
   * rule for every amount, whichever record holds it: the type being read says whose figures they are.
   */
  public static boolean readsWholeRange(DeserializationContext ctxt) {
    return Boolean.TRUE.equals(ctxt.getAttribute(WHOLE_RANGE));
  }

  /** Reads an {@link SdkOutput} type with {@link #readsWholeRange} true for everything inside it. */
  private static final class WholeRangeInside extends DelegatingDeserializer {
    WholeRangeInside(JsonDeserializer<?> delegatee) {
      super(delegatee);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new WholeRangeInside(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Object outer = ctxt.getAttribute(WHOLE_RANGE);
      ctxt.setAttribute(WHOLE_RANGE, Boolean.TRUE);
      try {
        return _delegatee.deserialize(p, ctxt);
      } finally {
        ctxt.setAttribute(WHOLE_RANGE, outer);
      }
    }
  }

  /**
   * An enum read by its exact name: Jackson's reader retries a name with spaces around it trimmed, so a case took
   * {@code " CREDIT_CARD"} (a cell copied from a spreadsheet) where a policy's product types refuse it. Such a name is
   * refused as any other that is not one of the names.
   */
  private static final class ExactEnumName extends DelegatingDeserializer {
    ExactEnumName(JsonDeserializer<?> delegatee) {
      super(delegatee);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new ExactEnumName(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING) && !p.getText().equals(p.getText().trim())) {
        return ctxt.handleWeirdStringValue(handledType(), p.getText(), "not one of the names");
      }
      return _delegatee.deserialize(p, ctxt);
    }
  }

  /**
   * A {@link CheckedWhenRead} value refused, once bound, with its own problems. They go out wrapped in a {@link
   * JsonMappingException}, as a constructor's {@link InvalidInputException} does: Jackson adds the value's path to it
   * wherever the value sits, and {@link #translate} names each problem at that path.
   */
  private static final class CheckedAfterBinding extends DelegatingDeserializer {
    CheckedAfterBinding(JsonDeserializer<?> delegatee) {
      super(delegatee);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new CheckedAfterBinding(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Object value = _delegatee.deserialize(p, ctxt);
      List<Problem> problems = value instanceof CheckedWhenRead checked ? checked.problemsWhenRead() : List.of();
      if (!problems.isEmpty()) {
        InvalidInputException refused = new InvalidInputException(problems);
        throw JsonMappingException.from(p, refused.getMessage(), refused);
      }
      return value;
    }
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
      T value;
      try {
        value = mapper.readValue(json, type);
      } catch (InvalidInputException atRoot) { // a lone value's reader, which Jackson does not wrap with a path
        throw atRoot(atRoot, sourceName);
      }
      if (value == null) {
        String expected = expected(type);
        throw new InvalidInputException(sourceName, "is JSON null; expected " + (expected == null ? "a value" : expected));
      }
      return value;
    } catch (IOException e) {
      InvalidInputException first = translate(e, sourceName, json);
      List<Problem> more = type.isRecord() ? problemsOfEachPart(mapper, json, type, sourceName) : List.of();
      // a part the first failure names is that failure met again: a number in exponent form (4.8E4) is quoted by the
      // tree as BigDecimal writes it (4.8E+4), and was named twice
      List<String> named = first.problems().stream().map(Problem::location).toList();
      more = more.stream().filter(p -> !named.contains(p.location())).toList();
      throw more.isEmpty() ? first : new InvalidInputException(merged(first.problems(), more), e);
    }
  }

  /**
   * The problems of each part of a record's JSON object — each component's value, and each element of a component
   * that is a list — bound on its own, with the part's path ({@code debts[2].principal}). Jackson stops at the first
   * part that fails, so a case with two bad debts named only the first; this finds the others. Empty when the JSON is
   * malformed or not an object, and for parts that bind; problems only the whole record's constructor sees (between
   * parts) are among them only when the record names its checks with {@link ChecksAcrossParts}. Parts are found by their names in JSON, as Jackson binds them. Every field Jackson
   * refuses to leave out (a number or true/false, or one marked required) that is left out is named, not only the
   * first, with the record's own checks of the other fields.
   */
  public static List<Problem> problemsOfEachPart(ObjectMapper mapper, byte[] json, Class<?> recordType,
      String sourceName) {
    JsonNode root = exactTree(mapper, json);
    if (root == null || !root.isObject() || !recordType.isRecord()) {
      return List.of();
    }
    String prefix = sourceName.isEmpty() ? "" : sourceName + ": ";
    List<Problem> out = new ArrayList<>();
    bindComponents(mapper, root, recordType, prefix, false, out);
    return List.copyOf(new LinkedHashSet<>(out)); // a failed part and its field can name the same problem
  }

  /**
   * What a document is told that holds a number whose exponent has hundreds of digits, which a reader of exact decimals
   * cannot hold (the parser throws a {@code NumberFormatException} for it, naming no line).
   */
  public static final String NO_DECIMAL_HOLDS = "holds a number no decimal holds (an exponent of hundreds of digits); "
      + "write amounts as decimals such as \"48000.00\" and days as whole numbers";

  /**
   * {@code json} as a tree whose numbers are as written, to bind its parts on their own; null when it is malformed or
   * empty. A double node re-read a correct 12345678.90 as "1.23456789E7", refused as exponent notation. A number no
   * decimal holds, its exponent beyond an int ({@code 3e99999999999999999999}), is the double it reads as (infinite or
   * zero), as binding reads it, the others as written: the parser throws a {@code NumberFormatException} for it, which
   * had escaped every reader of a case, a result and a REST body as a stack trace, and then, as a null tree, left every
   * problem of the document but the first untold.
   */
  public static @Nullable JsonNode exactTree(ObjectMapper mapper, byte[] json) {
    try {
      return mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .with(JsonNodeFactory.withExactBigDecimals(true)).readTree(json);
    } catch (NumberFormatException noDecimal) {
      try (JsonParser parser = mapper.createParser(json)) {
        JsonNode root = parser.nextToken() == null ? null : nodeOf(parser, JsonNodeFactory.withExactBigDecimals(true));
        return parser.nextToken() == null ? root : null; // trailing tokens are malformed, as the mapper reads them
      } catch (IOException malformed) {
        return null;
      }
    } catch (IOException malformed) {
      return null;
    }
  }

  /**
   * The value at {@code parser}'s current token, its numbers exact but one no decimal holds, which is its double. Keys
   * given twice are refused by the parser (the mapper's strict duplicate detection), as the tree reader refuses them.
   */
  private static JsonNode nodeOf(JsonParser parser, JsonNodeFactory nodes) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, nodeOf(parser, nodes));
        }
        return object;
      }
      case START_ARRAY -> {
        var array = nodes.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(nodeOf(parser, nodes));
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> nodes.numberNode(parser.getIntValue());
          case LONG -> nodes.numberNode(parser.getLongValue());
          default -> nodes.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        try {
          return nodes.numberNode(parser.getDecimalValue());
        } catch (NumberFormatException noDecimal) {
          return nodes.numberNode(parser.getDoubleValue());
        }
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return nodes.booleanNode(parser.getBooleanValue());
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
    }
  }

  /**
   * Binds each component of {@code recordType} present in {@code node} on its own, and each element of a component that
   * is a list; {@code where} is the record's path ({@code prefix} of its components' names). {@code inOutput}: the record
   * is inside an {@link SdkOutput} type, whose amounts its parts, bound alone, read over the whole range as well (a
   * result's plan bound alone had been refused its total above 10^15 yuan, which the result itself reads).
   */
  private static void bindComponents(ObjectMapper mapper, JsonNode node, Class<?> recordType, String where,
      boolean inOutput, List<Problem> out) {
    boolean wholeRange = inOutput || isSdkOutput(mapper, mapper.constructType(recordType));
    List<BeanPropertyDefinition> properties = mapper.getDeserializationConfig()
        .introspect(mapper.constructType(recordType)).findProperties();
    // the fields it reads, listed as Jackson lists them; a field it only writes (a schedule's totalPayable) is no
    // unknown field, but is not listed as known either: the two lists had differed, and one unknown field was named twice
    List<String> accepted = properties.stream().map(BeanPropertyDefinition::getName).toList();
    List<String> known = properties.stream().filter(BeanPropertyDefinition::couldDeserialize)
        .map(BeanPropertyDefinition::getName).sorted().toList();
    // a component's name in JSON, as Jackson binds it: a renamed one (@JsonProperty("case") on the REST submission's
    // negotiationCase) looked up by its own name was never found, and only the first of two bad debts was named
    Map<String, String> jsonNames = new HashMap<>();
    properties.forEach(p -> jsonNames.putIfAbsent(p.getInternalName(), p.getName()));
    node.fieldNames().forEachRemaining(name -> {
      if (!accepted.contains(name)) { // Jackson reports it only after the record's constructor, which may throw first
        out.add(Problem.of(child(where, name), unknownField(name, known)));
      }
    });
    List<String> absent = mustNotBeAbsent(mapper.getDeserializationConfig(), node, properties, where, out);
    if (!absent.isEmpty()) { // the record's own checks of what is there, with those fields at Java's defaults
      try {
        reader(mapper, mapper.constructType(recordType), wholeRange)
            .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(node);
      } catch (IOException e) { // only the checks' own words: a part that fails is bound on its own below
        for (Problem p : findInvalidInput(e) == null ? List.<Problem>of() : located(translate(e, ""), where)) {
          if (absent.stream().noneMatch(a -> p.location().equals(a) || p.location().startsWith(a + ".")
              || p.location().startsWith(a + "["))) { // a default's own problem (0 people in a household) is none
            out.add(p);
          }
        }
      }
    }
    for (RecordComponent c : recordType.getRecordComponents()) {
      String name = jsonNames.getOrDefault(c.getName(), c.getName());
      JsonNode child = node.get(name);
      if (child == null || child.isNull()) {
        continue;
      }
      JavaType type = mapper.constructType(c.getGenericType());
      String path = child(where, name);
      if (type.isCollectionLikeType() && child.isArray()) {
        for (int i = 0; i < child.size(); i++) {
          bindAlone(mapper, child.get(i), type.getContentType(), path + "[" + i + "]", wholeRange, out);
        }
      } else {
        bindAlone(mapper, child, type, path, wholeRange, out);
      }
    }
    ChecksAcrossParts across = recordType.getAnnotation(ChecksAcrossParts.class);
    if (across != null && node instanceof ObjectNode object) {
      for (Problem p : checks(across.value()).problems(object)) {
        out.add(Problem.of(p.location().startsWith("[") ? stripColon(where) + p.location() : child(where, p.location()),
            p.reason()));
      }
    }
  }

  private static ChecksAcrossParts.Checks checks(Class<? extends ChecksAcrossParts.Checks> type) {
    try {
      Constructor<? extends ChecksAcrossParts.Checks> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getName() + " needs a no-argument constructor", e);
    }
  }

  /**
   * Names every field of {@code node} that Jackson refuses to leave out — a whole number or true/false when null is
   * refused for them (fenqi's mapper), one marked {@code required}, any when missing creator properties fail — in the
   * words Jackson's own refusal gets, and returns their paths. Jackson stops at the first: an empty debt {@code {}}
   * named only its overdue days, a borrower without household size nor proof flag only the first, and a user fixing a
   * file met them one at a time.
   */
  private static List<String> mustNotBeAbsent(DeserializationConfig config, JsonNode node,
      List<BeanPropertyDefinition> properties, String where, List<Problem> out) {
    List<String> absent = new ArrayList<>();
    for (BeanPropertyDefinition p : properties) {
      JsonNode value = node.get(p.getName());
      boolean missing = value == null;
      boolean refused = p.hasConstructorParameter() // a getter's property (Rate's isZero) is never read
          && (p.getRawPrimaryType().isPrimitive()
          && config.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) && (missing || value.isNull())
          || missing && (p.isRequired() || config.isEnabled(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)));
      if (refused) {
        String path = child(where, p.getName());
        out.add(Problem.of(path, missingReason(p.getRawPrimaryType())));
        absent.add(path);
      }
    }
    return absent;
  }

  /** "is missing or null; expected a whole number": the same words for every field Jackson refuses to leave out. */
  private static String missingReason(Class<?> type) {
    String expected = expected(type);
    return "is missing or null" + (expected == null ? "" : "; expected " + expected);
  }

  /**
   * The path of field {@code name} of the object at {@code where} ({@code "case.json: "} at the root), the name masked
   * as {@link Masking#redact} masks free text: a field name is the input's, and a location naming
   * {@code borrower.6222021234567890123} had put the card in clear in logs and HTTP responses.
   */
  private static String child(String where, String name) {
    return where + (where.isEmpty() || where.endsWith(": ") ? "" : ".") + Masking.defaults().redact(name);
  }

  private static void bindAlone(ObjectMapper mapper, JsonNode node, JavaType type, String where, boolean inOutput,
      List<Problem> out) {
    try {
      reader(mapper, type, inOutput).readValue(node);
      return;
    } catch (IOException e) {
      out.addAll(located(translate(e, ""), where));
    } catch (InvalidInputException e) { // a value's own deserializer, at the root of what is bound: not wrapped
      for (Problem p : e.problems()) {
        out.add(Problem.of(where, p.reason()));
      }
      return;
    }
    if (type.getRawClass().isRecord() && node.isObject()) { // a part that failed: its own parts, one by one
      bindComponents(mapper, node, type.getRawClass(), where, inOutput, out);
    }
  }

  /** A reader of {@code type}; {@code inOutput}: as a part of an {@link SdkOutput} type ({@link #readsWholeRange}). */
  private static ObjectReader reader(ObjectMapper mapper, JavaType type, boolean inOutput) {
    ObjectReader reader = mapper.readerFor(type);
    return inOutput ? reader.withAttribute(WHOLE_RANGE, Boolean.TRUE) : reader;
  }

  /** Whether {@code type} is marked {@link SdkOutput}, on itself or by a Jackson mix-in a caller adds. */
  private static boolean isSdkOutput(ObjectMapper mapper, JavaType type) {
    return mapper.getDeserializationConfig().introspectClassAnnotations(type).getClassAnnotations()
        .has(SdkOutput.class);
  }

  /** The problems of a part bound on its own, located under the part's path {@code where}. */
  private static List<Problem> located(InvalidInputException e, String where) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : e.problems()) {
      String at = p.location();
      // a part bound alone has no path of its own: "line n" would be a line of the part, not of the file
      String location = at.isEmpty() || at.startsWith("line ") ? stripColon(where)
          : at.startsWith("[") ? where + at : child(where, at);
      out.add(Problem.of(location, p.reason()));
    }
    return out;
  }

  /**
   * "unknown field 'x'; known fields: [a, b]", the known ones sorted: the same words whether Jackson found the field or
   * {@link #bindComponents} did, so that one field is named once.
   */
  private static String unknownField(String name, List<String> known) {
    return "unknown field '" + Problem.excerpt(name) + "'" + (known.isEmpty() ? "" : "; known fields: " + known);
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
      return malformed(parse, prefix, pathOf(jme), e);
    }
    if (e instanceof JsonMappingException jme && jme.getCause() instanceof StreamConstraintsException limit) {
      // a parser's limit met inside a part (a case nested too deep in a submission) is malformed JSON as at the root
      return malformed(limit, prefix, pathOf(jme), e);
    }
    @Nullable InputCoercionException range = e instanceof InputCoercionException ice ? ice
        : e.getCause() instanceof InputCoercionException ice ? ice : null;
    if (range != null) { // the same words whether the part was read in its file or on its own
      String path = e instanceof JsonMappingException jme ? pathOf(jme) : "";
      String where = path.isEmpty() ? prefix + "line " + lineOf(range) : prefix + path;
      return new InvalidInputException(List.of(Problem.of(where, outOfRange(range,
          e instanceof JsonMappingException jme ? wholeRange(jme) : null))), e);
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
      if (causedBy(jme, ArithmeticException.class)) { // a record's check summing amounts read over the whole range
        String where = path.isEmpty() ? lined(prefix, jme) : prefix + path;
        return new InvalidInputException(List.of(Problem.of(stripColon(where), "its amounts add up beyond "
            + java.math.BigDecimal.valueOf(Long.MAX_VALUE, 2).toPlainString() + " yuan, the most an amount can be (a "
            + "long of fen)")), e);
      }
      if (jme instanceof UnrecognizedPropertyException upe) {
        List<String> known = upe.getKnownPropertyIds() == null ? List.of()
            : upe.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        return new InvalidInputException(List.of(Problem.of(prefix + path, unknownField(upe.getPropertyName(), known))),
            e);
      }
      if (firstLine(jme.getOriginalMessage()).startsWith("Trailing token")) { // read as "expected an object"
        return new InvalidInputException(List.of(Problem.of(lined(prefix, jme), "more follows the end of the JSON "
            + "value; a document holds one value (a second object, or text after the last closing bracket)")), e);
      }
      String where = path.isEmpty() ? lined(prefix, jme) : prefix + path;
      return new InvalidInputException(List.of(Problem.of(stripColon(where), withoutParserSettings(describe(jme)))), e);
    }
    if (e instanceof JsonProcessingException jpe) {
      return malformed(jpe, prefix, "", e);
    }
    return new InvalidInputException(List.of(Problem.of(stripColon(prefix), "cannot be read: " + e.getMessage())), e);
  }

  /**
   * {@link #translate(IOException, String)}, with the bytes Jackson read: where it met a character of more than one
   * byte where JSON allows none (a bank statement given as a case, {@code [1, 交]}), Jackson reads the character's
   * bytes one at a time and says "Invalid UTF-8 start byte 0xba" or "Unexpected character ('ä' (code 228))", and the
   * first was told as a file to convert from GBK. When the bytes are UTF-8 this names the character, its line and
   * column instead. A number too long to read is named at its own field ({@code borrower.monthlyNetIncome}), where
   * Jackson names only the object around it.
   */
  public static InvalidInputException translate(IOException e, String sourceName, byte[] json) {
    InvalidInputException told = translate(e, sourceName);
    StreamConstraintsException limit = e instanceof StreamConstraintsException l ? l
        : e.getCause() instanceof StreamConstraintsException l ? l : null;
    long deepAt = limit == null || told.problems().size() != 1 ? 0 : lineNestedTooDeep(json, limit);
    if (deepAt > 0) {
      Problem problem = told.problems().get(0);
      String prefix = sourceName.isEmpty() ? "" : sourceName + ": ";
      return new InvalidInputException(List.of(problem.location().equals(stripColon(prefix))
          ? Problem.of(prefix + "line " + deepAt, problem.reason())
          : Problem.of(problem.location(), problem.reason() + " (line " + deepAt + ")")), e);
    }
    String field = limit == null || told.problems().size() != 1 ? null : whereNumberTooLong(json, limit);
    if (field != null) {
      Problem problem = told.problems().get(0);
      String location = sourceName.isEmpty() ? field : sourceName + ": " + field;
      if (location.startsWith(problem.location())) { // the parser's path, under the part Jackson named
        return new InvalidInputException(List.of(Problem.of(location, problem.reason())), e);
      }
    }
    JsonProcessingException jpe = e instanceof JsonProcessingException p && !(e instanceof JsonMappingException) ? p
        : e.getCause() instanceof JsonParseException p ? p : null;
    if (jpe == null || jpe.getLocation() == null || told.problems().size() != 1 || !isUtf8(json)) {
      return told;
    }
    String reason = firstLine(jpe.getOriginalMessage());
    Matcher oneByte = BYTE_AS_CHARACTER.matcher(reason);
    boolean misread = reason.startsWith("Invalid UTF-8")
        || oneByte.lookingAt() && Integer.parseInt(oneByte.group(1)) >= 0x80;
    int at = misread ? characterStartNear(json, jpe.getLocation().getByteOffset()) : -1;
    if (at < 0) {
      return told;
    }
    int lineStart = at;
    while (lineStart > 0 && json[lineStart - 1] != '\n' && json[lineStart - 1] != '\r') {
      lineStart--;
    }
    String before = new String(json, lineStart, at - lineStart, StandardCharsets.UTF_8);
    int character = new String(json, at, Math.min(4, json.length - at), StandardCharsets.UTF_8).codePointAt(0);
    String expecting = oneByte.lookingAt() ? reason.substring(oneByte.end()) : ""; // ": was expecting comma ..."
    String location = told.problems().get(0).location();
    String column = "column " + (before.codePointCount(0, before.length()) + 1);
    return new InvalidInputException(List.of(Problem.of(location, "malformed JSON: unexpected character '"
        + Problem.excerpt(Character.toString(character)) + "' ("
        + (location.endsWith("line " + lineOf(jpe)) ? column : "line " + lineOf(jpe) + ", " + column) + ")"
        + expecting)), e);
  }

  /**
   * The path ({@code borrower.monthlyNetIncome}) of the number too long to read that {@code limit} refused, or null
   * when it is not such a limit or is not found. The parser checks a number's length as it reads the number, before
   * the field's value is bound, and gives no location: Jackson names only the object around it ({@code borrower}), or
   * nothing at the root of a tree. The bytes are read again, up to the same limit, by a parser that keeps its place.
   */
  private static @Nullable String whereNumberTooLong(byte[] json, StreamConstraintsException limit) {
    Matcher m = NUMBER_LENGTH.matcher(firstLine(limit.getOriginalMessage()));
    return !m.lookingAt() ? null : whereLimitMet(json, limit, StreamReadConstraints.builder()
        .maxNumberLength(Integer.parseInt(m.group(2))).maxNestingDepth(Integer.MAX_VALUE).build(),
        p -> pathOf(p.getParsingContext()));
  }

  /**
   * The line of the bracket that opened one array or object too many, when {@code limit} is the nesting depth's; 0
   * when it is not, or the place is not found. The parser checks the depth without a location, so such a document was
   * named by its file alone, and a reader of a long file had no place to look: the bytes are read again, up to the
   * same depth, by a parser that keeps its place.
   */
  private static long lineNestedTooDeep(byte[] json, StreamConstraintsException limit) {
    Matcher m = NESTING_DEPTH.matcher(firstLine(limit.getOriginalMessage()));
    Long line = !m.lookingAt() ? null : whereLimitMet(json, limit, StreamReadConstraints.builder()
        .maxNestingDepth(Integer.parseInt(m.group(2))).maxNumberLength(Integer.MAX_VALUE).build(),
        p -> (long) p.currentTokenLocation().getLineNr());
    return line == null ? 0 : line;
  }

  /**
   * What {@code where} reads off a parser of {@code json} under {@code constraints} at the moment it refuses the same
   * limit as {@code limit}; null when it refuses something else first (keep Jackson's place) or nothing.
   */
  private static <T> @Nullable T whereLimitMet(byte[] json, StreamConstraintsException limit,
      StreamReadConstraints constraints, Function<JsonParser, @Nullable T> where) {
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    try (JsonParser p = factory.createParser(json)) {
      try {
        while (p.nextToken() != null) {
          // only the tokens' structure is wanted: where the parser is when the limit is met
        }
      } catch (StreamConstraintsException met) {
        boolean same = firstLine(met.getOriginalMessage()).equals(firstLine(limit.getOriginalMessage()));
        return same ? where.apply(p) : null;
      }
    } catch (IOException | RuntimeException unreadable) { // another failure before the limit: keep Jackson's place
      return null;
    }
    return null;
  }

  /** {@code debts[2].principal} from the parser's place, as {@link #pathOf(JsonMappingException)} writes it. */
  private static @Nullable String pathOf(JsonStreamContext context) {
    Deque<JsonMappingException.Reference> steps = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() == null) {
        return null;
      }
      steps.addFirst(c.inObject() ? new JsonMappingException.Reference(null, c.getCurrentName())
          : new JsonMappingException.Reference(null, c.getCurrentIndex()));
    }
    String path = pathOf(List.copyOf(steps));
    return path.isEmpty() ? null : path;
  }

  /**
   * Where the character of several bytes Jackson stopped in or just after begins: the nearest lead byte at most three
   * bytes before {@code offset}; -1 if there is none.
   */
  private static int characterStartNear(byte[] json, long offset) {
    int from = (int) Math.min(Math.max(offset, 0), json.length - 1L);
    for (int i = from; i >= 0 && i >= from - 3; i--) {
      if ((json[i] & 0xC0) == 0xC0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      InputFiles.utf8(bytes, 0, "JSON", badByte -> "is not UTF-8");
      return true;
    } catch (InvalidInputException notUtf8) {
      return false;
    }
  }

  /**
   * "field 'principal' appears twice (line 23)" when {@code e} is Jackson's strict duplicate detection, else null:
   * without it the last of two values won silently. The key is quoted as an unknown one is, masked and cut: a card
   * number as a key had been quoted in clear.
   */
  private static @Nullable String duplicate(JsonProcessingException e) {
    Matcher m = DUPLICATE.matcher(firstLine(e.getOriginalMessage()));
    return m.find() ? "field '" + Problem.excerpt(m.group(1)) + "' appears twice (line " + lineOf(e) + "); keep one"
        : null;
  }

  /**
   * {@code path}: where in the JSON the parser stopped, when known ("" if not); a key twice names its object (found from
   * the parser's place when {@code path} is ""), and so does a limit met inside a part, which the parser checks without
   * a line.
   */
  private static InvalidInputException malformed(JsonProcessingException jpe, String prefix, String path,
      IOException cause) {
    String twice = duplicate(jpe);
    if (twice != null) {
      String object = path.isEmpty() ? objectOf(jpe) : path;
      return new InvalidInputException(List.of(Problem.of(object.isEmpty() ? stripColon(prefix) : prefix + object,
          twice)), cause);
    }
    String reason = withoutParserSettings(
        firstLine(jpe.getOriginalMessage()).replaceAll("\\s*\\(for [^)]*\\[Source:.*$", ""));
    if (reason.startsWith("Invalid UTF-8")) { // most often a file saved as GBK by a Chinese editor
      return new InvalidInputException(List.of(Problem.of(lined(prefix, jpe),
          "not UTF-8 text (" + reason + "); JSON must be UTF-8 (UTF-16 and UTF-32, known by their first bytes, are "
              + "read too) — a file saved as GBK needs converting, e.g. iconv -f GBK -t UTF-8")), cause);
    }
    String where = path.isEmpty() || lineOf(jpe) > 0 ? lined(prefix, jpe) : prefix + path;
    Matcher number = NUMBER_LENGTH.matcher(reason);
    if (number.lookingAt()) { // JSON sets no limit, so not malformed: too long for this reader
      return new InvalidInputException(List.of(Problem.of(where, "a number of " + number.group(1)
          + " digits is too long; a number may have at most " + number.group(2))), cause);
    }
    return new InvalidInputException(List.of(Problem.of(where, "malformed JSON: " + reason)), cause);
  }

  /**
   * The path of the object in which the parser met a key twice ({@code caps.interest}), "" at the root or when unknown:
   * a JSON tree (a policy as the validator reads it) has no binding path, and such a key had been named by the file
   * alone, where every other problem of a field names its place.
   */
  private static String objectOf(JsonProcessingException e) {
    if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
      String path = pathOf(parser.getParsingContext().getParent()); // the context's own name is the key given twice
      return path == null ? "" : path;
    }
    return "";
  }

  /**
   * {@code prefix} with the line the parser stopped at; without a line when the parser gives none (a limit such as the
   * nesting depth is checked without a location): that was "line 0", a line no file has.
   */
  private static String lined(String prefix, JsonProcessingException e) {
    long line = lineOf(e);
    return line > 0 ? prefix + "line " + line : stripColon(prefix);
  }

  /**
   * Jackson's message without its pointers to its own settings ("from `StreamReadConstraints.getMaxNestingDepth()`",
   * "enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow", "Feature 'ALLOW_COMMENTS' not enabled for parser",
   * an unclosed bracket's "start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled);
   * line: 1, column: 1]"): they name Java classes of the parser, which a user writing JSON can neither see nor change.
   */
  private static String withoutParserSettings(String reason) {
    String opened = PARSER_START_MARKER.matcher(reason).replaceAll("(opened at line $1, column $2)");
    String limit = PARSER_LIMIT.matcher(opened).replaceAll(")");
    String feature = PARSER_FEATURE.matcher(limit).replaceAll(" (not allowed in JSON)");
    return PARSER_COMMENT.matcher(feature).replaceAll(" (JSON has no comments)");
  }

  private static final Pattern PARSER_START_MARKER =
      Pattern.compile("\\(start marker at \\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]\\)");
  private static final Pattern PARSER_LIMIT = Pattern.compile(", from `[^`]*`\\)");
  private static final Pattern PARSER_FEATURE = Pattern.compile(": enable `[^`]*` to allow");
  private static final Pattern PARSER_COMMENT =
      Pattern.compile(" \\(not recognized as one since Feature '\\w+' not enabled for parser\\)");

  /** "Unexpected character ('ä' (code 228))": the character Jackson names, with its code. */
  private static final Pattern BYTE_AS_CHARACTER =
      Pattern.compile("Unexpected character \\('.' \\(code (\\d+)[^)]*\\)\\)");
  /** Jackson's "Document nesting depth (1001) exceeds the maximum allowed (1000": the depth met and the limit. */
  private static final Pattern NESTING_DEPTH =
      Pattern.compile("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
  /** Jackson's "Number value length (5001) exceeds the maximum allowed (1000": the number's length and the limit. */
  private static final Pattern NUMBER_LENGTH =
      Pattern.compile("Number value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
  private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");
  private static final Pattern OUT_OF_RANGE =
      Pattern.compile("Numeric value \\((.*?)\\) out of range of (\\w+) \\((.*?) - (.*?)\\)");
  private static final Pattern FOUND = Pattern.compile(
      "(?:from|coerce) (Array|Object|String|Boolean|boolean|Integer|Number|Floating-point|Null) value"
          + "(?: \\((?:\"(.*?)\"|'(.*?)'|([^)`]*?))\\))?(?: \\(token `JsonToken\\.(\\w+)`\\))?");

  /**
   * Jackson's words for a value of the wrong kind name Java types ({@code java.util.ArrayList<...Debt>}, "Cannot
   * construct instance of ... (although at least one Creator exists)"); a user wrote JSON, so this says which JSON
   * was expected and which was found. Messages it does not recognise are kept as Jackson wrote them.
   */
  private static String describe(JsonMappingException e) {
    String original = firstLine(e.getOriginalMessage());
    if (!(e instanceof MismatchedInputException mismatch) || mismatch.getTargetType() == null) {
      return original;
    }
    String expected = expected(mismatch.getTargetType());
    if (expected == null) {
      return original;
    }
    if (e instanceof InvalidFormatException format) {
      Object v = format.getValue();
      return "expected " + expected + ", got " + (v instanceof String str ? quoted(str) : String.valueOf(v));
    }
    if (original.startsWith("Cannot map `null`") // a primitive given null, or not given at all
        || original.startsWith("Missing required creator property")) { // a field marked required, not given
      return missingReason(mismatch.getTargetType());
    }
    Matcher m = FOUND.matcher(original);
    if (!m.find()) {
      return "expected " + expected;
    }
    String literal = m.group(2) != null ? quoted(m.group(2)) : m.group(3) != null ? quoted(m.group(3))
        : m.group(4) != null && !m.group(4).isBlank() ? m.group(4) : null;
    String token = m.group(5);
    String found = switch (m.group(1)) {
      case "Array" -> "a list";
      case "Object" -> "an object";
      case "String" -> literal != null ? "the string " + literal : "a string";
      case "Boolean", "boolean" -> "VALUE_FALSE".equals(token) ? "false" : "VALUE_TRUE".equals(token) ? "true"
          : literal != null ? literal : "true or false";
      case "Integer" -> literal != null ? literal : "a whole number";
      case "Floating-point", "Number" -> literal != null ? literal : "a number";
      default -> "null";
    };
    return "expected " + expected + ", got " + found;
  }

  /** The JSON a Java type reads from, in a user's words; null for a type this does not know. */
  private static @Nullable String expected(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class
        || type == Short.class || type == byte.class || type == Byte.class || type == java.math.BigInteger.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class
        || type == java.math.BigDecimal.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class || readsFromText(type)) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    Method written = jsonValue(type);
    if (written != null) { // Money, Rate, Ratio: records written as the one value this gives, and read from it
      return expected(written.getReturnType());
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return null;
  }

  /** The method whose result Jackson writes for a value of {@code type} ({@link JsonValue}), or null. */
  private static @Nullable Method jsonValue(Class<?> type) {
    for (Method m : type.getDeclaredMethods()) {
      if (m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0 && m.getReturnType() != type) {
        return m;
      }
    }
    return null;
  }

  /**
   * The name a value's reader gives the value at the parser's place: its field's, or {@code label} ("amount", "rate")
   * for a value read alone at the root, which {@link #read(ObjectMapper, byte[], Class, String)} puts under the
   * source's name. An element of a list has none: Jackson's path ({@code [1]}, {@code installments[1]}) names it, and the label
   * had been put after it as a field no file holds ({@code [1].amount}).
   */
  public static String fieldName(JsonParser p, String label) throws IOException {
    String name = p.currentName();
    return name != null ? name : p.getParsingContext().inArray() ? "" : label;
  }

  /**
   * A lone value's problems at the root of {@code sourceName}: its reader named the value by a label ("amount"), there
   * being no field, and Jackson gives no path at the root; the problem had been "amount: ..." without the file.
   */
  private static InvalidInputException atRoot(InvalidInputException e, String sourceName) {
    return new InvalidInputException(e.problems().stream().map(p -> Problem.of(sourceName, p.reason())).toList(), e);
  }

  /**
   * The JSON value at the parser's current token as a user would name it ({@code a list}, {@code 12}, {@code "x"}),
   * for a deserializer's "expected ..., got ..." message.
   */
  public static String found(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> quoted(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Problem.excerpt(p.getText()); // a mobile as a count: masked
      case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> p.getText();
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** {@code "text"}, cut to 40 characters: enough to recognise a value, not to echo a page back. */
  private static String quoted(String text) {
    return "\"" + Problem.excerpt(text) + "\"";
  }

  /** A value type read from one string by its {@code @JsonCreator}, such as {@code X fromJson(String)}. */
  private static boolean readsFromText(Class<?> type) {
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.isAnnotationPresent(JsonCreator.class)
          && Arrays.equals(m.getParameterTypes(), new Class<?>[] {String.class})) {
        return true;
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (c.isAnnotationPresent(JsonCreator.class) && Arrays.equals(c.getParameterTypes(), new Class<?>[] {String.class})) {
        return true;
      }
    }
    return false;
  }

  private static String outOfRange(InputCoercionException e, @Nullable WholeRange own) {
    Matcher m = OUT_OF_RANGE.matcher(firstLine(e.getOriginalMessage()));
    if (!m.find()) {
      return firstLine(e.getOriginalMessage());
    }
    return beyondItsType(Problem.excerpt(m.group(1)), own, m.group(3), m.group(4));
  }

  /** The words for a whole number {@code shown} beyond its Java type: the part's own range where it states one. */
  private static String beyondItsType(String shown, @Nullable WholeRange own, Object typeMin, Object typeMax) {
    return shown + (own != null ? " is outside " + own.min() + ".." + own.max()
        : " is out of range; expected a whole number from " + typeMin + " to " + typeMax);
  }

  /**
   * The refusal of a whole number {@code shown} beyond an {@code int} in the {@code int} part {@code name} of the record
   * {@code type}, in this class's words: the part's {@link WholeRange} where it states one, else the {@code int}'s. For
   * a reader of the record's JSON other than this class's (a policy's validator, which checks the tree before binding),
   * so that 99999999999 is told the same way in a policy as in a case.
   */
  public static String beyondAnInt(Class<?> type, String name, String shown) {
    return beyondItsType(shown, wholeRangeOf(type, name), Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** The {@link WholeRange} of the record part a failure is at, if it has one. */
  private static @Nullable WholeRange wholeRange(JsonMappingException e) {
    List<JsonMappingException.Reference> path = e.getPath();
    if (path.isEmpty()) {
      return null;
    }
    JsonMappingException.Reference at = path.get(path.size() - 1);
    Object from = at.getFrom();
    Class<?> type = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
    if (type == null || at.getFieldName() == null) {
      return null;
    }
    return wholeRangeOf(type, at.getFieldName());
  }

  /** The {@link WholeRange} of the part {@code name} of {@code type}, if it is a record and the part states one. */
  private static @Nullable WholeRange wholeRangeOf(Class<?> type, String name) {
    if (!type.isRecord()) {
      return null;
    }
    for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c.getAnnotation(WholeRange.class);
      }
    }
    return null;
  }

  private static String stripColon(String s) {
    return s.endsWith(": ") ? s.substring(0, s.length() - 2) : s;
  }

  /**
   * Whether {@code t} was caused by a {@code type}: an {@link ArithmeticException} from a record's constructor, when
   * amounts read over the whole range ({@link SdkOutput}) add up beyond a {@code long} of fen, had been told in Jackson's
   * words, naming the Java class ("Cannot construct instance of `…DebtPlan`, problem: long overflow").
   */
  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
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
    return pathOf(e.getPath());
  }

  /** {@code debts[2].principal}: field names joined by dots, indexes in brackets. */
  private static String pathOf(List<JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(Masking.defaults().redact(ref.getFieldName())); // the input's name: see child
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

  /**
   * A value read from one JSON string by {@code parse}, given the field's name and the text; it throws
   * {@link InvalidInputException} naming the field for a text that is not one.
   */
  private static <T> JsonDeserializer<T> textDeserializer(String expected, BiFunction<String, String, T> parse) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String field = p.currentName() == null ? "" : p.currentName();
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          throw new InvalidInputException(field, "expected a " + expected + " string, got " + found(p));
        }
        return parse.apply(field, p.getText());
      }
    };
  }
}
