package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fenqi.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented matching rules of the sensitive-word filter, one disguise at a time. */
class SensitiveWordFilterTest {
  private static final SensitiveWordFilter FILTER = SensitiveWordFilter.defaults();

  /**
   * The katakana prolonged sound mark (ー, ｰ), drawn as a dash, and the ideographic zero 〇, drawn as the circle ○ is
   * (a symbol, dropped), are letters and a number to Unicode: 投ー诉 and 投〇诉 had passed.
   */
  @ParameterizedTest
  @ValueSource(strings = {"投诉", "投 诉", "投　诉", "投\u200B诉", "投。诉", "投-*-诉", "投\n诉", "投\u0301诉",
      "投\u3164诉", "投\u115F诉", "投\u1160诉", "投\uFFA0诉", "投ー诉", "投ｰ诉", "投〇诉"})
  void findsAChineseWordThroughSpacesPunctuationAndInvisibleCharacters(String disguised) {
    List<SensitiveMatch> found = FILTER.find("我要" + disguised + "你们");
    assertEquals(1, found.size(), found.toString());
    SensitiveMatch m = found.get(0);
    assertEquals("投诉", m.word());
    assertEquals("complaint", m.category());
    assertEquals(2, m.start());
    assertEquals(disguised, m.matched());
  }

  @ParameterizedTest
  @ValueSource(strings = {"CBIRC", "Cbirc", "ＣＢＩＲＣ", "ｃＢｉＲｃ", "C.B.I.R.C", "Ｃ Ｂ Ｉ Ｒ Ｃ", "Loan  Shark", "ＬＯＡＮ－ＳＨＡＲＫ"})
  void findsALatinWordInFullWidthFormsAndMixedCase(String disguised) {
    List<SensitiveMatch> found = FILTER.find("I will write to " + disguised + " today");
    assertEquals(1, found.size(), disguised + " → " + found);
    assertEquals(disguised, found.get(0).matched());
  }

  /**
   * Circled (ⓒ) and parenthesised (⒞) letters and Kangxi radicals (⾃) are symbols that NFKC reads as letters and
   * ideographs: they were dropped as separators before normalising. Cyrillic and Greek letters drawn like Latin ones
   * passed as another script's word, and so did Latin small capitals (ᴄᴏᴍᴘʟᴀɪɴ) and the dotless ı.
   */
  @ParameterizedTest
  @ValueSource(strings = {"I will ⓒⓞⓜⓟⓛⓐⓘⓝ now", "I will ⒞⒪⒨⒫⒧⒜⒤⒩ now", "I will c\u043Emplain now",
      "I will \u03F2omplain now", "I will \u0405UE you", "I will \u0455ue you", "to the med\u0456a",
      "I will \u0421\u041EMPLAIN", "我要\u2F83杀", "I will ᴄᴏᴍᴘʟᴀɪɴ now", "I will ꜱᴜᴇ you", "thoughts of suıcide",
      "a ʟᴏᴀɴ ꜱʜᴀʀᴋ"})
  void findsWordsWrittenWithSymbolsOrLettersOfAnotherScriptThatStandForThem(String text) {
    List<SensitiveMatch> found = FILTER.find(text);
    assertEquals(1, found.size(), text + " → " + found);
    assertTrue(text.contains(found.get(0).matched()), found.toString());
  }

  /** Traditional characters: 投訴, 舉報, 自殺 and 同歸於盡 passed as other words. */
  @ParameterizedTest
  @ValueSource(strings = {"我要投訴你們。投诉", "我要舉報。举报", "我想過自殺。自杀", "大不了同歸於盡。同归于尽", "他們都是騙子。骗子",
      "我要去報警。报警", "已經失聯了。失联", "徵信中心。"})
  void findsAWordWrittenInTraditionalCharacters(String textAndWord) {
    String text = textAndWord.substring(0, textAndWord.indexOf('。') + 1);
    String word = textAndWord.substring(text.length());
    List<SensitiveMatch> found = FILTER.find(text);
    if (word.isEmpty()) {
      assertEquals(List.of(), found, "a traditional character alone is no word");
    } else {
      assertEquals(List.of(word), found.stream().map(SensitiveMatch::word).toList(), text);
    }
  }

  /**
   * Japanese shinjitai, which differ from both the simplified and the traditional form, other variant forms, and
   * compatibility ideographs: 悪意, 挙報, 黒社会 and 自\uF970 (a compatibility 殺) had passed as other words, and so had
   * 赖帐 — as common as 赖账 in simplified text, 帐 being the older form of 账 — and 躱债 (躱, a variant of 躲).
   */
  @ParameterizedTest
  @ValueSource(strings = {"这是悪意拖欠。|恶意", "我要挙報你们。|举报", "我要擧報。|举报", "他们是黒社会。|黑社会",
      "大不了同帰於尽。|同归于尽", "暴力催収。|暴力催收", "我想過軽生。|轻生", "他是老頼。|老赖", "金融監管総局。|金融监管总局",
      "我要告妳們。|告你们", "我要找媒躰。|媒体", "这是髙利貸。|高利贷", "大不了仝归于尽。|同归于尽", "我想过自\uF970。|自杀",
      "我想去跳\uF94C。|跳楼", "我想过自\uD87E\uDCF5。|自杀", "这是\u2FBC利贷。|高利贷", "代理維権。|代理维权",
      "他想赖帐。|赖账", "我不会躱债。|躲债", "我不会躱債。|躲债"})
  void findsAWordWrittenInJapaneseOrOtherVariantForms(String textAndWord) {
    String text = textAndWord.substring(0, textAndWord.indexOf('|'));
    List<SensitiveMatch> found = FILTER.find(text);
    assertEquals(List.of(textAndWord.substring(text.length() + 1)), found.stream().map(SensitiveMatch::word).toList(), text);
    assertEquals("", FILTER.clean(text).text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Мы хотим платить вовремя.", "Η πληρωμή θα γίνει.", "№ 5 ™ ℃", "I will reply immediately.", "Multi\u0301media art.", "My mediator called.", "He was suspended.",
      "每月还款1,315.00元。"})
  void leavesLatinWordsInsideLongerWordsAlone(String text) {
    // "media" in "immediately"/"mediator", "sue" in "suspended"
    List<SensitiveMatch> found = FILTER.find(text);
    assertTrue(found.stream().noneMatch(m -> m.word().equals("media") || m.word().equals("sue")), found.toString());
  }

  /**
   * An English word made with a suffix that is no inflection is a word of its own: "I will threaten you",
   * "threatening letters", "suicidal thoughts" and "scammers" had passed, as "threat" + "en" is not "threat" inflected.
   */
  @ParameterizedTest
  @ValueSource(strings = {"I will threaten you.|threaten", "They sent threatening letters.|threaten",
      "They THREATENED me.|threaten", "She threatens us.|threaten", "I have suicidal thoughts.|suicidal",
      "Scammers everywhere.|scammer", "A scammer called.|scammer", "Threats again.|threat"})
  void findsEnglishWordsMadeWithASuffix(String textAndWord) {
    String text = textAndWord.substring(0, textAndWord.indexOf('|'));
    List<SensitiveMatch> found = FILTER.find(text);
    assertEquals(List.of(textAndWord.substring(text.length() + 1)), found.stream().map(SensitiveMatch::word).toList(), text);
    assertEquals("", FILTER.clean(text).text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"They sent threats.", "I was SUED.", "I will complain.", "Complaints were filed.",
      "It will be exposed.", "Scams everywhere."})
  void findsInflectedEnglishWords(String text) {
    assertEquals(1, FILTER.find(text).size(), text);
  }

  /** "I am suing you" and "I was scammed" went to the lender: the -ing of sue drops its e, scam doubles its m. */
  @ParameterizedTest
  @ValueSource(strings = {"I am suing you.|sue", "Stop exposing me.|expose", "I was SCAMMED.|scam",
      "You are scamming people.|scam"})
  void findsEnglishWordsInflectedWithTheirSpellingRules(String textAndWord) {
    String text = textAndWord.substring(0, textAndWord.indexOf('|'));
    List<SensitiveMatch> found = FILTER.find(text);
    assertEquals(List.of(textAndWord.substring(text.length() + 1)), found.stream().map(SensitiveMatch::word).toList(), text);
    assertEquals("", FILTER.clean(text).text());
  }

  /** The stems those rules read ("su", "expos", "scam") stay out of other words. */
  @ParameterizedTest
  @ValueSource(strings = {"I am pursuing a new job.", "They are issuing a card.", "The suit is ready.", "Suiting up.",
      "I had scampi.", "The scammony plant.", "Exposition hall.", "A sun is rising.", "Suing", "Scamper away."})
  void leavesTheStemsOfSpellingRulesAloneInOtherWords(String text) {
    List<SensitiveMatch> found = FILTER.find(text);
    if (text.equals("Suing")) {
      assertEquals(List.of("sue"), found.stream().map(SensitiveMatch::word).toList(), "the word alone is found");
    } else {
      assertEquals(List.of(), found, text);
    }
  }

  /**
   * Only the word's own final consonant doubled is an inflection: scam is found in scammed and scamming, not in scamped
   * or scamping (of scamp, a word of its own), where another consonant follows it (kills round-25 mutant S54, which
   * took any consonant there for the doubled one).
   */
  @ParameterizedTest
  @ValueSource(strings = {"He scamped the job.", "They were scamping it.", "SCAMPED"})
  void anotherConsonantAfterTheWordIsNoDoubledOne(String text) {
    assertEquals(List.of(), FILTER.find(text), text);
  }

  /**
   * English never doubles a final w, x or y before -ed or -ing (taxed, sawing, paying): a user's word ending in one is
   * not found in "taxxed" or "payyed", while its inflections are (kills round-50 mutant S15, which doubled x).
   */
  @ParameterizedTest
  @ValueSource(strings = {"tax|We were taxxed.|We were taxed.", "saw|It was sawwed.|It was sawing.",
      "pay|Nothing payyed.|Nothing paying."})
  void aFinalWXOrYIsNeverDoubled(String wordAndTexts) {
    String[] parts = wordAndTexts.split("\\|");
    SensitiveWordFilter filter = SensitiveWordFilter.builder().add(parts[0]).build();
    assertEquals(List.of(), filter.find(parts[1]), parts[1]);
    assertEquals(List.of(parts[0]), filter.find(parts[2]).stream().map(SensitiveMatch::word).toList(), parts[2]);
  }

  @Test
  void cleanRemovesOnlyTheSentencesThatHoldAWordAndReportsOffsetsInTheOriginal() {
    String note = "我去年失业了。再不停催我就去曝 光！现在找到了新工作，愿意分期还款。";
    CleanedText cleaned = FILTER.clean(note);
    assertEquals("我去年失业了。现在找到了新工作，愿意分期还款。", cleaned.text());
    assertEquals(List.of("停催", "曝光"), cleaned.findings().stream().map(SensitiveMatch::word).toList());
    for (SensitiveMatch m : cleaned.findings()) {
      assertEquals(m.matched(), note.substring(m.start(), m.end()));
    }
  }

  @Test
  void cleanRepeatsWhenRemovingASentenceJoinsTheHalvesOfAWord() {
    // removing the middle sentence (it holds 威胁) would join "投" and "诉" across the gap
    String note = "投。有人威胁我。诉";
    CleanedText cleaned = FILTER.clean(note);
    assertFalse(FILTER.containsAny(cleaned.text()), cleaned.text());
    assertTrue(cleaned.findings().stream().anyMatch(m -> m.word().equals("威胁")), cleaned.findings().toString());
  }

  @Test
  void aCleanTextIsReturnedUnchanged() {
    String note = "家人住院，医疗费用较大，我愿意先还首付3,000.00元。";
    CleanedText cleaned = FILTER.clean(note);
    assertEquals(note, cleaned.text());
    assertFalse(cleaned.changed());
  }

  @Test
  void userWordsAreAddedToTheShippedLexicon() {
    SensitiveWordFilter f = SensitiveWordFilter.builder().addDefaults().add("代 还").add("debt-relief", List.of("Debt Doctor")).build();
    assertEquals("custom", f.find("找人代还").get(0).category());
    assertEquals("debt-relief", f.find("my ＤＥＢＴ　ｄｏｃｔｏｒ said").get(0).category());
    assertEquals("complaint", f.find("投诉").get(0).category());
    assertTrue(f.words().size() == FILTER.words().size() + 2, f.words().toString());
    assertFalse(FILTER.containsAny("找人代还"), "the defaults are not changed by a builder");
  }

  @Test
  void loadsALexiconFileAndNamesTheLineOfABadEntry(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("words.txt");
    Files.writeString(good, "# mine\n[agency]\n上岸专家\n\n[custom]\nsettle fast\n", StandardCharsets.UTF_8);
    SensitiveWordFilter f = SensitiveWordFilter.builder().load(good).build();
    assertEquals(List.of("上岸专家", "settle fast"), f.words());
    assertEquals("agency", f.find("上 岸 专 家").get(0).category());

    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "[agency\n上岸\n!!!\n", StandardCharsets.UTF_8);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> SensitiveWordFilter.builder().load(bad).build());
    assertEquals(2, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(0).location().endsWith("bad.txt:1"), e.problems().toString());
    assertTrue(e.problems().get(1).location().endsWith("bad.txt:3"), e.problems().toString());
  }

  @Test
  void anEmptyLexiconOrAMissingFileIsRejected(@TempDir Path dir) {
    assertThrows(InvalidInputException.class, () -> SensitiveWordFilter.builder().build());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> SensitiveWordFilter.builder().load(dir.resolve("absent.txt")));
    assertTrue(e.getMessage().contains("absent.txt"), e.getMessage());
  }

  /** Notepad's UTF-8 has a byte-order mark: "[threat]" had become a word of the lexicon, and 曝光 fell in "custom". */
  @Test
  void aLexiconFileWithAByteOrderMarkKeepsItsFirstCategory(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bom.txt");
    Files.write(file, ("\uFEFF[threat]\n曝光\n").getBytes(StandardCharsets.UTF_8));
    SensitiveWordFilter f = SensitiveWordFilter.builder().load(file).build();
    assertEquals(List.of("曝光"), f.words());
    assertEquals("threat", f.find("我要曝光").get(0).category());
    assertTrue(f.find("a threat").isEmpty());
  }

  /** A lexicon saved as GBK had been told "cannot read the lexicon: Input length = 1"; a missing one named the file twice. */
  @Test
  void aLexiconThatIsNotUtf8IsRefusedWithItsLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gbk.txt");
    byte[] head = "[threat]\n曝光\n".getBytes(StandardCharsets.UTF_8);
    byte[] gbk = "投诉\n".getBytes(java.nio.charset.Charset.forName("GBK"));
    byte[] all = java.util.Arrays.copyOf(head, head.length + gbk.length);
    System.arraycopy(gbk, 0, all, head.length, gbk.length);
    Files.write(file, all);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> SensitiveWordFilter.builder().load(file));
    assertEquals(List.of(io.github.fenqi.core.Problem.of(file + ":3", "is not UTF-8 text (save the lexicon as UTF-8, or "
        + "convert it, e.g. iconv -f GBK -t UTF-8)")), e.problems());
    InvalidInputException absent = assertThrows(InvalidInputException.class,
        () -> SensitiveWordFilter.builder().load(dir.resolve("absent.txt")));
    assertEquals(List.of(io.github.fenqi.core.Problem.of(dir.resolve("absent.txt").toString(), "no such file")),
        absent.problems());
  }

  /** "[ ]" had put the words under it in the category "", which add() refuses; a null word had been an NPE "word". */
  @Test
  void aBlankCategoryHeaderOrANullWordIsNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("blank.txt");
    Files.writeString(file, "[ ]\n曝光\n[]\n", StandardCharsets.UTF_8);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> SensitiveWordFilter.builder().load(file).build());
    assertEquals(List.of(file + ":1", file + ":3"), e.problems().stream().map(io.github.fenqi.core.Problem::location).toList());
    assertEquals("'[ ]' is not a [category] line", e.problems().get(0).reason());
    InvalidInputException nullWord = assertThrows(InvalidInputException.class,
        () -> SensitiveWordFilter.builder().add("mine", java.util.Arrays.asList("曝光", null)).build());
    assertEquals(List.of(io.github.fenqi.core.Problem.of("words[1]", "is null")), nullWord.problems());
  }

  /**
   * What borrowers write about their hardship, holding a lexicon word without meaning it (Chinese has no spaces between
   * words, and words are matched across punctuation): each of these sentences had been removed from the note, and with
   * it what a lender most wants to read (not in bad faith, willing to repay, the employer who ran off with the wages),
   * in simplified or traditional characters.
   */
  @ParameterizedTest
  @ValueSource(strings = {"我并非恶意逾期，希望贵方理解。", "我不是恶意拖欠。", "我不是不想还，实在是还不上。",
      "我不是老赖，只是暂时困难。", "公司老板跑路了，工资一直没发。", "我绝不会跑路。", "手机丢失，联系方式变了。",
      "我没有失联，一直保持联系。", "希望能减轻生活压力。", "我还年轻，生活刚起步。", "我在一家媒体公司工作，公司裁员了。",
      "我並非惡意逾期。", "公司老闆跑路了。", "我沒有失聯。", "希望能減輕生活壓力。"})
  void leavesHardshipSentencesThatHoldAWordWithoutMeaningItAlone(String text) {
    assertEquals(List.of(), FILTER.find(text));
    assertEquals(text, FILTER.clean(text).text());
  }

  /**
   * A fire-sale price, 跳楼价, is what a failed business sells its stock at, and 多媒体 is multimedia, a trade: a note
   * saying "店里的货按跳楼价清仓" or "我是做多媒体设计的" had lost that sentence, as a threat of self-harm (跳楼) or of going
   * to the media (媒体). Either word meant is still found.
   */
  @ParameterizedTest
  @ValueSource(strings = {"生意失败，店里的货按跳楼价清仓也还是亏本。", "我是做多媒体设计的，项目停了。", "商場跳樓價甩賣。"})
  void leavesAFireSalePriceAndMultimediaWorkAlone(String text) {
    assertEquals(List.of(), FILTER.find(text));
    assertEquals(text, FILTER.clean(text).text());
    assertEquals("跳楼", FILTER.find("我想跳楼。").get(0).word());
    assertEquals("媒体", FILTER.find("我要找媒体。").get(0).word());
  }

  /**
   * An insult of the lender or its staff is hostile, as a threat is: "你们这帮吸血鬼" had been quoted in the script to the
   * lender. A card of Standard Chartered (个人渣打银行) and sick livestock (家畜生病) are not insults.
   */
  @ParameterizedTest
  @ValueSource(strings = {"你们这帮吸血鬼。|吸血鬼", "催收员是王八蛋！|王八蛋", "你们这些混蛋。|混蛋", "傻 逼客服。|傻逼",
      "你们都是人渣。|人渣", "畜生不如。|畜生", "你們這幫吸血鬼。|吸血鬼"})
  void findsAnInsultOfTheLenderOrItsStaff(String textAndWord) {
    String[] parts = textAndWord.split("\\|");
    assertEquals(parts[1], FILTER.find(parts[0]).get(0).word(), parts[0]);
    assertEquals("家里的家畜生病死了，收入断了。", FILTER.clean("家里的家畜生病死了，收入断了。").text());
    assertEquals(List.of(), FILTER.find("我有一张个人渣打银行的信用卡。"));
    assertEquals(List.of(), FILTER.find("我靠捡垃圾为生。"));
  }

  /** An exception only covers the word inside it: the same words meant, next to an exception or not, are found. */
  @ParameterizedTest
  @ValueSource(strings = {"我想轻生，活着太累。|轻生", "我就是恶意不还。|恶意", "我不想还了。|不想还", "我要跑路了。|跑路",
      "我已经失联了。|失联", "你们是骗子。|骗子", "I will scam you.|scam", "我并非恶意逾期，但我不想还了。|不想还",
      "老板跑路了，我也跑路。|跑路", "我要找媒体曝光。|媒体"})
  void findsTheWordsAnExceptionHoldsWhereTheyAreMeant(String textAndWord) {
    String[] parts = textAndWord.split("\\|");
    assertEquals(parts[1], FILTER.find(parts[0]).get(0).word(), parts[0]);
  }

  @Test
  void exceptionsAreAddedAndLoadedLikeWords(@TempDir Path dir) throws Exception {
    SensitiveWordFilter added = SensitiveWordFilter.builder().add("代还")
        .add(SensitiveWordFilter.EXCEPTIONS, List.of("不找人代还")).build();
    assertEquals(List.of("不找人代还"), added.exceptions());
    assertTrue(added.find("我不找人 代 还。").isEmpty());
    assertEquals("代还", added.find("我找人代还。").get(0).word());

    Path file = dir.resolve("words.txt");
    Files.writeString(file, "[agency]\n代还\n[exceptions]\n不找人代还\n", StandardCharsets.UTF_8);
    SensitiveWordFilter loaded = SensitiveWordFilter.builder().load(file).build();
    assertEquals(List.of("代还"), loaded.words());
    assertTrue(loaded.find("我不找人代还").isEmpty());
  }

  /** An exception holding no word would except nothing, one that is a word would keep it from ever being found. */
  @Test
  void anExceptionThatHoldsNoWordOrIsOneIsNamedWithItsLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("words.txt");
    Files.writeString(file, "[agency]\n代还\n[exceptions]\n不找人\n代 还\n", StandardCharsets.UTF_8);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> SensitiveWordFilter.builder().load(file).build());
    assertEquals(List.of(
        io.github.fenqi.core.Problem.of(file + ":4", "the exception '不找人' holds no word of the lexicon: an exception "
            + "is a phrase in which a word is not found"),
        io.github.fenqi.core.Problem.of(file + ":5", "the exception '代 还' is the lexicon word '代还', which would never "
            + "be found")), e.problems());
  }

  /**
   * What a lexicon file holds is quoted in its errors as core quotes a value from outside ({@link
   * io.github.fenqi.core.Problem#excerpt}): a word with nothing to match, an exception holding no word and one that is a
   * word had been quoted raw, a line separator in them beginning a forged line of a log, and ones of 10 000 characters
   * whole.
   */
  @Test
  void whatALexiconFileHoldsIsQuotedInItsErrorsAsAValueFromOutside(@TempDir Path dir) throws Exception {
    String noWord = "!!\u2028!!";
    String longNoWord = "-".repeat(10_000);
    String exception = "不找人\u2028了";
    String longException = "不".repeat(10_000);
    String isAWord = "代\u2028还";
    Path file = dir.resolve("words.txt");
    Files.writeString(file, String.join("\n", "[agency]", "代\u2029还", noWord, longNoWord, "[exceptions]", exception,
        longException, isAWord, ""), StandardCharsets.UTF_8);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> SensitiveWordFilter.builder().load(file).build());
    java.util.function.UnaryOperator<String> q = io.github.fenqi.core.Problem::excerpt;
    assertEquals(List.of(
        io.github.fenqi.core.Problem.of(file + ":3", "'" + q.apply(noWord) + "' has no letters, ideographs or digits to "
            + "match"),
        io.github.fenqi.core.Problem.of(file + ":4", "'" + q.apply(longNoWord) + "' has no letters, ideographs or digits "
            + "to match"),
        io.github.fenqi.core.Problem.of(file + ":6", "the exception '" + q.apply(exception) + "' holds no word of the "
            + "lexicon: an exception is a phrase in which a word is not found"),
        io.github.fenqi.core.Problem.of(file + ":7", "the exception '" + q.apply(longException) + "' holds no word of "
            + "the lexicon: an exception is a phrase in which a word is not found"),
        io.github.fenqi.core.Problem.of(file + ":8", "the exception '" + q.apply(isAWord) + "' is the lexicon word '"
            + q.apply("代\u2029还") + "', which would never be found")),
        e.problems().stream().sorted(java.util.Comparator.comparing(io.github.fenqi.core.Problem::location)).toList());
  }

  /**
   * After a word, -es is an inflection as -s is ("harasses"); a suffix that is none, such as -er, makes a word of its own,
   * which the lexicon lists when it means it (as it lists scammer beside scam).
   */
  @ParameterizedTest
  @ValueSource(strings = {"She harasses me.|harass", "He harassed me.|harass", "The harasser left.|"})
  void findsAWordInflectedWithEsButNotWithAnotherSuffix(String textAndWord) {
    String text = textAndWord.substring(0, textAndWord.indexOf('|'));
    String word = textAndWord.substring(text.length() + 1);
    SensitiveWordFilter f = SensitiveWordFilter.builder().add("harass").build();
    assertEquals(word.isEmpty() ? List.of() : List.of(word), f.find(text).stream().map(SensitiveMatch::word).toList(), text);
  }

  /** A digit touching a Latin word makes it part of a longer one, as a letter does; a space between keeps it a word. */
  @ParameterizedTest
  @ValueSource(strings = {"media2", "2media", "SUE2", "2sue", "media 2", "2 sue"})
  void aDigitTouchingALatinWordIsPartOfALongerWord(String text) {
    assertEquals(text.contains(" ") ? 1 : 0, FILTER.find(text).size(), text);
  }

  /** Occurrences come by start then end, where a word found inside a longer one ends first. */
  @Test
  void findListsTheOccurrencesByStart() {
    SensitiveWordFilter f = SensitiveWordFilter.builder().addDefaults().add("要投诉你").build();
    List<SensitiveMatch> found = f.find("我要投诉你");
    assertEquals(List.of("要投诉你", "投诉"), found.stream().map(SensitiveMatch::word).toList());
    assertEquals(List.of(1, 2), found.stream().map(SensitiveMatch::start).toList());
  }

  /** An exception that holds its word twice excepts both of its occurrences, not only the first. */
  @Test
  void anExceptionExceptsEachOccurrenceOfTheWordItHolds() {
    SensitiveWordFilter f = SensitiveWordFilter.builder().add("媒体")
        .add(SensitiveWordFilter.EXCEPTIONS, List.of("多媒体和新媒体")).build();
    assertEquals(List.of(), f.find("我做多媒体和新媒体设计"));
    assertEquals(List.of(3, 6), f.find("我做多媒体和媒体设计").stream().map(SensitiveMatch::start).toList());
  }

  /**
   * A word added twice in two spellings of one skeleton is the first one, with its category, as {@code Builder} says; a
   * category header's name is read without the blanks inside its brackets.
   */
  @Test
  void theFirstOfTwoSpellingsOfAWordIsKeptAndACategorysNameIsStripped(@TempDir Path dir) throws Exception {
    SensitiveWordFilter f = SensitiveWordFilter.builder().add("complaint", List.of("投诉")).add("other", List.of("投 诉"))
        .build();
    assertEquals(List.of("投诉"), f.words());
    assertEquals("complaint", f.find("投  诉").get(0).category());
    Path file = dir.resolve("words.txt");
    Files.writeString(file, "[ agency ]\n代还\n", StandardCharsets.UTF_8);
    assertEquals("agency", SensitiveWordFilter.builder().load(file).build().find("代还").get(0).category());
  }
}
