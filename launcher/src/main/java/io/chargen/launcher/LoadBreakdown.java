package io.chargen.launcher;

import io.chargen.launcher.LocalSystem.Service;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a query's time goes, from the services' own timers (Prometheus text of {@code /metrics}), as means over the
 * run: capture's produce until the broker's acknowledgement, the classifier's classification itself. The rest of the
 * end-to-end latency is the two consumer hops (poll, lane, result produce, capture's follower) and waiting for a core.
 */
final class LoadBreakdown {
  private LoadBreakdown() {}

  static Map<String, Object> of(LocalSystem system) throws Exception {
    DemoHttp http = new DemoHttp(system.clientToken());
    String capture = http.text(system.managementUrl(Service.CAPTURE) + "/metrics");
    String classifier = http.text(system.managementUrl(Service.CLASSIFIER) + "/metrics");
    Map<String, Object> means = new LinkedHashMap<>();
    means.put("capture_publish_to_ack_ms", meanMs(capture, "capture_publish_duration_seconds",
        "topic=\"chargen.queries\""));
    means.put("classifier_classification_ms", meanMs(classifier, "classifier_classification_duration_seconds", ""));
    return means;
  }

  private static double meanMs(String metrics, String timer, String tag) {
    double sum = value(metrics, timer + "_sum", tag);
    double count = value(metrics, timer + "_count", tag);
    return count == 0 ? Double.NaN : Math.round(sum / count * 1e5) / 100.0;
  }

  private static double value(String metrics, String name, String tag) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(metrics);
    while (m.find()) {
      if (m.group(1).contains(tag)) {
        return Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }
}
