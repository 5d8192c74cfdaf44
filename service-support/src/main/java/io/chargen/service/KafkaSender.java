package io.chargen.service;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The plain Java {@link KafkaProducer} of a service, with Vert.x futures. {@code send} can block for up to
 * {@code max.block.ms} (no metadata yet, buffer full), so it is called on a dedicated thread, never on an event loop;
 * acknowledgements complete on the creating context. Every acknowledgement and failure is reported to the
 * {@link BrokerContact}, which readiness reads.
 */
public final class KafkaSender {
  private final KafkaProducer<String, byte[]> producer;
  private final ExecutorService thread;
  private final Context context;
  private final BrokerContact contact;

  /**
   * @param vertx the Vert.x instance; call on the verticle's context
   * @param config producer configuration from {@link KafkaSettings#producer}
   * @param name thread name suffix
   * @param contact told of every acknowledgement
   */
  public KafkaSender(Vertx vertx, Map<String, Object> config, String name, BrokerContact contact) {
    this.context = vertx.getOrCreateContext();
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    this.contact = contact;
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "kafka-send-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * @param record the record
   * @return completes with the broker's acknowledgement (acks=all), or fails, e.g. with
   *     {@code RecordTooLargeException} or a {@code TimeoutException} after {@code delivery.timeout.ms}
   */
  public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
    Promise<RecordMetadata> promise = Promise.promise();
    run(promise, () -> {
      producer.send(record, (metadata, error) -> {
        if (error == null) {
          contact.reached();
          context.runOnContext(v -> promise.complete(metadata));
        } else {
          context.runOnContext(v -> promise.fail(error));
        }
      });
      return null;
    });
    return promise.future();
  }

  /**
   * @param record a record produced because of {@code cause}
   * @param cause the record being processed: its trace context continues in {@code record}
   * @return as {@link #send(ProducerRecord)}
   */
  public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record,
      org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> cause) {
    Tracing.carry(cause.headers(), record.headers());
    return send(record);
  }

  /**
   * @param topic a topic
   * @return its partitions; fails when the broker cannot be reached within the producer's {@code max.block.ms}
   */
  public Future<List<PartitionInfo>> partitionsFor(String topic) {
    Promise<List<PartitionInfo>> promise = Promise.promise();
    run(promise, () -> {
      List<PartitionInfo> partitions = producer.partitionsFor(topic);
      contact.reached();
      context.runOnContext(v -> promise.complete(partitions));
      return null;
    });
    return promise.future();
  }

  /** @return the native producer, for Micrometer's client metrics only */
  public Producer<String, byte[]> unwrap() {
    return producer;
  }

  /**
   * @param timeout the longest wait for records in flight
   * @return completes when the producer is closed
   */
  public Future<Void> close(Duration timeout) {
    Promise<Void> promise = Promise.promise();
    run(promise, () -> {
      producer.close(timeout);
      context.runOnContext(v -> promise.complete());
      return null;
    });
    return promise.future().eventually(() -> {
      thread.shutdown();
      return Future.succeededFuture();
    });
  }

  private <T> void run(Promise<T> promise, Supplier<Void> task) {
    try {
      thread.execute(() -> {
        try {
          task.get();
        } catch (RuntimeException e) {
          context.runOnContext(v -> promise.fail(e));
        }
      });
    } catch (RejectedExecutionException e) {
      promise.fail(new IllegalStateException("producer is closed", e));
    }
  }
}
