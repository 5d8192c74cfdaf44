package io.chargen.model.learn;

import io.chargen.model.StrokeSequence;

/**
 * The one-shot loss with a term on pen positions (issue 13): the paper's MSE (mean over steps and the 4 channels)
 * plus {@code weight} × the mean squared error of the pen positions (running sums of dx and dy, mean over steps and
 * x, y). The paper's MSE weighs every step's dx, dy on its own, so small errors that add up along the letter cost
 * little although they move the rest of it; the position term charges them where they show, in the shape.
 *
 * <p>The network's backends compute gradients of the MSE against a target; {@link #equivalentTarget} turns this loss
 * into such a target: for output o with loss gradient G, the target o − (N/2)·G (N = steps × 4) has MSE gradient
 * exactly G. One instance serves one example on one thread, and remembers the last output's loss.
 */
final class PositionLoss {
  private final StrokeSequence example;
  private final float[] exampleValues;
  private final float[][] examplePositions;
  private final double weight;
  private double mse;
  private double value;

  /**
   * @param example the letter to reproduce
   * @param weight the position term's weight, ≥ 0
   */
  PositionLoss(StrokeSequence example, double weight) {
    this.example = example;
    this.exampleValues = example.toArray();
    this.examplePositions = example.positions();
    this.weight = weight;
  }

  /**
   * @param output the network's output, as long as the example
   * @return a target whose MSE against {@code output} has this loss's gradient
   */
  StrokeSequence equivalentTarget(StrokeSequence output) {
    int steps = example.length();
    int n = steps * StrokeSequence.CHANNELS;
    float[] o = output.toArray();
    double[] gradient = new double[n];
    mse = 0;
    for (int i = 0; i < n; i++) {
      double d = o[i] - exampleValues[i];
      mse += d * d / n;
      gradient[i] = 2 * d / n;
    }
    float[][] positions = output.positions();
    double positionError = 0;
    double[] later = new double[2];
    for (int t = steps - 1; t >= 0; t--) {
      for (int c = 0; c < 2; c++) {
        double d = positions[t][c] - examplePositions[t][c];
        positionError += d * d / (2.0 * steps);
        later[c] += d / steps;
        gradient[t * StrokeSequence.CHANNELS + c] += weight * later[c];
      }
    }
    value = mse + weight * positionError;
    float[] target = new float[n];
    for (int i = 0; i < n; i++) {
      target[i] = (float) (o[i] - n / 2.0 * gradient[i]);
    }
    return StrokeSequence.of(target);
  }

  /** @return the paper's MSE of the last output */
  double mse() {
    return mse;
  }

  /** @return this loss for the last output */
  double value() {
    return value;
  }
}
