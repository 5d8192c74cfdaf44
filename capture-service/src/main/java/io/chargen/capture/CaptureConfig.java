package io.chargen.capture;

import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.chargen.service.HttpSettings;
import io.chargen.service.KafkaSettings;

/**
 * The capture service's configuration, read once from the environment at start-up.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>CHARGEN_KAFKA_BOOTSTRAP</td><td>localhost:9092</td></tr>
 *   <tr><td>CHARGEN_HTTP_PORT</td><td>8081 (0 picks a free port)</td></tr>
 * </table>
 * and the shared {@link HttpSettings} (interface, management port, origins, rate limits, token key).
 * {@code CHARGEN_MODEL} and {@code CHARGEN_GROUP_ID} are not read: this service holds no model, and its only
 * consumer is group-less (every replica reads all classifications).
 *
 * @param kafka bootstrap servers and client id
 * @param http the API's and the WebSocket's port and guards, and the management port of {@code /metrics}
 */
public record CaptureConfig(KafkaSettings kafka, HttpSettings http) {
  /** The service name: client id and {@code service} tag. */
  public static final String SERVICE = "capture";
  static final int DEFAULT_HTTP_PORT = 8081;

  /**
   * @param env the environment
   * @return the configuration
   * @throws ConfigException naming the first bad variable and its value
   */
  public static CaptureConfig fromEnv(Env env) {
    return new CaptureConfig(KafkaSettings.fromEnv(env, SERVICE), HttpSettings.fromEnv(env, DEFAULT_HTTP_PORT));
  }
}
