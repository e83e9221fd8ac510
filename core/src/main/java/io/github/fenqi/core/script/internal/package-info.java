/**
 * Implementation detail of the script generator and the sensitive-word filter (text skeletons, the
 * Aho–Corasick automaton, the template renderer). Unsupported: may change without notice.
 */
@NullMarked
package io.github.fenqi.core.script.internal;

import org.jspecify.annotations.NullMarked;
