package io.chargen.model.eval;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.classify.DtwNearestNeighbour;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.Transform;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Do letters learned from one example regenerate and vary recognisably (Fabi et al. 2020, Secs. 3.1–3.2; issue 13)?
 * Per writer, with that writer's letters learned one-shot from instance {@value ProtocolConfig#LEARN_INSTANCE}: each
 * letter's regeneration and its noisy variants ({@link #VARIANT_NOISES}, {@link #SEEDS} seeds each), all at the
 * letter's natural length, are classified by DTW 1-nearest-neighbour on size-normalised positions against instance 0
 * of the same letters of the <em>other</em> evaluated writers (13-way for n–z). The ceiling is the same measure for
 * the writer's own real instances 1–4: how often a real second instance of the letter is recognised. For scale, the
 * examples themselves (instance 0) are measured too: what a perfect copy would score.
 */
public final class OneShotGeneration {
  /** Variant noise SDs: the paper's range ends and its middle (Sec. 3.2). */
  public static final List<Double> VARIANT_NOISES = List.of(0.009, 0.03, 0.07);
  /** Noise seeds per SD. */
  public static final int SEEDS = 3;

  private final Generator generator;

  /** @param backend computes the network */
  public OneShotGeneration(Backend backend) {
    this.generator = new Generator(backend);
  }

  /**
   * @param regeneration fraction of plain regenerations recognised
   * @param variants per noise SD, fraction of variants recognised
   * @param ceiling fraction of the writers' real instances 1–4 recognised
   * @param example fraction of the examples learned from (instance 0) recognised: a perfect copy's score
   * @param noiseAfterInputLayer per noise SD, the mean over writers of the RMS noise SD on the LSTM's input
   * @param writers writers measured
   */
  public record Result(double regeneration, Map<Double, Double> variants, double ceiling, double example,
      Map<Double, Double> noiseAfterInputLayer, int writers) {}

  /**
   * @param learned per writer, the model with that writer's letters learned one-shot
   * @param data the writers' samples (at least two writers)
   * @param letters the learned letters
   * @return the fractions recognised
   */
  public Result measure(Map<String, CharModel> learned, DigiletsDataset data, List<String> letters) {
    if (learned.size() < 2) {
      throw new IllegalArgumentException("need at least 2 writers: templates come from the other writers, got "
          + learned.keySet());
    }
    List<double[]> perWriter = learned.entrySet().parallelStream()
        .map(e -> measureWriter(e.getKey(), e.getValue(), data, letters, learned.keySet())).toList();
    double[] sum = new double[perWriter.get(0).length];
    perWriter.forEach(r -> {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += r[i] / perWriter.size();
      }
    });
    Map<Double, Double> variants = new LinkedHashMap<>();
    Map<Double, Double> noise = new LinkedHashMap<>();
    for (int i = 0; i < VARIANT_NOISES.size(); i++) {
      variants.put(VARIANT_NOISES.get(i), sum[FIRST_VARIANT + i]);
      noise.put(VARIANT_NOISES.get(i), sum[FIRST_VARIANT + VARIANT_NOISES.size() + i]);
    }
    return new Result(sum[0], variants, sum[1], sum[2], noise, perWriter.size());
  }

  /** Index of the first variant score in a writer's measures; before it: regeneration, ceiling, example. */
  private static final int FIRST_VARIANT = 3;

  /** @return {regeneration, ceiling, example, variants per SD..., noise after the input layer per SD...} */
  private double[] measureWriter(String writer, CharModel model, DigiletsDataset data, List<String> letters,
      Iterable<String> writers) {
    DtwNearestNeighbour nearest = DtwNearestNeighbour.sizeNormalised(templates(data, letters, writers, writer));
    int n = VARIANT_NOISES.size();
    double[] r = new double[FIRST_VARIANT + 2 * n];
    int real = 0;
    for (String letter : letters) {
      Map<String, Double> mix = Map.of(letter, 1.0);
      r[0] += recognised(nearest, letter, generate(model, mix, 0, 0));
      r[2] += recognised(nearest, letter,
          Transform.apply(data.sample(writer, letter.charAt(0), ProtocolConfig.LEARN_INSTANCE)));
      for (int i = 0; i < n; i++) {
        for (int seed = 0; seed < SEEDS; seed++) {
          r[FIRST_VARIANT + i] += recognised(nearest, letter, generate(model, mix, VARIANT_NOISES.get(i), seed));
        }
      }
      for (int instance = ProtocolConfig.FIRST_QUERY_INSTANCE; instance <= ProtocolConfig.LAST_QUERY_INSTANCE;
          instance++) {
        r[1] += recognised(nearest, letter, Transform.apply(data.sample(writer, letter.charAt(0), instance)));
        real++;
      }
    }
    r[0] /= letters.size();
    r[1] /= real;
    r[2] /= letters.size();
    for (int i = 0; i < n; i++) {
      r[FIRST_VARIANT + i] /= (double) letters.size() * SEEDS;
      r[FIRST_VARIANT + n + i] = Generator.noiseAfterInputLayer(model,
          new GenerationRequest(GenerationRequest.NATURAL_LENGTH, VARIANT_NOISES.get(i), 0, false));
    }
    return r;
  }

  private StrokeSequence generate(CharModel model, Map<String, Double> mix, double noise, long seed) {
    return generator.generate(model, mix,
        new GenerationRequest(GenerationRequest.NATURAL_LENGTH, noise, seed, false)).output();
  }

  private static int recognised(DtwNearestNeighbour nearest, String letter, StrokeSequence s) {
    return nearest.classify(s).label().equals(letter) ? 1 : 0;
  }

  /** Instance 0 of the letters of every writer but one. */
  static Map<String, List<StrokeSequence>> templates(DigiletsDataset data, List<String> letters,
      Iterable<String> writers, String except) {
    Map<String, List<StrokeSequence>> t = new LinkedHashMap<>();
    for (String letter : letters) {
      List<StrokeSequence> list = new ArrayList<>();
      for (String w : writers) {
        if (!w.equals(except)) {
          list.add(Transform.apply(data.sample(w, letter.charAt(0), 0)));
        }
      }
      t.put(letter, list);
    }
    return t;
  }
}
