package dev.vigil.diagnostics;

import dev.vigil.run.Diagnostic;
import dev.vigil.run.RecordMapper;
import java.nio.file.Path;
import java.util.List;

/**
 * Chooses the parser for a stage's {@code format} and runs it over the stage's output. Every
 * diagnostic comes back with {@code seen} 1; {@link RecurrenceCounter} fills in the history.
 */
public final class DiagnosticParsers {
  /** The most diagnostics one stage yields; the rest are dropped. */
  public static final int LIMIT = Sink.LIMIT;

  private DiagnosticParsers() {}

  /**
   * A streaming parser for one stage's output.
   *
   * @param format one of auto, none, cargo-json, rustc, javac, maven, gcc, clang, pytest, go,
   *     generic; null or blank means auto
   * @param projectRoot absolute paths under it become relative
   * @throws IllegalArgumentException naming the format when it is unknown
   */
  public static DiagnosticParser parser(String format, Path projectRoot) {
    Sink sink = new Sink(projectRoot);
    return create(Format.of(format), sink);
  }

  /** Parses all of a stage's output lines at once; see {@link #parser}. */
  public static List<Diagnostic> parse(String format, Path projectRoot, Iterable<String> lines) {
    DiagnosticParser parser = parser(format, projectRoot);
    for (String line : lines) {
      parser.accept(line);
    }
    return parser.finish();
  }

  private static LineParser create(Format format, Sink sink) {
    return switch (format) {
      case AUTO -> new AutoParser(sink, f -> create(f, sink));
      case NONE -> new NoneParser(sink);
      case CARGO_JSON -> new CargoJsonParser(sink, RecordMapper.create());
      case RUSTC -> new RustcParser(sink);
      case JAVAC -> new JavacParser(sink);
      case MAVEN -> new MavenParser(sink);
      case GCC, CLANG -> new GccParser(sink);
      case PYTEST -> new PytestParser(sink);
      case GO -> new GoParser(sink);
      case GENERIC -> new GenericParser(sink);
    };
  }
}
