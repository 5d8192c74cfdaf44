package io.chargen.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A DigiLeTs data set")
class DigiletsDatasetTest {
  private static final List<String> WRITERS = List.of("w1", "w2", "w3");
  private static final int INSTANCES = 5;
  private static final DigiletsDataset DATA = DigiletsDataset.of(fullAlphabet());

  private static List<PenSample> fullAlphabet() {
    List<PenSample> samples = new ArrayList<>();
    PenPoint point = new PenPoint(0, 0, 1, true, 0);
    for (String w : WRITERS) {
      for (char c = 'a'; c <= 'z'; c++) {
        for (int i = 0; i < INSTANCES; i++) {
          samples.add(new PenSample(c, w, i, List.of(point)));
        }
      }
    }
    return samples;
  }

  @Test
  @DisplayName("selects instance 0 of n–z of one writer for one-shot learning")
  void selectsOneShotSet() {
    DigiletsDataset oneShot = DATA.writer("w2").letters('n', 'z').instance(0);

    assertThat(oneShot.samples()).extracting(PenSample::label)
        .containsExactly('n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z');
    assertThat(oneShot.samples()).allSatisfy(s -> assertThat(s.writer()).isEqualTo("w2"));
  }

  @Test
  @DisplayName("selects instances 1–4 for classification")
  void selectsClassificationSet() {
    DigiletsDataset queries = DATA.writer("w1").letters('n', 'z').instances(1, 4);

    assertThat(queries.size()).isEqualTo(13 * 4);
    assertThat(queries.samples()).extracting(PenSample::instance).doesNotContain(0);
  }

  @Test
  @DisplayName("selects a–m of some writers for training and the rest as held-out writers")
  void selectsTrainingWriters() {
    DigiletsDataset training = DATA.writers(List.of("w1", "w3")).letters('a', 'm');
    DigiletsDataset heldOut = DATA.excludingWriters(List.of("w1", "w3"));

    assertThat(training.size()).isEqualTo(2 * 13 * INSTANCES);
    assertThat(training.writers()).containsExactly("w1", "w3");
    assertThat(heldOut.writers()).containsExactly("w2");
  }

  @Test
  @DisplayName("looks up one sample and names what is missing")
  void looksUpSample() {
    assertThat(DATA.sample("w3", 'q', 4)).extracting(PenSample::writer, PenSample::label, PenSample::instance)
        .containsExactly("w3", 'q', 4);
    assertThatThrownBy(() -> DATA.sample("w9", 'q', 4))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("'q'").hasMessageContaining("instance 4").hasMessageContaining("w9");
  }

  @Test
  @DisplayName("rejects empty letter and instance ranges, naming them")
  void rejectsEmptyRanges() {
    assertThatThrownBy(() -> DATA.letters('z', 'a')).hasMessageContaining("'z'..'a'");
    assertThatThrownBy(() -> DATA.instances(3, 1)).hasMessageContaining("3..1");
    assertThatThrownBy(() -> DATA.instances(-1, 1)).hasMessageContaining("-1..1");
  }
}
