package dev.vigil.pipeline;

import java.util.Optional;

/**
 * What a project's loop lets start and what it has going, with every move between them in one
 * place. Two things are independent: the {@link Gate} (the user's pause and a hook's hold, each let
 * go on its own) and the {@link Activity} (idle, waiting for a slot under the workstation cap, or a
 * run going). A move that makes no sense where the loop is (a second run while one is going, the
 * end of a run that is not going) is refused with an {@link IllegalStateException}.
 *
 * @param gate whether changes may start runs
 * @param activity what the loop has going
 * @param staleResult the last run that ended saw its inputs change while it ran
 */
record LoopMode(Gate gate, Activity activity, boolean staleResult) {
  /** A loop just made: open, idle, nothing stale. */
  static final LoopMode START = new LoopMode(Gate.OPEN, Activity.IDLE, false);

  /**
   * Whether changes may start runs. The user's pause and a hook's hold are separate reasons to
   * wait, taken and let go separately: a project paused during a hook's hold stays paused after it.
   * A once-run starts whatever the gate says.
   */
  enum Gate {
    OPEN(false, false),
    PAUSED(true, false),
    HELD(false, true),
    PAUSED_AND_HELD(true, true);

    private final boolean paused;
    private final boolean held;

    Gate(boolean paused, boolean held) {
      this.paused = paused;
      this.held = held;
    }

    /** The user paused the project (held or not). */
    boolean paused() {
      return paused;
    }

    private static Gate of(boolean paused, boolean held) {
      if (paused) {
        return held ? PAUSED_AND_HELD : PAUSED;
      }
      return held ? HELD : OPEN;
    }
  }

  /** What the loop has going: nothing, a wait for a slot, or one run. Never two runs. */
  sealed interface Activity {
    Activity IDLE = new Idle();
    Activity AWAITING_SLOT = new AwaitingSlot();

    record Idle() implements Activity {}

    /** A run is due and waits for a slot under the workstation cap ({@code max_parallel_runs}). */
    record AwaitingSlot() implements Activity {}

    record Running(ActiveRun run) implements Activity {}
  }

  LoopMode pause() {
    return withGate(Gate.of(true, gate.held));
  }

  LoopMode resume() {
    return withGate(Gate.of(false, gate.held));
  }

  LoopMode hold() {
    return withGate(Gate.of(gate.paused, true));
  }

  LoopMode release() {
    return withGate(Gate.of(gate.paused, false));
  }

  /** A run is due and no slot is free: wait for one. Only from idle. */
  LoopMode awaitingSlot() {
    refuseRunning("wait for a slot");
    if (activity instanceof Activity.AwaitingSlot) {
      throw new IllegalStateException("cannot wait for a slot: the loop waits for a slot already");
    }
    return withActivity(Activity.AWAITING_SLOT);
  }

  /** A slot came and the run starts: from idle (a slot was free) or from waiting for one. */
  LoopMode running(ActiveRun run) {
    refuseRunning("start another run");
    return withActivity(new Activity.Running(run));
  }

  /** The slot waited for came, but there is nothing to start (cancelled, paused): back to idle. */
  LoopMode slotUnused() {
    if (!(activity instanceof Activity.AwaitingSlot)) {
      throw new IllegalStateException("cannot give up a slot: the loop is not waiting for a slot");
    }
    return withActivity(Activity.IDLE);
  }

  /**
   * The run going ended; {@code stale} says whether its inputs changed while it ran, which the
   * result keeps until the next run ends.
   */
  LoopMode ended(boolean stale) {
    if (!(activity instanceof Activity.Running)) {
      throw new IllegalStateException("cannot end a run: no run is going");
    }
    return new LoopMode(gate, Activity.IDLE, stale);
  }

  /** A run is going or waits for its slot. */
  boolean busy() {
    return !(activity instanceof Activity.Idle);
  }

  /** The run going, if any. */
  Optional<ActiveRun> current() {
    return activity instanceof Activity.Running r ? Optional.of(r.run()) : Optional.empty();
  }

  /** Whether changes may start runs now (neither paused nor held). */
  boolean changesMayStartRuns() {
    return gate == Gate.OPEN;
  }

  /**
   * Whether the result shown is out of date: the last run's inputs changed while it ran, or those
   * of the run going have.
   */
  boolean stale() {
    return staleResult || current().map(ActiveRun::changedMeanwhile).orElse(false);
  }

  private void refuseRunning(String what) {
    if (activity instanceof Activity.Running) {
      throw new IllegalStateException("cannot " + what + ": a run is going");
    }
  }

  private LoopMode withGate(Gate next) {
    return new LoopMode(next, activity, staleResult);
  }

  private LoopMode withActivity(Activity next) {
    return new LoopMode(gate, next, staleResult);
  }
}
