package io.chargen.benchmarks.torch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.chargen.benchmarks.TrainingEngine;
import io.chargen.model.CharModel;
import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import io.chargen.model.optim.Adam;
import io.chargen.model.train.LabelledSequence;
import io.chargen.model.train.TrainingConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The paper's training on PyTorch's CPU kernels through DJL (libtorch's autograd, its LSTM and matrix products), as
 * a Java user would run it: the same start weights, shuffling, per-sample MSE and Adam formula as {@code Trainer}.
 * Subclasses differ in how a batch of letters of different lengths goes through the LSTM.
 */
abstract class TorchEngine implements TrainingEngine {
  static final String ENGINE = "PyTorch";
  static final int CH = StrokeSequence.CHANNELS;

  static {
    // Never download: the native library comes from the pytorch-native-cpu jar on the class path.
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
  }

  /** The network's trainable arrays, as PyTorch holds them. */
  static final class Params {
    final NDArray codes;
    final NDArray wIh;
    final NDArray wHh;
    final NDArray wOut;
    final int hidden;
    private final NDArray[] all;
    private final NDArray[] m;
    private final NDArray[] v;
    private int step;

    Params(NDManager manager, LstmWeights w) {
      hidden = w.hidden();
      float[] flat = new float[w.concepts() * hidden];
      for (int k = 0; k < w.concepts(); k++) {
        System.arraycopy(w.code(k), 0, flat, k * hidden, hidden);
      }
      codes = manager.create(flat, new Shape(w.concepts(), hidden));
      wIh = manager.create(w.wIh(), new Shape(4L * hidden, hidden));
      wHh = manager.create(w.wHh(), new Shape(4L * hidden, hidden));
      wOut = manager.create(w.wOut(), new Shape(CH, hidden));
      all = new NDArray[] {codes, wIh, wHh, wOut};
      m = new NDArray[all.length];
      v = new NDArray[all.length];
      for (int i = 0; i < all.length; i++) {
        all[i].setRequiresGradient(true);
        m[i] = manager.zeros(all[i].getShape());
        v[i] = manager.zeros(all[i].getShape());
      }
    }

    /** One Adam step with PyTorch's formula (torch.optim.Adam, as {@link Adam}), then zero gradients. */
    void adamStep(double learningRate) {
      step++;
      float stepSize = (float) (learningRate / (1 - Math.pow(Adam.BETA1, step)));
      float sqrtCorrection2 = (float) Math.sqrt(1 - Math.pow(Adam.BETA2, step));
      try (NDScope scope = new NDScope()) {
        for (int i = 0; i < all.length; i++) {
          NDArray g = all[i].getGradient();
          m[i].muli(Adam.BETA1).addi(g.mul(1 - Adam.BETA1));
          v[i].muli(Adam.BETA2).addi(g.square().muli(1 - Adam.BETA2));
          all[i].subi(m[i].div(v[i].sqrt().divi(sqrtCorrection2).addi(Adam.EPSILON)).muli(stepSize));
          g.subi(g);
        }
      }
    }
  }

  private static volatile boolean threadsReported;

  @Override
  public double trainEpoch(CharModel start, List<LabelledSequence> samples, TrainingConfig config) {
    Engine engine = Engine.getEngine(ENGINE);
    if (!threadsReported) {
      threadsReported = true;
      System.out.printf("%n[%s] PyTorch %s, %d intra-op threads%n", name(), engine.getVersion(),
          JniUtils.getNumThreads());
    }
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), ENGINE)) {
      Params params = new Params(manager, start.weights());
      List<Integer> order = new ArrayList<>(IntStream.range(0, samples.size()).boxed().toList());
      Collections.shuffle(order, new Random(config.seed()));
      double lossSum = 0;
      for (int from = 0; from < order.size(); from += config.batchSize()) {
        List<LabelledSequence> batch = order.subList(from, Math.min(order.size(), from + config.batchSize()))
            .stream().map(samples::get).toList();
        try (NDScope scope = new NDScope(); GradientCollector collector = engine.newGradientCollector()) {
          NDArray loss = batchLoss(manager, params, start, batch);
          collector.backward(loss);
          lossSum += loss.getFloat() * batch.size();
        }
        params.adamStep(config.learningRate());
      }
      return lossSum / samples.size();
    }
  }

  /**
   * @return the batch's loss, the mean over its samples of each one's MSE over its own length, as a scalar of the
   *     autograd graph
   */
  abstract NDArray batchLoss(NDManager manager, Params params, CharModel model, List<LabelledSequence> batch);

  /** The batch's one-hot inputs, B × K. */
  static NDArray inputs(NDManager manager, CharModel model, List<LabelledSequence> batch) {
    int concepts = model.concepts().size();
    float[] x = new float[batch.size() * concepts];
    for (int b = 0; b < batch.size(); b++) {
      System.arraycopy(model.concepts().oneHot(batch.get(b).label()), 0, x, b * concepts, concepts);
    }
    return manager.create(x, new Shape(batch.size(), concepts));
  }
}
