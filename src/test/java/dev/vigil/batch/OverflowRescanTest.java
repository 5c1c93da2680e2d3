package dev.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.time.FakeScheduler;
import dev.vigil.watch.IgnoreRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After the kernel dropped events, the rescan finds every change against the last known state. */
class OverflowRescanTest {
  @TempDir Path root;
  private int writes;

  @Test
  void findsEditedNewAndDeletedFilesButNotIgnoredOnesOrTouchedOnes() throws Exception {
    write(".gitignore", "target/\n");
    write("src/edited.rs", "one");
    write("src/touched.rs", "same");
    write("src/deleted.rs", "gone soon");
    write("src/kept.rs", "kept");
    ContentBaseline baseline = new ContentBaseline(root, new FakeScheduler(Instant.now()));
    IgnoreRules rules = IgnoreRules.load(root, List.of(), Map.of());
    baseline.takeInBackground(rules::isIgnored, Runnable::run).join();

    write("src/edited.rs", "two");
    Files.setLastModifiedTime(root.resolve("src/touched.rs"), FileTime.from(Instant.now()));
    Files.delete(root.resolve("src/deleted.rs"));
    write("src/new.rs", "new");
    write("target/debug/out.o", "build output");

    Instant t = Instant.now();
    ChangeBatch seen = new ChangeBatch(List.of(), 0, true, t, t);
    ChangeBatch batch = OverflowRescan.rescan(root, baseline, rules::isIgnored, seen);

    assertThat(batch.changed()).containsExactly("src/deleted.rs", "src/edited.rs", "src/new.rs");
    assertThat(batch.changedCount()).isEqualTo(3);
    assertThat(batch.truncated()).isTrue();
  }

  @Test
  void pathsWhoseEventsCameBeforeTheOverflowCountOnlyIfTheirContentChanged() throws Exception {
    write("a.txt", "a");
    write("b.txt", "b");
    write("gone.txt", "soon");
    ContentBaseline baseline = new ContentBaseline(root, new FakeScheduler(Instant.now()));
    baseline.takeInBackground((p, directory) -> false, Runnable::run).join();

    FileTime now = FileTime.from(Instant.now());
    Files.setLastModifiedTime(root.resolve("a.txt"), now);
    Files.setLastModifiedTime(root.resolve("b.txt"), now);
    Files.delete(root.resolve("gone.txt"));
    write("came-and-went.txt", "x");
    Files.delete(root.resolve("came-and-went.txt"));

    Instant t = Instant.now();
    List<String> seen = List.of("a.txt", "b.txt", "came-and-went.txt", "gone.txt");
    ChangeBatch batch =
        OverflowRescan.rescan(
            root, baseline, (p, dir) -> false, new ChangeBatch(seen, seen.size(), true, t, t));

    assertThat(batch.changed()).containsExactly("came-and-went.txt", "gone.txt");
  }

  @Test
  void aFileTheWatcherLeavesOutIsLeftOutOfTheRescanToo() throws Exception {
    write("src/kept.rs", "kept");
    ContentBaseline baseline = new ContentBaseline(root, new FakeScheduler(Instant.now()));
    IgnoreRules rules = IgnoreRules.load(root, List.of(), Map.of());
    Path config = root.resolve("vigil.yaml");
    BiPredicate<Path, Boolean> ignored = (p, dir) -> p.equals(config) || rules.isIgnored(p, dir);
    baseline.takeInBackground(ignored, Runnable::run).join();

    write("vigil.yaml", "version: 1\n");
    write("src/new.rs", "new");

    Instant t = Instant.now();
    ChangeBatch seen = new ChangeBatch(List.of(), 0, true, t, t);
    ChangeBatch batch = OverflowRescan.rescan(root, baseline, ignored, seen);

    assertThat(batch.changed()).containsExactly("src/new.rs");
  }

  private void write(String rel, String content) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.toAbsolutePath().getParent());
    Files.writeString(p, content);
    // Written a while ago, so the baseline trusts the time stamp; each write a second later than
    // the one before, so an edit of the same size never keeps its time stamp.
    writes++;
    Files.setLastModifiedTime(
        p,
        FileTime.fromMillis(
            System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1) + writes * 1000L));
  }
}
