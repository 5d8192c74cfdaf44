package io.chargen.service;

import io.vertx.core.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Processes one record of a {@link RecordLoop}: parse, validate, do the side effects, and complete only when they
 * are durable (e.g. the produce was acknowledged). Fail with {@link BadRecordException} for a record that can never
 * succeed, {@link FatalException} to stop the service, anything else for a transient failure that is retried. Runs on
 * the verticle's event loop: offload CPU-heavy work with {@code vertx.executeBlocking}.
 */
@FunctionalInterface
public interface RecordHandler {
  /**
   * @param record the record, key as string, value as raw bytes
   * @return completes when the record's side effects are done
   */
  Future<Void> handle(ConsumerRecord<String, byte[]> record);
}
