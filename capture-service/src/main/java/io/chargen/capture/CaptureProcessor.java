package io.chargen.capture;

import io.chargen.proto.SchemaVersions;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.ClassificationResult;
import io.chargen.proto.v1.Trajectory;
import io.chargen.service.Tracing;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns validated pen input into a {@link Trajectory} (new id, schema version, capture time) and publishes it:
 * examples to {@code chargen.examples} keyed by label (so one learner owns each concept's versions), queries to
 * {@code chargen.queries} keyed by id. A submission completes with the id only once the broker acknowledged it; an
 * acknowledged query becomes pending in {@link QueryResults}. Kafka-free: the producer is a {@link Sender}.
 */
public final class CaptureProcessor {
  /** What a trajectory is for. */
  public enum Kind {
    /** A labelled example to learn. */
    EXAMPLE(Topics.EXAMPLES),
    /** A query to classify. */
    QUERY(Topics.QUERIES);

    private final Topics topic;

    Kind(Topics topic) {
      this.topic = topic;
    }

    /** @return the topic it is published to */
    public String topic() {
      return topic.topic();
    }
  }

  /** Sends a record; the future completes on the broker's acknowledgement. */
  @FunctionalInterface
  public interface Sender {
    /**
     * @param record the record
     * @return completes when acknowledged
     */
    Future<?> send(ProducerRecord<String, byte[]> record);
  }

  private final Sender sender;
  private final QueryResults results;
  private final CaptureMetrics metrics;
  private final Clock clock;
  private final Supplier<String> ids;

  /**
   * @param sender the producer
   * @param results where acknowledged queries become pending
   * @param metrics published counts and durations
   * @param clock stamps {@code captured_at_ms}
   * @param ids new trajectory ids, e.g. random UUIDs
   */
  public CaptureProcessor(Sender sender, QueryResults results, CaptureMetrics metrics, Clock clock,
      Supplier<String> ids) {
    this.sender = sender;
    this.results = results;
    this.metrics = metrics;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * @param kind example or query
   * @param tenant the caller's tenant (its token's), which the trajectory and everything made of it belong to
   * @param input validated input
   * @return the trajectory with a new id; queries carry an empty label
   */
  public Trajectory trajectory(Kind kind, String tenant, PenInput input) {
    return Trajectory.newBuilder()
        .setSchemaVersion(SchemaVersions.CURRENT)
        .setId(ids.get())
        .setTenant(tenant)
        .setWriter(input.writer())
        .setDevice(input.device())
        .setLabel(kind == Kind.EXAMPLE ? input.label() : "")
        .addAllPoints(input.points())
        .setCapturedAtMs(clock.millis())
        .build();
  }

  /**
   * @param kind example or query
   * @param tenant the caller's tenant
   * @param input validated input
   * @return the new id, once the broker acknowledged the trajectory
   */
  public Future<String> submit(Kind kind, String tenant, PenInput input) {
    return submit(kind, tenant, input, Context.root());
  }

  /**
   * @param kind example or query
   * @param tenant the caller's tenant
   * @param input validated input
   * @param trace the request's trace context, carried in the record's headers
   * @return the new id, once the broker acknowledged the trajectory
   */
  public Future<String> submit(Kind kind, String tenant, PenInput input, Context trace) {
    Trajectory trajectory = trajectory(kind, tenant, input);
    // Tenant-scoped keys (issue 12): a tenant's examples of a label stay on one partition (one learner numbers
    // its versions), and partitions spread by tenant.
    String key = TenantKeys.key(tenant, kind == Kind.EXAMPLE ? trajectory.getLabel() : trajectory.getId());
    long start = System.nanoTime();
    Timer timer = metrics.publishDuration(kind.topic());
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(kind.topic(), key, trajectory.toByteArray());
    Tracing.inject(trace, record.headers());
    return sender.send(record).map(ack -> {
      timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      metrics.published(kind.topic()).increment();
      if (kind == Kind.QUERY) {
        results.pending(key);
      }
      return trajectory.getId();
    });
  }

  /**
   * @param result a classification
   * @return {@code {"id","label","scores":{…},"method","duration_ms"}}, the body of {@code GET /v1/queries/{id}}
   */
  public static JsonObject toJson(ClassificationResult result) {
    JsonObject scores = new JsonObject();
    new java.util.TreeMap<>(result.getScoresMap()).forEach(scores::put);
    return new JsonObject()
        .put("id", result.getQueryId())
        .put("outcome", result.getOutcome().name().toLowerCase(java.util.Locale.ROOT))
        .put("label", result.getLabel())
        .put("scores", scores)
        .put("method", result.getMethod())
        .put("duration_ms", result.getDurationMs());
  }
}
