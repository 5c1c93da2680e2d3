package dev.vigil.batch;

import dev.vigil.watch.FileEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coalesces the events of one batch into the net change per path, relative to the project root. Not
 * thread-safe: the batcher guards it.
 */
final class ChangeSet {
  private final Path root;
  private final Map<String, PathChange> changes = new HashMap<>();
  private boolean overflowed;

  ChangeSet(Path root) {
    this.root = root;
  }

  /**
   * Takes one event into account. Directory events and paths outside the root are not changed paths
   * (a directory's files get their own events); an overflow marks the set as partial.
   */
  void add(FileEvent event) {
    if (event.kind() == FileEvent.Kind.OVERFLOW) {
      overflowed = true;
      return;
    }
    if (event.directory()) {
      return;
    }
    String relative = RelativePaths.under(root, event.path());
    if (relative == null) {
      return;
    }
    PathChange change =
        switch (event.kind()) {
          case CREATED -> PathChange.CREATED;
          case MODIFIED -> PathChange.MODIFIED;
          case DELETED -> PathChange.DELETED;
          case OVERFLOW -> throw new AssertionError("handled above");
        };
    PathChange before = changes.get(relative);
    PathChange net = before == null ? change : before.then(change);
    if (net == null) {
      changes.remove(relative);
    } else {
      changes.put(relative, net);
    }
  }

  /** Whether an overflow was seen, so the batch is partial and the tree must be rescanned. */
  boolean overflowed() {
    return overflowed;
  }

  /** How many paths have a net change. */
  int size() {
    return changes.size();
  }

  /** Whether nothing at all happened: no net change and no overflow. */
  boolean isEmpty() {
    return changes.isEmpty() && !overflowed;
  }

  /** The net change of one path, or {@code null} when it has none. */
  PathChange changeOf(String relativePath) {
    return changes.get(relativePath);
  }

  /** The changed paths, relative to the root with '/' separators, sorted. */
  List<String> sortedPaths() {
    List<String> paths = new ArrayList<>(changes.keySet());
    Collections.sort(paths);
    return paths;
  }
}
