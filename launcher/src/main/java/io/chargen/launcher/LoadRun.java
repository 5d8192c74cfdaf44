package io.chargen.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargen.model.data.PenSample;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Concurrent tablets on the capture WebSocket in ask mode, each sending its next query when the last is answered. */
final class LoadRun {
  /** Longest wait for one answer before the run is declared stuck. */
  private static final long ANSWER_TIMEOUT_S = 60;

  record Result(double[] latenciesMs, double seconds, int wrong) {
    double percentile(double p) {
      double[] sorted = latenciesMs.clone();
      Arrays.sort(sorted);
      int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
  }

  private final String url;
  private final List<PenSample> pool;
  private final int tablets;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger wrong = new AtomicInteger();

  LoadRun(String url, List<PenSample> pool, int tablets) {
    this.url = url;
    this.pool = pool;
    this.tablets = tablets;
  }

  Result run(int queries) throws Exception {
    List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < tablets; i++) {
      Thread t = new Thread(() -> tablet(queries, latencies), "tablet-" + i);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(latencies.stream().mapToDouble(Double::doubleValue).toArray(), seconds, wrong.get());
  }

  private void tablet(int queries, List<Double> latencies) {
    Listener listener = new Listener();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), listener).join();
    send(ws, Map.of("type", "begin", "mode", "ask", "writer", "load"));
    for (int q = next.getAndIncrement(); q < queries; q = next.getAndIncrement()) {
      PenSample s = pool.get(q % pool.size());
      CompletableFuture<JsonNode> answer = listener.expect();
      send(ws, Map.of("type", "points", "points", ((Map<?, ?>) PenJson.toJson(null, "load", s.points())).get("points")));
      long sent = System.nanoTime();
      send(ws, Map.of("type", "end"));
      try {
        JsonNode result = answer.get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
        latencies.add((System.nanoTime() - sent) / 1e6);
        if (!result.path("label").asText().equals(String.valueOf(s.label()))) {
          wrong.incrementAndGet();
        }
      } catch (Exception e) {
        throw new IllegalStateException("no classification within " + ANSWER_TIMEOUT_S + " s for query " + q, e);
      }
    }
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
  }

  private static void send(WebSocket ws, Object message) {
    try {
      ws.sendText(Json.MAPPER.writeValueAsString(message), true).join();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Completes the pending answer when the classification is pushed; an error message fails it. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private volatile CompletableFuture<JsonNode> pending = new CompletableFuture<>();

    CompletableFuture<JsonNode> expect() {
      pending = new CompletableFuture<>();
      return pending;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode json = Json.MAPPER.readTree(partial.toString());
          String type = json.path("type").asText();
          if (type.equals("classification")) {
            pending.complete(json);
          } else if (type.equals("error")) {
            pending.completeExceptionally(new IllegalStateException(json.path("error").asText()));
          }
        } catch (Exception e) {
          pending.completeExceptionally(e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
