package dev.vigil.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The members of a process group are found from /proc: what a command left running after its main
 * process exited, whatever the processes are called, and not the ones that have exited.
 */
class ProcessGroupsTest {
  private final List<Process> started = new ArrayList<>();
  private final List<Long> pids = new ArrayList<>();

  @AfterEach
  void end() {
    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    started.forEach(Process::destroyForcibly);
  }

  /** Starts a group leader that leaves {@code sleep}s named as given and exits; their pids. */
  private List<Long> leaveInAGroup(String... names) throws Exception {
    assumeTrue(
        Files.isDirectory(Path.of("/proc")) && Files.isExecutable(Path.of("/usr/bin/setsid")));
    StringBuilder script = new StringBuilder();
    for (String name : names) {
      script.append("(exec -a '").append(name).append("' sleep 60) >/dev/null 2>&1 & echo $!; ");
    }
    Process leader =
        new ProcessBuilder("setsid", "bash", "-c", script + "echo $$")
            .redirectErrorStream(true)
            .start();
    started.add(leader);
    List<Long> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(leader.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        out.add(Long.parseLong(line.trim()));
      }
    }
    leader.waitFor();
    pids.addAll(out);
    return out;
  }

  @Test
  void theGroupsLeftoversAreFoundAfterTheLeaderExits() throws Exception {
    List<Long> out = leaveInAGroup("plain", "a) b (c) 1 2 3", "x");
    long leader = out.get(out.size() - 1);
    List<Long> children = out.subList(0, out.size() - 1);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(ProcessGroups.members(leader))
                    .extracting(ProcessHandle::pid)
                    .containsExactlyInAnyOrderElementsOf(children));
  }

  @Test
  void aGroupWhoseMembersAllEndedHasNone() throws Exception {
    List<Long> out = leaveInAGroup("one");
    long leader = out.get(out.size() - 1);
    ProcessHandle.of(out.get(0)).ifPresent(ProcessHandle::destroyForcibly);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(ProcessGroups.members(leader)).isEmpty());
  }

  @Test
  void anotherGroupIsNotCounted() throws Exception {
    List<Long> out = leaveInAGroup("mine");
    long otherGroup = ProcessHandle.current().pid() + 1_000_000L;
    assertThat(ProcessGroups.members(otherGroup)).isEmpty();
    assertThat(ProcessGroups.members(out.get(out.size() - 1))).hasSize(1);
  }
}
