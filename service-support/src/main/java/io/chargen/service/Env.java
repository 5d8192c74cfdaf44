package io.chargen.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed reading of environment variables with documented defaults. Services read their {@code …Config} record from
 * one {@code Env} once at start-up; a bad value fails fast with a {@link ConfigException} naming the variable and the
 * value (e.g. {@code CHARGEN_HTTP_PORT=abc is not an integer}). Tests pass a plain map instead of the process
 * environment.
 *
 * <p>An {@code Env} remembers each variable asked for with the default the code gave ({@link #defaultsAsked()}):
 * reading a service's configuration from an empty {@code Env} lists exactly the variables it reads and their
 * defaults, which k8s-validation compares with the values the Kubernetes manifests pin.
 */
public final class Env {
  /** The highest TCP port number. */
  private static final int MAX_PORT = 65_535;

  private final Map<String, String> variables;
  /** Variable → its default as text, in the order asked; "" for a variable whose default is "unset". */
  private final Map<String, String> defaults = Collections.synchronizedMap(new LinkedHashMap<>());

  /** @param variables name → value, e.g. {@link System#getenv()} */
  public Env(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** @return the process environment */
  public static Env system() {
    return new Env(System.getenv());
  }

  /**
   * @param name variable name
   * @param fallback value when unset or blank
   * @return the trimmed value or the fallback
   */
  public String string(String name, String fallback) {
    defaults.put(name, fallback == null ? "" : fallback);
    String value = variables.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /**
   * @param name variable name
   * @param fallback value when unset
   * @param min smallest allowed value
   * @param max largest allowed value
   * @return the value
   * @throws ConfigException if it is not an integer or out of range
   */
  public int integer(String name, int fallback, int min, int max) {
    defaults.put(name, Integer.toString(fallback));
    int value = parse(name, fallback, Integer::parseInt, "an integer");
    if (value < min || value > max) {
      throw new ConfigException(name + "=" + value + " is outside " + min + ".." + max);
    }
    return value;
  }

  /**
   * @param name variable name
   * @param fallback port when unset
   * @return a TCP port 1..65535
   * @throws ConfigException if it is not an integer port
   */
  public int port(String name, int fallback) {
    return integer(name, fallback, 1, MAX_PORT);
  }

  /**
   * @param name variable name
   * @param fallback value when unset
   * @return the duration, written in milliseconds
   * @throws ConfigException if it is not a non-negative integer
   */
  public Duration millis(String name, Duration fallback) {
    defaults.put(name, Long.toString(fallback.toMillis()));
    return Duration.ofMillis(integer(name, (int) fallback.toMillis(), 0, Integer.MAX_VALUE));
  }

  /**
   * @param name variable name
   * @param fallback value when unset
   * @return the path (not checked for existence: the component that opens it reports a missing file)
   */
  public Path path(String name, Path fallback) {
    defaults.put(name, fallback.toString());
    String value = variables.get(name);
    return value == null || value.isBlank() ? fallback : Path.of(value.trim());
  }

  /**
   * A value from a fixed set, case-insensitive.
   *
   * @param name variable name
   * @param fallback value when unset
   * @param type the enum
   * @param <E> the enum type
   * @return the constant
   * @throws ConfigException naming the allowed values
   */
  public <E extends Enum<E>> E choice(String name, E fallback, Class<E> type) {
    defaults.put(name, fallback.name().toLowerCase(Locale.ROOT));
    String value = variables.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.trim())) {
        return constant;
      }
    }
    throw new ConfigException(name + "=" + value + " is not one of "
        + java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
  }

  /**
   * @return every variable read through this {@code Env} so far, with the default the code supplied as text (a
   *     path as written, a duration in milliseconds, a choice in lower case, "" for "unset")
   */
  public Map<String, String> defaultsAsked() {
    synchronized (defaults) {
      return Map.copyOf(defaults);
    }
  }

  private <T> T parse(String name, T fallback, Function<String, T> parser, String what) {
    String value = variables.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return parser.apply(value.trim());
    } catch (RuntimeException e) {
      throw new ConfigException(name + "=" + value + " is not " + what, e);
    }
  }
}
