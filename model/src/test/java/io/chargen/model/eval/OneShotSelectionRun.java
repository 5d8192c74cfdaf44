package io.chargen.model.eval;

import io.chargen.model.CharModel;
import io.chargen.model.StrokeSequence;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.Transform;
import io.chargen.model.io.ModelFile;
import io.chargen.model.kernel.FastBackend;
import io.chargen.model.learn.CodePrior;
import io.chargen.model.learn.NoiseRobustness;
import io.chargen.model.learn.OneShotLearner;
import io.chargen.model.learn.OneShotResult;
import io.chargen.model.learn.OneShotSchedule;
import io.chargen.model.learn.StyleLearner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Harness of issue 13's choice of one-shot learning (not a test): every candidate learns n–z of every writer of a
 * folder one-shot (instance 0, seed 1; writers in parallel, so its ms per letter is no latency figure), and is
 * measured with {@code evaluate}'s protocol ({@link OneShotGeneration}, {@link BlendQuality}, {@link CodeNorms}).
 * The writers are split into groups of {@code groupSize} (every k-th writer by name) and each group is measured on
 * its own, so that on data/splits/train (52 writers, 4 groups of 13) every letter is classified 13-way against the 12
 * other writers of its group, exactly like the 13 held-out writers in {@code evaluate}. Candidates are chosen on the
 * training writers only; see docs/generation.md, "One-shot letters", for the command lines and results.
 *
 * <p>Arguments: model, data folder, group size, optionally {@code --groups=N} (measure only the first N groups, for
 * quick comparisons) and {@code --writer-style} (learn each writer's style from instance 0 of a–m first and learn and
 * draw n–z in it, {@link StyleLearner}; a different protocol: 13 more examples per writer), then candidates {@code SCHEDULE[@BUDGET][+PRIOR][~POSITION_WEIGHT][^DRAWS:SD:WEIGHT]}, e.g.
 * {@code fast}, {@code fast@30}, {@code paper}, {@code fast+gauss:0.01:0.1}, {@code fast+mean+norm:1:2~0.1},
 * {@code fast-plain+mean+norm:1:3~0.1^4:0.03:1} ({@link CodePrior#parse}, {@link OneShotSchedule#positionWeight},
 * {@link NoiseRobustness#parse}).
 */
public final class OneShotSelectionRun {
  private static final long SEED = 1;

  private OneShotSelectionRun() {}

  public static void main(String[] args) throws Exception {
    CharModel base = ModelFile.read(Path.of(args[0]));
    DigiletsDataset data = DigiletsReader.readDataset(Path.of(args[1]));
    int groupSize = Integer.parseInt(args[2]);
    List<String> writers = data.writers().stream().sorted().toList();
    int groups = Math.max(1, writers.size() / groupSize);
    int first = 3;
    int measured = groups;
    if (args[first].startsWith("--groups=")) {
      measured = Integer.parseInt(args[first].substring("--groups=".length()));
      first++;
    }
    boolean writerStyle = args[first].equals("--writer-style");
    if (writerStyle) {
      first++;
    }
    List<String> newLetters = new ArrayList<>();
    for (char c = 'n'; c <= 'z'; c++) {
      newLetters.add(String.valueOf(c));
    }
    System.out.printf("%s on %d writers of %s in %d groups, measuring %d%n", args[0], writers.size(), args[1],
        groups, measured);
    System.out.println("candidate | mse ms/letter | regen v009 v03 v07 ceiling example | regen/ceil v03/ceil | closer"
        + " straight | norm mean max outside | noise03");
    for (int a = first; a < args.length; a++) {
      OneShotSchedule schedule = parse(args[a]);
      double[] total = new double[15];
      int counted = 0;
      for (int g = 0; g < measured; g++) {
        List<String> members = new ArrayList<>();
        for (int i = g; i < writers.size(); i += groups) {
          members.add(writers.get(i));
        }
        double[] r = measureGroup(base, data, members, newLetters, schedule, writerStyle);
        for (int i = 0; i < r.length; i++) {
          total[i] += r[i] * members.size();
        }
        counted += members.size();
      }
      for (int i = 0; i < total.length; i++) {
        total[i] /= counted;
      }
      System.out.printf(Locale.ROOT, "%s | %.4f %.1f | %.3f %.3f %.3f %.3f %.3f %.3f | %.3f %.3f | %.3f %.4f"
          + " | %.2f %.2f %.2f | %.3f%n", args[a], total[0], total[1], total[2], total[3], total[4], total[5],
          total[6], total[13], total[2] / total[6], total[4] / total[6], total[7], total[8], total[9], total[10],
          total[11], total[12]);
    }
  }

  static OneShotSchedule parse(String spec) {
    String[] noiseSplit = spec.split("\\^", 2);
    OneShotSchedule s = parsePosition(noiseSplit[0]);
    return noiseSplit.length > 1 ? s.withNoise(NoiseRobustness.parse(noiseSplit[1])) : s;
  }

  private static OneShotSchedule parsePosition(String spec) {
    String[] positionSplit = spec.split("~", 2);
    OneShotSchedule s = parseSchedule(positionSplit[0]);
    return positionSplit.length > 1 ? s.withPositionWeight(Double.parseDouble(positionSplit[1])) : s;
  }

  private static OneShotSchedule parseSchedule(String spec) {
    String[] priorSplit = spec.split("\\+", 2);
    String[] budgetSplit = priorSplit[0].split("@", 2);
    OneShotSchedule s = OneShotSchedule.byName(budgetSplit[0]);
    if (budgetSplit.length > 1) {
      s = s.withBudget(Integer.parseInt(budgetSplit[1]));
    }
    return priorSplit.length > 1 ? s.withPrior(CodePrior.parse(priorSplit[1])) : s;
  }

  /** The base model with the writer's style learned from instance 0 of a–m, as its default style. */
  private static CharModel inWritersStyle(CharModel base, DigiletsDataset data, String writer,
      OneShotSchedule schedule) {
    Map<String, StrokeSequence> examples = new LinkedHashMap<>();
    for (char c = 'a'; c <= 'm'; c++) {
      examples.put(String.valueOf(c), Transform.apply(data.sample(writer, c, 0)));
    }
    String style = "@new-" + writer;
    return new StyleLearner(new FastBackend(), schedule).learn(base, style, examples)
        .withMetadata(Map.of(CharModel.DEFAULT_STYLE_KEY, style));
  }

  private static double[] measureGroup(CharModel base, DigiletsDataset data, List<String> members,
      List<String> letters, OneShotSchedule schedule, boolean writerStyle) {
    OneShotLearner learner = new OneShotLearner(new FastBackend(), schedule);
    Map<String, double[]> stats = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, CharModel> byWriter = new java.util.concurrent.ConcurrentHashMap<>();
    members.parallelStream().forEach(w -> {
      CharModel styled = writerStyle ? inWritersStyle(base, data, w, schedule) : base;
      CharModel m = styled;
      double[] st = new double[2];
      for (String l : letters) {
        StrokeSequence example = Transform.apply(data.sample(w, l.charAt(0), 0));
        long start = System.nanoTime();
        OneShotResult r = learner.learnCode(styled,
            OneShotLearner.initialCode(styled.weights().hidden(), styled.concepts().size(), l, SEED), l, example,
            letters.size());
        st[1] += (System.nanoTime() - start) / 1e6;
        st[0] += r.lossAfter();
        m = m.withConcept(l, r.code()).withNaturalLength(l, example.length());
      }
      stats.put(w, st);
      byWriter.put(w, m);
    });
    Map<String, CharModel> learned = new LinkedHashMap<>();
    members.forEach(w -> learned.put(w, byWriter.get(w)));
    double mse = stats.values().stream().mapToDouble(st -> st[0]).sum();
    double ms = stats.values().stream().mapToDouble(st -> st[1]).sum();
    int n = members.size() * letters.size();
    FastBackend backend = new FastBackend();
    OneShotGeneration.Result gen = new OneShotGeneration(backend).measure(learned, data, letters);
    BlendQuality.Result blends = new BlendQuality(backend).measure(learned, letters);
    CodeNorms norms = CodeNorms.of(learned.values(), base.trainedLetters(), letters);
    return new double[] {mse / n, ms / n, gen.regeneration(), gen.variants().get(0.009), gen.variants().get(0.03),
        gen.variants().get(0.07), gen.ceiling(), blends.closerToDominant(), blends.straightFraction(),
        norms.learnedMean(), norms.learnedMax(), norms.outsideSpan(), gen.noiseAfterInputLayer().get(0.03),
        gen.example()};
  }
}
