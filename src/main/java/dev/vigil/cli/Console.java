package dev.vigil.cli;

import dev.vigil.report.ConsoleReporter;
import dev.vigil.time.SystemScheduler;
import java.util.Optional;

/** A command's console reporter and the clock of its live progress line, which it closes. */
final class Console implements AutoCloseable {
  private final ConsoleReporter reporter;
  private final Optional<SystemScheduler> clock;

  Console(ConsoleReporter reporter, Optional<SystemScheduler> clock) {
    this.reporter = reporter;
    this.clock = clock;
  }

  ConsoleReporter reporter() {
    return reporter;
  }

  @Override
  public void close() {
    clock.ifPresent(SystemScheduler::close);
  }
}
