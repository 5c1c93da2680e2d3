package dev.vigil.cli;

import dev.vigil.pipeline.RunListener;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.Json;
import dev.vigil.report.RunRecord;
import dev.vigil.report.StageRecord;
import java.nio.file.Path;

/** The console reporter a command asked for, and the run listener that feeds it. */
final class Reporters {
  private Reporters() {}

  static ConsoleReporter console(CliContext ctx, boolean json, Path stateDir) {
    return json
        ? ConsoleReporter.json(ctx.out(), ctx.err(), new Json())
        : ConsoleReporter.human(ctx.out(), stateDir, ctx.tty());
  }

  static RunListener listener(ConsoleReporter console) {
    return new RunListener() {
      @Override
      public void runStarted(RunRecord run) {
        console.runStarted(run);
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
