package dev.vigil.batch;

import dev.vigil.threads.OrderedHandOff;
import dev.vigil.time.Scheduler;
import dev.vigil.watch.FileEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers one project's file events into batches: a batch closes after {@code debounce} without
 * events or {@code maxWait} after its first event, whichever comes first, and is held open while
 * git rewrites the work tree (re-checked every debounce period, for at most {@code gitHoldLimit}).
 * A quiet period during which the process stood still for more than {@link #STALL} (its timer fired
 * that late, or a garbage collection paused it that long) does not count: the batch waits one more
 * debounce period for the events that piled up meanwhile.
 *
 * <p>{@link #offer} may be called from any thread and only takes a lock and updates a map: one
 * timer at a time is armed. The git probe, the content filter and the sink run on the closing
 * executor (the scheduler's thread unless given; the caller's, for {@link #flush}, unless another
 * thread is handing batches on at that moment, which then hands this one on after its own), one
 * batch at a time and in order, with no lock of the batcher's held, so a slow content check delays
 * later batches of this project but never blocks the watcher. Given the thread the sink hands
 * batches on to, a closing batch reaches it without a thread switch: the scheduler hands the quiet
 * period's end over ahead of time.
 */
public final class DebouncedBatcher implements AutoCloseable {
  /** How long a git operation may hold a batch open before it closes anyway. */
  public static final Duration DEFAULT_GIT_HOLD_LIMIT = Duration.ofMinutes(10);

  /**
   * A timer this late means the process did not run for a while (a GC pause, an overloaded
   * machine): events may be waiting undelivered, so the quiet period was not seen.
   */
  static final Duration STALL = Duration.ofMillis(5);

  private static final Logger log = LoggerFactory.getLogger(DebouncedBatcher.class);

  private final Path root;
  private final long debounceNanos;
  private final long maxWaitNanos;
  private final long gitHoldLimitNanos;
  private final Scheduler scheduler;
  private final BooleanSupplier gitBusy;
  private final BatchEmitter emitter;
  private final Executor closer;

  /**
   * Takes the batches to the content filter and the sink one at a time, in the order they were
   * taken, with no lock held: a sink may wait for a thread that flushes or offers.
   */
  private final OrderedHandOff<Taken> closing = new OrderedHandOff<>(this::emit);

  private final Object lock = new Object();
  // All fields below are guarded by lock.
  private ChangeSet current;
  private Instant firstEventAt;
  private long firstEventNanos;
  private long lastEventNanos;
  private long gitHoldSinceNanos = -1;
  private Object armedToken;
  private long armedDueNanos;
  private long pausedAtArm;
  private Scheduler.Cancellable armed;
  private boolean closed;

  private DebouncedBatcher(Builder b, Consumer<ClosedBatch> sink) {
    Duration debounce = Objects.requireNonNull(b.debounce, "debounce");
    Duration maxWait = Objects.requireNonNull(b.maxWait, "maxWait");
    if (debounce.isNegative() || debounce.isZero()) {
      throw new IllegalArgumentException("debounce must be positive, got " + debounce);
    }
    if (maxWait.compareTo(debounce) < 0) {
      throw new IllegalArgumentException(
          "max_wait (" + maxWait + ") must not be shorter than debounce (" + debounce + ")");
    }
    this.root = b.root.toAbsolutePath().normalize();
    this.debounceNanos = debounce.toNanos();
    this.maxWaitNanos = maxWait.toNanos();
    this.gitHoldLimitNanos = b.gitHoldLimit.toNanos();
    this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
    this.gitBusy = Objects.requireNonNull(b.gitBusy, "gitBusy");
    this.closer = Objects.requireNonNull(b.closer, "closer");
    this.emitter =
        new BatchEmitter(
            this.root,
            b.maxListed,
            Objects.requireNonNull(sink, "sink"),
            Objects.requireNonNull(b.contentFilter, "contentFilter"));
  }

  /**
   * A batcher for the project at {@code root}, timed by {@code scheduler}; {@link Builder#debounce}
   * and {@link Builder#maxWait} must be given, the rest have defaults.
   */
  public static Builder builder(Path root, Scheduler scheduler) {
    return new Builder(root, scheduler);
  }

  /** The settings of a batcher; by default it reports every net change as soon as it closes. */
  public static final class Builder {
    private final Path root;
    private final Scheduler scheduler;
    private Duration debounce;
    private Duration maxWait;
    private BooleanSupplier gitBusy = () -> false;
    private UnaryOperator<List<String>> contentFilter = UnaryOperator.identity();
    private Executor closer = Runnable::run;
    private Duration gitHoldLimit = DEFAULT_GIT_HOLD_LIMIT;
    private int maxListed = ChangeBatch.MAX_LISTED;

    private Builder(Path root, Scheduler scheduler) {
      this.root = Objects.requireNonNull(root, "root");
      this.scheduler = scheduler;
    }

    /** The quiet period that closes a batch. */
    public Builder debounce(Duration debounce) {
      this.debounce = debounce;
      return this;
    }

    /** The longest a batch stays open after its first event; at least the debounce. */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = maxWait;
      return this;
    }

    /** Whether git is rewriting the work tree, which holds a batch open (default: never). */
    public Builder gitBusy(BooleanSupplier gitBusy) {
      this.gitBusy = gitBusy;
      return this;
    }

    /**
     * Passes each closing batch's paths through this (for example {@link
     * ContentBaseline#reallyChanged}); a batch left empty is dropped. Default: keeps them all.
     */
    public Builder contentFilter(UnaryOperator<List<String>> contentFilter) {
      this.contentFilter = contentFilter;
      return this;
    }

    /**
     * Where batches close (default {@code Runnable::run}: the scheduler's thread); given the thread
     * that takes the batches from the sink, handing them over costs no thread switch.
     */
    public Builder closer(Executor closer) {
      this.closer = closer;
      return this;
    }

    /** How long git may hold a batch open (default {@link #DEFAULT_GIT_HOLD_LIMIT}). */
    Builder gitHoldLimit(Duration gitHoldLimit) {
      this.gitHoldLimit = gitHoldLimit;
      return this;
    }

    /**
     * How many paths a batch lists before it is truncated (default {@link ChangeBatch#MAX_LISTED}).
     */
    Builder maxListed(int maxListed) {
      this.maxListed = maxListed;
      return this;
    }

    /** A batcher that hands each batch that closes to {@code sink}. */
    public DebouncedBatcher build(Consumer<ClosedBatch> sink) {
      return new DebouncedBatcher(this, sink);
    }
  }

  /** Adds one event to the open batch, opening one if needed; ignored after {@link #close}. */
  public void offer(FileEvent event) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      long now = scheduler.nanoTime();
      if (current == null) {
        current = new ChangeSet(root);
        firstEventAt = scheduler.now();
        firstEventNanos = now;
      }
      current.add(event);
      lastEventNanos = now;
      if (armed == null) {
        arm(debounceNanos);
      }
    }
  }

  /** Whether a batch is open, waiting for quiet. */
  public boolean isDebouncing() {
    synchronized (lock) {
      return current != null;
    }
  }

  /** How many paths the open batch changes so far (0 when none is open). */
  public int pendingCount() {
    synchronized (lock) {
      return current == null ? 0 : current.size();
    }
  }

  /**
   * Closes the open batch now, git or not, and hands it to the sink on the caller's thread (or, if
   * another thread is handing batches on, on that one, after its own).
   */
  public void flush() {
    synchronized (lock) {
      handOn(take());
    }
    closing.handOn();
  }

  /** Cancels the timers and drops the open batch; later events are ignored. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      disarm();
      current = null;
    }
  }

  private void onTimer(Object token) {
    synchronized (lock) {
      handOn(onTimerLocked(token));
    }
    closing.handOn();
  }

  /** Decides, holding the state lock, whether the batch closes now; null if it stays open. */
  private Taken onTimerLocked(Object token) {
    if (token != armedToken || current == null) {
      return null;
    }
    armed = null;
    armedToken = null;
    long now = scheduler.nanoTime();
    if (gitHoldSinceNanos >= 0) {
      return whileGitHolds(now);
    }
    long due = Math.min(lastEventNanos + debounceNanos, firstEventNanos + maxWaitNanos);
    if (now < due) {
      arm(due - now);
      return null;
    }
    boolean stalled =
        now - armedDueNanos > STALL.toNanos()
            || scheduler.pausedNanos() - pausedAtArm > STALL.toNanos();
    if (stalled && now < firstEventNanos + maxWaitNanos) {
      // Give the watcher a quiet period of its own to deliver what piled up meanwhile.
      arm(debounceNanos);
      return null;
    }
    if (gitBusy.getAsBoolean()) {
      gitHoldSinceNanos = now;
      arm(debounceNanos);
      return null;
    }
    return take();
  }

  private Taken whileGitHolds(long now) {
    if (now - gitHoldSinceNanos >= gitHoldLimitNanos) {
      log.warn(
          "git has looked busy in {} for {} s; closing the batch anyway",
          root,
          gitHoldLimitNanos / 1_000_000_000L);
      return take();
    }
    if (gitBusy.getAsBoolean()) {
      arm(debounceNanos);
      return null;
    }
    long quietAt = lastEventNanos + debounceNanos;
    if (now < quietAt) {
      // git is done, but its last events may still be arriving: wait for a quiet period.
      arm(quietAt - now);
      return null;
    }
    return take();
  }

  private void arm(long delayNanos) {
    Object token = new Object();
    armedToken = token;
    armedDueNanos = scheduler.nanoTime() + delayNanos;
    pausedAtArm = scheduler.pausedNanos();
    Duration delay = Duration.ofNanos(delayNanos);
    Runnable fire = () -> onTimer(token);
    // The quiet period ends a save's wait, so it is timed precisely; git's re-checks need not be.
    armed =
        gitHoldSinceNanos >= 0
            ? scheduler.schedule(delay, () -> closeOn(fire))
            : scheduler.schedulePrecisely(delay, fire, closer);
  }

  /** Runs a timer's check on the closing executor; nothing is left to close once it shut down. */
  private void closeOn(Runnable fire) {
    try {
      closer.execute(fire);
    } catch (RejectedExecutionException shutDown) {
      // the project is closing
    }
  }

  private void disarm() {
    if (armed != null) {
      armed.cancel();
    }
    armed = null;
    armedToken = null;
  }

  private Taken take() {
    disarm();
    ChangeSet set = current;
    current = null;
    gitHoldSinceNanos = -1;
    return set == null ? null : new Taken(set, firstEventAt, scheduler.now());
  }

  /** Queues a taken batch for the sink, in the order batches are taken; held under lock. */
  private void handOn(Taken taken) {
    if (taken != null) {
      closing.add(taken);
    }
  }

  private void emit(Taken taken) {
    emitter.emit(taken.set(), taken.firstEventAt(), taken.closedAt());
  }

  private record Taken(ChangeSet set, Instant firstEventAt, Instant closedAt) {}
}
