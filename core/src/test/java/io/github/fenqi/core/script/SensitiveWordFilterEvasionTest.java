package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three evasions left alone in session 60 — a letter of another script drawn like a Latin one (`sսe`, an Armenian
 * ս), an adverb of a listed word (`suicidally`) and the numeral 一 between the characters of a word (`投一诉`) — and
 * the ordinary text each rule must leave alone.
 */
class SensitiveWordFilterEvasionTest {
  private static final SensitiveWordFilter FILTER = SensitiveWordFilter.defaults();

  /**
   * Letters of Unicode's confusables.txt (its prototype for each, as listed there) from the Latin, Greek, Coptic,
   * Cyrillic, Armenian, Cherokee, Lisu and Canadian syllabics scripts whose prototype is an ASCII letter's: {@code l}
   * (a capital I's too), {@code rn} (m's) and {@code vv} (w's), or a letter the filter reads as one ({@code ʟ},
   * {@code ȷ}). Kept here apart from the filter's table, which must read each as that letter.
   */
  private static final String CONFUSABLES =
      "ɑ,a α,a а,a ᴀ,A Α,A А,A Ꭺ,A ᗅ,A ꓮ,A Ƅ,b Ь,b Ꮟ,b ᖯ,b Β,B В,B Ᏼ,B ᗷ,B ꓐ,B Ꞵ,B ᴄ,c ⲥ,c с,c Ⲥ,C С,C "
      + "Ꮯ,C ꓚ,C ԁ,d Ꮷ,d ᑯ,d ꓒ,d Ꭰ,D ᗞ,D ᗪ,D ꓓ,D ꬲ,e е,e ҽ,e Ε,E Е,E Ꭼ,E ꓰ,E ꬵ,f ꞙ,f ẝ,f ք,f Ꞙ,F Ϝ,F ᖴ,F "
      + "ꓝ,F ɡ,g ᶃ,g ƍ,g ց,g Ԍ,G Ꮐ,G Ᏻ,G ꓖ,G һ,h հ,h Ꮒ,h Η,H Ⲏ,H Н,H Ꮋ,H ᕼ,H ꓧ,H ı,i ɪ,i ɩ,i ι,i і,i ꙇ,i "
      + "Ꭵ,i ϳ,j ј,j Ϳ,J Ј,J Ꭻ,J ᒍ,J ꓙ,J Ʝ,J յ,ȷ ᴋ,k ĸ,k κ,k ⲕ,k к,k Κ,K Ⲕ,K К,K Ꮶ,K ꓗ,K Ɩ,l ǀ,l Ι,l Ⲓ,l "
      + "І,l Ӏ,l ꓲ,l Ⳑ,L Ꮮ,L ᒪ,L ꓡ,L ⳑ,ʟ Μ,M Ϻ,M Ⲙ,M М,M Ꮇ,M ᗰ,M ꓟ,M ᴍ,rn ꭑ,rn ʍ,rn м,rn π,n ᴨ,n п,n ո,n "
      + "ռ,n Ν,N Ⲛ,N ꓠ,N ᴏ,o ᴑ,o ꬽ,o ο,o σ,o ⲟ,o о,o օ,o Ο,O Ⲟ,O О,O Օ,O ꓳ,O ρ,p ⲣ,p р,p Ρ,P Ⲣ,P Р,P Ꮲ,P "
      + "ᑭ,P ꓑ,P ԛ,q գ,q զ,q ꭇ,r ꭈ,r ᴦ,r ⲅ,r г,r Ʀ,R Ꭱ,R Ꮢ,R ᖇ,R ꓣ,R ꜱ,s ƽ,s ѕ,s Ѕ,S Տ,S Ꮥ,S Ꮪ,S ꓢ,S ᴛ,t "
      + "τ,t т,t Τ,T Ⲧ,T Т,T Ꭲ,T ꓔ,T ꞟ,u ᴜ,u ꭎ,u ꭒ,u ʋ,u υ,u ц,u ս,u Ս,U ᑌ,U ꓴ,U ᴠ,v ν,v ѵ,v Ѵ,V Ꮩ,V ᐯ,V "
      + "ꓦ,V ɯ,vv ᴡ,vv ѡ,vv ԝ,vv ա,vv Ԝ,W Ꮃ,W Ꮤ,W ꓪ,W х,x ᕁ,x ᕽ,x Χ,X Ⲭ,X Х,X ꓫ,X Ꭓ,X ɣ,y ᶌ,y ʏ,y ỿ,y "
      + "ꭚ,y γ,y у,y ү,y Υ,Y Ⲩ,Y Ү,Y Ꭹ,Y Ꮍ,Y ꓬ,Y ᴢ,z Ζ,Z Ꮓ,Z ꓜ,Z ";

  /** The Latin letter a confusables row stands for: a capital drawn like l is an I. */
  private static char latin(String source, String prototype) {
    return switch (prototype) {
      case "rn" -> 'm';
      case "vv" -> 'w';
      case "ʟ" -> 'l';
      case "ȷ" -> 'j';
      case "l" -> Character.isUpperCase(source.codePointAt(0)) ? 'i' : 'l';
      default -> Character.toLowerCase(prototype.charAt(0));
    };
  }

  /**
   * Every listed look-alike stands for its letter inside a word: `sսe` (Armenian ս) and the other letters of
   * Armenian, Cherokee and Lisu drawn like Latin ones had passed. The word is the alphabet, so each letter is tried.
   */
  @Test
  void everyConfusableOfALatinLetterReadsAsThatLetter() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz";
    SensitiveWordFilter letters = SensitiveWordFilter.builder().add(alphabet).build();
    List<String> missed = new ArrayList<>();
    for (String row : CONFUSABLES.trim().split(" ")) {
      String[] sourceAndPrototype = row.split(",");
      char c = latin(sourceAndPrototype[0], sourceAndPrototype[1]);
      String text = "x " + alphabet.replace(String.valueOf(c), sourceAndPrototype[0]) + " y";
      if (letters.find(text).size() != 1) {
        missed.add(row);
      }
    }
    assertEquals(List.of(), missed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"I will sսe you|sue", "I will ՏՍE you|sue", "I will ᏚUᎬ you|sue", "a ꮪꮯꭺꮇ call|scam",
      "I will ꓢꓴꓰ you|sue", "I will ᏚᑌE you|sue", "a loaп shark|loan shark", "a ꜱcaм|scam", "a тhreat|threat",
      "I will 𝐬𝐮𝐞 you|sue", "thoughts of ѕսiсidе|suicide", "ТНREAT|threat", "I will ՏUІNG them|sue"})
  void findsALatinWordWrittenWithConfusablesOfOtherScripts(String textAndWord) {
    assertFoundAndCleaned(textAndWord);
  }

  /** Russian and Greek sentences are no English words, however many of their letters look Latin. */
  @ParameterizedTest
  @ValueSource(strings = {"Мы будем платить каждый месяц.", "Суета и спешка.", "Я потерял работу.",
      "Θα πληρώσω τον επόμενο μήνα.", "Ոչ մի խնդիր։", "Սուրբ Սարգիս", "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ"})
  void leavesSentencesOfOtherScriptsAlone(String text) {
    assertEquals(List.of(), FILTER.find(text), text);
  }

  /**
   * An adverb of a listed word, or of its inflection, is that word: "suicidally" (of suicidal) and "threateningly"
   * had passed, as -ly was no inflection.
   */
  @ParameterizedTest
  @ValueSource(strings = {"I feel suicidally low.|suicidal", "He spoke threateningly.|threaten",
      "SUICIDALLY|suicidal", "They looked at me threateningly|threaten", "a threatenedly cold voice|threaten"})
  void findsAnAdverbOfAListedWord(String textAndWord) {
    assertFoundAndCleaned(textAndWord);
  }

  /** English words that hold a listed word with other letters around it, -ly and -al among them. */
  @ParameterizedTest
  @ValueSource(strings = {"usually", "casually", "visually", "medially", "medial", "immediately", "mediately",
      "suavely", "exposure", "mediaeval", "scampishly", "residually", "pursuing", "issued", "tissue", "suet", "suede",
      "sueding", "complainant", "mediators", "threatful", "suicidology", "lawsuitless", "Tuesday", "exposition"})
  void leavesOrdinaryEnglishWordsAlone(String word) {
    String text = "I wrote " + word + " and " + word.toUpperCase(java.util.Locale.ROOT) + ".";
    assertEquals(List.of(), FILTER.find(text), text);
  }

  /**
   * The numeral 一, drawn as a dash, between two ideographs of a word: 投一诉 and 暴力一催收 had passed. One 一 between
   * any two of a word's ideographs is read away, spaced or not; in a shipped exception too (老板跑一路 is 老板跑路).
   */
  @ParameterizedTest
  @ValueSource(strings = {"我要投一诉你们|投诉", "我要投 一 诉|投诉", "我要举一报|举报", "这是暴力一催收|暴力催收",
      "我想自一杀|自杀", "大不了同归于一尽|同归于尽", "我要去报一警|报警", "我要投一訴|投诉", "金融监管一总局|金融监管总局",
      "我要起诉一你们|起诉你们", "我要投诉一下|投诉", "统一投诉|投诉"})
  void findsAChineseWordWithTheNumeralOneInsertedBetweenItsIdeographs(String textAndWord) {
    assertFoundAndCleaned(textAndWord);
  }

  /** The text before {@code |} holds exactly the word after it, and cleaning it as a sentence leaves nothing. */
  private static void assertFoundAndCleaned(String textAndWord) {
    String text = textAndWord.substring(0, textAndWord.indexOf('|'));
    List<SensitiveMatch> found = FILTER.find(text);
    assertEquals(List.of(textAndWord.substring(text.length() + 1)), found.stream().map(SensitiveMatch::word).toList(),
        text);
    assertEquals("", FILTER.clean(text + "\n").text(), text);
  }

  /**
   * An exception holds the word with 一 in it as it holds the word: 老板跑一路了 is 老板跑路了, and 跑一路 (running a
   * bus route, or all the way), an ordinary phrase, is a shipped exception of its own.
   */
  @ParameterizedTest
  @ValueSource(strings = {"公司老板跑一路了，工资没发。", "我跑一路公交，收入不高。", "我跑一路都没停下来。",
      "我不会跑一路的。", "我会报告你们经理。"})
  void anExceptionHoldsTheWordWithTheNumeralInIt(String text) {
    assertEquals(List.of(), FILTER.find(text), text);
  }

  @Test
  void aLexiconOfTheCallerHasItsWordsFoundWithTheNumeralInsertedToo() {
    SensitiveWordFilter custom = SensitiveWordFilter.builder().add("催债", "一次性").add(SensitiveWordFilter.EXCEPTIONS,
        List.of("催债务")).build();
    assertEquals(List.of("催债"), custom.find("不要催一债").stream().map(SensitiveMatch::word).toList());
    assertEquals(List.of(), custom.find("催一债务"));
    assertEquals(List.of("一次性"), custom.find("一次性还清").stream().map(SensitiveMatch::word).toList());
    assertEquals(List.of("一次性"), custom.find("一次一性").stream().map(SensitiveMatch::word).toList());
  }

  /**
   * A word that holds 一 is found with another put beside it (统一一战线), once, and a word that is another with 一 put
   * in is found as itself alone. 一 between an ideograph and a Latin letter is no insertion: QQ一群 is a chat group's
   * name (group one), not the word QQ群 disguised.
   */
  @Test
  void theNumeralIsPutInBetweenIdeographsOnlyAndAWordIsFoundOnce() {
    SensitiveWordFilter custom = SensitiveWordFilter.builder().add("统一战线", "QQ群", "催债", "催一债").build();
    assertEquals(List.of("统一战线"), custom.find("统一一战线").stream().map(SensitiveMatch::word).toList());
    assertEquals(List.of("催一债"), custom.find("别催一债").stream().map(SensitiveMatch::word).toList());
    assertEquals(List.of(), custom.find("加了QQ一群"));
    assertEquals(List.of("QQ群"), custom.find("加了QQ 群").stream().map(SensitiveMatch::word).toList());
  }

  /** A caller's long word is found as written, without 一 put in: one of 10 000 ideographs had filled the heap. */
  @Test
  void aLongWordHasNoFormsWithTheNumeral() {
    String longest = "催".repeat(SensitiveWordFilter.LONGEST_WITH_ONE);
    String longer = "债".repeat(10_000);
    SensitiveWordFilter custom = SensitiveWordFilter.builder().add(longest, longer).build();
    String withOne = longest.substring(0, 5) + "一" + longest.substring(5);
    assertEquals(List.of(longest), custom.find(withOne).stream().map(SensitiveMatch::word).toList());
    assertEquals(List.of(), custom.find(longer.substring(0, 5) + "一" + longer.substring(5)));
    assertEquals(List.of(longer), custom.find("我" + longer).stream().map(SensitiveMatch::word).toList());
  }

  @Test
  void ordinarySentencesWithTheNumeralOneAreLeftAlone() {
    List<String> hits = new ArrayList<>();
    for (String s : OrdinaryChinese.SENTENCES) {
      if (FILTER.containsAny(s)) {
        hits.add(s + " → " + FILTER.find(s));
      }
    }
    assertEquals(List.of(), hits);
    assertTrue(OrdinaryChinese.SENTENCES.size() >= 200, "too few sentences to mean anything");
    assertFalse(OrdinaryChinese.SENTENCES.stream().filter(s -> s.contains("一")).count() < 150);
  }
}
