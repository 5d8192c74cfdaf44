package io.chargen.k8s;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monitoring of k8s/components/monitoring as data: the PrometheusRule's rules, the Grafana dashboard's queries,
 * the promtool unit tests' input series, every PromQL selector in them, and the metrics that come from outside the
 * services (the Kafka Exporter's, and the JMX exporter's as the rules in k8s/base/kafka/kafka-metrics.yaml name
 * them).
 */
final class Monitoring {
  static final String DIR = "k8s/components/monitoring/";
  static final String RULES = DIR + "prometheus-rules.yaml";
  static final String DASHBOARD = DIR + "grafana-dashboard.json";
  static final String RULE_TESTS = DIR + "alerts-test.yaml";
  static final String JMX_RULES = "k8s/base/kafka/kafka-metrics.yaml";
  /**
   * The Kafka Exporter's metrics (Strimzi runs danielqsj/kafka_exporter; names and labels as its documentation
   * lists them). Label sets: the exporter's own labels.
   */
  static final Map<String, Set<String>> KAFKA_EXPORTER = Map.of(
      "kafka_consumergroup_lag", Set.of("consumergroup", "topic", "partition"),
      "kafka_consumergroup_current_offset", Set.of("consumergroup", "topic", "partition"),
      "kafka_consumergroup_members", Set.of("consumergroup"),
      "kafka_topic_partition_current_offset", Set.of("topic", "partition"),
      "kafka_topic_partition_oldest_offset", Set.of("topic", "partition"),
      "kafka_topic_partitions", Set.of("topic"),
      "kafka_brokers", Set.of());
  /** Labels Prometheus adds to every scraped series (PodMonitor targets), whatever the exporter. */
  static final Set<String> TARGET_LABELS = Set.of("namespace", "pod", "container", "endpoint", "job", "instance",
      "le");
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  /**
   * A selector and where it was found.
   *
   * @param where e.g. {@code alert ChargenConsumerLagHigh}
   * @param selector the selector
   */
  record Use(String where, PromQl.Selector selector) {}

  private Monitoring() {}

  /** @return the PrometheusRule's rule groups, as Prometheus reads a rules file ({@code groups: …}) */
  @SuppressWarnings("unchecked")
  static Map<String, Object> ruleGroups() {
    Map<String, Object> rule = YAML.unmarshal(Repository.read(Repository.root().resolve(RULES)), Map.class);
    return Map.of("groups", ((Map<String, Object>) rule.get("spec")).get("groups"));
  }

  /** @return alert name → expression */
  @SuppressWarnings("unchecked")
  static Map<String, String> alerts() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) ruleGroups().get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        out.put(String.valueOf(rule.getOrDefault("alert", rule.get("record"))), String.valueOf(rule.get("expr")));
      }
    }
    return out;
  }

  /** @return the parsed dashboard */
  @SuppressWarnings("unchecked")
  static Map<String, Object> dashboard() {
    return YAML.unmarshal(Repository.read(Repository.root().resolve(DASHBOARD)), Map.class);
  }

  /** @return panel title → its queries */
  @SuppressWarnings("unchecked")
  static Map<String, List<String>> panelQueries() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard().get("panels")) {
      List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.getOrDefault("targets", List.of());
      if (!targets.isEmpty()) {
        out.put(String.valueOf(panel.get("title")), targets.stream().map(t -> String.valueOf(t.get("expr"))).toList());
      }
    }
    return out;
  }

  /** @return every selector of the alerts, the dashboard and the unit tests' input series */
  @SuppressWarnings("unchecked")
  static List<Use> uses() {
    List<Use> out = new ArrayList<>();
    alerts().forEach((alert, expr) -> PromQl.selectors(expr).forEach(s -> out.add(new Use("alert " + alert, s))));
    panelQueries().forEach((panel, exprs) -> exprs.forEach(expr -> PromQl.selectors(expr)
        .forEach(s -> out.add(new Use("panel '" + panel + "'", s)))));
    Map<String, Object> tests = YAML.unmarshal(Repository.read(Repository.root().resolve(RULE_TESTS)), Map.class);
    for (Map<String, Object> test : (List<Map<String, Object>>) tests.get("tests")) {
      for (Map<String, Object> series : (List<Map<String, Object>>) test.get("input_series")) {
        PromQl.selectors(String.valueOf(series.get("series")))
            .forEach(s -> out.add(new Use("test series of '" + test.get("name") + "'", s)));
      }
    }
    return out;
  }

  /**
   * The names the JMX exporter rules produce: each rule's {@code name} with {@code $n} replaced by each alternative
   * of the pattern's n-th group, lower-cased as {@code lowercaseOutputName} asks.
   *
   * @return metric name → its labels from the rule
   */
  @SuppressWarnings("unchecked")
  static Map<String, Set<String>> jmxMetrics() {
    Map<String, Object> configMap = YAML.unmarshal(Repository.read(Repository.root().resolve(JMX_RULES)), Map.class);
    String config = ((Map<String, String>) configMap.get("data")).values().iterator().next();
    Map<String, Object> parsed = YAML.unmarshal(config, Map.class);
    boolean lower = Boolean.TRUE.equals(parsed.get("lowercaseOutputName"));
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Map<String, Object> rule : (List<Map<String, Object>>) parsed.get("rules")) {
      List<List<String>> groups = new ArrayList<>();
      Matcher g = Pattern.compile("\\(([^()]*)\\)").matcher(String.valueOf(rule.get("pattern")));
      while (g.find()) {
        groups.add(List.of(g.group(1).split("\\|")));
      }
      Set<String> labels = new TreeSet<>(((Map<String, Object>) rule.getOrDefault("labels", Map.of())).keySet());
      for (String name : expand(String.valueOf(rule.get("name")), groups)) {
        out.put(lower ? name.toLowerCase(java.util.Locale.ROOT) : name, labels);
      }
    }
    return out;
  }

  private static List<String> expand(String template, List<List<String>> groups) {
    Matcher ref = Pattern.compile("\\$(\\d)").matcher(template);
    if (!ref.find()) {
      return List.of(template);
    }
    List<String> out = new ArrayList<>();
    for (String alternative : groups.get(Integer.parseInt(ref.group(1)) - 1)) {
      out.addAll(expand(template.substring(0, ref.start()) + alternative + template.substring(ref.end()), groups));
    }
    return out;
  }

  /** @return the metrics from outside the services: name → labels the exporter gives them */
  static Map<String, Set<String>> externalMetrics() {
    Map<String, Set<String>> out = new LinkedHashMap<>(KAFKA_EXPORTER);
    out.putAll(jmxMetrics());
    return out;
  }
}
