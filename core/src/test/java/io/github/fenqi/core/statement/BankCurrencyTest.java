package io.github.fenqi.core.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bank export of a multi-currency account lists its foreign sub-account's rows among the yuan rows, each with its
 * 币种 and that sub-account's balance: a genuine statement, which must not be blocked as forged, and whose dollars are
 * not yuan.
 */
class BankCurrencyTest {
  private static final String CSV = "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道,币种\n"
      + "2026-05-01,10:00:00,POS消费,,10.00,990.00,超市,,POS,人民币\n"
      + "2026-05-02,10:00:00,外币入账,100.00,,100.00,Stripe Inc,,网银,美元\n"
      + "2026-05-03,10:00:00,POS消费,,10.00,980.00,超市,,POS,人民币\n"
      + "2026-05-04,10:00:00,外币消费,,20.00,80.00,Amazon,,网银,美元\n"
      + "2026-05-05,10:00:00,代发工资,5000.00,,5980.00,某某科技有限公司,,批量代发,CNY\n"
      + "2026-05-06,10:00:00,POS消费,,10.00,5970.00,超市,,POS,人民币\n";

  @Test
  void foreignCurrencyRowsAreRefusedByLineAndTheYuanRowsPass(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("multi.csv");
    Files.writeString(file, CSV, StandardCharsets.UTF_8);
    ParsedStatement s = StatementParser.read(file, null);
    assertEquals(List.of(file + ":3", file + ":5"), s.rejected().stream().map(p -> p.location()).toList());
    assertTrue(s.rejected().get(0).reason().startsWith("币种 '美元' is not 人民币"), s.rejected().get(0).reason());
    assertEquals(4, s.transactions().size());
    StatementAnalysis a = StatementAnalyzer.defaults().analyze(List.of(s));
    ForensicReport r = StatementForensics.defaults().examine(List.of(s), a);
    assertEquals(ForensicVerdict.PASS, r.verdict(), r.signals().toString());
    MonthlySummary may = a.months().stream().filter(m -> m.month().equals(YearMonth.of(2026, 5))).findFirst()
        .orElseThrow();
    assertEquals(Money.of("5000.00"), may.income(), "100.00 美元 is not 100.00 yuan of income");
  }

  /**
   * A currency's name ends in its unit and is quoted; other text in the column (a row shifted by a column puts a
   * counterparty there) is described, not quoted: a person's 钱文斌 had been quoted in clear as "not 人民币".
   */
  @Test
  void textThatIsNoCurrencyIsDescribedNotQuoted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shifted.csv");
    Files.writeString(file, "交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道,币种\n"
        + "2026-05-01,10:00:00,转账,,10.00,990.00,钱文斌,,手机银行,钱文斌\n"
        + "2026-05-02,10:00:00,外币入账,100.00,,100.00,Stripe Inc,,网银,瑞士法郎\n"
        + "2026-05-03,10:00:00,外币入账,100.00,,100.00,Stripe Inc,,网银,USD\n"
        + "2026-05-04,10:00:00,外币入账,100.00,,100.00,Stripe Inc,,网银,港币\n", StandardCharsets.UTF_8);
    List<String> reasons = StatementParser.read(file, null).rejected().stream().map(p -> p.reason()).toList();
    assertEquals("币种 holds text of 3 characters, not a currency (not quoted: it may be a person's name, as in a row "
        + "shifted by a column)", reasons.get(0));
    assertTrue(reasons.get(1).startsWith("币种 '瑞士法郎' is not 人民币"), reasons.get(1));
    assertTrue(reasons.get(2).startsWith("币种 'USD' is not 人民币"), reasons.get(2));
    assertTrue(reasons.get(3).startsWith("币种 '港币' is not 人民币"), reasons.get(3));
    assertEquals(4, reasons.size());
  }

  /**
   * Each unit a currency's name may end in keeps it quoted, a unit heading a field does not (元宝), and text of kana
   * or Hangul is described as Han text is: mutation round 53 found 镑, 布 and 铢 and the scripts besides Han untested.
   */
  @Test
  void everyUnitKeepsACurrencyQuoted(@TempDir Path dir) throws Exception {
    List<String> reasons = rejections(dir, "英镑", "卢布", "泰铢", "新台币", "日元", "元宝", "タナカ", "김철수");
    List<String> quoted = List.of("英镑", "卢布", "泰铢", "新台币", "日元");
    for (int i = 0; i < quoted.size(); i++) {
      assertTrue(reasons.get(i).startsWith("币种 '" + quoted.get(i) + "' is not 人民币"), reasons.get(i));
    }
    String described = " (not quoted: it may be a person's name, as in a row shifted by a column)";
    assertEquals(List.of("币种 holds text of 2 characters, not a currency" + described,
        "币种 holds text of 3 characters, not a currency" + described,
        "币种 holds text of 3 characters, not a currency" + described), reasons.subList(quoted.size(), reasons.size()));
  }

  /**
   * A currency whose name does not end in one of the units 元, 币, 镑, 郎, 布 and 铢 is quoted too: 美金, 日圆, the
   * 克朗 of 瑞典克朗 (listed by the banks' own foreign-currency accounts), 印度卢比, 菲律宾比索 had been described as
   * text that may be a person's name, "not a currency". A name merely ending in 金 (李美金, 王金) is still described.
   */
  @Test
  void aCurrencyNamedByAWordOfItsOwnIsQuoted(@TempDir Path dir) throws Exception {
    List<String> quoted = List.of("美金", "日圆", "瑞典克朗", "印度卢比", "菲律宾比索", "南非兰特", "林吉特", "越南盾",
        "土耳其里拉", "巴西雷亚尔", "沙特里亚尔", "阿联酋迪拉姆");
    List<String> reasons = rejections(dir, quoted.toArray(String[]::new));
    for (int i = 0; i < quoted.size(); i++) {
      assertTrue(reasons.get(i).startsWith("币种 '" + quoted.get(i) + "' is not 人民币"), reasons.get(i));
    }
    String described = " (not quoted: it may be a person's name, as in a row shifted by a column)";
    assertEquals(List.of("币种 holds text of 3 characters, not a currency" + described,
        "币种 holds text of 2 characters, not a currency" + described), rejections(dir, "李美金", "王金"));
  }

  /** The rejections of a bank export whose rows are each in one of {@code currencies}, in order. */
  private static List<String> rejections(Path dir, String... currencies) throws Exception {
    StringBuilder csv = new StringBuilder("交易日期,交易时间,摘要,收入金额,支出金额,账户余额,对方户名,对方账号,交易渠道,币种\n");
    for (String currency : currencies) {
      csv.append("2026-05-02,10:00:00,外币入账,100.00,,100.00,Stripe Inc,,网银,").append(currency).append('\n');
    }
    Path file = dir.resolve("currencies.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return StatementParser.read(file, null).rejected().stream().map(p -> p.reason()).toList();
  }
}
