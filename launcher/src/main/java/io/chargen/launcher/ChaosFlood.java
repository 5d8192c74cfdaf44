package io.chargen.launcher;

import io.chargen.launcher.LocalSystem.Service;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-loop flood of queries: sent at a fixed rate whatever the answers, as many tablets would. Every query
 * capture accepts must later be answered (or failed explicitly), never 404; past the backlog bound capture answers
 * 429 with Retry-After instead of accepting what it would drop.
 */
final class ChaosFlood {
  private final LocalSystem system;
  private final String queryBody;
  private final ChaosHttp http;

  /** @param queryBody a valid query's JSON */
  ChaosFlood(LocalSystem system, String queryBody) {
    this.system = system;
    this.http = new ChaosHttp(system.clientToken());
    this.queryBody = queryBody;
  }

  Map<String, Object> flood(int perSecond, int seconds) throws InterruptedException {
    String url = system.url(Service.CAPTURE);
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
    List<java.util.concurrent.CompletableFuture<Void>> sent = new ArrayList<>();
    long start = System.nanoTime();
    long intervalNanos = 1_000_000_000L / perSecond;
    for (int i = 0; i < perSecond * seconds; i++) {
      long wait = start + i * intervalNanos - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      sent.add(http.postAsync(url + "/v1/queries", "application/json", queryBody).thenAccept(a -> {
        statuses.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
        if (a.status() == 202) {
          accepted.add(new JsonObject(a.body()).getString("id"));
        }
      }));
    }
    java.util.concurrent.CompletableFuture.allOf(sent.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Integer> outcome = settle(url, accepted);
    boolean passed = outcome.getOrDefault("404", 0) == 0 && outcome.getOrDefault("202", 0) == 0
        && outcome.getOrDefault("other", 0) == 0;
    Map<String, Object> observed = new TreeMap<>();
    observed.put("post_statuses", new TreeMap<>(statuses));
    observed.put("sent_per_second", Math.round(perSecond * seconds / sendSeconds));
    observed.put("accepted_ids_later", outcome);
    return ChaosProbes.result("open-loop flood", perSecond + " queries/s for " + seconds + " s on POST /v1/queries",
        observed, passed);
  }

  /** Polls every accepted id until it is answered, failed, or 120 s passed: counts 200, 422, 202 (still), 404. */
  private Map<String, Integer> settle(String url, List<String> ids) throws InterruptedException {
    Map<String, Integer> final_ = new TreeMap<>();
    long deadline = System.nanoTime() + 120_000_000_000L;
    List<String> open = new ArrayList<>(ids);
    while (!open.isEmpty() && System.nanoTime() < deadline) {
      List<String> still = new ArrayList<>();
      for (String id : open) {
        int status = http.get(url + "/v1/queries/" + id).status();
        if (status == 202) {
          still.add(id);
        } else {
          final_.merge(status == 200 || status == 422 || status == 404 ? Integer.toString(status) : "other", 1,
              Integer::sum);
        }
      }
      open = still;
      if (!open.isEmpty()) {
        Thread.sleep(500);
      }
    }
    if (!open.isEmpty()) {
      final_.put("202", open.size());
    }
    return final_;
  }
}
