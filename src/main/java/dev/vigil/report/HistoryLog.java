package dev.vigil.report;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.files.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code <stateDir>/history.jsonl}: one finished run a line, rolled by size into {@code
 * history.1.jsonl} ... {@code history.N.jsonl} through a Logback appender on its own context.
 */
public final class HistoryLog implements AutoCloseable {
  /** Size at which history.jsonl rolls over, by default. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  /** How many rolled files are kept, by default. */
  public static final int DEFAULT_MAX_FILES = 5;

  private static final int MAX_FILES_LIMIT = 20;

  private final Path dir;
  private final int maxFiles;
  private final Json json;
  private final LoggerContext context;
  private final RollingFileAppender<ILoggingEvent> appender;
  private final Logger logger;
  private final List<String> errors = new CopyOnWriteArrayList<>();

  /** Opens the history in the state dir with the default size (10 MiB) and count (5). */
  public HistoryLog(Path stateDir, Json json) throws IOException {
    this(stateDir, json, DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES);
  }

  /**
   * Opens the history, rolling history.jsonl once it reaches {@code maxBytes} and keeping at most
   * {@code maxFiles} rolled files (1 to 20).
   */
  public HistoryLog(Path stateDir, Json json, long maxBytes, int maxFiles) throws IOException {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("history size must be positive: " + maxBytes);
    }
    if (maxFiles < 1 || maxFiles > MAX_FILES_LIMIT) {
      throw new IllegalArgumentException(
          "history file count must be 1 to " + MAX_FILES_LIMIT + ": " + maxFiles);
    }
    this.dir = stateDir;
    this.maxFiles = maxFiles;
    this.json = json;
    Path active = stateDir.resolve("history.jsonl");
    try {
      OwnerOnly.createDirectories(stateDir);
      if (!Files.exists(active)) {
        OwnerOnly.createFile(active);
      }
    } catch (IOException e) {
      throw new IOException("cannot create the state dir " + stateDir + ": " + e, e);
    }
    this.context = new LoggerContext();
    context.setName("vigil-history");
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.getStatusManager().add((StatusListener) this::onStatus);
    context.start();
    this.appender = appender(active, maxBytes);
    if (!appender.isStarted()) {
      String why = errors();
      context.stop();
      throw new IOException("cannot open " + active + ": " + why);
    }
    this.logger = context.getLogger("history");
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
    logger.addAppender(appender);
  }

  private RollingFileAppender<ILoggingEvent> appender(Path active, long maxBytes) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();

    RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
    rolling.setContext(context);
    rolling.setName("history");
    rolling.setFile(active.toString());
    rolling.setEncoder(encoder);
    rolling.setImmediateFlush(true);

    FixedWindowRollingPolicy policy = new FixedWindowRollingPolicy();
    policy.setContext(context);
    policy.setParent(rolling);
    policy.setFileNamePattern(dir.resolve("history.%i.jsonl").toString());
    policy.setMinIndex(1);
    policy.setMaxIndex(maxFiles);
    policy.start();

    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(new FileSize(maxBytes));
    trigger.setCheckIncrement(Duration.buildByMilliseconds(0));
    trigger.start();

    rolling.setRollingPolicy(policy);
    rolling.setTriggeringPolicy(trigger);
    rolling.start();
    return rolling;
  }

  /**
   * Appends one finished run as one line.
   *
   * @throws IOException naming the file when it can no longer be written
   */
  public synchronized void append(RunRecord run) throws IOException {
    errors.clear();
    logger.info(json.write(run));
    if (!errors.isEmpty() || !appender.isStarted()) {
      throw new IOException("cannot write " + appender.getFile() + ": " + errors());
    }
  }

  /** The newest runs first, at most {@code limit}, of one project or of all. */
  public List<RunRecord> read(Optional<String> project, int limit) throws IOException {
    return page(project, limit).runs();
  }

  /** Like {@link #read}, also telling how many malformed lines were skipped on the way. */
  public synchronized Page page(Optional<String> project, int limit) throws IOException {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    List<RunRecord> runs = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; i <= maxFiles && runs.size() < limit; i++) {
      Path file = dir.resolve(i == 0 ? "history.jsonl" : "history." + i + ".jsonl");
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        throw new IOException("cannot read " + file + ": " + e, e);
      }
      for (int n = lines.size() - 1; n >= 0 && runs.size() < limit; n--) {
        String line = lines.get(n);
        if (line.isBlank()) {
          continue;
        }
        try {
          RunRecord run = json.readRun(line);
          if (project.isEmpty() || project.get().equals(run.project())) {
            runs.add(run);
          }
        } catch (JsonProcessingException e) {
          skipped++;
        }
      }
    }
    return new Page(runs, skipped);
  }

  private void onStatus(Status status) {
    if (status.getLevel() == Status.ERROR) {
      Throwable cause = status.getThrowable();
      errors.add(status.getMessage() + (cause == null ? "" : ": " + cause));
    }
  }

  private String errors() {
    return errors.isEmpty() ? "the appender stopped" : String.join("; ", errors);
  }

  /** Stops the appender and its Logback context. */
  @Override
  public synchronized void close() {
    context.stop();
  }

  /**
   * Runs read from the history.
   *
   * @param runs newest first
   * @param skippedLines malformed lines passed over
   */
  public record Page(List<RunRecord> runs, int skippedLines) {
    public Page {
      runs = List.copyOf(runs);
    }
  }
}
