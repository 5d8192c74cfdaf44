package io.chargen.classifier;

import io.chargen.model.classify.InputInferenceClassifier;
import io.chargen.service.ConfigException;
import io.chargen.service.Env;
import io.chargen.service.HttpSettings;
import io.chargen.service.KafkaSettings;
import java.nio.file.Path;

/**
 * The classifier's configuration, read once from the environment at start-up.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>CHARGEN_KAFKA_BOOTSTRAP</td><td>localhost:9092</td></tr>
 *   <tr><td>CHARGEN_HTTP_PORT</td><td>8083 (0 picks a free port)</td></tr>
 *   <tr><td>CHARGEN_MODEL</td><td>models/base.cgm</td></tr>
 *   <tr><td>CHARGEN_GROUP_ID</td><td>chargen-classifier (replicas of one group share chargen.queries)</td></tr>
 *   <tr><td>CHARGEN_CLASSIFIER</td><td>best (shape-normalised DTW, docs/classification.md); or dtw_1nn; or paper: input inference, Fabi et al. 2020 Sec. 3.3; or paper_fast: the same inference with L-BFGS (60 evaluations)</td></tr>
 *   <tr><td>CHARGEN_PAPER_STEPS</td><td>1000 (Adam steps of the paper method; the paper's value)</td></tr>
 * </table>
 *
 * @param kafka bootstrap servers and client id
 * @param http port and guards of {@code /v1/concepts}; the management port of {@code /metrics}
 * @param model the base model file
 * @param groupId the consumer group of {@code chargen.queries}
 * @param method the classification method
 */
public record ClassifierConfig(KafkaSettings kafka, HttpSettings http, Path model, String groupId,
    ClassifierMethod method) {
  /** The service name: client id and metric prefix. */
  public static final String SERVICE = "classifier";
  static final String MODEL = "CHARGEN_MODEL";
  static final String GROUP_ID = "CHARGEN_GROUP_ID";
  static final String METHOD = "CHARGEN_CLASSIFIER";
  static final String PAPER_STEPS = "CHARGEN_PAPER_STEPS";
  static final int DEFAULT_HTTP_PORT = 8083;
  static final String DEFAULT_GROUP_ID = "chargen-classifier";
  /** Upper bound of the paper's steps: 100× the paper's 1000 is already ~30 s per query. */
  private static final int MAX_PAPER_STEPS = 100 * InputInferenceClassifier.PAPER_STEPS;

  /**
   * @param env the environment
   * @return the configuration
   * @throws ConfigException naming the first bad variable and its value
   */
  public static ClassifierConfig fromEnv(Env env) {
    int paperSteps = env.integer(PAPER_STEPS, InputInferenceClassifier.PAPER_STEPS, 1, MAX_PAPER_STEPS);
    return new ClassifierConfig(KafkaSettings.fromEnv(env, SERVICE),
        HttpSettings.fromEnv(env, DEFAULT_HTTP_PORT),
        env.path(MODEL, Path.of("models", "base.cgm")),
        env.string(GROUP_ID, DEFAULT_GROUP_ID),
        ClassifierMethods.byName(env.string(METHOD, ClassifierMethods.DEFAULT), paperSteps));
  }
}
