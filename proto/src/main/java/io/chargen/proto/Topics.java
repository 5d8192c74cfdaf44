package io.chargen.proto;

import java.util.List;

/**
 * The topic catalogue: every topic the services use, with its key, partitions and retention. The Kubernetes
 * {@code KafkaTopic} resources and the embedded broker are created from this list; a test checks they agree.
 */
public enum Topics {
  /** Labelled examples from capture to learner. Key: label, so one learner owns each concept's versions. */
  EXAMPLES("chargen.examples", "label", 6, false, Retention.WEEK),
  /** Queries from capture to classifier. Key: query id. */
  QUERIES("chargen.queries", "query id", 12, false, Retention.DAY),
  /** Learned concepts, the durable store of everything learned. Key: label; compacted. */
  CONCEPTS("chargen.concepts", "label", 6, true, Retention.FOREVER),
  /** Generation requests from the generator's API to its workers. Key: request id. */
  GENERATION_REQUESTS("chargen.generation-requests", "request id", 12, false, Retention.DAY),
  /** Generated trajectories for dashboards. Key: request id. */
  GENERATIONS("chargen.generations", "request id", 12, false, Retention.DAY),
  /** Classification results. Key: query id. */
  CLASSIFICATIONS("chargen.classifications", "query id", 12, false, Retention.DAY),
  /** Dead letters of {@link #EXAMPLES}: the record and the error in header {@code chargen.error}. */
  EXAMPLES_DLQ("chargen.examples.dlq", "as the source", 1, false, Retention.MONTH),
  /** Dead letters of {@link #QUERIES}. */
  QUERIES_DLQ("chargen.queries.dlq", "as the source", 1, false, Retention.MONTH),
  /** Dead letters of {@link #CONCEPTS}. */
  CONCEPTS_DLQ("chargen.concepts.dlq", "as the source", 1, false, Retention.MONTH),
  /** Dead letters of {@link #GENERATION_REQUESTS}. */
  GENERATION_REQUESTS_DLQ("chargen.generation-requests.dlq", "as the source", 1, false, Retention.MONTH);

  /** Header carrying the error of a dead letter. */
  public static final String ERROR_HEADER = "chargen.error";
  /** Header naming the topic a dead letter came from. */
  public static final String SOURCE_HEADER = "chargen.source-topic";

  private final String topicName;
  private final String key;
  private final int partitions;
  private final boolean compacted;
  private final long retentionMs;

  Topics(String topicName, String key, int partitions, boolean compacted, long retentionMs) {
    this.topicName = topicName;
    this.key = key;
    this.partitions = partitions;
    this.compacted = compacted;
    this.retentionMs = retentionMs;
  }

  /** @return the Kafka topic name */
  public String topic() {
    return topicName;
  }

  /** @return what the record key is */
  public String key() {
    return key;
  }

  /** @return partitions: the most replicas of a consumer group that can share the topic */
  public int partitions() {
    return partitions;
  }

  /** @return whether the topic is log-compacted (only the latest record per key is kept) */
  public boolean compacted() {
    return compacted;
  }

  /** @return retention in ms, -1 for forever */
  public long retentionMs() {
    return retentionMs;
  }

  /** @return the dead-letter topic name of this input topic */
  public String deadLetterTopic() {
    return topicName + ".dlq";
  }

  /** @return every topic name */
  public static List<String> names() {
    return java.util.Arrays.stream(values()).map(Topics::topic).toList();
  }

  private static final class Retention {
    static final long DAY = 86_400_000L;
    static final long WEEK = 7 * DAY;
    static final long MONTH = 30 * DAY;
    static final long FOREVER = -1;
  }
}
