package io.chargen.learner;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.kafka.KafkaBroker;
import io.chargen.kafka.KafkaTestBroker;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.io.ModelFile;
import io.chargen.model.learn.OneShotSchedule;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.Await;
import io.chargen.service.BaseModel;
import io.chargen.service.KafkaSettings;
import io.chargen.service.KafkaTestClients;
import io.chargen.service.TestEnvironment;
import io.chargen.service.security.Role;
import io.chargen.service.security.TestTokens;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaTestBroker.class)
class LearnerServiceIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final OneShotSchedule QUICK = new OneShotSchedule("quick", OneShotSchedule.Method.LBFGS, 10, 0);
  private static final String EXAMPLES = Topics.EXAMPLES.topic();

  @TempDir
  Path dir;
  private String token;

  @Test
  @DisplayName("examples become concepts, garbage is dead-lettered, and a restarted learner neither duplicates nor "
      + "loses a version")
  void learnsDeadLettersAndRestarts(KafkaBroker kafka) throws Exception {
    kafka.createTopics(Arrays.stream(Topics.values())
        .map(t -> new NewTopic(t.topic(), t.partitions(), (short) 1)).toList());
    String bootstrap = kafka.bootstrapServers();
    Path modelFile = dir.resolve("tiny.cgm");
    ModelFile.write(TinyModels.untrained("abc", 8, 1), modelFile);
    BaseModel base = BaseModel.load(modelFile);
    LearnerConfig config = new LearnerConfig(new KafkaSettings(bootstrap, "learner"), TestEnvironment.http(), modelFile, QUICK,
        "learner-it");
    Vertx vertx = Vertx.vertx();
    token = TestTokens.create(vertx, TestEnvironment.keyDir()).token(TenantKeys.DEFAULT_TENANT, Role.ADMIN);
    try {
      LearnerVerticle first = new LearnerVerticle(config, base, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
      String id = Await.result(vertx.deployVerticle(first), TIMEOUT);
      long published = System.nanoTime();
      KafkaTestClients.publish(bootstrap, List.of(example("e1", "p", 'a')));
      Await.until(TIMEOUT, "concept p v1", () -> concepts(bootstrap, 1).containsKey("p#1"));
      System.out.printf("LearnerServiceIT: example -> concept %d ms%n", (System.nanoTime() - published) / 1_000_000);

      KafkaTestClients.publish(bootstrap, List.of(
          new ProducerRecord<>(EXAMPLES, "p", new byte[] {(byte) 0xff, 0x01, 0x02}), example("e2", "q", 'b')));
      Await.until(TIMEOUT, "concept q v1 after the garbage", () -> concepts(bootstrap, 2).containsKey("q#1"));
      List<ConsumerRecord<String, byte[]>> dead = KafkaTestClients.readAll(bootstrap, Topics.EXAMPLES_DLQ.topic(), 1,
          TIMEOUT);
      assertThat(dead).hasSize(1);
      assertThat(new String(dead.get(0).headers().lastHeader(Topics.ERROR_HEADER).value(), StandardCharsets.UTF_8))
          .startsWith("not a Trajectory:");
      assertThat(get(first.httpPort(), "/health").statusCode()).isEqualTo(200);
      assertThat(get(first.managementPort(), "/metrics").body())
          .contains("learner_examples_total{outcome=\"learned\"", "learner_oneshot_duration_seconds");
      Await.result(vertx.undeploy(id), TIMEOUT);

      // Redelivered e1 (as after a crash before the commit), a new example of p, and a new label.
      KafkaTestClients.publish(bootstrap, List.of(example("e1", "p", 'a'), example("e3", "p", 'c'),
          example("e4", "r", 'a')));
      LearnerVerticle second = new LearnerVerticle(config, base, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
      Await.result(vertx.deployVerticle(second), TIMEOUT);
      Await.until(TIMEOUT, "p v2 and r v1", () -> concepts(bootstrap, 4).keySet().containsAll(List.of("p#2", "r#1")));
      Thread.sleep(1_000); // give a duplicate, were there one, time to appear
      Map<String, Long> all = concepts(bootstrap, 4);
      assertThat(all).as("each (label, version) exactly once, none lost")
          .containsOnlyKeys("p#1", "p#2", "q#1", "r#1").allSatisfy((k, n) -> assertThat(n).isEqualTo(1));

      JsonObject listed = new JsonObject(get(second.httpPort(), "/v1/concepts").body());
      assertThat(listed.getString("model_id")).isEqualTo(base.id());
      Map<String, Object> versions = listed.getJsonArray("concepts").stream().map(o -> (JsonObject) o)
          .collect(Collectors.toMap(o -> o.getString("label"), o -> o.getLong("version") + "/"
              + o.getString("source_example_id")));
      assertThat(versions).containsEntry("p", "2/e3").containsEntry("q", "1/e2").containsEntry("r", "1/e4");
    } finally {
      Await.result(vertx.close(), TIMEOUT);
    }
  }

  private static ProducerRecord<String, byte[]> example(String id, String label, char letter) {
    return new ProducerRecord<>(EXAMPLES, label, Examples.real(id, label, letter, 0).toByteArray());
  }

  /** @return "label#version" → how many records of it are on chargen.concepts */
  private static Map<String, Long> concepts(String bootstrap, int expected) {
    return KafkaTestClients.readAll(bootstrap, Topics.CONCEPTS.topic(), expected, Duration.ofSeconds(5)).stream()
        .map(r -> parse(r.value()))
        .collect(Collectors.groupingBy(c -> c.getLabel() + "#" + c.getVersion(), Collectors.counting()));
  }

  private static LearnedConcept parse(byte[] value) {
    try {
      return LearnedConcept.parseFrom(value);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
  }
}
