package io.chargen.classifier;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the classifier service: reads {@link ClassifierConfig} from the environment, loads the base model,
 * deploys {@link ClassifierVerticle}, exits non-zero on a configuration error (2) or a fatal error (1), and closes
 * within {@value #SHUTDOWN_SECONDS} s on SIGTERM. {@link #deploy} serves launchers that run several services in one
 * JVM.
 */
public final class ClassifierMain {
  private static final Logger LOG = LoggerFactory.getLogger(ClassifierMain.class);
  /** Kubernetes' default termination grace period. */
  private static final int SHUTDOWN_SECONDS = 30;
  private static final int EXIT_FATAL = 1;
  private static final int EXIT_CONFIG = 2;
  private static final AtomicBoolean CLOSING = new AtomicBoolean();

  private ClassifierMain() {}

  /**
   * Deploys the service on a running Vert.x with its own meter registry. A fatal error later undeploys it.
   *
   * @param vertx the Vert.x instance
   * @param env the environment to read the configuration from
   * @return the deployment id; fails with the {@link ConfigException} naming the bad variable, or the start-up error
   */
  public static Future<String> deploy(Vertx vertx, Env env) {
    return start(vertx, env).map(verticle -> {
      verticle.failure().onFailure(e -> {
        LOG.error("classifier stops on a fatal error; undeploying {}", verticle.deploymentID(), e);
        vertx.undeploy(verticle.deploymentID());
      });
      return verticle.deploymentID();
    });
  }

  /** @param args unused: configuration comes from the environment */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeOnSignal(vertx), "classifier-shutdown"));
    start(vertx, Env.system())
        .onSuccess(verticle -> {
          LOG.info("classifier ready on port {}", verticle.httpPort());
          verticle.failure().onFailure(e -> exit(vertx, "fatal error", e, EXIT_FATAL));
        })
        .onFailure(e -> exit(vertx, "start-up failed: " + e.getMessage(), e,
            e instanceof ConfigException ? EXIT_CONFIG : EXIT_FATAL));
  }

  private static Future<ClassifierVerticle> start(Vertx vertx, Env env) {
    ClassifierVerticle verticle;
    try {
      ClassifierConfig config = ClassifierConfig.fromEnv(env);
      BaseModel base = BaseModel.load(config.model());
      LOG.info("classifier starting: {}, base model {} ({}, H={})", config, base.id(), config.model(),
          base.hidden());
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      MeterBinders.bindJvm(registry, ClassifierConfig.SERVICE);
      verticle = new ClassifierVerticle(config, base, registry);
    } catch (RuntimeException e) { // ConfigException or FatalException (model file), both naming the culprit
      return Future.failedFuture(e);
    }
    return vertx.deployVerticle(verticle).map(id -> verticle);
  }

  /** Closes Vert.x first (undeploying commits and closes the clients), then exits from a non-event-loop thread. */
  private static void exit(Vertx vertx, String why, Throwable error, int status) {
    LOG.error("classifier stops: {}", why, error);
    CLOSING.set(true);
    vertx.close().onComplete(ar -> new Thread(() -> System.exit(status), "classifier-exit").start());
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
