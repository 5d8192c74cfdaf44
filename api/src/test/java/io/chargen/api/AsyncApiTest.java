package io.chargen.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.proto.Topics;
import io.chargen.proto.v1.Chargen;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document against the topic catalogue and the protobuf messages. */
@SuppressWarnings("unchecked")
class AsyncApiTest {
  private static final Map<String, Object> DOC = ApiDocuments.load(ApiDocuments.ASYNCAPI);

  private static Map<String, Map<String, Object>> kafkaChannels() {
    Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) DOC.get("channels");
    return channels.values().stream().filter(c -> !((String) c.get("address")).startsWith("/"))
        .collect(Collectors.toMap(c -> (String) c.get("address"), c -> c));
  }

  @Test
  @DisplayName("it is AsyncAPI 3.0 and its Kafka channels are exactly the topics of the catalogue")
  void channelsAreTheCatalogue() {
    assertThat(DOC.get("asyncapi")).isEqualTo("3.0.0");
    assertThat(kafkaChannels().keySet()).containsExactlyInAnyOrderElementsOf(Topics.names());
  }

  @Test
  @DisplayName("each topic's partitions, cleanup policy, retention and key are the catalogue's")
  void topicSettingsMatch() {
    for (Topics topic : Topics.values()) {
      Map<String, Object> channel = kafkaChannels().get(topic.topic());
      Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) channel.get("bindings")).get("kafka");
      assertThat(kafka.get("topic")).as(topic.topic()).isEqualTo(topic.topic());
      assertThat(kafka.get("partitions")).as(topic.topic()).isEqualTo(topic.partitions());
      Map<String, Object> config = (Map<String, Object>) kafka.get("topicConfiguration");
      assertThat(config.get("cleanup.policy")).as(topic.topic())
          .isEqualTo(List.of(topic.compacted() ? "compact" : "delete"));
      assertThat(((Number) config.get("retention.ms")).longValue()).as(topic.topic()).isEqualTo(topic.retentionMs());
      assertThat(channel.get("x-chargen-key")).as(topic.topic()).isEqualTo(topic.key());
    }
  }

  @Test
  @DisplayName("every Kafka message names a protobuf message of chargen.proto that has a tenant field")
  void messagesAreProtobufMessages() {
    Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>)
        ((Map<String, Object>) DOC.get("components")).get("messages");
    Set<String> named = new TreeSet<>();
    messages.values().stream().map(m -> (String) m.get("x-protobuf-message")).filter(n -> n != null)
        .forEach(named::add);
    assertThat(named).isNotEmpty();
    for (String name : named) {
      var descriptor = Chargen.getDescriptor().findMessageTypeByName(name.replace("chargen.v1.", ""));
      assertThat(descriptor).as(name).isNotNull();
      assertThat(descriptor.findFieldByName("tenant")).as("%s.tenant", name).isNotNull();
    }
  }

  @Test
  @DisplayName("the WebSocket channels name the role they need and how the token travels")
  void webSocketChannels() {
    Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) DOC.get("channels");
    assertThat(channels.get("pen").get("x-chargen-roles")).isEqualTo(List.of("tablet"));
    assertThat(channels.get("stream").get("x-chargen-roles")).isEqualTo(List.of("dashboard"));
    assertThat((String) ((Map<String, Object>) DOC.get("info")).get("description"))
        .contains("chargen.bearer.<token>").contains("chargen.v1");
  }
}
