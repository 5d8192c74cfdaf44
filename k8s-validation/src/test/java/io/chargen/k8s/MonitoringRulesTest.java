package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.chargen.proto.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerting rules and the dashboard, offline: promtool checks the rules and runs their unit tests; the metrics
 * from the Kafka Exporter and the JMX exporter are ones those export, with the services' consumer groups and the
 * catalogue's topics; the lag thresholds follow the autoscaling. (That every metric of the services exists, with
 * its labels, is MonitoringIT's check against running services.)
 */
class MonitoringRulesTest {
  private static final String PROMTOOL = System.getenv().getOrDefault("PROMTOOL", "promtool");
  private static final Pattern LAG_BOUND = Pattern.compile(
      "consumergroup=\"([^\"]+)\", topic=\"([^\"]+)\"\\}\\)\\s*>\\s*(\\d+)");

  @Test
  @DisplayName("promtool accepts the rules and their unit tests pass (each alert fires on a bad case, not a good one)")
  void promtoolChecksAndTestsTheRules(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("prometheus-rules.rules.yaml");
    Files.writeString(rules, new KubernetesSerialization().asYaml(Monitoring.ruleGroups()));
    Files.copy(Repository.root().resolve(Monitoring.RULE_TESTS), dir.resolve("alerts-test.yaml"));
    promtool(dir, "check", "rules", rules.getFileName().toString());
    String tested = promtool(dir, "test", "rules", "alerts-test.yaml");
    assertThat(tested).contains("SUCCESS");
    assertThat(Monitoring.alerts().keySet()).as("every alert has a unit test")
        .allMatch(a -> Repository.read(Repository.root().resolve(Monitoring.RULE_TESTS)).contains("alertname: " + a));
  }

  @Test
  @DisplayName("Exporter metrics are ones the Kafka Exporter or the JMX rules produce, with their labels, our groups and topics")
  void externalMetricsAndTheirLabelsExist() {
    Map<String, Set<String>> external = Monitoring.externalMetrics();
    Set<String> groups = Set.copyOf(ServiceDeploymentsTest.SERVICES.stream()
        .map(s -> ServiceDefaults.of(s).get("CHARGEN_GROUP_ID")).filter(Objects::nonNull).toList());
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Monitoring.Use use : Monitoring.uses()) {
      String name = use.selector().name();
      if (name == null || !external.containsKey(name)) {
        continue;
      }
      checked++;
      for (PromQl.Matcher m : use.selector().matchers()) {
        if (!external.get(name).contains(m.label()) && !Monitoring.TARGET_LABELS.contains(m.label())) {
          problems.add(use.where() + ": " + name + " has no label " + m.label());
        } else if ("consumergroup".equals(m.label())) {
          checkValue(use, m, groups, problems);
        } else if ("topic".equals(m.label())) {
          checkValue(use, m, Set.copyOf(Topics.names()), problems);
        }
      }
    }
    assertThat(checked).as("selectors of exporter metrics").isPositive();
    assertThat(problems).isEmpty();
  }

  private static void checkValue(Monitoring.Use use, PromQl.Matcher m, Set<String> known, List<String> problems) {
    if (m.value().contains("$")) {
      return; // a dashboard variable
    }
    if (m.literal() && !known.contains(m.value())) {
      problems.add(use.where() + ": " + m.label() + "=\"" + m.value() + "\" is none of " + known);
    } else if ("=~".equals(m.op()) && known.stream().noneMatch(v -> v.matches(m.value()))) {
      problems.add(use.where() + ": " + m.label() + "=~\"" + m.value() + "\" matches none of " + known);
    }
  }

  @Test
  @DisplayName("The lag alert of an autoscaled group fires at what its maximum replicas drain: lagThreshold × maxReplicaCount")
  void lagThresholdsFollowTheAutoscaling() {
    Matcher bound = LAG_BOUND.matcher(Monitoring.alerts().get("ChargenConsumerLagHigh"));
    Manifests prod = Kustomize.render("prod");
    int scaled = 0;
    while (bound.find()) {
      String group = bound.group(1);
      for (GenericKubernetesResource so : prod.custom("ScaledObject")) {
        List<Map<String, Object>> triggers = so.get("spec", "triggers");
        for (Map<String, Object> t : triggers) {
          @SuppressWarnings("unchecked")
          Map<String, Object> meta = (Map<String, Object>) t.get("metadata");
          if ("kafka".equals(t.get("type")) && group.equals(meta.get("consumerGroup"))) {
            assertThat(meta.get("topic")).as("topic of %s", group).isEqualTo(bound.group(2));
            int max = ((Number) so.get("spec", "maxReplicaCount")).intValue();
            assertThat(Integer.parseInt(bound.group(3))).as("lag bound of %s = lagThreshold × maxReplicaCount", group)
                .isEqualTo(Integer.parseInt(meta.get("lagThreshold").toString()) * max);
            scaled++;
          }
        }
      }
    }
    assertThat(scaled).as("autoscaled groups with a lag bound").isEqualTo(prod.custom("ScaledObject").size());
  }

  @Test
  @DisplayName("The dashboard is valid JSON with a stable uid, and every query panel uses the chosen Prometheus")
  @SuppressWarnings("unchecked")
  void dashboardIsUsable() {
    Map<String, Object> dashboard = Monitoring.dashboard();
    assertThat(dashboard.get("uid")).isEqualTo("chargen-operations");
    assertThat(Monitoring.panelQueries()).isNotEmpty();
    for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
      if (panel.containsKey("targets")) {
        assertThat((Map<String, Object>) panel.get("datasource")).as("datasource of '%s'", panel.get("title"))
            .containsEntry("uid", "${datasource}");
      }
    }
    assertThat(Kustomize.render("prod").all(io.fabric8.kubernetes.api.model.ConfigMap.class))
        .as("the dashboard ConfigMap the Grafana sidecar loads")
        .anyMatch(c -> "1".equals(c.getMetadata().getLabels().get("grafana_dashboard"))
            && c.getData().containsKey("chargen-dashboard.json"));
  }

  private static String promtool(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(PROMTOOL));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return fail("cannot run promtool: install Debian's prometheus package (.ci/run does) or set PROMTOOL: %s",
          e.getMessage());
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return fail("promtool %s did not finish", String.join(" ", args));
    }
    assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args), out).isZero();
    return out;
  }
}
