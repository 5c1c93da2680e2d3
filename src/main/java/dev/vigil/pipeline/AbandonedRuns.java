package dev.vigil.pipeline;

import dev.vigil.process.LeftoverGroups;
import dev.vigil.process.ProcessLedger;
import dev.vigil.report.HistoryLog;
import dev.vigil.report.Json;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a vigil that was killed (kill -9, a crash, a power cut) left in the state dir, dealt with
 * when the next one starts: the processes of the stages it ran are ended (SIGTERM, SIGKILL after
 * their kill grace), and each run it was running goes to the history as {@code error}, its running
 * stages {@code cancelled} with a note in their output tail and log that says what happened.
 */
public final class AbandonedRuns {
  static final int TAIL_BYTES = 64 * 1024;

  private AbandonedRuns() {}

  /**
   * Ends what a dead vigil of the state dir left, records its runs and says so; the journal's files
   * are read with {@code json}, the form they were written in.
   */
  public static void recover(Path stateDir, HistoryLog history, Json json, Consumer<String> say) {
    Map<Path, Integer> endedByLog = new HashMap<>();
    List<LeftoverGroups.Ended> ended = LeftoverGroups.endAbandoned(ProcessLedger.in(stateDir));
    for (LeftoverGroups.Ended e : ended) {
      e.entry()
          .logFile()
          .ifPresent(log -> endedByLog.merge(canonical(log), e.ended(), Integer::sum));
    }
    for (Map.Entry<Path, RunJournal.Entry> found :
        RunJournal.abandoned(stateDir, json.mapper()).entrySet()) {
      RunRecord record = cutShort(stateDir, found.getKey(), found.getValue(), endedByLog);
      try {
        history.append(record);
        RunJournal.deleteQuietly(found.getKey());
        say.accept(
            "vigil: "
                + record.runId()
                + " was cut short when vigil was killed; it is in the history as error");
      } catch (IOException e) {
        say.accept("vigil: cannot record " + record.runId() + ", cut short: " + e.getMessage());
      }
    }
    for (LeftoverGroups.Ended e : ended) {
      boolean told =
          e.entry().logFile().map(log -> !endedByLog.containsKey(canonical(log))).orElse(false);
      if (e.ended() > 0 && !told) {
        say.accept(
            "vigil: ended "
                + processes(e.ended())
                + " left running by `"
                + e.entry().command()
                + "` when vigil was killed");
      }
    }
  }

  /** The record of a run its vigil never finished. */
  static RunRecord cutShort(
      Path stateDir, Path journalFile, RunJournal.Entry entry, Map<Path, Integer> endedByLog) {
    RunRecord run = entry.run();
    Instant lastSeen = lastModified(journalFile, Instant.EPOCH);
    Map<String, Path> logs = new HashMap<>();
    for (String stage : entry.running().keySet()) {
      Path log =
          canonical(
              StageCommand.logFile(
                  new RunRequest(run.runId(), run.trigger(), run.queuedAt(), stateDir), stage));
      logs.put(stage, log);
      lastSeen = lastModified(log, lastSeen);
    }
    List<StageRecord> stages = new ArrayList<>(run.stages());
    for (Map.Entry<String, Instant> stage : entry.running().entrySet()) {
      Path log = logs.get(stage.getKey());
      Integer count = endedByLog.remove(log);
      String note =
          "vigil: the daemon was killed while this stage ran; when vigil started again "
              + processes(count == null ? 0 : count)
              + " that it left running "
              + (count != null && count == 1 ? "was" : "were")
              + " ended";
      boolean logged = appendNote(log, note);
      stages.add(
          new StageRecord(
              stage.getKey(),
              StageStatus.CANCELLED,
              null,
              millis(stage.getValue(), lastSeen),
              1,
              tail(log) + (logged ? "" : note + "\n"),
              Files.exists(log)
                  ? canonical(stateDir).relativize(log).toString().replace('\\', '/')
                  : null,
              List.of()));
    }
    Instant started = run.startedAt() != null ? run.startedAt() : run.queuedAt();
    return new RunRecord(
        run.schema(),
        run.project(),
        run.runId(),
        run.trigger(),
        run.queuedAt(),
        run.startedAt(),
        lastSeen,
        millis(started, lastSeen),
        RunResult.ERROR,
        "the vigil that ran it was killed before the run ended",
        stages);
  }

  private static Path canonical(Path path) {
    return path.toAbsolutePath().normalize();
  }

  private static String processes(int count) {
    return count + (count == 1 ? " process" : " processes");
  }

  private static long millis(Instant from, Instant to) {
    return from == null ? 0 : Math.max(0, Duration.between(from, to).toMillis());
  }

  /** The later of {@code atLeast} and when the file was last written. */
  private static Instant lastModified(Path file, Instant atLeast) {
    try {
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      return modified.isAfter(atLeast) ? modified : atLeast;
    } catch (IOException e) {
      return atLeast;
    }
  }

  private static boolean appendNote(Path log, String note) {
    if (!Files.exists(log)) {
      return false;
    }
    try {
      Files.writeString(log, note + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The end of the log, at most 64 KiB. */
  private static String tail(Path log) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, file.length() - TAIL_BYTES);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
