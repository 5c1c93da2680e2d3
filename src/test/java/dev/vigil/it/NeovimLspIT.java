package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor against {@code vigil lsp}: headless Neovim with its built-in LSP client, on a Cargo
 * crate checked by clippy, with the daemon the language server starts itself.
 */
class NeovimLspIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path ws;
  @TempDir Path state;

  @AfterEach
  void stopTheDaemon() throws Exception {
    new VigilJar(ws, state).run("stop", "--state-dir", state.toString());
  }

  @Test
  void aTypeErrorShowsAtItsLineTheFixClearsItAndClippysQuickFixEditsTheFile() throws Exception {
    assumeTrue(onPath("nvim"), "nvim is not on PATH (Debian's neovim; .ci/run installs it)");
    assumeTrue(onPath("cargo"), "cargo is not on PATH");
    Files.createDirectories(ws.resolve("src"));
    Files.writeString(
        ws.resolve("Cargo.toml"),
        "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n");
    Files.writeString(ws.resolve("src/lib.rs"), "pub fn answer() -> u32 {\n    42\n}\n");
    Files.writeString(ws.resolve(".gitignore"), "target/\n");
    Files.writeString(
        ws.resolve("vigil.yaml"),
        "version: 1\nprojects:\n  - name: probe\n    root: .\n    stages:\n"
            + "      - {name: clippy, run: cargo clippy --offline --message-format=json,"
            + " format: cargo-json}\n");
    Path out = ws.resolve("nvim-out.jsonl");
    Path script = ws.resolve("session.lua");
    try (InputStream in = getClass().getResourceAsStream("/lsp/neovim-session.lua")) {
      Files.write(script, in.readAllBytes());
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar =
        Path.of(System.getProperty("vigil.jar", "target/vigil.jar")).toAbsolutePath().toString();
    List<String> lsp = List.of(java, "-jar", jar, "lsp", "--state-dir", state.toString());

    ProcessBuilder pb =
        new ProcessBuilder(
                "nvim", "--headless", "--clean", "-n", "-u", "NONE", "-S", script.toString())
            .directory(ws.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ws.resolve("nvim.log").toFile());
    Map<String, String> env = pb.environment();
    env.put("VIGIL_WS", ws.toString());
    env.put("VIGIL_NVIM_OUT", out.toString());
    env.put("VIGIL_LSP_CMD", JSON.writeValueAsString(lsp));
    env.put("XDG_CONFIG_HOME", ws.resolve(".no-xdg").toString());
    env.remove("VIGIL_CONFIG");
    Process nvim = pb.start();
    boolean ended = nvim.waitFor(9, TimeUnit.MINUTES);
    if (!ended) {
      nvim.destroyForcibly();
    }
    Map<String, JsonNode> seen = observations(out);
    String context = "observations: " + seen + "\nnvim log:\n" + read(ws.resolve("nvim.log"));

    assertThat(ended).as(context).isTrue();
    JsonNode error = seen.get("error");
    assertThat(error).as(context).isNotNull();
    assertThat(error.path("shown").asBoolean()).as(context).isTrue();
    assertThat(error.path("lnum").asInt())
        .as("0-based line of `let s: u32 = \"text\"`")
        .isEqualTo(1);
    assertThat(error.path("col").asInt()).isEqualTo(17);
    assertThat(error.path("message").asText()).contains("mismatched types");
    assertThat(error.path("source").asText()).isEqualTo("vigil: probe/clippy");
    assertThat(seen.get("cleared").path("cleared").asBoolean()).as(context).isTrue();
    JsonNode fix = seen.get("quickfix");
    assertThat(fix.path("warned").asBoolean()).as(context).isTrue();
    assertThat(fix.path("applied").asText()).as(context).startsWith("vigil: ");
    assertThat(fix.path("line").asText()).isEqualTo("    if flag {");
    assertThat(Files.readString(ws.resolve("src/lib.rs"))).contains("    if flag {\n");
  }

  private static Map<String, JsonNode> observations(Path out) throws IOException {
    Map<String, JsonNode> seen = new HashMap<>();
    if (Files.exists(out)) {
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        JsonNode node = JSON.readTree(line);
        seen.put(node.path("kind").asText(), node.path("value"));
      }
    }
    return seen;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(none)";
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
