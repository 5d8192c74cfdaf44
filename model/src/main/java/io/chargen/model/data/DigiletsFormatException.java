package io.chargen.model.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A DigiLeTs file does not follow the format of data/README.md ("Files"). The message names the file, the 1-based
 * line number and the offending value.
 *
 * <p>It is an {@link IOException}: like an unreadable file, a malformed one is a property of the input on disk,
 * not a programming error, and every {@link DigiletsReader} method already declares {@code IOException}, so one
 * {@code catch} handles both and a caller cannot forget it.
 */
public final class DigiletsFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The file the problem is in. */
  private final transient Path file;
  /** The 1-based line number of the problem. */
  private final int line;
  /** The offending value, as text. */
  private final String value;

  /**
   * @param file the file being read
   * @param line the 1-based line number
   * @param problem what is wrong, e.g. "label line is not one-hot"
   * @param value the offending value, as text
   */
  public DigiletsFormatException(Path file, int line, String problem, String value) {
    super(file + ", line " + line + ": " + problem + ", got '" + value + "'");
    this.file = file;
    this.line = line;
    this.value = value;
  }

  /** @return the file the problem is in */
  public Path file() {
    return file;
  }

  /** @return the 1-based line number of the problem */
  public int line() {
    return line;
  }

  /** @return the offending value, as text */
  public String value() {
    return value;
  }
}
