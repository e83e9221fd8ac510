package io.github.fenqi.core.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.Problem;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * Names the checks a record makes across its parts (a case's duplicate debt ids, its missing date), run by
 * {@link FenqiJson#problemsOfEachPart} on the record's JSON object when the record fails to bind: its constructor, which
 * makes them, is then never reached, so a case with a bad debt was not told of its duplicate ids — wherever the case
 * sits (a file, a request body, the {@code case} of the REST API's submission, which had named fewer problems than the
 * same case sent to {@code /plan}).
 *
 * <p>Thread-safety: an annotation; the checks it names must be stateless.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ChecksAcrossParts {
  /** The checks; instantiated by their no-argument constructor, which may be private. */
  Class<? extends Checks> value();

  /**
   * The checks a record's constructor makes across its parts, made on its JSON object instead.
   *
   * <p>Thread-safety: implementations are stateless.
   */
  interface Checks {
    /**
     * The problems across the parts of {@code node}, located relative to it ({@code debts[2].id}); none for what a
     * part's own binding reports (a value of the wrong kind).
     */
    List<Problem> problems(ObjectNode node);
  }
}
