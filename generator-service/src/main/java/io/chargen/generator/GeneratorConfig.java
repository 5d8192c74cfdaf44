package io.chargen.generator;

import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.chargen.service.HttpSettings;
import io.chargen.service.KafkaSettings;
import java.nio.file.Path;

/**
 * The generator's configuration, read once from the environment at start-up.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>CHARGEN_KAFKA_BOOTSTRAP</td><td>localhost:9092</td><td>Kafka bootstrap servers</td></tr>
 *   <tr><td>CHARGEN_HTTP_PORT</td><td>8082</td><td>API, stream, health and metrics; 0 picks a free port</td></tr>
 *   <tr><td>CHARGEN_MODEL</td><td>models/base.cgm</td><td>the base model learned codes belong to</td></tr>
 *   <tr><td>CHARGEN_GROUP_ID</td><td>chargen-generator</td><td>consumer group of the workers on
 *       chargen.generation-requests; replicas in one group share the work</td></tr>
 * </table>
 *
 * @param kafka bootstrap servers and client id
 * @param http port and guards of the API, the stream and the dashboard; the management port of {@code /metrics}
 * @param model the base model file
 * @param groupId the consumer group of {@code chargen.generation-requests}
 */
public record GeneratorConfig(KafkaSettings kafka, HttpSettings http, Path model, String groupId) {
  /** The service name: client id and metric prefix. */
  public static final String SERVICE = "generator";
  static final String MODEL = "CHARGEN_MODEL";
  static final String GROUP_ID = "CHARGEN_GROUP_ID";
  static final int DEFAULT_HTTP_PORT = 8082;
  static final String DEFAULT_GROUP_ID = "chargen-generator";

  /**
   * @param env the environment
   * @return the configuration
   * @throws ConfigException naming the first bad variable and its value
   */
  public static GeneratorConfig fromEnv(Env env) {
    return new GeneratorConfig(KafkaSettings.fromEnv(env, SERVICE),
        HttpSettings.fromEnv(env, DEFAULT_HTTP_PORT),
        env.path(MODEL, Path.of("models", "base.cgm")),
        env.string(GROUP_ID, DEFAULT_GROUP_ID));
  }
}
