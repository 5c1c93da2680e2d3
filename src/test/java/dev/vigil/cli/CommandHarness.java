package dev.vigil.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/** Runs one command in-process with a given environment and captures what it prints. */
final class CommandHarness {
  private final Map<String, String> env;
  private final Path cwd;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  CommandHarness(Map<String, String> env, Path cwd) {
    this.env = Map.copyOf(env);
    this.cwd = cwd;
  }

  /** Runs {@code args} on the command built for this harness's context; returns the exit code. */
  int run(Function<CliContext, Object> command, String... args) {
    out.reset();
    err.reset();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    CliContext ctx = new CliContext(env, cwd, o, e, false);
    CommandLine cl = new CommandLine(command.apply(ctx));
    cl.setExecutionExceptionHandler(
        (ex, c, p) -> {
          if (ex instanceof dev.vigil.config.ConfigException ce) {
            ce.problems().forEach(e::println);
            return ExitCode.USAGE;
          }
          if (ex instanceof UserError ue) {
            e.println("vigil: " + ue.getMessage());
            return ue.exitCode();
          }
          throw ex;
        });
    cl.setOut(new java.io.PrintWriter(o, true));
    cl.setErr(new java.io.PrintWriter(e, true));
    return cl.execute(args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
