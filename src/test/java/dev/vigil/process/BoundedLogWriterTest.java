package dev.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedLogWriterTest {
  @TempDir Path dir;

  private byte[] numberedLines(int count) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      out.writeBytes(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private Path write(byte[] data, long limit, int chunk) throws Exception {
    Path log = dir.resolve("runs/r1/stage.log");
    try (BoundedLogWriter writer = new BoundedLogWriter(log, limit)) {
      for (int off = 0; off < data.length; off += chunk) {
        writer.write(data, off, Math.min(chunk, data.length - off));
      }
    }
    return log;
  }

  private static List<Path> filesIn(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void outputUnderTheLimitIsWrittenExactlyAndNoTempFileRemains() throws Exception {
    byte[] data = numberedLines(300); // a little over 2 KiB
    Path log = write(data, 4096, 7);

    assertThat(Files.readAllBytes(log)).isEqualTo(data);
    assertThat(filesIn(log.getParent())).containsExactly(log);
  }

  @Test
  void outputExactlyAtTheLimitIsWrittenExactly() throws Exception {
    byte[] data = new byte[2048];
    Arrays.fill(data, (byte) 'q');
    Path log = write(data, 2048, 100);

    assertThat(Files.readAllBytes(log)).isEqualTo(data);
  }

  @Test
  void floodKeepsHeadMarkerAndTailWithinTheLimit() throws Exception {
    byte[] data = numberedLines(100_000);
    long limit = 4096;
    Path log = write(data, limit, 333);

    byte[] written = Files.readAllBytes(log);
    assertThat((long) written.length).isEqualTo(limit);
    byte[] head = Arrays.copyOf(written, (int) (limit / 2));
    assertThat(head).isEqualTo(Arrays.copyOf(data, (int) (limit / 2)));

    String text = new String(written, StandardCharsets.UTF_8);
    Matcher marker = Pattern.compile("\n?\\[vigil: (\\d+) bytes dropped]\n").matcher(text);
    assertThat(marker.find(head.length)).isTrue();
    assertThat(marker.start()).isEqualTo(head.length);
    byte[] tail = Arrays.copyOfRange(written, marker.end(), written.length);
    assertThat(tail).isEqualTo(Arrays.copyOfRange(data, data.length - tail.length, data.length));
    long dropped = Long.parseLong(marker.group(1));
    assertThat(head.length + dropped + tail.length).isEqualTo(data.length);
    assertThat(text).endsWith("line 99999\n");
    assertThat(filesIn(log.getParent())).containsExactly(log);
  }
}
