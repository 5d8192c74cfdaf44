package io.chargen.model.learn;

import io.chargen.model.CharModel;
import java.util.List;
import java.util.Locale;

/**
 * What keeps a one-shot code in the region of inputs the network was trained on (issue 13). The paper optimises
 * the new letter's input column on the regeneration error alone from PyTorch's random initialisation (Fabi et al.
 * 2020, Sec. 3.1); from one example that column may wander far from the trained letters' columns (norm 5 where theirs
 * are 1.3, mostly outside their span), and noise and blends around it then feed the LSTM inputs it never saw. A prior
 * chooses where the search starts and may add a penalty to the loss:
 *
 * <ul>
 *   <li>{@link Centre#ZERO}: start at the seeded random code alone (the paper); {@link Centre#TRAINED_MEAN}: start at
 *       the mean of the trained letters' codes plus that random code;
 *   <li>{@link Kind#NONE}: no penalty (the paper);
 *   <li>{@link Kind#NORM_BOUND}: weight·max(0, |c| − r)² with r = {@code parameter} × the largest trained norm;
 *   <li>{@link Kind#GAUSSIAN}: weight·(c − μ)ᵀ Σ⁻¹ (c − μ) / H, a Gaussian fitted to the trained letters' columns
 *       (mean μ, covariance shrunk towards its mean variance by {@code parameter} ∈ (0, 1], since 13 columns in 100
 *       dimensions span only 12 directions).
 * </ul>
 *
 * @param centre where the search starts, before the seeded random code is added
 * @param kind the kind of penalty
 * @param weight the penalty's weight, ≥ 0
 * @param parameter the radius factor (norm bound) or the shrinkage (Gaussian); unused without a penalty
 */
public record CodePrior(Centre centre, Kind kind, double weight, double parameter) {
  /** Where the search for a code starts. */
  public enum Centre { ZERO, TRAINED_MEAN }

  /** The kinds of penalty. */
  public enum Kind { NONE, NORM_BOUND, GAUSSIAN }

  /** No prior: the paper's one-shot learning. */
  public static final CodePrior NONE = new CodePrior(Centre.ZERO, Kind.NONE, 0, 0);

  /** Validates the values, naming the bad one. */
  public CodePrior {
    java.util.Objects.requireNonNull(centre, "centre");
    java.util.Objects.requireNonNull(kind, "kind");
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("prior weight must be finite and >= 0, got " + weight);
    }
    if (kind == Kind.NORM_BOUND && !(parameter > 0)) {
      throw new IllegalArgumentException("norm bound factor must be > 0, got " + parameter);
    }
    if (kind == Kind.GAUSSIAN && !(parameter > 0 && parameter <= 1)) {
      throw new IllegalArgumentException("Gaussian prior shrinkage must be in (0, 1], got " + parameter);
    }
  }

  /**
   * Parses {@code [mean+]none}, {@code [mean+]norm:WEIGHT:FACTOR} or {@code [mean+]gauss:WEIGHT:SHRINKAGE};
   * {@code mean} alone starts at the trained mean without a penalty.
   *
   * @param spec the prior as written on a command line
   * @return the prior
   * @throws IllegalArgumentException naming the bad spec
   */
  public static CodePrior parse(String spec) {
    String lower = spec.toLowerCase(Locale.ROOT);
    Centre centre = lower.startsWith("mean") ? Centre.TRAINED_MEAN : Centre.ZERO;
    String penalty = lower.equals("mean") ? "none" : lower.startsWith("mean+") ? lower.substring(5) : lower;
    String[] parts = penalty.split(":");
    try {
      return switch (parts[0]) {
        case "none" -> new CodePrior(centre, Kind.NONE, 0, 0);
        case "norm" -> new CodePrior(centre, Kind.NORM_BOUND, Double.parseDouble(parts[1]),
            Double.parseDouble(parts[2]));
        case "gauss" -> new CodePrior(centre, Kind.GAUSSIAN, Double.parseDouble(parts[1]),
            Double.parseDouble(parts[2]));
        default -> throw new IllegalArgumentException("unknown kind '" + parts[0] + "'");
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("code prior '" + spec + "' is not [mean+]none, [mean+]norm:WEIGHT:FACTOR "
          + "or [mean+]gauss:WEIGHT:SHRINKAGE (" + e.getMessage() + ")", e);
    }
  }

  /**
   * @param model the network whose trained letters' codes define the centre
   * @return where the search starts before the seeded random code is added: the trained letters' mean code, or zeros
   *     (no centre, or a model that names no trained letters)
   */
  public float[] centreFor(CharModel model) {
    float[] c = new float[model.weights().hidden()];
    List<float[]> trained = trainedCodes(model);
    if (centre == Centre.TRAINED_MEAN && !trained.isEmpty()) {
      for (float[] code : trained) {
        for (int j = 0; j < c.length; j++) {
          c[j] += code[j] / trained.size();
        }
      }
    }
    return c;
  }

  private static List<float[]> trainedCodes(CharModel model) {
    return model.trainedLetters().stream().map(model::code).toList();
  }

  /**
   * @param model the network whose trained letters' codes define the region
   * @return the penalty for this model, or null for none (also when the model names no trained letters: an imported
   *     or untrained model is learned the paper's way)
   */
  Penalty penaltyFor(CharModel model) {
    List<float[]> trained = trainedCodes(model);
    if (kind == Kind.NONE || weight == 0 || trained.isEmpty()) {
      return null;
    }
    return kind == Kind.NORM_BOUND ? new NormBound(trained, weight, parameter)
        : GaussianPrior.fit(trained, weight, parameter);
  }

  @Override
  public String toString() {
    String penalty = switch (kind) {
      case NONE -> "none";
      case NORM_BOUND -> String.format(Locale.ROOT, "norm:%s:%s", weight, parameter);
      case GAUSSIAN -> String.format(Locale.ROOT, "gauss:%s:%s", weight, parameter);
    };
    return centre == Centre.TRAINED_MEAN ? (kind == Kind.NONE ? "mean" : "mean+" + penalty) : penalty;
  }

  /** A differentiable penalty on a code. */
  interface Penalty {
    /**
     * @param code the code
     * @param gradient receives the penalty's gradient, added to what it holds
     * @return the penalty
     */
    double addTo(float[] code, float[] gradient);
  }

  /** weight·max(0, |c| − r)², r = factor × the largest trained norm. */
  private record NormBound(double radius, double weight) implements Penalty {
    NormBound(List<float[]> trained, double weight, double factor) {
      this(factor * trained.stream().mapToDouble(NormBound::norm).max().orElseThrow(), weight);
    }

    @Override
    public double addTo(float[] code, float[] gradient) {
      double n = norm(code);
      if (n <= radius) {
        return 0;
      }
      double excess = n - radius;
      for (int j = 0; j < code.length; j++) {
        gradient[j] += (float) (2 * weight * excess * code[j] / n);
      }
      return weight * excess * excess;
    }

    static double norm(float[] v) {
      double s = 0;
      for (float x : v) {
        s += (double) x * x;
      }
      return Math.sqrt(s);
    }
  }
}
