package io.github.fenqi.core.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options and parts of a request made directly of a ScriptGenerator, without the engine's checks of the case. */
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

  /** A note of blanks only is no note: {@link ScriptOptions#note()} is empty, as for a null one. */
  @Test
  void aBlankNoteIsNoNote() {
    assertEquals(java.util.Optional.empty(), new ScriptOptions(ScriptLanguage.ZH_CN, " \t\n\u3000").note());
    assertEquals(java.util.Optional.of(" x "), new ScriptOptions(ScriptLanguage.ZH_CN, " x ").note());
  }

  /**
   * A missing part of a request had been a bare NullPointerException ("borrower", or from List.copyOf for a plan that
   * is null), as had a missing language and a missing part of a lender plan; each is named now, all at once.
   */
  @Test
  void aMissingPartOfARequestIsNamed() {
    InvalidInputException options = assertThrows(InvalidInputException.class, () -> new ScriptOptions(null, "x"));
    assertEquals(List.of(Problem.of("language", "is required (ScriptLanguage.ZH_CN or EN)")), options.problems());
    InvalidInputException request = assertThrows(InvalidInputException.class, () -> new ScriptRequest(null, null, null,
        java.util.Arrays.asList((ScriptRequest.LenderPlan) null), null, null));
    assertEquals(List.of(Problem.of("borrower", "is required"), Problem.of("affordability", "is required"),
        Problem.of("strategy", "is required"), Problem.of("plans[0]", "is null"), Problem.of("otherDebts", "is required"),
        Problem.of("options", "is required")), request.problems());
    InvalidInputException plan = assertThrows(InvalidInputException.class,
        () -> new ScriptRequest.LenderPlan(null, null, null));
    assertEquals(List.of(Problem.of("debt", "is required"), Problem.of("policy", "is required"),
        Problem.of("option", "is required")), plan.problems());
  }
}
