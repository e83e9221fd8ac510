package io.github.fenqi.nlp.source;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads the items of an RSS (2.0, 0.9x, 1.0) or Atom feed with the JDK's streaming XML parser, so that CDATA
 * sections, entities and a {@code ]]>} split across sections ({@code ]]]]><![CDATA[>}) come out as the text they
 * encode, not as markup residue, and each item is an announcement of its own instead of all of them being run
 * together as one page. DTDs are not processed (no external entities, no entity expansion), and the parser
 * streams, so nesting depth costs nothing.
 *
 * <p>Per item: {@code content:encoded} (RSS) or {@code content} (Atom), else (or if that is blank, as Atom's
 * out-of-line {@code <content src="…"/>} is) {@code description}/{@code summary}; {@code guid}/{@code id};
 * {@code title}; {@code link} (its text in RSS, {@code href} of the first alternate link, one with
 * {@code rel="alternate"} or none, in Atom). Only the item's own elements count, those in its namespace (and
 * {@code content:encoded}): an extension's element of the same local name, such as Media RSS's
 * {@code <media:content url="…"/>} or {@code <media:title>}, is not the item's text or title.
 *
 * <p>Thread-safety: stateless.
 */
final class XmlFeed {
  /** The namespace of RSS's {@code content:encoded}, the full text where {@code description} is a summary. */
  private static final String CONTENT_MODULE = "http://purl.org/rss/1.0/modules/content/";
  /** The start of an RSS or Atom document: declaration, comments, processing instructions, then the root. */
  private static final Pattern ROOT = Pattern.compile(
      "\\A\\uFEFF?\\s*(?:(?:<\\?[^>]*>|<!--(?:[^-]|-(?!->))*-->|<!DOCTYPE[^>]*>)\\s*)*<(?:rss|feed|rdf:RDF)[\\s>/]");

  /** One item as the feed states it; {@code content} is text or HTML. */
  record Item(@Nullable String id, @Nullable String title, @Nullable String link, @Nullable String content) {}

  /** The feed could not be read: {@link #where()} is " at line L, column C" when the parser knows it, else "". */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    private final String where;

    Malformed(String where, String what) {
      super(what);
      this.where = where;
    }

    String where() {
      return where;
    }
  }

  private XmlFeed() {}

  /** Whether {@code text} begins like an RSS or Atom document (looked for in its first 4096 characters). */
  static boolean looksLikeFeed(String text) {
    return ROOT.matcher(text.substring(0, Math.min(text.length(), 4096))).find();
  }

  /** The items of the feed, in the feed's order. */
  static List<Item> items(String xml) throws Malformed {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    XMLStreamReader r = null;
    try {
      r = factory.createXMLStreamReader(new StringReader(xml));
      while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
        // declaration, comments, processing instructions, a DOCTYPE (not processed)
      }
      if (!r.isStartElement()) {
        throw new Malformed("", "no root element");
      }
      String root = r.getLocalName();
      if (!root.equals("rss") && !root.equals("feed") && !root.equals("RDF")) {
        throw new Malformed(where(r.getLocation()), "the root element is <" + root + ">, not <rss>, <rdf:RDF> or <feed>");
      }
      List<Item> items = new ArrayList<>();
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT
            && (r.getLocalName().equals("item") || r.getLocalName().equals("entry"))) {
          items.add(item(r));
        }
      }
      return items;
    } catch (XMLStreamException e) {
      throw new Malformed(where(e.getLocation()), message(e));
    } finally {
      close(r);
    }
  }

  /** Reads one item, from its start tag to its end tag. */
  private static Item item(XMLStreamReader r) throws XMLStreamException {
    String itemNs = namespace(r);
    String id = null;
    String title = null;
    String link = null;
    String content = null;
    String summary = null;
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        break; // the item's own end tag: each child is read to its end tag below
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      String ns = namespace(r);
      if (!ns.equals(itemNs) && !ns.equals(CONTENT_MODULE)) {
        // another vocabulary's element of the same local name (Media RSS's media:content, media:title and
        // media:description, Dublin Core's dc:description) is not the item's: an empty <media:content url="…"/> had
        // become the item's text, its description dropped, and a media:title its title
        skip(r);
        continue;
      }
      if (name.equals("link") && r.getAttributeValue(null, "href") != null) { // Atom
        String rel = r.getAttributeValue(null, "rel");
        String href = r.getAttributeValue(null, "href");
        skip(r);
        if ((rel == null || rel.equals("alternate")) && link == null) {
          link = href;
        }
        continue;
      }
      boolean xhtml = "xhtml".equals(r.getAttributeValue(null, "type"));
      String text = text(r, xhtml);
      switch (name) {
        case "guid", "id" -> id = id == null ? text.strip() : id;
        case "title" -> title = title == null ? text.strip() : title;
        case "link" -> link = link == null ? text.strip() : link;
        case "encoded" -> content = ns.equals(CONTENT_MODULE) ? text : content;
        case "content" -> content = content == null ? text : content;
        case "description", "summary" -> summary = summary == null ? text : summary;
        default -> { } // author, pubDate, category...: not policy text
      }
    }
    // a blank content (Atom's out-of-line <content src="…"/>) is no text: the summary is, if there is one
    return new Item(blankToNull(id), title, blankToNull(link),
        content != null && (!content.isBlank() || summary == null) ? content : summary);
  }

  /** The namespace of the element the reader is on; "" for none. */
  private static String namespace(XMLStreamReader r) {
    return r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
  }

  /**
   * The text of the element the reader is on, up to its end tag. Elements nested in it are kept as tags (with
   * the character data escaped) only in Atom's {@code type="xhtml"} content, which is markup; elsewhere the
   * character data is the text or the HTML the feed carries.
   */
  private static String text(XMLStreamReader r, boolean xhtml) throws XMLStreamException {
    StringBuilder out = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      switch (r.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (xhtml) {
            out.append('<').append(r.getLocalName()).append('>');
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          depth--;
          if (xhtml && depth > 0) {
            out.append("</").append(r.getLocalName()).append('>');
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          String chars = r.getText();
          out.append(xhtml ? chars.replace("&", "&amp;").replace("<", "&lt;") : chars);
        }
        default -> { } // comments, processing instructions
      }
    }
    return out.toString();
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    text(r, false);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String where(@Nullable Location at) {
    return at == null || at.getLineNumber() < 0 ? "" : " at line " + at.getLineNumber() + ", column "
        + at.getColumnNumber();
  }

  /** The parser's message without its own "ParseError at [row,col]" prefix (the location is given separately). */
  private static String message(XMLStreamException e) {
    String m = String.valueOf(e.getMessage());
    int at = m.indexOf("Message: ");
    String s = (at >= 0 ? m.substring(at + "Message: ".length()) : m).strip();
    return s.isEmpty() ? "malformed XML" : s;
  }

  private static void close(@Nullable XMLStreamReader r) {
    if (r != null) {
      try {
        r.close();
      } catch (XMLStreamException ignored) {
        // nothing was opened that needs releasing: the input is a string
      }
    }
  }
}
