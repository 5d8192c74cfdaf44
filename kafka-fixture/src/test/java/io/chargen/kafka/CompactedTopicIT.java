package io.chargen.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaTestBroker.class)
class CompactedTopicIT {

  private static final String TOPIC = "fixture.compacted";
  private static final int RECORDS = 20;

  @Test
  @DisplayName("a topic created with cleanup.policy=compact keeps that policy after writes")
  void compactionPolicyIsApplied(KafkaBroker kafka) throws Exception {
    kafka.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
    Clients.produce(kafka, TOPIC, 0, RECORDS);

    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      Config config = admin.describeConfigs(List.of(resource)).all()
          .get(Clients.RECEIVE_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(resource);
      assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
  }

  @Test
  @DisplayName("creating an existing topic again is not an error: tests of one run share the broker")
  void createTopicsIsIdempotent(KafkaBroker kafka) {
    NewTopic topic = new NewTopic("fixture.twice", 1, (short) 1);

    kafka.createTopics(List.of(topic));
    kafka.createTopics(List.of(topic));
  }
}
