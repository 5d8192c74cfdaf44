package io.chargen.model.optim;

/**
 * Adam (Kingma and Ba 2015) with PyTorch's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8, updating one parameter array in
 * place. The paper trains and adapts with Adam (Fabi et al. 2020, Sec. 2 and 3.1).
 */
public final class Adam {
  /** PyTorch default β1. */
  public static final double BETA1 = 0.9;
  /** PyTorch default β2. */
  public static final double BETA2 = 0.999;
  /** PyTorch default ε. */
  public static final double EPSILON = 1e-8;
  /** The paper's learning rate for training and one-shot learning. */
  public static final double PAPER_LEARNING_RATE = 0.001;

  private final double learningRate;
  private final float[] m;
  private final float[] v;
  private int step;

  /**
   * @param size number of parameters
   * @param learningRate step size
   */
  public Adam(int size, double learningRate) {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    this.learningRate = learningRate;
    this.m = new float[size];
    this.v = new float[size];
  }

  /**
   * One update: params -= lr · m̂ / (sqrt(v̂) + ε).
   *
   * @param params parameters, changed in place
   * @param gradient their gradient
   */
  public void update(float[] params, float[] gradient) {
    step++;
    double correction1 = 1 - Math.pow(BETA1, step);
    double correction2 = 1 - Math.pow(BETA2, step);
    double stepSize = learningRate / correction1;
    double sqrtCorrection2 = Math.sqrt(correction2);
    for (int i = 0; i < params.length; i++) {
      float g = gradient[i];
      m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g);
      v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * g * g);
      double denom = Math.sqrt(v[i]) / sqrtCorrection2 + EPSILON;
      params[i] -= (float) (stepSize * m[i] / denom);
    }
  }
}
