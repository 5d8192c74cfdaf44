package io.chargen.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.service.ConfigException;
import io.chargen.service.FatalException;
import io.chargen.service.TestEnvironment;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierMainTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private Throwable deployFailure(Map<String, String> env) throws Exception {
    Future<String> deployed = ClassifierMain.deploy(vertx, TestEnvironment.of(env));
    deployed.toCompletionStage().toCompletableFuture().handle((id, e) -> null).get(10, TimeUnit.SECONDS);
    assertThat(deployed.failed()).as("deploy fails").isTrue();
    return deployed.cause();
  }

  @Test
  @DisplayName("deploy fails with a configuration error naming the bad variable")
  void deployFailsOnBadConfig() throws Exception {
    assertThat(deployFailure(Map.of("CHARGEN_CLASSIFIER", "knn")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("CHARGEN_CLASSIFIER=knn");
  }

  @Test
  @DisplayName("deploy fails naming the model file when the base model does not load")
  void deployFailsOnMissingModel(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.cgm");
    assertThat(deployFailure(Map.of("CHARGEN_MODEL", missing.toString())))
        .isInstanceOf(FatalException.class).hasMessageContaining(missing.toString());
  }
}
