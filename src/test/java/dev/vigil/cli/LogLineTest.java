package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vigil's notes read exactly as Logback's pattern layout would write them with its pattern. */
class LogLineTest {
  private final LoggerContext context = new LoggerContext();

  @Test
  void aNoteReadsAsThePatternLaysItOut() {
    PatternLayout pattern = new PatternLayout();
    pattern.setContext(context);
    pattern.setPattern(LogSetup.PATTERN);
    pattern.start();
    LogLine line = new LogLine();
    line.setContext(context);
    line.start();

    for (LoggingEvent event :
        List.of(
            event("dev.vigil.daemon.Daemon", Level.INFO, "watching {} in {}", null, "a", "/x"),
            event("dev.vigil.watch.ProjectWatcher", Level.WARN, "events lost", null),
            event("Root", Level.ERROR, "no dot in the name", null),
            event("dev.vigil.batch.BatchEmitter", Level.DEBUG, "{} paths", null, 5000),
            event(
                "dev.vigil.cache.RemoteGate",
                Level.WARN,
                "upload failed",
                new IOException("refused", new IllegalStateException("closed"))))) {
      assertThat(line.doLayout(event)).isEqualTo(pattern.doLayout(event));
    }
  }

  @Test
  void theTimeIsTheEventsToTheMillisecondInTheLocalZone() {
    LoggingEvent event = event("a.B", Level.INFO, "m", null);
    event.setInstant(Instant.parse("2026-12-06T00:00:09.007Z"));
    LogLine line = new LogLine();
    String expected =
        java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .format(event.getInstant().atZone(java.time.ZoneId.systemDefault()));

    assertThat(line.doLayout(event)).startsWith(expected + " INFO  B: m");
  }

  private LoggingEvent event(
      String loggerName, Level level, String message, Throwable thrown, Object... args) {
    Logger logger = context.getLogger(loggerName);
    LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, level, message, thrown, args);
    event.setInstant(Instant.parse("2026-12-06T13:04:05.678Z"));
    return event;
  }
}
