package dev.vigil.report;

import dev.vigil.files.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Replaces {@code <stateDir>/status.json} atomically: a temp file in the same directory, then a
 * rename over the old file, so a reader never sees a partial file.
 */
public final class StatusFileWriter {
  /** The file name inside the state dir. */
  public static final String FILE_NAME = "status.json";

  private final Path target;
  private final Json json;

  public StatusFileWriter(Path stateDir, Json json) {
    this.target = stateDir.resolve(FILE_NAME);
    this.json = json;
  }

  /** The status.json this writer replaces. */
  public Path file() {
    return target;
  }

  /**
   * Writes the snapshot and renames it over status.json, creating the state dir if needed.
   *
   * @throws IOException naming the file when the directory or file cannot be written
   */
  public void write(StatusSnapshot snapshot) throws IOException {
    byte[] bytes = (json.write(snapshot) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      OwnerOnly.replace(target, bytes);
    } catch (IOException e) {
      throw new IOException("cannot write " + target + ": " + e, e);
    }
  }
}
