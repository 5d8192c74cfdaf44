package io.chargen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.InvalidNameException.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a", "n", "z9", "ä", "ß", "ж", "λ", "א", "ب", "字", "あ", "한", "क्ष", "किरण", "x_1",
      "o-2"})
  @DisplayName("letters and digits of any script, '-' and '_' are labels")
  void acceptsLabels(String label) {
    assertThat(Names.label("label", label)).isEqualTo(label);
  }

  @Test
  @DisplayName("a label is normalised to NFC: e + combining acute becomes é, so both spellings are one concept")
  void normalisesToNfc() {
    assertThat(Names.label("label", "e\u0301")).isEqualTo("\u00e9");
    assertThat(Names.writer("writer", "Rene\u0301e")).isEqualTo("Ren\u00e9e");
  }

  @Test
  @DisplayName("the DigiLeTs writer ids and web-pad are writer names; no writer is the empty name")
  void acceptsWriters() {
    assertThat(Names.writer("writer", "002-f-22-right")).isEqualTo("002-f-22-right");
    assertThat(Names.writer("writer", "web-pad")).isEqualTo("web-pad");
    assertThat(Names.writer("writer", null)).isEmpty();
    assertThat(Names.writer("writer", "")).isEmpty();
  }

  @Test
  @DisplayName("a missing label is refused as MISSING")
  void missingLabel() {
    refused(() -> Names.label("label", null), Problem.MISSING, "label is missing");
  }

  @Test
  @DisplayName("an empty label is refused as EMPTY")
  void emptyLabel() {
    refused(() -> Names.label("label", ""), Problem.EMPTY, "label is empty");
  }

  @Test
  @DisplayName("a label of 9 characters is refused as TOO_LONG, naming the bound")
  void longLabel() {
    refused(() -> Names.label("label", "abcdefghi"), Problem.TOO_LONG,
        "label \"abcdefghi\" has 9 characters; at most 8");
  }

  @Test
  @DisplayName("a writer name of 65 characters is refused as TOO_LONG, quoting only an excerpt")
  void longWriter() {
    String name = "w".repeat(65);
    refused(() -> Names.writer("writer", name), Problem.TOO_LONG,
        "writer \"" + "w".repeat(24) + "…\" (65 characters) has 65 characters; at most 64");
  }

  @Test
  @DisplayName("the tag of <script> is refused as NOT_ALLOWED at its '<'")
  void markupRefused() {
    refused(() -> Names.label("label", "<script>"), Problem.NOT_ALLOWED,
        "label \"<script>\": U+003C LESS-THAN SIGN at position 1 is not a letter, a digit, '-' or '_'");
  }

  @Test
  @DisplayName("an emoji is refused as NOT_ALLOWED")
  void emojiRefused() {
    refused(() -> Names.writer("writer", "ann\uD83D\uDE00"), Problem.NOT_ALLOWED,
        "U+1F600 GRINNING FACE at position 4");
  }

  @Test
  @DisplayName("a right-to-left override is refused as BIDI, and the message escapes it")
  void bidiRefused() {
    refused(() -> Names.label("label", "n\u202Eb"), Problem.BIDI,
        "label \"n\\u{202E}b\": U+202E RIGHT-TO-LEFT OVERRIDE at position 2 is a bidi control character");
    refused(() -> Names.writer("writer", "a\u2067b"), Problem.BIDI, "U+2067 RIGHT-TO-LEFT ISOLATE");
    refused(() -> Names.writer("writer", "a\u200Fb"), Problem.BIDI, "U+200F RIGHT-TO-LEFT MARK");
  }

  @Test
  @DisplayName("a zero-width space or joiner is refused as FORMAT")
  void zeroWidthRefused() {
    refused(() -> Names.label("label", "n\u200B"), Problem.FORMAT,
        "label \"n\\u{200B}\": U+200B ZERO WIDTH SPACE at position 2 is an invisible format character");
    refused(() -> Names.writer("writer", "a\u200Db"), Problem.FORMAT, "U+200D ZERO WIDTH JOINER");
  }

  @Test
  @DisplayName("a control character is refused as CONTROL")
  void controlRefused() {
    refused(() -> Names.label("label", "n\u0000"), Problem.CONTROL, "U+0000 NULL at position 2 is a control character");
    refused(() -> Names.writer("writer", "a\tb"), Problem.CONTROL, "U+0009 CHARACTER TABULATION");
  }

  @ParameterizedTest(name = "U+{0}")
  @CsvSource({"0020, SPACE", "00A0, NO-BREAK SPACE", "3000, IDEOGRAPHIC SPACE", "2028, LINE SEPARATOR"})
  @DisplayName("spaces and separators are refused as WHITESPACE")
  void whitespaceRefused(String hex, String name) {
    String label = "a" + Character.toString(Integer.parseInt(hex, 16)) + "b";
    refused(() -> Names.label("label", label), Problem.WHITESPACE, "U+" + hex + " " + name + " at position 2");
  }

  @Test
  @DisplayName("a combining mark with nothing before it is refused as LEADING_MARK")
  void leadingMarkRefused() {
    refused(() -> Names.label("label", "\u0301a"), Problem.LEADING_MARK, "U+0301 COMBINING ACUTE ACCENT at position 1");
  }

  @Test
  @DisplayName("four combining marks on one letter are refused as TOO_MANY_MARKS")
  void stackedMarksRefused() {
    refused(() -> Names.writer("writer", "z\u0351\u0352\u0353\u0354"), Problem.TOO_MANY_MARKS, "at position 5");
  }

  @Test
  @DisplayName("half a surrogate pair is refused as UNPAIRED_SURROGATE")
  void loneSurrogateRefused() {
    refused(() -> Names.label("label", "a\uD800"), Problem.UNPAIRED_SURROGATE, "at position 2");
  }

  @Test
  @DisplayName("labels @typical and @alice are refused as STYLE_PREFIX: styles are never taught as labels")
  void stylePrefixRefused() {
    refused(() -> Names.label("label", "@typical"), Problem.STYLE_PREFIX,
        "label \"@typical\" starts with @, which marks writer styles: send a writer name instead");
    refused(() -> Names.label("label", "@alice"), Problem.STYLE_PREFIX, "starts with @");
  }

  @Test
  @DisplayName("an excerpt is short and shows invisible characters as escapes")
  void excerptIsShortAndVisible() {
    assertThat(Names.excerpt("ab")).isEqualTo("\"ab\"");
    assertThat(Names.excerpt("a\u202Eb\u0000")).isEqualTo("\"a\\u{202E}b\\u{0000}\"");
    assertThat(Names.excerpt("x".repeat(1000))).isEqualTo("\"" + "x".repeat(24) + "…\" (1000 characters)");
  }

  private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Problem problem,
      String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidNameException.class,
        e -> assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem)).hasMessageContaining(message);
  }
}
