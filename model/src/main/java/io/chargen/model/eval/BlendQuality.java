package io.chargen.model.eval;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.classify.Dtw;
import io.chargen.model.generate.GenerationRequest;
import io.chargen.model.generate.Generator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Do blends of letters learned from one example stay letters (Fabi et al. 2020, Sec. 3.4; issue 13)? For every
 * ordered pair of learned letters, the {@value #DOMINANT}/{@value #MINOR} blend should be nearer (DTW on
 * size-normalised positions) to its dominant letter's regeneration than to the other's; and an even 50/50 blend
 * should not collapse into a straight stroke: one whose end-to-end distance exceeds {@value #STRAIGHT} of its path
 * length. All generations run for their natural length, in the model's default style.
 */
public final class BlendQuality {
  /** Weight of the dominant letter. */
  public static final double DOMINANT = 0.75;
  /** Weight of the other letter. */
  public static final double MINOR = 1 - DOMINANT;
  /** End-to-end distance over path length above which a generation is a straight stroke (issue 13). */
  public static final double STRAIGHT = 0.95;

  private final Generator generator;
  private final Dtw dtw = Dtw.unconstrained();

  /** @param backend computes the network */
  public BlendQuality(Backend backend) {
    this.generator = new Generator(backend);
  }

  /**
   * @param closerToDominant fraction of {@value #DOMINANT}/{@value #MINOR} blends nearer their dominant letter
   * @param straightFraction fraction of 50/50 blends that are straight strokes
   * @param ordered ordered pairs measured
   * @param even unordered pairs measured
   */
  public record Result(double closerToDominant, double straightFraction, int ordered, int even) {}

  /**
   * @param learned per writer, the model with that writer's letters learned one-shot
   * @param letters the learned letters (at least two)
   * @return the fractions over every writer and pair
   */
  public Result measure(Map<String, CharModel> learned, List<String> letters) {
    if (letters.size() < 2) {
      throw new IllegalArgumentException("blends need at least two letters, got " + letters);
    }
    List<int[]> counts = learned.values().parallelStream().map(m -> measureModel(m, letters)).toList();
    int[] sum = new int[4];
    counts.forEach(c -> {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += c[i];
      }
    });
    return new Result((double) sum[0] / sum[1], (double) sum[2] / sum[3], sum[1], sum[3]);
  }

  /** @return {closer to dominant, ordered pairs, straight, even pairs} for one model */
  private int[] measureModel(CharModel model, List<String> letters) {
    Map<String, StrokeSequence> regenerations = new HashMap<>();
    letters.forEach(l -> regenerations.put(l, generate(model, Map.of(l, 1.0))));
    int[] c = new int[4];
    for (String a : letters) {
      for (String b : letters) {
        if (a.equals(b)) {
          continue;
        }
        StrokeSequence blend = generate(model, Map.of(a, DOMINANT, b, MINOR));
        c[0] += dtw.sizeNormalisedDistance(blend, regenerations.get(a))
            < dtw.sizeNormalisedDistance(blend, regenerations.get(b)) ? 1 : 0;
        c[1]++;
        if (a.compareTo(b) < 0) {
          c[2] += straightness(generate(model, Map.of(a, 0.5, b, 0.5))) > STRAIGHT ? 1 : 0;
          c[3]++;
        }
      }
    }
    return c;
  }

  private StrokeSequence generate(CharModel model, Map<String, Double> mix) {
    return generator.generate(model, mix, new GenerationRequest(GenerationRequest.NATURAL_LENGTH, 0, 0, false))
        .output();
  }

  /**
   * @param s a generation
   * @return the distance from the pen's start (the origin) to its end over the length of its path: 1 for a straight
   *     stroke, near 0 for a closed loop; 0 for a generation that does not move
   */
  public static double straightness(StrokeSequence s) {
    double x = 0;
    double y = 0;
    double path = 0;
    for (int t = 0; t < s.length(); t++) {
      double dx = s.get(t, StrokeSequence.DX);
      double dy = s.get(t, StrokeSequence.DY);
      x += dx;
      y += dy;
      path += Math.hypot(dx, dy);
    }
    return path > 0 ? Math.hypot(x, y) / path : 0;
  }
}
