package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.time.FakeScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted daemon takes the content record from the state dir and reads only what changed. */
class ContentRecordFileTest {
  private final FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3_600));
  private final FileTime halfAnHourAgo = FileTime.from(Instant.now().minusSeconds(1_800));
  private final FakeScheduler clock = new FakeScheduler(Instant.now());
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  @TempDir Path root;
  @TempDir Path stateDir;
  private Path recordFile;

  @BeforeEach
  void setUp() throws IOException {
    recordFile = stateDir.resolve("content/demo.record");
    write("src/main.rs", "fn main() {}\n", anHourAgo);
    write("src/lib.rs", "pub fn one() -> i32 { 1 }\n", anHourAgo);
    write("README.md", "# demo\n", anHourAgo);
  }

  private void write(String relative, String content, FileTime mtime) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, mtime);
  }

  /** A daemon's start: load the record (if any), walk, save. */
  private ContentBaseline start() throws IOException {
    ContentBaseline baseline = new ContentBaseline(root, clock);
    baseline.loadRecord(recordFile);
    CompletableFuture<Void> walk =
        baseline.takeInBackground((path, directory) -> false, tasks::add);
    while (!tasks.isEmpty()) {
      tasks.remove().run();
    }
    assertThat(walk).isCompleted();
    baseline.saveRecord(recordFile);
    return baseline;
  }

  @Test
  void aRestartReadsOnlyTheFilesWhoseSizeOrTimeChanged() throws IOException {
    ContentBaseline first = start();
    assertThat(first.startUpReads()).isEqualTo(3);

    write(
        "src/lib.rs", "pub fn one() -> i32 { 2 }\n", halfAnHourAgo); // same size, saved while down
    ContentBaseline second = start();

    assertThat(second.startUpReads()).isEqualTo(1);
    assertThat(second.size()).isEqualTo(3);
    assertThat(second.recorded("README.md")).isEqualTo(first.recorded("README.md"));
    assertThat(second.recorded("src/lib.rs").hash())
        .isNotEqualTo(first.recorded("src/lib.rs").hash())
        .isEqualTo(ContentHasher.hash(root.resolve("src/lib.rs"), 26));
  }

  @Test
  void aSaveWhileDownIsTakenAsTheNewStateNotAsAChange() throws IOException {
    start();
    write("src/lib.rs", "pub fn one() -> i32 { 2 }\n", halfAnHourAgo);

    ContentBaseline second = start();

    // As on a first start, the walk records what it finds: the next save of it compares with that.
    assertThat(second.reallyChanged(java.util.List.of("src/lib.rs"))).isEmpty();
  }

  @Test
  void aTruncatedRecordIsIgnoredAndEveryFileRead() throws IOException {
    start();
    byte[] bytes = Files.readAllBytes(recordFile);
    Files.write(recordFile, Arrays.copyOf(bytes, bytes.length / 2));

    ContentBaseline second = start();

    assertThat(second.startUpReads()).isEqualTo(3);
    assertThat(second.size()).isEqualTo(3);
  }

  @Test
  void aCorruptRecordIsIgnoredAndEveryFileRead() throws IOException {
    start();
    byte[] bytes = Files.readAllBytes(recordFile);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(recordFile, bytes);

    assertThat(start().startUpReads()).isEqualTo(3);
  }

  @Test
  void garbageOrAnEmptyFileIsIgnored() throws IOException {
    Files.createDirectories(recordFile.getParent());
    Files.write(recordFile, new byte[0]);
    assertThat(start().startUpReads()).isEqualTo(3);

    Files.writeString(recordFile, "not a record at all, but long enough to parse");
    assertThat(start().startUpReads()).isEqualTo(3);
  }

  @Test
  void aRecordOfAnotherRootIsIgnored() throws IOException {
    ContentRecordFile.save(
        recordFile,
        root.resolve("elsewhere"),
        Map.of("README.md", new Fingerprint(7, FileReads.nanos(anHourAgo), 42)),
        FileReads.nanos(clock.now()));

    ContentBaseline baseline = start();

    assertThat(baseline.startUpReads()).isEqualTo(3);
    assertThat(baseline.recorded("README.md").hash()).isNotEqualTo(42);
  }

  @Test
  void aTimeTooCloseToTheSaveIsNotTrustedAtTheNextStart() throws IOException {
    long savedAt = FileReads.nanos(clock.now());
    long racy = savedAt - ContentBaseline.RACY_WINDOW.toNanos() / 2;
    long settled = savedAt - 10 * ContentBaseline.RACY_WINDOW.toNanos();
    ContentRecordFile.save(
        recordFile,
        root,
        Map.of("a", new Fingerprint(1, racy, 1), "b", new Fingerprint(1, settled, 2)),
        savedAt);

    Map<String, Fingerprint> loaded = ContentRecordFile.load(recordFile, root);

    assertThat(loaded.get("a").mtimeNanos()).isEqualTo(Fingerprint.UNTRUSTED_MTIME);
    assertThat(loaded.get("b")).isEqualTo(new Fingerprint(1, settled, 2));
  }

  @Test
  void anUntrustedEntryIsReadAgainEvenWithSizeAndTimeUnchanged() throws IOException {
    Path readme = root.resolve("README.md");
    ContentRecordFile.save(
        recordFile,
        root,
        Map.of("README.md", new Fingerprint(Files.size(readme), Fingerprint.UNTRUSTED_MTIME, 42)),
        FileReads.nanos(clock.now()));

    ContentBaseline baseline = start();

    assertThat(baseline.startUpReads()).isEqualTo(3);
    assertThat(baseline.recorded("README.md").hash())
        .isEqualTo(ContentHasher.hash(readme, Files.size(readme)));
  }

  @Test
  void theRecordIsOwnerOnlyAndNoTempFileIsLeft() throws IOException {
    start();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(recordFile)))
        .isEqualTo("rw-------");
    try (var listing = Files.list(recordFile.getParent())) {
      assertThat(listing).containsExactly(recordFile);
    }
  }
}
