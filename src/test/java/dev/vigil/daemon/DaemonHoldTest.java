package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.RunRecord;
import dev.vigil.run.TriggerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project held for a pre-commit hook: the hook sets unstaged changes aside and puts them back,
 * and the daemon starts no run for that; a real change made meanwhile runs once let go.
 */
class DaemonHoldTest {
  private static final Duration QUIET = Duration.ofSeconds(1);
  private static final String CONFIG =
      """
      version: 1
      projects:
        - name: app
          run_on_start: false
          stages:
            - {name: check, run: "cat lib.rs"}
      """;

  @RegisterExtension final DaemonFixture fx = new DaemonFixture();
  @TempDir Path root;
  @TempDir Path state;

  @Test
  void contentSetAsideAndPutBackWhileHeldRunsNothingAfterRelease() throws Exception {
    Files.writeString(root.resolve("lib.rs"), "fixed\n");
    fx.start(root, state, CONFIG);

    String hold = fx.daemon.hold(List.of("app"));
    Files.writeString(root.resolve("lib.rs"), "broken\n"); // the stash: staged content
    fx.assertStaysAt(0, QUIET);
    Files.writeString(root.resolve("lib.rs"), "fixed\n"); // the restore
    fx.assertStaysAt(0, QUIET);
    assertThat(fx.daemon.release(hold)).isTrue();

    fx.assertStaysAt(0, QUIET);
    assertThat(fx.daemon.release(hold)).as("a hold is let go once").isFalse();
  }

  @Test
  void aRealChangeMadeWhileHeldRunsOnceLetGoAndOnlyForWhatReallyChanged() throws Exception {
    Files.writeString(root.resolve("lib.rs"), "fixed\n");
    Files.writeString(root.resolve("main.rs"), "one\n");
    fx.start(root, state, CONFIG);

    String hold = fx.daemon.hold(List.of("app"));
    Files.writeString(root.resolve("lib.rs"), "broken\n");
    Files.writeString(root.resolve("main.rs"), "two\n"); // saved by the user meanwhile
    fx.assertStaysAt(0, QUIET);
    Files.writeString(root.resolve("lib.rs"), "fixed\n");
    fx.assertStaysAt(0, QUIET);
    fx.daemon.release(hold);

    RunRecord run = fx.awaitRun(1);
    assertThat(run.trigger().changed()).containsExactly("main.rs");
    fx.assertStaysAt(1, QUIET);
  }

  @Test
  void aOnceRunGoesAheadWhileHeldAndLandsInTheDaemonsHistory() throws Exception {
    Files.writeString(root.resolve("lib.rs"), "fixed\n");
    fx.start(root, state, CONFIG);
    String digest = ConfigDigest.of(config());

    String hold = fx.daemon.hold(List.of("app"));
    List<OnceEvent> events = new CopyOnWriteArrayList<>();
    boolean passed = fx.daemon.once(Map.of("app", digest), events::add).join();
    fx.daemon.release(hold);

    assertThat(passed).isTrue();
    assertThat(events.get(events.size() - 1)).isEqualTo(new OnceEvent.Done(true));
    assertThat(events).hasAtLeastOneElementOfType(OnceEvent.StageFinished.class);
    assertThat(fx.runs()).hasSize(1);
    assertThat(fx.runs().get(0).trigger().kind()).isEqualTo(TriggerKind.MANUAL);
    fx.assertStaysAt(1, QUIET);
  }

  @Test
  void aOnceRunWhileHeldChecksWhatIsOnDiskNotACachedResultOfWhatWasThereBefore() throws Exception {
    Files.writeString(root.resolve("lib.rs"), "fixed\n");
    fx.start(
        root,
        state,
        """
        version: 1
        projects:
          - name: app
            run_on_start: false
            stages:
              - {name: check, run: "grep -q fixed lib.rs", cache: true}
        """);
    String digest = ConfigDigest.of(config());
    assertThat(fx.daemon.once(Map.of("app", digest), e -> {}).join()).isTrue();

    String hold = fx.daemon.hold(List.of("app"));
    Files.writeString(root.resolve("lib.rs"), "broken\n"); // the stash: staged content
    boolean staged = fx.daemon.once(Map.of("app", digest), e -> {}).join();
    Files.writeString(root.resolve("lib.rs"), "fixed\n"); // the restore
    fx.daemon.release(hold);

    assertThat(staged).as("the staged content fails its check").isFalse();
    // the last run saw the staged content, so the work tree put back is checked again
    RunRecord after = fx.awaitRun(3);
    assertThat(after.result()).isEqualTo(dev.vigil.run.RunResult.PASSED);
  }

  @Test
  void aOnceWithAnotherConfigForTheProjectIsRefused() throws Exception {
    Files.writeString(root.resolve("lib.rs"), "fixed\n");
    fx.start(root, state, CONFIG);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> fx.daemon.once(Map.of("app", "not-this-config"), e -> {}))
        .isInstanceOf(ConfigDiffersException.class)
        .hasMessageContaining("'app'");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> fx.daemon.once(Map.of("nope", "x"), e -> {}))
        .isInstanceOf(UnknownProjectException.class);
  }

  private dev.vigil.config.ProjectConfig config() throws Exception {
    return dev.vigil.config.ConfigLoader.load(fx.configFile).projects().get(0);
  }
}
