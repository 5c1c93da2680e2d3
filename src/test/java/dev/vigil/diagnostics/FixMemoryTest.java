package dev.vigil.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixMemoryTest {
  private static final Instant T0 = Instant.parse("2026-12-03T14:10:00Z");

  @TempDir Path root;
  @TempDir Path state;
  private Path lib;

  @BeforeEach
  void project() throws Exception {
    Files.createDirectories(root.resolve("src"));
    lib = root.resolve("src/lib.rs");
  }

  private static Diagnostic mismatch() {
    return new Diagnostic("src/lib.rs", 2, 5, "error", "E0308", "mismatched types", "fp-1", 1);
  }

  private static FixMemory.StageRun run(int n) {
    return new FixMemory.StageRun("core", "clippy", "core-" + n, null, T0.plusSeconds(n));
  }

  private FixMemory.StageRun runIn(int n) {
    FixMemory.StageRun r = run(n);
    return new FixMemory.StageRun(r.project(), r.stage(), r.runId(), root, r.at());
  }

  @Test
  void aProblemThatComesBackCarriesTheDiffThatFixedItLastTime() throws Exception {
    FixMemory memory = new FixMemory(state);
    Files.writeString(lib, "fn f() -> i32 {\n    \"text\"\n}\n");
    assertThat(memory.remember(runIn(1), List.of(mismatch()))).allMatch(d -> d.lastFix() == null);

    Files.writeString(lib, "fn f() -> i32 {\n    42\n}\n");
    assertThat(memory.remember(runIn(2), List.of())).isEmpty();

    Files.writeString(lib, "fn f() -> i32 {\n    \"again\"\n}\n");
    Diagnostic back = memory.remember(runIn(3), List.of(mismatch())).get(0);

    assertThat(back.lastFix()).isNotNull();
    assertThat(back.lastFix().runId()).isEqualTo("core-2");
    assertThat(back.lastFix().at()).isEqualTo(T0.plusSeconds(2));
    assertThat(back.lastFix().diff())
        .contains("--- a/src/lib.rs", "+++ b/src/lib.rs", "-    \"text\"", "+    42");
  }

  @Test
  void theMemorySurvivesARestart() throws Exception {
    Files.writeString(lib, "broken\n");
    new FixMemory(state).remember(runIn(1), List.of(mismatch()));
    Files.writeString(lib, "fixed\n");
    new FixMemory(state).remember(runIn(2), List.of());

    Diagnostic back = new FixMemory(state).remember(runIn(3), List.of(mismatch())).get(0);
    assertThat(back.lastFix().runId()).isEqualTo("core-2");
    assertThat(back.lastFix().diff()).contains("-broken", "+fixed");
  }

  @Test
  void aProblemStillReportedIsNoFixAndAnUnchangedFileGivesNone() throws Exception {
    FixMemory memory = new FixMemory(state);
    Files.writeString(lib, "broken\n");
    memory.remember(runIn(1), List.of(mismatch()));
    memory.remember(runIn(2), List.of(mismatch()));
    memory.remember(runIn(3), List.of());
    assertThat(memory.remember(runIn(4), List.of(mismatch())).get(0).lastFix())
        .as("the problem went away without a change of its file: nothing to show")
        .isNull();
  }

  @Test
  void aDiffIsBounded() throws Exception {
    FixMemory memory = new FixMemory(state);
    Files.writeString(lib, "x".repeat(30).concat("\n").repeat(1_500));
    memory.remember(runIn(1), List.of(mismatch()));
    Files.writeString(lib, "y".repeat(30).concat("\n").repeat(1_500));
    memory.remember(runIn(2), List.of());
    String diff = memory.remember(runIn(3), List.of(mismatch())).get(0).lastFix().diff();
    assertThat(diff.length()).isLessThan(UnifiedDiffs.MAX_DIFF + 100);
    assertThat(diff).endsWith("(diff cut at 16 KiB)\n");
  }

  @Test
  void aRewrittenFileIsSaidSoNotDiffedLineByLine() throws Exception {
    FixMemory memory = new FixMemory(state);
    Files.writeString(lib, "x\n".repeat(20_000));
    memory.remember(runIn(1), List.of(mismatch()));
    Files.writeString(lib, "y\n".repeat(20_000));
    memory.remember(runIn(2), List.of());
    assertThat(memory.remember(runIn(3), List.of(mismatch())).get(0).lastFix().diff())
        .isEqualTo(
            "--- a/src/lib.rs\n+++ b/src/lib.rs\n"
                + "(rewritten: 20000 lines replaced by 20000; too many to show)\n");
  }

  @Test
  void theNumberOfFixesKeptIsBounded() throws Exception {
    FixMemory memory = new FixMemory(state, 10);
    for (int i = 0; i < 12; i++) {
      Diagnostic d = new Diagnostic("src/lib.rs", 1, 1, "error", "", "problem " + i, "fp-" + i, 1);
      Files.writeString(lib, "broken " + i + "\n");
      memory.remember(runIn(2 * i), List.of(d));
      Files.writeString(lib, "fixed " + i + "\n");
      memory.remember(runIn(2 * i + 1), List.of());
    }
    String fixes = Files.readString(state.resolve("memory/fixes.json"));
    assertThat(fixes)
        .as("the oldest two went first")
        .doesNotContain("\"core/fp-0\"", "\"core/fp-1\"")
        .contains("\"core/fp-2\"", "\"core/fp-11\"");
    assertThat(fixes.split("\"runId\"")).hasSize(10 + 1);
  }
}
