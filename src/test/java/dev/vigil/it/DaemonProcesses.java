package dev.vigil.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The daemon processes a test started, stopped after it as a user stops one (SIGTERM), and killed
 * when one has not ended in time.
 */
final class DaemonProcesses implements AfterEachCallback {
  private static final long STOP_SECONDS = 90;
  private final List<Process> started = new ArrayList<>();

  /** Keeps {@code daemon} to stop after the test; returns it. */
  Process track(Process daemon) {
    started.add(daemon);
    return daemon;
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    for (Process daemon : started) {
      daemon.destroy();
      if (!daemon.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        daemon.destroyForcibly();
      }
    }
    started.clear();
  }
}
