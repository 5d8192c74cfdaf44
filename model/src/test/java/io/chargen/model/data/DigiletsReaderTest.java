package io.chargen.model.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.model.fixtures.RealLetters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The DigiLeTs reader")
class DigiletsReaderTest {
  private static final int WRITERS = 65;
  private static final int SAMPLES_PER_WRITER = 130;
  private static final int INSTANCES = 5;

  private static List<PenSample> all;

  @BeforeAll
  static void readShippedData() throws IOException {
    all = DigiletsReader.read(RealLetters.dataFolder());
  }

  @Test
  @DisplayName("reads 65 writers with 130 samples each from the shipped folder")
  void readsAllWriters() {
    Map<String, Long> perWriter = all.stream()
        .collect(Collectors.groupingBy(PenSample::writer, Collectors.counting()));

    assertThat(all).hasSize(WRITERS * SAMPLES_PER_WRITER);
    assertThat(perWriter).hasSize(WRITERS).allSatisfy((w, n) -> assertThat(n).isEqualTo(SAMPLES_PER_WRITER));
    assertThat(all.get(0).writer()).isEqualTo(RealLetters.FIRST_WRITER);
  }

  @Test
  @DisplayName("labels every file a(0..4), b(0..4), …, z(0..4) in order")
  void labelsInOrder() {
    for (int i = 0; i < all.size(); i++) {
      int inFile = i % SAMPLES_PER_WRITER;
      PenSample s = all.get(i);
      assertThat(s.label()).as("sample %d", i).isEqualTo((char) ('a' + inFile / INSTANCES));
      assertThat(s.instance()).as("sample %d", i).isEqualTo(inFile % INSTANCES);
    }
  }

  @Test
  @DisplayName("finds letters of 7 to 209 points, starting with a pen-down point")
  void readsDocumentedLengths() {
    assertThat(all.stream().mapToInt(PenSample::length).min().orElseThrow()).isEqualTo(7);
    assertThat(all.stream().mapToInt(PenSample::length).max().orElseThrow()).isEqualTo(209);
    assertThat(all).allSatisfy(s -> assertThat(s.points().get(0).penDown()).isTrue());
  }

  @Test
  @DisplayName("parses the first point of the first file exactly")
  void parsesFirstPoint() {
    assertThat(all.get(0).points().get(0)).isEqualTo(new PenPoint(0.594792, 0.395833, 0.456757, true, 0.0));
  }

  @Test
  @DisplayName("reads a plain-text file holding only a–c, taking labels and instances from the label lines")
  void readsFewerLetters(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("123-m-30-left_2024-01-01_preprocessed.txt");
    Files.writeString(file, String.join("\n",
        Lines.POINTS, Lines.label('a'), Lines.POINTS, Lines.label('a'), Lines.POINTS, Lines.label('b'),
        Lines.POINTS, Lines.label('c'), Lines.POINTS, Lines.label('b')) + "\n");

    List<PenSample> samples = DigiletsReader.read(file);

    assertThat(samples).extracting(PenSample::label).containsExactly('a', 'a', 'b', 'c', 'b');
    assertThat(samples).extracting(PenSample::instance).containsExactly(0, 1, 0, 0, 1);
    assertThat(samples).extracting(PenSample::writer).containsOnly("123-m-30-left");
    assertThat(samples.get(0).points()).hasSize(2);
  }

  @Test
  @DisplayName("reads digits and capitals from the one-hot label, not only lowercase")
  void readsWholeLabelAlphabet(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("w.txt");
    Files.writeString(file, String.join("\n", Lines.POINTS, Lines.label('0'), Lines.POINTS, Lines.label('Z')));

    assertThat(DigiletsReader.read(file)).extracting(PenSample::label).containsExactly('0', 'Z');
  }

  @Test
  @DisplayName("reads a folder's files sorted by name and ignores other files")
  void readsFolderSorted(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b_x.txt"), Lines.POINTS + "\n" + Lines.label('b'));
    Files.writeString(dir.resolve("a_x.txt"), Lines.POINTS + "\n" + Lines.label('a'));
    Files.writeString(dir.resolve("notes.md"), "not data");

    assertThat(DigiletsReader.read(dir)).extracting(PenSample::writer).containsExactly("a", "b");
  }

  @Test
  @DisplayName("takes the writer id from the file name before the first underscore")
  void derivesWriterId() {
    assertThat(DigiletsReader.writerId(Path.of("002-f-22-right_2019-06-05-12-21-29_preprocessed.txt.gz")))
        .isEqualTo("002-f-22-right");
    assertThat(DigiletsReader.writerId(Path.of("solo.txt.gz"))).isEqualTo("solo");
  }
}
