package dev.vigil.control;

import dev.vigil.files.OwnerOnly;
import dev.vigil.report.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes {@code <stateDir>/api.json} readable by its owner only: a temp file created with mode 0600
 * (where the file system has POSIX modes), then renamed into place, so the token is never readable
 * by others, not even for a moment.
 */
final class ApiFile {
  private final Path dir;
  private final Path target;

  ApiFile(Path stateDir) {
    this.dir = stateDir;
    this.target = stateDir.resolve(ApiEndpoint.FILE_NAME);
  }

  Path file() {
    return target;
  }

  void write(ApiEndpoint endpoint, Json json) throws IOException {
    byte[] bytes = (json.write(endpoint) + "\n").getBytes(StandardCharsets.UTF_8);
    Path tmp = null;
    try {
      OwnerOnly.createDirectories(dir);
      tmp =
          posix()
              ? Files.createTempFile(
                  dir,
                  ".api-",
                  ".json.tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(dir, ".api-", ".json.tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
      throw new IOException("cannot write " + target + ": " + e, e);
    }
  }

  void delete() throws IOException {
    Files.deleteIfExists(target);
  }

  private boolean posix() throws IOException {
    return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
  }
}
