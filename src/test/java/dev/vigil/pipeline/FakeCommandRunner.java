package dev.vigil.pipeline;

import dev.vigil.process.CommandOutput;
import dev.vigil.process.CommandRunner;
import dev.vigil.process.CommandSpec;
import dev.vigil.process.Outcome;
import dev.vigil.process.OutputLine;
import dev.vigil.process.OutputLines;
import dev.vigil.process.OutputListener;
import dev.vigil.process.RunningCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A command runner that records what it was asked to start and ends commands when told. */
final class FakeCommandRunner implements CommandRunner {
  private final List<FakeCommand> started = new ArrayList<>();

  @Override
  public synchronized RunningCommand start(CommandSpec spec, OutputListener lines) {
    FakeCommand command = new FakeCommand(spec, lines);
    started.add(command);
    return command;
  }

  synchronized List<String> startedCommands() {
    return started.stream().map(c -> c.spec.command()).toList();
  }

  synchronized List<FakeCommand> started() {
    return List.copyOf(started);
  }

  /** The latest command whose text contains the given word. */
  synchronized FakeCommand command(String word) {
    for (int i = started.size() - 1; i >= 0; i--) {
      if (started.get(i).spec.command().contains(word)) {
        return started.get(i);
      }
    }
    throw new AssertionError("no command with " + word + " among " + startedCommands());
  }

  static final class FakeCommand implements RunningCommand {
    final CommandSpec spec;
    private final OutputListener lines;
    private final CompletableFuture<CommandOutput> result = new CompletableFuture<>();
    volatile boolean cancelRequested;

    FakeCommand(CommandSpec spec, OutputListener lines) {
      this.spec = spec;
      this.lines = lines;
    }

    @Override
    public CompletableFuture<CommandOutput> result() {
      return result;
    }

    @Override
    public void cancel() {
      cancelRequested = true;
      end(new Outcome.Cancelled(), "");
    }

    void exit(int code) {
      exit(code, "");
    }

    void exit(int code, String output) {
      end(new Outcome.Exited(code), output);
    }

    void end(Outcome outcome, String output) {
      List<OutputLine> tail =
          output.isEmpty()
              ? List.of()
              : output.lines().map(l -> new OutputLine(OutputLine.Stream.STDOUT, l)).toList();
      tail.forEach(
          l ->
              lines.lines(
                  OutputLines.of(
                      l))); // as a real command's lines reach the listener before it ends
      result.complete(new CommandOutput(outcome, Duration.ofMillis(5), tail, output.length()));
    }
  }
}
