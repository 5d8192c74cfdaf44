package io.chargen.service;

/**
 * An error the service cannot recover from by itself (broken configuration, a base model that does not load, a dead
 * letter that cannot be written). The {@link RecordLoop} stops, its {@link RecordLoop#failure()} fails, and the
 * service's main exits non-zero so the orchestrator restarts it. The uncommitted record is processed again then.
 */
public class FatalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed */
  public FatalException(String message) {
    super(message);
  }

  /**
   * @param message what failed
   * @param cause the underlying error
   */
  public FatalException(String message, Throwable cause) {
    super(message, cause);
  }
}
