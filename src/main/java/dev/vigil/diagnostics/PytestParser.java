package dev.vigil.diagnostics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pytest} format. Each failure section ({@code ____ test_name ____}) ends with a {@code
 * tests/test_x.py:12: AssertionError} line that gives the place; the short summary's {@code FAILED
 * tests/test_x.py::test_name - message} gives the message. Sections that no summary line names are
 * reported from their place line alone.
 */
final class PytestParser extends LineParser {
  static final Pattern SUMMARY =
      Pattern.compile(
          "^(?<kind>FAILED|ERROR) (?<file>[^\\s:]+)(?:::(?<test>\\S+))?(?: - (?<msg>.*))?$");
  static final Pattern PLACE =
      Pattern.compile(
          "^(?<file>[^\\s:]+\\.py):(?<line>\\d+): (?:in (?<function>\\S+)|(?<type>[A-Za-z_][\\w.]*))$");
  private static final Pattern SECTION = Pattern.compile("^_{3,} (?<name>.+?) _{3,}$");
  private static final int MAX_SECTIONS = Sink.LIMIT;

  /** Where each failure section's test failed, by section name. */
  private final Map<String, PendingDiagnostic> places = new LinkedHashMap<>();

  private String section;

  PytestParser(Sink sink) {
    super(sink);
  }

  @Override
  void line(String line) {
    if (line.isEmpty()) {
      return;
    }
    char first = line.charAt(0);
    if (first == '_') {
      Matcher m = SECTION.matcher(line);
      section = m.matches() ? m.group("name") : section;
    } else if (first == 'F' || first == 'E') {
      Matcher m = SUMMARY.matcher(line);
      if (m.matches()) {
        summary(m);
      }
    } else if (section != null && line.indexOf(".py:") > 0) {
      Matcher m = PLACE.matcher(line);
      if (m.matches()) {
        place(m);
      }
    }
  }

  /**
   * The outermost frame (the test function) gives the place; the last line, which names the
   * exception type, gives the code.
   */
  private void place(Matcher m) {
    PendingDiagnostic previous = places.get(section);
    if (previous == null && places.size() >= MAX_SECTIONS) {
      return;
    }
    String type = m.group("type");
    if (previous == null) {
      String code = type == null ? "" : type;
      places.put(
          section,
          new PendingDiagnostic(
              m.group("file"), Locations.number(m.group("line")), 0, Severity.ERROR, code, code));
    } else if (type != null) {
      places.put(section, previous.withCode(type));
    }
  }

  private void summary(Matcher m) {
    String file = m.group("file");
    String test = m.group("test");
    String key = test == null ? null : test.replace("::", ".");
    PendingDiagnostic place = key == null ? null : places.remove(key);
    int line = place != null && place.file().equals(file) ? place.line() : 0;
    String message = m.group("msg");
    String code = place != null ? place.code() : exceptionType(message);
    String text = message == null || message.isBlank() ? code : message;
    String where = test == null ? "" : test + ": ";
    sink.add(file, line, 0, Severity.ERROR, code, where + text);
  }

  private static String exceptionType(String message) {
    if (message == null) {
      return "";
    }
    int colon = message.indexOf(':');
    String head = colon > 0 ? message.substring(0, colon) : "";
    return head.matches("[A-Za-z_][\\w.]*") ? head : "";
  }

  @Override
  void end() {
    for (Map.Entry<String, PendingDiagnostic> e : places.entrySet()) {
      PendingDiagnostic p = e.getValue();
      String text = p.code().isEmpty() ? "failed" : p.code();
      sink.add(p.file(), p.line(), 0, p.severity(), p.code(), e.getKey() + ": " + text);
    }
    places.clear();
  }
}
