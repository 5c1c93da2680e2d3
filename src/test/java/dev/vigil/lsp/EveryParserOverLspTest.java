package dev.vigil.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.diagnostics.DiagnosticParsers;
import dev.vigil.run.RecordMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The recorded output of every parser (Rust, Java, Python, C/C++, Go), parsed as the daemon does
 * and sent as a finished stage: each diagnostic that names a file reaches the editor at its file
 * and line, with its severity and message.
 */
class EveryParserOverLspTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @ParameterizedTest
  @CsvSource({
    "cargo-json, /tmp/samples/demo, cargo-json/build.jsonl",
    "cargo-json, /tmp/samples/lint, cargo-json/clippy.jsonl",
    "rustc, /tmp/samples/demo, rustc/build-color.txt",
    "auto, /tmp/samples/fmt, rustfmt/check.txt",
    "javac, /tmp/samples/jv, javac/broken.txt",
    "maven, /tmp/samples/jv, maven/compile.txt",
    "gcc, /tmp/samples/gcc, gcc/main-color.txt",
    "clang, /tmp/samples/gcc, clang/main.txt",
    "pytest, /tmp/samples/py, pytest/failures.txt",
    "pytest, /tmp/samples/py2, pytest/collect-error.txt",
    "go, /tmp/samples/go, go/build.txt",
    "go, /tmp/samples/go, go/test.txt",
  })
  void everyDiagnosticThatNamesAFileReachesTheEditorAtItsLine(
      String format, String sampleRoot, String sample) throws Exception {
    Path root = Path.of(sampleRoot);
    List<dev.vigil.run.Diagnostic> found = DiagnosticParsers.parse(format, root, lines(sample));
    Map<String, List<dev.vigil.run.Diagnostic>> byUri = new LinkedHashMap<>();
    for (dev.vigil.run.Diagnostic d : found) {
      if (!d.file().isEmpty()) {
        byUri
            .computeIfAbsent(Uris.of(root.resolve(d.file())), k -> new java.util.ArrayList<>())
            .add(d);
      }
    }
    assertThat(byUri).as("diagnostics naming a file in %s", sample).isNotEmpty();

    FakeDaemon daemon =
        new FakeDaemon(
            "{\"projects\":[{\"name\":\"core\",\"root\":\""
                + root
                + "\",\"state\":\"watching\"}]}");
    EditorSide editor = new EditorSide();
    LanguageServer server =
        LspSession.connect(daemon, editor, root, new dev.vigil.time.FakeScheduler());
    try {
      await().atMost(WAIT).until(() -> daemon.streamsOpened() == 1);
      String json = RecordMapper.create().writeValueAsString(found);
      daemon.send(
          "{\"type\":\"stage-finished\",\"stage\":\"check\",\"run\":{\"project\":\"core\","
              + "\"runId\":\"core-1\",\"result\":\"running\",\"stages\":[{\"name\":\"check\","
              + "\"status\":\"failed\",\"durationMs\":10,\"diagnostics\":"
              + json
              + "}]}}");

      await()
          .atMost(WAIT)
          .until(() -> byUri.keySet().stream().allMatch(u -> editor.last(u) != null));
      for (Map.Entry<String, List<dev.vigil.run.Diagnostic>> file : byUri.entrySet()) {
        List<Diagnostic> shown = editor.last(file.getKey()).getDiagnostics();
        assertThat(shown).as("published at %s", file.getKey()).hasSameSizeAs(file.getValue());
        for (int i = 0; i < shown.size(); i++) {
          dev.vigil.run.Diagnostic d = file.getValue().get(i);
          Diagnostic lsp = shown.get(i);
          assertThat(lsp.getRange().getStart().getLine())
              .as("line of %s", d)
              .isEqualTo(d.line() - 1);
          assertThat(lsp.getSeverity()).isEqualTo(severity(d.severity()));
          assertThat(lsp.getMessage()).startsWith(d.message()).doesNotContain("\u001B");
          assertThat(lsp.getSource()).isEqualTo("vigil: core/check");
        }
      }
    } finally {
      server.shutdown().get();
      server.exit();
    }
  }

  private static DiagnosticSeverity severity(String severity) {
    return switch (severity) {
      case "error" -> DiagnosticSeverity.Error;
      case "warning" -> DiagnosticSeverity.Warning;
      case "note" -> DiagnosticSeverity.Information;
      default -> DiagnosticSeverity.Hint;
    };
  }

  private static List<String> lines(String resource) throws Exception {
    try (InputStream in =
        EveryParserOverLspTest.class.getResourceAsStream("/diagnostics/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
