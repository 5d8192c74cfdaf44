package io.chargen.model.dl4j;

import io.chargen.model.LstmWeights;
import io.chargen.model.StrokeSequence;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds DL4J networks of the paper's architecture (Fabi et al. 2020, Sec. 2) in double precision and loads our
 * weights into them. A network is built per call: {@link MultiLayerNetwork} is not thread-safe and keeps RNN state.
 *
 * <p>Two shapes exist. The <em>full</em> network is DenseLayer(K→H, no bias, identity) → LSTM(H) →
 * RnnOutputLayer(H→4, no bias, identity, MSE). The <em>recurrent</em> network starts at the LSTM, so its input is
 * z = W·x and its input gradient is dL/dz. DL4J's LSTM always has a bias, and so does the output layer here (see
 * {@link #output}): both are set to zero (the LSTM forget gate's included, whose default initialisation is 1) and
 * their gradients are ignored.
 */
final class Networks {
  /** Parameter keys of the full network: layer index, underscore, DL4J's parameter name. */
  static final String FULL_CODES = "0_W";
  static final String FULL_LSTM_INPUT = "1_W";
  static final String FULL_LSTM_RECURRENT = "1_RW";
  static final String FULL_LSTM_BIAS = "1_b";
  static final String FULL_OUTPUT = "2_W";
  static final String FULL_OUTPUT_BIAS = "2_b";
  /** Parameter keys of the recurrent network. */
  static final String REC_LSTM_INPUT = "0_W";
  static final String REC_LSTM_RECURRENT = "0_RW";
  static final String REC_LSTM_BIAS = "0_b";
  static final String REC_OUTPUT = "1_W";
  static final String REC_OUTPUT_BIAS = "1_b";
  /** Index of the LSTM layer in the full network, for its RNN state. */
  static final int FULL_LSTM_LAYER = 1;

  private Networks() {}

  /** @return the full network (input: K-dimensional x per step) holding {@code weights} */
  static MultiLayerNetwork full(LstmWeights weights) {
    int hidden = weights.hidden();
    MultiLayerConfiguration conf = base()
        .layer(new DenseLayer.Builder().nIn(weights.concepts()).nOut(hidden).hasBias(false)
            .activation(Activation.IDENTITY).build())
        .layer(lstm(hidden))
        .layer(output(hidden))
        .setInputType(InputType.recurrent(weights.concepts()))
        .build();
    MultiLayerNetwork net = init(conf);
    net.getParam(FULL_CODES).assign(Nd4j.createFromArray(ParameterLayout.codesToDl4j(weights)));
    loadRecurrent(net, weights, FULL_LSTM_INPUT, FULL_LSTM_RECURRENT, FULL_LSTM_BIAS, FULL_OUTPUT);
    net.getParam(FULL_OUTPUT_BIAS).assign(0);
    return net;
  }

  /** @return the recurrent network (input: H-dimensional z per step) holding {@code weights} except the codes */
  static MultiLayerNetwork recurrent(LstmWeights weights) {
    int hidden = weights.hidden();
    MultiLayerConfiguration conf = base()
        .layer(lstm(hidden))
        .layer(output(hidden))
        .setInputType(InputType.recurrent(hidden))
        .build();
    MultiLayerNetwork net = init(conf);
    loadRecurrent(net, weights, REC_LSTM_INPUT, REC_LSTM_RECURRENT, REC_LSTM_BIAS, REC_OUTPUT);
    net.getParam(REC_OUTPUT_BIAS).assign(0);
    return net;
  }

  private static NeuralNetConfiguration.ListBuilder base() {
    return new NeuralNetConfiguration.Builder()
        .dataType(DataType.DOUBLE)
        .weightInit(WeightInit.ZERO)
        .list();
  }

  private static LSTM lstm(int hidden) {
    return new LSTM.Builder().nIn(hidden).nOut(hidden)
        .activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID)
        .forgetGateBiasInit(0)
        .build();
  }

  /**
   * The output layer keeps a bias, zeroed: with {@code hasBias(false)}, DL4J 1.0.0-M2.1's
   * {@code RnnOutputLayer.activate} (inference and {@code rnnTimeStep}) still adds the missing bias and throws.
   */
  private static RnnOutputLayer output(int hidden) {
    return new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(hidden).nOut(StrokeSequence.CHANNELS)
        .activation(Activation.IDENTITY).build();
  }

  private static MultiLayerNetwork init(MultiLayerConfiguration conf) {
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  private static void loadRecurrent(
      MultiLayerNetwork net, LstmWeights weights, String input, String recurrent, String bias, String output) {
    int hidden = weights.hidden();
    net.getParam(input).assign(Nd4j.createFromArray(ParameterLayout.lstmToDl4j(weights.wIh(), hidden)));
    net.getParam(recurrent).assign(Nd4j.createFromArray(ParameterLayout.lstmToDl4j(weights.wHh(), hidden)));
    net.getParam(bias).assign(0);
    net.getParam(output).assign(Nd4j.createFromArray(ParameterLayout.outputToDl4j(weights.wOut(), hidden)));
  }
}
