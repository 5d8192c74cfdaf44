package io.chargen.proto;

import java.util.List;

/**
 * The schema versions of the messages in {@code chargen.proto}. A reader calls {@link #require} after parsing so a
 * record from a newer (or corrupt) writer fails with a message naming what this build supports.
 */
public final class SchemaVersions {
  /** The version this build writes. */
  public static final int CURRENT = 1;
  /** Versions this build reads. */
  public static final List<Integer> SUPPORTED = List.of(1);

  private SchemaVersions() {}

  /**
   * @param message the message type, for the error
   * @param version the schema_version read
   * @throws IllegalArgumentException if the version is not supported
   */
  public static void require(String message, int version) {
    if (!SUPPORTED.contains(version)) {
      throw new IllegalArgumentException(message + " has schema_version " + version + "; this build reads "
          + SUPPORTED);
    }
  }
}
