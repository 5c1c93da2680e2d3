package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.run.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** After start-up every file is known: a touch or a same-content save runs nothing. */
class TouchAfterStartTest {
  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final String CONFIG =
      """
      version: 1
      defaults: {run_on_start: false}
      projects:
        - name: app
          stages:
            - {name: check, run: "echo ok"}
      """;

  @RegisterExtension final DaemonFixture fx = new DaemonFixture();
  @TempDir Path root;
  @TempDir Path state;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger rootLogger =
      (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void captureLog() {
    logged.start();
    rootLogger.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    rootLogger.detachAppender(logged);
  }

  @Test
  void aTouchOrUnchangedSaveOfAFileWrittenJustBeforeStartRunsNothing(@TempDir Path warmUp)
      throws Exception {
    // A first start loads the daemon's classes, so that this one begins its walk within the racy
    // window of the writes below, as a daemon started right after a build or checkout does.
    fx.start(
        Files.createDirectories(warmUp.resolve("root")),
        Files.createDirectories(warmUp.resolve("state")),
        CONFIG);
    fx.daemon.stop().join();

    Files.writeString(root.resolve("main.txt"), "main\n");
    Files.writeString(root.resolve("other.txt"), "other\n");
    fx.start(root, state, CONFIG);

    Files.setLastModifiedTime(root.resolve("main.txt"), FileTime.from(Instant.now()));
    Files.writeString(root.resolve("main.txt"), "main\n");
    Files.writeString(root.resolve("other.txt"), "other, edited\n");

    RunRecord run = fx.awaitRun(1);
    assertThat(run.trigger().changed()).containsExactly("other.txt");
    fx.assertStaysAt(1, QUIET);
  }

  @Test
  void aMassTouchRunsNothingAndLogsNoError() throws Exception {
    Files.createDirectories(root.resolve("d000"));
    Files.createDirectories(root.resolve("d001"));
    for (int i = 0; i < 3_000; i++) {
      String name = (i < 2_500 ? "d000" : "d001") + "/f" + i + ".txt";
      Files.writeString(root.resolve(name), "content of " + name + "\n");
    }
    fx.start(root, state, CONFIG);

    Process touch =
        new ProcessBuilder(
                "find",
                root.toString(),
                "-type",
                "f",
                "-name",
                "f*.txt",
                "-exec",
                "touch",
                "{}",
                "+")
            .inheritIO()
            .start();
    assertThat(touch.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(touch.exitValue()).isZero();
    Files.writeString(root.resolve("d001/f2999.txt"), "edited\n");

    RunRecord run = fx.awaitRun(1);
    assertThat(run.trigger().changed()).containsExactly("d001/f2999.txt");
    // Events of the touch may still be arriving after that run (the kernel keeps them per
    // directory), each batch of them checked and dropped: on a loaded machine that takes a while.
    await()
        .during(QUIET)
        .atMost(Duration.ofMinutes(3))
        .until(() -> fx.runs().size() == 1 && fx.idle());
    assertThat(fx.runs()).hasSize(1);
    assertThat(logged.list)
        .noneMatch(e -> e.getThrowableProxy() != null)
        .noneMatch(e -> e.getFormattedMessage().contains("Exception"))
        .noneMatch(e -> e.getFormattedMessage().contains("error while watching"));
  }
}
