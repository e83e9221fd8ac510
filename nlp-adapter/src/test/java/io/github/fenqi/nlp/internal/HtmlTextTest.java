package io.github.fenqi.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.fenqi.core.testkit.LinearTime;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void dropsScriptStyleAndCommentsKeepsBlocksAsLines() {
    String html = "<html><head><style>.a{}</style><script type=\"text/javascript\">var s='</p>罚息';</script></head>"
        + "<body><h1>公告</h1><p>罚息&nbsp;减免&lt;50%&gt;</p><!-- 隐藏 --><SCRIPT>x()</SCRIPT><div>本金&#x4E0D;减免</div>"
        + "</body></html>";
    assertEquals("公告\n罚息 减免<50%>\n本金不减免", HtmlText.toText(html));
  }

  /**
   * An entity's ';' is looked for within an entity's length: a search to the end for each '&' was quadratic (a 1.5 MB
   * page took about 25 s). Checked as growth ({@link LinearTime}), not by a wall-clock limit a loaded host can hit.
   */
  @Test
  void manyAmpersandsAreReadInLinearTime() {
    LinearTime.assertLinear("a page of '&'s", scale -> {
      int n = 62_500 * scale;
      // the '&'s, the line break of </p> and the ';'
      assertEquals(3 * n + 2, HtmlText.toText("<p>" + "罚息&".repeat(n) + "</p>;").length());
    });
    assertEquals("罚息 减免", HtmlText.toText("罚息&nbsp;减免"));
  }

  /** A row is a line, its cells a label and its value ("分期期数：12-36期"); each cell had been a line of its own. */
  @Test
  void tableRowsAreReadCellByCell() {
    String html = "<table><tr><th>项目</th><th>标准</th><th>说明</th></tr>"
        + "<tr><td>分期期数</td><td>12-36期</td><td>按月还款</td></tr>"
        + "<tr><td>罚息：</td><td>减免50%</td></tr><tr><td>违约金:</td><td>全免</td></tr><tr><td>本金</td></tr></table>";
    assertEquals("项目：标准，说明\n分期期数：12-36期，按月还款\n罚息：减免50%\n违约金:全免\n本金", HtmlText.toText(html));
  }

  /** An iframe's content (a fallback text or an embedded page) is no text of the page, as a script's is not. */
  @Test
  void dropsTheContentOfAnIframe() {
    assertEquals("罚息最高减免50%\n本金不减免", HtmlText.toText("<p>罚息最高减免50%</p><iframe src=\"ad.html\">最长可分99期"
        + "</iframe><p>本金不减免</p>"));
    assertEquals("前文\n罚息最高减免50%", HtmlText.toText("<p>前文</p><iframe src=\"ad.html\"/><p>罚息最高减免50%</p>"),
        "a self-closed iframe has no content: the page after it is text");
  }

  /** A comment ends at its "-->", not at a '>' inside it, and a tag at its '>', not at one inside a quoted value. */
  @Test
  void aCommentOrAQuotedAttributeHidesItsOwnAngleBrackets() {
    assertEquals("前文\n后文", HtmlText.toText("<p>前文</p><!-- 若 a>b 则最长可分99期 --><p>后文</p>"));
    assertEquals("罚息减免50%", HtmlText.toText("<p><a title=\"a>b\" href='x>y'>罚息</a>减免50%</p>"));
  }

  /**
   * A script ends at its end tag in ASCII's any case, as a browser ends it: "</\u017Fcript>" (a long ſ, U+017F) or
   * "</scr\u0131pt>" (a dotless ı) inside a script is the script's text, and had ended it, so that the rest of the
   * script was read as the page's.
   */
  @Test
  void aScriptEndsOnlyAtItsEndTagInAsciiCase() {
    assertEquals("前文\n后文", HtmlText.toText("<p>前文</p><script>var s='</\u017Fcript>最长可分99期';</SCRIPT><p>后文</p>"));
    assertEquals("前文\n后文", HtmlText.toText("<p>前文</p><script>var s='</scr\u0131pt>最长可分99期';</Script><p>后文</p>"));
  }

  /**
   * An end tag's name ends at white space, '/' or '>', as the HTML tokenizer ends it (an "appropriate end tag" of a
   * script's or style's text): "</scriptx>" or "</scripts>" inside a script is the script's text, and had ended it, so
   * that the rest of the script was read as the page's. "</script >", "</script/>" and "</style\t>" end it.
   */
  @Test
  void aScriptEndsOnlyAtAnEndTagOfItsNameAlone() {
    assertEquals("前文\n后文", HtmlText.toText("<p>前文</p><script>var s='</scriptx>最长可分99期';</script><p>后文</p>"));
    assertEquals("前文\n后文", HtmlText.toText("<p>前文</p><style>a::after{content:'</styles>最长可分99期'}</style><p>后文</p>"));
    assertEquals("前文", HtmlText.toText("<p>前文</p><script>var s='</scripts>最长可分99期';"));
    for (String end : new String[] {"</script >", "</script/>", "</SCRIPT\n>", "</script\r\n>", "</script\f>",
        "</script type=x>"}) {
      assertEquals("前文\n后文", HtmlText.toText("<p>前文</p><script>x()" + end + "<p>后文</p>"), end);
    }
    assertEquals("前文\n后文", HtmlText.toText("<p>前文</p><style>.a{}</style\t><p>后文</p>"));
  }

  /**
   * In text that is mostly not HTML (strict), a tag's name ends where an end tag's does: at HTML's white space, a form
   * feed among it, '/' or '>'. "<span\f>" had been taken for text, not a tag, though "</script\f>" ended a script.
   */
  @Test
  void aTagNameEndsAtTheSameCharactersInTextThatIsMostlyNotHtml() {
    for (String space : new String[] {" ", "\t", "\n", "\r", "\f"}) {
      StringBuilder text = new StringBuilder();
      HtmlText.visibleText("罚息<span" + space + "class=a>减免</span" + space + ">50%<script" + space + ">x()</script"
          + space + ">", true, (piece, from, to) -> text.append(piece));
      assertEquals("罚息减免50%", text.toString(), "white space U+" + Integer.toHexString(space.charAt(0)));
    }
  }

  /**
   * A tag's name is an element's in ASCII's any case only, as a browser's tokenizer lower-cases it: a Kelvin sign
   * (U+212A), which Unicode lower-cases to k, had made "<BLOC\u212AQUOTE>" a blockquote (a line break) and, in text
   * that is mostly not HTML, "<LIN\u212A>" a link tag dropped from the text.
   */
  @Test
  void aTagNameIsAnElementsOnlyInAsciiCase() {
    assertEquals("前文后文", HtmlText.toText("前文<BLOC\u212AQUOTE>后文"));
    assertEquals("前文\n后文", HtmlText.toText("前文<BLOCKQUOTE>后文"));
    StringBuilder text = new StringBuilder();
    HtmlText.visibleText("罚息<LIN\u212A>减免<LINK>50%", true, (piece, from, to) -> text.append(piece));
    assertEquals("罚息<LIN\u212A>减免50%", text.toString());
  }

  @Test
  void unterminatedScriptSwallowsOnlyItsOwnContent() {
    assertEquals("前文", HtmlText.toText("<p>前文</p><script>while(true){}"));
  }

  @Property(tries = 300)
  void neverThrowsOnArbitraryMarkup(
      @ForAll @StringLength(max = 200) @Chars({'<', '>', '/', '!', '-', '&', ';', '#', 'x', 's', 'c', 'r', 'i', 'p',
          't', '"', '\'', '罚', ' '}) String html) {
    String text = HtmlText.toText(html);
    assertFalse(text.startsWith("\n"));
  }

  @Property(tries = 300)
  void utf8BodiesDecodeToThemselves(@ForAll @StringLength(max = 60) String text) {
    // a leading U+FEFF is a byte-order mark in UTF-8 and is dropped, as every browser does
    String expected = text.startsWith("\uFEFF") ? text.substring(1) : text;
    assertEquals(expected, CharsetSniffer.decode(text.getBytes(StandardCharsets.UTF_8), null, false).text());
  }

  @Test
  void prefersBodyThatDecodesOverWrongDeclaration() {
    byte[] gbk = "个性化分期协商".getBytes(Charset.forName("GBK"));
    CharsetSniffer.Decoded d = CharsetSniffer.decode(gbk, "utf-8", false);
    assertEquals("个性化分期协商", d.text());
    assertEquals(true, d.declaredCharsetIgnored());
  }

  /**
   * A label is GBK's in any case of its ASCII letters only: "gb\u212A" (a Kelvin sign, which Unicode folds to k) had
   * been read as GBK, and a UTF-8 body that is also GB18030's bytes ("中文") garbled ("涓…枃"). It is no charset's
   * label, and the body is sniffed; "GbK" is GBK's.
   */
  @Test
  void aGbkLabelIsReadInAsciiCaseOnly() {
    byte[] utf8 = "中文".getBytes(StandardCharsets.UTF_8);
    CharsetSniffer.Decoded kelvin = CharsetSniffer.decode(utf8, "gb\u212A", false);
    assertEquals(java.util.List.of("中文", StandardCharsets.UTF_8), java.util.List.of(kelvin.text(), kelvin.charset()));
    CharsetSniffer.Decoded gbk = CharsetSniffer.decode(utf8, "GbK", false);
    Charset gb18030 = Charset.forName("GB18030");
    assertEquals(java.util.List.of(new String(utf8, gb18030), gb18030), java.util.List.of(gbk.text(), gbk.charset()));
  }

  /** A UTF-8 byte-order mark says UTF-8, before any label, and is no character of the text. */
  @Test
  void aUtf8ByteOrderMarkIsReadAndDropped() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] utf8 = "[{\"text\":\"个性化分期\"}]".getBytes(StandardCharsets.UTF_8);
    byte[] body = java.util.Arrays.copyOf(bom, bom.length + utf8.length);
    System.arraycopy(utf8, 0, body, bom.length, utf8.length);
    for (String declared : java.util.Arrays.asList(null, "gbk")) {
      CharsetSniffer.Decoded d = CharsetSniffer.decode(body, declared, false);
      assertEquals("[{\"text\":\"个性化分期\"}]", d.text(), "declared " + declared);
      assertEquals(StandardCharsets.UTF_8, d.charset(), "declared " + declared);
    }
  }

  /** A Latin label in a meta tag on a body that is not ASCII is taken as absent, as one in the Content-Type is. */
  @Test
  void treatsLatin1MetaOnChineseBodyAsAbsent() {
    byte[] page = "<html><head><meta charset=\"iso-8859-1\"></head><body>个性化分期</body></html>"
        .getBytes(StandardCharsets.UTF_8);
    assertEquals("个性化分期", HtmlText.toText(CharsetSniffer.decode(page, null, true).text()));
  }

  @Test
  void treatsLatin1LabelOnChineseBodyAsAbsent() {
    byte[] utf8 = "个性化分期".getBytes(StandardCharsets.UTF_8);
    assertEquals("个性化分期", CharsetSniffer.decode(utf8, "iso-8859-1", true).text());
  }

  /**
   * Round 71: a document's XML declaration names its charset before a meta tag does (an XHTML page may carry both,
   * and only the declaration binds): a Big5 page declared Big5 there and GBK in a meta tag is Big5, which GB18030 (a
   * GBK label's reading) would have garbled without an error. A declaration counts only where it can stand, at the
   * very start: one quoted later in a UTF-8 page ("<code>&lt;?xml…" left unescaped) is no charset, the meta tag is.
   */
  @Test
  void anXmlDeclarationComesBeforeAMetaTagAndOnlyAtTheStart() throws Exception {
    String xhtml = "<?xml version=\"1.0\" encoding=\"Big5\"?><html><head><meta charset=\"gbk\"></head>"
        + "<body>逾期滿90天的客戶</body></html>";
    CharsetSniffer.Decoded big5 = CharsetSniffer.decode(xhtml.getBytes("Big5"), null, true);
    assertEquals(java.util.List.of(xhtml, Charset.forName("Big5")), java.util.List.of(big5.text(), big5.charset()));
    String quoted = "<html><head><meta charset=\"utf-8\"></head><body><pre><?xml version=\"1.0\" encoding=\"gbk\"?>"
        + "</pre>中文</body></html>";
    CharsetSniffer.Decoded utf8 = CharsetSniffer.decode(quoted.getBytes(StandardCharsets.UTF_8), null, true);
    assertEquals(java.util.List.of(quoted, StandardCharsets.UTF_8), java.util.List.of(utf8.text(), utf8.charset()));
  }

  /**
   * Round 71: whether the server's charset was ignored is reported as it was. A GBK page labelled GB2312 (whose
   * characters GB2312 lacks, "個") is read by that label, as GB18030, with nothing ignored; a GBK page the server calls
   * UTF-8 and whose meta tag says GBK is read by the tag, and the server's label is reported ignored.
   */
  @Test
  void anIgnoredServerCharsetIsReportedAsSuch() {
    byte[] gbkOnly = "個性化分期".getBytes(Charset.forName("GBK"));
    CharsetSniffer.Decoded labelled = CharsetSniffer.decode(gbkOnly, "gb2312", false);
    assertEquals(java.util.List.of("個性化分期", false),
        java.util.List.of(labelled.text(), labelled.declaredCharsetIgnored()));
    byte[] page = "<html><head><meta charset=\"gbk\"></head><body>个性化分期</body></html>".getBytes(Charset.forName("GBK"));
    CharsetSniffer.Decoded mislabelled = CharsetSniffer.decode(page, "utf-8", true);
    assertEquals(java.util.List.of(Charset.forName("GB18030"), true),
        java.util.List.of(mislabelled.charset(), mislabelled.declaredCharsetIgnored()));
  }
}
