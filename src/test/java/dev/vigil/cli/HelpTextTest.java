package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code vigil --help} and every command's help, as read in an 80-column terminal. */
class HelpTextTest {
  private static final int WIDTH = 80;

  @TempDir Path dir;

  @Test
  void everyCommandInTheListHasAOneLineSummaryThatEndsItsSentence() {
    List<String> lines = help("--help");
    int start = lines.indexOf("Commands:");
    assertThat(start).isPositive();
    List<String> entries = lines.subList(start + 1, lines.size());

    assertThat(entries).isNotEmpty();
    assertThat(entries)
        .allSatisfy(
            line -> {
              assertThat(line).as("a summary on one line").matches("  [a-z-]+ +\\S.*");
              assertThat(line).endsWith(".");
              assertThat(line.length()).isLessThanOrEqualTo(WIDTH);
            });
  }

  static Stream<String> commands() {
    return Stream.of(
        "daemon",
        "once",
        "check-config",
        "check-ignore",
        "service",
        "hook",
        "init",
        "status",
        "trigger",
        "pause",
        "resume",
        "reload",
        "stop",
        "logs",
        "events",
        "open",
        "watch",
        "completion");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aCommandsDescriptionBreaksLinesOnlyWhereTheTerminalIsFull(String command) {
    List<String> description = description(help(command, "--help"));

    assertThat(description).isNotEmpty();
    for (int i = 0; i + 1 < description.size(); i++) {
      String line = description.get(i);
      String next = description.get(i + 1);
      assertThat(line.length()).isLessThanOrEqualTo(WIDTH);
      if (!line.endsWith(".") && !line.endsWith(":")) {
        // picocli leaves the last column free when it wraps
        assertThat(line.length() + 1 + firstWord(next).length())
            .as("'%s' is cut before '%s' with room to spare", line, next)
            .isGreaterThan(WIDTH - 1);
      } else {
        assertThat(next)
            .as("'%s' goes on after a full stop in '%s'", next, line)
            .doesNotMatch("(?![a-z]+: )[a-z].*");
      }
    }
  }

  @Test
  void watchNotifySpeaksOfNoConfig() {
    String help = String.join(" ", help("watch", "--help")).replaceAll(" +", " ");
    int start = help.lastIndexOf("--notify");
    String notify = help.substring(start, help.indexOf("--on-busy=", start));

    assertThat(notify).contains("notification").doesNotContain("config");
  }

  private List<String> help(String... args) {
    Cli cli = new Cli(dir);
    assertThat(cli.run(args)).isZero();
    return cli.out().lines().toList();
  }

  /** The lines between the synopsis and the first option or parameter. */
  private static List<String> description(List<String> help) {
    List<String> out = new ArrayList<>();
    int i = 1;
    while (i < help.size() && help.get(i).startsWith(" ")) {
      i++; // the synopsis goes on
    }
    for (; i < help.size() && !help.get(i).startsWith(" ") && !help.get(i).isEmpty(); i++) {
      out.add(help.get(i));
    }
    return out;
  }

  private static String firstWord(String line) {
    return line.strip().split(" ", 2)[0];
  }
}
