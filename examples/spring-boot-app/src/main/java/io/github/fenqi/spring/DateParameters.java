package io.github.fenqi.spring;

import io.github.fenqi.core.Dates;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;

/**
 * Reads every date parameter of an endpoint ({@code @RequestParam} or path variable typed {@link LocalDate}) as a date
 * in a case or policy file is read: exactly {@code YYYY-MM-DD} ({@link Dates}). Spring's ISO reading took ISO-8601's
 * expanded years and offsets, so {@code asOf=+12026-01-01} answered the policy of the year 12026 and
 * {@code asOf=2026-01-01+08:00} that of 2026-01-01, and refused a day that does not exist without saying why. A value
 * that is not one is an {@link io.github.fenqi.core.InvalidInputException} saying what is wrong, which
 * {@link ProblemHandler#mismatch} answers as a 400 naming the parameter. An empty or blank value is no value, as
 * Spring's own formatters have it: the endpoint refuses it naming it ({@code PolicyController.checkQuery}), or Spring
 * does when the parameter is required. No endpoint takes a month or an instant ({@code FenqiApplicationTest} fails on
 * one): one that does needs its reader here, through {@link Dates}.
 *
 * <p>Thread-safety: stateless.
 */
final class DateParameters {
  private DateParameters() {}

  /**
   * Registers the reader in {@code registry}, ahead of Spring's own ({@code @DateTimeFormat} included: a converter
   * added later is asked first).
   */
  static void register(FormatterRegistry registry) {
    registry.addConverter(String.class, LocalDate.class, new Converter<String, @Nullable LocalDate>() {
      @Override
      public @Nullable LocalDate convert(String text) {
        return text.isBlank() ? null : Dates.day("date", text);
      }
    });
  }
}
