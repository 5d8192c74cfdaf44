package io.chargen.benchmarks;

import io.chargen.model.CharModel;
import io.chargen.model.ConceptSet;
import io.chargen.model.LstmWeights;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.Transform;
import io.chargen.model.train.LabelledSequence;
import io.chargen.model.train.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The paper's training as `chargen train --paper` runs it, for the training-step benchmarks: letters a–m of the 52
 * training writers (data/splits/train), the untrained network of seed 1 (26 letter concepts, H = 100), and the
 * first {@link #BATCHES} batches of 32 of a seeded shuffle, so the lengths are those of the training data (about
 * 31 steps on average; one writer's letters, the workload before issue 14, averaged 14).
 */
final class TrainingWorkload {
  static final String TRAIN_DIR = "data/splits/train";
  /** Batches per benchmark invocation: enough that their mean length is within a step of the data's. */
  static final int BATCHES = 8;
  static final long SEED = 1;
  static final String LETTERS = "abcdefghijklm";
  static final String CONCEPTS = "abcdefghijklmnopqrstuvwxyz";

  final List<LabelledSequence> all;
  /** {@link #BATCHES} × 32 samples, in the order the benchmark's one epoch shuffles them from. */
  final List<LabelledSequence> samples;
  final CharModel start;

  TrainingWorkload() {
    try {
      DigiletsDataset data = DigiletsReader.readDataset(Workload.home().resolve(TRAIN_DIR))
          .filter(s -> LETTERS.indexOf(s.label()) >= 0);
      all = data.samples().stream()
          .map(s -> new LabelledSequence(String.valueOf(s.label()), Transform.apply(s))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<LabelledSequence> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(SEED));
    samples = List.copyOf(shuffled.subList(0, BATCHES * TrainingConfig.PAPER_BATCH));
    ConceptSet concepts = ConceptSet.ofCharacters(CONCEPTS);
    start = new CharModel(concepts, LstmWeights.random(concepts.size(), LstmWeights.PAPER_HIDDEN, SEED), Map.of());
    System.out.printf("%n[training workload] %d samples of a-m from %s, mean length %.1f steps; benchmark's %d "
        + "samples: mean length %.1f steps%n", all.size(), TRAIN_DIR, meanLength(all), samples.size(),
        meanLength(samples));
  }

  /** @return the config of one epoch over {@link #samples}: {@link #BATCHES} Adam steps of the paper's settings */
  static TrainingConfig oneEpoch() {
    return TrainingConfig.paper(1, SEED);
  }

  static double meanLength(List<LabelledSequence> samples) {
    return samples.stream().mapToInt(s -> s.sequence().length()).average().orElse(0);
  }
}
