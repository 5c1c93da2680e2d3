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

  /**
   * Installs the SIGINT and SIGTERM handling at once, before the daemon exists: a signal then stops
   * whatever {@code daemon} gives by that time (nothing, if it has not started), runs {@code
   * cleanup} and ends the JVM with exit code 0. So a signal that comes as soon as the daemon says
   * it is ready, before its API is up, still ends it cleanly. Run the returned action when the
   * command ends by itself (stopped on request, or an error): the JVM then keeps the command's exit
   * code.
   */
  static Runnable stopOnSignals(java.util.function.Supplier<Daemon> daemon, Runnable cleanup) {
    // Whichever comes first decides: a signal (the hook) or the command's own end.
    java.util.concurrent.atomic.AtomicReference<String> first =
        new java.util.concurrent.atomic.AtomicReference<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  boolean signalled = first.compareAndSet(null, "signal");
                  Daemon started = daemon.get();
                  if (started != null) {
                    started.stop().join();
                  }
                  cleanup.run();
                  if (signalled) {
                    Runtime.getRuntime().halt(ExitCode.OK);
                  }
                },
                "vigil-shutdown"));
    return () -> first.compareAndSet(null, "ended by itself");
  }
}
