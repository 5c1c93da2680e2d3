package dev.vigil.diagnostics;

import dev.vigil.run.Diagnostic;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates a 50 MB mixed compiler log and times parsing it with each given format (default: auto,
 * gcc, generic), printing MB/s and heap use. Run by bench/diagnostics-parse.sh.
 */
public final class ParseBench {
  private static final long TARGET_BYTES = 50L * 1024 * 1024;

  private ParseBench() {}

  public static void main(String[] args) throws IOException {
    Path log = Files.createTempFile("vigil-bench-", ".log");
    try {
      long bytes = generate(log);
      List<String> formats = args.length == 0 ? List.of("auto", "gcc", "generic") : List.of(args);
      System.out.printf("log: %s, %.1f MB%n", log, bytes / 1e6);
      for (int round = 0; round < 2; round++) {
        for (String format : formats) {
          time(format, log, bytes, round == 0 ? "warm-up" : "measured");
        }
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void time(String format, Path log, long bytes, String label) throws IOException {
    resetPeaks();
    long start = System.nanoTime();
    DiagnosticParser parser = DiagnosticParsers.parser(format, Path.of("/home/dev/engine"));
    long lines = 0;
    try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        parser.accept(line);
        lines++;
      }
    }
    List<Diagnostic> found = parser.finish();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%-8s %-8s %,d lines, %d diagnostics in %.2f s = %.0f MB/s, peak heap %.1f MB%n",
        label, format, lines, found.size(), seconds, bytes / 1e6 / seconds, peakHeapMb());
  }

  /**
   * Mostly noise, like a real build: progress lines, colour, source excerpts, "In function"
   * headers; diagnostics only in every 250th block, so that they stay under the per-stage limit and
   * every line of the log has to be examined.
   */
  private static long generate(Path log) throws IOException {
    long written = 0;
    int i = 0;
    try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      while (written < TARGET_BYTES) {
        boolean diagnostics = i % 250 == 0;
        String[] block = {
          "[" + (i % 100) + "%] Building C object CMakeFiles/engine.dir/src/module" + i + ".c.o",
          diagnostics
              ? "/home/dev/engine/src/module"
                  + i
                  + ".c:"
                  + (i % 900 + 1)
                  + ":"
                  + (i % 40 + 1)
                  + ": warning: unused variable ‘tmp"
                  + i
                  + "’ [-Wunused-variable]"
              : "/home/dev/engine/src/module" + i + ".c: In function ‘compute" + i + "’:",
          "  " + (i % 900 + 1) + " |     int tmp" + i + " = compute(a, b, c);",
          "      |         ^~~~",
          diagnostics
              ? "\u001B[01m\u001B[Ksrc/util.c:"
                  + (i % 300 + 1)
                  + ":5:\u001B[m\u001B[K \u001B[01;31m"
                  + "\u001B[Kerror: \u001B[m\u001B[Kexpected ‘;’ before ‘}’ token "
                  + i
              : "\u001B[01m\u001B[Ksrc/util.c:\u001B[m\u001B[K required from here (line " + i + ")",
          "In file included from src/engine.h:3,",
          "make[2]: *** [CMakeFiles/engine.dir/build.make:76: all] Error 1",
          "    Finished compiling " + i + " of many units; nothing to see here at all",
        };
        for (String line : block) {
          out.write(line);
          out.write('\n');
          written += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        i++;
      }
    }
    return written;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static double peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / 1e6;
  }
}
