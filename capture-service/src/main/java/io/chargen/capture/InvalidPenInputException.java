package io.chargen.capture;

/** Pen input the service refuses; the message names the field and the value, e.g. {@code points[3].t = -1.0 …}. */
public final class InvalidPenInputException extends Exception {
  private static final long serialVersionUID = 1L;

  /** @param message names the field and the value */
  public InvalidPenInputException(String message) {
    super(message);
  }
}
