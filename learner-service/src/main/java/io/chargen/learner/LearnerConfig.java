package io.chargen.learner;

import io.chargen.model.learn.OneShotSchedule;
import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.chargen.service.HttpSettings;
import io.chargen.service.KafkaSettings;
import java.nio.file.Path;

/**
 * The learner's configuration, read once from the environment at start-up.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>CHARGEN_KAFKA_BOOTSTRAP</td><td>localhost:9092</td></tr>
 *   <tr><td>CHARGEN_HTTP_PORT</td><td>8084</td></tr>
 *   <tr><td>CHARGEN_MODEL</td><td>models/base.cgm</td></tr>
 *   <tr><td>CHARGEN_ONE_SHOT_SCHEDULE</td><td>fast (or paper: Adam, 1000 steps, Fabi et al. 2020 Sec. 3.1)</td></tr>
 *   <tr><td>CHARGEN_GROUP_ID</td><td>chargen-learner</td></tr>
 * </table>
 *
 * @param kafka bootstrap servers and client id
 * @param http port and guards of {@code /v1/concepts} and the erasure API, the management port of {@code /metrics}
 * @param model the base model file
 * @param schedule the one-shot optimiser
 * @param groupId the consumer group of {@code chargen.examples}
 */
public record LearnerConfig(KafkaSettings kafka, HttpSettings http, Path model, OneShotSchedule schedule, String groupId) {
  /** The service name: client id and metric prefix. */
  public static final String SERVICE = "learner";
  static final String MODEL = "CHARGEN_MODEL";
  static final String SCHEDULE = "CHARGEN_ONE_SHOT_SCHEDULE";
  static final String GROUP_ID = "CHARGEN_GROUP_ID";
  static final int DEFAULT_HTTP_PORT = 8084;

  /**
   * @param env the environment
   * @return the configuration
   * @throws ConfigException naming the first bad variable and its value
   */
  public static LearnerConfig fromEnv(Env env) {
    String scheduleName = env.string(SCHEDULE, OneShotSchedule.FAST.name());
    OneShotSchedule schedule;
    try {
      schedule = OneShotSchedule.byName(scheduleName);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(SCHEDULE + "=" + scheduleName + " is not one of [fast, paper]", e);
    }
    return new LearnerConfig(KafkaSettings.fromEnv(env, SERVICE),
        HttpSettings.fromEnv(env, DEFAULT_HTTP_PORT),
        env.path(MODEL, Path.of("models", "base.cgm")),
        schedule,
        env.string(GROUP_ID, "chargen-learner"));
  }
}
