package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopNotifierTest {
  @TempDir Path bin;

  private Path fakeProgram(String name, Path record) throws Exception {
    Path program = bin.resolve(name);
    Files.writeString(
        program, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + record + "\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    return program;
  }

  @Test
  void onLinuxNotifySendGetsTheTitleAndBody() throws Exception {
    Path record = bin.resolve("args.txt");
    fakeProgram("notify-send", record);

    Notifier notifier = DesktopNotifier.forSystem(Map.of("PATH", bin.toString()), "Linux");
    notifier.show("vigil: app failed", "test failed");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(record)
                    .exists()
                    .content()
                    .isEqualTo("--app-name=vigil\nvigil: app failed\ntest failed\n"));
  }

  @Test
  void onMacOsascriptGetsAQuotedAppleScript() throws Exception {
    Path record = bin.resolve("args.txt");
    fakeProgram("osascript", record);

    DesktopNotifier notifier =
        (DesktopNotifier) DesktopNotifier.forSystem(Map.of("PATH", bin.toString()), "Mac OS X");

    assertThat(notifier.command("vigil: app failed", "\"x\" failed"))
        .containsExactly(
            bin.resolve("osascript").toString(),
            "-e",
            "display notification \"\\\"x\\\" failed\" with title \"vigil: app failed\"");
  }

  @Test
  void withoutNotifySendNothingHappens() {
    Notifier notifier = DesktopNotifier.forSystem(Map.of("PATH", bin.toString()), "Linux");

    assertThat(notifier).isSameAs(Notifier.NONE);
    notifier.show("vigil: app failed", "test failed");
    assertThat(bin).isEmptyDirectory();
    assertThat(DesktopNotifier.forSystem(Map.of(), "Linux")).isSameAs(Notifier.NONE);
  }

  @Test
  void aNotifierWhoseProgramVanishedOnlyLogs() throws Exception {
    Path program = fakeProgram("notify-send", bin.resolve("args.txt"));
    Notifier notifier = DesktopNotifier.forSystem(Map.of("PATH", bin.toString()), "Linux");
    Files.delete(program);

    notifier.show("vigil: app failed", "test failed");

    assertThat(List.of(bin.toFile().list())).isEmpty();
  }
}
