package io.chargen.model.io;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The versioned model file ({@code .cgm}). Layout of version 1, big-endian ({@link DataOutputStream}):
 *
 * <pre>
 *   8 bytes  magic "CHARGENM"
 *   int      format version (1)
 *   int      metadata entry count n, then n × (UTF key, UTF value)
 *   int      concept count K, then K × UTF label
 *   int      hidden size H
 *   float    K×H codes (concept-major: the input layer's columns)
 *   float    4H×H W_ih, 4H×H W_hh (row-major, gates i, f, g, o), 4×H W_out
 * </pre>
 *
 * Reading a version this build does not know fails with a message naming the supported versions (as Tribuo's
 * {@code deserializeFromProto} does). Every version keeps a checked-in file that the tests load.
 */
public final class ModelFile {
  /** The version this build writes. */
  public static final int CURRENT_VERSION = 1;
  /** Versions this build reads. */
  public static final List<Integer> SUPPORTED_VERSIONS = List.of(1);
  private static final byte[] MAGIC = "CHARGENM".getBytes(StandardCharsets.US_ASCII);
  /** Upper bound on sizes read from a file, so a corrupt header cannot ask for gigabytes. */
  private static final int MAX_DIMENSION = 1 << 16;

  private ModelFile() {}

  /**
   * Writes a model in the current format.
   *
   * @param model the model
   * @param file target path (parent folders are created)
   * @throws IOException on write failure
   */
  public static void write(CharModel model, Path file) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      write(model, out);
    }
  }

  /**
   * @param model the model
   * @param stream where to write; not closed
   * @throws IOException on write failure
   */
  public static void write(CharModel model, OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
    out.write(MAGIC);
    out.writeInt(CURRENT_VERSION);
    out.writeInt(model.metadata().size());
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(model.metadata()).entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
    LstmWeights w = model.weights();
    out.writeInt(model.concepts().size());
    for (String label : model.concepts().labels()) {
      out.writeUTF(label);
    }
    out.writeInt(w.hidden());
    for (int k = 0; k < w.concepts(); k++) {
      writeFloats(out, w.code(k));
    }
    writeFloats(out, w.wIh());
    writeFloats(out, w.wHh());
    writeFloats(out, w.wOut());
    out.flush();
  }

  /**
   * Reads a model file of any supported version.
   *
   * @param file the file
   * @return the model
   * @throws IOException naming the file on a bad magic, unsupported version, bad size or truncation
   */
  public static CharModel read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * @param stream the bytes of a model file; not closed
   * @param source a name for error messages
   * @return the model
   * @throws IOException on a bad magic, unsupported version, bad size or truncation
   */
  public static CharModel read(InputStream stream, String source) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
    try {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException(source + " is not a chargen model file (no CHARGENM header)");
      }
      int version = in.readInt();
      if (!SUPPORTED_VERSIONS.contains(version)) {
        throw new IOException(source + " has model format version " + version
            + "; this build reads versions " + SUPPORTED_VERSIONS);
      }
      return readVersion1(in, source);
    } catch (EOFException e) {
      throw new IOException(source + " is truncated", e);
    } catch (IllegalArgumentException e) {
      throw new IOException(source + " holds an invalid model: " + e.getMessage(), e);
    }
  }

  private static CharModel readVersion1(DataInputStream in, String source) throws IOException {
    int entries = readSize(in, source, "metadata entry count");
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int i = 0; i < entries; i++) {
      metadata.put(in.readUTF(), in.readUTF());
    }
    int concepts = readSize(in, source, "concept count");
    List<String> labels = new ArrayList<>();
    for (int k = 0; k < concepts; k++) {
      labels.add(in.readUTF());
    }
    int hidden = readSize(in, source, "hidden size");
    float[][] codes = new float[concepts][];
    for (int k = 0; k < concepts; k++) {
      codes[k] = readFloats(in, hidden);
    }
    int gates = LstmWeights.GATES * hidden;
    LstmWeights weights = new LstmWeights(codes, readFloats(in, gates * hidden), readFloats(in, gates * hidden),
        readFloats(in, StrokeSequence.CHANNELS * hidden));
    if (in.read() != -1) {
      throw new IOException(source + " has bytes after the model's end");
    }
    return new CharModel(ConceptSet.of(labels), weights, metadata);
  }

  private static int readSize(DataInputStream in, String source, String what) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_DIMENSION) {
      throw new IOException(source + " has " + what + " " + n + ", outside 0.." + MAX_DIMENSION);
    }
    return n;
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    for (float v : values) {
      out.writeFloat(v);
    }
  }

  private static float[] readFloats(DataInputStream in, int n) throws IOException {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = in.readFloat();
    }
    return values;
  }
}
