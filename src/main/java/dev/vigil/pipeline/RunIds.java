package dev.vigil.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hands out run ids {@code PROJECT-N}, unique within a state dir across every process that uses it
 * (a daemon, {@code vigil once}) and across restarts. The last number per project is kept in {@code
 * run-ids} in the state dir, read and written under a file lock; a project the file does not know
 * (first use, or a lost file) goes on from the highest number in {@code runs/} and the history. A
 * number whose folder exists in {@code runs/} is passed over, so no run's logs are ever written
 * into another run's folder.
 */
public final class RunIds {
  /** The counter file in the state dir: one {@code PROJECT N} a line. */
  public static final String FILE_NAME = "run-ids";

  private static final long LOCK_RETRY_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
  private static final Pattern RUN_ID = Pattern.compile("\"runId\"\\s*:\\s*\"([^\"]+)-(\\d+)\"");

  private final Path stateDir;
  private final Path runsDir;
  private final Path file;
  private final Map<String, String> reserved = new HashMap<>();

  public RunIds(Path stateDir) {
    this.stateDir = stateDir;
    this.runsDir = stateDir.resolve("runs");
    this.file = stateDir.resolve(FILE_NAME);
  }

  /** The next id for the project: the one {@link #reserve}d for it, else a new one. */
  public synchronized String next(String project) {
    String id = reserved.remove(project);
    return id != null ? id : allocate(project);
  }

  /**
   * Takes the id the project's next run will have, now, so that its folder can be prepared while
   * nothing waits; no other process gets it. An id reserved and never used is simply skipped.
   */
  public synchronized String reserve(String project) {
    return reserved.computeIfAbsent(project, this::allocate);
  }

  private String allocate(String project) {
    try {
      Files.createDirectories(stateDir);
      try (FileChannel channel = open();
          FileLock lock = lock(channel)) {
        Map<String, Long> counters = read(channel);
        Long last = counters.get(project);
        long n = (last != null ? last : highestOnDisk(project)) + 1;
        while (Files.exists(runsDir.resolve(project + "-" + n))) {
          n++;
        }
        counters.put(project, n);
        write(channel, counters);
        return project + "-" + n;
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot allocate a run id in " + file + " (" + e.getMessage() + ")", e);
    }
  }

  private FileChannel open() throws IOException {
    try {
      return FileChannel.open(
          file,
          java.util.Set.of(
              StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (java.nio.file.FileAlreadyExistsException exists) {
      return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (UnsupportedOperationException noPosix) {
      return FileChannel.open(
          file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
  }

  /**
   * Locks the whole file, waiting for other processes; another allocator of this same process
   * holding it is waited for too (the JVM refuses a second lock of its own instead of blocking).
   */
  private static FileLock lock(FileChannel channel) throws IOException {
    while (true) {
      try {
        return channel.lock();
      } catch (OverlappingFileLockException heldInThisProcess) {
        LockSupport.parkNanos(LOCK_RETRY_NANOS);
      }
    }
  }

  private static Map<String, Long> read(FileChannel channel) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 20));
    channel.read(buf, 0);
    Map<String, Long> counters = new TreeMap<>();
    for (String line :
        new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).split("\n")) {
      String[] parts = line.trim().split(" ");
      if (parts.length == 2) {
        try {
          counters.put(parts[0], Long.parseLong(parts[1]));
        } catch (NumberFormatException damaged) {
          // a damaged line: that project goes on from what is on disk
        }
      }
    }
    return counters;
  }

  private static void write(FileChannel channel, Map<String, Long> counters) throws IOException {
    StringBuilder sb = new StringBuilder();
    counters.forEach((project, n) -> sb.append(project).append(' ').append(n).append('\n'));
    ByteBuffer bytes = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
    channel.truncate(0);
    while (bytes.hasRemaining()) {
      channel.write(bytes, bytes.position());
    }
  }

  /** The highest number of the project's runs in {@code runs/} and in the history files. */
  private long highestOnDisk(String project) throws IOException {
    long max = 0;
    String prefix = project + "-";
    if (Files.isDirectory(runsDir)) {
      try (Stream<Path> runs = Files.list(runsDir)) {
        for (Path run : (Iterable<Path>) runs::iterator) {
          max = Math.max(max, number(run.getFileName().toString(), prefix));
        }
      }
    }
    try (Stream<Path> files = Files.list(stateDir)) {
      for (Path history : (Iterable<Path>) files::iterator) {
        String name = history.getFileName().toString();
        if (name.startsWith("history") && name.endsWith(".jsonl")) {
          max = Math.max(max, highestInHistory(history, project));
        }
      }
    }
    return max;
  }

  private static long highestInHistory(Path history, String project) throws IOException {
    long max = 0;
    try (Stream<String> lines = Files.lines(history, StandardCharsets.UTF_8)) {
      for (String line : (Iterable<String>) lines::iterator) {
        Matcher m = RUN_ID.matcher(line);
        if (m.find() && m.group(1).equals(project)) {
          max = Math.max(max, parse(m.group(2)));
        }
      }
    } catch (NoSuchFileException rolledMeanwhile) {
      return max;
    } catch (java.io.UncheckedIOException notUtf8) {
      return max;
    }
    return max;
  }

  /** N of {@code PREFIX-N}, 0 for anything else (such as {@code core-utils-3} for {@code core}). */
  private static long number(String name, String prefix) {
    if (!name.startsWith(prefix)) {
      return 0;
    }
    return parse(name.substring(prefix.length()));
  }

  private static long parse(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException notOurs) {
      return 0;
    }
  }
}
