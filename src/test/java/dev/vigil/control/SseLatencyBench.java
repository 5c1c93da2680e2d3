package dev.vigil.control;

import dev.vigil.config.ConfigLoader;
import dev.vigil.daemon.Daemon;
import dev.vigil.daemon.DaemonOptions;
import dev.vigil.report.ConsoleReporter;
import dev.vigil.report.EventBus;
import dev.vigil.report.Json;
import dev.vigil.report.VigilEvent;
import dev.vigil.watch.WatchSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How long a {@code stage-finished} event takes from the daemon's event bus to an SSE client on
 * loopback: a one-stage {@code true} project is triggered N times (default 100, after 10 warm-up
 * runs) and the arrival time at an in-process bus subscriber is compared with the arrival of the
 * same event's {@code data:} line at an HTTP client, both by {@link System#nanoTime()}.
 */
public final class SseLatencyBench {
  private SseLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int warmup = 10;
    Path root = Files.createTempDirectory("vigil-bench-root");
    Path state = Files.createTempDirectory("vigil-bench-state");
    Path config = root.resolve("vigil.yaml");
    Files.writeString(config, ApiFixture.oneStage("true"));
    Daemon daemon =
        Daemon.start(
            new DaemonOptions(
                ConfigLoader.load(config),
                Optional.of(config),
                state,
                Map.of("HOME", state.toString(), "PATH", System.getenv("PATH")),
                WatchSettings.DEFAULTS,
                "bench"),
            ConsoleReporter.human(new PrintStream(OutputStream.nullOutputStream()), state, false));
    Map<String, Long> onBus = new ConcurrentHashMap<>();
    BlockingQueue<long[]> arrivals = new LinkedBlockingQueue<>();
    Json json = new Json();
    try (ControlServer server = ControlServer.start(daemon, state, 0);
        EventBus.Subscription sub =
            daemon
                .events()
                .subscribe(
                    e -> {
                      if (e.type() == VigilEvent.Type.STAGE_FINISHED) {
                        onBus.put(((VigilEvent.RunEvent) e).run().runId(), System.nanoTime());
                      }
                    })) {
      HttpResponse<Stream<String>> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          java.net.URI.create(server.endpoint().url() + "/api/events"))
                      .header("Authorization", "Bearer " + server.endpoint().token())
                      .build(),
                  HttpResponse.BodyHandlers.ofLines());
      Thread reader =
          new Thread(
              () ->
                  response
                      .body()
                      .filter(l -> l.startsWith("data: {\"type\":\"stage-finished\""))
                      .forEach(
                          l -> {
                            long now = System.nanoTime();
                            try {
                              String runId =
                                  json.mapper()
                                      .readTree(l.substring(6))
                                      .get("run")
                                      .get("runId")
                                      .asText();
                              arrivals.add(new long[] {now, Long.parseLong(runId.substring(4))});
                            } catch (java.io.IOException e) {
                              throw new java.io.UncheckedIOException(e);
                            }
                          }),
              "bench-sse-reader");
      reader.setDaemon(true);
      reader.start();
      List<Long> micros = new ArrayList<>();
      for (int i = 1; i <= warmup + runs; i++) {
        daemon.trigger(Optional.empty()).join();
        long[] arrival = arrivals.poll(60, TimeUnit.SECONDS);
        if (arrival == null) {
          throw new IllegalStateException("no stage-finished event over SSE for run " + i);
        }
        long busNanos = onBus.get("app-" + arrival[1]);
        if (i > warmup) {
          micros.add((arrival[0] - busNanos) / 1000);
        }
      }
      Collections.sort(micros);
      System.out.printf(
          "stage-finished, event bus -> SSE client over loopback, %d runs: median %d us, p90 %d us,"
              + " min %d us, max %d us%n",
          micros.size(),
          micros.get(micros.size() / 2),
          micros.get(micros.size() * 9 / 10),
          micros.get(0),
          micros.get(micros.size() - 1));
    } finally {
      daemon.stop().join();
    }
  }
}
