package io.chargen.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The DigiLeTs reader on malformed files")
class DigiletsReaderBadInputTest {
  private static final String FILE_NAME = "bad_file.txt";

  @TempDir
  Path dir;

  /** Writes a file whose first sample is valid and whose second has the given lines (lines 3 and 4). */
  private DigiletsFormatException readSecondSample(String pointLine, String labelLine) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    Files.writeString(file, Lines.POINTS + "\n" + Lines.label('a') + "\n" + pointLine + "\n" + labelLine + "\n");
    DigiletsFormatException e =
        catchThrowableOfType(DigiletsFormatException.class, () -> DigiletsReader.read(file));
    assertThat(e).as("a DigiletsFormatException").isNotNull();
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.getMessage()).contains(FILE_NAME);
    return e;
  }

  @Test
  @DisplayName("names a NaN coordinate with its line and field")
  void rejectsNaN() throws IOException {
    DigiletsFormatException e = readSecondSample("0.1 NaN 0.3 1 0.0", Lines.label('a'));

    assertThat(e.line()).isEqualTo(3);
    assertThat(e).hasMessageContaining("line 3").hasMessageContaining("y of point 0").hasMessageContaining("'NaN'");
  }

  @Test
  @DisplayName("names an infinite time")
  void rejectsInfinity() throws IOException {
    DigiletsFormatException e = readSecondSample("0.1 0.2 0.3 1 0.0 0.1 0.2 0.3 0 -Infinity", Lines.label('a'));

    assertThat(e).hasMessageContaining("line 3").hasMessageContaining("t of point 1")
        .hasMessageContaining("not finite").hasMessageContaining("'-Infinity'");
  }

  @Test
  @DisplayName("names a point line whose field count is not a multiple of 5")
  void rejectsPartialPoint() throws IOException {
    DigiletsFormatException e = readSecondSample("0.1 0.2 0.3 1 0.0 0.5 0.6", Lines.label('a'));

    assertThat(e).hasMessageContaining("line 3").hasMessageContaining("7 numbers")
        .hasMessageContaining("multiple of 5").hasMessageContaining("0.5 0.6");
  }

  @Test
  @DisplayName("names an empty sample line")
  void rejectsEmptySampleLine() throws IOException {
    DigiletsFormatException e = readSecondSample("  ", Lines.label('a'));

    assertThat(e).hasMessageContaining("line 3").hasMessageContaining("empty sample line");
  }

  @Test
  @DisplayName("names an unparsable number")
  void rejectsUnparsableNumber() throws IOException {
    DigiletsFormatException e = readSecondSample("0.1 0.2 0,3 1 0.0", Lines.label('a'));

    assertThat(e).hasMessageContaining("line 3").hasMessageContaining("pressure of point 0")
        .hasMessageContaining("not a number").hasMessageContaining("'0,3'");
  }

  @Test
  @DisplayName("names a pen_down value other than 0 or 1")
  void rejectsFractionalPenDown() throws IOException {
    DigiletsFormatException e = readSecondSample("0.1 0.2 0.3 0.5 0.0", Lines.label('a'));

    assertThat(e).hasMessageContaining("line 3").hasMessageContaining("pen_down").hasMessageContaining("0.5");
  }

  @Test
  @DisplayName("names a label line of the wrong length")
  void rejectsShortLabel() throws IOException {
    DigiletsFormatException e = readSecondSample(Lines.POINTS, "0.0 1.0 0.0");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e).hasMessageContaining("line 4").hasMessageContaining("3 numbers")
        .hasMessageContaining("62").hasMessageContaining("'0.0 1.0 0.0'");
  }

  @Test
  @DisplayName("names a label line with two ones")
  void rejectsTwoHot() throws IOException {
    String twoHot = Lines.label('a').replaceFirst("^0\\.0", "1.0");

    DigiletsFormatException e = readSecondSample(Lines.POINTS, twoHot);

    assertThat(e).hasMessageContaining("line 4").hasMessageContaining("not one-hot")
        .hasMessageContaining("entries 0 and 10");
  }

  @Test
  @DisplayName("names a label line with no one")
  void rejectsNoHot() throws IOException {
    DigiletsFormatException e = readSecondSample(Lines.POINTS, Lines.oneHot(-1, "1.0"));

    assertThat(e).hasMessageContaining("line 4").hasMessageContaining("no entry is 1")
        .hasMessageContaining("'0.0 0.0");
  }

  @Test
  @DisplayName("names a label entry that is neither 0 nor 1")
  void rejectsOtherLabelValue() throws IOException {
    DigiletsFormatException e = readSecondSample(Lines.POINTS, Lines.oneHot(12, "0.7"));

    assertThat(e).hasMessageContaining("line 4").hasMessageContaining("label entry 12")
        .hasMessageContaining("'0.7'");
  }

  @Test
  @DisplayName("names an odd number of lines")
  void rejectsOddLineCount() throws IOException {
    Path file = dir.resolve(FILE_NAME);
    Files.writeString(file, Lines.POINTS + "\n" + Lines.label('a') + "\n" + Lines.POINTS + "\n");

    assertThatThrownBy(() -> DigiletsReader.read(file))
        .isInstanceOf(DigiletsFormatException.class)
        .hasMessageContaining(FILE_NAME).hasMessageContaining("line 3")
        .hasMessageContaining("odd number of lines (3)");
  }

  @Test
  @DisplayName("names a folder without writer files")
  void rejectsEmptyFolder() {
    assertThatThrownBy(() -> DigiletsReader.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no DigiLeTs writer files").hasMessageContaining(dir.toString());
  }
}
