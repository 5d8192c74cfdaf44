package io.chargen.model;

/**
 * A label or writer name that breaks the rules of {@link Names}. The message names the field, quotes a short
 * {@link Names#excerpt} of the input and says which character broke which rule; {@link #problem()} is the rule, for
 * callers and tests that branch on it.
 */
public final class InvalidNameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Which rule a name broke. */
  public enum Problem {
    /** No value at all. */
    MISSING("is missing"),
    /** The empty string. */
    EMPTY("is empty"),
    /** More code points than the bound, after NFC. */
    TOO_LONG("is too long"),
    /** A C0/C1 control character (e.g. NUL, TAB, ESC). */
    CONTROL("is a control character"),
    /** A bidi mark, embedding, override or isolate, which reorders how the name is displayed. */
    BIDI("is a bidi control character, which reorders how text is displayed"),
    /** Another invisible format character (e.g. ZERO WIDTH SPACE, ZERO WIDTH JOINER, SOFT HYPHEN). */
    FORMAT("is an invisible format character"),
    /** A space or separator. */
    WHITESPACE("is whitespace"),
    /** A combining mark with no letter before it. */
    LEADING_MARK("is a combining mark with no letter before it"),
    /** More than {@link Names#MAX_COMBINING_MARKS} combining marks on one letter. */
    TOO_MANY_MARKS("stacks more than " + Names.MAX_COMBINING_MARKS + " combining marks on one letter"),
    /** Half of a surrogate pair: not a character. */
    UNPAIRED_SURROGATE("is half of a surrogate pair, not a character"),
    /** A label starting with the style prefix. */
    STYLE_PREFIX("starts a writer style"),
    /** Punctuation, a symbol or an emoji: not a letter, digit, '-' or '_'. */
    NOT_ALLOWED("is not a letter, a digit, '-' or '_'");

    private final String explanation;

    Problem(String explanation) {
      this.explanation = explanation;
    }

    /** @return what the offending character is, as the message says it */
    public String explanation() {
      return explanation;
    }
  }

  private final String field;
  private final Problem problem;

  /**
   * @param field the field's name
   * @param problem the rule broken
   * @param message names the field, quotes an excerpt and the character
   */
  public InvalidNameException(String field, Problem problem, String message) {
    super(message);
    this.field = field;
    this.problem = problem;
  }

  /** @return the field's name, e.g. {@code label} */
  public String field() {
    return field;
  }

  /** @return the rule broken */
  public Problem problem() {
    return problem;
  }
}
