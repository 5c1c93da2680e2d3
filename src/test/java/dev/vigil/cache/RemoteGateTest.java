package dev.vigil.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.time.FakeScheduler;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A remote that is down, slow or refuses the token: every read is a miss within the timeout, the
 * console hears it once, the remote is left alone for a while and then tried again.
 */
class RemoteGateTest {
  private static final String KEY = "a".repeat(64);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  final FakeScheduler scheduler = new FakeScheduler();
  final List<String> notes = new ArrayList<>();

  /** A remote whose every answer the test decides. */
  static final class ScriptedRemote implements Remote {
    CompletableFuture<Optional<byte[]>> next = new CompletableFuture<>();
    int gets;
    int puts;

    @Override
    public CompletableFuture<Optional<byte[]>> get(String key) {
      gets++;
      return next;
    }

    @Override
    public CompletableFuture<Void> put(String key, byte[] bytes, String signature) {
      puts++;
      return next.thenApply(v -> null);
    }

    @Override
    public String describe() {
      return "http://127.0.0.1:9";
    }
  }

  final ScriptedRemote remote = new ScriptedRemote();
  final RemoteGate gate = new RemoteGate(remote, TIMEOUT, scheduler, notes::add);

  @Test
  void aRemoteThatIsDownIsAMissSaidOnceAndTriedAgainAfterThePause() {
    remote.next = CompletableFuture.failedFuture(new ConnectException("Connection refused"));

    assertThat(gate.get(KEY).join()).isEmpty();
    assertThat(gate.get(KEY).join()).isEmpty();
    assertThat(gate.put(KEY, new byte[] {1}, "-").join()).isNull();

    assertThat(remote.gets).as("paused after the first failure").isEqualTo(1);
    assertThat(remote.puts).isZero();
    assertThat(notes)
        .singleElement()
        .asString()
        .contains("http://127.0.0.1:9 is unavailable (Connection refused)")
        .contains("trying it again in 30 s");

    scheduler.advance(RemoteGate.PAUSE);
    remote.next =
        CompletableFuture.completedFuture(Optional.of("x".getBytes(StandardCharsets.UTF_8)));
    assertThat(gate.get(KEY).join()).isPresent();
    assertThat(remote.gets).isEqualTo(2);
    assertThat(notes).hasSize(2).last().asString().contains("is reachable again");
  }

  @Test
  void aWallClockJumpBackDoesNotLengthenThePauseNorAJumpForwardEndIt() {
    remote.next = CompletableFuture.failedFuture(new ConnectException("Connection refused"));
    assertThat(gate.get(KEY).join()).isEmpty();

    scheduler.jumpWallClock(Duration.ofHours(1));
    assertThat(gate.get(KEY).join()).isEmpty();
    assertThat(remote.gets).as("still paused after a jump forwards").isEqualTo(1);

    scheduler.jumpWallClock(Duration.ofHours(-3));
    scheduler.advance(RemoteGate.PAUSE);
    remote.next =
        CompletableFuture.completedFuture(Optional.of("x".getBytes(StandardCharsets.UTF_8)));
    assertThat(gate.get(KEY).join()).isPresent();
    assertThat(remote.gets).as("tried again after the pause, on monotonic time").isEqualTo(2);
  }

  @Test
  void aRemoteThatDoesNotAnswerIsAMissOnceTheTimeoutPasses() {
    CompletableFuture<Optional<byte[]>> answer = gate.get(KEY);
    scheduler.advance(TIMEOUT.minusMillis(1));
    assertThat(answer).isNotDone();

    scheduler.advance(Duration.ofMillis(1));

    assertThat(answer).isCompletedWithValue(Optional.empty());
    assertThat(notes).singleElement().asString().contains("no answer within 2000 ms");
  }

  @Test
  void aRemoteThatRefusesTheTokenIsAMissThatNamesTheToken() {
    remote.next =
        CompletableFuture.failedFuture(
            new RemoteAnswers.RemoteFailure(
                "http://127.0.0.1:9 answered 401 (the token is missing or wrong)"));

    assertThat(gate.get(KEY).join()).isEmpty();

    assertThat(notes).singleElement().asString().contains("401 (the token is missing or wrong)");
  }
}
