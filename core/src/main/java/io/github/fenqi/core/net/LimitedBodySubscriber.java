package io.github.fenqi.core.net;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Collects a response body while counting bytes, and cancels the exchange as soon as the body exceeds the limit,
 * so a huge or endless page costs at most {@code maxBytes} of memory.
 *
 * <p>Thread-safety: driven by one HTTP client thread at a time; {@link #cancel()} may be called from any thread.
 */
final class LimitedBodySubscriber implements BodySubscriber<byte[]> {
  /** Thrown (as the body's failure) when the limit is exceeded; with the response's HTTP status. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    TooLarge(long max, int status) {
      super("body exceeds " + max + " bytes", null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  private final long maxBytes;
  private final int status;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private volatile Flow.@Nullable Subscription subscription;
  private long count;

  /**
   * A declared length above {@code maxBytes} is refused by the caller before a subscriber is made; {@code status} is
   * the response's, named when the body is too large.
   */
  LimitedBodySubscriber(long maxBytes, int status) {
    this.maxBytes = maxBytes;
    this.status = status;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (result.isDone()) {
      s.cancel();
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      count += b.remaining();
      if (count > maxBytes) {
        cancel();
        result.completeExceptionally(new TooLarge(maxBytes, status));
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      buffer.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(buffer.toByteArray());
  }

  /** Stops reading (timeout or size limit). */
  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
