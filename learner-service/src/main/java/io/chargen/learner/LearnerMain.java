package io.chargen.learner;

import io.chargen.service.BaseModel;
import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.chargen.service.FatalException;
import io.chargen.service.MeterBinders;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the learner service: reads {@link LearnerConfig} from the environment, loads the base model,
 * deploys {@link LearnerVerticle}, exits non-zero on a configuration error (2) or a fatal error (1), and closes
 * within {@value #SHUTDOWN_SECONDS} s on SIGTERM.
 */
public final class LearnerMain {
  private static final Logger LOG = LoggerFactory.getLogger(LearnerMain.class);
  /** Kubernetes' default termination grace period. */
  private static final int SHUTDOWN_SECONDS = 30;
  private static final int EXIT_FATAL = 1;
  private static final int EXIT_CONFIG = 2;
  private static final AtomicBoolean CLOSING = new AtomicBoolean();

  private LearnerMain() {}

  /** @param args unused: configuration comes from the environment */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeOnSignal(vertx), "learner-shutdown"));
    deploy(vertx, Env.system(), e -> exit(vertx, "fatal error", e, EXIT_FATAL))
        .onFailure(e -> exit(vertx, "start-up failed", e, e instanceof ConfigException ? EXIT_CONFIG : EXIT_FATAL));
  }

  /**
   * Deploys the learner on an existing Vert.x (used by {@code chargen up} to run every service in one JVM); a
   * fatal error later undeploys it.
   *
   * @param vertx the Vert.x instance
   * @param env configuration
   * @return the deployment id, or the configuration or model error
   */
  public static Future<String> deploy(Vertx vertx, Env env) {
    String[] id = new String[1];
    return deploy(vertx, env, e -> {
      LOG.error("learner service undeploys after a fatal error", e);
      if (id[0] != null) {
        vertx.undeploy(id[0]);
      }
    }).onSuccess(deployment -> id[0] = deployment);
  }

  private static Future<String> deploy(Vertx vertx, Env env, Consumer<Throwable> onFatal) {
    LearnerConfig config;
    BaseModel base;
    try {
      config = LearnerConfig.fromEnv(env);
      base = BaseModel.load(config.model());
    } catch (ConfigException | FatalException e) {
      return Future.failedFuture(e);
    }
    LOG.info("learner starting: {}, base model {} ({}, H={})", config, base.id(), config.model(), base.hidden());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MeterBinders.bindJvm(registry, LearnerConfig.SERVICE);
    LearnerVerticle verticle = new LearnerVerticle(config, base, registry);
    return vertx.deployVerticle(verticle).onSuccess(deployment -> {
      LOG.info("learner ready on port {}", verticle.httpPort());
      verticle.failure().onFailure(onFatal::accept);
    });
  }

  /** Closes Vert.x first (undeploying commits and closes the clients), then exits from a non-event-loop thread. */
  private static void exit(Vertx vertx, String why, Throwable error, int code) {
    if (error instanceof ConfigException) {
      LOG.error("learner stops: {}: {}", why, error.getMessage());
    } else {
      LOG.error("learner stops: {}", why, error);
    }
    CLOSING.set(true);
    vertx.close().onComplete(ar -> new Thread(() -> System.exit(code), "learner-exit").start());
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
