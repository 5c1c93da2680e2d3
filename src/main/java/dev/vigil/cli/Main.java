package dev.vigil.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;

/** Entry point of the vigil jar. */
public final class Main {
  /**
   * Every subcommand by the name it is called by, in the order help lists them. Picocli reads each
   * command's annotations when it is added, which costs a tenth of a second for all of them, so a
   * command line that names one adds only that one ({@link #chosen}).
   */
  static final Map<String, Function<CliContext, Object>> COMMANDS = commands();

  /** Commands that need every other command added beside them. */
  private static final List<String> NEED_ALL = List.of("completion");

  private Main() {}

  public static void main(String[] args) {
    SpawnMechanism.apply();
    CliContext ctx = CliContext.system();
    StartWarmer.startFor(args, ctx.json());
    System.exit(run(args, ctx));
  }

  /** Runs one command line; returns the exit code. */
  static int run(String[] args, CliContext ctx) {
    VerboseFlag verbose = new VerboseFlag();
    CommandLine cl = new CommandLine(new VigilCommand(verbose));
    for (Function<CliContext, Object> command : chosen(args)) {
      cl.addSubcommand(command.apply(ctx));
    }
    ErrorHandler errors = new ErrorHandler(ctx, verbose);
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    cl.setOut(new PrintWriter(ctx.out(), true));
    cl.setErr(new PrintWriter(ctx.err(), true));
    return cl.execute(args);
  }

  /**
   * The commands to add for this command line: the one it names, or all of them when it names none
   * that is known (help, a typo to suggest a fix for) or one that lists the others.
   */
  static Collection<Function<CliContext, Object>> chosen(String[] args) {
    return commandName(args)
        .filter(name -> COMMANDS.containsKey(name) && !NEED_ALL.contains(name))
        .<Collection<Function<CliContext, Object>>>map(name -> List.of(COMMANDS.get(name)))
        .orElse(COMMANDS.values());
  }

  /** The command a command line names: its first argument that is not an option, if any. */
  static Optional<String> commandName(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return Optional.of(arg);
      }
    }
    return Optional.empty();
  }

  private static Map<String, Function<CliContext, Object>> commands() {
    Map<String, Function<CliContext, Object>> all = new LinkedHashMap<>();
    all.put("daemon", DaemonCommand::new);
    all.put("once", OnceCommand::new);
    all.put("check-config", CheckConfigCommand::new);
    all.put("check-ignore", CheckIgnoreCommand::new);
    all.put("service", ServiceCommand::new);
    all.put("hook", HookCommand::new);
    all.put("init", InitCommand::new);
    all.put("add", Registration.Add::new);
    all.put("remove", Registration.Remove::new);
    all.put("status", StatusCommand::new);
    all.put("trigger", ProjectActionCommand.Trigger::new);
    all.put("pause", ProjectActionCommand.Pause::new);
    all.put("resume", ProjectActionCommand.Resume::new);
    all.put("reload", DaemonActionCommand.Reload::new);
    all.put("stop", DaemonActionCommand.Stop::new);
    all.put("logs", LogsCommand::new);
    all.put("events", EventsCommand::new);
    all.put("open", OpenCommand::new);
    all.put("watch", WatchCommand::new);
    all.put("completion", CompletionCommand::new);
    all.put("lsp", LspCommand::new);
    return Collections.unmodifiableMap(all);
  }
}
