package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the stages of config/rust.yaml with the real cargo on a small crate, when cargo exists. */
class RustConfigCargoTest {
  private static final String FORMATTED =
      """
      pub fn add(a: u32, b: u32) -> u32 {
          a + b
      }

      #[cfg(test)]
      mod tests {
          #[test]
          fn adds() {
              assert_eq!(super::add(2, 2), 4);
          }
      }
      """;

  @TempDir Path tmp;

  private Path crate;
  private List<StageConfig> stages;

  /** What a command printed and how it exited. */
  private record Result(int exitCode, String output) {}

  private Result sh(Path dir, String command, java.util.Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(dir.toFile());
    pb.redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("CARGO_NET_OFFLINE", "true");
    pb.environment().put("CARGO_TARGET_DIR", tmp.resolve("target").toString());
    Process p = pb.start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(command).isTrue();
    return new Result(p.exitValue(), output);
  }

  private boolean works(String command) {
    try {
      return sh(tmp, command, java.util.Map.of()).exitCode() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Result stage(String name) throws Exception {
    StageConfig stage =
        stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    return sh(crate, stage.run(), stage.env());
  }

  @BeforeEach
  void crateWithTheReadyConfig() throws Exception {
    assumeTrue(works("cargo --version"), "cargo is not on PATH");
    assumeTrue(works("cargo fmt --version"), "rustfmt is not installed");
    assumeTrue(works("cargo clippy --version"), "clippy is not installed");
    crate = Files.createDirectories(tmp.resolve("demo/src"));
    crate = crate.getParent();
    Files.writeString(
        crate.resolve("Cargo.toml"),
        "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
    Files.writeString(crate.resolve("src/lib.rs"), FORMATTED);
    assertThat(sh(crate, "cargo generate-lockfile --offline", java.util.Map.of()).exitCode())
        .isZero();
    Path config =
        Files.copy(RepoFiles.root().resolve("config/rust.yaml"), crate.resolve("vigil.yaml"));
    stages = ConfigLoader.load(config).projects().get(0).stages();
  }

  @Test
  void everyStagePassesOnACleanCrate() throws Exception {
    for (String name : List.of("fmt", "clippy", "test")) {
      Result result = stage(name);
      assertThat(result.exitCode()).as(name + ":\n" + result.output()).isZero();
    }
  }

  @Test
  void badFormattingFailsTheFmtStage() throws Exception {
    Files.writeString(
        crate.resolve("src/lib.rs"), FORMATTED.replace("a: u32, b: u32", "a:u32,b:u32"));

    Result fmt = stage("fmt");

    assertThat(fmt.exitCode()).isNotZero();
    assertThat(fmt.output()).contains("Diff in").contains("lib.rs");
  }

  @Test
  void aLockFileThatDriftedFailsTheLockedStageWithCargosMessage() throws Exception {
    Path helper = Files.createDirectories(tmp.resolve("helper/src"));
    Files.writeString(
        helper.getParent().resolve("Cargo.toml"),
        "[package]\nname = \"helper\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
    Files.writeString(helper.resolve("lib.rs"), "");
    Files.writeString(
        crate.resolve("Cargo.toml"),
        Files.readString(crate.resolve("Cargo.toml"))
            + "\n[dependencies]\nhelper = { path = \"../helper\" }\n");
    String lockBefore = Files.readString(crate.resolve("Cargo.lock"));

    Result clippy = stage("clippy");

    assertThat(clippy.exitCode()).isNotZero();
    assertThat(clippy.output())
        .contains("lock file")
        .contains("--locked was passed to prevent this");
    assertThat(crate.resolve("Cargo.lock")).hasContent(lockBefore);
  }
}
