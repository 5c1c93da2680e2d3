package dev.vigil.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.batch.ContentBaseline;
import dev.vigil.config.CacheSettings;
import dev.vigil.config.ProjectConfig;
import dev.vigil.config.RetryPolicy;
import dev.vigil.config.StageCacheConfig;
import dev.vigil.config.StageConfig;
import dev.vigil.config.TestProjects;
import dev.vigil.time.FakeScheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage's key covers the SHA-256 of each input file's bytes, as vigil's content record reads
 * them, composed as docs/cache.md says.
 */
class ContentKeyTest {
  @TempDir Path state;
  @TempDir Path one;
  @TempDir Path two;

  final FakeScheduler clock = new FakeScheduler(Instant.now());
  final FileTime anHourAgo = FileTime.from(Instant.now().minusSeconds(3_600));
  final Queue<Runnable> tasks = new ArrayDeque<>();

  final StageConfig clippy =
      new StageConfig(
          "clippy",
          "cargo clippy -- -D warnings",
          List.of(),
          List.of(),
          Duration.ofMinutes(1),
          Duration.ofSeconds(1),
          RetryPolicy.NONE,
          Map.of("RUST_BACKTRACE", "1", "A_FIRST", "x"),
          "cargo-json",
          false,
          new StageCacheConfig(true, List.of(), List.of("TOOLCHAIN"), List.of("echo rustc 1.80")));

  /** A project at {@code root} with its content record taken, as a daemon's start takes it. */
  final class Project {
    final Path root;
    final ContentBaseline baseline;
    final ProjectCache cache;

    Project(Path root) {
      this.root = root;
      this.baseline = new ContentBaseline(root, clock);
      CompletableFuture<Void> walk =
          baseline.takeInBackground((path, directory) -> false, tasks::add);
      while (!tasks.isEmpty()) {
        tasks.remove().run();
      }
      assertThat(walk).isCompleted();
      StageCache stageCache =
          new StageCache(
              state,
              new CacheSettings(1 << 20, Optional.empty()),
              Map.of("TOOLCHAIN", "stable"),
              clock,
              Runnable::run,
              note -> {});
      ProjectConfig config =
          TestProjects.at(root).name("core").runsOnStart().stages(clippy).build();
      this.cache = stageCache.project(config, baseline::recorded);
      cache.inputsKnown(baseline.knownPaths());
    }

    String key() {
      return cache.lookup(clippy).join().key().orElseThrow();
    }

    /** A save, then the run that starts on it records it. */
    void save(String relative, byte[] bytes) throws IOException {
      write(root, relative, bytes);
      baseline.commit(List.of(relative));
      cache.inputsRecorded(List.of(relative), true);
    }
  }

  void write(Path root, String relative, byte[] bytes) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    Files.setLastModifiedTime(file, anHourAgo);
  }

  void tree(Path root, byte[] lib) throws IOException {
    write(root, "Cargo.toml", "[package]\nname = \"core\"\n".getBytes(StandardCharsets.UTF_8));
    write(root, "src/main.rs", "fn main() {}\n".getBytes(StandardCharsets.UTF_8));
    write(root, "src/lib.rs", lib);
  }

  @Test
  void twoContentsOfTheSameSizeThatCollideInA64BitCrcGiveDifferentKeys() throws IOException {
    byte[] left = "pub fn answer() -> u32 { 42 } // the answer\n".getBytes(StandardCharsets.UTF_8);
    byte[] right = crcTwin(left);
    assertThat(right).hasSameSizeAs(left).isNotEqualTo(left);
    // The 64-bit hash the key took before (CRC32C and CRC32) cannot tell these two apart.
    assertThat(crcPair(right)).isEqualTo(crcPair(left));
    tree(one, left);
    tree(two, right);

    assertThat(new Project(one).key()).isNotEqualTo(new Project(two).key());
  }

  @Test
  void theSameTreeInTwoPlacesGetsTheSameKey() throws IOException {
    byte[] lib = "pub fn one() -> u32 { 1 }\n".getBytes(StandardCharsets.UTF_8);
    tree(one, lib);
    tree(two, lib);

    assertThat(new Project(one).key()).isEqualTo(new Project(two).key());
  }

  @Test
  void theKeyChangesWithAFilesContentAndComesBackWithIt() throws IOException {
    byte[] before = "pub fn one() -> u32 { 1 }\n".getBytes(StandardCharsets.UTF_8);
    tree(one, before);
    Project project = new Project(one);
    String first = project.key();

    project.save("src/lib.rs", "pub fn one() -> u32 { 2 }\n".getBytes(StandardCharsets.UTF_8));
    String edited = project.key();
    project.save("src/lib.rs", before);

    assertThat(edited).isNotEqualTo(first);
    assertThat(project.key()).isEqualTo(first);
  }

  @Test
  void theKeyIsTheSha256OfTheDocumentedComposition() throws IOException {
    tree(one, "pub fn one() -> u32 { 1 }\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 300; i++) { // enough files for several to share a bucket
      write(one, "src/m" + (i % 7) + "/f" + i + ".rs", ("// " + i + "\n").getBytes());
    }
    Project project = new Project(one);
    project.save("src/m3/f3.rs", "// changed\n".getBytes(StandardCharsets.UTF_8));

    assertThat(project.key()).isEqualTo(expectedKey(one));
  }

  /** The key as docs/cache.md composes it, from the files' bytes. */
  String expectedKey(Path root) throws IOException {
    ByteArrayOutputStream key = new ByteArrayOutputStream();
    field(key, "vigil-cache", "2");
    field(key, "shell", "sh -c");
    field(key, "dir", ".");
    field(key, "run", "cargo clippy -- -D warnings");
    field(key, "format", "cargo-json");
    field(key, "env", "A_FIRST=x");
    field(key, "env", "RUST_BACKTRACE=1");
    field(key, "var", "TOOLCHAIN=stable");
    field(key, "tool", "echo rustc 1.80\0rustc 1.80\n\nexit 0");
    field(key, "inputs", HexFormat.of().formatHex(inputsDigest(root)));
    return HexFormat.of().formatHex(sha256(key.toByteArray()));
  }

  static void field(ByteArrayOutputStream out, String name, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
    out.write(0);
    out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    out.write(0);
    out.writeBytes(bytes);
  }

  /**
   * The (path, SHA-256 of content) list in 1,024 buckets by the first 10 bits of SHA-256(path);
   * SHA-256 of each bucket's entries in path order; SHA-256 of the bucket digests in order.
   */
  static byte[] inputsDigest(Path root) throws IOException {
    List<TreeMap<String, byte[]>> buckets =
        Stream.generate(() -> new TreeMap<String, byte[]>()).limit(1024).toList();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String path = root.relativize(file).toString();
        byte[] name = sha256(path.getBytes(StandardCharsets.UTF_8));
        int bucket = ((name[0] & 0xff) << 2) | ((name[1] & 0xff) >> 6);
        buckets.get(bucket).put(path, sha256(Files.readAllBytes(file)));
      }
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (TreeMap<String, byte[]> bucket : buckets) {
      ByteArrayOutputStream entries = new ByteArrayOutputStream();
      bucket.forEach(
          (path, content) -> {
            byte[] name = path.getBytes(StandardCharsets.UTF_8);
            entries.writeBytes(ByteBuffer.allocate(4).putInt(name.length).array());
            entries.writeBytes(name);
            entries.writeBytes(content);
          });
      all.writeBytes(sha256(entries.toByteArray()));
    }
    return sha256(all.toByteArray());
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** CRC32C in the high half, CRC32 in the low half. */
  static long crcPair(byte[] bytes) {
    CRC32C castagnoli = new CRC32C();
    castagnoli.update(bytes);
    CRC32 ieee = new CRC32();
    ieee.update(bytes);
    return (castagnoli.getValue() << 32) | ieee.getValue();
  }

  /**
   * Other bytes of the same length with the same {@link #crcPair}: CRCs are linear, so flipping a
   * set of bits whose effects on the 64 CRC bits cancel out leaves both CRCs as they were. The
   * first 96 bits are tried; Gaussian elimination over GF(2) finds such a set among them.
   */
  static byte[] crcTwin(byte[] bytes) {
    long base = crcPair(bytes);
    int n = 96;
    long[] effect = new long[n];
    BigInteger[] combination = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      byte[] flipped = bytes.clone();
      flipped[i / 8] ^= (byte) (1 << (i % 8));
      effect[i] = crcPair(flipped) ^ base;
      combination[i] = BigInteger.ONE.shiftLeft(i);
    }
    int row = 0;
    for (int bit = 63; bit >= 0 && row < n; bit--) {
      int pivot = -1;
      for (int i = row; i < n; i++) {
        if ((effect[i] >>> bit & 1) != 0) {
          pivot = i;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      long e = effect[pivot];
      effect[pivot] = effect[row];
      effect[row] = e;
      BigInteger c = combination[pivot];
      combination[pivot] = combination[row];
      combination[row] = c;
      for (int i = 0; i < n; i++) {
        if (i != row && (effect[i] >>> bit & 1) != 0) {
          effect[i] ^= effect[row];
          combination[i] = combination[i].xor(combination[row]);
        }
      }
      row++;
    }
    BigInteger flips = combination[n - 1]; // rank <= 64 < 96: this row cancels out
    assertThat(effect[n - 1]).isZero();
    byte[] twin = bytes.clone();
    for (int i = 0; i < n; i++) {
      if (flips.testBit(i)) {
        twin[i / 8] ^= (byte) (1 << (i % 8));
      }
    }
    return twin;
  }
}
