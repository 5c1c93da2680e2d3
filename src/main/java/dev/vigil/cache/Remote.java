package dev.vigil.cache;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A remote cache: artifacts by key. A future that fails means the remote could not answer. */
interface Remote {
  /** The artifact's bytes, or empty when the remote has none under the key. */
  CompletableFuture<Optional<byte[]>> get(String key);

  /** Stores the bytes under the key; {@code signature} goes along where the protocol has room. */
  CompletableFuture<Void> put(String key, byte[] bytes, String signature);

  /** How the remote reads in a message: its URL. */
  String describe();
}
