package io.github.fenqi.nlp.watch;

import io.github.fenqi.nlp.PolicyField;
import java.util.Map;

/**
 * What the watcher needs from wherever live policies are kept: the live values of the extractable fields of a
 * platform's policy, and a way to apply a reviewed change as a new version.
 *
 * <p>Implementations must be thread-safe and must apply a change atomically (all of its fields or none).
 */
public interface PolicyStore {

  /** The live policy's value for each extractable field it defines; empty if the platform has no live policy. */
  Map<PolicyField, Object> liveValues(String platformId);

  /**
   * Applies {@code change} as a new version of the platform's policy.
   *
   * @throws io.github.fenqi.core.FenqiException if the store refuses it (for example a validation failure); the
   *     live policy is then unchanged
   */
  void apply(PolicyChange change);

}
