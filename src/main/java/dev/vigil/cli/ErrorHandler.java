package dev.vigil.cli;

import dev.vigil.config.ConfigException;
import dev.vigil.config.ConfigProblem;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Maps every exception that leaves a command to a message and an exit code, in one place. */
final class ErrorHandler
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  private final CliContext ctx;
  private final VerboseFlag verbose;

  ErrorHandler(CliContext ctx, VerboseFlag verbose) {
    this.ctx = ctx;
    this.verbose = verbose;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    if (e instanceof ConfigException ce) {
      for (ConfigProblem p : ce.problems()) {
        ctx.err().println(p);
      }
      return ExitCode.USAGE;
    }
    if (e instanceof UserError ue) {
      ctx.err().println("vigil: " + ue.getMessage());
      traceIfVerbose(e);
      return ue.exitCode();
    }
    ctx.err().println("vigil: internal error: " + e + " (run with --verbose for the stack trace)");
    traceIfVerbose(e);
    return ExitCode.INTERNAL;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    ctx.err().println("vigil: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, ctx.err());
    ctx.err().println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCode.USAGE;
  }

  private void traceIfVerbose(Exception e) {
    if (verbose.on) {
      StringWriter sw = new StringWriter();
      e.printStackTrace(new PrintWriter(sw));
      ctx.err().print(sw);
    }
  }
}
