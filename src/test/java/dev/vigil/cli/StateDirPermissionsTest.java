package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything vigil writes into its state dir (stage output in logs and history included) is for its
 * owner only, whatever the umask, and a state dir left readable by others is tightened.
 */
class StateDirPermissionsTest {
  @TempDir Path root;
  @TempDir Path tmp;

  private int once(Path state) throws IOException {
    Files.writeString(
        root.resolve("vigil.yaml"),
        """
        version: 1
        projects:
          - {name: app, stages: [{name: check, run: "echo SECRET=hunter2"}]}
        """);
    CommandHarness h =
        new CommandHarness(
            Map.of("PATH", System.getenv("PATH"), "VIGIL_STATE_DIR", state.toString()), root);
    int code = h.run(OnceCommand::new);
    lastErr = h.err();
    return code;
  }

  private String lastErr = "";

  @Test
  void aFreshStateDirAndEverythingInItIsOwnerOnly() throws Exception {
    assumeTrue(posix(tmp), "the file system has no POSIX modes");
    Path state = tmp.resolve("new/state");

    assertThat(once(state)).isZero();

    assertThat(Files.readString(state.resolve("history.jsonl"))).contains("SECRET=hunter2");
    assertThat(Files.exists(state.resolve("runs"))).isTrue();
    assertOwnerOnly(state);
    assertThat(mode(tmp.resolve("new"))).isEqualTo("rwx------");
  }

  @Test
  void aStateDirReadableByOthersIsTightenedWithOneNote() throws Exception {
    assumeTrue(posix(tmp), "the file system has no POSIX modes");
    Path state = Files.createDirectories(tmp.resolve("state"));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path oldRun = Files.createDirectories(state.resolve("runs/app-1"));
    Files.setPosixFilePermissions(oldRun, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path oldLog = Files.writeString(oldRun.resolve("check.log"), "SECRET=hunter2\n");
    Files.setPosixFilePermissions(oldLog, PosixFilePermissions.fromString("rw-r--r--"));
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "not vigil's\n");
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
    Files.createSymbolicLink(state.resolve("link"), outside);

    assertThat(once(state)).isZero();

    assertOwnerOnly(state);
    assertThat(mode(outside)).as("a symlink's target is not touched").isEqualTo("rw-r--r--");
    List<String> notes = lastErr.lines().filter(l -> l.contains("owner-only")).toList();
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0)).contains(state.toString(), "1 file", "3 folders");
  }

  private static void assertOwnerOnly(Path state) throws IOException {
    try (Stream<Path> all = Files.walk(state)) {
      for (Path p : all.toList()) {
        if (Files.isSymbolicLink(p)) {
          continue;
        }
        String want = Files.isDirectory(p) ? "rwx------" : "rw-------";
        assertThat(mode(p)).as(state.relativize(p).toString()).isEqualTo(want);
      }
    }
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }

  private static boolean posix(Path p) throws IOException {
    return Files.getFileStore(p).supportsFileAttributeView("posix");
  }
}
