package io.github.fenqi.spring;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.InvalidInputException;
import io.github.fenqi.core.NegotiationEngine;
import io.github.fenqi.core.NegotiationRequest;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.Problem;
import io.github.fenqi.core.json.ChecksAcrossParts;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.monitor.AcceptanceStatus;
import io.github.fenqi.core.monitor.OutcomeMonitor;
import io.github.fenqi.core.policy.PolicyRepository;
import io.github.fenqi.core.security.BlindIndex;
import io.github.fenqi.core.security.FieldCipher;
import io.github.fenqi.core.security.Masking;
import io.github.fenqi.core.security.audit.AuditAction;
import io.github.fenqi.core.security.audit.AuditEvent;
import io.github.fenqi.core.security.audit.AuditLog;
import io.github.fenqi.core.solve.GridConfig;
import io.github.fenqi.core.solve.Strategy;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calculate, submit, read back and record outcomes. Bodies are read with a size limit and fenqi's strict JSON
 * binding; responses never carry an unmasked identifier.
 *
 * <p>Thread-safety: thread-safe; every collaborator is, and a platform and strategy's outcomes are recorded one at a
 * time (see {@link #outcome}).
 */
@RestController
@RequestMapping("/api/negotiation")
class NegotiationController {
  private final NegotiationEngine engine;
  private final RequestBodies bodies;
  private final SubmissionStore store;
  private final FieldCipher cipher;
  private final BlindIndex blindIndex;
  private final Masking masking;
  private final AuditLog audit;
  private final OutcomeMonitor monitor;
  private final FenqiMetrics metrics;
  private final TransactionTemplate transactions;
  private final PolicyRepository policies;
  private final int maxDebts;
  /** What every location of a problem in the body starts with: the source name fenqi's reader is given. */
  private static final String BODY = "request body";
  /** fenqi's mapper without indentation: what a submission stores. */
  private final com.fasterxml.jackson.databind.ObjectWriter compact;
  /** Striped by platform and strategy: the outcomes of one series are recorded one at a time. */
  private final Object[] outcomeLocks = stripes();
  /**
   * Striped by idempotency scope (caller and key): the submissions of one key are made one at a time, so a repeat
   * arriving while its first is being made waits for it and answers it again. It had run the engine too — a
   * DATA_ACCESS and three PROPOSAL_GENERATED audit entries and three proposals counted in fenqi_proposals_total for
   * each repeat — and only then found the key taken.
   */
  private final Object[] submissionLocks = stripes();

  NegotiationController(NegotiationEngine engine, RequestBodies bodies, SubmissionStore store, FieldCipher cipher,
      BlindIndex blindIndex, Masking masking, AuditLog audit, OutcomeMonitor monitor, FenqiMetrics metrics,
      TransactionTemplate transactions, PolicyRepository policies, FenqiProperties props) {
    this.transactions = transactions;
    this.policies = policies;
    this.maxDebts = props.maxDebts();
    this.compact = bodies.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    this.engine = engine;
    this.bodies = bodies;
    this.store = store;
    this.cipher = cipher;
    this.blindIndex = blindIndex;
    this.masking = masking;
    this.audit = audit;
    this.monitor = monitor;
    this.metrics = metrics;
  }

  private static Object[] stripes() {
    Object[] locks = new Object[64];
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
    return locks;
  }

  /** A case (the CLI's case JSON) in, the engine's result out. */
  @ReadsBody
  @PostMapping(value = "/calculate", produces = "application/json")
  NegotiationResult calculate(HttpServletRequest http) throws IOException {
    // the case's own reader: every problem of the body, those across its debts (duplicate ids) too, and the engine's
    // against the policies and the clock in the parts that read (an unknown platform beside a negative principal)
    byte[] body = bodies.read(http);
    checkDebtCountBeforeReading(body, "debts");
    NegotiationRequest request = engine.read(bodies.mapper(), body, BODY);
    checkDebtCount(request, BODY + ": debts");
    NegotiationResult result = metrics.calculateLatency.record(() -> run(request, BODY + ": "));
    metrics.proposals(result);
    return result;
  }

  /**
   * The body of a submission: the case and the strategy whose proposal the borrower chose. Either left out is named
   * beside a case that does not read too ({@link Missing}): a submission without its strategy had been told only of its
   * case's problems, and of the strategy once they were fixed.
   */
  @ChecksAcrossParts(SubmitRequest.Missing.class)
  record SubmitRequest(@JsonProperty("case") @Nullable NegotiationRequest negotiationCase, @Nullable Strategy strategy) {
    SubmitRequest {
      List<Problem> problems = missing(negotiationCase != null, strategy != null);
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }

    private static List<Problem> missing(boolean hasCase, boolean hasStrategy) {
      List<Problem> problems = new ArrayList<>();
      if (!hasCase) {
        problems.add(Problem.of("case", "is required (the case JSON)"));
      }
      if (!hasStrategy) {
        problems.add(Problem.of("strategy", "is required (AGGRESSIVE, CONSERVATIVE or BALANCED)"));
      }
      return problems;
    }

    /** The parts left out or null, on the body's JSON object, for a submission whose case does not read. */
    static final class Missing implements ChecksAcrossParts.Checks {
      @Override
      public List<Problem> problems(ObjectNode node) {
        return missing(!node.path("case").isMissingNode() && !node.path("case").isNull(),
            !node.path("strategy").isMissingNode() && !node.path("strategy").isNull());
      }
    }
  }

  /**
   * Recalculates the case (the client's copy of a proposal is never trusted), stores the chosen strategy's
   * proposal with the borrower's identifiers encrypted and blind-indexed, and returns its id.
   *
   * <p>With an {@code Idempotency-Key} header, a repeat of the caller's key with the same body (byte for byte) answers
   * the first submission again (201, {@code Idempotent-Replayed: true}) without storing or auditing another; the same
   * key with another body is a 422, the header given twice a 400. Without it, a client retrying after a lost answer stored the case twice: two rows,
   * two SUBMISSION audit entries, two ids for one borrower's choice.
   */
  @ReadsBody
  @PostMapping(value = "/submit", produces = "application/json")
  ResponseEntity<Map<String, Object>> submit(HttpServletRequest http, Principal principal,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey) throws IOException {
    int keys = java.util.Collections.list(http.getHeaders(IDEMPOTENCY_KEY)).size();
    if (keys > 1) { // Spring joins them with commas: "Idempotency-Key: a" and "Idempotency-Key: b" were the key "a,b"
      throw new InvalidInputException(List.of(Problems.repeated(IDEMPOTENCY_KEY, keys)));
    }
    String scope = idempotencyKey == null ? null : idempotencyScope(principal, idempotencyKey);
    byte[] bytes = bodies.read(http);
    String requestHash = scope == null ? null : blindIndex.index("idempotentRequest", sha256(bytes));
    if (scope == null) {
      return submitNew(principal, bytes, null, null, null);
    }
    synchronized (submissionLocks[Math.floorMod(scope.hashCode(), submissionLocks.length)]) {
      Optional<ResponseEntity<Map<String, Object>>> first = replay(scope, requestHash, idempotencyKey);
      return first.isPresent() ? first.get() : submitNew(principal, bytes, scope, requestHash, idempotencyKey);
    }
  }

  /**
   * Makes a submission from {@code bytes}; with a {@code scope}, records its key too (a key taken meanwhile by another
   * instance sharing the database answers that one's submission again).
   */
  private ResponseEntity<Map<String, Object>> submitNew(Principal principal, byte[] bytes, @Nullable String scope,
      @Nullable String requestHash, @Nullable String idempotencyKey) {
    checkDebtCountBeforeReading(bytes, "case", "debts");
    SubmitRequest body;
    try {
      body = bodies.bind(bytes, SubmitRequest.class);
    } catch (InvalidInputException unread) { // the engine's problems of the case's parts that read, as /calculate's
      throw withProblemsAtTheDoor(unread, bytes);
    }
    NegotiationRequest request = body.negotiationCase();
    checkDebtCount(request, BODY + ": case.debts");
    Strategy strategy = body.strategy();
    return metrics.submitLatency.record(() -> {
      NegotiationResult result = run(request, BODY + ": case.");
      metrics.proposals(result);
      NegotiationResult.ProposalReport chosen = result.proposals().stream()
          .filter(p -> p.strategy() == strategy).findFirst()
          .orElseThrow(() -> new ProblemHandler.NoProposalException("case " + request.caseId() + " has no "
              + strategy + " proposal" + whyNone(result, strategy)));
      String proposal = stored(chosen);
      if (proposal.length() > SubmissionStore.MAX_PROPOSAL_CHARS) { // the database refused it: an "unexpected" 500
        throw new InvalidInputException(BODY + ": case.debts", "the " + strategy + " proposal of these "
            + request.debts().size() + " debts is " + proposal.length() + " characters as stored, more than the "
            + SubmissionStore.MAX_PROPOSAL_CHARS + " a submission holds; submit the case in parts of fewer debts");
      }
      String id = UUID.randomUUID().toString();
      var borrower = request.borrower();
      // Row and audit entry together: if the durable audit write fails, the insert is rolled back. The case id is kept
      // masked, as the audit log keeps it: a caller keying cases by the borrower's ID number or mobile had it stored in
      // clear beside the encrypted fields, and shown in clear by GET next to the masked ID number.
      SubmissionStore.Row row = new SubmissionStore.Row(id, masking.redact(request.caseId()), strategy.name(),
          result.policySnapshotVersion(),
          cipher.encrypt(id, "name", borrower.name()), cipher.encrypt(id, "idNumber", borrower.idNumber()),
          blindIndex.index("idNumber", borrower.idNumber()), cipher.encrypt(id, "mobile", borrower.mobile()),
          proposal, Instant.now());
      try {
        transactions.executeWithoutResult(tx -> {
          store.insert(row);
          if (scope != null) { // before the audit entry: a concurrent repeat of the key stops here, unaudited
            store.insertIdempotent(scope, new SubmissionStore.Idempotent(requestHash, id));
          }
          audit.append(AuditEvent.of(principal.getName(), AuditAction.SUBMISSION, "submission/" + id,
              Map.of("caseId", request.caseId(), "strategy", strategy.name())));
        });
      } catch (DuplicateKeyException e) { // the same key, sent to another instance while its submission was made here
        if (scope == null || requestHash == null || idempotencyKey == null) {
          throw e;
        }
        return replay(scope, requestHash, idempotencyKey).orElseThrow(() -> e);
      }
      return created(row, false);
    });
  }

  /**
   * Why {@code result} has no proposal of {@code strategy}: the case's reason when it has none at all, else the
   * strategy's note (a search that stopped at the budget, no plan above the acceptance floor). A case with proposals of
   * other strategies had been answered only "has no AGGRESSIVE proposal", its note left for a second calculation.
   */
  private static String whyNone(NegotiationResult result, Strategy strategy) {
    String why = result.feasible() ? result.notes().get(strategy) : result.reason();
    return why == null ? "" : ": " + why;
  }

  /** The header that makes a submission idempotent. */
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /**
   * Where a caller's key is kept: a digest of the caller and the key, so two callers' keys never meet and the key's
   * length does not matter to the table. A key is 1..255 visible ASCII characters (a UUID, say), or a 400 naming it.
   */
  private static String idempotencyScope(Principal principal, String key) {
    if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidInputException(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters (a UUID, say), got '"
          + Problem.excerpt(key) + "'");
    }
    return sha256((principal.getName() + "\u0000" + key).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The first answer of a submission made under {@code scope}, if one was; an {@code IdempotencyKeyReusedException}
   * if it was made from another body.
   */
  private Optional<ResponseEntity<Map<String, Object>>> replay(String scope, String requestHash, String key) {
    Optional<SubmissionStore.Idempotent> made = store.findIdempotent(scope);
    if (made.isEmpty()) {
      return Optional.empty();
    }
    String id = made.get().submissionId();
    if (!made.get().requestHash().equals(requestHash)) {
      throw new ProblemHandler.IdempotencyKeyReusedException("Idempotency-Key " + Problem.excerpt(key)
          + " made submission " + id + " from another body; send a new key for a new submission");
    }
    return store.find(id).map(row -> created(row, true));
  }

  /** The 201 of a submission: its id and what it was made of ({@code replayed}: answered again for a repeated key). */
  private static ResponseEntity<Map<String, Object>> created(SubmissionStore.Row row, boolean replayed) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("submissionId", row.id());
    response.put("caseId", row.caseId());
    response.put("strategy", row.strategy());
    response.put("policySnapshotVersion", row.policySnapshotVersion());
    ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/api/negotiation/submissions/" + row.id()));
    if (replayed) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.body(response);
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) { // every Java platform has SHA-256
      throw new IllegalStateException(e);
    }
  }

  /**
   * HEAD on a stored submission: 200 if there is one (a 404 problem if not), with GET's content type and no body, the
   * identifiers not decrypted and nothing audited. Spring answered HEAD with the GET handler, which decrypted the
   * borrower's identifiers and audited a DATA_ACCESS saying they were shown masked, to a caller shown nothing.
   */
  @RequestMapping(value = "/submissions/{id}", method = RequestMethod.HEAD, produces = "application/json")
  ResponseEntity<Void> submissionExists(@PathVariable String id) {
    if (store.find(id).isEmpty()) {
      throw new ProblemHandler.NotFoundException("no submission " + Problems.quoted(id));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).build();
  }

  /** A stored submission with the borrower's identifiers decrypted and masked; the access is audited. */
  @GetMapping(value = "/submissions/{id}", produces = "application/json")
  Map<String, Object> submission(@PathVariable String id, Principal principal) throws IOException {
    SubmissionStore.Row row = store.find(id)
        .orElseThrow(() -> new ProblemHandler.NotFoundException("no submission " + Problems.quoted(id)));
    audit.append(AuditEvent.of(principal.getName(), AuditAction.DATA_ACCESS, "submission/" + id,
        Map.of("fields", "name,idNumber,mobile", "shown", "masked")));
    Map<String, Object> borrower = new LinkedHashMap<>();
    borrower.put("name", masking.name(cipher.decrypt(id, "name", row.nameCipher())));
    borrower.put("idNumber", masking.idNumber(cipher.decrypt(id, "idNumber", row.idNumberCipher())));
    borrower.put("mobile", masking.mobile(cipher.decrypt(id, "mobile", row.mobileCipher())));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("submissionId", row.id());
    response.put("caseId", row.caseId());
    response.put("strategy", row.strategy());
    response.put("policySnapshotVersion", row.policySnapshotVersion());
    response.put("createdAt", row.createdAt().toString());
    response.put("borrower", borrower);
    response.put("submissionsWithSameIdNumber", store.countByIdNumberIndex(row.idNumberIndex()));
    JsonNode proposal = bodies.mapper().readTree(row.proposalJson());
    response.put("proposal", proposal);
    return response;
  }

  /** A lender's answer to a proposal of one strategy. */
  record OutcomeRequest(@Nullable String platformId, @Nullable Strategy strategy, @Nullable Boolean accepted,
      @Nullable String submissionId) {
    OutcomeRequest {
      List<Problem> problems = new ArrayList<>();
      if (platformId == null || platformId.isBlank()) {
        problems.add(Problem.of("platformId", "is required"));
      }
      if (strategy == null) {
        problems.add(Problem.of("strategy", "is required (AGGRESSIVE, CONSERVATIVE or BALANCED)"));
      }
      if (accepted == null) {
        problems.add(Problem.of("accepted", "is required (true or false)"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }
  }

  /** The proposal as stored: compact JSON (the API's indented form doubled it). */
  private String stored(NegotiationResult.ProposalReport chosen) {
    try {
      return compact.writeValueAsString(chosen);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException("cannot serialise the chosen proposal", e);
    }
  }

  /**
   * The engine's result for a case read from the body, or a 400 whose locations are paths in the body as sent:
   * {@code within} ("request body: ", or "request body: case." for a submission) before each of the engine's
   * locations, which are relative to the case. They had none, so where a problem was located depended on who found
   * it: {@code request body: debts[0].principal} when reading, but {@code debts[0]} or {@code borrower.idNumber} when
   * the engine did, and without the {@code case.} a submission's body nests the case under. Its notes name the
   * node budget as {@link #asSettings this service sets it}.
   */
  private NegotiationResult run(NegotiationRequest request, String within) {
    try {
      return engine.calculate(request).withNotes(NegotiationController::asSettings);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(inBody(within, e.problems()), e);
    }
  }

  /**
   * {@code note} with the node budget named as this service's setting: the solvers' notes on a search that stopped say
   * to "raise GridConfig.maxSearchNodes", the library's field, which a user of the service sets as
   * {@code fenqi.max-search-nodes} ({@code FENQI_MAX_SEARCH_NODES}), as the 500 of a search that found nothing says.
   */
  private static String asSettings(String note) {
    return note.replace(GridConfig.MAX_SEARCH_NODES_NAME, "fenqi.max-search-nodes");
  }

  /**
   * {@code unread} with the engine's problems against the policies and the clock in the parts of the submission's case
   * that read ({@link NegotiationEngine#problemsAtTheDoor}), those it names already left out: a submission with a
   * negative principal and an unknown platform had been told of the principal alone.
   */
  private InvalidInputException withProblemsAtTheDoor(InvalidInputException unread, byte[] bytes) {
    JsonNode tree = FenqiJson.exactTree(bodies.mapper(), bytes);
    if (tree == null) {
      return unread;
    }
    return engine.withProblemsAtTheDoor(unread, bodies.mapper(), tree.path("case"), BODY + ": case.");
  }

  /** {@code problems} located in the body: {@code within} before each location. */
  private static List<Problem> inBody(String within, List<Problem> problems) {
    return problems.stream().map(p -> Problem.of(within + p.location(), p.reason())).toList();
  }

  /**
   * Refuses a body whose case lists more debts than {@link #maxDebts} before the case is bound: binding each part of a
   * case that does not read costs about a millisecond per debt, and a 256 KB body of 13 000 debts that do not read had
   * taken ~10 s of CPU and answered with ~90 000 problems, the limit checked only once the case read. {@code path} is
   * where the debts stand in the body; a body that is no JSON, or whose debts are no list, is left to the reading.
   */
  private void checkDebtCountBeforeReading(byte[] body, String... path) {
    JsonNode debts = FenqiJson.exactTree(bodies.mapper(), body);
    for (String part : path) {
      debts = debts == null ? null : debts.get(part);
    }
    if (debts != null && debts.isArray() && debts.size() > maxDebts) {
      throw tooManyDebts(BODY + ": " + String.join(".", path), debts.size());
    }
  }

  /** A case within the service's limit of debts ({@code fenqi.max-debts}), or a 400 naming it. */
  private void checkDebtCount(NegotiationRequest request, String location) {
    if (request.debts().size() > maxDebts) {
      throw tooManyDebts(location, request.debts().size());
    }
  }

  private InvalidInputException tooManyDebts(String location, int debts) {
    return new InvalidInputException(location, "lists " + debts + " debts; this service plans at most " + maxDebts
        + " per case (fenqi.max-debts)");
  }

  /**
   * An answer must be about a platform fenqi has a policy for (any version) and, when it names a submission, about
   * that submission's strategy and one of its lenders. Before, any platform id was recorded: a typo opened a series
   * of its own, and every new id a new metric series and monitor window that nothing ever removed.
   */
  private void checkRefersToWhatExists(String platformId, Strategy strategy, @Nullable String submissionId)
      throws IOException {
    List<Problem> problems = new ArrayList<>();
    if (policies.history(platformId).isEmpty()) {
      problems.add(Problem.of("platformId", "no policy for platform " + Problems.quoted(platformId)));
    }
    if (submissionId != null) {
      Optional<SubmissionStore.Row> row = store.find(submissionId);
      if (row.isEmpty()) {
        problems.add(Problem.of("submissionId", "no submission " + Problems.quoted(submissionId)));
      } else {
        if (!row.get().strategy().equals(strategy.name())) {
          problems.add(Problem.of("strategy", "submission " + Problems.quoted(submissionId) + " is a " + row.get().strategy()
              + " proposal, not " + strategy));
        }
        Set<String> lenders = new LinkedHashSet<>();
        bodies.mapper().readTree(row.get().proposalJson()).path("plans")
            .forEach(plan -> lenders.add(plan.path("platformId").asText()));
        if (!lenders.contains(platformId)) {
          problems.add(Problem.of("platformId", "submission " + Problems.quoted(submissionId) + " proposes nothing to "
              + Problems.quoted(platformId) + "; its lenders are " + lenders));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(inBody(BODY + ": ", problems));
    }
  }

  /**
   * Records the answer for the acceptance monitor and returns the platform's current standing. The audit entry is
   * written first and the monitor told only once it is durable, both under the series' lock: an outcome the audit log
   * does not hold never counts, and the monitor sees a series' outcomes in the audit log's order — the order a restart
   * replays them in (FenqiConfiguration.outcomeMonitor), so its windows come back exactly. (Before, the
   * monitor came first: two concurrent answers for one series could reach the log in the other order, and a failed
   * audit write left a counted outcome behind.)
   */
  @ReadsBody
  @PostMapping(value = "/outcome", produces = "application/json")
  ResponseEntity<Map<String, Object>> outcome(HttpServletRequest http, Principal principal) throws IOException {
    OutcomeRequest body = bodies.read(http, OutcomeRequest.class);
    boolean accepted = Boolean.TRUE.equals(body.accepted());
    Strategy strategy = body.strategy();
    String platformId = body.platformId();
    String submissionId = body.submissionId();
    checkRefersToWhatExists(platformId, strategy, submissionId);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("platformId", platformId);
    details.put("strategy", strategy.name());
    details.put("accepted", Boolean.toString(accepted));
    AuditEvent event = AuditEvent.of(principal.getName(), AuditAction.OUTCOME_RECORDED,
        submissionId == null ? "platform/" + platformId : "submission/" + submissionId, details);
    boolean counted;
    synchronized (outcomeLocks[Math.floorMod(Objects.hash(platformId, strategy), outcomeLocks.length)]) {
      counted = submissionId == null || !answeredBefore(submissionId, platformId, accepted);
      if (counted) {
        try {
          transactions.executeWithoutResult(tx -> { // the answer's row goes if its audit entry cannot be written
            if (submissionId != null) {
              store.insertOutcome(submissionId, platformId, accepted);
            }
            audit.append(event);
          });
        } catch (DuplicateKeyException e) { // another instance recorded it first
          counted = !answeredBefore(submissionId, platformId, accepted);
        }
      }
      if (counted) {
        monitor.record(platformId, strategy, accepted);
      }
    }
    if (counted) {
      metrics.outcome(platformId, strategy, accepted);
    }
    AcceptanceStatus status = monitor.status(platformId, strategy);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("platformId", platformId);
    response.put("strategy", strategy);
    // each rate with the number of outcomes it is of, and null when there are none: the monitor's 0 for an empty
    // baseline read as lenders accepting nothing, beside a recent rate of 1.0 after a platform's first answer
    response.put("acceptanceRate", status.acceptanceRate());
    response.put("recentRate", status.recentTotal() == 0 ? null : status.recentRate());
    response.put("recentOutcomes", status.recentTotal());
    response.put("baselineRate", status.baselineTotal() == 0 ? null : status.baselineRate());
    response.put("baselineOutcomes", status.baselineTotal());
    response.put("alerting", status.alerting());
    return (counted ? ResponseEntity.accepted() : ResponseEntity.accepted().header("Idempotent-Replayed", "true"))
        .body(response);
  }

  /**
   * Whether the lender answered this submission before with the same answer (a retry: not counted again), or never
   * (false); an {@code OutcomeConflictException} if it answered the other way. Each answer sent counted: a client
   * retrying a lost 202 counted the lender's answer twice in the acceptance monitor.
   */
  private boolean answeredBefore(String submissionId, String platformId, boolean accepted) {
    Optional<Boolean> before = store.outcome(submissionId, platformId);
    if (before.isPresent() && before.get() != accepted) {
      throw new ProblemHandler.OutcomeConflictException("platform " + platformId + " already answered submission "
          + submissionId + (before.get() ? ": accepted" : ": rejected") + "; an answer is recorded once");
    }
    return before.isPresent();
  }
}
