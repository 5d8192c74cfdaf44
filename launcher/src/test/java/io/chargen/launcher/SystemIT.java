package io.chargen.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargen.kafka.FreePorts;
import io.chargen.kafka.KafkaBroker;
import io.chargen.kafka.KafkaTestBroker;
import io.chargen.launcher.LocalSystem.Service;
import io.chargen.model.data.PenSample;
import io.chargen.model.fixtures.RealLetters;
import io.chargen.model.io.ModelFile;
import io.chargen.proto.Topics;
import io.chargen.service.KafkaTestClients;
import io.chargen.service.TestEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole system end to end through its public HTTP APIs on a real broker (issue 3): learn letters from examples
 * posted over HTTP, get variants and a blend, classify a second instance, restart a service and find its state
 * rebuilt, and see a bad record land in the dead-letter queue while the stream goes on.
 */
@ExtendWith(KafkaTestBroker.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemIT {
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final Path SHIPPED_MODEL = RealLetters.dataFolder().getParent().getParent().resolve("models/base.cgm");
  private static final String WRITER = RealLetters.FIRST_WRITER;
  private static LocalSystem system;
  private static String bootstrap;
  private static DemoHttp http;

  @BeforeAll
  static void startSystem(KafkaBroker broker) throws Exception {
    bootstrap = broker.bootstrapServers();
    broker.createTopics(LocalSystem.topics());
    int[] free = FreePorts.pick(Service.values().length);
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      ports.put(s, free[s.ordinal()]);
    }
    system = new LocalSystem(bootstrap, SHIPPED_MODEL, ports, TestEnvironment.keys(), LocalSystem.LOCAL_HOST)
        .start(System.err);
    http = new DemoHttp(system.clientToken()); // tenant demo, every role, any writer
  }

  @AfterAll
  static void stopSystem() throws Exception {
    system.close();
  }

  private JsonNode teach(char letter) throws Exception {
    PenSample s = RealLetters.sample(WRITER, letter, 0);
    return http.post(system.url(Service.CAPTURE) + "/v1/examples",
        PenJson.toJson(String.valueOf(letter), WRITER, s.points()));
  }

  private JsonNode awaitConcepts(Service service, int count) throws Exception {
    return http.pollUntil(system.url(service) + "/v1/concepts", WAIT, json -> {
      int learned = 0;
      for (JsonNode c : json.path("concepts")) {
        learned += c.path("version").asLong() > 0 ? 1 : 0;
      }
      return learned >= count;
    });
  }

  private String classify(char letter, int instance) throws Exception {
    PenSample s = RealLetters.sample(WRITER, letter, instance);
    String id = http.post(system.url(Service.CAPTURE) + "/v1/queries", PenJson.toJson(null, WRITER, s.points()))
        .path("id").asText();
    return http.pollUntil(system.url(Service.CAPTURE) + "/v1/queries/" + id, WAIT, json -> json.hasNonNull("label"))
        .path("label").asText();
  }

  @Test
  @Order(1)
  @DisplayName("letters taught over HTTP are learned one-shot and listed with their losses")
  void learnsFromExamplesPostedOverHttp() throws Exception {
    for (char c : new char[] {'n', 'o', 'u'}) {
      assertThat(teach(c).path("id").asText()).isNotBlank();
    }
    JsonNode concepts = awaitConcepts(Service.LEARNER, 3);
    int learned = 0;
    for (JsonNode c : concepts.path("concepts")) {
      if (c.path("learned").asBoolean()) { // base letters are listed too, unlearned
        learned++;
        assertThat(c.path("mse_after").asDouble()).as("concept %s", c).isLessThan(c.path("mse_before").asDouble());
      }
    }
    assertThat(learned).isGreaterThanOrEqualTo(3);
  }

  @Test
  @Order(2)
  @DisplayName("the generator returns seeded variants of a learned letter and a blend of two")
  void generatesVariantsAndBlends() throws Exception {
    awaitConcepts(Service.GENERATOR, 3);
    String variants = http.post(system.url(Service.GENERATOR) + "/v1/generations",
        Map.of("mix", Map.of("n", 1.0), "variants", 3, "noise", 0.03, "seed", 7, "steps", 25)).path("id").asText();
    String blend = http.post(system.url(Service.GENERATOR) + "/v1/generations",
        Map.of("mix", Map.of("n", 0.5, "o", 0.5), "steps", 25)).path("id").asText();
    JsonNode v = http.pollUntil(system.url(Service.GENERATOR) + "/v1/generations/" + variants, WAIT,
        json -> "done".equals(json.path("status").asText()));
    JsonNode b = http.pollUntil(system.url(Service.GENERATOR) + "/v1/generations/" + blend, WAIT,
        json -> "done".equals(json.path("status").asText()));
    assertThat(v.path("trajectories")).hasSize(3);
    assertThat(v.path("trajectories").get(0).path("points")).hasSize(25);
    assertThat(v.path("trajectories").get(0).path("points")).isNotEqualTo(v.path("trajectories").get(1).path("points"));
    assertThat(b.path("trajectories")).hasSize(1);
  }

  @Test
  @Order(3)
  @DisplayName("a second instance of a learned letter is classified as that letter")
  void classifiesASecondInstance() throws Exception {
    awaitConcepts(Service.CLASSIFIER, 3);
    assertThat(classify('n', 1)).isEqualTo("n");
  }

  @Test
  @Order(4)
  @DisplayName("a restarted classifier rebuilds its concepts from Kafka and answers again")
  void restartRebuildsState() throws Exception {
    system.undeploy(Service.CLASSIFIER);
    system.deploy(Service.CLASSIFIER);
    assertThat(awaitConcepts(Service.CLASSIFIER, 3).path("concepts").size()).isGreaterThanOrEqualTo(3);
    assertThat(classify('o', 2)).isEqualTo("o");
  }

  @Test
  @Order(5)
  @DisplayName("a bad record on the examples topic lands in its DLQ with the error, and learning goes on")
  void badRecordGoesToDeadLetters() throws Exception {
    KafkaTestClients.publish(bootstrap, List.of(new ProducerRecord<>(Topics.EXAMPLES.topic(), "x",
        "not a protobuf".getBytes(StandardCharsets.UTF_8))));
    List<ConsumerRecord<String, byte[]>> dead = KafkaTestClients.readAll(bootstrap,
        Topics.EXAMPLES.deadLetterTopic(), 1, WAIT);
    assertThat(dead).hasSize(1);
    assertThat(new String(dead.get(0).headers().lastHeader(Topics.ERROR_HEADER).value(), StandardCharsets.UTF_8))
        .isNotBlank();
    teach('z');
    awaitConcepts(Service.LEARNER, 4);
  }

  @Test
  @Order(7)
  @DisplayName("every service is live and ready, and serves Prometheus metrics on its management port only")
  void healthAndMetrics() throws Exception {
    for (Service s : Service.values()) {
      assertThat(http.get(system.url(s) + "/health/live").path("status").asText()).as(s.module).isEqualTo("UP");
      assertThat(http.get(system.url(s) + "/health").path("status").asText()).as(s.module).isEqualTo("UP");
      assertThat(http.text(system.managementUrl(s) + "/metrics")).as(s.module).contains("chargen_http_requests");
      assertThatThrownBy(() -> http.text(system.url(s) + "/metrics")).as(s.module).hasMessageContaining("404");
    }
  }

  @Test
  @Order(6)
  @DisplayName("invalid input is refused with 400 naming the field")
  void invalidInputRefused() {
    assertThatThrownBy(() -> http.post(system.url(Service.GENERATOR) + "/v1/generations",
        Map.of("mix", Map.of("n", 0.5, "o", 0.4)))).hasMessageContaining("400").hasMessageContaining("sum to 0.9");
    assertThatThrownBy(() -> http.post(system.url(Service.CAPTURE) + "/v1/examples",
        Map.of("label", "n", "points", List.of()))).hasMessageContaining("400").hasMessageContaining("points");
  }

  @Test
  @Order(20)
  @DisplayName("a named writer's a and b teach their hand, and the generator writes c in it for c's natural length")
  void teachesAWritersHand() throws Exception {
    for (char letter : new char[] {'a', 'b'}) {
      PenSample s = RealLetters.sample(WRITER, letter, 1);
      http.post(system.url(Service.CAPTURE) + "/v1/examples", PenJson.toJson(String.valueOf(letter), "alice",
          s.points()));
    }
    JsonNode concepts = http.pollUntil(system.url(Service.GENERATOR) + "/v1/concepts", WAIT, json -> {
      for (JsonNode c : json.path("concepts")) {
        if (c.path("label").asText().equals("@alice") && c.path("version").asLong() >= 2) {
          return true;
        }
      }
      return false;
    });
    assertThat(concepts.path("concepts")).anySatisfy(c -> {
      assertThat(c.path("label").asText()).isEqualTo("@alice");
      assertThat(c.path("kind").asText()).isEqualTo("style");
    });
    assertThat(concepts.path("concepts")).as("a and b stay the base model's letters")
        .allSatisfy(c -> assertThat(c.path("label").asText().equals("a") && c.path("learned").asBoolean()).isFalse());
    JsonNode inHand = generate(Map.of("c", 1.0, "@alice", 1.0));
    JsonNode typical = generate(Map.of("c", 1.0));
    int natural = ModelFile.read(SHIPPED_MODEL).naturalLength(Map.of("c", 1.0));
    assertThat(inHand.path("points")).hasSize(natural);
    assertThat(inHand.path("points")).isNotEqualTo(typical.path("points"));
  }

  private JsonNode generate(Map<String, Double> mix) throws Exception {
    String id = http.post(system.url(Service.GENERATOR) + "/v1/generations", Map.of("mix", mix)).path("id").asText();
    return http.pollUntil(system.url(Service.GENERATOR) + "/v1/generations/" + id, WAIT,
        json -> "done".equals(json.path("status").asText())).path("trajectories").get(0);
  }
}
