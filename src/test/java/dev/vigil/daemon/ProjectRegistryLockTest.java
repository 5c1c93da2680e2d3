package dev.vigil.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.TestProjects;
import dev.vigil.config.VigilConfig;
import dev.vigil.pipeline.ProjectLoop;
import dev.vigil.watch.WatchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new config builds its projects with no lock of the registry held: a status request that asks
 * for the projects meanwhile (on another thread, waited for) is answered, with the projects as they
 * were, instead of stalling the reload and itself.
 */
class ProjectRegistryLockTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path root;
  @TempDir Path state;

  private RunServices runs;
  private ProjectServices parts;
  private final ExecutorService asker = Executors.newSingleThreadExecutor();
  private final List<ProjectRuntime> built = new CopyOnWriteArrayList<>();

  @BeforeEach
  void wire() throws Exception {
    runs = new RunServices(state);
    parts = InlineProjectServices.of(runs, state);
  }

  @AfterEach
  void close() {
    asker.shutdownNow();
    built.forEach(ProjectRuntime::close);
    runs.close();
  }

  @Test
  void aStatusRequestWhileAProjectIsBuiltIsAnsweredWithTheProjectsAsTheyWere() {
    AtomicReference<ProjectRegistry> registry = new AtomicReference<>();
    List<String> seen = new CopyOnWriteArrayList<>();
    registry.set(new ProjectRegistry(asking(() -> names(registry.get().all()).toString(), seen)));

    List<String> changed = new ArrayList<>();
    List<ProjectRuntime> fresh =
        assertTimeoutPreemptively(
            WAIT.multipliedBy(3), () -> registry.get().apply(config("app"), changed));
    assertThat(seen).containsExactly("[]");
    assertThat(names(fresh)).containsExactly("app");

    changed.clear();
    fresh =
        assertTimeoutPreemptively(
            WAIT.multipliedBy(3), () -> registry.get().apply(config("app", "lib"), changed));
    assertThat(seen).containsExactly("[]", "[app]");
    assertThat(names(fresh)).containsExactly("lib");
    assertThat(changed).containsExactly("lib");
    assertThat(names(registry.get().all())).containsExactly("app", "lib");
  }

  @Test
  void aProjectBuiltWhileAnotherThreadLooksItUpByNameIsUnknownUntilTheConfigIsApplied() {
    AtomicReference<ProjectRegistry> registry = new AtomicReference<>();
    List<String> seen = new CopyOnWriteArrayList<>();
    registry.set(
        new ProjectRegistry(
            asking(
                () -> {
                  try {
                    return names(registry.get().select(Optional.of("app"))).toString();
                  } catch (UnknownProjectException e) {
                    return "unknown";
                  }
                },
                seen)));

    assertTimeoutPreemptively(
        WAIT.multipliedBy(3), () -> registry.get().apply(config("app"), new ArrayList<>()));

    assertThat(seen).containsExactly("unknown");
    assertThat(registry.get().rootOf("app")).contains(root);
  }

  @Test
  void aSecondConfigAppliedWhileOneIsBeingAppliedIsRefusedNotInterleaved() {
    AtomicReference<ProjectRegistry> registry = new AtomicReference<>();
    List<String> seen = new CopyOnWriteArrayList<>();
    registry.set(
        new ProjectRegistry(
            asking(
                () -> {
                  try {
                    registry.get().apply(config("lib"), new ArrayList<>());
                    return "applied";
                  } catch (IllegalStateException e) {
                    return e.getMessage();
                  }
                },
                seen)));

    assertTimeoutPreemptively(
        WAIT.multipliedBy(3), () -> registry.get().apply(config("app"), new ArrayList<>()));

    assertThat(seen).containsExactly("another config is being applied");
    assertThat(names(registry.get().all())).containsExactly("app");
  }

  /** A factory that, while building a project, asks the registry on another thread and waits. */
  private Function<ProjectConfig, ProjectRuntime> asking(
      java.util.function.Supplier<String> question, List<String> seen) {
    return config -> {
      try {
        seen.add(
            CompletableFuture.supplyAsync(question, asker).get(WAIT.toSeconds(), TimeUnit.SECONDS));
      } catch (TimeoutException e) {
        seen.add("<stuck>");
      } catch (Exception e) {
        seen.add("<failed: " + e + ">");
      }
      ProjectRuntime runtime =
          new ProjectRuntime(
              config, parts, new ProjectLoop.Listener() {}, WatchSettings.DEFAULTS, () -> {});
      built.add(runtime);
      return runtime;
    };
  }

  private VigilConfig config(String... names) {
    List<ProjectConfig> projects = new ArrayList<>();
    for (String name : names) {
      projects.add(TestProjects.at(root).name(name).build());
    }
    return new VigilConfig(Optional.empty(), 1, projects);
  }

  private static List<String> names(List<ProjectRuntime> runtimes) {
    return runtimes.stream().map(r -> r.config().name()).toList();
  }
}
