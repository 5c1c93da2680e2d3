package dev.vigil.report;

import dev.vigil.files.RawNames;
import dev.vigil.run.Diagnostic;
import dev.vigil.run.RunRecord;
import dev.vigil.run.StageRecord;
import dev.vigil.run.StageRetry;
import dev.vigil.run.Trigger;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The human words for runs and stages that {@link ConsoleReporter} prints. */
final class RunText {
  static final int TAIL_LINES = 40;

  /** The longest output line shown whole on the console; a longer one is cut, with a note. */
  static final int MAX_LINE_CHARS = 500;

  private static final DateTimeFormatter LAST_FIX_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Path stateDir;
  private final Ansi ansi;

  RunText(Path stateDir, Ansi ansi) {
    this.stateDir = stateDir;
    this.ansi = ansi;
  }

  /** {@code 640ms}, {@code 12.3s}, {@code 2m05s}. */
  static String duration(long ms) {
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    long seconds = ms / 1000;
    return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }

  String prefix(String project) {
    return ansi.paint(Ansi.BOLD, project) + ": ";
  }

  String started(RunRecord run, String upstream) {
    Trigger trigger = run.trigger();
    String why =
        switch (trigger.kind()) {
          case CHANGE -> changed(trigger);
          case MANUAL -> "manual run";
          case STARTUP -> "startup run";
          case AFTER ->
              "after " + (upstream == null ? "an upstream project" : upstream) + " passed";
          case CONFIG -> "config changed";
        };
    return prefix(run.project()) + why;
  }

  private static String changed(Trigger trigger) {
    if (trigger.changed().isEmpty()) {
      return trigger.changedCount() == 0
          ? "files changed"
          : trigger.changedCount() + " files changed";
    }
    int more = Math.max(trigger.changedCount(), trigger.changed().size()) - 1;
    return onOneLine(RawNames.readable(trigger.changed().get(0)))
        + " changed"
        + (more > 0 ? " (+" + more + " more)" : "");
  }

  /**
   * A file name as the console can show it on its line: as it is, or, when it holds a line break,
   * an escape or another control character, quoted as git quotes such names ({@code "odd\nname"},
   * {@code \t}, {@code \"}, {@code \\}, the rest as three octal digits).
   */
  static String onOneLine(String name) {
    if (name.chars().noneMatch(c -> c < 0x20 || c == 0x7F)) {
      return name;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      switch (c) {
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            quoted.append('\\').append(String.format(Locale.ROOT, "%03o", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  List<String> stage(String project, StageRecord stage) {
    List<String> lines = new ArrayList<>();
    lines.add(prefix(project) + stageSummary(stage));
    for (StageRetry retry : stage.retries()) {
      lines.add(
          "  retry "
              + retry.attempt()
              + " after "
              + duration(retry.waitedMs())
              + ": "
              + ansi.passThrough(retry.reason()));
    }
    if (stage.leftBehind() > 0) {
      lines.add(
          "  "
              + stage.leftBehind()
              + (stage.leftBehind() == 1 ? " process" : " processes")
              + " left running by "
              + stage.name()
              + (stage.leftBehind() == 1 ? " was" : " were")
              + " ended (keep_background: true keeps them)");
    }
    if (stage.status().failing()) {
      for (String line : tail(stage.outputTail())) {
        lines.add("    " + cut(line));
      }
      if (stage.logFile() != null) {
        lines.add("  log: " + stateDir.resolve(stage.logFile()));
      }
    }
    for (Diagnostic d : stage.diagnostics()) {
      lines.add(diagnostic(d));
      if (d.lastFix() != null) {
        lines.addAll(lastFix(d));
      }
    }
    return lines;
  }

  private String stageSummary(StageRecord stage) {
    String took = duration(stage.durationMs());
    return switch (stage.status()) {
      case PASSED -> ansi.paint(Ansi.GREEN, glyph("✓") + stage.name() + " passed") + " in " + took;
      case FAILED ->
          ansi.paint(Ansi.RED, glyph("✗") + stage.name() + " failed")
              + " in "
              + took
              + (stage.exitCode() == null ? "" : " (exit " + stage.exitCode() + ")");
      case TIMEOUT ->
          ansi.paint(Ansi.RED, glyph("⏱") + stage.name() + " timed out") + " after " + took;
      case CANCELLED ->
          ansi.paint(Ansi.YELLOW, glyph("⊘") + stage.name() + " cancelled") + " after " + took;
      case SKIPPED -> ansi.paint(Ansi.DIM, glyph("-") + stage.name() + " skipped");
      case CACHED ->
          ansi.paint(Ansi.DIM, glyph("✓") + stage.name() + " cached")
              + (stage.savedMs() == null ? "" : " (" + duration(stage.savedMs()) + " saved)")
              + (stage.cachedFrom() == null || !"remote".equals(stage.cachedFrom().source())
                  ? ""
                  : " from the remote cache");
    };
  }

  private String glyph(String glyph) {
    return ansi.enabled() ? glyph + " " : "";
  }

  private List<String> tail(String output) {
    List<String> lines = new ArrayList<>(List.of(ansi.passThrough(output).split("\r?\n", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
  }

  /** A line that a terminal would wrap into a wall of text, cut and marked as such. */
  private static String cut(String line) {
    if (line.length() <= MAX_LINE_CHARS) {
      return line;
    }
    int end = MAX_LINE_CHARS;
    if (Character.isHighSurrogate(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end)
        + String.format(Locale.ROOT, " [cut: %,d characters; see the log]", line.length());
  }

  /** "last fixed … in run …:" and the diff, indented under the diagnostic. */
  private List<String> lastFix(Diagnostic d) {
    List<String> lines = new ArrayList<>();
    String when = LAST_FIX_TIME.format(d.lastFix().at().atZone(ZoneId.systemDefault()));
    String seen = d.seen() >= 2 ? "seen " + d.seen() + "x this week; " : "";
    lines.add(
        "    "
            + ansi.paint(
                Ansi.DIM, seen + "last fixed " + when + " in run " + d.lastFix().runId() + ":"));
    for (String line : d.lastFix().diff().split("\n")) {
      lines.add("      " + line);
    }
    return lines;
  }

  String diagnostic(Diagnostic d) {
    StringBuilder place = new StringBuilder(d.file());
    if (d.line() > 0) {
      place.append(':').append(d.line());
      if (d.column() > 0) {
        place.append(':').append(d.column());
      }
    }
    String severity = d.severity().equals("error") ? ansi.paint(Ansi.RED, "error") : d.severity();
    String seen = d.seen() >= 2 ? " (seen " + d.seen() + "x this week)" : "";
    return place + ": " + severity + ": " + ansi.passThrough(d.message()) + seen;
  }

  String finished(RunRecord run) {
    String took = duration(run.durationMs());
    if (run.result() == null) {
      return prefix(run.project()) + "run null in " + took;
    }
    String text =
        switch (run.result()) {
          case PASSED -> ansi.paint(Ansi.GREEN, "run passed") + " in " + took;
          case FAILED -> ansi.paint(Ansi.RED, "run failed") + " in " + took + failedStages(run);
          case CANCELLED -> ansi.paint(Ansi.YELLOW, "run cancelled") + " after " + took;
          case ERROR ->
              ansi.paint(Ansi.RED, "run errored")
                  + " after "
                  + took
                  + (run.error() == null ? "" : ": " + run.error());
        };
    return prefix(run.project()) + text;
  }

  private static String failedStages(RunRecord run) {
    String names =
        run.stages().stream()
            .filter(s -> s.status().failing())
            .map(StageRecord::name)
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? "" : " (" + names + ")";
  }
}
