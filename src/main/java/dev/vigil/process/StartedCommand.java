package dev.vigil.process;

import dev.vigil.time.Scheduler;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A started process: its two output pumps, its timeout, the kill sequence on timeout or cancel, and
 * a waiter that completes the result once the root is reaped and all output is read.
 */
final class StartedCommand implements RunningCommand {
  private static final long POLL_MILLIS = 20;
  private static final long DRAIN_QUIET_MILLIS = 100;
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final CommandSpec spec;
  private final Process process;
  private final MergedOutput output;
  private final Scheduler scheduler;
  private final ExecutorService pool;
  private final ProcessTreeKiller killer;
  private final long startNanos;
  private final CompletableFuture<CommandOutput> result = new CompletableFuture<>();
  private final CompletableFuture<Void> graceElapsed = new CompletableFuture<>();
  private final CompletableFuture<Void> killDone = new CompletableFuture<>();
  private final Object lock = new Object();
  private final Leftovers leftovers;
  private Outcome killReason;
  private boolean mainExited;
  private boolean finished;
  private Scheduler.Cancellable timeoutTask = () -> {};
  private Scheduler.Cancellable graceTask = () -> {};

  StartedCommand(
      CommandSpec spec,
      Process process,
      MergedOutput output,
      Scheduler scheduler,
      ExecutorService pool,
      ProcessTreeKiller killer,
      long startNanos) {
    this.spec = spec;
    this.process = process;
    this.output = output;
    this.scheduler = scheduler;
    this.pool = pool;
    this.killer = killer;
    this.startNanos = startNanos;
    this.leftovers = new Leftovers(killer, scheduler, spec.killGrace());
  }

  /** Starts the pumps, the timeout and the waiter. */
  void begin() {
    Future<?> out =
        pool.submit(new OutputPump(process.getInputStream(), OutputLine.Stream.STDOUT, output));
    Future<?> err =
        pool.submit(new OutputPump(process.getErrorStream(), OutputLine.Stream.STDERR, output));
    Duration timeout = spec.timeout();
    if (timeout != null && !timeout.isNegative() && !timeout.isZero()) {
      try {
        Scheduler.Cancellable task =
            scheduler.schedule(timeout, () -> terminate(new Outcome.TimedOut()));
        synchronized (lock) {
          timeoutTask = task;
        }
      } catch (RuntimeException e) {
        cancelNow(); // a command that cannot be timed out must not run unattended
      }
    }
    pool.execute(() -> awaitEnd(out, err));
  }

  @Override
  public CompletableFuture<CommandOutput> result() {
    return result;
  }

  @Override
  public void cancel() {
    terminate(new Outcome.Cancelled());
  }

  /** Cancels and skips the grace period: SIGKILL follows SIGTERM at once. */
  void cancelNow() {
    cancel();
    graceElapsed.complete(null);
  }

  private void terminate(Outcome reason) {
    boolean noGrace = false;
    boolean hurryLeftovers;
    synchronized (lock) {
      if (finished || killReason != null) {
        return;
      }
      hurryLeftovers = mainExited;
      if (!mainExited) {
        killReason = reason;
        Duration grace = spec.killGrace() == null ? Duration.ZERO : spec.killGrace();
        try {
          graceTask = scheduler.schedule(grace, () -> graceElapsed.complete(null));
        } catch (RuntimeException e) {
          noGrace = true; // no scheduler any more: no grace period either
        }
      }
    }
    if (hurryLeftovers) {
      leftovers.hurry(); // the result is the main process's exit; what it left ends now
      return;
    }
    if (noGrace) {
      graceElapsed.complete(null);
    }
    try {
      pool.execute(this::killTree);
    } catch (RejectedExecutionException e) {
      // The runner is closed: no grace period any more.
      ProcessHandle root = process.toHandle();
      killer.kill(root, killer.terminate(root));
      killDone.complete(null);
    }
  }

  private void killTree() {
    ProcessHandle root = process.toHandle();
    try {
      Set<ProcessHandle> seen = killer.terminate(root);
      while (!graceElapsed.isDone() && killer.anyAlive(root, seen)) {
        waitQuietly(graceElapsed, POLL_MILLIS);
      }
      if (killer.anyAlive(root, seen)) {
        killer.kill(root, seen);
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        while (killer.anyAlive(root, seen) && System.nanoTime() < deadline) {
          Thread.sleep(POLL_MILLIS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      killDone.complete(null);
    }
  }

  private void awaitEnd(Future<?> out, Future<?> err) {
    try {
      int code = process.waitFor();
      // With its own process group, the main process's exit decides: what it left running is
      // found through the group, and a child holding the output open cannot keep the command going.
      boolean byMainExit = killer.ownGroup();
      Outcome reason;
      synchronized (lock) {
        reason = killReason;
        if (reason == null && byMainExit) {
          mainExited = true;
          timeoutTask.cancel();
        }
      }
      int leftBehind = 0;
      if (reason == null && byMainExit && !spec.keepBackground()) {
        leftBehind = leftovers.end(process.toHandle());
      }
      if (reason == null && (spec.keepBackground() || !byMainExit)) {
        drain(out, err);
      } else {
        out.get();
        err.get();
      }
      synchronized (lock) {
        finished = true;
        reason = killReason;
        timeoutTask.cancel();
      }
      if (reason != null) {
        killDone.get();
        graceTask.cancel();
      } else if (code == 127) {
        output.note("vigil: command not found (exit 127): " + firstWord(spec.command()));
      }
      if (leftBehind > 0) {
        output.note(leftBehindNote(leftBehind));
      }
      output.finish();
      Duration duration = Duration.ofNanos(scheduler.nanoTime() - startNanos);
      Outcome outcome = reason != null ? reason : new Outcome.Exited(code);
      result.complete(
          new CommandOutput(outcome, duration, output.tail(), output.totalBytes(), leftBehind));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      output.finish();
      result.completeExceptionally(e);
    } catch (ExecutionException | RuntimeException e) {
      output.finish();
      result.completeExceptionally(e);
    }
  }

  private String leftBehindNote(int count) {
    Duration grace = spec.killGrace() == null ? Duration.ZERO : spec.killGrace();
    return "vigil: "
        + count
        + (count == 1 ? " process" : " processes")
        + " left running by the command "
        + (count == 1 ? "was" : "were")
        + " ended "
        + grace.toMillis()
        + " ms after it exited (keep_background: true leaves them running)";
  }

  /**
   * Reads what the output pipes still hold once the main process exited, and stops waiting for them
   * when nothing more arrives: a process left running may hold them open for as long as it runs.
   */
  private void drain(Future<?> out, Future<?> err) throws InterruptedException, ExecutionException {
    long before = -1;
    while (!(out.isDone() && err.isDone())) {
      long now = output.totalBytes();
      if (now == before) {
        output.detach();
        return;
      }
      before = now;
      try {
        out.get(DRAIN_QUIET_MILLIS, TimeUnit.MILLISECONDS);
        err.get(DRAIN_QUIET_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // see whether more output came meanwhile
      }
    }
  }

  private static void waitQuietly(CompletableFuture<Void> future, long millis)
      throws InterruptedException {
    try {
      future.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // poll again
    }
  }

  static String firstWord(String command) {
    String trimmed = command.strip();
    int space = 0;
    while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))) {
      space++;
    }
    return trimmed.substring(0, space);
  }
}
