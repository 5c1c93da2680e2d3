package dev.vigil.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.files.OwnerOnly;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The process groups of the commands that run now, one file each in the state dir's {@code
 * processes/} folder, with their leaders' start times and the vigil process that started them, so
 * that a vigil started after that one was killed can end what it left and never touches a process
 * that merely got a recorded pid later.
 */
public final class ProcessLedger {
  static final String FOLDER = "processes";
  private static final String SUFFIX = ".json";

  private final Path dir;
  private final ProcessStamp owner;
  private final ObjectMapper mapper = new ObjectMapper();

  ProcessLedger(Path dir, ProcessStamp owner) {
    this.dir = dir;
    this.owner = owner;
  }

  /** The ledger of the state dir, written on behalf of this JVM. */
  public static ProcessLedger in(Path stateDir) {
    return new ProcessLedger(stateDir.resolve(FOLDER), ProcessStamp.self());
  }

  /**
   * One running command.
   *
   * @param leader the process started, which leads its own process group when {@code group}
   * @param group whether the leader's pid is also its process group's id
   * @param owner the vigil process that started it
   * @param command the shell text
   * @param log the command's log file, if any
   * @param graceMs time between SIGTERM and SIGKILL
   */
  public record Entry(
      ProcessStamp leader,
      boolean group,
      ProcessStamp owner,
      String command,
      String log,
      long graceMs) {
    /** The log file, if any. */
    public Optional<Path> logFile() {
      return Optional.ofNullable(log).map(Path::of);
    }
  }

  /** Records a command that just started; false when it could not be written. */
  boolean record(long pid, boolean group, CommandSpec spec) {
    Optional<ProcessStamp> leader = ProcessStamp.of(pid);
    if (leader.isEmpty()) {
      return false; // it ended already
    }
    Duration grace = spec.killGrace() == null ? Duration.ZERO : spec.killGrace();
    Entry entry =
        new Entry(
            leader.get(),
            group,
            owner,
            spec.command(),
            spec.logFile().map(Path::toString).orElse(null),
            grace.toMillis());
    return write(entry);
  }

  /** Writes the entry whole or not at all; false when it could not be written. */
  boolean write(Entry entry) {
    long pid = entry.leader().pid();
    try {
      OwnerOnly.createDirectories(dir);
      Path file = file(pid);
      Path temp = dir.resolve(pid + SUFFIX + ".tmp");
      try (OutputStream out = OwnerOnly.newOutputStream(temp)) {
        out.write(mapper.writeValueAsBytes(entry));
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Forgets the command whose leader has this pid. */
  void remove(long pid) {
    forget(file(pid));
  }

  /** Every recorded command whose vigil process is gone. */
  public List<Entry> abandoned() {
    List<Entry> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path file : files) {
        read(file).filter(e -> !e.owner().alive()).ifPresent(found::add);
      }
    } catch (IOException e) {
      // an unreadable folder hides nothing we could end anyway
    }
    return found;
  }

  /** Forgets a command once what it left was dealt with. */
  public void forget(Entry entry) {
    forget(file(entry.leader().pid()));
  }

  private Optional<Entry> read(Path file) {
    try {
      return Optional.of(mapper.readValue(Files.readAllBytes(file), Entry.class));
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    } catch (IOException e) {
      forget(file); // a cut file (the disk was full): nothing in it can be trusted
      return Optional.empty();
    }
  }

  private Path file(long pid) {
    return dir.resolve(pid + SUFFIX);
  }

  private static void forget(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // left for the next start, which checks the start time before it touches anything
    }
  }
}
