package dev.vigil.diagnostics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pytest} format. Each failure section ({@code ____ test_name ____}) gives the place
 * (the outermost frame inside the project, such as {@code tests/test_x.py:12: AssertionError}), the
 * exception type and the first {@code E} line; the short summary's {@code FAILED
 * tests/test_x.py::test_name - message} names the test. Sections that no summary line names are
 * reported from the section alone.
 */
final class PytestParser extends LineParser {
  static final Pattern SUMMARY =
      Pattern.compile(
          "^(?<kind>FAILED|ERROR) (?<file>[^\\s:]+)(?:::(?<test>\\S+))?(?: - (?<msg>.*))?$");
  private static final Pattern PLACE =
      Pattern.compile(
          "^(?<file>[^\\s:]+\\.py):(?<line>\\d+):(?: in \\S+| (?<type>[A-Za-z_][\\w.]*))?\\s*$");
  private static final Pattern SECTION = Pattern.compile("^_{3,} (?<name>.+?) _{3,}$");
  private static final Pattern ERROR_LINE = Pattern.compile("^E\\s+(?<text>\\S.*)$");
  private static final Pattern TYPE = Pattern.compile("^(?<type>[A-Za-z_][\\w.]*)(?::.*)?$");

  /** What one failure section showed; absent parts are empty. */
  private record Section(String file, int line, String type, String error) {
    static final Section EMPTY = new Section("", 0, "", "");
  }

  private final Map<String, Section> sections = new LinkedHashMap<>();
  private String current;

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
      section(line);
    } else if (first == 'F' || first == 'E') {
      Matcher summary = SUMMARY.matcher(line);
      if (summary.matches()) {
        summary(summary);
      } else if (first == 'E') {
        error(line);
      }
    } else if (line.indexOf(".py:") > 0) {
      Matcher place = PLACE.matcher(line);
      if (place.matches()) {
        place(place);
      }
    }
  }

  private void section(String line) {
    Matcher m = SECTION.matcher(line);
    if (m.matches()) {
      current = m.group("name");
      if (sections.size() < Sink.LIMIT) {
        sections.putIfAbsent(current, Section.EMPTY);
      }
    }
  }

  private void error(String line) {
    Matcher m = ERROR_LINE.matcher(line);
    if (m.matches()) {
      String text = m.group("text");
      update(s -> s.error().isEmpty() ? new Section(s.file(), s.line(), s.type(), text) : s);
    }
  }

  private void place(Matcher m) {
    String file = m.group("file");
    int number = LineNumbers.parse(m.group("line"));
    String type = m.group("type");
    update(
        s -> {
          boolean better =
              s.file().isEmpty() || (s.file().startsWith("/") && !file.startsWith("/"));
          return new Section(
              better ? file : s.file(),
              better ? number : s.line(),
              type != null ? type : s.type(),
              s.error());
        });
  }

  private void update(UnaryOperator<Section> change) {
    if (current != null && sections.containsKey(current)) {
      sections.put(current, change.apply(sections.get(current)));
    }
  }

  private void summary(Matcher m) {
    String file = m.group("file");
    String test = m.group("test");
    String key = test == null ? "ERROR collecting " + file : test.replace("::", ".");
    Section s = sections.remove(key);
    s = s == null ? Section.EMPTY : s;
    String message = m.group("msg") == null ? "" : m.group("msg").strip();
    if (message.isEmpty() || message.endsWith("...")) {
      message = s.error().isEmpty() ? message : s.error();
    }
    String code = s.type().isEmpty() ? type(message.isEmpty() ? s.error() : message) : s.type();
    String text = message.isEmpty() ? (code.isEmpty() ? m.group("kind") : code) : message;
    int line = s.file().equals(file) ? s.line() : 0;
    sink.add(file, line, 0, Severity.ERROR, code, test == null ? text : test + ": " + text);
  }

  private static String type(String text) {
    Matcher m = TYPE.matcher(text);
    return m.matches() && !text.startsWith("assert") ? m.group("type") : "";
  }

  @Override
  void end() {
    for (Map.Entry<String, Section> e : sections.entrySet()) {
      Section s = e.getValue();
      if (!s.file().isEmpty()) {
        String code = s.type().isEmpty() ? type(s.error()) : s.type();
        String text = s.error().isEmpty() ? (code.isEmpty() ? "failed" : code) : s.error();
        sink.add(s.file(), s.line(), 0, Severity.ERROR, code, e.getKey() + ": " + text);
      }
    }
    sections.clear();
  }
}
