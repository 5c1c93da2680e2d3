package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.time.FakeScheduler;
import dev.vigil.watch.FileEvent;
import dev.vigil.watch.FileEvent.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentBaselineTest {
  private final FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3_600));
  private final FakeScheduler clock = new FakeScheduler(Instant.now());
  @TempDir Path root;
  private final Queue<Runnable> walkTasks = new ArrayDeque<>();
  private final Executor heldExecutor = walkTasks::add;
  private ContentBaseline baseline;

  @BeforeEach
  void setUp() throws IOException {
    write("src/main.rs", "fn main() {}\n");
    write("src/lib.rs", "pub fn one() -> i32 { 1 }\n");
    write("README.md", "# demo\n");
    baseline = new ContentBaseline(root, clock);
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, anHourAgo);
  }

  /** Writes as an editor would: new content, new modification time. */
  private void edit(String relative, String content) throws IOException {
    Files.writeString(root.resolve(relative), content);
  }

  private void takeBaseline() {
    CompletableFuture<Void> walk =
        baseline.takeInBackground((path, directory) -> false, heldExecutor);
    runWalk();
    assertThat(walk).isCompleted();
  }

  private void runWalk() {
    while (!walkTasks.isEmpty()) {
      walkTasks.remove().run();
    }
  }

  private List<String> reallyChanged(String... paths) {
    return baseline.reallyChanged(List.of(paths));
  }

  @Test
  void theWalkRunsOnTheGivenExecutorWithoutBlockingTheCaller() {
    CompletableFuture<Void> walk =
        baseline.takeInBackground((path, directory) -> false, heldExecutor);

    assertThat(walk).isNotDone();
    assertThat(walkTasks).hasSize(1);
    assertThat(baseline.size()).isZero();

    runWalk();

    assertThat(walk).isCompleted();
    assertThat(baseline.size()).isEqualTo(3);
  }

  @Test
  void aTouchThatKeepsTheContentIsUnchanged() throws IOException {
    takeBaseline();
    Files.setLastModifiedTime(root.resolve("src/main.rs"), FileTime.from(Instant.now()));

    assertThat(reallyChanged("src/main.rs")).isEmpty();
  }

  @Test
  void aSaveWithTheSameContentIsUnchanged() throws IOException {
    takeBaseline();
    edit("src/main.rs", "fn main() {}\n");

    assertThat(reallyChanged("src/main.rs")).isEmpty();
  }

  @Test
  void anEditIsChangedEvenWhenTheSizeStaysTheSame() throws IOException {
    takeBaseline();
    edit("src/lib.rs", "pub fn one() -> i32 { 2 }\n");

    assertThat(reallyChanged("src/lib.rs", "src/main.rs")).containsExactly("src/lib.rs");
  }

  @Test
  void aRunRecordsWhatItSawNotAnOlderReadOfTheFilter() throws IOException {
    takeBaseline();
    edit("src/lib.rs", "pub fn one() -> i32 { 2 }\n");
    Files.setLastModifiedTime(
        root.resolve("src/lib.rs"), FileTime.from(Instant.now().minusSeconds(60)));
    assertThat(reallyChanged("src/lib.rs")).containsExactly("src/lib.rs");

    // Saved again before the run starts, and its event arrived: the filter's read is stale by then.
    edit("src/lib.rs", "pub fn one() -> i32 { 333 }\n");
    baseline.readAhead(root.resolve("src/lib.rs"), walkTasks::add);
    baseline.commit(List.of("src/lib.rs"));

    // The run saw the 333 version, so going back to 2 is a change.
    edit("src/lib.rs", "pub fn one() -> i32 { 2 }\n");
    assertThat(reallyChanged("src/lib.rs")).containsExactly("src/lib.rs");
  }

  @Test
  void aFileReadAheadAtItsEventIsNotReadAgainAtTheCloseNorAtTheRun() throws IOException {
    takeBaseline();
    edit("src/lib.rs", "pub fn one() -> i32 { 2 }\n");
    baseline.readAhead(root.resolve("src/lib.rs"), Runnable::run);
    // Unreadable from now on: only the read ahead can answer.
    Files.delete(root.resolve("src/lib.rs"));

    assertThat(reallyChanged("src/lib.rs")).containsExactly("src/lib.rs");
    baseline.commit(List.of("src/lib.rs"));

    edit("src/lib.rs", "pub fn one() -> i32 { 2 }\n");
    assertThat(reallyChanged("src/lib.rs")).isEmpty();
  }

  @Test
  void aTouchReadAheadIsUnchangedAndLeavesNothingForTheRun() throws IOException {
    takeBaseline();
    Files.setLastModifiedTime(root.resolve("src/main.rs"), FileTime.from(Instant.now()));
    baseline.readAhead(root.resolve("src/main.rs"), Runnable::run);

    assertThat(reallyChanged("src/main.rs")).isEmpty();
  }

  @Test
  void aReadAheadStillQueuedAtTheCloseIsDoneThereAndItsLateResultIsDropped() throws IOException {
    takeBaseline();
    edit("src/lib.rs", "pub fn one() -> i32 { 2 }\n");
    baseline.readAhead(root.resolve("src/lib.rs"), walkTasks::add);

    assertThat(reallyChanged("src/lib.rs")).containsExactly("src/lib.rs");
    edit("src/lib.rs", "pub fn one() -> i32 { 333 }\n");
    baseline.readAhead(root.resolve("src/lib.rs"), walkTasks::add);
    runWalk();
    baseline.commit(List.of("src/lib.rs"));

    edit("src/lib.rs", "pub fn one() -> i32 { 333 }\n");
    assertThat(reallyChanged("src/lib.rs")).isEmpty();
  }

  @Test
  void eventsWhileAReadIsQueuedAskForOneRead() throws IOException {
    takeBaseline();
    for (int i = 0; i < 5; i++) {
      edit("src/lib.rs", "pub fn one() -> i32 { " + i + " }\n");
      baseline.readAhead(root.resolve("src/lib.rs"), walkTasks::add);
    }

    assertThat(walkTasks).hasSize(1);
    runWalk();
    assertThat(reallyChanged("src/lib.rs")).containsExactly("src/lib.rs");
  }

  @Test
  void aDeletionReadAheadIsChangedUntilARunHasSeenItGone() throws IOException {
    takeBaseline();
    Files.delete(root.resolve("README.md"));
    baseline.readAhead(root.resolve("README.md"), Runnable::run);

    assertThat(reallyChanged("README.md")).containsExactly("README.md");
    baseline.commit(List.of("README.md"));
    assertThat(reallyChanged("README.md")).isEmpty();
  }

  @Test
  void aRunRecordsTheFiltersReadWhenTheFileIsAsItWas() throws IOException {
    takeBaseline();
    edit("src/lib.rs", "pub fn one() -> i32 { 2 }\n");
    assertThat(reallyChanged("src/lib.rs")).containsExactly("src/lib.rs");
    baseline.commit(List.of("src/lib.rs"));

    assertThat(reallyChanged("src/lib.rs")).isEmpty();
    edit("src/lib.rs", "pub fn one() -> i32 { 1 }\n");
    assertThat(reallyChanged("src/lib.rs")).containsExactly("src/lib.rs");
  }

  @Test
  void anEditThenARevertIsUnchanged() throws IOException {
    takeBaseline();
    edit("src/lib.rs", "pub fn one() -> i32 { 2 }\n");
    edit("src/lib.rs", "pub fn one() -> i32 { 1 }\n");

    assertThat(reallyChanged("src/lib.rs")).isEmpty();
  }

  @Test
  void aRevertAfterARunOfTheEditIsChanged() throws IOException {
    takeBaseline();
    edit("src/lib.rs", "pub fn one() -> i32 { 2 }\n");
    baseline.commit(reallyChanged("src/lib.rs"));
    assertThat(reallyChanged("src/lib.rs")).isEmpty();

    edit("src/lib.rs", "pub fn one() -> i32 { 1 }\n");

    assertThat(reallyChanged("src/lib.rs")).containsExactly("src/lib.rs");
  }

  @Test
  void aNewFileIsChanged() throws IOException {
    takeBaseline();
    edit("src/new.rs", "");

    assertThat(reallyChanged("src/new.rs")).containsExactly("src/new.rs");
  }

  @Test
  void aDeletedFileIsChangedUntilARunHasSeenItGone() throws IOException {
    takeBaseline();
    Files.delete(root.resolve("README.md"));

    assertThat(reallyChanged("README.md")).containsExactly("README.md");
    baseline.commit(List.of("README.md"));
    assertThat(reallyChanged("README.md")).isEmpty();

    edit("README.md", "# back\n");
    assertThat(reallyChanged("README.md")).containsExactly("README.md");
  }

  @Test
  void aFileThatCameAndWentBetweenRunsIsChanged() throws IOException {
    takeBaseline();
    edit("tmp.txt", "x");
    Files.delete(root.resolve("tmp.txt"));

    assertThat(reallyChanged("tmp.txt")).containsExactly("tmp.txt");
  }

  @Test
  void anEventBeforeTheWalkReachedTheFileIsChanged() throws IOException {
    CompletableFuture<Void> walk =
        baseline.takeInBackground((path, directory) -> false, heldExecutor);
    edit("src/main.rs", "fn main() { println!(\"hi\"); }\n");
    baseline.readAhead(root.resolve("src/main.rs"), Runnable::run);

    assertThat(reallyChanged("src/main.rs")).containsExactly("src/main.rs");

    runWalk();

    assertThat(walk).isCompleted();
    assertThat(reallyChanged("src/main.rs", "src/lib.rs")).containsExactly("src/main.rs");
  }

  @Test
  void sameSizeAndTimeCountAsUnchangedWithoutReading() throws IOException {
    takeBaseline();
    edit("src/lib.rs", "pub fn one() -> i32 { 2 }\n");
    Files.setLastModifiedTime(root.resolve("src/lib.rs"), anHourAgo);

    assertThat(reallyChanged("src/lib.rs")).isEmpty();
  }

  @Test
  void aFileRecordedRightAfterItsLastWriteIsHashedNextTime() throws IOException {
    takeBaseline();
    edit("src/lib.rs", "pub fn one() -> i32 { 2 }\n");
    FileTime writtenAt = Files.getLastModifiedTime(root.resolve("src/lib.rs"));
    baseline.commit(List.of("src/lib.rs"));

    edit("src/lib.rs", "pub fn one() -> i32 { 3 }\n");
    Files.setLastModifiedTime(root.resolve("src/lib.rs"), writtenAt);

    assertThat(reallyChanged("src/lib.rs")).containsExactly("src/lib.rs");
  }

  @Test
  void ignoredFilesAndDirectoriesAreNotRecorded() throws IOException {
    write("target/debug/app", "binary");
    write("notes.log", "log");
    CompletableFuture<Void> walk =
        baseline.takeInBackground(
            (path, directory) -> path.endsWith("target") || path.toString().endsWith(".log"),
            heldExecutor);
    runWalk();

    assertThat(walk).isCompleted();

    assertThat(baseline.size()).isEqualTo(3);
    assertThat(reallyChanged("target/debug/app", "notes.log", "README.md"))
        .containsExactly("target/debug/app", "notes.log");
  }

  /** Written as a build or checkout would just before the daemon started: no event to come. */
  private void writeJustBefore(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(clock.now().minusMillis(500)));
  }

  private void touch(String relative) throws IOException {
    Files.setLastModifiedTime(root.resolve(relative), FileTime.from(clock.now()));
  }

  @Test
  void aFileWrittenJustBeforeTheWalkIsRecordedOnceTheRacyWindowHasPassed() throws IOException {
    writeJustBefore("src/fresh.rs", "fn fresh() {}\n");
    CompletableFuture<Void> walk =
        baseline.takeInBackground((path, directory) -> false, heldExecutor);
    runWalk();
    assertThat(baseline.size()).isEqualTo(3);
    assertThat(walk).isNotDone();

    clock.advance(ContentBaseline.RACY_WINDOW);
    runWalk();

    assertThat(walk).isCompleted();
    assertThat(baseline.size()).isEqualTo(4);
    touch("src/fresh.rs");
    assertThat(reallyChanged("src/fresh.rs")).isEmpty();
    edit("src/fresh.rs", "fn fresh() {}\n");
    assertThat(reallyChanged("src/fresh.rs")).isEmpty();
    edit("src/fresh.rs", "fn fresh() { 1; }\n");
    assertThat(reallyChanged("src/fresh.rs")).containsExactly("src/fresh.rs");
  }

  @Test
  void aFileWrittenJustBeforeTheWalkThatSentAnEventIsLeftToItsRun() throws IOException {
    writeJustBefore("src/fresh.rs", "fn fresh() {}\n");
    CompletableFuture<Void> walk =
        baseline.takeInBackground((path, directory) -> false, heldExecutor);
    runWalk();
    // Saved again after the watches were registered: its batch counts it as changed, and the
    // content the run sees is what gets recorded, not what the late re-read would find.
    edit("src/fresh.rs", "fn fresh() { 2; }\n");
    Files.setLastModifiedTime(
        root.resolve("src/fresh.rs"), FileTime.from(clock.now().minusMillis(400)));
    baseline.readAhead(root.resolve("src/fresh.rs"), Runnable::run);

    clock.advance(ContentBaseline.RACY_WINDOW);
    runWalk();

    assertThat(walk).isCompleted();
    assertThat(reallyChanged("src/fresh.rs")).containsExactly("src/fresh.rs");
  }

  @Test
  void aFileStillBeingWrittenWhenTheWindowPassesIsReadAgainOneWindowLater() throws IOException {
    writeJustBefore("src/fresh.rs", "fn fresh() {}\n");
    CompletableFuture<Void> walk =
        baseline.takeInBackground((path, directory) -> false, heldExecutor);
    runWalk();

    clock.advance(ContentBaseline.RACY_WINDOW.minusMillis(1));
    touch("src/fresh.rs");
    clock.advance(Duration.ofMillis(1));
    runWalk();
    assertThat(walk).isNotDone();
    assertThat(baseline.size()).isEqualTo(3);

    clock.advance(ContentBaseline.RACY_WINDOW);
    runWalk();

    assertThat(walk).isCompleted();
    assertThat(baseline.size()).isEqualTo(4);
  }

  @Test
  void aFileThatNeverSettlesStaysUnknownAndTheWalkStillEnds() throws IOException {
    writeJustBefore("src/fresh.rs", "fn fresh() {}\n");
    CompletableFuture<Void> walk =
        baseline.takeInBackground((path, directory) -> false, heldExecutor);
    runWalk();

    for (int i = 0; i < 20 && !walk.isDone(); i++) {
      clock.advance(ContentBaseline.RACY_WINDOW.minusMillis(1));
      touch("src/fresh.rs");
      clock.advance(Duration.ofMillis(1));
      runWalk();
    }

    assertThat(walk).isCompleted();
    assertThat(reallyChanged("src/fresh.rs")).containsExactly("src/fresh.rs");
  }

  @Test
  void aBatcherWithTheBaselineRunsNothingForATouch() throws IOException {
    takeBaseline();
    FakeScheduler scheduler = new FakeScheduler();
    List<ClosedBatch> batches = new ArrayList<>();
    DebouncedBatcher batcher =
        DebouncedBatcher.builder(root, scheduler)
            .debounce(Duration.ofMillis(20))
            .maxWait(Duration.ofSeconds(2))
            .contentFilter(baseline::reallyChanged)
            .build(batches::add);

    Files.setLastModifiedTime(root.resolve("src/main.rs"), FileTime.from(Instant.now()));
    batcher.offer(new FileEvent(Kind.MODIFIED, root.resolve("src/main.rs"), false));
    scheduler.advance(Duration.ofMillis(20));
    assertThat(batches).isEmpty();

    edit("src/lib.rs", "pub fn one() -> i32 { 2 }\n");
    batcher.offer(new FileEvent(Kind.MODIFIED, root.resolve("src/main.rs"), false));
    batcher.offer(new FileEvent(Kind.MODIFIED, root.resolve("src/lib.rs"), false));
    scheduler.advance(Duration.ofMillis(20));
    assertThat(batches).extracting(b -> b.batch().changed()).containsExactly(List.of("src/lib.rs"));
  }
}
