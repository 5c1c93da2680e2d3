package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitActivityTest {
  @TempDir Path root;

  private Path gitDir() throws IOException {
    return Files.createDirectories(root.resolve(".git"));
  }

  @Test
  void noRepositoryIsNeverBusy() {
    assertThat(new GitActivity(root).getAsBoolean()).isFalse();
  }

  @Test
  void anIdleRepositoryIsNotBusy() throws IOException {
    Files.writeString(gitDir().resolve("HEAD"), "ref: refs/heads/main\n");

    assertThat(new GitActivity(root).getAsBoolean()).isFalse();
  }

  @Test
  void theIndexLockMeansBusyUntilItIsRemoved() throws IOException {
    Path lock = Files.createFile(gitDir().resolve("index.lock"));
    GitActivity git = new GitActivity(root);

    assertThat(git.getAsBoolean()).isTrue();
    Files.delete(lock);
    assertThat(git.getAsBoolean()).isFalse();
  }

  @Test
  void aRebaseApplyingCommitsIsBusy() throws IOException {
    Files.createDirectories(gitDir().resolve("rebase-merge"));
    Files.createDirectories(root.resolve("other/.git/rebase-apply"));

    assertThat(new GitActivity(root).getAsBoolean()).isTrue();
    assertThat(new GitActivity(root.resolve("other")).getAsBoolean()).isTrue();
  }

  @Test
  void aRebaseStoppedForTheUserIsNotBusy() throws IOException {
    Path rebase = Files.createDirectories(gitDir().resolve("rebase-merge"));
    Files.writeString(rebase.resolve("stopped-sha"), "abc\n");
    Files.createDirectories(root.resolve("other/.git/rebase-apply"));
    Files.writeString(root.resolve("other/.git/REBASE_HEAD"), "abc\n");

    assertThat(new GitActivity(root).getAsBoolean()).isFalse();
    assertThat(new GitActivity(root.resolve("other")).getAsBoolean()).isFalse();
  }

  @Test
  void aMergeWaitingForConflictResolutionIsNotBusy() throws IOException {
    Path git = gitDir();
    for (String marker : new String[] {"MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD"}) {
      Files.writeString(git.resolve(marker), "abc\n");
    }
    Files.writeString(git.resolve("BISECT_LOG"), "git bisect start\n");

    assertThat(new GitActivity(root).getAsBoolean()).isFalse();
  }

  @Test
  void aGitFileIsFollowedToTheWorktreeGitDirectory() throws IOException {
    Path worktreeGitDir = Files.createDirectories(root.resolve("main/.git/worktrees/feature"));
    Path worktree = Files.createDirectories(root.resolve("feature"));
    Files.writeString(worktree.resolve(".git"), "gitdir: ../main/.git/worktrees/feature\n");
    GitActivity git = new GitActivity(worktree);

    assertThat(git.getAsBoolean()).isFalse();
    Files.createFile(worktreeGitDir.resolve("index.lock"));
    assertThat(git.getAsBoolean()).isTrue();
  }

  @Test
  void aGarbledGitFileIsNotBusy() throws IOException {
    Files.writeString(root.resolve(".git"), "not a gitdir line");

    assertThat(new GitActivity(root).getAsBoolean()).isFalse();
  }

  @Test
  void aRealRebaseStoppedAtAConflictIsNotBusyAndItsAbortLeavesGitIdle() throws Exception {
    git("init", "-q", "-b", "main");
    Files.writeString(root.resolve("f.txt"), "base\n");
    git("add", "f.txt");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "topic");
    Files.writeString(root.resolve("f.txt"), "topic\n");
    git("commit", "-q", "-am", "topic");
    git("checkout", "-q", "main");
    Files.writeString(root.resolve("f.txt"), "main\n");
    git("commit", "-q", "-am", "main");
    git("checkout", "-q", "topic");
    GitActivity activity = new GitActivity(root);

    int rebase = run("rebase", "main");

    assertThat(rebase).as("the rebase stops at the conflict").isNotZero();
    assertThat(root.resolve(".git/rebase-merge")).isDirectory();
    assertThat(activity.getAsBoolean()).isFalse();

    git("rebase", "--abort");

    assertThat(activity.getAsBoolean()).isFalse();
  }

  @Test
  void aRealRebaseApplyingCommitsIsBusyUntilItEnds() throws Exception {
    git("init", "-q", "-b", "main");
    for (String name : List.of("a", "b", "c")) {
      Files.writeString(root.resolve(name), name + "\n");
      git("add", name);
      git("commit", "-q", "-m", name);
    }
    Path started = root.resolveSibling(root.getFileName() + "-started");
    Path go = root.resolveSibling(root.getFileName() + "-go");
    String exec = "touch '" + started + "'; while [ ! -e '" + go + "' ]; do sleep 0.02; done";
    GitActivity activity = new GitActivity(root);
    Process rebase =
        start("-c", "sequence.editor=true", "rebase", "-q", "-i", "--exec", exec, "HEAD~2");
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(started));

      assertThat(activity.getAsBoolean()).isTrue();

      Files.createFile(go);
      assertThat(rebase.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(rebase.exitValue()).isZero();
      assertThat(activity.getAsBoolean()).isFalse();
    } finally {
      if (!Files.exists(go)) {
        Files.createFile(go); // lets the exec loop end, so no shell is left behind
      }
      rebase.waitFor(30, TimeUnit.SECONDS);
      rebase.destroyForcibly();
      Files.deleteIfExists(started);
      Files.deleteIfExists(go);
    }
  }

  private void git(String... args) throws Exception {
    assertThat(run(args)).as("git %s", String.join(" ", args)).isZero();
  }

  private int run(String... args) throws Exception {
    Process process = start(args);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("git %s finished", args[0]).isTrue();
    return process.exitValue();
  }

  private Process start(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .directory(root.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
