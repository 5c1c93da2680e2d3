package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class LogSetupTest {
  @Test
  void notesGoToStderrAtTheLevelVigilLogLevelNamesWithTheWatchersChatterLeftOut() {
    LoggerContext context = new LoggerContext();
    LogSetup setup = new LogSetup(Map.of("VIGIL_LOG_LEVEL", "debug")::get);
    // The test class path has a logback-test.xml, which would take precedence: look past it.
    ExecutionStatus status = setup.configureInCode(context);

    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(context.getLogger("io.methvin.watcher.DirectoryWatcher").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    ConsoleAppender<?> appender = (ConsoleAppender<?>) root.getAppender("STDERR");
    assertThat(appender.getTarget()).isEqualTo("System.err");
    assertThat(((LayoutWrappingEncoder<?>) appender.getEncoder()).getLayout())
        .isInstanceOf(LogLine.class);
    assertThat(LogSetup.PATTERN).isEqualTo("%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n");
  }

  @Test
  void theLevelIsInfoWhenUnsetOrNotALevel() {
    for (Map<String, String> env :
        java.util.List.of(Map.<String, String>of(), Map.of("VIGIL_LOG_LEVEL", "loud"))) {
      LoggerContext context = new LoggerContext();
      new LogSetup(env::get).configureInCode(context);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    }
  }

  @Test
  void aConfigurationFileTheUserNamesTakesPrecedence() {
    LoggerContext context = new LoggerContext();
    ExecutionStatus status =
        new LogSetup(Map.of("logback.configurationFile", "/etc/my-logback.xml")::get)
            .configure(context);
    assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
  }
}
