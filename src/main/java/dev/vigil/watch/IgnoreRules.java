package dev.vigil.watch;

import dev.vigil.glob.GitignorePattern;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ignore rules of one project tree, with git's exact semantics: every {@code .gitignore} under
 * the root, {@code .git/info/exclude}, git's global excludes file, then the config's {@code
 * ignore:} entries on top, plus the built-in rules for VCS directories and editor noise. A nested
 * {@code .gitignore} is read the first time a path below its directory is judged, and at most once
 * per instance; {@link #withGitignoreChanged} returns a copy that reads the changed file again.
 */
public final class IgnoreRules {
  private static final Logger log = LoggerFactory.getLogger(IgnoreRules.class);

  private final Path root;
  private final List<String> configIgnore;
  private final Map<String, String> env;
  private final Path infoExcludePath;
  private final Path globalPath;
  private final IgnoreStack stack;

  private IgnoreRules(
      Path root,
      List<String> configIgnore,
      Map<String, String> env,
      Path infoExcludePath,
      Path globalPath,
      IgnoreStack stack) {
    this.root = root;
    this.configIgnore = configIgnore;
    this.env = env;
    this.infoExcludePath = infoExcludePath;
    this.globalPath = globalPath;
    this.stack = stack;
  }

  /**
   * The rules of the tree at {@code root}, whether or not it is a git repository; HOME and
   * XDG_CONFIG_HOME are taken from {@code env}. Reads the root's ignore files now, nested ones
   * later.
   */
  public static IgnoreRules load(Path root, List<String> configIgnore, Map<String, String> env) {
    Path absRoot = root.toAbsolutePath().normalize();
    List<String> config = List.copyOf(configIgnore);
    Map<String, String> environment = Map.copyOf(env);
    IgnoreFile configFile =
        new IgnoreFile(
            "config ignore",
            "",
            GitignoreParser.parse(String.join("\n", config).getBytes(StandardCharsets.UTF_8)));
    Path common = GitDirs.commonDir(absRoot);
    Path infoExclude = common == null ? null : common.resolve("info/exclude");
    Path global =
        GitGlobalExcludes.find(environment, common == null ? null : common.resolve("config"))
            .map(p -> p.toAbsolutePath().normalize())
            .orElse(null);
    IgnoreFile info = readOrEmpty(infoExclude, ".git/info/exclude");
    IgnoreFile globalFile = readOrEmpty(global, global == null ? "" : global.toString());
    DirIgnoreFiles dirFiles = new DirIgnoreFiles(absRoot);
    dirFiles.get("");
    IgnoreStack stack = new IgnoreStack(configFile, dirFiles, info, globalFile);
    return new IgnoreRules(absRoot, config, environment, infoExclude, global, stack);
  }

  private static IgnoreFile readOrEmpty(Path file, String source) {
    if (file == null) {
      return IgnoreFile.EMPTY;
    }
    try {
      IgnoreFile read = IgnoreFile.read(file, source, "", true);
      return read == null ? IgnoreFile.EMPTY : read;
    } catch (IOException | RuntimeException e) {
      log.warn("cannot read ignore file {}: {}; treating it as empty", file, e.toString());
      return IgnoreFile.EMPTY;
    }
  }

  /**
   * Git's verdict, with editor noise ignored unless a negation names it: {@code !*.tmp} or {@code
   * !notes~} takes such files back, a blanket {@code !*} does not.
   */
  private static boolean ignoredByRules(IgnoreStack stack, String rel, boolean isDir) {
    GitignorePattern m = stack.decide(rel, isDir);
    if (m != null && !m.negative()) {
      return true;
    }
    return BuiltinIgnores.isNoise(rel, isDir) && (m == null || m.anyName());
  }

  /**
   * Whether the path (absolute under the root, or relative to it) is ignored; a path outside the
   * root, and the root itself, are not.
   */
  public boolean isIgnored(Path path, boolean isDirectory) {
    String rel = relative(path);
    return rel != null && isIgnored(rel, isDirectory);
  }

  /** Same, for a '/'-separated path relative to the root. */
  boolean isIgnored(String rel, boolean isDirectory) {
    return !rel.isEmpty()
        && (BuiltinIgnores.isVcs(rel, isDirectory) || ignoredByRules(stack, rel, isDirectory));
  }

  /** Whether the directory is ignored, so registration can skip its whole subtree. */
  public boolean isIgnoredDirectory(Path dir) {
    return isIgnored(dir, true);
  }

  /** The '/'-separated path relative to the root, or null if it is outside the root. */
  private String relative(Path path) {
    Path rel;
    if (path.isAbsolute()) {
      Path p = path.normalize();
      if (!p.startsWith(root)) {
        return null;
      }
      rel = root.relativize(p);
    } else {
      rel = path.normalize();
      if (rel.startsWith("..")) {
        return null;
      }
    }
    String s = rel.toString();
    return File.separatorChar == '/' ? s : s.replace(File.separatorChar, '/');
  }

  /**
   * Rules updated after {@code file} (a {@code .gitignore}, the info/exclude or the global excludes
   * file) was created, edited or deleted; {@code this} if the change cannot matter.
   */
  public IgnoreRules withGitignoreChanged(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    if (abs.equals(infoExcludePath) || abs.equals(globalPath)) {
      return load(root, configIgnore, env);
    }
    Path dir = abs.getParent();
    if (dir == null || !".gitignore".equals(String.valueOf(abs.getFileName()))) {
      return this;
    }
    return withDirectoryChanged(dir);
  }

  /**
   * Rules updated after a directory appeared, vanished or was moved, reading every {@code
   * .gitignore} at and below it again when needed; {@code this} if it is outside the root or
   * ignored.
   */
  public IgnoreRules withDirectoryChanged(Path dir) {
    String dirRel = relative(dir.toAbsolutePath().normalize());
    if (dirRel == null || (!dirRel.isEmpty() && isIgnored(dirRel, true))) {
      return this;
    }
    IgnoreStack updated =
        new IgnoreStack(
            stack.config(), stack.dirFiles().without(dirRel), stack.infoExclude(), stack.global());
    return new IgnoreRules(root, configIgnore, env, infoExcludePath, globalPath, updated);
  }

  /**
   * Whether a change to this path should trigger {@link #withGitignoreChanged}: any {@link
   * #isIgnoreFile} path, or this tree's info/exclude or global excludes file wherever they are.
   */
  public boolean isIgnoreSource(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return isIgnoreFile(abs) || abs.equals(infoExcludePath) || abs.equals(globalPath);
  }

  /** Whether a change to this path should trigger {@link #withGitignoreChanged}. */
  public static boolean isIgnoreFile(Path p) {
    Path name = p.getFileName();
    if (name == null) {
      return false;
    }
    if (name.toString().equals(".gitignore")) {
      return true;
    }
    Path parent = p.getParent();
    return name.toString().equals("exclude")
        && parent != null
        && parent.getFileName() != null
        && parent.getFileName().toString().equals("info");
  }

  /**
   * What {@code vigil check-ignore} prints: those of {@code args} (relative to {@code cwd}, or
   * absolute) that are ignored, in input order. An existing directory is judged as a directory.
   */
  public List<String> checkIgnore(Path cwd, List<String> args) {
    List<String> ignored = new ArrayList<>();
    for (String arg : args) {
      Path p = cwd.toAbsolutePath().resolve(arg).normalize();
      boolean dir = arg.endsWith("/") || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
      if (isIgnored(p, dir)) {
        ignored.add(arg);
      }
    }
    return ignored;
  }

  /** The project root these rules belong to. */
  public Path root() {
    return root;
  }
}
