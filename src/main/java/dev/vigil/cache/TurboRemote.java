package dev.vigil.cache;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Turborepo Remote Cache API: {@code GET/PUT /v8/artifacts/:hash?teamId=|slug=} with a bearer
 * token, as Vercel and {@code turborepo-remote-cache} serve it. A team that starts with {@code
 * team_} is a team id, any other a slug. The artifact's signature also goes in {@code
 * x-artifact-tag}.
 */
final class TurboRemote implements Remote {
  private final HttpClient client;
  private final String base;
  private final String teamQuery;
  private final Optional<String> token;
  private final Duration timeout;

  TurboRemote(HttpClient client, URI url, String team, Optional<String> token, Duration timeout) {
    this.client = client;
    String text = url.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    String param = team.startsWith("team_") ? "teamId" : "slug";
    this.teamQuery = param + "=" + URLEncoder.encode(team, StandardCharsets.UTF_8);
    this.token = token;
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<Optional<byte[]>> get(String key) {
    return client
        .sendAsync(request(key).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(r -> RemoteAnswers.body(r, describe()));
  }

  @Override
  public CompletableFuture<Void> put(String key, byte[] bytes, String signature) {
    HttpRequest.Builder b =
        request(key)
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (!signature.equals("-")) {
      b.header("x-artifact-tag", signature);
    }
    return client
        .sendAsync(b.build(), HttpResponse.BodyHandlers.discarding())
        .thenAccept(r -> RemoteAnswers.stored(r, describe()));
  }

  private HttpRequest.Builder request(String key) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/v8/artifacts/" + key + "?" + teamQuery))
            .timeout(timeout);
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    return b;
  }

  @Override
  public String describe() {
    return base;
  }
}
