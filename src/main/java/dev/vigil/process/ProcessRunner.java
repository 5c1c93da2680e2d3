package dev.vigil.process;

import dev.vigil.threads.NamedThreads;
import dev.vigil.time.Scheduler;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as real subprocesses ({@code sh -c}, or evaluated by a shell parked ahead once
 * {@link #keepWarm} was called; in their own session where {@code setsid} exists), with bounded
 * capture, a bounded log file, a timeout and a tree-wide kill. Closing it kills what still runs and
 * stops its threads.
 */
public final class ProcessRunner implements CommandRunner, AutoCloseable {
  private static final String THREAD_PREFIX = "vigil-process-";

  private static final File DEV_NULL = new File("/dev/null");
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final Scheduler scheduler;
  private final Optional<Path> setsid;
  private final ProcessTreeKiller killer;
  private final ExecutorService pool;
  private final Set<StartedCommand> running = ConcurrentHashMap.newKeySet();
  private final String threadPrefix;
  private final ParkedShell parked;
  private final Optional<ProcessLedger> ledger;
  private volatile boolean closed;

  /** A runner that uses the scheduler for timeouts and kill grace periods. */
  public ProcessRunner(Scheduler scheduler) {
    this(scheduler, findOnPath("setsid"), Optional.empty());
  }

  /**
   * A runner that records each running command's process group in the state dir's {@link
   * ProcessLedger}, so that a vigil started after this one was killed can end what it left.
   */
  public ProcessRunner(Scheduler scheduler, Path stateDir) {
    this(scheduler, findOnPath("setsid"), Optional.of(ProcessLedger.in(stateDir)));
  }

  /** A runner that starts each command in its own session through the given setsid, if any. */
  ProcessRunner(Scheduler scheduler, Optional<Path> setsid) {
    this(scheduler, setsid, Optional.empty());
  }

  ProcessRunner(Scheduler scheduler, Optional<Path> setsid, Optional<ProcessLedger> ledger) {
    this.scheduler = scheduler;
    this.setsid = setsid;
    this.ledger = ledger;
    this.killer = new ProcessTreeKiller(setsid.isPresent());
    this.threadPrefix = THREAD_PREFIX + Integer.toHexString(System.identityHashCode(this));
    this.pool = NamedThreads.cachedPool(threadPrefix);
    this.parked = new ParkedShell(setsid, pool);
  }

  /**
   * From now on keeps one shell started ahead, so that the next command starts without the cost of
   * spawning a process (about 3 ms of the path from a save to its command). A daemon calls this; a
   * one-shot run need not.
   */
  public void keepWarm() {
    parked.keep();
  }

  /** Whether a shell is parked, ready for the next command. */
  boolean warmShellReady() {
    return parked.ready();
  }

  /** How many commands started in a parked shell. */
  int warmStarts() {
    return parked.starts();
  }

  /** Every thread of this runner has a name that begins with this. */
  String threadPrefix() {
    return threadPrefix;
  }

  @Override
  public RunningCommand start(CommandSpec spec, OutputListener lines) {
    long startNanos = scheduler.nanoTime();
    if (closed) {
      return failed(
          "the process runner is closed; cannot run `" + spec.command() + "`", startNanos);
    }
    Path dir = spec.workingDir();
    if (!Files.isDirectory(dir)) {
      String why = Files.exists(dir) ? "is not a directory" : "does not exist";
      return failed("working directory " + why + ": " + dir, startNanos);
    }
    Process process;
    try {
      process = spawn(spec);
    } catch (IOException | RuntimeException e) {
      return failed(
          "cannot start `sh -c " + spec.command() + "` in " + dir + ": " + e.getMessage(),
          startNanos);
    }
    // Nothing is read from the process before the pumps start below: its output waits in the pipe.
    long pid = process.pid();
    boolean recorded = ledger.map(l -> l.record(pid, killer.ownGroup(), spec)).orElse(false);
    MergedOutput output = openOutput(spec, lines);
    StartedCommand command =
        new StartedCommand(spec, process, output, scheduler, pool, killer, startNanos);
    running.add(command);
    CompletableFuture<CommandOutput> unused =
        command
            .result()
            .whenComplete(
                (r, e) -> {
                  running.remove(command);
                  if (recorded) {
                    ledger.get().remove(pid);
                  }
                });
    command.begin();
    return command;
  }

  /** The command's process: the parked shell when there is one, else a fresh spawn. */
  private Process spawn(CommandSpec spec) throws IOException {
    Optional<Process> warm = parked.start(spec);
    return warm.isPresent() ? warm.get() : processBuilder(spec).start();
  }

  /** Kills every command still running (no grace period), then stops the reader threads. */
  @Override
  public void close() {
    closed = true;
    parked.close();
    running.forEach(StartedCommand::cancelNow);
    pool.shutdown();
    try {
      if (!pool.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The output sink, opened once the process runs so that the log's file system work does not delay
   * it: its output waits in the pipe meanwhile. A log file (or folder) that cannot be created
   * leaves a note and no log; the command runs on.
   */
  private static MergedOutput openOutput(CommandSpec spec, OutputListener lines) {
    if (spec.logFile().isEmpty()) {
      return new MergedOutput(lines, null, null);
    }
    Path file = spec.logFile().get();
    try {
      return new MergedOutput(lines, file, new BoundedLogWriter(file, spec.logLimitBytes()));
    } catch (IOException e) {
      MergedOutput output = new MergedOutput(lines, file, null);
      output.note("vigil: cannot create log file " + file + ": " + e);
      return output;
    }
  }

  private ProcessBuilder processBuilder(CommandSpec spec) {
    List<String> argv = shellInOwnSession(setsid, "-c", spec.command());
    ProcessBuilder pb = new ProcessBuilder(argv).directory(spec.workingDir().toFile());
    pb.environment().putAll(spec.env());
    pb.redirectInput(DEV_NULL);
    return pb;
  }

  private RunningCommand failed(String reason, long startNanos) {
    CompletableFuture<CommandOutput> result = new CompletableFuture<>();
    Duration duration = Duration.ofNanos(scheduler.nanoTime() - startNanos);
    CommandOutput output =
        new CommandOutput(new Outcome.FailedToStart(reason), duration, List.of(), 0);
    try {
      pool.execute(() -> result.complete(output));
    } catch (RejectedExecutionException e) {
      result.complete(output); // the runner is closed: no thread of ours is left to do it
    }
    return new FinishedCommand(result);
  }

  /** {@code sh} with these arguments, through setsid when there is one. */
  static List<String> shellInOwnSession(Optional<Path> setsid, String... args) {
    List<String> argv = new ArrayList<>();
    setsid.ifPresent(path -> argv.add(path.toString()));
    argv.add("sh");
    argv.addAll(List.of(args));
    return argv;
  }

  /** The first executable file of that name on the PATH, if any. */
  static Optional<Path> findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String entry : path.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(entry, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A command that never ran. */
  private record FinishedCommand(CompletableFuture<CommandOutput> result)
      implements RunningCommand {
    @Override
    public void cancel() {}
  }
}
