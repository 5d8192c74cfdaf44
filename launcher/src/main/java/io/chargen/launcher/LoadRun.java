package io.chargen.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargen.model.data.PenSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  private final String token;
  private final List<PenSample> pool;
  private final int tablets;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger wrong = new AtomicInteger();

  LoadRun(String url, String token, List<PenSample> pool, int tablets) {
    this.url = url;
    this.token = token;
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
    PenSocket socket = new PenSocket(url, token);
    for (int q = next.getAndIncrement(); q < queries; q = next.getAndIncrement()) {
      PenSample s = pool.get(q % pool.size());
      long[] sent = new long[1];
      try {
        JsonNode result = socket.ask(s, () -> sent[0] = System.nanoTime()).get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
        if (result.path("type").asText().equals("error")) {
          throw new IllegalStateException(result.path("error").asText());
        }
        latencies.add((System.nanoTime() - sent[0]) / 1e6);
        if (!result.path("label").asText().equals(String.valueOf(s.label()))) {
          wrong.incrementAndGet();
        }
      } catch (Exception e) {
        throw new IllegalStateException("no classification within " + ANSWER_TIMEOUT_S + " s for query " + q, e);
      }
    }
    socket.close();
  }
}
