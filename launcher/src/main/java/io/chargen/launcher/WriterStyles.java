package io.chargen.launcher;

import io.chargen.model.ConceptSet;

/** Names of writer style concepts: {@code @} and the DigiLeTs writer id. */
final class WriterStyles {
  private WriterStyles() {}

  static String label(String writer) {
    return ConceptSet.STYLE_PREFIX + writer;
  }
}
