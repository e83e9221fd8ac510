package io.github.fenqi.core.security;

import static io.github.fenqi.core.testkit.RandomIdentifiers.any;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * An identifier written in the digits of another script is masked as one in ASCII digits: Arabic-Indic
 * ({@code ١٣٨١٢٣٤٥٦٧٨}, as an Arabic keyboard types it), Devanagari, Thai, the mathematical bold and monospace digits
 * (two UTF-16 units each, which a note pasted from a styled page carries) and circled, superscript and subscript
 * digits ({@code ①③⑧…}, {@code ¹³⁸…}, {@code ₁₃₈…}, typed to slip past a filter) all went out in clear. A number of
 * such digits that is no identifier, and every other character, stays as written.
 */
class OtherScriptDigitsProperties {
  /**
   * The zero of each script drawn: Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Thai, full width, and the
   * mathematical bold, monospace and double-struck digits.
   */
  private static final int[] ZEROS = {0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10, 0x1D7CE, 0x1D7F6, 0x1D7D8};
  private static final String[] BEFORE = {"", "电话", "رقم الهاتف: ", "tel ", "卡号：", "“"};
  private static final String[] AFTER = {"", "。", " شكرا", "号", "”", "，共٣٠٠٠元"};
  private final Masking masking = Masking.defaults();

  @Property(tries = 2000)
  void anIdentifierInAnotherScriptsDigitsIsMasked(@ForAll long seed) {
    Random random = new Random(seed);
    String identifier = any(random);
    int styled = random.nextInt(8); // 0 circled, 1 superscript, 2 subscript, else a script's digits
    int zero = ZEROS[random.nextInt(ZEROS.length)];
    StringBuilder written = new StringBuilder();
    for (int k = 0; k < identifier.length(); k++) {
      char c = identifier.charAt(k);
      written.append(k > 0 && random.nextInt(5) == 0 ? " " : "");
      written.appendCodePoint(!Character.isDigit(c) ? c : styled < 3 ? styled(styled, c - '0') : zero + c - '0');
    }
    String before = BEFORE[random.nextInt(BEFORE.length)];
    String after = AFTER[random.nextInt(AFTER.length)];
    String text = before + written + after;
    String redacted = masking.redact(text);
    assertEquals(redacted, masking.redact(redacted), text + " redacted again");
    assertTrue(redacted.startsWith(before) && redacted.endsWith(after), text + " -> " + redacted);
    String shown = values(redacted.substring(before.length(), redacted.length() - after.length()));
    assertEquals(identifier.length(), shown.length(), text + " -> " + redacted);
    int head = identifier.startsWith("62") && identifier.length() != 18 ? 6 : 3;
    for (int k = head; k < identifier.length() - 4; k++) {
      assertEquals('*', shown.charAt(k), text + " -> " + redacted + ": character " + k);
    }
  }

  /** A number of such digits too short for an identifier, an amount or a date, is kept as written. */
  @Property(tries = 500)
  void aShortNumberInAnotherScriptsDigitsStaysAsWritten(@ForAll long seed) {
    Random random = new Random(seed);
    int zero = ZEROS[random.nextInt(ZEROS.length)];
    StringBuilder text = new StringBuilder("金额：");
    for (int k = 1 + random.nextInt(10); k > 0; k--) {
      text.appendCodePoint(random.nextInt(4) == 0 ? styled(random.nextInt(3), random.nextInt(10))
          : zero + random.nextInt(10));
    }
    text.append("元，谢谢");
    assertEquals(text.toString(), masking.redact(text.toString()));
  }

  /**
   * {@code digit} written in style {@code style}: 0 circled (⓪, or ① to ⑨), 1 superscript (⁰¹²³⁴…, three of which are
   * Latin-1's), 2 subscript (₀ to ₉).
   */
  private static int styled(int style, int digit) {
    return switch (style) {
      case 0 -> digit == 0 ? 0x24EA : 0x2460 + digit - 1;
      case 1 -> digit == 1 ? 0xB9 : digit == 2 || digit == 3 ? 0xB0 + digit : 0x2070 + digit;
      default -> 0x2080 + digit;
    };
  }

  /** The digits, X and stars of {@code s}, each digit of any script as its ASCII one. */
  private static String values(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (c == '*' || c == 'X' || c == 'x') {
        out.append((char) c);
      } else if (Character.getNumericValue(c) >= 0 && Character.getNumericValue(c) <= 9 && !Character.isLetter(c)) {
        out.append((char) ('0' + Character.getNumericValue(c)));
      }
    });
    return out.toString();
  }
}
