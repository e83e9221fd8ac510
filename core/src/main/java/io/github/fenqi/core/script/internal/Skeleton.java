package io.github.fenqi.core.script.internal;

import java.text.Normalizer;

/**
 * The matching form of a text: NFKD-normalised (compatibility decomposition, so a letter with a diacritic is its base
 * letter once the marks are dropped), lower-cased, with every separator removed (white space, punctuation, symbols,
 * control and format characters such as zero-width spaces and joiners, combining marks), with Cyrillic and Greek
 * letters drawn like Latin ones, and Latin small capitals, read as those Latin letters and traditional, Japanese and
 * other variant forms of the shipped lexicon's ideographs as their simplified forms ({@link #VARIANTS}), and for each
 * of its characters the range of the original text it came from. Matching a word on the skeleton finds it however it was spaced out, punctuated, written in full-width forms or mixed case; the offset map
 * leads back to the original characters.
 *
 * <p>Digits are kept (they are not separators). Normalisation is per code point, which is enough because
 * combining marks are dropped anyway.
 *
 * <p>Thread-safety: immutable once built.
 */
public final class Skeleton {
  private final char[] chars;
  private final int[] start;
  private final int[] end;
  private final int length;

  private Skeleton(char[] chars, int[] start, int[] end, int length) {
    this.chars = chars;
    this.start = start;
    this.end = end;
    this.length = length;
  }

  /** The skeleton of {@code text}. */
  public static Skeleton of(CharSequence text) {
    int n = text.length();
    char[] chars = new char[n + 8];
    int[] start = new int[n + 8];
    int[] end = new int[n + 8];
    int k = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int cp;
      int width = 1;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        cp = Character.toCodePoint(c, text.charAt(i + 1));
        width = 2;
      } else {
        cp = c;
      }
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        cp -= 0xFEE0; // full-width ASCII: the NFKD result, without the normaliser
      }
      cp = latinLookAlike(cp);
      if (cp < 0x80 || (cp >= 0x4E00 && cp <= 0x9FFF)) {
        // ASCII letters and digits (lower-cased) and CJK unified ideographs (NFKD-stable, never separators)
        if (cp >= 'A' && cp <= 'Z') {
          cp += 'a' - 'A';
        } else if (cp >= 0x4E00) {
          cp = simplified(cp);
        }
        if (cp >= 0x4E00 || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
          if (k == chars.length) {
            chars = grow(chars);
            start = grow(start);
            end = grow(end);
          }
          chars[k] = (char) cp;
          start[k] = i;
          end[k] = i + width;
          k++;
        }
      } else {
        String original = new String(Character.toChars(cp));
        // NFKD, not NFKC: the decomposition's combining marks are dropped below, so a precomposed ö or ć reads as o
        // or c as its decomposed form o + U+0308 does; under NFKC "cömplain" had passed while "co\u0308mplain" was
        // found
        String normal = Normalizer.normalize(original, Normalizer.Form.NFKD);
        if (isSeparator(cp) && normal.equals(original)) {
          if (k > 0 && end[k - 1] == i && isMark(cp)) {
            // a combining mark belongs to the letter before it, as the mark of a precomposed letter does: o + U+0308
            // and ö end at the same place, so "complain" is no more a word of its own in "complaiǹt" (n + U+0300)
            // than in the precomposed form
            end[k - 1] = i + width;
          }
          i += width;
          continue;
        }
        // decomposed before the separators go: a circled letter (ⓒ), a parenthesised one (⒞) or a Kangxi radical
        // (⾃) is a symbol, and had been dropped as one instead of read as the letter or ideograph it stands for
        for (int j = 0; j < normal.length(); ) {
          int raw = normal.codePointAt(j);
          j += Character.charCount(raw);
          int ncp = latinLookAlike(Character.toLowerCase(latinLookAlike(raw)));
          if (ncp >= 0x4E00 && ncp <= 0x9FFF) {
            ncp = simplified(ncp); // 自\uF970 (a compatibility 殺) had passed: it decomposes to the traditional form
          }
          if (isSeparator(ncp)) {
            continue;
          }
          char[] units = Character.toChars(ncp);
          for (char u : units) {
            if (k == chars.length) {
              chars = grow(chars);
              start = grow(start);
              end = grow(end);
            }
            chars[k] = u;
            start[k] = i;
            end[k] = i + width;
            k++;
          }
        }
      }
      i += width;
    }
    return new Skeleton(chars, start, end, k);
  }

  /**
   * Cyrillic and Greek letters drawn like Latin ones (upper case as the upper-case Latin letter looks, lower case as
   * the lower-case one), each with the lower-case Latin letter it imitates: {@code соmplain} with a Cyrillic о, or
   * {@code ЅUЕ}, had passed as a word of another script. So do the Latin small capitals and the dotless i and j, which
   * no normalisation relates to the letters they are ({@code ᴄᴏᴍᴘʟᴀɪɴ}, the "small caps" of fancy-text generators, and
   * {@code suıcide} had passed). Pairs: look-alike, Latin.
   */
  private static final String LOOK_ALIKES = "АaВbЕeЅsІiЈjКkМmНhОoРpСcТtХxҮyԌgԚqԜw"
      + "аaеeѕsіiјjһhоoрpсcуyхxԁdԛqԝwӏl"
      + "ΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧx" + "οoαaνvιiκkρpυuχxϲcϳj"
      + "ᴀaʙbᴄcᴅdᴇeꜰfɢgʜhɪiᴊjᴋkʟlᴍmɴnᴏoᴘpꞯqʀrꜱsᴛtᴜuᴠvᴡwʏyᴢz" + "ıiȷj";

  /**
   * The other letters of Unicode's confusables ({@code confusables.txt}, UTS #39) whose prototype is an ASCII letter's,
   * from the scripts a Latin word is disguised in — Latin, Greek, Coptic, Cyrillic, Armenian, Cherokee, Lisu, Canadian
   * syllabics — and in the Basic Multilingual Plane: {@code sսe} with an Armenian ս, {@code ᏚᑌᎬ} in Cherokee and
   * Canadian syllabics, {@code ꓢꓴꓰ} in Lisu had passed, the list of look-alikes above being one letter at a time. A
   * prototype {@code l} is an I when the letter is a capital (Ӏ, Ⲓ), {@code rn} is m and {@code vv} is w, as they are
   * the ASCII letters' prototypes. Letters that normalisation (NFKD) already reads as ASCII ones — the mathematical
   * alphanumerics 𝐬𝐮𝐞, full-width, circled and letterlike forms — are left to it; Hebrew, Arabic and the Indic scripts'
   * letters and digits drawn like o or l are not read as Latin. The letters of the Cherokee supplement (ꮪꮜꭼ, small
   * capitals of the Cherokee capitals) read as their capitals do. Pairs: look-alike, Latin.
   */
  private static final String CONFUSABLES = "ɑaᎪaᗅaꓮaƄbЬbᏏbᖯbᏴbᗷbꓐbꞴbⲥcⲤcᏟcꓚcᏧdᑯdꓒdᎠdᗞdᗪdꓓdꬲeҽeᎬeꓰeꬵfꞙfẝf"
      + "քfꞘfϜfᖴfꓝfɡgᶃgƍgցgᏀg"
      + "ᏳgꓖgհhᏂhⲎhᎻhᕼhꓧhɩiꙇiᎥiƖiⲒiӀiͿjᎫjᒍjꓙjꞲjյjĸkⲕkкkⲔkᏦkꓗkǀlꓲlⳐlᏞlᒪlꓡlⳑlϺmⲘmᎷmᗰmꓟmꭑmʍm"
      + "мmπnᴨnпnոnռnⲚnꓠnᴑoꬽoσoⲟoօoⲞoՕoꓳoⲣpⲢpᏢpᑭpꓑpգqզqꭇrꭈrᴦrⲅrгrƦrᎡrᏒrᖇrꓣrƽsՏsᏕsᏚsꓢsτtтt"
      + "ⲦtᎢtꓔtꞟuꭎuꭒuʋuцuսuՍuᑌuꓴuѵvѴvᏙvᐯvꓦvɯwѡwաwᎳwᏔwꓪwᕁxᕽxⲬxꓫxꞳxɣyᶌyỿyꭚyγyүyⲨyᎩyᎽyꓬyᏃzꓜz";
  private static final Replacements LATIN = new Replacements(LOOK_ALIKES + CONFUSABLES);

  /** The Latin letter a look-alike imitates, else {@code cp}. */
  static int latinLookAlike(int cp) {
    if (cp < 0x0131 || (cp >= 0x4E00 && cp <= 0x9FFF)) { // ASCII, Latin-1 and the ideographs hold none
      return cp;
    }
    if ((cp >= 0xAB70 && cp <= 0xABBF) || (cp >= 0x13F8 && cp <= 0x13FD)) {
      int capital = Character.toUpperCase(cp); // Cherokee small letters: drawn as their capitals, smaller
      int latin = LATIN.apply(capital);
      return latin == capital ? cp : latin;
    }
    return LATIN.apply(cp);
  }

  /**
   * The other forms in which the shipped lexicon's ideographs are written, each with its simplified form: traditional
   * forms ({@code 投訴}, {@code 自殺} and {@code 同歸於盡} had passed as other words), Japanese shinjitai, which differ from
   * both ({@code 悪意}, {@code 挙報}, {@code 黒社会}, {@code 同帰於尽}, {@code 徴信}, {@code 催収} had passed), and the
   * common variants used in their place ({@code 擧}, {@code 躰}, {@code 総}/{@code 摠}, {@code 聨}, {@code 髙},
   * {@code 仝}, {@code 妳} for 你 in {@code 告妳們}, {@code 帐} for 账 in {@code 赖帐}, {@code 躱} for 躲). Compatibility ideographs and Kangxi radicals are first decomposed to
   * the unified ideographs they stand for, then folded the same way. Every simplified form is an ideograph of the shipped
   * lexicon (a word's or an exception's) and none is itself folded (the tests hold the table to both). Unicode
   * normalisation relates none of these; a user's own words in other characters need their other forms added as words,
   * or here. Pairs: variant, simplified.
   */
  static final String VARIANTS = "舉举擧举挙举們们優优會会體体躰体軆体債债務务尋寻盡尽歸归帰归徵征徴征總总縂总総总摠总"
      + "惡恶悪恶報报殺杀權权権权樓楼監监維维聯联聨联脅胁脇胁訪访訴诉賬账帳账貸贷賴赖頼赖輕轻軽轻還还銀银騙骗於于"
      + "黒黑収收髙高仝同妳你"
      // 赖帐 is as common as 赖账 (帐 the older form of 账); 躱 is a variant of 躲: 赖帐 and 躱债 had passed
      + "帐账躱躲"
      // the exceptions' ideographs: 公司老闆跑路, 我沒有失聯, 減輕生活壓力 had their words found again in traditional
      + "闆板沒没無无當当為为減减業业丟丢並并價价";
  private static final Replacements SIMPLIFIED = new Replacements(VARIANTS);

  /** The simplified form of a variant ideograph of {@link #VARIANTS}, else {@code cp}. */
  static int simplified(int cp) {
    return SIMPLIFIED.apply(cp);
  }

  /** Single-character replacements from a string of (from, to) pairs, looked up by binary search. */
  private static final class Replacements {
    private final char[] from;
    private final char[] to;

    Replacements(String pairs) {
      int n = pairs.length() / 2;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> pairs.charAt(2 * i)));
      from = new char[n];
      to = new char[n];
      for (int i = 0; i < n; i++) {
        from[i] = pairs.charAt(2 * order[i]);
        to[i] = pairs.charAt(2 * order[i] + 1);
        if (i > 0 && from[i] == from[i - 1]) { // a binary search would find either replacement
          throw new IllegalStateException("'" + from[i] + "' is replaced twice");
        }
      }
    }

    int apply(int cp) {
      int at = cp > Character.MAX_VALUE ? -1 : java.util.Arrays.binarySearch(from, (char) cp);
      return at >= 0 ? to[at] : cp;
    }
  }

  /**
   * Whether a code point is ignored between the characters of a word. The Hangul fillers (U+115F, U+1160, U+3164,
   * U+FFA0) are letters to Java but print as blank space: {@code 投\u3164诉} had passed the filter and reached a
   * lender as what reads {@code 投 诉}. So are the katakana prolonged sound mark (ー, and its half-width ｰ, which
   * decomposes to it), drawn as a dash, and the ideographic zero 〇, a number drawn as the circle ○ (a symbol): 投ー诉
   * and 投〇诉 had passed. No lexicon word holds one.
   */
  static boolean isSeparator(int cp) {
    if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x30FC || cp == 0x3007) {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL,
          Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE:
        return true;
      default:
        return Character.isWhitespace(cp);
    }
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static char[] grow(char[] a) {
    return java.util.Arrays.copyOf(a, a.length * 2 + 8);
  }

  private static int[] grow(int[] a) {
    return java.util.Arrays.copyOf(a, a.length * 2 + 8);
  }

  /** Number of skeleton characters. */
  public int length() {
    return length;
  }

  /** The characters, valid up to {@link #length()}; for {@link AhoCorasick}, which must not change them. */
  char[] chars() {
    return chars;
  }

  /** The skeleton character at {@code index}. */
  public char charAt(int index) {
    return chars[index];
  }

  /** Index in the original text of the first character the skeleton character came from. */
  public int originalStart(int index) {
    return start[index];
  }

  /**
   * Index in the original text just after the characters the skeleton character came from and the combining marks
   * that follow them.
   */
  public int originalEnd(int index) {
    return end[index];
  }

  /** The skeleton as a string. */
  @Override
  public String toString() {
    return new String(chars, 0, length);
  }
}
