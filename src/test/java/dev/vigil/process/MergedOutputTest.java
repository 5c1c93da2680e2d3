package dev.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MergedOutputTest {
  private final List<Throwable> stuck = new CopyOnWriteArrayList<>();
  private final List<String> heard = new CopyOnWriteArrayList<>();

  private static void line(MergedOutput output, String text) {
    output.lines(OutputLines.of(OutputLine.Stream.STDOUT, text));
  }

  @Test
  void aListenerThatWaitsForAnotherThreadAddingANoteDoesNotDeadlock() throws Exception {
    AtomicReference<MergedOutput> self = new AtomicReference<>();
    self.set(
        new MergedOutput(
            OutputListener.eachLine(
                line -> {
                  heard.add(line.text());
                  if (line.text().equals("compiling")) {
                    try {
                      CompletableFuture.runAsync(() -> self.get().note("vigil: stage timed out"))
                          .get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                      stuck.add(e);
                    }
                  }
                }),
            null,
            null));

    CompletableFuture.runAsync(() -> line(self.get(), "compiling")).get(30, TimeUnit.SECONDS);

    assertThat(stuck).isEmpty();
    assertThat(heard).containsExactly("compiling", "vigil: stage timed out");
    assertThat(self.get().tail())
        .extracting(OutputLine::text)
        .containsExactly("compiling", "vigil: stage timed out");
  }

  @Test
  void theListenerHearsLinesInTheOrderTheTailKeepsThem() throws Exception {
    MergedOutput output =
        new MergedOutput(OutputListener.eachLine(line -> heard.add(line.text())), null, null);
    List<CompletableFuture<Void>> writers =
        List.of("out", "err").stream()
            .map(
                name ->
                    CompletableFuture.runAsync(
                        () -> {
                          for (int i = 0; i < 500; i++) {
                            line(output, name + i);
                          }
                        }))
            .toList();
    CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(heard).hasSize(1000);
    assertThat(output.tail()).extracting(OutputLine::text).isEqualTo(heard);
  }
}
