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
  void cookieNamesDifferBetweenProbesOfOneProcess() throws Exception {
    probe();
    new LivenessProbe(root, scheduler, INTERVAL, TIMEOUT, verdicts::add).start();
    scheduler.advance(INTERVAL);
    assertThat(cookies())
        .hasSize(2)
        .allSatisfy(
            c ->
                assertThat(c.getFileName().toString())
                    .startsWith(".vigil-cookie-" + ProcessHandle.current().pid() + "-"));
    assertThat(verdicts).isEmpty();
  }

  @Test
  void missingRootIsReported() throws Exception {
    Path gone = root.resolve("gone");
    new LivenessProbe(gone, scheduler, INTERVAL, TIMEOUT, verdicts::add).start();
    scheduler.advance(INTERVAL);
    assertThat(verdicts).singleElement().asString().contains("cannot create the liveness cookie");
  }

  @Test
  void probesSharingARootPlantTheirOwnCookiesOverSeveralPeriods() throws Exception {
    List<String> second = new ArrayList<>();
    List<String> third = new ArrayList<>();
    List<LivenessProbe> probes =
        List.of(
            probe(),
            new LivenessProbe(root, scheduler, INTERVAL, TIMEOUT, second::add),
            new LivenessProbe(root, scheduler, INTERVAL, TIMEOUT, third::add));
    probes.get(1).start();
    probes.get(2).start();
    for (int round = 1; round <= 4; round++) {
      scheduler.advance(INTERVAL);
      List<Path> planted = cookies();
      assertThat(planted).hasSize(3);
      // The kernel tells every watcher of the root about every cookie.
      for (Path cookie : planted) {
        for (LivenessProbe probe : probes) {
          assertThat(probe.offer(new FileEvent(FileEvent.Kind.CREATED, cookie, false))).isTrue();
        }
      }
      assertThat(cookies()).isEmpty();
    }
    scheduler.advance(TIMEOUT);
    assertThat(verdicts).isEmpty();
    assertThat(second).isEmpty();
    assertThat(third).isEmpty();
    assertThat(probes).allSatisfy(p -> assertThat(p.confirmed()).isEqualTo(4));
  }

  @Test
  void anotherProbesCookieDoesNotAnswerForThisOne() throws Exception {
    LivenessProbe mine = probe();
    List<String> other = new ArrayList<>();
    LivenessProbe theirs = new LivenessProbe(root, scheduler, INTERVAL, TIMEOUT, other::add);
    theirs.start();
    scheduler.advance(INTERVAL);
    for (Path cookie : cookies()) {
      theirs.offer(new FileEvent(FileEvent.Kind.CREATED, cookie, false));
    }
    scheduler.advance(TIMEOUT);
    assertThat(other).isEmpty();
    assertThat(verdicts).singleElement().asString().contains("no file event arrived");
  }

  @Test
  void aCookieThatCannotBeCreatedInAnExistingRootIsRetriedNotReported() throws Exception {
    List<String> names = new ArrayList<>(List.of("taken-1", "taken-2", "taken-3", "free-1"));
    Files.createDirectory(root.resolve(LivenessProbe.COOKIE_PREFIX + "taken-1"));
    Files.createDirectory(root.resolve(LivenessProbe.COOKIE_PREFIX + "taken-2"));
    Files.createDirectory(root.resolve(LivenessProbe.COOKIE_PREFIX + "taken-3"));
    LivenessProbe probe =
        new LivenessProbe(root, scheduler, INTERVAL, TIMEOUT, verdicts::add, () -> names.remove(0));
    probe.start();
    scheduler.advance(INTERVAL);
    scheduler.advance(TIMEOUT);
    assertThat(verdicts).isEmpty();

    scheduler.advance(INTERVAL.minus(TIMEOUT));
    Path cookie = root.resolve(LivenessProbe.COOKIE_PREFIX + "free-1");
    assertThat(cookie).exists();
    probe.offer(new FileEvent(FileEvent.Kind.CREATED, cookie, false));
    assertThat(probe.confirmed()).isEqualTo(1);
    assertThat(verdicts).isEmpty();
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
