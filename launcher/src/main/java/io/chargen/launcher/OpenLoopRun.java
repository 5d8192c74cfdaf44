package io.chargen.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargen.model.data.PenSample;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Queries at a fixed rate whatever the answers (open loop), as many tablets writing at once would send them: query i
 * is due at {@code i / rate} seconds; a pool of WebSocket tablets takes due queries in order, and a query's latency
 * runs from its due time to its pushed classification, so time spent waiting for a free tablet counts (no
 * coordinated omission). Queries refused by capture (an error pushed instead of {@code accepted}) are counted apart.
 */
final class OpenLoopRun {
  private static final long ANSWER_TIMEOUT_S = 60;
  private static final long NO_MORE = -1;

  record Result(double[] latenciesMs, double seconds, int wrong, int refused, int timedOut) {}

  private final String url;
  private final String token;
  private final List<PenSample> pool;
  private final int tablets;

  OpenLoopRun(String url, String token, List<PenSample> pool, int tablets) {
    this.url = url;
    this.token = token;
    this.pool = pool;
    this.tablets = tablets;
  }

  Result run(int queries, double perSecond) throws Exception {
    BlockingQueue<long[]> due = new LinkedBlockingQueue<>();
    List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger wrong = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger timedOut = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < tablets; i++) {
      Thread t = new Thread(() -> tablet(due, latencies, wrong, refused, timedOut), "open-tablet-" + i);
      threads.add(t);
      t.start();
    }
    long start = System.nanoTime();
    for (int q = 0; q < queries; q++) {
      due.add(new long[] {q, start + (long) (q * 1e9 / perSecond)});
    }
    for (int i = 0; i < tablets; i++) {
      due.add(new long[] {NO_MORE, 0});
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(latencies.stream().mapToDouble(Double::doubleValue).toArray(), seconds, wrong.get(),
        refused.get(), timedOut.get());
  }

  private void tablet(BlockingQueue<long[]> due, List<Double> latencies, AtomicInteger wrong, AtomicInteger refused,
      AtomicInteger timedOut) {
    PenSocket socket = new PenSocket(url, token);
    try {
      for (long[] next = due.take(); next[0] != NO_MORE; next = due.take()) {
        long wait = next[1] - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        PenSample s = pool.get((int) (next[0] % pool.size()));
        try {
          JsonNode result = socket.ask(s, () -> { }).get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
          if (result.path("type").asText().equals("error")) {
            refused.incrementAndGet();
          } else {
            latencies.add((System.nanoTime() - next[1]) / 1e6);
            if (!result.path("label").asText().equals(String.valueOf(s.label()))) {
              wrong.incrementAndGet();
            }
          }
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
          timedOut.incrementAndGet();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    socket.close();
  }
}
