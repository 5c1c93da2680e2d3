package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.run.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon on a user config that includes project configs: new and removed projects are picked up
 * without a restart, and a config deleted, turned into garbage or into a directory while the daemon
 * runs is reported while the last good config keeps running, for the config itself and for each
 * included file.
 */
class WorkstationConfigTest {
  @RegisterExtension final DaemonFixture fx = new DaemonFixture();
  @TempDir Path dir;
  @TempDir Path state;

  private Path project(String name, String command) throws Exception {
    Path root = Files.createDirectories(dir.resolve("src").resolve(name));
    return Files.writeString(root.resolve("vigil.yaml"), projectYaml(name, command));
  }

  private static String projectYaml(String name, String command) {
    return """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: %s
            stages:
              - {name: check, run: "%s"}
        """
        .formatted(name, command);
  }

  private Path userConfig(String include) throws Exception {
    Path file = Files.createDirectories(dir.resolve("config/vigil")).resolve("vigil.yaml");
    return Files.writeString(file, "# user config\nversion: 1\ninclude:\n" + include);
  }

  private RunRecord saveAndAwait(String project, String file) throws Exception {
    int before = fx.runsOf(project).size();
    Files.writeString(dir.resolve("src").resolve(project).resolve(file), "x" + before);
    await().atMost(DaemonFixture.WAIT).until(() -> fx.runsOf(project).size() > before);
    List<RunRecord> runs = fx.runsOf(project);
    return runs.get(runs.size() - 1);
  }

  private String configError() throws Exception {
    return fx.statusFile().daemon().configError();
  }

  @Test
  void aNewGlobMatchIsArmedAndRunAndARemovedEntryIsDroppedWithoutARestart() throws Exception {
    Path a = project("a", "echo a-ran");
    project("b", "echo b-ran");
    Path user = userConfig("  - " + a + "\n  - \"" + dir + "/src/[bc]/vigil.yaml\"\n");
    fx.startOn(user, state);
    assertThat(fx.projectNames()).containsExactly("a", "b");

    project("c", "echo c-ran");
    await().atMost(DaemonFixture.WAIT).until(() -> fx.projectNames().contains("c"));
    assertThat(saveAndAwait("c", "main.txt").stages().get(0).outputTail()).contains("c-ran");

    Files.writeString(user, "version: 1\ninclude:\n  - \"" + dir + "/src/[bc]/vigil.yaml\"\n");
    await().atMost(DaemonFixture.WAIT).until(() -> !fx.projectNames().contains("a"));
    assertThat(fx.projectNames()).containsExactly("b", "c");
    assertThat(saveAndAwait("b", "main.txt").stages().get(0).outputTail()).contains("b-ran");
  }

  @Test
  void theConfigDeletedGarbledOrMadeADirectoryKeepsTheLastGoodOneRunningUntilItIsGoodAgain()
      throws Exception {
    Path a = project("a", "echo first");
    Path user = userConfig("  - " + a + "\n");
    String good = Files.readString(user);
    fx.startOn(user, state);

    Files.delete(user);
    await()
        .atMost(DaemonFixture.WAIT)
        .untilAsserted(
            () -> assertThat(configError()).isEqualTo(user + ":1:1: config file does not exist"));
    assertThat(saveAndAwait("a", "one.txt").stages().get(0).outputTail()).contains("first");

    Files.writeString(user, "version: 1\ninclude: [\n  oops: {\n");
    await()
        .atMost(DaemonFixture.WAIT)
        .until(() -> configError().startsWith(user + ":3:10: invalid YAML"));
    assertThat(fx.console()).contains(user + ":3:10: invalid YAML");

    Files.delete(user);
    Files.createDirectory(user);
    await()
        .atMost(DaemonFixture.WAIT)
        .untilAsserted(
            () -> assertThat(configError()).isEqualTo(user + ":1:1: config file is a directory"));
    assertThat(saveAndAwait("a", "two.txt").stages().get(0).outputTail()).contains("first");

    Files.delete(user);
    Files.writeString(user, good);
    await().atMost(DaemonFixture.WAIT).untilAsserted(() -> assertThat(configError()).isNull());
    assertThat(fx.daemon.status().projects()).extracting(p -> p.name()).containsExactly("a");
  }

  @Test
  void anIncludedFileBrokenInEveryWayIsReportedAtItsPlaceAndTheOthersKeepRunning()
      throws Exception {
    Path a = project("a", "echo a-first");
    Path b = project("b", "echo b-first");
    Path user = userConfig("  - " + a + "\n  - " + b + "\n");
    fx.startOn(user, state);

    Files.writeString(b, projectYaml("b", "echo b-second") + "    stagez: []\n");
    await().atMost(DaemonFixture.WAIT).until(() -> configError() != null);
    assertThat(configError()).startsWith(b + ":7:5: unknown key `stagez`");
    assertThat(saveAndAwait("a", "x.txt").stages().get(0).outputTail()).contains("a-first");
    assertThat(saveAndAwait("b", "x.txt").stages().get(0).outputTail()).contains("b-first");

    Files.writeString(b, "projects: [\n  {name: b\n");
    await()
        .atMost(DaemonFixture.WAIT)
        .until(() -> configError().startsWith(b + ":2:11: invalid YAML"));
    Files.delete(b);
    await()
        .atMost(DaemonFixture.WAIT)
        .until(
            () -> configError().startsWith(user + ":5:5: included file " + b + " does not exist"));
    Files.createDirectory(b);
    await()
        .atMost(DaemonFixture.WAIT)
        .until(
            () -> configError().startsWith(user + ":5:5: included file " + b + " is a directory"));
    assertThat(saveAndAwait("b", "y.txt").stages().get(0).outputTail()).contains("b-first");

    Files.delete(b);
    Files.writeString(b, projectYaml("b", "echo b-fixed"));
    await().atMost(DaemonFixture.WAIT).untilAsserted(() -> assertThat(configError()).isNull());
    assertThat(saveAndAwait("b", "z.txt").stages().get(0).outputTail()).contains("b-fixed");
    assertThat(saveAndAwait("a", "z.txt").stages().get(0).outputTail()).contains("a-first");
  }

  @Test
  void anIncludedFileBrokenAtStartIsReportedAndTheOthersStart() throws Exception {
    Path a = project("a", "echo a-ran");
    Path b = Files.createDirectories(dir.resolve("src/b")).resolve("vigil.yaml");
    Files.writeString(b, "projects:\n  - name: b\n    stagez: []\n");
    Path user = userConfig("  - " + a + "\n  - " + b + "\n");

    fx.startOn(user, state);

    assertThat(fx.projectNames()).containsExactly("a");
    assertThat(configError()).contains(b + ":3:5: unknown key `stagez`");
    assertThat(fx.console()).contains(b + ":3:5: unknown key `stagez`");
    assertThat(saveAndAwait("a", "x.txt").stages().get(0).outputTail()).contains("a-ran");
  }
}
