package io.chargen.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.proto.TenantKeys;
import io.chargen.service.Tracing;
import io.chargen.service.security.Caller;
import io.chargen.service.security.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PenSessionTest {
  private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
  private final List<JsonObject> pushed = new ArrayList<>();
  private final QueryResults results = new QueryResults();
  private final CaptureMetrics metrics = new CaptureMetrics(new SimpleMeterRegistry());
  private boolean ready = true;
  private final CaptureSubmissions submissions = new CaptureSubmissions(new CaptureProcessor(r -> {
    sent.add(r);
    return Future.succeededFuture();
  }, results, metrics, Clock.systemUTC(), () -> "q-" + sent.size()), results, metrics, () -> ready);
  private static final Caller TABLET = new Caller("tablet-1", TenantKeys.DEFAULT_TENANT, Set.of(Role.TABLET),
      Set.of("*"));
  private final PenSession session = new PenSession(new PenInputValidator(), submissions, metrics, TABLET,
      pushed::add);

  @Test
  @DisplayName("ask mode: points in several messages are published once at end, and the answer is pushed")
  void asksAndPushesClassification() {
    JsonArray points = PenInputs.points();
    session.onMessage("{\"type\":\"begin\",\"mode\":\"ask\",\"writer\":\"w1\"}");
    session.onMessage(new JsonObject().put("type", "points").put("points", new JsonArray(points.getList()
        .subList(0, 2))).encode());
    session.onMessage(new JsonObject().put("type", "points").put("points", new JsonArray(points.getList()
        .subList(2, 5))).encode());
    session.onMessage("{\"type\":\"end\"}");
    results.answered(QueryResultsTest.result("q-0"));

    assertThat(sent).singleElement().satisfies(r -> assertThat(r.topic()).isEqualTo("chargen.queries"));
    assertThat(pushed).extracting(m -> m.getString("type")).containsExactly("accepted", "classification");
    assertThat(pushed.get(1).getString("id")).isEqualTo("q-0");
  }

  @Test
  @DisplayName("a letter's end message may carry a W3C traceparent; without one the session's trace context is used")
  void carriesTraceContextPerLetter() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    Context upgrade = Tracing.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null, Context.root());
    PenSession traced = new PenSession(new PenInputValidator(), submissions, metrics, TABLET, pushed::add, upgrade);
    traced.onMessage("{\"type\":\"begin\",\"mode\":\"teach\",\"label\":\"n\"}");
    traced.onMessage(new JsonObject().put("type", "points").put("points", PenInputs.points()).encode());
    traced.onMessage("{\"type\":\"end\",\"traceparent\":\"00-" + traceId + "-00f067aa0ba902b7-01\"}");
    traced.onMessage(new JsonObject().put("type", "points").put("points", PenInputs.points()).encode());
    traced.onMessage("{\"type\":\"end\",\"traceparent\":\"not-a-traceparent\"}");
    traced.onMessage(new JsonObject().put("type", "points").put("points", PenInputs.points()).encode());
    traced.onMessage("{\"type\":\"end\",\"traceparent\":7}");

    assertThat(sent).hasSize(2);
    assertThat(traceparent(sent.get(0))).startsWith("00-" + traceId + "-");
    assertThat(traceparent(sent.get(1))).startsWith("00-0af7651916cd43dd8448eb211c80319c-");
    assertThat(pushed).extracting(m -> m.getString("type")).containsExactly("accepted", "accepted", "error");
    assertThat(pushed.get(2).getString("error")).isEqualTo("traceparent = 7 is not a string");
  }

  private static String traceparent(ProducerRecord<String, byte[]> record) {
    return new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("teach mode publishes an example with the begin label; clear discards buffered points")
  void teachesAfterClear() {
    session.onMessage("{\"type\":\"begin\",\"mode\":\"teach\",\"label\":\"n\"}");
    session.onMessage(new JsonObject().put("type", "points").put("points", new JsonArray().add(
        PenInputs.point(0.1, 0.1, 0.5, false, 0))).encode());
    session.onMessage("{\"type\":\"clear\"}");
    session.onMessage(new JsonObject().put("type", "points").put("points", PenInputs.points()).encode());
    session.onMessage("{\"type\":\"end\"}");

    assertThat(sent).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("default/n"));
    assertThat(pushed).extracting(m -> m.getString("type")).containsExactly("accepted");
  }

  @Test
  @DisplayName("mistakes are pushed as errors naming the field and value, and nothing is published")
  void pushesErrors() {
    session.onMessage("not json");
    session.onMessage("{\"type\":\"points\",\"points\":[]}");
    session.onMessage("{\"type\":\"wave\"}");
    session.onMessage("{\"type\":\"begin\",\"mode\":\"draw\"}");
    session.onMessage("{\"type\":\"begin\",\"mode\":\"teach\",\"label\":\"toolonglabel\"}");
    session.onMessage("{\"type\":\"begin\",\"mode\":\"ask\"}");
    session.onMessage("{\"type\":\"end\"}");

    assertThat(sent).isEmpty();
    assertThat(pushed).allSatisfy(m -> assertThat(m.getString("type")).isEqualTo("error"))
        .extracting(m -> m.getString("error"))
        .satisfiesExactly(
            e -> assertThat(e).contains("message", "not json"),
            e -> assertThat(e).contains("points", "before \"begin\""),
            e -> assertThat(e).contains("type", "\"wave\""),
            e -> assertThat(e).contains("mode", "\"draw\""),
            e -> assertThat(e).contains("label", "\"toolonglabel\""),
            e -> assertThat(e).contains("points", "empty"));
  }

  @Test
  @DisplayName("a query the classifier dead-letters is pushed as an error with its id and reason")
  void pushesFailure() {
    session.onMessage("{\"type\":\"begin\",\"mode\":\"ask\"}");
    session.onMessage(new JsonObject().put("type", "points").put("points", PenInputs.points()).encode());
    session.onMessage("{\"type\":\"end\"}");
    results.failed("default/q-0", "gave up after 5 attempts: no concepts learned yet");
    assertThat(pushed).extracting(m -> m.getString("type")).containsExactly("accepted", "error");
    assertThat(pushed.get(1).getString("id")).isEqualTo("q-0");
    assertThat(pushed.get(1).getString("error")).contains("no concepts learned yet");
  }

  @Test
  @DisplayName("while Kafka is unreachable nothing is published and the client is told so")
  void refusesWhileDown() {
    ready = false;
    session.onMessage("{\"type\":\"begin\",\"mode\":\"ask\"}");
    session.onMessage(new JsonObject().put("type", "points").put("points", PenInputs.points()).encode());
    session.onMessage("{\"type\":\"end\"}");
    assertThat(sent).isEmpty();
    assertThat(pushed).singleElement().satisfies(m -> assertThat(m.getString("error")).contains("cannot reach Kafka"));
  }

  @Test
  @DisplayName("past the backlog bound, queries are refused until the classifier catches up")
  void refusesPastBacklog() {
    for (int i = 0; i < CaptureSubmissions.MAX_PENDING_QUERIES; i++) {
      results.pending("default/old-" + i);
    }
    session.onMessage("{\"type\":\"begin\",\"mode\":\"ask\"}");
    session.onMessage(new JsonObject().put("type", "points").put("points", PenInputs.points()).encode());
    session.onMessage("{\"type\":\"end\"}");
    assertThat(sent).isEmpty();
    assertThat(pushed).singleElement().satisfies(m -> assertThat(m.getString("error")).contains("wait for "
        + "classification"));
    results.answered(QueryResultsTest.result("old-0"));
    session.onMessage(new JsonObject().put("type", "points").put("points", PenInputs.points()).encode());
    session.onMessage("{\"type\":\"end\"}");
    assertThat(sent).hasSize(1);
  }

  @Test
  @DisplayName("unknown fields of points are not kept: a buffer holds typed points only")
  void dropsJunkFields() {
    session.onMessage("{\"type\":\"begin\",\"mode\":\"ask\"}");
    JsonArray points = PenInputs.points();
    points.getJsonObject(0).put("junk", "x".repeat(60_000));
    session.onMessage(new JsonObject().put("type", "points").put("points", points).encode());
    session.onMessage("{\"type\":\"end\"}");
    assertThat(sent).singleElement().satisfies(r -> assertThat(r.value().length).isLessThan(1_000));
  }
}
