package dev.vigil.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Hands out run ids {@code PROJECT-N}, N counting up per project and going on from the highest one
 * already in the state dir's {@code runs/}, so a restarted daemon never reuses a log folder (nor
 * the folder the daemon had prepared for a run that never came: that number is skipped).
 */
public final class RunIds {
  private final Path runsDir;
  private final Map<String, Long> last = new HashMap<>();

  public RunIds(Path stateDir) {
    this.runsDir = stateDir.resolve("runs");
  }

  /** The next id for the project. */
  public synchronized String next(String project) {
    long n = last.computeIfAbsent(project, this::highestOnDisk) + 1;
    last.put(project, n);
    return project + "-" + n;
  }

  /** The id {@link #next} will hand out next for the project, without taking it. */
  public synchronized String peek(String project) {
    return project + "-" + (last.computeIfAbsent(project, this::highestOnDisk) + 1);
  }

  private long highestOnDisk(String project) {
    if (!Files.isDirectory(runsDir)) {
      return 0;
    }
    String prefix = project + "-";
    long max = 0;
    try (Stream<Path> runs = Files.list(runsDir)) {
      for (Path run : (Iterable<Path>) runs::iterator) {
        String name = run.getFileName().toString();
        if (name.startsWith(prefix)) {
          try {
            max = Math.max(max, Long.parseLong(name.substring(prefix.length())));
          } catch (NumberFormatException notOurs) {
            // another project whose name extends this one's, e.g. "core-utils-3"
          }
        }
      }
    } catch (IOException e) {
      return max;
    }
    return max;
  }
}
