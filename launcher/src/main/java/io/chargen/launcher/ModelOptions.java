package io.chargen.launcher;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every model-using command shares. */
final class ModelOptions {
  /** The base model shipped in the repository, trained by {@code chargen train} (see README). */
  static final String SHIPPED_MODEL = "${sys:chargen.home:-.}/models/base.cgm";

  @Option(names = "--model", defaultValue = SHIPPED_MODEL, description = "Model file (default: ${DEFAULT-VALUE}).")
  Path model;
  @Option(names = "--backend", defaultValue = "fast", description = "fast or dl4j (default: ${DEFAULT-VALUE}).")
  String backend;

  CharModel load() throws IOException {
    if (!Files.isRegularFile(model)) {
      throw new UsageError((Files.exists(model) ? "model is not a file: " : "model file not found: ") + model);
    }
    return ModelFile.read(model);
  }

  Backend backend() {
    return Backends.byName(backend);
  }
}
