package io.github.fenqi.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Masking what is already masked changes nothing: a note redacted for a script and redacted again by the audit log,
 * or a masked value read back and shown, says the same each time and is not masked further into a new shape.
 */
class MaskingIdempotenceProperties {
  private final Masking masking = Masking.defaults();

  /** Groups of digits (one to nineteen) set apart by the ways notes set them apart, and words between them. */
  @Provide
  Arbitrary<String> notes() {
    Arbitrary<String> group = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(19);
    Arbitrary<String> between = Arbitraries.of(" ", "-", " - ", "\u3000", "，", "号", "x", "*", " zhang.san@qq.com ", "");
    Arbitrary<String> piece = Combinators.combine(group, between).as((g, b) -> g + b);
    return piece.list().ofMinSize(1).ofMaxSize(6).map(pieces -> String.join("", pieces));
  }

  @Property(tries = 5000)
  void redactingARedactedNoteChangesNothing(@ForAll("notes") String note) {
    String once = masking.redact(note);
    assertEquals(once, masking.redact(once), note);
  }

  @Property(tries = 1000)
  void maskingAMaskedValueChangesNothing(@ForAll("notes") String value) {
    for (var mask : List.<java.util.function.UnaryOperator<String>>of(masking::idNumber, masking::bankCard,
        masking::mobile, masking::name, masking::email, masking::address)) {
      String once = mask.apply(value);
      assertEquals(once, mask.apply(once), value);
    }
  }
}
