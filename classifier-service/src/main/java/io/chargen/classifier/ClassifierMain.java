package io.chargen.classifier;

import io.chargen.service.BaseModel;
import io.chargen.service.Env;
import io.chargen.service.ServiceLauncher;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the classifier service: reads {@link ClassifierConfig} from the environment, loads the base model,
 * deploys {@link ClassifierVerticle}, exits non-zero on a configuration error (2) or a fatal error (1), and closes
 * within {@value ServiceLauncher#SHUTDOWN_SECONDS} s on SIGTERM. {@link #deploy} serves launchers that run several services in one
 * JVM.
 */
public final class ClassifierMain {
  private static final Logger LOG = LoggerFactory.getLogger(ClassifierMain.class);

  private ClassifierMain() {}

  /** @param args unused: configuration comes from the environment */
  public static void main(String[] args) {
    ServiceLauncher.run(ClassifierConfig.SERVICE, ClassifierMain::deploy);
  }

  /**
   * Deploys the service on an existing Vert.x (also how {@code chargen up} runs all four in one JVM); a fatal error
   * later undeploys it.
   *
   * @param vertx the Vert.x instance
   * @param env the configuration source
   * @return the deployment id, or the configuration error naming the bad variable, or the start-up error
   */
  public static Future<String> deploy(Vertx vertx, Env env) {
    return deploy(vertx, env, e -> { });
  }

  static Future<String> deploy(Vertx vertx, Env env, Consumer<Throwable> onFatal) {
    return ServiceLauncher.deploy(vertx, env, ClassifierConfig.SERVICE, ClassifierMain::create, onFatal);
  }

  private static ClassifierVerticle create(Env env, PrometheusMeterRegistry registry) {
    ClassifierConfig config = ClassifierConfig.fromEnv(env);
    BaseModel base = BaseModel.load(config.model());
    LOG.info("classifier starting: {}, base model {} ({}, H={})", config, base.id(), config.model(), base.hidden());
    return new ClassifierVerticle(config, base, registry);
  }
}
