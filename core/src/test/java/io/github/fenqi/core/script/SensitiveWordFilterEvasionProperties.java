package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A lexicon word with one character put between two of its own is found; ordinary words, however they are strung
 * together, are never one.
 */
class SensitiveWordFilterEvasionProperties {
  private static final SensitiveWordFilter FILTER = SensitiveWordFilter.defaults();
  private static final List<String> SEPARATORS = List.of(" ", "　", "\u200b", "-", "－", "·", "。", "，", "ー", "〇",
      "\u3164", "\u0301", "*", "~", "\n");

  /** A word, and the word with one separator — or 一 between two ideographs — put in at one place. */
  @Provide
  Arbitrary<Tuple.Tuple2<String, String>> oneInserted() {
    Arbitrary<String> word = Arbitraries.of(FILTER.words().stream().filter(w -> w.length() >= 2).toList());
    return word.flatMap(w -> Combinators.combine(Arbitraries.integers().between(1, w.length() - 1),
        Arbitraries.of(SEPARATORS), Arbitraries.of(true, false)).as((at, separator, one) -> {
          boolean ideographs = Character.isIdeographic(w.charAt(at - 1)) && Character.isIdeographic(w.charAt(at));
          String put = one && ideographs ? "一" : separator;
          return Tuple.of(w, w.substring(0, at) + put + w.substring(at));
        }));
  }

  @Property(tries = 1000)
  void aWordWithOneCharacterPutInIsFoundWhole(@ForAll("oneInserted") Tuple.Tuple2<String, String> wordAndText) {
    Assume.that(!FILTER.exceptions().contains(wordAndText.get2())); // 跑一路, an ordinary phrase
    String text = "我想说：" + wordAndText.get2() + "\n以后再说。";
    List<SensitiveMatch> found = FILTER.find(text);
    assertTrue(found.stream().anyMatch(m -> m.word().equals(wordAndText.get1())
        && m.matched().equals(wordAndText.get2())), () -> text + " → " + found);
    assertEquals("以后再说。", FILTER.clean(text).text(), text);
  }

  /**
   * Words of ordinary hardship notes, many beside a lexicon word's characters (投资, 报告, 统一, 上一, 一生) or
   * holding a Latin word's letters (usually, medial, suede).
   */
  private static final List<String> ORDINARY = List.of("我", "你们", "银行", "一下", "一次", "统一", "同一", "上一期",
      "高一", "一生", "一楼", "一路", "一起", "一直", "一定", "投资", "投入", "报告", "报销", "生活", "信用", "上班",
      "访问", "工资", "收入", "还款", "分期", "利息", "每月", "家人", "医院", "孩子", "学费", "房租", "减轻", "压力",
      "年轻", "联系", "方式", "手机", "丢失", "老板", "公司", "跑步", "跑一趟", "楼下", "告诉", "意见", "同意", "体检",
      "光明", "死心", "活动", "下去", "了解", "人民", "医保", "中心", "暴雨", "催促", "维修", "优化",
      "usually", "medial", "suede", "casually", "I", "lost", "my", "job", "and", "will", "pay", "mediator", "issue",
      "threads", "exposure", "scampi", "1,315.00元", "24期", "，", "。", " ", "、");

  @Provide
  Arbitrary<String> ordinaryText() {
    return Arbitraries.of(ORDINARY).list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void textOfOrdinaryWordsIsNeverAHit(@ForAll("ordinaryText") String text) {
    assertEquals(List.of(), FILTER.find(text), text);
  }
}
