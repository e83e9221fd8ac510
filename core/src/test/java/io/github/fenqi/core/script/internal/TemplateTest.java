package io.github.fenqi.core.script.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Template} as documented: {@code $$} a literal dollar, names of letters and digits, no value refused. */
class TemplateTest {

  /** {@code $$} is a dollar sign, also before a brace; a value holding {@code ${x}} is inserted as it is. */
  @Test
  void aDoubleDollarIsALiteralDollarAndAValueIsInsertedAsItIs() {
    Template t = Template.parse("k", "$$${amount} and $${x}");
    assertEquals(List.of("amount"), t.placeholders());
    assertEquals("$5 and ${x}", t.render(Map.of("amount", "5")));
    assertEquals("${y} and ${x}", Template.parse("k", "${amount} and $${x}").render(Map.of("amount", "${y}")));
  }

  /** A placeholder name starts with a letter; an unclosed placeholder is refused with the key and its position. */
  @Test
  void aMalformedPlaceholderIsRefusedWithTheKeyAndPosition() {
    assertEquals("k: '${1st}' at position 2 is not a placeholder name (letters and digits, starting with a letter)",
        assertThrows(IllegalArgumentException.class, () -> Template.parse("k", "a ${1st} b")).getMessage());
    assertEquals(List.of("a1"), Template.parse("k", "${a1}").placeholders());
    assertEquals("k: placeholder at position 2 is not closed",
        assertThrows(IllegalArgumentException.class, () -> Template.parse("k", "a ${x")).getMessage());
  }

  @Test
  void aPlaceholderWithoutAValueIsRefusedNamingIt() {
    assertEquals("k: no value for ${b}", assertThrows(IllegalArgumentException.class,
        () -> Template.parse("k", "${a}${b}").render(Map.of("a", "1"))).getMessage());
  }
}
