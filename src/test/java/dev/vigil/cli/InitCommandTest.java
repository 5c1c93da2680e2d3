package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.ConfigLoader;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.VigilConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InitCommandTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** The PATH the command sees: a folder holding the tools {@link #tools} put there. */
  private Path bin;

  /** Puts stand-ins for {@code names} in the folder that is the command's PATH. */
  private void tools(String... names) throws IOException {
    bin = Files.createDirectories(tmp.resolve("bin"));
    for (String name : names) {
      Path tool = Files.writeString(bin.resolve(name), "#!/bin/sh\n");
      Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** Runs {@code vigil init ARGS} in {@code tmp}, mapping a UserError as the CLI does. */
  private int init(String... args) {
    CliContext ctx =
        new CliContext(
            bin == null ? Map.of() : Map.of("PATH", bin.toString()),
            tmp,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    CommandLine cl = new CommandLine(new InitCommand(ctx));
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof UserError ue) {
            ctx.err().println("vigil: " + ue.getMessage());
            return ue.exitCode();
          }
          throw e;
        });
    return cl.execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private void file(String path, String text) throws IOException {
    Path file = tmp.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void writesALoadableConfigAndSaysWhatItFound() throws Exception {
    file("engine/Cargo.toml", "[package]\nname = \"engine\"\n");
    file("web/package.json", "{\"scripts\": {\"test\": \"jest\"}}");
    tools("cargo", "cargo-fmt", "cargo-clippy", "npm");

    int code = init();

    assertThat(code).isEqualTo(0);
    Path written = tmp.resolve("vigil.yaml");
    assertThat(out())
        .isEqualTo(
            "rust  engine  fmt -> clippy -> test\n"
                + "node  web     test\n"
                + "wrote "
                + written
                + "\nadd it to the workstation daemon with: vigil add "
                + tmp
                + "\n");
    VigilConfig loaded = ConfigLoader.load(written);
    assertThat(loaded.projects()).extracting(ProjectConfig::name).containsExactly("engine", "web");
  }

  @Test
  void aToolNotOnThePathIsNamedWithItsInstallHintAndItsStageIsStillWritten() throws Exception {
    file("Cargo.toml", "[package]\nname = \"fastcalc\"\n");
    file(
        "pyproject.toml",
        "[build-system]\nbuild-backend = \"maturin\"\n[tool.maturin]\npython-source = \"python\"\n"
            + "[tool.ruff]\n[tool.mypy]\n");
    file("tests/test_fastcalc.py", "");
    tools("cargo", "cargo-fmt", "pytest", "ruff");
    String rust = tmp.getFileName() + "-rust";
    String python = tmp.getFileName() + "-python";

    assertThat(init()).isEqualTo(0);

    Path written = tmp.resolve("vigil.yaml");
    assertThat(out())
        .endsWith(
            "cargo-clippy is not on PATH: rustup component add clippy (needed by "
                + rust
                + ": clippy)\n"
                + "maturin is not on PATH: pip install maturin (needed by "
                + python
                + ": develop)\n"
                + "mypy is not on PATH: pip install mypy (needed by "
                + python
                + ": typecheck)\n"
                + "wrote "
                + written
                + "\nadd it to the workstation daemon with: vigil add "
                + tmp
                + "\n");
    assertThat(Files.readString(written))
        .contains(
            "      # maturin is not on PATH: pip install maturin\n"
                + "      - name: \"develop\"\n"
                + "        run: \"maturin develop --quiet\"\n")
        .contains("      # mypy is not on PATH: pip install mypy\n      - name: \"typecheck\"\n")
        .doesNotContain("ruff is not on PATH")
        .doesNotContain("pytest is not on PATH");
    Cli check = new Cli(tmp);
    assertThat(check.run("check-config")).isEqualTo(0);
    assertThat(check.out()).isEqualTo(written + ": ok (2 projects, 7 stages)\n");
  }

  @Test
  void endsByOfferingTheAddLineForTheDirectoryItWroteInto() throws Exception {
    file("sub/go.mod", "module x\n");

    assertThat(init("sub")).isEqualTo(0);

    assertThat(out())
        .endsWith(
            "\nadd it to the workstation daemon with: vigil add " + tmp.resolve("sub") + "\n");
  }

  @Test
  void takesADirectoryArgumentRelativeToTheCurrentDirectory() throws Exception {
    file("sub/go.mod", "module x\n");

    assertThat(init("sub")).isEqualTo(0);

    assertThat(tmp.resolve("sub/vigil.yaml")).exists();
    assertThat(tmp.resolve("vigil.yaml")).doesNotExist();
    assertThat(out()).startsWith("go  .  fmt -> vet -> test\n");
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    file("go.mod", "module x\n");
    file("vigil.yaml", "# mine\n");

    int code = init();

    assertThat(code).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "vigil: "
                + tmp.resolve("vigil.yaml")
                + " already exists; pass --force to overwrite it\n");
    assertThat(tmp.resolve("vigil.yaml")).hasContent("# mine");
  }

  @Test
  void forceOverwrites() throws Exception {
    file("go.mod", "module x\n");
    file("vigil.yaml", "# mine\n");

    assertThat(init("--force")).isEqualTo(0);

    assertThat(ConfigLoader.load(tmp.resolve("vigil.yaml")).projects().get(0).stages()).hasSize(3);
  }

  @Test
  void nothingDetectedNamesTheBuildFilesLookedFor() {
    int code = init();

    assertThat(code).isEqualTo(2);
    assertThat(err())
        .startsWith("vigil: no project found in " + tmp)
        .contains("Cargo.toml, pom.xml, build.gradle")
        .contains("requirements*.txt, package.json, go.mod");
    assertThat(tmp.resolve("vigil.yaml")).doesNotExist();
  }

  @Test
  void aMissingDirectoryIsAUsageError() {
    assertThat(init("nope")).isEqualTo(2);
    assertThat(err()).contains("nope is not a directory");
  }
}
