package dev.vigil.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random tree of files and directories on disk with random {@code .gitignore} files and a {@code
 * .git/info/exclude}, mixing every pattern feature git supports.
 */
final class RandomTree {
  private static final String[] NAMES = {
    "a", "b", "c", "ab", "abc", "ba", "foo", "bar", "Foo", "build", "out", "deep", "x.log", "y.txt",
    "z.TXT", "lib.o", "doc.md", "a b", "#hash", "!bang", "st*r", "q?", "[ab]", "trail ", "é", "n1",
    "n2", "foo.bar", "-x", "a.b.c"
  };
  private static final String[] EXTENSIONS = {"log", "txt", "TXT", "o", "md", "c", "bar"};
  private static final String[] FIXED = {
    "*",
    "*/",
    "!*/",
    "**",
    "/*",
    "*/*",
    "**/",
    "/**",
    "a**b",
    "**/a/**",
    "*/b",
    "*.*",
    "?",
    "??",
    "[a-c]*",
    "[!a]*",
    "[^b]*",
    "[ab]",
    "\\[ab\\]",
    "[[:alpha:]]*",
    "[[:digit:]]",
    "[]a]*",
    "[a-]",
    "\\#hash",
    "\\!bang",
    "#hash",
    "st\\*r",
    "st*r",
    "q\\?",
    "trail\\ ",
    "trail",
    "a\\ b",
    "a b",
    "\\a",
    "*\\",
    "[",
    "[a",
    "a[b",
    "é",
    "?é",
    "**/*.log",
    "/foo/**/b",
    "foo/**/",
    "**/build/",
    "!**/build/",
    "deep/**",
    "!deep/**/a",
    "*/deep/*/",
    "a/b/c",
    "/a/b",
    "b/",
    "!/b/",
    "x.log/",
    "Foo/",
    "foo/*",
    "!foo/bar",
    "*.o",
    "!lib.o",
    "**/**/a",
    "*/**/x.log"
  };

  private final Path root;
  private final List<String> paths = new ArrayList<>();
  private final List<String> dirs = new ArrayList<>();
  private final List<Path> ignoreFiles = new ArrayList<>();
  private final Set<String> used = new HashSet<>();

  private RandomTree(Path root) {
    this.root = root;
  }

  List<String> paths() {
    return paths;
  }

  static RandomTree generate(Random random, Path root, int maxPaths) throws IOException {
    RandomTree tree = new RandomTree(root);
    tree.dirs.add("");
    while (tree.paths.size() < maxPaths) {
      String dir = tree.dirs.get(random.nextInt(tree.dirs.size()));
      tree.fill(random, dir, dir.isEmpty() ? 0 : dir.split("/").length, maxPaths);
    }
    for (String dir : tree.dirs) {
      if (dir.isEmpty() || random.nextInt(10) < 3) {
        tree.writeIgnoreFile(
            random, dir.isEmpty() ? root : root.resolve(dir), ".gitignore", !dir.isEmpty());
      }
    }
    Path info = Files.createDirectories(root.resolve(".git/info"));
    tree.writeIgnoreFile(random, info, "exclude", false);
    for (String dir : tree.dirs) {
      String gi = dir.isEmpty() ? ".gitignore" : dir + "/.gitignore";
      if (Files.exists(root.resolve(gi))) {
        tree.paths.add(gi);
      }
    }
    return tree;
  }

  private void fill(Random random, String dir, int depth, int maxPaths) throws IOException {
    int children = 4 + random.nextInt(8);
    for (int i = 0; i < children && paths.size() < maxPaths; i++) {
      String name = NAMES[random.nextInt(NAMES.length)];
      String rel = dir.isEmpty() ? name : dir + "/" + name;
      if (!used.add(rel)) {
        continue;
      }
      paths.add(rel);
      if (depth < 6 && random.nextInt(10) < 4) {
        Files.createDirectory(root.resolve(rel));
        dirs.add(rel);
        fill(random, rel, depth + 1, maxPaths);
      } else {
        Files.createFile(root.resolve(rel));
      }
    }
  }

  private void writeIgnoreFile(Random random, Path dir, String name, boolean anyPattern)
      throws IOException {
    StringBuilder text = new StringBuilder();
    int lines = 1 + random.nextInt(8);
    for (int i = 0; i < lines; i++) {
      text.append(line(random, anyPattern)).append(random.nextInt(20) == 0 ? "\r\n" : "\n");
    }
    Path file = dir.resolve(name);
    Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    ignoreFiles.add(file);
  }

  /** Rewrites a few ignore files with fresh random lines; returns the ones changed. */
  List<Path> rewriteSomeIgnoreFiles(Random random) throws IOException {
    List<Path> changed = new ArrayList<>();
    for (Path file : new ArrayList<>(ignoreFiles)) {
      if (random.nextBoolean()) {
        ignoreFiles.remove(file);
        writeIgnoreFile(random, file.getParent(), file.getFileName().toString(), true);
        changed.add(file);
      }
    }
    return changed;
  }

  /** One random line; without {@code anyPattern}, no blanket patterns such as {@code *}. */
  private static String line(Random random, boolean anyPattern) {
    String name = NAMES[random.nextInt(NAMES.length)];
    String other = NAMES[random.nextInt(NAMES.length)];
    String body;
    switch (random.nextInt(anyPattern ? 14 : 11)) {
      case 0 -> body = name;
      case 1 -> body = "/" + name;
      case 2 -> body = name + "/";
      case 3 -> body = name + "/" + other;
      case 4 -> body = "**/" + name;
      case 5 -> body = name + "/**";
      case 6 -> body = name + "/**/" + other;
      case 7 -> body = "*." + EXTENSIONS[random.nextInt(EXTENSIONS.length)];
      case 8 -> body = wildcard(random, name);
      case 9 -> body = random.nextBoolean() ? "# comment " + name : "";
      case 10 -> body = "   ";
      default -> body = FIXED[random.nextInt(FIXED.length)];
    }
    if (random.nextInt(4) == 0) {
      body = "!" + body;
    }
    if (random.nextInt(10) == 0) {
      body = body + "/";
    }
    if (random.nextInt(8) == 0) {
      body = body + "  ";
    }
    return body;
  }

  private static String wildcard(Random random, String name) {
    StringBuilder b = new StringBuilder(name);
    int at = random.nextInt(b.length());
    b.setCharAt(at, random.nextBoolean() ? '?' : '*');
    return b.toString();
  }

  String describeIgnoreFiles() {
    StringBuilder b = new StringBuilder();
    for (Path f : ignoreFiles) {
      b.append("--- ").append(root.relativize(f)).append('\n');
      String text = GitCheckIgnoreAgreementTest.read(f);
      for (String line : text.split("\n", -1)) {
        b.append("  |").append(line.replace("\r", "\\r")).append("|\n");
      }
    }
    return b.toString();
  }
}
