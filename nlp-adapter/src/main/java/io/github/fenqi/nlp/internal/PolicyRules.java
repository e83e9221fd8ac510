package io.github.fenqi.nlp.internal;

import io.github.fenqi.nlp.FinancialTerm;
import io.github.fenqi.nlp.PolicyField;
import io.github.fenqi.nlp.spi.TermMention;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The general rules that read policy fields from normalised text (see {@link TextNormalizer}): Arabic digits,
 * simplified script, ASCII punctuation ({@code ,} {@code ;} {@code :} {@code (} {@code )} {@code %}).
 *
 * <p>Rules work on sentences and clauses, after numbers that are not policy values (dates, times, phone numbers,
 * amounts of money, article numbers, review periods) have been masked. Each rule yields {@link Candidate}s, each
 * a value of a field or only a bound on it, numbered with its sentence; the extractor settles each field from them
 * (the most confident per sentence, a conflict between sentences noted, bounds noted).
 *
 * <p>Thread-safety: immutable; patterns are compiled once and shared.
 */
public final class PolicyRules {
  private static final String NUM = "(\\d+(?:\\.\\d+)?)";
  /** The unit of a ratio: %, ‰, ‱, or 成 (tenths), which may take a half more ("八成五", "八成半": 85 %). */
  private static final String RATIO_UNIT = "(%|‰|‱|成(?:[五5半](?![\\d.%‰成]))?)";
  private static final String STOP = ",。;!?\n";
  /**
   * Between the ends of a range: "-", "~", 至 or 到. A dash or tilde may be doubled, as the Chinese dash "——" is
   * written (folded to "--"), and "12——36期" had been read as no range at all.
   */
  private static final String TO = "(?:-+|~+|至|到)";

  /** A fraud warning or denial: lenders' notices quote the promises of fraudsters and rumours to refute them. */
  private static final List<String> WARNING = List.of("谣言", "诈骗", "骗局", "虚假宣传", "不实宣传", "不实信息", "网传", "冒充",
      "谨防", "警惕", "切勿相信", "请勿相信", "不法分子", "非法中介");

  // ---- distractor masks ----
  static final Pattern DISTRACTOR = Pattern.compile(String.join("|",
      "\\d{4}\\s*年(?:\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*[日号])?)?",
      "\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]",
      "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}",
      "\\d{1,2}:\\d{2}",
      // phone numbers 0571-87654321, 400-820-8820; not a range whose unit follows after a space ("12-36 期"), nor one
      // of decimals ("0.5-0.8%": its "5-0" had been masked, and the fee read as the 8% left)
      // nor the range after a label that names installments ("分期期数：12-36", see LABELED_TERMS)
      "(?<![\\d.])(?<!期数\\s{0,2}[:为是]\\s{0,2})\\d+(?:-\\d+){1,3}(?!\\s*[期个月年天日%\\d]|\\.\\d)",
      "\\d{5,}",
      // not an amount of nothing: "首付款0元" is no down payment, "手续费0元" no fee
      "(?<![\\d.])(?!0+(?:\\.0+)?\\s*元)\\d+(?:\\.\\d+)?\\s*[万千]?\\s*元",
      "第\\s*\\d+\\s*[条款章项节]",
      "\\d+\\s*个?(?:工作日|自然日|小时|分钟)"));

  // ---- installments ----
  /**
   * After a range's end in years (only there: a bare number before months, "1 6个月至3年", is no year and six months):
   * half a year or months more, groups 3 and 6 ("可分1年6个月至3年" is 18..36, "1年至2年半" 12..30; the first had been
   * read as 6..36, its range found in "6个月至3年", the second as 12..24).
   */
  private static final String RANGE_YEAR_REST = "((?<=年)(?:半|(?:零|0)?\\s*\\d{1,2}\\s*个月))?";
  private static final Pattern RANGE = Pattern.compile("(?<![\\d.])(\\d+)\\s*(期|个月|年)?" + RANGE_YEAR_REST + "\\s*"
      + TO + "\\s*(\\d+)\\s*(期|个月|年)" + RANGE_YEAR_REST);
  /**
   * 12期、24期或36期, and 3、6、9、12期 (the unit written once, at the end). At most 25 items: the regex engine
   * recurses once per repetition, so an unbounded list ("3、" a thousand times) overflowed the stack.
   */
  private static final Pattern LIST = Pattern.compile(
      "(?<![\\d.#])\\d+\\s*期?(?:\\s*(?:、|或者|或|和|及|/)\\s*\\d+\\s*期?){0,23}\\s*(?:、|或者|或|和|及|/)\\s*\\d+\\s*期");
  private static final Pattern N_PERIODS = Pattern.compile("(\\d+)");
  /**
   * Options in months or years, "可分1年、2年或3年", "3年/5年", "12、24、36个月", "6个月、1年或2年": a bare one in the unit of
   * the next written, read as {@link #LIST} is where the clause names the term before them ({@link #termNamedBefore};
   * these had been read as nothing, and after a bound as its first option: "最长可分6个月、1年或2年" as 6). An option's
   * years may take half a year more ("1年半、2年或3年" is 18..36, "1年、2年或3年半" 12..42: both had been read as
   * nothing). Not the tail of a longer list or of a term with months after years ("1年6个月、3年", whose first option is
   * no item, "1年半 2年或3年"), nor, possessive, a list without its last item ("1年、2年6个月" is not 12..24). At most 25
   * items, as in {@link #LIST}.
   */
  private static final Pattern TERM_LIST = Pattern.compile("(?<![\\d.#、/和及或者年零半]\\s{0,2})\\d+\\s*(?:个月|年半?)?"
      + "(?:\\s*(?:、|或者|或|和|及|/)\\s*\\d+\\s*(?:个月|年半?)?){1,24}+(?<=个月|年|半)(?!\\s*[\\d半零])");
  /** An option of a {@link #TERM_LIST}: its number, unit if written (group 2) and the half after its years (group 3). */
  private static final Pattern TERM_OPTION = Pattern.compile("(\\d+)\\s*(个月|年)?(半)?");
  /**
   * A label naming the number of installments, and a range (groups 1, 2) or a list (group 3) after it with no unit
   * ("期数：12～36", "分期期数：12-36", "可选期数：3、6、9、12"): the label gives the unit, 期. These had been read as
   * nothing. Not a count of overdue or deferred periods ("逾期期数：1-3"), nor a label that leaves the unit open
   * ("期限：12-36": months or years). Possessive, so that a list whose unit follows ("可分期数：3、6、9、12期", read
   * by {@link #LIST}) is not read again without its last item.
   */
  private static final Pattern LABELED_TERMS = Pattern.compile(
      "(?<!逾期|展期|延期)期数\\s*(?:[:为是]|可选)\\s*(?:(\\d++)\\s*" + TO + "\\s*(\\d++)"
          + "|(\\d++(?:\\s*(?:、|/|或者|或|和|及)\\s*\\d++){1,23}+))(?![\\d.#]|\\s*[期个月年天日%‰成折倍元])");
  /** After a number of years: half a year or months more ("1年半", "2年零6个月", "2年6个月"). */
  private static final String YEAR_REST = "(半|(?:零|0)?\\s*\\d{1,2}\\s*个月)?";
  /**
   * A negation, with the modal verb that may follow it, before a comparison bounding a term: "不得少于十二期",
   * "不多于36期", "不能低于6个月" had been read as nothing (only 不少于, 不低于, 不超过 and 不得超过 were known).
   */
  private static final String NOT = "(?:不|不得|不能|不可|不应|不宜|不要|不允许|不准|禁止|严禁)";
  private static final Pattern MAX_TERM = Pattern.compile(
      "(?:最长|最多|最高|" + NOT + "(?:超过|多于|高于|大于|长于)|不超|至多|上限为?|最大|≤|≦|<=|小于或?等于)([^" + STOP + "\\d%‰]{0,10}?)(\\d+)\\s*(期|个月|年)"
          + YEAR_REST);
  /**
   * "36期以内", and in months or years where the clause names the term ("分期期限36个月以内", "3年以内": these had been
   * read as nothing).
   */
  private static final Pattern MAX_TERM_SUFFIX = Pattern.compile(
      "(?<![\\d.])(\\d+)\\s*(期|个月|年)" + YEAR_REST + "\\s*(?:以内|以下|之内|封顶)");
  /**
   * "分期期数6期起", "6期以上": the least installments, stated after the number (these had been read as nothing); not
   * the installment from which something holds ("第7期起"). In months or years too ("分期期数需12个月以上", "期限1年以上"),
   * when the clause names the term before the number ({@link #TERM_WORD}): these had been read as nothing.
   */
  private static final Pattern MIN_TERM_SUFFIX = Pattern.compile(
      "(?<![\\d.第])(\\d+)\\s*(期|个月|年)" + YEAR_REST + "\\s*(?:起|以上|及以上|或以上|\\(含\\)以上)");
  /**
   * Before a term in months or years stated by a suffix ("分期期数需12个月以上"): a word naming the plan's term, without
   * which a number of months is how long something else has lasted ("入职6个月以上").
   */
  private static final Pattern TERM_WORD = Pattern.compile("期数|期限|分期|可分|还款期|偿还期");
  /**
   * Just before a term: how long something has already run ("分期还款满6期以上", "开立满6个月以上"), a precondition, not
   * the plan's number of installments; it had been read as the least installments.
   */
  private static final Pattern TENURE_BEFORE = Pattern.compile("(?:满|已|已经|达到?|累计)\\s*$");
  private static final Pattern MIN_TERM = Pattern.compile(
      "(?:最短|最少|最低|" + NOT + "(?:少于|低于|小于|短于)|至少|≥|≧|>=|大于或?等于)([^" + STOP + "\\d%‰]{0,10}?)(\\d+)\\s*(期|个月|年)" + YEAR_REST);
  /**
   * A modal verb of obligation, not negated ("不应少于" is the least, "无需超过" no obligation), before a strict
   * comparison of the term: "须少于36期" allows 35 at most, "须超过12期" 13 at least. These had been read as nothing.
   */
  private static final String MUST = "(?<![不无毋没未])(?:必须|务必|需要|须|需|应当|应该|应|要)\\s*(?:在)?\\s*";
  private static final String TERM_AFTER = "\\s*(\\d+)\\s*(期|个月|年)" + YEAR_REST;
  private static final Pattern MUST_BELOW_TERM = Pattern.compile(MUST + "(?:少于|低于|小于|短于)()" + TERM_AFTER);
  private static final Pattern MUST_ABOVE_TERM = Pattern.compile(MUST + "(?:超过|多于|高于|大于|长于)()" + TERM_AFTER);
  /** A strict sign before a term: "<36期" allows 35 at most, ">12期" 13 at least (both had been read as nothing). */
  private static final Pattern SIGN_BELOW_TERM = Pattern.compile("(?<![<>=≤≥])<(?![=<>])()" + TERM_AFTER);
  private static final Pattern SIGN_ABOVE_TERM = Pattern.compile("(?<![<>=≤≥-])>(?![=<>])()" + TERM_AFTER);
  /**
   * Just after a term: the plan with that term is refused ("…的不予受理", "…的申请不予办理", "…的,不予办理"); not a
   * refusal of something else to such a plan ("超过12期的客户不享受免息").
   */
  private static final String TERM_REFUSED = "\\s*的?\\s*,?\\s*(?:申请|分期|业务|方案)?\\s*(?:均|一律|将|概|系统)?\\s*"
      + "(?:(?:不予|不|不能|无法|不可|不得|暂不|概不)(?:受理|办理|支持|通过|批准|审批|接受)(?=$|[" + STOP + "])|不允许|不可以|禁止)";
  /**
   * A term the plan is refused beyond ("超过36期的不予受理": 36 at most) or below ("少于12期的不予办理": 12 at least), or
   * at and beyond a bound that includes its number, as 以上/以下 do in law ("36期以上的不予受理": 35 at most). These had
   * been read as nothing, and the last as the least term.
   */
  private static final Pattern REFUSED_ABOVE_TERM = Pattern.compile(
      "(?<![不未没])(?:超过|多于|高于|大于|长于)()" + TERM_AFTER + TERM_REFUSED);
  private static final Pattern REFUSED_BELOW_TERM = Pattern.compile(
      "(?<![不未没])(?:少于|低于|小于|短于|不足|不到)()" + TERM_AFTER + TERM_REFUSED);
  private static final Pattern REFUSED_FROM_TERM = Pattern.compile(
      "(?<![\\d.第])()(\\d+)\\s*(期|个月|年)" + YEAR_REST + "\\s*(?:以上|及以上|或以上)" + TERM_REFUSED);
  private static final Pattern REFUSED_UP_TO_TERM = Pattern.compile(
      "(?<![\\d.第])()(\\d+)\\s*(期|个月|年)" + YEAR_REST + "\\s*(?:以下|及以下|以内)" + TERM_REFUSED);
  /** After a term: a range goes on to its upper end ("12期至36期"), so the term is no upper bound. */
  private static final Pattern RANGE_GOES_ON = Pattern.compile("\\s*" + TO + "\\s*\\d");
  /**
   * After a term: a list of options goes on to another in the same unit (group 1), "最长可分12期、24期或36期", so the
   * term is the list's first option, no upper bound, as a bound word before a range is the range's: the most had been
   * read as 12.
   */
  private static final Pattern LIST_GOES_ON = Pattern.compile("\\s*(?:、|或者|或|和|及|/)\\s*\\d+\\s*(期|个月|年)");
  private static final Pattern TERM_CONTEXT = Pattern.compile("分|期限|偿还|还款|期数");
  /**
   * Before a bound on a term: a record of repayments already made ("需至少正常还款3个月后", "连续按时还款不少于6期"), a
   * precondition to apply, not the plan's number of installments; it had been read as the least installments.
   */
  private static final Pattern REPAID = Pattern.compile("(?:正常|按时|按期|连续|足额|累计|已经?)(?:还款|还|偿还|缴款|履约)");
  /**
   * Just before a term bounded by a suffix ({@link #MIN_TERM_SUFFIX}, {@link #MAX_TERM_SUFFIX}): a refusal of the
   * plans it bounds ("不支持36期以上的分期", "暂不受理36期以上的申请"), so the bound is the opposite of what its words say
   * alone; these had been read as the least installments (36). The bound is left unread (a refusal after the term,
   * "36期以上的不予受理", is read by {@link #REFUSED_FROM_TERM}).
   */
  private static final Pattern REFUSED_BEFORE = Pattern.compile(
      "(?:不予|不|暂不|无法|不能|不可|概不|并不)(?:支持|受理|办理|接受|提供|开放|允许|批准)(?:办理|申请)?\\s*$");
  /** Just after a term: a time from which something follows ("3个月后方可申请"), not a number of installments. */
  private static final Pattern AFTERWARDS = Pattern.compile("\s*(?:以后|之后|后)");

  /** Words of which every match of a bound on the term contains one: comparisons, refusals. */
  private static final List<String> ABOVE = List.of("超过", "多于", "高于", "大于", "长于");
  private static final List<String> BELOW = List.of("少于", "低于", "小于", "短于");
  private static final List<String> REFUSAL = List.of(
      "受理", "办理", "支持", "通过", "批准", "审批", "接受", "不允许", "不可以", "禁止");
  /**
   * The patterns of the term, each with the word lists a match of it contains a word of each of (a comparison, a
   * refusal, a range's "至", a list's "、", a label's 期数, a suffix's 以内 or 以上): {@link #cued} does not search a
   * sentence missing one list. Fifteen patterns tried at every position of every sentence had made extraction three
   * times slower than with a few; {@code PolicyRulesPreCheckProperties} checks that the lists are exact.
   */
  static final Map<Pattern, List<List<String>>> TERM_WORDS = Map.ofEntries(
      Map.entry(RANGE, List.of(List.of("-", "~", "至", "到"))),
      Map.entry(LIST, List.of(List.of("、", "或", "和", "及", "/"))),
      Map.entry(TERM_LIST, List.of(List.of("、", "或", "和", "及", "/"))),
      Map.entry(LABELED_TERMS, List.of(List.of("期数"))),
      Map.entry(MAX_TERM_SUFFIX, List.of(List.of("以内", "以下", "之内", "封顶"))),
      Map.entry(MIN_TERM_SUFFIX, List.of(List.of("起", "以上"))),
      Map.entry(MAX_TERM, List.of(join(ABOVE,
          List.of("最长", "最多", "最高", "不超", "至多", "上限", "最大", "≤", "≦", "<=", "小于")))),
      Map.entry(MIN_TERM, List.of(join(BELOW, List.of("最短", "最少", "最低", "至少", "≥", "≧", ">=", "大于")))),
      Map.entry(MUST_BELOW_TERM, List.of(BELOW)),
      Map.entry(MUST_ABOVE_TERM, List.of(ABOVE)),
      Map.entry(REFUSED_ABOVE_TERM, List.of(ABOVE, REFUSAL)),
      Map.entry(REFUSED_BELOW_TERM, List.of(join(BELOW, List.of("不足", "不到")), REFUSAL)),
      Map.entry(SIGN_BELOW_TERM, List.of(List.of("<"))),
      Map.entry(SIGN_ABOVE_TERM, List.of(List.of(">"))),
      Map.entry(REFUSED_FROM_TERM, List.of(List.of("以上"), REFUSAL)),
      Map.entry(REFUSED_UP_TO_TERM, List.of(List.of("以下", "以内"), REFUSAL)));
  private static final Pattern NOTHING = Pattern.compile("(?!)");

  /** The bounds on the term that {@link #bound} reads, in the order they are read. */
  private static final List<TermBound> TERM_BOUNDS = List.of(
      new TermBound(MAX_TERM, PolicyField.MAX_INSTALLMENTS, 0, false),
      new TermBound(MIN_TERM, PolicyField.MIN_INSTALLMENTS, 0, false),
      new TermBound(MUST_BELOW_TERM, PolicyField.MAX_INSTALLMENTS, -1, true),
      new TermBound(MUST_ABOVE_TERM, PolicyField.MIN_INSTALLMENTS, 1, true),
      new TermBound(REFUSED_ABOVE_TERM, PolicyField.MAX_INSTALLMENTS, 0, true),
      new TermBound(REFUSED_BELOW_TERM, PolicyField.MIN_INSTALLMENTS, 0, true),
      new TermBound(SIGN_BELOW_TERM, PolicyField.MAX_INSTALLMENTS, -1, true),
      new TermBound(SIGN_ABOVE_TERM, PolicyField.MIN_INSTALLMENTS, 1, true),
      new TermBound(REFUSED_FROM_TERM, PolicyField.MAX_INSTALLMENTS, -1, true),
      new TermBound(REFUSED_UP_TO_TERM, PolicyField.MIN_INSTALLMENTS, 1, true));

  /**
   * A bound on the term: its pattern (groups as {@link #bound} reads them), the field, the shift of a strict bound,
   * and whether the clause must name the term.
   */
  private record TermBound(Pattern pattern, PolicyField field, int shift, boolean named) {}

  /** Whether {@code s} has a word of each of {@code p}'s lists in {@link #TERM_WORDS}, as every match of p has. */
  static boolean mayMatch(Pattern p, String s) {
    for (List<String> words : TERM_WORDS.get(p)) {
      if (!containsAny(s, words)) {
        return false;
      }
    }
    return true;
  }

  /** {@code p}'s matcher over {@code s}, or one that finds nothing when {@code s} cannot hold a match of it. */
  private static Matcher cued(Pattern p, String s) {
    return mayMatch(p, s) ? p.matcher(s) : NOTHING.matcher("");
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /** Whether {@code s} contains one of {@code words}. */
  static boolean containsAny(String s, List<String> words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }

  // ---- overdue days ----
  /** After an overdue period's unit: half of it, or months or days more ("1年半", "2个月零10天"; see daysAfter). */
  private static final String OVERDUE_REST = "(半|(?:零|0)?\\s*\\d{1,2}\\s*(?:个月|天|日))?";
  /** A threshold word of an overdue period, after 逾期 or before it ({@link #OVERDUE}, {@link #OVERDUE_BEFORE}). */
  private static final String OVERDUE_WORD =
      "超过|满|达到|达|不少于|不低于|大于或?等于|不小于|大于|高于|多于|已达|≥|>=|>";
  /**
   * A mark that says whether an overdue threshold includes its number: "(含)", "(含90天)", "(含本数)", "(不含)",
   * "(不含90天)", "(包括90天在内)" (full-width brackets are folded to these); {@link #INCLUSION} reads one.
   */
  private static final String INCLUSION_MARK = "\\(\\s*不?(?:包含|包括|含)[^()" + STOP + "]{0,12}\\)";
  /** One {@link #INCLUSION_MARK}: group 1 its negation, group 2 what it includes (nothing, 本数, or a period). */
  private static final Pattern INCLUSION = Pattern.compile(
      "\\(\\s*(不)?(?:包含|包括|含)\\s*([^()" + STOP + "]*?)\\s*(?:在内)?\\s*\\)");
  /**
   * After an overdue period: an inclusion mark before 以上 or after it ("逾期90天(含)以上", "逾期90天(含90天)以上", which had
   * been read as nothing, "逾期90天以上(不含)", which had been read as 90, "超过90天(含)"), the whole tail one group and
   * the 以上 the next. A mark is read inside the match, so 以内/以下 after it still make the period an upper bound
   * ("逾期在90天(含)以内" had been read as 90).
   */
  private static final String OVERDUE_TAIL =
      "((?:\\s*" + INCLUSION_MARK + ")?\\s*(以上|及以上|或以上|\\+)?(?:\\s*" + INCLUSION_MARK + ")?)";
  private static final Pattern OVERDUE = Pattern.compile(
      "逾期([^" + STOP + "\\d]{0,8}?)(" + OVERDUE_WORD + "|在)?\\s*" + NUM
          + "\\s*(天|日|个月|月|年)" + OVERDUE_REST + OVERDUE_TAIL);
  /**
   * "逾期30-90天", "逾期30至90天", "逾期1到3个月": the least overdue days is the lower end; the upper end is the most,
   * which the policy has no field for (a note tells it). Neither had been read.
   */
  private static final Pattern OVERDUE_RANGE = Pattern.compile(
      "逾期([^" + STOP + "\\d]{0,8}?)(?:在)?\\s*" + NUM + "\\s*(天|日|个月|月|年)?\\s*" + TO + "\\s*" + NUM
          + "\\s*(天|日|个月|月|年)");
  /**
   * "逾期不足90天的不予办理", "逾期未满3个月的客户不可申请", "逾期不满90天的客户不能申请": those overdue less are refused, so the
   * least overdue days is the threshold, when the clause goes on to refuse them ({@link #excludedAfter}); it had been read
   * as nothing.
   */
  private static final Pattern OVERDUE_REFUSED_BELOW = Pattern.compile(
      "逾期([^" + STOP + "\\d]{0,8}?)(?:少于|低于|小于|不足|不到|[未不]满|未达到?|<(?!=))\\s*" + NUM + "\\s*(天|日|个月|月|年)"
          + OVERDUE_REST + "(\\s*" + INCLUSION_MARK + ")?");
  /** After such a threshold: its clause ends, the refusal in the next ("逾期天数低于30天的,不予受理"). */
  private static final Pattern CLAUSE_GOES_ON = Pattern.compile("\\s*(?:的|者)?\\s*,");
  /**
   * "满90天的逾期客户", "超过2个月10天的逾期客户": a threshold before 逾期, its rest read as after 逾期 (group 4; "满1年半的逾期"
   * 540, "满2个月10天的逾期" 70: with a rest they had been read as nothing), and its words those after 逾期 ("大于90天的逾期"
   * 91, "≥90天的逾期" 90: only 超过, 满, 达到 and 不少于 had been read). Its tail as after 逾期 ({@link #OVERDUE_TAIL}: group
   * 5, its 以上 group 6), so a bare 以上 is a threshold too ("90天以上的逾期客户" 90) and a mark is read ("超过90天(含)的逾期"
   * 90): both had been read as nothing, the mark never reached. Not an overdue charge or record ("90天以上的逾期利息",
   * "超过90天的逾期罚息不予减免": the latter had been read as 91).
   */
  private static final Pattern OVERDUE_BEFORE = Pattern.compile(
      "(?:(" + OVERDUE_WORD + ")\\s*)?(?<![\\d.])" + NUM + "\\s*(天|日|个月|月|年)" + OVERDUE_REST + OVERDUE_TAIL
          + "\\s*的?\\s*逾期(?!利息|罚息|费|违约金|滞纳金|本金|记录|次数|金额)");
  /**
   * Just before a period before 逾期: what else the period measures ("持卡6个月以上的逾期客户", "贷款期限1年以上的逾期客户":
   * how long the card has been held, the loan's term), so it is no overdue threshold (they had been read as 180 and 360).
   */
  private static final Pattern OTHER_PERIOD_BEFORE = Pattern.compile(
      "(?:持卡|开卡|用卡|开户|入职|在职|工作|期限|期数|账龄|卡龄|注册|年限|成立|经营)(?:时间|时长|年限|期限)?"
          + "\\s*(?:为|已|已经|在)?\\s*$");
  /** After an overdue threshold in its clause: those beyond it are excluded, so it is no minimum. */
  private static final Pattern EXCLUDED = Pattern.compile(
      "不支持|不适用|不享受|不参与|不受理|不办理|不接受|不符合|除外|不在[^" + STOP + "]{0,6}范围"
          + "|(?:不能|不可|无法|不得|不予)(?:再)?(?:申请|办理|受理|参与|享受|适用)");
  private static final Pattern THRESHOLD_WORD = Pattern.compile("超过|满|达到|达|不少于|不低于|大于|高于|多于|以上");
  /**
   * An overdue threshold that its number does not meet ("逾期超过90天", "逾期大于90天", "逾期>90天"): core admits a debt
   * when {@code overdueDays >= minOverdueDays}, so the minimum is one day past the number (91); read as the number, it
   * had admitted the debt of 90 days the text refuses. Not 不少于/不低于 (a 不 before the word), which include it.
   */
  private static final Pattern STRICT_OVERDUE = Pattern.compile("(?<!不)(?:超过|大于|高于|多于)(?!或?等于)|>(?!=)");
  /** A period inside an inclusion mark ("(含90天)", "(含3个月)"): group 1 its number, group 2 its unit. */
  private static final Pattern MARKED_PERIOD = Pattern.compile(NUM + "\\s*(天|日|个月|月|年)");
  /**
   * Just before an overdue threshold word: a negation, with the modal verb that may sit between ("逾期不得超过90天",
   * "逾期时间不能超过90天", "逾期没有超过90天"), which makes the threshold an upper bound. Only a bare 不/未 had been
   * seen, so these had been read as the minimum.
   */
  private static final Pattern NEGATED_BEFORE = Pattern.compile(
      "(?:不|未|没有?|无)(?:得|能|可|应|会|要|宜|可以|应当|应该|能够)?$");

  // ---- waivers ----
  /**
   * A negated waiver verb (不允许, 禁止, 拒绝 and 申请 between had been read as nothing), a "not in scope" form, or a
   * label answered no ("罚息减免：否"). Not when a bound follows ("不得减免超过50%" caps the waiver at 50%), the words describe
   * a noun ("未减免的罚息需一次性结清", "不予减免部分": the part left after a waiver, which there is) or a share follows
   * ("不减免50%", "不减半": that share is refused, see {@link #SHARE_REFUSED}).
   */
  private static final Pattern WAIVE_NONE = Pattern.compile(
      "(?:不予|不|无法|不能|不可|不得|概不|未|没有|无|不允许|不准|禁止|严禁|拒绝|拒不|不可能)\\s*(?:再|会|可以)?"
          + "(?:予以|作|做|给予|支持|享受|提供|设|接受|(?<=[法能可得])申请)?(?:任何)?(?:减免|免除|豁免|免收|减少|打折|减)"
          + "(?![免除]?(?:\\s*(?:超过|高于|多于|超出)|的[^" + STOP + ")]|部分|\\s*\\d+(?:\\.\\d+)?\\s*[%‰‱成]))"
          + "|一分不减|分文不减"
          + "|一分不少|分文不少|不在(?:减免|免除)(?:范围|之列)|不属于(?:减免|免除)(?:范围|之列)|非(?:减免|免除)(?:范围|对象)"
          + "|不(?:参与|纳入)(?:减免|免除)"
          // a label answered no ("罚息减免：否", "是否可减免：不支持"); not an answer that goes on ("减免：无上限")
          + "|(?:减免|免除)\\s*:\\s*(?:否|无|不支持|不可以|不可|不能|不予|不)\\s*(?=$|[" + STOP + ")])");
  /**
   * A refusal of a full waiver only ("罚息不支持全额减免", "无法全部减免", "罚息并非全部减免", "非全额减免"): some part
   * may still be waived, so the text states no cap — neither the full waiver its words contain nor none. 并非 and 非
   * had not been known, and "罚息并非全部减免" had been read as the full waiver it denies (not 除非, unless).
   */
  private static final Pattern NOT_ALL = Pattern.compile(
      "(?:不予|不|无法|不能|不可|不得|未|没有|并非|(?<!除)非)\\s*(?:再|会|可以)?(?:予以|给予|支持|享受|提供)?"
          + "(?:全额|全部)(?:减免|免除|豁免|免收)|不(?:能|可|会)?全免");
  private static final Pattern WAIVE_VERB = Pattern.compile("减免|免除|豁免");
  /**
   * Just before a discount or a waived share: a negation, so that share is refused ("罚息不打五折", "利息不按八折收取",
   * "不享受五折优惠", "罚息不减半", "罚息无减半政策", "不能减免50%"). A lender that refuses one share may grant a smaller one ("罚息不减半,
   * 最多减免30%"), so the text states no cap: the refused discount had been read as the waiver it refuses (0.5 for
   * "不打五折"), the refused share as no waiver at all.
   */
  private static final Pattern SHARE_REFUSED = Pattern.compile(
      "(?:不|未|没有|无|无法|不能|不可|不得|不予|概不|并不|并非|不会)(?:再|会|能|可以|可)?"
          + "(?:予以|给予|支持|享受|提供|按|打)?\\s*$");
  /** Between a waiver verb and its ratio: the ratio bounds the waiver ("不得减免超过50%" caps it at 50%). */
  private static final Pattern EXCEEDING = Pattern.compile("超过|高于|多于|超出");
  /** Just before a refusal: it states the general rule, to which an exception may follow ("罚息原则上不予减免"). */
  private static final Pattern GENERAL_RULE = Pattern.compile("一般|原则上|通常|正常情况下|默认");
  /** At the start of what follows a refusal: an exception to it ("但特殊情况…", "确有困难的…"). */
  /**
   * At the start of a clause: a condition, under which the rest of the sentence holds ("如无法提供证明，罚息不予减免",
   * "否则不予减免"); not 如下 (as follows) or 如实 (truthfully).
   */
  private static final Pattern CONDITION = Pattern.compile("^\\s*(?:如(?![下实])|若|假如|倘若|否则|一旦)");
  private static final Pattern EXCEPTION = Pattern.compile(
      "^\\s*(?:但|不过|特殊|例外|如遇|若遇|确有|对于?特殊|经(?:审核|审批|申请))");
  /**
   * In a clause after a bare waiver ("罚息可酌情减免，最高不超过40%"): its cap, by a cap word, a negated excess ("不得超过",
   * "不高于"), or a strict bound (group 1: "比例低于50%", "少于30%"), which is a cap just under it; only the cap words had
   * been read there, so a strict bound in a later clause, read in the waiver's own clause, had been read as nothing.
   */
  private static final Pattern CAPPED_RATIO = Pattern.compile(
      "(?:最高|最多|上限|至多|封顶|(?:不|不得|不能|不可|不应|不会)(?:超过|高于|超出|多于)|((?<![不未没])(?:低于|小于|少于|不足|不到)"
          + "|<(?!=)))[^" + STOP + "\\d%‰]{0,12}?" + NUM + "\\s*" + RATIO_UNIT);
  /** In such a clause: a range of ratios ("比例为30%至50%", "幅度在30%-50%之间"), capped at its upper end. */
  private static final Pattern CAPPED_RATIO_RANGE = Pattern.compile(
      "(?<![\\d.])" + NUM + "\\s*(%|‰|成)?\\s*" + TO + "\\s*" + NUM + "\\s*" + RATIO_UNIT);
  /** In such a clause: words of a down payment or a fee, whose ratio is none of the waiver's ("首付最高不超过20%"). */
  private static final Pattern OTHER_RATIO_SUBJECT = Pattern.compile("首付|首期|费|利率|年化");
  /** In such a clause: a ratio with a suffix bounding it ("幅度在30%以内"), a cap. */
  private static final Pattern CAPPED_RATIO_SUFFIX = Pattern.compile(
      "(?<![\\d.])" + NUM + "\\s*" + RATIO_UNIT + "\\s*(?:以内|之内|以下)");
  /**
   * A discount on what is paid: "打八折", "按七折收取", and without a verb, "罚息五折", "享受五折优惠" (which had been read as
   * nothing); not a conversion ("折算", "折合").
   */
  private static final Pattern WAIVE_DISCOUNT = Pattern.compile(
      "(?<![\\d.])(?:打|按)?\\s*" + NUM + "\\s*折(?![算合旧现])");
  private static final Pattern WAIVE_RATIO = Pattern.compile(
      "(?:减免|免除|豁免|减收|少收|免收|减)([^" + STOP + "\\d%‰]{0,8}?)" + NUM + "\\s*" + RATIO_UNIT);
  /**
   * "减免30%至50%", "减免30-50%": the cap is the upper end (the first unit may be left out). So may the second
   * ("减免百分之三十至五十", normalised "30%至50"), the first then being both ends' unit unless another unit follows the
   * upper end ("30%至50天"): the range had been read as its lower end, 0.3. Group 5, the upper end's unit, is then null.
   */
  private static final Pattern WAIVE_RATIO_RANGE = Pattern.compile(
      "(?:减免|免除|豁免|减收|少收|免收|减)([^" + STOP + "\\d%‰]{0,8}?)" + NUM + "\\s*(%|‰|成)?\\s*" + TO + "\\s*" + NUM
          + "(?:\\s*" + RATIO_UNIT + "|(?<=[%‰成]\\s{0,3}(?:-{1,3}|~{1,3}|至|到)\\s{0,3}\\d{1,9}(?:\\.\\d{1,9})?)"
          + "(?![\\d.#]|\\s*[期个月年天日元万千折倍‱]))");
  /**
   * Between a waiver verb and a ratio: the ratio is what is left to pay, not what is waived ("减免后剩余罚息不超过10%",
   * "利息减免至原利息的30%", "减免后按10%收取"); see {@link #remainder}.
   */
  private static final Pattern REMAINDER = Pattern.compile("^\\s*(?:后|至|到)|剩余|收取|支付|缴纳|偿还|仍需");
  /**
   * Between a waiver verb and what is left to pay: a most of it ("减免后剩余罚息不超过10%", "减免后最多收取20%"), which is
   * a least of the waiver, no cap.
   */
  private static final Pattern REMAINDER_AT_MOST = Pattern.compile("不超过|不高于|不得超过|最高|最多|至多|上限");
  /** Before a ratio something is reduced to: a rate ("罚息利率减至0.05%"), no share of the amount owed. */
  private static final Pattern RATE_WORD = Pattern.compile("利率|费率|年化|日息|月息|息率");
  /** Between a waiver verb and what is left: a period the ratio is per ("减免至每日0.05%"), so a rate, no share. */
  private static final Pattern RATE_PERIOD = Pattern.compile("[日天月年]");
  /**
   * Just before a waiver verb that reduces to a ratio ("最高可减免至70%"): a cap word, with which the ratio reads as the
   * most waived as well as what is left.
   */
  private static final Pattern CAP_BEFORE_VERB = Pattern.compile("(?:最高|最多|至多|上限)[^" + STOP + "\\d]{0,3}$");
  /**
   * Between a waiver verb and its ratio: a strict bound ("减免比例低于50%", "小于50%"), which the ratio itself is not
   * within; it had been read as a cap of the ratio. Not a floor ("不低于", {@link #AT_LEAST}).
   */
  private static final Pattern STRICTLY_BELOW = Pattern.compile("(?<![不未没])(?:低于|小于|少于|不足|不到)|<(?!=)");
  /** Around a waiver ratio: the least that is waived, which states no cap ("减免比例不低于30%", "至少减免30%"). */
  private static final Pattern AT_LEAST = Pattern.compile("不低于|不少于|至少|最低|最少");
  private static final Pattern WAIVE_ALL = Pattern.compile(
      "全额(?:减免|免除|豁免)|全部(?:减免|免除|豁免)|全免|(?:减免|免除)全部|免除|免收");
  private static final Pattern CAP_WORD = Pattern.compile("最高|最多|上限|不超过|至多|比例");

  // ---- down payment ----
  private static final Pattern DOWN_CONTEXT = Pattern.compile("首付|首期|首次还款|首笔|先偿还|先还|一次性偿还|一次性还");
  // "0首付" but not the 0 that ends an amount ("1000首付款", which had been read as no down payment)
  private static final Pattern DOWN_NONE = Pattern.compile(
      "(?:无需|不需要?|无须|免|(?:零|(?<![\\d.])0)元?|没有|不用|无)首付"
          + "|首付(?:款|比例|金额)?(?:为|是)?\\s*(?:0(?:\\.0+)?|零)(?:元|%|成)?(?![.\\d])");
  /**
   * Just before a "no down payment" form: it is refused, not offered ("不免首付", "并非零首付", "不支持零首付",
   * "不提供零首付"); each had been read as no down payment, and beside a stated ratio made the field undetermined.
   */
  private static final Pattern DOWN_NONE_REFUSED = Pattern.compile(
      "(?:不|非|没有|无法|不能|不可|不会)(?:再|是|支持|提供|办理|接受|享受|适用|实行|开放|允许)?\\s*$");
  /**
   * Before a down payment's ratio: it is the most, not the least ("首付不超过30%"), with a modal verb too ("首付不能超过
   * 30%", "不得高于", "不应大于"): only 不超过, 不高于 and 不得超过 had been known, so these had been read as the least.
   * No obligation to exceed it is none either ("首付无需超过10%", "首付不必超过10%"): read as a strict floor, these had
   * been read as 11%, the least the text says need not be asked.
   */
  private static final Pattern DOWN_UPPER_BOUND = Pattern.compile(
      "(?:" + NOT + "|无需|无须|不需要?|不必|不用)\\s*(?:超过|高于|大于|多于|超出)|最高|最多|至多|上限");
  /**
   * Between a down payment's word and its ratio: a strict floor ("首付须超过10%", "首付款须高于欠款总额的10%", "首付>10%"),
   * which the ratio itself does not meet; see {@link #justOver}.
   */
  private static final Pattern DOWN_STRICTLY_ABOVE = Pattern.compile("超过|高于|大于|多于|超出|>(?!=)");
  private static final Pattern PERCENT = Pattern.compile(NUM + "\\s*(%|‰|‱)");

  // ---- hardship proof ----
  private static final Pattern PROOF = Pattern.compile("证明");
  /** Just before 证明, words making it something other than proof of hardship. */
  private static final Pattern NOT_HARDSHIP_PROOF = Pattern.compile("(?:身份|虚假|伪造|结清|清偿|还款|户籍)$");
  /**
   * Before 证明: it is not needed ("无需提供证明", "免提供困难证明"). Not the 免 of a waiver ("申请减免需提供困难证明",
   * "罚息免除须提供证明", "免收罚息需提交证明", "免息"), which had read each requirement as none needed.
   */
  private static final Pattern PROOF_NOT_NEEDED = Pattern.compile(
      "无需|不需|无须|不用|免于|(?<![减豁])免(?![除收息费])|不要求|不必|毋须");
  private static final Pattern PROOF_NEEDED = Pattern.compile("需|须|要|应|提交|提供|上传|出具|凭|递交");
  /**
   * Before 证明: it may be given, not required ("可提供证明"). Not the 能提供 of a failure to give it ("若未能提供困难证明，
   * 罚息不予减免", as "无法提供" already was): that is a requirement, and it had been read as nothing.
   */
  private static final Pattern PROOF_OPTIONAL_BEFORE = Pattern.compile(
      "可提供|可以提供|可上传|可提交|可自愿|(?<![未不没])能提供|如提供|若提供|如能|若能");
  private static final Pattern PROOF_OPTIONAL_AFTER = Pattern.compile("非必须|非必需|不是必须|不强制|非强制|可不提供|自愿");
  /** Before 证明: it is asked for only in some cases ("如需提供证明，请联系客服", "必要时提交证明"). */
  private static final Pattern PROOF_CONDITIONAL_BEFORE = Pattern.compile(
      "(?:如需|若需|如有需要|必要时)(?:需|须|要)?(?:您)?(?:提供|提交|上传|出具)[^" + STOP + "]{0,8}$");
  /**
   * Just after 证明: it is not needed ("困难证明无需提供", "证明材料：免提供", "困难证明：否"); these had been read as a
   * requirement (a 提交 before 证明 taken as the cue) or as nothing.
   */
  private static final Pattern PROOF_NOT_NEEDED_AFTER = Pattern.compile(
      "^(?:材料|文件|资料)?\\s*[:]?\\s*(?:一律|均|也|亦|则|可以?)?\\s*(?:无需|不需要?|无须|免于?|不用|不必|毋须|不要求|不作要求"
          + "|不做要求|否(?![则决])|没有要求)(?:提供|提交|上传|出具)?");
  /** Just after 证明, an answer that it is needed ("是否需要困难证明：是", "困难证明：需要"). */
  private static final Pattern PROOF_NEEDED_AFTER = Pattern.compile(
      "^(?:材料|文件|资料)?\\s*:\\s*(?:是|需要|必须|须|要)");
  /** Before 证明: a question whether it is needed ("是否需要困难证明：否"), answered after it, if at all. */
  private static final Pattern PROOF_QUESTION_BEFORE = Pattern.compile("(?:是否|要不要|需不需要|需要不需要)[^" + STOP + "]{0,8}$");
  /**
   * After a "not needed" word before 证明: the requirement starts again, for something else was not needed
   * ("不用跑网点，只要上传困难证明" without its comma, "无需上门只需提交困难证明"); it had been read as no proof needed.
   */
  private static final Pattern PROOF_NEEDED_AGAIN = Pattern.compile("只要|只需|只须|仅需|仅须|但需|但须|必须|还需|还须|另需|而需");
  /** Just after 证明: proof earns priority, it is not a condition ("提供困难证明者优先办理"). */
  private static final Pattern PROOF_PRIORITY_AFTER = Pattern.compile("(?:材料|文件)?(?:的客户|的用户|者|的)?可?优先");

  // ---- stops interest ----
  private static final Pattern STOPS = Pattern.compile(
      "停息|(?:停止|暂停|不再|不)计息|免收[^" + STOP + "]{0,8}?期间[^" + STOP + "]{0,4}?利息|(?:停止|不再|暂停|免收|不)(?:另|再|额外)?(?:计收|收取|产生|计算|计|收)(?:新的|新增的?)?[^" + STOP + "]{0,6}?利息"
          + "|利息[^" + STOP + "]{0,3}?(?:停止|不再|暂停)(?:计收|收取|产生|计算|计)");
  /**
   * Just before an interest stop, a refusal to offer it ("不提供停息挂账", "从未承诺停息"; "从未推出停息挂账业务" had been read as
   * an interest stop).
   */
  private static final Pattern STOP_REFUSED = Pattern.compile(
      "(?:不|未|从未|并未|并不|没有|无法|不能|不会)(?:提供|支持|办理|受理|承诺|接受|开展|实行|实施|适用|存在|推出|开办|开通|推行)"
          + "[^" + STOP + "]*$");
  /**
   * Just before 停息: what the text sets it apart from ("个性化分期不等于停息挂账", "分期并非停息挂账"): the text says the plan
   * is not it, not whether interest stops in the plan, so nothing is read (it had been read as an interest stop).
   */
  private static final Pattern STOP_SET_APART = Pattern.compile(
      "(?:不等于|不等同于|不同于|有别于|区别于|而非|并非|不是)\\s*(?:所谓的?)?\\s*[\"'“”‘’]?\\s*$");
  /**
   * After 停息(挂账) in its clause: what the word means or is ("停息挂账是指银行停止计息…", "停息挂账并不是法律概念"), a definition
   * and no offer, so nothing is read (it had been read as an interest stop).
   */
  private static final Pattern STOP_DEFINED = Pattern.compile(
      "(?:挂账)?[\"'“”‘’]?[^" + STOP + "]{0,6}?(?:是指|指的是|是一种|是什么|的意思|的含义|的定义|概念|术语|说法)");
  /**
   * In a later clause of the sentence than 停息, a refusal of "it" ("很多客户询问停息挂账,本行不提供此类服务", "…,本平台不提供"
   * at its clause's end): interest is not stopped (it had been read as stopped). Only "it" as a service or at the clause's
   * end: "…停息挂账,不存在此类收费", "申请停息挂账后,本行不提供此类客户新的贷款" refuse something else (they had been read as no
   * interest stop). Found by {@link #refusedLater}.
   */
  private static final Pattern STOP_REFUSED_LATER = Pattern.compile(
      "(?:不|未|从未|并未|没有|无)(?:提供|支持|办理|受理|开展|存在|推出|开办)"
          + "(?:(?:此类|该类|这类|这种|此种|该种|上述|此项|该项|此|该)(?:停息挂账|停息)?(?:业务|服务|产品|政策|项目)"
          + "|(?:此类|该类|这类|这种|此种|该种|上述|此项|该项)?(?=[" + STOP + "]|$))");
  /**
   * Just before an interest stop, its negation ("不停息", "不会停止计息", "无法停息挂账"), whatever word the stop starts
   * with ("不免收分期期间的利息", "不会不计息": only a stop starting with 停/暂停 had been seen negated, and these had been
   * read as an interest stop, the opposite of what they say).
   */
  private static final Pattern STOP_NEGATED = Pattern.compile(
      "(?:不|未|没有|无|无法|不能|不会|不可|不可以|不得|不予|从不|并不|并未|绝不)\\s*$");
  /** Inside an interest stop: the stopping is negated ("利息不停止计算", "利息并未暂停计收"). */
  private static final Pattern STOP_NEGATED_INSIDE = Pattern.compile("(?:不|未|没有)(?:停止|暂停)");
  /**
   * After 停息(挂账): it is withdrawn or refused, not offered ("停息挂账已暂停办理", "停息挂账业务不再受理", "停息挂账暂不支持",
   * "停息挂账政策已取消"); not a stop of something else in its period ("停息挂账期间暂停计收罚息").
   */
  private static final Pattern STOP_WITHDRAWN = Pattern.compile(
      "[^" + STOP + "]{0,6}?(?:(?:暂停|停止|取消|终止|不再|不予|不能|无法|暂不|不)(?:办理|受理|提供|开展|申请|支持|适用)"
          + "|已(?:取消|终止|停止|暂停)(?![计收])"
          // "停息挂账并非本行产品", "停息挂账并非国家政策": not offered (they had been read as an interest stop); not "not
          // every" ("停息挂账并非所有业务都可办理": offered for some, which had been read as not offered)
          + "|(?:并非|并不是|不是|非)(?:(?!所有|全部|一切|每|各)[^" + STOP + "]){0,4}?(?:产品|业务|服务|政策))");
  /**
   * Interest charged on as before. A basis between 利息 and the verb ("利息按原合同约定正常计收", "利息按合同规定照常计算")
   * is passed over: such a text had been read as saying nothing of the interest.
   */
  private static final Pattern CONTINUES = Pattern.compile(
      "利息(?:按[^" + STOP + "]{0,8}?(?:约定|规定|标准))?[^" + STOP + "]{0,3}?(?:照常|正常|继续|仍然|仍|依然|照)"
          + "(?:计算|计收|收取|计息|计|收)"
          + "|(?:照常|正常|继续)(?:计收|收取|计算|计)利息|正常计息");

  // ---- monthly fee ----
  private static final Pattern FEE_WORD = Pattern.compile("费率");
  // A 0 is a fee of 0 only as a whole number: "手续费为0.6%" is 0.6 % (it had matched 为0 and been read as no fee), and
  // the 0 of "100手续费" is no fee of 0.
  // Nor a 无 or 免 that begins another word ("手续费无法减免", "手续费无优惠", "手续费免不了"), a 免 that is negated
  // ("不免收手续费"), or a refusal of what is beyond the fee ("不收取手续费以外的任何费用"): each had been read as no fee.
  private static final Pattern FEE_NONE = Pattern.compile(
      "(?:不|无需|不需|无须)(?:会|再|另)?(?:收取|收|计收|支付|缴纳|另收)(?:任何)?[^" + STOP + "]{0,6}?(?:手续费|服务费|分期费)"
          + "(?!\\s*(?:以外|之外|外))"
          + "|(?:手续费|服务费|分期费)\\s*[:为是]?\\s*(?:无(?=$|[" + STOP + ")\\s]|需|须)|免(?=$|[" + STOP + ")\\s]|收|除|费)"
          + "|全免|0|零)(?![\\d.%])"
          + "|(?<![不未非没])(?:免|免收|无|零|(?<![\\d.])0)(?:分期)?(?:手续费|服务费|分期费)"
          + "|(?:手续费|服务费|分期费)(?:全免|全额减免|为0(?![\\d.])|为零)"
          // the first months between fee and waiver ("手续费前3个月全免", "手续费首期免收"), or after the waiver
          // ("免前3期手续费"): always a FIRST_MONTHS note (see fee); these had been read as nothing, without a note
          + "|(?:手续费|服务费|分期费)(?=\\s*:?\\s*(?:(?:前|头)\\s*\\d+\\s*(?:个月|月|期)|首\\s*\\d*\\s*期(?!款)))[^" + STOP
          + "]{0,12}?(?<![不未非没])(?:全免|免收|免除|全额减免|免)"
          + "|(?<![不未非没])免收?(?:前|头)\\s*\\d+\\s*(?:个月|月|期)的?(?:分期)?(?:手续费|服务费|分期费)");
  private static final Pattern YEARLY = Pattern.compile("年化|年费率|每年|年利率");
  /**
   * At the start of a clause naming no term, after a clause on the fee: it goes on about the fee, for the months after
   * those the clause before was about ("手续费前3个月全免，之后每月0.6%"); its rate had been read as nothing.
   */
  private static final Pattern FEE_CONTINUES = Pattern.compile("\\s*(?:之后|此后|以后|其后|其余|剩余|后续|余下|随后)");
  /**
   * Just before a fee rate, or after it: the most or the least it can be ("每月手续费不超过0.6%", "费率最低0.3%",
   * "0.6%以内"), which is not the rate charged; the cap had been read as the rate.
   */
  private static final Pattern FEE_AT_MOST_BEFORE = Pattern.compile(
      "(?:不超过|不高于|不得超过|不得高于|最高|最多|至多|上限为?|封顶)[^\\d" + STOP + "]{0,3}$");
  private static final Pattern FEE_AT_MOST_AFTER = Pattern.compile("\\s*(?:以内|以下|之内|封顶)");
  private static final Pattern FEE_AT_LEAST_BEFORE = Pattern.compile(
      "(?:不低于|不少于|最低|最少|至少|下限为?)[^\\d" + STOP + "]{0,3}$");
  private static final Pattern FEE_AT_LEAST_AFTER = Pattern.compile("\\s*(?:以上|起)");
  private static final Pattern WAIVER_WORD = Pattern.compile("减免|免除");
  /**
   * Near a fee waiver: it holds for the plan's first months or installments only ("前3个月免手续费", "免前3期手续费",
   * "首期免手续费"); not 前期 (earlier) nor 首期款 (a down payment).
   */
  /** In a waiver's clause: it holds for the plan's first months only ("前6个月免收利息"); 首期 there may be a condition. */
  private static final Pattern FIRST_MONTHS_NUMBERED = Pattern.compile("(?:前|头)\\s*\\d+\\s*(?:个月|月|期)");
  private static final Pattern FIRST_MONTHS = Pattern.compile("(?:前|头)\\s*\\d+\\s*(?:个月|月|期)|首\\s*\\d*\\s*期(?!款)");

  private PolicyRules() {}

  /** Replaces digits of numbers that are not policy values with {@code #}, keeping offsets. */
  public static String mask(String text) {
    char[] out = text.toCharArray();
    // distractor patterns may overlap (a date inside a longer digit run): mask with each alternative's first match
    // every distractor starts with a digit or 第, so a match is tried only where one stands, not at every character
    // as find() does; trying each such place in turn, from the end of the last match, finds what find() finds
    Matcher m = DISTRACTOR.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    boolean changed = false;
    int n = text.length();
    int at = 0;
    while ((at = nextDistractorStart(text, at)) < n) {
      if (!m.region(at, n).lookingAt()) {
        at++;
        continue;
      }
      at = Math.max(m.end(), at + 1); // no distractor is empty; were one added that can be, this still moves on
      for (int k = m.start(); k < m.end(); k++) {
        if (out[k] >= '0' && out[k] <= '9') {
          out[k] = '#';
          changed = true;
        }
      }
    }
    return changed ? new String(out) : text;
  }

  private static int nextDistractorStart(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' || c == '第') {
        break;
      }
      i++;
    }
    return i;
  }

  /** Every candidate the rules find in {@code normalized}, given the term mentions in it. */
  public static List<Candidate> apply(NormalizedText normalized, List<TermMention> mentions) {
    String text = mask(normalized.text());
    List<TermMention> byStart = new ArrayList<>(mentions);
    byStart.sort(java.util.Comparator.comparingInt(TermMention::start)); // looked up per clause by binary search
    List<Candidate> out = new ArrayList<>();
    int sentenceStart = 0;
    int sentenceIndex = 0;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || isSentenceEnd(text.charAt(i))) {
        if (i > sentenceStart) {
          int from = out.size();
          sentence(text, sentenceStart, i, byStart, normalized, out);
          for (int k = from; k < out.size(); k++) { // the extractor tells a contradiction from a nuance by sentence
            out.set(k, out.get(k).inSentence(sentenceIndex));
          }
          sentenceIndex++;
        }
        sentenceStart = i + 1;
      }
    }
    return out;
  }

  private static boolean isSentenceEnd(char c) {
    return c == '。' || c == ';' || c == '!' || c == '?' || c == '\n' || c == '\r';
  }

  private static void sentence(String text, int start, int end, List<TermMention> mentions, NormalizedText normalized,
      List<Candidate> out) {
    String s = text.substring(start, end);
    if (containsAny(s, WARNING)) {
      return; // "网传停息挂账系谣言", "所谓'可减免全部罚息'均为诈骗": what the lender denies is not its policy
    }
    boolean digits = hasDigit(s);
    if (digits && (s.indexOf('期') >= 0 || s.indexOf('年') >= 0 || s.indexOf('月') >= 0)) {
      installments(s, start, out);
    }
    if (digits && s.contains("逾期")) {
      overdue(s, start, out);
    }
    if (s.indexOf('息') >= 0) {
      stopsInterest(s, start, out);
    }
    Set<FinancialTerm> previousWaivable = EnumSet.noneOf(FinancialTerm.class);
    // the last refusal per component in this sentence, for an exception to override; the refusals overridden
    Map<PolicyField, Refusal> refusals = new EnumMap<>(PolicyField.class);
    Set<Candidate> overridden = Collections.newSetFromMap(new IdentityHashMap<>());
    int sentenceCandidates = out.size();
    boolean previousHadTerms = false;
    boolean previousBareWaiver = false;
    List<Candidate> previousPlain = List.of(); // the waivers the clause before stated without a cap word
    boolean conditional = false; // a clause so far opened with a condition, which the clauses after it are under
    boolean previousFee = false; // the clause before spoke of a fee
    int clauseStart = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == ',') {
        if (i > clauseStart) {
          int cs = start + clauseStart;
          int ce = start + i;
          Set<FinancialTerm> terms = termsIn(mentions, cs, ce);
          String clause = s.substring(clauseStart, i);
          Set<FinancialTerm> waivable = waivable(terms);
          // "罚息减免最高可达本金的10%": 本金 is the amount the ratio is of, not a component waived, and the ratio
          // is no fraction of the 罚息 either: the clause states no waiver ratio
          Set<FinancialTerm> bases = basesOfRatios(text, mentions, cs, ce);
          if (!bases.isEmpty()) {
            waivable.removeAll(bases);
          }
          boolean inherited = false;
          if (terms.isEmpty() && previousHadTerms) {
            waivable = previousWaivable;
            inherited = true;
          }
          int clauseCandidates = out.size();
          boolean found = bases.isEmpty() && (clause.indexOf('减') >= 0 || clause.indexOf('免') >= 0
              || clause.indexOf('折') >= 0 || clause.indexOf('少') >= 0) && waiver(clause, cs, waivable, inherited, termOrder(mentions, cs, ce), out);
          conditional |= CONDITION.matcher(clause).find();
          if (found && conditional) {
            // "如无法提供证明，罚息不予减免": no waiver only under a condition, so the text states no cap (it had been
            // read as 0); a waiver under a condition ("若提供证明，罚息可减免50%") is still the most that is waived
            out.subList(clauseCandidates, out.size()).removeIf(c -> c.value() instanceof BigDecimal v && v.signum() == 0);
          }
          if (!found && inherited && (previousBareWaiver || !previousPlain.isEmpty())) {
            cappedWaiver(clause, cs, waivable, previousPlain, out);
            previousPlain = List.of(); // capped once: a later cap is read as after a bare waiver, if one was
          }
          exceptions(refusals, overridden, out, clauseCandidates, EXCEPTION.matcher(clause).find());
          if (found) {
            boolean general = generalRefusal(clause);
            for (int k = clauseCandidates; k < out.size(); k++) {
              if (out.get(k).value() instanceof BigDecimal v && v.signum() == 0) {
                refusals.put(out.get(k).field(), new Refusal(out.get(k), general));
              }
            }
          }
          if (clause.indexOf('首') >= 0 || clause.indexOf('先') >= 0 || clause.contains("一次性")) {
            downPayment(clause, cs, normalized, out);
          }
          if (clause.contains("证明")) {
            proof(clause, s, clauseStart, cs, out);
          }
          boolean continuesFee = previousFee && terms.isEmpty() && FEE_CONTINUES.matcher(clause).lookingAt();
          if (clause.indexOf('费') >= 0 || continuesFee) {
            fee(clause, s, cs, terms, continuesFee, out);
          }
          previousFee = continuesFee || terms.contains(FinancialTerm.SERVICE_FEE) || FEE_WORD.matcher(clause).find();
          if (!terms.isEmpty()) {
            previousWaivable = waivable;
            previousHadTerms = true;
            previousBareWaiver = !found && WAIVE_VERB.matcher(clause).find();
            previousPlain = !found || CAP_WORD.matcher(clause).find() ? List.of()
                : out.subList(clauseCandidates, out.size()).stream().filter(c -> c.bound() == Candidate.Bound.VALUE
                    && c.value() instanceof BigDecimal v && v.signum() > 0 && isWaiver(c.field())).toList();
          }
        }
        clauseStart = i + 1;
      }
    }
    if (!overridden.isEmpty()) {
      out.subList(sentenceCandidates, out.size()).removeIf(overridden::contains);
    }
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** The mentions lying in {@code [start, end)}, in order; {@code mentions} is sorted by start. */
  private static List<TermMention> inside(List<TermMention> mentions, int start, int end) {
    int lo = 0;
    int hi = mentions.size();
    while (lo < hi) { // the first mention starting at or after start
      int mid = (lo + hi) >>> 1;
      if (mentions.get(mid).start() < start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    List<TermMention> found = new ArrayList<>();
    for (int i = lo; i < mentions.size() && mentions.get(i).start() < end; i++) {
      if (mentions.get(i).end() <= end) {
        found.add(mentions.get(i));
      }
    }
    return found;
  }

  private static Set<FinancialTerm> termsIn(List<TermMention> mentions, int start, int end) {
    Set<FinancialTerm> terms = EnumSet.noneOf(FinancialTerm.class);
    for (TermMention m : inside(mentions, start, end)) {
      terms.add(m.term());
    }
    return terms;
  }

  /** The terms mentioned in {@code [start, end)}, each once, in the order they are first mentioned. */
  private static List<FinancialTerm> termOrder(List<TermMention> mentions, int start, int end) {
    List<FinancialTerm> order = new ArrayList<>();
    for (TermMention m : inside(mentions, start, end)) {
      if (!order.contains(m.term())) {
        order.add(m.term());
      }
    }
    return order;
  }

  /** Just after a term: it is the amount a ratio is taken of ("本金的10%", "本金总额的5%"). */
  private static final Pattern BASE_OF = Pattern.compile("(?:金额|总额|余额)?的\\s*\\d");

  /** Just before a term: a verb that waives it ("可减免罚息的50%"), so a ratio after it is of what is waived. */
  private static final Pattern WAIVED_BY = Pattern.compile("(?:减免|免除|豁免|免收|减收)\\s*$");

  /**
   * The terms every mention of which in {@code [start, end)} is the amount a ratio is of, not a component. Not one a waiver
   * verb takes as its object ("可减免罚息的50%", "最高可减免本金的20%"): that had been read as nothing.
   */
  private static Set<FinancialTerm> basesOfRatios(String text, List<TermMention> mentions, int start, int end) {
    Set<FinancialTerm> bases = EnumSet.noneOf(FinancialTerm.class);
    Set<FinancialTerm> components = EnumSet.noneOf(FinancialTerm.class);
    for (TermMention m : inside(mentions, start, end)) {
      boolean base = BASE_OF.matcher(text).region(m.end(), end).lookingAt()
          && !WAIVED_BY.matcher(text).region(Math.max(start, m.start() - 4), m.start()).find();
      (base ? bases : components).add(m.term());
    }
    bases.removeAll(components);
    return bases;
  }

  private static Set<FinancialTerm> waivable(Set<FinancialTerm> terms) {
    Set<FinancialTerm> w = EnumSet.noneOf(FinancialTerm.class);
    for (FinancialTerm t : terms) {
      if (waiverField(t) != null) {
        w.add(t);
      }
    }
    return w;
  }

  private static @Nullable PolicyField waiverField(FinancialTerm t) {
    return switch (t) {
      case PENALTY_INTEREST -> PolicyField.MAX_PENALTY_WAIVER;
      case LATE_FEE -> PolicyField.MAX_LATE_FEE_WAIVER;
      case INTEREST -> PolicyField.MAX_INTEREST_WAIVER;
      case PRINCIPAL -> PolicyField.PRINCIPAL_WAIVER;
      default -> null;
    };
  }

  // ---------------------------------------------------------------- installments

  private static int months(String number, String unit) {
    int n = Integer.parseInt(number);
    return "年".equals(unit) ? Math.multiplyExact(n, 12) : n;
  }

  /**
   * The months a term in years adds after them: 6 for "1年半", 6 for "2年零6个月"; none after 期 or 个月. -1 for a year
   * or more ("1年12个月"), which may be a sum (24) or the year glossed (one year, that is 12 months): the term is left
   * unread. It had added nothing, and "1年12个月" been read as 12 months.
   */
  private static int monthsAfterYears(String unit, @Nullable String rest) {
    if (!"年".equals(unit) || rest == null) {
      return 0;
    }
    if (rest.equals("半")) {
      return 6;
    }
    int months = Integer.parseInt(rest.replaceAll("\\D", ""));
    return months < 12 ? months : -1;
  }

  /** A term's months: {@code number} in {@code unit} and the months after years; -1 when those are unread. */
  private static int termMonths(String number, String unit, @Nullable String rest) {
    int after = monthsAfterYears(unit, rest);
    return after < 0 ? -1 : months(number, unit) + after;
  }

  private static boolean plausibleTerm(int months) {
    return months >= 1 && months <= 360;
  }

  /** Periods in months or years that are not an installment plan: overdue time, a deferral, a grace period. */
  private static final Pattern OTHER_PERIOD = Pattern.compile("逾期|延期|展期|宽限|缓还|缓缴|停催");

  /** Whether the eight characters before {@code at} speak of another period than the plan's ("延期还款最长6个月"). */
  private static boolean otherPeriodBefore(String s, int at) {
    int from = Math.max(0, at - 8);
    return OTHER_PERIOD.matcher(s.substring(from, at)).find();
  }

  /**
   * Between a word of another period and the count it governs ("逾期不超过3期", "展期最长2期", "最多展期3期"): no digit,
   * no clause break, and none of the words that make the period a description of the borrower or start the plan's
   * own terms ("逾期客户最长可分36期", "逾期后可分12期").
   */
  private static final Pattern OTHER_PERIOD_BREAK = Pattern.compile("[\\d#,:]|客户|用户|借款人|人|者|的|分|后");

  /**
   * Whether the count at {@code at} is of overdue, deferred or grace periods ("逾期不超过3期", "逾期1-3期",
   * "最多可展期2期"), not of the plan's installments; they had been read as the most or least installments.
   */
  private static boolean countsOtherPeriods(String s, int at) {
    String before = s.substring(Math.max(0, at - 12), at);
    Matcher p = OTHER_PERIOD.matcher(before);
    int last = -1;
    while (p.find()) {
      last = p.end();
    }
    return last >= 0 && !OTHER_PERIOD_BREAK.matcher(before.substring(last)).find();
  }

  /**
   * A deferral, a grace period or a stay of payments: a period other than the plan's ({@link #OTHER_PERIOD} but 逾期,
   * which describes the borrower: "逾期客户的还款期限最长60个月" is the plan's).
   */
  private static final Pattern DEFERRAL = Pattern.compile("延期|展期|宽限|缓还|缓缴|停催");
  /** After a deferral: the plan's own installments are named ("延期还款最长可分12期", "延期分期"); not 部分 (a part). */
  private static final Pattern PLAN_NAMED = Pattern.compile("(?<!部)分");

  /**
   * Whether the clause of {@code s} up to a term read in {@code [start, end)} names a deferral ({@link #DEFERRAL}) and
   * no plan after it ({@link #PLAN_NAMED}): the term is then the deferral's ("延期还款业务的期限最长12个月"). Such terms had
   * been read as the plan's where the deferral lay more than eight characters before them. The clause is looked at up
   * to 40 characters before the term, as in {@link #excludedAfter}.
   */
  private static boolean deferredInClause(String s, int start, int end) {
    int from = start;
    while (from > 0 && start - from < 40 && s.charAt(from - 1) != ',') {
      from--;
    }
    String clause = s.substring(from, end);
    Matcher d = DEFERRAL.matcher(clause);
    int last = -1;
    while (d.find()) {
      last = d.end();
    }
    return last >= 0 && !PLAN_NAMED.matcher(clause).region(last, clause.length()).find();
  }

  private static void installments(String s, int base, List<Candidate> out) {
    int first = out.size();
    installmentCandidates(s, base, out);
    out.subList(first, out.size()).removeIf(c -> deferredInClause(s, c.start() - base, c.end() - base));
  }

  private static void installmentCandidates(String s, int base, List<Candidate> out) {
    boolean termContext = TERM_CONTEXT.matcher(s).find();
    Matcher m = cued(RANGE, s);
    while (m.find()) {
      if (countsOtherPeriods(s, m.start())) {
        continue;
      }
      String unit = m.group(5);
      if (!"期".equals(unit) && (!termContext || otherPeriodBefore(s, m.start()))) {
        continue;
      }
      String firstUnit = m.group(2) == null ? unit : m.group(2);
      if ("期".equals(unit) && !"期".equals(firstUnit)) {
        continue;
      }
      int lo = termMonths(m.group(1), firstUnit, m.group(3));
      int hi = termMonths(m.group(4), unit, m.group(6));
      if (plausibleTerm(lo) && plausibleTerm(hi) && lo < hi) {
        out.add(new Candidate(PolicyField.MIN_INSTALLMENTS, lo, base + m.start(), base + m.end(), 0.85));
        out.add(new Candidate(PolicyField.MAX_INSTALLMENTS, hi, base + m.start(), base + m.end(), 0.85));
      }
    }
    m = cued(LIST, s);
    while (m.find()) {
      if (countsOtherPeriods(s, m.start())) {
        continue;
      }
      termSpan(m.group(), base + m.start(), base + m.end(), 0.7, out);
    }
    m = cued(TERM_LIST, s);
    while (m.find()) {
      if (termNamedBefore(s, m.start())) { // not "入职满1年或2年的员工可分期", "逾期1年或2年的客户"
        termOptions(m.group(), base + m.start(), base + m.end(), out);
      }
    }
    m = cued(LABELED_TERMS, s);
    while (m.find()) {
      if (m.group(3) != null) {
        termSpan(m.group(3), base + m.start(), base + m.end(), 0.7, out); // as a list with its unit
      } else if (Integer.parseInt(m.group(1)) < Integer.parseInt(m.group(2))) { // "36-12" is no range
        termSpan(m.group(1) + " " + m.group(2), base + m.start(), base + m.end(), 0.85, out);
      }
    }
    for (TermBound b : TERM_BOUNDS) {
      bound(s, base, b.pattern(), b.field(), termContext, b.shift(), b.named(), out);
    }
    m = cued(MAX_TERM_SUFFIX, s);
    while (m.find()) {
      String unit = m.group(2);
      if (countsOtherPeriods(s, m.start()) || !"期".equals(unit) && !termNamedBefore(s, m.start())) {
        continue; // "逾期3期以内", "申请后3个月以内": a count or time of something else
      }
      if (refusedBefore(s, m.start())) {
        continue; // "不支持12期以下的分期": plans up to 12 are refused, so 12 is no most
      }
      int v = termMonths(m.group(1), unit, m.group(3));
      if (plausibleTerm(v)) {
        out.add(new Candidate(PolicyField.MAX_INSTALLMENTS, v, base + m.start(), base + m.end(), 0.7));
      }
    }
    m = cued(MIN_TERM_SUFFIX, s);
    while (m.find()) {
      String before = s.substring(Math.max(0, m.start() - 8), m.start());
      if (countsOtherPeriods(s, m.start()) || REPAID.matcher(clauseBefore(s, m.start(), 8)).find()
          || TENURE_BEFORE.matcher(before).find()) {
        continue; // "逾期3期以上", "连续按时还款6期以上", "分期还款满6期以上": overdue periods, a record of repayments
      }
      if (refusedBefore(s, m.start())) {
        continue; // "不支持36期以上的分期": plans from 36 on are refused, so 36 is no least
      }
      String unit = m.group(2);
      if (!"期".equals(unit) && !termNamedBefore(s, m.start())) {
        continue; // "入职6个月以上": a time something else has lasted
      }
      int v = termMonths(m.group(1), unit, m.group(3));
      if (plausibleTerm(v)) {
        out.add(new Candidate(PolicyField.MIN_INSTALLMENTS, v, base + m.start(), base + m.end(), 0.7));
      }
    }
  }

  /** Whether a refusal ({@link #REFUSED_BEFORE}) stands in the clause just before the term at {@code at}. */
  private static boolean refusedBefore(String s, int at) {
    return REFUSED_BEFORE.matcher(clauseBefore(s, at, 8)).find();
  }

  /** The text before {@code at} in its clause (after the last comma), at most {@code most} characters of it. */
  private static String clauseBefore(String s, int at, int most) {
    String before = s.substring(Math.max(0, at - most), at);
    return before.substring(before.lastIndexOf(',') + 1);
  }

  /** The least and the most of the numbers in {@code numbers} as the installments' range, when they make one. */
  private static void termSpan(String numbers, int start, int end, double confidence, List<Candidate> out) {
    Matcher p = N_PERIODS.matcher(numbers);
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    while (p.find()) {
      int v = Integer.parseInt(p.group(1));
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (plausibleTerm(lo) && plausibleTerm(hi) && lo < hi) {
      out.add(new Candidate(PolicyField.MIN_INSTALLMENTS, lo, start, end, confidence));
      out.add(new Candidate(PolicyField.MAX_INSTALLMENTS, hi, start, end, confidence));
    }
  }

  /**
   * The options of a {@link #TERM_LIST} in months, a bare one in the unit of the next written, as {@link #termSpan};
   * none where a bare option comes before one with half a year ("1、2年半": one year, or one and a half?).
   */
  private static void termOptions(String list, int start, int end, List<Candidate> out) {
    List<String> numbers = new ArrayList<>();
    List<@Nullable String> units = new ArrayList<>();
    List<@Nullable String> halves = new ArrayList<>();
    Matcher o = TERM_OPTION.matcher(list);
    while (o.find()) {
      numbers.add(o.group(1));
      units.add(o.group(2));
      halves.add(o.group(3));
    }
    StringBuilder months = new StringBuilder();
    String unit = "";
    @Nullable String half = null; // the half after the years of the option whose unit this one takes
    for (int i = numbers.size() - 1; i >= 0; i--) { // from the last, whose unit the pattern asks for
      String own = units.get(i);
      if (own != null) {
        unit = own;
        half = halves.get(i);
      } else if (half != null) {
        return;
      }
      months.append(termMonths(numbers.get(i), unit, half)).append(' ');
    }
    termSpan(months.toString(), start, end, 0.7, out);
  }

  /**
   * Whether the clause before {@code at}, up to 12 characters, names the plan's term and no other period
   * ("分期期数需12个月以上", not "逾期3个月以上" nor "入职6个月以上").
   */
  private static boolean termNamedBefore(String s, int at) {
    String before = clauseBefore(s, at, 12);
    return TERM_WORD.matcher(before).find() && !OTHER_PERIOD.matcher(before).find();
  }

  /**
   * Reads the bounds {@code p} finds (groups: the words between cue and number, the number, its unit, the months after
   * years), {@code shift} added: -1 or 1 for a strict bound, whose number itself is not allowed; {@code named}: a term
   * in months or years is read only where the clause names the term before it ({@link #termNamedBefore}).
   */
  private static void bound(String s, int base, Pattern p, PolicyField field, boolean termContext, int shift,
      boolean named, List<Candidate> out) {
    Matcher m = cued(p, s);
    while (m.find()) {
      String window = m.group(1);
      String unit = m.group(3);
      if (window.contains("逾期") || window.contains("减") || window.contains("免") || window.contains("天")) {
        continue;
      }
      if (!"期".equals(unit) && (!termContext || otherPeriodBefore(s, m.start()) || OTHER_PERIOD.matcher(window).find()
          || named && !termNamedBefore(s, m.start()))) {
        continue; // "入职少于6个月的不予办理": a time something else has lasted
      }
      if (countsOtherPeriods(s, m.start(2))) {
        continue; // "逾期不超过3期", "最多可展期2期": a count of overdue or deferred periods
      }
      if (REPAID.matcher(window).find() || REPAID.matcher(clauseBefore(s, m.start(), 8)).find()
          || AFTERWARDS.matcher(s).region(m.end(), s.length()).lookingAt()) {
        continue; // "需至少正常还款3个月后": how long the borrower must have repaid first, a precondition
      }
      if (field == PolicyField.MAX_INSTALLMENTS && (RANGE_GOES_ON.matcher(s).region(m.end(), s.length()).lookingAt()
          || listGoesOn(s, m.end(), unit))) {
        continue; // "最长可分12期至36期", "最长可分12期、24期或36期": 12 is where they start, the most is at the end
      }
      int term = termMonths(m.group(2), unit, m.group(4));
      if (term >= 0 && plausibleTerm(term + shift)) {
        out.add(new Candidate(field, term + shift, base + m.start(), base + m.end(), 0.9));
      }
    }
  }

  /**
   * Whether a list of options in {@code unit} goes on at {@code at} ({@link #LIST_GOES_ON}), or in months or years
   * after either ("最长可分6个月、1年或2年", which had been read as 6); not between 期 and months ("36期及6个月宽限期",
   * "36个月及3期免息").
   */
  private static boolean listGoesOn(String s, int at, String unit) {
    Matcher list = LIST_GOES_ON.matcher(s).region(at, s.length());
    return list.lookingAt() && (list.group(1).equals(unit) || !"期".equals(unit) && !"期".equals(list.group(1)));
  }

  // ---------------------------------------------------------------- overdue

  private static int days(String number, String unit) {
    BigDecimal n = new BigDecimal(number);
    BigDecimal perUnit = switch (unit) {
      case "个月", "月" -> BigDecimal.valueOf(30);
      case "年" -> BigDecimal.valueOf(360);
      default -> BigDecimal.ONE;
    };
    return n.multiply(perUnit).setScale(0, RoundingMode.HALF_UP).intValueExact();
  }

  /**
   * The days a period adds after its unit: "1年半" 180, "1年6个月" 180, "1年10天" 10, "2个月零10天" 10. -1 for a rest
   * that cannot be read safely, which leaves the period unread: one as long as a month or a year or longer
   * ("2个月30天", "1年12个月"), which may be a sum (90 days, 720) or the unit glossed ("1个月30天", one month, that is 30
   * days), months after months ("2个月3个月"), and any rest after days ("90天半": half a day is no overdue rule, and 90
   * would admit the debt of 90 days the text refuses; "90天10天"). Such a rest had added nothing, and the trailing days
   * or months read as 0 had admitted debts the text refuses ("逾期2个月30天以上" had been 60, "逾期满90天半" 90); so had
   * the days after years.
   */
  private static int daysAfter(String unit, @Nullable String rest) {
    if (rest == null) {
      return 0;
    }
    if (unit.equals("天") || unit.equals("日")) {
      return -1;
    }
    boolean years = unit.equals("年");
    if (rest.equals("半")) {
      return years ? 180 : 15;
    }
    int n = Integer.parseInt(rest.replaceAll("\\D", ""));
    if (!rest.endsWith("个月")) {
      return years || n < 30 ? n : -1; // days after years or months
    }
    return years && n < 12 ? n * 30 : -1;
  }

  private static void overdue(String s, int base, List<Candidate> out) {
    Matcher m = OVERDUE.matcher(s);
    while (m.find()) {
      boolean threshold = m.group(2) != null || m.group(7) != null || THRESHOLD_WORD.matcher(m.group(1)).find();
      if (!threshold) {
        continue; // "我逾期了4个月", "已逾期45天": a narrative, not a condition
      }
      String window = m.group(1);
      String after = s.substring(m.end(), Math.min(s.length(), m.end() + 3));
      if (NEGATED_BEFORE.matcher(window).find() || window.contains("不足") || after.startsWith("以内")
          || after.startsWith("以下") || after.startsWith("内") || after.startsWith("之内")) {
        continue; // "逾期不超过30天", "逾期90天以内": an upper bound, not the minimum
      }
      if (excludedAfter(s, m.end())) {
        continue; // "逾期超过180天的客户暂不支持分期": a limit of who may apply, not the minimum
      }
      int rest = daysAfter(m.group(4), m.group(5));
      int period = days(m.group(3), m.group(4)) + rest;
      int shift = thresholdShift(m.group(2) != null ? m.group(2) : window, m.group(7) != null, m.group(6), period);
      int d = period + shift;
      if (rest >= 0 && shift >= 0 && d >= 1 && d <= 3650) {
        double conf = m.group(2) != null && m.group(7) == null ? 0.9 : 0.85;
        out.add(new Candidate(PolicyField.MIN_OVERDUE_DAYS, d, base + m.start(), base + m.end(), conf));
      }
    }
    m = OVERDUE_RANGE.matcher(s);
    while (m.find()) {
      if (NEGATED_BEFORE.matcher(m.group(1)).find() || m.group(1).contains("不足") || excludedAfter(s, m.end())) {
        continue; // "逾期30至90天的客户不适用": those it describes may not apply
      }
      int lo = days(m.group(2), m.group(3) == null ? m.group(5) : m.group(3));
      int hi = days(m.group(4), m.group(5));
      if (lo >= 1 && lo < hi && hi <= 3650) {
        out.add(new Candidate(PolicyField.MIN_OVERDUE_DAYS, lo, base + m.start(), base + m.end(), 0.85));
        out.add(Candidate.bound(PolicyField.MIN_OVERDUE_DAYS, hi, base + m.start(), base + m.end(), 0.85,
            Candidate.Bound.AT_MOST));
      }
    }
    m = OVERDUE_REFUSED_BELOW.matcher(s);
    while (m.find()) {
      int rest = daysAfter(m.group(3), m.group(4)); // "逾期不足2个月10天的不予办理": 70 (the 10 days had been dropped)
      int period = days(m.group(2), m.group(3)) + rest;
      // "逾期不足90天(含)的不予办理": 90 is refused too, so 91 (it had been read as 90); "(不含)" changes nothing
      int marked = m.group(5) == null ? 1 : included(m.group(5), period);
      int d = marked < 0 ? -1 : period + 1 - marked;
      Matcher comma = CLAUSE_GOES_ON.matcher(s).region(m.end(), s.length());
      boolean refused = excludedAfter(s, m.end()) || comma.lookingAt() && excludedAfter(s, comma.end());
      if (!NEGATED_BEFORE.matcher(m.group(1)).find() && refused && rest >= 0 && d >= 1 && d <= 3650) {
        out.add(new Candidate(PolicyField.MIN_OVERDUE_DAYS, d, base + m.start(), base + m.end(), 0.85));
      }
    }
    m = OVERDUE_BEFORE.matcher(s);
    while (m.find()) {
      if (m.group(1) == null && m.group(6) == null) {
        continue; // "90天的逾期": no threshold ("90天以上的逾期客户" has one)
      }
      if (excludedAfter(s, m.end()) || NEGATED_BEFORE.matcher(s.substring(Math.max(0, m.start() - 4), m.start())).find()
          || OTHER_PERIOD_BEFORE.matcher(s.substring(Math.max(0, m.start() - 8), m.start())).find()) {
        continue;
      }
      int rest = daysAfter(m.group(3), m.group(4));
      int period = days(m.group(2), m.group(3)) + rest;
      int shift = thresholdShift(m.group(1) == null ? "" : m.group(1), m.group(6) != null, m.group(5), period);
      int d = period + shift;
      if (rest >= 0 && shift >= 0 && d >= 1 && d <= 3650) {
        out.add(new Candidate(PolicyField.MIN_OVERDUE_DAYS, d, base + m.start(), base + m.end(), 0.8));
      }
    }
  }

  /**
   * The days an overdue threshold adds to its {@code period}: 1 when it excludes its number, 0 when it includes it, -1
   * when it cannot be read safely. {@code word} holds its threshold word, if any, {@code above} says whether 以上 follows
   * the period, {@code tail} is the text after the period ({@link #OVERDUE_TAIL}), which may hold inclusion marks.
   *
   * <ul>
   *   <li>No mark: 1 for a strict word ({@link #STRICT_OVERDUE}: "超过90天" 91; "逾期超过90天以上" 91 too), else 0
   *       ("满90天", "90天以上": 以上 includes its number, as in Chinese law).
   *   <li>"(含)": 0, whatever the word ("超过90天(含)" 90).
   *   <li>"(不含)": 1 after a strict word or 以上 ("逾期90天以上(不含)" 91, which had been read as 90); -1 after an inclusive
   *       word alone ("逾期满90天(不含)", "≥90天(不含)": the word and the mark disagree).
   *   <li>-1 for two marks that disagree, or a mark naming another period than the threshold's ("超过90天(含60天)").
   * </ul>
   */
  private static int thresholdShift(String word, boolean above, String tail, int period) {
    boolean strict = STRICT_OVERDUE.matcher(word).find();
    Matcher mark = INCLUSION.matcher(tail);
    int shift = strict ? 1 : 0;
    boolean marked = false;
    while (mark.find()) {
      int each = included(mark.group(), period);
      if (each < 0 || marked && each != shift || each == 1 && !strict && !above) {
        return -1;
      }
      shift = each;
      marked = true;
    }
    return shift;
  }

  /**
   * What an inclusion mark ({@link #INCLUSION}) does to a threshold of {@code period} days: 0 when it includes the
   * number ("(含)", "(含90天)", "(含本数)"), 1 when it excludes it ("(不含)"), -1 when it names another period.
   */
  private static int included(String mark, int period) {
    Matcher m = INCLUSION.matcher(mark);
    if (!m.find()) {
      return -1;
    }
    String what = m.group(2);
    if (!what.isEmpty() && !what.equals("本数")) {
      Matcher p = MARKED_PERIOD.matcher(what);
      if (!p.matches() || days(p.group(1), p.group(2)) != period) {
        return -1;
      }
    }
    return m.group(1) == null ? 0 : 1;
  }

  /**
   * Whether the rest of the clause from {@code at}, up to 40 characters (a scan to the clause's end for every
   * threshold would be quadratic in a text without commas), excludes those it describes ("…的客户不适用本政策").
   */
  private static boolean excludedAfter(String s, int at) {
    int end = at;
    while (end < s.length() && end - at < 40 && s.charAt(end) != ',') {
      end++;
    }
    return EXCLUDED.matcher(s.substring(at, end)).find();
  }

  // ---------------------------------------------------------------- waivers

  /** {@code 30 %} → 0.3, {@code 6 ‰} → 0.006, {@code 5 成} → 0.5. */
  static BigDecimal ratio(String number, String unit) {
    BigDecimal n = new BigDecimal(number);
    int scale = switch (unit.substring(0, 1)) {
      case "%" -> 2;
      case "‰" -> 3;
      case "‱" -> 4;
      case "成" -> 1;
      default -> throw new IllegalArgumentException("unit " + unit);
    };
    BigDecimal half = unit.length() > 1 ? new BigDecimal("0.05") : BigDecimal.ZERO; // 八成五 = 8.5 tenths
    return normalize(n.movePointLeft(scale).add(half));
  }

  /**
   * The largest ratio strictly below {@code r} at the precision it was written in, a hundredth (one percent) at the
   * least: 0.49 for "低于50%" and for "低于五成", 0.504 for "低于50.5%". A policy's waiver cap is the most that may be
   * waived, so the stated bound itself would let a plan waive what the text forbids.
   */
  private static BigDecimal justUnder(BigDecimal r) {
    return normalize(r.subtract(BigDecimal.ONE.movePointLeft(Math.max(2, r.scale()))));
  }

  /**
   * The least ratio strictly above {@code r} at the precision it was written in, a hundredth at the least: 0.11 for
   * "首付须超过10%" and for "超过一成", 0.106 for "超过10.5%". A policy's minimum down payment is the least a plan may
   * ask, so the stated bound itself would allow the down payment the text refuses; rounding up never allows less.
   */
  private static BigDecimal justOver(BigDecimal r) {
    return normalize(r.add(BigDecimal.ONE.movePointLeft(Math.max(2, r.scale()))));
  }

  private static BigDecimal normalize(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 1 ? s.setScale(1) : s;
  }

  private static boolean isWaiver(PolicyField f) {
    return f == PolicyField.MAX_PENALTY_WAIVER || f == PolicyField.MAX_LATE_FEE_WAIVER
        || f == PolicyField.MAX_INTEREST_WAIVER || f == PolicyField.PRINCIPAL_WAIVER;
  }

  /**
   * The cap in the clause after a waiver: after a bare one ("罚息可酌情减免，最高不超过已产生金额的40%", "罚息可减免，比例为
   * 30%至50%": a range's upper end, which had been read as nothing), or after a ratio stated without a cap word
   * ({@code plain}: "罚息减免30%，最高至50%", the usual waiver and then the most, which had been read as 0.3). A cap at
   * or above such a ratio replaces it, with evidence spanning both clauses; one below it contradicts it, and both stay
   * for the extractor to report. Not a clause about a down payment or a fee ("首付最高不超过20%").
   */
  private static void cappedWaiver(String clause, int base, Set<FinancialTerm> components, List<Candidate> plain,
      List<Candidate> out) {
    if (OTHER_RATIO_SUBJECT.matcher(clause).find()) {
      return;
    }
    BigDecimal r;
    Matcher m = CAPPED_RATIO.matcher(clause);
    if (m.find()) {
      r = ratio(m.group(2), m.group(3));
      if (m.group(1) != null) {
        r = justUnder(r); // "比例低于50%": 50% itself may not be waived
      }
    } else if ((m = CAPPED_RATIO_RANGE.matcher(clause)).find()) {
      r = ratio(m.group(3), m.group(4)); // "比例为30%至50%": the upper end
    } else if ((m = CAPPED_RATIO_SUFFIX.matcher(clause)).find()) {
      r = ratio(m.group(1), m.group(2));
    } else {
      return;
    }
    if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
      return;
    }
    BigDecimal cap = r;
    for (FinancialTerm t : components) {
      PolicyField f = waiverField(t);
      if (f == null) {
        continue;
      }
      List<Candidate> before = plain.stream().filter(c -> c.field() == f).toList();
      if (!before.isEmpty() && before.stream().allMatch(c -> ((BigDecimal) c.value()).compareTo(cap) <= 0)) {
        // they are the clause before's, at the end of out: searched from there, not through every earlier candidate
        int left = before.size();
        for (int k = out.size() - 1; k >= 0 && left > 0; k--) {
          Candidate c = out.get(k);
          if (before.stream().anyMatch(b -> b == c)) {
            out.remove(k);
            left--;
          }
        }
        int start = before.stream().mapToInt(Candidate::start).min().orElseThrow();
        double confidence = before.stream().mapToDouble(Candidate::confidence).max().orElseThrow();
        out.add(new Candidate(f, r, start, base + clause.length(), confidence));
      } else {
        out.add(new Candidate(f, r, base, base + clause.length(), 0.7));
      }
    }
  }

  /**
   * A refusal to waive one component, read in an earlier clause of the sentence; {@code general}: stated as the
   * general rule ("一般不减免"), so any later waiver of the component in the sentence is its exception.
   */
  private record Refusal(Candidate candidate, boolean general) {}

  /** Whether the clause refuses a waiver as a general rule ("罚息原则上不予减免"), leaving room for exceptions. */
  private static boolean generalRefusal(String clause) {
    Matcher none = WAIVE_NONE.matcher(clause);
    return none.find() && generalRuleBefore(clause, none.start());
  }

  /** Whether the eight characters before a refusal at {@code at} make it the general rule ("一般不减免"). */
  private static boolean generalRuleBefore(String text, int at) {
    return GENERAL_RULE.matcher(text.substring(Math.max(0, at - 8), at)).find();
  }

  /**
   * "罚息一般不减免，特殊情况最高可减免50%": a waiver that a clause states after a refusal of the same component in
   * its sentence is the exception to it, and the most that can be waived, when the refusal was a general rule or
   * the clause opens as an exception ("但", "特殊情况"). The waivers from {@code from} on replace such refusals,
   * with evidence spanning both and the refusal's confidence if higher; the refusals go to {@code overridden}, to be
   * dropped at the sentence's end.
   */
  private static void exceptions(Map<PolicyField, Refusal> refusals, Set<Candidate> overridden, List<Candidate> out,
      int from, boolean exceptionClause) {
    for (int k = from; k < out.size() && !refusals.isEmpty(); k++) {
      Candidate c = out.get(k);
      Refusal r = refusals.get(c.field());
      if (r != null && c.value() instanceof BigDecimal v && v.signum() > 0 && (r.general() || exceptionClause)) {
        refusals.remove(c.field());
        overridden.add(r.candidate());
        out.set(k, new Candidate(c.field(), v, r.candidate().start(), c.end(),
            Math.max(c.confidence(), r.candidate().confidence())));
      }
    }
  }

  private static final Pattern SEGMENT_SPLIT = Pattern.compile("和|及|、|与|以及");
  private static final Pattern BARE_RATIO = Pattern.compile(NUM + "\\s*" + RATIO_UNIT);

  /**
   * A waiver value found in a piece of text, with its confidence, and another value the same words may mean
   * ({@code alternative}, or null), for the extractor to report as a conflict rather than guess.
   */
  private record Waiver(BigDecimal value, double confidence, @Nullable BigDecimal alternative) {
    Waiver(BigDecimal value, double confidence) {
      this(value, confidence, null);
    }
  }

  /** Adds a waiver candidate for each component if the clause states a waiver; returns whether it did. */
  private static boolean waiver(String clause, int base, Set<FinancialTerm> components, boolean inherited,
      List<FinancialTerm> order, List<Candidate> out) {
    if (components.isEmpty()) {
      return false;
    }
    if (components.contains(FinancialTerm.INTEREST) && STOPS.matcher(clause).find()) {
      // "免收分期期间的利息" stops interest during the plan; it is not a cap on waiving interest already owed
      components = EnumSet.copyOf(components);
      components.remove(FinancialTerm.INTEREST);
      if (components.isEmpty()) {
        return false;
      }
    }
    boolean capped = CAP_WORD.matcher(clause).find(); // once per clause, not once per segment
    Waiver whole = waiverIn(clause, capped);
    // "可减免全部违约金和50%的罚息": several components with different values; pair each with its own segment
    String[] segments = SEGMENT_SPLIT.split(clause);
    boolean several = components.size() > 1 && segments.length > 1;
    if (whole == null && !several) {
      return false;
    }
    if (!inherited && respectively(clause, base, components, order, out)) {
      return true;
    }
    double factor = inherited ? 0.8 : 1.0;
    boolean firstMonths = FIRST_MONTHS_NUMBERED.matcher(clause).find();
    // "罚息不减半和违约金全免": the refused share of one segment had made the clause state nothing for either
    boolean paired = several && distinctValues(segments, capped) > (whole == null ? 0 : 1);
    if (!paired && whole == null) {
      return false;
    }
    boolean any = false;
    for (FinancialTerm t : components) {
      PolicyField f = waiverField(t);
      if (f == null) {
        continue;
      }
      Waiver w = whole;
      if (paired) {
        for (String seg : segments) {
          if (mentions(seg, t)) {
            Waiver own = waiverIn(seg, capped);
            if (own == null && !refusesShare(seg)) {
              Matcher bare = BARE_RATIO.matcher(seg);
              if (bare.find()) {
                BigDecimal r = ratio(bare.group(1), bare.group(2));
                own = r.compareTo(BigDecimal.ONE) <= 0 ? new Waiver(r, 0.75) : null;
              }
            }
            w = own != null || refusesShare(seg) ? own : w; // a refused share states no cap for its component
            break;
          }
        }
      }
      if (w == null) {
        continue;
      }
      any = true;
      // "前6个月免收利息": the interest of the first months only, no cap on waiving what is owed
      for (BigDecimal v : w.alternative() == null ? List.of(w.value()) : List.of(w.value(), w.alternative())) {
        out.add(firstMonths ? Candidate.bound(f, v, base, base + clause.length(), w.confidence() * factor,
            Candidate.Bound.FIRST_MONTHS) : new Candidate(f, v, base, base + clause.length(), w.confidence() * factor));
      }
    }
    return any || whole != null;
  }

  /**
   * "罚息与违约金分别减免30%和50%": the ratios after 分别 go to the components in the order they are named. Returns
   * whether the clause was read this way; a count that does not pair up settles none of them (rather than giving
   * every component the first ratio).
   */
  private static boolean respectively(String clause, int base, Set<FinancialTerm> components,
      List<FinancialTerm> order, List<Candidate> out) {
    int at = clause.indexOf("分别");
    if (at < 0 || components.size() < 2) {
      return false;
    }
    List<BigDecimal> values = new ArrayList<>();
    Matcher r = BARE_RATIO.matcher(clause);
    r.region(at, clause.length());
    while (r.find()) {
      values.add(ratio(r.group(1), r.group(2)));
    }
    if (values.size() < 2) {
      return false; // "分别全额减免", "分别减免30%": one value for all
    }
    List<FinancialTerm> named = order.stream().filter(components::contains).toList();
    if (values.size() == named.size() && values.stream().allMatch(v -> v.compareTo(BigDecimal.ONE) <= 0)) {
      for (int i = 0; i < named.size(); i++) {
        out.add(new Candidate(waiverField(named.get(i)), values.get(i), base, base + clause.length(), 0.85));
      }
    }
    return true;
  }

  /** In {@link #distinctValues}: a segment that refuses a share ("罚息不减半"), which states no cap. */
  private static final BigDecimal REFUSED_SHARE = BigDecimal.valueOf(-1);

  /** How many different readings the segments give: values, and a refused share counted as one. */
  private static int distinctValues(String[] segments, boolean capped) {
    Set<BigDecimal> values = new java.util.HashSet<>();
    for (String seg : segments) {
      Waiver w = waiverIn(seg, capped);
      if (w != null) {
        values.add(w.value().stripTrailingZeros());
      } else if (refusesShare(seg)) {
        values.add(REFUSED_SHARE); // "罚息不减半": another reading than the others' (it had thrown NullPointerException)
      } else {
        Matcher bare = BARE_RATIO.matcher(seg);
        if (bare.find()) {
          values.add(ratio(bare.group(1), bare.group(2)).stripTrailingZeros());
        }
      }
    }
    return values.size();
  }

  private static boolean mentions(String segment, FinancialTerm t) {
    return switch (t) {
      case PENALTY_INTEREST -> segment.contains("罚息") || segment.contains("逾期利息");
      case LATE_FEE -> segment.contains("违约金") || segment.contains("滞纳金");
      case INTEREST -> segment.contains("利息") && !segment.contains("逾期利息");
      case PRINCIPAL -> segment.contains("本金");
      default -> false;
    };
  }

  /** The waiver {@code text} states; {@code capped}: its clause has a cap word, so a ratio is a cap. */
  private static @Nullable Waiver waiverIn(String text, boolean capped) {
    Matcher none = WAIVE_NONE.matcher(text);
    boolean refusal = false;
    while (!refusal && none.find()) {
      refusal = !doubleNegated(text, none.start()); // "罚息不得不减免": has to waive, no refusal
    }
    if (refusal) {
      // "罚息原则上不予减免但最高可减免30%": the exception after a general refusal is the most that can be waived
      String rest = text.substring(none.end());
      if (generalRuleBefore(text, none.start()) || EXCEPTION.matcher(rest).find()) {
        Waiver exception = statedWaiver(rest, capped);
        if (exception != null && exception.value().signum() > 0) {
          return exception;
        }
      }
      return new Waiver(BigDecimal.ZERO.setScale(1), 0.85);
    }
    return statedWaiver(text, capped);
  }

  /**
   * After a waived share: it and more ("50%以上", "三成及以上"). Refused ("罚息不可减免50%以上"), the share itself is
   * refused, since 以上 includes its number, so the cap is the largest ratio below it (0.49), as "36期以上的不予受理" is 35
   * at most; it had been read as nothing, a refused share stating no cap.
   */
  private static final Pattern AND_ABOVE = Pattern.compile("\\s*(?:及|或|\\(含\\))?\\s*以上");

  /** The waiver {@code text} states other than by a refusal: a discount, a ratio or a full waiver. */
  private static @Nullable Waiver statedWaiver(String text, boolean capped) {
    Matcher m = WAIVE_RATIO.matcher(text);
    while (m.find()) {
      if (refused(m, text, true) && AND_ABOVE.matcher(text).region(m.end(), text.length()).lookingAt()) {
        BigDecimal r = justUnder(ratio(m.group(2), m.group(3))); // "罚息不可减免50%以上": 0.49
        return r.signum() >= 0 && r.compareTo(BigDecimal.ONE) <= 0 ? new Waiver(r, 0.85) : null;
      }
    }
    if ((m = unrefused(WAIVE_DISCOUNT, text, false)) != null) {
      BigDecimal d = new BigDecimal(m.group(1));
      // tenths up to 十折 (full price: 8折, 9.5折, 10折), two digits hundredths (八五折 = 85)
      BigDecimal paid = d.compareTo(BigDecimal.TEN) <= 0 ? d.movePointLeft(1) : d.movePointLeft(2);
      return paid.compareTo(BigDecimal.ONE) <= 0 ? new Waiver(normalize(BigDecimal.ONE.subtract(paid)), 0.8) : null;
    }
    if ((m = unrefused(WAIVE_RATIO_RANGE, text, true)) != null || (m = unrefused(WAIVE_RATIO, text, true)) != null) {
      if (REMAINDER.matcher(m.group(1)).find()) {
        return m.groupCount() == 5 ? null : remainder(text, m); // what remains to be paid: 1 − it is waived
      }
      if (AT_LEAST.matcher(text.substring(Math.max(0, m.start() - 4), m.end(1))).find()
          || text.startsWith("以上", m.end()) || text.startsWith("起", m.end())) {
        return null; // a floor ("罚息至少减免30%", "减免一半以上"): the most that can be waived is not stated
      }
      boolean range = m.groupCount() == 5;
      // "30%至50": the lower end's unit is the upper end's
      BigDecimal r = range ? ratio(m.group(4), m.group(5) != null ? m.group(5) : m.group(3)) : ratio(m.group(2), m.group(3));
      if (!range && STRICTLY_BELOW.matcher(m.group(1)).find()) {
        r = justUnder(r);
        if (r.signum() < 0) {
          return null; // "低于0%": no waiver can be below nothing
        }
      }
      return r.compareTo(BigDecimal.ONE) <= 0 ? new Waiver(r, capped ? 0.9 : 0.75) : null;
    }
    if (NOT_ALL.matcher(text).find() || refusesShare(text)) {
      return null; // "不减免50%": no full waiver either (免收 in "不免收50%" is no 免收)
    }
    if (WAIVE_ALL.matcher(text).find()) {
      return new Waiver(BigDecimal.ONE.setScale(1), 0.85);
    }
    return null;
  }

  /**
   * The waiver stated by what is left to pay after it ({@code m}, a {@link #WAIVE_RATIO} whose words between verb and
   * ratio are a {@link #REMAINDER}): 1 − the ratio left ("减免至70%" 0.3, "减免后按10%收取" 0.9, "减免后最低收取20%" at
   * most 0.8), since a cap is the most that may be waived; these had been read as nothing. Null for a most of what is
   * left ("剩余罚息不超过10%": a least of the waiver) and for a rate reduced to ("罚息利率减至0.05%", "减免至每日0.05%",
   * "减至日万分之五"). After a cap word
   * ("最高可减免至70%") the ratio may be the most waived as well: both are given, for the extractor to report.
   */
  private static @Nullable Waiver remainder(String text, Matcher m) {
    if (REMAINDER_AT_MOST.matcher(m.group(1)).find() || text.startsWith("以内", m.end())
        || text.startsWith("以下", m.end()) || RATE_WORD.matcher(text.substring(0, m.end(1))).find()
        || RATE_PERIOD.matcher(m.group(1)).find() || m.group(3).equals("‱")) {
      return null;
    }
    BigDecimal left = ratio(m.group(2), m.group(3));
    if (left.compareTo(BigDecimal.ONE) > 0) {
      return null;
    }
    BigDecimal waived = normalize(BigDecimal.ONE.subtract(left));
    String between = m.group(1).strip();
    boolean reducedTo = between.startsWith("至") || between.startsWith("到");
    return reducedTo && CAP_BEFORE_VERB.matcher(text.substring(0, m.start())).find()
        ? new Waiver(waived, 0.8, left) : new Waiver(waived, 0.8);
  }

  /**
   * The first match of {@code p} in {@code text} that is not refused ({@link #SHARE_REFUSED}), or null; {@code
   * ratio}: {@code p} is a waiver ratio whose group 1 lies between verb and number, where a bound word makes the
   * negation a cap ("不得减免超过50%").
   */
  private static @Nullable Matcher unrefused(Pattern p, String text, boolean ratio) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      if (!refused(m, text, ratio)) {
        return m;
      }
    }
    return null;
  }

  private static boolean refused(Matcher m, String text, boolean ratio) {
    int from = Math.max(0, m.start() - 8);
    Matcher negation = SHARE_REFUSED.matcher(text.substring(from, m.start()));
    return negation.find() && !doubleNegated(text, from + negation.start())
        && !(ratio && EXCEEDING.matcher(m.group(1)).find());
  }

  /**
   * Just before a negation: another, which cancels it ("罚息不得不减免" has to waive, "本金不是不可以减免" can be waived,
   * "并非不能减免", "不会不予减免"); the refusal had been read as a cap of 0, the opposite of the text.
   */
  private static final Pattern NEGATION_BEFORE = Pattern.compile("(?:不得|不能|不可|不会|不是|没有|并非|绝非|非|无)\\s*$");

  /** Whether the negation at {@code at} in {@code text} is itself negated ({@link #NEGATION_BEFORE}). */
  private static boolean doubleNegated(String text, int at) {
    return NEGATION_BEFORE.matcher(text.substring(Math.max(0, at - 4), at)).find();
  }

  /** Whether {@code text} refuses a discount or a waived share ("罚息不打五折", "不减半"): a cap it does not state. */
  private static boolean refusesShare(String text) {
    for (Pattern p : new Pattern[] {WAIVE_DISCOUNT, WAIVE_RATIO}) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (refused(m, text, p == WAIVE_RATIO)) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- down payment

  /** {@code normalized}: where a ratio was rounded down from an inexact fraction, the least is rounded up. */
  private static void downPayment(String clause, int base, NormalizedText normalized, List<Candidate> out) {
    Matcher none = DOWN_NONE.matcher(clause);
    if (none.find() && !DOWN_NONE_REFUSED.matcher(clause.substring(Math.max(0, none.start() - 6), none.start())).find()) {
      out.add(new Candidate(PolicyField.MIN_DOWN_PAYMENT_RATIO, BigDecimal.ZERO.setScale(1), base + none.start(),
          base + none.end(), 0.85));
      return;
    }
    if (!DOWN_CONTEXT.matcher(clause).find() || WAIVER_WORD.matcher(clause).find() || clause.contains("费")) {
      return;
    }
    Matcher m = BARE_RATIO.matcher(clause); // "首付不低于10%", "首付一成"
    if (m.find()) {
      if (DOWN_UPPER_BOUND.matcher(clause.substring(0, m.start())).find()
          || clause.startsWith("以下", m.end()) || clause.startsWith("以内", m.end())) {
        return; // "首付不超过30%": a most, not the least
      }
      BigDecimal r = ratio(m.group(1), m.group(2));
      if (normalized.roundedDown(base + m.start(), base + m.end())) {
        r = justOver(r); // "首付不低于三分之一", 33.33%: 0.3333 would allow less than a third, 0.3334 does not
      } else if (DOWN_STRICTLY_ABOVE.matcher(afterLast(DOWN_CONTEXT, clause.substring(0, m.start()))).find()) {
        r = justOver(r); // "首付须超过10%": 10% itself is refused
      }
      if (r.compareTo(BigDecimal.ONE) <= 0) {
        out.add(new Candidate(PolicyField.MIN_DOWN_PAYMENT_RATIO, r, base, base + clause.length(), 0.85));
      }
    }
  }

  /** What follows the last match of {@code p} in {@code text}; all of it if none ("逾期超过90天的客户首付" is 首付's). */
  private static String afterLast(Pattern p, String text) {
    Matcher m = p.matcher(text);
    int end = 0;
    while (m.find()) {
      end = m.end();
    }
    return text.substring(end);
  }

  // ---------------------------------------------------------------- hardship proof

  private static void proof(String clause, String sentence, int clauseOffset, int base, List<Candidate> out) {
    Matcher m = PROOF.matcher(clause);
    while (m.find()) {
      String before = clause.substring(Math.max(0, m.start() - 20), m.start());
      if (NOT_HARDSHIP_PROOF.matcher(before).find()) {
        continue; // "需提供身份证明": an identity document; "提供虚假证明的": a sanction
      }
      String after = sentence.substring(Math.min(sentence.length(), clauseOffset + m.end()),
          Math.min(sentence.length(), clauseOffset + m.end() + 16));
      Matcher notAfter = PROOF_NOT_NEEDED_AFTER.matcher(after);
      if (notAfter.find()) { // "困难证明无需提供": the evidence runs to the negation
        int end = Math.min(clauseOffset + m.end() + notAfter.end(), sentence.length());
        out.add(new Candidate(PolicyField.REQUIRES_HARDSHIP_PROOF, Boolean.FALSE, base,
            base - clauseOffset + end, 0.8));
        continue;
      }
      if (PROOF_QUESTION_BEFORE.matcher(before).find()) {
        Matcher yes = PROOF_NEEDED_AFTER.matcher(after);
        if (yes.find()) { // "是否需要困难证明：是"
          out.add(new Candidate(PolicyField.REQUIRES_HARDSHIP_PROOF, Boolean.TRUE, base, base + m.end() + yes.end(),
              0.85));
        }
        continue; // a question not answered here states nothing
      }
      if (notNeededBefore(before) || PROOF_OPTIONAL_AFTER.matcher(after).find()) {
        out.add(new Candidate(PolicyField.REQUIRES_HARDSHIP_PROOF, Boolean.FALSE, base, base + m.end(), 0.8));
      } else if (PROOF_OPTIONAL_BEFORE.matcher(before).find() || PROOF_CONDITIONAL_BEFORE.matcher(before).find()
          || PROOF_PRIORITY_AFTER.matcher(after).lookingAt()) {
        continue; // "可提供证明", "如需提供证明", "提供证明者优先": not a requirement; nothing is determined
      } else if (PROOF_NEEDED.matcher(before).find()) {
        out.add(new Candidate(PolicyField.REQUIRES_HARDSHIP_PROOF, Boolean.TRUE, base, base + m.end(), 0.85));
      }
    }
  }

  /** Whether the words before 证明 say it is not needed, with no requirement started again after the negation. */
  private static boolean notNeededBefore(String before) {
    Matcher not = PROOF_NOT_NEEDED.matcher(before);
    int last = -1;
    while (not.find()) {
      last = not.end();
    }
    return last >= 0 && !PROOF_NEEDED_AGAIN.matcher(before.substring(last)).find();
  }

  // ---------------------------------------------------------------- stops interest

  private static void stopsInterest(String s, int base, List<Candidate> out) {
    Matcher m = CONTINUES.matcher(s);
    if (m.find()) {
      out.add(new Candidate(PolicyField.STOPS_INTEREST, Boolean.FALSE, base + m.start(), base + m.end(), 0.85));
    }
    m = STOPS.matcher(s);
    if (m.find()) {
      int window = Math.max(0, m.start() - 8);
      Matcher refused = STOP_REFUSED.matcher(s.substring(window, m.start()));
      Matcher negated = STOP_NEGATED.matcher(s.substring(window, m.start()));
      Matcher withdrawn = STOP_WITHDRAWN.matcher(s).region(m.end(), s.length());
      if (refused.find()) { // "本公司不提供停息挂账服务": interest is not stopped
        out.add(new Candidate(PolicyField.STOPS_INTEREST, Boolean.FALSE, base + window + refused.start(), base + m.end(),
            0.8));
      } else if (negated.find()) { // "本行不停息不挂账", "分期后不会停止计息", "不免收分期期间的利息", "不会不计息"
        out.add(new Candidate(PolicyField.STOPS_INTEREST, Boolean.FALSE, base + window + negated.start(), base + m.end(),
            0.8));
      } else if (STOP_NEGATED_INSIDE.matcher(m.group()).find()) { // "利息不停止计算"
        out.add(new Candidate(PolicyField.STOPS_INTEREST, Boolean.FALSE, base + m.start(), base + m.end(), 0.8));
      } else if (m.group().startsWith("停息") && withdrawn.lookingAt()) { // "停息挂账已暂停办理": no longer offered
        out.add(new Candidate(PolicyField.STOPS_INTEREST, Boolean.FALSE, base + m.start(), base + withdrawn.end(), 0.8));
      } else if (m.group().startsWith("停息") && refusedLater(s, m.end())) { // "…停息挂账,本行不提供此类服务"
        out.add(new Candidate(PolicyField.STOPS_INTEREST, Boolean.FALSE, base + m.start(), base + m.end(), 0.8));
      } else if (STOP_SET_APART.matcher(s.substring(window, m.start())).find()
          || m.group().startsWith("停息") && STOP_DEFINED.matcher(s).region(m.end(), s.length()).lookingAt()) {
        return; // "个性化分期不等于停息挂账", "停息挂账是指…": no statement of this plan's interest
      } else {
        out.add(new Candidate(PolicyField.STOPS_INTEREST, Boolean.TRUE, base + m.start(), base + m.end(), 0.85));
      }
    }
  }

  /** Whether a clause of {@code s} after the one holding {@code at} refuses "it" ({@link #STOP_REFUSED_LATER}). */
  private static boolean refusedLater(String s, int at) {
    int comma = s.indexOf(',', at);
    return comma >= 0 && STOP_REFUSED_LATER.matcher(s).region(comma, s.length()).find();
  }

  // ---------------------------------------------------------------- monthly fee

  /** After a fee rate: a range goes on to its upper end ("0.5%~0.8%"), whose unit may be the lower end's. */
  private static final Pattern FEE_RANGE_AFTER = Pattern.compile("\\s*" + TO + "\\s*" + NUM + "\\s*(%|‰|‱)?");
  /** Before a fee rate: a range starts there ("0.5-0.8%"), the unit written once at its upper end. */
  private static final Pattern FEE_RANGE_BEFORE = Pattern.compile("(?<![\\d.])" + NUM + "\\s*" + TO + "\\s*$");

  /**
   * Whether the fee rate {@code m} is an end of a range ("每期手续费率0.5%~0.8%", "每月手续费0.5-0.8%"): no one rate, so
   * its ends are an AT_LEAST and an AT_MOST bound; the lower end had been read as the rate (the upper, where the unit
   * was written once).
   */
  private static boolean feeRange(String clause, Matcher m, int base, double conf, List<Candidate> out) {
    BigDecimal lo;
    BigDecimal hi;
    Matcher after = FEE_RANGE_AFTER.matcher(clause).region(m.end(), clause.length());
    Matcher before = FEE_RANGE_BEFORE.matcher(clause.substring(0, m.start()));
    if (after.lookingAt()) {
      lo = ratio(m.group(1), m.group(2));
      hi = ratio(after.group(1), after.group(2) != null ? after.group(2) : m.group(2));
    } else if (before.find()) {
      lo = ratio(before.group(1), m.group(2));
      hi = ratio(m.group(1), m.group(2));
    } else {
      return false;
    }
    if (lo.compareTo(hi) < 0 && hi.compareTo(BigDecimal.valueOf(0.1)) <= 0) {
      out.add(Candidate.bound(PolicyField.MONTHLY_FEE_RATE, lo, base, base + clause.length(), conf,
          Candidate.Bound.AT_LEAST));
      out.add(Candidate.bound(PolicyField.MONTHLY_FEE_RATE, hi, base, base + clause.length(), conf,
          Candidate.Bound.AT_MOST));
    }
    return true;
  }

  /** {@code continues}: the clause names no fee but goes on about the one of the clause before (FEE_CONTINUES). */
  private static void fee(String clause, String sentence, int base, Set<FinancialTerm> terms, boolean continues,
      List<Candidate> out) {
    Matcher none = FEE_NONE.matcher(clause);
    if (none.find()) {
      Matcher first = FIRST_MONTHS.matcher(clause);
      if (first.find()) { // "前3个月免手续费": no fee of 0 for the plan, only an offer for its first months
        out.add(Candidate.bound(PolicyField.MONTHLY_FEE_RATE, BigDecimal.ZERO.setScale(1),
            base + Math.min(first.start(), none.start()), base + Math.max(first.end(), none.end()), 0.8,
            Candidate.Bound.FIRST_MONTHS));
        return;
      }
      out.add(new Candidate(PolicyField.MONTHLY_FEE_RATE, BigDecimal.ZERO.setScale(1), base + none.start(),
          base + none.end(), 0.8));
      return;
    }
    boolean feeClause = continues || terms.contains(FinancialTerm.SERVICE_FEE) || FEE_WORD.matcher(clause).find();
    if (!feeClause || WAIVER_WORD.matcher(clause).find() || YEARLY.matcher(clause).find()) {
      return;
    }
    double conf;
    if (clause.contains("月") || clause.contains("每期")) {
      conf = 0.85;
    } else if (sentence.contains("月")) {
      conf = 0.65;
    } else {
      return; // a one-off fee, not a monthly rate
    }
    if (continues) {
      conf *= 0.8; // inherited from the clause before, as a waiver's components are: an explicit fee elsewhere wins
    }
    Matcher m = PERCENT.matcher(clause);
    if (m.find()) {
      if (feeRange(clause, m, base, conf, out)) {
        return;
      }
      BigDecimal r = ratio(m.group(1), m.group(2));
      if (r.compareTo(BigDecimal.valueOf(0.1)) <= 0) {
        String before = clause.substring(Math.max(0, m.start() - 8), m.start());
        Candidate.Bound bound = FEE_AT_MOST_BEFORE.matcher(before).find()
            || FEE_AT_MOST_AFTER.matcher(clause).region(m.end(), clause.length()).lookingAt() ? Candidate.Bound.AT_MOST
            : FEE_AT_LEAST_BEFORE.matcher(before).find()
                || FEE_AT_LEAST_AFTER.matcher(clause).region(m.end(), clause.length()).lookingAt()
                ? Candidate.Bound.AT_LEAST : Candidate.Bound.VALUE;
        out.add(Candidate.bound(PolicyField.MONTHLY_FEE_RATE, r, base, base + clause.length(), conf, bound));
      }
    }
  }
}
