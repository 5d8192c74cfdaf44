package io.chargen.service;

import io.chargen.model.CharModel;
import io.chargen.model.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The shipped base model with its identity. Learned codes only make sense with the LSTM and output weights they were
 * learned against, so every {@code LearnedConcept} carries this id and the {@link ConceptStore} ignores codes of
 * other models.
 *
 * @param model the base model
 * @param id {@value #ID_KEY} from the model's metadata, else {@code sha256:} and the first hex digits of the file's hash
 */
public record BaseModel(CharModel model, String id) {
  /** Metadata key of a model's id, when the trainer set one. */
  public static final String ID_KEY = "model_id";
  /** Hex digits of the file hash kept in a derived id: 64 bits, ample to tell model files apart. */
  private static final int HASH_HEX_DIGITS = 16;

  /** Validates the id. */
  public BaseModel {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("base model id is empty");
    }
  }

  /**
   * @param file a model file
   * @return the model and its id
   * @throws FatalException naming the file when it does not load
   */
  public static BaseModel load(Path file) {
    try {
      CharModel model = ModelFile.read(file);
      String id = model.metadata().get(ID_KEY);
      return new BaseModel(model, id != null && !id.isBlank() ? id : "sha256:" + hash(file));
    } catch (IOException e) {
      throw new FatalException("cannot load base model " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /** @return the base model's hidden size H, the length of every code */
  public int hidden() {
    return model.weights().hidden();
  }

  private static String hash(Path file) throws IOException {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
