package io.chargen.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.kafka.KafkaBroker;
import io.chargen.kafka.KafkaTestBroker;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.LearnedConcept;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaTestBroker.class)
class ConceptStoreIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  @DisplayName("a cold store rebuilds the latest concept per label before ready, skips bad records, then follows")
  void rebuildsAndFollows(KafkaBroker kafka) {
    Topics t = Topics.CONCEPTS;
    kafka.createTopics(List.of(new NewTopic(t.topic(), t.partitions(), (short) 1)));
    String bootstrap = kafka.bootstrapServers();
    String label = "store-it-" + System.nanoTime(); // the topic is shared with other ITs of this JVM
    KafkaTestClients.publish(bootstrap, List.of(
        record(ConceptStateTest.concept(label, 1, "e1", 0.1f)),
        new ProducerRecord<>(t.topic(), TenantKeys.key(TenantKeys.DEFAULT_TENANT, label),
            new byte[] {(byte) 0xff, 0x01}),
        record(ConceptStateTest.concept(label, 2, "e2", 0.2f))));

    Vertx vertx = Vertx.vertx();
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      BaseModel base = new BaseModel(TinyModels.untrained("abc", 8, 1), "base-1");
      ConceptStore store = new ConceptStore(vertx, new KafkaSettings(bootstrap, "store-it"), base, registry,
          new BrokerContact());
      List<ConceptStore.Change> changes = new CopyOnWriteArrayList<>();
      store.addListener(changes::add);
      long start = System.nanoTime();
      Await.result(store.start(), TIMEOUT);
      System.out.printf("ConceptStoreIT: ready in %d ms%n", (System.nanoTime() - start) / 1_000_000);

      assertThat(store.state().latestVersion(TenantKeys.DEFAULT_TENANT, label)).isEqualTo(2);
      assertThat(store.state().learnedFrom("e1")).isTrue();
      assertThat(store.model(TenantKeys.DEFAULT_TENANT).code(label)).containsOnly(0.2f);
      assertThat(registry.get("chargen.concepts.read").tag("outcome", "invalid").counter().count()).isEqualTo(1);

      KafkaTestClients.publish(bootstrap, List.of(record(ConceptStateTest.concept(label, 3, "e3", 0.3f))));
      Await.until(TIMEOUT, "version 3 followed", () -> store.state().latestVersion(TenantKeys.DEFAULT_TENANT, label) == 3);
      assertThat(changes).extracting(ConceptStore.Change::version).contains(3L);
      Await.result(store.catchUp(), TIMEOUT);

      // Erasure: a tombstone under <tenant>/<label> forgets the concept here and in a store started afterwards.
      KafkaTestClients.publish(bootstrap, List.of(new ProducerRecord<>(t.topic(),
          TenantKeys.key(TenantKeys.DEFAULT_TENANT, label), null)));
      Await.until(TIMEOUT, "the tombstone applied", () -> store.state().latestVersion(TenantKeys.DEFAULT_TENANT,
          label) == 0);
      assertThat(changes).anyMatch(c -> c.label().equals(label) && c.erased());
      Await.result(store.stop(), TIMEOUT);
      ConceptStore restarted = new ConceptStore(vertx, new KafkaSettings(bootstrap, "store-it-2"), base,
          new SimpleMeterRegistry(), new BrokerContact());
      Await.result(restarted.start(), TIMEOUT);
      assertThat(restarted.state().latest(TenantKeys.DEFAULT_TENANT, label)).as("erased after a restart").isEmpty();
      assertThat(restarted.state().learnedFrom("e3")).isTrue();
      Await.result(restarted.stop(), TIMEOUT);
    } finally {
      Await.result(vertx.close(), TIMEOUT);
    }
  }

  private static ProducerRecord<String, byte[]> record(LearnedConcept concept) {
    // Keyed as the learner keys them: a tenant's versions and tombstones of a label share one partition, in order.
    return new ProducerRecord<>(Topics.CONCEPTS.topic(), TenantKeys.key(TenantKeys.DEFAULT_TENANT,
        concept.getLabel()), concept.toByteArray());
  }
}
