package io.github.fenqi.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.borrower.Borrower;
import io.github.fenqi.core.debt.Debt;
import io.github.fenqi.core.json.ChecksAcrossParts;
import io.github.fenqi.core.json.FenqiJson;
import io.github.fenqi.core.script.ScriptGenerator;
import io.github.fenqi.core.script.ScriptOptions;
import io.github.fenqi.core.security.Masking;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * @param debts the overdue debts, at least one, ids unique (compared without spaces around them: {@code "cc-1 "} is
 *     {@code "cc-1"} to whoever reads the result)
 * @param hardshipNote the borrower's own words on their hardship (optional, free text); it is checked against the
 *     sensitive-word lexicon and cleaned before it goes into a script, and the findings are reported
 */
@ChecksAcrossParts(NegotiationRequest.AcrossParts.class)
public record NegotiationRequest(String caseId, LocalDate asOf, Borrower borrower, List<Debt> debts, @Nullable String hardshipNote) {

  /** A request without a hardship note. */
  public NegotiationRequest(String caseId, LocalDate asOf, Borrower borrower, List<Debt> debts) {
    this(caseId, asOf, borrower, debts, null);
  }

  public NegotiationRequest {
    List<@Nullable String> ids = null;
    if (debts != null) {
      ids = new ArrayList<>();
      for (Debt d : debts) {
        ids.add(d == null ? null : d.id());
      }
    }
    List<Problem> problems = structuralProblems(true, caseId, asOf != null, borrower != null, ids, hardshipNote);
    Dates.outOfRange("asOf", asOf).ifPresent(problems::add);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    debts = List.copyOf(debts);
  }

  /**
   * What the record checks across its parts, from what they say: {@code debtIds} has one entry per debt (null for a
   * null debt, "" for one without a usable id) or is null when there are no debts. The constructor asks it, and so
   * does a read that failed in a part, so that a case with a bad debt still hears of its duplicate ids.
   */
  private static List<Problem> structuralProblems(boolean checkCaseId, @Nullable String caseId, boolean hasAsOf,
      boolean hasBorrower, @Nullable List<@Nullable String> debtIds, @Nullable String hardshipNote) {
    List<Problem> problems = new ArrayList<>();
    if (checkCaseId) {
      TextFields.check("caseId", caseId, TextFields.MAX_ID_LENGTH).ifPresent(problems::add);
    }
    if (!hasAsOf) {
      problems.add(Problem.of("asOf", "is required (YYYY-MM-DD)"));
    }
    if (!hasBorrower) {
      problems.add(Problem.of("borrower", "is required"));
    }
    if (debtIds == null || debtIds.isEmpty()) {
      problems.add(Problem.of("debts", "must list at least one debt"));
    } else {
      // ids are compared without spaces around them: "cc-1" and "cc-1 " (a cell copied from a spreadsheet) had been two
      // debts, each planned and scripted, shown under one id
      Map<String, Integer> firstOf = new HashMap<>();
      for (int i = 0; i < debtIds.size(); i++) {
        String id = debtIds.get(i);
        if (id == null) {
          problems.add(Problem.of("debts[" + i + "]", "is null"));
        } else if (!id.isEmpty()) {
          Integer first = firstOf.putIfAbsent(TextFields.withoutSpacesAround(id), i);
          String other = first == null ? null : debtIds.get(first);
          // quoted as a value from outside: a case read with a bad debt still hears of its duplicates, and an id
          // refused for its line break had been quoted raw here, its second half a forged line of a log
          if (id.equals(other)) {
            problems.add(Problem.of("debts[" + i + "].id", "'" + Problem.excerpt(id) + "' appears more than once"));
          } else if (other != null) {
            problems.add(Problem.of("debts[" + i + "].id", "'" + Problem.excerpt(id) + "' appears more than once (as "
                + "debts[" + first + "]'s '" + Problem.excerpt(other) + "', with spaces around it)"));
          }
        }
      }
    }
    // characters, as the message says and TextFields counts: a note in ideographs outside the Basic Multilingual Plane
    // (𠀀, two UTF-16 units each) had been refused at 1 001 characters, told it was 2 002
    int noteLength = hardshipNote == null ? 0 : hardshipNote.codePointCount(0, hardshipNote.length());
    if (noteLength > ScriptOptions.MAX_NOTE_LENGTH) {
      problems.add(Problem.of("hardshipNote", "is " + noteLength + " characters; at most " + ScriptOptions.MAX_NOTE_LENGTH));
    }
    return problems;
  }

  /** Reads a case file; every problem names the file and JSON path, and every problem of the file is listed. */
  public static NegotiationRequest read(Path caseFile) {
    return read(FenqiJson.newMapper(), InputFiles.read(caseFile), caseFile.toString());
  }

  /**
   * Reads a case from JSON bytes; {@code source} names them in errors ("request body"). Every problem is listed: each
   * debt's and the borrower's (bound one by one when one fails, see {@link FenqiJson#problemsOfEachPart}) and those
   * across them, such as duplicate ids.
   */
  public static NegotiationRequest read(ObjectMapper mapper, byte[] json, String source) {
    return FenqiJson.read(mapper, json, NegotiationRequest.class, source);
  }

  /**
   * {@link #structuralProblems} of a case's JSON object, for a case that failed to bind in a part ({@link
   * ChecksAcrossParts}): wherever the case is read, a bad debt does not hide its duplicate ids.
   */
  static final class AcrossParts implements ChecksAcrossParts.Checks {
    @Override
    public List<Problem> problems(ObjectNode root) {
      JsonNode caseId = root.path("caseId");
      JsonNode debts = root.path("debts");
      List<@Nullable String> ids = null;
      if (debts.isArray()) {
        ids = new ArrayList<>();
        for (JsonNode d : debts) {
          ids.add(d.isNull() ? null : d.path("id").isTextual() ? d.path("id").asText() : "");
        }
      } else if (!debts.isMissingNode() && !debts.isNull()) {
        ids = List.of(""); // not a list: its own part reports it
      }
      JsonNode note = root.path("hardshipNote");
      return structuralProblems(
          caseId.isMissingNode() || caseId.isNull() || caseId.isTextual(), // another kind: its own part reports it
          caseId.isTextual() ? caseId.asText() : null,
          !root.path("asOf").isMissingNode() && !root.path("asOf").isNull(),
          !root.path("borrower").isMissingNode() && !root.path("borrower").isNull(), ids,
          note.isTextual() ? note.asText() : null);
    }
  }

  /**
   * The record's parts, the hardship note with its identifiers masked ({@link Masking#redact}) as the borrower's are:
   * the note is the borrower's own words and may give a mobile or an ID number ("请联系我 13912345678"), and the
   * record's own {@code toString} had printed it in clear into any log that showed the request. The borrower's own
   * name and numbers are masked in any form, as the scripts quote the note ({@link ScriptGenerator#masked}): "我叫张三"
   * had been printed beside {@code borrower=Borrower[name=张*, ...]}.
   */
  @Override
  public String toString() {
    return "NegotiationRequest[caseId=" + caseId + ", asOf=" + asOf + ", borrower=" + borrower + ", debts=" + debts
        + ", hardshipNote=" + (hardshipNote == null ? null : ScriptGenerator.masked(borrower, hardshipNote)) + "]";
  }
}
