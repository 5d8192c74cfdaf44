package io.chargen.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargen.kafka.FreePorts;
import io.chargen.kafka.KafkaBroker;
import io.chargen.kafka.KafkaTestBroker;
import io.chargen.launcher.LocalSystem.Service;
import io.chargen.launcher.LocalSystem;
import io.chargen.service.security.DevKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric of the services that an alert, a dashboard panel or an alert unit test uses is one the services
 * really register, with the labels and label values used: the four services run on a real broker and their
 * {@code /metrics} are read. No list of names is kept by hand, so a renamed meter or tag fails here.
 */
@ExtendWith(KafkaTestBroker.class)
class MonitoringIT {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+\\S+.*$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  /** metric → label → values seen. */
  private static final Map<String, Map<String, Set<String>>> SCRAPED = new TreeMap<>();
  private static LocalSystem system;

  @BeforeAll
  static void scrapeRunningServices(KafkaBroker broker) throws Exception {
    broker.createTopics(LocalSystem.topics());
    int[] free = FreePorts.pick(Service.values().length);
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      ports.put(s, free[s.ordinal()]);
    }
    system = new LocalSystem(broker.bootstrapServers(), Repository.root().resolve("models/base.cgm"), ports,
        DevKeys.createOrLoad(java.nio.file.Files.createTempDirectory("monitoring-it-keys")), LocalSystem.LOCAL_HOST)
        .start(System.err);
    HttpClient http = HttpClient.newHttpClient();
    for (Service s : Service.values()) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(system.managementUrl(s) + "/metrics"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("GET /metrics of %s", s).isEqualTo(200);
      r.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(MonitoringIT::record);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (system != null) {
      system.close();
    }
  }

  private static void record(String line) {
    Matcher m = SAMPLE.matcher(line);
    if (!m.matches()) {
      return;
    }
    Map<String, Set<String>> labels = SCRAPED.computeIfAbsent(m.group(1), k -> new TreeMap<>());
    if (m.group(3) != null) {
      Matcher l = LABEL.matcher(m.group(3));
      while (l.find()) {
        labels.computeIfAbsent(l.group(1), k -> new TreeSet<>()).add(l.group(2));
      }
    }
  }

  @Test
  @DisplayName("Every service metric the alerts, the dashboard and the alert tests use exists, with its labels and values")
  void monitoringUsesOnlyRegisteredMetrics() {
    assertThat(SCRAPED).as("metrics scraped from the four services").isNotEmpty();
    Map<String, Set<String>> external = Monitoring.externalMetrics();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Monitoring.Use use : Monitoring.uses()) {
      List<String> names = names(use.selector());
      if (names.isEmpty()) {
        problems.add(use.where() + ": no metric of the services matches " + use.selector());
        continue;
      }
      for (String name : names) {
        if (external.containsKey(name)) {
          continue; // MonitoringRulesTest checks those against the exporters
        }
        if (!SCRAPED.containsKey(name)) {
          problems.add(use.where() + ": no service registers " + name);
          continue;
        }
        checked++;
        for (PromQl.Matcher m : use.selector().matchers()) {
          checkMatcher(use, name, m, problems);
        }
      }
    }
    assertThat(checked).as("selectors of service metrics checked").isPositive();
    assertThat(problems).isEmpty();
  }

  private static void checkMatcher(Monitoring.Use use, String name, PromQl.Matcher m, List<String> problems) {
    if ("__name__".equals(m.label()) || Monitoring.TARGET_LABELS.contains(m.label())) {
      return;
    }
    Set<String> values = SCRAPED.get(name).get(m.label());
    if (values == null) {
      problems.add(use.where() + ": " + name + " has no label " + m.label() + " (its labels: "
          + SCRAPED.get(name).keySet() + ")");
    } else if (m.literal() && !m.value().contains("$") && !values.contains(m.value())) {
      problems.add(use.where() + ": " + name + "{" + m.label() + "=\"" + m.value() + "\"} never occurs (values: "
          + values + ")");
    }
  }

  /** @return the metric names a selector means: its name, or the scraped names its __name__ matchers accept */
  private static List<String> names(PromQl.Selector selector) {
    if (selector.name() != null) {
      return List.of(selector.name());
    }
    List<String> names = new ArrayList<>(SCRAPED.keySet());
    for (PromQl.Matcher m : selector.matchers()) {
      if ("__name__".equals(m.label())) {
        names.removeIf(n -> "=~".equals(m.op()) ? !n.matches(m.value()) : !n.equals(m.value()));
      }
    }
    return names;
  }

}
