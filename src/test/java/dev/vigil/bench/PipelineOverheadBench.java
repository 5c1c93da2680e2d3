package dev.vigil.bench;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RetryPolicy;
import dev.vigil.config.StageConfig;
import dev.vigil.config.TestProjects;
import dev.vigil.pipeline.PipelineRun;
import dev.vigil.pipeline.RunListener;
import dev.vigil.pipeline.RunRequest;
import dev.vigil.process.CommandSpec;
import dev.vigil.process.ProcessRunner;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import dev.vigil.time.SystemScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: the wall time of a one-stage {@code true} pipeline run against spawning
 * {@code sh -c true} directly. Run by {@code bench/pipeline-overhead.sh}; prints one line per way.
 */
public final class PipelineOverheadBench {
  private static final int WARMUP = 20;

  private PipelineOverheadBench() {}

  /** Arguments: [iterations] (default 100). */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Path root = Files.createTempDirectory("vigil-bench-root");
    Path stateDir = Files.createTempDirectory("vigil-bench-state");
    try (SystemScheduler scheduler = new SystemScheduler("bench-scheduler");
        ProcessRunner runner = new ProcessRunner(scheduler)) {
      ProjectConfig project = project(root);
      CommandSpec spec =
          new CommandSpec(
              "true",
              root,
              Map.of(),
              Duration.ofMinutes(1),
              Duration.ofSeconds(5),
              Optional.of(stateDir.resolve("spec.log")),
              CommandSpec.DEFAULT_LOG_LIMIT);
      CommandSpec noLog =
          new CommandSpec(
              "true",
              root,
              Map.of(),
              Duration.ofMinutes(1),
              Duration.ofSeconds(5),
              Optional.empty(),
              CommandSpec.DEFAULT_LOG_LIMIT);
      int[] counter = {0};
      Way bare = () -> bare(root, "sh", "-c", "true");
      Way bareSetsid = () -> bare(root, "setsid", "sh", "-c", "true");
      Way runnerNoLog = () -> runner.start(noLog, line -> {}).result().join();
      Way processRunner = () -> runner.start(spec, line -> {}).result().join();
      Way pipeline =
          () -> {
            counter[0]++;
            RunRequest request =
                new RunRequest(
                    "bench-" + counter[0],
                    Trigger.of(TriggerKind.MANUAL),
                    scheduler.now(),
                    stateDir);
            RunRecord record =
                PipelineRun.start(project, request, runner, scheduler, RunListener.NONE, 4)
                    .result()
                    .join();
            if (record.result() != RunResult.PASSED) {
              throw new IllegalStateException("pipeline run " + record.result());
            }
          };
      // Interleave the ways so that machine noise hits all of them alike.
      Way[] ways = {bare, bareSetsid, runnerNoLog, processRunner, pipeline};
      long[][] times = new long[ways.length][n];
      for (int i = 0; i < WARMUP; i++) {
        for (Way way : ways) {
          way.run();
        }
      }
      for (int i = 0; i < n; i++) {
        for (int w = 0; w < ways.length; w++) {
          long start = System.nanoTime();
          ways[w].run();
          times[w][i] = System.nanoTime() - start;
        }
      }
      print("ProcessBuilder sh -c true", times[0]);
      print("ProcessBuilder setsid sh -c", times[1]);
      print("ProcessRunner, no log file", times[2]);
      print("ProcessRunner sh -c true", times[3]);
      print("PipelineRun one stage true", times[4]);
      System.out.printf(
          "overhead_pipeline_vs_bare_ms %.3f%n", (median(times[4]) - median(times[0])) / 1e6);
      System.out.printf(
          "overhead_runner_vs_bare_ms %.3f%n", (median(times[3]) - median(times[0])) / 1e6);
    } finally {
      deleteTree(root);
      deleteTree(stateDir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void bare(Path root, String... argv) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).directory(root.toFile()).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    p.waitFor();
  }

  private static ProjectConfig project(Path root) {
    StageConfig stage =
        new StageConfig(
            "true",
            "true",
            List.of(),
            List.of(),
            Duration.ofMinutes(1),
            Duration.ofSeconds(5),
            RetryPolicy.NONE,
            Map.of(),
            "auto");
    return TestProjects.at(root).name("bench").stages(stage).build();
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
  }

  private static void print(String name, long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-28s n=%d median_ms=%.3f p90_ms=%.3f min_ms=%.3f%n",
        name,
        values.length,
        median(values) / 1e6,
        sorted[(int) Math.ceil(0.9 * sorted.length) - 1] / 1e6,
        sorted[0] / 1e6);
  }

  @FunctionalInterface
  private interface Way {
    void run() throws Exception;
  }
}
