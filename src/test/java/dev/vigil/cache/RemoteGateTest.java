package dev.vigil.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.time.FakeScheduler;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    final List<String> sent = new ArrayList<>();

    @Override
    public CompletableFuture<Optional<byte[]>> get(String key) {
      gets++;
      return next;
    }

    @Override
    public CompletableFuture<Void> put(String key, byte[] bytes, String signature) {
      puts++;
      return next.thenApply(
          v -> {
            sent.add(key + " " + new String(bytes, StandardCharsets.UTF_8) + " " + signature);
            return null;
          });
    }

    @Override
    public String describe() {
      return "http://127.0.0.1:9";
    }
  }

  final ScriptedRemote remote = new ScriptedRemote();

  /** What the local store keeps, by key: a held upload is read from there when it is sent. */
  final Map<String, byte[]> stored = new HashMap<>();

  final RemoteGate gate =
      new RemoteGate(
          remote,
          TIMEOUT,
          scheduler,
          notes::add,
          key -> Optional.ofNullable(stored.get(key)),
          Runnable::run);

  private static final CompletableFuture<Optional<byte[]>> DOWN =
      CompletableFuture.failedFuture(new ConnectException("Connection refused"));
  private static final CompletableFuture<Optional<byte[]>> UP =
      CompletableFuture.completedFuture(Optional.empty());

  /** A key of 64 hex digits made from a number. */
  private static String key(int i) {
    return String.format("%064x", i);
  }

  /** A stage's store: kept locally, then uploaded. */
  private void upload(int i) {
    byte[] bytes = ("artifact " + i).getBytes(StandardCharsets.UTF_8);
    stored.put(key(i), bytes);
    assertThat(gate.put(key(i), bytes, ArtifactCodec.signatureOf(bytes)).join()).isNull();
  }

  private String sent(int i) {
    byte[] bytes = ("artifact " + i).getBytes(StandardCharsets.UTF_8);
    return key(i) + " artifact " + i + " " + ArtifactCodec.signatureOf(bytes);
  }

  @Test
  void uploadsMadeWhileTheRemoteIsDownAreSentWhenItIsReachableAgain() {
    remote.next = DOWN;
    upload(1); // fails: the remote is paused
    upload(2); // paused: held
    assertThat(remote.puts).isEqualTo(1);
    assertThat(remote.sent).isEmpty();

    remote.next = UP;
    scheduler.advance(RemoteGate.PAUSE.minusMillis(1));
    assertThat(remote.puts).as("not before the pause ends").isEqualTo(1);
    scheduler.advance(Duration.ofMillis(1));

    assertThat(remote.sent).containsExactly(sent(1), sent(2));
    assertThat(notes)
        .hasSize(2)
        .last()
        .asString()
        .contains("is reachable again")
        .contains("sending 2 uploads made meanwhile");
  }

  @Test
  void aRemoteThatFailsAgainWhileHeldUploadsGoKeepsThemForTheNextTry() {
    remote.next = DOWN;
    upload(1);
    upload(2);
    scheduler.advance(RemoteGate.PAUSE); // tried again: still down

    assertThat(remote.sent).isEmpty();
    assertThat(notes).as("said once").hasSize(1);

    remote.next = UP;
    scheduler.advance(RemoteGate.PAUSE);
    assertThat(remote.sent).containsExactly(sent(1), sent(2));
  }

  @Test
  void onlyTheNewestUploadsAreHeldAndTheDroppedOnesAreCountedOnce() {
    remote.next = DOWN;
    for (int i = 0; i < RemoteGate.HELD_UPLOADS + 6; i++) {
      upload(i);
    }

    remote.next = UP;
    scheduler.advance(RemoteGate.PAUSE);

    assertThat(remote.sent)
        .hasSize(RemoteGate.HELD_UPLOADS)
        .startsWith(sent(6))
        .endsWith(sent(RemoteGate.HELD_UPLOADS + 5));
    assertThat(notes)
        .filteredOn(n -> n.contains("6 older ones dropped"))
        .as("the count said once")
        .hasSize(1);
  }

  @Test
  void aHeldUploadWhoseArtifactWasEvictedMeanwhileIsLeftOut() {
    remote.next = DOWN;
    upload(1);
    upload(2);
    stored.remove(key(1));

    remote.next = UP;
    scheduler.advance(RemoteGate.PAUSE);

    assertThat(remote.sent).containsExactly(sent(2));
  }

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
