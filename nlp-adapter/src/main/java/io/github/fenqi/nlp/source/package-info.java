/** Announcement sources ({@link io.github.fenqi.nlp.source.PolicySource}, HTTP) and the watcher that keeps policies current. */
@NullMarked
package io.github.fenqi.nlp.source;

import org.jspecify.annotations.NullMarked;
