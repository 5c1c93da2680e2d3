package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    CliContext ctx =
        new CliContext(
            Map.of(),
            Path.of("").toAbsolutePath(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return Main.run(args, ctx);
  }

  @Test
  void bashGetsPicocliCompletionForEverySubcommand() {
    assertThat(run("completion", "bash")).isZero();

    String script = out.toString(StandardCharsets.UTF_8);
    assertThat(script)
        .contains("complete -F _complete_vigil")
        .contains("once", "daemon", "watch", "check-config", "completion")
        .contains("--exec", "--on-busy", "--quiet", "--clear");
    assertThat(script).doesNotStartWith("autoload");
  }

  @Test
  void bashCompletesSubcommandsAndOptionsWithTheScript() throws Exception {
    assertThat(run("completion", "bash")).isZero();
    Path script = tmp.resolve("vigil.bash");
    Files.writeString(script, out.toString(StandardCharsets.UTF_8));

    assertThat(complete(script, "vigil", "wa")).isEqualTo("watch");
    assertThat(complete(script, "vigil", "watch", "--on")).isEqualTo("--on-busy");
  }

  /** What bash offers for the last word, as it would on a Tab press after sourcing the script. */
  private static String complete(Path script, String... words) throws Exception {
    String line =
        "source '"
            + script
            + "' 2>/dev/null; COMP_WORDS=("
            + String.join(" ", words)
            + "); COMP_CWORD="
            + (words.length - 1)
            + "; _complete_vigil 2>/dev/null; echo \"${COMPREPLY[*]}\"";
    Process p = new ProcessBuilder("bash", "-c", line).redirectErrorStream(true).start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return printed.strip();
  }

  @Test
  void zshGetsTheSameScriptAfterBashcompinit() {
    assertThat(run("completion", "zsh")).isZero();

    String script = out.toString(StandardCharsets.UTF_8);
    assertThat(script)
        .startsWith(
            "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n")
        .contains("complete -F _complete_vigil");
  }

  @Test
  void anotherShellIsAUsageError() {
    assertThat(run("completion", "fish")).isEqualTo(ExitCode.USAGE);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no completion for shell `fish`; use bash or zsh");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
