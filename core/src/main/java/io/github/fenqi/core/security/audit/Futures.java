package io.github.fenqi.core.security.audit;

import io.github.fenqi.core.FenqiException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for append futures without wrapping fenqi's own exceptions. */
final class Futures {
  private Futures() {}

  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new FenqiException("audit append failed: " + cause, cause);
    }
  }
}
