package dev.vigil.diagnostics;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.files.OwnerOnly;
import dev.vigil.run.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fix memory's files: each replaced atomically (a temp file, then a rename), owner-only. A file
 * that cannot be read is treated as empty; one that cannot be written is logged, and the memory
 * goes on in memory.
 */
final class MemoryFiles {
  private static final Logger LOG = LoggerFactory.getLogger(MemoryFiles.class);
  private static final TypeReference<LinkedHashMap<String, Diagnostic.LastFix>> FIXES =
      new TypeReference<>() {};

  private final Path dir;
  private final ObjectMapper json;

  MemoryFiles(Path dir, ObjectMapper json) {
    this.dir = dir;
    this.json = json;
  }

  Optional<FixMemory.OpenProblems> readOpen(String stageKey) {
    return read(openFile(stageKey)).flatMap(text -> parse(text, FixMemory.OpenProblems.class));
  }

  void writeOpen(String stageKey, FixMemory.OpenProblems problems) {
    write(openFile(stageKey), problems);
  }

  Map<String, Diagnostic.LastFix> readFixes() {
    Optional<String> text = read(dir.resolve("fixes.json"));
    if (text.isEmpty()) {
      return new LinkedHashMap<>();
    }
    try {
      return json.readValue(text.get(), FIXES);
    } catch (IOException e) {
      LOG.warn("ignoring {}: {}", dir.resolve("fixes.json"), e.getMessage());
      return new LinkedHashMap<>();
    }
  }

  void writeFixes(Map<String, Diagnostic.LastFix> fixes) {
    write(dir.resolve("fixes.json"), fixes);
  }

  private Path openFile(String stageKey) {
    return dir.resolve(
        "open-" + HexFormat.of().formatHex(stageKey.getBytes(StandardCharsets.UTF_8)) + ".json");
  }

  private <T> Optional<T> parse(String text, Class<T> type) {
    try {
      return Optional.of(json.readValue(text, type));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void write(Path file, Object value) {
    try {
      OwnerOnly.replace(file, json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.warn("cannot write {}: {}", file, e.getMessage());
    }
  }
}
