package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.run.RunRecord;
import dev.vigil.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileWriterTest {
  @TempDir Path tmp;
  private final Json json = new Json();

  private static StatusSnapshot snapshot(int projects) {
    List<ProjectStatus> list = new ArrayList<>();
    for (int i = 0; i < projects; i++) {
      RunRecord last = i % 2 == 0 ? Fixtures.run("p" + i, "p" + i + "-1", RunResult.PASSED) : null;
      list.add(new ProjectStatus("p" + i, "/src/p" + i, ProjectState.WATCHING, i, false, last));
    }
    return new StatusSnapshot(
        1, new DaemonStatus(7, "0.1.0", DaemonState.READY, Fixtures.T0, "vigil.yaml", null), list);
  }

  @Test
  void createsTheStateDirAndWritesTheSnapshot() throws IOException {
    Path stateDir = tmp.resolve("state/vigil");
    StatusFileWriter writer = new StatusFileWriter(stateDir, json);

    writer.write(snapshot(2));

    assertThat(writer.file()).isEqualTo(stateDir.resolve("status.json"));
    assertThat(json.readStatus(Files.readString(writer.file()))).isEqualTo(snapshot(2));
  }

  @Test
  void aReaderNeverSeesAPartialFile() throws Exception {
    StatusFileWriter writer = new StatusFileWriter(tmp, json);
    writer.write(snapshot(1));
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger reads = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                while (!done.get() || reads.get() == 0) {
                  String text =
                      new String(Files.readAllBytes(writer.file()), StandardCharsets.UTF_8);
                  json.readStatus(text);
                  reads.incrementAndGet();
                }
              } catch (IOException | RuntimeException e) {
                failure.set(e);
              }
            },
            "status-reader");
    reader.start();
    try {
      for (int i = 0; i < 2000 && failure.get() == null; i++) {
        writer.write(snapshot(i % 8));
      }
    } finally {
      done.set(true);
      reader.join();
    }

    assertThat(failure.get()).isNull();
    assertThat(reads.get()).isPositive();
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files).containsExactly(writer.file());
    }
  }

  @Test
  void concurrentWritersNeverCollide() throws Exception {
    StatusFileWriter writer = new StatusFileWriter(tmp, json);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int size = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 50; i++) {
                    writer.write(snapshot(size));
                  }
                } catch (IOException e) {
                  failure.set(e);
                }
              },
              "status-writer-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(failure.get()).isNull();
    assertThat(json.readStatus(Files.readString(writer.file())).projects()).hasSizeLessThan(4);
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files).containsExactly(writer.file());
    }
  }

  @Test
  void aStateDirThatIsAFileIsReportedWithItsPath() throws IOException {
    Path notADir = Files.writeString(tmp.resolve("state"), "x");
    StatusFileWriter writer = new StatusFileWriter(notADir, json);

    assertThatThrownBy(() -> writer.write(snapshot(1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(notADir.resolve("status.json").toString());
  }

  @Test
  void statusJsonEndsWithALineBreak() throws IOException, JsonProcessingException {
    StatusFileWriter writer = new StatusFileWriter(tmp, json);
    writer.write(snapshot(0));

    assertThat(Files.readString(writer.file())).endsWith("}\n");
  }
}
