package io.github.fenqi.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.Problem;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem documents the service answers, and the titles of those written for a status alone (Tomcat, errors). */
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

  /**
   * Each problem's {@code type} is the fenqi problem page of its own status, written by Spring MVC's handlers and by
   * the filters and Tomcat's error report alike: no test read it, and a type that no longer told a 409 from a 422
   * (a client tells a reused outcome from a reused key by it) had passed; the invalid fields are listed under
   * {@code errors} as {@code {location, reason}}, and left out when there are none.
   */
  @Test
  void aProblemIsTypedByItsStatusAndListsItsFields() throws Exception {
    ProblemDetail conflict = Problems.of(HttpStatus.CONFLICT, "Outcome already recorded", "told once",
        List.of(Problem.of("accepted", "was false")));
    assertThat(conflict.getType()).isEqualTo(URI.create("https://github.com/fenqi/fenqi/problems/409"));
    assertThat(conflict.getStatus()).isEqualTo(409);
    assertThat(conflict.getTitle()).isEqualTo("Outcome already recorded");
    assertThat(conflict.getDetail()).isEqualTo("told once");
    assertThat(conflict.getProperties()).containsExactly(
        Map.entry("errors", List.of(Map.of("location", "accepted", "reason", "was false"))));
    assertThat(Problems.of(HttpStatus.NOT_FOUND, "Not found", "none", List.of()).getProperties()).isNull();

    JsonNode written = new ObjectMapper().readTree(Problems.json(413, "Request body too large", "at most 1024 bytes",
        "/api/negotiation/calculate"));
    assertThat(written.get("type").asText()).isEqualTo("https://github.com/fenqi/fenqi/problems/413");
    assertThat(written.get("status").asInt()).isEqualTo(413);
    assertThat(written.get("title").asText()).isEqualTo("Request body too large");
    assertThat(written.get("detail").asText()).isEqualTo("at most 1024 bytes");
    assertThat(written.get("instance").asText()).isEqualTo("/api/negotiation/calculate");
  }
}
