package dev.vigil.service;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Installs and removes the git hook that runs {@code vigil once}, keeping any hook that was there
 * before: it is moved aside to {@code HOOK.vigil-chained} and run first.
 */
public final class GitHooks {
  /** The suffix of a hook kept aside and run before vigil's. */
  public static final String CHAINED_SUFFIX = ".vigil-chained";

  private static final Duration GIT = Duration.ofSeconds(30);

  private final Path cwd;
  private final ServiceManager git;
  private final PrintStream out;

  /** Hooks of the repository that contains {@code cwd}; {@code git} runs the git commands. */
  public GitHooks(Path cwd, ServiceManager git, PrintStream out) {
    this.cwd = cwd;
    this.git = git;
    this.out = out;
  }

  /** The repository's hooks directory, as git resolves it (honouring {@code core.hooksPath}). */
  public Path hooksDir() throws ServiceException {
    ServiceManager.Result result =
        git.run(List.of("git", "-C", cwd.toString(), "rev-parse", "--git-path", "hooks"), GIT);
    if (!result.ok() || result.output().isEmpty()) {
      throw new ServiceException(
          cwd
              + " is not inside a git repository (git rev-parse --git-path hooks: "
              + (result.output().isEmpty() ? "exit " + result.exitCode() : result.output())
              + ")");
    }
    return cwd.resolve(result.firstLine()).toAbsolutePath().normalize();
  }

  /** Installs {@code hook} running {@code command}; an existing foreign hook is chained. */
  public void install(GitHook hook, List<String> command) throws ServiceException {
    Path dir = hooksDir();
    Path file = dir.resolve(hook.fileName());
    Path chained = dir.resolve(hook.fileName() + CHAINED_SUFFIX);
    try {
      Files.createDirectories(dir);
      boolean present = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
      if (present && isOurs(file)) {
        out.println("updating the vigil " + hook.fileName() + " hook in " + file);
      } else if (present) {
        if (Files.exists(chained, LinkOption.NOFOLLOW_LINKS)) {
          throw new ServiceException(
              "both "
                  + file
                  + " and "
                  + chained
                  + " exist and neither is vigil's; move one of them away and run again");
        }
        Files.move(file, chained);
        out.println("kept the existing hook as " + chained + "; it runs first");
      }
      Files.writeString(file, HookScript.render(hook, command), StandardCharsets.UTF_8);
      makeExecutable(file);
    } catch (IOException e) {
      throw new ServiceException("cannot install the hook " + file + ": " + e.getMessage(), e);
    }
    out.println("installed " + file + ": runs " + String.join(" ", command));
  }

  /** Removes vigil's hook and puts back the one it chained, if any. */
  public void uninstall(GitHook hook) throws ServiceException {
    Path dir = hooksDir();
    Path file = dir.resolve(hook.fileName());
    Path chained = dir.resolve(hook.fileName() + CHAINED_SUFFIX);
    try {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || !isOurs(file)) {
        out.println("no vigil " + hook.fileName() + " hook in " + dir + "; nothing to do");
        return;
      }
      Files.delete(file);
      if (Files.exists(chained, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(chained, file);
        out.println("removed the vigil hook and restored the previous " + file);
      } else {
        out.println("removed " + file);
      }
    } catch (IOException e) {
      throw new ServiceException("cannot remove the hook " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean isOurs(Path file) throws IOException {
    if (Files.isSymbolicLink(file) || !Files.isRegularFile(file)) {
      return false;
    }
    byte[] head = Files.readAllBytes(file);
    return new String(head, StandardCharsets.UTF_8).contains(HookScript.MARKER);
  }

  private static void makeExecutable(Path file) throws IOException {
    Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
    perms.add(PosixFilePermission.OWNER_EXECUTE);
    if (perms.contains(PosixFilePermission.GROUP_READ)) {
      perms.add(PosixFilePermission.GROUP_EXECUTE);
    }
    if (perms.contains(PosixFilePermission.OTHERS_READ)) {
      perms.add(PosixFilePermission.OTHERS_EXECUTE);
    }
    Files.setPosixFilePermissions(file, perms);
  }
}
