package dev.vigil.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One watched project, with every default already applied.
 *
 * @param name unique within the config
 * @param root absolute, normalized project root
 * @param watch globs of files to watch; empty means everything under the root
 * @param ignore gitignore-syntax lines that act as one more .gitignore at the root
 * @param after projects whose passing pipeline also starts this one
 * @param debounce quiet period that closes a batch
 * @param maxWait longest a batch stays open after its first event
 * @param onBusy what to do with changes that arrive during a run
 * @param runOnStart run the whole pipeline once when the daemon starts
 * @param stages in file order
 */
public record ProjectConfig(
    String name,
    Path root,
    List<String> watch,
    List<String> ignore,
    List<String> after,
    Duration debounce,
    Duration maxWait,
    BusyPolicy onBusy,
    boolean runOnStart,
    List<StageConfig> stages) {
  public ProjectConfig {
    watch = List.copyOf(watch);
    ignore = List.copyOf(ignore);
    after = List.copyOf(after);
    stages = List.copyOf(stages);
  }
}
