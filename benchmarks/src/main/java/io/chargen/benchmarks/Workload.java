package io.chargen.benchmarks;

import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.Transform;
import io.chargen.model.io.ModelFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real inputs every benchmark uses: the shipped base model and letters of a held-out writer. Run the benchmarks
 * from the repository root (or set -Dchargen.home).
 */
final class Workload {
  /** First held-out writer of the shipped split (data/splits/heldout). */
  static final String WRITER_FILE = "data/splits/heldout/008-f-21-right_2019-06-19-12-24-59_preprocessed.txt.gz";
  static final String MODEL_FILE = "models/base.cgm";

  private Workload() {}

  static Path home() {
    Path home = Path.of(System.getProperty("chargen.home", "."));
    if (!Files.exists(home.resolve(MODEL_FILE))) {
      throw new IllegalStateException("run from the repository root or set -Dchargen.home: no " + MODEL_FILE
          + " under " + home.toAbsolutePath());
    }
    return home;
  }

  static CharModel model() {
    try {
      return ModelFile.read(home().resolve(MODEL_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DigiletsDataset writer() {
    try {
      return DigiletsReader.readDataset(home().resolve(WRITER_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StrokeSequence letter(char letter, int instance) {
    DigiletsDataset data = writer();
    return Transform.apply(data.sample(data.writers().get(0), letter, instance));
  }
}
