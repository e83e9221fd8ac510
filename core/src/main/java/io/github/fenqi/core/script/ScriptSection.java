package io.github.fenqi.core.script;

import io.github.fenqi.core.RequiredParts;

/**
 * One section of a script, for apps that lay a script out themselves.
 *
 * <p>Thread-safety: immutable.
 *
 * @param kind which section
 * @param title its heading in the script's language
 * @param text its body, paragraphs separated by line breaks
 */
public record ScriptSection(Kind kind, String title, String text) {
  public ScriptSection {
    RequiredParts.check(new String[] {"kind", "title", "text"}, kind, title, text);
  }

  /**
   * The four sections of every script, in this order.
   *
   * <p>Thread-safety: immutable (an enum).
   */
  public enum Kind {
    /** Why the borrower fell behind, with income, essentials and the monthly budget. */
    HARDSHIP,
    /** That the borrower means to repay. */
    WILLINGNESS,
    /** The concrete plan: term, down payment, monthly amount, waivers per component, totals. */
    PROPOSAL,
    /** The lender policy's references and the general ones for the product type. */
    LEGAL_BASIS
  }
}
