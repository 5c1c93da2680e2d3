package dev.vigil.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state file is replaced whole, owner-only, with nothing left beside it. */
class OwnerOnlyReplaceTest {
  @TempDir Path dir;

  @Test
  void theFileGetsTheNewBytesWholeAndOwnerOnlyAndNoTemporaryFileIsLeft() throws Exception {
    Path file = dir.resolve("sub/status.json");
    OwnerOnly.replace(file, "first\n".getBytes(StandardCharsets.UTF_8));
    OwnerOnly.replace(file, "second\n".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.readString(file)).isEqualTo("second\n");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aFileThatCannotBeReplacedIsNamedAndNothingIsLeftBeside() throws Exception {
    Path folderInTheWay = Files.createDirectories(dir.resolve("status.json/x"));

    assertThatThrownBy(() -> OwnerOnly.replace(folderInTheWay.getParent(), new byte[] {1}))
        .isInstanceOf(IOException.class);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("status.json"));
    }
  }
}
