package dev.vigil.batch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Benchmark, not a test: the CPU the content record spends reading and hashing files, with the
 * SHA-256 it takes now ({@link ContentHasher}) next to the CRC32C+CRC32 pair it took before, in the
 * same process on the same files (page cache warm), alternating, so that both see the same load.
 *
 * <pre>
 *   java -cp ... dev.vigil.batch.ContentHashBench TREE [ROUNDS] [BIG_FILE_MIB]
 * </pre>
 *
 * Prints per algorithm the median thread CPU seconds to read every regular file under TREE, and the
 * median MB/s over one generated file of BIG_FILE_MIB MiB.
 */
public final class ContentHashBench {
  private ContentHashBench() {}

  interface Hasher {
    Object hash(Path file, long size) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    Path tree = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int bigMib = args.length > 2 ? Integer.parseInt(args[2]) : 256;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(tree)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    long[] sizes = new long[files.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = Files.size(files.get(i));
    }
    Hasher sha = ContentHasher::hash;
    Hasher crc = ContentHashBench::crcPair;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Long> shaTimes = new ArrayList<>();
    List<Long> crcTimes = new ArrayList<>();
    for (int r = -1; r < rounds; r++) { // round -1 warms the page cache and the JIT
      long c = cpu(threads, files, sizes, crc);
      long s = cpu(threads, files, sizes, sha);
      if (r >= 0) {
        crcTimes.add(c);
        shaTimes.add(s);
      }
    }
    System.out.printf(
        "files=%d rounds=%d  read+hash CPU s, median: crc32c+crc32 %.3f  sha-256 %.3f  (%.2f us/file"
            + " more)%n",
        files.size(),
        rounds,
        median(crcTimes) / 1e9,
        median(shaTimes) / 1e9,
        (median(shaTimes) - median(crcTimes)) / 1e3 / files.size());
    Path big = Files.createTempFile("vigil-hash-bench", ".bin");
    try {
      byte[] chunk = new byte[1 << 20];
      new Random(1).nextBytes(chunk);
      try (var out = Files.newOutputStream(big)) {
        for (int i = 0; i < bigMib; i++) {
          out.write(chunk);
        }
      }
      long bytes = Files.size(big);
      List<Long> bigSha = new ArrayList<>();
      List<Long> bigCrc = new ArrayList<>();
      for (int r = -1; r < rounds; r++) {
        long c = cpu(threads, List.of(big), new long[] {bytes}, crc);
        long s = cpu(threads, List.of(big), new long[] {bytes}, sha);
        if (r >= 0) {
          bigCrc.add(c);
          bigSha.add(s);
        }
      }
      System.out.printf(
          "one %d MiB file, MB/s of CPU, median: crc32c+crc32 %.0f  sha-256 %.0f%n",
          bigMib, bytes / (median(bigCrc) / 1e3), bytes / (median(bigSha) / 1e3));
    } finally {
      Files.deleteIfExists(big);
    }
  }

  private static long cpu(ThreadMXBean threads, List<Path> files, long[] sizes, Hasher h)
      throws IOException {
    long start = threads.getCurrentThreadCpuTime();
    int sink = 0;
    for (int i = 0; i < sizes.length; i++) {
      sink += h.hash(files.get(i), sizes[i]).hashCode();
    }
    long took = threads.getCurrentThreadCpuTime() - start;
    if (sink == 42) {
      System.out.print(""); // keeps the results alive
    }
    return took;
  }

  private static long median(List<Long> values) {
    long[] v = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  /** The content hash the record took before: CRC32C high, CRC32 low, 64 KiB chunks. */
  static Long crcPair(Path file, long expectedSize) throws IOException {
    CRC32C castagnoli = new CRC32C();
    CRC32 ieee = new CRC32();
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(1, Math.min(1 << 16, expectedSize + 1)));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        castagnoli.update(buffer.duplicate());
        ieee.update(buffer);
        buffer.clear();
      }
    }
    return (castagnoli.getValue() << 32) | ieee.getValue();
  }
}
