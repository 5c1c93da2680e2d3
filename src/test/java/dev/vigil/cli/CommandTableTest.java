package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line adds only the command it names, and every command where it names none. */
class CommandTableTest {
  @TempDir Path dir;

  @Test
  void everyCommandIsCalledByTheNameItsTableEntryHasAndThatHelpLists() {
    Cli cli = new Cli(dir);
    assertThat(cli.run("--help")).isZero();
    CliContext ctx = CliContext.system();
    for (Map.Entry<String, java.util.function.Function<CliContext, Object>> entry :
        Main.COMMANDS.entrySet()) {
      CommandLine command = new CommandLine(entry.getValue().apply(ctx));
      assertThat(command.getCommandName()).isEqualTo(entry.getKey());
      assertThat(cli.out()).containsPattern("(?m)^  " + entry.getKey() + " ");
    }
  }

  @Test
  void aNamedCommandIsAddedAloneAndOnlyWhereItNeedsNoOther() {
    assertThat(Main.chosen(new String[] {"--verbose", "once", "--config", "x.yaml"})).hasSize(1);
    assertThat(Main.chosen(new String[] {"status"})).hasSize(1);
    assertThat(Main.chosen(new String[] {"completion", "bash"})).hasSize(Main.COMMANDS.size());
    assertThat(Main.chosen(new String[] {"--help"})).hasSize(Main.COMMANDS.size());
    assertThat(Main.chosen(new String[] {"onec"})).hasSize(Main.COMMANDS.size());
  }

  @Test
  void aMistypedCommandStillGetsTheNearestNameSuggested() {
    Cli cli = new Cli(dir);
    assertThat(cli.run("onec")).isNotZero();
    assertThat(cli.err()).contains("once");
  }

  @Test
  void theVerboseFlagBeforeANamedCommandStillWorks() {
    Cli cli = new Cli(dir);
    assertThat(
            cli.run("--verbose", "check-config", "--config", dir.resolve("none.yaml").toString()))
        .isNotZero();
    assertThat(cli.err()).contains("none.yaml");
  }
}
