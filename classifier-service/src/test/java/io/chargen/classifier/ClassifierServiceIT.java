package io.chargen.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.kafka.KafkaBroker;
import io.chargen.kafka.KafkaTestBroker;
import io.chargen.model.io.ModelFile;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.ClassificationResult;
import io.chargen.proto.v1.LearnedConcept;
import io.chargen.proto.v1.Trajectory;
import io.chargen.service.BaseModel;
import io.chargen.service.Env;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaTestBroker.class)
class ClassifierServiceIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final List<Topics> TOPICS =
      List.of(Topics.QUERIES, Topics.QUERIES_DLQ, Topics.CONCEPTS, Topics.CLASSIFICATIONS);

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String run = "it-" + System.nanoTime(); // ids unique in the JVM's shared broker

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("learned concepts answer queries, garbage is dead-lettered, and a restarted replica rebuilds and "
      + "does not answer a committed query twice")
  void classifiesDeadLettersAndRestarts(KafkaBroker kafka, @TempDir Path dir) throws Exception {
    kafka.createTopics(TOPICS.stream().map(t -> new NewTopic(t.topic(), t.partitions(), (short) 1)).toList());
    String bootstrap = kafka.bootstrapServers();
    Path modelFile = dir.resolve("tiny.cgm");
    ModelFile.write(Queries.tinyBase().model(), modelFile);
    String modelId = BaseModel.load(modelFile).id();
    TopicReader.publish(bootstrap, List.of(
        concept(Queries.concept("a", 1, modelId, Queries.circle())),
        concept(Queries.concept("b", 1, modelId, Queries.zigzag()))));
    Env env = TestEnvironment.of(Map.of("CHARGEN_HTTP_HOST", "127.0.0.1", "CHARGEN_MANAGEMENT_PORT", "0",
        "CHARGEN_KAFKA_BOOTSTRAP", bootstrap, "CHARGEN_HTTP_PORT", "0",
        "CHARGEN_MODEL", modelFile.toString(), "CHARGEN_GROUP_ID", run + "-group"));

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    long deployStart = System.nanoTime();
    ClassifierVerticle first = deploy(env, registry);
    System.out.printf("ClassifierServiceIT: ready in %d ms%n", millisSince(deployStart));
    assertThat(get(first, "/health").statusCode()).isEqualTo(200);
    assertThat(learned(get(first, "/v1/concepts").body())).hasSize(2);

    assertThat(ask(bootstrap, run + "-q1", Queries.zigzag()).getLabel()).isEqualTo("b");
    TopicReader.publish(bootstrap, List.of(new ProducerRecord<>(Topics.QUERIES.topic(), run + "-garbage",
        new byte[] {(byte) 0xff, 0x01})));
    ClassificationResult second = ask(bootstrap, run + "-q2", Queries.circle());
    assertThat(second.getLabel()).isEqualTo("a");
    assertThat(second.getMethod()).as("the default method, best").isEqualTo("shape_dtw");
    ConsumerRecord<String, byte[]> dead = TopicReader.readUntil(bootstrap, Topics.QUERIES_DLQ.topic(),
        records -> records.stream().anyMatch(r -> r.key().equals(run + "-garbage")), TIMEOUT).stream()
        .filter(r -> r.key().equals(run + "-garbage")).findFirst().orElseThrow();
    assertThat(new String(dead.headers().lastHeader(Topics.ERROR_HEADER).value(), StandardCharsets.UTF_8))
        .startsWith("not a Trajectory");
    assertThat(registry.get("classifier.queries").tag("outcome", "ok").counter().count()).isEqualTo(2);
    assertThat(registry.get("classifier.queries").tag("outcome", "invalid").counter().count()).isEqualTo(1);
    assertThat(registry.scrape()).contains("classifier_classification_duration_seconds_count{method=\"best\"");

    long stopStart = System.nanoTime();
    await(vertx.undeploy(first.deploymentID()));
    System.out.printf("ClassifierServiceIT: undeploy took %d ms%n", millisSince(stopStart));
    ClassifierVerticle restarted = deploy(env, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    assertThat(learned(get(restarted, "/v1/concepts").body()))
        .as("the new replica rebuilt the concepts from chargen.concepts").hasSize(2);
    assertThat(ask(bootstrap, run + "-q3", Queries.circle()).getLabel()).isEqualTo("a");

    List<ConsumerRecord<String, byte[]>> answers = TopicReader.readUntil(bootstrap, Topics.CLASSIFICATIONS.topic(),
        records -> records.stream().anyMatch(r -> r.key().equals(scoped(run + "-q3"))), TIMEOUT);
    assertThat(answers).filteredOn(r -> r.key().startsWith(scoped(run))).extracting(ConsumerRecord::key)
        .as("committed queries are not answered again after the restart, keyed by tenant and id")
        .containsExactlyInAnyOrder(scoped(run + "-q1"), scoped(run + "-q2"), scoped(run + "-q3"));
  }

  private ClassifierVerticle deploy(Env env, PrometheusMeterRegistry registry) throws Exception {
    ClassifierConfig config = ClassifierConfig.fromEnv(env);
    ClassifierVerticle verticle = new ClassifierVerticle(config, BaseModel.load(config.model()), registry);
    await(vertx.deployVerticle(verticle));
    return verticle;
  }

  /** Publishes a query and waits for its answer on chargen.classifications; prints the latency. */
  private ClassificationResult ask(String bootstrap, String id, List<io.chargen.proto.v1.PenPoint> letter)
      throws Exception {
    Trajectory query = Queries.query(id, letter);
    long start = System.nanoTime();
    TopicReader.publish(bootstrap, List.of(new ProducerRecord<>(Topics.QUERIES.topic(), id, query.toByteArray())));
    ConsumerRecord<String, byte[]> answer = TopicReader.readUntil(bootstrap, Topics.CLASSIFICATIONS.topic(),
        records -> records.stream().anyMatch(r -> r.key().equals(scoped(id))), TIMEOUT).stream()
        .filter(r -> r.key().equals(scoped(id))).findFirst().orElseThrow();
    System.out.printf("ClassifierServiceIT: %s answered in %d ms%n", id, millisSince(start));
    ClassificationResult result = ClassificationResult.parseFrom(answer.value());
    assertThat(result.getQueryId()).isEqualTo(id);
    return result;
  }

  /** @return the id as the tenant-less test records are keyed on result topics: the default tenant's */
  private static String scoped(String id) {
    return TenantKeys.key(TenantKeys.DEFAULT_TENANT, id);
  }

  private HttpResponse<String> get(ClassifierVerticle verticle, String path) throws Exception {
    String token = TestTokens.create(vertx, TestEnvironment.keyDir()).token(TenantKeys.DEFAULT_TENANT, Role.DASHBOARD);
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + verticle.httpPort() + path))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ProducerRecord<String, byte[]> concept(LearnedConcept concept) {
    return new ProducerRecord<>(Topics.CONCEPTS.topic(), concept.getLabel(), concept.toByteArray());
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static java.util.List<Object> learned(String body) {
    return new JsonObject(body).getJsonArray("concepts").stream()
        .filter(c -> ((JsonObject) c).getBoolean("learned")).toList();
  }
}
