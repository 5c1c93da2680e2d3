package dev.vigil.cli;

import dev.vigil.daemon.Daemon;

/** How a foreground command waits for its daemon: until SIGINT or SIGTERM, or as a test says. */
@FunctionalInterface
interface Foreground {
  /** Returns once the daemon has stopped. */
  void untilStopped(Daemon daemon);

  /** Stops the daemon on SIGINT or SIGTERM and ends the JVM with exit code 0. */
  Foreground SIGNALS = onSignals(() -> {});

  /**
   * Stops the daemon on SIGINT or SIGTERM, then runs {@code cleanup} and ends the JVM with exit
   * code 0.
   */
  static Foreground onSignals(Runnable cleanup) {
    return daemon -> {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    daemon.stop().join();
                    cleanup.run();
                    // A signal ends the JVM with 128+N; a daemon stopped on request exits 0.
                    Runtime.getRuntime().halt(ExitCode.OK);
                  },
                  "vigil-shutdown"));
      daemon.stopped().join();
    };
  }
}
