package dev.vigil.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;

/**
 * vigil's logging, set up in code: its own notes go to stderr (stdout is for run output and JSON
 * lines) as {@code HH:mm:ss.SSS LEVEL Logger: message}, at the level {@code VIGIL_LOG_LEVEL} names
 * (default INFO), with the directory watcher's chatter below WARN left out. Reading the same from a
 * logback.xml cost 40-60 ms of every start (an XML parser and Joran's model), which {@code vigil
 * once} and the daemon's first save wait for; the line is laid out by {@link LogLine}, as {@link
 * #PATTERN} would lay it out, for the 30 ms more that Logback's pattern layout costs. A logback.xml
 * or logback-test.xml on the class path, or {@code -Dlogback.configurationFile}, still takes
 * precedence.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  /** The layout of a note, which {@link LogLine} writes by hand. */
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n";

  private final UnaryOperator<String> setting;

  /** The set-up logback finds through the service loader. */
  public LogSetup() {
    this(name -> System.getProperty(name, System.getenv(name)));
  }

  LogSetup(UnaryOperator<String> setting) {
    this.setting = setting;
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    ClassLoader loader = LogSetup.class.getClassLoader();
    if (setting.apply("logback.configurationFile") != null
        || loader.getResource("logback-test.xml") != null
        || loader.getResource("logback.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    return configureInCode(context);
  }

  /** Sets vigil's own logging up on {@code context}, whatever files the class path holds. */
  ExecutionStatus configureInCode(LoggerContext context) {
    LogLine layout = new LogLine();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(setting.apply("VIGIL_LOG_LEVEL"), Level.INFO));
    root.addAppender(stderr);
    context.getLogger("io.methvin").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
