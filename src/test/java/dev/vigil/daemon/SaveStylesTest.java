package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.TriggerKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One save is one run, whatever the editor does on save; a touch runs nothing. */
class SaveStylesTest {
  private static final Duration QUIET = Duration.ofMillis(800);

  @RegisterExtension final DaemonFixture fx = new DaemonFixture();
  @TempDir Path root;
  @TempDir Path state;
  Path file;

  @BeforeEach
  void start() throws Exception {
    Files.createDirectories(root.resolve("src"));
    file = root.resolve("src/lib.txt");
    Files.writeString(file, "one\n");
    // Saved a while ago, as a user's files are: a file written just before the content baseline
    // is taken cannot be trusted by its time stamp alone.
    Files.setLastModifiedTime(
        file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    fx.start(
        root,
        state,
        """
        version: 1
        defaults: {run_on_start: false}
        projects:
          - name: app
            root: .
            stages:
              - {name: check, run: "echo checked"}
        """);
  }

  @Test
  void inPlaceWrite() throws Exception {
    Files.writeString(file, "two\n");
    assertOneRunFor("src/lib.txt");
  }

  @Test
  void tempFileRenamedOverTheTarget() throws Exception {
    Path tmp = root.resolve("src/lib.txt.tmp.4821");
    Files.writeString(tmp, "two\n");
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    assertOneRunFor("src/lib.txt");
  }

  @Test
  void jetBrainsSafeWrite() throws Exception {
    Path tmp = root.resolve("src/lib.txt___jb_tmp___");
    Path old = root.resolve("src/lib.txt___jb_old___");
    Files.writeString(tmp, "two\n");
    Files.move(file, old, StandardCopyOption.ATOMIC_MOVE);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    Files.delete(old);
    assertOneRunFor("src/lib.txt");
  }

  @Test
  void vimWithBackupAndProbe() throws Exception {
    Path probe = root.resolve("src/4913");
    Files.writeString(probe, "");
    Files.delete(probe);
    Path backup = root.resolve("src/lib.txt~");
    Files.move(file, backup, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(file, "two\n");
    Files.delete(backup);
    assertOneRunFor("src/lib.txt");
  }

  @Test
  void emacsLockSymlinkThenWrite() throws Exception {
    Path lock = root.resolve("src/.#lib.txt");
    Files.createSymbolicLink(lock, Path.of("user@host.1234:1700000000"));
    Files.writeString(file, "two\n");
    Files.delete(lock);
    assertOneRunFor("src/lib.txt");
  }

  @Test
  void sedInPlace() throws Exception {
    Process sed =
        new ProcessBuilder("sed", "-i", "s/one/two/", file.toString()).inheritIO().start();
    assertThat(sed.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(file)).isEqualTo("two\n");
    assertOneRunFor("src/lib.txt");
  }

  @Test
  void touchWithoutChangeRunsNothing() throws Exception {
    Files.setLastModifiedTime(
        file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    Files.writeString(file, "one\n", StandardCharsets.UTF_8);
    fx.assertStaysAt(0, QUIET.multipliedBy(2));
  }

  @Test
  void newDeletedAndRenamedFiles() throws Exception {
    Files.writeString(root.resolve("src/new.txt"), "x");
    assertThat(fx.awaitRun(1).trigger().changed()).containsExactly("src/new.txt");
    fx.assertStaysAt(1, QUIET);

    Files.delete(root.resolve("src/new.txt"));
    assertThat(fx.awaitRun(2).trigger().changed()).containsExactly("src/new.txt");
    fx.assertStaysAt(2, QUIET);

    Files.move(file, root.resolve("src/renamed.txt"));
    assertThat(fx.awaitRun(3).trigger().changed())
        .containsExactly("src/lib.txt", "src/renamed.txt");
    fx.assertStaysAt(3, QUIET);
  }

  private void assertOneRunFor(String path) throws Exception {
    RunRecord run = fx.awaitRun(1);
    assertThat(run.trigger().kind()).isEqualTo(TriggerKind.CHANGE);
    assertThat(run.trigger().changed()).containsExactly(path);
    assertThat(run.result()).isEqualTo(RunResult.PASSED);
    fx.assertStaysAt(1, QUIET);
  }
}
