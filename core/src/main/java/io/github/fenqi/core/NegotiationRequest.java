package io.github.fenqi.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.json.FenqiJson;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One borrower's case: who, as of when, and which debts. Its JSON form is the case file of the CLI and the
 * body of the REST API ({@code samples/cases/shanghai-three-debts.json}).
 *
 * <p>Structural problems (no debts, duplicate ids, a missing borrower) are rejected here, all at once;
 * problems that need the policies or a clock (unknown platform, a date in the future) are rejected by
 * {@link NegotiationEngine#calculate} before any work.
 *
 * <p>Thread-safety: immutable.
 *
 * @param caseId the caller's identifier of the case
 * @param asOf the date the debts' figures are valid on; policies are looked up as of this date
 * @param borrower the borrower
 * @param debts the overdue debts, at least one, ids unique
 * @param hardshipNote the borrower's own words on their hardship (optional, free text); it is checked against the
 *     sensitive-word lexicon and cleaned before it goes into a script, and the findings are reported
 */
public record NegotiationRequest(String caseId, LocalDate asOf, Borrower borrower, List<Debt> debts, @Nullable String hardshipNote) {

  /** A request without a hardship note. */
  public NegotiationRequest(String caseId, LocalDate asOf, Borrower borrower, List<Debt> debts) {
    this(caseId, asOf, borrower, debts, null);
  }

  public NegotiationRequest {
    List<Problem> problems = new ArrayList<>();
    if (caseId == null || caseId.isBlank()) {
      problems.add(Problem.of("caseId", "must not be empty"));
    }
    if (asOf == null) {
      problems.add(Problem.of("asOf", "is required (YYYY-MM-DD)"));
    }
    if (borrower == null) {
      problems.add(Problem.of("borrower", "is required"));
    }
    if (debts == null || debts.isEmpty()) {
      problems.add(Problem.of("debts", "must list at least one debt"));
    } else {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < debts.size(); i++) {
        if (debts.get(i) == null) {
          problems.add(Problem.of("debts[" + i + "]", "is null"));
        } else if (!ids.add(debts.get(i).id())) {
          problems.add(Problem.of("debts[" + i + "].id", "'" + debts.get(i).id() + "' appears more than once"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    debts = List.copyOf(debts);
    if (hardshipNote != null && hardshipNote.length() > 2000) {
      throw new InvalidInputException("hardshipNote", "is " + hardshipNote.length() + " characters; at most 2000");
    }
  }

  /** Reads a case file; every problem names the file and JSON path. */
  public static NegotiationRequest read(Path caseFile) {
    return FenqiJson.read(FenqiJson.newMapper(), caseFile, NegotiationRequest.class);
  }

  /** Reads a case from JSON bytes; {@code source} names them in errors ("request body"). */
  public static NegotiationRequest read(ObjectMapper mapper, byte[] json, String source) {
    return FenqiJson.read(mapper, json, NegotiationRequest.class, source);
  }
}
