package io.chargen.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The server.properties of a single-node KRaft cluster: one process that is both broker and controller, listening on
 * loopback only, with every internal topic at replication factor 1.
 */
final class BrokerSettings {

  static final int NODE_ID = 1;
  static final String CLIENT_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  static final String HOST = "127.0.0.1";

  /** One partition for __consumer_offsets and __transaction_state instead of 50: a group's first join is faster. */
  private static final String INTERNAL_TOPIC_PARTITIONS = "1";
  /** 16 MiB segments: small logs for tests, well above the 1 MiB minimum Kafka 4 enforces. */
  private static final String SEGMENT_BYTES = String.valueOf(16 * 1024 * 1024);
  /** The log cleaner allocates this on the heap; 2 MiB (the minimum Kafka's own tests use) instead of 128 MiB. */
  private static final String CLEANER_DEDUPE_BUFFER_BYTES = String.valueOf(2 * 1024 * 1024);

  private BrokerSettings() {
  }

  /** Properties for a node listening for clients on {@code clientPort}, with its data in {@code logDir}. */
  static Properties forNode(int clientPort, int controllerPort, Path logDir, Map<String, String> overrides) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    props.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort + ","
        + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
    props.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort);
    props.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", CLIENT_LISTENER);
    props.put("log.dirs", logDir.toAbsolutePath().toString());
    putSingleNodeReplication(props);
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "1");
    props.put("log.segment.bytes", SEGMENT_BYTES);
    props.put("log.cleaner.dedupe.buffer.size", CLEANER_DEDUPE_BUFFER_BYTES);
    props.putAll(overrides);
    return props;
  }

  private static void putSingleNodeReplication(Properties props) {
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", INTERNAL_TOPIC_PARTITIONS);
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", INTERNAL_TOPIC_PARTITIONS);
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
  }
}
