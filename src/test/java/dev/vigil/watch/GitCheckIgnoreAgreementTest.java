package dev.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds random trees with random ignore files and compares every path's verdict with real {@code
 * git check-ignore}.
 */
class GitCheckIgnoreAgreementTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void everyPathAgreesWithGitCheckIgnore(long seed) throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path home = Files.createDirectories(tmp.resolve("home"));
    GitProcess git = new GitProcess(repo, home);
    git.run(List.of("init", "-q"), null);
    RandomTree tree = RandomTree.generate(new Random(seed), repo, 1500);
    Map<String, GitProcess.Verdict> expected = git.checkIgnore(tree.paths());
    IgnoreRules rules = IgnoreRules.load(repo, List.of(), Map.of("HOME", home.toString()));

    List<String> disagreements = new ArrayList<>();
    int gitIgnored = 0;
    for (String path : tree.paths()) {
      GitProcess.Verdict verdict = expected.get(path);
      boolean ours = rules.isIgnored(Path.of(path), Files.isDirectory(repo.resolve(path)));
      gitIgnored += verdict.ignored() ? 1 : 0;
      if (ours != verdict.ignored()) {
        disagreements.add(
            String.format(
                "%s%s: git %s (%s), vigil %s",
                path,
                Files.isDirectory(repo.resolve(path)) ? "/" : "",
                verdict.ignored() ? "ignored" : "not ignored",
                verdict.explanation(),
                ours ? "ignored" : "not ignored"));
      }
    }
    assertThat(disagreements)
        .as(
            "%d of %d paths disagree with git; first ones:%n%s%n%nignore files:%n%s",
            disagreements.size(),
            tree.paths().size(),
            String.join("\n", disagreements.subList(0, Math.min(40, disagreements.size()))),
            tree.describeIgnoreFiles())
        .isEmpty();
    // The generator must exercise both outcomes, or the comparison proves little.
    assertThat(gitIgnored).isBetween(1, tree.paths().size() - 1);
    assertThat(tree.paths()).hasSizeGreaterThanOrEqualTo(1500);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11})
  void agreesAfterIgnoreFilesChange(long seed) throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path home = Files.createDirectories(tmp.resolve("home"));
    GitProcess git = new GitProcess(repo, home);
    git.run(List.of("init", "-q"), null);
    Random random = new Random(seed);
    RandomTree tree = RandomTree.generate(random, repo, 1000);
    IgnoreRules rules = IgnoreRules.load(repo, List.of(), Map.of("HOME", home.toString()));

    for (Path changed : tree.rewriteSomeIgnoreFiles(random)) {
      rules = rules.withGitignoreChanged(changed);
    }

    Map<String, GitProcess.Verdict> expected = git.checkIgnore(tree.paths());
    List<String> disagreements = new ArrayList<>();
    for (String path : tree.paths()) {
      boolean ours = rules.isIgnored(Path.of(path), Files.isDirectory(repo.resolve(path)));
      if (ours != expected.get(path).ignored()) {
        disagreements.add(path + " (git: " + expected.get(path).explanation() + ")");
      }
    }
    assertThat(disagreements).as("ignore files:%n%s", tree.describeIgnoreFiles()).isEmpty();
  }

  @ParameterizedTest(name = "global file from {0}")
  @ValueSource(strings = {"default", "gitconfig", "xdg-config"})
  void globalExcludesFileAgreesWithGit(String where) throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path xdgGit = Files.createDirectories(home.resolve(".config/git"));
    Files.writeString(xdgGit.resolve("ignore"), "*.default\n!keep.*\n");
    Files.writeString(home.resolve("custom-ignore"), "*.custom\nbuild/\n");
    if (where.equals("gitconfig")) {
      Files.writeString(
          home.resolve(".gitconfig"), "[core]\n  excludesfile = \"~/custom-ignore\" # mine\n");
    } else if (where.equals("xdg-config")) {
      Files.writeString(
          xdgGit.resolve("config"),
          "[Core]\n\tExcludesFile = " + home.resolve("custom-ignore") + "\n");
    }
    GitProcess git = new GitProcess(repo, home);
    git.run(List.of("init", "-q"), null);
    Files.writeString(repo.resolve(".gitignore"), "!x.custom\n");
    Files.createDirectories(repo.resolve("build"));
    List<String> paths =
        List.of("a.default", "keep.default", "a.custom", "x.custom", "build", "build/y", "plain");
    for (String p : paths) {
      if (!Files.exists(repo.resolve(p))) {
        Files.createFile(repo.resolve(p));
      }
    }
    Map<String, GitProcess.Verdict> expected = git.checkIgnoreWithGlobalConfig(paths);
    IgnoreRules rules =
        IgnoreRules.load(
            repo,
            List.of(),
            Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString()));
    for (String p : paths) {
      assertThat(rules.isIgnored(Path.of(p), Files.isDirectory(repo.resolve(p))))
          .as("%s (git: %s)", p, expected.get(p).explanation())
          .isEqualTo(expected.get(p).ignored());
    }
    assertThat(paths.stream().filter(p -> expected.get(p).ignored())).isNotEmpty();
  }

  /** A layout of ignore files and the paths to judge, for the nested negation cases. */
  record Layout(
      String name, Map<String, String> ignoreFiles, List<String> dirs, List<String> files) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Layout> nestedNegations() {
    return List.of(
        new Layout(
            "a deeper !*.tmp takes back a shallower *.tmp",
            Map.of(".gitignore", "*.tmp\n", "sub/.gitignore", "!*.tmp\n"),
            List.of("sub", "sub/deeper", "other"),
            List.of("a.tmp", "sub/b.tmp", "sub/deeper/c.tmp", "other/d.tmp", "sub/e.txt")),
        new Layout(
            "a deeper negation of a directory pattern",
            Map.of(".gitignore", "build/\nlogs\n", "sub/.gitignore", "!build/\n!logs\n"),
            List.of("build", "logs", "sub", "sub/build", "sub/logs", "sub/x/build"),
            List.of("build/a", "logs/b", "sub/build/c", "sub/logs/d", "sub/x/build/e")),
        new Layout(
            "a .gitignore negates what .git/info/exclude ignores",
            Map.of(".git/info/exclude", "*.log\ncache/\n", "sub/.gitignore", "!*.log\n!cache/\n"),
            List.of("cache", "sub", "sub/cache", "sub/deeper"),
            List.of("a.log", "sub/b.log", "sub/deeper/c.log", "cache/x", "sub/cache/y")),
        new Layout(
            "negation three levels deep, ignored again below",
            Map.of(
                ".gitignore", "*.tmp\n",
                "a/.gitignore", "!*.tmp\n",
                "a/b/.gitignore", "*.tmp\n",
                "a/b/c/.gitignore", "!keep.tmp\n"),
            List.of("a", "a/b", "a/b/c"),
            List.of("x.tmp", "a/x.tmp", "a/b/x.tmp", "a/b/c/x.tmp", "a/b/c/keep.tmp")),
        new Layout(
            "a negation cannot reach into an ignored parent directory",
            Map.of(".gitignore", "out/\n", "out/.gitignore", "!*.tmp\n"),
            List.of("out", "out/sub", "in"),
            List.of("out/a.tmp", "out/sub/b.tmp", "in/c.txt")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nestedNegations")
  void nestedNegationAgreesWithGit(Layout layout) throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path home = Files.createDirectories(tmp.resolve("home"));
    GitProcess git = new GitProcess(repo, home);
    git.run(List.of("init", "-q"), null);
    for (String dir : layout.dirs()) {
      Files.createDirectories(repo.resolve(dir));
    }
    for (Map.Entry<String, String> e : layout.ignoreFiles().entrySet()) {
      Files.createDirectories(repo.resolve(e.getKey()).getParent());
      Files.writeString(repo.resolve(e.getKey()), e.getValue());
    }
    for (String file : layout.files()) {
      Files.createDirectories(repo.resolve(file).getParent());
      Files.writeString(repo.resolve(file), "x\n");
    }
    List<String> paths = new ArrayList<>(layout.dirs());
    paths.addAll(layout.files());
    Map<String, GitProcess.Verdict> expected = git.checkIgnore(paths);
    IgnoreRules rules = IgnoreRules.load(repo, List.of(), Map.of("HOME", home.toString()));

    List<String> disagreements = new ArrayList<>();
    for (String p : paths) {
      boolean dir = Files.isDirectory(repo.resolve(p));
      boolean ours = rules.isIgnored(repo.resolve(p), dir);
      if (ours != expected.get(p).ignored()) {
        disagreements.add(
            p + (dir ? "/" : "") + ": git " + expected.get(p).explanation() + ", vigil " + ours);
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(paths.stream().filter(p -> expected.get(p).ignored())).isNotEmpty();
    assertThat(paths.stream().filter(p -> !expected.get(p).ignored())).isNotEmpty();
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
