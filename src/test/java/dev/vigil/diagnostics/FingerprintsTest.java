package dev.vigil.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.run.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
  @Test
  void sameErrorMovedToAnotherLineKeepsItsFingerprint() {
    Diagnostic before = one("src/lib.rs:7:18: error: expected `u32`, found `&str`");
    Diagnostic after = one("src/lib.rs:42:5: error: expected `u32`, found `&str`");
    assertThat(after.line()).isNotEqualTo(before.line());
    assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
  }

  @Test
  void lineReferencesNumbersDirectoriesQuotesAndSpacingInTheMessageDoNotCount() {
    String a =
        Fingerprints.fingerprint(
            "src/a.c",
            "-Wshadow",
            "declaration of ‘x’ shadows a previous local at /home/ann/p/src/a.c:12");
    String b =
        Fingerprints.fingerprint(
            "src/a.c",
            "-Wshadow",
            "declaration of 'x'  shadows a previous local at /ci/build/src/a.c:40");
    assertThat(a).isEqualTo(b).hasSize(16).matches("[0-9a-f]{16}");
  }

  @Test
  void differentMessagesCodesOrFilesGiveDifferentFingerprints() {
    String base = Fingerprints.fingerprint("src/lib.rs", "E0308", "mismatched types");
    assertThat(Fingerprints.fingerprint("src/lib.rs", "E0308", "mismatched lifetimes"))
        .isNotEqualTo(base);
    assertThat(Fingerprints.fingerprint("src/lib.rs", "E0382", "mismatched types"))
        .isNotEqualTo(base);
    assertThat(Fingerprints.fingerprint("src/main.rs", "E0308", "mismatched types"))
        .isNotEqualTo(base);
    assertThat(Fingerprints.fingerprint("src/lib.rs", "", "cannot find value `foo`"))
        .isNotEqualTo(Fingerprints.fingerprint("src/lib.rs", "", "cannot find value `bar`"));
  }

  @Test
  void identifiersWithDigitsAreNotNumbers() {
    assertThat(Fingerprints.fingerprint("a.rs", "", "expected `u32`"))
        .isNotEqualTo(Fingerprints.fingerprint("a.rs", "", "expected `u64`"));
  }

  @Test
  void leadingDotSlashInTheFileDoesNotCount() {
    assertThat(Fingerprints.fingerprint("./main.go", "", "undefined: x"))
        .isEqualTo(Fingerprints.fingerprint("main.go", "", "undefined: x"));
  }

  private static Diagnostic one(String line) {
    List<Diagnostic> found = DiagnosticParsers.parse("generic", Path.of("/p"), List.of(line));
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
