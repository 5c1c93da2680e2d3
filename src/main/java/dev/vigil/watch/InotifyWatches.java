package dev.vigil.watch;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Which directory each inotify watch descriptor stands for; used by one thread at a time. */
final class InotifyWatches {
  private final Map<Integer, Path> dirs = new HashMap<>();

  void put(int wd, Path dir) {
    dirs.put(wd, dir);
  }

  Path dir(int wd) {
    return dirs.get(wd);
  }

  void remove(int wd) {
    dirs.remove(wd);
  }

  /**
   * Forgets a directory that was deleted or moved away, and every one below it: their events no
   * longer name paths in the tree. One moved back in is registered again, and the kernel gives it
   * the same descriptor.
   */
  void forget(Path dir) {
    dirs.values().removeIf(p -> p.startsWith(dir));
  }

  int size() {
    return dirs.size();
  }
}
