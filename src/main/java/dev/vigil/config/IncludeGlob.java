package dev.vigil.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An absolute {@code include} glob, expanded one path segment at a time: {@code *}, {@code ?},
 * {@code [a-z]} and {@code {a,b}} within a segment, {@code **} for any number of directories (it
 * enters neither hidden nor symlinked ones). The expansion also records every directory it looked
 * in, so a watcher can tell when a new file may match.
 *
 * @param pattern the absolute pattern, '/'-separated
 */
public record IncludeGlob(String pattern) {
  /** What a glob matched and where it looked. */
  public record Expansion(List<Path> matches, Map<Path, Long> dirs) {
    public Expansion {
      matches = List.copyOf(matches);
      dirs = Map.copyOf(dirs);
    }
  }

  /** Whether an include entry is a glob rather than one path. */
  static boolean isGlob(String entry) {
    return entry.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** Every glob expanded, matches in glob order without repeats. */
  static Expansion expandAll(List<IncludeGlob> globs) {
    Set<Path> matches = new LinkedHashSet<>();
    Map<Path, Long> dirs = new LinkedHashMap<>();
    for (IncludeGlob glob : globs) {
      Expansion one = glob.expand();
      matches.addAll(one.matches());
      dirs.putAll(one.dirs());
    }
    return new Expansion(new ArrayList<>(matches), dirs);
  }

  /** The paths this glob matches now, sorted by name at each level. */
  public Expansion expand() {
    List<String> segments = new ArrayList<>();
    for (String s : pattern.split("/")) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    Walk walk = new Walk(segments);
    walk.visit(Path.of("/"), 0);
    return new Expansion(walk.matches, walk.dirs);
  }

  private static final class Walk {
    private final List<String> segments;
    private final List<Path> matches = new ArrayList<>();
    private final Map<Path, Long> dirs = new LinkedHashMap<>();

    Walk(List<String> segments) {
      this.segments = segments;
    }

    void visit(Path dir, int i) {
      if (i == segments.size()) {
        matches.add(dir);
        return;
      }
      String segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (segment.equals("**")) {
        look(dir);
        visit(dir, i + 1);
        for (Path child : children(dir)) {
          String name = child.getFileName().toString();
          if (!name.startsWith(".") && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
            visit(child, i);
          }
        }
      } else if (isGlob(segment)) {
        look(dir);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + segment);
        for (Path child : children(dir)) {
          if (matcher.matches(child.getFileName())) {
            if (last) {
              matches.add(child);
            } else if (Files.isDirectory(child)) {
              visit(child, i + 1);
            }
          }
        }
      } else {
        Path next = dir.resolve(segment);
        if (last) {
          look(dir);
          if (Files.exists(next)) {
            matches.add(next);
          }
        } else if (Files.isDirectory(next)) {
          visit(next, i + 1);
        } else {
          look(next);
        }
      }
    }

    /** Records a directory's time before it is listed, so a change after the listing shows. */
    private void look(Path dir) {
      dirs.putIfAbsent(dir, ConfigSources.stamp(dir));
    }

    private static List<Path> children(Path dir) {
      List<Path> out = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        stream.forEach(out::add);
      } catch (IOException e) {
        return out;
      }
      out.sort(null);
      return out;
    }
  }
}
