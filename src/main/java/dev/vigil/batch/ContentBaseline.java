package dev.vigil.batch;

import dev.vigil.time.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers, per file of one project, the size, modification time and SHA-256 of the content at the
 * last run, so that saves and touches that leave the content as it was trigger nothing.
 *
 * <p>Paths are relative to the root with '/' separators, as in {@link ChangeBatch}. A path the
 * baseline knows nothing about always counts as changed: a file the background walk has not reached
 * yet, and a file that sent an event while the baseline was being taken (its recorded content might
 * already be the new one), are never silently dropped. A file modified within {@link #RACY_WINDOW}
 * before the walk is read again once that window has passed, so that after start-up every file is
 * known. A modification time within {@link #RACY_WINDOW} of the moment it was recorded is not
 * trusted (as git does with racily clean entries): such a file is hashed at the next check even if
 * size and time match.
 *
 * <p>Files are read ahead, as their events arrive ({@link #readAhead}), so that the check when a
 * batch closes, and the record when its run starts, mostly find the fingerprint taken already. A
 * read ahead stands until the next event for its path: a write after the read sends an event, which
 * either arrives before the run starts (the file is then read again) or opens a new batch that
 * compares against what the run recorded.
 */
public final class ContentBaseline {
  /** How close to the moment of recording a modification time must be to be distrusted. */
  static final Duration RACY_WINDOW = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(ContentBaseline.class);

  private final Path root;
  private final Scheduler scheduler;
  private final RecordedFingerprints recorded = new RecordedFingerprints();

  /**
   * Files that sent an event while the start-up walk and its re-reads went on: the walk does not
   * record them, since what it reads may be the content the event is about.
   */
  private final Set<String> eventsDuringStartUp = ConcurrentHashMap.newKeySet();

  private volatile boolean startingUp = true;

  /** What an earlier daemon recorded, trusted by the walk where size and time still match. */
  private volatile Function<String, Fingerprint> prior = path -> null;

  /** Where an earlier daemon saved its record; the walk reads it first, off the start's path. */
  private volatile Path recordToLoad;

  private final LongAdder startUpReads = new LongAdder();

  /** Reads taken as events arrive; the check at a close and the record at a run use them. */
  private final ReadAhead readAhead;

  /** An empty baseline for the project at {@code root}, timed by {@code scheduler}. */
  public ContentBaseline(Path root, Scheduler scheduler) {
    this.root = root.toAbsolutePath().normalize();
    this.scheduler = scheduler;
    this.readAhead = new ReadAhead(this.root);
  }

  /**
   * Walks the tree once on {@code executor}, recording every file {@code ignored} does not reject
   * (it sees absolute paths, with whether each is a directory as the walk knows it; an ignored
   * directory is skipped whole), then, one {@link #RACY_WINDOW} later, the files modified too
   * recently to record at once. Call it right after the project's watches are registered; it
   * returns at once, with a future that completes when all is recorded.
   */
  public CompletableFuture<Void> takeInBackground(
      BiPredicate<Path, Boolean> ignored, Executor executor) {
    long walkStartNanos = FileReads.nanos(scheduler.now());
    List<String> racy = new ArrayList<>();
    return CompletableFuture.runAsync(
            () -> {
              Path record = recordToLoad;
              if (record != null) {
                prior = ContentRecordFile.load(record, root)::get;
              }
              try {
                Files.walkFileTree(
                    root,
                    new BaselineWalk(
                        root,
                        ignored,
                        walkStartNanos,
                        this::takeIn,
                        racyUnlessEvent(racy),
                        prior,
                        startUpReads::increment));
              } catch (IOException | RuntimeException e) {
                log.warn("recording file contents under {} stopped early: {}", root, e.toString());
              }
            },
            executor)
        .thenCompose(v -> new RacyRecheck(root, scheduler, executor, this::takeIn).start(racy))
        .whenComplete(
            (v, e) -> {
              prior = path -> null;
              recordToLoad = null;
              startedUp();
            });
  }

  /**
   * Has the next {@link #takeInBackground} start from what an earlier daemon saved with {@link
   * #saveRecord}, so that it reads only files whose size or modification time changed since. The
   * file is read by the walk, on its executor, not here: a daemon's start does not wait for it. A
   * missing, corrupt or stale file is ignored (logged). Call it before {@link #takeInBackground}.
   */
  public void loadRecord(Path file) {
    recordToLoad = file;
  }

  /** Saves what the baseline knows to {@code file} (atomically, owner-only) for the next start. */
  public void saveRecord(Path file) throws IOException {
    ContentRecordFile.save(file, root, recorded, FileReads.nanos(scheduler.now()));
  }

  /** How many files the start-up walk read (the rest it took from the loaded record). */
  long startUpReads() {
    return startUpReads.sum();
  }

  /**
   * The paths, in the given order, whose content differs from what the last run recorded, or which
   * the baseline does not know; size and time both unchanged means unchanged, unread.
   */
  public List<String> reallyChanged(List<String> relativePaths) {
    List<String> changed = new ArrayList<>();
    for (String path : relativePaths) {
      if (differs(path)) {
        changed.add(path);
      } else {
        readAhead.remove(path); // nothing to record: the run's record stands
      }
    }
    return changed;
  }

  /**
   * Notes that the file at {@code file} (absolute, under the root) just sent an event, and reads it
   * on {@code executor}, unless a read queued earlier has not started yet (it will see this write
   * too). Call it on the thread that delivers events, for files only.
   */
  public void readAhead(Path file, Executor executor) {
    String path = RelativePaths.under(root, file);
    if (path != null) {
      if (startingUp) {
        eventsDuringStartUp.add(path);
      }
      readAhead.request(path, executor);
    }
  }

  /**
   * Records the current state of these paths as the state of a run that starts now; call it before
   * the run reads them. Paths left out (beyond a truncated batch's list) keep their old state and
   * so count as changed next time.
   */
  public void commit(Collection<String> relativePaths) {
    long nowNanos = FileReads.nanos(scheduler.now());
    for (String path : relativePaths) {
      Fingerprint now = readForCommit(path, nowNanos);
      if (now == null) {
        recorded.remove(path);
      } else {
        recorded.put(path, now);
      }
    }
  }

  /**
   * The file's fingerprint for a run that starts now: the read taken since its last event, without
   * touching the file, else read afresh.
   */
  private Fingerprint readForCommit(String path, long nowNanos) {
    Fingerprint f = readAhead.remove(path);
    if (f != null) {
      boolean racy = !f.absent() && f.mtimeNanos() >= nowNanos - RACY_WINDOW.toNanos();
      return racy ? f.untrusted() : f;
    }
    return FileReads.read(RelativePaths.resolve(root, path), nowNanos);
  }

  /** Every path the baseline knows, relative to the root; a copy. */
  public Set<String> knownPaths() {
    return recorded.knownPaths();
  }

  /** What the last run recorded for this path; null when the path is unknown or absent. */
  public RecordedContent recorded(String path) {
    Fingerprint f = recorded.get(path);
    return f == null || f.absent() ? null : new RecordedContent(f.size(), f.digest());
  }

  /** How many paths the baseline knows. */
  public int size() {
    return recorded.size();
  }

  /**
   * Records what the start-up walk read, unless an event for the file came or a run recorded it.
   */
  private void takeIn(String path, Fingerprint fingerprint) {
    if (!eventsDuringStartUp.contains(path)) {
      recorded.putIfAbsent(path, fingerprint);
    }
  }

  /** Adds a racily modified file to the list to read again, unless its batch takes care of it. */
  private Consumer<String> racyUnlessEvent(List<String> racy) {
    return path -> {
      if (!eventsDuringStartUp.contains(path)) {
        racy.add(path);
      }
    };
  }

  private void startedUp() {
    startingUp = false;
    eventsDuringStartUp.clear();
    recorded.trim(); // the walk's growth left room for more files than the tree has
  }

  private boolean differs(String path) {
    Fingerprint before = recorded.get(path);
    Object ahead = readAhead.state(path);
    if (ahead instanceof Fingerprint now) {
      return before == null || differs(before, now);
    }
    if (before == null) {
      return true;
    }
    Path file = RelativePaths.resolve(root, path);
    BasicFileAttributes attributes;
    try {
      attributes = FileReads.attributes(file);
    } catch (IOException e) {
      return true;
    }
    if (attributes == null) {
      return !before.absent();
    }
    if (before.absent() || !attributes.isRegularFile() || attributes.size() != before.size()) {
      return true;
    }
    long mtime = FileReads.nanos(attributes.lastModifiedTime());
    if (before.mtimeNanos() != Fingerprint.UNTRUSTED_MTIME && before.mtimeNanos() == mtime) {
      return false;
    }
    try {
      Fingerprint now =
          Fingerprint.of(attributes.size(), mtime, ContentHasher.hash(file, attributes.size()));
      readAhead.keep(path, ahead, now); // read after the event that asked for it
      return !now.sameContent(before);
    } catch (IOException e) {
      return true;
    }
  }

  /** Whether a read ahead differs from the record, hashing again only for a distrusted time. */
  private boolean differs(Fingerprint before, Fingerprint now) {
    if (now.absent() || before.absent()) {
      return now.absent() != before.absent();
    }
    if (now.size() != before.size()) {
      return true;
    }
    if (before.mtimeNanos() != Fingerprint.UNTRUSTED_MTIME
        && before.mtimeNanos() == now.mtimeNanos()) {
      return false;
    }
    return !now.sameContent(before);
  }
}
