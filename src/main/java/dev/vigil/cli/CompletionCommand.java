package dev.vigil.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil completion bash|zsh}: prints the shell completion script for every command. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the shell completion script for bash or zsh.",
      "The script for SHELL goes to standard output.",
      "bash: add `source <(vigil completion bash)` to ~/.bashrc.",
      "zsh: add `source <(vigil completion zsh)` to ~/.zshrc; the script starts with"
          + " `autoload -U +X bashcompinit && bashcompinit`, which lets zsh run bash completions."
    })
final class CompletionCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SHELL",
      completionCandidates = Shells.class,
      description = "bash or zsh.")
  String shell;

  CompletionCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    String script = AutoComplete.bash("vigil", spec.root().commandLine());
    switch (shell) {
      case "bash" -> {}
      case "zsh" ->
          script =
              "autoload -U +X compinit && compinit\n"
                  + "autoload -U +X bashcompinit && bashcompinit\n"
                  + script;
      default -> throw new UserError("no completion for shell `" + shell + "`; use bash or zsh");
    }
    ctx.out().print(script);
    ctx.out().flush();
    return ExitCode.OK;
  }

  /** The shells offered when completing {@code vigil completion}. */
  static final class Shells implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.List.of("bash", "zsh").iterator();
    }
  }
}
