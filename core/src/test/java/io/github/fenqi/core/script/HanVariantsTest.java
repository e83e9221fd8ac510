package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped traditional/simplified table loads, and its forms are classes: each character is among its own forms, a
 * form's forms are the same set (so a name and a note match whichever of the two is written in which script), and no
 * class is so large that it would mask more than the variants of one character.
 */
class HanVariantsTest {
  @Test
  void formsAreSmallClassesHoldingEachOfTheirCharacters() {
    Map<Integer, List<Integer>> forms = HanVariants.load();
    assertTrue(forms.size() > 4000, "the table has " + forms.size() + " characters");
    int largest = 0;
    for (Map.Entry<Integer, List<Integer>> e : forms.entrySet()) {
      assertTrue(e.getValue().contains(e.getKey()), Character.toString(e.getKey()));
      for (int other : e.getValue()) {
        assertEquals(new HashSet<>(e.getValue()), new HashSet<>(forms.get(other)), Character.toString(other));
        assertTrue(Character.isIdeographic(other), Character.toString(other));
      }
      largest = Math.max(largest, e.getValue().size());
    }
    assertEquals(6, largest);
  }

  @Test
  void traditionalAndSimplifiedFormsOfNameCharactersAreOneAnother() {
    assertEquals(new HashSet<>(List.of((int) '张', (int) '張')), new HashSet<>(HanVariants.forms('張')));
    assertEquals(new HashSet<>(List.of((int) '伟', (int) '偉')), new HashSet<>(HanVariants.forms('伟')));
    assertEquals(List.of((int) '李'), HanVariants.forms('李'));
    assertEquals(List.of((int) 'a'), HanVariants.forms('a'));
  }
}
