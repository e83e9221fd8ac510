package io.github.fenqi.core.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The range a whole-number part of an input record takes, for the refusal of a JSON value that does not fit its Java
 * type: {@code "overdueDays": 99999999999} had been told "expected a whole number from -2147483648 to 2147483647", a
 * range no case may use, where the field takes 0..36525. {@link FenqiJson}'s reading names this range instead. The
 * record's own check still decides every value that fits; this only words the refusal of one that does not.
 *
 * <p>Thread-safety: an annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface WholeRange {
  /** The least value the part takes. */
  long min();

  /** The greatest value the part takes. */
  long max();
}
