package io.chargen.capture;

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
 * Entry point of the capture service: reads {@link CaptureConfig} from the environment, deploys
 * {@link CaptureVerticle}, exits non-zero on a configuration error (2), a failed start or a fatal error (1), and
 * closes within {@value #SHUTDOWN_SECONDS} s on SIGTERM. {@link #deploy} lets {@code ./chargen up} run it in a shared
 * JVM.
 */
public final class CaptureMain {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureMain.class);
  /** Kubernetes' default termination grace period. */
  private static final int SHUTDOWN_SECONDS = 30;
  private static final int EXIT_FATAL = 1;
  private static final int EXIT_CONFIG = 2;
  private static final AtomicBoolean CLOSING = new AtomicBoolean();

  private CaptureMain() {}

  /** @param args unused: configuration comes from the environment */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeOnSignal(vertx), "capture-shutdown"));
    deploy(vertx, Env.system(), e -> exit(vertx, "fatal error", e, EXIT_FATAL))
        .onFailure(e -> exit(vertx, "start-up failed", e, e instanceof ConfigException ? EXIT_CONFIG : EXIT_FATAL));
  }

  /**
   * Deploys the service into a running Vert.x; a fatal error later undeploys it (the other services of a shared
   * JVM go on).
   *
   * @param vertx the Vert.x instance
   * @param env the environment to read {@link CaptureConfig} from
   * @return the deployment id, or a failure naming the bad variable or why the start failed
   */
  public static Future<String> deploy(Vertx vertx, Env env) {
    String[] id = new String[1];
    return deploy(vertx, env, e -> {
      LOG.error("capture service undeploys after a fatal error", e);
      if (id[0] != null) {
        vertx.undeploy(id[0]);
      }
    }).onSuccess(deployment -> id[0] = deployment);
  }

  private static Future<String> deploy(Vertx vertx, Env env, Consumer<Throwable> onFatal) {
    CaptureConfig config;
    try {
      config = CaptureConfig.fromEnv(env);
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    LOG.info("capture starting: {}", config);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MeterBinders.bindJvm(registry, CaptureConfig.SERVICE);
    CaptureVerticle verticle = new CaptureVerticle(config, registry);
    return vertx.deployVerticle(verticle).onSuccess(deployment -> {
      LOG.info("capture ready on port {}", verticle.httpPort());
      verticle.failure().onFailure(onFatal::accept);
    });
  }

  /** Closes Vert.x first (undeploying closes the clients), then exits from a non-event-loop thread. */
  private static void exit(Vertx vertx, String why, Throwable error, int status) {
    LOG.error("capture stops: {}: {}", why, error.getMessage(), error);
    CLOSING.set(true);
    vertx.close().onComplete(ar -> new Thread(() -> System.exit(status), "capture-exit").start());
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
