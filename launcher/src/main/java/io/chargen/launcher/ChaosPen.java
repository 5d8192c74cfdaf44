package io.chargen.launcher;

import io.chargen.launcher.LocalSystem.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WebSockets that buffer as much junk as they can on {@code /v1/pen}: 12 sessions, each sending 2,000 points with a
 * 60 KB junk field on every point, three points a message (the message limit is 256 KB). Typed buffering must keep
 * the heap flat, and the service must go on serving.
 */
final class ChaosPen {
  private static final int SESSIONS = 12;
  private static final int POINTS = 2_000;
  private static final int POINTS_PER_MESSAGE = 3;
  private static final String JUNK = "j".repeat(60_000);
  private final LocalSystem system;

  ChaosPen(LocalSystem system) {
    this.system = system;
  }

  Map<String, Object> junkSessions() throws Exception {
    long before = ChaosHeap.usedAfterGcMb();
    String url = "ws://localhost:" + system.port(Service.CAPTURE) + "/v1/pen";
    AtomicInteger errors = new AtomicInteger();
    List<WebSocket> sockets = new ArrayList<>();
    HttpClient client = HttpClient.newHttpClient();
    for (int i = 0; i < SESSIONS; i++) {
      sockets.add(client.newWebSocketBuilder().header("Authorization", "Bearer " + system.clientToken()).buildAsync(URI.create(url), new Counting(errors)).get(10,
          TimeUnit.SECONDS));
    }
    List<Thread> threads = new ArrayList<>();
    for (WebSocket ws : sockets) {
      Thread t = new Thread(() -> fill(ws));
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long during = ChaosHeap.usedAfterGcMb();
    int healthy = new ChaosHttp(system.clientToken()).get(system.url(Service.CAPTURE) + "/health").status();
    sockets.forEach(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    Map<String, Object> observed = new TreeMap<>();
    observed.put("heap_after_gc_mb_before_during", List.of(before, during));
    observed.put("error_messages", errors.get());
    observed.put("health_status_during", healthy);
    boolean passed = during - before < 200 && healthy == 200;
    return ChaosProbes.result("junk pen sessions", SESSIONS + " WebSockets, each " + POINTS + " points with a "
        + "60 KB junk field on every point", observed, passed);
  }

  private static void fill(WebSocket ws) {
    ws.sendText("{\"type\":\"begin\",\"mode\":\"ask\"}", true).join();
    for (int i = 0; i < POINTS; i += POINTS_PER_MESSAGE) {
      StringBuilder m = new StringBuilder("{\"type\":\"points\",\"points\":[");
      for (int p = 0; p < POINTS_PER_MESSAGE; p++) {
        m.append(p == 0 ? "" : ",").append("{\"x\":0.1,\"y\":0.1,\"pressure\":0.5,\"down\":true,\"t\":")
            .append(i + p).append(",\"junk\":\"").append(JUNK).append("\"}");
      }
      ws.sendText(m.append("]}"), true).join();
    }
  }

  /** Counts error messages pushed by the service. */
  private record Counting(AtomicInteger errors) implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      if (data.toString().contains("\"error\"")) {
        errors.incrementAndGet();
      }
      ws.request(1);
      return CompletableFuture.completedFuture(null);
    }
  }
}
