package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.time.FakeScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several projects watching one root with real kernel events, the liveness probe's clock injected:
 * over several probe periods every project keeps watching by events.
 */
class SharedRootWatchTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path root;

  private final FakeScheduler scheduler = new FakeScheduler();
  private final List<ProjectWatcher> watchers = new ArrayList<>();
  private final List<List<FileEvent>> events = new ArrayList<>();
  private final List<List<String>> states = new ArrayList<>();

  @AfterEach
  void tearDown() {
    watchers.forEach(ProjectWatcher::close);
  }

  @ParameterizedTest(name = "{0} projects")
  @ValueSource(ints = {2, 3})
  void everyProjectKeepsWatchingOverSeveralProbePeriods(int projects) throws Exception {
    WatchSettings settings = WatchSettings.DEFAULTS;
    for (int i = 0; i < projects; i++) {
      List<FileEvent> seen = new CopyOnWriteArrayList<>();
      List<String> said = new CopyOnWriteArrayList<>();
      ProjectWatcher w =
          new ProjectWatcher(
              root, WatchFilter.NONE, seen::add, (s, m) -> said.add(s + ": " + m), scheduler);
      w.start().get(30, TimeUnit.SECONDS);
      watchers.add(w);
      events.add(seen);
      states.add(said);
    }
    for (int period = 1; period <= 4; period++) {
      // A probe plants its next cookie one interval after the last one was heard.
      scheduler.advance(
          settings
              .livenessInterval()
              .minus(period == 1 ? Duration.ZERO : settings.livenessTimeout()));
      int expected = period;
      // Every cookie is heard by its own project before the timeout falls due.
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(watchers)
                      .allSatisfy(w -> assertThat(w.cookiesConfirmed()).isEqualTo(expected)));
      scheduler.advance(settings.livenessTimeout());
    }
    assertThat(watchers).allSatisfy(w -> assertThat(w.state()).isEqualTo(WatchState.WATCHING));
    assertThat(states).allSatisfy(s -> assertThat(s).noneMatch(m -> m.startsWith("POLLING")));
    assertThat(events).allSatisfy(e -> assertThat(e).isEmpty());
    try (Stream<Path> left = Files.list(root)) {
      assertThat(left).isEmpty();
    }

    Path file = Files.writeString(root.resolve("lib.py"), "x = 1\n");
    for (List<FileEvent> seen : events) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> assertThat(seen).contains(new FileEvent(FileEvent.Kind.CREATED, file, false)));
    }
  }
}
