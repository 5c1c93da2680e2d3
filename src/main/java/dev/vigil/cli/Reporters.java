package dev.vigil.cli;

import dev.vigil.pipeline.RunListener;
import dev.vigil.report.ConsoleOptions;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.DesktopNotifier;
import dev.vigil.report.Json;
import dev.vigil.report.Notifier;
import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;
import dev.vigil.time.Scheduler;
import dev.vigil.time.SystemScheduler;
import java.nio.file.Path;
import java.util.Optional;

/** The console reporter a command asked for, and the run listener that feeds it. */
final class Reporters {
  private Reporters() {}

  /**
   * The console with the asked-for comfort: quiet, clearing, a live progress line on a terminal,
   * and desktop notifications when {@code --notify} asks for them.
   */
  static Console console(CliContext ctx, boolean json, Path stateDir, ConsoleFlags flags) {
    return console(ctx, json, stateDir, flags, flags.notify ? desktop(ctx) : Notifier.NONE);
  }

  /** As {@link #console(CliContext, boolean, Path, ConsoleFlags)}, always with notifications. */
  static Console notifyingConsole(CliContext ctx, boolean json, Path stateDir, ConsoleFlags flags) {
    return console(ctx, json, stateDir, flags, desktop(ctx));
  }

  private static Notifier desktop(CliContext ctx) {
    return DesktopNotifier.forSystem(ctx.env(), System.getProperty("os.name", ""));
  }

  private static Console console(
      CliContext ctx, boolean json, Path stateDir, ConsoleFlags flags, Notifier notifier) {
    if (json) {
      return new Console(
          ConsoleReporter.json(ctx.out(), ctx.err(), new Json(), notifier), Optional.empty());
    }
    Optional<SystemScheduler> clock =
        ctx.tty() && !flags.quiet
            ? Optional.of(new SystemScheduler("vigil-progress"))
            : Optional.empty();
    ConsoleOptions options =
        new ConsoleOptions(
            ctx.tty(), flags.quiet, flags.clear, clock.map(Scheduler.class::cast), notifier);
    return new Console(ConsoleReporter.human(ctx.out(), stateDir, options), clock);
  }

  static RunListener listener(ConsoleReporter console) {
    return new RunListener() {
      @Override
      public void runStarted(RunRecord run) {
        console.runStarted(run);
      }

      @Override
      public void stageStarted(RunRecord run, String stage) {
        console.stageStarted(run.project(), stage);
      }

      @Override
      public void stageFinished(RunRecord run, StageRecord stage) {
        console.stageFinished(run.project(), stage);
      }

      @Override
      public void runFinished(RunRecord run) {
        console.runFinished(run);
      }
    };
  }
}
