package io.chargen.launcher;

import io.chargen.model.LetterSpec;
import java.util.List;

/** Parses letter sets written as ranges and lists: {@code a-m}, {@code abc}, {@code a-c,x} ({@link LetterSpec}). */
final class Letters {
  private Letters() {}

  static List<Character> parse(String spec) {
    return LetterSpec.parse(spec);
  }

  static String join(List<Character> letters) {
    return LetterSpec.join(letters);
  }
}
