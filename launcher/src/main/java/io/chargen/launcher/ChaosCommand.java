package io.chargen.launcher;

import io.chargen.kafka.EmbeddedKafka;
import io.chargen.kafka.FreePorts;
import io.chargen.launcher.LocalSystem.Service;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.PenSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chargen chaos}: the fault-injection suite of issue 11 against the whole system in this JVM (run it with the
 * heap of a pod: {@code CHARGEN_JAVA_OPTS=-Xmx768m}). Poison records, hostile requests and sessions, an open-loop
 * flood, kill -9 of a group member and a broker outage; prints each scenario's injection, observation and verdict as
 * JSON, exits 1 if any failed.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = "Inject faults into a local system (poison records, hostile requests, flood, kill -9, broker "
        + "outage) and report what was lost (JSON).")
final class ChaosCommand implements Callable<Integer> {
  @Option(names = "--model", defaultValue = ModelOptions.SHIPPED_MODEL, description = "Base model (default: shipped).")
  Path model;
  @Option(names = "--writer", defaultValue = "${sys:chargen.home:-.}/data/splits/heldout/"
      + "008-f-21-right_2019-06-19-12-24-59_preprocessed.txt.gz", description = "Writer file to teach and query.")
  Path writerFile;
  @Option(names = "--flood-rate", defaultValue = "600", description = "Queries/s of the flood (default: ${DEFAULT-VALUE}).")
  int floodRate;
  @Option(names = "--outage-seconds", defaultValue = "20", description = "Broker down time (default: ${DEFAULT-VALUE}).")
  int outageSeconds;

  @Override
  public Integer call() throws Exception {
    DigiletsDataset data = DigiletsReader.readDataset(writerFile);
    String writer = data.writers().get(0);
    int[] free = FreePorts.pick(Service.values().length + 1);
    Map<Service, Integer> ports = new EnumMap<>(Service.class);
    for (Service s : Service.values()) {
      ports.put(s, free[s.ordinal()]);
    }
    int kafkaPort = free[Service.values().length];
    Path logDir = Files.createTempDirectory("chargen-chaos-");
    AtomicReference<EmbeddedKafka> broker = new AtomicReference<>(startBroker(kafkaPort, logDir));
    broker.get().createTopics(LocalSystem.topics());
    List<Map<String, Object>> results = new ArrayList<>();
    try (LocalSystem system = new LocalSystem(broker.get().bootstrapServers(), model, ports).start(System.err)) {
      LoadCommand.teach(system, data, writer);
      PenSample sample = data.filter(s -> s.label() == 'n' && s.instance() == 1).samples().get(0);
      String query = Json.MAPPER.writeValueAsString(PenJson.toJson(null, writer, sample.points()));
      ChaosProbes probes = new ChaosProbes(system);
      ChaosFlood flood = new ChaosFlood(system, query);
      results.add(step("unprocessable input", probes::unprocessableInput));
      results.add(step("poison records", () -> new ChaosKafka(broker.get().bootstrapServers())
          .poisonRecords(() -> { })));
      results.add(step("heavy generations", probes::heavyGenerations));
      results.add(step("junk pen sessions", () -> new ChaosPen(system).junkSessions()));
      results.add(step("open-loop flood", () -> flood.flood(floodRate, 5)));
      results.add(step("kill -9", () -> new ChaosKill(system, broker.get().bootstrapServers(), model)
          .killMember(query)));
      results.add(step("broker outage", () -> new ChaosOutage(system).outage(() -> broker.get().close(), () -> {
        broker.set(startBroker(kafkaPort, logDir));
        return null;
      }, outageSeconds, query)));
    } finally {
      broker.get().close();
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("heap_max_mb", ChaosHeap.maxMb());
    report.put("heap_after_gc_mb_at_end", ChaosHeap.usedAfterGcMb());
    report.put("cores", Runtime.getRuntime().availableProcessors());
    report.put("scenarios", results);
    Json.print(report);
    return results.stream().allMatch(r -> Boolean.TRUE.equals(r.get("passed"))) ? 0 : 1;
  }

  private static EmbeddedKafka startBroker(int port, Path logDir) {
    return EmbeddedKafka.builder().clientPort(port).logDirectory(logDir).start();
  }

  private static Map<String, Object> step(String name, Callable<Map<String, Object>> scenario) {
    System.err.printf("chaos: %s...%n", name);
    try {
      Map<String, Object> result = scenario.call();
      System.err.printf("chaos: %s %s%n", name, Boolean.TRUE.equals(result.get("passed")) ? "passed" : "FAILED");
      return result;
    } catch (Exception e) {
      System.err.printf("chaos: %s FAILED with %s%n", name, e);
      return ChaosProbes.result(name, "(did not run to the end)", e.toString(), false);
    }
  }
}
