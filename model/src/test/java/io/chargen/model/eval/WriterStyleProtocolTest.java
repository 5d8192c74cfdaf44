package io.chargen.model.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.PenSample;
import io.chargen.model.fixtures.RealLetters;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.learn.OneShotSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WriterStyleProtocolTest {
  private static final OneShotSchedule QUICK = new OneShotSchedule("quick", OneShotSchedule.Method.LBFGS, 5, 0);

  private final CharModel model = CharModel.untrained(
      ConceptSet.of(List.of("a", "b", "c", "d", "@u", "@v", ConceptSet.TYPICAL_STYLE)), 8, 1)
      .withMetadata(Map.of(CharModel.DEFAULT_STYLE_KEY, ConceptSet.TYPICAL_STYLE))
      .withNaturalLength("b", 20).withNaturalLength("d", 25);

  private static DigiletsDataset twoWriters() {
    List<PenSample> samples = new ArrayList<>(RealLetters.writer(RealLetters.FIRST_WRITER));
    samples.addAll(RealLetters.writer(RealLetters.SECOND_WRITER));
    return DigiletsDataset.of(samples).letters('a', 'd');
  }

  @Test
  @DisplayName("each writer's style is learned from their own letters; the default style's writer match is chance")
  void measuresPerWriter() {
    WriterStyleProtocol protocol = new WriterStyleProtocol(new FastBackend(), QUICK);
    WriterStyleProtocol.Result r = protocol.measure(model, twoWriters(), List.of("a", "c"), List.of("b", "d"));
    assertThat(r.generations()).isEqualTo(2);
    // the same default-style letter is compared with both writers' templates: it matches exactly one of the two
    assertThat(r.sameWriterDefaultStyle()).isEqualTo(0.5);
    assertThat(r.recognised()).isBetween(0.0, 1.0);
    assertThat(r.sameWriter()).isBetween(0.0, 1.0);
    CharModel styled = protocol.learnWriter(model, twoWriters().writer(RealLetters.FIRST_WRITER), List.of("a", "c"),
        "@first");
    assertThat(styled.concepts().styles()).contains("@first");
    assertThat(styled.code("@first")).isNotEqualTo(model.code(ConceptSet.TYPICAL_STYLE));
  }
}
