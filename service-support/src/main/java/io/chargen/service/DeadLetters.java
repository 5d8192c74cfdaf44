package io.chargen.service;

import io.chargen.proto.Topics;
import io.vertx.core.Future;
import io.vertx.kafka.client.producer.KafkaWriteStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a record that cannot be processed to {@code <topic>.dlq}: same key and value, the original headers, the
 * error in {@link Topics#ERROR_HEADER} and the source topic in {@link Topics#SOURCE_HEADER}.
 */
public final class DeadLetters {
  /** Header carrying {@code partition/offset} of the original record, to find it again. */
  public static final String POSITION_HEADER = "chargen.source-position";
  /** Longest error text kept in the header: a stack of causes must not bloat the record. */
  private static final int MAX_ERROR_CHARS = 2_000;

  private final KafkaWriteStream<String, byte[]> producer;

  /** @param producer the producer (not closed here) */
  public DeadLetters(KafkaWriteStream<String, byte[]> producer) {
    this.producer = producer;
  }

  /**
   * @param record the original record
   * @param error the error text
   * @return the dead letter, ready to send
   */
  public static ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String error) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    headers.remove(Topics.ERROR_HEADER);
    headers.remove(Topics.SOURCE_HEADER);
    headers.remove(POSITION_HEADER);
    String text = error == null ? "unknown error" : error;
    text = text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text;
    headers.add(Topics.ERROR_HEADER, text.getBytes(StandardCharsets.UTF_8));
    headers.add(Topics.SOURCE_HEADER, record.topic().getBytes(StandardCharsets.UTF_8));
    headers.add(POSITION_HEADER, (record.partition() + "/" + record.offset()).getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(record.topic() + ".dlq", null, record.key(), record.value(), headers);
  }

  /**
   * @param record the original record
   * @param error the error text
   * @return completes when the broker acknowledged the dead letter
   */
  public Future<Void> send(ConsumerRecord<String, byte[]> record, String error) {
    return producer.send(deadLetter(record, error)).mapEmpty();
  }
}
