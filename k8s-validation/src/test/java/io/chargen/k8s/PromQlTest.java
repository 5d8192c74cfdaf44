package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  @DisplayName("selectors are found through functions, aggregations, grouping labels, ranges and numbers")
  void findsSelectors() {
    List<PromQl.Selector> s = PromQl.selectors("histogram_quantile(0.95, sum by (namespace, le) "
        + "(rate(learner_oneshot_duration_seconds_bucket{kind=\"letter\", topic=~\"chargen\\\\..+\"}[10m]))) > 1 "
        + "or on (namespace) sum(x_total offset 5m) / ignoring(pod) {__name__=~\"a_.+\"}");
    assertThat(s).extracting(PromQl.Selector::name)
        .containsExactly("learner_oneshot_duration_seconds_bucket", "x_total", null);
    assertThat(s.get(0).matchers()).containsExactly(new PromQl.Matcher("kind", "=", "letter"),
        new PromQl.Matcher("topic", "=~", "chargen\\..+"));
    assertThat(s.get(2).matchers()).containsExactly(new PromQl.Matcher("__name__", "=~", "a_.+"));
  }

  @Test
  @DisplayName("the monitoring harness sees the selectors of every alert, every dashboard panel and the alert tests")
  void monitoringSelectorsAreFound() {
    List<Monitoring.Use> uses = Monitoring.uses();
    for (String alert : Monitoring.alerts().keySet()) {
      assertThat(uses).as("selectors of alert %s", alert).anyMatch(u -> u.where().equals("alert " + alert));
    }
    for (String panel : Monitoring.panelQueries().keySet()) {
      assertThat(uses).as("selectors of panel %s", panel).anyMatch(u -> u.where().equals("panel '" + panel + "'"));
    }
    assertThat(uses).anyMatch(u -> u.where().startsWith("test series of"));
    assertThat(Monitoring.jmxMetrics()).containsKeys("kafka_server_replicamanager_underreplicatedpartitions",
        "kafka_server_brokertopicmetrics_messagesin_total");
  }
}
