package io.chargen.capture;

import io.chargen.service.Env;
import io.chargen.service.ServiceLauncher;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the capture service: reads {@link CaptureConfig} from the environment, deploys
 * {@link CaptureVerticle}, exits non-zero on a configuration error (2), a failed start or a fatal error (1), and
 * closes within {@value ServiceLauncher#SHUTDOWN_SECONDS} s on SIGTERM. {@link #deploy} lets {@code ./chargen up} run it in a shared
 * JVM.
 */
public final class CaptureMain {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureMain.class);

  private CaptureMain() {}

  /** @param args unused: configuration comes from the environment */
  public static void main(String[] args) {
    ServiceLauncher.run(CaptureConfig.SERVICE, CaptureMain::deploy);
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
    return ServiceLauncher.deploy(vertx, env, CaptureConfig.SERVICE, CaptureMain::create, onFatal);
  }

  private static CaptureVerticle create(Env env, PrometheusMeterRegistry registry) {
    CaptureConfig config = CaptureConfig.fromEnv(env);
    LOG.info("capture starting: {}", config);
    return new CaptureVerticle(config, registry);
  }
}
