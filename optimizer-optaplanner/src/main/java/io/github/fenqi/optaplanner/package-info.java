/**
 * A {@link io.github.fenqi.core.solve.ProposalSolver} on OptaPlanner constraint streams. It solves the same problem
 * as core's exact solver on the same {@link io.github.fenqi.core.solve.OptionGrid}s and acceptance model, and
 * lets users add constraints the exact solver cannot express ({@link io.github.fenqi.optaplanner.ProposalConstraint}).
 */
@NullMarked
package io.github.fenqi.optaplanner;

import org.jspecify.annotations.NullMarked;
