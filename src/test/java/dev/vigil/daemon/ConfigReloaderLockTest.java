package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.config.ConfigLoader;
import dev.vigil.config.LoadedConfig;
import dev.vigil.pipeline.ChainedRuns;
import dev.vigil.pipeline.ProjectLoop;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.EventBus;
import dev.vigil.time.FakeScheduler;
import dev.vigil.watch.WatchSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload tells the status, the events and the console after letting go of its lock: one of them
 * that reloads again on another thread and waits for it (an API reload arriving meanwhile) is not
 * stalled by the reload that told it.
 */
class ConfigReloaderLockTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String GOOD =
      """
      version: 1
      defaults: {run_on_start: false}
      projects:
        - name: app
          stages:
            - {name: check, run: "true"}
      """;
  private static final String BROKEN = "version: 1\nprojects:\n  - name: app\n    stagez: []\n";

  @TempDir Path root;
  @TempDir Path state;

  private final ExecutorService other = Executors.newSingleThreadExecutor();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final EventBus events = new EventBus();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final AtomicReference<ConfigReloader> reloader = new AtomicReference<>();
  private Path file;
  private LoadedConfig loaded;
  private DaemonOptions options;

  @BeforeEach
  void config() throws Exception {
    file = Files.writeString(root.resolve("vigil.yaml"), GOOD);
    Map<String, String> env = Map.of("HOME", state.toString());
    loaded = ConfigLoader.loadLenient(file, env, Map.of());
    options =
        new DaemonOptions(Optional.of(file), loaded, state, env, WatchSettings.DEFAULTS, "test");
  }

  @AfterEach
  void stop() {
    other.shutdownNow();
    if (reloader.get() != null) {
      reloader.get().stop();
    }
  }

  @Test
  void aStatusListenerThatReloadsAgainOnAnotherThreadIsNotStalled() {
    AtomicBoolean asked = new AtomicBoolean();
    start(
        () -> {
          if (asked.compareAndSet(false, true)) {
            reloadOnTheOtherThread();
          }
        });

    Optional<String> problems = reloadBroken();

    assertThat(problems).hasValueSatisfying(p -> assertThat(p).contains("vigil.yaml:4:5"));
    assertThat(seen).containsExactly("reloaded again: vigil.yaml:4:5");
  }

  @Test
  void anEventSubscriberThatReloadsAgainOnAnotherThreadIsNotStalled() {
    AtomicBoolean asked = new AtomicBoolean();
    events.subscribe(
        event -> {
          if (asked.compareAndSet(false, true)) {
            reloadOnTheOtherThread();
          }
        });
    start(() -> {});

    reloadBroken();

    assertThat(seen).containsExactly("reloaded again: vigil.yaml:4:5");
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("config error:");
  }

  @Test
  void aProjectStartedByAReloadWhoseStatusListenerReloadsAgainIsNotStalled() throws Exception {
    RunServices runs = new RunServices(state);
    ProjectServices parts = InlineProjectServices.of(runs, state);
    List<ProjectRuntime> built = new CopyOnWriteArrayList<>();
    AtomicBoolean asked = new AtomicBoolean();
    Runnable askAgain =
        () -> {
          if (asked.compareAndSet(false, true)) {
            try {
              Optional<String> again =
                  CompletableFuture.supplyAsync(() -> reloader.get().reload(), other)
                      .get(WAIT.toSeconds(), TimeUnit.SECONDS);
              seen.add("reloaded again: " + (again.isEmpty() ? "applied" : again.get()));
            } catch (TimeoutException e) {
              seen.add("<stuck>");
            } catch (Exception e) {
              seen.add("<failed: " + e + ">");
            }
          }
        };
    try {
      reloader.set(
          new ConfigReloader(
              options,
              new ProjectRegistry(
                  config -> {
                    ProjectRuntime runtime =
                        new ProjectRuntime(
                            config,
                            parts,
                            new ProjectLoop.Listener() {},
                            WatchSettings.DEFAULTS,
                            askAgain);
                    built.add(runtime);
                    return runtime;
                  }),
              new ChainedRuns((p, k) -> {}),
              ConsoleReporter.human(
                  new PrintStream(console, true, StandardCharsets.UTF_8), state, false),
              events,
              () -> {},
              ConcurrentHashMap.newKeySet(),
              settings -> {}));
      reloader.get().started(loaded, new FakeScheduler());

      Optional<String> problems =
          assertTimeoutPreemptively(WAIT.multipliedBy(3), () -> reloader.get().reload());

      assertThat(problems).isEmpty();
      assertThat(seen).containsExactly("reloaded again: applied");
    } finally {
      for (ProjectRuntime runtime : built) {
        runtime.baselineTaken().get(WAIT.toSeconds(), TimeUnit.SECONDS); // done writing its record
        runtime.close();
      }
      runs.close();
    }
  }

  private void start(Runnable statusChanged) {
    reloader.set(
        new ConfigReloader(
            options,
            new ProjectRegistry(
                p -> {
                  throw new AssertionError("a broken config builds no project");
                }),
            new ChainedRuns((p, k) -> {}),
            ConsoleReporter.human(
                new PrintStream(console, true, StandardCharsets.UTF_8), state, false),
            events,
            statusChanged,
            ConcurrentHashMap.newKeySet(),
            settings -> {}));
    reloader.get().started(loaded, new FakeScheduler());
  }

  private Optional<String> reloadBroken() {
    try {
      Files.writeString(file, BROKEN);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return assertTimeoutPreemptively(WAIT.multipliedBy(3), () -> reloader.get().reload());
  }

  private void reloadOnTheOtherThread() {
    try {
      Optional<String> again =
          CompletableFuture.supplyAsync(() -> reloader.get().reload(), other)
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      boolean same = again.isPresent() && again.get().contains("vigil.yaml:4:5");
      seen.add("reloaded again: " + (same ? "vigil.yaml:4:5" : again));
    } catch (TimeoutException e) {
      seen.add("<stuck>");
    } catch (Exception e) {
      seen.add("<failed: " + e + ">");
    }
  }
}
