package dev.vigil.daemon;

import dev.vigil.config.ProjectConfig;
import dev.vigil.pipeline.OnceSequence;
import dev.vigil.pipeline.RunListener;
import dev.vigil.run.RunRecord;
import dev.vigil.threads.NamedThreads;
import dev.vigil.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code vigil once} done by the daemon for a client, and the holds a pre-commit hook puts on its
 * projects while it sets unstaged changes aside: a held project starts no run for changes until the
 * hold is let go (or its lease ends, should the client never come back).
 */
final class OnceRuns {
  /** How long a hold lasts when the client that took it never lets it go. */
  static final Duration HOLD_LEASE = Duration.ofMinutes(30);

  private final ProjectRegistry projects;
  private final RunTaps taps;
  private final Scheduler scheduler;
  private final Map<String, List<ProjectRuntime>> holds = new HashMap<>();

  OnceRuns(ProjectRegistry projects, RunTaps taps, Scheduler scheduler) {
    this.projects = projects;
    this.taps = taps;
    this.scheduler = scheduler;
  }

  /** Holds the named projects; returns the hold's id once every one of them is held. */
  String hold(List<String> names) {
    List<ProjectRuntime> held = select(names);
    String id = UUID.randomUUID().toString();
    synchronized (holds) {
      holds.put(id, held);
    }
    CompletableFuture.allOf(
            held.stream().map(ProjectRuntime::hold).toArray(CompletableFuture[]::new))
        .join();
    scheduler.schedule(HOLD_LEASE, () -> release(id));
    return id;
  }

  /** Lets the hold go; false when there is no such hold (let go already, or its lease ended). */
  boolean release(String id) {
    List<ProjectRuntime> held;
    synchronized (holds) {
      held = holds.remove(id);
    }
    if (held == null) {
      return false;
    }
    held.forEach(ProjectRuntime::release);
    return true;
  }

  /**
   * Runs the named projects once, in {@code after} order, on a thread of its own; every event goes
   * to {@code sink}, the last one {@link OnceEvent.Done}.
   *
   * @param digests each project's {@link ConfigDigest}, in the order given
   * @throws UnknownProjectException when the daemon has no such project
   * @throws ConfigDiffersException when its config for a project is not the one given
   */
  CompletableFuture<Boolean> run(Map<String, String> digests, Consumer<OnceEvent> sink) {
    Map<String, ProjectRuntime> chosen = new LinkedHashMap<>();
    for (ProjectRuntime runtime : select(List.copyOf(digests.keySet()))) {
      if (!ConfigDigest.of(runtime.config()).equals(digests.get(runtime.config().name()))) {
        throw new ConfigDiffersException(runtime.config().name());
      }
      chosen.put(runtime.config().name(), runtime);
    }
    List<ProjectConfig> configs = chosen.values().stream().map(ProjectRuntime::config).toList();
    RunListener runs = OnceEvent.runListener(sink);
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    NamedThreads.startDaemon(
        "vigil-once",
        () -> {
          try {
            boolean passed =
                OnceSequence.run(
                    configs,
                    p -> runOne(chosen.get(p.name()), runs),
                    OnceEvent.sequenceListener(sink));
            sink.accept(new OnceEvent.Done(passed));
            done.complete(passed);
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
          }
        });
    return done;
  }

  private RunRecord runOne(ProjectRuntime runtime, RunListener runs) {
    try (RunTaps.Tap tap = taps.tap(runtime.config().name(), runs)) {
      return runtime.runOnce().join();
    }
  }

  private List<ProjectRuntime> select(List<String> names) {
    List<ProjectRuntime> out = new ArrayList<>();
    for (String name : names) {
      out.addAll(projects.select(Optional.of(name)));
    }
    return out;
  }
}
