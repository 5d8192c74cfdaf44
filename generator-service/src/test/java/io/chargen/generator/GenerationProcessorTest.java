package io.chargen.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.Rollout;
import io.chargen.model.fixtures.TinyModels;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import io.chargen.model.kernel.FastBackend;
import io.chargen.proto.TenantKeys;
import io.chargen.proto.v1.GeneratedTrajectory;
import io.chargen.proto.v1.Step;
import io.chargen.service.BadRecordException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GenerationProcessorTest {
  private static final int HIDDEN = 8;
  private static final CharModel MODEL = TinyModels.untrained("abc", HIDDEN, 1);
  private static final String MODEL_ID = "tiny-1";

  private final List<Duration> timings = new ArrayList<>();
  private final GenerationProcessor processor =
      new GenerationProcessor(new Generator(new FastBackend()), timings::add);

  static io.chargen.proto.v1.GenerationRequest.Builder request(Map<String, Double> mix) {
    return GenerationProcessor.toProto(new GenerationSpec(mix, 1, 0, 0, 40, false), TenantKeys.DEFAULT_TENANT, "r-1").toBuilder();
  }

  private List<GeneratedTrajectory> run(io.chargen.proto.v1.GenerationRequest.Builder request) {
    return processor.process(request.build().toByteArray(), t -> MODEL, MODEL_ID);
  }

  private static float[][] points(GeneratedTrajectory t) {
    float[][] out = new float[t.getStepsCount()][];
    for (int i = 0; i < out.length; i++) {
      Step s = t.getSteps(i);
      out[i] = new float[] {s.getDx(), s.getDy(), s.getPressure(), s.getStroke()};
    }
    return out;
  }

  @Test
  @DisplayName("a writer's hand joins a mix with its own weights; a styled model writes in its default hand otherwise")
  void writerStyles() {
    CharModel styled = CharModel.untrained(ConceptSet.of(List.of("a", "b", "@u", "@v")), HIDDEN, 1)
        .withMetadata(Map.of(CharModel.DEFAULT_STYLE_KEY, "@u"));
    var plain = processor.process(request(Map.of("a", 1.0)).build().toByteArray(), t -> styled, MODEL_ID);
    var inU = processor.process(request(Map.of("a", 1.0, "@u", 1.0)).build().toByteArray(), t -> styled, MODEL_ID);
    var inV = processor.process(request(Map.of("a", 1.0, "@v", 1.0)).build().toByteArray(), t -> styled, MODEL_ID);
    assertThat(points(plain.get(0))).isEqualTo(points(inU.get(0))).isNotEqualTo(points(inV.get(0)));
    assertThatThrownBy(() -> processor.process(request(Map.of("a", 1.0, "@v", 0.5)).build().toByteArray(), t -> styled,
        MODEL_ID)).hasMessageContaining("style weights sum to 0.5");
  }

  @Test
  @DisplayName("noisy variants differ from each other, use seed + i, and the same seed gives the same points")
  void variantsAreDistinctAndSeeded() {
    var req = request(Map.of("a", 1.0)).setVariants(3).setNoise(0.05).setSeed(7).setSteps(25);
    List<GeneratedTrajectory> first = run(req);
    List<GeneratedTrajectory> again = run(req);

    assertThat(first).hasSize(3);
    assertThat(first).extracting(GeneratedTrajectory::getVariant).containsExactly(0, 1, 2);
    assertThat(first).extracting(GeneratedTrajectory::getSeed).containsExactly(7L, 8L, 9L);
    assertThat(first).allSatisfy(t -> assertThat(t.getStepsCount()).isEqualTo(25));
    assertThat(points(first.get(0))).isNotEqualTo(points(first.get(1)));
    assertThat(points(first.get(1))).isNotEqualTo(points(first.get(2)));
    for (int i = 0; i < 3; i++) {
      assertThat(points(again.get(i))).isEqualTo(points(first.get(i)));
    }
    assertThat(timings).hasSize(6);
  }

  @Test
  @DisplayName("a variant equals the model's own generation with that seed (the independent call path)")
  void variantMatchesGenerator() {
    List<GeneratedTrajectory> out = run(request(Map.of("b", 1.0)).setVariants(2).setNoise(0.03).setSeed(11));
    Rollout expected = new Generator(new FastBackend())
        .generate(MODEL, MODEL.concepts().oneHot("b"), new GenerationRequest(40, 0.03, 12, false));
    assertThat(points(out.get(1))).isEqualTo(expected.output().toSteps());
    assertThat(out.get(1).getModelId()).isEqualTo(MODEL_ID);
    assertThat(out.get(1).getMixMap()).isEqualTo(Map.of("b", 1.0));
    assertThat(out.get(1).getNoise()).isEqualTo(0.03);
  }

  @Test
  @DisplayName("a blend runs the network on the weighted input and differs from either concept alone")
  void blends() {
    float[][] blend = points(run(request(Map.of("a", 0.5, "c", 0.5))).get(0));
    float[][] a = points(run(request(Map.of("a", 1.0))).get(0));
    float[][] c = points(run(request(Map.of("c", 1.0))).get(0));
    float[] input = new float[MODEL.concepts().size()];
    input[MODEL.concepts().indexOf("a")] = 0.5f;
    input[MODEL.concepts().indexOf("c")] = 0.5f;
    Rollout expected = new FastBackend().run(MODEL.weights(), repeat(input, 40), false);

    assertThat(blend).isEqualTo(expected.output().toSteps());
    assertThat(blend).isNotEqualTo(a).isNotEqualTo(c);
  }

  @Test
  @DisplayName("states come as one cell and one hidden row of H values per step, and only when asked for")
  void statesShape() {
    GeneratedTrajectory with = run(request(Map.of("a", 1.0)).setStates(true).setSteps(12)).get(0);
    GeneratedTrajectory without = run(request(Map.of("a", 1.0)).setSteps(12)).get(0);

    assertThat(with.getCellCount()).isEqualTo(12);
    assertThat(with.getHiddenCount()).isEqualTo(12);
    assertThat(with.getCellList()).allSatisfy(r -> assertThat(r.getValuesCount()).isEqualTo(HIDDEN));
    assertThat(with.getHiddenList()).allSatisfy(r -> assertThat(r.getValuesCount()).isEqualTo(HIDDEN));
    assertThat(without.getCellCount()).isZero();
    assertThat(without.getHiddenCount()).isZero();
  }

  @Test
  @DisplayName("variants 0 in the record means one trajectory, as the proto documents")
  void zeroVariantsIsOne() {
    assertThat(run(request(Map.of("a", 1.0)).setVariants(0))).hasSize(1);
  }

  @Test
  @DisplayName("each bad request is a bad record whose message names the value")
  void rejectsBadRequests() {
    assertBad(new byte[] {(byte) 0xff, 0x01}, "not a GenerationRequest");
    assertBad(request(Map.of("a", 1.0)).setSchemaVersion(99), "99");
    assertBad(request(Map.of("a", 1.0)).setId(""), "id is empty");
    assertBad(request(Map.of("a", 0.5, "b", 0.4)), "sum to 0.9");
    assertBad(request(Map.of("a", 1.5, "b", -0.5)), "-0.5");
    assertBad(request(Map.of()), "mix is empty");
    assertBad(request(Map.of("a", 1.0)).setSteps(0), "steps is 0");
    assertBad(request(Map.of("a", 1.0)).setSteps(2001), "steps is 2001");
    assertBad(request(Map.of("a", 1.0)).setVariants(51), "variants is 51");
    assertBad(request(Map.of("a", 1.0)).setNoise(-0.1), "noise is -0.1");
    assertBad(request(Map.of("a", 1.0)).setNoise(Double.NaN), "noise is NaN");
  }

  @Test
  @DisplayName("a concept this replica does not know yet is a transient failure naming the concept, not a bad record")
  void unknownConceptIsTransient() {
    assertThatThrownBy(() -> run(request(Map.of("z", 1.0))))
        .isInstanceOf(GenerationSpec.UnknownConceptException.class)
        .isNotInstanceOf(BadRecordException.class)
        .hasMessageContaining("concept \"z\"");
  }

  private void assertBad(io.chargen.proto.v1.GenerationRequest.Builder request, String named) {
    assertBad(request.build().toByteArray(), named);
  }

  private void assertBad(byte[] value, String named) {
    assertThatThrownBy(() -> processor.process(value, t -> MODEL, MODEL_ID))
        .isInstanceOf(BadRecordException.class)
        .hasMessageContaining(named);
  }

  private static float[][] repeat(float[] input, int steps) {
    float[][] out = new float[steps][];
    for (int t = 0; t < steps; t++) {
      out[t] = input.clone();
    }
    return out;
  }
}
