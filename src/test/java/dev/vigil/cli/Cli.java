package dev.vigil.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs a vigil command line in-process with captured output and a bare environment. */
final class Cli {
  private final Path cwd;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  Cli(Path cwd) {
    this.cwd = cwd;
  }

  int run(String... args) {
    Map<String, String> env =
        Map.of("PATH", System.getenv("PATH"), "HOME", cwd.resolve("home").toString());
    CliContext ctx =
        new CliContext(
            env,
            cwd,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return Main.run(args, ctx);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
