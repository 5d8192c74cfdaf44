package io.chargen.benchmarks;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.dl4j.Dl4jBackend;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.train.LabelledSequence;
import io.chargen.model.train.Trainer;
import io.chargen.model.train.TrainingConfig;
import java.util.List;
import java.util.ServiceLoader;

/** This project's {@code Trainer} on one of its backends, and the lookup of every engine by name. */
final class TrainerEngine implements TrainingEngine {
  private final String name;
  private final Backend backend;

  private TrainerEngine(String name, Backend backend) {
    this.name = name;
    this.backend = backend;
  }

  /**
   * @param name {@code chargen} (the vectorised kernel), {@code chargen-scalar} (the loops it replaced), {@code dl4j},
   *     or an engine registered as a {@link TrainingEngine} service, e.g. {@code pytorch-padded}
   * @return the engine
   */
  static TrainingEngine byName(String name) {
    return switch (name) {
      case "chargen" -> new TrainerEngine(name, new FastBackend());
      case "chargen-scalar" -> new TrainerEngine(name, FastBackend.scalarLoops());
      case "dl4j" -> new TrainerEngine(name, new Dl4jBackend());
      default -> ServiceLoader.load(TrainingEngine.class).stream().map(ServiceLoader.Provider::get)
          .filter(e -> e.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no training engine '" + name + "'; the PyTorch ones "
              + "(pytorch-padded, pytorch-packed) need the benchmarks built with -Ptorch"));
    };
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double trainEpoch(CharModel start, List<LabelledSequence> samples, TrainingConfig config) {
    double[] loss = {Double.NaN};
    new Trainer(backend, config).train(start, samples,
        (epoch, total, batch, batches, epochLoss) -> loss[0] = epochLoss);
    return loss[0];
  }
}
