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
 * <p>Security for a real cluster (Strimzi: SCRAM-SHA-512 over TLS, see k8s/README.md) comes from optional variables
 * mapped one to one onto Kafka client settings: {@value #SECURITY_PROTOCOL} → {@code security.protocol},
 * {@value #SASL_MECHANISM} → {@code sasl.mechanism}, {@value #SASL_JAAS_CONFIG} → {@code sasl.jaas.config},
 * {@value #TRUSTSTORE_TYPE} → {@code ssl.truststore.type}, {@value #TRUSTSTORE_LOCATION} →
 * {@code ssl.truststore.location}. Unset means the client default (plaintext, as on the embedded broker).
 *
 * @param bootstrap {@code host:port[,host:port…]}
 * @param clientId the service name, prefix of every client id
 * @param security Kafka client security settings added to every client (may be empty)
 */
public record KafkaSettings(String bootstrap, String clientId, Map<String, String> security) {
  /** Environment variable of {@code security.protocol}. */
  public static final String SECURITY_PROTOCOL = "CHARGEN_KAFKA_SECURITY_PROTOCOL";
  /** Environment variable of {@code sasl.mechanism}. */
  public static final String SASL_MECHANISM = "CHARGEN_KAFKA_SASL_MECHANISM";
  /** Environment variable of {@code sasl.jaas.config} (a secret: never logged). */
  public static final String SASL_JAAS_CONFIG = "CHARGEN_KAFKA_SASL_JAAS_CONFIG";
  /** Environment variable of {@code ssl.truststore.type}. */
  public static final String TRUSTSTORE_TYPE = "CHARGEN_KAFKA_SSL_TRUSTSTORE_TYPE";
  /** Environment variable of {@code ssl.truststore.location}. */
  public static final String TRUSTSTORE_LOCATION = "CHARGEN_KAFKA_SSL_TRUSTSTORE_LOCATION";
  private static final Map<String, String> SECURITY_VARIABLES = Map.of(
      SECURITY_PROTOCOL, "security.protocol", SASL_MECHANISM, "sasl.mechanism", SASL_JAAS_CONFIG, "sasl.jaas.config",
      TRUSTSTORE_TYPE, "ssl.truststore.type", TRUSTSTORE_LOCATION, "ssl.truststore.location");
  private static final java.util.Set<String> PROTOCOLS = java.util.Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT",
      "SASL_SSL");
  /** Environment variable of the bootstrap servers. */
  public static final String BOOTSTRAP_VARIABLE = "CHARGEN_KAFKA_BOOTSTRAP";
  /** Group session timeout: a dead member's partitions move after this (the broker's minimum by default). */
  public static final int SESSION_TIMEOUT_MS = 6_000;
  /** Producer batching delay. */
  static final int LINGER_MS = 1;
  /** Longest a send may block waiting for metadata or buffer space. */
  static final int MAX_BLOCK_MS = 5_000;
  /** Longest wait for one produce response. */
  static final int REQUEST_TIMEOUT_MS = 10_000;
  /** Longest from send to acknowledgement or failure, retries included (≥ linger + request timeout). */
  static final int DELIVERY_TIMEOUT_MS = 15_000;
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
    security = Map.copyOf(security);
    String protocol = security.get("security.protocol");
    if (protocol != null && !PROTOCOLS.contains(protocol)) {
      throw new ConfigException(SECURITY_PROTOCOL + "=" + protocol + " is not one of " + new java.util.TreeSet<>(PROTOCOLS));
    }
  }

  /**
   * Plaintext settings, as on the embedded broker.
   *
   * @param bootstrap {@code host:port[,host:port…]}
   * @param clientId the service name
   */
  public KafkaSettings(String bootstrap, String clientId) {
    this(bootstrap, clientId, Map.of());
  }

  /**
   * @param env the environment
   * @param service the service name, used as client id
   * @return settings from {@value #BOOTSTRAP_VARIABLE}
   */
  public static KafkaSettings fromEnv(Env env, String service) {
    Map<String, String> security = new HashMap<>();
    SECURITY_VARIABLES.forEach((variable, setting) -> {
      String value = env.string(variable, "");
      if (!value.isBlank()) {
        security.put(setting, value);
      }
    });
    return new KafkaSettings(env.string(BOOTSTRAP_VARIABLE, DEFAULT_BOOTSTRAP), service, security);
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
    // Failover after a member dies without leaving (kill -9, node loss): the classic protocol's session timeout
    // bounds it. 6 s is the broker's default group.min.session.timeout.ms, so no broker setting must change; the
    // KIP-848 protocol would need the broker's group.consumer.session.timeout.ms lowered from 45 s instead.
    config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
    config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MS / 3);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    fetchLimits(config);
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
    fetchLimits(config);
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
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaLimits.MAX_REQUEST_BYTES);
    // Kafka 4 waits 5 ms to fill batches by default; at our rates that is latency without a throughput gain.
    config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    // Fail fast when the broker is unreachable, instead of holding a client's request for a minute (the defaults:
    // 60 s blocked in send, 120 s to deliver). Readiness turns DOWN within 10 s anyway (BrokerContact).
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
    return config;
  }

  private static void fetchLimits(Map<String, Object> config) {
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KafkaLimits.MAX_FETCH_PARTITION_BYTES);
    config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, KafkaLimits.MAX_FETCH_BYTES);
  }

  private Map<String, Object> common(String id) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, id);
    config.putAll(security);
    return config;
  }

  /** Names the security settings in use but never their values: the JAAS config holds a password. */
  @Override
  public String toString() {
    return "KafkaSettings[bootstrap=" + bootstrap + ", clientId=" + clientId + ", security=" + security.keySet() + "]";
  }
}
