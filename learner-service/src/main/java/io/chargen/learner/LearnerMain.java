package io.chargen.learner;

import io.chargen.service.BaseModel;
import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.chargen.service.FatalException;
import io.chargen.service.MeterBinders;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
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
    LearnerConfig config;
    BaseModel base;
    try {
      config = LearnerConfig.fromEnv(Env.system());
      base = BaseModel.load(config.model());
    } catch (ConfigException e) {
      LOG.error("bad configuration: {}", e.getMessage());
      System.exit(EXIT_CONFIG);
      return;
    } catch (FatalException e) {
      LOG.error("{}", e.getMessage(), e);
      System.exit(EXIT_FATAL);
      return;
    }
    LOG.info("learner starting: {}, base model {} ({}, H={})", config, base.id(), config.model(), base.hidden());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MeterBinders.bindJvm(registry, LearnerConfig.SERVICE);
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeOnSignal(vertx), "learner-shutdown"));
    LearnerVerticle verticle = new LearnerVerticle(config, base, registry);
    vertx.deployVerticle(verticle)
        .onSuccess(id -> {
          LOG.info("learner ready on port {}", verticle.httpPort());
          verticle.failure().onFailure(e -> exit(vertx, "fatal error", e));
        })
        .onFailure(e -> exit(vertx, "start-up failed", e));
  }

  /** Closes Vert.x first (undeploying commits and closes the clients), then exits from a non-event-loop thread. */
  private static void exit(Vertx vertx, String why, Throwable error) {
    LOG.error("learner stops: {}", why, error);
    CLOSING.set(true);
    vertx.close().onComplete(ar -> new Thread(() -> System.exit(EXIT_FATAL), "learner-exit").start());
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
