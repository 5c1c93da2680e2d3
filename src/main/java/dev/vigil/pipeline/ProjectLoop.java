package dev.vigil.pipeline;

import dev.vigil.batch.ChangeBatch;
import dev.vigil.config.BusyPolicy;
import dev.vigil.config.ProjectConfig;
import dev.vigil.run.RunRecord;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One project's queue: turns batches and requests into runs under the project's busy policy. All
 * controls are handled one at a time, in order, urgent ones first, on the given executor.
 */
public final class ProjectLoop {
  private static final Logger log = LoggerFactory.getLogger(ProjectLoop.class);

  /** Hears what the loop decides; called on the loop's executor. */
  public interface Listener {
    /** The loop's status changed. */
    default void statusChanged(String project, LoopStatus status) {}

    /** The project was paused; said only when it was not paused before. */
    default void paused(String project) {}

    /** The project was resumed; said only when it was paused before. */
    default void resumed(String project) {}

    /** A run is asked for and waits to start. */
    default void runQueued(String project, Trigger trigger) {}

    /** A run finished; {@code after} chains start from here (not for runs made for once alone). */
    default void runFinished(String project, RunRecord record) {}
  }

  private final ProjectConfig project;
  private final PipelineFactory pipelines;
  private final RunSlots slots;
  private final Listener listener;
  private final ControlQueue queue;
  private final StageGraph stages;

  private final PendingWork pending = new PendingWork();
  private LoopMode mode = LoopMode.START;
  private List<CompletableFuture<RunRecord>> onceWaiters = new ArrayList<>();
  private RunRecord lastRun;
  private final List<CompletableFuture<Void>> idleWaiters = new ArrayList<>();

  /**
   * What the control being handled has to say to the outside (listener calls, futures to complete,
   * a run to start or cancel): collected under the lock, done after it is let go, in order.
   */
  private List<Runnable> afterwards = new ArrayList<>();

  public ProjectLoop(
      ProjectConfig project,
      PipelineFactory pipelines,
      RunSlots slots,
      Listener listener,
      Executor executor) {
    this.project = project;
    this.pipelines = pipelines;
    this.slots = slots;
    this.listener = listener;
    this.queue = new ControlQueue(executor, this::handle);
    this.stages = new StageGraph(project);
  }

  public ProjectConfig project() {
    return project;
  }

  /** Paths changed; completes once the loop has taken them in. */
  public CompletableFuture<Void> changes(ChangeBatch batch) {
    return queue.post(new Control.Changes(batch));
  }

  /** Runs every stage, e.g. for {@code manual} or {@code startup}. */
  public CompletableFuture<Void> runAll(TriggerKind kind) {
    return queue.post(new Control.RunAll(kind));
  }

  /**
   * Runs every stage now, for {@code vigil once}, even while paused or held; completes with the
   * record of the run (a run restarted by a change is followed by a full run again).
   */
  public CompletableFuture<RunRecord> runOnce() {
    CompletableFuture<RunRecord> done = new CompletableFuture<>();
    queue.post(new Control.RunOnce(done));
    return done;
  }

  /** Holds changes back from starting runs until {@link #release}; once-runs still start. */
  public CompletableFuture<Void> hold() {
    return queue.post(new Control.Hold());
  }

  public CompletableFuture<Void> release() {
    return queue.post(new Control.Release());
  }

  public CompletableFuture<Void> pause() {
    return queue.post(new Control.Pause());
  }

  public CompletableFuture<Void> resume() {
    return queue.post(new Control.Resume());
  }

  /** Cancels the running pipeline and drops pending changes. */
  public CompletableFuture<Void> cancel() {
    return queue.post(new Control.Cancel());
  }

  /** Completes when no run is going or waiting to start. */
  public CompletableFuture<Void> idle() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    synchronized (idleWaiters) {
      idleWaiters.add(f);
    }
    queue.post(new Control.Wake());
    return f;
  }

  /** A consistent picture of the loop, safe to call from any thread. */
  public synchronized LoopStatus status() {
    return new LoopStatus(
        mode.busy(), mode.gate().paused(), pending.count(), mode.stale(), lastRun);
  }

  private void handle(Control control) {
    List<Runnable> calls;
    synchronized (this) {
      decide(control);
      LoopStatus now = status();
      afterwards.add(() -> listener.statusChanged(project.name(), now));
      calls = afterwards;
      afterwards = new ArrayList<>();
    }
    calls.forEach(Runnable::run);
  }

  private void decide(Control control) {
    if (control instanceof Control.Changes c) {
      onChanges(c.batch());
    } else if (control instanceof Control.RunAll r) {
      onRunAll(r.kind());
    } else if (control instanceof Control.RunOnce o) {
      onceWaiters.add(o.done());
      onRunAll(pending.fullRun() == null ? TriggerKind.MANUAL : pending.fullRun());
    } else if (control instanceof Control.Hold) {
      mode = mode.hold();
    } else if (control instanceof Control.Release) {
      mode = mode.release();
    } else if (control instanceof Control.Pause) {
      onPause();
    } else if (control instanceof Control.Resume) {
      onResume();
    } else if (control instanceof Control.Cancel) {
      onCancel();
    } else if (control instanceof Control.SlotGranted g) {
      onSlotGranted(g.slot());
    } else if (control instanceof Control.RunEnded e) {
      onRunEnded(e.run(), e.record());
    }
    maybeStart();
  }

  private void onPause() {
    if (!mode.gate().paused()) {
      afterwards.add(() -> listener.paused(project.name()));
    }
    mode = mode.pause();
  }

  private void onResume() {
    if (mode.gate().paused()) {
      afterwards.add(() -> listener.resumed(project.name()));
    }
    mode = mode.resume();
  }

  private void onChanges(ChangeBatch batch) {
    if (!batch.changed().isEmpty()
        && batch.changedCount() == batch.changed().size()
        && stages.concernedBy(batch.changed()).isEmpty()) {
      // Like a filtered-out event in watchexec: no stage's `when` takes these paths, so there is
      // nothing to run, nothing to restart, and no empty run to record.
      log.debug("{}: no stage is for {}; nothing to run", project.name(), batch.changed());
      return;
    }
    Optional<ActiveRun> current = mode.current();
    if (current.isPresent() && project.onBusy() == BusyPolicy.SKIP) {
      current.get().changed();
      return;
    }
    pending.addChanges(batch);
    if (current.isPresent()) {
      current.get().changed();
      if (project.onBusy() == BusyPolicy.RESTART) {
        cancel(current.get());
      }
    }
  }

  private void cancel(ActiveRun current) {
    PipelineRun run = current.run;
    afterwards.add(run::cancel);
  }

  private void onRunAll(TriggerKind kind) {
    pending.askFullRun(kind, onceWaiters.isEmpty() || kind != TriggerKind.MANUAL);
    if (project.onBusy() == BusyPolicy.RESTART) {
      mode.current().ifPresent(this::cancel);
    }
  }

  private void onCancel() {
    pending.clear();
    List<CompletableFuture<RunRecord>> dropped = onceWaiters;
    afterwards.add(() -> dropped.forEach(f -> f.cancel(false)));
    onceWaiters = new ArrayList<>();
    mode.current()
        .ifPresent(
            current -> {
              current.cancelledByUser();
              cancel(current);
            });
  }

  private void maybeStart() {
    if (blocked() || mode.busy() || !pending.any()) {
      signalIdleIfIdle();
      return;
    }
    Trigger queued = pending.trigger();
    afterwards.add(() -> listener.runQueued(project.name(), queued));
    Optional<RunSlots.Slot> free = slots.tryAcquire();
    if (free.isPresent()) {
      start(free.get()); // no wait: start now, not after another pass through the queue
      return;
    }
    mode = mode.awaitingSlot();
    afterwards.add(
        () -> slots.acquire().thenAccept(slot -> queue.post(new Control.SlotGranted(slot))));
  }

  private void onSlotGranted(RunSlots.Slot slot) {
    if (!(mode.activity() instanceof LoopMode.Activity.AwaitingSlot)) {
      log.warn("{}: a run slot came that was not asked for; given back", project.name());
      afterwards.add(slot::release);
      return;
    }
    if (blocked() || !pending.any()) {
      mode = mode.slotUnused();
      afterwards.add(slot::release);
      return;
    }
    start(slot);
  }

  /** Starts the run for what is pending, with the slot it holds. */
  private void start(RunSlots.Slot slot) {
    List<CompletableFuture<RunRecord>> waiters = onceWaiters;
    onceWaiters = new ArrayList<>();
    boolean chains = pending.takeChains() || waiters.isEmpty();
    Trigger trigger = pending.trigger();
    List<String> paths = pending.takePaths();
    List<String> changed = trigger.kind() == TriggerKind.CHANGE ? paths : List.of();
    PipelineRun run = pipelines.create(project, trigger, changed);
    mode = mode.running(new ActiveRun(run, paths, chains, waiters));
    afterwards.add(
        () -> {
          run.begin();
          run.result()
              .whenComplete(
                  (record, error) -> {
                    slot.release();
                    queue.post(new Control.RunEnded(run, record));
                  });
        });
  }

  private void onRunEnded(PipelineRun run, RunRecord record) {
    Optional<ActiveRun> current = mode.current();
    if (run == null || current.isEmpty() || run != current.get().run) {
      return;
    }
    ActiveRun ended = current.get();
    mode = mode.ended(ended.changedMeanwhile());
    if (record != null) {
      lastRun = record;
    }
    pipelines.prepareNext(project);
    boolean restarted = ended.restartedBy(record);
    if (restarted) {
      pending.putBack(ended.paths, ended.chains);
      if (!ended.waiters.isEmpty()) {
        onceWaiters.addAll(ended.waiters);
        pending.askFullRun(record.trigger().kind(), false);
      }
    }
    if (record != null && !restarted && ended.chains) {
      afterwards.add(() -> listener.runFinished(project.name(), record));
    }
    if (!restarted) {
      List<CompletableFuture<RunRecord>> waiters = ended.waiters;
      afterwards.add(() -> complete(waiters, record));
    }
  }

  private static void complete(List<CompletableFuture<RunRecord>> waiters, RunRecord record) {
    for (CompletableFuture<RunRecord> waiter : waiters) {
      if (record != null) {
        waiter.complete(record);
      } else {
        waiter.completeExceptionally(new IllegalStateException("the run ended without a record"));
      }
    }
  }

  /** Paused or held, changes start no run; a once-run waiting starts one all the same. */
  private boolean blocked() {
    return !mode.changesMayStartRuns() && onceWaiters.isEmpty();
  }

  private void signalIdleIfIdle() {
    if (mode.busy()) {
      return;
    }
    List<CompletableFuture<Void>> ready;
    synchronized (idleWaiters) {
      ready = List.copyOf(idleWaiters);
      idleWaiters.clear();
    }
    afterwards.add(() -> ready.forEach(f -> f.complete(null)));
  }
}
