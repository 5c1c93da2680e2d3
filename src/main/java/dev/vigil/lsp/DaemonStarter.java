package dev.vigil.lsp;

import java.nio.file.Path;
import java.util.Optional;

/** Makes sure a daemon runs for the state dir, starting one for the workspace when none does. */
public interface DaemonStarter {
  /**
   * @param workspace the editor's first workspace folder, where the daemon looks for its config
   * @return empty when a daemon runs now, else why none could be started
   */
  Optional<String> ensureRunning(Path workspace);
}
