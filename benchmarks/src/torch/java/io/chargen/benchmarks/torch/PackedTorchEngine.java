package io.chargen.benchmarks.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.train.LabelledSequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The LSTM written step by step in PyTorch operations on only the letters still running, longest first, as
 * PyTorch's packed sequences compute it ({@code pack_padded_sequence}): no padded steps, but one small product and
 * a dozen element-wise operations per step, each a call into libtorch, and autograd through all of them.
 */
public final class PackedTorchEngine extends TorchEngine {
  @Override
  public String name() {
    return "pytorch-packed";
  }

  @Override
  NDArray batchLoss(NDManager manager, Params params, CharModel model, List<LabelledSequence> unsorted) {
    List<LabelledSequence> batch = new ArrayList<>(unsorted);
    batch.sort(Comparator.comparingInt((LabelledSequence s) -> -s.sequence().length()));
    int size = batch.size();
    int steps = batch.get(0).sequence().length();
    NDArray projected = inputs(manager, model, batch).matMul(params.codes).matMul(params.wIh.transpose());
    NDArray recurrentT = params.wHh.transpose();
    List<NDArray> hidden = new ArrayList<>();
    List<Float> target = new ArrayList<>();
    List<Float> weight = new ArrayList<>();
    NDArray h = null;
    NDArray c = null;
    for (int t = 0; t < steps; t++) {
      int running = running(batch, t);
      NDIndex first = new NDIndex("0:{}", running);
      NDArray pre = t == 0 ? projected.get(first) : projected.get(first).add(h.get(first).matMul(recurrentT));
      NDList gates = pre.split(4, 1);
      NDArray i = Activation.sigmoid(gates.get(0));
      NDArray f = Activation.sigmoid(gates.get(1));
      NDArray g = gates.get(2).tanh();
      NDArray o = Activation.sigmoid(gates.get(3));
      c = t == 0 ? i.mul(g) : f.mul(c.get(first)).add(i.mul(g));
      h = o.mul(c.tanh());
      hidden.add(h);
      for (int b = 0; b < running; b++) {
        StrokeSequence s = batch.get(b).sequence();
        for (int ch = 0; ch < CH; ch++) {
          target.add(s.get(t, ch));
        }
        weight.add(1f / (s.length() * CH * size));
      }
    }
    int rows = weight.size();
    NDArray y = NDArrays.concat(new NDList(hidden), 0).matMul(params.wOut.transpose());
    return y.sub(manager.create(toArray(target), new Shape(rows, CH))).square()
        .mul(manager.create(toArray(weight), new Shape(rows, 1))).sum();
  }

  private static int running(List<LabelledSequence> sortedBatch, int t) {
    int n = 0;
    while (n < sortedBatch.size() && sortedBatch.get(n).sequence().length() > t) {
      n++;
    }
    return n;
  }

  private static float[] toArray(List<Float> values) {
    float[] a = new float[values.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = values.get(i);
    }
    return a;
  }
}
