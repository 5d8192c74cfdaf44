package io.chargen.model.data;

/** Builds DigiLeTs file lines for reader tests. */
final class Lines {
  /** A valid two-point line: x y pressure pen_down t, twice. */
  static final String POINTS = "0.1 0.2 0.3 1 0.0 0.4 0.5 0.6 0 0.02";

  private Lines() {}

  /** @return a valid one-hot label line for the letter */
  static String label(char letter) {
    return oneHot(DigiletsReader.LABEL_ALPHABET.indexOf(letter), "1.0");
  }

  /** @return a 62-long label line that is 0.0 everywhere except {@code value} at {@code index} */
  static String oneHot(int index, String value) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < DigiletsReader.LABEL_ALPHABET.length(); i++) {
      line.append(i == 0 ? "" : " ").append(i == index ? value : "0.0");
    }
    return line.toString();
  }
}
