package io.chargen.model.io;

import java.io.IOException;

/**
 * A {@code .npz} or {@code .npy} file that cannot be read as the model's weights: not a zip, an unsupported
 * {@code .npy} version or dtype, a missing array or a wrong shape. The message names the file, the array and what
 * was expected.
 */
public final class NpzFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, naming the file and the array */
  public NpzFormatException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, naming the file and the array
   * @param cause the underlying failure
   */
  public NpzFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
