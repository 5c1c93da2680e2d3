package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil once} end to end through the jar: exit codes, output, history. */
class OnceIT {
  @TempDir Path project;
  @TempDir Path state;

  @Test
  void exitsZeroWhenEveryStagePassesAndRecordsTheRun() throws Exception {
    write(
        """
        version: 1
        projects:
          - name: app
            stages:
              - {name: check, run: "echo checking"}
              - {name: test, run: "echo testing", needs: [check]}
        """);
    VigilJar.Result r = new VigilJar(project, state).run("once");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("check").contains("test").contains("passed");
    List<String> history = Files.readAllLines(state.resolve("history.jsonl"));
    assertThat(history).hasSize(1);
    JsonNode run = new ObjectMapper().readTree(history.get(0));
    assertThat(run.path("project").asText()).isEqualTo("app");
    assertThat(run.path("result").asText()).isEqualTo("passed");
    assertThat(run.path("stages").size()).isEqualTo(2);
    assertThat(state.resolve(run.path("stages").get(0).path("logFile").asText()))
        .content()
        .contains("checking");
  }

  @Test
  void exitsOneWhenAStageFailsAndPrintsItsOutput() throws Exception {
    write(
        """
        version: 1
        projects:
          - name: app
            stages:
              - {name: lint, run: "echo 'src/a.py:3:1: E999 broken' >&2; exit 4"}
              - {name: test, run: "echo never", needs: [lint]}
        """);
    VigilJar.Result r = new VigilJar(project, state).run("once");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("E999 broken").contains("skipped");
  }

  @Test
  void jsonPrintsOneRunRecordPerLine() throws Exception {
    write(
        """
        version: 1
        projects:
          - {name: a, stages: [{name: s, run: "true"}]}
          - {name: b, after: [a], stages: [{name: s, run: "false"}]}
        """);
    VigilJar.Result r = new VigilJar(project, state).run("once", "--json");

    assertThat(r.exitCode()).isEqualTo(1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    ObjectMapper mapper = new ObjectMapper();
    assertThat(mapper.readTree(lines.get(0)).path("project").asText()).isEqualTo("a");
    assertThat(mapper.readTree(lines.get(1)).path("result").asText()).isEqualTo("failed");
  }

  @Test
  void onlyTheNamedProjectRunsAndAnUnknownOneIsAUsageError() throws Exception {
    write(
        """
        version: 1
        projects:
          - {name: a, stages: [{name: s, run: "true"}]}
          - {name: b, stages: [{name: s, run: "false"}]}
        """);
    assertThat(new VigilJar(project, state).run("once", "--project", "a").exitCode()).isZero();

    VigilJar.Result r = new VigilJar(project, state).run("once", "--project", "nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown project 'nope'").contains("a, b");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void aBrokenConfigIsExitTwoWithItsPlace() throws Exception {
    write(
        """
        version: 1
        projects:
          - name: a
            stagez: []
        """);
    VigilJar.Result r = new VigilJar(project, state).run("once");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("vigil.yaml:4:5:").contains("stages");
  }

  @Test
  void aMissingCommandIsReportedAsSuch() throws Exception {
    write(
        """
        version: 1
        projects:
          - {name: a, stages: [{name: s, run: "no-such-tool-here --flag"}]}
        """);
    VigilJar.Result r = new VigilJar(project, state).run("once");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("command not found");
  }

  @Test
  void aStateDirThatCannotBeCreatedIsOneLineAndExitTwo() throws Exception {
    write(
        """
        version: 1
        projects:
          - {name: a, stages: [{name: s, run: "true"}]}
        """);
    Path blocker = project.resolve("file");
    Files.writeString(blocker, "x");
    VigilJar.Result r =
        new VigilJar(project, state)
            .run("once", "--state-dir", blocker.resolve("state").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("cannot create the state dir");
  }

  @Test
  void withoutAConfigTheDirectoryIsDetectedOrExplained() throws Exception {
    VigilJar.Result none = new VigilJar(project, state).run("once");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("vigil init");

    Files.writeString(
        project.resolve("package.json"), "{\"scripts\": {\"test\": \"echo node-tests-ran\"}}");
    VigilJar.Result node = new VigilJar(project, state).run("once", "--json");
    JsonNode run = new ObjectMapper().readTree(node.out().lines().findFirst().orElseThrow());
    assertThat(run.path("stages").get(0).path("name").asText()).isEqualTo("test");
    assertThat(run.path("stages").get(0).path("outputTail").asText()).contains("node-tests-ran");
  }

  @Test
  void checkConfigAndVersionAndHelp() throws Exception {
    write(
        """
        version: 1
        projects:
          - {name: a, stages: [{name: s, run: "true"}]}
        """);
    VigilJar jar = new VigilJar(project, state);
    assertThat(jar.run("check-config").exitCode()).isZero();
    assertThat(jar.run("--version").out()).startsWith("vigil ");
    assertThat(jar.run("once", "--help").out()).contains("--project");
    write("version: 1\nprojects: [{name: a, stages: [{name: s}]}]\n");
    VigilJar.Result bad = jar.run("check-config");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("vigil.yaml:2:");
  }

  private void write(String yaml) throws Exception {
    Files.writeString(project.resolve("vigil.yaml"), yaml);
  }
}
