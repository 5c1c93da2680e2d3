package dev.vigil.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.vigil.run.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  @TempDir Path dir;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in =
        SarifWriterTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      JsonNode node = MAPPER.readTree(in);
      schema = JsonSchemaFactory.getInstance(SpecVersionDetector.detect(node)).getSchema(node);
    }
  }

  private static Set<ValidationMessage> validate(JsonNode log) {
    return schema.validate(log);
  }

  private Path writeSample() throws IOException {
    Path root = dir.resolve("my project");
    List<Diagnostic> clippy =
        Samples.parse("cargo-json", "/tmp/samples/demo", "cargo-json/build.jsonl");
    List<Diagnostic> gcc =
        List.of(
            new Diagnostic("src/a b.c", 3, 0, "note", "", "declared here", "0123456789abcdef", 1),
            new Diagnostic("/usr/include/stdio.h", 0, 0, "error", "-Wfoo", "outside", "fp", 4),
            new Diagnostic("", 0, 0, "error", "", "linker `cc` not found", "fp2", 1));
    Path file = dir.resolve("state/diagnostics/engine.sarif");
    SarifWriter.write(
        file,
        "engine",
        root,
        List.of(new StageDiagnostics("clippy", clippy), new StageDiagnostics("build", gcc)));
    return file;
  }

  @Test
  void writtenLogIsValidSarif210() throws IOException {
    JsonNode log = MAPPER.readTree(writeSample().toFile());
    assertThat(validate(log)).isEmpty();
    assertThat(log.path("version").asText()).isEqualTo("2.1.0");
    assertThat(log.path("$schema").asText()).contains("sarif-2.1.0");
  }

  @Test
  void resultsCarryRuleLevelMessagePlaceAndFingerprint() throws IOException {
    JsonNode run = MAPPER.readTree(writeSample().toFile()).path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("vigil");
    assertThat(run.path("tool").path("driver").path("rules").findValuesAsText("id"))
        .containsExactly("E0308", "unused_variables", "-Wfoo");
    assertThat(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText())
        .isEqualTo(dir.toUri() + "my%20project/");

    JsonNode first = run.path("results").get(0);
    assertThat(first.path("ruleId").asText()).isEqualTo("E0308");
    assertThat(first.path("level").asText()).isEqualTo("error");
    assertThat(first.path("message").path("text").asText())
        .isEqualTo("mismatched types: expected `u32`, found `&str`");
    JsonNode physical = first.path("locations").get(0).path("physicalLocation");
    assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("src/lib.rs");
    assertThat(physical.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(7);
    assertThat(physical.path("region").path("startColumn").asInt()).isEqualTo(18);
    assertThat(first.path("partialFingerprints").path("vigil/v1").asText()).hasSize(16);
    assertThat(first.path("properties").path("stage").asText()).isEqualTo("clippy");

    JsonNode note = run.path("results").get(2);
    assertThat(note.path("level").asText()).isEqualTo("note");
    assertThat(note.has("ruleId")).isFalse();
    JsonNode noteLocation = note.path("locations").get(0).path("physicalLocation");
    assertThat(noteLocation.path("artifactLocation").path("uri").asText()).isEqualTo("src/a%20b.c");
    assertThat(noteLocation.path("region").has("startColumn")).isFalse();

    JsonNode outside = run.path("results").get(3).path("locations").get(0).path("physicalLocation");
    assertThat(outside.path("artifactLocation").path("uri").asText())
        .isEqualTo("file:///usr/include/stdio.h");
    assertThat(outside.path("artifactLocation").has("uriBaseId")).isFalse();
    assertThat(outside.has("region")).isFalse();

    assertThat(run.path("results").get(4).has("locations")).isFalse();
  }

  @Test
  void theSchemaCatchesABrokenLog() throws IOException {
    ObjectNode log = (ObjectNode) MAPPER.readTree(writeSample().toFile());
    ((ObjectNode) log.path("runs").get(0).path("results").get(0)).put("level", "fatal");
    assertThat(validate(log)).isNotEmpty();
  }

  @Test
  void rewritingReplacesTheFileAndLeavesNoTempFiles() throws IOException {
    Path file = writeSample();
    SarifWriter.write(file, "engine", dir, List.of());
    assertThat(MAPPER.readTree(file.toFile()).path("runs").get(0).path("results")).isEmpty();
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void anUnwritableTargetNamesTheFile() throws IOException {
    Path blocker = dir.resolve("not-a-dir");
    Files.writeString(blocker, "x");
    Path file = blocker.resolve("engine.sarif");
    assertThatThrownBy(() -> SarifWriter.write(file, "engine", dir, List.of()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }
}
