package io.chargen.model.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Test helper writing {@code .npy} bytes and {@code .npz} archives the way {@code numpy.save}/{@code savez} does
 * (NEP 1: magic, version, little-endian header length, a dict literal padded with spaces to a multiple of 64 bytes
 * and ending in a newline), independently of the reader under test.
 */
final class NpyWriter {
  private static final int ALIGNMENT = 64;

  private NpyWriter() {
  }

  /** @return a version 1.0 {@code '<f4'} C-order array */
  static byte[] float32(int[] shape, float... values) {
    ByteBuffer data = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    data.asFloatBuffer().put(values);
    return npy(1, "<f4", false, shape, data.array());
  }

  /** @return a version 1.0 {@code '<f8'} C-order array (float64, which the reader must reject) */
  static byte[] float64(int[] shape, double... values) {
    ByteBuffer data = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    data.asDoubleBuffer().put(values);
    return npy(1, "<f8", false, shape, data.array());
  }

  /** @return arbitrary {@code .npy} bytes: any version, dtype string and order */
  static byte[] npy(int major, String descr, boolean fortran, int[] shape, byte[] data) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
        + shapeTuple(shape) + ", }";
    int lengthBytes = major == 1 ? 2 : 4;
    int preamble = 6 + 2 + lengthBytes;
    int padded = ((preamble + dict.length() + 1 + ALIGNMENT - 1) / ALIGNMENT) * ALIGNMENT - preamble;
    String header = dict + " ".repeat(padded - dict.length() - 1) + "\n";
    ByteBuffer out = ByteBuffer.allocate(preamble + padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
    if (major == 1) {
      out.putShort((short) padded);
    } else {
      out.putInt(padded);
    }
    out.put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
    return out.array();
  }

  private static String shapeTuple(int[] shape) {
    StringBuilder s = new StringBuilder("(");
    for (int d : shape) {
      s.append(d).append(shape.length == 1 ? "," : ", ");
    }
    String text = s.toString();
    return (shape.length > 1 ? text.substring(0, text.length() - 2) : text) + ")";
  }

  /** Writes a {@code .npz}: one {@code name.npy} entry per array, in map order. */
  static Path npz(Path file, Map<String, byte[]> arrays) throws IOException {
    try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
      for (Map.Entry<String, byte[]> e : arrays.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  /** @return the bytes as one stream, for readNpy tests */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
