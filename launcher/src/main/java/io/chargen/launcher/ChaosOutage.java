package io.chargen.launcher;

import io.chargen.launcher.LocalSystem.Service;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The broker goes away (stopped, or frozen with its sockets open) and comes back: readiness must turn DOWN within
 * 10 s on every service, requests must fail fast with 503 meanwhile, and the services must recover without a restart.
 */
final class ChaosOutage {
  private static final long POLL_MS = 250;
  private final LocalSystem system;
  private final ChaosHttp http;

  ChaosOutage(LocalSystem system) {
    this.system = system;
    this.http = new ChaosHttp(system.clientToken());
  }

  /**
   * @param name the scenario's name
   * @param injected what is done to the broker, for the report
   * @param stop stops (or freezes) the broker
   * @param restart brings it back on the same port and data
   * @param downSeconds how long it stays away
   * @param queryBody a valid query, sent during and after the outage
   */
  Map<String, Object> outage(String name, String injected, Callable<?> stop, Callable<?> restart, int downSeconds,
      String queryBody) throws Exception {
    long start = System.nanoTime();
    stop.call();
    Map<String, Long> downAfterMs = awaitHealth(503, start, 30_000);
    ChaosHttp.Answer during = http.post(system.url(Service.CAPTURE) + "/v1/queries", "application/json", queryBody);
    Thread.sleep(Math.max(0, downSeconds * 1000L - elapsedMs(start)));
    long restarted = System.nanoTime();
    restart.call();
    Map<String, Long> upAfterMs = awaitHealth(200, restarted, 60_000);
    ChaosHttp.Answer after = http.post(system.url(Service.CAPTURE) + "/v1/queries", "application/json", queryBody);
    boolean answered = after.status() == 202 && answered(new io.vertx.core.json.JsonObject(after.body())
        .getString("id"));
    Map<String, Object> observed = new LinkedHashMap<>();
    observed.put("health_down_after_ms", downAfterMs);
    observed.put("post_during_outage", Map.of("status", during.status(), "ms", during.millis(),
        "retry_after", String.valueOf(during.retryAfter())));
    observed.put("health_up_after_restart_ms", upAfterMs);
    observed.put("query_after_recovery_answered", answered);
    boolean passed = downAfterMs.size() == Service.values().length
        && downAfterMs.values().stream().allMatch(ms -> ms <= 10_000) && during.status() == 503
        && during.millis() < 1_000 && upAfterMs.size() == Service.values().length && answered;
    return ChaosProbes.result(name, injected, observed, passed);
  }

  /** @return per service, ms from {@code start} until {@code /health} answered {@code status} (within the limit) */
  private Map<String, Long> awaitHealth(int status, long start, long limitMs) throws InterruptedException {
    Map<String, Long> after = new LinkedHashMap<>();
    while (after.size() < Service.values().length && elapsedMs(start) < limitMs) {
      for (Service s : Service.values()) {
        if (!after.containsKey(s.name()) && http.get(system.url(s) + "/health").status() == status) {
          after.put(s.name(), elapsedMs(start));
        }
      }
      Thread.sleep(POLL_MS);
    }
    return after;
  }

  private boolean answered(String id) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (http.get(system.url(Service.CAPTURE) + "/v1/queries/" + id).status() == 200) {
        return true;
      }
      Thread.sleep(POLL_MS);
    }
    return false;
  }

  private static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
