package dev.vigil.diagnostics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.run.Diagnostic;
import dev.vigil.run.RecordMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers how problems were fixed. After each decisive run of a stage (passed or failed) it keeps
 * the fingerprints the stage reported with the content of the files they pointed into; when a later
 * run of the stage no longer reports one, the change of those files between the two runs is that
 * problem's last fix. When the problem comes back, its diagnostic carries the fix.
 *
 * <p>Kept in {@code STATE_DIR/memory/}: one file per stage with its open problems and their files'
 * content, and {@code fixes.json} with the last fix of each fingerprint. Everything is bounded:
 * {@value #MAX_FILE_BYTES} bytes a file, {@value #MAX_FILES} files a stage, {@value #MAX_FIXES}
 * fixes, {@value UnifiedDiffs#MAX_DIFF} characters a diff.
 */
public final class FixMemory {
  static final int MAX_FILE_BYTES = 128 * 1024;
  static final int MAX_FILES = 20;
  static final int MAX_FIXES = 500;

  /** One finished stage, as the memory needs it. */
  public record StageRun(String project, String stage, String runId, Path root, Instant at) {}

  /** A stage's open problems and the content of their files when they were reported. */
  record OpenProblems(
      String runId, Map<String, List<String>> filesOf, Map<String, String> content) {
    static final OpenProblems NONE = new OpenProblems("", Map.of(), Map.of());
  }

  private final MemoryFiles files;
  private final int maxFixes;
  private final Map<String, OpenProblems> open = new LinkedHashMap<>();
  private Map<String, Diagnostic.LastFix> fixes;

  public FixMemory(Path stateDir) {
    this(stateDir, MAX_FIXES);
  }

  FixMemory(Path stateDir, int maxFixes) {
    ObjectMapper json = RecordMapper.create();
    this.files = new MemoryFiles(stateDir.resolve("memory"), json);
    this.maxFixes = maxFixes;
  }

  /**
   * Records what the stage's run fixed and reported, and returns its diagnostics with the last fix
   * of each one that was fixed before.
   */
  public synchronized List<Diagnostic> remember(StageRun run, List<Diagnostic> found) {
    String key = run.project() + "/" + run.stage();
    OpenProblems before =
        open.computeIfAbsent(key, k -> files.readOpen(k).orElse(OpenProblems.NONE));
    Map<String, Diagnostic.LastFix> known = fixes();
    Set<String> now = new LinkedHashSet<>();
    found.forEach(d -> now.add(d.fingerprint()));
    boolean fixedAny = false;
    for (Map.Entry<String, List<String>> problem : before.filesOf().entrySet()) {
      if (now.contains(problem.getKey())) {
        continue;
      }
      String diff = UnifiedDiffs.between(run.root(), problem.getValue(), before.content());
      if (!diff.isEmpty()) {
        known.remove(fixKey(run.project(), problem.getKey()));
        known.put(
            fixKey(run.project(), problem.getKey()),
            new Diagnostic.LastFix(run.runId(), run.at(), diff));
        fixedAny = true;
      }
    }
    while (known.size() > maxFixes) {
      known.remove(known.keySet().iterator().next());
    }
    if (fixedAny) {
      files.writeFixes(known);
    }
    OpenProblems after = snapshot(run, found);
    if (!after.filesOf().isEmpty() || !before.filesOf().isEmpty()) {
      open.put(key, after);
      files.writeOpen(key, after);
    }
    List<Diagnostic> out = new ArrayList<>(found.size());
    for (Diagnostic d : found) {
      Diagnostic.LastFix fix = known.get(fixKey(run.project(), d.fingerprint()));
      out.add(fix == null ? d : d.withLastFix(fix));
    }
    return List.copyOf(out);
  }

  private OpenProblems snapshot(StageRun run, List<Diagnostic> found) {
    Map<String, List<String>> filesOf = new LinkedHashMap<>();
    Map<String, String> content = new LinkedHashMap<>();
    for (Diagnostic d : found) {
      List<String> pointed = new ArrayList<>();
      for (String file : filesOf(d)) {
        if (!content.containsKey(file) && content.size() < MAX_FILES) {
          readBounded(run.root().resolve(file)).ifPresent(text -> content.put(file, text));
        }
        if (content.containsKey(file)) {
          pointed.add(file);
        }
      }
      if (!pointed.isEmpty()) {
        filesOf.put(d.fingerprint(), pointed);
      }
    }
    return new OpenProblems(run.runId(), filesOf, content);
  }

  private static Set<String> filesOf(Diagnostic d) {
    Set<String> out = new LinkedHashSet<>();
    if (!d.file().isEmpty() && !d.file().startsWith("/") && !d.file().startsWith("..")) {
      out.add(d.file());
    }
    return out;
  }

  private static Optional<String> readBounded(Path file) {
    try {
      if (java.nio.file.Files.size(file) > MAX_FILE_BYTES) {
        return Optional.empty();
      }
      return Optional.of(
          java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private Map<String, Diagnostic.LastFix> fixes() {
    if (fixes == null) {
      fixes = files.readFixes();
    }
    return fixes;
  }

  private static String fixKey(String project, String fingerprint) {
    return project + "/" + fingerprint;
  }
}
