package dev.vigil.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tightening looks through a state dir only where others can get into it: every {@code vigil once}
 * and hook starts with it, and a state dir grows with runs and cached outputs.
 */
class OwnerOnlyTightenTest {
  @TempDir Path tmp;

  @Test
  void aLooseStateDirIsTightenedThroughout() throws Exception {
    Path log = readableLogInRuns();
    Files.setPosixFilePermissions(log.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        tmp.resolve("state"), PosixFilePermissions.fromString("rwxr-x---"));

    OwnerOnly.Tightened t = OwnerOnly.tighten(tmp.resolve("state"));

    assertThat(t.files()).isEqualTo(1);
    assertThat(t.folders()).isEqualTo(2);
    assertThat(mode(log)).isEqualTo("rw-------");
  }

  @Test
  void anOwnerOnlyStateDirIsNotWalked() throws Exception {
    Path log = readableLogInRuns();
    Files.setPosixFilePermissions(
        tmp.resolve("state"), PosixFilePermissions.fromString("rwx------"));

    OwnerOnly.Tightened t = OwnerOnly.tighten(tmp.resolve("state"));

    // Nobody else can get past the state dir itself, so what is inside it is left as it is.
    assertThat(t.any()).isFalse();
    assertThat(mode(log)).isEqualTo("rw-r--r--");
  }

  /** state/runs/a.log, readable by everyone; the POSIX check skips the test elsewhere. */
  private Path readableLogInRuns() throws Exception {
    assumeTrue(Files.getFileStore(tmp).supportsFileAttributeView("posix"));
    Path runs = Files.createDirectories(tmp.resolve("state/runs"));
    Path log = Files.writeString(runs.resolve("a.log"), "x");
    Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
    return log;
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }
}
