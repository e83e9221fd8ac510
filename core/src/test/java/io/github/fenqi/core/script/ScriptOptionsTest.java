package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options of a request made directly of a ScriptGenerator, without the engine's checks of the case. */
class ScriptOptionsTest {

  /**
   * The engine refuses a note of more than 2000 characters, but a ScriptGenerator called directly took any: a note of
   * 240 000 characters of phone numbers spent 80 s in masking and ended in a StackOverflowError. A note is held to the
   * engine's bound, counted in characters (code points: an emoji is one), naming the field.
   */
  @Test
  void aNoteLongerThanTheEnginesBoundIsNamed() {
    String emoji = "\uD83D\uDE00";
    assertEquals(ScriptOptions.MAX_NOTE_LENGTH, new ScriptOptions(ScriptLanguage.EN, emoji.repeat(2000)).note().orElseThrow()
        .codePointCount(0, 4000));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new ScriptOptions(ScriptLanguage.ZH_CN, "我失业了。".repeat(400) + "啊"));
    assertEquals(List.of(Problem.of("hardshipNote", "is 2001 characters; at most 2000")), e.problems());
  }
}
