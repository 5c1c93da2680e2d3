package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.config.ProjectConfig;
import dev.vigil.daemon.ConfigDigest;
import dev.vigil.daemon.OnceEvent;
import dev.vigil.pipeline.OnceSequence;
import dev.vigil.pipeline.RunListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code vigil once} as a thin client: the running daemon of the state dir does the run, so ids,
 * logs and history stay one daemon's, and its events come back to be printed here as an in-process
 * run prints them. Whenever the daemon cannot do it, it says why on stderr and leaves the run to
 * this process.
 */
final class RemoteOnce {
  private final ApiClient api;
  private final PrintStream err;

  private RemoteOnce(ApiClient api, PrintStream err) {
    this.api = api;
    this.err = err;
  }

  /** The daemon of the state dir, or empty when none runs. */
  static Optional<RemoteOnce> find(Path stateDir, PrintStream err) {
    try {
      return Optional.of(new RemoteOnce(ApiClient.connect(stateDir), err));
    } catch (UserError e) {
      if (e.exitCode() == ExitCode.NO_DAEMON) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** A hold on projects of the daemon; closing lets it go. */
  interface Hold extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Holds the projects, so that setting changes aside and back starts no run of the daemon's; no
   * hold (said on stderr) when the daemon does not know them.
   */
  Hold hold(List<ProjectConfig> chosen) {
    String id;
    try {
      String answer =
          api.postJson(
              "/api/hold", Map.of("projects", chosen.stream().map(p -> p.name()).toList()));
      id = api.json().mapper().readTree(answer).path("hold").asText();
    } catch (ApiClient.Refused | JsonProcessingException | UserError e) {
      err.println("vigil: the running daemon cannot hold the projects: " + e.getMessage());
      return () -> {};
    }
    return () -> {
      try {
        api.postJson("/api/release", Map.of("hold", id));
      } catch (ApiClient.Refused | UserError e) {
        err.println("vigil: the running daemon did not let the hold go: " + e.getMessage());
      }
    };
  }

  /**
   * Has the daemon run the projects, every event handed to {@code runs} and {@code projects} as it
   * comes; returns whether all passed, or empty (said on stderr) when the daemon could not do it.
   */
  Optional<Boolean> run(
      List<ProjectConfig> chosen, RunListener runs, OnceSequence.Listener projects) {
    Map<String, String> digests = new LinkedHashMap<>();
    chosen.forEach(p -> digests.put(p.name(), ConfigDigest.of(p)));
    AtomicReference<Boolean> passed = new AtomicReference<>();
    try {
      api.postStreaming(
          "/api/once",
          Map.of("projects", digests),
          line -> {
            OnceEvent event = read(line);
            event.replay(runs, projects);
            if (event instanceof OnceEvent.Done done) {
              passed.set(done.passed());
            }
          });
    } catch (ApiClient.Refused | UserError e) {
      err.println("vigil: " + e.getMessage() + "; running here instead");
      return Optional.empty();
    }
    if (passed.get() == null) {
      err.println("vigil: the daemon ended the run without a result; running here instead");
      return Optional.empty();
    }
    return Optional.of(passed.get());
  }

  private OnceEvent read(String line) {
    try {
      return api.json().mapper().readValue(line, OnceEvent.class);
    } catch (JsonProcessingException e) {
      throw new UserError("the daemon sent what is not a once event: " + line, ExitCode.INTERNAL);
    }
  }
}
