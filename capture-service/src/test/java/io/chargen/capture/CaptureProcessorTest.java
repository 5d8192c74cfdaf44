package io.chargen.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.capture.CaptureProcessor.Kind;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.v1.ClassificationResult;
import io.chargen.proto.v1.Trajectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaptureProcessorTest {
  private static final long NOW_MS = 1_700_000_000_123L;

  private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
  private final QueryResults results = new QueryResults();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CaptureProcessor processor = new CaptureProcessor(record -> {
    sent.add(record);
    return Future.succeededFuture();
  }, results, new CaptureMetrics(registry), Clock.fixed(Instant.ofEpochMilli(NOW_MS), ZoneOffset.UTC),
      () -> "id-1");

  @Test
  @DisplayName("JSON pen input maps to a Trajectory with the same points, a new id, the schema version and time")
  void mapsJsonToTrajectory() throws Exception {
    JsonObject json = PenInputs.example("n");
    Trajectory trajectory = processor.trajectory(Kind.EXAMPLE, "school-a", new PenInputValidator().validate(json, true));

    assertThat(trajectory.getSchemaVersion()).isEqualTo(SchemaVersions.CURRENT);
    assertThat(trajectory.getId()).isEqualTo("id-1");
    assertThat(trajectory.getTenant()).isEqualTo("school-a");
    assertThat(trajectory.getCapturedAtMs()).isEqualTo(NOW_MS);
    assertThat(trajectory.getLabel()).isEqualTo("n");
    assertThat(trajectory.getWriter()).isEqualTo("w1");
    assertThat(trajectory.getDevice()).isEqualTo("tablet-7");
    JsonArray points = json.getJsonArray("points");
    assertThat(trajectory.getPointsList()).hasSize(points.size());
    for (int i = 0; i < points.size(); i++) {
      JsonObject p = points.getJsonObject(i);
      assertThat(trajectory.getPoints(i).getX()).isEqualTo(p.getDouble("x"));
      assertThat(trajectory.getPoints(i).getY()).isEqualTo(p.getDouble("y"));
      assertThat(trajectory.getPoints(i).getPressure()).isEqualTo(p.getDouble("pressure"));
      assertThat(trajectory.getPoints(i).getDown()).isEqualTo(p.getBoolean("down"));
      assertThat(trajectory.getPoints(i).getT()).isEqualTo(p.getDouble("t"));
    }
  }

  @Test
  @DisplayName("an example goes to chargen.examples keyed by tenant and label and is counted once acknowledged")
  void publishesExampleByLabel() throws Exception {
    String id = processor.submit(Kind.EXAMPLE, "school-a", new PenInputValidator().validate(PenInputs.example("n"), true))
        .await();

    assertThat(id).isEqualTo("id-1");
    assertThat(sent).singleElement().satisfies(r -> {
      assertThat(r.topic()).isEqualTo("chargen.examples");
      assertThat(r.key()).isEqualTo("school-a/n");
      assertThat(Trajectory.parseFrom(r.value()).getPointsCount()).isEqualTo(5);
    });
    assertThat(registry.get("capture.trajectories.published").tag("topic", "chargen.examples").counter().count())
        .isEqualTo(1);
    assertThat(results.state(id)).isEqualTo(QueryResults.State.UNKNOWN);
  }

  @Test
  @DisplayName("a query goes to chargen.queries keyed by tenant and id, with an empty label, and becomes pending")
  void publishesQueryById() throws Exception {
    String id = processor.submit(Kind.QUERY, "school-a", new PenInputValidator().validate(PenInputs.example("n"), false))
        .await();

    assertThat(sent).singleElement().satisfies(r -> {
      assertThat(r.topic()).isEqualTo("chargen.queries");
      assertThat(r.key()).isEqualTo("school-a/id-1");
      assertThat(Trajectory.parseFrom(r.value()).getLabel()).isEmpty();
    });
    assertThat(results.state("school-a/" + id)).isEqualTo(QueryResults.State.PENDING);
  }

  @Test
  @DisplayName("a failed produce fails the submission and leaves the query unknown")
  void failedProduceFails() throws Exception {
    CaptureProcessor failing = new CaptureProcessor(r -> Future.failedFuture("broker down"), results,
        new CaptureMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), () -> "id-2");
    Future<String> submitted = failing.submit(Kind.QUERY, "school-a",
        new PenInputValidator().validate(PenInputs.example("n"), false));

    assertThat(submitted.failed()).isTrue();
    assertThat(results.state("id-2")).isEqualTo(QueryResults.State.UNKNOWN);
  }

  @Test
  @DisplayName("a classification becomes {id, outcome, label, scores, method, duration_ms}")
  void mapsClassificationToJson() {
    JsonObject json = CaptureProcessor.toJson(ClassificationResult.newBuilder().setSchemaVersion(1)
        .setQueryId("q1").setLabel("b").putScores("a", 0.2).putScores("b", 0.8).setMethod("dtw")
        .setDurationMs(4.5).build());

    assertThat(json).isEqualTo(new JsonObject().put("id", "q1").put("outcome", "classified").put("label", "b")
        .put("scores", new JsonObject().put("a", 0.2).put("b", 0.8)).put("method", "dtw").put("duration_ms", 4.5));
  }

  @Test
  @DisplayName("an answer with nothing taught says so: outcome nothing_taught, empty label and scores")
  void mapsNothingTaughtToJson() {
    JsonObject json = CaptureProcessor.toJson(ClassificationResult.newBuilder().setSchemaVersion(1)
        .setQueryId("q2").setMethod("best").setOutcome(ClassificationResult.Outcome.NOTHING_TAUGHT).build());

    assertThat(json.getString("outcome")).isEqualTo("nothing_taught");
    assertThat(json.getString("label")).isEmpty();
    assertThat(json.getJsonObject("scores")).isEmpty();
  }
}
