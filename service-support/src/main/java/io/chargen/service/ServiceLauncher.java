package io.chargen.service;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry-point logic every service shares: read the configuration, build the verticle with its own Prometheus
 * registry, deploy it, undeploy it on a fatal error; as a process, exit 2 on a configuration error and 1 on a fatal
 * one, and close within {@value #SHUTDOWN_SECONDS} s on SIGTERM. {@code deploy} also serves {@code chargen up},
 * which runs all four services in one JVM.
 */
public final class ServiceLauncher {
  /** Kubernetes' default termination grace period; the manifests add a pre-stop pause on top. */
  public static final int SHUTDOWN_SECONDS = 30;
  /** Exit status after a fatal error. */
  public static final int EXIT_FATAL = 1;
  /** Exit status after a configuration error (the message names the variable). */
  public static final int EXIT_CONFIG = 2;
  private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

  /** Builds a service's verticle from the environment; may throw {@link ConfigException} or {@link FatalException}. */
  @FunctionalInterface
  public interface Factory<V extends VerticleBase & ServiceVerticle> {
    /**
     * @param env the configuration source
     * @param registry the service's meter registry, JVM meters already bound
     * @return the verticle, not yet deployed
     */
    V create(Env env, PrometheusMeterRegistry registry);
  }

  /** A service's deploy function, as each {@code …Main} exposes it. */
  @FunctionalInterface
  public interface Deploy {
    /**
     * @param vertx the Vert.x instance
     * @param env the configuration source
     * @param onFatal told of a fatal error after start, once the service is undeployed
     * @return the deployment id
     */
    Future<String> deploy(Vertx vertx, Env env, Consumer<Throwable> onFatal);
  }

  private ServiceLauncher() {}

  /**
   * @param vertx the Vert.x instance
   * @param env the configuration source
   * @param service the service name (metrics tag, logs)
   * @param factory builds the verticle
   * @param onFatal told of a fatal error after start, once the verticle is undeployed
   * @param <V> the verticle type
   * @return the deployment id, or the configuration/start-up error
   */
  public static <V extends VerticleBase & ServiceVerticle> Future<String> deploy(Vertx vertx, Env env,
      String service, Factory<V> factory, Consumer<Throwable> onFatal) {
    V verticle;
    try {
      LogFormat.fromEnv(env); // the logging backend chose its layout already; a bad value must not pass silently
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      MeterBinders.bindJvm(registry, service);
      verticle = factory.create(env, registry);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return vertx.deployVerticle(verticle).onSuccess(id -> {
      LOG.info("{} ready on port {}", service, verticle.httpPort());
      verticle.failure().onFailure(e -> {
        LOG.error("{} undeploys after a fatal error", service, e);
        vertx.undeploy(id).onComplete(ar -> onFatal.accept(e));
      });
    });
  }

  /**
   * Runs one service as a process until SIGTERM or a fatal error.
   *
   * @param service the service name
   * @param deploy its deploy function
   */
  public static void run(String service, Deploy deploy) {
    Vertx vertx = Vertx.vertx();
    AtomicBoolean closing = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeOnSignal(vertx, closing), service + "-shutdown"));
    deploy.deploy(vertx, Env.system(), e -> exit(vertx, closing, service + ": fatal error", e, EXIT_FATAL))
        .onFailure(e -> exit(vertx, closing, service + ": start-up failed", e,
            e instanceof ConfigException ? EXIT_CONFIG : EXIT_FATAL));
  }

  /** Closes Vert.x first (undeploying commits and closes the clients), then exits from a non-event-loop thread. */
  private static void exit(Vertx vertx, AtomicBoolean closing, String why, Throwable error, int status) {
    if (error instanceof ConfigException) {
      LOG.error("{}: {}", why, error.getMessage()); // the message names the variable and value
    } else {
      LOG.error("{}", why, error);
    }
    closing.set(true);
    vertx.close().onComplete(ar -> new Thread(() -> System.exit(status), "service-exit").start());
  }

  private static void closeOnSignal(Vertx vertx, AtomicBoolean closing) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    LOG.info("shutting down");
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("shutdown did not finish cleanly within {} s", SHUTDOWN_SECONDS, e);
    }
  }
}
