package io.github.fenqi.core.json;

import io.github.fenqi.core.Problem;
import java.util.List;

/**
 * A value that reading JSON holds to more than its constructor does. Some bounds a record does not enforce when built,
 * because who built it decides whose fault a breach is: an affordability assessment a custom model returns outside
 * them is the model's fault, which the engine names as such. Read from JSON, the same breach is the JSON's, and was
 * read back as if an engine had worked it out. {@link FenqiJson#newMapper()}'s mappers ask every value of a type
 * implementing this, once bound, and refuse it with these problems, each at the value's JSON path
 * ({@code affordability.maxAffordableInstallment}).
 *
 * <p>Thread-safety: implementations are immutable values.
 */
public interface CheckedWhenRead {
  /** What is wrong with this value, each problem located at one of its own fields (relative to the value); or none. */
  List<Problem> problemsWhenRead();
}
