package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.time.FakeScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivenessProbeTest {
  private static final Duration INTERVAL = Duration.ofSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir Path root;

  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<String> verdicts = new ArrayList<>();

  private LivenessProbe probe() {
    LivenessProbe probe = new LivenessProbe(root, scheduler, INTERVAL, TIMEOUT, verdicts::add);
    probe.start();
    return probe;
  }

  private List<Path> cookies() throws Exception {
    try (Stream<Path> files = Files.list(root)) {
      return files.filter(p -> LivenessProbe.isCookie(root, p)).toList();
    }
  }

  @Test
  void answeredCookiesKeepTheProbeQuiet() throws Exception {
    LivenessProbe probe = probe();
    for (int round = 1; round <= 3; round++) {
      scheduler.advance(INTERVAL);
      List<Path> planted = cookies();
      assertThat(planted).hasSize(1);
      assertThat(planted.get(0).getFileName().toString())
          .startsWith(".vigil-cookie-" + ProcessHandle.current().pid() + "-");

      assertThat(probe.offer(new FileEvent(FileEvent.Kind.CREATED, planted.get(0), false)))
          .isTrue();
      assertThat(cookies()).isEmpty();
      assertThat(probe.offer(new FileEvent(FileEvent.Kind.DELETED, planted.get(0), false)))
          .isTrue();
    }
    scheduler.advance(TIMEOUT);
    assertThat(probe.confirmed()).isEqualTo(3);
    assertThat(verdicts).isEmpty();
  }

  @Test
  void unansweredCookieReportsDeadEventsOnceAndCleansUp() throws Exception {
    probe();
    scheduler.advance(INTERVAL);
    assertThat(cookies()).hasSize(1);

    scheduler.advance(TIMEOUT);
    assertThat(verdicts)
        .singleElement()
        .asString()
        .contains("no file event arrived", root.toString());
    assertThat(cookies()).isEmpty();

    scheduler.advance(INTERVAL.multipliedBy(3));
    assertThat(verdicts).hasSize(1);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void otherEventsAreNotTaken() {
    LivenessProbe probe = probe();
    assertThat(probe.offer(new FileEvent(FileEvent.Kind.CREATED, root.resolve("src.rs"), false)))
        .isFalse();
    assertThat(
            probe.offer(
                new FileEvent(
                    FileEvent.Kind.CREATED, root.resolve("sub/.vigil-cookie-1-1"), false)))
        .isFalse();
    assertThat(probe.offer(new FileEvent(FileEvent.Kind.OVERFLOW, root, true))).isFalse();
  }

  @Test
  void missingRootIsReported() throws Exception {
    Path gone = root.resolve("gone");
    new LivenessProbe(gone, scheduler, INTERVAL, TIMEOUT, verdicts::add).start();
    scheduler.advance(INTERVAL);
    assertThat(verdicts).singleElement().asString().contains("cannot create the liveness cookie");
  }

  @Test
  void closeRemovesAPendingCookie() throws Exception {
    LivenessProbe probe = probe();
    scheduler.advance(INTERVAL);
    probe.close();
    assertThat(cookies()).isEmpty();
    scheduler.advance(TIMEOUT);
    assertThat(verdicts).isEmpty();
  }
}
