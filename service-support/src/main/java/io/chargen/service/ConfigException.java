package io.chargen.service;

/** A bad configuration value; the message names the variable and the value. Services exit non-zero on it. */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message names the variable and the value */
  public ConfigException(String message) {
    super(message);
  }

  /**
   * @param message names the variable and the value
   * @param cause the parse error
   */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
