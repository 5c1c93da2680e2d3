package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.time.FakeScheduler;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;
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
    assertThat(second.recorded("src/lib.rs").sha256())
        .isNotEqualTo(first.recorded("src/lib.rs").sha256())
        .isEqualTo(sha256Of("src/lib.rs"));
  }

  @Test
  void theRecordIsReadOnTheWalksExecutorNotOnTheCallersThread() throws IOException {
    start();
    ContentBaseline second = new ContentBaseline(root, clock);
    second.loadRecord(recordFile);
    CompletableFuture<Void> walk = second.takeInBackground((path, directory) -> false, tasks::add);
    // The caller (the daemon's start, before it is ready) has not read the record: gone now, it
    // is missed by the walk, which then reads every file.
    Files.delete(recordFile);
    while (!tasks.isEmpty()) {
      tasks.remove().run();
    }

    assertThat(walk).isCompleted();
    assertThat(second.startUpReads()).isEqualTo(3);
    assertThat(second.size()).isEqualTo(3);
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
    save(
        root.resolve("elsewhere"),
        Map.of("README.md", new Fingerprint(7, FileReads.nanos(anHourAgo), 42, 0, 0, 0)),
        FileReads.nanos(clock.now()));

    ContentBaseline baseline = start();

    assertThat(baseline.startUpReads()).isEqualTo(3);
    assertThat(baseline.recorded("README.md").sha256()).isEqualTo(sha256Of("README.md"));
  }

  @Test
  void aTimeTooCloseToTheSaveIsNotTrustedAtTheNextStart() throws IOException {
    long savedAt = FileReads.nanos(clock.now());
    long racy = savedAt - ContentBaseline.RACY_WINDOW.toNanos() / 2;
    long settled = savedAt - 10 * ContentBaseline.RACY_WINDOW.toNanos();
    save(
        root,
        Map.of(
            "a",
            new Fingerprint(1, racy, 1, 2, 3, 4),
            "b",
            new Fingerprint(1, settled, 5, 6, 7, 8)),
        savedAt);

    RecordedFingerprints loaded = ContentRecordFile.load(recordFile, root);

    assertThat(loaded.get("a").mtimeNanos()).isEqualTo(Fingerprint.UNTRUSTED_MTIME);
    assertThat(loaded.get("b")).isEqualTo(new Fingerprint(1, settled, 5, 6, 7, 8));
  }

  @Test
  void anUntrustedEntryIsReadAgainEvenWithSizeAndTimeUnchanged() throws IOException {
    Path readme = root.resolve("README.md");
    save(
        root,
        Map.of(
            "README.md",
            new Fingerprint(Files.size(readme), Fingerprint.UNTRUSTED_MTIME, 42, 0, 0, 0)),
        FileReads.nanos(clock.now()));

    ContentBaseline baseline = start();

    assertThat(baseline.startUpReads()).isEqualTo(3);
    assertThat(baseline.recorded("README.md").sha256()).isEqualTo(sha256Of("README.md"));
  }

  @Test
  void theRecordKeepsTheSha256OfEachFile() throws IOException {
    write("a.txt", "left\n", anHourAgo);
    write("b.txt", "rght\n", anHourAgo); // same size, other bytes
    start();

    RecordedFingerprints saved = ContentRecordFile.load(recordFile, root);

    assertThat(saved.get("a.txt").digest()).isEqualTo(sha256Of("a.txt"));
    assertThat(saved.get("b.txt").digest())
        .isEqualTo(sha256Of("b.txt"))
        .isNotEqualTo(saved.get("a.txt").digest());
    // as `printf 'left\n' | sha256sum` prints it
    assertThat(saved.get("a.txt").digest().hex())
        .isEqualTo("14156f2c20b45bf665145b1c56eda12810f16be3e85007050928ecd6556d283a");
  }

  @Test
  void aRecordOfTheFormerFormatIsIgnoredAndEveryFileReadAgain() throws IOException {
    // Version 1 kept a 64-bit CRC pair per file: its hashes cannot stand for SHA-256 digests.
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(body)) {
      out.writeInt(ContentRecordFile.MAGIC);
      out.writeInt(1);
      out.writeUTF(root.toAbsolutePath().normalize().toString());
      out.writeInt(1);
      out.writeUTF("README.md");
      out.writeLong(Files.size(root.resolve("README.md")));
      out.writeLong(FileReads.nanos(anHourAgo));
      out.writeLong(42);
    }
    CRC32C crc = new CRC32C();
    crc.update(body.toByteArray());
    Files.createDirectories(recordFile.getParent());
    Files.write(
        recordFile,
        ByteBuffer.allocate(body.size() + Long.BYTES)
            .put(body.toByteArray())
            .putLong(crc.getValue())
            .array());

    ContentBaseline baseline = start();

    assertThat(baseline.startUpReads()).isEqualTo(3);
    assertThat(baseline.recorded("README.md").sha256()).isEqualTo(sha256Of("README.md"));
    assertThat(ContentRecordFile.load(recordFile, root).size())
        .isEqualTo(3); // saved again, new format
  }

  private ContentDigest sha256Of(String relative) throws IOException {
    return ContentDigest.of(sha256(Files.readAllBytes(root.resolve(relative))));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
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

  /** Saves these entries for {@code savedRoot} as a daemon would have recorded them. */
  private void save(Path savedRoot, Map<String, Fingerprint> entries, long writtenAtNanos)
      throws IOException {
    RecordedFingerprints table = new RecordedFingerprints();
    entries.forEach(table::put);
    ContentRecordFile.save(recordFile, savedRoot, table, writtenAtNanos);
  }
}
