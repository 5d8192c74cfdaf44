package io.chargen.launcher;

import io.chargen.kafka.EmbeddedKafka;
import io.chargen.kafka.FreePorts;
import io.chargen.launcher.LocalSystem.Service;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.PenSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chargen load}: the whole path capture → Kafka → classifier → Kafka → capture on one machine. Starts the
 * system on an embedded broker, teaches n–z of one writer, then sends that writer's other instances as queries over
 * the capture WebSocket from several concurrent tablets and measures each query's latency from its last point to the
 * pushed classification.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Benchmark capture -> classification end to end: trajectories/s and p50/p99 latency (JSON).")
final class LoadCommand implements Callable<Integer> {
  @Option(names = "--model", defaultValue = ModelOptions.SHIPPED_MODEL, description = "Base model (default: shipped).")
  Path model;
  @Option(names = "--writer", defaultValue = "${sys:chargen.home:-.}/data/splits/heldout/"
      + "008-f-21-right_2019-06-19-12-24-59_preprocessed.txt.gz", description = "Writer file to teach and query.")
  Path writerFile;
  @Option(names = "--queries", defaultValue = "2000", description = "Queries to send (default: ${DEFAULT-VALUE}).")
  int queries;
  @Option(names = "--tablets", defaultValue = "8", description = "Concurrent WebSocket clients (default: ${DEFAULT-VALUE}).")
  int tablets;
  @Option(names = "--warmup", defaultValue = "200", description = "Queries sent first and not measured.")
  int warmup;
  @Option(names = "--rate", split = ",", description = "Open loop: queries/s, one run per rate (e.g. 100,200,300); "
      + "without it, closed loop: each tablet sends its next query when the last is answered.")
  List<Double> rates = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    DigiletsDataset data = DigiletsReader.readDataset(writerFile);
    String writer = data.writers().get(0);
    int[] free = FreePorts.pick(Service.values().length);
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    Arrays.stream(Service.values()).forEach(s -> ports.put(s, free[s.ordinal()]));
    try (EmbeddedKafka broker = EmbeddedKafka.start()) {
      broker.createTopics(LocalSystem.topics());
      try (LocalSystem system = new LocalSystem(broker.bootstrapServers(), model, ports).start(System.err)) {
        teach(system, data, writer);
        List<PenSample> pool = data.filter(s -> s.label() >= 'n' && s.instance() > 0).samples();
        String url = "ws://localhost:" + system.port(Service.CAPTURE) + "/v1/pen";
        System.err.printf("load: %d warm-up queries, then %d measured, from %d tablets%n", warmup, queries, tablets);
        new LoadRun(url, system.clientToken(), pool, tablets).run(warmup);
        if (!rates.isEmpty()) {
          List<Object> runs = new ArrayList<>();
          for (double rate : rates) {
            runs.add(openLoop(new OpenLoopRun(url, system.clientToken(), pool, tablets).run(queries, rate), rate));
          }
          Json.print(Map.of("mode", "open loop", "tablets", tablets, "cores",
              Runtime.getRuntime().availableProcessors(), "runs", runs, "means_over_all_runs",
              LoadBreakdown.of(system)));
          return 0;
        }
        LoadRun.Result r = new LoadRun(url, system.clientToken(), pool, tablets).run(queries);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("queries", r.latenciesMs().length);
        json.put("tablets", tablets);
        json.put("seconds", r.seconds());
        json.put("trajectories_per_second", r.latenciesMs().length / r.seconds());
        json.put("latency_ms", Map.of("p50", r.percentile(50), "p90", r.percentile(90), "p99", r.percentile(99),
            "max", r.percentile(100)));
        json.put("wrong_labels", r.wrong());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("means", LoadBreakdown.of(system));
        Json.print(json);
      }
    }
    return 0;
  }

  private static Map<String, Object> openLoop(OpenLoopRun.Result r, double rate) {
    LoadRun.Result answered = new LoadRun.Result(r.latenciesMs(), r.seconds(), r.wrong());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("offered_per_second", rate);
    json.put("answered", r.latenciesMs().length);
    json.put("answered_per_second", r.latenciesMs().length / r.seconds());
    json.put("refused", r.refused());
    json.put("timed_out", r.timedOut());
    if (r.latenciesMs().length > 0) {
      json.put("latency_ms", Map.of("p50", answered.percentile(50), "p90", answered.percentile(90),
          "p99", answered.percentile(99), "max", answered.percentile(100)));
    }
    json.put("wrong_labels", r.wrong());
    System.err.printf("load: %.0f/s offered -> %s%n", rate, json);
    return json;
  }

  static void teach(LocalSystem system, DigiletsDataset data, String writer) throws Exception {
    DemoHttp http = new DemoHttp(system.clientToken());
    List<Character> letters = new ArrayList<>();
    for (char c = 'n'; c <= 'z'; c++) {
      PenSample s = data.sample(writer, c, 0);
      http.post(system.url(Service.CAPTURE) + "/v1/examples", PenJson.toJson(String.valueOf(c), writer, s.points()));
      letters.add(c);
    }
    http.pollUntil(system.url(Service.CLASSIFIER) + "/v1/concepts", java.time.Duration.ofMinutes(2),
        json -> Demo.learned(json) >= letters.size());
    System.err.printf("load: taught %d letters of %s%n", letters.size(), writer);
  }
}
