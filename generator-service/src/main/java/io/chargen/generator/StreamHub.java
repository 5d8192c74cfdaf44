package io.chargen.generator;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboards connected to {@code /v1/stream}: every event is sent to each of them as a JSON text frame. A
 * dashboard too slow to take its frames (write queue full) misses events rather than growing this process's memory;
 * it can always fetch results with {@code GET /v1/generations/{id}}.
 */
public final class StreamHub {
  private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);

  private final Set<ServerWebSocket> sessions = ConcurrentHashMap.newKeySet();

  /** @param socket a dashboard that just connected; removed when it closes */
  public void join(ServerWebSocket socket) {
    sessions.add(socket);
    LOG.info("stream session opened from {} ({} open)", socket.remoteAddress(), sessions.size());
    socket.closeHandler(v -> {
      sessions.remove(socket);
      LOG.info("stream session closed ({} open)", sessions.size());
    });
    socket.exceptionHandler(e -> LOG.warn("stream session {} failed", socket.remoteAddress(), e));
  }

  /** @param event sent to every open session */
  public void broadcast(JsonObject event) {
    if (sessions.isEmpty()) {
      return;
    }
    String text = event.encode();
    for (ServerWebSocket socket : sessions) {
      if (socket.isClosed() || socket.writeQueueFull()) {
        continue;
      }
      socket.writeTextMessage(text)
          .onFailure(e -> LOG.debug("stream frame to {} not sent: {}", socket.remoteAddress(), e.getMessage()));
    }
  }

  /** @return open sessions, for the gauge */
  public int size() {
    return sessions.size();
  }

  /** Closes every session, on shutdown. */
  public void closeAll() {
    sessions.forEach(ServerWebSocket::close);
    sessions.clear();
  }
}
