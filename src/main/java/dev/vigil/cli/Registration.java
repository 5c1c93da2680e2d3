package dev.vigil.cli;

import dev.vigil.config.ConfigException;
import dev.vigil.config.UserConfig;
import dev.vigil.report.DaemonState;
import dev.vigil.report.Json;
import dev.vigil.report.StatusSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vigil add} and {@code vigil remove}: a project's config in the user config's include. */
abstract class Registration implements Callable<Integer> {
  final CliContext ctx;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The project directory (default: the current one), or its config file.")
  Path dir;

  Registration(CliContext ctx) {
    this.ctx = ctx;
  }

  abstract UserConfig.Change change(UserConfig user, Path target)
      throws ConfigException, IOException, UserConfig.Refused;

  @Override
  public Integer call() throws ConfigException, IOException {
    Path target = dir == null ? ctx.cwd() : ctx.cwd().resolve(dir).toAbsolutePath().normalize();
    UserConfig user = UserConfig.of(ctx.env());
    UserConfig.Change change;
    try {
      change = change(user, target);
    } catch (UserConfig.Refused e) {
      throw new UserError(e.getMessage());
    }
    change.lines().forEach(ctx.out()::println);
    if (change.changed()) {
      ctx.out().println(daemonNote(user.file()));
    }
    return ExitCode.OK;
  }

  /** Whether a running daemon will see the change, read from the state dir's status.json. */
  private String daemonNote(Path userConfig) {
    Path status = StateDirChoice.resolve(ctx, null).resolve("status.json");
    try {
      StatusSnapshot snapshot = new Json().readStatus(Files.readString(status));
      long pid = snapshot.daemon().pid();
      boolean alive =
          ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
              && snapshot.daemon().state() != DaemonState.STOPPING;
      if (alive && Objects.equals(snapshot.daemon().configFile(), userConfig.toString())) {
        return "the running daemon (pid " + pid + ") picks this up within a second";
      }
      if (alive) {
        return "note: the running daemon (pid "
            + pid
            + ") reads "
            + snapshot.daemon().configFile()
            + ", not "
            + userConfig
            + "; 'vigil service install' sets up the daemon that reads the user config";
      }
    } catch (IOException | RuntimeException e) {
      // No status.json, or not one we can read: no daemon to speak of.
    }
    return "no daemon runs: 'vigil service install' starts the one that reads " + userConfig;
  }

  /** {@code vigil add [DIR]}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Register DIR's vigil.yaml with the workstation daemon.",
        "Lists it under `include:` in the user config ($XDG_CONFIG_HOME/vigil/vigil.yaml,"
            + " created when missing). A running daemon picks it up without a restart. Exit 0"
            + " when listed (or already); 2 when DIR has no valid vigil.yaml or a project name is"
            + " taken."
      })
  static final class Add extends Registration {
    Add(CliContext ctx) {
      super(ctx);
    }

    @Override
    UserConfig.Change change(UserConfig user, Path target)
        throws ConfigException, IOException, UserConfig.Refused {
      return user.add(target);
    }
  }

  /** {@code vigil remove [DIR]}. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = {
        "Unregister DIR's vigil.yaml from the workstation daemon.",
        "Takes the entry naming it out of the user config's `include:`. A running daemon stops"
            + " watching it without a restart. Exit 0 when removed; 2 when no entry names it."
      })
  static final class Remove extends Registration {
    Remove(CliContext ctx) {
      super(ctx);
    }

    @Override
    UserConfig.Change change(UserConfig user, Path target)
        throws ConfigException, IOException, UserConfig.Refused {
      return user.remove(target);
    }
  }
}
