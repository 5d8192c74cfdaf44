package io.chargen.model.io;

import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Imports weights trained by the authors' PyTorch model (Fabi et al. 2020, Sec. 2: Linear(K→H, no bias) →
 * LSTM(H, no bias) → Linear(H→4, no bias)) from a {@code .npz} holding float32 arrays in PyTorch's layout:
 *
 * <ul>
 *   <li>{@code lin1}: H×K, the input Linear's weight; column k is concept k's code, so
 *       {@code codes[k][j] = lin1[j][k]};
 *   <li>{@code w_ih}, {@code w_hh}: 4H×H, the LSTM's {@code weight_ih_l0} and {@code weight_hh_l0}, rows in
 *       PyTorch's gate order i, f, g, o, which is also {@link LstmWeights}' order (no permutation);
 *   <li>{@code lin2}: 4×H, the output Linear's weight.
 * </ul>
 *
 * Written e.g. by {@code numpy.savez("w.npz", lin1=m.lin1.weight.detach().numpy(), ...)}. Other arrays are ignored.
 */
public final class TorchImport {
  /** Array name of the input Linear's weight (H×K). */
  public static final String LIN1 = "lin1";
  /** Array name of the LSTM input-to-hidden weight (4H×H). */
  public static final String W_IH = "w_ih";
  /** Array name of the LSTM hidden-to-hidden weight (4H×H). */
  public static final String W_HH = "w_hh";
  /** Array name of the output Linear's weight (4×H). */
  public static final String LIN2 = "lin2";

  private TorchImport() {
  }

  /**
   * @param npz the archive
   * @return the network's weights
   * @throws NpzFormatException naming the file and array if an array is missing, not float32, or of the wrong
   *     shape, or if the arrays disagree on the hidden size
   * @throws IOException if the file cannot be read
   */
  public static LstmWeights read(Path npz) throws IOException {
    Map<String, NpyArray> arrays = NpzReader.read(npz);
    NpyArray lin1 = require(npz, arrays, LIN1);
    if (lin1.rank() != 2) {
      throw new NpzFormatException(npz + ": array '" + LIN1 + "' has shape " + lin1.shapeText()
          + ", expected 2 dimensions (hidden, concepts)");
    }
    int hidden = lin1.dimension(0);
    int concepts = lin1.dimension(1);
    NpyArray wIh = requireShape(npz, arrays, W_IH, hidden, LstmWeights.GATES * hidden, hidden);
    NpyArray wHh = requireShape(npz, arrays, W_HH, hidden, LstmWeights.GATES * hidden, hidden);
    NpyArray lin2 = requireShape(npz, arrays, LIN2, hidden, StrokeSequence.CHANNELS, hidden);
    float[][] codes = new float[concepts][hidden];
    for (int k = 0; k < concepts; k++) {
      for (int j = 0; j < hidden; j++) {
        codes[k][j] = lin1.at(j, k);
      }
    }
    try {
      return new LstmWeights(codes, wIh.data(), wHh.data(), lin2.data());
    } catch (IllegalArgumentException e) {
      throw new NpzFormatException(npz + ": " + e.getMessage(), e);
    }
  }

  private static NpyArray require(Path npz, Map<String, NpyArray> arrays, String name) throws NpzFormatException {
    NpyArray array = arrays.get(name);
    if (array == null) {
      throw new NpzFormatException(npz + " has no array '" + name + "'; expected " + LIN1 + ", " + W_IH + ", "
          + W_HH + " and " + LIN2 + ", found " + arrays.keySet());
    }
    return array;
  }

  private static NpyArray requireShape(Path npz, Map<String, NpyArray> arrays, String name, int hidden,
      int rows, int columns) throws NpzFormatException {
    NpyArray array = require(npz, arrays, name);
    if (array.rank() != 2 || array.dimension(0) != rows || array.dimension(1) != columns) {
      throw new NpzFormatException(npz + ": array '" + name + "' has shape " + array.shapeText() + ", expected "
          + NpyArray.shapeText(rows, columns) + " for hidden size " + hidden + " (from " + LIN1
          + "'s first dimension)");
    }
    return array;
  }
}
