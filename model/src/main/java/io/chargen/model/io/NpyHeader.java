package io.chargen.model.io;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a {@code .npy} file (NumPy NEP 1): magic string, version, header length, and a Python dict literal
 * with {@code descr}, {@code fortran_order} and {@code shape}. Versions 1.0 (2-byte length) and 2.0 (4-byte length).
 */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {
  /** The 6-byte magic string every {@code .npy} file starts with. */
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** Largest header accepted; NumPy itself refuses to read headers over 10000 bytes by default. */
  private static final int MAX_HEADER_BYTES = 1 << 16;
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /**
   * Reads the header, leaving the stream at the first data byte.
   *
   * @param in the stream, positioned at the start of the {@code .npy} data
   * @param source file and array name, for messages
   * @return the parsed header
   * @throws NpzFormatException if it is not a supported {@code .npy} header
   */
  static NpyHeader read(InputStream in, String source) throws IOException {
    DataInputStream data = new DataInputStream(in);
    byte[] magic = data.readNBytes(MAGIC.length);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new NpzFormatException(source + " is not a .npy array: the magic string \\x93NUMPY is missing");
    }
    int major = data.readUnsignedByte();
    int minor = data.readUnsignedByte();
    long length = switch (major) {
      case 1 -> Short.toUnsignedInt(Short.reverseBytes(data.readShort()));
      case 2 -> Integer.toUnsignedLong(Integer.reverseBytes(data.readInt()));
      default -> throw new NpzFormatException(
          source + " has .npy format version " + major + "." + minor + "; supported versions are 1.0 and 2.0");
    };
    if (length > MAX_HEADER_BYTES) {
      throw new NpzFormatException(source + " has a .npy header of " + length + " bytes, at most "
          + MAX_HEADER_BYTES + " supported");
    }
    byte[] text = data.readNBytes((int) length);
    if (text.length != length) {
      throw new NpzFormatException(source + " ends inside its .npy header");
    }
    return parse(new String(text, StandardCharsets.ISO_8859_1), source);
  }

  private static NpyHeader parse(String dict, String source) throws NpzFormatException {
    String descr = field(DESCR, dict, "descr", source);
    boolean fortran = "True".equals(field(FORTRAN, dict, "fortran_order", source));
    String[] dims = field(SHAPE, dict, "shape", source).split(",");
    int[] shape = Arrays.stream(dims).map(String::trim).filter(d -> !d.isEmpty()).mapToInt(d -> {
      try {
        return Integer.parseInt(d.endsWith("L") ? d.substring(0, d.length() - 1) : d);
      } catch (NumberFormatException e) {
        return -1;
      }
    }).toArray();
    if (Arrays.stream(shape).anyMatch(d -> d < 0)) {
      throw new NpzFormatException(source + " has an unreadable shape in its .npy header: " + dict.trim());
    }
    return new NpyHeader(descr, fortran, shape);
  }

  private static String field(Pattern pattern, String dict, String name, String source) throws NpzFormatException {
    Matcher m = pattern.matcher(dict);
    if (!m.find()) {
      throw new NpzFormatException(source + " has no readable '" + name + "' in its .npy header: " + dict.trim());
    }
    return m.group(1);
  }
}
