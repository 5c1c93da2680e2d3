package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade: precedence between ignore sources, reloads, built-ins and check-ignore. */
class IgnoreRulesTest {
  @TempDir Path tmp;
  Path root;
  Path home;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(tmp.resolve("project"));
    home = Files.createDirectories(tmp.resolve("home"));
  }

  private Map<String, String> env() {
    return Map.of("HOME", home.toString());
  }

  private IgnoreRules load(String... configIgnore) {
    return IgnoreRules.load(root, List.of(configIgnore), env());
  }

  private void write(String rel, String content) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private void mkdirs(String rel) throws IOException {
    Files.createDirectories(root.resolve(rel));
  }

  @Test
  void worksWithoutAGitRepository() throws IOException {
    write(".gitignore", "*.log\n");
    IgnoreRules rules = load();
    assertThat(rules.isIgnored(Path.of("a/b.log"), false)).isTrue();
    assertThat(rules.isIgnored(root.resolve("a/b.txt"), false)).isFalse();
  }

  @Test
  void pathUnderAnExcludedDirectoryCannotBeReincluded() throws IOException {
    write(".gitignore", "/build/\n!build/keep.txt\n/out/*\n!/out/keep.txt\n");
    mkdirs("build");
    mkdirs("out");
    IgnoreRules rules = load();
    assertThat(rules.isIgnored(Path.of("build/keep.txt"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("out/keep.txt"), false)).isFalse();
    assertThat(rules.isIgnored(Path.of("out/other.txt"), false)).isTrue();
    assertThat(rules.isIgnoredDirectory(root.resolve("build"))).isTrue();
  }

  @Test
  void deeperGitignoreBeatsShallowerOne() throws IOException {
    write(".gitignore", "*.gen\n");
    write("sub/.gitignore", "!*.gen\n");
    IgnoreRules rules = load();
    assertThat(rules.isIgnored(Path.of("x.gen"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("sub/x.gen"), false)).isFalse();
    assertThat(rules.isIgnored(Path.of("sub/deeper/x.gen"), false)).isFalse();
  }

  @Test
  void gitignoreBeatsInfoExcludeWhichBeatsGlobal() throws IOException {
    Files.createDirectories(root.resolve(".git/info"));
    Files.writeString(root.resolve(".git/info/exclude"), "*.a\n!*.b\n*.c\n");
    Path global = Files.createDirectories(home.resolve(".config/git")).resolve("ignore");
    Files.writeString(global, "*.b\n*.d\n*.c\n");
    write(".gitignore", "!*.a\n");
    IgnoreRules rules = load();
    assertThat(rules.isIgnored(Path.of("x.a"), false))
        .as(".gitignore beats info/exclude")
        .isFalse();
    assertThat(rules.isIgnored(Path.of("x.b"), false)).as("info/exclude beats global").isFalse();
    assertThat(rules.isIgnored(Path.of("x.c"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("x.d"), false)).as("global file applies").isTrue();
  }

  @Test
  void globalExcludesFileFromGitconfigWithTildeExpansion() throws IOException {
    Files.writeString(
        home.resolve(".gitconfig"), "[user]\n\tname = x\n[core]\n\texcludesFile = ~/my-ignores\n");
    Files.writeString(home.resolve("my-ignores"), "*.secret\n");
    Files.createDirectories(home.resolve(".config/git"));
    Files.writeString(home.resolve(".config/git/ignore"), "*.default\n");
    IgnoreRules rules = load();
    assertThat(rules.isIgnored(Path.of("a.secret"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("a.default"), false))
        .as("the default file is not read when core.excludesFile is set")
        .isFalse();
  }

  @Test
  void globalExcludesFileFollowsXdgConfigHome() throws IOException {
    Path xdg = Files.createDirectories(tmp.resolve("xdg/git"));
    Files.writeString(xdg.resolve("ignore"), "*.xdg\n");
    IgnoreRules rules =
        IgnoreRules.load(
            root,
            List.of(),
            Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", tmp.resolve("xdg").toString()));
    assertThat(rules.isIgnored(Path.of("a.xdg"), false)).isTrue();
  }

  @Test
  void configIgnoreLinesWinOverEveryFile() throws IOException {
    write(".gitignore", "!target/\n!*.keep\n");
    write("sub/.gitignore", "!*.log\n");
    mkdirs("target");
    IgnoreRules rules = load("target/", "*.log", "*.keep", "!important.log");
    assertThat(rules.isIgnored(Path.of("target"), true)).isTrue();
    assertThat(rules.isIgnored(Path.of("target/x"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("sub/a.log"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("a.keep"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("important.log"), false)).isFalse();
  }

  @Test
  void gitignoreInsideAnIgnoredDirectoryIsNotRead() throws IOException {
    write(".gitignore", "vendor/\n");
    write("vendor/.gitignore", "!*\n");
    IgnoreRules rules = load();
    assertThat(rules.isIgnored(Path.of("vendor/lib.c"), false)).isTrue();
  }

  @Test
  void editingAGitignoreTakesEffect() throws IOException {
    write(".gitignore", "*.log\n");
    IgnoreRules rules = load();
    write(".gitignore", "*.tmp2\n");
    IgnoreRules updated = rules.withGitignoreChanged(root.resolve(".gitignore"));
    assertThat(updated.isIgnored(Path.of("a.log"), false)).isFalse();
    assertThat(updated.isIgnored(Path.of("a.tmp2"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("a.log"), false)).as("old instance unchanged").isTrue();
  }

  @Test
  void unignoringADirectoryReadsTheGitignoreFilesInside() throws IOException {
    write(".gitignore", "gen/\n");
    write("gen/.gitignore", "*.o\n");
    IgnoreRules rules = load();
    write(".gitignore", "\n");
    rules = rules.withGitignoreChanged(root.resolve(".gitignore"));
    assertThat(rules.isIgnored(Path.of("gen/a.c"), false)).isFalse();
    assertThat(rules.isIgnored(Path.of("gen/a.o"), false)).isTrue();
  }

  @Test
  void deletedNestedGitignoreStopsApplying() throws IOException {
    write("sub/.gitignore", "*.o\n");
    IgnoreRules rules = load();
    Files.delete(root.resolve("sub/.gitignore"));
    rules = rules.withGitignoreChanged(root.resolve("sub/.gitignore"));
    assertThat(rules.isIgnored(Path.of("sub/a.o"), false)).isFalse();
  }

  @Test
  void directoryMovedInWithItsOwnGitignoreIsRead() throws IOException {
    IgnoreRules rules = load();
    Path outside = Files.createDirectories(tmp.resolve("outside/lib"));
    Files.writeString(outside.resolve(".gitignore"), "*.o\n");
    Files.move(outside, root.resolve("lib"));
    rules = rules.withDirectoryChanged(root.resolve("lib"));
    assertThat(rules.isIgnored(Path.of("lib/x.o"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("lib/x.c"), false)).isFalse();
  }

  @Test
  void gitignoreAddedToADirectoryAlreadyLookedIntoTakesEffectOnceReported() throws IOException {
    mkdirs("sub");
    IgnoreRules rules = load();
    assertThat(rules.isIgnored(Path.of("sub/a.o"), false)).isFalse();
    write("sub/.gitignore", "*.o\n");
    rules = rules.withGitignoreChanged(root.resolve("sub/.gitignore"));
    assertThat(rules.isIgnored(Path.of("sub/a.o"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("sub/a.c"), false)).isFalse();
  }

  @Test
  void gitignoreBehindASymbolicLinkIsNotRead() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside/lib"));
    Files.writeString(outside.resolve(".gitignore"), "*.o\n");
    Files.createDirectories(outside.resolve("deep"));
    Files.writeString(outside.resolve("deep/.gitignore"), "*.c\n");
    Files.createSymbolicLink(root.resolve("lib"), outside);
    IgnoreRules rules = load();
    assertThat(rules.isIgnored(Path.of("lib/x.o"), false)).isFalse();
    assertThat(rules.isIgnored(Path.of("lib/deep/x.c"), false)).isFalse();
  }

  @Test
  void globalExcludesFileEditTakesEffect() throws IOException {
    Path global = Files.createDirectories(home.resolve(".config/git")).resolve("ignore");
    IgnoreRules rules = load();
    assertThat(rules.isIgnoreSource(global)).isTrue();
    Files.writeString(global, "*.glob\n");
    rules = rules.withGitignoreChanged(global);
    assertThat(rules.isIgnored(Path.of("a.glob"), false)).isTrue();
  }

  @Test
  void infoExcludeChangeTakesEffect() throws IOException {
    Files.createDirectories(root.resolve(".git/info"));
    IgnoreRules rules = load();
    Files.writeString(root.resolve(".git/info/exclude"), "*.x\n");
    Path exclude = root.resolve(".git/info/exclude");
    assertThat(IgnoreRules.isIgnoreFile(exclude)).isTrue();
    rules = rules.withGitignoreChanged(exclude);
    assertThat(rules.isIgnored(Path.of("a.x"), false)).isTrue();
  }

  @Test
  void recognisesIgnoreFiles() {
    assertThat(IgnoreRules.isIgnoreFile(root.resolve("a/.gitignore"))).isTrue();
    assertThat(IgnoreRules.isIgnoreFile(root.resolve(".git/info/exclude"))).isTrue();
    assertThat(IgnoreRules.isIgnoreFile(root.resolve("src/Main.java"))).isFalse();
  }

  @Test
  void builtInRulesAlwaysApply() throws IOException {
    write(".gitignore", "!*\n");
    IgnoreRules rules = load();
    assertThat(rules.isIgnored(Path.of(".git"), true)).isTrue();
    assertThat(rules.isIgnored(Path.of(".git/index"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("vendor/lib/.git/HEAD"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("sub/.git"), false)).as("worktree .git file").isTrue();
    assertThat(rules.isIgnored(Path.of(".hg/store"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("a/.svn"), true)).isTrue();
    assertThat(rules.isIgnored(Path.of("src/.Main.java.swp"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("src/Main.java~"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("src/Main.java"), false)).isFalse();
    assertThat(rules.isIgnored(Path.of(".gitignore"), false)).isFalse();
  }

  @Test
  void aNegationThatNamesEditorNoiseTakesItBackABlanketOneDoesNot() throws IOException {
    write(".gitignore", "*.tmp\n");
    write("data/.gitignore", "!*.tmp\n!*~\n");
    write("any/.gitignore", "!*\n");
    write("git/.gitignore", "!.git\n!*.git\n");
    IgnoreRules rules = load();
    assertThat(rules.isIgnored(Path.of("a.tmp"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("data/a.tmp"), false)).isFalse();
    assertThat(rules.isIgnored(Path.of("data/deeper/a.tmp"), false)).isFalse();
    assertThat(rules.isIgnored(Path.of("data/notes~"), false)).isFalse();
    assertThat(rules.isIgnored(Path.of("data/.x.swp"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("any/a.tmp"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("any/.x.swp"), false)).isTrue();
    assertThat(rules.isIgnored(Path.of("git/.git"), true)).isTrue();
  }

  @Test
  void pathsOutsideTheRootAndTheRootItselfAreNotIgnored() throws IOException {
    write(".gitignore", "*\n");
    IgnoreRules rules = load();
    assertThat(rules.isIgnored(tmp.resolve("elsewhere/x"), false)).isFalse();
    assertThat(rules.isIgnored(Path.of("../x"), false)).isFalse();
    assertThat(rules.isIgnored(root, true)).isFalse();
  }

  @Test
  void checkIgnoreTakesPathsLikeGitAndKeepsInputOrder() throws IOException {
    write(".gitignore", "build/\n*.log\n");
    mkdirs("src/build");
    write("src/build.txt", "");
    IgnoreRules rules = load();
    Path cwd = root.resolve("src");
    List<String> args =
        List.of(
            "x.log",
            "build",
            "Main.java",
            root.resolve("a.log").toString(),
            "../../elsewhere.log",
            "build.txt",
            "gone/",
            "gone",
            ".#Main.java");
    // gone/ does not exist but the trailing slash says it is a directory; build/ only matches
    // directories, and src/build is one.
    write(".gitignore", "build/\n*.log\ngone/\n");
    rules = rules.withGitignoreChanged(root.resolve(".gitignore"));
    assertThat(rules.checkIgnore(cwd, args))
        .containsExactly(
            "x.log", "build", root.resolve("a.log").toString(), "gone/", ".#Main.java");
  }
}
