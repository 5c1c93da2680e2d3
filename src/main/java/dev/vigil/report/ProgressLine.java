package dev.vigil.report;

import dev.vigil.time.Scheduler;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live line on a terminal while a stage runs long: {@code ⟳ project: stage 12.3s}, redrawn in
 * place every 200 ms once a stage has run 2 s, and erased before anything else is printed. Its lock
 * is the stream it draws on, so a redraw never lands inside another's lines.
 */
final class ProgressLine {
  static final Duration SHOW_AFTER = Duration.ofSeconds(2);
  static final Duration EVERY = Duration.ofMillis(200);
  static final String ERASE = "\r\u001B[K";

  private final PrintStream out;
  private final Scheduler clock;
  private final Map<Running, Long> started = new LinkedHashMap<>();
  private Scheduler.Cancellable tick;
  private boolean shown;

  ProgressLine(PrintStream out, Scheduler clock) {
    this.out = out;
    this.clock = clock;
  }

  void stageStarted(String project, String stage) {
    synchronized (out) {
      started.put(new Running(project, stage), clock.nanoTime());
      if (tick == null) {
        tick = clock.schedule(EVERY, this::tick);
      }
    }
  }

  void stageFinished(String project, String stage) {
    synchronized (out) {
      started.remove(new Running(project, stage));
      stopIfIdle();
    }
  }

  /** Forgets every stage of the project, for a run that ended (or was cancelled). */
  void runFinished(String project) {
    synchronized (out) {
      started.keySet().removeIf(r -> r.project().equals(project));
      stopIfIdle();
    }
  }

  /** Takes the line away if it is shown; called before any other output. */
  void erase() {
    synchronized (out) {
      if (shown) {
        out.print(ERASE);
        out.flush();
        shown = false;
      }
    }
  }

  private void stopIfIdle() {
    if (started.isEmpty()) {
      if (tick != null) {
        tick.cancel();
        tick = null;
      }
      erase();
    }
  }

  private void tick() {
    synchronized (out) {
      tick = null;
      if (started.isEmpty()) {
        return;
      }
      draw();
      tick = clock.schedule(EVERY, this::tick);
    }
  }

  private void draw() {
    long now = clock.nanoTime();
    Map.Entry<Running, Long> longest = started.entrySet().iterator().next();
    for (Map.Entry<Running, Long> e : started.entrySet()) {
      if (e.getValue() < longest.getValue()) {
        longest = e;
      }
    }
    long ms = Duration.ofNanos(now - longest.getValue()).toMillis();
    if (ms < SHOW_AFTER.toMillis()) {
      erase();
      return;
    }
    int others = started.size() - 1;
    out.print(
        ERASE
            + "⟳ "
            + longest.getKey().project()
            + ": "
            + longest.getKey().stage()
            + " "
            + RunText.duration(ms)
            + (others > 0 ? " (+" + others + " running)" : ""));
    out.flush();
    shown = true;
  }

  private record Running(String project, String stage) {}
}
