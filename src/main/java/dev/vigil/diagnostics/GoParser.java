package dev.vigil.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code go} format: {@code ./main.go:5:2: message} from go build and go vet (also with a
 * {@code vet: } prefix), and the indented {@code file_test.go:12: message} lines of go test, whose
 * code is the failing test's name from the {@code --- FAIL: TestName} line above them.
 */
final class GoParser extends LineParser {
  static final Pattern LINE =
      Pattern.compile(
          "^(?<indent>\\s*)(?:vet: )?(?<file>[^\\s:]+\\.go):(?<line>\\d+)(?::(?<col>\\d+))?: "
              + "(?<msg>\\S.*)$");

  private static final Pattern FAIL = Pattern.compile("^\\s*--- FAIL: (?<test>\\S+).*$");

  private String failingTest = "";

  GoParser(Sink sink) {
    super(sink);
  }

  @Override
  void line(String line) {
    if (line.indexOf(".go:") < 0) {
      Matcher fail = line.contains("--- FAIL: ") ? FAIL.matcher(line) : null;
      if (fail != null && fail.matches()) {
        failingTest = fail.group("test");
      }
      return;
    }
    Matcher m = LINE.matcher(line);
    if (m.matches()) {
      sink.add(
          m.group("file"),
          LineNumbers.parse(m.group("line")),
          LineNumbers.parse(m.group("col")),
          Severity.ERROR,
          m.group("indent").isEmpty() ? "" : failingTest,
          m.group("msg"));
    }
  }
}
