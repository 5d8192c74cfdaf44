package io.chargen.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Micrometer binders every service registers: JVM memory, GC, threads, class loading, CPU and uptime, tagged with
 * {@code service}, and the Kafka clients' own metrics (including the consumer's {@code records-lag}) through
 * {@link KafkaClientMetrics} on the native clients that vertx-kafka-client wraps.
 */
public final class MeterBinders {
  private MeterBinders() {}

  /**
   * @param registry the registry
   * @param service the {@code service} tag put on every meter
   * @return the GC binder, to close on shutdown
   */
  public static JvmGcMetrics bindJvm(MeterRegistry registry, String service) {
    registry.config().commonTags(Tags.of("service", service));
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return gc;
  }

  /**
   * @param registry the registry
   * @param consumer the native consumer ({@code KafkaReadStream.unwrap()})
   * @return the binder, to close before the consumer
   */
  public static KafkaClientMetrics bindConsumer(MeterRegistry registry, Consumer<?, ?> consumer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
    metrics.bindTo(registry);
    return metrics;
  }

  /**
   * @param registry the registry
   * @param producer the native producer ({@code KafkaWriteStream.unwrap()})
   * @return the binder, to close before the producer
   */
  public static KafkaClientMetrics bindProducer(MeterRegistry registry, Producer<?, ?> producer) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
    metrics.bindTo(registry);
    return metrics;
  }
}
