package io.github.fenqi.cli;

import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.money.Money;
import io.github.fenqi.core.schedule.Installment;
import io.github.fenqi.core.schedule.Schedule;
import io.github.fenqi.core.script.NegotiationScript;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code fenqi plan --format html}: a result as one standalone page (no script, no external resource) that a
 * counsellor can open, print or attach — the proposals side by side, each lender's plan with its schedule, and the
 * scripts.
 *
 * <p>Every value from the case or the policies is untrusted (a debt id, a platform name, a hardship note quoted in a
 * script), so every one is escaped; the page is also well-formed XML, which is how the tests read it back.
 *
 * <p>Thread-safety: stateless.
 */
final class HtmlReport {
  private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:72em}"
      + "table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #999;padding:.2em .5em}"
      + "td.n{text-align:right;font-variant-numeric:tabular-nums}tr.no td{color:#a00}"
      + "pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}";

  private HtmlReport() {}

  static void print(PrintWriter out, NegotiationResult r) {
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\"><head><meta charset=\"UTF-8\"/>");
    out.println("<title>fenqi plan " + escape(r.caseId()) + "</title><style>" + STYLE + "</style></head><body>");
    out.println("<h1>Case " + escape(r.caseId()) + " as of " + r.asOf() + "</h1>");
    out.println("<p id=\"budget\">Monthly budget for installments: " + r.maxAffordableInstallment() + "</p>");
    list(out, "affordability", r.affordability().notes());
    if (r.screening() != null) {
      out.println("<h2>Screening: " + r.screening().verdict() + "</h2>");
      list(out, "screening", r.screening().reasons());
    }
    if (!r.ineligible().isEmpty()) {
      out.println("<h2>Not eligible</h2>");
      list(out, "ineligible", r.ineligible().stream()
          .map(i -> i.debtId() + " — " + String.join("; ", i.reasons())).toList());
    }
    list(out, "hardship-note", r.hardshipNoteFindings().stream().map(m -> "The sentence with '" + m.matched() + "' ("
        + m.category() + ") is kept out of the scripts").toList());
    if (!r.feasible()) {
      out.println("<h2 id=\"infeasible\">No feasible proposal (" + r.binding() + ")</h2>");
      out.println("<p>" + escape(r.reason()) + "</p><p>Recommendation: " + escape(r.recommendation()) + "</p>");
    } else {
      proposals(out, r);
    }
    list(out, "notes", r.notes().entrySet().stream().map(HtmlReport::entry).toList());
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      for (NegotiationScript s : p.scripts()) {
        out.println("<h3>Script: " + p.strategy() + " / " + escape(s.debtId()) + " (" + escape(s.platformId()) + ", "
            + escape(s.language().tag()) + ")</h3>");
        out.println("<pre lang=\"" + escape(s.language().tag()) + "\">" + escape(s.text()) + "</pre>");
        list(out, "removed", s.findings().stream().map(f -> "Removed from " + f.field() + ": '" + f.match().matched()
            + "' (" + f.match().category() + ")").toList());
      }
      if (p.scriptsWithheld() != null) {
        out.println("<h3>No scripts: " + p.strategy() + "</h3>");
        out.println("<p class=\"no-scripts\">" + escape(p.scriptsWithheld()) + "</p>");
      }
    }
    out.println("</body></html>");
  }

  private static void proposals(PrintWriter out, NegotiationResult r) {
    out.println("<h2>Proposals</h2><table id=\"proposals\"><thead><tr><th>strategy</th><th>1st month</th>"
        + "<th>down payment</th><th>total payable</th><th>saving</th><th>p(accept)</th><th>stress</th>"
        + "<th>p(default)</th><th>recommended</th></tr></thead><tbody>");
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      out.println("<tr" + (p.recommended() ? "" : " class=\"no\"") + "><td>" + p.strategy() + "</td>"
          + money(p.totalFirstMonthInstallment()) + money(p.totalDownPayment()) + money(p.totalPayable())
          + money(p.saving()) + number(p.acceptanceProbability()) + "<td>" + p.stress().level() + "</td>"
          + number(p.stress().defaultProbability()) + "<td>"
          + (p.recommended() ? "yes" : "no: " + escape(p.stress().recommendation())) + "</td></tr>");
    }
    out.println("</tbody></table>");
    for (NegotiationResult.ProposalReport p : r.proposals()) {
      out.println("<h2>" + p.strategy() + "</h2><table class=\"plans\"><thead><tr><th>debt</th><th>platform</th>"
          + "<th>months</th><th>down payment</th><th>waived</th><th>1st installment</th><th>total payable</th>"
          + "<th>annualised rate</th><th>p(accept)</th></tr></thead><tbody>");
      for (NegotiationResult.DebtPlan d : p.plans()) {
        out.println("<tr><td>" + escape(d.debtId()) + "</td><td>" + escape(d.platformId()) + "</td><td class=\"n\">"
            + d.term() + "</td>" + money(d.downPayment()) + money(d.waivedTotal()) + money(d.firstInstallment())
            + money(d.totalPayable()) + "<td class=\"n\">" + percent(d.schedule()) + "</td>"
            + number(d.acceptanceProbability()) + "</tr>");
      }
      out.println("</tbody></table>");
      for (NegotiationResult.DebtPlan d : p.plans()) {
        schedule(out, d);
      }
    }
  }

  private static void schedule(PrintWriter out, NegotiationResult.DebtPlan d) {
    out.println("<details><summary>Schedule of " + escape(d.debtId()) + ": " + d.term() + " months, "
        + d.schedule().method() + "</summary><table class=\"schedule\"><thead><tr><th>month</th><th>payment</th>"
        + "<th>principal</th><th>interest</th><th>fee</th><th>remaining</th></tr></thead><tbody>");
    for (Installment i : d.schedule().installments()) {
      out.println("<tr><td class=\"n\">" + i.period() + "</td>" + money(i.payment()) + money(i.principal())
          + money(i.interest()) + money(i.fee()) + money(i.remaining()) + "</tr>");
    }
    out.println("</tbody></table></details>");
  }

  private static void list(PrintWriter out, String id, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.println("<ul class=\"" + id + "\">");
    items.forEach(i -> out.println("<li>" + escape(i) + "</li>"));
    out.println("</ul>");
  }

  private static String money(Money m) {
    return "<td class=\"n\">" + m + "</td>";
  }

  private static String number(double p) {
    return "<td class=\"n\">" + String.format(Locale.ROOT, "%.3f", p) + "</td>";
  }

  private static String percent(Schedule schedule) {
    return OutputFormat.percent(schedule) + " %";
  }

  /** Text as HTML character data or attribute content: the five characters with a meaning in markup replaced. */
  static String escape(@org.jspecify.annotations.Nullable String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A strategy's note as "STRATEGY: note". */
  private static String entry(Map.Entry<?, ?> e) {
    return e.getKey() + ": " + e.getValue();
  }
}
