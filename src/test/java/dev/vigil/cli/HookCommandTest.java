package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookCommandTest {
  @TempDir Path tmp;
  Path repo;
  Path fakeVigil;
  Path calls;
  Path config;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_AUTHOR_NAME", "Test");
    env.put("GIT_AUTHOR_EMAIL", "test@example.com");
    env.put("GIT_COMMITTER_NAME", "Test");
    env.put("GIT_COMMITTER_EMAIL", "test@example.com");
    repo = Files.createDirectories(tmp.resolve("my repo"));
    assertThat(git("init", "-q").exitCode).isZero();
    config = Files.writeString(repo.resolve("vigil.yaml"), "version: 1\n");
    calls = tmp.resolve("calls.txt");
    fakeVigil = tmp.resolve("bin/fake vigil");
    Files.createDirectories(fakeVigil.getParent());
    script(
        fakeVigil,
        "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexit \"$(cat '" + tmp + "/exit-code')\"\n");
    Files.writeString(tmp.resolve("exit-code"), "0\n");
  }

  private CommandHarness cli() {
    return new CommandHarness(env, repo);
  }

  private int install(CommandHarness cli, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(List.of("install", "--vigil", fakeVigil.toString()));
    args.addAll(List.of(extra));
    return cli.run(HookCommand::new, args.toArray(String[]::new));
  }

  @Test
  void installedHookRunsVigilOnceOnCommitAndAFailureBlocksIt() throws Exception {
    CommandHarness cli = cli();

    assertThat(install(cli)).isZero();

    Path hook = repo.resolve(".git/hooks/pre-commit");
    assertThat(hook).isExecutable();
    assertThat(cli.out()).contains("installed " + hook);
    assertThat(commit("a.txt").exitCode).isZero();
    assertThat(Files.readString(calls)).isEqualTo("once --staged --config " + config + "\n");

    Files.writeString(tmp.resolve("exit-code"), "1\n");
    GitResult blocked = commit("b.txt");

    assertThat(blocked.exitCode).isNotZero();
    assertThat(git("rev-list", "--count", "HEAD").output.strip()).isEqualTo("1");
  }

  @Test
  void anExistingHookIsChainedRunsFirstAndItsFailureCounts() throws Exception {
    Path hook = repo.resolve(".git/hooks/pre-commit");
    Path ran = tmp.resolve("original-ran.txt");
    script(hook, "#!/bin/sh\necho original >> '" + ran + "'\nexit \"$(cat '" + tmp + "/orig')\"\n");
    Files.writeString(tmp.resolve("orig"), "0\n");
    CommandHarness cli = cli();

    assertThat(install(cli, "--project", "engine")).isZero();

    assertThat(cli.out()).contains("kept the existing hook as " + hook + ".vigil-chained");
    assertThat(commit("a.txt").exitCode).isZero();
    assertThat(Files.readString(ran)).isEqualTo("original\n");
    assertThat(Files.readString(calls))
        .isEqualTo("once --staged --config " + config + " --project engine\n");

    Files.writeString(tmp.resolve("orig"), "1\n");
    assertThat(commit("b.txt").exitCode).isNotZero();
    assertThat(Files.readString(calls).lines()).hasSize(1);
  }

  @Test
  void installingTwiceKeepsOneHookAndChainsNothing() throws Exception {
    CommandHarness cli = cli();
    install(cli);
    Path hook = repo.resolve(".git/hooks/pre-commit");
    String first = Files.readString(hook);

    assertThat(install(cli)).isZero();

    assertThat(Files.readString(hook)).isEqualTo(first);
    assertThat(repo.resolve(".git/hooks/pre-commit.vigil-chained")).doesNotExist();
    assertThat(commit("a.txt").exitCode).isZero();
    assertThat(Files.readString(calls).lines()).hasSize(1);
  }

  @Test
  void uninstallRestoresTheOriginalHookByteForByte() throws Exception {
    Path hook = repo.resolve(".git/hooks/pre-commit");
    byte[] original =
        "#!/bin/sh\n# mine, with ümlauts and no newline at the end\nexit 0"
            .getBytes(StandardCharsets.UTF_8);
    Files.write(hook, original);
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-x---"));
    CommandHarness cli = cli();
    install(cli);

    assertThat(cli.run(HookCommand::new, "uninstall")).isZero();

    assertThat(Files.readAllBytes(hook)).isEqualTo(original);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hook)))
        .isEqualTo("rwxr-x---");
    assertThat(repo.resolve(".git/hooks/pre-commit.vigil-chained")).doesNotExist();
    assertThat(cli.out()).contains("restored the previous " + hook);
  }

  @Test
  void uninstallRemovesOurHookAndSaysWhenThereIsNone() throws Exception {
    CommandHarness cli = cli();
    install(cli);
    Path hook = repo.resolve(".git/hooks/pre-commit");

    assertThat(cli.run(HookCommand::new, "uninstall")).isZero();
    assertThat(hook).doesNotExist();
    assertThat(cli.run(HookCommand::new, "uninstall")).isZero();
    assertThat(cli.out())
        .contains("no vigil pre-commit hook in " + hook.getParent() + "; nothing to do");
    assertThat(commit("a.txt").exitCode).isZero();
    assertThat(calls).doesNotExist();
  }

  @Test
  void hooksPathIsHonouredFromASubdirectoryAndPrePushCanBeChosen() throws Exception {
    assertThat(git("config", "core.hooksPath", ".githooks").exitCode).isZero();
    CommandHarness fromSubdirectory =
        new CommandHarness(env, Files.createDirectories(repo.resolve("src/deep")));

    assertThat(install(fromSubdirectory, "--hook", "pre-push")).isZero();

    assertThat(repo.resolve(".githooks/pre-push")).isExecutable();
    assertThat(repo.resolve(".git/hooks/pre-push")).doesNotExist();
  }

  @Test
  void outsideARepositoryOrWithAnUnknownHookTheUserIsTold() throws Exception {
    Path elsewhere = Files.createDirectories(tmp.resolve("not a repo"));
    CommandHarness outside = new CommandHarness(env, elsewhere);

    assertThat(outside.run(HookCommand::new, "install", "--vigil", fakeVigil.toString()))
        .isEqualTo(2);
    assertThat(outside.err()).contains(elsewhere + " is not inside a git repository");

    CommandHarness cli = cli();
    assertThat(install(cli, "--hook", "post-merge")).isEqualTo(2);
    assertThat(cli.err()).contains("unknown hook 'post-merge'; choose one of pre-commit, pre-push");
    assertThat(cli.run(HookCommand::new, "install", "--vigil", tmp.resolve("nope").toString()))
        .isEqualTo(2);
    assertThat(cli.err()).contains("--vigil " + tmp.resolve("nope") + " is not an executable file");
  }

  private GitResult commit(String file) throws Exception {
    Files.writeString(repo.resolve(file), file);
    git("add", file);
    return git("commit", "-q", "-m", "add " + file);
  }

  private static void script(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private GitResult git(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new GitResult(process.exitValue(), output);
  }

  private record GitResult(int exitCode, String output) {}
}
