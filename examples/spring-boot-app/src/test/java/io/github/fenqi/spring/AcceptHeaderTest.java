package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * How an {@code Accept} header is read, entry by entry (the README's 406 section; {@link AcceptHeader.Reading#accepts}):
 * the most specific entries naming a type decide — a type over {@code type/*} over {@code *}{@code /*}, parameters
 * over none —, JSON is written in UTF-8 and in UTF-16 and UTF-32 of either byte order, and the charset a 406 names is
 * the first one asked that is not written.
 */
class AcceptHeaderTest {

  private static boolean acceptsJson(String... header) {
    return AcceptHeader.read(header).accepts(MediaType.APPLICATION_JSON);
  }

  @Test
  void aTypeWildcardRefusingWithQualityZeroOutweighsTheFullWildcard() {
    assertThat(acceptsJson("application/*;q=0, */*")).isFalse();
    assertThat(acceptsJson("*/*;q=0, application/*")).isTrue();
  }

  @Test
  void anEntryWithParametersOutweighsTheSameTypeWithout() {
    assertThat(acceptsJson("application/json;charset=UTF-8;q=0, application/json")).isFalse();
    assertThat(acceptsJson("application/json;q=0, application/json;charset=UTF-8")).isTrue();
  }

  @Test
  void anEntryOfQualityZeroIsNoneToAnswerWith() {
    AcceptHeader.Reading reading = AcceptHeader.read(new String[] {"application/json;charset=GBK;q=0, */*"});
    assertThat(reading.usable()).containsExactly(MediaType.ALL);
    assertThat(reading.refused()).as("refused, not an unwritten charset asked for").isEmpty();
    assertThat(reading.unwrittenCharset()).isEmpty();
  }

  @Test
  void jsonIsWrittenInUtf16AndUtf32OfEitherByteOrder() {
    for (String charset : new String[] {"UTF-8", "US-ASCII", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"}) {
      AcceptHeader.Reading reading = AcceptHeader.read(new String[] {"application/json;charset=" + charset});
      assertThat(reading.usable()).as(charset).hasSize(1);
      assertThat(reading.refused()).as(charset).isEmpty();
    }
  }

  @Test
  void theCharsetA406NamesIsTheFirstNotWritten() {
    AcceptHeader.Reading reading = AcceptHeader.read(
        new String[] {"application/json;charset=GBK, application/json;charset=Big5"});
    assertThat(reading.usable()).isEmpty();
    assertThat(reading.unwrittenCharset()).hasValue("GBK");
    assertThat(reading.refused()).hasSize(2);
  }
}
