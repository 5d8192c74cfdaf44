package io.chargen.launcher;

import io.chargen.kafka.FreePorts;
import io.chargen.launcher.LocalSystem.Service;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kill -9 of a group member: a second classifier runs as its own process in the same consumer group, takes half of
 * {@code chargen.queries}' partitions, and is killed with SIGKILL (no leave-group). Queries sent right after must all
 * be answered, those on its partitions once the group notices (the 6 s session timeout) and rebalances.
 */
final class ChaosKill {
  private static final long SETTLE_MS = 8_000;
  private static final int QUERIES = 24;
  private final LocalSystem system;
  private final String bootstrap;
  private final Path model;
  private final ChaosHttp http;

  ChaosKill(LocalSystem system, String bootstrap, Path model) {
    this.system = system;
    this.http = new ChaosHttp(system.clientToken());
    this.bootstrap = bootstrap;
    this.model = model;
  }

  Map<String, Object> killMember(String queryBody) throws Exception {
    int port = FreePorts.pick(1)[0];
    File log = File.createTempFile("chaos-classifier-", ".log");
    ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), "io.chargen.classifier.ClassifierMain")
        .redirectErrorStream(true).redirectOutput(log);
    builder.environment().putAll(system.serviceEnvironment());
    builder.environment().putAll(Map.of("CHARGEN_KAFKA_BOOTSTRAP", bootstrap, "CHARGEN_HTTP_PORT",
        Integer.toString(port), "CHARGEN_MANAGEMENT_PORT", "0", "CHARGEN_MODEL", model.toString()));
    Process child = builder.start();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (http.get("http://localhost:" + port + "/health").status() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    Thread.sleep(SETTLE_MS); // the group rebalances to two members
    child.destroyForcibly().waitFor();
    long killed = System.nanoTime();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      ChaosHttp.Answer a = http.post(system.url(Service.CAPTURE) + "/v1/queries", "application/json", queryBody);
      if (a.status() == 202) {
        ids.add(new JsonObject(a.body()).getString("id"));
      }
    }
    long slowest = 0;
    int answered = 0;
    for (String id : ids) {
      while (http.get(system.url(Service.CAPTURE) + "/v1/queries/" + id).status() == 202
          && System.nanoTime() - killed < 60_000_000_000L) {
        Thread.sleep(100);
      }
      if (http.get(system.url(Service.CAPTURE) + "/v1/queries/" + id).status() == 200) {
        answered++;
        slowest = Math.max(slowest, (System.nanoTime() - killed) / 1_000_000);
      }
    }
    Map<String, Object> observed = new LinkedHashMap<>();
    observed.put("queries_sent_after_kill", ids.size());
    observed.put("answered", answered);
    observed.put("last_answer_after_kill_ms", slowest);
    observed.put("child_log", log.toString());
    boolean passed = ids.size() == QUERIES && answered == QUERIES && slowest <= 10_000;
    return ChaosProbes.result("kill -9 of a group member", "SIGKILL of a second classifier process holding half "
        + "of chargen.queries", observed, passed);
  }
}
