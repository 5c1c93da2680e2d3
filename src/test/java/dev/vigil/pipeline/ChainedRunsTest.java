package dev.vigil.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.TriggerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainedRunsTest {
  private final List<String> started = new ArrayList<>();
  private final ChainedRuns runs = new ChainedRuns((project, kind) -> started.add(project));

  @Test
  void aProjectWhoseUpstreamAlsoRunsWaitsForItAndRunsOnceAfterIt() {
    runs.runAll(TriggerKind.STARTUP, Map.of("engine", List.of(), "bindings", List.of("engine")));
    assertThat(started).containsExactly("engine");

    assertThat(runs.finished("engine")).containsExactly("bindings");
    assertThat(started).containsExactly("engine", "bindings");

    assertThat(runs.finished("bindings")).isEmpty();
    assertThat(runs.finished("engine")).as("a later engine run starts after runs again").isEmpty();
    assertThat(started).containsExactly("engine", "bindings");
  }

  @Test
  void aFailedUpstreamRunStillLetsTheFollowerRunOnce() {
    runs.runAll(TriggerKind.STARTUP, Map.of("engine", List.of(), "bindings", List.of("engine")));

    runs.finished("engine"); // passed or not, its startup run is over

    assertThat(started).containsExactly("engine", "bindings");
  }

  @Test
  void aChainRunsOneAfterAnotherAndADiamondWaitsForBothUpstreams() {
    Map<String, List<String>> projects = new LinkedHashMap<>();
    projects.put("app", List.of("left", "right"));
    projects.put("left", List.of("core"));
    projects.put("right", List.of("core"));
    projects.put("core", List.of());
    runs.runAll(TriggerKind.STARTUP, projects);
    assertThat(started).containsExactly("core");

    runs.finished("core");
    assertThat(started).containsExactly("core", "left", "right");

    assertThat(runs.finished("left")).containsExactly("app");
    assertThat(started).doesNotContain("app");
    assertThat(runs.finished("right")).containsExactly("app");
    assertThat(started).containsExactly("core", "left", "right", "app");
  }

  @Test
  void anUpstreamThatDoesNotRunIsNotWaitedFor() {
    runs.runAll(TriggerKind.STARTUP, Map.of("bindings", List.of("engine")));

    assertThat(started).containsExactly("bindings");
    assertThat(runs.finished("engine")).isEmpty();
  }

  @Test
  void aProjectAskedForWhileItsUpstreamStillRunsWaitsForItWithItsOwnKind() {
    List<String> kinds = new ArrayList<>();
    ChainedRuns chained = new ChainedRuns((project, kind) -> kinds.add(project + " " + kind));
    chained.runAll(TriggerKind.STARTUP, Map.of("engine", List.of(), "bindings", List.of("engine")));
    chained.runAll(TriggerKind.CONFIG, Map.of("docs", List.of("bindings")));
    assertThat(kinds).containsExactly("engine startup");

    chained.finished("engine");
    assertThat(kinds).containsExactly("engine startup", "bindings startup");
    chained.finished("bindings");

    assertThat(kinds).containsExactly("engine startup", "bindings startup", "docs config");
  }
}
