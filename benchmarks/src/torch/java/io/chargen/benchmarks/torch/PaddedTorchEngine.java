package io.chargen.benchmarks.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.train.LabelledSequence;
import java.util.List;

/**
 * PyTorch's fused LSTM ({@code torch.lstm}, as {@code nn.LSTM} runs it) on the batch padded to its longest letter,
 * the padding masked out of the loss: the usual way to batch sequences of different lengths in DJL, which has no
 * packed sequences. It computes the padded steps too (the longest letter of a batch of 32 is about twice the mean).
 */
public final class PaddedTorchEngine extends TorchEngine {
  @Override
  public String name() {
    return "pytorch-padded";
  }

  @Override
  NDArray batchLoss(NDManager manager, Params params, CharModel model, List<LabelledSequence> batch) {
    int size = batch.size();
    int steps = batch.stream().mapToInt(s -> s.sequence().length()).max().orElseThrow();
    int hidden = params.hidden;
    float[] target = new float[steps * size * CH];
    float[] weight = new float[steps * size];
    for (int b = 0; b < size; b++) {
      StrokeSequence s = batch.get(b).sequence();
      for (int t = 0; t < s.length(); t++) {
        for (int ch = 0; ch < CH; ch++) {
          target[(t * size + b) * CH + ch] = s.get(t, ch);
        }
        weight[t * size + b] = 1f / (s.length() * CH * size);
      }
    }
    NDArray z = inputs(manager, model, batch).matMul(params.codes);
    NDArray input = z.expandDims(0).broadcast(new Shape(steps, size, hidden));
    NDList state = new NDList(manager.zeros(new Shape(1, size, hidden)), manager.zeros(new Shape(1, size, hidden)));
    NDList out = input.getNDArrayInternal().lstm(input, state, new NDList(params.wIh, params.wHh), false, 1, 0.0,
        true, false, false);
    NDArray y = out.get(0).matMul(params.wOut.transpose());
    return y.sub(manager.create(target, new Shape(steps, size, CH))).square()
        .mul(manager.create(weight, new Shape(steps, size, 1))).sum();
  }
}
