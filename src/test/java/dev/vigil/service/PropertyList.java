package dev.vigil.service;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads an XML property list into maps, lists, strings, booleans and longs, strictly. */
final class PropertyList {
  private PropertyList() {}

  static Map<String, Object> parse(String xml)
      throws ParserConfigurationException, IOException, SAXException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    Element root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
    if (!root.getTagName().equals("plist") || !"1.0".equals(root.getAttribute("version"))) {
      throw new IllegalArgumentException("not a plist 1.0: <" + root.getTagName() + ">");
    }
    List<Element> top = children(root);
    if (top.size() != 1) {
      throw new IllegalArgumentException("a plist holds one value, not " + top.size());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> dict = (Map<String, Object>) value(top.get(0));
    return dict;
  }

  private static Object value(Element e) {
    return switch (e.getTagName()) {
      case "dict" -> dict(e);
      case "array" -> children(e).stream().map(PropertyList::value).toList();
      case "string" -> e.getTextContent();
      case "integer" -> Long.parseLong(e.getTextContent().strip());
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default ->
          throw new IllegalArgumentException("unknown plist element <" + e.getTagName() + ">");
    };
  }

  private static Map<String, Object> dict(Element e) {
    List<Element> items = children(e);
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i += 2) {
      Element key = items.get(i);
      if (!key.getTagName().equals("key") || i + 1 >= items.size()) {
        throw new IllegalArgumentException("dict entries must be <key> then a value");
      }
      if (map.put(key.getTextContent(), value(items.get(i + 1))) != null) {
        throw new IllegalArgumentException("duplicate key " + key.getTextContent());
      }
    }
    return map;
  }

  private static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        out.add(child);
      } else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
        throw new IllegalArgumentException("stray text in <" + e.getTagName() + ">");
      }
    }
    return out;
  }
}
