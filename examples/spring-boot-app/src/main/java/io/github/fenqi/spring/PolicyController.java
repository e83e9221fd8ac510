package io.github.fenqi.spring;

import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.policy.InMemoryPolicyRepository;
import io.github.fenqi.core.policy.Policy;
import io.github.fenqi.core.policy.PolicySnapshot;
import io.github.fenqi.core.policy.PolicyValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the policy in effect for a platform, and (ADMIN) replaces or adds a policy version without a restart:
 * validated first (every problem listed, nothing applied on error), written to the policies directory (so a
 * restart keeps it; nothing applied when that fails), then live for the next calculation; the engine's audit log
 * records the change with the admin as actor.
 *
 * <p>Thread-safety: stateless; {@link PolicyDirectoryWriter} serialises changes.
 */
@RestController
class PolicyController {
  private final InMemoryPolicyRepository policies;
  private final PolicyDirectoryWriter writer;
  private final RequestBodies bodies;
  private final PolicyValidator validator = new PolicyValidator();

  PolicyController(InMemoryPolicyRepository policies, PolicyDirectoryWriter writer, RequestBodies bodies) {
    this.policies = policies;
    this.writer = writer;
    this.bodies = bodies;
  }

  /** The policy of {@code platformId} in effect on {@code asOf} (default today) and every version held. */
  @GetMapping(value = "/api/policy/query", produces = "application/json")
  Map<String, Object> query(@RequestParam String platformId,
      @RequestParam(required = false) @Nullable LocalDate asOf,
      HttpServletRequest http) {
    checkQuery(http);
    PolicySnapshot snapshot = policies.snapshot();
    LocalDate day = asOf == null ? LocalDate.now(NegotiationEngine.CASE_ZONE) : asOf; // policies' dates are China's
    List<Policy> history = snapshot.history(platformId);
    if (history.isEmpty()) {
      throw new ProblemHandler.NotFoundException("no policy for platform " + Problems.quoted(platformId));
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("platformId", platformId);
    response.put("asOf", day.toString());
    response.put("repositoryVersion", snapshot.version());
    response.put("versions", history.stream().map(Policy::version).toList());
    snapshot.find(platformId, day).ifPresent(p -> {
      response.put("currentVersion", p.version());
      response.put("policy", p);
    });
    return response;
  }

  /** The parameters of a policy query. */
  private static final List<String> QUERY_PARAMETERS = List.of("platformId", "asOf");

  /**
   * A 400 listing every parameter of a policy query that is not one, is given more than once or is blank. Each was
   * answered as if absent or taken whole: {@code asOf=} (a template with nothing filled in) and {@code asof=2020-01-01}
   * (a typo) silently answered the policy of today, {@code asOf=2026-11-24&asOf=2020-01-01} the first date, and a
   * blank {@code platformId=} was a 404 naming nothing ({@code no policy for platform }).
   */
  private static void checkQuery(HttpServletRequest http) {
    List<Problem> problems = new ArrayList<>();
    http.getParameterMap().forEach((name, values) -> {
      if (!QUERY_PARAMETERS.contains(name)) {
        problems.add(Problem.of(Problem.excerpt(name), "is not a parameter of this query; it takes "
            + String.join(" and ", QUERY_PARAMETERS) + " (names are case-sensitive)"));
      } else if (values.length > 1) {
        problems.add(Problems.repeated(name, values.length));
      } else if (values[0].isBlank()) {
        problems.add(Problem.of(name, "is " + (values[0].isEmpty() ? "empty" : "blank") + "; " + (name.equals("asOf")
            ? "give a date YYYY-MM-DD, or leave the parameter out for today in China" : "name a platform")));
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** Validates and applies one policy version of {@code platformId}; the body is a policy file's JSON. */
  @ReadsBody
  @PutMapping(value = "/api/admin/policies/{platformId}", produces = "application/json")
  Map<String, Object> put(@PathVariable String platformId, HttpServletRequest http, Principal principal)
      throws IOException {
    byte[] body = bodies.read(http);
    PolicyValidator.Result result = validator.validate(body, "request body");
    Policy policy = result.orElseThrow();
    if (!policy.platformId().equals(platformId)) {
      throw new InvalidInputException("request body: $.platformId",
          "is " + Problems.quoted(policy.platformId()) + " but the URL names " + Problems.quoted(platformId));
    }
    PolicyDirectoryWriter.Saved saved = writer.save(policy, body, "admin:" + principal.getName());
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("platformId", platformId);
    response.put("version", policy.version());
    response.put("repositoryVersion", saved.repositoryVersion());
    response.put("file", saved.file().getFileName().toString());
    return response;
  }
}
