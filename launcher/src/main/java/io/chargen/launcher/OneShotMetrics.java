package io.chargen.launcher;

import io.chargen.model.Backend;
import io.chargen.model.CharModel;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.eval.BlendQuality;
import io.chargen.model.eval.CodeNorms;
import io.chargen.model.eval.OneShotGeneration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 13's measures of letters learned from one example, as {@code evaluate} writes them: recognition of their
 * regenerations and variants ({@link OneShotGeneration}), their blends ({@link BlendQuality}) and where their codes lie
 * ({@link CodeNorms}).
 */
final class OneShotMetrics {
  private final Backend backend;
  private final DigiletsDataset data;
  private final List<String> letters;
  private final List<String> trained;

  /**
   * @param letters the letters learned one-shot
   * @param trained the letters the network was trained on
   */
  OneShotMetrics(Backend backend, DigiletsDataset data, List<String> letters, List<String> trained) {
    this.backend = backend;
    this.data = data;
    this.letters = letters;
    this.trained = trained;
  }

  /**
   * @param learned per writer, the model with the writer's letters learned one-shot
   * @return {@code recognised}, {@code noise_after_input_layer}, {@code code_norms}
   */
  Map<String, Object> generation(Map<String, CharModel> learned) {
    OneShotGeneration.Result g = new OneShotGeneration(backend).measure(learned, data, letters);
    Map<String, Object> recognised = new LinkedHashMap<>();
    recognised.put("regeneration", g.regeneration());
    g.variants().forEach((sd, v) -> recognised.put("variants_" + sdKey(sd), v));
    recognised.put("ceiling", g.ceiling());
    recognised.put("example", g.example());
    Map<String, Object> noise = new LinkedHashMap<>();
    g.noiseAfterInputLayer().forEach((sd, v) -> noise.put(sdKey(sd), v));
    CodeNorms n = CodeNorms.of(learned.values(), trained, letters);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("letters", String.join("", letters));
    m.put("writers", g.writers());
    m.put("recognised", recognised);
    m.put("noise_after_input_layer", noise);
    m.put("code_norms", Map.of("trained_mean", n.trainedMean(), "trained_max", n.trainedMax(),
        "learned_mean", n.learnedMean(), "learned_max", n.learnedMax(), "learned_outside_trained_span",
        n.outsideSpan()));
    return m;
  }

  /**
   * @param learned per writer, the model with the writer's letters learned one-shot
   * @return {@code closer_to_dominant}, {@code straight_fraction} and the pair counts
   */
  Map<String, Object> blends(Map<String, CharModel> learned) {
    BlendQuality.Result b = new BlendQuality(backend).measure(learned, letters);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("closer_to_dominant", b.closerToDominant());
    m.put("straight_fraction", b.straightFraction());
    m.put("dominant_weight", BlendQuality.DOMINANT);
    m.put("ordered_pairs", b.ordered());
    m.put("even_pairs", b.even());
    return m;
  }

  /** 0.009 → "009", 0.03 → "03", 0.07 → "07": the key names. */
  static String sdKey(double sd) {
    String s = String.format(Locale.ROOT, "%s", sd);
    return s.startsWith("0.") ? s.substring(2) : s.replace('.', '_');
  }
}
