package io.chargen.generator;

import com.google.protobuf.InvalidProtocolBufferException;
import io.chargen.proto.SchemaVersions;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.GeneratedTrajectory;
import io.chargen.proto.v1.GenerationRequest;
import io.chargen.service.ServiceAssembly;
import io.chargen.service.TopicFollower;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a {@link TopicFollower} sees from the end of what every replica produces, so any replica answers
 * {@code GET /v1/generations/{id}} and streams every trajectory: {@code chargen.generation-requests} (how many
 * variants a request expects), {@code chargen.generations} (the trajectories) and, when it exists,
 * {@code chargen.generation-requests.dlq} (requests that failed, with the error). Records this view cannot parse are
 * logged and skipped: the worker's loop owns those topics and dead-letters them.
 */
final class GenerationsReader {
  private static final Logger LOG = LoggerFactory.getLogger(GenerationsReader.class);
  /** How the follower starts: from the end; the DLQ only if it exists. */
  static final ServiceAssembly.Follow FOLLOW = new ServiceAssembly.Follow(TopicFollower.From.END,
      List.of(Topics.GENERATION_REQUESTS.topic(), Topics.GENERATIONS.topic()),
      List.of(Topics.GENERATION_REQUESTS_DLQ.topic()));

  private final GenerationCache cache;
  private final Consumer<GeneratedTrajectory> onNewTrajectory;

  /**
   * @param cache where requests, trajectories and failures go
   * @param onNewTrajectory called with each trajectory not seen before
   */
  GenerationsReader(GenerationCache cache, Consumer<GeneratedTrajectory> onNewTrajectory) {
    this.cache = cache;
    this.onNewTrajectory = onNewTrajectory;
  }

  /** @param record a record of one of the followed topics */
  void read(ConsumerRecord<String, byte[]> record) {
    try {
      String topic = record.topic();
      if (topic.equals(Topics.GENERATIONS.topic())) {
        GeneratedTrajectory t = GeneratedTrajectory.parseFrom(record.value());
        SchemaVersions.require("GeneratedTrajectory", t.getSchemaVersion());
        if (cache.add(t)) {
          onNewTrajectory.accept(t);
        }
      } else if (topic.equals(Topics.GENERATION_REQUESTS.topic())) {
        GenerationRequest r = GenerationRequest.parseFrom(record.value());
        SchemaVersions.require("GenerationRequest", r.getSchemaVersion());
        cache.expect(TenantKeys.key(TenantKeys.tenantOf(r.getTenant()), r.getId()), r.getVariants());
      } else if (record.key() != null) {
        Header error = record.headers().lastHeader(Topics.ERROR_HEADER);
        cache.fail(record.key(), error == null ? "dead-lettered" : new String(error.value(), StandardCharsets.UTF_8));
      }
    } catch (InvalidProtocolBufferException | IllegalArgumentException | NullPointerException e) {
      LOG.warn("skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }
}
