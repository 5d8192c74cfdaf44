package io.chargen.service.security;

/** A bearer token that does not authenticate anyone; the message says why without quoting the token. */
public final class InvalidTokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message why the token is refused */
  public InvalidTokenException(String message) {
    super(message);
  }
}
