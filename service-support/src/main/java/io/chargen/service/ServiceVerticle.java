package io.chargen.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/** What every service verticle tells its launcher, beyond what Vert.x knows. */
public interface ServiceVerticle {
  /** @return fails when the service hits a fatal error after start (e.g. Kafka authorization) */
  Future<Void> failure();

  /** @return the port the HTTP server listens on (the actual one when configured as 0) */
  int httpPort();

  /** @return the port of {@code /metrics}, the management port (the actual one when configured as 0) */
  int managementPort();

  /**
   * The fatal error of a service built from several parts (record loop, concept store, readers).
   * Not {@code Future.any}, which fails only once every part has failed.
   *
   * @param parts each part's failure future
   * @return fails with the first part's failure; never succeeds
   */
  static Future<Void> firstFailure(Future<?>... parts) {
    Promise<Void> fatal = Promise.promise();
    for (Future<?> part : parts) {
      part.onFailure(fatal::tryFail);
    }
    return fatal.future();
  }
}
