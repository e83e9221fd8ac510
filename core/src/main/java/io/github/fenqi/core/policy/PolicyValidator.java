package io.github.fenqi.core.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.Dates;
import io.github.fenqi.core.InputFiles;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.PolicyException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.money.Rate;
import io.github.fenqi.core.money.Ratio;
import io.github.fenqi.core.schedule.RepaymentMethod;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a policy file and reports every problem at once, each as {@code file: $.json.path: reason (line n)} — the
 * line its value starts on, or for a missing field {@code (in the object at line n)}: malformed JSON (with its line),
 * an empty file, unknown or missing fields, wrong types, unknown enum values, money
 * with more than two decimals, ratios outside 0..1, a date other than {@code YYYY-MM-DD} ({@link Dates#day}),
 * {@code max < min}, a step that cannot reach max,
 * {@code effectiveTo} before {@code effectiveFrom}, an unsupported schemaVersion, a product type listed twice, a term above
 * {@link Policy#MAX_CREDIT_CARD_TERM} months in a policy covering credit cards, a rate other than 0 with method
 * INTEREST_FREE, a {@code minOverdueDays} beyond the most days a debt may be overdue.
 *
 * <p>Thread-safety: immutable; one instance may validate from many threads.
 */
public final class PolicyValidator {

  /**
   * The outcome of validating one file: the policy when valid, otherwise every problem.
   *
   * <p>Thread-safety: immutable.
   */
  public record Result(String source, Optional<Policy> policy, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean valid() {
      return problems.isEmpty();
    }

    /** The policy, or a {@link PolicyException} listing every problem. */
    public Policy orElseThrow() {
      return policy.orElseThrow(() -> new PolicyException(problems));
    }
  }

  private enum Kind { INT, BOOL, TEXT, MONEY, RATE, RATIO, DATE, NULLABLE_DATE, PRODUCT_TYPES, METHOD, TEXT_LIST, OBJECT }

  private static final Map<String, Kind> TOP = schema("schemaVersion", Kind.INT, "platformId", Kind.TEXT,
      "platformName", Kind.TEXT, "productTypes", Kind.PRODUCT_TYPES, "version", Kind.TEXT, "effectiveFrom", Kind.DATE,
      "effectiveTo", Kind.NULLABLE_DATE, "eligibility", Kind.OBJECT, "installments", Kind.OBJECT, "waivers", Kind.OBJECT,
      "downPayment", Kind.OBJECT, "legalBasis", Kind.TEXT_LIST, "source", Kind.OBJECT);
  private static final Map<String, Map<String, Kind>> NESTED = Map.of(
      "eligibility", schema("minOverdueDays", Kind.INT, "requiresHardshipProof", Kind.BOOL, "minOutstanding", Kind.MONEY),
      "installments", schema("min", Kind.INT, "max", Kind.INT, "step", Kind.INT, "method", Kind.METHOD,
          "annualRate", Kind.RATE, "monthlyFeeRate", Kind.RATE),
      "waivers", schema("principal", Kind.RATIO, "interest", Kind.RATIO, "penaltyInterest", Kind.RATIO,
          "compoundInterest", Kind.RATIO, "lateFees", Kind.RATIO, "otherFees", Kind.RATIO),
      "downPayment", schema("minRatio", Kind.RATIO),
      "source", schema("kind", Kind.TEXT, "note", Kind.TEXT, "url", Kind.TEXT));
  private static final List<String> OPTIONAL = List.of("source.note", "source.url", "effectiveTo", "legalBasis");

  /**
   * The tree keeps a JSON number's decimal digits as written (a BigDecimal, never a double): an amount such as
   * {@code "minOutstanding": 12345678.90} had been read as the double 1.23456789E7 and refused as "in exponent
   * notation" quoting digits the file did not hold. It does not keep an exponent's form ({@code 1.5e1} is held as 15),
   * which {@link #checkValue} takes from the file.
   */
  private final ObjectMapper mapper = FenqiJson.newMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  /** Validates a policy file. An unreadable file is a problem too, never an exception. */
  public Result validate(Path file) {
    byte[] bytes;
    try {
      bytes = InputFiles.readBounded(file, InputFiles.DEFAULT_MAX_BYTES);
    } catch (IOException e) {
      return new Result(file.toString(), Optional.empty(), List.of(Problem.of(file.toString(), "cannot be read: " + InputFiles.reason(e))));
    }
    return validate(bytes, file.toString());
  }

  /**
   * Validates policy JSON; {@code source} (a file name, "request body") prefixes every location. A problem of a value
   * names the line it is on, and one of a missing field the line of the object that lacks it ({@link JsonLines}).
   */
  public Result validate(byte[] json, String source) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (IOException e) {
      return new Result(source, Optional.empty(),
          pathsFromRoot(FenqiJson.translate(e, source, json).problems(), source));
    } catch (NumberFormatException e) { // an exponent of hundreds of digits: it had ended `policy validate` as a bug
      return new Result(source, Optional.empty(), List.of(Problem.of(source, FenqiJson.NO_DECIMAL_HOLDS)));
    }
    if (root == null || root.isMissingNode()) { // nothing but white space, or nothing at all
      return new Result(source, Optional.empty(), List.of(Problem.of(source + ": $", "is empty (" + json.length
          + " bytes, no JSON value); a policy is one JSON object")));
    }
    Result result = check(root, source, JsonLines.exponentForms(mapper, json));
    return result.valid() ? result
        : new Result(source, Optional.empty(), JsonLines.of(mapper, json, source).lined(result.problems()));
  }

  /**
   * Validates a parsed document; its problems name no line yet. {@code exponentForms}: the numbers written with an
   * exponent, as written, by path ({@link JsonLines#exponentForms}).
   */
  private Result check(JsonNode root, String source, Map<String, String> exponentForms) {
    List<Problem> problems = new ArrayList<>();
    if (!root.isObject()) {
      problems.add(Problem.of(source + ": $", "must be a JSON object"));
      return new Result(source, Optional.empty(), problems);
    }
    Set<String> unread = new HashSet<>(); // the top-level fields missing or of a value that does not read
    checkObject(source, "", (ObjectNode) root, TOP, exponentForms, problems, unread);
    // Then the rules of the policy's own fields and of each part that read, each part bound on its own, so that every
    // rule violation is reported, not only those of the first part that fails, nor only once a cap of 1.5 or a
    // misspelt key elsewhere is mended: those had been a file's only problems. A field that does not read is told once,
    // by what is wrong with it; the rules it takes part in wait for it.
    for (Problem p : ownProblems(root, unread)) {
      if (!unread.contains(topField(p.location()))) {
        problems.add(Problem.of(source + ": $." + p.location(), p.reason()));
      }
    }
    checkPart(source, root, "eligibility", Policy.Eligibility.class, problems, unread);
    int before = problems.size();
    if (checkPart(source, root, "installments", Policy.Installments.class, problems, unread)
        && problems.size() == before && !unread.contains("productTypes")) { // sound terms: are they a credit card's?
      Policy.creditCardTermProblem(productTypes(root), root.get("installments").get("max").asInt())
          .ifPresent(p -> problems.add(Problem.of(source + ": $." + p.location(), p.reason())));
    }
    checkPart(source, root, "waivers", Policy.Waivers.class, problems, unread);
    checkPart(source, root, "downPayment", Policy.DownPayment.class, problems, unread);
    checkPart(source, root, "source", Policy.Source.class, problems, unread);
    if (!problems.isEmpty()) {
      return new Result(source, Optional.empty(), problems);
    }
    try {
      Policy policy = mapper.treeToValue(root, Policy.class);
      return new Result(source, Optional.of(policy), List.of());
    } catch (IOException e) {
      return new Result(source, Optional.empty(), dollar(FenqiJson.translate(e, source).problems(), source));
    } catch (InvalidInputException e) {
      return new Result(source, Optional.empty(), dollar(e.problems(), source));
    }
  }

  /**
   * {@link Policy#ownProblems} of a tree {@link #checkObject} has checked, a field of {@code unread} taken as absent:
   * the caller leaves out the problems that name one.
   */
  private static List<Problem> ownProblems(JsonNode root, Set<String> unread) {
    List<ProductType> productTypes = unread.contains("productTypes") ? null : productTypes(root);
    List<String> legalBasis = new ArrayList<>();
    if (!unread.contains("legalBasis") && root.get("legalBasis") != null) {
      root.get("legalBasis").forEach(r -> legalBasis.add(r.asText()));
    }
    return Policy.ownProblems(unread.contains("schemaVersion") ? Policy.SCHEMA_VERSION
        : root.get("schemaVersion").asInt(), text(root, "platformId", unread), text(root, "platformName", unread),
        productTypes, text(root, "version", unread), day(root, "effectiveFrom", unread),
        day(root, "effectiveTo", unread), legalBasis);
  }

  private static @Nullable String text(JsonNode root, String field, Set<String> unread) {
    return unread.contains(field) ? null : root.get(field).asText();
  }

  /** The day of a date field that reads, or null when it is absent, null or does not read. */
  private static @Nullable LocalDate day(JsonNode root, String field, Set<String> unread) {
    JsonNode v = root.get(field);
    return unread.contains(field) || v == null || v.isNull() ? null : Dates.day(field, v.asText());
  }

  /** The top-level field a problem's location names: {@code installments} of {@code installments.max}. */
  private static String topField(String location) {
    int end = 0;
    while (end < location.length() && location.charAt(end) != '.' && location.charAt(end) != '[') {
      end++;
    }
    return location.substring(0, end);
  }

  /** The product types of a tree whose structure {@link #checkObject} found right. */
  private static List<ProductType> productTypes(JsonNode root) {
    List<ProductType> productTypes = new ArrayList<>();
    root.get("productTypes").forEach(t -> productTypes.add(ProductType.valueOf(t.asText())));
    return productTypes;
  }

  /**
   * Binds one part of the policy on its own, adding its rule violations to {@code problems}, unless a field of it does
   * not read ({@code unread}); its unknown fields, told already, are left out. Returns whether it was bound.
   */
  private boolean checkPart(String source, JsonNode root, String field, Class<?> type, List<Problem> problems,
      Set<String> unread) {
    if (unread.contains(field)) {
      return false;
    }
    ObjectNode known = ((ObjectNode) root.get(field)).deepCopy();
    known.retain(NESTED.get(field).keySet());
    try {
      mapper.treeToValue(known, type);
    } catch (InvalidInputException e) {
      for (Problem p : e.problems()) {
        problems.add(Problem.of(source + ": $." + field + "." + p.location(), p.reason()));
      }
    } catch (IOException e) {
      for (Problem p : FenqiJson.translate(e, "").problems()) {
        problems.add(Problem.of(source + ": $." + field + (p.location().isEmpty() ? "" : "." + p.location()), p.reason()));
      }
    }
    return true;
  }

  /**
   * The problems of a document that could not be read, a key given twice inside a part named from the root as every
   * other problem of a policy is ({@code p.json: $.waivers}): it had been {@code p.json: waivers}, beside the
   * validator's {@code p.json: $.waivers.interest}, so a caller grouping problems by field saw two spellings of one
   * place. A place by line ({@code p.json: line 3}) or the file alone stays as it is.
   */
  private static List<Problem> pathsFromRoot(List<Problem> problems, String source) {
    List<Problem> out = new ArrayList<>(problems.size());
    String prefix = source + ": ";
    for (Problem p : problems) {
      String rest = p.location().startsWith(prefix) ? p.location().substring(prefix.length()) : null;
      boolean path = rest != null && !rest.isEmpty() && !rest.startsWith("line ") && !rest.startsWith("$");
      out.add(path ? Problem.of(prefix + rooted(rest), p.reason()) : p);
    }
    return out;
  }

  /** Rewrites {@code source: a.b} locations as {@code source: $.a.b}. */
  private static List<Problem> dollar(List<Problem> problems, String source) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      String loc = p.location();
      if (loc.startsWith(source + ": ")) {
        loc = loc.substring(source.length() + 2);
      }
      String where = loc.isEmpty() ? "$" : loc.startsWith("line ") ? "$ " + loc : rooted(loc);
      out.add(Problem.of(source + ": " + where, p.reason()));
    }
    return out;
  }

  /** {@code path} ({@code waivers.interest}, {@code [0]}) named from the root, as the validator names every field. */
  private static String rooted(String path) {
    return "$" + (path.startsWith("[") ? "" : ".") + path;
  }

  /**
   * Checks each field of {@code node} against {@code schema}, adding to {@code unread} the top-level field of each one
   * missing or of a value that does not read (not of an unknown field: the known ones still read).
   */
  private static void checkObject(String source, String path, ObjectNode node, Map<String, Kind> schema,
      Map<String, String> exponentForms, List<Problem> problems, Set<String> unread) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!schema.containsKey(name)) {
        problems.add(Problem.of(source + ": $" + path + "." + name, "unknown field; known fields: " + schema.keySet()));
      }
    }
    for (Map.Entry<String, Kind> e : schema.entrySet()) {
      String name = e.getKey();
      String where = path + "." + name;
      JsonNode value = node.get(name);
      String key = where.substring(1);
      if (value == null || (value.isNull() && e.getValue() != Kind.NULLABLE_DATE)) {
        if (!OPTIONAL.contains(key)) {
          problems.add(Problem.of(source + ": $" + where, "is required"));
          unread.add(topField(key));
        }
        continue;
      }
      String problem = checkValue(e.getValue(), value, exponentForms.get("$" + where), key);
      if (problem != null) {
        problems.add(Problem.of(source + ": $" + where, problem));
        unread.add(topField(key));
      } else if (value.isArray()) { // each item that is wrong by its own place, as other lists' items are named
        for (int i = 0; i < value.size(); i++) {
          String itemProblem = checkItem(e.getValue(), value.get(i));
          if (itemProblem != null) {
            problems.add(Problem.of(source + ": $" + where + "[" + i + "]", itemProblem));
            unread.add(topField(key));
          }
        }
      } else if (e.getValue() == Kind.OBJECT) {
        checkObject(source, where, (ObjectNode) value, NESTED.get(name), exponentForms, problems, unread);
      }
    }
  }

  /**
   * {@code exponentForm}: the number as the file writes it when that has an exponent, else null. An amount, rate or
   * ratio is checked as written, as a case's is: the tree holds {@code 1.5e1} as 15, and such a policy had loaded
   * where a case is refused, while {@code 1e1}, held as 1E+1, was refused.
   */
  private static @Nullable String checkValue(Kind kind, JsonNode v, @Nullable String exponentForm, String key) {
    try {
      switch (kind) {
        case INT:
          if (v.isIntegralNumber() && !v.canConvertToInt()) { // a whole number, told it was none: the case's words
            int dot = key.indexOf('.');
            Class<?> part = dot < 0 ? Policy.class : PARTS.getOrDefault(key.substring(0, dot), Object.class);
            return FenqiJson.beyondAnInt(part, key.substring(dot + 1), Problem.excerpt(v.bigIntegerValue().toString()));
          }
          return v.isIntegralNumber() ? null : "expected a whole number, got " + shownNumber(v);
        case BOOL:
          return v.isBoolean() ? null : "expected true or false, got " + shown(v);
        case TEXT:
          return v.isTextual() ? null : "expected a string, got " + shown(v);
        case MONEY:
          if (!v.isTextual() && !v.isNumber()) {
            return "expected an amount such as \"1000.00\", got " + shown(v);
          }
          Money.parse("amount", exponentForm != null ? exponentForm : v.asText());
          return null;
        case RATE:
          if (!v.isTextual() && !v.isNumber()) {
            return "expected a rate such as \"0.06\", got " + shown(v);
          }
          Rate.parse("rate", exponentForm != null ? exponentForm : v.asText());
          return null;
        case RATIO:
          if (!v.isTextual() && !v.isNumber()) {
            return "expected a ratio in 0..1 such as \"0.5\", got " + shown(v);
          }
          Ratio.parse("ratio", exponentForm != null ? exponentForm : v.asText());
          return null;
        case DATE:
        case NULLABLE_DATE:
          if (v.isNull()) {
            return null;
          }
          if (!v.isTextual()) {
            return "expected a date YYYY-MM-DD, got " + shown(v);
          }
          Dates.day("date", v.asText()); // exactly YYYY-MM-DD: LocalDate.parse took "+12026-01-01"
          return null;
        case PRODUCT_TYPES:
          return v.isArray() && !v.isEmpty() ? null
              : "expected a non-empty list of product types " + List.of(ProductType.values());
        case METHOD:
          return v.isTextual() && isEnum(RepaymentMethod.class, v.asText()) ? null
              : "unknown method " + shown(v) + "; expected one of " + List.of(RepaymentMethod.values());
        case TEXT_LIST:
          return v.isArray() ? null : "expected a list of strings";
        case OBJECT:
          return v.isObject() ? null : "expected an object, got " + shown(v);
        default:
          throw new IllegalStateException(kind.toString());
      }
    } catch (InvalidInputException e) {
      return e.problems().get(0).reason();
    }
  }

  /**
   * The problem of one item of a list of {@code kind} whose shape {@link #checkValue} found right, or null. Each item
   * is named by its place ({@code $.productTypes[1]}): the list had been named, with its first line, for its first
   * wrong item alone, so a list over several lines left the operator to find it, and a second wrong item was not told.
   */
  private static @Nullable String checkItem(Kind kind, JsonNode item) {
    if (kind == Kind.PRODUCT_TYPES) {
      return item.isTextual() && isEnum(ProductType.class, item.asText()) ? null
          : "unknown product type " + shown(item) + "; expected one of " + List.of(ProductType.values());
    }
    if (kind == Kind.TEXT_LIST) {
      return item.isTextual() ? null : "expected a string, found " + shown(item);
    }
    return null;
  }

  private static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #shown} of a value where a whole number is due, a decimal with its point: the tree keeps {@code 9.1e1} or
   * {@code 91E0} as the decimal 91, which had been refused as "expected a whole number, got 91". Shown as the case
   * reader shows it, {@code 91.0}.
   */
  private static String shownNumber(JsonNode v) {
    java.math.BigDecimal d = v.decimalValue();
    if (v.isFloatingPointNumber() && d.scale() <= 0 && d.precision() - d.scale() <= 40) { // 1E+400 stays as it is
      return Problem.excerpt(d.setScale(1).toPlainString());
    }
    return shown(v);
  }

  /**
   * The record each nested object of {@link #NESTED} binds to, so that a number beyond an int there is told its part's
   * range ({@code eligibility.minOverdueDays}: 0..36525), as a case's overdue days are, not an int's, which no policy
   * may use.
   */
  private static final Map<String, Class<?>> PARTS = Map.of("eligibility", Policy.Eligibility.class,
      "installments", Policy.Installments.class, "waivers", Policy.Waivers.class,
      "downPayment", Policy.DownPayment.class, "source", Policy.Source.class);

  private static String shown(JsonNode v) {
    return Problem.excerpt(v.toString());
  }

  private static Map<String, Kind> schema(Object... pairs) {
    Map<String, Kind> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Kind) pairs[i + 1]);
    }
    return m;
  }
}
