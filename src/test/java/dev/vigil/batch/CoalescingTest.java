package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.time.FakeScheduler;
import dev.vigil.watch.FileEvent;
import dev.vigil.watch.FileEvent.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The net effect per path that one batch reports, whatever the editor did on the way. */
class CoalescingTest {
  @TempDir Path root;
  private final List<ClosedBatch> batches = new ArrayList<>();
  private DebouncedBatcher batcher;

  @BeforeEach
  void setUp() {
    batcher =
        DebouncedBatcher.builder(root, new FakeScheduler())
            .debounce(Duration.ofMillis(20))
            .maxWait(Duration.ofSeconds(2))
            .build(batches::add);
  }

  private void event(Kind kind, String relative) {
    batcher.offer(new FileEvent(kind, root.resolve(relative), false));
  }

  private List<String> closeAndList() {
    batcher.flush();
    return batches.isEmpty() ? List.of() : batches.get(batches.size() - 1).batch().changed();
  }

  @Test
  void createdThenDeletedIsNothing() {
    event(Kind.CREATED, "scratch.txt");
    event(Kind.MODIFIED, "scratch.txt");
    event(Kind.DELETED, "scratch.txt");
    batcher.flush();

    assertThat(batches).isEmpty();
    assertThat(batcher.isDebouncing()).isFalse();
  }

  @Test
  void createdThenDeletedLeavesOtherPathsInTheBatch() {
    event(Kind.CREATED, "scratch.txt");
    event(Kind.MODIFIED, "kept.txt");
    event(Kind.DELETED, "scratch.txt");

    assertThat(batcher.pendingCount()).isEqualTo(1);
    assertThat(closeAndList()).containsExactly("kept.txt");
  }

  @Test
  void deletedThenCreatedIsModified() {
    ChangeSet set = new ChangeSet(root);
    set.add(new FileEvent(Kind.DELETED, root.resolve("a.txt"), false));
    set.add(new FileEvent(Kind.CREATED, root.resolve("a.txt"), false));

    assertThat(set.changeOf("a.txt")).isEqualTo(PathChange.MODIFIED);
    event(Kind.DELETED, "a.txt");
    event(Kind.CREATED, "a.txt");
    assertThat(closeAndList()).containsExactly("a.txt");
  }

  @Test
  void createdThenModifiedIsCreated() {
    ChangeSet set = new ChangeSet(root);
    set.add(new FileEvent(Kind.CREATED, root.resolve("new.txt"), false));
    set.add(new FileEvent(Kind.MODIFIED, root.resolve("new.txt"), false));

    assertThat(set.changeOf("new.txt")).isEqualTo(PathChange.CREATED);
    event(Kind.CREATED, "new.txt");
    event(Kind.MODIFIED, "new.txt");
    assertThat(closeAndList()).containsExactly("new.txt");
  }

  @Test
  void modifiedThenDeletedIsDeleted() {
    ChangeSet set = new ChangeSet(root);
    set.add(new FileEvent(Kind.MODIFIED, root.resolve("a.txt"), false));
    set.add(new FileEvent(Kind.DELETED, root.resolve("a.txt"), false));

    assertThat(set.changeOf("a.txt")).isEqualTo(PathChange.DELETED);
  }

  @Test
  void aRenameReportsBothPaths() {
    event(Kind.DELETED, "old/Name.java");
    event(Kind.CREATED, "new/Name.java");

    assertThat(closeAndList()).containsExactly("new/Name.java", "old/Name.java");
  }

  @Test
  void aTempFileRenamedOverTheTargetReportsOnlyTheTarget() {
    event(Kind.CREATED, "src/f.rs.tmp");
    event(Kind.MODIFIED, "src/f.rs.tmp");
    event(Kind.DELETED, "src/f.rs.tmp");
    event(Kind.MODIFIED, "src/f.rs");

    assertThat(closeAndList()).containsExactly("src/f.rs");
  }

  @Test
  void aTempFileRenamedOverADeletedTargetReportsOnlyTheTarget() {
    event(Kind.CREATED, "f.tmp");
    event(Kind.DELETED, "f");
    event(Kind.DELETED, "f.tmp");
    event(Kind.CREATED, "f");

    assertThat(closeAndList()).containsExactly("f");
  }

  @Test
  void directoryEventsAreNotChangedPathsButTheirFilesAre() {
    batcher.offer(new FileEvent(Kind.CREATED, root.resolve("pkg"), true));
    event(Kind.CREATED, "pkg/Mod.java");
    batcher.offer(new FileEvent(Kind.MODIFIED, root.resolve("pkg"), true));

    assertThat(closeAndList()).containsExactly("pkg/Mod.java");
  }

  @Test
  void pathsAreRelativeWithSlashesAndSorted() {
    event(Kind.MODIFIED, "src/main/java/B.java");
    event(Kind.MODIFIED, "README.md");
    event(Kind.MODIFIED, "src/main/java/A.java");
    event(Kind.MODIFIED, "build.gradle");

    assertThat(closeAndList())
        .containsExactly(
            "README.md", "build.gradle", "src/main/java/A.java", "src/main/java/B.java");
  }

  @Test
  void theRootItselfAndPathsOutsideItAreNotReported() {
    batcher.offer(new FileEvent(Kind.MODIFIED, root, false));
    batcher.offer(new FileEvent(Kind.MODIFIED, root.resolveSibling("elsewhere.txt"), false));
    batcher.offer(new FileEvent(Kind.MODIFIED, root.resolve("sub/../inside.txt"), false));

    assertThat(closeAndList()).containsExactly("inside.txt");
  }
}
