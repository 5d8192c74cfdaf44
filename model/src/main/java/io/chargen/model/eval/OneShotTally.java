package io.chargen.model.eval;

import io.chargen.model.learn.OneShotResult;
import io.chargen.model.learn.OneShotSchedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums one-shot MSEs and times per schedule, plus the untrained and no-inference baselines. */
final class OneShotTally {
  private final Map<String, double[]> sums = new LinkedHashMap<>();

  OneShotTally(List<OneShotSchedule> schedules) {
    schedules.forEach(s -> sums.put(s.name(), new double[3]));
    sums.put("untrained", new double[3]);
    sums.put("no_inference", new double[3]);
  }

  synchronized void add(String key, OneShotResult r, double ms) {
    double[] s = sums.get(key);
    s[0] += r.lossAfter();
    s[1] += ms;
    s[2]++;
  }

  synchronized void addBaselines(Map<String, OneShotResult> primary, Map<String, OneShotResult> untrained) {
    for (OneShotResult r : primary.values()) {
      double[] s = sums.get("no_inference");
      s[0] += r.lossBefore();
      s[2]++;
    }
    for (OneShotResult r : untrained.values()) {
      double[] s = sums.get("untrained");
      s[0] += r.lossAfter();
      s[2]++;
    }
  }

  Map<String, ProtocolResult.OneShotStat> stats() {
    Map<String, ProtocolResult.OneShotStat> out = new LinkedHashMap<>();
    sums.forEach((k, s) -> out.put(k, new ProtocolResult.OneShotStat(s[0] / s[2], s[1] == 0 ? null : s[1] / s[2])));
    return out;
  }
}
