package dev.vigil.diagnostics;

import dev.vigil.run.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;

/** Recorded tool output from the test resources, and a compact view of parsed diagnostics. */
final class Samples {
  private Samples() {}

  static List<String> lines(String resource) {
    try (InputStream in = Samples.class.getResourceAsStream("/diagnostics/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource diagnostics/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Diagnostic> parse(String format, String root, String resource) {
    return DiagnosticParsers.parse(format, Path.of(root), lines(resource));
  }

  /** file, line, column, severity, code, message: what a user sees of a diagnostic. */
  static Tuple view(Diagnostic d) {
    return Tuple.tuple(d.file(), d.line(), d.column(), d.severity(), d.code(), d.message());
  }

  static Tuple d(String file, int line, int column, String severity, String code, String msg) {
    return Tuple.tuple(file, line, column, severity, code, msg);
  }
}
