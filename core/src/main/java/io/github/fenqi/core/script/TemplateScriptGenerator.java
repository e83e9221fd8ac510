package io.github.fenqi.core.script;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.TextFields;
import io.github.fenqi.core.affordability.AffordabilityAssessment;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.borrower.Hardship;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.debt.DebtComponent;
import io.github.fenqi.core.debt.ProductType;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.script.internal.Skeleton;
import io.github.fenqi.core.security.Masking;
import io.github.fenqi.core.solve.PlanOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The template-based {@link ScriptGenerator}. Immutable and thread-safe. */
final class TemplateScriptGenerator implements ScriptGenerator {
  static final ScriptGenerator DEFAULTS = new ScriptGenerator.Builder().build();

  private final SensitiveWordFilter filter;
  private final Masking masking;
  private final Map<ScriptLanguage, ScriptTemplates> templates = new EnumMap<>(ScriptLanguage.class);
  private final Map<ScriptLanguage, Map<ProductType, List<String>>> references = new EnumMap<>(ScriptLanguage.class);
  /**
   * Per product type, the skeleton of each shipped reference in every language with its place in the type's list: the
   * shipped lists cite the same provisions in the same order in each language, so a policy's 《…办法》第七十条 is the
   * English script's "…, Article 70" too. Empty for a type whose references are configured in any language.
   */
  private final Map<ProductType, Map<String, Integer>> provisions = new EnumMap<>(ProductType.class);

  TemplateScriptGenerator(ScriptGenerator.Builder b) {
    this.filter = b.filter;
    this.masking = b.masking;
    Set<String> required = ScriptTemplates.requiredKeys();
    List<Problem> problems = new ArrayList<>();
    for (ScriptLanguage language : ScriptLanguage.values()) {
      ScriptTemplates t = ScriptTemplates.of(language, ScriptTemplates.shipped(language), required, filter);
      templates.put(language, t);
      Map<ProductType, List<String>> refs = new EnumMap<>(ProductType.class);
      for (ProductType type : ProductType.values()) {
        List<String> configured = b.legalReferences.getOrDefault(language, Map.of()).get(type);
        List<String> list = configured != null ? configured
            : Arrays.stream(t.text("legal." + type.name()).split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String r : list) {
          for (SensitiveMatch m : filter.find(r)) {
            problems.add(Problem.of("legalReferences." + language.tag() + "." + type, "'" + r
                + "' contains the lexicon word '" + Problem.excerpt(m.word()) + "'")); // a lexicon file's word
          }
        }
        refs.put(type, List.copyOf(list));
      }
      references.put(language, refs);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    for (ProductType type : ProductType.values()) {
      Map<String, Integer> places = new HashMap<>();
      boolean shipped = b.legalReferences.values().stream().noneMatch(configured -> configured.containsKey(type));
      for (ScriptLanguage language : ScriptLanguage.values()) {
        List<String> list = references.get(language).get(type);
        shipped &= list.size() == references.get(ScriptLanguage.ZH_CN).get(type).size();
        for (int i = 0; i < list.size(); i++) {
          places.putIfAbsent(Skeleton.of(list.get(i)).toString(), i);
        }
      }
      provisions.put(type, shipped ? Map.copyOf(places) : Map.of());
    }
  }

  @Override
  public List<NegotiationScript> generate(ScriptRequest request) {
    if (request == null) { // a bare NullPointerException, where the request's own missing parts are each named
      throw new InvalidInputException("request", "is required");
    }
    ScriptTemplates t = templates.get(request.options().language());
    List<ScriptFinding> noteFindings = new ArrayList<>();
    UnaryOperator<String> masker = maskerFor(masking, request.borrower());
    String note = request.options().note().map(n -> cleanNote(n, masker, noteFindings)).orElse("");
    List<NegotiationScript> scripts = new ArrayList<>(request.plans().size());
    for (ScriptRequest.LenderPlan plan : request.plans()) {
      scripts.add(script(t, request, plan, note, noteFindings, masker));
    }
    return List.copyOf(scripts);
  }

  @Override
  public List<SensitiveMatch> noteFindings(String note) {
    return filter.clean(requiredNote(note)).findings();
  }

  /** {@code note}, refused naming it when null: it had been a bare NullPointerException from inside the filter. */
  static String requiredNote(String note) {
    if (note == null) {
      throw new InvalidInputException("note", "is required");
    }
    return note;
  }

  private static final Pattern LINE_BREAKS = Pattern.compile("[ \\u3000]*\n[\\s\\u3000]*");
  /**
   * The blanks before and after a note's words, no-break spaces included (which {@code String.strip} keeps): a note of
   * them only (or of characters {@link #visible} turns into spaces) had been quoted as an empty "我的补充说明：".
   */
  private static final Pattern EDGE_BLANKS = Pattern.compile("^\\s+|\\s+$", Pattern.UNICODE_CHARACTER_CLASS);

  private String cleanNote(String note, UnaryOperator<String> masker, List<ScriptFinding> findings) {
    CleanedText cleaned = filter.clean(note); // findings at their places in the note as written
    cleaned.findings().forEach(m -> findings.add(new ScriptFinding("hardshipNote", m)));
    // composed (NFC), as the name's pattern is: "José" typed with a combining accent is then the same characters
    // and one paragraph, quoted where the template puts it: a note's line breaks had begun lines of the script's own
    // ("四、协商依据" and "1. 《…》第一条" under it, a heading and a citation the generator never wrote)
    String text = EDGE_BLANKS.matcher(LINE_BREAKS.matcher(visible(cleaned.text())).replaceAll(" ")).replaceAll("");
    return masker.apply(text);
  }

  /**
   * What masks every identifier in a text (composed, NFC, as the name's pattern is): the borrower's own numbers
   * ({@link #ownNumberMasks}), then what {@link Masking#redact} finds, then the borrower's name ({@link #spacedOut}).
   * A note's and a debt id's: a caller's debt id made of the borrower's name or numbers (李四的卡,
   * ID110105198506150030abc) had been quoted in clear as the account's number. The borrower's patterns are compiled
   * once per request: compiled again for each debt's id, they had been ~6 % of the engine's time.
   */
  static UnaryOperator<String> maskerFor(Masking masking, Borrower borrower) {
    Map<Pattern, String> own = ownNumberMasks(masking, borrower);
    Pattern name = borrower.name().isBlank() ? null : spacedOut(borrower.name());
    String nameMask = name == null ? "" : Matcher.quoteReplacement(masking.name(borrower.name()));
    return text -> {
      String out = Normalizer.normalize(text, Normalizer.Form.NFC);
      for (Map.Entry<Pattern, String> mask : own.entrySet()) {
        out = mask.getKey().matcher(out).replaceAll(mask.getValue());
      }
      out = masking.redact(out);
      return name == null ? out : name.matcher(out).replaceAll(nameMask);
    };
  }

  /**
   * The patterns of the borrower's own ID number and mobile, wherever a text writes them ({@link #ownNumber}), each
   * with the replacement that masks it, in the order applied.
   * {@link Masking#redact} finds only the shapes any identifier has, and the borrower's own numbers written with middle
   * dots, commas or underscores between the groups (110105·19850615·0030, 139_1234_5678), in Chinese numerals
   * (一三九一二三四五六七八) or between letters (ID110105198506150030abc, which reads as a hash) had gone out in clear.
   */
  private static Map<Pattern, String> ownNumberMasks(Masking masking, Borrower borrower) {
    Map<Pattern, String> masks = new LinkedHashMap<>(); // the ID number first, then the mobile
    String id = borrower.idNumber() == null ? "" : digitsOf(borrower.idNumber());
    if (id.matches("\\d{17}[\\dX]|\\d{15}")) {
      masks.put(ownNumber(id), Matcher.quoteReplacement(masking.idNumber(id)));
    }
    String mobile = borrower.mobile() == null ? ""
        : digitsOf(borrower.mobile()).replaceFirst("^(?:0086|86)(?=1\\d{10}$)", ""); // +86 and 0086 are no part of it
    if (mobile.matches("1\\d{10}")) {
      masks.put(ownNumber(mobile), Matcher.quoteReplacement(masking.mobile(mobile)));
    }
    return masks;
  }

  /** The digits of {@code value} in ASCII, and its X as {@code X}: what is left of a number without its separators. */
  private static String digitsOf(String value) {
    StringBuilder out = new StringBuilder();
    value.codePoints().forEach(c -> {
      if (Character.isDigit(c)) {
        out.append(Character.forDigit(Character.digit(c, 10), 10));
      } else if (c == 'X' || c == 'x' || c == 'Ｘ' || c == 'ｘ') {
        out.append('X');
      }
    });
    return out.toString();
  }

  /**
   * Each way a digit is written: ASCII, full width, Chinese numerals and capitals, and as phone numbers are read aloud
   * (幺 for 1, 两 for 2).
   */
  private static final List<String> DIGIT_FORMS = List.of("0０〇零", "1１一壹幺", "2２二贰两", "3３三叁", "4４四肆", "5５五伍",
      "6６六陆", "7７七柒", "8８八捌", "9９九玖");

  /**
   * The number {@code digits} (an ID number's final X included) as a borrower may write it: each digit in any of its
   * {@link #DIGIT_FORMS}, the X in either case and width, up to three characters that are neither letters nor digits
   * between any two of them, and no ASCII or full-width digit just before or after it (a longer number is another).
   */
  static Pattern ownNumber(String digits) {
    StringBuilder regex = new StringBuilder("(?<![0-9\\uFF10-\\uFF19])");
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0) {
        regex.append("[^\\p{L}\\p{N}]{0,3}");
      }
      char c = digits.charAt(i);
      regex.append('[').append(c == 'X' ? "XxＸｘ" : DIGIT_FORMS.get(c - '0')).append(']');
    }
    return Pattern.compile(regex.append("(?![0-9\\uFF10-\\uFF19])").toString());
  }

  /** The dots written between the parts of a name: middle dot, bullet, katakana middle dot and the like, full stops. */
  static final String NAME_DOTS = "\u00B7\u2022\u2027\u2219\u22C5\u30FB\uFF65.\uFF0E";
  /**
   * What joins the parts of a name, matched as any of them or none: the {@link #NAME_DOTS} and the hyphens
   * (Jean-Luc Li written Jean Luc Li or JeanLuc Li had gone out in clear). The ASCII hyphen is last, so that in a
   * character class it is no range.
   */
  static final String NAME_JOINERS = NAME_DOTS + "\u2010\u2011\uFE63\uFF0D-";

  /**
   * The name with any white space between its characters, in any case and with its ASCII letters and digits in either
   * width, to be matched in composed (NFC) text: a two-character name is often padded to the width of three with a
   * full-width space ({@code 李　四}), and so written in a note it went out unmasked, as did a Latin name typed in capitals
   * ({@code LI SI} for Li Si), in full-width letters ({@code ＬＩ ＳＩ}) or with its accents composed otherwise than in
   * the case ({@code José} as {@code Jose} + U+0301). Each ideograph matches its traditional or simplified forms
   * too ({@link HanVariants}): 张伟 written 張偉, or 張伟, in a note had gone out unmasked. A name that begins (ends)
   * with a Latin letter only matches where no letter or digit comes just before (after) it: found in any case, "Al"
   * would otherwise be masked inside "also". The dot between the parts of a name (买买提·艾力) is matched as any of the
   * dots typed for it ({@link #NAME_DOTS}), or none: written 买买提•艾力, 买买提・艾力 or 买买提艾力 the name had gone out
   * unmasked; so is a hyphen, and a dot or hyphen as any of the other ({@link #NAME_JOINERS}).
   */
  static Pattern spacedOut(String name) {
    StringBuilder regex = new StringBuilder();
    // as the note shows it (visible): a mark drawn as nothing in the name (李 U+FE0F 四) had kept 李四 from matching
    // a full-width letter or digit as its ASCII form, which is matched in either width: a name given as ＬＩ ＳＩ had
    // been matched in full width only, and "Li Si" in the note went out in clear
    int[] all = Normalizer.normalize(visible(name).strip(), Normalizer.Form.NFC).codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .map(c -> c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c).toArray();
    int[] cps = Arrays.stream(all).filter(c -> NAME_JOINERS.indexOf(c) < 0).toArray();
    if (cps.length == 0) {
      cps = all;
    }
    for (int c : cps) {
      if (regex.length() > 0) {
        regex.append("[\\s").append(NAME_JOINERS).append("]*");
      }
      List<Integer> forms = c > ' ' && c <= '~' ? List.of(c, c + 0xFEE0) : HanVariants.forms(c);
      regex.append(forms.size() == 1 ? Pattern.quote(Character.toString(c)) : forms.stream()
          .map(f -> Pattern.quote(Character.toString(f))).collect(java.util.stream.Collectors.joining("|", "(?:", ")")));
    }
    if (cps.length > 0 && Character.UnicodeScript.of(cps[0]) == Character.UnicodeScript.LATIN) {
      regex.insert(0, "(?<![\\p{L}\\p{N}])");
    }
    if (cps.length > 0 && Character.UnicodeScript.of(cps[cps.length - 1]) == Character.UnicodeScript.LATIN) {
      regex.append("(?![\\p{L}\\p{N}])");
    }
    return Pattern.compile(regex.toString(), Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE
        | Pattern.UNICODE_CASE);
  }

  private NegotiationScript script(ScriptTemplates t, ScriptRequest r, ScriptRequest.LenderPlan plan, String note,
      List<ScriptFinding> noteFindings, UnaryOperator<String> masker) {
    List<ScriptFinding> findings = new ArrayList<>(noteFindings);
    Debt debt = plan.debt();
    Policy policy = plan.policy();
    PlanOption o = plan.option();
    Borrower b = r.borrower();
    AffordabilityAssessment a = r.affordability();

    String platformName = safe("policy.platformName", policy.platformName(), findings);
    if (platformName.isEmpty()) {
      platformName = t.text("lender.unnamed");
    }
    String title = t.render("script.title", Map.of("platformName", platformName,
        "strategy", t.text("strategy." + r.strategy().name())));

    // HARDSHIP
    List<String> identity = new ArrayList<>();
    if (b.idNumber() != null && !b.idNumber().isBlank()) {
      identity.add(t.render("identity.idNumber", Map.of("value", masking.idNumber(b.idNumber()))));
    }
    if (b.mobile() != null && !b.mobile().isBlank()) {
      identity.add(t.render("identity.mobile", Map.of("value", masking.mobile(b.mobile()))));
    }
    String separator = t.text("list.separator");
    String identityText = identity.isEmpty() ? t.text("identity.none")
        : t.render("identity.wrap", Map.of("parts", String.join(separator, identity)));
    String account = safe("debt.id", masker.apply(debt.id()), findings);
    // a debt not yet overdue (a policy with minOverdueDays 0 admits one) is not told "0 days overdue" nor why it fell
    // behind: the .notOverdue texts
    boolean overdue = debt.overdueDays() > 0;
    String standing = overdue ? "" : ".notOverdue";
    List<String> hardship = new ArrayList<>();
    hardship.add(t.render("hardship.greeting", Map.of("name", masking.name(b.name()), "identity", identityText,
        "product", t.text("product." + debt.productType().name()), "account", account,
        "overdue", overdue ? t.render("hardship.overdue", Map.of("days", count(t, "days", debt.overdueDays())))
            : t.text("hardship.notOverdue"), "owed", money(t, debt.totalOwed()))));
    if (b.hardships().isEmpty()) {
      hardship.add(t.text("hardship.none" + standing));
    } else {
      List<String> reasons = new ArrayList<>();
      for (Hardship h : new LinkedHashSet<>(b.hardships())) {
        reasons.add(t.text("hardship.reason." + h.name()));
      }
      hardship.add(t.render("hardship.reasons" + standing, Map.of("reasons", prose(t.text("reasons.separator"),
          t.text("reasons.lastSeparator"), reasons))));
    }
    hardship.add(t.render("hardship.figures", Map.of("income", money(t, a.monthlyNetIncome()),
        "household", Integer.toString(b.householdSize()), "essentials", money(t, a.essentialExpenses()),
        "budget", money(t, a.maxAffordableInstallment()))));
    // the other lenders, not debts (two cards of one bank had told that bank the borrower owed 2 institutions), of
    // every debt the borrower owes, planned or not (the plans' alone had said 2 institutions of a borrower who owed 3)
    long others = r.otherLenders(debt.platformId());
    if (others > 0) {
      hardship.add(t.render("hardship.lenders", Map.of("lenders", count(t, "institutions", Math.toIntExact(others)))));
    }
    if (b.hasHardshipProof()) {
      hardship.add(t.text("hardship.proof"));
    }
    if (!note.isEmpty()) {
      hardship.add(t.render("hardship.note", Map.of("note", note)));
    }

    // WILLINGNESS
    List<String> willingness = new ArrayList<>();
    String intent = t.text("willingness.intent" + standing);
    willingness.add(o.downPayment().isPositive()
        ? t.render("willingness.down", Map.of("intent", intent, "down", money(t, o.downPayment())))
        : t.render("willingness.noDown", Map.of("intent", intent)));
    willingness.add(t.text("willingness.closing"));

    // PROPOSAL
    List<String> proposal = new ArrayList<>();
    List<String> components = new ArrayList<>();
    for (DebtComponent c : DebtComponent.values()) {
      if (debt.amount(c).isPositive()) {
        components.add(t.render("proposal.component", Map.of("component", t.text("component." + c.jsonName()),
            "amount", money(t, debt.amount(c)))));
      }
    }
    proposal.add(t.render("proposal.owed", withWords(Map.of("owed", debt.totalOwed()), t,
        Map.of("components", String.join(separator, components)))));
    List<String> waivers = new ArrayList<>();
    for (DebtComponent c : DebtComponent.values()) {
      Money w = o.waived().get(c);
      if (w != null && w.isPositive()) {
        waivers.add(t.render("proposal.waiverItem", withWords(Map.of("amount", w), t,
            Map.of("component", t.text("component." + c.jsonName())))));
      }
    }
    if (waivers.isEmpty()) {
      proposal.add(t.text("proposal.noWaiver"));
    } else {
      proposal.add(t.render("proposal.waiver", withWords(Map.of("waived", o.waivedTotal()), t,
          Map.of("items", String.join(separator, waivers)))));
    }
    if (!o.settledAmount().isPositive()) {
      // everything waived: no down payment and no installments are left to propose, where "the remaining 0.00 (零元)
      // over 12 installments, the first 0.00" had been written up
      proposal.add(t.text("proposal.nothingLeft"));
    } else {
      if (!waivers.isEmpty()) {
        proposal.add(t.render("proposal.settled", withWords(Map.of("settled", o.settledAmount()), t, Map.of())));
      }
      String downClause = o.downPayment().isPositive()
          ? t.render("proposal.down", withWords(Map.of("down", o.downPayment()), t, Map.of()))
          : t.text("proposal.noDown");
      proposal.add(t.render("proposal.term", withWords(Map.of("financed", o.financedAmount(), "first",
          o.firstInstallment(), "payable", o.totalPayable()), t, Map.of("downClause", downClause,
          "installments", count(t, "installments", o.term()), "method",
          t.text("method." + policy.installments().method().name())))));
    }

    // LEGAL_BASIS
    List<String> legal = new ArrayList<>();
    // one citation per provision however it is spaced or punctuated: a policy's 《…办法》 第七十条 had been cited next
    // to the shipped 《…办法》第七十条 as a second provision
    // and once across languages: the English script had cited the card policy's 《…办法》第七十条 and then the shipped
    // "Measures for the Supervision and Administration of the Credit Card Business of Commercial Banks, Article 70"
    Map<String, String> refs = new LinkedHashMap<>();
    Map<String, Integer> places = provisions.get(debt.productType());
    Set<Integer> cited = new java.util.HashSet<>();
    for (int i = 0; i < policy.legalBasis().size(); i++) {
      String ref = safe("policy.legalBasis[" + i + "]", policy.legalBasis().get(i), findings);
      String skeleton = Skeleton.of(ref).toString();
      if (!ref.isEmpty() && governs(ref, skeleton, debt.productType())) {
        refs.putIfAbsent(skeleton, ref);
        if (places.containsKey(skeleton)) {
          cited.add(places.get(skeleton));
        }
      }
    }
    List<String> general = references.get(t.language()).get(debt.productType());
    for (int i = 0; i < general.size(); i++) {
      if (!cited.contains(i)) {
        refs.putIfAbsent(Skeleton.of(general.get(i)).toString(), general.get(i));
      }
    }
    // nothing to cite (a policy citing none, and none configured for the type): legal.none, where the section had
    // announced "the following provisions", listed none and asked for a review "under these provisions"
    if (refs.isEmpty()) {
      legal.add(t.text("legal.none"));
    } else {
      legal.add(t.text("legal.intro"));
      int index = 1;
      for (String ref : refs.values()) {
        legal.add(t.render("legal.item", Map.of("index", Integer.toString(index++), "reference", ref)));
      }
      legal.add(t.text("legal.closing"));
    }

    String join = t.text("sentence.join");
    List<ScriptSection> sections = List.of(
        section(t, ScriptSection.Kind.HARDSHIP, String.join(join, hardship.subList(0, 1)) + "\n"
            + String.join(join, hardship.subList(1, hardship.size())), findings),
        section(t, ScriptSection.Kind.WILLINGNESS, String.join(join, willingness), findings),
        section(t, ScriptSection.Kind.PROPOSAL, String.join("\n", proposal), findings),
        section(t, ScriptSection.Kind.LEGAL_BASIS, String.join("\n", legal), findings));
    return new NegotiationScript(debt.id(), debt.platformId(), r.strategy(), t.language(),
        guard("title", title, findings), sections, findings);
  }

  /**
   * The regulations that govern one product type only, by their titles in each shipped language: a policy covering
   * credit cards and online loans cites the card regulation for its cards, and its online loan's script had cited
   * 《商业银行信用卡业务监督管理办法》第七十条 too, grounds that do not apply to the debt.
   */
  private static final List<Regulation> SPECIFIC = List.of(
      new Regulation("商业银行信用卡业务监督管理办法", ProductType.CREDIT_CARD),
      new Regulation("Credit Card Business of Commercial Banks", ProductType.CREDIT_CARD),
      new Regulation("消费金融公司管理办法", ProductType.CONSUMER_LOAN),
      new Regulation("Administration of Consumer Finance Companies", ProductType.CONSUMER_LOAN));

  /**
   * A regulation of one product type, found in a reference by the skeleton of its title (however spaced or punctuated)
   * or by its title written with any form of each ideograph ({@link HanVariants}, as {@link #spacedOut} finds a name):
   * the skeleton folds only the lexicon's ideographs, and a policy citing the card regulation in traditional characters,
   * 《商業銀行信用卡業務監督管理辦法》第七十條, had had it cited for its online loans.
   */
  private record Regulation(String skeleton, Pattern written, ProductType type) {
    Regulation(String title, ProductType type) {
      this(Skeleton.of(title).toString(), spacedOut(title), type);
    }

    boolean namedIn(String reference, String referenceSkeleton) {
      return referenceSkeleton.contains(skeleton) || written.matcher(reference).find();
    }
  }

  /** Whether a reference (with its skeleton) may be cited for a debt of {@code type}: it names no other type's regulation. */
  static boolean governs(String reference, String skeleton, ProductType type) {
    return SPECIFIC.stream().noneMatch(r -> r.type() != type && r.namedIn(reference, skeleton));
  }

  private ScriptSection section(ScriptTemplates t, ScriptSection.Kind kind, String text, List<ScriptFinding> findings) {
    return new ScriptSection(kind, t.text("section." + kind.name()), guard("section." + kind.name(), text, findings));
  }

  /** The last check: a word formed only where parts were joined is removed with its sentence. */
  private String guard(String field, String text, List<ScriptFinding> findings) {
    List<SensitiveMatch> found = filter.find(text);
    if (found.isEmpty()) {
      return text;
    }
    CleanedText cleaned = filter.clean(text);
    cleaned.findings().forEach(m -> findings.add(new ScriptFinding(field, m)));
    return cleaned.text();
  }

  /** An input text cleaned of lexicon words, findings recorded under {@code field}. */
  private String safe(String field, String text, List<ScriptFinding> findings) {
    CleanedText cleaned = filter.clean(text);
    cleaned.findings().forEach(m -> findings.add(new ScriptFinding(field, m)));
    return visible(cleaned.text());
  }

  /**
   * {@code text} without invisible format characters (zero-width spaces and joiners, bidirectional overrides) and
   * control characters other than line breaks, which become {@code \n}: a script is read by a lender's staff, and a
   * right-to-left override in a borrower's note reversed what they saw; a zero-width space inside the borrower's name
   * kept it from being masked, and so did the marks drawn as nothing (a combining grapheme joiner or a variation
   * selector: 李 U+034F 四), which are dropped too, and the letters and symbols drawn as blank space (the Hangul
   * fillers, the blank Braille pattern: 李 U+3164 四), which become a space. Half an emoji (an unpaired surrogate, left
   * where a client cut a note at a length in UTF-16 units) is dropped too: it is no character, and it had reached the
   * script, printed as {@code ?} and written to JSON as an escape that strict readers refuse.
   */
  static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\r') {
        if (i < text.length() && text.charAt(i) == '\n') {
          continue; // \r\n: the \n follows
        }
        out.append('\n');
      } else if (c == '\n' || TextFields.isLineBreak(c)) {
        out.append('\n');
      } else if (c == '\t' || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800) {
        out.append(' ');
      } else if (!TextFields.isInvisible(c) && !isIgnorableMark(c) && Character.getType(c) != Character.SURROGATE) {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  /**
   * The combining marks that are drawn as nothing on any character (Unicode's default-ignorable marks): the combining
   * grapheme joiner, the Khmer inherent vowels, the Mongolian free variation selectors and the variation selectors.
   */
  private static boolean isIgnorableMark(int c) {
    return c == 0x034F || c == 0x17B4 || c == 0x17B5 || (c >= 0x180B && c <= 0x180F) || (c >= 0xFE00 && c <= 0xFE0F)
        || (c >= 0xE0100 && c <= 0xE01EF);
  }

  /** Values with each amount in figures ({@code name}) and in words ({@code nameWords}), plus {@code others}. */
  private static Map<String, String> withWords(Map<String, Money> amounts, ScriptTemplates t, Map<String, String> others) {
    Map<String, String> values = new HashMap<>(others);
    amounts.forEach((name, m) -> {
      values.put(name, money(t, m));
      values.put(name + "Words", ChineseAmountWords.of(m));
    });
    return values;
  }

  /** {@code n} of a unit in the language's grammar: "1 day", "2 days" (an English script had said "1 days overdue"). */
  static String count(ScriptTemplates t, String unit, int n) {
    return t.render("count." + unit + (n == 1 ? ".one" : ".other"), Map.of("n", Integer.toString(n)));
  }

  static String money(ScriptTemplates t, Money m) {
    return t.render("money", Map.of("amount", figures(m)));
  }

  /**
   * {@code 12,000.00}: grouped thousands, two decimals, exact — what {@code String.format(Locale.ROOT, "%,.2f", yuan)}
   * writes, in long arithmetic: the formatter had taken a third of a case's scripts.
   */
  static String figures(Money m) {
    long fen = m.fen();
    // digits of |fen| from the remainders, negative-safe: Long.MIN_VALUE has no positive counterpart
    long rest = fen;
    char[] digits = new char[32]; // 19 digits, 5 commas, a point and a sign at most
    int at = digits.length;
    int written = 0;
    do {
      if (written == 2) {
        digits[--at] = '.';
      } else if (written > 2 && (written - 2) % 3 == 0) {
        digits[--at] = ',';
      }
      digits[--at] = (char) ('0' + Math.abs(rest % 10));
      rest /= 10;
      written++;
    } while (rest != 0 || written < 3);
    if (fen < 0) {
      digits[--at] = '-';
    }
    return new String(digits, at, digits.length - at);
  }

  @Override
  public String toString() {
    return "ScriptGenerator[templates=" + templates.keySet() + ", " + filter + "]";
  }

  /**
   * A list of clauses as a sentence writes it: {@code a, b, and c} in English (each hardship reason is a clause, and
   * without the {@code and} the English script read as a bare list), {@code a；b；c} in Chinese (each reason has a comma
   * of its own, and joined with {@code 、}, which joins words, they read as one garbled list).
   */
  static String prose(String separator, String lastSeparator, List<String> items) {
    if (items.size() < 2) {
      return String.join(separator, items);
    }
    return String.join(separator, items.subList(0, items.size() - 1)) + lastSeparator + items.get(items.size() - 1);
  }
}
