package io.chargen.generator;

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
 * Entry point of the generator service. {@link #deploy(Vertx, Env)} reads {@link GeneratorConfig}, loads the base
 * model and deploys {@link GeneratorVerticle} with its own Prometheus registry, so a launcher can run all services
 * in one JVM; {@link #main} exits non-zero on a configuration error (2) or a fatal error (1) and closes within
 * {@value ServiceLauncher#SHUTDOWN_SECONDS} s on SIGTERM.
 */
public final class GeneratorMain {
  private static final Logger LOG = LoggerFactory.getLogger(GeneratorMain.class);

  private GeneratorMain() {}

  /** @param args unused: configuration comes from the environment */
  public static void main(String[] args) {
    ServiceLauncher.run(GeneratorConfig.SERVICE, GeneratorMain::deploy);
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
    return ServiceLauncher.deploy(vertx, env, GeneratorConfig.SERVICE, GeneratorMain::create, onFatal);
  }

  private static GeneratorVerticle create(Env env, PrometheusMeterRegistry registry) {
    GeneratorConfig config = GeneratorConfig.fromEnv(env);
    BaseModel base = BaseModel.load(config.model());
    LOG.info("generator starting: {}, base model {} ({}, H={})", config, base.id(), config.model(), base.hidden());
    return new GeneratorVerticle(config, base, registry);
  }
}
