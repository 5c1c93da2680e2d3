package dev.vigil.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code .gitignore} files of one tree, each read the first time a path below its directory is
 * judged, as git reads them while it descends: no walk up front, and a directory that is never
 * looked into (an ignored one, say) is never read. Each file is read at most once per instance.
 */
final class DirIgnoreFiles {
  private static final Logger log = LoggerFactory.getLogger(DirIgnoreFiles.class);

  /** A real directory without a (non-empty) {@code .gitignore}. */
  private static final IgnoreFile NONE = new IgnoreFile("(none)", "", List.of());

  /** A symbolic link or a non-directory: git reads nothing at or beyond it. */
  private static final IgnoreFile BEYOND_LINK = new IgnoreFile("(link)", "", List.of());

  private final Path root;
  private final Map<String, IgnoreFile> read;

  /** Nothing read yet for the tree at {@code root} (absolute, normalized). */
  DirIgnoreFiles(Path root) {
    this(root, new ConcurrentHashMap<>());
  }

  private DirIgnoreFiles(Path root, Map<String, IgnoreFile> read) {
    this.root = root;
    this.read = read;
  }

  /**
   * The {@code .gitignore} of the directory {@code rel} ('/'-separated, {@code ""} for the root),
   * or null if it has none.
   */
  IgnoreFile get(String rel) {
    IgnoreFile file = lookup(rel);
    return file == NONE || file == BEYOND_LINK ? null : file;
  }

  /**
   * A copy that forgets what it read at and below {@code dirRel} (all of it for {@code ""}), so
   * those files are read again when next needed.
   */
  DirIgnoreFiles without(String dirRel) {
    Map<String, IgnoreFile> kept = new ConcurrentHashMap<>();
    read.forEach(
        (dir, file) -> {
          if (file != BEYOND_LINK && !isAtOrUnder(dir, dirRel)) {
            kept.put(dir, file);
          }
        });
    return new DirIgnoreFiles(root, kept);
  }

  private IgnoreFile lookup(String rel) {
    IgnoreFile known = read.get(rel);
    if (known != null) {
      return known;
    }
    IgnoreFile loaded = load(rel);
    if (loaded == null) {
      return NONE; // the directory does not exist (yet): not remembered
    }
    IgnoreFile raced = read.putIfAbsent(rel, loaded);
    return raced == null ? loaded : raced;
  }

  /** The directory's file, NONE, BEYOND_LINK, or null if the directory does not exist. */
  private IgnoreFile load(String rel) {
    Path dir = rel.isEmpty() ? root : root.resolve(rel);
    if (!rel.isEmpty()) {
      int slash = rel.lastIndexOf('/');
      if (slash > 0 && lookup(rel.substring(0, slash)) == BEYOND_LINK) {
        return BEYOND_LINK;
      }
      BasicFileAttributes attributes;
      try {
        attributes =
            Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        return null;
      }
      if (!attributes.isDirectory()) {
        return BEYOND_LINK;
      }
    }
    Path gitignore = dir.resolve(".gitignore");
    String source = rel.isEmpty() ? ".gitignore" : rel + "/.gitignore";
    try {
      IgnoreFile file = IgnoreFile.read(gitignore, source, rel, false);
      return file == null || file.isEmpty() ? NONE : file;
    } catch (IOException | RuntimeException e) {
      log.warn("cannot read {}: {}; treating it as empty", gitignore, e.toString());
      return NONE;
    }
  }

  private static boolean isAtOrUnder(String dir, String top) {
    return top.isEmpty() || dir.equals(top) || dir.startsWith(top + "/");
  }
}
