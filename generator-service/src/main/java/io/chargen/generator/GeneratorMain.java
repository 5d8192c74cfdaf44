package io.chargen.generator;

import io.chargen.service.BaseModel;
import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.chargen.service.MeterBinders;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the generator service. {@link #deploy(Vertx, Env)} reads {@link GeneratorConfig}, loads the base
 * model and deploys {@link GeneratorVerticle} with its own Prometheus registry, so a launcher can run all services
 * in one JVM; {@link #main} exits non-zero on a configuration error (2) or a fatal error (1) and closes within
 * {@value #SHUTDOWN_SECONDS} s on SIGTERM.
 */
public final class GeneratorMain {
  private static final Logger LOG = LoggerFactory.getLogger(GeneratorMain.class);
  /** Kubernetes' default termination grace period. */
  private static final int SHUTDOWN_SECONDS = 30;
  private static final int EXIT_FATAL = 1;
  private static final int EXIT_CONFIG = 2;
  private static final AtomicBoolean CLOSING = new AtomicBoolean();

  private GeneratorMain() {}

  /**
   * Deploys the service; a fatal error later undeploys it (its health endpoint disappears with it).
   *
   * @param vertx the Vert.x instance
   * @param env the environment to read the configuration from
   * @return the deployment id; fails with the {@link ConfigException} naming the bad variable, or the start-up error
   */
  public static Future<String> deploy(Vertx vertx, Env env) {
    return deploy(vertx, env, e -> LOG.error("generator stopped on a fatal error", e));
  }

  /**
   * @param vertx the Vert.x instance
   * @param env the environment
   * @param onFatal told of a fatal error after start, once the verticle is undeployed
   * @return the deployment id
   */
  static Future<String> deploy(Vertx vertx, Env env, Consumer<Throwable> onFatal) {
    GeneratorConfig config;
    BaseModel base;
    try {
      config = GeneratorConfig.fromEnv(env);
      base = BaseModel.load(config.model());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    LOG.info("generator starting: {}, base model {} ({}, H={})", config, base.id(), config.model(), base.hidden());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MeterBinders.bindJvm(registry, GeneratorConfig.SERVICE);
    GeneratorVerticle verticle = new GeneratorVerticle(config, base, registry);
    return vertx.deployVerticle(verticle).onSuccess(id -> {
      LOG.info("generator ready on port {}", verticle.httpPort());
      verticle.failure().onFailure(e -> vertx.undeploy(id).onComplete(ar -> onFatal.accept(e)));
    });
  }

  /** @param args unused: configuration comes from the environment */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeOnSignal(vertx), "generator-shutdown"));
    deploy(vertx, Env.system(), e -> exit(vertx, "fatal error", e, EXIT_FATAL))
        .onFailure(e -> exit(vertx, "start-up failed", e, e instanceof ConfigException ? EXIT_CONFIG : EXIT_FATAL));
  }

  /** Closes Vert.x first (undeploying commits and closes the clients), then exits from a non-event-loop thread. */
  private static void exit(Vertx vertx, String why, Throwable error, int status) {
    LOG.error("generator stops: {}: {}", why, error.getMessage(), error);
    CLOSING.set(true);
    vertx.close().onComplete(ar -> new Thread(() -> System.exit(status), "generator-exit").start());
  }

  private static void closeOnSignal(Vertx vertx) {
    if (!CLOSING.compareAndSet(false, true)) {
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
