package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil once} in-process, with no daemon running for the state dir. */
class OnceCommandTest {
  @TempDir Path project;
  @TempDir Path state;
  Map<String, String> env;

  @BeforeEach
  void setUp() {
    env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("VIGIL_STATE_DIR", state.toString());
    env.put("XDG_CONFIG_HOME", project.resolve(".no-xdg").toString());
  }

  @Test
  void aProjectAfterAFailedOneIsSkippedNotRun() throws Exception {
    Files.writeString(
        project.resolve("vigil.yaml"),
        """
        version: 1
        projects:
          - {name: core, stages: [{name: check, run: "exit 3"}]}
          - {name: bindings, after: [core], stages: [{name: test, run: "touch ran-bindings"}]}
          - {name: docs, after: [bindings], stages: [{name: build, run: "touch ran-docs"}]}
          - {name: other, stages: [{name: lint, run: "touch ran-other"}]}
        """);
    CommandHarness cli = new CommandHarness(env, project);

    int code = cli.run(OnceCommand::new);

    assertThat(code).isEqualTo(1);
    assertThat(project.resolve("ran-bindings")).doesNotExist();
    assertThat(project.resolve("ran-docs")).doesNotExist();
    assertThat(project.resolve("ran-other")).exists();
    assertThat(cli.out() + cli.err())
        .contains("bindings: skipped, core failed")
        .contains("docs: skipped, bindings was skipped");
    assertThat(Files.readAllLines(state.resolve("history.jsonl"))).hasSize(2);
  }

  @Test
  void jsonPrintsOnlyTheRunsThatRan() throws Exception {
    Files.writeString(
        project.resolve("vigil.yaml"),
        """
        version: 1
        projects:
          - {name: core, stages: [{name: check, run: "false"}]}
          - {name: bindings, after: [core], stages: [{name: test, run: "true"}]}
        """);
    CommandHarness cli = new CommandHarness(env, project);

    assertThat(cli.run(OnceCommand::new, "--json")).isEqualTo(1);

    assertThat(cli.out().lines()).hasSize(1).allMatch(l -> l.contains("\"project\":\"core\""));
    assertThat(cli.err()).contains("bindings: skipped, core failed");
  }

  @Test
  void stagedChecksWhatIsStagedEndsWithOneLineAndPutsTheWorkTreeBack() throws Exception {
    Files.writeString(
        project.resolve("vigil.yaml"),
        """
        version: 1
        projects:
          - name: app
            stages:
              - name: clippy
                run: "if grep -q broken src/lib.rs; then echo 'src/lib.rs:4:5: error: mismatched types'; exit 1; fi"
        """);
    Files.createDirectories(project.resolve("src"));
    Files.writeString(project.resolve("src/lib.rs"), "fine\n");
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "one");
    Files.writeString(project.resolve("src/lib.rs"), "broken\n");
    git("add", "src/lib.rs");
    Files.writeString(project.resolve("src/lib.rs"), "fixed again\n");
    CommandHarness cli = new CommandHarness(env, project);

    assertThat(cli.run(OnceCommand::new, "--staged")).isEqualTo(1);

    assertThat(cli.err().strip().lines().reduce((a, b) -> b).orElse(""))
        .isEqualTo("vigil: commit blocked: app clippy failed (src/lib.rs:4:5 mismatched types)");
    assertThat(Files.readString(project.resolve("src/lib.rs"))).isEqualTo("fixed again\n");

    git("add", "src/lib.rs");
    assertThat(cli.run(OnceCommand::new, "--staged")).isZero();
  }

  @Test
  void aCachedStageIsAnsweredFromTheStoreWhenItsInputsAreAsWhenItPassed() throws Exception {
    Path ran = state.resolve("ran");
    Files.writeString(project.resolve("lib.txt"), "one\n");
    Files.writeString(
        project.resolve("vigil.yaml"),
        """
        version: 1
        projects:
          - name: app
            stages:
              - {name: check, run: "echo checked; echo ran >> '%s'", cache: true}
        """
            .formatted(ran));
    CommandHarness cli = new CommandHarness(env, project);

    assertThat(cli.run(OnceCommand::new)).isZero();
    assertThat(cli.run(OnceCommand::new)).isZero();
    assertThat(cli.out()).contains("check cached (");
    Files.writeString(project.resolve("lib.txt"), "two\n");
    assertThat(cli.run(OnceCommand::new)).isZero();
    assertThat(cli.out()).contains("check passed");
    Files.writeString(project.resolve("lib.txt"), "one\n");
    assertThat(cli.run(OnceCommand::new, "--json")).isZero();

    assertThat(cli.out()).contains("\"status\":\"cached\"").contains("\"source\":\"local\"");
    assertThat(Files.readAllLines(ran)).hasSize(2);
  }

  private void git(String... args) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git"));
    command.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(command).directory(project.toFile()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
  }
}
