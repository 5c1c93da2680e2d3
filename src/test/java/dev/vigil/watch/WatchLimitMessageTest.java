package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WatchLimitMessageTest {
  private final Path root = Path.of("/home/dev/engine");

  @Test
  void recognisesTheWatchLimitEvenWhenWrapped() {
    IOException limit = new IOException("User limit of inotify watches reached");
    assertThat(WatchLimitMessage.isLimit(new UncheckedIOException(limit))).isTrue();
    assertThat(WatchLimitMessage.isLimit(new IOException("No space left on device"))).isTrue();
    assertThat(WatchLimitMessage.isLimit(new IOException("Too many open files"))).isTrue();
    assertThat(WatchLimitMessage.isLimit(new IOException("Permission denied"))).isFalse();
    assertThat(WatchLimitMessage.isLimit(new IllegalStateException())).isFalse();
  }

  @Test
  void watchLimitMessageNamesTheSysctlAndHowToKeepIt() {
    String message =
        WatchLimitMessage.describe(
            root, new IOException("User limit of inotify watches reached"), "Polling instead.");
    assertThat(message)
        .contains(
            root.toString(),
            "fs.inotify.max_user_watches",
            "sudo sysctl fs.inotify.max_user_watches=524288",
            "/etc/sysctl.d/",
            "Polling instead.");
  }

  @Test
  void instanceLimitMessageNamesItsOwnSysctl() {
    String message =
        WatchLimitMessage.describe(
            root,
            new IOException("User limit of inotify instances reached or too many open files"),
            "Polling instead.");
    assertThat(message).contains("fs.inotify.max_user_instances", "ulimit -n");
  }
}
