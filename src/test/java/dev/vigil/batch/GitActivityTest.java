package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
