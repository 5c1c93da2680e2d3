package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose name is not UTF-8 (byte 0xff), saved in a watched tree of a real daemon: the stage
 * gets the name byte for byte through {@code {changed}}, {@code VIGIL_CHANGED_LIST} and {@code
 * VIGIL_CHANGED_LIST0}, and opens the file with each. The daemon needs no launcher flag for this;
 * the test runs the jar as {@link VigilJar} does, in the machine's own locale.
 */
class RawFileNameIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path project;
  @TempDir Path state;
  @RegisterExtension final DaemonProcesses daemons = new DaemonProcesses();
  private Process daemon;

  @Test
  void aNameWithByte0xffReachesTheStageByteForByteAndTheStageOpensIt() throws Exception {
    Files.writeString(
        project.resolve("vigil.yaml"),
        """
        version: 1
        projects:
          - name: app
            ignore: [out/]
            stages:
              - name: open
                run: >-
                  mkdir -p out;
                  for f in {changed}; do cat -- "$f"; done > out/args.tmp;
                  xargs -0 -r cat -- < "$VIGIL_CHANGED_LIST0" > out/list0.tmp;
                  while IFS= read -r f; do cat -- "$f"; done < "$VIGIL_CHANGED_LIST" > out/list.tmp;
                  for n in args list0 list; do mv out/$n.tmp out/$n.txt; done
        """);
    daemon = daemons.track(new VigilJar(project, state).start("daemon"));
    Path out = project.resolve("out");
    await().atMost(WAIT).until(() -> Files.exists(out.resolve("list.txt")));

    shell("printf 'content of the raw name' > \"$(printf 'a\\377b.txt')\"");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(read(out.resolve("list.txt"))).isEqualTo("content of the raw name"));
    assertThat(read(out.resolve("args.txt"))).isEqualTo("content of the raw name");
    assertThat(read(out.resolve("list0.txt"))).isEqualTo("content of the raw name");
    Path history = state.resolve("history.jsonl");
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(read(history)).contains("\"a\uFFFDb.txt\""));
  }

  private void shell(String script) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", script).directory(project.toFile()).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  private static String read(Path file) throws Exception {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
