package dev.vigil.cache;

import dev.vigil.config.ProjectConfig;
import dev.vigil.config.StageConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The output of a project's {@code tools} commands ({@code rustc -V}), taken once, in its root; a
 * command that fails or hangs counts with what it said and its status. The project takes a new one
 * when it is loaded and at each reload.
 */
final class Tools {
  private static final long LIMIT_SECONDS = 30;

  private final Map<String, String> outputs = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> taken;

  Tools(ProjectConfig project, Executor executor) {
    Set<String> commands = new LinkedHashSet<>();
    for (StageConfig s : project.stages()) {
      commands.addAll(s.cache().tools());
    }
    if (commands.isEmpty()) {
      taken = CompletableFuture.completedFuture(null);
    } else {
      taken =
          CompletableFuture.runAsync(
              () -> commands.forEach(c -> outputs.put(c, run(project, c))), executor);
    }
  }

  CompletableFuture<Void> taken() {
    return taken;
  }

  String output(String command) {
    return outputs.getOrDefault(command, "");
  }

  private static String run(ProjectConfig project, String command) {
    try {
      Process p =
          new ProcessBuilder("sh", "-c", command)
              .directory(project.root().toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      byte[] out = p.getInputStream().readNBytes(64 * 1024);
      if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "timed out";
      }
      return new String(out, StandardCharsets.UTF_8) + "\nexit " + p.exitValue();
    } catch (IOException e) {
      return "could not run: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
