package io.chargen.model.classify;

import io.chargen.model.Classifier;
import io.chargen.model.StrokeSequence;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import io.chargen.model.CharModel;
import io.chargen.model.generate.Generator;
import io.chargen.model.kernel.FastBackend;

/** Parses {@link ClassifierDevRun}'s variant specs into classifier factories. */
final class DevVariants {
  private DevVariants() {}

  static BiFunction<Supplier<CharModel>, Map<String, StrokeSequence>, Classifier> parse(String spec) {
    if (spec.equals("baseline")) {
      return (model, templates) -> new DtwClassifier(templates);
    }
    String[] kv = spec.split(":", 2);
    Map<String, String> p = new HashMap<>();
    if (kv.length > 1) {
      for (String s : kv[1].split(",")) {
        String[] e = s.split("=");
        p.put(e[0], e[1]);
      }
    }
    ShapeOptions o = new ShapeOptions(Integer.parseInt(p.getOrDefault("points", "48")),
        d(p, "pos", 1), d(p, "dir", 0.5), d(p, "pen", 0.5), d(p, "band", 0.15));
    int gen = (int) d(p, "gen", -1);
    GenerativeTemplates generative = new GenerativeTemplates(new Generator(new FastBackend()), Math.max(0, gen),
        d(p, "noise", 0.03), 1);
    return (model, templates) -> {
      Map<String, List<StrokeSequence>> t = new LinkedHashMap<>();
      TemplateAugmenter aug = new TemplateAugmenter(d(p, "shear", 0), d(p, "stretch", 0));
      if (gen >= 0) {
        generative.templates(model.get(), templates).forEach((l, list) -> {
          List<StrokeSequence> all = new java.util.ArrayList<>();
          list.forEach(x -> all.addAll(aug.augment(x)));
          t.put(l, all);
        });
        return new ShapeDtwClassifier(t, o);
      }
      templates.forEach((l, s) -> t.put(l, aug.augment(s)));
      return new ShapeDtwClassifier(t, o);
    };
  }

  private static double d(Map<String, String> p, String key, double def) {
    return p.containsKey(key) ? Double.parseDouble(p.get(key)) : def;
  }
}
