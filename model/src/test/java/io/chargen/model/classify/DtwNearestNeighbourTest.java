package io.chargen.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.chargen.model.StrokeSequence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DtwNearestNeighbour")
class DtwNearestNeighbourTest {
  private static final StrokeSequence HORIZONTAL = Letters.of(0, 0, 1, 0, 1, 0, 1, 0);
  private static final StrokeSequence VERTICAL = Letters.of(0, 0, 0, 1, 0, 1, 0, 1);
  private static final StrokeSequence DIAGONAL = Letters.of(0, 0, 1, 1, 1, 1, 1, 1);

  private static DtwNearestNeighbour classifier() {
    Map<String, List<StrokeSequence>> templates = new LinkedHashMap<>();
    templates.put("h", List.of(HORIZONTAL));
    templates.put("v", List.of(VERTICAL, Letters.of(0, 0, 0, 2, 0, 2)));
    templates.put("d", List.of(DIAGONAL));
    return DtwNearestNeighbour.of(templates);
  }

  @Test
  @DisplayName("labels a slightly stretched horizontal line as the horizontal template")
  void picksNearestLabel() {
    StrokeSequence query = Letters.of(0, 0, 1.1f, 0, 1.1f, 0.1f, 0.9f, 0);
    DtwNearestNeighbour.Result result = classifier().classify(query);
    assertThat(result.label()).isEqualTo("h");
    assertThat(result.distance()).isEqualTo(result.distanceByLabel().get("h"));
    assertThat(result.distanceByLabel().keySet()).containsExactly("h", "v", "d");
    assertThat(result.distanceByLabel().get("h")).isLessThan(result.distanceByLabel().get("d"));
  }

  @Test
  @DisplayName("gives each label the distance of its nearest template, exactly as Dtw computes it")
  void perLabelDistanceIsMinimumOverTemplates() {
    StrokeSequence query = Letters.of(0, 0, 0, 1.9f, 0, 2.1f);
    DtwNearestNeighbour.Result result = classifier().classify(query);
    Dtw dtw = Dtw.unconstrained();
    double expectedV = Math.min(dtw.distance(query, VERTICAL), dtw.distance(query, Letters.of(0, 0, 0, 2, 0, 2)));
    assertThat(result.label()).isEqualTo("v");
    assertThat(result.distanceByLabel().get("v")).isCloseTo(expectedV, within(1e-9));
    assertThat(result.distanceByLabel().get("h")).isCloseTo(dtw.distance(query, HORIZONTAL), within(1e-9));
    assertThat(result.distanceByLabel().get("d")).isCloseTo(dtw.distance(query, DIAGONAL), within(1e-9));
  }

  @Test
  @DisplayName("classifies a template itself at distance zero")
  void templateIsItsOwnNearest() {
    DtwNearestNeighbour.Result result = classifier().classify(DIAGONAL);
    assertThat(result.label()).isEqualTo("d");
    assertThat(result.distance()).isZero();
  }

  @Test
  @DisplayName("accepts a plain list of labelled templates")
  void acceptsTemplateList() {
    DtwNearestNeighbour nn = new DtwNearestNeighbour(Dtw.withBand(2),
        List.of(new DtwNearestNeighbour.Template("v", VERTICAL), new DtwNearestNeighbour.Template("h", HORIZONTAL)));
    assertThat(nn.size()).isEqualTo(2);
    assertThat(nn.classify(Letters.of(0, 0, 1, 0, 1, 0)).label()).isEqualTo("h");
  }

  @Test
  @DisplayName("rejects an empty template set")
  void rejectsNoTemplates() {
    assertThatThrownBy(() -> DtwNearestNeighbour.of(Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none");
  }
}
