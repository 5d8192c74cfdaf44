package io.chargen.model;

/** Which gradients {@link Backend#gradients} computes; each part costs time, so callers ask only for what they use. */
public enum GradientPart {
  /** dL/dx for the K-dimensional input vector: input inference for classification (Fabi et al. 2020, Sec. 3.3). */
  INPUT,
  /** dL/dz for the H-dimensional LSTM input z = W·x: for a one-hot x this is the gradient of that concept's code,
   * all that one-shot learning needs (Sec. 3.1). */
  PROJECTED_INPUT,
  /** dL/dcodes, K×H: the input layer's gradient (training). */
  INPUT_WEIGHTS,
  /** dL/dW_ih and dL/dW_hh, 4H×H each (training). */
  RECURRENT_WEIGHTS,
  /** dL/dW_out, 4×H (training). */
  OUTPUT_WEIGHTS
}
