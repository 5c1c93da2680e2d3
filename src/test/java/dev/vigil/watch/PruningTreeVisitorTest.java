package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruningTreeVisitorTest {
  @TempDir Path root;

  private final List<Path> dirs = new ArrayList<>();
  private final List<Path> files = new ArrayList<>();

  private static final WatchFilter IGNORE_BUILD_OUTPUT =
      (path, isDir) -> {
        String name = path.getFileName().toString();
        boolean buildDir =
            name.equals("target") || name.equals("node_modules") || name.equals(".git");
        return (isDir && buildDir) || name.endsWith(".swp");
      };

  @Test
  void skipsIgnoredDirectoriesAndFiles() throws Exception {
    Files.createDirectories(root.resolve("target/debug"));
    Files.createDirectories(root.resolve("node_modules/x"));
    Files.createDirectories(root.resolve(".git/objects"));
    Files.createDirectories(root.resolve("src"));
    Files.writeString(root.resolve("src/lib.rs"), "");
    Files.writeString(root.resolve("src/.lib.rs.swp"), "");
    Files.writeString(root.resolve("target/debug/app"), "");

    new PruningTreeVisitor(root, IGNORE_BUILD_OUTPUT)
        .recursiveVisitFiles(root, dirs::add, files::add);

    assertThat(dirs).containsExactlyInAnyOrder(root, root.resolve("src"));
    assertThat(files).containsExactly(root.resolve("src/lib.rs"));
  }

  @Test
  void registeringWalkReportsEveryKeptDirectoryAndNoFile() throws Exception {
    Files.createDirectories(root.resolve("src/a/leaf"));
    Files.createDirectories(root.resolve("src/b"));
    Files.createDirectories(root.resolve("target/debug"));
    Files.writeString(root.resolve("src/a/leaf/x.rs"), "");
    Files.writeString(root.resolve("src/b/y.rs"), "");
    Files.createSymbolicLink(root.resolve("src/up"), root);
    PruningTreeVisitor visitor = new PruningTreeVisitor(root, IGNORE_BUILD_OUTPUT);

    visitor.registeringOn(Thread.currentThread());
    visitor.recursiveVisitFiles(root, dirs::add, files::add);

    assertThat(dirs)
        .containsExactlyInAnyOrder(
            root,
            root.resolve("src"),
            root.resolve("src/a"),
            root.resolve("src/a/leaf"),
            root.resolve("src/b"));
    assertThat(files).isEmpty();

    dirs.clear();
    visitor.registeringOn(null);
    visitor.recursiveVisitFiles(root.resolve("src/b"), dirs::add, files::add);
    assertThat(dirs).containsExactly(root.resolve("src/b"));
    assertThat(files).containsExactly(root.resolve("src/b/y.rs"));
  }

  @Test
  void ignoredStartBelowTheRootIsSkippedWhole() throws Exception {
    Path target = Files.createDirectories(root.resolve("target/debug"));
    new PruningTreeVisitor(root, IGNORE_BUILD_OUTPUT)
        .recursiveVisitFiles(target.getParent(), dirs::add, files::add);
    assertThat(dirs).isEmpty();
  }

  @Test
  void symlinksAreNotFollowed() throws Exception {
    Path a = Files.createDirectories(root.resolve("a"));
    Files.createSymbolicLink(a.resolve("up"), root);
    new PruningTreeVisitor(root, WatchFilter.NONE).recursiveVisitFiles(root, dirs::add, files::add);
    assertThat(dirs).containsExactlyInAnyOrder(root, a);
    assertThat(files).containsExactly(a.resolve("up"));
  }

  @Test
  void aDirectoryThatCannotBeWatchedIsSkippedButTheLimitIsNot() throws Exception {
    Files.createDirectories(root.resolve("locked/inner"));
    Files.createDirectories(root.resolve("open"));
    PruningTreeVisitor visitor = new PruningTreeVisitor(root, WatchFilter.NONE);
    visitor.recursiveVisitFiles(
        root,
        dir -> {
          if (dir.endsWith("locked")) {
            throw new IOException("Permission denied");
          }
          dirs.add(dir);
        },
        files::add);
    assertThat(dirs).containsExactlyInAnyOrder(root, root.resolve("open"));

    assertThatThrownBy(
            () ->
                visitor.recursiveVisitFiles(
                    root,
                    dir -> {
                      if (dir.endsWith("open")) {
                        throw new IOException("User limit of inotify watches reached");
                      }
                    },
                    file -> {}))
        .hasMessageContaining("inotify watches");
  }
}
