package io.chargen.service;

import java.util.Locale;

/**
 * How the services and the launcher log, chosen by {@value #VARIABLE}: {@code text} (default: one readable line per
 * event, as a developer reads {@code chargen up}) or {@code json} (one ECS JSON object per line for a log pipeline,
 * with the {@link RecordMdc} fields of the record a line is about: {@code kafka.topic}, {@code kafka.partition},
 * {@code kafka.offset}, {@code kafka.key}, {@code trace.id}, {@code span.id}). The backend is Log4j 2; its
 * {@code log4j2.xml} (service-support's resources) selects the layout from the same variable when logging starts,
 * which is before any configuration is read, so this class only validates the value and fails the start-up naming a
 * bad one. Exact lower-case values, so what is validated is what the configuration matched.
 */
public enum LogFormat {
  /** {@code HH:mm:ss.SSS [thread] LEVEL Logger - message}, to standard error. */
  TEXT,
  /** Log4j's {@code EcsLayout.json} template, one object per line, to standard error. */
  JSON;

  /** The variable: {@code text} (default) or {@code json}. */
  public static final String VARIABLE = "CHARGEN_LOG_FORMAT";

  /**
   * @param env the environment
   * @return the format asked for
   * @throws ConfigException naming the value when it is neither {@code text} nor {@code json}
   */
  public static LogFormat fromEnv(Env env) {
    String value = env.string(VARIABLE, "text");
    for (LogFormat format : values()) {
      if (format.variableValue().equals(value)) {
        return format;
      }
    }
    throw new ConfigException(VARIABLE + "=" + value + " is not one of [text, json] (lower case)");
  }

  /** @return the value of {@value #VARIABLE} that selects this format */
  public String variableValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
