package io.chargen.generator;

import io.chargen.model.generate.Generator;
import io.chargen.model.kernel.FastBackend;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.Topics;
import io.chargen.proto.v1.GeneratedTrajectory;
import io.chargen.proto.v1.GenerationRequest;
import io.chargen.service.BadRecordException;
import io.chargen.service.BaseModel;
import io.chargen.service.ConceptStore;
import io.chargen.service.ConceptsApi;
import io.chargen.service.RecordLoop;
import io.chargen.service.ServiceAssembly;
import io.chargen.service.ServiceVerticle;
import io.chargen.service.Tracing;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Wiring of the generator on the shared {@link ServiceAssembly}: the concept store, a follower of generations (cache
 * and stream, {@link GenerationsReader}), the worker loop on {@code chargen.generation-requests} running the
 * {@link GenerationProcessor}, and the HTTP API. Heavy requests ({@link GenerationBudget#HEAVY_VALUES}) are published
 * to the first quarter of the partitions ({@link RequestPartitions}) and generated on a one-thread pool of their
 * own; light ones go to the other partitions and the shared pool. As the loop processes partitions side by side, a
 * light request never waits behind a heavy one.
 */
public final class GeneratorVerticle extends VerticleBase implements ServiceVerticle {
  /** Requests per poll: a default request takes milliseconds, a worst case within the budget about a second. */
  private static final int MAX_POLL_RECORDS = 20;
  /** Requests generated at once across partitions: the heavy lane's one, and light ones beside it. */
  private static final int MAX_IN_FLIGHT = 4;

  private final GeneratorConfig config;
  private final BaseModel base;
  private final PrometheusMeterRegistry registry;
  private final StreamHub hub = new StreamHub();
  private final GenerationCache cache = new GenerationCache();
  private ServiceAssembly assembly;
  private ConceptStore store;
  private GenerationProcessor processor;
  private GeneratorMetrics metrics;
  private WorkerExecutor heavyLane;
  private RequestPartitions partitions = RequestPartitions.NONE;

  /**
   * @param config the configuration
   * @param base the loaded base model
   * @param registry the meter registry, scraped at {@code /metrics}
   */
  public GeneratorVerticle(GeneratorConfig config, BaseModel base, PrometheusMeterRegistry registry) {
    this.config = config;
    this.base = base;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    metrics = new GeneratorMetrics(registry, hub::size, cache::bytes);
    processor = new GenerationProcessor(new Generator(new FastBackend()), d -> metrics.generation().record(d));
    heavyLane = vertx.createSharedWorkerExecutor("generator-heavy", 1);
    assembly = new ServiceAssembly(vertx, GeneratorConfig.SERVICE, config.kafka(), config.http(), registry);
    store = assembly.conceptStore(base);
    store.addListener(c -> hub.broadcast(c.tenant(), new JsonObject().put("type", "concept").put("label", c.label())
        .put("version", c.version())));
    GenerationsReader reader = new GenerationsReader(cache, t -> hub.broadcast(TenantKeys.tenantOf(t.getTenant()),
        GenerationJson.trajectoryEvent(t)));
    assembly.follow("generations", GenerationsReader.FOLLOW, reader::read);
    assembly.consume(config.groupId(), new RecordLoop.Input(Topics.GENERATION_REQUESTS.topic(), this::generate,
        MAX_POLL_RECORDS, MAX_IN_FLIGHT));
    new GenerationsApi(store, cache, hub, metrics, assembly::ready, this::publishRequest)
        .mount(assembly.api(), assembly.router());
    ConceptsApi.bind(assembly.api(), "getGeneratorConcepts", store, new JsonObject());
    return assembly.start()
        .compose(v -> assembly.producer().partitionsFor(Topics.GENERATION_REQUESTS.topic()))
        .onSuccess(infos -> partitions = new RequestPartitions(infos.size()))
        .mapEmpty();
  }

  /** @return fails as soon as the worker, the concept store or the generations reader stops on a fatal error */
  @Override
  public Future<Void> failure() {
    return assembly.failure();
  }

  /** @return the HTTP port actually bound */
  @Override
  public int httpPort() {
    return assembly.httpPort();
  }

  /** @return the management port actually bound */
  @Override
  public int managementPort() {
    return assembly.managementPort();
  }

  private Future<Void> publishRequest(GenerationRequest request, boolean heavy, Context trace) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.GENERATION_REQUESTS.topic(),
        partitions.of(request.getId(), heavy), TenantKeys.key(request.getTenant(), request.getId()),
        request.toByteArray());
    Tracing.inject(trace, record.headers());
    return assembly.producer().send(record).mapEmpty();
  }

  /**
   * Generates off the event loop, then completes once every trajectory is acknowledged (so the loop may commit). A
   * mix naming a concept this replica does not know yet is tried once more after catching up with
   * {@code chargen.concepts}; still unknown, it is a bad request, dead-lettered at once.
   */
  private Future<Void> generate(ConsumerRecord<String, byte[]> record) {
    return runGeneration(record).recover(e -> e instanceof GenerationSpec.UnknownConceptException
        ? store.catchUp().compose(v -> runGeneration(record)).recover(again ->
            Future.failedFuture(again instanceof GenerationSpec.UnknownConceptException
                ? new BadRecordException(again.getMessage(), again) : again))
        : Future.failedFuture(e))
        .compose(trajectories -> Future.all(trajectories.stream().map(t -> publishTrajectory(t, record)).toList()))
        .mapEmpty();
  }

  private Future<List<GeneratedTrajectory>> runGeneration(ConsumerRecord<String, byte[]> record) {
    boolean heavy = partitions.isHeavy(record.partition());
    return heavy ? heavyLane.executeBlocking(() -> processor.process(record.value(), store::model, base.id()), false)
        : vertx.executeBlocking(() -> processor.process(record.value(), store::model, base.id()), false);
  }

  private Future<Void> publishTrajectory(GeneratedTrajectory t, ConsumerRecord<String, byte[]> request) {
    return assembly.producer().send(new ProducerRecord<>(Topics.GENERATIONS.topic(),
        TenantKeys.key(t.getTenant(), t.getRequestId()),
        t.toByteArray()), request).<Void>mapEmpty().onSuccess(v -> metrics.published().increment());
  }

  @Override
  public Future<?> stop() {
    hub.closeAll();
    return assembly.stop().eventually(() -> heavyLane.close());
  }
}
