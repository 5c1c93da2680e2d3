package dev.vigil.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Plain {@code GET} and {@code PUT} of {@code URL/KEY}: nginx with WebDAV, Gradle's HTTP build
 * cache, any WebDAV server. A bearer token is sent when one is configured.
 */
final class HttpRemote implements Remote {
  private final HttpClient client;
  private final URI base;
  private final Optional<String> token;
  private final Duration timeout;

  HttpRemote(HttpClient client, URI base, Optional<String> token, Duration timeout) {
    this.client = client;
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.token = token;
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<Optional<byte[]>> get(String key) {
    HttpRequest request = request(key).GET().build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(r -> RemoteAnswers.body(r, describe()));
  }

  @Override
  public CompletableFuture<Void> put(String key, byte[] bytes, String signature) {
    HttpRequest request =
        request(key)
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenAccept(r -> RemoteAnswers.stored(r, describe()));
  }

  private HttpRequest.Builder request(String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(key)).timeout(timeout);
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    return b;
  }

  @Override
  public String describe() {
    return base.toString();
  }
}
