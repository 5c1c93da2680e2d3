package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil add} and {@code vigil remove}: the user config's include list, edited in place. */
class AddRemoveCommandTest {
  @TempDir Path tmp;
  Path home;
  Path user;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws IOException {
    home = Files.createDirectories(tmp.resolve("home"));
    Path xdg = tmp.resolve("xdg");
    user = xdg.resolve("vigil/vigil.yaml");
    env =
        Map.of(
            "HOME",
            home.toString(),
            "XDG_CONFIG_HOME",
            xdg.toString(),
            "VIGIL_STATE_DIR",
            tmp.resolve("state").toString(),
            "PATH",
            System.getenv("PATH"));
  }

  private Path project(String dir, String name) throws IOException {
    Path root = Files.createDirectories(home.resolve(dir));
    Files.writeString(
        root.resolve("vigil.yaml"),
        "version: 1\nprojects:\n  - name: " + name + "\n    stages: [{name: s, run: \"true\"}]\n");
    return root;
  }

  private CommandHarness in(Path cwd) {
    return new CommandHarness(env, cwd);
  }

  @Test
  void addCreatesTheUserConfigWithACommentHeaderAndListsTheProject() throws IOException {
    Path engine = project("src/engine", "engine");
    CommandHarness cli = in(engine);

    int code = cli.run(Registration.Add::new);

    assertThat(code).isZero();
    String text = Files.readString(user);
    assertThat(text).startsWith("#").contains("include:\n  - \"~/src/engine/vigil.yaml\"\n");
    assertThat(cli.out())
        .contains("created " + user)
        .contains("added ~/src/engine/vigil.yaml (project engine)");
  }

  @Test
  void addAppendsToTheListKeepingCommentsAndIsIdempotent() throws IOException {
    Path engine = project("src/engine", "engine");
    Path bot = project("src/bot", "bot");
    Files.createDirectories(user.getParent());
    Files.writeString(
        user,
        "# mine\nversion: 1\ninclude:\n  # the engine\n  - ~/src/engine/vigil.yaml\n"
            + "defaults: {debounce: 50ms}\n");
    CommandHarness cli = in(tmp);

    assertThat(cli.run(Registration.Add::new, bot.toString())).isZero();
    assertThat(Files.readString(user))
        .isEqualTo(
            "# mine\nversion: 1\ninclude:\n  # the engine\n  - ~/src/engine/vigil.yaml\n"
                + "  - \"~/src/bot/vigil.yaml\"\ndefaults: {debounce: 50ms}\n");

    String before = Files.readString(user);
    assertThat(cli.run(Registration.Add::new, engine.toString())).isZero();
    assertThat(cli.out()).contains("already registered: ~/src/engine/vigil.yaml");
    assertThat(Files.readString(user)).isEqualTo(before);
  }

  @Test
  void addRefusesABrokenConfigADirectoryWithoutOneAndANameClash() throws IOException {
    Path broken = Files.createDirectories(home.resolve("broken"));
    Files.writeString(broken.resolve("vigil.yaml"), "projects:\n  - name: x\n    stagez: []\n");
    Path empty = Files.createDirectories(home.resolve("empty"));
    project("one", "app");
    Path two = project("two", "app");
    CommandHarness cli = in(tmp);

    assertThat(cli.run(Registration.Add::new, broken.toString())).isEqualTo(2);
    assertThat(cli.err()).contains(broken.resolve("vigil.yaml") + ":3:5: unknown key `stagez`");
    assertThat(cli.run(Registration.Add::new, empty.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("no vigil.yaml in " + empty).contains("vigil init");
    assertThat(cli.run(Registration.Add::new, home.resolve("one").toString())).isZero();
    assertThat(cli.run(Registration.Add::new, two.toString())).isEqualTo(2);
    assertThat(cli.err())
        .contains(
            two.resolve("vigil.yaml")
                + ":3:11: project `app` is already defined in "
                + home.resolve("one/vigil.yaml"));
    assertThat(Files.readString(user)).doesNotContain("two");
  }

  @Test
  void addToAFlowListRewritesItAsABlockList() throws IOException {
    Path bot = project("src/bot", "bot");
    Files.createDirectories(user.getParent());
    Files.writeString(user, "include: []\nversion: 1\n");

    assertThat(in(bot).run(Registration.Add::new)).isZero();

    assertThat(Files.readString(user))
        .isEqualTo("include:\n  - \"~/src/bot/vigil.yaml\"\nversion: 1\n");
  }

  @Test
  void removeDeletesTheEntryAndAnUnregisteredDirectoryIsAnError() throws IOException {
    Path engine = project("src/engine", "engine");
    Path bot = project("src/bot", "bot");
    CommandHarness cli = in(tmp);
    cli.run(Registration.Add::new, engine.toString());
    cli.run(Registration.Add::new, bot.toString());

    assertThat(cli.run(Registration.Remove::new, engine.toString())).isZero();
    assertThat(cli.out()).contains("removed ~/src/engine/vigil.yaml");
    assertThat(Files.readString(user))
        .doesNotContain("engine")
        .contains("include:\n  - \"~/src/bot/vigil.yaml\"\n");

    assertThat(cli.run(Registration.Remove::new, engine.toString())).isEqualTo(2);
    assertThat(cli.err()).contains(engine + " is not registered").contains(user.toString());
  }

  @Test
  void removeOfAProjectOnlyAGlobIncludesNamesTheGlob() throws IOException {
    Path engine = project("src/engine", "engine");
    Files.createDirectories(user.getParent());
    Files.writeString(user, "include:\n  - \"~/src/*/vigil.yaml\"\n");

    assertThat(in(engine).run(Registration.Remove::new)).isEqualTo(2);

    assertThat(in(engine).run(Registration.Add::new)).isZero();
    CommandHarness cli = in(engine);
    cli.run(Registration.Remove::new);
    assertThat(cli.err()).contains("included by the glob `~/src/*/vigil.yaml` (" + user + ":2:5)");
  }
}
