package io.chargen.service;

import io.chargen.proto.Topics;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a record that cannot be processed to {@code <topic>.dlq}: same key and value, the original headers, the
 * error in {@link Topics#ERROR_HEADER}, the source topic in {@link Topics#SOURCE_HEADER} and its partition/offset in
 * {@link #POSITION_HEADER}. A record near the size limit would no longer fit once these headers are added, and a dead
 * letter that cannot be written stops the service, so an oversize dead letter is stored truncated: the first
 * {@value #KEPT_VALUE_BYTES} bytes of the value, no original headers, and {@link #TRUNCATED_HEADER} saying what was
 * cut and where the whole record still is (topic, partition, offset, size; until its retention ends).
 */
public final class DeadLetters {
  /** Header carrying {@code partition/offset} of the original record, to find it again. */
  public static final String POSITION_HEADER = "chargen.source-position";
  /** Header of a truncated dead letter: {@code topic/partition/offset value=N key=M bytes}. */
  public static final String TRUNCATED_HEADER = "chargen.truncated";
  /** Value bytes kept in a truncated dead letter: enough to see what it was. */
  static final int KEPT_VALUE_BYTES = 64 * 1024;
  /** Key characters kept in a truncated dead letter. */
  static final int KEPT_KEY_CHARS = 256;
  /** Longest error text kept in the header: a stack of causes must not bloat the record. */
  private static final int MAX_ERROR_CHARS = 2_000;

  private final KafkaSender producer;

  /** @param producer the service's producer (not closed here) */
  public DeadLetters(KafkaSender producer) {
    this.producer = producer;
  }

  /**
   * @param record the original record
   * @param error the error text
   * @return the dead letter, truncated if whole it would exceed {@link KafkaLimits#DEAD_LETTER_BYTES}
   */
  public static ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String error) {
    return size(record) > KafkaLimits.DEAD_LETTER_BYTES ? truncated(record, error) : whole(record, error);
  }

  /**
   * @param record the original record
   * @param error the error text
   * @return completes when the broker acknowledged the dead letter (truncated if the whole one was refused as
   *     too large)
   */
  public Future<Void> send(ConsumerRecord<String, byte[]> record, String error) {
    return producer.send(deadLetter(record, error)).<Void>mapEmpty().recover(e -> e instanceof RecordTooLargeException
        ? producer.send(truncated(record, error)).mapEmpty() : Future.failedFuture(e));
  }

  static ProducerRecord<String, byte[]> whole(ConsumerRecord<String, byte[]> record, String error) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    headers.remove(Topics.ERROR_HEADER);
    headers.remove(Topics.SOURCE_HEADER);
    headers.remove(POSITION_HEADER);
    headers.remove(TRUNCATED_HEADER);
    addOurs(headers, record, error);
    return new ProducerRecord<>(record.topic() + ".dlq", null, record.key(), record.value(), headers);
  }

  static ProducerRecord<String, byte[]> truncated(ConsumerRecord<String, byte[]> record, String error) {
    RecordHeaders headers = new RecordHeaders();
    addOurs(headers, record, error);
    int valueBytes = record.value() == null ? 0 : record.value().length;
    int keyBytes = record.key() == null ? 0 : record.key().getBytes(StandardCharsets.UTF_8).length;
    headers.add(TRUNCATED_HEADER, (record.topic() + "/" + record.partition() + "/" + record.offset() + " value="
        + valueBytes + " key=" + keyBytes + " headers=" + record.headers().toArray().length + " bytes kept: value "
        + Math.min(valueBytes, KEPT_VALUE_BYTES)).getBytes(StandardCharsets.UTF_8));
    byte[] value = record.value() == null ? null : Arrays.copyOf(record.value(), Math.min(valueBytes,
        KEPT_VALUE_BYTES));
    String key = record.key() == null || record.key().length() <= KEPT_KEY_CHARS ? record.key()
        : record.key().substring(0, KEPT_KEY_CHARS);
    return new ProducerRecord<>(record.topic() + ".dlq", null, key, value, headers);
  }

  private static void addOurs(RecordHeaders headers, ConsumerRecord<String, byte[]> record, String error) {
    String text = error == null ? "unknown error" : error;
    text = text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text;
    headers.add(Topics.ERROR_HEADER, text.getBytes(StandardCharsets.UTF_8));
    headers.add(Topics.SOURCE_HEADER, record.topic().getBytes(StandardCharsets.UTF_8));
    headers.add(POSITION_HEADER, (record.partition() + "/" + record.offset()).getBytes(StandardCharsets.UTF_8));
  }

  /** @return an upper estimate of the dead letter's size: key, value, headers, our headers */
  private static long size(ConsumerRecord<String, byte[]> record) {
    long size = (record.value() == null ? 0 : record.value().length)
        + (record.key() == null ? 0 : 4L * record.key().length());
    for (Header h : record.headers()) {
      size += h.key().length() * 4L + (h.value() == null ? 0 : h.value().length);
    }
    return size + MAX_ERROR_CHARS * 4L + KafkaLimits.RECORD_OVERHEAD_BYTES;
  }
}
