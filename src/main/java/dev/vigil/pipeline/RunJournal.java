package dev.vigil.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.files.OwnerOnly;
import dev.vigil.process.ProcessStamp;
import dev.vigil.report.Json;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageStatus;
import dev.vigil.run.Trigger;
import dev.vigil.run.TriggerKind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The runs that go on now, one file each in the state dir's {@code running/} folder (the record so
 * far, the stages running and since when, and the vigil process that runs it), removed when the run
 * finishes: what a vigil started after this one was killed needs to write the cut run's record.
 * Wraps the listener that reports runs; a journal that cannot be written never stops a run.
 */
public final class RunJournal implements RunListener {
  static final String FOLDER = "running";

  private final Path dir;
  private final ProcessStamp owner;
  private final Supplier<Instant> clock;
  private final RunListener inner;
  private final ObjectMapper mapper;
  private final Map<String, Map<String, Instant>> running = new HashMap<>();

  private RunJournal(
      Path stateDir, Supplier<Instant> clock, RunListener inner, ObjectMapper mapper) {
    this.dir = stateDir.resolve(FOLDER);
    this.mapper = mapper;
    this.owner = ProcessStamp.self();
    this.clock = clock;
    this.inner = inner;
  }

  /**
   * A listener that keeps the journal of the state dir, then tells {@code inner}; it writes with
   * {@code json}'s mapper, which the history shares, so a run's record types are looked into once.
   */
  public static RunListener around(
      Path stateDir, Supplier<Instant> clock, RunListener inner, Json json) {
    return new RunJournal(stateDir, clock, inner, json.mapper());
  }

  /**
   * Builds {@code json}'s serializers for what the journal and the history write: a run's first
   * record costs a cold JVM some tens of milliseconds of Jackson looking into the record types,
   * which a start-up warm-up can spend on another core with the mapper the run will use.
   */
  public static void warm(Json json) throws JsonProcessingException {
    Instant now = Instant.now();
    StageRecord stage =
        new StageRecord("s", StageStatus.PASSED, 0, 1, 1, "", "s.log", List.of(), List.of(), 0);
    RunRecord run =
        RunRecord.builder("p", Trigger.of(TriggerKind.MANUAL))
            .runId("p-1")
            .queuedAt(now)
            .startedAt(now)
            .finished(now, 1, RunResult.PASSED)
            .stages(List.of(stage))
            .build();
    json.mapper().writeValueAsBytes(new Entry(new ProcessStamp(1, ""), run, Map.of("s", now)));
    json.write(run);
  }

  /**
   * One run as the journal holds it.
   *
   * @param owner the vigil process that runs it
   * @param run the record so far: the stages that finished
   * @param running the stages that run, with when each started
   */
  record Entry(ProcessStamp owner, RunRecord run, Map<String, Instant> running) {}

  @Override
  public void runStarting(RunRecord run) {
    write(run, Map.of());
    inner.runStarting(run);
  }

  @Override
  public void runStarted(RunRecord run) {
    inner.runStarted(run);
  }

  @Override
  public void stageStarted(RunRecord run, String stage) {
    write(run, stages(run, s -> s.put(stage, clock.get())));
    inner.stageStarted(run, stage);
  }

  @Override
  public void stageFinished(RunRecord run, StageRecord stage) {
    write(run, stages(run, s -> s.remove(stage.name())));
    inner.stageFinished(run, stage);
  }

  @Override
  public void runFinished(RunRecord run) {
    inner.runFinished(run); // the history has it before the journal lets it go
    synchronized (running) {
      running.remove(run.runId());
    }
    deleteQuietly(file(dir, run.runId()));
  }

  private Map<String, Instant> stages(
      RunRecord run, java.util.function.Consumer<Map<String, Instant>> change) {
    synchronized (running) {
      Map<String, Instant> stages =
          running.computeIfAbsent(run.runId(), k -> new LinkedHashMap<>());
      change.accept(stages);
      return Map.copyOf(stages);
    }
  }

  private void write(RunRecord run, Map<String, Instant> stages) {
    try {
      OwnerOnly.createDirectories(dir);
      Path temp = dir.resolve(run.runId() + ".json.tmp");
      try (OutputStream out = OwnerOnly.newOutputStream(temp)) {
        out.write(mapper.writeValueAsBytes(new Entry(owner, run, stages)));
      }
      try {
        Files.move(temp, file(dir, run.runId()), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file(dir, run.runId()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      // the run goes on; only its record after a kill -9 of this process is at stake
    }
  }

  /** The journal's runs whose vigil process is gone, with the files that hold them. */
  static Map<Path, Entry> abandoned(Path stateDir, ObjectMapper mapper) {
    Map<Path, Entry> found = new LinkedHashMap<>();
    Path folder = stateDir.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return found;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, "*.json")) {
      all.forEach(files::add);
    } catch (IOException e) {
      return found;
    }
    for (Path file : files) {
      try {
        Entry entry = mapper.readValue(Files.readAllBytes(file), Entry.class);
        if (!entry.owner().alive()) {
          found.put(file, entry);
        }
      } catch (IOException e) {
        deleteQuietly(file); // cut by a full disk: nothing in it can be trusted
      }
    }
    return found;
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // tried again at the next start
    }
  }

  private static Path file(Path dir, String runId) {
    return dir.resolve(runId + ".json");
  }
}
