package io.chargen.model.classify;

import io.chargen.model.Classifier;
import io.chargen.model.StrokeSequence;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Parses {@link ClassifierDevRun}'s variant specs into classifier factories. */
final class DevVariants {
  private DevVariants() {}

  static Function<Map<String, StrokeSequence>, Classifier> parse(String spec) {
    if (spec.equals("baseline")) {
      return DtwClassifier::new;
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
    return templates -> {
      Map<String, List<StrokeSequence>> t = new LinkedHashMap<>();
      templates.forEach((l, s) -> t.put(l, List.of(s)));
      return new ShapeDtwClassifier(t, o);
    };
  }

  private static double d(Map<String, String> p, String key, double def) {
    return p.containsKey(key) ? Double.parseDouble(p.get(key)) : def;
  }
}
