package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/vigil install [--prefix DIR]} puts {@code vigil} on PATH for shells and editors.
 */
class LauncherInstallTest {
  private static final Path LAUNCHER = Path.of("scripts/vigil").toAbsolutePath();

  @TempDir Path prefix;
  @TempDir Path home;

  private record Result(int exit, String out) {}

  private Result install(String... args) throws Exception {
    String[] cmd = new String[args.length + 3];
    cmd[0] = "bash";
    cmd[1] = LAUNCHER.toString();
    cmd[2] = "install";
    System.arraycopy(args, 0, cmd, 3, args.length);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("HOME", home.toString());
    env.put("PATH", "/usr/bin:/bin");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  @Test
  void aPrefixGetsALinkToTheLauncherAndThePathAdvice() throws Exception {
    Result r = install("--prefix", prefix.toString());
    assertThat(r.exit()).isZero();
    Path link = prefix.resolve("bin/vigil");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(link.toRealPath()).isEqualTo(LAUNCHER.toRealPath());
    assertThat(r.out())
        .contains("linked " + link)
        .contains("add " + prefix.resolve("bin") + " to PATH");
  }

  @Test
  void withoutAPrefixItLinksIntoTheHomesLocalBin() throws Exception {
    assertThat(install().exit()).isZero();
    assertThat(home.resolve(".local/bin/vigil").toRealPath()).isEqualTo(LAUNCHER.toRealPath());
  }

  @Test
  void anUnknownArgumentIsRefusedWithTheUsage() throws Exception {
    Result r = install("--prefx", "x");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("usage: scripts/vigil install [--prefix DIR]");
  }
}
