package io.chargen.model.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads NumPy {@code .npz} archives (a zip of {@code .npy} files, as written by {@code numpy.savez}) holding
 * float32 arrays, with the JDK alone. This is how weights trained by the authors' PyTorch code (Fabi et al. 2020,
 * Sec. 2) reach the Java model: {@link TorchImport}.
 *
 * <p>Supported: {@code .npy} versions 1.0 and 2.0, dtype {@code '<f4'} (little-endian float32), C order
 * ({@code fortran_order: False}). Anything else is rejected with a message naming the file, the array and what
 * is wrong.
 */
public final class NpzReader {
  /** The only dtype accepted: little-endian 4-byte float. */
  public static final String FLOAT32_LE = "<f4";
  private static final String NPY_SUFFIX = ".npy";

  private NpzReader() {
  }

  /**
   * @param npz the archive
   * @return array name (entry name without {@code .npy}) → array, in archive order
   * @throws NpzFormatException if the file is not a zip or an entry is not a supported float32 array
   * @throws IOException if the file cannot be read
   */
  public static Map<String, NpyArray> read(Path npz) throws IOException {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    try (ZipFile zip = openZip(npz)) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        String name = arrayName(npz, entry);
        try (InputStream in = new BufferedInputStream(zip.getInputStream(entry))) {
          arrays.put(name, readNpy(in, npz.getFileName() + ", array '" + name + "'"));
        }
      }
    }
    return Collections.unmodifiableMap(arrays);
  }

  private static ZipFile openZip(Path npz) throws IOException {
    try {
      return new ZipFile(npz.toFile());
    } catch (ZipException e) {
      throw new NpzFormatException(npz + " is not a .npz file (not a zip archive): " + e.getMessage(), e);
    }
  }

  private static String arrayName(Path npz, ZipEntry entry) throws NpzFormatException {
    String name = entry.getName();
    if (!name.endsWith(NPY_SUFFIX)) {
      throw new NpzFormatException(npz + " holds '" + name + "', which is not a .npy array");
    }
    return name.substring(0, name.length() - NPY_SUFFIX.length());
  }

  /**
   * Reads one {@code .npy} array.
   *
   * @param in the {@code .npy} bytes
   * @param source file and array name, for messages
   * @return the array
   * @throws NpzFormatException if it is not a C-order little-endian float32 array of versions 1.0 or 2.0
   * @throws IOException if the stream cannot be read
   */
  public static NpyArray readNpy(InputStream in, String source) throws IOException {
    NpyHeader header = NpyHeader.read(in, source);
    if (!FLOAT32_LE.equals(header.descr())) {
      throw new NpzFormatException(source + " has dtype '" + header.descr() + "', expected '" + FLOAT32_LE
          + "' (little-endian float32); convert with .astype(numpy.float32)");
    }
    if (header.fortranOrder()) {
      throw new NpzFormatException(source + " is stored in Fortran order (fortran_order: True); only C order is "
          + "supported, save numpy.ascontiguousarray(a) instead");
    }
    long count = 1;
    for (int d : header.shape()) {
      count *= d;
    }
    if (count > Integer.MAX_VALUE / Float.BYTES) {
      throw new NpzFormatException(source + " has shape " + NpyArray.shapeText(header.shape()) + ", too large");
    }
    byte[] bytes = in.readNBytes((int) count * Float.BYTES);
    if (bytes.length != count * Float.BYTES) {
      throw new NpzFormatException(source + " is truncated: shape " + NpyArray.shapeText(header.shape())
          + " needs " + count * Float.BYTES + " data bytes, found " + bytes.length);
    }
    float[] data = new float[(int) count];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
    return new NpyArray(header.shape(), data);
  }
}
