package dev.vigil.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ProjectConfig} for tests by name, not by position: a project at a root with the
 * defaults tests use (debounce 20 ms, max wait 2 s, restart when busy, no run on start) and the
 * stages given.
 */
public final class TestProjects {
  private String name = "p";
  private final Path root;
  private List<String> watch = List.of();
  private List<String> ignore = List.of();
  private List<String> after = List.of();
  private Duration debounce = Duration.ofMillis(20);
  private Duration maxWait = Duration.ofSeconds(2);
  private BusyPolicy onBusy = BusyPolicy.RESTART;
  private boolean runOnStart;
  private final List<StageConfig> stages = new ArrayList<>();

  private TestProjects(Path root) {
    this.root = root;
  }

  /** A project called {@code p} at {@code root}. */
  public static TestProjects at(Path root) {
    return new TestProjects(root);
  }

  public TestProjects name(String name) {
    this.name = name;
    return this;
  }

  public TestProjects watch(String... patterns) {
    this.watch = List.of(patterns);
    return this;
  }

  public TestProjects ignore(String... patterns) {
    this.ignore = List.of(patterns);
    return this;
  }

  public TestProjects after(String... projects) {
    this.after = List.of(projects);
    return this;
  }

  public TestProjects debounce(Duration debounce) {
    this.debounce = debounce;
    return this;
  }

  public TestProjects maxWait(Duration maxWait) {
    this.maxWait = maxWait;
    return this;
  }

  public TestProjects onBusy(BusyPolicy onBusy) {
    this.onBusy = onBusy;
    return this;
  }

  /** The project runs once when the daemon starts. */
  public TestProjects runsOnStart() {
    this.runOnStart = true;
    return this;
  }

  public TestProjects stages(StageConfig... stages) {
    this.stages.addAll(List.of(stages));
    return this;
  }

  public ProjectConfig build() {
    return new ProjectConfig(
        name, root, watch, ignore, after, debounce, maxWait, onBusy, runOnStart, stages);
  }
}
