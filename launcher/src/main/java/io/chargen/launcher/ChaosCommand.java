package io.chargen.launcher;

import io.chargen.kafka.FreePorts;
import io.chargen.launcher.LocalSystem.Service;
import io.chargen.model.data.DigiletsDataset;
import io.chargen.model.data.DigiletsReader;
import io.chargen.model.data.PenSample;
import io.chargen.service.security.TenantRateLimiter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chargen chaos}: the fault-injection suite of issue 11 against the whole system in this JVM (run it with the
 * heap of a pod: {@code CHARGEN_JAVA_OPTS=-Xmx768m}; the broker runs in a process of its own, {@link ChaosBroker}).
 * Poison records, hostile requests and sessions, an open-loop flood, kill -9 of a group member, a frozen and a stopped
 * broker; prints each scenario's injection, observation and verdict as JSON, exits 1 if any failed.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = "Inject faults into a local system (poison records, hostile requests, flood, kill -9, frozen and "
        + "stopped broker) and report what was lost (JSON).")
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
  @Option(names = "--freeze-seconds", defaultValue = "25",
      description = "Broker frozen time, SIGSTOP to SIGCONT (default: ${DEFAULT-VALUE}).")
  int freezeSeconds;

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
    ChaosBroker broker = ChaosBroker.start(kafkaPort, logDir);
    List<Map<String, Object>> results = new ArrayList<>();
    // The flood and kill -9 scenarios send and poll hundreds of requests per second from one tenant: they test the
    // backlog bound and failover, which protect a replica when many tenants each stay within their own limit, so
    // this system lifts the per-tenant rate limit (ServiceApiTest covers the limit itself).
    try (LocalSystem system = new LocalSystem(broker.bootstrapServers(), model, ports)
        .with(TenantRateLimiter.RATE, Integer.toString(Integer.MAX_VALUE))
        .with(TenantRateLimiter.BURST, Integer.toString(Integer.MAX_VALUE)).start(System.err)) {
      LoadCommand.teach(system, data, writer);
      PenSample sample = data.filter(s -> s.label() == 'n' && s.instance() == 1).samples().get(0);
      String query = Json.MAPPER.writeValueAsString(PenJson.toJson(null, writer, sample.points()));
      ChaosProbes probes = new ChaosProbes(system);
      ChaosFlood flood = new ChaosFlood(system, query);
      results.add(step("unprocessable input", probes::unprocessableInput));
      results.add(step("poison records", () -> new ChaosKafka(broker.bootstrapServers())
          .poisonRecords(() -> { })));
      results.add(step("heavy generations", probes::heavyGenerations));
      results.add(step("junk pen sessions", () -> new ChaosPen(system).junkSessions()));
      results.add(step("open-loop flood", () -> flood.flood(floodRate, 5)));
      results.add(step("kill -9", () -> new ChaosKill(system, broker.bootstrapServers(), model)
          .killMember(query)));
      ChaosOutage outage = new ChaosOutage(system);
      results.add(step("frozen broker", () -> outage.outage("frozen broker", "the broker's process stopped with "
          + "SIGSTOP for " + freezeSeconds + " s (sockets open, nothing answered), then SIGCONT; services not "
          + "restarted", () -> {
            broker.freeze();
            return null;
          }, () -> {
            broker.thaw();
            return null;
          }, freezeSeconds, query)));
      results.add(step("broker outage", () -> outage.outage("broker outage", "the broker stopped for "
          + outageSeconds + " s, then restarted on the same port and data; services not restarted", () -> {
            broker.close();
            return null;
          }, () -> {
            broker.restart();
            return null;
          }, outageSeconds, query)));
    } finally {
      broker.close();
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("heap_max_mb", ChaosHeap.maxMb());
    report.put("heap_after_gc_mb_at_end", ChaosHeap.usedAfterGcMb());
    report.put("cores", Runtime.getRuntime().availableProcessors());
    report.put("scenarios", results);
    Json.print(report);
    return results.stream().allMatch(r -> Boolean.TRUE.equals(r.get("passed"))) ? 0 : 1;
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
