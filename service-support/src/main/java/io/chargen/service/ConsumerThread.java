package io.chargen.service;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The plain Java {@link KafkaConsumer} confined to one dedicated thread, with Vert.x futures for its results.
 *
 * <p>Why not vertx-kafka-client: 5.0.x is built against kafka-clients 3.7 and calls methods that 4.x removed
 * ({@code Consumer.committed(TopicPartition)}), which fail with {@code NoSuchMethodError} at run time. Calling the
 * client ourselves compiles every call against the kafka-clients we ship, and the consumer's blocking calls (poll,
 * commitSync, endOffsets) never touch an event loop. Every call runs on this thread in submission order; results
 * complete on the Vert.x context that created this object. Only {@link #wakeup()} may be called from elsewhere.
 */
public final class ConsumerThread {
  private final KafkaConsumer<String, byte[]> consumer;
  private final ExecutorService thread;
  private final Context context;

  /**
   * Creates the consumer; call on the verticle's context.
   *
   * @param vertx the Vert.x instance
   * @param config consumer configuration from {@link KafkaSettings}
   * @param name the thread's name, e.g. {@code learner-chargen.examples}
   */
  public ConsumerThread(Vertx vertx, Map<String, Object> config, String name) {
    this.context = vertx.getOrCreateContext();
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "kafka-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Runs {@code action} on the consumer's thread.
   *
   * @param action a call on the consumer; may block (poll, commitSync, endOffsets)
   * @param <T> its result
   * @return completes on the creating context with the result or the exception
   */
  public <T> Future<T> call(Function<Consumer<String, byte[]>, T> action) {
    Promise<T> promise = Promise.promise();
    try {
      thread.execute(() -> {
        try {
          T result = action.apply(consumer);
          context.runOnContext(v -> promise.complete(result));
        } catch (RuntimeException e) {
          context.runOnContext(v -> promise.fail(e));
        }
      });
    } catch (RejectedExecutionException e) {
      promise.fail(new IllegalStateException("consumer thread is closed", e));
    }
    return promise.future();
  }

  /** Ends a poll in flight at once (it throws {@code WakeupException}); safe from any thread. */
  public void wakeup() {
    consumer.wakeup();
  }

  /** @return the native consumer, for Micrometer's client metrics only (which read its thread-safe metrics) */
  public Consumer<String, byte[]> unwrap() {
    return consumer;
  }

  /** @return completes when the consumer is closed (leaving its group at once) and the thread has ended */
  public Future<Void> close() {
    return this.<Void>call(c -> {
      c.close();
      return null;
    }).eventually(() -> {
      thread.shutdown();
      return Future.succeededFuture();
    });
  }
}
