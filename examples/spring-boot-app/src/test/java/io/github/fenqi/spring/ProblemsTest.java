package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The titles of the problems written for a status alone (Tomcat's refusals, the error page). */
class ProblemsTest {

  /**
   * A status's title is its reason phrase as ours are written, in sentence case, with its acronyms as they are: the 505
   * Tomcat answers an HTTP/1.2 request with had been titled "Http version not supported", and a 414 "Uri too long".
   */
  @Test
  void aTitleKeepsTheAcronymsOfItsReasonPhrase() {
    assertThat(Problems.title(505)).isEqualTo("HTTP version not supported");
    assertThat(Problems.title(414)).isEqualTo("URI too long");
    assertThat(Problems.title(226)).isEqualTo("IM used");
    assertThat(Problems.title(404)).isEqualTo("Not found");
    assertThat(Problems.title(431)).isEqualTo("Request header fields too large");
    assertThat(Problems.title(501)).isEqualTo("Not implemented");
    assertThat(Problems.title(418)).isEqualTo("I'm a teapot");
    assertThat(Problems.title(599)).isEqualTo("Error");
  }
}
