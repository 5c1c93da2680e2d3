package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.pipeline.LoopMode.Gate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every move of a project's loop between its modes, and the moves it refuses. */
class LoopModeTest {
  private static ActiveRun activeRun() {
    return new ActiveRun(null, List.of("a.rs"), true, List.of());
  }

  @Test
  void aNewLoopIsOpenIdleAndNotStale() {
    LoopMode mode = LoopMode.START;
    assertThat(mode.gate()).isEqualTo(Gate.OPEN);
    assertThat(mode.busy()).isFalse();
    assertThat(mode.current()).isEmpty();
    assertThat(mode.stale()).isFalse();
    assertThat(mode.changesMayStartRuns()).isTrue();
  }

  @Test
  void pauseAndHoldAreIndependentAndEachMustBeLetGoBeforeChangesStartRuns() {
    LoopMode both = LoopMode.START.pause().hold();
    assertThat(both.gate()).isEqualTo(Gate.PAUSED_AND_HELD);
    assertThat(both.changesMayStartRuns()).isFalse();

    LoopMode released = both.release();
    assertThat(released.gate()).isEqualTo(Gate.PAUSED);
    assertThat(released.gate().paused()).isTrue();
    assertThat(released.changesMayStartRuns()).isFalse();

    LoopMode resumed = both.resume();
    assertThat(resumed.gate()).isEqualTo(Gate.HELD);
    assertThat(resumed.gate().paused()).isFalse();
    assertThat(resumed.changesMayStartRuns()).isFalse();

    assertThat(resumed.release().gate()).isEqualTo(Gate.OPEN);
    assertThat(released.resume().gate()).isEqualTo(Gate.OPEN);
    assertThat(released.resume().changesMayStartRuns()).isTrue();
  }

  @Test
  void pausingWhatIsPausedOrLettingGoWhatIsNotHeldChangesNothing() {
    assertThat(LoopMode.START.pause().pause()).isEqualTo(LoopMode.START.pause());
    assertThat(LoopMode.START.resume()).isEqualTo(LoopMode.START);
    assertThat(LoopMode.START.hold().hold()).isEqualTo(LoopMode.START.hold());
    assertThat(LoopMode.START.release()).isEqualTo(LoopMode.START);
  }

  @Test
  void theGateIsKeptThroughARunAndTheRunThroughTheGate() {
    ActiveRun run = activeRun();
    LoopMode mode = LoopMode.START.running(run).pause().hold();
    assertThat(mode.current()).containsSame(run);
    assertThat(mode.ended(false).gate()).isEqualTo(Gate.PAUSED_AND_HELD);
  }

  @Test
  void aRunStartsAtOnceOrAfterWaitingForASlot() {
    ActiveRun run = activeRun();
    LoopMode waiting = LoopMode.START.awaitingSlot();
    assertThat(waiting.busy()).isTrue();
    assertThat(waiting.current()).isEmpty();

    LoopMode running = waiting.running(run);
    assertThat(running.busy()).isTrue();
    assertThat(running.current()).containsSame(run);

    assertThat(LoopMode.START.running(run).current()).containsSame(run);
  }

  @Test
  void aSlotGrantedWithNothingToStartLeavesTheLoopIdle() {
    LoopMode idle = LoopMode.START.awaitingSlot().slotUnused();
    assertThat(idle.busy()).isFalse();
    assertThat(idle).isEqualTo(LoopMode.START);
  }

  @Test
  void aSecondRunDoesNotStartWhileOneIsGoingOrWaitingForItsSlot() {
    LoopMode running = LoopMode.START.running(activeRun());
    assertThatThrownBy(() -> running.running(activeRun()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a run is going");
    assertThatThrownBy(running::awaitingSlot)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a run is going");
    assertThatThrownBy(() -> LoopMode.START.awaitingSlot().awaitingSlot())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("waits for a slot already");
  }

  @Test
  void onlyARunThatIsGoingCanEndAndOnlyAWaitCanBeGivenUp() {
    assertThatThrownBy(() -> LoopMode.START.ended(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no run is going");
    assertThatThrownBy(() -> LoopMode.START.awaitingSlot().ended(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no run is going");
    assertThatThrownBy(() -> LoopMode.START.slotUnused())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not waiting for a slot");
    assertThatThrownBy(() -> LoopMode.START.running(activeRun()).slotUnused())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not waiting for a slot");
  }

  @Test
  void theResultIsStaleWhenItsInputsChangedWhileItRanUntilARunEndsWithoutChanges() {
    ActiveRun first = activeRun();
    LoopMode running = LoopMode.START.running(first);
    assertThat(running.stale()).isFalse();
    first.changed();
    assertThat(running.stale()).isTrue();

    LoopMode ended = running.ended(first.changedMeanwhile());
    assertThat(ended.busy()).isFalse();
    assertThat(ended.stale()).isTrue();
    assertThat(ended.awaitingSlot().stale()).isTrue();

    LoopMode next = ended.awaitingSlot().running(activeRun());
    assertThat(next.stale()).as("still stale until the next run ends").isTrue();
    assertThat(next.ended(false).stale()).isFalse();
  }
}
