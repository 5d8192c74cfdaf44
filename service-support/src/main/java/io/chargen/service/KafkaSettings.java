package io.chargen.service;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka client configurations as the house style wants them: string keys, byte-array values (each service parses
 * its protobuf itself, so a bad payload is a bad record and not a crashed poll), no auto-commit, reading from the
 * earliest offset when a group has none, idempotent producers waiting for all replicas.
 *
 * @param bootstrap {@code host:port[,host:port…]}
 * @param clientId the service name, prefix of every client id
 */
public record KafkaSettings(String bootstrap, String clientId) {
  /** Environment variable of the bootstrap servers. */
  public static final String BOOTSTRAP_VARIABLE = "CHARGEN_KAFKA_BOOTSTRAP";
  /** Bootstrap servers when the variable is unset: a broker on this machine. */
  public static final String DEFAULT_BOOTSTRAP = "localhost:9092";

  /** Validates the fields. */
  public KafkaSettings {
    if (bootstrap == null || bootstrap.isBlank() || !bootstrap.contains(":")) {
      throw new ConfigException(BOOTSTRAP_VARIABLE + "=" + bootstrap + " is not a host:port list");
    }
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("client id is empty");
    }
  }

  /**
   * @param env the environment
   * @param service the service name, used as client id
   * @return settings from {@value #BOOTSTRAP_VARIABLE}
   */
  public static KafkaSettings fromEnv(Env env, String service) {
    return new KafkaSettings(env.string(BOOTSTRAP_VARIABLE, DEFAULT_BOOTSTRAP), service);
  }

  /**
   * A group member for a {@link RecordLoop}.
   *
   * @param groupId the consumer group
   * @param maxPollRecords records per poll: a batch must be processed within {@code max.poll.interval.ms}
   * @return the consumer configuration
   */
  public Map<String, Object> consumer(String groupId, int maxPollRecords) {
    Map<String, Object> config = common(clientId + "-consumer");
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return config;
  }

  /**
   * A group-less reader (assigns partitions itself, never commits), as the {@link ConceptStore} uses.
   *
   * @param purpose distinguishes the client id, e.g. {@code concepts}
   * @return the consumer configuration
   */
  public Map<String, Object> reader(String purpose) {
    Map<String, Object> config = common(clientId + "-" + purpose + "-reader");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return config;
  }

  /**
   * @param purpose distinguishes the client id, e.g. {@code concepts} or {@code dlq}
   * @return an idempotent producer configuration with acks=all
   */
  public Map<String, Object> producer(String purpose) {
    Map<String, Object> config = common(clientId + "-" + purpose + "-producer");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }

  private Map<String, Object> common(String id) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, id);
    return config;
  }
}
