package io.chargen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.kafka.FreePorts;
import io.chargen.kafka.KafkaBroker;
import io.chargen.kafka.KafkaTestBroker;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.io.ModelFile;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.service.BaseModel;
import io.chargen.service.Env;
import io.chargen.service.TestEnvironment;
import io.chargen.service.security.Role;
import io.chargen.service.security.TestTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator against a real broker: one instance serves the first tests; a second one, started cold later in the
 * same group, must rebuild the learned concepts from chargen.concepts and take over the work.
 */
@ExtendWith(KafkaTestBroker.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratorServiceIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int HIDDEN = 8;
  private static final String BLEND = "{\"mix\":{\"n\":0.5,\"o\":0.5},\"variants\":3,\"noise\":0.03,\"seed\":7,"
      + "\"steps\":30}";

  private final Vertx vertx = Vertx.vertx();
  private String bootstrap;
  private Path modelFile;
  private String modelId;
  private int firstPort;
  private int firstManagement;
  private String firstDeployment;

  @BeforeAll
  void startFirstInstance(KafkaBroker kafka, @TempDir Path dir) throws Exception {
    bootstrap = kafka.bootstrapServers();
    kafka.createTopics(List.of(topic(Topics.CONCEPTS), topic(Topics.GENERATION_REQUESTS), topic(Topics.GENERATIONS),
        topic(Topics.GENERATION_REQUESTS_DLQ)));
    modelFile = dir.resolve("tiny.cgm");
    ModelFile.write(TinyModels.untrained("abc", HIDDEN, 1), modelFile);
    modelId = BaseModel.load(modelFile).id();
    TestKafka.publish(bootstrap, List.of(concept("n", 0.3f), concept("o", -0.2f)));
    int[] ports = FreePorts.pick(2);
    firstPort = ports[0];
    firstManagement = ports[1];
    Http.authenticate(TestTokens.create(vertx, TestEnvironment.keyDir())
        .token(TenantKeys.DEFAULT_TENANT, Role.DASHBOARD)); // the concepts above carry no tenant: the default one
    long start = System.nanoTime();
    firstDeployment = await(GeneratorMain.deploy(vertx, env(firstPort, firstManagement)));
    System.out.printf("GeneratorServiceIT: first instance ready in %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  void closeVertx() throws Exception {
    await(vertx.close());
  }

  @Test
  @Order(1)
  @DisplayName("a blend with 3 variants is accepted, generated with the requested steps and streamed to dashboards")
  void generatesAndStreams() {
    assertThat(Http.get(firstPort, "/health").status()).isEqualTo(200);
    List<JsonObject> stream = Http.stream(firstPort, "/v1/stream");
    Http.until(TIMEOUT, "stream session counted", () -> metric(firstManagement, "generator_stream_sessions") >= 1);

    long start = System.nanoTime();
    Http.Response accepted = Http.post(firstPort, "/v1/generations", BLEND);
    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.body().getString("id");
    JsonObject done = awaitDone(firstPort, id);
    System.out.printf("GeneratorServiceIT: POST -> done in %d ms%n", (System.nanoTime() - start) / 1_000_000);

    JsonArray trajectories = done.getJsonArray("trajectories");
    assertThat(trajectories).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonObject t = trajectories.getJsonObject(i);
      assertThat(t.getInteger("variant")).isEqualTo(i);
      assertThat(t.getLong("seed")).isEqualTo(7 + i);
      assertThat(t.getJsonArray("points")).hasSize(30);
      assertThat(t.getJsonArray("points").getJsonArray(0)).hasSize(4);
    }
    Http.until(TIMEOUT, "3 trajectories streamed", () -> stream.stream()
        .filter(e -> "trajectory".equals(e.getString("type")) && id.equals(e.getString("id"))).count() == 3);
    JsonArray recent = Http.get(firstPort, "/v1/generations?limit=2").body().getJsonArray("trajectories");
    assertThat(recent).as("the newest two, for a dashboard just opened")
        .extracting(o -> ((JsonObject) o).getString("id") + "/" + ((JsonObject) o).getInteger("variant"))
        .containsExactly(id + "/2", id + "/1");
    JsonObject event = stream.stream().filter(e -> id.equals(e.getString("id"))).findFirst().orElseThrow();
    assertThat(event.getJsonObject("mix").getMap()).isEqualTo(Map.of("n", 0.5, "o", 0.5));
    assertThat(event.getDouble("noise")).isEqualTo(0.03);

    TestKafka.publish(bootstrap, List.of(concept("p", 0.1f)));
    Http.until(TIMEOUT, "concept event streamed", () -> stream.stream()
        .anyMatch(e -> "concept".equals(e.getString("type")) && "p".equals(e.getString("label"))));
    assertThat(metric(firstManagement, "generator_trajectories_published_total")).isGreaterThanOrEqualTo(3);
  }

  @Test
  @Order(2)
  @DisplayName("bad JSON, an unknown concept and bad weights are answered 400 naming the value; unknown ids 404")
  void rejectsBadRequests() {
    Http.Response badJson = Http.post(firstPort, "/v1/generations", "{not json");
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(badJson.body().getString("error")).contains("API contract", "can't be decoded");
    Http.Response unknown = Http.post(firstPort, "/v1/generations", "{\"mix\":{\"z\":1}}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().getString("error")).contains("\"z\"").as("lists no labels").doesNotContain("\"n\"");
    Http.Response weights = Http.post(firstPort, "/v1/generations", "{\"mix\":{\"n\":0.5,\"o\":0.4}}");
    assertThat(weights.status()).isEqualTo(400);
    assertThat(weights.body().getString("error")).contains("0.9");
    assertThat(Http.get(firstPort, "/v1/generations/no-such-id").status()).isEqualTo(404);
    Http.Response limit = Http.get(firstPort, "/v1/generations?limit=0");
    assertThat(limit.status()).isEqualTo(400);
    assertThat(limit.body().getString("error")).as("the contract's minimum").contains("limit", "0 is less than 1");
  }

  @Test
  @Order(3)
  @DisplayName("a garbage request record lands on the DLQ with its error and the next request still completes")
  void garbageGoesToDeadLetters() {
    String key = TenantKeys.key(TenantKeys.DEFAULT_TENANT, "garbage-" + System.nanoTime());
    TestKafka.publish(bootstrap, List.of(new ProducerRecord<>(Topics.GENERATION_REQUESTS.topic(), key,
        new byte[] {(byte) 0xff, 0x01, 0x02})));
    ConsumerRecord<String, byte[]> dead = TestKafka.find(bootstrap, Topics.GENERATION_REQUESTS_DLQ.topic(), TIMEOUT,
        r -> key.equals(r.key()));
    Header error = dead.headers().lastHeader(Topics.ERROR_HEADER);
    assertThat(new String(error.value(), StandardCharsets.UTF_8)).contains("not a GenerationRequest");

    Http.Response accepted = Http.post(firstPort, "/v1/generations", "{\"mix\":{\"n\":1},\"steps\":12}");
    assertThat(awaitDone(firstPort, accepted.body().getString("id")).getJsonArray("trajectories")).hasSize(1);
    Http.until(TIMEOUT, "the dead letter is known as failed", () -> "failed".equals(
        Http.get(firstPort, "/v1/generations/" + TenantKeys.parse(key).id()).body().getString("status")));
  }

  @Test
  @Order(4)
  @DisplayName("a second instance started cold knows the learned concepts and takes over generation")
  void coldReplicaTakesOver() throws Exception {
    int[] ports = FreePorts.pick(2);
    int secondPort = ports[0];
    long start = System.nanoTime();
    await(GeneratorMain.deploy(vertx, env(secondPort, ports[1])));
    System.out.printf("GeneratorServiceIT: cold instance ready in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    JsonArray concepts = Http.get(secondPort, "/v1/concepts").body().getJsonArray("concepts");
    assertThat(concepts.stream().map(JsonObject.class::cast).filter(c -> c.getBoolean("learned"))
        .map(c -> c.getString("label"))).contains("n", "o");
    assertThat(concepts.stream().map(JsonObject.class::cast).filter(c -> c.getBoolean("learned"))
        .map(c -> c.getBoolean("trained"))).as("learned here, not trained into the base model").containsOnly(false);
    assertThat(Http.header(secondPort, "/v1/concepts", "access-control-allow-origin"))
        .as("the pad reads the generator's concepts from capture's origin, listed in CHARGEN_ALLOWED_ORIGINS")
        .isEqualTo("http://pad.example");

    Http.Response shared = Http.post(secondPort, "/v1/generations", "{\"mix\":{\"n\":1},\"variants\":2}");
    assertThat(shared.status()).isEqualTo(202);
    assertThat(awaitDone(secondPort, shared.body().getString("id")).getJsonArray("trajectories")).hasSize(2);

    await(vertx.undeploy(firstDeployment));
    start = System.nanoTime();
    Http.Response alone = Http.post(secondPort, "/v1/generations", "{\"mix\":{\"n\":1},\"variants\":2}");
    assertThat(awaitDone(secondPort, alone.body().getString("id")).getJsonArray("trajectories")).hasSize(2);
    System.out.printf("GeneratorServiceIT: after take-over, POST -> done in %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
  }

  private JsonObject awaitDone(int port, String id) {
    JsonObject[] last = new JsonObject[1];
    Http.until(TIMEOUT, "generation " + id + " done (last: " + (last[0] == null ? "-" : "pending") + ")", () -> {
      Http.Response r = Http.get(port, "/v1/generations/" + id);
      last[0] = r.body();
      return r.status() == 200 && "done".equals(r.body().getString("status"));
    });
    return last[0];
  }

  private static double metric(int port, String name) {
    return Http.text(port, "/metrics").lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  private Env env(int port, int management) {
    return TestEnvironment.of(Map.of("CHARGEN_KAFKA_BOOTSTRAP", bootstrap, "CHARGEN_HTTP_PORT", Integer.toString(port),
        "CHARGEN_MANAGEMENT_PORT", Integer.toString(management), "CHARGEN_HTTP_HOST", "127.0.0.1",
        "CHARGEN_ALLOWED_ORIGINS", "http://pad.example",
        "CHARGEN_MODEL", modelFile.toString(), "CHARGEN_GROUP_ID", "generator-it"));
  }

  private ProducerRecord<String, byte[]> concept(String label, float value) {
    LearnedConcept.Builder c = LearnedConcept.newBuilder().setSchemaVersion(SchemaVersions.CURRENT).setLabel(label)
        .setModelId(modelId).setVersion(1).setSourceExampleId("it-" + label);
    for (int i = 0; i < HIDDEN; i++) {
      c.addCode(value + i * 0.01f);
    }
    return new ProducerRecord<>(Topics.CONCEPTS.topic(), label, c.build().toByteArray());
  }

  private static NewTopic topic(Topics t) {
    return new NewTopic(t.topic(), t.partitions(), (short) 1);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }
}
