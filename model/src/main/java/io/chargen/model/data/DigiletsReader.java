package io.chargen.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads DigiLeTs writer files (data/README.md, "Files") into raw {@link PenSample}s: one file per writer, two
 * lines per sample (points, then a one-hot label over {@link #LABEL_ALPHABET}).
 *
 * <p>The label is taken from the one-hot line, not from the sample's position, so files holding fewer letters
 * (e.g. only a–c) or another order read correctly; the instance is the number of earlier samples with the same
 * label in the same file. Malformed input fails with a {@link DigiletsFormatException} naming file, line and
 * value; nothing is skipped.
 */
public final class DigiletsReader {
  /** The one-hot label's classes, in index order: {@code 0-9 a-z A-Z} (data/README.md, "Files"). */
  public static final String LABEL_ALPHABET =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  /** Suffix of a gzip-compressed writer file, as shipped in data/digilets. */
  public static final String GZIP_SUFFIX = ".txt.gz";
  /** Suffix of an uncompressed writer file. */
  public static final String TEXT_SUFFIX = ".txt";
  /** Separates the writer id from the rest of the file name, e.g. {@code 002-f-22-right_2019-…}. */
  private static final char WRITER_ID_END = '_';

  private DigiletsReader() {}

  /**
   * Reads a writer file or, if {@code path} is a directory, every writer file in it.
   *
   * @param path a {@code .txt.gz} / {@code .txt} file or a folder of them
   * @return the samples in file order (folders: files sorted by name)
   * @throws DigiletsFormatException if a file is malformed
   * @throws IOException if reading fails or a folder holds no writer files
   */
  public static List<PenSample> read(Path path) throws IOException {
    return Files.isDirectory(path) ? readFolder(path) : readFile(path);
  }

  /**
   * Reads every {@code .txt.gz} and {@code .txt} file of a folder, sorted by file name (not recursive).
   *
   * @param folder the folder, e.g. {@code data/digilets}
   * @return all samples, file by file
   * @throws DigiletsFormatException if a file is malformed
   * @throws IOException if reading fails or the folder holds no writer files
   */
  public static List<PenSample> readFolder(Path folder) throws IOException {
    List<Path> files = writerFiles(folder);
    if (files.isEmpty()) {
      throw new IOException("no DigiLeTs writer files (*" + GZIP_SUFFIX + ", *" + TEXT_SUFFIX + ") in " + folder);
    }
    List<PenSample> samples = new ArrayList<>();
    for (Path file : files) {
      samples.addAll(readFile(file));
    }
    return samples;
  }

  /**
   * Reads all samples of one writer file, gzip-compressed if the name ends in {@code .gz}.
   *
   * @param file the writer file
   * @return its samples in file order
   * @throws DigiletsFormatException if the file is malformed (odd line count, bad point or label line)
   * @throws IOException if reading fails
   */
  public static List<PenSample> readFile(Path file) throws IOException {
    try (BufferedReader lines = open(file)) {
      return parse(lines, file, writerId(file));
    }
  }

  /**
   * Reads a writer file or folder into a selectable {@link DigiletsDataset}.
   *
   * @param path a writer file or a folder of them
   * @return the data set
   * @throws IOException as {@link #read(Path)}
   */
  public static DigiletsDataset readDataset(Path path) throws IOException {
    return DigiletsDataset.of(read(path));
  }

  /**
   * The writer's id: the file name up to the first {@code _}, or without its suffix if there is none.
   *
   * @param file a writer file, e.g. {@code 002-f-22-right_2019-06-05-12-21-29_preprocessed.txt.gz}
   * @return the id, e.g. {@code 002-f-22-right}
   */
  public static String writerId(Path file) {
    String name = file.getFileName().toString();
    int end = name.indexOf(WRITER_ID_END);
    if (end > 0) {
      return name.substring(0, end);
    }
    String suffix = name.endsWith(GZIP_SUFFIX) ? GZIP_SUFFIX : name.endsWith(TEXT_SUFFIX) ? TEXT_SUFFIX : "";
    return name.substring(0, name.length() - suffix.length());
  }

  private static List<PenSample> parse(BufferedReader lines, Path file, String writer) throws IOException {
    DigiletsLineParser parser = new DigiletsLineParser(file);
    Map<Character, Integer> seen = new HashMap<>();
    List<PenSample> samples = new ArrayList<>();
    int lineNumber = 0;
    for (String pointLine = lines.readLine(); pointLine != null; pointLine = lines.readLine()) {
      int pointLineNumber = ++lineNumber;
      List<PenPoint> points = parser.parsePoints(pointLine, pointLineNumber);
      String labelLine = lines.readLine();
      if (labelLine == null) {
        throw new DigiletsFormatException(file, pointLineNumber,
            "odd number of lines (" + pointLineNumber + "): the last sample has no label line", "end of file");
      }
      char label = parser.parseLabel(labelLine, ++lineNumber);
      int instance = seen.merge(label, 1, Integer::sum) - 1;
      samples.add(new PenSample(label, writer, instance, points));
    }
    return samples;
  }

  private static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      InputStream decoded = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
      return new BufferedReader(new InputStreamReader(decoded, StandardCharsets.UTF_8));
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  private static List<Path> writerFiles(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(GZIP_SUFFIX)
              || p.getFileName().toString().endsWith(TEXT_SUFFIX))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    }
  }
}
