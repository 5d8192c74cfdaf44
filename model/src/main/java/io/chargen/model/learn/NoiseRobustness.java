package io.chargen.model.learn;

import io.chargen.model.CharModel;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Noise-robust one-shot learning (issue 13): the code is optimised for its regeneration loss plus {@code weight} ×
 * the mean loss under {@code draws} fixed draws of input noise like the variants' (SD {@code sd} on the letter
 * inputs), so that it lands where small changes of the input leave the letter legible.
 *
 * <p>The variants add noise n<sub>k</sub> ~ N(0, SD²) to every letter input k at every step, i.e.
 * Σ<sub>k</sub> n<sub>k</sub>·code<sub>k</sub> after the input layer. The kernel's gradients take an input constant
 * over time, so each draw here is one such noise held for the whole letter, on the new letter's own input and on the
 * trained letters' inputs (the other new letters are not known yet): the LSTM sees
 * (1 + n<sub>0</sub>)·c + Σ<sub>trained k</sub> n<sub>k</sub>·code<sub>k</sub>, whose gradient in c is
 * (1 + n<sub>0</sub>) times the gradient in the input. A constant offset moves the letter more than per-step noise
 * of the same SD, so the SD that works best need not be the variants' 0.03. The draws are fixed per letter (seeded
 * by its label) so the objective is deterministic for L-BFGS. Each draw costs one more forward and backward pass.
 *
 * @param draws noise draws averaged, ≥ 0 (0: off)
 * @param sd the noise SD on each letter input
 * @param weight the weight of the mean noisy loss, added to the clean loss
 * @param ownSd the noise SD on the new letter's own input (n<sub>0</sub>); {@code sd} unless given, larger values
 *     ask the letter to stay legible when its input is scaled, as in a blend
 */
public record NoiseRobustness(int draws, double sd, double weight, double ownSd) {
  /** Off: the clean loss alone. */
  public static final NoiseRobustness NONE = new NoiseRobustness(0, 0, 0);

  /**
   * The same SD on every letter input, the letter's own included.
   *
   * @param draws noise draws averaged
   * @param sd the noise SD on each letter input
   * @param weight the weight of the mean noisy loss
   */
  public NoiseRobustness(int draws, double sd, double weight) {
    this(draws, sd, weight, sd);
  }

  /** Validates the values, naming the bad one. */
  public NoiseRobustness {
    if (draws < 0) {
      throw new IllegalArgumentException("noise draws must be >= 0, got " + draws);
    }
    if (!(sd >= 0) || Double.isInfinite(sd)) {
      throw new IllegalArgumentException("noise SD must be finite and >= 0, got " + sd);
    }
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("noise loss weight must be finite and >= 0, got " + weight);
    }
    if (!(ownSd >= 0) || Double.isInfinite(ownSd)) {
      throw new IllegalArgumentException("own-input noise SD must be finite and >= 0, got " + ownSd);
    }
  }

  /**
   * Parses {@code DRAWS:SD:WEIGHT[:OWN_SD]}, e.g. {@code 4:0.03:1} or {@code 4:0.03:1:0.3}.
   *
   * @param spec the option as written on a command line
   * @return the option
   * @throws IllegalArgumentException naming the bad spec
   */
  public static NoiseRobustness parse(String spec) {
    String[] parts = spec.split(":");
    try {
      if (parts.length != 3 && parts.length != 4) {
        throw new IllegalArgumentException("3 or 4 values expected, got " + parts.length);
      }
      double sd = Double.parseDouble(parts[1]);
      return new NoiseRobustness(Integer.parseInt(parts[0]), sd, Double.parseDouble(parts[2]),
          parts.length == 4 ? Double.parseDouble(parts[3]) : sd);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("noise robustness '" + spec + "' is not DRAWS:SD:WEIGHT[:OWN_SD] ("
          + e.getMessage() + ")", e);
    }
  }

  /** @return whether the option changes the loss */
  public boolean active() {
    return draws > 0 && sd > 0 && weight > 0;
  }

  /**
   * @param model the network whose trained letters' codes carry part of the noise
   * @param label the new letter, which seeds the draws
   * @return the fixed draws for this letter
   */
  Draws drawsFor(CharModel model, String label) {
    List<float[]> trained = model.trainedLetters().stream().map(model::code).toList();
    int hidden = model.weights().hidden();
    Random random = new Random(0x5EEDL * 31 + label.hashCode());
    float[] ownScale = new float[draws];
    float[][] offsets = new float[draws][hidden];
    for (int d = 0; d < draws; d++) {
      ownScale[d] = (float) (1 + ownSd * random.nextGaussian());
      for (float[] code : trained) {
        double n = sd * random.nextGaussian();
        for (int j = 0; j < hidden; j++) {
          offsets[d][j] += (float) (n * code[j]);
        }
      }
    }
    return new Draws(ownScale, offsets, weight / draws);
  }

  @Override
  public String toString() {
    return ownSd == sd ? String.format(Locale.ROOT, "%d:%s:%s", draws, sd, weight)
        : String.format(Locale.ROOT, "%d:%s:%s:%s", draws, sd, weight, ownSd);
  }

  /**
   * Fixed noise draws of one letter: the LSTM's input for draw d is {@code ownScale[d]}·c + {@code offsets[d]} (+
   * the style), and each draw's loss counts {@code weightEach}.
   */
  record Draws(float[] ownScale, float[][] offsets, double weightEach) {
    int count() {
      return ownScale.length;
    }
  }
}
