package io.chargen.service;

/**
 * The record size limits of every chargen client, consistent with each other and with the broker's defaults:
 * <ul>
 *   <li>broker {@code message.max.bytes}: Kafka's default 1,048,588 bytes (1 MiB + 12); topics set no override
 *   (k8s/base/kafka/topics.yaml, {@code LocalSystem.topics()});</li>
 *   <li>producers {@code max.request.size} = {@value #MAX_REQUEST_BYTES}: a record the broker would refuse is
 *   refused by the producer first ({@code RecordTooLargeException}: the caller's error, not a retry);</li>
 *   <li>consumers {@code max.partition.fetch.bytes} = {@value #MAX_FETCH_PARTITION_BYTES} and
 *   {@code fetch.max.bytes} = {@value #MAX_FETCH_BYTES}: at least one whole record of the largest size fits a fetch
 *   (Kafka returns an oversize first batch anyway; this keeps memory per fetch bounded);</li>
 *   <li>dead letters are kept under {@value #DEAD_LETTER_BYTES} bytes, truncating the value when the original plus
 *   the error headers would not fit ({@link DeadLetters}).</li>
 * </ul>
 * What the services themselves produce is smaller by construction: trajectories are bounded by
 * {@code TrajectoryLimits}, generations by the generator's cost budget.
 */
public final class KafkaLimits {
  /** Producer {@code max.request.size}: the Kafka default, below the broker's {@code message.max.bytes}. */
  public static final int MAX_REQUEST_BYTES = 1_048_576;
  /** Consumer {@code max.partition.fetch.bytes}: one largest record per partition per fetch. */
  public static final int MAX_FETCH_PARTITION_BYTES = 1_048_576;
  /** Consumer {@code fetch.max.bytes}: a fetch across partitions. */
  public static final int MAX_FETCH_BYTES = 16 * 1_048_576;
  /** Record batch and header framing Kafka adds, with a margin. */
  static final int RECORD_OVERHEAD_BYTES = 4 * 1024;
  /** Largest dead letter written whole: the request limit less the framing. */
  public static final int DEAD_LETTER_BYTES = MAX_REQUEST_BYTES - RECORD_OVERHEAD_BYTES;

  private KafkaLimits() {}
}
