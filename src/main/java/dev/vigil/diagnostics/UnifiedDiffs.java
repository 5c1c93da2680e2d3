package dev.vigil.diagnostics;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Unified diffs of files between the content kept earlier and the content on disk now. */
final class UnifiedDiffs {
  static final int MAX_DIFF = 16 * 1024;

  /** Changed lines past which a file counts as rewritten and is not diffed line by line. */
  static final int MAX_CHANGED_LINES = 2_000;

  private static final int CONTEXT = 3;

  private UnifiedDiffs() {}

  /**
   * The diff of {@code files} (relative to {@code root}) from their kept content to the disk's,
   * empty when none changed; cut at {@value #MAX_DIFF} characters.
   */
  static String between(Path root, List<String> files, Map<String, String> kept) {
    StringBuilder out = new StringBuilder();
    for (String file : files) {
      String before = kept.get(file);
      if (before == null) {
        continue;
      }
      String after;
      try {
        after = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        after = "";
      } catch (IOException | RuntimeException e) {
        continue;
      }
      List<String> old = before.lines().toList();
      List<String> now = after.lines().toList();
      int same = commonEnds(old, now);
      if (old.size() - same > MAX_CHANGED_LINES || now.size() - same > MAX_CHANGED_LINES) {
        out.append("--- a/").append(file).append("\n+++ b/").append(file).append('\n');
        out.append("(rewritten: ").append(old.size() - same).append(" lines replaced by ");
        out.append(now.size() - same).append("; too many to show)\n");
        continue;
      }
      Patch<String> patch = DiffUtils.diff(old, now);
      if (patch.getDeltas().isEmpty()) {
        continue;
      }
      for (String line :
          UnifiedDiffUtils.generateUnifiedDiff("a/" + file, "b/" + file, old, patch, CONTEXT)) {
        out.append(line).append('\n');
      }
    }
    return bounded(out);
  }

  /** Lines the two have in common at their start and at their end. */
  private static int commonEnds(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    int head = 0;
    while (head < n && a.get(head).equals(b.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < n - head && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
      tail++;
    }
    return head + tail;
  }

  private static String bounded(StringBuilder out) {
    if (out.length() > MAX_DIFF) {
      out.setLength(MAX_DIFF);
      out.append("\n… (diff cut at ").append(MAX_DIFF / 1024).append(" KiB)\n");
    }
    return out.toString();
  }
}
