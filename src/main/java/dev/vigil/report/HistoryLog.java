package dev.vigil.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.files.OwnerOnly;
import dev.vigil.run.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * {@code <stateDir>/history.jsonl}: one finished run a line, rolled by size into {@code
 * history.1.jsonl} ... {@code history.N.jsonl}. A line is whole or absent (see {@link
 * HistoryFile}); a run that cannot be written (a full or read-only disk) is held in memory, up to
 * {@link #MAX_HELD}, and written before the next one once the file takes lines again.
 */
public final class HistoryLog implements AutoCloseable {
  /** Size at which history.jsonl rolls over, by default. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  /** How many rolled files are kept, by default. */
  public static final int DEFAULT_MAX_FILES = 5;

  /** Runs held in memory while the history cannot be written; older ones are dropped past it. */
  public static final int MAX_HELD = 1000;

  private static final int MAX_FILES_LIMIT = 20;

  private final Path dir;
  private final int maxFiles;
  private final Json json;
  private final HistoryFile file;
  private final Deque<byte[]> held = new ArrayDeque<>();

  /** Opens the history in the state dir with the default size (10 MiB) and count (5). */
  public HistoryLog(Path stateDir, Json json) throws IOException {
    this(stateDir, json, DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES);
  }

  /**
   * Opens the history, rolling history.jsonl once it reaches {@code maxBytes} and keeping at most
   * {@code maxFiles} rolled files (1 to 20); cuts off a line a crash left without its newline.
   *
   * @throws IOException naming the path when the state dir cannot be made or history.jsonl is not a
   *     file
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
    this.file = new HistoryFile(stateDir, maxBytes, maxFiles);
    try {
      OwnerOnly.createDirectories(stateDir);
    } catch (IOException e) {
      throw new IOException("cannot create the state dir " + stateDir + ": " + e, e);
    }
    Path active = file.active();
    if (Files.exists(active) && !Files.isRegularFile(active)) {
      throw new IOException("cannot open " + active + ": it is not a file");
    }
    try {
      file.repair();
    } catch (IOException e) {
      // a read-only or full state dir: the first append reports it and repairs then
    }
  }

  /**
   * Appends one finished run as one line, after any runs held from failed appends.
   *
   * @throws IOException naming the file when it cannot be written; the run is then held and written
   *     by a later append
   */
  public synchronized void append(RunRecord run) throws IOException {
    held.addLast(json.write(run).getBytes(StandardCharsets.UTF_8));
    while (held.size() > MAX_HELD) {
      held.removeFirst();
    }
    while (!held.isEmpty()) {
      file.append(held.peekFirst());
      held.removeFirst();
    }
  }

  /** How many runs wait in memory for the history to take them. */
  public synchronized int held() {
    return held.size();
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
      Path path = file.rolled(i);
      List<String> lines;
      try {
        lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        throw new IOException("cannot read " + path + ": " + e, e);
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

  /** The state dir the history is kept in. */
  public Path dir() {
    return dir;
  }

  /** Tries once more to write the runs still held. */
  @Override
  public synchronized void close() {
    try {
      while (!held.isEmpty()) {
        file.append(held.peekFirst());
        held.removeFirst();
      }
    } catch (IOException e) {
      // still not writable: they are lost with the process, as the console said when they failed
    }
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
