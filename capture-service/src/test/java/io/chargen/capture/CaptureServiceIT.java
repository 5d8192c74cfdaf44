package io.chargen.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.kafka.KafkaBroker;
import io.chargen.kafka.KafkaTestBroker;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.ClassificationResult;
import io.chargen.proto.v1.Trajectory;
import io.chargen.service.KafkaTestClients;
import io.chargen.service.TestEnvironment;
import io.chargen.service.security.Role;
import io.chargen.service.security.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaTestBroker.class)
class CaptureServiceIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Vertx vertx;
  private static String bootstrap;
  private static String base;
  private static int port;
  private static int managementPort;
  /** The tenant of this test's tablet; a second tenant checks isolation. */
  private static final String TENANT = "school-a";
  private static TestTokens tokens;
  private static String tablet;

  @BeforeAll
  static void deploy(KafkaBroker kafka) throws Exception {
    kafka.createTopics(List.of(Topics.EXAMPLES, Topics.QUERIES, Topics.CLASSIFICATIONS, Topics.QUERIES_DLQ).stream()
        .map(t -> new NewTopic(t.topic(), t.partitions(), (short) 1)).toList());
    bootstrap = kafka.bootstrapServers();
    try (ServerSocket socket = new ServerSocket(0); ServerSocket management = new ServerSocket(0)) {
      port = socket.getLocalPort();
      managementPort = management.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    vertx = Vertx.vertx();
    tokens = TestTokens.create(vertx, TestEnvironment.keyDir());
    tablet = tokens.token(TENANT, Set.of(Role.TABLET), Set.of("*"));
    long start = System.nanoTime();
    CaptureMain.deploy(vertx, TestEnvironment.of(Map.of("CHARGEN_KAFKA_BOOTSTRAP", bootstrap,
        "CHARGEN_HTTP_HOST", "127.0.0.1", "CHARGEN_HTTP_PORT", String.valueOf(port),
        "CHARGEN_MANAGEMENT_PORT", String.valueOf(managementPort)))).toCompletionStage().toCompletableFuture()
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    System.out.printf("CaptureServiceIT: deployed in %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a posted example arrives on chargen.examples as the token's tenant's Trajectory, keyed by tenant and"
      + " label, with the same points")
  void publishesExample() throws Exception {
    JsonObject example = PenInputs.example("n").put("writer", "it-example");
    long start = System.nanoTime();
    HttpResponse<String> response = post("/v1/examples", example.encode());
    System.out.printf("CaptureServiceIT: POST /v1/examples answered in %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
    assertThat(response.statusCode()).isEqualTo(202);
    String id = new JsonObject(response.body()).getString("id");

    ConsumerRecord<String, byte[]> record = KafkaReads.find(bootstrap, Topics.EXAMPLES.topic(), TIMEOUT,
        r -> parse(r).getId().equals(id));
    Trajectory trajectory = parse(record);
    assertThat(record.key()).isEqualTo(TENANT + "/n");
    assertThat(trajectory.getTenant()).isEqualTo(TENANT);
    assertThat(trajectory.getLabel()).isEqualTo("n");
    assertThat(trajectory.getDevice()).isEqualTo("tablet-7");
    assertThat(trajectory.getPointsList()).extracting(p -> List.of(p.getX(), p.getY(), p.getPressure(), p.getT()))
        .containsExactlyElementsOf(example.getJsonArray("points").stream().map(JsonObject.class::cast)
            .map(p -> List.of(p.getDouble("x"), p.getDouble("y"), p.getDouble("pressure"), p.getDouble("t")))
            .toList());
  }

  @Test
  @DisplayName("an invalid example gets 400 naming the field and value, and nothing is published")
  void rejectsInvalidExample() throws Exception {
    JsonObject bad = PenInputs.example("m").put("writer", "it-invalid");
    bad.getJsonArray("points").getJsonObject(1).put("pressure", 7.5);
    HttpResponse<String> response = post("/v1/examples", bad.encode());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getString("error"))
        .as("the OpenAPI contract's validation names the path and value").contains("points/1/pressure", "7.5");

    // A valid example with the same label lands on the same partition after where the bad one would be.
    String id = new JsonObject(post("/v1/examples", PenInputs.example("m").encode()).body()).getString("id");
    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    KafkaReads.find(bootstrap, Topics.EXAMPLES.topic(), TIMEOUT, r -> seen.add(r) && parse(r).getId().equals(id));
    assertThat(seen).noneMatch(r -> parse(r).getWriter().equals("it-invalid"));
  }

  @Test
  @DisplayName("a posted query is pending until its classification arrives, then GET returns it; unknown ids 404")
  void answersQuery() throws Exception {
    HttpResponse<String> posted = post("/v1/queries", PenInputs.example("n").encode());
    assertThat(posted.statusCode()).isEqualTo(202);
    String id = new JsonObject(posted.body()).getString("id");
    assertThat(get("/v1/queries/" + id).body()).contains("pending");
    assertThat(KafkaReads.find(bootstrap, Topics.QUERIES.topic(), TIMEOUT, r -> (TENANT + "/" + id).equals(r.key())))
        .isNotNull();

    long start = System.nanoTime();
    KafkaTestClients.publish(bootstrap, List.of(new ProducerRecord<>(Topics.CLASSIFICATIONS.topic(),
        TENANT + "/" + id, result(id).toByteArray())));
    HttpResponse<String> answer = get("/v1/queries/" + id);
    while (answer.statusCode() == 202 && System.nanoTime() - start < TIMEOUT.toNanos()) {
      Thread.sleep(20);
      answer = get("/v1/queries/" + id);
    }
    System.out.printf("CaptureServiceIT: classification produced → GET 200 in %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(answer.body())).isEqualTo(CaptureProcessor.toJson(result(id)));
    assertThat(get("/v1/queries/no-such-id").statusCode()).isEqualTo(404);
    HttpResponse<String> foreign = send(HttpRequest.newBuilder(URI.create(base + "/v1/queries/" + id))
        .header("Authorization", "Bearer " + tokens.token("school-b", Role.TABLET)).GET());
    assertThat(foreign.statusCode()).as("another tenant's query is unknown to this one").isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("\"label\"");
  }

  @Test
  @DisplayName("a query the classifier dead-letters is answered 422 with the dead letter's error, not left pending")
  void reportsFailedQuery() throws Exception {
    String id = new JsonObject(post("/v1/queries", PenInputs.example("n").encode()).body()).getString("id");
    ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.QUERIES_DLQ.topic(), TENANT + "/" + id,
        new byte[] {1});
    dead.headers().add(Topics.ERROR_HEADER, "gave up after 5 attempts: no concepts learned yet".getBytes());
    KafkaTestClients.publish(bootstrap, List.of(dead));
    HttpResponse<String> answer = get("/v1/queries/" + id);
    long start = System.nanoTime();
    while (answer.statusCode() == 202 && System.nanoTime() - start < TIMEOUT.toNanos()) {
      Thread.sleep(20);
      answer = get("/v1/queries/" + id);
    }
    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(answer.body()).getString("error")).contains("no concepts learned yet");
  }

  @Test
  @DisplayName("the caller's W3C trace context travels from the HTTP request into the published query's headers")
  void carriesTraceContext() throws Exception {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(base + "/v1/queries"))
        .header("Authorization", "Bearer " + tablet)
        .header("content-type", "application/json").header("traceparent", traceparent)
        .POST(HttpRequest.BodyPublishers.ofString(PenInputs.example("n").encode())));
    String id = new JsonObject(posted.body()).getString("id");
    ConsumerRecord<String, byte[]> query = KafkaReads.find(bootstrap, Topics.QUERIES.topic(), TIMEOUT,
        r -> (TENANT + "/" + id).equals(r.key()));
    assertThat(new String(query.headers().lastHeader("traceparent").value()))
        .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
  }

  @Test
  @DisplayName("a multipart body is refused with 415 and nothing is written to disk")
  void refusesMultipart() throws Exception {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/v1/queries"))
        .header("Authorization", "Bearer " + tablet).header("content-type", "multipart/form-data; boundary=b")
        .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"f\"; "
            + "filename=\"x\"\r\n\r\nxxxx\r\n--b--\r\n")));
    assertThat(answer.statusCode()).isEqualTo(415);
    HttpResponse<String> text = send(HttpRequest.newBuilder(URI.create(base + "/v1/examples"))
        .header("Authorization", "Bearer " + tablet).header("content-type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(PenInputs.example("n").encode())));
    assertThat(text.statusCode()).as("a text/plain POST, which any web page can forge").isEqualTo(415);
    assertThat(new JsonObject(text.body()).getString("error")).contains("text/plain", "application/json");
    assertThat(java.nio.file.Path.of("file-uploads")).doesNotExist();
  }

  @Test
  @DisplayName("over the WebSocket, an asked letter is accepted and its classification is pushed")
  void pushesClassificationOverWebSocket() throws Exception {
    BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    WebSocket ws = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + tablet)
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/v1/pen"),
        new Collecting(messages)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    ws.sendText("{\"type\":\"begin\",\"mode\":\"ask\",\"writer\":\"it-ws\"}", true).get();
    ws.sendText("{\"type\":\"points\",\"points\":" + PenInputs.points().encode() + "}", true).get();
    ws.sendText("{\"type\":\"points\",\"points\":\"oops\"}", true).get();
    assertThat(next(messages).getString("error")).contains("points", "oops");
    ws.sendText("{\"type\":\"end\"}", true).get();

    JsonObject accepted = next(messages);
    assertThat(accepted.getString("type")).isEqualTo("accepted");
    String id = accepted.getString("id");
    long start = System.nanoTime();
    KafkaTestClients.publish(bootstrap, List.of(new ProducerRecord<>(Topics.CLASSIFICATIONS.topic(),
        TENANT + "/" + id, result(id).toByteArray())));
    JsonObject pushed = next(messages);
    System.out.printf("CaptureServiceIT: classification produced → WebSocket push in %d ms%n",
        (System.nanoTime() - start) / 1_000_000);
    assertThat(pushed).isEqualTo(CaptureProcessor.toJson(result(id)).put("type", "classification"));
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get();
  }

  @Test
  @DisplayName("/health is UP once producer and reader are ready; /metrics is on the management port only")
  void servesHealthAndMetrics() throws Exception {
    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(health.body()).getJsonObject("checks"))
        .isEqualTo(new JsonObject().put("classifications", "UP").put("kafka", "UP"));
    assertThat(get("/metrics").statusCode()).as("no /metrics on the public port").isEqualTo(404);
    String metrics = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/metrics"))
        .GET()).body();
    assertThat(metrics).contains("capture_requests_total", "capture_publish_duration_seconds",
        "capture_websocket_sessions", "jvm_memory_used_bytes", "kafka_producer_",
        "chargen_http_requests_seconds_count{method=\"GET\",route=\"/health\"");
  }

  private static ClassificationResult result(String id) {
    return ClassificationResult.newBuilder().setSchemaVersion(1).setQueryId(id).setTenant(TENANT).setLabel("n")
        .putScores("n", 0.9).putScores("m", 0.1).setMethod("it").setDurationMs(1.5).build();
  }

  private static Trajectory parse(ConsumerRecord<String, byte[]> record) {
    try {
      return Trajectory.parseFrom(record.value());
    } catch (Exception e) {
      throw new AssertionError("not a Trajectory at offset " + record.offset(), e);
    }
  }

  private static JsonObject next(BlockingQueue<JsonObject> messages) throws InterruptedException {
    JsonObject message = messages.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(message).as("a WebSocket message within " + TIMEOUT).isNotNull();
    return message;
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + tablet)
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + tablet).GET());
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Collects whole text messages as JSON. */
  private record Collecting(BlockingQueue<JsonObject> messages, StringBuilder partial) implements WebSocket.Listener {
    Collecting(BlockingQueue<JsonObject> messages) {
      this(messages, new StringBuilder());
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(new JsonObject(partial.toString()));
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
