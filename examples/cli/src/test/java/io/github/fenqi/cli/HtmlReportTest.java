package io.github.fenqi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.fenqi.core.NegotiationResult;
import io.github.fenqi.core.json.FenqiJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What the page prints of a result is text, never markup, whichever part of the result it comes from. */
class HtmlReportTest {
  private static final String POLICIES = "../../samples/policies";
  private static final String INFEASIBLE = "../../samples/cases/shanghai-three-debts.json";

  /**
   * An infeasible result's reason and recommendation are escaped like the case's values: a result read back from JSON
   * or made by another solver carries sentences the page did not write (the CLI's own solvers write no markup, so the
   * sample cases could not tell an escaped reason from one printed as it is).
   */
  @Test
  void theReasonAndRecommendationOfAnInfeasibleResultAreText() throws Exception {
    CliRun run = CliRun.of("plan", INFEASIBLE, "--policies", POLICIES);
    assertEquals(0, run.exit(), run.err());
    ObjectMapper mapper = FenqiJson.newMapper();
    ObjectNode json = (ObjectNode) mapper.readTree(run.out());
    String reason = "Budget <b>short</b> & \"savings\" too";
    String recommendation = "Ask <i>counsel</i> & 'mediation'";
    json.put("reason", reason).put("recommendation", recommendation);
    NegotiationResult result = mapper.treeToValue(json, NegotiationResult.class);
    StringWriter html = new StringWriter();
    HtmlReport.print(new PrintWriter(html), result);
    assertFalse(html.toString().contains("<b>") || html.toString().contains("<i>"), html.toString());
    org.w3c.dom.NodeList paragraphs = xml(html.toString()).getElementsByTagName("p");
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < paragraphs.getLength(); i++) {
      texts.add(paragraphs.item(i).getTextContent());
    }
    assertEquals(java.util.List.of("Monthly budget for installments: " + json.get("maxAffordableInstallment").asText(),
        reason, "Recommendation: " + recommendation), texts, html.toString());
  }

  private static org.w3c.dom.Document xml(String page) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(page)));
  }
}
