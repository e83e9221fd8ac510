/**
 * The JSON contract shared by the CLI, the REST API and files: camelCase, money as decimal strings,
 * ISO-8601 dates, enums in UPPER_SNAKE, unknown fields rejected. {@link io.github.fenqi.core.json.FenqiJson}
 * is the one place that configures Jackson and turns its errors into
 * {@link io.github.fenqi.core.InvalidInputException}s that name the JSON path.
 */
@NullMarked
package io.github.fenqi.core.json;

import org.jspecify.annotations.NullMarked;
