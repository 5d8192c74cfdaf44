package io.chargen.service;

import io.vertx.core.Future;

/** What every service verticle tells its launcher, beyond what Vert.x knows. */
public interface ServiceVerticle {
  /** @return fails when the service hits a fatal error after start (e.g. Kafka authorization) */
  Future<Void> failure();

  /** @return the port the HTTP server listens on (the actual one when configured as 0) */
  int httpPort();
}
