package io.chargen.capture;

import com.google.protobuf.InvalidProtocolBufferException;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.ClassificationResult;
import io.chargen.service.ServiceAssembly;
import io.chargen.service.TopicFollower;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a {@link TopicFollower} sees from the end of {@code chargen.queries} (ids become pending),
 * {@code chargen.classifications} (answered) and {@code chargen.queries.dlq} (failed, with the dead letter's error),
 * so any replica answers {@code GET /v1/queries/{id}} for queries published after it started, and a query the
 * classifier cannot answer ends in a failure the client can read instead of staying pending. A bad result is counted
 * and logged, never dead-lettered: this service does not own the topic.
 */
final class ClassificationReader {
  private static final Logger LOG = LoggerFactory.getLogger(ClassificationReader.class);
  /** How the follower starts: from the end, the DLQ only if it exists. */
  static final ServiceAssembly.Follow FOLLOW = new ServiceAssembly.Follow(TopicFollower.From.END,
      List.of(Topics.QUERIES.topic(), Topics.CLASSIFICATIONS.topic()), List.of(Topics.QUERIES_DLQ.topic()));

  private final QueryResults results;
  private final CaptureMetrics metrics;

  ClassificationReader(QueryResults results, CaptureMetrics metrics) {
    this.results = results;
    this.metrics = metrics;
  }

  /** @param record a record of one of the followed topics */
  void read(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      return; // every record of these topics is keyed by query id; nothing to attach this one to
    }
    if (record.topic().equals(Topics.QUERIES.topic())) {
      results.pending(record.key()); // the query id; no need to parse the trajectory
    } else if (record.topic().equals(Topics.QUERIES_DLQ.topic())) {
      Header error = record.headers().lastHeader(Topics.ERROR_HEADER);
      results.failed(record.key(), error == null ? "dead-lettered" : new String(error.value(),
          StandardCharsets.UTF_8));
    } else {
      answered(record);
    }
  }

  private void answered(ConsumerRecord<String, byte[]> record) {
    try {
      ClassificationResult result = ClassificationResult.parseFrom(record.value() == null ? new byte[0]
          : record.value());
      SchemaVersions.require("ClassificationResult", result.getSchemaVersion());
      if (result.getQueryId().isEmpty()) {
        throw new IllegalArgumentException("query_id is empty");
      }
      results.answered(result);
      metrics.classificationsRead(true).increment();
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      metrics.classificationsRead(false).increment();
      LOG.warn("skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }
}
