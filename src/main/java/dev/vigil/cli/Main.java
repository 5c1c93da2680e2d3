package dev.vigil.cli;

import picocli.CommandLine;

/** Entry point of the vigil jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, CliContext.system()));
  }

  /** Runs one command line; returns the exit code. */
  static int run(String[] args, CliContext ctx) {
    VerboseFlag verbose = new VerboseFlag();
    CommandLine cl = new CommandLine(new VigilCommand(verbose));
    cl.addSubcommand(new DaemonCommand(ctx));
    cl.addSubcommand(new OnceCommand(ctx));
    cl.addSubcommand(new CheckConfigCommand(ctx));
    cl.addSubcommand(new CheckIgnoreCommand(ctx));
    cl.addSubcommand(new ServiceCommand(ctx));
    cl.addSubcommand(new HookCommand(ctx));
    cl.addSubcommand(new InitCommand(ctx));
    cl.addSubcommand(new Registration.Add(ctx));
    cl.addSubcommand(new Registration.Remove(ctx));
    cl.addSubcommand(new StatusCommand(ctx));
    cl.addSubcommand(new ProjectActionCommand.Trigger(ctx));
    cl.addSubcommand(new ProjectActionCommand.Pause(ctx));
    cl.addSubcommand(new ProjectActionCommand.Resume(ctx));
    cl.addSubcommand(new DaemonActionCommand.Reload(ctx));
    cl.addSubcommand(new DaemonActionCommand.Stop(ctx));
    cl.addSubcommand(new LogsCommand(ctx));
    cl.addSubcommand(new EventsCommand(ctx));
    cl.addSubcommand(new OpenCommand(ctx));
    cl.addSubcommand(new WatchCommand(ctx));
    cl.addSubcommand(new CompletionCommand(ctx));
    cl.addSubcommand(new LspCommand(ctx));
    ErrorHandler errors = new ErrorHandler(ctx, verbose);
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    cl.setOut(new java.io.PrintWriter(ctx.out(), true));
    cl.setErr(new java.io.PrintWriter(ctx.err(), true));
    return cl.execute(args);
  }
}
