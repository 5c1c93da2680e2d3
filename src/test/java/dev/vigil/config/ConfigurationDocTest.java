package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/configuration.md against the key registry, so the two cannot drift apart. */
class ConfigurationDocTest {
  private static String places(ConfigKey key) {
    List<String> places = new ArrayList<>();
    if (key.allowedIn(Section.TOP)) {
      places.add("top level");
    }
    if (key.allowedIn(Section.DEFAULTS)) {
      places.add("`defaults`");
    }
    if (key.allowedIn(Section.PROJECT)) {
      places.add("project");
    }
    if (key.allowedIn(Section.STAGE)) {
      places.add("stage");
    }
    if (key.allowedIn(Section.RETRY)) {
      places.add("`retry`");
    }
    if (key.allowedIn(Section.CACHE)) {
      places.add("`cache`");
    }
    if (key.allowedIn(Section.REMOTE)) {
      places.add("`cache.remote`");
    }
    if (key.allowedIn(Section.STAGE_CACHE)) {
      places.add("stage `cache`");
    }
    return String.join(", ", places);
  }

  /** The key's row in the reference table, as the registry says it. */
  static String row(ConfigKey key) {
    String choices =
        key.choices().isEmpty()
            ? ""
            : " One of: "
                + key.choices().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "))
                + ".";
    return "| `"
        + key.key()
        + "` | "
        + (key.defaultText() == null ? "none" : "`" + key.defaultText() + "`")
        + " | "
        + places(key)
        + " | "
        + key.doc()
        + choices
        + " |";
  }

  @Test
  void everyRegisteredKeyHasItsTableRowAndASectionWithAnExample() throws Exception {
    String doc = Files.readString(RepoFiles.root().resolve("docs/configuration.md"));
    List<String> missing = new ArrayList<>();
    for (ConfigKey key : ConfigKey.values()) {
      if (!doc.contains("\n" + row(key) + "\n")) {
        missing.add(row(key));
      }
      int heading = doc.indexOf("\n### `" + key.key() + "`\n");
      if (heading < 0) {
        missing.add("### `" + key.key() + "`");
      } else {
        int next = doc.indexOf("\n#", heading + 1);
        String section = doc.substring(heading, next < 0 ? doc.length() : next);
        if (!section.contains("```yaml") || !section.contains(key.key() + ":")) {
          missing.add("a yaml example using `" + key.key() + ":` under its heading");
        }
      }
    }
    assertThat(missing).as("lines docs/configuration.md lacks").isEmpty();
  }

  @Test
  void everyVariableAStageGetsIsDocumented() throws Exception {
    String doc = Files.readString(RepoFiles.root().resolve("docs/configuration.md"));

    assertThat(doc)
        .contains(
            "`VIGIL_PROJECT`",
            "`VIGIL_RUN_ID`",
            "`VIGIL_STAGE`",
            "`VIGIL_CHANGED_COUNT`",
            "`VIGIL_CHANGED_LIST`",
            "`VIGIL_CONFIG`",
            "`VIGIL_STATE_DIR`",
            "{changed}");
  }
}
