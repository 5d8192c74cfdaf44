package io.chargen.service;

/**
 * A record that can never be processed (unparsable protobuf, unsupported schema version, invalid trajectory). The
 * {@link RecordLoop} counts it as {@code outcome=invalid}, sends it to {@code <topic>.dlq} with this message in the
 * error header, commits and goes on. The message names the field and the value.
 */
public class BadRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message names the bad field and its value */
  public BadRecordException(String message) {
    super(message);
  }

  /**
   * @param message names the bad field and its value
   * @param cause the parse or validation error
   */
  public BadRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
