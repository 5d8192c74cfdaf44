package io.chargen.model;

import java.util.ArrayList;
import java.util.List;

/** Letter sets written as ranges and lists: {@code a-m}, {@code abc}, {@code a-c,x} (command lines, model metadata). */
public final class LetterSpec {
  private LetterSpec() {}

  /**
   * @param spec ranges and lists separated by commas
   * @return the letters in order
   * @throws IllegalArgumentException for a backwards range or an empty spec
   */
  public static List<Character> parse(String spec) {
    List<Character> letters = new ArrayList<>();
    for (String part : spec.split(",")) {
      if (part.length() == 3 && part.charAt(1) == '-') {
        char from = part.charAt(0);
        char to = part.charAt(2);
        if (to < from) {
          throw new IllegalArgumentException("letter range '" + part + "' runs backwards");
        }
        for (char c = from; c <= to; c++) {
          letters.add(c);
        }
      } else {
        part.chars().forEach(c -> letters.add((char) c));
      }
    }
    if (letters.isEmpty()) {
      throw new IllegalArgumentException("no letters in '" + spec + "'");
    }
    return letters;
  }

  /**
   * @param letters letters
   * @return them as one string, e.g. {@code nopq}
   */
  public static String join(List<Character> letters) {
    StringBuilder sb = new StringBuilder();
    letters.forEach(sb::append);
    return sb.toString();
  }
}
