package io.chargen.model;

import java.text.Normalizer;

/**
 * The one set of rules for names people type: concept labels and writer names (issue 12). A name is normalised to
 * Unicode NFC, then every character must be a letter or a digit of any script, {@code -} or {@code _}; combining
 * marks may follow a letter (scripts such as Devanagari need them) but not start a name nor pile up. Refused, each
 * with its own {@link InvalidNameException.Problem}: control, format and bidi characters (zero-width and
 * right-to-left tricks), whitespace, punctuation and symbols (e.g. {@code <script>}), a label starting with
 * {@link ConceptSet#STYLE_PREFIX} (styles are named by writer, never taught as labels), and names longer than the
 * bounds. Error messages quote at most an {@link #excerpt} of the input, with invisible characters escaped.
 *
 * <p>The writer styles of the DigiLeTs training writers ({@code @002-f-22-right}) and {@code @typical} are
 * {@link ConceptSet#STYLE_PREFIX} plus a name that passes {@link #writer}.
 */
public final class Names {
  /** Longest label in code points: concepts are letters, new ones get short names (as capture has allowed). */
  public static final int MAX_LABEL_LENGTH = 8;
  /** Longest writer name in code points: DigiLeTs ids are 14, people's names fit. */
  public static final int MAX_WRITER_LENGTH = 64;
  /** Most combining marks after one base letter; more is stacking ("Zalgo"), not writing. */
  public static final int MAX_COMBINING_MARKS = 3;
  /** Code points of the input quoted in an error: enough to recognise it, too few to carry a payload. */
  public static final int EXCERPT_LENGTH = 24;

  private Names() {}

  /**
   * @param field the field's name in the error, e.g. {@code label}
   * @param raw the label as sent
   * @return the NFC-normalised label
   * @throws InvalidNameException naming the field, the problem and an excerpt
   */
  public static String label(String field, String raw) {
    if (raw == null) {
      throw new InvalidNameException(field, InvalidNameException.Problem.MISSING, field + " is missing");
    }
    if (raw.startsWith(ConceptSet.STYLE_PREFIX)) {
      throw new InvalidNameException(field, InvalidNameException.Problem.STYLE_PREFIX, field + " " + excerpt(raw)
          + " starts with " + ConceptSet.STYLE_PREFIX + ", which marks writer styles: send a writer name instead");
    }
    return check(field, raw, MAX_LABEL_LENGTH);
  }

  /**
   * @param field the field's name in the error, e.g. {@code writer}
   * @param raw the writer name as sent; null or empty means no writer
   * @return the NFC-normalised name, or empty for no writer
   * @throws InvalidNameException naming the field, the problem and an excerpt
   */
  public static String writer(String field, String raw) {
    return raw == null || raw.isEmpty() ? "" : check(field, raw, MAX_WRITER_LENGTH);
  }

  /**
   * Quotes at most {@value #EXCERPT_LENGTH} code points of a text for an error message, every control, format,
   * bidi or separator character written as {@code \\u{XXXX}} so that the message itself cannot reorder or hide text.
   *
   * @param text any text
   * @return the quoted excerpt, with the total length when cut
   */
  public static String excerpt(String text) {
    StringBuilder out = new StringBuilder("\"");
    int shown = 0;
    for (int i = 0; i < text.length() && shown < EXCERPT_LENGTH; shown++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (invisible(c)) {
        out.append(String.format("\\u{%04X}", c));
      } else {
        out.appendCodePoint(c);
      }
    }
    out.append('"');
    int total = text.codePointCount(0, text.length());
    return total > shown ? out.insert(out.length() - 1, "…") + " (" + total + " characters)" : out.toString();
  }

  private static String check(String field, String raw, int maxLength) {
    if (raw.isEmpty()) {
      throw new InvalidNameException(field, InvalidNameException.Problem.EMPTY, field + " is empty");
    }
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
    int length = name.codePointCount(0, name.length());
    if (length > maxLength) {
      throw new InvalidNameException(field, InvalidNameException.Problem.TOO_LONG, field + " " + excerpt(raw)
          + " has " + length + " characters; at most " + maxLength);
    }
    int marks = 0;
    for (int i = 0, position = 1; i < name.length(); position++) {
      int c = name.codePointAt(i);
      i += Character.charCount(c);
      marks = isMark(c) ? marks + 1 : 0;
      InvalidNameException.Problem problem = problemOf(c, position, marks);
      if (problem != null) {
        throw new InvalidNameException(field, problem, field + " " + excerpt(raw) + ": " + describe(c)
            + " at position " + position + " " + problem.explanation());
      }
    }
    return name;
  }

  private static InvalidNameException.Problem problemOf(int c, int position, int marks) {
    if (Character.getType(c) == Character.SURROGATE) {
      return InvalidNameException.Problem.UNPAIRED_SURROGATE;
    }
    if (Character.getType(c) == Character.CONTROL) {
      return InvalidNameException.Problem.CONTROL;
    }
    if (isBidiControl(c)) {
      return InvalidNameException.Problem.BIDI;
    }
    if (Character.getType(c) == Character.FORMAT) {
      return InvalidNameException.Problem.FORMAT;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return InvalidNameException.Problem.WHITESPACE;
    }
    if (isMark(c)) {
      return position == 1 ? InvalidNameException.Problem.LEADING_MARK
          : marks > MAX_COMBINING_MARKS ? InvalidNameException.Problem.TOO_MANY_MARKS : null;
    }
    return Character.isLetter(c) || Character.isDigit(c) || c == '-' || c == '_' ? null
        : InvalidNameException.Problem.NOT_ALLOWED;
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** The explicit bidi formatting characters of Unicode UAX #9 (marks, embeddings, overrides, isolates). */
  private static boolean isBidiControl(int c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  private static boolean invisible(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || isBidiControl(c)
        || (Character.isSpaceChar(c) && c != ' ');
  }

  private static String describe(int c) {
    String name = Character.getName(c);
    return String.format("U+%04X", c) + (name == null ? "" : " " + name);
  }
}
