package io.chargen.launcher;

import java.util.ArrayList;
import java.util.List;

/** Parses letter sets written as ranges and lists: {@code a-m}, {@code abc}, {@code a-c,x}. */
final class Letters {
  private Letters() {}

  static List<Character> parse(String spec) {
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

  static String join(List<Character> letters) {
    StringBuilder sb = new StringBuilder();
    letters.forEach(sb::append);
    return sb.toString();
  }
}
