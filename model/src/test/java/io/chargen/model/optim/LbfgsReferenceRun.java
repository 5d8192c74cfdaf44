package io.chargen.model.optim;

import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.Transform;
import io.chargen.model.io.ModelFile;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.OneShotResult;
import io.chargen.model.learn.OneShotSchedule;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Harness of issue 13's L-BFGS comparison (not a test): one-shot learning of n–z of the first writers of a folder
 * with our L-BFGS at a given budget, from the same start codes as {@code evaluate} (seed 1), printing the mean MSE.
 * With {@code --dump F} it also writes the network, the start codes and the examples as JSON for
 * {@code scripts/torch_lbfgs_reference.py}, which runs PyTorch's {@code LBFGS(line_search_fn="strong_wolfe")} on
 * exactly the same problem. Command lines: docs/generation.md, "One-shot letters".
 *
 * <p>Arguments: model, data folder, writers, budget [--dump F].
 */
public final class LbfgsReferenceRun {
  private static final String LETTERS = "nopqrstuvwxyz";
  private static final long SEED = 1;

  private LbfgsReferenceRun() {}

  public static void main(String[] args) throws Exception {
    CharModel model = ModelFile.read(Path.of(args[0]));
    DigiletsDataset data = DigiletsReader.readDataset(Path.of(args[1]));
    List<String> writers = data.writers().stream().sorted().limit(Integer.parseInt(args[2])).toList();
    int budget = Integer.parseInt(args[3]);
    OneShotSchedule schedule = new OneShotSchedule("lbfgs-" + budget, OneShotSchedule.Method.LBFGS, budget, 0);
    OneShotLearner learner = new OneShotLearner(new FastBackend(), schedule);
    StringBuilder problems = new StringBuilder();
    double sum = 0;
    int n = 0;
    for (String writer : writers) {
      for (char c : LETTERS.toCharArray()) {
        String label = String.valueOf(c);
        StrokeSequence example = Transform.apply(data.sample(writer, c, 0));
        float[] start = OneShotLearner.initialCode(model.weights().hidden(), model.concepts().size(), label, SEED);
        OneShotResult r = learner.learnCode(model, start, label, example);
        sum += r.lossAfter();
        n++;
        problems.append(problems.length() == 0 ? "" : ",\n").append(String.format(Locale.ROOT,
            "{\"writer\":\"%s\",\"label\":\"%s\",\"start\":%s,\"example\":%s,\"java_code\":%s,\"java_mse\":%s}",
            writer, label, Arrays.toString(start), Arrays.toString(example.toArray()), Arrays.toString(r.code()),
            r.lossAfter()));
      }
    }
    System.out.printf(Locale.ROOT, "java L-BFGS, %d evaluations: mean MSE %.4f over %d letters of %s%n", budget,
        sum / n, n, writers);
    if (args.length > 5 && args[4].equals("--dump")) {
      try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[5])))) {
        out.printf(Locale.ROOT, "{\"hidden\":%d,\"style\":%s,\"w_ih\":%s,\"w_hh\":%s,\"w_out\":%s,\"problems\":[%s]}%n",
            model.weights().hidden(), Arrays.toString(model.defaultStyleCode()),
            Arrays.toString(model.weights().wIh()), Arrays.toString(model.weights().wHh()),
            Arrays.toString(model.weights().wOut()), problems);
      }
    }
  }
}
